"""Rows the reader could not name still print figures: a sum short of declared parts, with
unread rows printing figures among its rows, is judged with them, column against column.

A sum whose declared parts are not all printed proves nothing when it breaks: the part not
printed may be what is missing. But when rows the mapper could not name (another company's
wording of a line, "Payments for leasehold deposits") sit among the sum's rows, the release
does print parts — only not under a name the taxonomy knows — and it prints them in every
column of the table. Whatever those rows are, each is added or deducted alike in every
column, and a part the table does not print at all is missing from every column alike. So
when some way of taking the unread rows (each added or deducted) makes the sum add up in the
table's other columns, and no such way makes it add up in this one, this column's sum is
broken: one of its figures is misread or misprinted (a scan's "622,161" for 722,161). Unless
one printed figure's sign turned closes it (a deduction, which the cross-checks settle), each
of its figures that no check of its own pins closer than the break is held, as for a complete
sum (``arithmetic.doubt_broken``). When one way closes the sum in every column, its printed
figures are confirmed by it, as by a sum that holds. Nothing unread is filed.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from generator.extract.crosscheck import FactKey, fact_key, filed_concept
from generator.extract.precision import consistent
from generator.extract.proof import twice
from generator.extract.proof.across import goes_out, settled_across
from generator.extract.proof.arithmetic import slack, sum_members
from generator.extract.proof.columns import ColumnFacts, PrintedSum
from generator.model.results import ResultFact
from generator.model.taxonomy import Taxonomy

CHECK = "arithmetic with unread rows"

#: the most unread rows one sum is judged with (2 ** n ways to take them)
MOST_UNREAD = 3

DOUBTFUL_ROW = ("its row {why}, and no check of its own ties this figure to that line (a sum "
                "with all its parts read that holds, its other printing)")
# the checks that say a figure is the line it was read as: a translation or a % says only
# that the row's figures agree with one another, a sum with unread rows that the figure
# belongs in the sum
TIES_THE_LINE = frozenset({"arithmetic", "arithmetic anchored", "printed twice", "ratio",
                           "roll forward"})

BROKEN = ("the printed sum {total} breaks (its printed parts give {computed}) however the "
          "unread row(s) among its rows (line(s) {lines}) are taken, while they make it add up "
          "in the table's other columns; no check of its own confirms this figure: it may be "
          "the misread or misprinted one")

Signs = tuple[int, ...]


@dataclass
class _Sum:
    """One column's printing of a sum short of parts, with what the unread rows print there."""

    column: ColumnFacts
    printed: PrintedSum
    off: Decimal  # total minus its printed parts
    tolerance: Decimal
    unread: list[tuple[Decimal, Decimal]]  # (value, slack) of each unread row, 0 if blank
    lines: tuple[int, ...]  # the unread rows' lines

    def holds(self, signs: Signs) -> bool:
        taken = sum((v * s for (v, _), s in zip(self.unread, signs, strict=True)), Decimal(0))
        slack_all = self.tolerance + sum((s for _, s in self.unread), Decimal(0))
        return abs(self.off - taken) <= slack_all

    def gap(self, signs: Signs) -> Decimal:
        return abs(self.off - sum((v * s for (v, _), s in zip(self.unread, signs, strict=True)),
                                  Decimal(0)))


def doubt_broken(columns: Sequence[ColumnFacts], taxonomy: Taxonomy, truncate: bool) -> None:
    """Hold the figures of each sum short of parts that its unread rows close in the table's
    other columns but not in its own. Run with :func:`arithmetic.doubt_broken`, after every
    check that confirms figures one by one."""
    tables: dict[int, list[ColumnFacts]] = {}
    for column in columns:
        if column.label is None and column.row is None and column.fact_rows:
            tables.setdefault(column.table_index, []).append(column)
    for table_columns in tables.values():
        if any(c.partial_sums for c in table_columns) and len(table_columns) >= 2:
            _judge_table(table_columns, taxonomy, truncate)


def _judge_table(columns: list[ColumnFacts], taxonomy: Taxonomy, truncate: bool) -> None:
    table = columns[0].table
    read = set(columns[0].fact_rows.values())  # the table's rows that gave a fact
    unread = [n for n, row in enumerate(table.rows)
              if n not in read and any(c is not None and c.value is not None
                                       and not c.percent for c in row.cells)]
    if not unread:
        return
    printings: dict[tuple[object, ...], list[_Sum]] = {}
    for column in columns:
        for partial in column.partial_sums:
            found = _printing(column, partial, unread, taxonomy, truncate)
            if found is not None:
                key, printing = found
                printings.setdefault(key, []).append(printing)
    for sums in printings.values():
        if len(sums) >= 2 and len({id(s.column) for s in sums}) == len(sums):
            _judge(sums)


