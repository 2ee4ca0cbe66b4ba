"""Provenance numbers lines as an editor and ``grep -n`` do: a form feed at a page's start (a PDF
converter's page break) is no line of its own; inside a line, it and the other characters
``str.splitlines`` breaks at still part two lines, never run them together."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.extract.pipeline import Extraction, extract_release
from generator.extract.read.lines import plain_line_breaks
from generator.resources import samples_dir
from generator.taxonomy import load_taxonomy

from .samples import TABBED, extraction

NOT_BREAKS = "\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"


def test_a_form_feed_between_pages_moves_no_figure_to_another_line(tmp_path: Path) -> None:
    lines = (samples_dir() / TABBED).read_text(encoding="utf-8").split("\n")
    # a converter's page breaks: a form feed opens every 40th line
    paged = ["\f" + line if i % 40 == 39 else line for i, line in enumerate(lines)]
    path = tmp_path / TABBED
    path.write_text("\n".join(paged), encoding="utf-8")
    paged_ex = extract_release(path, load_taxonomy())
    assert paged_ex.results.facts
    assert _placed(paged_ex) == _placed(extraction(TABBED))  # every figure on its own line


def _placed(ex: Extraction) -> set[tuple[object, ...]]:
    return {(f.concept, f.period, f.unit, tuple(sorted(f.dimensions.items())), f.value,
             f.source.line) for f in ex.results.facts}


@pytest.mark.parametrize("char", list(NOT_BREAKS))
def test_a_break_inside_a_line_parts_two_lines(char: str) -> None:
    assert plain_line_breaks(f"a{char}b\nc").splitlines() == ["a", "b", "c"]


@pytest.mark.parametrize("text", ["a\n\fb", "a\f\nb", "a\n\x0bb", "a\r\nb", "a\r\r\nb",
                                  "a\rb"])
def test_a_page_break_beside_a_newline_and_a_doubled_return_add_no_line(text: str) -> None:
    assert plain_line_breaks(text).splitlines() == ["a", "b"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["a", " ", "\n", "\r\n", "\r", *NOT_BREAKS]), max_size=60)
       .map("".join))
def test_lines_are_the_newline_separated_lines(text: str) -> None:
    plain = plain_line_breaks(text)
    assert not set(plain) & set("\r" + NOT_BREAKS)
    by_newline = plain.split("\n")
    if by_newline[-1] == "":  # a final newline ends the last line, it opens none
        by_newline.pop()
    assert plain.splitlines() == by_newline
    assert plain_line_breaks(plain) == plain


@pytest.mark.parametrize("char", ["\f", "\v", "\u2028"])
def test_rows_parted_by_a_page_break_alone_stay_two_rows(tmp_path: Path, char: str) -> None:
    text = (samples_dir() / TABBED).read_text(encoding="utf-8")
    lines = text.split("\n")
    joined = "\n".join([*lines[:49], lines[49] + char + lines[50], *lines[51:]])
    path = tmp_path / TABBED
    path.write_text(joined, encoding="utf-8")
    assert _placed(extract_release(path, load_taxonomy())) == _placed(extraction(TABBED))
