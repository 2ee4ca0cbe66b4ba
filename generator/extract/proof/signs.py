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

from generator.extract.crosscheck import fact_key, filed_concept
from generator.extract.proof.across import goes_out, settled_across
from generator.extract.proof.columns import ColumnFacts
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
                     fact.dimensions.items()) and goes_out(column, i)]
    if not unsettled:
        return
    settled = settled_across(columns, taxonomy, members, truncate, goes_out)
    for column, i in unsettled:
        fact = column.facts[i]
        if fact_key(fact, filed_concept(fact, taxonomy)) in settled:
            continue
        member = next(m for a, m in fact.dimensions.items() if (a, m) in members)
        column.doubt_fact(fact, UNSETTLED.format(member=member, printed=fact.source.text))


__all__ = ["check", "either_sign"]
