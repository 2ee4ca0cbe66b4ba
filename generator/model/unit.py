"""Units of measure: simple (JPY) or divide (JPY per share)."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field


class Measure(BaseModel):
    """A QName measure such as ``iso4217:JPY`` kept as namespace + local name."""

    model_config = ConfigDict(frozen=True, extra="forbid")
    namespace: str
    local_name: str
    prefix: str

    @property
    def qname(self) -> str:
        return f"{self.prefix}:{self.local_name}"


class Unit(BaseModel):
    """An XBRL unit; ``denominator`` non-empty makes it a divide unit."""

    model_config = ConfigDict(frozen=True, extra="forbid")
    id: str = Field(pattern=r"^[A-Za-z_][A-Za-z0-9_.-]*$")
    numerator: tuple[Measure, ...]
    denominator: tuple[Measure, ...] = ()

    @property
    def is_divide(self) -> bool:
        return bool(self.denominator)
