"""Completion evidence: a forecast row finishes the year its actual row began.

TSE summary forms print the year's dividends on two rows: the quarters already paid on the
actual row ("- 1,500.00"), the quarters still to come and the year's total on the forecast row
("- 1,500.00 3,000.00"). Neither row adds up alone, but together they print every part of the
total: when the forecast row's total equals the parts of both rows, both rows' cells sit in the
columns their header names (a figure placed one column off breaks the sum). When every part is
printed and the total still breaks, beyond the parts' rounding (none, for a dividend fixed to
the yen), one of the figures is misprinted or misread: each is contradicted (:mod:`.contradicted`
holds it unless a check of its own pins it). The sums are the taxonomy's own (calculation arcs
and ``evidence_sums``), so this is no dividend rule in code.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from generator.extract.crosscheck import Terms
from generator.extract.proof.arithmetic import slack
from generator.extract.proof.columns import ROWS, ColumnFacts
from generator.model.results import ResultFact
from generator.model.taxonomy import Taxonomy

CHECK = "completion"


def _pairs(rows: Sequence[ColumnFacts]) -> list[tuple[ColumnFacts, ColumnFacts]]:
    """(forecast row, actual row) of one table and one period."""
    out: list[tuple[ColumnFacts, ColumnFacts]] = []
    for forecast in rows:
        if forecast.row is None or not forecast.row.forecast or forecast.row.period is None:
            continue
        for actual in rows:
            if actual.row is not None and not actual.row.forecast \
                    and actual.row.period == forecast.row.period:
                out.append((forecast, actual))
    return out


def _by_concept(column: ColumnFacts) -> dict[str, ResultFact]:
    return {f.concept: f for f in column.facts}


def check(rows: Sequence[ColumnFacts], sums: Sequence[tuple[str, Terms]], taxonomy: Taxonomy,
          truncate: bool) -> None:
    """Confirm a forecast row and its actual row when the forecast total equals the parts
    the two rows print between them (each row printing at least one of them)."""
    for forecast, actual in _pairs(rows):
        ahead, done = _by_concept(forecast), _by_concept(actual)
        if set(ahead) & set(done):
            continue  # the rows overlap: each is a reading of its own, not two halves
        for parent, terms in sums:
            total = ahead.get(parent)
            if total is None or total.value is None:
                continue
            parts = [(ahead.get(c) or done.get(c), w) for c, w in terms]
            if any(f is None for f, _ in parts):
                continue  # a part neither row prints: nothing to complete
            printed = [(f, w) for f, w in parts if f is not None]
            if not any(f is ahead.get(f.concept) for f, _ in printed) \
                    or not any(f is done.get(f.concept) for f, _ in printed):
                continue
            if sum(1 for f, _ in printed if f.value is not None) < 2:
                continue
            computed = sum(((f.value or Decimal(0)) * w for f, w in printed), Decimal(0))
            tolerance = slack(total, taxonomy, truncate) + sum(
                (slack(f, taxonomy, truncate) for f, _ in printed), Decimal(0))
            if abs(total.value - computed) > tolerance:
                _contradict(forecast, actual, parent, total, printed, computed)
                continue
            detail = (f"{parent} {total.source.text} (line {total.source.line}) equals the "
                      f"parts printed on it and on line {actual.facts[0].source.line}")
            for row in (forecast, actual):
                row.confirm(CHECK, detail, ROWS)
                # The sum holds wherever its parts sit among the part columns (1Q-end and 2Q-end
                # swapped add up alike): it settles the total, and a part only where its row
                # printed every slot; a part placed by position needs evidence of its own.
                for fact in (total, *(f for f, _ in printed)):
                    if fact is total or not row.by_position(fact):
                        row.confirm_fact(fact, CHECK)  # a fact of the other row is not found


def _contradict(forecast: ColumnFacts, actual: ColumnFacts, parent: str, total: ResultFact,
                printed: list[tuple[ResultFact, Decimal]], computed: Decimal) -> None:
    """The forecast total and the parts both rows print disagree: every figure of the sum is
    contradicted by the break."""
    assert total.value is not None
    gap = abs(total.value - computed)
    why = (f"the year's {parent} {total.source.text} (line {total.source.line}) is not the "
           f"parts printed on it and on line {actual.facts[0].source.line} ({computed}): one "
           "of them is misprinted or misread")
    for row in (forecast, actual):
        for fact in (total, *(f for f, _ in printed)):
            if fact.value is not None and row._where(fact):
                row.contradict(fact, gap, why)
