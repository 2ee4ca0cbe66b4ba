"""Contradicted figures: a check on the page that says a figure is wrong holds it.

A column is filed when checks confirm it, but a confirmed column can still hold one damaged
figure: a scan's 8,634 for 8,534 in a balance sheet whose change column says (5,040). The checks
that see such a figure contradicted (its row's change or % misses beyond the rounding of the
three printed figures, ...) record it with how far off it is; here each is held unless a check
of its own pins it closer than that (the same figure printed again, a sum that ties to the
unit): then the contradiction is the other printing's damage. A sum that holds only within its
parts' rounding, or a % of revenues, pins nothing that close, and does not outweigh it.

Runs after every check that pins figures (:func:`.arithmetic.anchor` included).
"""

from __future__ import annotations

from collections.abc import Sequence

from generator.extract.proof.columns import ColumnFacts


def hold(columns: Sequence[ColumnFacts]) -> None:
    """Doubt every contradicted figure no check of its own pins closer than the contradiction."""
    for column in columns:
        for fact, gap, why in column.contradicted:
            if not column.pins(fact, gap):
                column.doubt_fact(fact, why)
