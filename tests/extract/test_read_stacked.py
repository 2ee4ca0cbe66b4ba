"""Column headings wrapped within their columns ("Thousands of" / "JPY") are read as one heading
per column, in tab-separated text as in text laid out by spaces: otherwise the units come apart
from their columns and a USD translation column is taken for yen."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from generator.extract.pipeline import Extraction
from generator.extract.read.stacked import continues, join_stacked_headings, stacked
from generator.model.period import Instant
from generator.taxonomy import load_taxonomy
from tests.extract.samples import edited_sample, extraction, lines_of, synthetic_score

SLIDES = "001_6c9832476b77f69a.txt"
SUMMARY = "002_848ee02a02e0fa53.txt"

HEADER = [
    "\tSix Months Ended September 30, 2029\tSix Months Ended September 30, 2030\t",
    "\tThousands of\t% of total\tThousands of\tThousands of\t% of total",
    "\tJPY\trevenues\tU.S. Dollars\tJPY\trevenues",
    "Revenues\t493,137\t17.0\t1,280\t169,319\t6.3",
]


def test_a_unit_heading_wrapped_over_two_lines_is_joined_column_by_column() -> None:
    joined = join_stacked_headings(HEADER)
    assert joined[1].split("\t") == ["", "Thousands of JPY", "% of total revenues",
                                     "Thousands of U.S. Dollars", "Thousands of JPY",
                                     "% of total revenues"]
    assert joined[2] == ""


def test_a_period_line_over_fewer_columns_is_not_joined_with_the_unit_line() -> None:
    joined = join_stacked_headings(HEADER)
    assert joined[0] == HEADER[0]


def test_figure_rows_and_labelled_lines_are_left_as_printed() -> None:
    lines = ["\tThousands of\tThousands of", "Revenues\t1,200\t1,300", "\tJPY\tJPY"]
    assert join_stacked_headings(lines) == lines


def test_a_complete_heading_is_not_continued_by_another_complete_heading() -> None:
    assert not continues(["JPY", "USD"], ["2012 JPY", "2013 USD"])


@given(st.lists(st.sampled_from(["Thousands of", "JPY", "2013", "", "% of total", "Dollars",
                                 "1,234", "Revenues"]), min_size=1, max_size=6).map("\t".join),
       st.integers(min_value=1, max_value=6))
def test_joining_keeps_the_line_count_and_never_touches_a_line_with_figures(
        line: str, copies: int) -> None:
    lines = [line] * copies
    joined = join_stacked_headings(lines)
    assert len(joined) == len(lines)
    for before, after in zip(lines, joined, strict=True):
        if any(ch.isdigit() for ch in before.replace("2013", "")):
            assert after == before


def test_a_tab_separated_release_with_wrapped_unit_headings_is_read_in_full() -> None:
    """Seed 1 prints its income statement under 'Thousands of' / 'JPY' headings with a USD
    column; before the headings were joined, 74 figures were held back and 38 missed."""
    _, score = synthetic_score(load_taxonomy(), "tabs", 1)
    assert score.filed_wrong == 0
    assert score.recall >= 0.99


def test_a_date_wrapped_after_its_month_is_joined_beside_a_heading_printed_on_the_last_line(
) -> None:
    """A report writer wraps "as of September 30, 2009" after the month and prints the short
    "YoY Change" on the headings' last line only, under nothing."""
    assert continues(["30, 2009", "30, 2010", "YoY Change"],
                     ["as of September", "as of September", ""])
    assert continues(["31, 2011", "31, 2011", "Changes"], ["March", "December", ""])


def test_a_heading_printed_on_the_last_line_only_joins_no_finished_or_dated_heading() -> None:
    """Only cells that finish an unfinished heading carry the line above; a cell under nothing
    that names a period is a column of its own, not the last line of a wrapped heading."""
    assert not continues(["1H10", "1H09", "YoY"], ["Revenue", "Cost", ""])
    assert not continues(["September 30, 2010", "September 30, 2009", "Sep 30, 2008"],
                         ["Six months ended", "Six months ended", ""])
    assert not continues(["and more", "YoY"], ["per month.", ""])


def test_a_date_wrapped_after_its_month_is_joined_beside_a_date_printed_whole() -> None:
    """"December" / "31, 2011" beside "March 31, 2011" printed whole on the last line (under
    nothing): each column names one day, so the month joins its own column's day and year."""
    assert continues(["March 31, 2011", "31, 2011", "Changes"], ["", "December", ""])
    assert continues(["Sep. 30, 2010", "30, 2011", "YoY"], ["", "As of September", ""])


