"""A fact: one value of one concept in one context, with where it came from."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from pydantic import BaseModel, ConfigDict, Field


class Correction(BaseModel):
    """A value changed from what was printed, and the evidence that justified it."""

    model_config = ConfigDict(frozen=True, extra="forbid")
    printed: str
    corrected: Decimal
    reason: str
    evidence: tuple[str, ...] = ()


class Provenance(BaseModel):
    """Where a number was read: document, 1-based line, and the token as printed."""

    model_config = ConfigDict(frozen=True, extra="forbid")
    document: str
    line: int = Field(ge=1)
    text: str | None = None
    table: str | None = None  # network id of the table the row was read from
    corrections: tuple[Correction, ...] = ()
    also_in: tuple[str, ...] = ()
    # The checks that proved the figure before it was filed: its column's ("arithmetic",
    # "translation", "stated"...) and its own ("own: arithmetic" when a sum it is part of holds).
    proven_by: tuple[str, ...] = ()

    def __str__(self) -> str:
        return f"{self.document}:{self.line}"


@dataclass(frozen=True, slots=True)
class Fact:
    """A numeric or nil fact ready for an instance: context and unit already resolved to ids.

    ``value`` is ``None`` for a nil fact (a dash in the source), which then carries no decimals.
    A slotted dataclass, not a model: the map stage makes one per fact (100,000 in a large
    filing) from inputs that were validated as :class:`ResultFact` already.
    """

    concept: str
    context_ref: str
    unit_ref: str | None
    value: Decimal | None
    decimals: int | None
    provenance: Provenance
