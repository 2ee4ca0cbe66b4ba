"""The ground truth of a synthetic release: every figure it prints, where, and as what fact.

A figure is keyed like a filed fact (concept, period, dimensions, unit), so the scorer can put
what the extractor filed next to what the release printed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal

from generator.model.period import Duration, Instant

PeriodKey = tuple[str, dt.date, dt.date]
FactKey = tuple[str, PeriodKey, tuple[tuple[str, str], ...], str | None]


def period_key(period: Duration | Instant) -> PeriodKey:
    """A hashable, comparable form of a period (instants have start == end)."""
    if isinstance(period, Instant):
        return ("instant", period.date, period.date)
    return ("duration", period.start, period.end)


def fact_key(
    concept: str, period: Duration | Instant, dimensions: Mapping[str, str], unit: str | None
) -> FactKey:
    """What makes two figures the same fact: XBRL's concept, context and unit."""
    return (concept, period_key(period), tuple(sorted(dimensions.items())), unit)


@dataclass(frozen=True)
class TruthFigure:
    """One figure a synthetic release prints in a statement table.

    ``value`` is in base units (whole yen, shares), ``None`` for a printed dash (a nil fact);
    ``text`` is the token as printed on ``line`` (1-based); ``column`` says which printed column
    ("prior", "current", "usd") it stands in; ``table`` is the taxonomy network it belongs to.
    """

    concept: str
    period: Duration | Instant
    dimensions: tuple[tuple[str, str], ...]
    unit: str
    value: Decimal | None
    decimals: int | None
    line: int
    text: str
    table: str
    column: str

    @property
    def key(self) -> FactKey:
        return fact_key(self.concept, self.period, dict(self.dimensions), self.unit)
