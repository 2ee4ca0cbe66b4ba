"""Structural evidence against a table: rows that print more figures than it has columns.

When a row carries figures beyond the columns the header named, the header was not this table's
(a page footer read as a header, a header line lost at a page break): every column of it is
refuted, whatever its figures add up to.
"""

from __future__ import annotations

from generator.extract.layout import Table
from generator.extract.proof.columns import ColumnFacts

CHECK = "structure"


def check(table: Table, columns: list[ColumnFacts]) -> None:
    """Refute every column of a table with a row wider than its header."""
    width = len(table.columns)
    for row in table.rows:
        extra = [c for c in row.cells[width:] if c is not None]
        if extra:
            for column in columns:
                column.refute(CHECK, f"row '{row.label[:40]}' (line {row.line}) prints "
                                     f"{width + len(extra)} figures for {width} columns: the "
                                     "header read is not this table's")
            return
