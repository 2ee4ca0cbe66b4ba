"""Breakdowns that add up across the release: a total printed in one table (the summary's
revenues), its members in another (the segment note). Such a sum ties each member to its
line as a sum within one column does — the members are what the total is made of — and it
settles which way a member printed either way was meant (an elimination added or deducted).
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence

from generator.extract.crosscheck import FactKey, fact_key, filed_concept
from generator.extract.precision import half_unit, member_sum
from generator.extract.proof.columns import ColumnFacts
from generator.model.results import ResultFact
from generator.model.taxonomy import Taxonomy


def settled_across(columns: Sequence[ColumnFacts], taxonomy: Taxonomy,
                   members: Collection[tuple[str, str]], truncate: bool,
                   counts: Callable[[ColumnFacts, int], bool]) -> set[FactKey]:
    """Keys of the figures of ``members`` (axis, member) whose breakdown adds up with the
    figures ``counts`` (those that go out), in one table or across several, as the
    cross-checks add them: each line's most precise printing, a member as printed or
    subtracted."""
    axes = {axis for axis, _ in members}
    groups: dict[tuple[str, tuple[object, ...]], dict[str | None, ResultFact]] = {}
    for column in columns:
        for i, fact in enumerate(column.facts):
            if fact.value is None or not counts(column, i):
                continue
            for axis in axes:
                rest = tuple(sorted((a, m) for a, m in fact.dimensions.items() if a != axis))
                group = groups.setdefault(
                    (axis, (fact.concept, fact.period.iso, fact.unit, rest)), {})
                slot = fact.dimensions.get(axis)
                kept = group.get(slot)
                if kept is None or half_unit(fact, truncate) < half_unit(kept, truncate):
                    group[slot] = fact
    out: set[FactKey] = set()
    for (axis, _), group in groups.items():
        total = group.get(None)
        parts = [f for slot, f in group.items() if slot is not None]
        if total is None or total.value is None or len(parts) < 2 \
                or not member_sum(total, parts, truncate).holds:
            continue
        out.update(fact_key(part, filed_concept(part, taxonomy)) for part in parts
                   if (axis, part.dimensions[axis]) in members)
    return out


def goes_out(column: ColumnFacts, i: int) -> bool:
    """Whether figure ``i`` goes out as things stand: a member held back settles nothing (the
    cross-checks, which store a deduction negative, see only the figures filed)."""
    return column.proven and column.figure_doubt(i) is None


__all__ = ["goes_out", "settled_across"]
