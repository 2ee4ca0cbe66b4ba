"""Period evidence: the figures of consecutive periods add up to the figure of the whole.

A fiscal year is its four quarters, a half year its two; a table of quarterly revenues with a
full-year column, or a quarter's statement beside the half year's, proves its columns' rows and
their periods together. Flows only (durations); balances do not add.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from decimal import Decimal

from generator.extract.crosscheck import filed_concept
from generator.extract.precision import half_unit
from generator.extract.proof.columns import BOTH, ColumnFacts
from generator.model.period import Duration
from generator.model.results import ResultFact
from generator.model.taxonomy import Taxonomy

CHECK = "periods"
Piece = tuple[ColumnFacts, ResultFact, Duration]


def _tiling(whole: Duration, pieces: list[Piece]) -> list[Piece] | None:
    """Consecutive shorter periods from ``whole``'s start to its end, if the pieces have them."""
    by_start: dict[dt.date, list[Piece]] = defaultdict(list)
    for piece in pieces:
        period = piece[2]
        if period != whole and whole.start <= period.start and period.end <= whole.end:
            by_start[period.start].append(piece)
    chain: list[Piece] = []
    day = whole.start
    while day <= whole.end:
        options = sorted(by_start.get(day, []), key=lambda p: p[2].end)
        if not options:
            return None
        chain.append(options[0])  # the shortest: quarters before halves
        day = options[0][2].end + dt.timedelta(days=1)
    return chain if len(chain) >= 2 else None


def check(columns: list[ColumnFacts], taxonomy: Taxonomy, truncate: bool) -> None:
    """Confirm the strips of every figure whose sub-period figures add up to it."""
    groups: dict[tuple[object, ...], list[Piece]] = defaultdict(list)
    for column in columns:
        if column.refutations:  # a refuted column's periods or rows are wrong: no evidence
            continue
        for fact in column.facts:
            if isinstance(fact.period, Duration) and fact.value is not None:
                key = (filed_concept(fact, taxonomy), tuple(sorted(fact.dimensions.items())),
                       fact.unit)
                groups[key].append((column, fact, fact.period))
    for pieces in groups.values():
        for column, whole, span in pieces:
            assert whole.value is not None
            chain = _tiling(span, pieces)
            if chain is None:
                continue
            computed = sum((f.value or Decimal(0) for _, f, _ in chain), Decimal(0))
            tolerance = half_unit(whole, truncate) + sum(
                (half_unit(f, truncate) for _, f, _ in chain), Decimal(0))
            if abs(whole.value - computed) > tolerance:
                continue
            detail = (f"{whole.concept} {whole.source.text} (line {whole.source.line}) equals "
                      f"the sum of its {len(chain)} sub-periods' figures")
            for strip, fact, _ in ((column, whole, span), *chain):
                strip.confirm(CHECK, detail, BOTH)
                strip.confirm_fact(fact, CHECK)
