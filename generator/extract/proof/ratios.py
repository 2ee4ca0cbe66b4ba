"""Ratio evidence: a per-share figure is its numerator over its share count.

Earnings per share printed beside the weighted-average share count, and the net income in the
statement above, agree to the per-share figure's last digit when all three sit where their
labels say: the per-share figure and the share count are then confirmed, with their columns
(a per-share block rarely has a total to add up, and share counts have no USD translation).
The ratios are taxonomy data (``ratio:`` on a node), so a new company's wording needs no code.
"""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal

from generator.extract.precision import half_unit
from generator.extract.proof.columns import BOTH, ColumnFacts
from generator.model.results import ResultFact
from generator.model.taxonomy import Taxonomy

CHECK = "ratio"


def _unit_of(fact: ResultFact) -> Decimal:
    return Decimal(1).scaleb(-fact.decimals) if fact.decimals is not None else Decimal(0)


def check(columns: list[ColumnFacts], taxonomy: Taxonomy, truncate: bool) -> None:
    """Confirm each figure whose declared ratio holds, and the figures it is computed from."""
    if not taxonomy.ratios:
        return
    printed: dict[tuple[object, ...], list[tuple[ColumnFacts, ResultFact]]] = defaultdict(list)
    for column in columns:
        for fact in column.facts:
            if fact.value is not None and not column.refutations:
                key = (fact.concept, str(fact.period), tuple(sorted(fact.dimensions.items())))
                printed[key].append((column, fact))
    for ratio in taxonomy.ratios:
        for (concept, *context), quotients in list(printed.items()):
            if concept != ratio.concept:
                continue
            tops = printed.get((ratio.numerator, *context), [])
            bottoms = printed.get((ratio.denominator, *context), [])
            for q_column, quotient in quotients:
                for t_column, top in tops:
                    for b_column, bottom in bottoms:
                        if _holds(quotient, top, bottom, truncate):
                            detail = (f"{quotient.concept} {quotient.source.text} (line "
                                      f"{quotient.source.line}) = {top.concept} {top.source.text}"
                                      f" / {bottom.concept} {bottom.source.text}")
                            for strip, fact in ((q_column, quotient), (b_column, bottom)):
                                strip.confirm(CHECK, detail, BOTH)
                                strip.confirm_fact(fact, CHECK)
                            t_column.confirm_fact(top, CHECK)


def _holds(quotient: ResultFact, top: ResultFact, bottom: ResultFact, truncate: bool) -> bool:
    assert quotient.value is not None and top.value is not None and bottom.value is not None
    if not bottom.value:
        return False
    # Rounding of top / bottom: d(top) / |bottom| + |top / bottom| * d(bottom) / |bottom|.
    exact = top.value / bottom.value
    slack = _unit_of(quotient) + (
        half_unit(top, truncate) + abs(exact) * half_unit(bottom, truncate)) / abs(bottom.value)
    return abs(exact - quotient.value) <= slack
