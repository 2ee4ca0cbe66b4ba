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

import bisect
import heapq
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal

from generator.extract.crosscheck import FactKey, fact_key, filed_concept
from generator.extract.precision import consistent
from generator.extract.proof import recomputed
from generator.extract.proof.columns import ASSIGNMENT, BOTH, ROWS, ColumnFacts
from generator.extract.read.lists import KIND as LIST_KIND
from generator.model.results import ResultFact
from generator.model.taxonomy import Taxonomy

CHECK = "printed twice"
Printing = tuple[ColumnFacts, ResultFact]
Printings = dict[FactKey, list[Printing]]
Alike = tuple[Decimal | None, int | None]  # value and precision: printings that read the same


@dataclass
class _Key:
    """Every printing of one figure (concept, period, members, unit), grouped by reading.

    Why grouped: a figure printed in each of thousands of concatenated releases would otherwise
    be compared with every other printing (quadratic); printings with the same value and
    precision agree or disagree with a given one alike, so each distinct reading is compared
    once and counted by how many of its printings stand in anchored, unrefuted columns."""

    readings: list[Printing]
    group_of: list[int] = field(default_factory=list)  # reading position -> group
    alike: list[Alike] = field(default_factory=list)  # group -> its value and precision
    facts: list[ResultFact] = field(default_factory=list)  # group -> a printing of it
    valid: list[list[int]] = field(default_factory=list)  # group -> anchored positions, sorted
    same: dict[tuple[int, int], bool] = field(default_factory=dict)

    def __post_init__(self) -> None:
        index: dict[Alike, int] = {}
        for _, fact in self.readings:
            alike = (fact.value, fact.decimals)
            if alike not in index:
                index[alike] = len(self.alike)
                self.alike.append(alike)
                self.facts.append(fact)
                self.valid.append([])
            self.group_of.append(index[alike])

    def agrees(self, g: int, h: int) -> bool:
        if (g, h) not in self.same:
            self.same[(g, h)] = _same(self.facts[g], self.facts[h])
        return self.same[(g, h)]

    def others(self, position: int, column: ColumnFacts, *, agreeing: bool) -> Iterator[int]:
        """Positions of the anchored printings in other columns that agree (or disagree) with
        the printing at ``position``, in printing order."""
        g = self.group_of[position]
        lists = [v for h, v in enumerate(self.valid) if v and self.agrees(g, h) == agreeing]
        for other in heapq.merge(*lists):
            if self.readings[other][0] is not column:
                yield other

    def count(self, position: int, column: ColumnFacts, own: dict[int, int]) -> tuple[int, int]:
        """How many anchored printings in other columns agree, and how many disagree, with the
        printing at ``position`` (``own``: this column's anchored printings per group)."""
        g = self.group_of[position]
        agree = disagree = 0
        for h, positions in enumerate(self.valid):
            n = len(positions) - own.get(h, 0)
            if self.agrees(g, h):
                agree += n
            else:
                disagree += n
        return agree, disagree


class _Ledger:
    """Which printings stand in anchored, unrefuted columns, kept up to date as columns are
    anchored or refuted."""

    def __init__(self, columns: list[ColumnFacts], taxonomy: Taxonomy) -> None:
        printed: Printings = defaultdict(list)
        for column in columns:
            for fact in column.facts:
                printed[fact_key(fact, filed_concept(fact, taxonomy))].append((column, fact))
        self.printed = printed
        # Only figures printed more than once are witnessed: most are printed once, and a
        # printing alone has no other to agree or disagree with it (it counts 0 and 0).
        self.keys = {key: _Key(readings) for key, readings in printed.items()
                     if len(readings) > 1}
        self.where: dict[int, tuple[FactKey, int]] = {}  # id(fact) -> its key and position
        self.keys_of: dict[tuple[int, int], list[tuple[FactKey, int]]] = {
            column.key: [] for column in columns}
        for key, record in self.keys.items():
            for position, (column, fact) in enumerate(record.readings):
                self.where[id(fact)] = (key, position)
                self.keys_of[column.key].append((key, position))
        self.valid: set[tuple[int, int]] = set()
        self._own: dict[tuple[int, int], dict[FactKey, dict[int, int]]] = {}

    def update(self, column: ColumnFacts, anchored: set[tuple[int, int]]) -> None:
        """Record whether ``column``'s printings now count as anchored witnesses. A table
        that states no unit never does (``Table.unit_from``): its scale was borrowed from the
        figures it would be compared with, and two printings of one such table would borrow
        the same guess and confirm each other (read/unitless.py)."""
        now = column.key in anchored and not column.refutations and not column.table.unit_from
        if now == (column.key in self.valid):
            return
        for key, position in self.keys_of.get(column.key, []):
            record = self.keys[key]
            positions = record.valid[record.group_of[position]]
            if now:
                bisect.insort(positions, position)
            else:
                positions.remove(position)
        (self.valid.add if now else self.valid.discard)(column.key)

    def disputed(self, column: ColumnFacts, fact: ResultFact) -> bool:
        """Whether as many anchored printings in other columns disagree with ``fact`` as
        agree, one at least."""
        if id(fact) not in self.where:
            return False
        key, position = self.where[id(fact)]
        agree, disagree = self.keys[key].count(position, column, self.own(column, key))
        return disagree > 0 and agree <= disagree

    def own(self, column: ColumnFacts, key: FactKey) -> dict[int, int]:
        """This column's anchored printings of ``key`` per group (not its own witnesses)."""
        if column.key not in self.valid:
            return {}
        if column.key not in self._own:
            per_key: dict[FactKey, dict[int, int]] = {}
            for k, position in self.keys_of[column.key]:
                groups = per_key.setdefault(k, {})
                g = self.keys[k].group_of[position]
                groups[g] = groups.get(g, 0) + 1
            self._own[column.key] = per_key
        return self._own[column.key].get(key, {})


