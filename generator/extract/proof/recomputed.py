"""Recomputed evidence: which of two disagreeing printings the statement's own sums support.

A figure printed twice with two values (the TSE form's 29,652 million beside the balance
sheet's OCR-damaged 20,652,287 thousand) is held back on both sides: either may be the
misprint. The statement settles it when the figure breaks every complete sum it is part of,
and those sums, from their other figures, all give one value — the one the other printing
shows. The misprint is then this printing, and the other is confirmed by two independent
witnesses (its own printing and the recomputed value). Only figures no check doubts and that
sit where they were read may vouch for the recomputed value, so one misread cannot prove
another.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from generator.extract.precision import consistent, half_unit
from generator.extract.proof.arithmetic import sum_members
from generator.extract.proof.columns import ColumnFacts
from generator.model.results import ResultFact

CHECK = "recomputed"
Disputed = Callable[[ColumnFacts, ResultFact], bool]


def implied(column: ColumnFacts, fact: ResultFact,
            disputed: Disputed = lambda column, fact: False) -> ResultFact | None:
    """``fact`` with the value every broken sum it is part of gives it from its other
    figures, at its own precision; None unless there is at least one such sum, each of whose
    other figures is trusted, and all of them give one value."""
    found = _implied(column, fact, disputed)
    return None if found is None else found[0]


def _implied(column: ColumnFacts, fact: ResultFact,
             disputed: Disputed) -> tuple[ResultFact, Decimal] | None:
    """:func:`implied`, with how far the recomputed value may be from the exact one (half a
    unit of each figure it was recomputed from)."""
    if any(f is fact for held in column.held_sums for f in held):
        return None  # a sum it is part of holds: its printing is borne out
    if any(column.sure.get(i) for i in column._where(fact)):
        return None  # a check of its own bears it out (its YoY %, its translation...)
    values: list[tuple[Decimal, Decimal]] = []  # (value, tolerance)
    for broken in column.broken_sums:
        members = sum_members(broken)
        mine = [w for f, w in members if f is fact]
        if len(mine) != 1:
            continue
        others = [(f, w) for f, w in members if f is not fact]
        if not all(_trusted(column, f, disputed) for f, _ in others):
            return None
        rest = sum(((f.value or Decimal(0)) * w for f, w in others), Decimal(0))
        tolerance = sum((half_unit(f, False) for f, _ in others), Decimal(0))
        values.append((-rest / mine[0], tolerance))
    if not values:
        return None
    first, slack = values[0]
    if any(abs(v - first) > slack + t for v, t in values[1:]):
        return None
    return fact.model_copy(update={"value": first}), slack


def refutes(column: ColumnFacts, printed: ResultFact, witness: ResultFact,
            disputed: Disputed = lambda column, fact: False) -> bool:
    """Whether ``column``'s sums show ``printed`` misprinted and agree with ``witness``, the
    same figure's other printing (``disputed``: whether a figure of a column has another
    printing that disagrees with it)."""
    found = _implied(column, printed, disputed)
    if found is None:
        return False
    recomputed, slack = found
    if not consistent(witness, recomputed, slack_units=1) \
            or consistent(witness, printed, slack_units=1):
        return False
    if witness.decimals is None or printed.decimals is None \
            or witness.decimals > printed.decimals:
        return True
    # The witness is no finer than the printing it outweighs, and is filed in its place: it
    # must be the recomputed value at its precision, not merely within a unit of it (a
    # summary's 29,653 beside the balance sheet's components giving 29,652,287 is off by one).
    assert witness.value is not None and recomputed.value is not None
    return abs(witness.value - recomputed.value) <= half_unit(witness, False) + slack


def _trusted(column: ColumnFacts, fact: ResultFact, disputed: Disputed) -> bool:
    """Placed, undoubted, and either confirmed by a check of its own or not contradicted by
    another printing. Undoubted is not enough: a figure's disagreeing other printing doubts it
    only when its column's turn comes, and until then a misread member (offset in its other
    sums by a second misread) would recompute a wrong value for a third figure."""
    where = column._where(fact)
    return bool(fact.value is not None and where and all(
        i not in column.doubts and column.placed(i)
        and (column.sure.get(i) or not disputed(column, fact)) for i in where))
