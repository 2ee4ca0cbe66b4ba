"""Translation evidence: a USD convenience column equals its JPY column at the stated rate.

The release states the rate ("U.S.$1 = JPY 110.50"); each translated figure is the yen figure
divided by it and rounded as printed. Rows that agree prove both columns (their rows, periods and
scales together); a USD column that mostly disagrees is refuted (a wrong scale, or cells shifted).
"""

from __future__ import annotations

from decimal import Decimal

from generator.extract.proof.columns import ColumnFacts
from generator.model.results import ResultFact

CHECK = "translation"
MIN_ROWS = 2
AGREEING_SHARE = Decimal("0.8")


def _unit(fact: ResultFact) -> Decimal:
    return Decimal(1).scaleb(-fact.decimals) if fact.decimals is not None else Decimal(0)


def matches(usd: ResultFact, jpy: ResultFact, rate: Decimal) -> bool:
    """Is ``usd`` the yen figure at ``rate``, within the rounding of both printings?"""
    assert usd.value is not None and jpy.value is not None
    slack = _unit(usd) + _unit(jpy) / 2 / rate
    return abs(jpy.value / rate - usd.value) <= slack


def far_off(usd: ResultFact, jpy: ResultFact, rate: Decimal) -> bool:
    """A pair no rounding explains (the release may adjust a translated figure by a unit or
    two so that translated totals foot): more than two units apart, however large the figures
    (a scan's "6,615" for 6,611 is 0.06% off: a floor of 1% filed it). A pair apart only in
    sign (an OCR scan losing a figure's parentheses) is left to the cross-checks, which restore
    the sign where a total agrees."""
    assert usd.value is not None and jpy.value is not None
    expected = jpy.value / rate
    gap = min(abs(expected - usd.value), abs(expected + usd.value))
    return gap > 2 * _unit(usd) + _unit(jpy) / 2 / rate


def check(columns: list[ColumnFacts], rate: Decimal | None) -> None:
    """Pair each translation column of a table with the yen column that translates to it."""
    usd_columns = [c for c in columns if c.column.role == "translation"]
    if rate is None or not usd_columns:
        return
    for usd in usd_columns:
        usd_facts = {(f.concept, *f.context[:2]): f
                     for f in usd.facts if f.value is not None}
        best: tuple[int, int, ColumnFacts, list[tuple[ResultFact, ResultFact, bool]]] | None = None
        for other in columns:
            if other is usd or other.column.role != "value":
                continue
            pairs = []
            for fact in other.facts:
                key = (fact.concept, *fact.context[:2])
                twin = usd_facts.get(key)
                if twin is None or fact.value is None or fact.unit == "USD":
                    continue
                pairs.append((twin, fact, matches(twin, fact, rate)))
            agree = sum(1 for *_, ok in pairs if ok)
            if pairs and (best is None or (agree, agree - len(pairs)) > best[:2]):
                best = (agree, agree - len(pairs), other, pairs)
        if best is None:
            continue
        agree, disagree, jpy = best[0], -best[1], best[2]
        for twin, fact, ok in best[3]:
            if ok:
                usd.confirm_fact(twin, CHECK, _unit(twin) + _unit(fact) / rate)
                # a dollar unit is worth many yen units: the yen figure is pinned to that
                jpy.confirm_fact(fact, CHECK, _unit(twin) * rate + _unit(fact))
            elif far_off(twin, fact, rate):
                why = (f"{fact.source.text} at the stated rate {rate} is not the USD figure "
                       f"{twin.source.text} printed beside it")
                usd.doubt_fact(twin, why)
                jpy.doubt_fact(fact, why)
        checked = agree + disagree
        if agree >= MIN_ROWS and agree >= AGREEING_SHARE * checked:
            usd.confirm(CHECK, f"{agree} of {checked} figures equal {jpy.where()} divided by "
                               f"the stated rate {rate}")
            jpy.confirm(CHECK, f"{agree} of {checked} figures, divided by the stated rate "
                               f"{rate}, equal {usd.where()}")
        elif disagree >= MIN_ROWS:
            usd.refute(CHECK, f"only {agree} of {checked} figures equal {jpy.where()} / {rate} "
                              "(the stated rate): wrong scale, period or rows")
