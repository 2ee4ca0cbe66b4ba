"""Contexts: entity + period + explicit dimension members (in the scenario, TDnet style)."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from generator.model.entity import Entity
from generator.model.period import Duration, Instant


class ExplicitMember(BaseModel):
    """One axis set to one member, both taxonomy concept names (local names)."""

    model_config = ConfigDict(frozen=True, extra="forbid")
    axis: str
    member: str


class Context(BaseModel):
    """A distinct (entity, period, members); ``id`` is assigned by :mod:`generator.map.contexts`."""

    model_config = ConfigDict(frozen=True, extra="forbid")
    id: str
    entity: Entity
    period: Duration | Instant
    members: tuple[ExplicitMember, ...] = ()