def check(columns: list[ColumnFacts], taxonomy: Taxonomy) -> None:
    """Compare figures with their other printings, propagating from anchored columns."""
    ledger = _Ledger(columns, taxonomy)
    _refute_clashes(ledger.printed)
    anchored = {c.key for c in columns
                if c.has(ASSIGNMENT) and not c.refutations and _may_witness(c)}
    for column in columns:
        ledger.update(column, anchored)
    judged: set[tuple[int, int]] = set()
    changed = True
    while changed:
        changed = False
        # Each pass judges every column against the same witnesses, and only then updates
        # them: two anchored columns that contradict each other are both refuted, whichever
        # is printed first (a refuted column leaving the witnesses mid-pass saved the other).
        this_pass: list[ColumnFacts] = []
        for column in columns:
            if column.key in judged or column.refutations:
                continue
            verdict = _judge(column, ledger)
            this_pass.append(column)
            if verdict is not None:
                judged.add(column.key)
            if verdict and column.key not in anchored and _may_witness(column):
                anchored.add(column.key)
                changed = True
        for column in this_pass:
            ledger.update(column, anchored)
    contradicted: list[tuple[ColumnFacts, ResultFact, str]] = []
    for column in columns:  # anchored columns' figures: each confirmed by its other printing
        if column.key in anchored:
            contradicted.extend(_figures(column, ledger))
        if refuted := next((v for v in column.refutations if v.check == CHECK), None):
            # a whole column contradicted: the table's columns may not be what its header
            # names (a header listing 'Target Announced Actual Results' over cells printed
            # actual first): its rows' figures in the other columns are suspects as well
            contradicted.extend((column, fact, refuted.detail) for fact in column.facts)
    _doubt_row_mates(columns, contradicted)


def _may_witness(column: ColumnFacts) -> bool:
    return not (column.row is not None and column.table.kind == LIST_KIND)


def _judge(column: ColumnFacts, ledger: _Ledger) -> bool | None:
    """Confirm (True) or refute (False) a column by its figures' anchored other printings;
    None while no anchored printing speaks to it."""
    agree = disagree = 0
    first: dict[bool, str] = {}
    for fact in column.facts:
        if id(fact) not in ledger.where:
            continue  # printed once: no other printing speaks to it
        key, position = ledger.where[id(fact)]
        record = ledger.keys[key]
        n_agree, n_disagree = record.count(position, column, ledger.own(column, key))
        if n_disagree and _outweighs(column, fact, record, position):
            n_disagree = 0  # a check reaching outside its column holds for it, not for them
        agree += n_agree
        disagree += n_disagree
        for agreeing, n in ((True, n_agree), (False, n_disagree)):
            if n and agreeing not in first:
                other = record.readings[next(record.others(position, column,
                                                           agreeing=agreeing))][1]
                first[agreeing] = (f"{fact.concept} {fact.source.text}: line "
                                   f"{other.source.line} prints {other.source.text}")
    if agree and agree > 2 * disagree:
        column.confirm(CHECK, f"{agree} figure(s) agree with their other printing"
                              f"{f' ({disagree} do not)' if disagree else ''}: {first[True]}",
                       BOTH if agree >= 2 else ASSIGNMENT)
        return True
    if disagree and disagree >= agree:
        column.refute(CHECK, f"{disagree} figure(s) disagree with their other printing "
                             f"({agree} agree): {first[False]}")
        return False
    return None