def _printing(column: ColumnFacts, partial: PrintedSum, unread: list[int],
              taxonomy: Taxonomy, truncate: bool
              ) -> tuple[tuple[object, ...], _Sum] | None:
    total = partial[0]
    if total.value is None or total.unit in ("shares", "pure"):
        return None
    members = sum_members(partial)
    numbers = column.rows_of([f for f, _ in members])
    if numbers is None:
        return None
    among = [n for n in unread if min(numbers) < n < max(numbers)]
    if not among or len(among) > MOST_UNREAD:
        return None
    scale = column.column.scale
    figures = []
    for n in among:
        row = column.table.rows[n]
        cell = row.cells[column.index] if column.index < len(row.cells) else None
        if cell is None or cell.value is None or cell.percent:
            figures.append((Decimal(0), Decimal(0)))  # blank or a dash: nothing, here
        else:
            figures.append((cell.value * scale,
                            Decimal(5).scaleb(-cell.fraction_digits - 1) * scale))
    tolerance = sum((slack(f, taxonomy, truncate) for f, _ in members), Decimal(0))
    off = sum(((f.value or Decimal(0)) * -w for f, w in members), Decimal(0))
    # the same total row with the same unread rows among its rows: a part nil in one column
    # (a dash) and printed in another is nothing there, alike
    key = (total.concept, numbers[0], tuple(among))
    lines = tuple(column.table.rows[n].line for n in among)
    return key, _Sum(column, partial, off, tolerance, figures, lines)


def _judge(sums: list[_Sum]) -> None:
    ways = list(itertools.product((1, -1), repeat=len(sums[0].unread)))
    closing_all = [w for w in ways if all(s.holds(w) for s in sums)]
    if closing_all:  # one way of taking the unread rows closes the sum in every column
        for printing in sums:  # confirmed, not pinned: a misread of twice an unread row's
            for fact, _ in sum_members(printing.printed):  # value closes it too
                printing.column.confirm_fact(fact, CHECK, None)
        return
    for printing in sums:
        others = [s for s in sums if s is not printing]
        closing = [w for w in ways if all(s.holds(w) for s in others)]
        if not closing or any(printing.holds(w) for w in closing):
            continue  # the other columns do not add up either, or this one does
        if _turned(printing, closing):
            continue
        _doubt(printing, min(printing.gap(w) for w in closing))


def _turned(printing: _Sum, ways: list[Signs]) -> bool:
    """Whether one printed figure's sign turned closes the sum (a deduction)."""
    for fact, weight in sum_members(printing.printed):
        if fact.value:
            flipped = _Sum(printing.column, printing.printed,
                           printing.off - 2 * fact.value * -weight, printing.tolerance,
                           printing.unread, printing.lines)
            if any(flipped.holds(w) for w in ways):
                return True
    return False


def _doubt(printing: _Sum, gap: Decimal) -> None:
    total, parts = printing.printed
    computed = sum(((f.value or Decimal(0)) * w for f, w in parts), Decimal(0))
    why = BROKEN.format(total=f"{total.concept} {total.source.text} (line {total.source.line})",
                        computed=computed, lines=", ".join(map(str, printing.lines)))
    for fact, _ in sum_members(printing.printed):
        if not printing.column.pins(fact, gap):
            printing.column.doubt_fact(fact, why)


def hold_doubtful_rows(columns: Sequence[ColumnFacts], taxonomy: Taxonomy, truncate: bool
                       ) -> None:
    """Hold each figure of a row whose line is in doubt (read in other words; a breakdown's
    member after a row no wording named) that no check of its own ties to that line: the
    reading is the mapper's, not the release's, and only a sum that holds, the
    figure printed again... says the row is the line it was read as. A misread digit on such
    a row in a statement the reader did not read whole (a sum with an unread part proves
    nothing) otherwise went out. The figure printed again ties it only where that other
    printing was read in the taxonomy's own wording: two printings read in the same other
    words ("Miscellaneous income" in the statement and in a reconciliation) agree on the
    figure, not on the line."""
    twins: dict[FactKey, list[ResultFact]] | None = None
    doubted = [(column, i, fact) for column in columns if column.doubtful_rows
               for i, fact in enumerate(column.facts)
               if fact.value is not None and id(fact) not in column.signed
               and column.fact_rows.get(id(fact), -1) in column.doubtful_rows]
    # a breakdown's members that add up, one maybe deducted, in the column (``signed``) or
    # across the release (a total in another table), tie each to its line
    members = {m for _, _, fact in doubted for m in fact.dimensions.items()}
    across = settled_across(columns, taxonomy, members, truncate, goes_out) if members \
        else set()
    for column, i, fact in doubted:
        key = fact_key(fact, filed_concept(fact, taxonomy))
        if fact.dimensions and key in across:
            continue
        ties = column.sure.get(i, set()) & TIES_THE_LINE
        if ties == {twice.CHECK}:
            if twins is None:
                twins = _declared_printings(columns, taxonomy)
            if any(consistent(fact, other) for other in twins.get(key, ())):
                continue
        elif ties:
            continue
        why = column.doubtful_rows[column.fact_rows[id(fact)]]
        column.doubt_fact(fact, DOUBTFUL_ROW.format(why=why))


def _declared_printings(columns: Sequence[ColumnFacts], taxonomy: Taxonomy
                        ) -> dict[FactKey, list[ResultFact]]:
    """The figures read from a row in the taxonomy's own wording, by what they are filed as:
    a column's row, not one read in other words (nor a label's or a one-row-per-period
    table's figure, whose wording this stage does not see)."""
    out: dict[FactKey, list[ResultFact]] = {}
    for column in columns:
        for fact in column.facts:
            row = column.fact_rows.get(id(fact))
            if row is not None and row not in column.doubtful_rows:
                out.setdefault(fact_key(fact, filed_concept(fact, taxonomy)), []).append(fact)
    return out

__all__ = ["doubt_broken", "hold_doubtful_rows"]
