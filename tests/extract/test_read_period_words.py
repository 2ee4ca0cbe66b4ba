"""Period headings in other words: a half or a quarter named with its fiscal year in any
order ("H1 FY2009", "FY2009 1H"), a span of months or days ("Apr.-Sep. 2010", "Apr. 1, 2010 -
Sep. 30, 2010"), months up to a day ("6M to 9/30/2010"), days in figures ("2010/9/30") and
the year by the month it ends ("FY3/2011") are read as that period; a part of a year named
in words the grammar does not know is a column of unknown period, never the whole year."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from generator.extract.read.headers import parse_header
from generator.extract.read.periods import FiscalCalendar
from generator.model.period import Duration, Instant

MARCH = FiscalCalendar(end_month=3)


def span(start: str, end: str) -> Duration:
    return Duration(start=dt.date.fromisoformat(start), end=dt.date.fromisoformat(end))


def periods(header: str) -> list[Duration | Instant | None]:
    return [s.period for s in parse_header(header, MARCH).periods]


@pytest.mark.parametrize("header", ["H1 FY2009", "FY2009 1H", "FY2009 H1", "1H FY2009"])
def test_a_first_half_named_with_its_fiscal_year_in_any_order_is_the_half(header: str) -> None:
    assert periods(header) == [span("2009-04-01", "2009-09-30")]


@pytest.mark.parametrize(("header", "read"), [
    ("H1 FY2009 H1 FY2010 YoY % change", ["H1 FY2009", "H1 FY2010"]),
    ("FY2012 1H FY2013 1H", ["FY2012 1H", "FY2013 1H"]),
])
def test_halves_named_year_last_or_first_side_by_side_are_two_halves(
        header: str, read: list[str]) -> None:
    parsed = parse_header(header, MARCH).periods
    assert [s.text for s in parsed] == read
    assert all(isinstance(s.period, Duration) and s.period.end.month == 9 for s in parsed)


@pytest.mark.parametrize(("header", "period"), [
    ("Apr.-Sep. 2010", span("2010-04-01", "2010-09-30")),
    ("Oct. 2010-Mar. 2011", span("2010-10-01", "2011-03-31")),
    ("Apr. 2010-Mar. 2011", span("2010-04-01", "2011-03-31")),
    ("Apr. 1, 2010 - Sep. 30, 2010", span("2010-04-01", "2010-09-30")),
    ("Jul. 1, 2010 - Sep. 30, 2010", span("2010-07-01", "2010-09-30")),
    ("2010/4/1-2010/9/30", span("2010-04-01", "2010-09-30")),
])
def test_a_span_of_months_or_days_is_that_span(header: str, period: Duration) -> None:
    assert periods(header) == [period]


@pytest.mark.parametrize("header", ["Apr. 1, 2010 - Sep. 30", "2010/4/1~9/30"])
def test_the_last_day_of_a_span_not_read_is_no_instant(header: str) -> None:
    assert not any(isinstance(p, Instant) for p in periods(header))


@pytest.mark.parametrize(("header", "period"), [
    ("6M to 9/30/2010", span("2010-04-01", "2010-09-30")),
    ("3M to 9/30/2010", span("2010-07-01", "2010-09-30")),
    ("6 months to Sep. 30, 2010", span("2010-04-01", "2010-09-30")),
    ("6 months to 2010/9/30", span("2010-04-01", "2010-09-30")),
])
def test_months_to_a_day_are_the_months_ending_that_day(header: str, period: Duration) -> None:
    assert periods(header) == [period]


@pytest.mark.parametrize("header", ["9/30/2010", "2010/9/30", "30 Sep 2010", "2010-09-30",
                                    "Sep. 30, 2010"])
def test_a_day_in_figures_or_words_is_that_day(header: str) -> None:
    assert periods(header) == [Instant(date=dt.date(2010, 9, 30))]


@pytest.mark.parametrize("header", ["FY3/2011", "FY2011/3", "Year ended Mar. 31, 2011",
                                    "FY2010 (Apr. 2010-Mar. 2011)"])
def test_the_year_by_the_month_it_ends_is_the_fiscal_year_ending_then(header: str) -> None:
    assert periods(header) == [span("2010-04-01", "2011-03-31")]


@pytest.mark.parametrize("header", ["FY12/2010", "FY2010 (Apr. 2010-Sep. 2010)"])
def test_a_year_ending_in_another_month_or_said_two_ways_is_a_column_of_unknown_period(
        header: str) -> None:
    assert periods(header) == [None]


@pytest.mark.parametrize("header", ["FY2010 first half", "interim FY2010", "FY2010 9M",
                                    "2nd quarter of FY2010", "FY2010 YTD", "Half-year FY2010"])
def test_a_part_of_a_year_in_words_not_read_is_never_the_whole_year(header: str) -> None:
    assert periods(header) == [None]


_HALF = st.sampled_from(["{n}H FY{y}", "H{n} FY{y}", "FY{y} {n}H", "FY{y} H{n}", "{n}HFY{y}"])
_QUARTER = st.sampled_from(["{n}Q FY{y}", "Q{n} FY{y}", "FY{y} {n}Q", "FY{y} Q{n}",
                            "FY{y}/{n}Q"])


@given(form=_HALF, half=st.integers(1, 2), year=st.integers(2000, 2040),
       short=st.booleans())
def test_any_wording_of_a_half_with_its_year_is_six_months(
        form: str, half: int, year: int, short: bool) -> None:
    text = form.format(n=half, y=f"{year % 100:02d}" if short else year)
    assert periods(text) == [MARCH.half(half, year)]


@given(form=_QUARTER, quarter=st.integers(1, 4), year=st.integers(2000, 2040))
def test_any_wording_of_a_quarter_with_its_year_is_three_months(
        form: str, quarter: int, year: int) -> None:
    assert periods(form.format(n=quarter, y=year)) == [MARCH.quarter(quarter, year)]


@given(forms=st.lists(st.sampled_from(["H{n} FY{y}", "FY{y} {n}H", "Q{n} FY{y}", "FY{y} Q{n}"]),
                      min_size=1, max_size=4),
       year=st.integers(2000, 2040))
def test_a_heading_of_parts_of_years_names_no_whole_year(forms: list[str], year: int) -> None:
    # one wording per table, as a release prints it: no column is read as the whole year
    form = forms[0]
    text = " ".join(form.format(n=1 + i % 2, y=year + i) for i in range(len(forms)))
    read = periods(text)
    assert len(read) == len(forms)
    assert all(isinstance(p, Duration) and (p.end - p.start).days < 200 for p in read)


@pytest.mark.parametrize("header", ["FY2012 1H FY2013", "FY2012 3Q FY2013"])
def test_a_part_between_two_years_with_no_cell_between_is_of_no_known_year(header: str) -> None:
    # the half of FY2012 and the year FY2013, or the year FY2012 and the half of FY2013
    assert periods(header) == [None, None]


def test_parts_after_each_year_say_the_order_of_the_line() -> None:
    assert periods("FY2012 1H FY2013 1H") == [MARCH.half(1, 2012), MARCH.half(1, 2013)]


def test_months_ended_after_a_year_are_still_the_months_ended() -> None:
    # "Six months" after "FY2010" is the marker of the next column, no part of the year
    assert periods("FY2010 Six months ended Sep. 30, 2010")[-1] == span("2010-04-01",
                                                                          "2010-09-30")
