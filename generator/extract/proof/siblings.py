"""Sibling columns: a sum short of a declared part that adds up in one column of a table and
breaks in another, with the same parts printed, has a wrong figure in the one it breaks in.

A sum whose declared parts are not all printed proves nothing when it breaks: the part not
printed may be what is missing. But the table prints the same rows for each of its columns, so
when the very same printed parts add up to their total in a neighbouring column (the prior
period's), the part not printed is not in this table, and the sum is complete as printed: where
it breaks, it breaks (a scan's "622,161" for 722,161 and "664,559" for 964,559 in one
investing section, a joint break no single misread digit explains). Such a sum is handed to the
broken sums (:func:`arithmetic.doubt_broken` holds its figures nothing else pins).
"""

from __future__ import annotations

from collections.abc import Sequence

from generator.extract.proof.columns import ColumnFacts


def complete_by_siblings(columns: Sequence[ColumnFacts]) -> None:
    """Move each broken sum short of a part to the column's broken sums where the same printed
    parts add up in another column of its table. Run before :func:`arithmetic.doubt_broken`."""
    held: dict[int, set[tuple[int, object]]] = {}
    for column in columns:
        for printed in column.open_held:
            held.setdefault(column.table_index, set()).add((column.index, printed))
    for column in columns:
        if not column.open_broken:
            continue
        table = held.get(column.table_index, set())
        promoted = {id(printed_sum) for printed, printed_sum in column.open_broken
                    if any(index != column.index and other == printed
                           for index, other in table)}
        if promoted:
            column.broken_sums += [s for s in column.partial_sums if id(s) in promoted]
            column.partial_sums = [s for s in column.partial_sums if id(s) not in promoted]
