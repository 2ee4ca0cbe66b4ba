"""Column headers: periods from the fiscal calendar, units, roles, damaged OCR headers."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from generator.extract.read.cells import forecast_label
from generator.extract.read.headers import (
    build_columns,
    default_unit,
    header_coverage,
    parse_header,
)
from generator.extract.read.periods import FiscalCalendar
from generator.model.period import Duration, Instant

MARCH = FiscalCalendar(end_month=3)
DECEMBER = FiscalCalendar(end_month=12)


def d(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


def span(start: str, end: str) -> Duration:
    return Duration(start=d(start), end=d(end))


@pytest.mark.parametrize(
    ("token", "period"),
    [
        ("1H09", span("2009-04-01", "2009-09-30")),
        ("1H FY2010", span("2010-04-01", "2010-09-30")),
        ("2Q10", span("2010-07-01", "2010-09-30")),
        ("4Q10", span("2011-01-01", "2011-03-31")),
        ("FY2010", span("2010-04-01", "2011-03-31")),
        ("Full FY2010", span("2010-04-01", "2011-03-31")),
        ("3Q11 (11/4~11/12)", span("2011-04-01", "2011-12-31")),
        ("Six Months Ended September 30, 2010", span("2010-04-01", "2010-09-30")),
        ("Three Months Ended September 30, 2010", span("2010-07-01", "2010-09-30")),
        ("Fiscal year ended March 31, 2010", span("2009-04-01", "2010-03-31")),
        ("As of March 31, 2010", Instant(date=d("2010-03-31"))),
        ("as of Sep. 30, 2012", Instant(date=d("2012-09-30"))),
        ("December 31, 2011", Instant(date=d("2011-12-31"))),
    ],
)
def test_period_phrases(token: str, period: Duration | Instant) -> None:
    header = parse_header(token, MARCH)
    assert [s.period for s in header.periods] == [period]


def test_fiscal_year_follows_the_company_calendar() -> None:
    header = parse_header("1H10 FY2010", DECEMBER)
    assert [s.period for s in header.periods] == [
        span("2010-01-01", "2010-06-30"), span("2010-01-01", "2010-12-31")]


def test_statement_header_with_translation_and_share_columns() -> None:
    header = parse_header(
        "Six Months Ended September 30, 2009 Six Months Ended September 30, 2010 "
        "Thousands of JPY % of total revenues Thousands of U.S. Dollars Thousands of JPY "
        "% of total revenues", MARCH)
    cols = build_columns(header, None)
    assert [c.role for c in cols] == [
        "value", "percent_of_revenue", "translation", "value", "percent_of_revenue"]
    assert [c.period for c in cols] == [span("2009-04-01", "2009-09-30")] * 2 + [
        span("2010-04-01", "2010-09-30")] * 3
    assert [(c.currency, c.scale) for c in cols if c.role != "percent_of_revenue"] == [
        ("JPY", 1000), ("USD", 1000), ("JPY", 1000)]


def test_stacked_ocr_header_pairs_markers_with_dates() -> None:
    header = parse_header(
        "Six Months Ended Six Months Ended September 30, 2016 September 30, 2017 "
        "Thousands of Thousands of Thousands of JPY U.S. Dollars JPY", MARCH)
    cols = build_columns(header, None)
    assert [c.role for c in cols] == ["value", "translation", "value"]
    assert cols[0].period == span("2016-04-01", "2016-09-30")
    assert cols[1].currency == "USD" and cols[1].scale == 1000


def test_damaged_header_borrows_month_and_length_from_its_sibling() -> None:
    header = parse_header(
        "Six Months Ended September 30, 2012 onths Ended hber 30, 2013", MARCH)
    assert [s.period for s in header.periods] == [
        span("2012-04-01", "2012-09-30"), span("2013-04-01", "2013-09-30")]


@pytest.mark.parametrize("damaged", ["Seep. 30, 2012", "Sepember 30, 2012", "sep 30, 2012"])
def test_a_stacked_header_s_damaged_date_keeps_its_column(damaged: str) -> None:
    """A scan's "Seep. 30, 2012" under the first "as of" (re-typeset draw rvC3): read as no
    date, the second date went over the first column, and the prior year's contracts were
    filed as the current year's. Its day and year keep their place, the month borrowed."""
    header = parse_header(f"as of as of YoY {damaged} Sep. 30, 2013 Change", MARCH)
    assert [s.period for s in header.periods] == [Instant(date=d("2012-09-30")),
                                                   Instant(date=d("2013-09-30"))]


def test_summary_header_with_change_column() -> None:
    header = parse_header("1H16 1H17 YoY Change JPY millions JPY millions %", MARCH)
    cols = build_columns(header, None)
    assert [c.role for c in cols] == ["value", "value", "change_percent"]
    assert cols[0].scale == Decimal(10) ** 6


def test_ocr_quarter_read_as_year_next_to_a_quarter() -> None:
    header = parse_header("YoY % 2Q10 2011 Change JPY millions JPY millions", MARCH)
    cols = build_columns(header, None)
    assert [c.role for c in cols] == ["value", "value", "change_percent"]
    assert cols[1].period == span("2011-07-01", "2011-09-30")


def test_contract_counts_are_instants_with_absolute_change() -> None:
    header = parse_header("as of as of YoY September 30, 2010 September 30, 2011 Change", MARCH)
    cols = build_columns(header, None)
    assert [c.role for c in cols] == ["value", "value", "change"]
    assert cols[1].period == Instant(date=d("2011-09-30"))


@pytest.mark.parametrize("word", ["Difference", "Increase (decrease)", "Increase/(decrease)",
                                  "Inc./Dec."])