# Checks that hold within a column as well when the whole column carries another period: they
# cannot outweigh another printing's word on the period (a ratio's terms may sit in one column
# too, but it is kept: its numerator is mostly another statement's line).
INSIDE_CHECKS = frozenset({"arithmetic", "arithmetic anchored", "completion",
                           "arithmetic with unread rows"})


def _outweighs(column: ColumnFacts, fact: ResultFact, record: _Key, position: int) -> bool:
    """Whether ``fact`` is confirmed by a check reaching outside its column (an EPS equal to its
    net income over its share count) and none of the printings disagreeing with it is: then
    the disagreement speaks against them, not against this figure's column."""
    outside = set().union(*(column.sure.get(i, set()) for i in column._where(fact)))
    if not outside - INSIDE_CHECKS:
        return False
    for other_position in record.others(position, column, agreeing=False):
        holder, other = record.readings[other_position]
        if any(j in holder.sure for j in holder._where(other)):
            return False
    return True


def _pin(fact: ResultFact, record: _Key, position: int, column: ColumnFacts) -> Decimal:
    """How closely the agreeing printings pin ``fact``: exactly when one is printed at least as
    finely; else to a unit of the finest of them (the summary's "27,431" million agrees with
    27,430,541 thousand and with 27,430,542 alike)."""
    finest: Decimal | None = None
    for other_position in record.others(position, column, agreeing=True):
        other = record.readings[other_position][1]
        if other.decimals is None or fact.decimals is None or other.decimals >= fact.decimals:
            return Decimal(0)
        unit = Decimal(1).scaleb(-other.decimals)
        finest = unit if finest is None else min(finest, unit)
    return Decimal(0) if finest is None else finest


# Checks that prove a column by its shape and words alone, testing none of its figures.
STRUCTURAL_CHECKS = frozenset({"delimited", "stated"})


def _figures(column: ColumnFacts, ledger: _Ledger) -> list[tuple[ColumnFacts, ResultFact, str]]:
    """Each figure against its other printings: more agreeing printings than disagreeing ones
    confirm it; otherwise a disagreeing printing casts doubt on it — unless this figure is
    confirmed by a check of its own (a sum it is part of holds) and the other is not, which
    then carries the doubt alone, or the other was itself placed by position or sits on a
    one-row-per-period row whose items no check proves (a scanned TSE form's row). Returns
    the figures doubted so, with why."""
    doubted: list[tuple[ColumnFacts, ResultFact, str]] = []
    # a column proven only by its shape (delimited rows, a header stating its unit) has had
    # none of its figures tested: a disagreeing printing weighs against it however unsure
    # that printing's own place is (a highlights target 'JPY170.0 billion' beside the TSE
    # form's target row's 176,000: either may be the misprint, neither is filed)
    structural = not ({v.check for v in column.confirmations} - STRUCTURAL_CHECKS)
    for i, fact in enumerate(column.facts):
        if id(fact) not in ledger.where:
            continue  # printed once: nothing confirms or doubts it here
        key, position = ledger.where[id(fact)]
        record = ledger.keys[key]
        agree, disagree = record.count(position, column, ledger.own(column, key))
        if agree > disagree:
            if column.by_position(fact) and all(
                    holder.by_position(other) for holder, other in (
                        record.readings[p] for p in record.others(position, column,
                                                                  agreeing=True))):
                continue  # placed by position in both: one misreading, read twice alike
            column.confirm_fact(fact, CHECK, _pin(fact, record, position, column))
            continue
        for other_position in record.others(position, column, agreeing=False):
            holder, other = record.readings[other_position]
            if recomputed.refutes(holder, other, fact, ledger.disputed):
                column.confirm_fact(fact, recomputed.CHECK)
                continue  # the other's own sums give this figure: the misprint is there
            # a check of its own that would pass the figure as the other printing reads it (a
            # sum footing only within its parts' rounding: 36 for 38 in 32,443 + 36 - 206 =
            # 32,275), or that states no bound, does not tell which printing is right
            gap = _gap(fact, other)
            mine = i in column.sure and (not gap or column.pins(fact, gap))
            if not mine and structural:
                pass  # this column's figures no check has tested: any other printing doubts
            elif holder.by_position(other) or (
                    holder.row is not None and not holder.has(ROWS)):
                continue  # placed by position, or under items no check proves: no doubter
            theirs = any(j in holder.sure for j in holder._where(other))
            if mine and not theirs:
                continue  # the other printing is doubted when its own column is judged
            why = f"line {other.source.line} prints {other.source.text} for the same {fact.concept}"
            column.doubt_fact(fact, why)
            doubted.append((column, fact, why))
            break
    return doubted


