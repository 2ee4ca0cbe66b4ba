"""A sum read whole: every row from the heading that opens it to its total was read as one of
its figures or as a heading, so a declared part it does not print is not in the table, and
where it breaks, it breaks.

A sum whose declared parts are not all printed proves nothing when it breaks: the part not
printed may be what is missing (a line the reader could not name, named as another line, or
whose figures a scan lost: a wrapped "Accounts receivable, net of allowance for"). But a
release prints a statement's sum as a run of rows: its heading, its parts, its total. When
the run opens on the total's own heading ("OPERATING ACTIVITIES:" above "Net cash provided by
operating activities") and every row of it prints one of the sum's own figures or names
nothing but a heading of the statement ("Adjustments to reconcile net income...:"), there is
no row left for the missing part to be on. Such a sum that breaks has a misread or
misprinted figure in it (a scan's "95,636,809" for 15,636,809 and "865,616" for 815,616 in
one operating section: a joint break no single misread digit explains, and that the other
column, with a misread of its own, cannot show by comparison, :mod:`.siblings`). Not a run
a heading within the section opens (a page break may have split the section's first rows
into another table), nor one with a figure-less row whose wording names a line as well as a
heading ("Systems integration": its figures may be what a scan lost). It is handed
to the broken sums, and :func:`arithmetic.doubt_broken` holds each of its figures that no
check of its own pins.
"""

from __future__ import annotations

from collections.abc import Sequence

from generator.extract.proof.columns import ColumnFacts
from generator.model.results import ResultFact


def complete_as_read(columns: Sequence[ColumnFacts]) -> None:
    """Move each broken sum short of a part whose run of rows was read whole to the column's
    broken sums. Run before :func:`arithmetic.doubt_broken`."""
    for column in columns:
        if not column.open_broken or column.row is not None or column.label is not None:
            continue
        column.complete({id(printed_sum) for _, figures, printed_sum in column.open_broken
                         if _read_whole(column, figures)})


def _read_whole(column: ColumnFacts, figures: tuple[ResultFact, ...]) -> bool:
    """Whether the sum's figures (total first) fill a run of rows, headings aside, that the
    total's own heading opens."""
    rows = column.rows_of(figures)
    if rows is None:
        return False  # a figure whose row is not known (printed in a label)
    if len(set(rows)) != len(rows):
        return False  # two figures of the sum on one row: not a run of lines
    low, high = min(rows), max(rows)
    if rows[0] != high:
        return False  # a total printed first or among its parts: its heading is elsewhere
    members = set(rows)
    if any(at not in members and at not in column.headings for at in range(low + 1, high)):
        return False  # another line among its rows: it may be the part not printed
    # the run opens on the sum's own heading ("OPERATING ACTIVITIES:" above its total): a
    # row with no figure that names no heading may be a part whose figures a scan lost, and
    # a heading within the section ("Adjustments to reconcile...:") may open a table a page
    # break split from the section's first rows
    return figures[0].concept in column.headings.get(low - 1, frozenset())


__all__ = ["complete_as_read"]
