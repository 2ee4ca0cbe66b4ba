"""Every number a release prints is filed, held back with a reason, listed unmapped or skipped
with a reason (the numbers the reader placed), or explained as what it is — a date, a period's
name, page furniture, the stated exchange rate, a footnote mark, a letter OCR read as a digit in
a word; anything else is listed as unexplained with its line (issue 11, part 4)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from generator.extract.read.accounting import (
    DATE,
    FOOTNOTE,
    FURNITURE,
    PERIOD,
    RATE,
    WORD,
    account,
)
from generator.model.taxonomy import Taxonomy
from generator.taxonomy import load_taxonomy
from tests.extract.builders import row, table
from tests.extract.samples import synthetic_score


@pytest.fixture(scope="module")
def real() -> Taxonomy:
    return load_taxonomy()


def unexplained(lines: list[str], *, furniture: set[int] | None = None,
                rate: Decimal | None = None, tables: tuple[object, ...] = ()) -> list[str]:
    accounts = account(lines, tables, (), furniture or set(), rate)  # type: ignore[arg-type]
    return [n.text for n in accounts.unexplained]


def kinds(lines: list[str], **kw: object) -> dict[str, int]:
    accounts = account(lines, (), (), kw.get("furniture") or set(),  # type: ignore[arg-type]
                       kw.get("rate"))  # type: ignore[arg-type]
    return dict(accounts.explained)


@pytest.mark.parametrize("layout", ["tabs", "spaces2", "single", "ocr"])
@pytest.mark.parametrize("seed", [0, 1, 2, 3, 4, 13, 24, 314])
def test_every_number_of_a_synthetic_release_is_accounted_for(
        real: Taxonomy, layout: str, seed: int) -> None:
    """Seeds 13, 24 and 314 wrap dates over lines and page breaks in OCR text. The same
    releases file at least 99% of the figures they print right, none wrong (issue 11's bar)."""
    extraction, score = synthetic_score(real, layout, seed)
    assert score.filed_wrong == 0, [w.describe() for w in score.wrong[:3]]
    assert score.recall >= 0.99, (score.filed_right, score.printed, score.held_back)
    coverage = extraction.coverage
    assert coverage.numbers == coverage.accounted
    assert [(n.line, n.text, n.context) for n in coverage.unexplained] == []
    assert coverage.explained.get(DATE, 0) > 0


@given(st.integers(1_000, 10**9), st.sampled_from(["million", "thousand", "billion"]))
def test_a_figure_in_prose_is_listed_with_its_line(value: int, scale: str) -> None:
    lines = ["Overview of 1H FY2029 Financial Results",
             f"Revenues were JPY{value:,} {scale}, up 12.0% YoY, as of September 30, 2029."]
    accounts = account(lines, (), (), set(), None)
    assert [(n.line, n.text) for n in accounts.unexplained] == [(2, f"{value:,}"), (2, "12.0")]


def test_numbers_that_say_what_they_are_are_explained() -> None:
    lines = [
        "IIJ Announces Six Months Financial Results for the Fiscal Year Ending March 31, 2030",
        "Overview of 1H FY2029 Financial Results (Note 2)",
        "Convenience translation: U.S.$1 = JPY 143.65 (noon buying rate on September 30, 2029).",
        "Total current assets, net of allowance at March",
        "31, 2029 and September 30, 2029",
        "- 3 -",
        "Capita1 lease obligations",
    ]
    assert unexplained(lines, furniture={5}, rate=Decimal("143.65")) == []
    assert kinds(lines, furniture={5}, rate=Decimal("143.65")) == {
        DATE: 8, PERIOD: 2, FOOTNOTE: 1, RATE: 2, FURNITURE: 1, WORD: 1}


def test_a_rate_the_release_does_not_state_is_no_explanation() -> None:
    lines = ["U.S.$1 = JPY 143.65 (noon buying rate)"]
    assert unexplained(lines, rate=Decimal("110.00")) == ["143.65"]


def test_a_figure_the_reader_placed_is_accounted_by_its_line_not_explained() -> None:
    statement = table("Statements of income", 1, [], [
        row("Revenues", 2), row("Other current assets, net of allowance of JPY 720 thousand "
                                "at March 31, 2010", 3)])
    statement = statement.model_copy(update={"rows": (
        statement.rows[0].model_copy(update={"cells": (
            row("Revenues", 2, "51,109").cells[0],)}), statement.rows[1])})
    lines = ["Statements of income", "Revenues   51,109",
             "Other current assets, net of allowance of JPY 720 thousand at March 31, 2010",
             "Revenues 51,109 again, on another line"]
    assert unexplained(lines, tables=(statement,)) == ["51,109"]


@pytest.mark.parametrize("figure", ["JPY12 billion", "US$3 million", "up 5% YoY", "12th"])
def test_a_small_figure_glued_to_a_word_is_no_misread_letter(figure: str) -> None:
    assert unexplained([f"Operating income was {figure}."]) != []
