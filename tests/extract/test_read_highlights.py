"""Highlights whose figures carry their own units (``generator.extract.read.highlights``)."""

from __future__ import annotations

import datetime as dt
import textwrap
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from generator.extract.read.highlights import read_highlights, read_runon_highlights
from generator.extract.read.periods import FiscalCalendar
from generator.model.period import Duration

MARCH = FiscalCalendar(3)
H1_2010 = Duration(start=dt.date(2010, 4, 1), end=dt.date(2010, 9, 30))
# 002's opening (samples/002_*.txt, lines 5-10)
HIGHLIGHTS = [
    "Highlights of 1H FY2010 Financial Results  ",
    "   ",
    "    Actual Results Target Announced",
    "Revenues JPY34,272 million ($410.3 million) JPY32,300 million",
    "Operating Income JPY1,201 million ($14.4 million) JPY1,200 million",
    "Net Income attributable to IIJ JPY859 million ($10.3 million) JPY800 million",
    "  •  IIJ made IIJ Global Solutions Inc. its 100% owned subsidiary on Sep. 1, 2010",
]


def test_a_highlights_block_reads_as_a_table_of_its_titles_period() -> None:
    [table] = read_highlights(HIGHLIGHTS, set(), MARCH)
    assert (table.title, table.line) == ("Highlights of 1H FY2010 Financial Results", 1)
    assert [(r.line, r.label) for r in table.rows] == [
        (4, "Revenues"), (5, "Operating Income"), (6, "Net Income attributable to IIJ")]
    assert {c.period for c in table.columns} == {H1_2010}


def test_each_column_takes_its_unit_from_its_cells_and_its_name_from_the_header() -> None:
    [table] = read_highlights(HIGHLIGHTS, set(), MARCH)
    assert [(c.role, c.currency, c.scale, c.forecast, c.header) for c in table.columns] == [
        ("value", "JPY", Decimal(10) ** 6, False, "Actual Results (JPY ... million)"),
        ("translation", "USD", Decimal(10) ** 6, False, "Actual Results ($ ... million)"),
        ("value", "JPY", Decimal(10) ** 6, True, "Target Announced (JPY ... million)")]
    assert [(c.text, c.value) for c in table.rows[0].cells] == [
        ("JPY34,272", 34_272), ("$410.3", Decimal("410.3")), ("JPY32,300", 32_300)]


def test_lines_under_no_header_naming_each_column_stay_text() -> None:
    # 000's opening prints its highlights with no header line: which period, actual or target?
    lines = ["Highlights of 1H FY2011 Financial Results", "",
             "Revenues JPY47,207 million ($612.8 million)",
             "Operating Income JPY2,448 million ($31.8 million)"]
    assert read_highlights(lines, set(), MARCH) == []


def test_a_header_with_a_name_too_few_or_too_many_reads_nothing() -> None:
    assert read_highlights([*HIGHLIGHTS[:2], "    Actual Results", *HIGHLIGHTS[3:]], set(),
                           MARCH) == []
    assert read_highlights([*HIGHLIGHTS[:2], "    Actual Target Actual",
                            *HIGHLIGHTS[3:]], set(), MARCH) == []


def test_a_column_name_with_words_of_its_own_reads_nothing() -> None:
    # "Full-year Target" under a first-half title: the target is the year's, not the title's
    # half year; nothing here could tell, so no table
    assert read_highlights([*HIGHLIGHTS[:2], "    1H Actual Full-year Target", *HIGHLIGHTS[3:]],
                           set(), MARCH) == []


def test_a_title_naming_targets_or_a_full_year_reads_nothing() -> None:
    for title in ("Highlights of 1H FY2010 Results and FY2010 Targets",
                  "Highlights of 1H FY2010 Results and Full-year Outlook"):
        assert read_highlights([title, *HIGHLIGHTS[1:]], set(), MARCH) == []


def test_a_title_naming_projections_reads_nothing() -> None:
    # "Projections" names a forecast as "Targets" does (read/cells.FORECAST); it read a table
    assert read_highlights(["Highlights of 1H FY2010 Results and Projections", *HIGHLIGHTS[1:]],
                           set(), MARCH) == []


