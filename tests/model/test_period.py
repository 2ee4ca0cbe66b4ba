"""Periods: whole-day dates, durations that cannot run backwards, year shifts keeping month ends."""

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from generator.model.period import Duration, Instant, shift_years


def test_a_duration_cannot_end_before_it_starts() -> None:
    with pytest.raises(ValidationError, match="after its end"):
        Duration(start=dt.date(2010, 10, 1), end=dt.date(2010, 9, 30))


def test_a_half_year_is_six_months() -> None:
    assert Duration(start=dt.date(2010, 4, 1), end=dt.date(2010, 9, 30)).months == 6


def test_shifting_keeps_a_february_month_end_at_the_month_end() -> None:
    assert shift_years(dt.date(2012, 2, 29), -1) == dt.date(2011, 2, 28)
    assert shift_years(dt.date(2011, 2, 28), 1) == dt.date(2012, 2, 29)


def test_instants_and_durations_parse_from_json_by_kind() -> None:
    from pydantic import TypeAdapter

    from generator.model.period import Period

    adapter: TypeAdapter[Duration | Instant] = TypeAdapter(Period)
    assert adapter.validate_python({"kind": "instant", "date": "2010-09-30"}) == Instant(
        date=dt.date(2010, 9, 30)
    )


@given(
    st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2200, 12, 31)),
    st.integers(min_value=-50, max_value=50),
)
def test_shifting_years_keeps_the_month_and_keeps_month_ends_at_month_ends(
    day: dt.date, years: int
) -> None:
    shifted = shift_years(day, years)
    assert (shifted.year, shifted.month) == (day.year + years, day.month)
    if (day + dt.timedelta(days=1)).month != day.month:
        assert (shifted + dt.timedelta(days=1)).month != shifted.month
    else:
        assert shifted.day == day.day or (day.month, day.day) == (2, 28)
