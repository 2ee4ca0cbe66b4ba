"""A table that states no unit is filed figure by figure, each on its other printing's word.

:mod:`..read.unitless` gives such a table the unit its figures are printed in elsewhere. That
unit is a hypothesis: the figures' concept and period come from this table's own words, and
nothing but their other printing ties them to the borrowed scale. So a figure is filed only
when its other printing, as the same concept and period, agrees with it (the printed-twice
check confirmed it on its own) and that printing is itself one the proof files: a table that
states no unit mostly repeats its TSE form's row, item words and all, and the same item
splitter reads both, so a form's figure held for want of a check of its own is no witness
for its echo (003's FY2017 income before tax target). Every other figure is held.
"""

from __future__ import annotations

from collections import defaultdict

from generator.extract.crosscheck import FactKey, fact_key, filed_concept
from generator.extract.precision import consistent
from generator.extract.proof import twice
from generator.extract.proof.columns import ColumnFacts
from generator.model.results import ResultFact
from generator.model.taxonomy import Taxonomy

REASON = ("its table states no unit ({unit_from}) and no other printing of this concept and "
          "period agrees with it")


def check(columns: list[ColumnFacts], taxonomy: Taxonomy) -> None:
    """Doubt each figure of a unit-borrowing table that no printing the proof files, in a
    table that states its unit, confirms."""
    borrowing = [c for c in columns if c.table.unit_from]
    if not borrowing:
        return
    standing: dict[FactKey, list[ResultFact]] = defaultdict(list)
    for column in columns:
        if column.table.unit_from or not column.proven:
            continue
        for i, fact in enumerate(column.facts):
            if fact.value is not None and column.figure_doubt(i) is None:
                standing[fact_key(fact, filed_concept(fact, taxonomy))].append(fact)
    for column in borrowing:
        for i, fact in enumerate(column.facts):
            witnesses = standing.get(fact_key(fact, filed_concept(fact, taxonomy)), [])
            if twice.CHECK not in column.sure.get(i, set()) or not any(
                    consistent(fact, w, slack_units=1) for w in witnesses):
                column.doubt_fact(fact, REASON.format(unit_from=column.table.unit_from))