def test_a_heading_over_a_column_is_not_joined_where_it_would_name_another_kind() -> None:
    """"Six months ended" over one of two dates may head both: joined it would name a span over
    one column beside a day in the other."""
    assert not continues(["September 30, 2010", "September 30, 2011"], ["", "Six months ended"])
    assert not continues(["March 31, 2011", "31, 2011"], ["", "Nine months ended December"])


def test_headings_printed_in_two_parts_column_for_column_are_stacked() -> None:
    assert stacked(["3Q11 (11/4~11/12)", "3Q10 (10/4~10/12)", "YoY"],
                   ["% of Revenues", "% of Revenues", ""])
    assert stacked(["Target (11/4~12/3)", "Target (11/4~12/3)", "(10/4~11/3)",
                    "to FY10 Actual)"],
                   ["FY11 Revised", "FY11 Initial", "FY10 Actual", "YoY (Revised FY11"])


def test_a_heading_spanning_columns_or_naming_no_period_is_not_stacked() -> None:
    """A unit under nothing: the periods above span the unit columns. Item names over units
    (one row per period) name no period: their own lines say which is which."""
    assert not stacked(["Thousands of JPY", "U.S. Dollars", "Thousands of JPY"],
                       ["Six Months Ended September 30, 2012",
                        "Six Months Ended September 30, 2013 Thousands of", ""])
    assert not stacked(["JPY millions", "JPY millions", "%"],
                       ["Total Assets", "Total Equity", "Equity to Total Assets"])
    assert not stacked(["JPY millions", "JPY millions"], ["2012 JPY millions", "2013 JPY"])


def test_a_heading_cut_by_the_columns_it_spans_is_not_stacked_over_their_units() -> None:
    """"As of September 30, 2013" over a USD and a JPY column, cut where the columns part."""
    assert not stacked(["Thousands of JPY", "Thousands of U.S. Dollars", "Thousands of JPY"],
                       ["As of March 31, 2013", "As of Sept", "tember 30, 2013"])
    assert not stacked(["2012", "2013", "2013"], ["", "Six Months Ended September 30,", ""])


def test_a_month_wrapped_over_its_day_in_a_spaced_table_keeps_its_column(tmp_path: Path) -> None:
    """001's balance sheet (lines 296-309) printed in columns of spaces, "December 31, 2011"
    wrapped after the month: its column keeps its day (the figures were placed by guess, the
    second column read as a change)."""
    def spaced(text: list[str]) -> None:
        assert text[294] == "" and text[295] == "\tMarch 31, 2011\tDecember 31, 2011\tChanges"
        text[294] = f"{'':<40}{'':>16}{'December':>16}"
        text[295] = f"{'':<40}{'March 31, 2011':>16}{'31, 2011':>16}{'Changes':>16}"
        for n in range(297, 310):
            label, *cells = text[n - 1].split("\t")
            text[n - 1] = f"{label:<40}" + "".join(f"{c:>16}" for c in cells)

    ex = edited_sample(tmp_path, SLIDES, spaced)
    december = Instant(date=dt.date(2011, 12, 31))
    filed = {(f.concept, f.value) for f in ex.results.facts if f.period == december
             and {297, 309} & lines_of(f)}
    assert filed == {("CashAndCashEquivalents", Decimal(10_928_000_000)),
                     ("Assets", Decimal(71_004_000_000))}


def test_a_unit_stacked_over_lines_in_a_spaced_table_is_each_column_s(tmp_path: Path) -> None:
    """002's operating summary (lines 37-50) printed in columns of spaces under "1H09 / JPY /
    millions" stacked cell over cell: read line by line, the first "JPY" met no scale and the
    second took both "millions"."""
    def spaced(text: list[str]) -> None:
        assert text[35].split() == ["JPY", "millions", "JPY", "millions"]
        text[32] = "Operating Results Summary"
        text[33] = f"{'':<40}{'1H09':>12}{'1H10':>12}{'YoY %':>12}"
        text[34] = f"{'':<40}{'JPY':>12}{'JPY':>12}{'change':>12}"
        text[35] = f"{'':<40}{'millions':>12}{'millions':>12}"
        for n in range(37, 51):
            *words, a, b, change = text[n - 1].split()
            text[n - 1] = f"{' '.join(words):<40}{a:>12}{b:>12}{change:>12}"

    def filed(ex: Extraction) -> set[tuple[object, ...]]:
        return {(f.concept, f.period, f.value) for f in ex.results.facts
                if set(range(37, 51)) & lines_of(f)}

    printed = filed(extraction(SUMMARY))
    assert len(printed) == 28 and filed(edited_sample(tmp_path, SUMMARY, spaced)) == printed
