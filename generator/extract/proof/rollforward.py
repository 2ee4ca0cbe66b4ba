"""Roll-forward evidence: a balance at a period's end is its opening balance plus the changes.

The equity statement's total column, the cash line at the start and end of a cash-flow
statement: the opening balance, each change and the closing balance sit in rows of their own,
so when they add up each of them is where its label says, for the period its header says. When
they add up only with one change's sign reversed, that change lost its sign (an OCR scan reading
"(5)" as "5)"): it is held back, the others confirmed. When every change the roll declares is
printed and they do not add up — and no other row of figures sits among theirs, a change the
roll does not declare — one of the figures is wrong (a scan's "23,773,188" for 23,773,108 at
the end of a cash-flow statement): each that no other check pins closer than the gap is held,
as for a broken sum. Declared as taxonomy data (``roll_forward:`` on a network).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from decimal import Decimal

from generator.extract.precision import half_unit
from generator.extract.proof.columns import BOTH, ColumnFacts
from generator.model.period import Duration, Instant
from generator.model.results import ResultFact
from generator.model.taxonomy import Taxonomy

CHECK = "roll forward"
Placed = tuple[ColumnFacts, ResultFact]
#: A complete roll forward that does not add up: why, its figures, and by how much it misses.
Broken = tuple[str, list[Placed], Decimal]

BROKEN = ("the roll forward of {balance} breaks: {start} (line {start_line}) plus its {changes} "
          "change(s) is {expected}, not {end} (line {end_line}), and no check of its own pins "
          "this figure: it may be the misread or misprinted one")


def check(columns: list[ColumnFacts], taxonomy: Taxonomy, truncate: bool) -> list[Broken]:
    """Confirm every opening balance, change and closing balance that add up; return the
    complete roll forwards that do not (for :func:`doubt_broken`, once every check has
    spoken)."""
    broken: list[Broken] = []
    rolls = [r for net in taxonomy.networks for r in net.roll_forwards]
    if not rolls:
        return broken
    index: dict[tuple[str, str, tuple[tuple[str, str], ...], str | None], list[Placed]] = (
        defaultdict(list))
    for column in columns:
        if column.refutations:
            continue
        for fact in column.facts:  # a change printed as a dash is a change of nil: it counts
            index[(fact.concept, *fact.context)].append((column, fact))
    for roll in rolls:
        spans = {(f.period, key[2], key[3]) for key, placed in index.items()
                 if key[0] in roll.changes for _, f in placed if isinstance(f.period, Duration)}
        for span, dims, unit in sorted(spans, key=str):  # (a set's order varies by run)
            assert isinstance(span, Duration)
            opening = Instant(date=span.start - dt.timedelta(days=1))
            closing = Instant(date=span.end)

            def find(concept: str, period: Duration | Instant,
                     dims: tuple[tuple[str, str], ...] = dims,
                     unit: str | None = unit) -> Placed | None:
                found = index.get((concept, str(period), dims, unit))
                return found[0] if found else None

            start, end = find(roll.balance, opening), find(roll.balance, closing)
            changes = [p for c in roll.changes if (p := find(c, span)) is not None]
            if start is None or end is None or start[1].value is None or end[1].value is None:
                continue
            if not any(f.value for _, f in changes):
                continue
            miss = _judge(roll.balance, start, end, changes, truncate)
            if miss is not None and len(changes) == len(roll.changes) \
                    and not _between(end, [start, *changes]):
                broken.append((miss[0], [start, end, *changes], miss[1]))
    return broken


def _between(end: Placed, others: list[Placed]) -> bool:
    """Whether the closing balance's table prints another row of figures among the roll
    forward's own rows: a change the roll does not declare (J-GAAP's "increase in cash from
    newly consolidated subsidiaries", or a row the reader did not map), so that the roll
    printed is not the roll declared and its break proves nothing."""
    table = end[0].table
    lines = {end[1].source.line} | {f.source.line for column, f in others
                                    if column.table is table}
    low, high = min(lines), max(lines)
    return any(low < row.line < high and row.line not in lines
               and any(cell is not None for cell in row.cells) for row in table.rows)


def doubt_broken(broken: list[Broken]) -> None:
    """Hold each figure of a complete roll forward that does not add up unless a check of its
    own pins it closer than the gap (the same figure printed again, a sum that holds). Run
    after every check that confirms figures one by one."""
    for why, placed, gap in broken:
        for column, fact in placed:
            if not column.pins(fact, gap):
                column.doubt_fact(fact, why)


def _judge(balance: str, start: Placed, end: Placed, changes: list[Placed],
           truncate: bool) -> tuple[str, Decimal] | None:
    """Confirm the roll forward's figures if they add up (one change's sign restored, if need
    be); else say how it breaks, and by how much."""
    values = [f.value or Decimal(0) for _, f in changes]
    assert start[1].value is not None and end[1].value is not None
    gap = end[1].value - start[1].value - sum(values, Decimal(0))
    tolerance = sum((half_unit(f, truncate) for _, f in (start, end, *changes)), Decimal(0))
    flipped: list[Placed] = []
    if abs(gap) > tolerance:
        flipped = [p for p, v in zip(changes, values, strict=True)
                   if v and abs(gap + 2 * v) <= tolerance]
        if len(flipped) != 1:
            return BROKEN.format(
                balance=balance, start=start[1].source.text, start_line=start[1].source.line,
                changes=len(changes), expected=start[1].value + sum(values, Decimal(0)),
                end=end[1].source.text, end_line=end[1].source.line), abs(gap)
    detail = (f"{balance} {start[1].source.text} (line {start[1].source.line}) plus "
              f"{len(changes)} change(s) is {balance} {end[1].source.text} (line "
              f"{end[1].source.line})")
    for column, fact in (start, end, *changes):
        if flipped and flipped[0][1] is fact:
            column.doubt_fact(fact, f"the roll forward of {balance} holds only with "
                                    f"{fact.source.text} reversed in sign: its sign was misread")
            continue
        column.confirm(CHECK, detail + (" (with one change's sign restored)" if flipped else ""),
                       BOTH)
        column.confirm_fact(fact, CHECK)
    return None
