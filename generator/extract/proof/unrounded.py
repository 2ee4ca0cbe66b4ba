"""Unrounded columns: where a column's sums tie to the unit, one off by a few units is a misread.

A sum holds within its parts' rounding: figures rounded to thousands or millions may foot a
unit or two off their printed total, so a sum off by less than its half units proves its
figures as well as one that ties. But a column whose other sums all tie to the unit prints
figures that were not rounded apart (a statement in thousands of yen kept in thousands), and
there a sum off by 3 is no rounding: a scan's "685,665" for 685,661 passes it. Such a sum is
then treated as broken: each of its figures that nothing else pins closer than the gap (the
same figure printed again, a sum of fewer figures) is held for review — a wrong figure is
worse than a missing one. A column with rounding differences of its own (a summary in
millions, two of its sums a unit off; a dollar translation, rounded figure by figure) is left
alone: there the slack is what it says.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from generator.extract.proof.arithmetic import sum_members
from generator.extract.proof.columns import ColumnFacts, PrintedSum

#: How many sums of a column must tie to the unit, and how many times as many as hold only
#: within rounding, before the column is read as unrounded (measured: looser, and a real
#: release's summary in millions, rounded, loses figures; see the README).
MIN_TIED = 4
TIED_PER_LOOSE = 3

TRANSLATION = "translation"  # the role of a column of figures translated at a stated rate

LOOSE = ("the printed sum {total} is off by {gap} (its parts give {computed}): within rounding, "
         "but {tied} other sums of its column tie to the unit, so a misread digit is likelier "
         "than rounding, and no check of its own pins this figure")


def doubt_loose(columns: Sequence[ColumnFacts]) -> None:
    """Hold the figures of a sum that holds only within rounding in a column whose sums
    otherwise tie to the unit, unless a check of their own pins them closer than the gap (the
    same figure printed again; a smaller sum that holds). Run after the checks that confirm
    figures one by one and before :func:`arithmetic.anchor` (which would settle a loose figure
    by the very sum in question).

    Judged column by column, translations left alone: a dollar column beside yen ones is
    rounded figure by figure (each translated, then rounded), so its sums may be a unit off
    however many of them happen to tie."""
    for column in columns:
        if column.column.role == TRANSLATION:
            continue
        tied, loose = len(column.tied_sums), len(column.loose_sums)
        if not loose or tied < MIN_TIED or tied < TIED_PER_LOOSE * loose:
            continue
        for printed in column.loose_sums:
            _doubt(column, printed, tied)


def _doubt(column: ColumnFacts, printed: PrintedSum, tied: int) -> None:
    total, parts = printed
    computed = sum(((f.value or Decimal(0)) * w for f, w in parts), Decimal(0))
    gap = abs((total.value or Decimal(0)) - computed)
    why = LOOSE.format(total=f"{total.concept} {total.source.text} (line {total.source.line})",
                       gap=gap, computed=computed, tied=tied)
    for fact, _ in sum_members(printed):
        if not column.pins(fact, gap):
            column.doubt_fact(fact, why)
