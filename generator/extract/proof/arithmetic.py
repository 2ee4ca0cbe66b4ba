"""Arithmetic evidence: the printed parts of a column add up to its printed totals.

Sums are checked within one column only, so they prove that the column's cells sit in the rows
their labels say (a cell shifted into a neighbouring column or row breaks them) and that the
column's figures share one sign convention and scale. A sum with fewer than two printed parts
proves nothing; a sum whose parts are not all printed cannot refute (the source may simply not
print a line). One broken sum is left to the cross-checks (a source's own misprint); several,
outnumbering the sums that hold, refute the column.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from generator.extract.crosscheck import FactKey, Terms, fact_key, filed_concept
from generator.extract.precision import (
    consistent,
    half_unit,
    member_sum,
    one_digit_off,
    pin_within,
    round_to,
)
from generator.extract.proof.columns import ROWS, ColumnFacts, PrintedSum
from generator.model.results import ContextKey, ResultFact
from generator.model.taxonomy import Taxonomy

CHECK = "arithmetic"


def _by_context(column: ColumnFacts, taxonomy: Taxonomy) -> dict[ContextKey, dict[str, ResultFact]]:
    out: dict[ContextKey, dict[str, ResultFact]] = {}
    for fact in column.facts:
        out.setdefault(fact.context, {}).setdefault(filed_concept(fact, taxonomy), fact)
    return out


def _members_hold(column: ColumnFacts, found: list[tuple[str, str]], taxonomy: Taxonomy,
                  truncate: bool, holds: list[str]) -> None:
    """Members printed below a total add up to it (one may be printed as a deduction); where
    every member of the axis is printed and they do not, one of the figures is wrong
    (:func:`_contradict_members`)."""
    for concept, axis in found:
        groups: dict[tuple[object, ...], tuple[list[ResultFact], list[ResultFact], set[str]]] = {}
        for fact in column.facts:
            if fact.concept != concept:
                continue
            rest = tuple(sorted((a, m) for a, m in fact.dimensions.items() if a != axis))
            totals, members, named = groups.setdefault((str(fact.period), rest, fact.unit),
                                                       ([], [], set()))
            if axis in fact.dimensions:
                named.add(fact.dimensions[axis])  # a dash prints the member (nil)
            if fact.value is not None:
                (members if axis in fact.dimensions else totals).append(fact)
        for totals, members, named in groups.values():
            if len(totals) != 1 or len(members) < 2:
                continue
            total = totals[0]
            added = member_sum(total, members, truncate)
            if not added.holds:
                declared = taxonomy.axes.get(axis)
                if declared is not None and named >= {m.name for m in declared.members}:
                    _contradict_members(column, axis, total, members, added.computed)
                continue
            holds.append(f"{concept} by {axis} {total.source.text} (line {total.source.line})")
            column.sum_totals.add(id(total))
            column.signed.update(id(m) for m in members)
            for fact in (total, *members):
                if fact is not added.deducted:
                    # a member printed as a deduction is left to the cross-checks, which
                    # store it with its natural sign: its figure as read is not confirmed
                    column.confirm_fact(fact, CHECK, added.within)


def _contradict_members(column: ColumnFacts, axis: str, total: ResultFact,
                        members: Sequence[ResultFact], computed: Decimal) -> None:
    """Every member of ``axis`` printed, and they add up to their total neither as printed nor
    with one of them read as a deduction: one of the figures is misprinted or misread, by at
    least the nearest of those readings' breaks."""
    assert total.value is not None
    off = total.value - computed
    gap = min([abs(off), *(abs(off + 2 * m.value) for m in members if m.value)])
    why = (f"the {axis} members of {total.concept} {total.source.text} (line "
           f"{total.source.line}) add up to {computed}, every member printed: off by {gap} "
           "at best, beyond their rounding, so one of them is misprinted or misread")
    for fact in (total, *members):
        column.contradict(fact, gap, why)


def slack(fact: ResultFact, taxonomy: Taxonomy, truncate: bool) -> Decimal:
    """How far ``fact`` may be from the value behind it: half a unit of its last digit (a unit
    if truncated), none for an amount declared exactly (:meth:`Taxonomy.exact`)."""
    return Decimal(0) if taxonomy.exact(fact.concept) else half_unit(fact, truncate)


