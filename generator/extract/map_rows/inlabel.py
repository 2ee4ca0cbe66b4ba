"""Figures printed inside a row's label -> facts of the concepts the taxonomy declares there.

A row of ``AccountsReceivable`` may print "net of allowance for doubtful accounts of JPY 37,178
thousand and JPY 56,787 thousand at March 31, 2010 and September 30, 2010, respectively": the
taxonomy declares (``in_label``) which concept such words name in the label of which row. Each
clause's figures take the dates the label prints for them in the order printed (one figure for
several dates is the figure at each), or, when the label names no date, the dates of the
table's columns in their order. A figure whose words name no declared concept, whose unit does
not fit the concept, or whose count does not fit its dates is listed as unmapped with the
reason; nothing is guessed.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from generator.extract.layout import Row, Table
from generator.extract.map_rows.values import _scale_exponent
from generator.extract.read.inlabel import Clause, Figure, label_figures
from generator.model.concept import DataType
from generator.model.fact import Provenance
from generator.model.period import Instant
from generator.model.results import ResultFact
from generator.model.taxonomy import LabelFigure, Network, Taxonomy
from generator.taxonomy.aliases import AliasIndex
from generator.taxonomy.lookalikes import lookalike_key

MONETARY = (DataType.MONETARY,)


@dataclass(frozen=True)
class LabelStrip:
    """The figures of one concept read from one row's label (the proof stage's unit)."""

    row: Row
    concept: str
    words: str
    dated_by_label: bool  # the label prints the dates (else: the table's columns' dates)


@dataclass
class LabelReading:
    facts: list[tuple[ResultFact, LabelStrip]]
    unmapped: list[tuple[int, str, str]]  # (line, text, reason)


def column_dates(table: Table) -> list[dt.date]:
    """The instants of the table's reported-figure columns, in printed order."""
    out: list[dt.date] = []
    for column in table.columns:
        if column.role == "value" and isinstance(column.period, Instant) and (
            column.period.date not in out
        ):
            out.append(column.period.date)
    return out


def _contains(haystack: str, needle: str) -> int:
    """Where the last whole-word occurrence of ``needle`` ends in ``haystack`` (-1: none)."""
    found = [m.end() for m in re.finditer(rf"(?<![0-9a-z]){re.escape(needle)}(?![0-9a-z])",
                                          haystack)]
    return found[-1] if found else -1


def _phrase_ends(declared: tuple[LabelFigure, ...], key: str, keyed: Callable[[str], str]
                 ) -> dict[str, int]:
    """Per declared concept, where the last of its phrases printed in ``key`` ends."""
    ends: dict[str, int] = {}
    for figure in declared:
        for phrase in figure.phrases:
            at = _contains(key, keyed(phrase))
            if at >= 0:
                ends[figure.concept] = max(ends.get(figure.concept, -1), at)
    return ends


def named_concept(index: AliasIndex, declared: tuple[LabelFigure, ...], words: str
                  ) -> LabelFigure | str:
    """The declared figure the words name: the one whose phrase is printed closest to the
    figures; a reason when none or two at once."""
    key = index.key(words)
    ends = _phrase_ends(declared, key, index.key)
    if not ends:  # "allowance for doubtfu1 accounts": the letters OCR confuses forgiven
        ends = _phrase_ends(declared, lookalike_key(key),
                            lambda phrase: lookalike_key(index.key(phrase)))
    if not ends and index.meanings:  # "Treasury shares—724,582 shares": in other words
        ends = _phrase_ends(declared, index.meanings.key(key),
                            lambda phrase: index.meanings.key(index.key(phrase)))
    if not ends:
        return f"the words '{words}' name none of {', '.join(f.concept for f in declared)}"
    last = max(ends.values())
    chosen = [f for f in declared if ends.get(f.concept) == last]
    if len(chosen) != 1:
        return f"the words '{words}' name {' and '.join(f.concept for f in chosen)} alike"
    return chosen[0]


def _pairs(clause: Clause, dates: list[dt.date]) -> list[tuple[Figure, dt.date]] | str:
    figures = clause.figures
    if len(figures) == len(dates):
        return list(zip(figures, dates, strict=True))
    if len(figures) == 1 and dates:
        return [(figures[0], d) for d in dates]
    return f"{len(figures)} figure(s) for {len(dates)} date(s)"


def read_label(
    taxonomy: Taxonomy, index: AliasIndex, network: Network, table: Table, row: Row,
    concept: str, document: str,
) -> LabelReading:
    """The facts a row's label prints for the concepts declared in the label of ``concept``."""
    out = LabelReading(facts=[], unmapped=[])
    clauses = label_figures(row.label)
    if not clauses:
        return out
    declared = taxonomy.figures_in_label(concept)
    columns = column_dates(table)
    strips: dict[tuple[str, bool], LabelStrip] = {}
    for clause in clauses:
        def unmapped(reason: str, clause: Clause = clause) -> None:
            for figure in clause.figures:
                out.unmapped.append((row.line, figure.text,
                                     f"figure in the label of row '{row.label[:60]}': {reason}"))
        if not declared:
            unmapped(f"the taxonomy declares no figure in the label of {concept}")
            continue
        if clause.doubt is not None:
            unmapped(clause.doubt)
            continue
        named = named_concept(index, declared, clause.words)
        if isinstance(named, str):
            unmapped(named)
            continue
        target = taxonomy.concepts[named.concept]
        if target.data_type is DataType.SHARES and not clause.shares:
            unmapped(f"{named.concept} counts shares, but the figure is an amount")
            continue
        if target.data_type in MONETARY and clause.currency is None:
            unmapped(f"{named.concept} is an amount, but the figure counts shares")
            continue
        if target.data_type not in (DataType.SHARES, *MONETARY):
            unmapped(f"{named.concept} is neither an amount nor a share count")
            continue
        dates = list(clause.dates) or columns
        strange = [d for d in dates if d not in columns]
        if strange:
            unmapped(f"dated {', '.join(map(str, strange))}, none of the table's column dates "
                     f"({', '.join(map(str, columns)) or 'none'})")
            continue
        pairs = _pairs(clause, dates)
        if isinstance(pairs, str):
            unmapped(pairs)
            continue
        by_label = bool(clause.dates)
        strip = strips.setdefault((named.concept, by_label), LabelStrip(
            row=row, concept=named.concept, words=clause.words, dated_by_label=by_label))
        unit = clause.currency if clause.currency else "shares"
        if unit not in taxonomy.units:
            unmapped(f"no unit {unit!r} declared")
            continue
        for figure, day in pairs:
            value = figure.value * clause.scale
            decimals = -_scale_exponent(clause.scale) if clause.currency else 0
            out.facts.append((ResultFact(
                concept=named.concept, period=Instant(date=day),
                dimensions=dict(network.dimensions), unit=unit,
                value=value.quantize(Decimal(1)) if value == value.to_integral_value() else value,
                decimals=decimals,
                source=Provenance(document=document, line=row.line, text=figure.text,
                                  table=network.id),
            ), strip))
    return out
