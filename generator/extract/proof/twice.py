"""Printed-twice evidence: a figure the release prints in two places agrees at the coarser scale.

The summary and the statement, the statement and a note, both print some figures; when a
column's figures agree with their other printing, its period, unit and scale are confirmed.
Columns already refuted are no witnesses. Two columns of one table read as the same period that
print different figures for the same line cannot both be right: both are refuted.
"""

from __future__ import annotations

from collections import defaultdict

from generator.extract.crosscheck import FactKey, fact_key, filed_concept
from generator.extract.precision import consistent
from generator.extract.proof.columns import ColumnFacts
from generator.model.results import ResultFact
from generator.model.taxonomy import Taxonomy

CHECK = "printed twice"


def check(columns: list[ColumnFacts], taxonomy: Taxonomy) -> None:
    """Compare every figure with its other printings in the document's other columns."""
    printed: dict[FactKey, list[tuple[ColumnFacts, ResultFact]]] = defaultdict(list)
    for column in columns:
        for fact in column.facts:
            printed[fact_key(fact, filed_concept(fact, taxonomy))].append((column, fact))
    _refute_clashes(printed, taxonomy)
    for column in columns:
        if column.refutations:
            continue
        agree: list[str] = []
        disagree: list[str] = []
        for fact in column.facts:
            for other_column, other in printed[fact_key(fact, filed_concept(fact, taxonomy))]:
                if other_column is column or other_column.refutations:
                    continue
                where = f"{fact.concept} {fact.source.text}: line {other.source.line} prints " \
                        f"{other.source.text}"
                (agree if consistent(fact, other, slack_units=1) else disagree).append(where)
        if agree and not disagree:
            column.confirm(CHECK, f"{len(agree)} figure(s) printed elsewhere agree: {agree[0]}")
        elif len(disagree) >= 2 and len(disagree) > len(agree):
            column.refute(CHECK, f"{len(disagree)} figures disagree with their other printing "
                                 f"({len(agree)} agree): {disagree[0]}")


def _refute_clashes(printed: dict[FactKey, list[tuple[ColumnFacts, ResultFact]]],
                    taxonomy: Taxonomy) -> None:
    """Two columns of one table giving one line's figure for the same period, differently."""
    for readings in printed.values():
        for i, (column, fact) in enumerate(readings):
            for other_column, other in readings[i + 1:]:
                same_table = other_column.table_index == column.table_index
                if not same_table or other_column is column or consistent(fact, other, 1):
                    continue
                detail = (f"read as the same period as {{}}, but prints {fact.source.text} "
                          f"for {fact.concept} where it prints {other.source.text}")
                column.refute(CHECK, detail.format(other_column.where()))
                other_column.refute(CHECK, detail.format(column.where()))
