"""From a printed cell to a fact's value, decimals, unit and period: pure functions of taxonomy
data (the concept's data type and period type) and the column's metadata."""

from __future__ import annotations

import datetime as dt
import functools
from decimal import Decimal

from generator.extract.layout import Cell, Column
from generator.model.concept import Concept, DataType, PeriodType
from generator.model.period import Duration, Instant
from generator.model.taxonomy import PERIOD_START_LABEL_ROLE

HUNDRED = Decimal(100)
_UNIT_BY_TYPE = {
    DataType.SHARES: "shares",
    DataType.PURE: "pure",
    DataType.DECIMAL: "pure",
    DataType.COUNT: "Contracts",
    DataType.BANDWIDTH: "Gbps",
}


@functools.lru_cache(maxsize=64)  # a handful of scales, asked for every fact
def _scale_exponent(scale: Decimal) -> int:
    """10**n -> n (the column scales are powers of ten); other scales count as 0."""
    exponent = scale.normalize().as_tuple().exponent
    digits = scale.normalize().as_tuple().digits
    if digits == (1,) and isinstance(exponent, int):
        return exponent
    return 0


def is_percent(concept: Concept, cell: Cell) -> bool:
    """A pure concept is printed as a percentage in releases ("42.1" for 0.421)."""
    return concept.data_type is DataType.PURE or cell.percent


def scaled_value(concept: Concept, cell: Cell, column: Column) -> Decimal | None:
    """Printed value in base units: monetary x column scale; percent -> ratio; others as printed."""
    if cell.value is None:
        return None
    if concept.data_type is DataType.MONETARY:
        scaled = cell.value * column.scale
        if scaled == scaled.to_integral_value():
            return scaled.quantize(Decimal(1))  # "70.8" billions -> 70800000000, not ...000.0
        return scaled
    if is_percent(concept, cell):
        ratio = cell.value / HUNDRED
        return ratio.quantize(Decimal(1).scaleb(-(cell.fraction_digits + 2)))  # 49.0 -> 0.490
    return cell.value


def decimals_of(concept: Concept, cell: Cell, column: Column) -> int | None:
    """Printed precision as XBRL decimals: thousands -> -3 (-6 in a column of whole
    thousands, ``Column.rounded``), JPY billions "70.8" -> -8,
    "4,241.14" -> 2, "42.1" % as a ratio -> 3; ``None`` for a nil fact."""
    if cell.value is None:
        return None
    if concept.data_type is DataType.MONETARY:
        return cell.fraction_digits - _scale_exponent(column.scale) - column.rounded
    if is_percent(concept, cell):
        return cell.fraction_digits + 2
    return cell.fraction_digits


def unit_of(concept: Concept, column: Column, default_currency: str) -> str | None:
    """Unit id from the concept's data type and the column's currency."""
    currency = column.currency or default_currency
    if concept.data_type is DataType.MONETARY:
        return currency
    if concept.data_type is DataType.PER_SHARE:
        return f"{currency}PerShares"
    return _UNIT_BY_TYPE.get(concept.data_type)


def _mentions(label_key: str, *phrases: str) -> bool:
    return any(phrase in label_key for phrase in phrases)


def period_of(
    concept: Concept, column: Column, label_key: str, preferred_label: str | None = None
) -> tuple[Duration | Instant | None, str | None]:
    """The fact's period, or (None, reason) when the column's period cannot hold the concept.

    Instant concepts in a duration column: a node with the period-start label role, or a
    "beginning of the period" row, is the instant the day before the start; anything else
    (incl. "end of the period") the instant at the end.
    """
    period = column.period
    if period is None:
        return None, "column has no period"
    if concept.period_type is PeriodType.DURATION:
        if isinstance(period, Instant):
            return None, f"{concept.name} is a duration concept but the column is an instant"
        return period, None
    if isinstance(period, Instant):
        return period, None
    starts = preferred_label == PERIOD_START_LABEL_ROLE
    if starts or _mentions(label_key, "beginning of", "beginning balance", "opening"):
        return Instant(date=period.start - dt.timedelta(days=1)), None
    return Instant(date=period.end), None
