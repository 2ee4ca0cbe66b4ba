"""Printed-twice evidence: a figure the release prints in two places agrees at the coarser scale.

The summary and the statement, the statement and a note, both print some figures; when a
column's figures agree with their other printing, its period, unit and scale are confirmed.

Why anchored witnesses only: one misreading repeated in two tables (a reader that puts the USD
figures under the current-period header of both the income statement and the cash flows) would
otherwise prove itself. A witness counts once its own assignment is proven by something else —
a translation at the stated rate, a recomputed YoY column, a header that states it and fits — or,
in turn, by an anchored witness (a fixpoint). An entry of a list (a TDnet summary's "As of
September 30, 2010: 3,794 shares") is never a witness: its period is typed by hand and may be
wrong (sample 002 prints a six-month average as "For the three months ended"), and a ratio
checked at a summary's coarse precision fits it as well as the statement's figure. Two columns
of one table read as the same period that print different figures for one line cannot both be
right: both are refuted.
"""

from __future__ import annotations

from collections import defaultdict

from generator.extract.crosscheck import FactKey, fact_key, filed_concept
from generator.extract.precision import consistent
from generator.extract.proof.columns import ASSIGNMENT, BOTH, ColumnFacts
from generator.extract.read.lists import KIND as LIST_KIND
from generator.model.results import ResultFact
from generator.model.taxonomy import Taxonomy

CHECK = "printed twice"
Printings = dict[FactKey, list[tuple[ColumnFacts, ResultFact]]]


def check(columns: list[ColumnFacts], taxonomy: Taxonomy) -> None:
    """Compare figures with their other printings, propagating from anchored columns."""
    printed: Printings = defaultdict(list)
    for column in columns:
        for fact in column.facts:
            printed[fact_key(fact, filed_concept(fact, taxonomy))].append((column, fact))
    _refute_clashes(printed)
    anchored = {c.key for c in columns
                if c.has(ASSIGNMENT) and not c.refutations and _may_witness(c)}
    judged: set[tuple[int, int]] = set()
    changed = True
    while changed:
        changed = False
        for column in columns:
            if column.key in judged or column.refutations:
                continue
            verdict = _judge(column, printed, anchored, taxonomy)
            if verdict is not None:
                judged.add(column.key)
            if verdict and column.key not in anchored and _may_witness(column):
                anchored.add(column.key)
                changed = True
    for column in columns:  # anchored columns' figures: each confirmed by its other printing
        if column.key in anchored:
            _figures(column, printed, anchored, taxonomy)


def _may_witness(column: ColumnFacts) -> bool:
    return not (column.row is not None and column.table.kind == LIST_KIND)


def _others(column: ColumnFacts, fact: ResultFact, printed: Printings,
            anchored: set[tuple[int, int]], taxonomy: Taxonomy) -> list[ResultFact]:
    key = fact_key(fact, filed_concept(fact, taxonomy))
    return [other for other_column, other in printed[key]
            if other_column is not column and other_column.key in anchored
            and not other_column.refutations]


def _judge(column: ColumnFacts, printed: Printings, anchored: set[tuple[int, int]],
           taxonomy: Taxonomy) -> bool | None:
    """Confirm (True) or refute (False) a column by its figures' anchored other printings;
    None while no anchored printing speaks to it."""
    agree: list[str] = []
    disagree: list[str] = []
    for fact in column.facts:
        for other in _others(column, fact, printed, anchored, taxonomy):
            where = (f"{fact.concept} {fact.source.text}: line {other.source.line} prints "
                     f"{other.source.text}")
            (agree if _same(fact, other) else disagree).append(where)
    if agree and len(agree) > 2 * len(disagree):
        column.confirm(CHECK, f"{len(agree)} figure(s) agree with their other printing"
                              f"{f' ({len(disagree)} do not)' if disagree else ''}: {agree[0]}",
                       BOTH if len(agree) >= 2 else ASSIGNMENT)
        return True
    if disagree and len(disagree) >= len(agree):
        column.refute(CHECK, f"{len(disagree)} figure(s) disagree with their other printing "
                             f"({len(agree)} agree): {disagree[0]}")
        return False
    return None


def _figures(column: ColumnFacts, printed: Printings, anchored: set[tuple[int, int]],
             taxonomy: Taxonomy) -> None:
    """Each figure against its other printings: more agreeing printings than disagreeing ones
    confirm it; otherwise a disagreeing printing casts doubt on it — unless this figure is
    confirmed by a check of its own (a sum it is part of holds) and the other is not, which
    then carries the doubt alone."""
    for i, fact in enumerate(column.facts):
        agree: list[ResultFact] = []
        disagree: list[tuple[ColumnFacts, ResultFact]] = []
        key = fact_key(fact, filed_concept(fact, taxonomy))
        for other in _others(column, fact, printed, anchored, taxonomy):
            holder = next(c for c, f in printed[key] if f is other)
            if _same(fact, other):
                agree.append(other)
            else:
                disagree.append((holder, other))
        if len(agree) > len(disagree):
            column.confirm_fact(fact, CHECK)
            continue
        for holder, other in disagree:
            mine = i in column.sure
            theirs = any(f is other for j, f in enumerate(holder.facts) if j in holder.sure)
            if mine and not theirs:
                continue  # the other printing is doubted when its own column is judged
            column.doubt_fact(fact, f"line {other.source.line} prints {other.source.text} "
                                    f"for the same {fact.concept}")
            break


def _same(fact: ResultFact, other: ResultFact) -> bool:
    """Two printings of one figure agree at the coarser one's precision, with a unit of slack
    in its last digit: releases adjust rounded summaries so that they foot (IIJ prints 78 for
    77,339 thousand, 7 for 6,358 thousand), even for two-digit figures."""
    return consistent(fact, other, slack_units=1)


def _doubt_rows(printed: Printings, fact: ResultFact, other: ResultFact) -> None:
    """Both rows, in every column: a label read as another row's line misplaces all of its
    figures, translations included."""
    lines = {fact.source.line, other.source.line}
    why = (f"rows at lines {fact.source.line} and {other.source.line} were both read as "
           f"{fact.concept} and print different figures")
    for readings in printed.values():
        for column, candidate in readings:
            if candidate.concept == fact.concept and candidate.source.line in lines:
                column.doubt_fact(candidate, why)


def _refute_clashes(printed: Printings) -> None:
    """Two columns of one table giving one line's figure for the same period, differently;
    or two rows of one column read as the same line (a garbled label read as its neighbour's)."""
    for readings in printed.values():
        for i, (column, fact) in enumerate(readings):
            for other_column, other in readings[i + 1:]:
                same_table = other_column.table_index == column.table_index
                if not same_table or _same(fact, other):
                    continue
                if other_column is column:
                    _doubt_rows(printed, fact, other)
                    continue
                detail = (f"read as the same period as {{}}, but prints {fact.source.text} "
                          f"for {fact.concept} where it prints {other.source.text}")
                column.refute(CHECK, detail.format(other_column.where()))
                other_column.refute(CHECK, detail.format(column.where()))
