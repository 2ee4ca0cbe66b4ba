"""Stated evidence: the header itself names the column's period and unit.

The weakest kind of assignment evidence, so it never stands alone against numbers: the scale
check (:mod:`.scale`) refutes a stated column whose figures are out of proportion with its
neighbours, and a column's rows still need their own proof. A header that lost its unit
("Thousands of" with the currency on a line the reader did not join) states nothing; a header
that names a scale or a currency other than the one its figures were read at refutes the column.
"""

from __future__ import annotations

from decimal import Decimal

from generator.extract.proof.columns import ASSIGNMENT, ColumnFacts
from generator.extract.read.lists import KIND as LIST_KIND
from generator.extract.read.units import currencies_named, scale_of, scales_named
from generator.model.concept import DataType
from generator.model.taxonomy import Taxonomy

CHECK = "stated"
_NEEDS_CURRENCY = (DataType.MONETARY, DataType.PER_SHARE)


def check(column: ColumnFacts, taxonomy: Taxonomy) -> None:
    """Confirm the assignment of a column (or a period row) whose header names it fully. A
    list entry's period does not anchor it (see :mod:`.lists`)."""
    if column.row is not None:
        if column.row.period is not None and column.table.kind != LIST_KIND \
                and not column.row.period_implied:
            column.confirm(CHECK, f"the row label states its period: '{column.row.label}'",
                           ASSIGNMENT)
        return
    col = column.column
    if not col.header or col.period is None or col.role not in ("value", "translation") \
            or col.guessed:
        return
    monetary = any(taxonomy.concepts[f.concept].data_type in _NEEDS_CURRENCY
                   for f in column.facts if f.concept in taxonomy.concepts)
    named = _named_scales(col.header)
    amounts = any(taxonomy.concepts[f.concept].data_type is DataType.MONETARY
                  for f in column.facts if f.concept in taxonomy.concepts)
    if amounts and len(named) == 1 and named[0] != col.scale:
        column.refute(CHECK, f"the header '{col.header}' states a scale of {named[0]:,}, but "
                             f"its figures were read at {col.scale:,}")
        return
    # the currencies the header text itself names (none carried over from a table above it)
    named_currencies = currencies_named(col.header)
    if monetary and col.currency and named_currencies and col.currency not in named_currencies:
        names = ", ".join(sorted(named_currencies))
        column.refute(CHECK, f"the header '{col.header}' names {names}, but its figures were "
                             f"read as {col.currency}")
        return
    if monetary and (col.currency is None or not named_currencies):
        return
    column.confirm(CHECK, f"the header states period and unit: '{col.header}'", ASSIGNMENT)


def _named_scales(header: str) -> list[Decimal]:
    """The scales a header names: one per scale word ("100 million yen" names 10**8)."""
    named = scales_named(header)
    return [scale_of(header)] if len(named) == 1 else sorted(named)


def _named_scale(header: str) -> Decimal | None:
    """The one scale a header names ("Thousands of JPY"), None for none or several."""
    named = _named_scales(header)
    return named[0] if len(named) == 1 else None


def check_table(columns: list[ColumnFacts], taxonomy: Taxonomy) -> None:
    """Refute an amount column whose header names its currency but no scale, read as units,
    beside a column of the same table and currency whose header names a scale: a table
    prints its amounts at one scale, so the scale word was lost ("Thousands of JPY Thous ands
    of JPY", a tab and a word damaged by a scan, left the second column "JPY": its figures in
    thousands read as yen)."""
    amounts = [c for c in columns if c.row is None and c.label is None
               and c.column.role == "value" and c.column.header and c.column.scale == 1
               and any(taxonomy.concepts[f.concept].data_type is DataType.MONETARY
                       for f in c.facts if f.concept in taxonomy.concepts)]
    if not amounts:
        return
    stated = [c for c in amounts[0].table.columns if c.role == "value" and c.header
              and _named_scale(c.header) == c.scale != 1]
    for column in amounts:
        col = column.column
        if _named_scale(col.header) is not None or not currencies_named(col.header):
            continue
        other = next((c for c in stated if c.currency == col.currency and c.scale != col.scale),
                     None)
        if other is not None:
            column.refute(CHECK, f"the header '{col.header}' names no scale and its figures "
                                 f"were read at {col.scale:,}, but the column '{other.header}' "
                                 f"of the same table states {other.scale:,}: a scale word lost?")