def check(column: ColumnFacts, sums: Sequence[tuple[str, Terms]], taxonomy: Taxonomy,
          truncate: bool, members: Sequence[tuple[str, str]] = ()) -> None:
    """Confirm a column whose sums hold; refute one whose complete sums mostly break."""
    holds: list[str] = []
    breaks: list[str] = []
    _members_hold(column, list(members), taxonomy, truncate, holds)
    for facts in _by_context(column, taxonomy).values():
        for parent, terms in sums:
            total = facts.get(parent)
            if total is None or total.value is None:
                continue
            parts = [(facts[c], w) for c, w in terms if c in facts]
            numeric = [(f, w) for f, w in parts if f.value is not None]
            if len(numeric) < 2:
                continue
            computed = sum(((f.value or Decimal(0)) * w for f, w in numeric), Decimal(0))
            tolerance = slack(total, taxonomy, truncate) + sum(
                (slack(f, taxonomy, truncate) for f, _ in numeric), Decimal(0))
            what = f"{parent} {total.source.text} (line {total.source.line})"
            printed = (parent, tuple(c for c, _ in terms if c in facts))
            if abs(total.value - computed) <= tolerance:
                holds.append(what)
                column.sum_totals.add(id(total))
                if len(parts) < len(terms):
                    column.open_held.setdefault(printed, (total, *(f for f, _ in parts)))
                column.held_sums.append((total, *(f for f, _ in numeric)))
                if total.value == computed:
                    column.tied_sums.append(column.held_sums[-1])
                else:
                    column.loose_sums.append((total, tuple(numeric)))
                # rounded parts foot only to their half units: a figure off by less than
                # what is left of them still adds up
                within = pin_within(tolerance, total.value - computed)
                for fact in (total, *(f for f, _ in numeric)):
                    column.confirm_fact(fact, CHECK, within)
            elif len(parts) == len(terms):
                breaks.append(f"{what} vs its parts' {computed}")
                column.broken_sums.append((total, tuple(numeric)))
            else:
                column.partial_sums.append((total, tuple(numeric)))
                column.open_broken.append(
                    (printed, (total, *(f for f, _ in parts)), column.partial_sums[-1]))
    if holds:
        column.confirm(CHECK, f"{len(holds)} printed total(s) equal their printed parts: "
                              + "; ".join(holds[:3]), ROWS)
    if len(breaks) >= 2 and len(breaks) > len(holds):
        column.refute(CHECK, f"{len(breaks)} printed totals disagree with their printed parts "
                             f"({len(holds)} agree): " + "; ".join(breaks[:3]))


ANCHORED = "arithmetic anchored"


def anchor(columns: Sequence[ColumnFacts]) -> None:
    """A sum that ties to the unit, all of whose figures but one sit where they were read
    (their rows printed every cell, or checks outside the column tie them down), settles that
    one too: its value is the one the others leave, wherever the reader placed it. A sum that
    holds only within its parts' rounding settles nothing: the others leave a range, and a
    quarterly series shifted a column ("Expenses 37<TAB>36<TAB>42", the tab after the label
    lost) puts the neighbour's 36 in it. Run after every other check, since those are what tie
    the others down."""
    for column in columns:
        for facts in column.tied_sums:
            where = [column._where(f) for f in facts]
            loose = [f for f, at in zip(facts, where, strict=True)
                     if not all(column.placed(i) for i in at)]
            if len(loose) == 1:
                column.confirm_fact(loose[0], ANCHORED)


BROKEN = ("the printed sum {total} breaks (its parts give {computed}) and no check of its own "
          "confirms this figure ({confirmed} of the sum's {members} figures are): it may be the "
          "misread or misprinted one")
Member = tuple[ResultFact, Decimal]  # a figure of a sum and its weight (the total's is -1)


def sum_members(printed: PrintedSum) -> list[Member]:
    """Every figure of a printed sum with its weight, the total first (weighted -1): the
    sum holds when the weighted figures add up to nothing."""
    total, parts = printed
    return [(total, Decimal(-1)), *parts]


def holds_with(members: Sequence[Member], fact: ResultFact, value: Decimal, taxonomy: Taxonomy,
               truncate: bool, extra: Decimal = Decimal(0)) -> bool:
    """Whether the sum holds with ``fact``'s figure read as ``value`` (``extra``: slack for a
    value that is itself rounded)."""
    off = sum(((value if f is fact else f.value or Decimal(0)) * w for f, w in members),
              Decimal(0))
    tolerance = sum((slack(f, taxonomy, truncate) for f, _ in members), Decimal(0))
    return abs(off) <= tolerance + extra


