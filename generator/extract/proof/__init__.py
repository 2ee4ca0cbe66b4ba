"""The proof stage: every column is proven before its figures are filed.

A column's period, unit, scale and role come from what the release states; that assignment is
then checked against independent evidence — totals that add up (:mod:`.arithmetic`; across a
year's actual and forecast rows, :mod:`.completion`, whose part-printed rows the fiscal
calendar places, :mod:`.schedule`), the USD column at the stated rate
(:mod:`.translation`), recomputed % columns (:mod:`.percent`; in one-row-per-period
tables, :mod:`.yoy_rows`), figures printed twice
(:mod:`.twice`) and the fiscal calendar (:mod:`.calendar`). A column is filed when at least one
check confirms it and none refutes it; otherwise its figures are held back for review with the
reason (never filed, never dropped).

Why: a wrong figure is worse than a missing one, and every wrong figure traced so far came from a
column assigned by position or header alone while evidence against it was already at hand.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from generator.extract.crosscheck import Terms, breakdowns, declared_sums
from generator.extract.layout import Column, Row, Table
from generator.extract.map_rows import MappedDocument
from generator.extract.map_rows.document import DERIVED_ROLES
from generator.extract.proof import (
    arithmetic,
    borrowed,
    calendar,
    closed,
    completion,
    contradicted,
    delimited,
    inlabel,
    lists,
    misprints,
    percent,
    periods,
    precision,
    ratios,
    rollforward,
    scale,
    scanned,
    schedule,
    siblings,
    signs,
    stated,
    structure,
    translation,
    twice,
    unread,
    unrounded,
    yoy_rows,
)
from generator.extract.proof.columns import ColumnFacts, Verdict
from generator.model.fact import Correction
from generator.model.results import HeldBack, ReportingPeriod, ResultFact
from generator.model.taxonomy import Taxonomy
from generator.taxonomy.memo import per_taxonomy

UNPROVEN = "unproven"
UNPROVEN_REASON = (
    "no check confirms the column's {missing}: {rows}{assignment}"
)
_LACKS = {
    "rows": "no printed total adds up within it and no % column recomputes from it; ",
    "assignment": "none of its figures is printed elsewhere in the release, no USD column "
                  "translates it at a stated rate and no YoY column recomputes from it; ",
}

__all__ = ["ColumnFacts", "Proof", "Verdict", "prove"]
_ROW_COLUMN = Column(role="value")  # a transposed table's row: its cells' columns vary
_LABEL_COLUMN = Column(role="value")  # figures printed inside a row's label
# Layouts whose reader places each figure by the column edge it ends at and marks a row
# ``guessed`` when it could not (a pushed figure with two free columns to its left): there a
# blank cell stays blank in its own slot, so only the rows it guessed need figures confirmed.
READ_BY_EDGE = frozenset({"aligned"})


@dataclass
class Proof:
    """Facts of proven columns (to file) and the figures held back, with every column's case."""

    facts: list[ResultFact] = field(default_factory=list)
    held: list[HeldBack] = field(default_factory=list)
    columns: list[ColumnFacts] = field(default_factory=list)
    # The held figures of proven columns that a check of their own table doubts (a sum they
    # are part of breaks): their column's period, unit and scale are proven, their digits are
    # not. The cross-check may restore a lost sign from one (a dollar "2" for (2) beside the
    # yen (170) held with a broken sum), never a value.
    witnesses: list[ResultFact] = field(default_factory=list)


