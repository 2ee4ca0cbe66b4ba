"""A scan that lost the tab between a row's label and its first figure ("Network Services
32,259<TAB>33,611<TAB>4.2") printed the first cell inside the label cell: the label's last
words, printed like the row's first cell, are put back as that cell, so the label names its
line again and each figure stands in its own column. The row's placement stays a guess (a
check must confirm its figures); words unlike the row's cells (a footnote mark, a year, a day)
stay in the label."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.extract.pipeline import Extraction
from generator.extract.read import tabbed

from .samples import TABBED, edited_sample, extraction, lines_of, printed_as


def _row(line: str) -> tuple[str, list[str | None], bool]:
    [seg] = [s for s in tabbed.segments([line], set(), typed_tabs=True) if s.kind == "row"]
    return seg.label, seg.tokens, seg.guessed


@pytest.mark.parametrize(("line", "label", "tokens"), [
    ("Network Services 32,259\t33,611\t4.2\t\t", "Network Services",
     ["32,259", "33,611", "4.2"]),
    ("Operating Loss (161)\t(140)\t(165)", "Operating Loss", ["(161)", "(140)", "(165)"]),
    # a slide's cell holding a share and an amount: both go back
    ("Gross Margin <i>19.9%</i> 14.1\t<i>20.3%</i> 11.5\t22.2%", "Gross Margin",
     ["19.9%", "14.1", "20.3%", "11.5", "22.2%"]),
    # a dash cell after a date: the dash goes back, the year stays
    ("Fiscal Year Ending March 31, 2014 -\t11.00\t\t", "Fiscal Year Ending March 31, 2014",
     ["-", "11.00"]),
    ("Six Months Ended September 30, 2013 51.66\t51.59\t\t",
     "Six Months Ended September 30, 2013", ["51.66", "51.59"]),
])
def test_a_figure_that_lost_its_tab_goes_back_to_its_cell(
        line: str, label: str, tokens: list[str]) -> None:
    assert _row(line) == (label, tokens, True)


@pytest.mark.parametrize(("line", "label"), [
    ("IIJ Mobile Service 4\t27,327\t33,906\t6,579", "IIJ Mobile Service 4"),  # a footnote mark
    ("As of September 30, 2013 (1)\t97,842\t57,208", "As of September 30, 2013 (1)"),
    ("Depreciation 8\t1,368,079\t1,500,000", "Depreciation 8"),
    ("Interest 2010\t2,012\t2,013", "Interest 2010"),  # a year is no figure of the row
])
def test_a_label_ending_in_a_number_unlike_the_row_s_keeps_it(line: str, label: str) -> None:
    assert _row(line)[0] == label


def test_rows_that_lost_their_tabs_file_their_figures_as_printed_with_them(
        tmp_path: Path) -> None:
    lost = [(41, "Network Services\t32,259"), (42, "Systems Integration (SI)\t17,127"),
            (43, "Equipment Sales\t641"), (46, "Network Services\t25,383")]
    edits = [printed_as(n, text, text.replace("\t", " ")) for n, text in lost]
    ex = edited_sample(tmp_path, TABBED, lambda text: [edit(text) for edit in edits])

    def filed(e: Extraction, line: int) -> set[tuple[object, ...]]:
        return {(f.concept, f.period, f.value) for f in e.results.facts if line in lines_of(f)}

    for n, _ in lost:
        assert filed(ex, n) and filed(ex, n) == filed(extraction(TABBED), n), n
