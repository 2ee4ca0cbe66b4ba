"""List evidence: an entry of a list ("As of September 30, 2011: 206,478 shares" under "The
number of treasury stock:") prints one figure right after the period it is for, under the
heading that names it: no column, no position to misread.

Its period, though, is read from a summary a person typed: a TDnet summary may print a
six-month figure as "For the three months ended ..." (sample 002, line 813). So an entry's
stated period does not anchor it (:mod:`.stated` leaves list tables alone): an entry is filed
only when another printing confirms it — a proven column's figure (:mod:`.twice`, which also
refutes an entry that disagrees), or a figure printed inside a row label with its own dates
(:func:`agree_with_labels`: two printings, each dated by its own words, that agree). This
check then confirms the entry's row (its one figure under its heading); in OCR text only when
the figure's other printing agrees, the digits themselves being in doubt.
"""

from __future__ import annotations

from collections import defaultdict

from generator.extract.crosscheck import fact_key, filed_concept
from generator.extract.proof.columns import BOTH, ROWS, ColumnFacts
from generator.extract.proof.twice import CHECK as TWICE
from generator.extract.read.lists import KIND
from generator.model.taxonomy import Taxonomy

CHECK = "list entry"
AGREE = "list and label"
UNTRUSTED_LAYOUTS = frozenset({"ocr"})


def is_entry(column: ColumnFacts) -> bool:
    return column.row is not None and column.table.kind == KIND


def agree_with_labels(columns: list[ColumnFacts], taxonomy: Taxonomy) -> None:
    """A list entry and a figure printed inside a row label for the same line and date,
    with equal values, confirm each other."""
    labelled: dict[object, list[tuple[ColumnFacts, int]]] = defaultdict(list)
    for column in columns:
        if column.label is not None:
            for i, fact in enumerate(column.facts):
                labelled[fact_key(fact, filed_concept(fact, taxonomy))].append((column, i))
    agreed: dict[tuple[int, int], set[int]] = defaultdict(set)
    for column in columns:
        if not is_entry(column):
            continue
        for fact in column.facts:
            for strip, i in labelled.get(fact_key(fact, filed_concept(fact, taxonomy)), []):
                other = strip.facts[i]
                if other.value is None or fact.value is None or other.value != fact.value:
                    continue
                detail = (f"{fact.concept} {fact.source.text} (line {fact.source.line}) is also "
                          f"printed in the label at line {other.source.line}, dated alike")
                column.confirm(AGREE, detail, BOTH)
                column.confirm_fact(fact, AGREE)
                strip.confirm_fact(other, AGREE)
                agreed[strip.key].add(i)
    for column in columns:
        if column.label is not None and column.facts and agreed[column.key] == set(
                range(len(column.facts))):
            column.confirm(AGREE, "each of its figures is also printed in a list, dated alike",
                           BOTH)


def check(columns: list[ColumnFacts], layout: str) -> None:
    """Confirm the rows of entries; in OCR text only of those another printing confirms."""
    for column in columns:
        if not is_entry(column) or column.refutations:
            continue
        assert column.row is not None
        if layout not in UNTRUSTED_LAYOUTS:
            column.confirm(CHECK, f"a list entry: '{column.row.label}' prints its one figure "
                                  f"under '{column.table.title}'", ROWS)
        elif column.facts and all(column.sure.get(i, set()) & {TWICE, AGREE}
                                  for i in range(len(column.facts))):
            column.confirm(CHECK, f"a list entry ('{column.row.label}' under "
                                  f"'{column.table.title}') whose figure its other printing "
                                  "confirms", ROWS)