def columns_of(mapped: MappedDocument) -> list[ColumnFacts]:
    """Group each table's facts by the column they were read from."""
    out: list[ColumnFacts] = []
    for t, outcome in enumerate(mapped.tables):
        by_index: dict[int, ColumnFacts] = {}
        table = outcome.table
        for fact, index in zip(outcome.facts, outcome.fact_strips, strict=True):
            if index not in by_index:
                if index in outcome.label_strips:
                    strip = ColumnFacts(t, index, table, _LABEL_COLUMN,
                                        label=outcome.label_strips[index])
                elif outcome.transposed:
                    strip = ColumnFacts(t, index, table, _ROW_COLUMN, row=table.rows[index])
                else:
                    strip = ColumnFacts(t, index, table, table.columns[index])
                by_index[index] = strip
            by_index[index].facts.append(fact)
        complete: set[int] = set()
        if outcome.order_guessed:
            blanks: set[int] = {c.line for r in table.rows for c in r.cells if c is not None}
        elif mapped.document.layout in delimited.DELIMITED_LAYOUTS | READ_BY_EDGE:
            blanks = delimited.guessed_rows(table)
        else:
            blanks = _incomplete_rows(table)
            complete = {
                fact_id for fact_id, number in outcome.fact_rows.items()
                if not outcome.transposed and _complete(
                    table.rows[number], table, run_on=mapped.document.layout == "runon")}
        for strip in by_index.values():
            if strip.label is None:  # a figure in a label is placed by its words, not its row
                strip.incomplete_rows = blanks
                strip.complete_facts = set(complete)
                if not outcome.transposed:
                    strip.fact_rows = outcome.fact_rows
                    strip.doubtful_rows = outcome.doubtful_rows
                    strip.headings = outcome.headings
            if outcome.order_guessed:
                strip.placement = ("its column's item was told by the network's order, not by "
                                   "the header (stacked item boxes a scan read across)")
        out.extend(by_index[i] for i in sorted(by_index))
    return out


def _complete(row: Row, table: Table, *, run_on: bool) -> bool:
    """A row that printed a figure in every slot, none of them guessed; in run-on text (a
    PDF's text layer, which loses no cell) also a short row that printed every amount and left
    only share and change cells blank: one amount per amount column, in order, is the only
    reading that leaves no amount slot blank and puts no amount in a % slot."""
    present = [c for c in row.cells if c is not None]
    if not row.guessed and len(present) >= len(table.columns):
        return True
    if not run_on or len(present) >= len(table.columns) or len(row.cells) != len(table.columns):
        return False  # a row trimmed of extra numbers is guessed with every slot filled
    amounts = [i for i, c in enumerate(table.columns) if c.role not in DERIVED_ROLES]
    return [i for i, c in enumerate(row.cells) if c is not None] == amounts


def _incomplete_rows(table: Table) -> set[int]:
    """Lines of rows laid out by position with a blank slot in any column, or that the reader
    trimmed or placed by plausibility (``guessed``): which columns their figures belong to
    depends on where the reader put the blank (a % cell left blank shifts the USD figure under
    the yen header)."""
    out: set[int] = set()
    for row in table.rows:
        present = [c for c in row.cells if c is not None]
        if present and (row.guessed or len(present) < len(table.columns)):
            out.update(c.line for c in present)
    return out


@per_taxonomy  # the same for every release
def proof_sums(taxonomy: Taxonomy) -> tuple[tuple[str, Terms], ...]:
    """The sums a column's figures are checked against: the declared calculations, then the
    networks' ``evidence_sums`` no calculation declares."""
    sums = [(parent, terms) for parent, terms, _ in declared_sums(taxonomy)]
    sums += sorted({(e.total, e.terms) for net in taxonomy.networks for e in net.evidence_sums}
                   - set(sums))
    return tuple(sums)


