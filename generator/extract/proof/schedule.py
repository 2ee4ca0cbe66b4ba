"""Schedule evidence: the fiscal calendar says which cells a year's part-printed rows can fill.

A TSE dividends table prints the year in progress on two rows, each with blank slots: the actual
row the record dates already past ("- 1,500.00" in a first-half release: 1Q-end and 2Q-end), the
forecast row the dates still to come and the total ("- 1,500.00 3,000.00"). Which columns their
figures belong to was placed by position; the sum across both rows holds wherever the parts sit,
so it cannot tell. The calendar can: as of the release's period end, an actual figure exists only
for a record date already past, a forecast only for one still ahead. When a row prints exactly
as many cells as it has such slots, and the reader put them there, the placement is the only
one possible and each figure is confirmed — given that the reader keeps a row's cells in printed
order (``read.cells.align`` never permutes them: "1,250.00 -" is 1Q-end 1,250.00, as printed).
Record months are the taxonomy's (``record_month``), so this is no dividend rule in code.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence

from generator.extract.proof.columns import ColumnFacts
from generator.model.period import Duration
from generator.model.results import ReportingPeriod

CHECK = "record dates"


def month_end(start: dt.date, month: int) -> dt.date:
    """The last day of the ``month``-th month of a year beginning on ``start``."""
    index = start.month - 1 + month  # the month after it, counted from January of start's year
    first_after = dt.date(start.year + index // 12, index % 12 + 1, 1)
    return first_after - dt.timedelta(days=1)


def slots(year: Duration, months: Mapping[str, int], rp: ReportingPeriod,
          forecast: bool) -> frozenset[str]:
    """The concepts a row of ``year`` can print as of ``rp``'s end: past for actual figures,
    still ahead for a forecast."""
    return frozenset(c for c, m in months.items()
                     if (month_end(year.start, m) <= rp.end) != forecast)


def check(rows: Sequence[ColumnFacts], column_concepts: Mapping[int, str],
          record_months: Mapping[str, int], rp: ReportingPeriod) -> None:
    """Confirm each figure of a part-printed row of the year in progress whose cells fill
    exactly the slots the calendar leaves it (and nothing else)."""
    months = {c: record_months[c] for c in column_concepts.values() if c in record_months}
    if not months:
        return
    year = rp.year
    if not (year.start <= rp.end < year.end):
        return  # the year is over: its rows print every slot, nothing is placed by position
    for strip in rows:
        row = strip.row
        if row is None or row.period != year:
            continue
        filled = [i for i, cell in enumerate(row.cells) if cell is not None]
        concepts = [column_concepts.get(i) for i in filled]
        if not concepts or any(c not in months for c in concepts):
            continue  # a cell outside the dated columns: the calendar does not place it
        expected = slots(year, months, rp, row.forecast)
        if len(set(concepts)) != len(concepts) or set(concepts) != expected:
            continue
        for fact in strip.facts:
            if fact.concept in expected:  # its place, not its digits: it pins no value
                strip.confirm_fact(fact, CHECK, None)
