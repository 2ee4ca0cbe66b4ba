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


class _Tilings:
    """The pieces of one group indexed by their start, shortest first (printing order among
    equals), so that finding a whole's chain costs its length, not the group's size."""

    def __init__(self, pieces: list[Piece]) -> None:
        by_start: dict[dt.date, list[Piece]] = defaultdict(list)
        for piece in pieces:
            by_start[piece[2].start].append(piece)
        self.by_start = {day: sorted(options, key=lambda p: p[2].end)
                         for day, options in by_start.items()}
        self.chains: dict[str, list[Piece] | None] = {}  # by the whole's ``iso``

    def _shortest(self, day: dt.date, whole: Duration) -> Piece | None:
        """The first piece starting on ``day`` that is not ``whole`` and ends within it."""
        for piece in self.by_start.get(day, ()):
            if piece[2].end > whole.end:
                return None
            if piece[2].iso != whole.iso:
                return piece
        return None

    def tiling(self, whole: Duration) -> list[Piece] | None:
        """Consecutive shorter periods from ``whole``'s start to its end, if the pieces have
        them (the same for every figure of that period: worked out once)."""
        if whole.iso not in self.chains:
            chain: list[Piece] = []
            day = whole.start
            while day <= whole.end:
                option = self._shortest(day, whole)
                if option is None:
                    chain = []
                    break
                chain.append(option)  # the shortest: quarters before halves
                day = option[2].end + dt.timedelta(days=1)
            self.chains[whole.iso] = chain if len(chain) >= 2 else None
        return self.chains[whole.iso]


def check(columns: list[ColumnFacts], taxonomy: Taxonomy, truncate: bool) -> None:
    """Confirm the strips of every figure whose sub-period figures add up to it."""
    groups: dict[tuple[object, ...], list[Piece]] = defaultdict(list)
    for column in columns:
        if column.refutations:  # a refuted column's periods or rows are wrong: no evidence
            continue
        for fact in column.facts:
            if isinstance(fact.period, Duration) and fact.value is not None:
                key = (filed_concept(fact, taxonomy), *fact.context[1:])  # members, unit
                groups[key].append((column, fact, fact.period))
    for pieces in groups.values():
        if len(pieces) < 3:
            continue  # no whole with two sub-periods: nothing adds up (most figures)
        tilings = _Tilings(pieces)
        sums: dict[str, tuple[Decimal, Decimal]] = {}  # by the span's ``iso``
        for column, whole, span in pieces:
            assert whole.value is not None
            chain = tilings.tiling(span)
            if chain is None:
                continue
            if span.iso not in sums:
                sums[span.iso] = (sum((f.value or Decimal(0) for _, f, _ in chain), Decimal(0)),
                              sum((half_unit(f, truncate) for _, f, _ in chain), Decimal(0)))
            computed, slack = sums[span.iso]
            tolerance = half_unit(whole, truncate) + slack
            if abs(whole.value - computed) > tolerance:
                continue
            detail = (f"{whole.concept} {whole.source.text} (line {whole.source.line}) equals "
                      f"the sum of its {len(chain)} sub-periods' figures")
            for strip, fact, _ in ((column, whole, span), *chain):
                strip.confirm(CHECK, detail, BOTH)
                strip.confirm_fact(fact, CHECK)