def test_a_title_naming_no_period_reads_nothing() -> None:
    assert read_highlights(["Highlights", *HIGHLIGHTS[1:]], set(), MARCH) == []


def test_prose_between_the_figures_reads_nothing() -> None:
    lines = [*HIGHLIGHTS[:3], "Revenues were JPY34,272 million, up 6.2% YoY JPY32,300 million",
             "Operating Income JPY1,201 million, up 3.0% JPY1,200 million"]
    assert read_highlights(lines, set(), MARCH) == []


def test_a_single_line_is_no_table() -> None:
    assert read_highlights(HIGHLIGHTS[:4], set(), MARCH) == []


def test_lines_another_reader_took_are_left_alone() -> None:
    assert read_highlights(HIGHLIGHTS, {4, 5, 6}, MARCH) == []


_AMOUNT = st.integers(1, 10**6).map(lambda n: f"{n:,}")
_LABEL = st.sampled_from(["Revenues", "Operating Income", "Net Income attributable to IIJ",
                          "Income before Income Tax Expense", "Total Assets"])


_RESULT_AND_TARGET = st.tuples(st.integers(10, 10**6), st.integers(70, 130)).map(
    lambda t: (f"{t[0]:,}", f"{t[0] * t[1] // 100:,}"))  # a target within 30% of the result


@given(rows=st.lists(st.tuples(_LABEL, _RESULT_AND_TARGET), min_size=2, max_size=6),
       scale=st.sampled_from(["thousand", "million", "billion"]))
def test_any_block_of_results_and_targets_reads_back_as_printed(
        rows: list[tuple[str, tuple[str, str]]], scale: str) -> None:
    lines = ["Highlights of 1H FY2010 Financial Results", "Actual Results Target Announced"]
    lines += [f"{label} JPY{a} {scale} JPY{b} {scale}" for label, (a, b) in rows]
    [table] = read_highlights(lines, set(), MARCH)
    assert [(r.label, *[c.text for c in r.cells]) for r in table.rows] == [
        (label, f"JPY{a}", f"JPY{b}") for label, (a, b) in rows]
    assert [c.forecast for c in table.columns] == [False, True]


def test_a_bare_forecast_column_reads_nothing() -> None:
    # "Forecast" under a first-half title may be the year's forecast: nothing says it is the
    # half year's, as "Target Announced" or "Initial Target" does
    assert read_highlights([*HIGHLIGHTS[:2], "    Actual Results Forecast", *HIGHLIGHTS[3:]],
                           set(), MARCH) == []
    [table] = read_highlights([*HIGHLIGHTS[:2], "    Actual Results Initial Target",
                               *HIGHLIGHTS[3:]], set(), MARCH)
    assert [c.header.split(" (")[0] for c in table.columns] == [
        "Actual Results", "Actual Results", "Initial Target"]


def test_targets_twice_the_results_beside_them_read_nothing() -> None:
    # a year's targets (84,500 / 4,800 / 3,000) beside a half year's results
    lines = [*HIGHLIGHTS[:3],
             "Revenues JPY34,272 million ($410.3 million) JPY84,500 million",
             "Operating Income JPY1,201 million ($14.4 million) JPY4,800 million",
             "Net Income attributable to IIJ JPY859 million ($10.3 million) JPY3,000 million"]
    assert read_highlights(lines, set(), MARCH) == []


# -- run on in a paragraph (003's opening, samples/003_*.txt line 5) --------------------------

RUNON = ("Highlights of Financial Results for 1H17 Revenues JPY83.0 billion (up 12.0% YoY) "
         "Operating Income JPY2.3 billion (up 18.9% YoY) Net Income attributable to IIJ JPY1.5 "
         "billion (up 34.3% YoY) Financial Targets for FY2017 Revenues JPY176.0 billion (up 11.5% "
         "YoY) Operating Income JPY6.5 billion (up 26.6% YoY) Net Income attributable to IIJ "
         "JPY4.0 billion (up 26.3% YoY)")
H1_2017 = Duration(start=dt.date(2017, 4, 1), end=dt.date(2017, 9, 30))
FY2017 = Duration(start=dt.date(2017, 4, 1), end=dt.date(2018, 3, 31))


