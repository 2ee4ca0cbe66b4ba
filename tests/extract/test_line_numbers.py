"""Provenance numbers lines as an editor and ``grep -n`` do: a form feed (a PDF converter's page
break) or another character ``str.splitlines`` breaks at is no line break."""

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
def test_no_separator_but_newlines_breaks_a_line(char: str) -> None:
    assert plain_line_breaks(f"a{char}b\nc").splitlines() == [
        "ab" if char in "\x0b\x0c" else "a b", "c"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["a", " ", "\n", "\r\n", *NOT_BREAKS]), max_size=60).map("".join))
def test_lines_are_the_newline_separated_lines(text: str) -> None:
    plain = plain_line_breaks(text)
    assert plain.count("\n") == text.count("\n")
    by_newline = plain.replace("\r\n", "\n").split("\n")
    if by_newline[-1] == "":  # a final newline ends the last line, it opens none
        by_newline.pop()
    assert plain.splitlines() == by_newline
