"""Column headers whose words a scan split or damaged ("Yoy % / ch ange", "Six Monnths Eded
September 30, 2012", "Thous ands of JPY") are read as the words they damage: a split word
joined when the two pieces make a header word, a word with a doubled, dropped or added letter
(or "rn" for "m") taken for the one header word it keys like. Other words stay as printed."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from generator.extract.pipeline import Extraction
from generator.extract.read.headers import header_coverage, repair_header_words

from .samples import edited_sample, extraction, lines_of, printed_as

OCR = "000_2bec0ea935cb70a9.txt"


@pytest.mark.parametrize(("damaged", "read"), [
    ("ch ange", "change"),
    ("Six Monnths Eded September 30, 2012", "Six Months Ended September 30, 2012"),
    ("Fisal Year Endinng March 31, 2014", "Fiscal Year Ending March 31, 2014"),
    ("Siix Months Ended", "Six Months Ended"),
    ("Thous ands of JPY", "Thousands of JPY"),
    ("JPY U.S. D0llars JPY", "JPY U.S. Dollars JPY"),  # a digit read for a letter
    ("Six Months Ended Sepptember 30, 2011", "Six Months Ended September 30, 2011"),
    ("As of Ju1y 1, 2010", "As of July 1, 2010"),
])
def test_a_damaged_header_word_is_read_as_the_word_it_damages(damaged: str, read: str) -> None:
    assert repair_header_words(damaged) == read


@pytest.mark.parametrize("text", [
    "JPY 93 123 thousand",  # a label's running word, not the plural unit
    "Changes in operating assets",
    "Network Services",
    "Year-end",
    "1H10 2Q11 FY2010",  # digits inside tokens that are no words
    "Dollar",  # the singular is a label's word
])
def test_other_words_stay_as_printed(text: str) -> None:
    assert repair_header_words(text) == text


@given(st.text(alphabet="abcdefghilmnorstuy ,.%0123456789", max_size=40))
def test_the_repair_is_stable_under_itself(text: str) -> None:
    once = repair_header_words(text)
    assert repair_header_words(once) == once


def test_a_split_header_word_leaves_its_line_a_header() -> None:
    assert header_coverage("ch ange") == header_coverage("change")


def test_a_table_whose_header_word_a_scan_split_files_its_figures(tmp_path: Path) -> None:
    # the operating results summary: "1H10 1H11 Yoy %" over "change" over the units
    ex = edited_sample(tmp_path, OCR, printed_as(78, "change", "ch ange"))

    def filed(e: Extraction) -> set[tuple[object, ...]]:
        return {(f.concept, f.period, f.value) for f in e.results.facts if 80 in lines_of(f)}

    assert filed(ex) and filed(ex) == filed(extraction(OCR))


def test_a_currency_word_a_scan_damaged_keeps_its_column_filed(tmp_path: Path) -> None:
    # the six months' statement of income: "JPY U.S. Dollars JPY" under "Thousands of" x 3
    ex = edited_sample(tmp_path, OCR, printed_as(486, "Dollars", "D0llars"))

    def filed(e: Extraction) -> set[tuple[object, ...]]:
        return {(f.concept, f.period, f.unit, f.value) for f in e.results.facts
                if 490 in lines_of(f)}

    assert {unit for _, _, unit, _ in filed(ex)} == {"JPY", "USD"}
    assert filed(ex) == filed(extraction(OCR))
