"""Sibling columns: a sum short of a declared part that adds up in one column of a table and
breaks in another, with the same parts printed, has a wrong figure in the one it breaks in.

A sum whose declared parts are not all printed proves nothing when it breaks: the part not
printed may be what is missing. But the table prints the same rows for each of its columns, so
when the very same printed parts add up to their total in a neighbouring column (the prior
period's), the part not printed is not in this table, and the sum is complete as printed: where
it breaks, it breaks (a scan's "622,161" for 722,161 and "664,559" for 964,559 in one
investing section, a joint break no single misread digit explains). Such a sum is handed to the
broken sums (:func:`arithmetic.doubt_broken` holds its figures nothing else pins).

Only where the two columns print the same rows around the sum, though: a row the reader does
not map (or maps to no part of the sum), printed among the sum's rows or next to them with a
figure in one column and a dash in the other, may be the missing part in the column that prints
its figure, and there the sum is not complete as printed. A row placed by plausibility (it
printed fewer figures than the table has columns) cannot say which column prints what; nor can
a figure whose row is not known (a table with one row per period). Either way the sum is left
as it was: short of a part, proving nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from generator.extract.layout import Row
from generator.extract.proof.columns import ColumnFacts
from generator.model.results import ResultFact


def complete_by_siblings(columns: Sequence[ColumnFacts]) -> None:
    """Move each broken sum short of a part to the column's broken sums where the same printed
    parts add up in another column of its table that prints the same rows around them. Run
    before :func:`arithmetic.doubt_broken`."""
    by_table: dict[int, list[ColumnFacts]] = {}
    for column in columns:
        if column.open_held:
            by_table.setdefault(column.table_index, []).append(column)
    for column in columns:
        if not column.open_broken:
            continue
        siblings = [c for c in by_table.get(column.table_index, []) if c is not column]
        column.complete({id(printed_sum) for printed, figures, printed_sum in column.open_broken
                         if any(printed in other.open_held and _same_rows(
                             column, figures, other, other.open_held[printed])
                             for other in siblings)})


def _same_rows(broken: ColumnFacts, figures: tuple[ResultFact, ...], held: ColumnFacts,
               held_figures: tuple[ResultFact, ...]) -> bool:
    """Whether the column the sum breaks in and the one it holds in print the sum on the same
    rows, and a figure (not nil) on the same other rows among them and on the rows next to
    them the reader did not map (an unmapped first or last part)."""
    if broken.row is not None or broken.label is not None or held.row is not None \
            or held.label is not None or broken.table is not held.table:
        return False
    found, found_held = broken.rows_of(figures), held.rows_of(held_figures)
    if found is None or found_held is None or set(found) != set(found_held):
        return False
    rows = set(found)
    table = broken.table.rows
    mapped = set(broken.fact_rows.values())
    low, high = min(rows), max(rows)
    others = [r for r in range(low + 1, high) if r not in rows]
    for step, start in ((-1, low - 1), (1, high + 1)):
        at = start
        while 0 <= at < len(table) and at not in mapped and _prints(table[at]):
            others.append(at)
            at += step
    for at in others:
        row = table[at]
        printed = (_figure(row, broken.index), _figure(row, held.index))
        if any(printed) and (row.guessed or printed[0] != printed[1]):
            return False
    return True


def _prints(row: Row) -> bool:
    """A row with a cell in any column (a figure or a dash), not a heading."""
    return any(cell is not None for cell in row.cells)


def _figure(row: Row, index: int) -> bool:
    """Whether the row prints a figure other than nothing in column ``index`` (a dash, a blank
    or a zero adds nothing to a sum)."""
    if index >= len(row.cells):
        return False
    cell = row.cells[index]
    return cell is not None and cell.value is not None and cell.value != Decimal(0)
