"""Scanned tables: a cell damaged past reading casts doubt on the digits beside it.

A scan that printed "4o" for 40 in a table may as well have printed 17 for 179, or 4425 for
425, in the same table, and those read as figures. A column proven by its layout and header
alone (tab-delimited rows, a header stating the unit: :data:`.twice.STRUCTURAL_CHECKS`) has had
none of its figures tested: enough for a clean text, not for a table whose damage is in sight.
There such a column's figures are held unless a check of their own confirms them.
"""

from __future__ import annotations

from collections.abc import Sequence

from generator.extract.proof.columns import ColumnFacts
from generator.extract.proof.twice import STRUCTURAL_CHECKS

REASON = ("its table prints a cell no figure reads as ({token!r}, line {line}), as a scan "
          "damages them, and only the table's layout and header prove this column: its other "
          "digits may be misread too, and no check of its own confirms this one")


def doubt_untested(columns: Sequence[ColumnFacts]) -> None:
    """Doubt the unconfirmed figures of every column proven by its structure alone in a table
    with a cell that did not read as a figure (``Row.scanned``)."""
    for column in columns:
        if column.label is not None or not column.proven:
            continue
        damaged = next((r for r in column.table.rows if r.scanned), None)
        if damaged is None or {v.check for v in column.confirmations} - STRUCTURAL_CHECKS:
            continue
        why = REASON.format(token=damaged.scanned[0], line=damaged.line)
        for i, fact in enumerate(column.facts):
            if fact.value is not None and not column.sure.get(i):
                column.doubt_fact(fact, why)
