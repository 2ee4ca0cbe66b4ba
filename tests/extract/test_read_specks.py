"""A scan's specks beside a row's figures leave the row a row; a row the reader could not take
for one never titles the next table (re-typeset draw dec7g: sample 000 scanned, its revenue
total "Consolidatedtotal 34,272,080 47,206,508 '" read as text and as the title of the segment
profit table, whose segments' operating income was then filed as their revenues)."""

from __future__ import annotations

import pytest

from generator.extract.read.segments import Segment, split_row
from generator.extract.read.titles import choose_title


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
