"""Precision evidence: the amounts of one column are printed to one precision.

A column of whole thousands does not print "68.6": a figure with decimals among whole amounts
is a % cell read into the amount column (a blank cell shifted it). Such a figure is held back
on its own; its column is judged by the rest.
"""

from __future__ import annotations

from collections import Counter

from generator.extract.proof.columns import ColumnFacts
from generator.model.concept import DataType
from generator.model.taxonomy import Taxonomy

CHECK = "precision"


def check(column: ColumnFacts, taxonomy: Taxonomy) -> None:
    """Doubt every monetary figure printed to another precision than most of its column's."""
    amounts = [f for f in column.facts if f.value is not None and f.decimals is not None
               and f.concept in taxonomy.concepts
               and taxonomy.concepts[f.concept].data_type is DataType.MONETARY]
    if len(amounts) < 3:
        return
    usual, count = Counter(f.decimals for f in amounts).most_common(1)[0]
    if count * 2 <= len(amounts):
        return
    for fact in amounts:
        if fact.decimals != usual:
            column.doubt_fact(fact, f"printed as {fact.source.text}, to another precision than "
                                    "the column's other amounts: a % cell read as an amount?")
