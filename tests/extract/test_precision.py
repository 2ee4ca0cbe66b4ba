"""What a misread digit may have been (``precision.one_digit_readings``): the readings a broken
sum is tried with before it holds every one of its figures."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from generator.extract.precision import one_digit_off, one_digit_readings
from generator.model.results import ResultFact


def _fact(units: int, decimals: int) -> ResultFact:
    return ResultFact.model_validate({
        "concept": "Revenues", "unit": "JPY",
        "period": {"kind": "duration", "start": "2010-04-01", "end": "2010-09-30"},
        "value": str(Decimal(units).scaleb(-decimals)), "decimals": decimals,
        "source": {"document": "d.txt", "line": 1},
    })


@given(st.integers(-10**9, 10**9), st.sampled_from([-6, -3, 0, 2]))
def test_each_reading_differs_from_the_printing_in_exactly_one_digit(
        units: int, decimals: int) -> None:
    fact = _fact(units, decimals)
    readings = list(one_digit_readings(fact))
    digits = str(abs(units))
    leading = 1 if len(digits) > 1 else 0  # a leading digit never becomes a zero
    assert len(readings) == 9 * len(digits) - leading * (digits[0] != "0")
    assert len(set(readings)) == len(readings)
    for reading in readings:
        assert one_digit_off(fact, reading)
        assert (reading < 0) == (units < 0) or reading == 0


def test_a_scans_misreading_is_among_the_readings_of_what_it_printed() -> None:
    assert Decimal(2_883_026_000) in set(one_digit_readings(_fact(2_783_026, -3)))
    assert Decimal(-28_960_000) in set(one_digit_readings(_fact(-27_960, -3)))