def apart(fact: ResultFact, other: ResultFact) -> Decimal:
    """How far apart two printings of one figure are (a dash, nil, as far as nothing)."""
    return abs((fact.value or Decimal(0)) - (other.value or Decimal(0)))


def _gap(fact: ResultFact, other: ResultFact) -> Decimal:
    """How far apart two printings of one figure are beyond the rounding of the coarser."""
    rough = min((p.decimals for p in (fact, other) if p.decimals is not None), default=None)
    rounding = Decimal(0) if rough is None else Decimal(1).scaleb(-rough) / 2
    return max(apart(fact, other) - rounding, Decimal(0))


# Checks of a figure's own that tie it only to the other figures of its row.
ROW_TIES = frozenset({"translation"})


def _doubt_row_mates(columns: list[ColumnFacts],
                     contradicted: list[tuple[ColumnFacts, ResultFact, str]]) -> None:
    """A row whose figure in a proven column disagrees with that figure's other printing may
    not be the line its label was read as (a label matched in the wrong network: "Revenues"
    read as a segment's): its figures in the table's other columns that no check of their own
    confirms are held too. A misread digit costs the row's unconfirmed neighbours as well; a
    wrong concept would have filed all of them."""
    suspects: dict[tuple[int, int, str], str] = {}
    for column, fact, why in contradicted:
        if column.row is None and column.label is None:
            suspects.setdefault((column.table_index, fact.source.line, fact.concept),
                                f"its row's figure {fact.source.text} under "
                                f"'{column.header}' disagrees with its other printing ({why}): "
                                "the row may not be that line")
    if not suspects:
        return
    for column in columns:
        if column.row is not None or column.label is not None:
            continue
        for i, fact in enumerate(column.facts):
            suspicion = suspects.get((column.table_index, fact.source.line, fact.concept))
            # its translation agreeing ties it to its row, not to the column's name
            if suspicion is not None and not column.sure.get(i, set()) - ROW_TIES \
                    and i not in column.doubts:
                column.doubt_fact(fact, suspicion)


def _same(fact: ResultFact, other: ResultFact) -> bool:
    """Two printings of one figure agree at the coarser one's precision, with a unit of slack
    in its last digit: releases adjust rounded summaries so that they foot (IIJ prints 78 for
    77,339 thousand, 7 for 6,358 thousand), even for two-digit figures."""
    return consistent(fact, other, slack_units=1)


def _doubt_rows(by_line: dict[tuple[str, int], list[Printing]], fact: ResultFact,
                other: ResultFact) -> None:
    """Both rows, in every column: a label read as another row's line misplaces all of its
    figures, translations included."""
    why = (f"rows at lines {fact.source.line} and {other.source.line} were both read as "
           f"{fact.concept} and print different figures")
    for line in sorted({fact.source.line, other.source.line}):
        for column, candidate in by_line.get((fact.concept, line), []):
            column.doubt_fact(candidate, why)


def _by_line(printed: Printings) -> dict[tuple[str, int], list[Printing]]:
    """Every printing by its concept and line."""
    by_line: dict[tuple[str, int], list[Printing]] = defaultdict(list)
    for readings in printed.values():
        for column, candidate in readings:
            by_line[(candidate.concept, candidate.source.line)].append((column, candidate))
    return by_line


def _refute_clashes(printed: Printings) -> None:
    """Two columns of one table giving one line's figure for the same period, differently;
    or two rows of one column read as the same line (a garbled label read as its neighbour's).
    Only printings of one table are compared with each other."""
    by_line: dict[tuple[str, int], list[Printing]] = {}  # filled at the first clash of rows
    for readings in printed.values():
        if len(readings) < 2:
            continue  # printed once: nothing to clash with
        by_table: dict[int, list[Printing]] = defaultdict(list)
        for column, fact in readings:
            by_table[column.table_index].append((column, fact))
        for same_table in by_table.values():
            for i, (column, fact) in enumerate(same_table):
                for other_column, other in same_table[i + 1:]:
                    if _same(fact, other):
                        continue
                    if other_column is column:
                        if not by_line:
                            by_line = _by_line(printed)
                        _doubt_rows(by_line, fact, other)
                        continue
                    detail = (f"read as the same period as {{}}, but prints {fact.source.text} "
                              f"for {fact.concept} where it prints {other.source.text}")
                    column.refute(CHECK, detail.format(other_column.where()))
                    other_column.refute(CHECK, detail.format(column.where()))
