"""Record dates by the fiscal calendar (``generator.extract.proof.schedule``)."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from generator.extract.proof.schedule import month_end, slots
from generator.model.period import Duration, shift_years
from generator.model.results import ReportingPeriod

FY2011 = Duration(start=dt.date(2011, 4, 1), end=dt.date(2012, 3, 31))
MONTHS = {"Q1": 3, "Q2": 6, "Q3": 9, "YE": 12, "Total": 12}


def as_of(end: dt.date) -> ReportingPeriod:
    return ReportingPeriod(kind="H1", start=FY2011.start, end=end,
                           fiscal_year_start=FY2011.start, fiscal_year_end=FY2011.end,
                           label="1H FY2011")


def test_the_first_quarter_of_an_april_year_ends_in_june() -> None:
    assert month_end(dt.date(2011, 4, 1), 3) == dt.date(2011, 6, 30)


def test_the_twelfth_month_of_an_april_year_ends_on_march_31_of_the_next() -> None:
    assert month_end(dt.date(2011, 4, 1), 12) == dt.date(2012, 3, 31)


@given(st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(2100, 12, 1)))
def test_twelve_months_after_a_month_start_end_the_day_before_it_a_year_later(
        day: dt.date) -> None:
    start = day.replace(day=1)
    assert month_end(start, 12) == shift_years(start, 1) - dt.timedelta(days=1)


def test_after_the_first_half_an_actual_row_can_print_only_the_first_two_quarter_ends() -> None:
    assert slots(FY2011, MONTHS, as_of(dt.date(2011, 9, 30)), forecast=False) == {"Q1", "Q2"}


def test_after_the_first_half_a_forecast_row_prints_the_rest_and_the_total() -> None:
    assert slots(FY2011, MONTHS, as_of(dt.date(2011, 9, 30)), forecast=True) == {
        "Q3", "YE", "Total"}


def test_after_three_quarters_only_the_year_end_and_total_are_ahead() -> None:
    assert slots(FY2011, MONTHS, as_of(dt.date(2011, 12, 31)), forecast=True) == {"YE", "Total"}
