"""Who reports: the entity of every context, and per-company settings kept as data."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field


class Entity(BaseModel):
    """An XBRL entity identifier (TDnet: scheme http://www.tse.or.jp/sicc, 5-digit code)."""

    model_config = ConfigDict(frozen=True, extra="forbid")
    scheme: str
    identifier: str


class Company(BaseModel):
    """A reporting company, declared in ``taxonomy/companies/<id>.yaml``.

    ``names`` are the ways releases name the company ("IIJ", "Internet Initiative Japan Inc.");
    label aliases use ``{company}`` so one wording serves every company.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")
    id: str = Field(pattern=r"^[a-z0-9_-]+$")
    name: str
    names: tuple[str, ...]
    entity: Entity
    fiscal_year_end_month: int = Field(ge=1, le=12)
    rounding: Literal["rounding", "truncation"] = "rounding"
    currency: str = "JPY"
    ocr_names: tuple[str, ...] = ()
