"""YoY evidence in a one-row-per-period table: each item's % recomputes from its two rows.

TSE summary forms print a row per period with a "%" cell after each amount ("47,207 37.7
2,488 103.8 ..."), the YoY change over the row a year earlier. When an item's % recomputes from
its cells on the two rows, those cells sit in the same item column of rows a year apart, and
the later row is the current one: the rows' figures line up (the ``rows`` aspect, as a
recomputed % column proves in a table of period columns). An item whose % does not recompute
has a damaged digit in one of its three cells: its figures on both rows are held unless a check
of their own (their other printing) already confirmed them. Runs after the printed-twice check,
which it needs to know that.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from generator.extract.layout import Cell, Table
from generator.extract.proof.columns import ROWS, ColumnFacts
from generator.extract.proof.percent import MIN_ROWS, SHARE, ratio_slack, recomputes
from generator.model.period import Duration

CHECK = "yoy rows"
MAX_SLACK = Decimal(1)  # percentage points: amounts too coarse for their % to tell anything


def _pairs(table: Table) -> list[tuple[int, int]]:
    """(amount column, its % column): a change % printed right after each amount."""
    roles = [c.role for c in table.columns]
    return [(i - 1, i) for i, role in enumerate(roles)
            if role == "change_percent" and i > 0 and roles[i - 1] == "value"]


def _cell(cells: tuple[Cell | None, ...], index: int) -> Cell | None:
    return cells[index] if index < len(cells) else None


def check(table: Table, rows: Sequence[ColumnFacts]) -> None:
    """Confirm both rows of each (row, row a year earlier) pair whose items' % recompute."""
    pairs = _pairs(table)
    if not pairs:
        return
    # Two rows of one period (restated and as reported) keep the last: the printed-twice
    # check refutes such a clash anyway, and a refuted row vouches for nothing here.
    by_period: dict[Duration, ColumnFacts] = {
        s.row.period: s for s in rows if s.row is not None
        and isinstance(s.row.period, Duration) and not s.row.forecast}
    for period, current in by_period.items():
        assert current.row is not None
        prior = by_period.get(period.shifted(-1))
        if prior is None or prior.row is None or current.refutations or prior.refutations:
            continue  # a refuted row (a forecast read as a result) vouches for no other
        agree: list[str] = []
        failed: list[tuple[Cell, Cell, Cell]] = []
        for amount, pct in pairs:
            p, a = _cell(current.row.cells, pct), _cell(current.row.cells, amount)
            b = _cell(prior.row.cells, amount)
            if p is None or a is None or b is None or None in (p.value, a.value, b.value) \
                    or not b.value or ratio_slack(a, b) > MAX_SLACK:
                continue  # too small to tell: "2 over 1" fits anything from -50% to +250%
            if recomputes(p, a, b):
                agree.append(f"{a.text} over {b.text}: {p.text}%")
            else:
                failed.append((p, a, b))
        checked = len(agree) + len(failed)
        if len(agree) < MIN_ROWS or len(agree) < SHARE * checked:
            continue
        detail = (f"the YoY % of {len(agree)} of {checked} items recomputes from this row "
                  f"and the row a year earlier ({'; '.join(agree[:3])})")
        current.confirm(CHECK, detail, ROWS)
        prior.confirm(CHECK, detail, ROWS)
        for p, a, b in failed:
            why = (f"its YoY % {p.text} does not recompute from {a.text} over {b.text} (line "
                   f"{b.line}): one of the three is misprinted or misread")
            _doubt_unconfirmed(current, a, why)
            _doubt_unconfirmed(prior, b, why)


def _doubt_unconfirmed(strip: ColumnFacts, cell: Cell, why: str) -> None:
    """Doubt the figure read from ``cell`` unless a check of its own confirmed it."""
    for i, fact in enumerate(strip.facts):
        if (fact.source.line, fact.source.text) == (cell.line, cell.text) \
                and not strip.sure.get(i):
            strip.doubt_fact(fact, why)
