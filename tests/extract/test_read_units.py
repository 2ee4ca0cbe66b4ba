"""A table's unit in the wordings releases use ("JPY mn", "¥ thousand", "Yen in millions",
"(in millions of yen)", "Million yen"), read alike in a header's cells and in a note or title
above the table; a unit note the grammar cannot read ends the unit stated before it."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from generator.extract.read.headers import default_unit, parse_header
from generator.extract.read.numbers import parse_cell, parse_number
from generator.extract.read.periods import FiscalCalendar
from generator.extract.read.units import (
    CURRENCY_WORDS,
    HEADING_WORDS,
    PREFIX_SIGNS,
    SCALE_WORDS,
    SUFFIX_WORDS,
    cell_scale,
    currencies_named,
    currency_of,
    mentions_unit,
    scale_of,
    scales_named,
    stated_unit,
)

from .samples import edited_sample, lines_of

MILLION, THOUSAND, BILLION = Decimal(10) ** 6, Decimal(1000), Decimal(10) ** 9


@pytest.mark.parametrize(("note", "scale"), [
    ("Unit: JPY million", MILLION),
    ("(in millions of yen)", MILLION),
    ("(JPY mn)", MILLION),
    ("(¥ million)", MILLION),
    ("◆ 3Q11 Operating Income (¥ thousand)", THOUSAND),
    ("(in thousands of yen)", THOUSAND),
    ("Segment Summary (JPY mn)", MILLION),
    ("Yen in millions", MILLION),
    ("(Million yen)", MILLION),
    ("Unit: JPY bil.", BILLION),
    ("(Thousands of Yen)", THOUSAND),
    ("Segment Summary, JPY million", MILLION),
    ("Segment Summary — Thousands of JPY", THOUSAND),
])
def test_a_unit_note_in_other_words_is_read(note: str, scale: Decimal) -> None:
    unit = default_unit(note)
    assert unit is not None and (unit.currency, unit.scale) == ("JPY", scale)


@pytest.mark.parametrize("text", [
    "Revenues JPY47,207 million ($612.8 million)",  # a highlight's figures, no unit note
    "Consolidated Balance Sheets",
    "Total revenues increased by 37.7% YoY",
])
def test_a_line_stating_figures_is_no_unit_note(text: str) -> None:
    assert default_unit(text) is None


@pytest.mark.parametrize(("header", "scale"), [
    ("FY2010 FY2011 JPY mn % JPY mn %", MILLION),
    ("1H10 1H11 Yen in thousands % Yen in thousands %", THOUSAND),
    ("1H10 1H11 ¥ million ¥ million", MILLION),
    ("2Q10 2Q11 JPY (millions) JPY (millions)", MILLION),
])
def test_a_unit_cell_in_other_words_is_one_unit_per_column(header: str, scale: Decimal) -> None:
    units = parse_header(header, FiscalCalendar(3)).units
    amounts = [u for u in units if u.kind == "value"]
    assert len(amounts) == 2 and {(u.currency, u.scale) for u in amounts} == {("JPY", scale)}


def test_a_unit_note_the_grammar_cannot_read_still_speaks_of_a_unit() -> None:
    note = "(amounts: yen, in hundred millions)"
    assert stated_unit(note) is None and mentions_unit(note)


@given(st.sampled_from(["JPY", "Yen", "¥", "yen"]),
       st.sampled_from([("thousand", THOUSAND), ("millions", MILLION), ("mn", MILLION),
                        ("billion", BILLION), ("bn", BILLION)]),
       st.sampled_from(["Unit: {c} {s}", "({c} {s})", "({s} of {c})", "(in {s} of {c})"]))
def test_any_wording_of_currency_and_scale_reads_the_same(currency: str,
                                                          scale: tuple[str, Decimal],
                                                          form: str) -> None:
    word, value = scale
    if "of" in form and word in ("mn", "bn"):
        return  # "mn of yen" is no wording
    unit = default_unit(form.format(c=currency, s=word))
    assert unit is not None and (unit.currency, unit.scale) == ("JPY", value)


SLIDES = "001_6c9832476b77f69a.txt"
BALANCE_UNIT = 294  # "Unit: JPY million" over the balance sheet (lines 296-309)


def test_a_unit_note_worded_otherwise_states_the_table_s_scale(tmp_path: Path) -> None:
    def thousands(text: list[str]) -> None:
        assert text[BALANCE_UNIT - 1] == "Unit: JPY million"
        text[BALANCE_UNIT - 1] = "(¥ thousand)"
        # the cash row printed in thousands, its change column with it
        assert text[297 - 1] == "Cash and Cash Equivalents\t13,314\t10,928\t(2,386)"
        text[297 - 1] = "Cash and Cash Equivalents\t13,314,000\t10,928,000\t(2,386,000)"

    ex = edited_sample(tmp_path, SLIDES, thousands)
    cash = {f.value for f in ex.results.facts if 297 in lines_of(f)}
    assert Decimal(13_314_000_000) in cash
    assert all(v is None or abs(v) < 10**11 for v in cash)


def test_a_unit_note_not_read_leaves_the_table_without_the_last_unit(tmp_path: Path) -> None:
    def unreadable(text: list[str]) -> None:
        assert text[BALANCE_UNIT - 1] == "Unit: JPY million"
        text[BALANCE_UNIT - 1] = "Unit: 100 JPY"  # no wording the grammar reads

    ex = edited_sample(tmp_path, SLIDES, unreadable)
    filed = [f for f in ex.results.facts if 297 <= f.source.line <= 309]
    assert not [f for f in filed if f.value is not None and abs(f.value) >= 10**9], filed


@pytest.mark.parametrize("note", ["Unit: 100 million yen", "(100 millions of yen)"])
def test_a_hundred_million_yen_is_a_scale_of_ten_to_the_eighth(note: str) -> None:
    unit = default_unit(note)
    assert unit is not None and unit.scale == Decimal(10) ** 8


def test_an_amount_worded_as_a_unit_is_no_unit_note() -> None:
    # "JPY 100 million" is an amount: its note says a unit changed, not which
    assert default_unit("Unit: JPY 100 million") is None
    assert mentions_unit("Unit: JPY 100 million")


@pytest.mark.parametrize("header", ["2010-04-01..2010-09-30 Thousands of JPY",
                                    "September 30, 2010 Thousands of JPY", "Sep. 30 Thousands"])
def test_a_figure_before_the_scale_word_that_is_a_date_multiplies_nothing(header: str) -> None:
    assert scale_of(header) == THOUSAND


@given(st.sampled_from(sorted(SCALE_WORDS)), st.sampled_from(["", " "]),
       st.sampled_from([str.lower, str.title, str.upper]))
def test_every_scale_word_a_header_reads_is_read_after_a_cell_s_figure(word: str, gap: str,
                                                                       case: object) -> None:
    printed = f"34,272{gap}{case(word)}"  # type: ignore[operator]
    parsed = parse_number(printed)
    assert parsed is not None and parsed.value == Decimal(34272), printed
    assert cell_scale(printed) == SCALE_WORDS[word] == scale_of(f"(JPY {word})")


@pytest.mark.parametrize(("header", "scale"), [("百万円", MILLION), ("千円", THOUSAND),
                                               ("十億円", BILLION)])
def test_a_japanese_scale_word_names_its_scale(header: str, scale: Decimal) -> None:
    assert scale_of(header) == scale and scales_named(header) == {scale}


def test_a_header_naming_two_scales_names_both() -> None:
    assert scales_named("Thousands of JPY / Millions of U.S. dollars") == {THOUSAND, MILLION}


@given(st.sampled_from(sorted(CURRENCY_WORDS)), st.sampled_from([str, str.lower, str.upper]))
def test_every_currency_word_of_the_table_names_its_currency(word: str, case: object) -> None:
    printed = case(word)  # type: ignore[operator]
    assert currency_of(printed) == CURRENCY_WORDS[word], printed


def test_every_currency_word_a_reader_reads_apart_is_a_word_of_the_table() -> None:
    assert not (PREFIX_SIGNS | SUFFIX_WORDS | HEADING_WORDS) - CURRENCY_WORDS.keys()


@pytest.mark.parametrize(("cell", "value", "currency"), [
    ("US$1,234", Decimal(1234), "USD"), ("¥1,575", Decimal(1575), "JPY"),
    ("JPY 1,361", Decimal(1361), "JPY"), ("$612.8", Decimal("612.8"), "USD"),
])
def test_a_cell_s_currency_sign_names_its_figure_s_currency(cell: str, value: Decimal,
                                                            currency: str) -> None:
    parsed = parse_cell(cell)
    assert parsed is not None and (parsed.value, parsed.currency) == (value, currency)


def test_a_header_naming_yen_and_dollars_names_both_currencies() -> None:
    assert currencies_named("百万円 / Thousands of U.S. dollars") == {"JPY", "USD"}


def test_a_title_naming_a_unit_in_the_middle_of_its_words_after_a_comma_states_none() -> None:
    # only a unit that ends the title, after its comma, is the table's
    assert stated_unit("Revenues, JPY million of which came from SI") is None
