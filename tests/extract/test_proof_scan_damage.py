"""Digits a scan changed into other digits read as figures; the proof must not file them on
evidence that cannot tell them from the printed ones (proof/scanned.py, proof/twice.py,
proof/ratios.py, precision.member_sum). Inputs are samples with the damage of re-typeset draws
(benchmarks/retypeset.py, style ``ocrdigits``) typed in, each checked against the sample."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from generator.extract.layout import Cell
from generator.extract.proof.percent import _yoy_pin, recomputes
from generator.extract.read.numbers import format_number, is_scan_damage
from tests.extract.samples import dur, edited_sample, lines_of, printed_as

QUARTERS = "001_6c9832476b77f69a.txt"  # lines 276-279: a tabbed table of 3 items by quarter
SEGMENTS = "002_848ee02a02e0fa53.txt"  # lines 56-59: revenues by segment, 1H09 and 1H10
TARGETS = "003_beeb705454dfa33f.txt"  # line 343: the TSE form's FY2017 target row


@pytest.mark.parametrize("cell", ["4o", "S1", "(Z9)", "1,O23", "12,,345", "9,Z26", "G,089)"])
def test_a_cell_only_a_scan_prints_is_scan_damage(cell: str) -> None:
    assert is_scan_damage(cell)


@pytest.mark.parametrize("cell", ["4 18,304", "n/a", "*", "▲¥ 86 million", "September", "B2B",
                                  "IIJ", "2010,", "12,345", "(1)", "—", "5G", "4G", "B2"])
def test_a_mark_a_word_or_two_figures_apart_is_no_scan_damage(cell: str) -> None:
    # "4 18,304": a footnote's number before a figure as well as one figure split by a space
    assert not is_scan_damage(cell)


@given(st.decimals(min_value=-10**9, max_value=10**9, places=0))
def test_no_figure_printed_whole_is_scan_damage(value: Decimal) -> None:
    assert not is_scan_damage(format_number(value))


def _scanned_quarters(text: list[str]) -> None:
    """Draw s15a seed 2: "4o" for 40 (no figure reads as it) beside "17" for 179."""
    printed_as(278, "\t40\t", "\t4o\t")(text)
    printed_as(277, "\t179\t", "\t17\t")(text)


def test_a_release_with_a_cell_only_a_scan_prints_files_nothing_a_layout_alone_proves(
        tmp_path: Path) -> None:
    ex = edited_sample(tmp_path, QUARTERS, _scanned_quarters)
    assert not [f for f in ex.results.facts if lines_of(f) & {277, 278, 279}]
    held = [h for h in ex.results.review if h.line in {277, 278, 279}]
    assert len(held) == 20 and all("only a scan prints ('4o', line 278)" in h.reason
                                   for h in held)


def test_no_figure_of_a_release_with_such_a_cell_is_filed_on_layout_and_header_alone(
        tmp_path: Path) -> None:
    structural = {"delimited", "stated"}
    clean = edited_sample(tmp_path, QUARTERS, lambda text: None)
    assert [f for f in clean.results.facts
            if f.value is not None and not set(f.source.proven_by) - structural]
    (tmp_path / "scanned").mkdir()
    ex = edited_sample(tmp_path / "scanned", QUARTERS, printed_as(278, "\t40\t", "\t4o\t"))
    assert not [f for f in ex.results.facts
                if f.value is not None and not set(f.source.proven_by) - structural]


def test_the_same_table_read_clean_is_filed(tmp_path: Path) -> None:
    ex = edited_sample(tmp_path, QUARTERS, printed_as(277, "\t179\t", "\t17\t"))
    assert len([f for f in ex.results.facts if f.source.line in {277, 278, 279}]) == 21


def test_a_segment_a_rounded_sum_passes_either_way_is_not_filed_against_its_other_printing(
        tmp_path: Path) -> None:
    # "ATM operation business 36" for 38: 32,443 + 36 - 206 = 32,273 foots to the printed
    # 32,275 within the four figures' rounding, as 38 does; the note prints 38,178 thousand,
    # its own total scanned past reading ("32,27S,024"). Neither check can say which
    # printing is misread, so neither is filed.
    def edit(text: list[str]) -> None:
        printed_as(58, "38 228", "36 228")(text)
        printed_as(475, "32,275,024", "32,27S,024")(text)
    ex = edited_sample(tmp_path, SEGMENTS, edit)
    h1_09 = dur("2009-04-01", "2009-09-30")
    atm = [f for f in ex.results.facts if f.concept == "Revenues" and f.period == h1_09
           and f.dimensions.get("BusinessSegmentsAxis") == "ATMOperationBusinessMember"]
    assert atm == []
    held = {h.line: h.value for h in ex.results.review if h.concept == "Revenues"
            and h.period == h1_09 and h.value in {Decimal(36 * 10**6), Decimal(38_178_000)}}
    assert held == {58: Decimal(36 * 10**6), 471: Decimal(38_178_000)}


def test_a_per_share_figure_is_not_proven_by_a_coarse_printing_of_its_numerator(
        tmp_path: Path) -> None:
    # "88.71" for 88.77: net income "JPY4.0 billion" (line 5) over the share count gives
    # 88.71 within its rounding, the target row's own 4,000 million does not
    ex = edited_sample(tmp_path, TARGETS, printed_as(343, "88.77", "88.71"))
    [eps] = [f for f in ex.results.facts if f.concept == "EarningsPerShareBasic"
             and f.source.line == 343]
    assert "ratio" not in eps.source.proven_by and "own: ratio" not in eps.source.proven_by


def test_the_per_share_figure_as_printed_is_proven_by_its_ratio(tmp_path: Path) -> None:
    ex = edited_sample(tmp_path, TARGETS, lambda text: None)
    [eps] = [f for f in ex.results.facts if f.concept == "EarningsPerShareBasic"
             and f.source.line == 343]
    assert "own: ratio" in eps.source.proven_by


def _cell(text: str) -> Cell:
    value = Decimal(text.replace(",", ""))
    return Cell(text=text, value=value, line=1,
                fraction_digits=len(text.split(".")[1]) if "." in text else 0)


def test_a_yoy_percent_pins_its_amounts_to_a_tenth_of_a_percent_of_them() -> None:
    # "Total Revenues 32,275 34,272 6.2": 34,292 still recomputes 6.2%, so the % cannot tell
    # a misprint of 20 from the figure: it pins the amounts to 34.272 + 1 + 1 only
    assert recomputes(_cell("6.2"), _cell("34,292"), _cell("32,275"))
    pin = _yoy_pin(_cell("6.2"), _cell("34,272"), _cell("32,275"))
    assert pin == Decimal("36.272")


@given(st.integers(1000, 10**7), st.integers(-300, 300))
def test_any_amount_a_yoy_percent_passes_lies_within_its_pin(prior: int, permille: int) -> None:
    current = prior + prior * permille // 1000
    exact = (Decimal(current) - prior) / prior * 100
    pct = _cell(f"{exact:.1f}")
    pin = _yoy_pin(pct, _cell(str(current)), _cell(str(prior)))
    assert pin is not None
    for misprint in (current - int(pin) - 2, current + int(pin) + 2):
        assert not recomputes(pct, _cell(str(misprint)), _cell(str(prior)))


def test_amounts_printed_in_thousands_but_rounded_to_millions_are_filed_as_such(
        tmp_path: Path) -> None:
    # 002's TSE position in thousands, each a million rounded ("65,923,000"): filed at
    # decimals -6, they agree with the balance sheet's 65,922,787 instead of contradicting it
    def edit(text: list[str]) -> None:
        printed_as(757, "JPY millions JPY millions JPY millions", "Yen in thousands Yen in "
                   "thousands Yen in thousands")(text)
        printed_as(758, "65,923 27,766 27,765", "65,923,000 27,766,000 27,765,000")(text)
        printed_as(759, "51,115 27,364 27,320", "51,115,000 27,364,000 27,320,000")(text)
    ex = edited_sample(tmp_path, SEGMENTS, edit)
    assets = [f for f in ex.results.facts if f.concept == "Assets" and 758 in lines_of(f)]
    assert assets and all(f.value == 65_922_787_000 or f.decimals == -6 for f in assets)
    assert not [h for h in ex.results.review if h.line in {758, 759}]
