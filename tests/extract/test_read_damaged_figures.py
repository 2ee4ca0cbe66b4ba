"""Figures a scan damaged ("52.374" for 52,374, "9,Z26", "15 1,202" for 151,202) are cells that
could not be read: each keeps its place, so the row's other figures stay in their columns, and
none is filed as a figure or in pieces (the ``ocrdigits`` re-typesetting, one behaviour per
test)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from generator.extract.layout import Cell, Column, Row
from generator.extract.read import read_text
from generator.extract.read.cells import unread_point_groupings
from generator.extract.read.numbers import parse_number
from generator.resources import samples_dir
from generator.taxonomy import load_taxonomy

from .samples import TABBED

_COLUMNS = [Column(role="value", header="2012"), Column(role="value", header="2013"),
            Column(role="change", header="Change")]


def _cell(token: str, line: int) -> Cell:
    parsed = parse_number(token)
    assert parsed is not None
    return parsed.cell(line)


def _rows(printed: list[list[str]]) -> list[Row]:
    return [Row(label=f"Row {n}", line=n, cells=tuple(_cell(t, n) for t in tokens))
            for n, tokens in enumerate(printed, start=1)]


@given(st.integers(1_000, 999_999), st.integers(1, 10**7), st.integers(0, 2), st.booleans())
def test_a_grouping_comma_read_as_a_point_among_whole_amounts_is_left_unread(
        value: int, other: int, column: int, negative: bool) -> None:
    printed = f"{value:,}".replace(",", ".")
    printed = f"({printed})" if negative else printed
    row = [f"{other:,}", f"{other + 1:,}", f"{other + 2:,}"]
    row[column % 2] = printed
    rows = _rows([["911", "879", "(32)"], row, ["1,294", "1,310", "16"]])
    read, problems = unread_point_groupings(rows, _COLUMNS)
    assert read[1].cells[column % 2] is None and len(problems) == 1, problems
    assert [c.value for c in read[1].cells if c is not None] == [
        c.value for k, c in enumerate(rows[1].cells) if k != column % 2 and c is not None]
    assert read[0] == rows[0] and read[2] == rows[2]


def test_three_decimals_in_a_row_of_decimals_are_read() -> None:
    # earnings per share in a statement of whole amounts: the row prints decimals
    rows = _rows([["74,123", "82,988", "8,865"], ["12.599", "11.234", "(1.365)"]])
    assert unread_point_groupings(rows, _COLUMNS) == (rows, [])


def test_three_decimals_alone_in_their_row_are_read() -> None:
    rows = _rows([["74,123", "82,988", "8,865"], ["12.599", "", ""][:1]])
    assert unread_point_groupings(rows, _COLUMNS) == (rows, [])


def test_a_count_printed_with_a_point_for_its_comma_keeps_its_place_unread() -> None:
    # 004:112 (ocrdigits adv2d5 s2) "IIJ FiberAccess/F and IIJ DSL/F 45,741 52.374 6,633": the
    # count at Sep. 30, 2013 was filed as 52.374 contracts
    text = (samples_dir() / TABBED).read_text(encoding="utf-8")
    assert "\t45,741\t52,374\t" in text
    document = read_text(TABBED, text.replace("\t45,741\t52,374\t", "\t45,741\t52.374\t"),
                         load_taxonomy())
    [row] = [r for t in document.tables for r in t.rows if r.line == 112]
    assert [c.text if c else None for c in row.cells] == ["45,741", None, "6,633"]

