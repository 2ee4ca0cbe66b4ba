"""Number tokens as releases print them: signs, separators, dashes, OCR damage."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from generator.extract.layout import Cell
from generator.extract.read.numbers import (
    DASHES,
    format_number,
    is_number_token,
    parse_number,
    repair_column,
)

amounts = st.decimals(
    min_value=Decimal("-999999999999"), max_value=Decimal("999999999999"),
    allow_nan=False, allow_infinity=False, places=2,
)


@given(amounts, st.integers(min_value=0, max_value=2), st.booleans(), st.booleans())
def test_formatted_decimals_round_trip(
    value: Decimal, places: int, parens: bool, group: bool
) -> None:
    value = value.quantize(Decimal(1).scaleb(-places))
    printed = format_number(value, parentheses=parens, grouping=group)
    parsed = parse_number(printed)
    assert parsed is not None, printed
    assert isinstance(parsed.value, Decimal)
    assert parsed.value == value
    assert parsed.fraction_digits == places
    assert parsed.repaired is None


@given(amounts)
def test_runon_negatives_with_a_space_before_the_parenthesis(value: Decimal) -> None:
    value = abs(value).quantize(Decimal("0.1")) or Decimal("0.4")
    parsed = parse_number(f"({format_number(value)} )")
    assert parsed is not None and parsed.value == -value


@given(st.decimals(min_value=Decimal("-999.9"), max_value=Decimal("999.9"), places=1,
                   allow_nan=False, allow_infinity=False))
def test_percent_tokens_keep_the_printed_number(value: Decimal) -> None:
    parsed = parse_number(format_number(value) + "%")
    assert parsed is not None and parsed.percent and parsed.value == value


@given(st.sampled_from(sorted(DASHES)))
def test_dashes_are_nil_not_zero(dash: str) -> None:
    parsed = parse_number(dash)
    assert parsed is not None and parsed.value is None


@pytest.mark.parametrize(
    ("token", "value", "digits"),
    [
        ("1,234", Decimal(1234), 0),
        ("(1,234)", Decimal(-1234), 0),
        ("(1,234 )", Decimal(-1234), 0),
        ("-1,234", Decimal(-1234), 0),
        ("△1,234", Decimal(-1234), 0),
        ("▲12", Decimal(-12), 0),
        ("+1,017", Decimal(1017), 0),
        ("4,241.14", Decimal("4241.14"), 2),
        ("(4.7%)", Decimal("-4.7"), 1),
        ("702.5 Gbps", Decimal("702.5"), 1),
        ("2,371.8Gbps", Decimal("2371.8"), 1),
        ("JPY 16,775", Decimal(16775), 0),
    ],
)
def test_printed_forms(token: str, value: Decimal, digits: int) -> None:
    parsed = parse_number(token)
    assert parsed is not None
    assert parsed.value == value
    assert parsed.fraction_digits == digits


def test_ocr_dropped_parenthesis_is_read_and_recorded() -> None:
    parsed = parse_number("(3")
    assert parsed is not None and parsed.value == -3 and parsed.repaired


def test_ocr_period_for_thousands_separator_is_repaired() -> None:
    parsed = parse_number("(9.170,000)")
    assert parsed is not None and parsed.value == Decimal(-9170000) and parsed.repaired
    colon = parse_number("(6:490)")
    assert colon is not None and colon.value == Decimal(-6490) and colon.repaired


@pytest.mark.parametrize("token", ["G,089)", "©23)", ")", "Sl", "JPY", "1Q-end", "abc"])
def test_unreadable_tokens_are_not_numbers(token: str) -> None:
    assert not is_number_token(token)


def _cells(*tokens: str) -> list[Cell | None]:
    out: list[Cell | None] = []
    for token in tokens:
        parsed = parse_number(token)
        assert parsed is not None
        out.append(parsed.cell(1))
    return out


def test_column_repair_reads_period_as_comma_in_integer_column() -> None:
    repaired = repair_column(_cells("6.941", "4,479", "1,494", "837", "131", "3.352"))
    assert repaired[0] is not None and repaired[0].value == 6941 and repaired[0].repaired
    assert repaired[5] is not None and repaired[5].value == 3352
    assert repaired[1] is not None and repaired[1].repaired is None


def test_column_repair_restores_a_lost_decimal_point() -> None:
    repaired = repair_column(_cells("48", "34", "4.7", "14.2", "(5.9)", "(12.6)", "10.7"))
    assert repaired[0] is not None and repaired[0].value == Decimal("4.8")
    assert repaired[0].fraction_digits == 1 and repaired[0].repaired
    assert repaired[2] is not None and repaired[2].repaired is None


def test_column_repair_leaves_consistent_columns_alone() -> None:
    cells = _cells("17", "58", "1", "(3", "10,320")
    assert [c.value for c in repair_column(cells) if c] == [c.value for c in cells if c]