def test_an_amount_change_column_worded_otherwise_is_a_change_column(word: str) -> None:
    # a column of the second period's figure minus the first's, headed in other words than
    # "Change": read as no change, the header had one slot fewer than the rows have figures
    # and no column of the table had a period
    header = parse_header(f"1H12 1H13 YoY % Change {word} JPY millions JPY millions", MARCH)
    cols = build_columns(header, None)
    assert [c.role for c in cols] == ["value", "value", "change_percent", "change"]
    assert cols[1].period == span("2013-04-01", "2013-09-30")


@pytest.mark.parametrize("label", ["Increase (decrease) in accounts payable",
                                   "Increase/decrease in inventories",
                                   "Difference in fair value of derivatives"])
def test_a_label_that_opens_with_a_change_word_is_no_header(label: str) -> None:
    assert header_coverage(label) == (0.0, 0)


def test_targets_are_forecasts_and_superseded_targets_are_marked() -> None:
    """An initial target beside the revised one is a forecast column marked superseded: it is
    filed only under the member its header names (ForecastRevisionAxis), never as the current
    forecast."""
    header = parse_header("FY11 Revised Target (11/4~12/3) FY11 Initial Target (11/4~12/3) "
                          "FY10 Actual (10/4~11/3) YoY (Revised FY11 to FY10 Actual)", MARCH)
    cols = build_columns(header, default_unit("Unit: JPY billion"))
    assert [(c.role, c.forecast, c.superseded) for c in cols] == [
        ("value", True, False), ("value", True, True), ("value", False, False),
        ("change", False, False)]
    assert cols[1].period == span("2011-04-01", "2012-03-31")
    assert cols[0].period == span("2011-04-01", "2012-03-31")
    assert cols[0].scale == Decimal(10) ** 9


def test_unit_notes() -> None:
    unit = default_unit("[Old Classification] (Thousands of Yen)")
    assert unit is not None and unit.scale == 1000 and unit.currency == "JPY"
    unit = default_unit("Unit: JPY million")
    assert unit is not None and unit.scale == 10**6


@pytest.mark.parametrize("label", ["Fiscal year ending March 31, 2012 (Target)",
                                   "FY2012 Plan", "Projected fiscal year 2012",
                                   "Fiscal year ending March 31, 2012 (Forecast)",
                                   "Outlook for FY2012"])
def test_a_row_label_naming_a_forecast_marks_its_row_a_forecast(label: str) -> None:
    assert forecast_label(label)


@pytest.mark.parametrize("label", ["Fiscal year ended March 31, 2011", "Planned capex",
                                   "Six months ended September 30, 2011"])
def test_a_row_label_of_results_is_no_forecast(label: str) -> None:
    assert not forecast_label(label)


@pytest.mark.parametrize("label", ["FY2012 Guidance", "Budget for FY2012",
                                   "FY2012 Business Plans"])
def test_a_row_label_naming_guidance_a_budget_or_plans_is_a_forecast(label: str) -> None:
    # one forecast word list for row labels and highlights (read/cells.FORECAST)
    assert forecast_label(label)


@pytest.mark.parametrize("label", ["Defined benefit pension plans", "Defined benefit plan",
                                   "Stock option plans"])
def test_a_plan_that_is_a_scheme_is_no_forecast(label: str) -> None:
    assert not forecast_label(label)


@pytest.mark.parametrize(("header", "start", "end"), [
    ("3Q FY2011", dt.date(2011, 10, 1), dt.date(2011, 12, 31)),
    ("Q3 FY2011", dt.date(2011, 10, 1), dt.date(2011, 12, 31)),
    ("FY2011 3Q", dt.date(2011, 10, 1), dt.date(2011, 12, 31)),
    ("2Q FY2011", dt.date(2011, 7, 1), dt.date(2011, 9, 30)),
    ("FY2011/1Q-3Q", dt.date(2011, 4, 1), dt.date(2011, 12, 31)),
    ("1Q-3Q FY2011", dt.date(2011, 4, 1), dt.date(2011, 12, 31)),
    # a quarter after the year: the year's last digit is no quarter ("FY2012 Q1" is no Q2)
    ("FY2012 Q1", dt.date(2012, 4, 1), dt.date(2012, 6, 30)),
    ("FY14 Q3", dt.date(2014, 10, 1), dt.date(2014, 12, 31)),
    ("Q1-Q3 FY2011", dt.date(2011, 4, 1), dt.date(2011, 12, 31)),
    ("FY2011 Q1-Q3", dt.date(2011, 4, 1), dt.date(2011, 12, 31)),
])
def test_a_quarter_of_a_fiscal_year_named_by_fy_is_no_full_year(
        header: str, start: dt.date, end: dt.date) -> None:
    # before, each read as the whole fiscal year 2011 (a fresh-eyes review's finding)
    [slot] = parse_header(header, FiscalCalendar(3)).periods
    assert slot.period == Duration(start=start, end=end)


def test_a_date_paired_by_order_beside_a_marker_left_without_one_is_a_guess() -> None:
    """Two "as of" over one date read (the other lost to the scan): which column the date
    heads is a guess, and the header does not state it (``proof.stated``)."""
    header = parse_header("as of as of YoY S3p. 3O, 2O12 Sep. 30, 2013 Change", MARCH)
    cols = build_columns(header, None)
    assert [c.guessed for c in cols if c.period is not None] == [True]
    whole = build_columns(parse_header(
        "as of as of YoY Sep. 30, 2012 Sep. 30, 2013 Change", MARCH), None)
    assert not any(c.guessed for c in whole)