def prove(mapped: MappedDocument, taxonomy: Taxonomy, period: ReportingPeriod,
          usd_rate: Decimal | None, truncate: bool = False) -> Proof:
    """Judge every column; split its facts into filed and held back."""
    columns = columns_of(mapped)
    sums = proof_sums(taxonomy)
    members = breakdowns(taxonomy)
    by_table: dict[int, list[ColumnFacts]] = {}
    for column in columns:
        if column.label is not None:  # printed in a label: its own words date and name it
            calendar.check(column, period, taxonomy.record_months)
            inlabel.check(column, mapped.document.layout)
            continue
        by_table.setdefault(column.table_index, []).append(column)
        calendar.check(column, period, taxonomy.record_months)
        precision.check(column, taxonomy)
        arithmetic.check(column, sums, taxonomy, truncate, members)
        stated.check(column, taxonomy)
    for t, table_columns in by_table.items():
        structure.check(mapped.tables[t].table, table_columns)
        stated.check_table(table_columns, taxonomy)
        delimited.check(mapped.document.layout, mapped.tables[t].table, table_columns)
        if mapped.tables[t].transposed:
            completion.check(table_columns, sums, taxonomy, truncate)
            schedule.check(table_columns, mapped.tables[t].column_concepts,
                           taxonomy.record_months, period)
            continue
        translation.check(table_columns, usd_rate)
        percent.check(mapped.tables[t].table, {c.index: c for c in table_columns},
                      truncate)
        scale.check(table_columns, usd_rate)
    periods.check(columns, taxonomy, truncate)
    failed_ratios = ratios.check(columns, taxonomy, truncate)
    broken_rolls = rollforward.check(columns, taxonomy, truncate)
    lists.agree_with_labels(columns, taxonomy)
    twice.check(columns, taxonomy)
    borrowed.check(columns, taxonomy)
    for t, table_columns in by_table.items():
        if mapped.tables[t].transposed:
            yoy_rows.check(mapped.tables[t].table, table_columns)
    lists.check(columns, mapped.document.layout)
    unrounded.doubt_loose(columns)
    arithmetic.anchor(columns)
    contradicted.hold(columns)
    scanned.doubt_untested(columns)
    siblings.complete_by_siblings(columns)
    closed.complete_as_read(columns)
    arithmetic.doubt_broken(columns, taxonomy, truncate)
    unread.doubt_broken(columns, taxonomy, truncate)
    unread.hold_doubtful_rows(columns, taxonomy, truncate)
    signs.check(columns, taxonomy, truncate)
    rollforward.doubt_broken(broken_rolls)
    ratios.doubt_failed(failed_ratios)
    misprints.settle(columns, taxonomy, truncate)
    proof = Proof(columns=columns)
    for column in columns:
        for i, (value, correction) in sorted(column.corrected.items()):
            proof.facts.append(_corrected(column.facts[i], value, correction))
        if not column.proven:
            proof.held.extend(h for i, h in enumerate(_held(column, mapped.document.name))
                              if i not in column.corrected)
            continue
        for i, fact in enumerate(column.facts):
            if i in column.corrected:
                continue
            doubt = column.figure_doubt(i)
            if doubt is None:
                proof.facts.append(fact.proven(column.proven_by(i)))
            else:
                proof.held.append(_held_fact(column, fact, "figure", doubt, mapped.document.name))
                if i in column.doubts:
                    proof.witnesses.append(fact)
    return proof


def _corrected(fact: ResultFact, value: Decimal, correction: Correction) -> ResultFact:
    """A misprinted printing filed as the figure it misprints, the correction in its source."""
    source = fact.source.model_copy(update={
        "corrections": (*fact.source.corrections, correction),
        "proven_by": (misprints.CHECK,)})
    return fact.model_copy(update={"value": value, "source": source})


def _held(column: ColumnFacts, document: str) -> list[HeldBack]:
    refuted = column.refutations
    if refuted:
        check, reason = refuted[0].check, refuted[0].detail
    elif column.label is not None:
        check = UNPROVEN
        reason = ("printed inside a row label, " + (
            "dated by the table's columns, not by the label, and printed nowhere else"
            if not column.label.dated_by_label else
            "in OCR text (its words and digits in doubt), and printed nowhere else that agrees"))
    else:
        missing = column.missing()
        check = UNPROVEN
        reason = UNPROVEN_REASON.format(
            missing=missing, rows=_LACKS["rows"] if "rows" in missing else "",
            assignment=_LACKS["assignment"] if "assignment" in missing else "").rstrip("; ")
    return [_held_fact(column, f, check, reason, document) for f in column.facts]


def _held_fact(column: ColumnFacts, f: ResultFact, check: str, reason: str,
               document: str) -> HeldBack:
    return HeldBack(
        document=document, line=f.source.line, text=f.source.text, concept=f.concept,
        period=f.period, dimensions=f.dimensions, unit=f.unit, value=f.value,
        table=f"{column.table.title[:80]} (line {column.table.line})", column=column.header,
        assignment=column.assignment(), check=check, reason=reason,
    )
