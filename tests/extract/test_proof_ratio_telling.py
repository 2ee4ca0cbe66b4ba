"""A declared per-share ratio proves its figures only when it could tell them from others:
its figures' rounding must move the quotient by less than a tenth of it (proof/ratios.py)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from generator.extract.proof.ratios import _telling, holds
from generator.model.fact import Provenance
from generator.model.period import Duration
from generator.model.results import ResultFact

FY = Duration(start=dt.date(2013, 4, 1), end=dt.date(2014, 3, 31))


def _fact(concept: str, value: str, decimals: int, unit: str, printed: str) -> ResultFact:
    return ResultFact(concept=concept, period=FY, unit=unit, value=Decimal(value),
                      decimals=decimals, source=Provenance(document="r.txt", line=1,
                                                           text=printed))


EPS = _fact("EarningsPerShareBasic", "135.42", 2, "JPYPerShares", "135.42")


def test_a_net_income_read_as_000_over_a_misread_share_count_proves_nothing() -> None:
    """Re-typeset draw rvC2 (004 mixed): the target row's "6 000" read as "6" and "000", and
    net income 0 (to the million) over a share count misread as 242 "held" for an EPS of
    135.42 — any EPS up to 2,066 yen would have — and filed net income 0."""
    zero = _fact("NetIncomeAttributableToParent", "0", -6, "JPY", "000")
    shares = _fact("WeightedAverageSharesBasic", "242", 0, "shares", "242")
    assert holds(EPS, zero, shares, truncate=False)
    assert not _telling(EPS, zero, shares, truncate=False)


def test_a_net_income_over_its_share_count_tells_the_eps() -> None:
    income = _fact("NetIncomeAttributableToParent", "6000000000", -6, "JPY", "6,000")
    shares = _fact("WeightedAverageSharesBasic", "44306000", 0, "shares", "44,306,000")
    assert holds(EPS, income, shares, truncate=False)
    assert _telling(EPS, income, shares, truncate=False)
