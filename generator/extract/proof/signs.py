"""A member whose figures releases print either way — with their own sign, or as a positive
amount the reader is to deduct (an elimination: "Elimination 206" under revenues in one year,
"(206)" in another) — is filed with a positive figure only where its breakdown's sum says
which it is: the members add up to the total as printed, or with it subtracted (the
cross-checks then store it negative). Where the sum cannot say (a segment row left unread, a
total not printed), the figure's digits may be proven by every other check and its sign by
none: "printed twice" agrees with a second printing in the same convention, and a column's
stated period says nothing of signs. Such a figure is held. A printing the sum settled
settles the other printings of the same figure printed with the same sign (the cross-checks
read them alike). Members declare this in the taxonomy (``sign: either``).
"""

from __future__ import annotations

from collections.abc import Sequence

from generator.extract.crosscheck import FactKey, fact_key, filed_concept
from generator.extract.precision import half_unit, member_sum
from generator.extract.proof.columns import ColumnFacts
from generator.model.results import ResultFact
from generator.model.taxonomy import Taxonomy
from generator.taxonomy.memo import per_taxonomy

UNSETTLED = ("{member} is printed by some releases as a deduction and by others with its own "
             "sign; its breakdown's filed figures do not add up to its total (a member not "
             "read, or no total), so nothing says which sign this {printed} has")


@per_taxonomy
def either_sign(taxonomy: Taxonomy) -> frozenset[tuple[str, str]]:
    """(axis, member) of every member declared ``sign: either``."""
    return frozenset((axis.name, member.name) for axis in taxonomy.axes.values()
                     for member in axis.members if member.sign == "either")


def check(columns: Sequence[ColumnFacts], taxonomy: Taxonomy, truncate: bool) -> None:
    """Hold each positive figure of an either-sign member no breakdown sum settles."""
    members = either_sign(taxonomy)
    if not members:
        return
    unsettled = [(column, i) for column in columns for i, fact in enumerate(column.facts)
                 if fact.value and fact.value > 0 and not members.isdisjoint(
                     fact.dimensions.items()) and _filed(column, i)]
    if not unsettled:
        return
    settled = _settled_across(columns, taxonomy, members, truncate)
    for column, i in unsettled:
        fact = column.facts[i]
        if fact_key(fact, filed_concept(fact, taxonomy)) in settled:
            continue
        member = next(m for a, m in fact.dimensions.items() if (a, m) in members)
        column.doubt_fact(fact, UNSETTLED.format(member=member, printed=fact.source.text))


def _filed(column: ColumnFacts, i: int) -> bool:
    """Whether figure ``i`` goes out as things stand: a member held back settles nothing (the
    cross-checks, which store a deduction negative, see only the figures filed)."""
    return column.proven and column.figure_doubt(i) is None


def _settled_across(columns: Sequence[ColumnFacts], taxonomy: Taxonomy,
                    members: frozenset[tuple[str, str]], truncate: bool) -> set[FactKey]:
    """Keys of either-sign members whose breakdown adds up with the figures of the whole
    release that go out, in one table or across several (a total in the summary, segments in
    the statements), as the cross-checks add them: each line's most precise printing, the
    member as printed or subtracted."""
    axes = {axis for axis, _ in members}
    groups: dict[tuple[str, tuple[object, ...]], dict[str | None, ResultFact]] = {}
    for column in columns:
        for i, fact in enumerate(column.facts):
            if fact.value is None or not _filed(column, i):
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


__all__ = ["check", "either_sign"]
