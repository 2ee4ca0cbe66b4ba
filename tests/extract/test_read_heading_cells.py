"""Heading cells of a positioned header (tabs, a grid, aligned columns): footnote marks on a
heading do not hide it, and a cell the grammar cannot read keeps its column (of unknown
period), so the headings after it never slide into its place."""

from __future__ import annotations

import pytest

from generator.extract.read import tabbed
from generator.extract.read.headers import parse_header
from generator.extract.read.periods import FiscalCalendar
from generator.model.period import Duration

MARCH = FiscalCalendar(end_month=3)


def quarter(n: int, year: int) -> Duration:
    return MARCH.quarter(n, year)


def header_periods(lines: list[str]) -> list[Duration | None]:
    [header] = [s for s in tabbed.segments(lines, set(), typed_tabs=True) if s.kind == "header"]
    return [s.period for s in parse_header(header.header_text, MARCH).periods]


@pytest.mark.parametrize("mark", ["**4", "*4", "**", "* (4)", "*1", " (Note 2)", "\u2020",
                                  "\u2021\u2021", "\u00b9", " (1)", " 1)", "\u203b1"])
def test_a_footnote_mark_on_a_heading_cell_leaves_the_heading(mark: str) -> None:
    lines = [f"IIJ-Global\t2Q10{mark}\t3Q10\t4Q10", "SG&A\t224\t777\t767"]
    assert header_periods(lines) == [quarter(2, 2010), quarter(3, 2010), quarter(4, 2010)]


@pytest.mark.parametrize("heading", ["FY2012*1", "FY2012 (Note 1)", "FY2012\u00b2"])
def test_a_footnote_mark_on_a_year_heading_leaves_the_year(heading: str) -> None:
    assert [s.period for s in parse_header(f"{heading} FY2013", MARCH).periods] == [
        MARCH.year(2012), MARCH.year(2013)]


def test_a_heading_cell_not_read_keeps_its_column_of_unknown_period() -> None:
    lines = ["IIJ-Global\tQ2/10\t3Q10\t4Q10\t1Q11", "SG&A\t224\t777\t767\t856"]
    assert header_periods(lines) == [None, quarter(3, 2010), quarter(4, 2010), quarter(1, 2011)]


def test_a_heading_cell_not_read_between_periods_keeps_its_column() -> None:
    lines = ["Revenues\t1H10\tH1/10\t1H11", "Total\t1,000\t900\t1,100"]
    assert header_periods(lines) == [
        MARCH.half(1, 2010), None, MARCH.half(1, 2011)]


def test_words_after_the_periods_are_no_column_of_unknown_period() -> None:
    # a remark column after the periods adds no period column
    lines = ["Revenues\t1H10\t1H11\tvs 09", "Total\t1,000\t1,100"]
    assert header_periods(lines) == [MARCH.half(1, 2010), MARCH.half(1, 2011)]


def test_bold_markup_around_a_heading_is_still_markup() -> None:
    lines = ["Revenues\t**1H10**\t**1H11**", "Total\t1,000\t1,100"]
    assert header_periods(lines) == [MARCH.half(1, 2010), MARCH.half(1, 2011)]



def test_a_year_cell_before_a_half_cell_is_the_year() -> None:
    lines = ["Revenues\tFY2012\t1H FY2013", "Total\t2,000\t1,100"]
    assert header_periods(lines) == [MARCH.year(2012), MARCH.half(1, 2013)]


def test_a_half_cell_before_a_year_cell_is_the_half() -> None:
    lines = ["Revenues\tFY2012 1H\tFY2013", "Total\t1,000\t2,100"]
    assert header_periods(lines) == [MARCH.half(1, 2012), MARCH.year(2013)]