def test_each_heading_of_a_paragraph_opens_a_group_of_its_period() -> None:
    actual, targets = read_runon_highlights(["", RUNON], set(), MARCH)
    assert [(t.title, t.line, t.columns[0].period, t.columns[0].forecast)
            for t in (actual, targets)] == [
        ("Highlights of Financial Results for 1H17", 2, H1_2017, False),
        ("Financial Targets for FY2017", 2, FY2017, True)]
    assert [(r.label, r.cells[0].text) for r in targets.rows] == [
        ("Revenues", "JPY176.0"), ("Operating Income", "JPY6.5"),
        ("Net Income attributable to IIJ", "JPY4.0")]
    assert targets.columns[0].scale == Decimal(10) ** 9


@pytest.mark.parametrize("heading", ["Projected Results", "Projections", "Business Plans",
                                     "Guidance"])
def test_a_heading_naming_a_forecast_opens_a_forecast_group(heading: str) -> None:
    # "Projected Results for FY2017" read the year's projection as its results
    text = RUNON.replace("Financial Targets", heading)
    actual, targets = read_runon_highlights([text], set(), MARCH)
    assert (actual.columns[0].forecast, targets.columns[0].forecast) == (False, True)
    assert targets.title == f"{heading} for FY2017"


def test_a_sentence_is_no_group() -> None:
    # 001 line 438: lowercase words between the figures are a sentence, not line items
    assert read_runon_highlights(["- Revised FY2011 revenue target from JPY100 billion to JPY97 "
                                  "billion"], set(), MARCH) == []
    assert read_runon_highlights(["Revenues were JPY47,207 million, up 37.7% YoY."], set(),
                                 MARCH) == []


def test_a_period_named_inside_a_sentence_opens_no_group() -> None:
    # "compared with 1H16" is no heading: the current half's figures after it are not 1H16's
    assert read_runon_highlights([
        "Highlights of Financial Results for 1H17 Revenues JPY83.0 billion (up 12.0% YoY) "
        "compared with 1H16 Operating Income JPY2.3 billion Net Income attributable to IIJ "
        "JPY1.5 billion"], set(), MARCH) == []


def test_a_currency_in_lower_case_stops_nothing() -> None:
    # "jpy83.0 billion" matched the case-blind cell pattern, then was looked up as printed
    # (a KeyError out of the whole read)
    tables = read_runon_highlights(["", RUNON.replace("JPY83.0", "jpy83.0", 1)], set(), MARCH)
    assert all(t.columns[0].currency == "JPY" for t in tables)


def test_figures_before_any_heading_read_nothing() -> None:
    assert read_runon_highlights(["Revenues JPY83.0 billion Operating Income JPY2.3 billion"],
                                 set(), MARCH) == []


def test_a_note_other_than_yoy_after_a_figure_reads_nothing() -> None:
    assert read_runon_highlights(["Results for 1H17 Revenues JPY83.0 billion ($740.1 million) "
                                  "Operating Income JPY2.3 billion ($20.5 million)"], set(),
                                 MARCH) == []


@given(values=st.lists(st.tuples(_LABEL, st.integers(1, 9999)), min_size=2, max_size=5,
                       unique_by=lambda t: t[0]),
       scale=st.sampled_from(["million", "billion"]))
def test_any_run_on_group_reads_back_as_printed(values: list[tuple[str, int]],
                                                scale: str) -> None:
    text = "Financial Targets for FY2017 " + " ".join(
        f"{label} JPY{Decimal(v).scaleb(-1):.1f} {scale} (up 1.0% YoY)" for label, v in values)
    [table] = read_runon_highlights([text], set(), MARCH)
    assert [(r.label, r.cells[0].value) for r in table.rows] == [
        (label, Decimal(v).scaleb(-1)) for label, v in values]


def test_a_paragraph_wrapped_over_lines_reads_as_one_each_figure_on_its_own_line() -> None:
    wrapped = textwrap.wrap(RUNON, 70)
    tables = read_runon_highlights(["", *wrapped, "", "Overview"], set(), MARCH)
    assert [[r.cells[0].text for r in t.rows] for t in tables] == [
        ["JPY83.0", "JPY2.3", "JPY1.5"], ["JPY176.0", "JPY6.5", "JPY4.0"]]
    for table in tables:
        for row in table.rows:
            assert row.cells[0].text in wrapped[row.line - 2]