def doubt_broken(columns: Sequence[ColumnFacts], taxonomy: Taxonomy, truncate: bool) -> None:
    """A complete sum that breaks has a wrong figure in it, and a proven column does not say
    which: each of its figures that no check of its own confirms is held (a scan's
    "2,783,026" for 2,883,026 otherwise went out in a column other sums prove) — unless one
    figure explains the break: printed as a deduction (its sign flipped, the sum holds: the
    cross-checks store it with its natural sign), or printed elsewhere with a value that makes
    the sum hold (the misprint is that one, held by its other printing). Run after every check
    that confirms figures one by one, :func:`anchor` included."""
    if not any(column.broken_sums or column.partial_sums for column in columns):
        return  # most releases: every sum holds
    printed: dict[FactKey, list[ResultFact]] = {}
    for column in columns:
        for fact in column.facts:
            printed.setdefault(fact_key(fact, filed_concept(fact, taxonomy)), []).append(fact)
    for column in columns:
        for broken in column.broken_sums:
            members = sum_members(broken)
            if _explained(column, members, printed, taxonomy, truncate):
                continue
            total, parts = broken
            computed = sum(((f.value or Decimal(0)) * w for f, w in parts), Decimal(0))
            # a figure is cleared by a check that would have caught it off by the break: a %
            # of revenues or a translation passes a scan's "418,432" for 418,492
            gap = abs((total.value or Decimal(0)) - computed)
            loose = [f for f, _ in members if not column.pins(f, gap)]
            why = BROKEN.format(
                total=f"{total.concept} {total.source.text} (line {total.source.line})",
                computed=computed, confirmed=len(members) - len(loose), members=len(members))
            for fact in loose:
                column.doubt_fact(fact, why)
        for partial in column.partial_sums:
            _doubt_one_digit(column, partial, printed, taxonomy, truncate)


PARTIAL = ("the printed sum {total} breaks (its printed parts give {computed}; a part it "
           "declares is not printed) and it holds with this figure read as {wanted}, one digit "
           "different: a misread digit?")


def _doubt_one_digit(column: ColumnFacts, partial: PrintedSum,
                     printed: dict[FactKey, list[ResultFact]], taxonomy: Taxonomy,
                     truncate: bool) -> None:
    """A sum with a part not printed proves nothing when it breaks (that part may be what is
    missing) — unless it breaks by one digit's worth (300,000, 70: a part not printed is
    seldom so round), and a figure read with one digit different makes it hold: the commonest
    misreading of a scan ("333,377" for 333,307). Every such figure is held, as no check says
    which one it is; one a check of its own pins closer than the break is not."""
    members = sum_members(partial)
    if _explained(column, members, printed, taxonomy, truncate):
        return
    off = sum(((f.value or Decimal(0)) * w for f, w in members), Decimal(0))
    suspects = []
    for fact, weight in members:
        if fact.value is None or fact.decimals is None:
            continue
        wanted = fact.value - off / weight
        if (round_to(wanted, fact.decimals) == wanted and one_digit_off(fact, wanted)
                and not column.pins(fact, abs(off))):
            suspects.append((fact, wanted))
    total, parts = partial
    computed = sum(((f.value or Decimal(0)) * w for f, w in parts), Decimal(0))
    for fact, wanted in suspects:
        column.doubt_fact(fact, PARTIAL.format(
            total=f"{total.concept} {total.source.text} (line {total.source.line})",
            computed=computed, wanted=wanted))


def _explained(column: ColumnFacts, members: list[Member],
               printed: dict[FactKey, list[ResultFact]], taxonomy: Taxonomy,
               truncate: bool) -> bool:
    """Whether one figure accounts for the break: flipped, or — already held, its other
    printing disagreeing with it — replaced by that printing."""
    for fact, _ in members:
        value = fact.value or Decimal(0)
        if holds_with(members, fact, -value, taxonomy, truncate):
            return True
        if not any(i in column.doubts for i in column._where(fact)):
            continue  # a figure filed as printed cannot be the one the break is blamed on
        for other in printed.get(fact_key(fact, filed_concept(fact, taxonomy)), []):
            # a printing that agrees with this one (the same figure again, or rounded) says
            # nothing against it: only its rounding slack would make the sum "hold"
            if other is not fact and other.value is not None and not consistent(
                    fact, other) and holds_with(members, fact, other.value, taxonomy, truncate,
                                                extra=slack(other, taxonomy, truncate)):
                return True
    return False
