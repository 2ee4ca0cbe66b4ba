"""Digits grouped by thousands with a thin space, a narrow no-break space or an apostrophe are one
number: "3 412" (thin space) is 3,412, never the figure 3 with 412 left over."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from generator.extract.pipeline import extract_release
from generator.extract.read.lines import comma_grouped
from generator.resources import samples_dir
from generator.taxonomy import load_taxonomy

from .samples import TABBED, extraction, figures

SEPARATORS = ["\u2009", "\u202f", "'", "\u2019"]


@pytest.mark.parametrize("separator", SEPARATORS, ids=["thin", "narrow-nbsp", "apostrophe",
                                                       "right-quote"])
def test_a_release_grouped_another_way_files_the_same_figures(tmp_path: Path,
                                                               separator: str) -> None:
    text = (samples_dir() / TABBED).read_text(encoding="utf-8")
    regrouped = re.sub(r"(?<=\d),(?=\d{3})", separator, text)
    assert regrouped != text
    path = tmp_path / TABBED
    path.write_text(regrouped, encoding="utf-8")
    assert figures(extract_release(path, load_taxonomy())) == figures(extraction(TABBED))


@given(st.integers(min_value=0, max_value=10**15), st.sampled_from(SEPARATORS),
       st.sampled_from(["", ".5", ".00"]))
def test_grouped_digits_read_as_comma_grouped(number: int, separator: str, fraction: str) -> None:
    printed = f"{number:,}".replace(",", separator) + fraction
    assert comma_grouped(f"Revenues\t{printed}\t(x)") == f"Revenues\t{number:,}{fraction}\t(x)"


@pytest.mark.parametrize("text", ["FY'13", "1234\u2009567", "2\u2009412\u20091",
                                  "Q1'2013", "it's 12 o'clock"])
def test_what_is_not_a_digit_group_is_left_alone(text: str) -> None:
    assert comma_grouped(text) == text
