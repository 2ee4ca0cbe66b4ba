"""Calculation 1.1 interval arithmetic: rounding vs truncation, and properties of true values."""

from __future__ import annotations

from decimal import ROUND_DOWN, ROUND_HALF_EVEN, Decimal

from hypothesis import given
from hypothesis import strategies as st

from generator.validate.calculation import Calc21Collector, CalcCollector, CalcMode, CalcModel
from generator.validate.instance import Context, Fact, Unit

CTX = Context("c", 1, "s", "e", "duration", "2024-01-01", "2024-12-31", cls=0)
UNIT = Unit("u", 1, ("{http://www.xbrl.org/2003/iso4217}JPY",), (), cls=0)


def _fact(concept: str, value: Decimal, dec: int | None) -> Fact:
    fact = Fact(concept, None, "c", "u", "INF" if dec is None else str(dec), None, False,
                format(value, "f"), 1)
    fact.value, fact.dec = value, dec
    return fact


def _codes(children: list[Decimal], parent: Decimal, dec: int | None, mode: CalcMode,
           weights: list[int] | None = None) -> list[str]:
    names = [f"C{i}" for i in range(len(children))]
    ws = weights or [1] * len(children)
    model = CalcModel(networks={("elr", "P"): [(n, Decimal(w)) for n, w in zip(names, ws,
                                                                                strict=True)]},
                      concepts={"P", *names})
    calc = CalcCollector("f.xbrl", model, mode)
    for name, value in zip(names, children, strict=True):
        calc.add(_fact(name, value, dec), CTX, UNIT)
    calc.add(_fact("P", parent, dec), CTX, UNIT)
    return [f.code for f in calc.finish()]


def test_rounding_only_inconsistent() -> None:
    # True values 1.9 x 4 = 7.6, truncated to 1, 1, 1, 1 and 7.
    args = ([Decimal(1)] * 4, Decimal(7), 0)
    assert _codes(*args, "rounding") == ["calc11e:inconsistentCalculationUsingRounding"]
    assert _codes(*args, "truncation") == []


def test_truncation_only_inconsistent() -> None:
    args = ([Decimal(1), Decimal(1)], Decimal(1), 0)
    assert _codes(*args, "rounding") == []
    assert _codes(*args, "truncation") == ["calc11e:inconsistentCalculationUsingTruncation"]


def test_negative_weight_and_values() -> None:
    assert _codes([Decimal(-5), Decimal(-3)], Decimal(-2), 0, "truncation", [1, -1]) == []
    assert _codes([Decimal(-5), Decimal(-3)], Decimal(-9), 0, "rounding", [1, -1]) != []


def test_excess_digits_stop_the_check() -> None:
    codes = _codes([Decimal(1500), Decimal(2000)], Decimal(9000), -3, "rounding")
    assert codes == ["calc11e:excessDigits"]


amounts = st.decimals(min_value=-10**12, max_value=10**12, places=2, allow_nan=False,
                      allow_infinity=False)


@given(st.lists(amounts, min_size=1, max_size=6), st.integers(min_value=-6, max_value=2))
def test_rounded_true_values_are_consistent(values: list[Decimal], dec: int) -> None:
    """Values rounded from true amounts that add up never trip the rounding check."""
    q = Decimal(1).scaleb(-dec)
    rounded = [v.quantize(q, rounding=ROUND_HALF_EVEN) for v in values]
    total = sum(values, Decimal(0)).quantize(q, rounding=ROUND_HALF_EVEN)
    assert _codes(rounded, total, dec, "rounding") == []


@given(st.lists(amounts, min_size=1, max_size=6), st.integers(min_value=-6, max_value=2))
def test_truncated_true_values_are_consistent(values: list[Decimal], dec: int) -> None:
    """Values truncated from true amounts that add up never trip the truncation check."""
    q = Decimal(1).scaleb(-dec)
    cut = [v.quantize(q, rounding=ROUND_DOWN) for v in values]
    total = sum(values, Decimal(0)).quantize(q, rounding=ROUND_DOWN)
    assert _codes(cut, total, dec, "truncation") == []


@given(st.lists(st.integers(-10**9, 10**9), min_size=1, max_size=6), st.integers(1, 10**6))
def test_exact_values(values: list[int], off: int) -> None:
    """decimals=INF: consistent exactly when the sum matches."""
    children = [Decimal(v) for v in values]
    total = sum(children, Decimal(0))
    assert _codes(children, total, None, "rounding") == []
    assert _codes(children, total + off, None, "rounding") != []


def _calc21(facts: list[tuple[str, int, tuple[int, ...]]]) -> list[str]:
    """XBRL 2.1 summation P = A + B over (concept, value, enclosing tuples) facts."""
    model = CalcModel(networks={("elr", "P"): [("A", Decimal(1)), ("B", Decimal(1))]},
                      concepts={"P", "A", "B"})
    calc = Calc21Collector("f.xbrl", model)
    for concept, value, tuples in facts:
        fact = _fact(concept, Decimal(value), None)
        fact.tuples = tuples
        calc.add(fact, CTX, UNIT)
    return [f.code for f in calc.finish()]


def test_xbrl21_binding_reaches_into_sibling_tuples_only() -> None:
    """A total binds the items below its parent: a top-level total sums the items of every
    tuple; a total inside a tuple only that tuple's (XBRL 2.1 5.2.5.2)."""
    bad = ["xbrl.5.2.5.2:calcInconsistency"]
    assert _calc21([("P", 3, ()), ("A", 1, ()), ("B", 2, (1,))]) == []
    assert _calc21([("P", 3, ()), ("A", 1, (1,)), ("A", 1, (2,)), ("B", 2, (3,))]) == bad
    assert _calc21([("P", 3, (1,)), ("A", 1, (1,)), ("B", 2, (1, 2))]) == []
    assert _calc21([("P", 3, (1,)), ("A", 1, (1,)), ("B", 2, (2,))]) == bad  # B outside
    # duplicated items (same parent) block the binding; in two tuples they are not duplicates
    assert _calc21([("P", 9, ()), ("A", 1, (1,)), ("A", 1, (1,)), ("B", 2, ())]) == []
