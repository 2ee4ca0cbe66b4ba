"""A scan's specks beside a row's figures leave the row a row; a row the reader could not take
for one never titles the next table (re-typeset draw dec7g: sample 000 scanned, its revenue
total "Consolidatedtotal 34,272,080 47,206,508 '" read as text and as the title of the segment
profit table, whose segments' operating income was then filed as their revenues)."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.extract.read import tabbed
from generator.extract.read.segments import Segment, split_row
from generator.extract.read.titles import choose_title

from .samples import TABBED, edited_sample, printed_as


@pytest.mark.parametrize("speck", ["'", "`", "’", ".", ",", ":"])
def test_a_speck_after_the_last_figure_is_no_cell(speck: str) -> None:
    label, slots = split_row(["Consolidated", "total", "34,272,080", "47,206,508", speck],
                             nbsp_empty=False)
    assert (label, slots) == ("Consolidated total", ["34,272,080", "47,206,508"])


def test_a_dash_after_the_figures_stays_a_nil_cell() -> None:
    assert split_row(["Intersegment", "219,830", "—"], nbsp_empty=False)[1] == ["219,830", "—"]


def test_a_line_of_figures_read_as_text_titles_nothing() -> None:
    texts = [Segment(806, "text", label="Consolidatedtotal 34,272,080 47,206,508 '"),
             Segment(808, "text", label="Segment profit or loss:")]
    assert choose_title(texts) == "Segment profit or loss:"


def test_a_speck_after_a_tabbed_row_s_figures_is_no_cell() -> None:
    """A reviewer's draw (rvF3, 004 ocrnoise): "Others<TAB>60<TAB>57<TAB>(4.9) '" read as four
    figures for three columns; 60 went to the label as a footnote mark, and 57 was filed as
    the quarter's 60."""
    (seg,) = tabbed.segments(["Others\t60\t57\t(4.9) '"], set(), typed_tabs=True)
    assert seg.label == "Others" and seg.tokens == ["60", "57", "(4.9)"]


def test_a_tabbed_row_s_leading_figure_moved_out_of_its_cells_makes_the_row_a_guess(
        tmp_path: Path) -> None:
    """The same row with a fourth figure of its own cell instead of the speck, and the row
    above losing the tab after its label (so the sum of the breakdown cannot run): 60 is no
    footnote mark, so which columns 57 and the rest fill is a guess, and 57 is not filed as
    the quarter's "others" revenue."""
    edits = [printed_as(573, "IP Service\t2,495", "IP Service 2,495"),
             printed_as(576, "(4.9)", "(4.9)\t7")]
    ex = edited_sample(tmp_path, TABBED, lambda text: [edit(text) for edit in edits])
    assert not [f for f in ex.results.facts
                if f.concept == "InternetConnectivityEnterpriseOtherRevenue"
                and f.value == 57_000_000]


@pytest.mark.parametrize("mark", ["*", "†", "※", "**"])
def test_a_footnote_mark_between_two_figures_is_no_cell(mark: str) -> None:
    # "Network services and SI business 32,443 * 34,264": 32,443 was read into the label
    label, slots = split_row(["Network", "services", "32,443", mark, "34,264"], nbsp_empty=False)
    assert (label, slots) == ("Network services", ["32,443", "34,264"])


def test_a_mark_that_reads_as_a_figure_between_two_figures_stays_a_slot() -> None:
    # "19 (1) 12": which of them is the mark, the table reader weighs (a guessed row)
    assert split_row(["Elimination", "19", "(1)", "12"], nbsp_empty=False)[1] == [
        "19", "(1)", "12"]
