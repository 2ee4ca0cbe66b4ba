"""A taxonomy concept: the meaning of one line item, independent of any document."""

from __future__ import annotations

from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field


class DataType(StrEnum):
    """Item types used by the taxonomy; each maps to an XBRL item type and a unit rule."""

    MONETARY = "monetary"
    SHARES = "shares"
    PER_SHARE = "perShare"
    PURE = "pure"
    DECIMAL = "decimal"
    COUNT = "count"
    BANDWIDTH = "bandwidth"
    STRING = "string"
    DATE = "date"
    DOMAIN = "domain"

    @property
    def is_numeric(self) -> bool:
        return self not in (DataType.STRING, DataType.DATE, DataType.DOMAIN)


class PeriodType(StrEnum):
    DURATION = "duration"
    INSTANT = "instant"


class Balance(StrEnum):
    DEBIT = "debit"
    CREDIT = "credit"


class Label(BaseModel):
    """A label resource: text in a language with an XBRL label role (standard by default)."""

    model_config = ConfigDict(frozen=True, extra="forbid")
    text: str
    lang: str = "en"
    role: str = "http://www.xbrl.org/2003/role/label"


class Concept(BaseModel):
    """One element of the taxonomy schema.

    ``aliases`` are the wordings printed in releases over the years that mean this concept; the
    extractor matches table rows against them (see :mod:`generator.taxonomy.aliases`).
    """

    model_config = ConfigDict(frozen=True, extra="forbid")
    name: str = Field(pattern=r"^[A-Za-z_][A-Za-z0-9_]*$")
    data_type: DataType
    period_type: PeriodType
    balance: Balance | None = None
    abstract: bool = False
    substitution_group: str = "xbrli:item"
    nillable: bool = True
    labels: tuple[Label, ...] = ()
    aliases: tuple[str, ...] = ()
    documentation: str | None = None
