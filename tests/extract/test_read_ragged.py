"""Cells apart by ragged runs of spaces (2-4, not lined up in columns): the positions say
nothing, so the rows are read in order, as a scan's single-spaced rows are."""

from __future__ import annotations

from itertools import cycle, pairwise
from pathlib import Path

from generator.extract.pipeline import extract_release
from generator.extract.read.detect import detect_layout
from generator.extract.read.lines import cells_grouped
from generator.extract.read.numbers import is_number_token
from generator.resources import samples_dir
from generator.taxonomy import load_taxonomy
from tests.extract.samples import extraction, figures

SCAN = "000_2bec0ea935cb70a9.txt"


def _ragged(text: str) -> str:
    """Each figure set apart from its neighbours by 2, 3 or 4 spaces in turn; a label's words
    keep their single spaces."""
    gaps = cycle([2, 3, 4, 3])
    out = []
    for line in text.splitlines():
        words = line.split(" ")
        joined = words[0]
        for before, word in pairwise(words):
            apart = before and word and (is_number_token(before) or is_number_token(word))
            joined += " " * (next(gaps) if apart else 1) + word
        out.append(joined)
    return "\n".join(out) + "\n"


def test_a_scan_reprinted_with_ragged_gaps_files_the_scan_s_figures(tmp_path: Path) -> None:
    """Runs of two spaces or more made the scan look column-aligned, and its figures were
    placed by where they end, which ragged gaps do not keep (40 of 738 figures filed). Rows
    whose figures do not line up are read in order: every figure of the scan, no other."""
    text = _ragged((samples_dir() / SCAN).read_text(encoding="utf-8"))
    assert detect_layout(text) == "ocr"
    path = tmp_path / SCAN
    path.write_text(text, encoding="utf-8")
    assert figures(extract_release(path, load_taxonomy())) == figures(extraction(SCAN))


def test_a_figure_grouped_by_a_single_space_between_wide_gaps_is_one_figure() -> None:
    """Read in order, "12 987" would be two figures; between two wide gaps it is one."""
    assert cells_grouped("Sl  12 987   14 714  13.3") == "Sl  12,987   14,714  13.3"


def test_a_line_with_a_space_grouped_figure_outside_its_own_cell_is_left_as_printed() -> None:
    """A gap lost before a figure ("Expense 1 006"): which digits make which figure is not
    read, so no figure of the line is regrouped (grouping the others let a column look proven
    while "006" was filed as 6)."""
    line = "Income before Income Tax Expense 1 006    2 291    127.7"
    assert cells_grouped(line) == line
    assert cells_grouped("Total Revenues 34,272 47,207 37.7") == "Total Revenues 34,272 47,207 37.7"
