"""What a reader takes for a layout or a heading, it must not take from prose or a longer
phrase: a results review's paragraphs full of figures are no statement run on; "millions"
alone is a stacked unit's second line, not inside "Millions of U.S. Dollars"."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from generator.extract.pipeline import extract_release
from generator.extract.read.headers import header_coverage
from generator.resources import samples_dir
from generator.taxonomy import load_taxonomy

OCR = "000_2bec0ea935cb70a9.txt"
REVIEW = ("Total revenues were JPY 47,207 million, up 37.7% from JPY 34,272 million for the "
          "same period of the previous fiscal year. Network services revenues were JPY 31,321 "
          "million, up 51.4% from JPY 20,686 million. Systems integration revenues were JPY "
          "14,714 million, up 13.3% from JPY 12,987 million. Equipment sales were JPY 611 "
          "million, up 64.7% from JPY 371 million. ATM operation revenues were JPY 561 million, "
          "up 145.6% from JPY 228 million. Operating income was JPY 2,448 million, up 103.8% "
          "from JPY 1,201 million, and net income was JPY 1,361 million, up 58.4% from JPY 859 "
          "million. Cost of revenues was JPY 37,971 million, up 38.4% from JPY 27,431 million.")


def test_prose_paragraphs_full_of_figures_are_no_statement_run_on(tmp_path: Path) -> None:
    lines = (samples_dir() / OCR).read_text(encoding="utf-8").split("\n")
    review = [*textwrap.wrap(REVIEW, 95), ""]
    path = tmp_path / OCR
    path.write_text("\n".join([*lines[:30], "", *review, *review, *review, *lines[30:]]),
                    encoding="utf-8")
    ex = extract_release(path, load_taxonomy())
    assert ex.results.layout == "ocr"
    assert len(ex.results.facts) >= 700  # the statements still read (735 without the prose)


@pytest.mark.parametrize("text", ["millions millions", "billions"])
def test_a_scale_word_alone_is_a_heading(text: str) -> None:
    assert header_coverage(text)[0] == 1.0


@pytest.mark.parametrize("text", ["Users (millions)", "In millions"])
def test_a_scale_word_in_a_phrase_of_its_own_is_no_heading(text: str) -> None:
    assert header_coverage(text) == (0.0, 0)
