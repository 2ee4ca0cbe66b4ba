"""A table that states no unit is filed figure by figure, each on its other printing's word.

:mod:`..read.unitless` gives such a table the unit its figures are printed in elsewhere. That
unit is a hypothesis: the figures' concept and period come from this table's own words, and
nothing but their other printing ties them to the borrowed scale. So a figure is filed only
when its other printing, as the same concept and period, agrees with it (the printed-twice
check confirmed it on its own) and that printing is itself one the proof files: a table that
states no unit mostly repeats its TSE form's row, item words and all, and the same item
splitter reads both, so a form's figure held for want of a check of its own is no witness
for its echo (003's FY2017 income before tax target). Every other figure is held. The echo is
no witness for, but may be evidence against, its other printing: where one of its figures
differs from that printing while the row's others agree with theirs, the other printing is held
too unless a check of its own pins it closer than the two differ.
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


DISPUTED = ("line {line} prints {printed} for the same {concept} in a table that states no unit "
            "(its other figures there agree with their printings elsewhere), and no check of "
            "its own pins this one closer than that")
# a unit-borrowing row's figures that must agree with their other printings before one that
# does not is taken as evidence against its other printing
MIN_AGREEING = 2


def check(columns: list[ColumnFacts], taxonomy: Taxonomy) -> None:
    """Doubt each figure of a unit-borrowing table that no printing the proof files, in a
    table that states its unit, confirms; and, where one figure of such a row disagrees with
    its other printing while the row's others agree with theirs, doubt that other printing
    too unless a check of its own pins it closer than they differ: two printings of one
    figure that differ cannot both be right, and only a check can tell which (a scan that
    read 4,100 as 4,180 in the forecast table, the unitless echo printing 4,100)."""
    borrowing = [c for c in columns if c.table.unit_from]
    if not borrowing:
        return
    standing: dict[FactKey, list[tuple[ColumnFacts, int]]] = defaultdict(list)
    for column in columns:
        if column.table.unit_from or not column.proven:
            continue
        for i, fact in enumerate(column.facts):
            if fact.value is not None and column.figure_doubt(i) is None:
                standing[fact_key(fact, filed_concept(fact, taxonomy))].append((column, i))
    agreeing: dict[int, int] = defaultdict(int)  # line -> its figures their printings confirm
    disagreeing: list[tuple[ResultFact, list[tuple[ColumnFacts, int]]]] = []
    for column in borrowing:
        for i, fact in enumerate(column.facts):
            witnesses = standing.get(fact_key(fact, filed_concept(fact, taxonomy)), [])
            if twice.CHECK in column.sure.get(i, set()) and any(
                    consistent(fact, w.facts[j], slack_units=1) for w, j in witnesses):
                agreeing[fact.source.line] += 1
                continue
            column.doubt_fact(fact, REASON.format(unit_from=column.table.unit_from))
            others = [(w, j) for w, j in witnesses
                      if not consistent(fact, w.facts[j], slack_units=1)]
            if fact.value is not None and others:
                disagreeing.append((fact, others))
    for fact, others in disagreeing:
        if agreeing[fact.source.line] < MIN_AGREEING:
            continue  # the row may be read wrong: no word against any other printing
        for witness, j in others:
            if not witness.pins(witness.facts[j], twice.apart(fact, witness.facts[j])):
                witness.doubt_fact(witness.facts[j], DISPUTED.format(
                    line=fact.source.line, printed=fact.source.text, concept=fact.concept))

