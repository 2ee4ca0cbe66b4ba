""""nil" printed where a release has no value is a dash: a nil cell, never a word of the label
(the re-typeset samples print their dashes so; sample 003's dividends then lost their row)."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.extract.read.numbers import is_dash, parse_number

from .samples import edited_sample, extraction, figures

DIVIDENDS = "003_beeb705454dfa33f.txt"  # lines 317-323: "– 13.50 – 13.50 27.00" and so on


@pytest.mark.parametrize("token", ["nil", "Nil", "NIL"])
def test_nil_is_a_dash(token: str) -> None:
    parsed = parse_number(token)
    assert is_dash(token) and parsed is not None and parsed.value is None


def test_dividends_printed_with_nil_for_their_dashes_file_the_same_figures(
        tmp_path: Path) -> None:
    def nil_for_dashes(text: list[str]) -> None:
        for index in (316, 318, 322):  # lines 317, 319, 323
            assert "\u2013" in text[index]
            text[index] = text[index].replace("\u2013", "nil")

    assert figures(edited_sample(tmp_path, DIVIDENDS, nil_for_dashes)) == \
        figures(extraction(DIVIDENDS))


def test_nil_in_a_sentence_files_nothing(tmp_path: Path) -> None:
    def sentence(text: list[str]) -> None:
        text.insert(324, "Impairment losses for the period were nil, as in the prior year.")

    assert figures(edited_sample(tmp_path, DIVIDENDS, sentence)) == figures(extraction(DIVIDENDS))
