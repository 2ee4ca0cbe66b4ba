"""Delimited evidence: in a layout whose cells are delimited, a full row places every figure.

Tab-separated text, slides, pipe tables and newswire text (whose blank cells carry a marker) cut
a row into cells by its delimiters, not by position; when a row prints a slot (a figure or an
explicit blank) for every column of its table, each figure's column is the one it was printed
in. Text laid out by position (columns of spaces, OCR, run-on paragraphs) gets no such proof:
there a blank cell is where misplaced figures come from, so its rows must be proven by their
numbers.
"""

from __future__ import annotations

from generator.extract.layout import Table
from generator.extract.proof.columns import ROWS, ColumnFacts

CHECK = "delimited"
DELIMITED_LAYOUTS = frozenset({"tabbed", "slides", "piped", "newswire"})
FIGURE_ROLES = ("value", "translation")


def full_rows(table: Table) -> set[int]:
    """Lines of rows whose every slot was printed (a blank cell as an explicit empty cell)."""
    width = len(table.columns)
    out: set[int] = set()
    for row in table.rows:
        if not row.guessed and not any(c is not None for c in row.cells[width:]):
            out.update(c.line for c in row.cells if c is not None)
    return out


def guessed_rows(table: Table) -> set[int]:
    """Lines of rows whose figures were placed by plausibility (fewer slots than columns)."""
    return {c.line for row in table.rows if row.guessed for c in row.cells if c is not None}


def check(layout: str, table: Table, columns: list[ColumnFacts]) -> None:
    """Confirm the rows of every column whose figures all stand on full delimited rows (a table
    whose cells delimit themselves counts, but not in a scan, whose digits are in doubt)."""
    if layout not in DELIMITED_LAYOUTS and not (table.delimited and layout != "ocr"):
        return
    full = full_rows(table)
    for column in columns:
        lines = {f.source.line for f in column.facts}
        if lines and lines <= full:
            column.confirm(CHECK, f"its {len(column.facts)} figure(s) stand on rows with a "
                                  "delimited cell under every amount column", ROWS)
