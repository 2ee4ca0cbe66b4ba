"""Tables that state no unit take their figures' other printings' unit, or stay unread
(``generator.extract.read.unitless``)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from generator.extract.layout import Cell, Column, Row, Table
from generator.extract.read.periods import FiscalCalendar
from generator.extract.read.unitless import read_unitless
from generator.model.period import Duration

MARCH = FiscalCalendar(3)
FY2010 = Duration(start=dt.date(2010, 4, 1), end=dt.date(2011, 3, 31))
# 002's text (samples/002_*.txt, lines 204-209), and its TSE form's target row (line 776)
TARGETS = [
    "FY2010 Financial Targets (announced on June 1, 2010)",
    "",
    "Our targets for the fiscal year ending March 31, 2011 are as follows:",
    "         ",
    "  Revenues Operating Income Income before Income Tax Expense (Benefit) Net Income "
    "attributable to IIJ",
    "Full FY2010 84,500 4,800 4,100 3,000",
]


def _stated(*texts: str, scale: Decimal = Decimal(10) ** 6, currency: str = "JPY") -> Table:
    """A table that states its unit, printing ``texts`` in one row."""
    cells = tuple(Cell(text=t, value=Decimal(t.split()[0].replace(",", "")), line=776)
                  for t in texts)
    column = Column(role="value", currency=currency, scale=scale, header="JPY millions")
    return Table(title="Target", line=770, columns=(column,) * len(cells),
                 rows=(Row(label="Fiscal year ending March 31, 2011", line=776, cells=cells),))


TSE = _stated("84,500", "4,800", "4,100", "3,000")


def test_a_row_of_figures_under_item_names_takes_the_unit_they_are_printed_in_elsewhere() -> None:
    [table] = read_unitless(TARGETS, set(), MARCH, [TSE])
    assert {(c.role, c.currency, c.scale) for c in table.columns} == {
        ("value", "JPY", Decimal(10) ** 6)}
    assert len(table.columns) == 4 and table.unit_from


def test_its_rows_name_their_period_and_a_targets_title_makes_them_forecasts() -> None:
    [table] = read_unitless(TARGETS, set(), MARCH, [TSE])
    assert (table.title, table.line, table.kind) == (TARGETS[0], 1, "targets")
    [row] = table.rows
    assert (row.line, row.label, row.period, row.forecast) == (6, "Full FY2010", FY2010, True)
    assert [c.text for c in row.cells] == ["84,500", "4,800", "4,100", "3,000"]


def test_two_figures_printed_nowhere_else_leave_the_table_unread() -> None:
    assert read_unitless(TARGETS, set(), MARCH, [_stated("84,500", "4,800")]) == []


def test_one_figure_printed_nowhere_else_is_read_when_three_others_fix_the_unit() -> None:
    # a scan's "4,180" in the TSE form: the echo is read, so that its 4,100 disputes it
    [table] = read_unitless(TARGETS, set(), MARCH, [_stated("84,500", "4,800", "4,180",
                                                            "3,000")])
    assert [c.text for c in table.rows[0].cells] == ["84,500", "4,800", "4,100", "3,000"]
    assert table.columns[0].scale == Decimal(10) ** 6


def test_one_figure_printed_nowhere_else_leaves_a_row_of_three_unread() -> None:
    lines = [*TARGETS[:5], "Full FY2010 84,500 4,800 4,100"]
    assert read_unitless(lines, set(), MARCH, [_stated("84,500", "4,800")]) == []


def test_figures_printed_elsewhere_in_different_units_leave_the_table_unread() -> None:
    thousands = _stated("4,100", "3,000", scale=Decimal(1000))
    millions = _stated("84,500", "4,800")
    assert read_unitless(TARGETS, set(), MARCH, [thousands, millions]) == []


def test_a_figure_printed_in_two_units_keeps_the_one_all_share() -> None:
    both = [TSE, _stated("3,000", scale=Decimal(1000))]
    [table] = read_unitless(TARGETS, set(), MARCH, both)
    assert table.columns[0].scale == Decimal(10) ** 6


def test_lines_another_reader_took_are_left_alone() -> None:
    assert read_unitless(TARGETS, {6}, MARCH, [TSE]) == []


def test_a_header_naming_a_unit_or_ending_a_sentence_is_no_item_header() -> None:
    for header in ("Revenues Operating Income (JPY millions)", "Revenues were as follows:"):
        lines = [*TARGETS[:4], header, TARGETS[5]]
        assert read_unitless(lines, set(), MARCH, [TSE]) == [], header


def test_a_row_whose_label_names_no_period_is_no_row() -> None:
    lines = [*TARGETS[:5], "Company plan 84,500 4,800 4,100 3,000"]
    assert read_unitless(lines, set(), MARCH, [TSE]) == []


def test_a_label_s_own_date_is_not_read_as_a_figure() -> None:
    lines = [*TARGETS[:5], "Fiscal year ending March 31, 2011 84,500 4,800 4,100 3,000"]
    [table] = read_unitless(lines, set(), MARCH, [TSE])
    assert [c.text for c in table.rows[0].cells] == ["84,500", "4,800", "4,100", "3,000"]
    assert table.rows[0].period == FY2010


@given(st.lists(st.integers(min_value=1, max_value=999_999), min_size=2, max_size=6))
def test_any_row_all_of_whose_figures_are_printed_elsewhere_in_one_unit_is_read(
        values: list[int]) -> None:
    texts = [f"{v:,}" for v in values]
    lines = [*TARGETS[:5], "Full FY2010 " + " ".join(texts)]
    [table] = read_unitless(lines, set(), MARCH, [_stated(*texts)])
    assert [c.value for c in table.rows[0].cells] == [Decimal(v) for v in values]
    assert table.columns[0].scale == Decimal(10) ** 6


@given(st.lists(st.integers(min_value=1, max_value=999_999), min_size=2, max_size=6),
       st.data())
def test_any_row_with_a_figure_printed_nowhere_else_is_read_only_if_three_fix_the_unit(
        values: list[int], data: st.DataObject) -> None:
    texts = [f"{v:,}" for v in values]
    missing = data.draw(st.sampled_from(texts))
    lines = [*TARGETS[:5], "Full FY2010 " + " ".join(texts)]
    witnessed = [t for t in texts if t != missing]
    read = read_unitless(lines, set(), MARCH, [_stated(*witnessed)] if witnessed else [])
    assert bool(read) == (texts.count(missing) == 1 and len(witnessed) >= 3)


@given(st.lists(st.integers(min_value=1, max_value=999_999), min_size=2, max_size=6,
                unique=True), st.data())
def test_any_row_with_two_figures_printed_nowhere_else_is_not_read(values: list[int],
                                                                   data: st.DataObject) -> None:
    texts = [f"{v:,}" for v in values]
    missing = data.draw(st.lists(st.sampled_from(texts), min_size=2, max_size=2, unique=True))
    lines = [*TARGETS[:5], "Full FY2010 " + " ".join(texts)]
    witnessed = [t for t in texts if t not in missing]
    assert read_unitless(lines, set(), MARCH, [_stated(*witnessed)] if witnessed else []) == []


def test_a_table_printed_as_a_grid_is_read_as_its_cells() -> None:
    # the item names above the grid, its head row of empty cells and its ruling line between
    grid = [*TARGETS[:5], "|             |        |        |        |        |",
            "|-------------|-------:|-------:|-------:|-------:|",
            "| Full FY2010 | 84,500 |  4,800 |  4,100 |  3,000 |"]
    [table] = read_unitless(grid, set(), MARCH, [TSE])
    assert [c.text for c in table.rows[0].cells] == ["84,500", "4,800", "4,100", "3,000"]
    assert table.rows[0].line == 8 and table.rows[0].period == FY2010


def test_a_grid_row_with_a_blank_cell_between_its_figures_is_not_read() -> None:
    # read as its cells' words, its figures would close up and each take the next item
    grid = [*TARGETS[:5], "|-------------|-------:|-------:|---:|-------:|",
            "| Full FY2010 | 84,500 |  4,800 |    |  3,000 |"]
    assert read_unitless(grid, set(), MARCH, [TSE]) == []


def test_a_figure_whose_other_printing_names_its_unit_in_the_cell_is_printed_there() -> None:
    # the TSE form's row printing "84,500 million": the same figure, digit for digit
    marked = _stated("84,500 million", "4,800", "4,100 million", "3,000")
    [table] = read_unitless(TARGETS, set(), MARCH, [marked])
    assert table.columns[0].scale == Decimal(10) ** 6
