"""Cells that print their figure with a currency or a unit beside it ("¥ 97,842", "97,842
million"): the cell stays one column, so the row's other figures keep theirs. A currency sign
is the figure's; a unit word the column's unit may contradict leaves the figure unread in its
place. A change worded ("up 12.3%", "3.6% down") is a signed percentage."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from generator.extract.pipeline import Extraction
from generator.extract.read import tabbed
from generator.extract.read.lines import half_width
from generator.extract.read.numbers import parse_cell, parse_number
from generator.extract.read.segments import merge_tokens

from .samples import edited_sample, extraction, lines_of, printed_as

HEADER = "\tMarch 31, 2011\tSeptember 30, 2011"


def _row(cells: str) -> list[str | None]:
    rows = [s for s in tabbed.segments([HEADER, f"Total assets\t{cells}"], set())
            if s.kind == "row"]
    assert len(rows) == 1
    return rows[0].tokens


def test_a_currency_sign_apart_from_its_figure_is_the_figure_s() -> None:
    assert _row("¥ 97,842\t57,208") == ["¥ 97,842", "57,208"]


def test_a_unit_word_after_a_figure_stays_in_the_figure_s_cell() -> None:
    assert _row("97,842 million\t57,208") == ["97,842 million", "57,208"]


def test_a_figure_with_its_own_scale_word_reads_the_figure_and_the_word() -> None:
    parsed = parse_number("34,272 million")
    assert parsed is not None and (parsed.value, parsed.unit) == (Decimal(34272), "million")
    assert parse_number("12.5% million") is None


SUMMARY = "002_848ee02a02e0fa53.txt"  # "Total Revenues 32,275 34,272 6.2" under "JPY millions"


def _filed(e: Extraction, line: int) -> set[tuple[object, ...]]:
    """What is filed from ``line`` (or with it as a duplicate's): concept, period, value."""
    return {(f.concept, f.period, f.value) for f in e.results.facts if line in lines_of(f)}


def test_a_cell_naming_the_column_s_own_scale_is_filed(tmp_path: Path) -> None:
    ex = edited_sample(tmp_path, SUMMARY, printed_as(37, "34,272", "34,272 million"))
    assert len(_filed(ex, 37)) == 2 and _filed(ex, 37) == _filed(extraction(SUMMARY), 37)


def test_a_cell_naming_another_scale_than_its_column_s_is_not_filed(tmp_path: Path) -> None:
    ex = edited_sample(tmp_path, SUMMARY, printed_as(37, "34,272", "34,272 thousand"))
    assert not [f for f in ex.results.facts if f.source.line == 37 and f.source.text.endswith(
        "thousand")]
    assert any(u.line == 37 and "names its own unit" in u.reason for u in ex.results.unmapped)


def test_a_cell_of_a_figure_alone_is_read_as_before() -> None:
    assert _row("97,842\t57,208") == ["97,842", "57,208"]


def test_currency_signs_join_the_figure_after_them() -> None:
    assert merge_tokens(["¥", "97,842", "US$", "17", "JPY", "1,361"]) == [
        "¥ 97,842", "US$ 17", "JPY 1,361"]


@pytest.mark.parametrize(("printed", "value"), [
    ("up 12.3%", Decimal("12.3")),
    ("12.3% up", Decimal("12.3")),
    ("down 3.6%", Decimal("-3.6")),
    ("3.6% down", Decimal("-3.6")),
    ("down -3.6%", Decimal("-3.6")),
])
def test_a_change_worded_up_or_down_is_read_with_its_sign(printed: str, value: Decimal) -> None:
    parsed = parse_number(printed)
    assert parsed is not None and parsed.percent and parsed.value == value


def test_a_word_and_a_sign_that_disagree_are_not_read() -> None:
    assert parse_number("up -3.6%") is None


def test_a_worded_change_is_one_token_of_its_row() -> None:
    assert merge_tokens(["Revenues", "47,207", "51,000", "up", "8.0%"]) == [
        "Revenues", "47,207", "51,000", "up 8.0%"]
    assert merge_tokens(["Set", "up", "5"]) == ["Set", "up", "5"]  # no percentage: words


@given(st.decimals(min_value=0, max_value=999, places=1), st.sampled_from(["up", "down"]),
       st.booleans())
def test_any_worded_change_reads_its_value(value: Decimal, word: str, before: bool) -> None:
    printed = f"{word} {value}%" if before else f"{value}% {word}"
    parsed = parse_number(printed)
    assert parsed is not None and parsed.value == (-value if word == "down" else value)


def test_a_cell_of_a_figure_its_currency_and_scale_stays_one_column() -> None:
    assert _row("¥97,842 million\t57,208") == ["¥97,842 million", "57,208"]


def test_a_delimited_cell_of_a_figure_its_currency_and_scale_reads_all_three() -> None:
    parsed = parse_cell("¥97,842 million")
    assert parsed is not None
    assert (parsed.value, parsed.currency, parsed.unit) == (Decimal(97842), "JPY", "million")


def test_a_figure_with_its_currency_and_scale_in_running_text_is_no_cell() -> None:
    # "Revenues were JPY34,272 million": a highlight's words, read by ``highlights`` only
    assert parse_number("JPY34,272 million") is None


SEGMENTS = "004_071992bb41c141de.txt"  # tab-delimited: "IIJ FiberAccess/F ...<TAB>1,606<TAB>1,575"


def test_a_tab_cell_printing_its_currency_and_scale_is_filed(tmp_path: Path) -> None:
    ex = edited_sample(tmp_path, SEGMENTS, printed_as(92, "\t1,575\t", "\t¥1,575 million\t"))
    assert len(_filed(ex, 92)) == 2 and _filed(ex, 92) == _filed(extraction(SEGMENTS), 92)


def test_a_full_width_yen_sign_is_the_yen_sign() -> None:
    assert half_width("￥34,272") == "¥34,272"
    assert parse_number(half_width("￥34,272")) == parse_number("¥34,272")


def test_a_footnote_mark_after_a_figure_is_no_figure_of_the_row(tmp_path: Path) -> None:
    # "Total Revenues 32,275 (1) 34,272 6.2": four numbers for three columns, one a mark
    ex = edited_sample(tmp_path, SUMMARY, printed_as(37, "32,275", "32,275 (1)"))
    assert len(_filed(ex, 37)) == 2 and _filed(ex, 37) == _filed(extraction(SUMMARY), 37)


def test_a_sign_before_the_currency_is_the_figure_s() -> None:
    parsed = parse_number("△¥ 300,582")
    assert parsed is not None and parsed.value == Decimal(-300582)
    assert merge_tokens(["ATM", "△¥", "300,582", "(163,814)"]) == [
        "ATM", "△¥ 300,582", "(163,814)"]


@pytest.mark.parametrize("printed", ["n/a", "N/A", "N.M.", "n.m.", "NM"])
def test_a_cell_saying_it_has_no_value_is_read_as_a_dash(printed: str) -> None:
    parsed = parse_number(printed)
    assert parsed is not None and parsed.value is None


def test_a_row_ending_in_n_a_keeps_its_figures_in_their_columns() -> None:
    assert merge_tokens(["ATM", "Operation", "Business", "38", "228", "n/a"])[-3:] == [
        "38", "228", "n/a"]
    assert _row("38\t228\tn/a") == ["38", "228", "n/a"]


@pytest.mark.parametrize(("cell", "figure"), [("¥57,208 (1)", "¥57,208"), ("45.8 (1)", "45.8"),
                                              ("57,208 *1", "57,208")])
def test_a_footnote_mark_after_a_figure_in_its_tab_cell_is_no_figure(cell: str,
                                                                      figure: str) -> None:
    # "As of September 30, 2013<TAB>¥97,842<TAB>¥57,208 (1)<TAB>57,153": the mark was read as
    # a third figure, -1 filed as shareholders' equity
    assert _row(f"{cell}\t57,153") == [figure, "57,153"]