# -- review: a column's period must be the one the title names (branch review-highlights) ----

ROWS = HIGHLIGHTS[3:6]


def test_a_line_of_column_periods_above_the_header_is_no_title() -> None:
    # "1H FY2010   FY2010" over "Actual Results Target Announced": the target is the year's;
    # read as the title, the year's targets were filed as the first half's
    lines = ["Highlights of Financial Results", "      1H FY2010          FY2010",
             "    Actual Results Target Announced", *ROWS]
    assert read_highlights(lines, set(), MARCH) == []


def test_a_title_naming_two_periods_reads_nothing() -> None:
    # the release-title reader made "FY2009 and 1H FY2010" the first half of FY2009: the USD
    # translations were filed for 1H FY2009
    assert read_highlights(["Highlights of FY2009 and 1H FY2010", "",
                            "    Actual Results Target Announced", *ROWS], set(), MARCH) == []


def test_a_title_naming_a_quarter_of_a_year_reads_nothing() -> None:
    # "3Q FY2010", "2Q FY2010": the header reader takes the whole year; "Third Quarter": the
    # quarter or the nine months
    for title in ("Highlights of 3Q FY2010 Financial Results",
                  "Highlights of 2Q FY2010 Financial Results",
                  "Highlights of 1Q FY2010 Financial Results",
                  "Highlights of Third Quarter FY2010 Financial Results"):
        assert read_highlights([title, "", *HIGHLIGHTS[2:6]], set(), MARCH) == [], title


def test_a_target_under_a_title_of_no_targeted_period_reads_nothing() -> None:
    # a nine-months release's "Target Announced" is the year's target, not the nine months'
    nine = ["Highlights of Financial Results for the Nine Months ended December 31, 2010", "",
            *HIGHLIGHTS[2:6]]
    assert read_highlights(nine, set(), MARCH) == []
    # its actual results alone read, of the nine months
    [table] = read_highlights([*nine[:2], "    Actual Results",
                               "Revenues JPY52,272 million ($610.3 million)",
                               "Operating Income JPY2,201 million ($24.4 million)"], set(), MARCH)
    assert {c.period for c in table.columns} == {
        Duration(start=dt.date(2010, 4, 1), end=dt.date(2010, 12, 31))}


def test_run_on_targets_of_no_targeted_period_or_a_quarter_of_a_year_read_nothing() -> None:
    for heading in ("Financial Targets for 2H FY2017", "Financial Targets for 1Q-3Q FY2017",
                    "Highlights of Financial Results for 3Q FY2017"):
        assert read_runon_highlights([f"{heading} Revenues JPY176.0 billion (up 11.5% YoY) "
                                      "Operating Income JPY6.5 billion (up 26.6% YoY)"], set(),
                                     MARCH) == [], heading


def test_a_label_naming_targets_or_a_full_year_reads_nothing() -> None:
    # "Full-year Targets Revenues JPY176.0 billion" after the first half's figures: a group
    # whose heading names no period; read as a label, its figures joined the first half's
    text = ("Highlights of Financial Results for 1H17 Revenues JPY83.0 billion (up 12.0% YoY) "
            "Operating Income JPY2.3 billion (up 18.9% YoY) Full-year Targets Revenues JPY176.0 "
            "billion (up 11.5% YoY) Outlook Operating Income JPY6.5 billion (up 26.6% YoY)")
    assert read_runon_highlights([text], set(), MARCH) == []


def test_a_highlights_block_printed_as_a_grid_reads_as_its_cells() -> None:
    # a markdown grid as converters print it, the header above it
    grid = [*HIGHLIGHTS[:3], "| | | | |", "|---|--:|--:|--:|",
            *(f"| {line.replace(' JPY', ' | JPY').replace(' ($', ' | ($')} |"
              for line in HIGHLIGHTS[3:6])]
    assert grid[5].startswith("| Revenues | JPY34,272 million | ($410.3 million) |")
    [table] = read_highlights(grid, set(), MARCH)
    [plain] = read_highlights(HIGHLIGHTS, set(), MARCH)
    assert [[c.value for c in r.cells if c] for r in table.rows] == [
        [c.value for c in r.cells if c] for r in plain.rows]
    assert [r.line for r in table.rows] == [6, 7, 8]
