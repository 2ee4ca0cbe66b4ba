"""Inconsistent duplicate facts: same concept, c-equal context, u-equal unit and language.

Why a separate pass: duplicates matter for every fact, not only those in calculations. Numeric
duplicates are consistent when they agree once rounded to the least precise decimals among them.

Why a fact table: while streaming, each fact leaves only a compact row (``FactTable``); the
duplicate groups are found at the end one c-equal context class at a time, so no dictionary keyed
per fact lives across the whole file. Non-numeric values are compared by a 64-bit digest of their
stripped text (and its length), so long text blocks are not kept.
"""

from __future__ import annotations

from decimal import ROUND_HALF_EVEN, Decimal

from generator.validate.facttable import DUP, NUMERIC, FactTable
from generator.validate.findings import Finding, Severity
from generator.validate.instance import Context, Fact, Unit
from generator.validate.taxonomy import Concept
from generator.validate.xbrl21 import short


def _consistent(table: FactTable, rows: list[int]) -> bool:
    if not table.flags[rows[0]] & NUMERIC:
        return len({table.digest[row] for row in rows}) == 1
    values = [(v, table.decimals_of(row)) for row in rows
              if (v := table.value(row)) is not None]
    if len(values) < 2:
        return True
    finite = [dec for _, dec in values if dec is not None]
    if not finite:
        return len({v for v, _ in values}) == 1
    least = min(finite)
    quantum = Decimal(1).scaleb(-least)
    rounded = {v.quantize(quantum, rounding=ROUND_HALF_EVEN) for v, _ in values}
    return len(rounded) == 1


#: Facts whose key hashes are kept (~60 bytes each) before finish() groups the rows instead.
_KEYS_MAX = 1 << 17
#: Facts whose rows may wait (the Fact objects kept, ~300 bytes each) with ``defer_rows``.
_DEFER_MAX = 1 << 15


class DuplicateCollector:
    """Groups facts by (concept, c-equal context, u-equal unit, language) at the end of the stream.

    ``table`` may be shared with the calculation collector, so a fact both need is one row.
    ``defer_rows`` (only for a table of its own): the first facts' rows are made only once two
    facts share a key — most files have no duplicates, and then they are never made. They are
    made in the facts' order either way, so the table is the same as without deferring.
    """

    def __init__(self, file: str, table: FactTable | None = None,
                 severity: Severity = Severity.inconsistency, defer_rows: bool = False) -> None:
        self.file = file
        self.table = table if table is not None else FactTable()
        self.severity = severity
        # Hashes of each fact's grouping key while no two agree: then no fact has a duplicate
        # and finish() has nothing to group. None once two agree (a duplicate, or a collision
        # of hashes: the grouping pass decides) or the set is full (memory stays bounded).
        self._keys: set[int] | None = set()
        # Facts whose rows wait, while the keys say no duplicate yet; None: rows made at once.
        self._waiting: list[tuple[Fact, Context, Unit | None, bool]] | None = (
            [] if defer_rows else None)

    def add(self, fact: Fact, concept: Concept, ctx: Context | None, unit: Unit | None) -> None:
        """Keep a compact row for every fact that can have a duplicate."""
        if fact.nil or fact.tuples or ctx is None:  # tuples: not at the top level
            return
        keys = self._keys
        if keys is not None:
            # finish()'s grouping: c-equal class, then concept, u-equal class and language
            key = hash((ctx.cls, fact.concept, unit.cls if unit is not None else -1, fact.lang))
            if key in keys or len(keys) >= _KEYS_MAX:
                self._keys = None
            else:
                keys.add(key)
        waiting = self._waiting
        if waiting is not None:
            if self._keys is not None and len(waiting) < _DEFER_MAX:
                waiting.append((fact, ctx, unit, concept.numeric))
                return
            self._waiting = None  # rows from now on, the waiting ones first
            for args in waiting:
                self._row(*args)
        self._row(fact, ctx, unit, concept.numeric)

    def _row(self, fact: Fact, ctx: Context, unit: Unit | None, numeric: bool) -> None:
        table = self.table
        table.flags[table.row_of(fact, ctx, unit, numeric)] |= DUP

    def finish(self) -> list[Finding]:
        """Report each set of inconsistent duplicates once, at its first fact.

        Order as the facts came: a set is reported where its second fact was read.
        """
        if self._keys is not None:
            return []  # every fact's key differs from every other's: no duplicates
        table = self.table
        flags, concepts, units, langs = table.flags, table.concept, table.unit, table.lang
        found: list[tuple[int, list[int]]] = []
        for rows in table.buckets():
            if len(rows) < 2:
                continue
            groups: dict[tuple[int, int, int], list[int]] = {}
            for row in rows:
                if flags[row] & DUP:
                    groups.setdefault((concepts[row], units[row], langs[row]), []).append(row)
            if len(groups) < len(rows):
                found.extend((g[1], g) for g in groups.values() if len(g) > 1)
        out: list[Finding] = []
        for _, rows_ in sorted(found):
            if _consistent(table, rows_):
                continue
            first = table.fact(rows_[0])
            shown = ", ".join((table.text[row] or "").strip()[:40] for row in rows_[:5])
            concept = first.concept
            out.append(Finding(
                code="arelle:duplicateFacts", severity=self.severity,
                message=f"{short(concept)} is reported {len(rows_)} times for context "
                f"{first.context_ref} with different values ({shown}). Keep one value.",
                file=self.file, line=first.line, fact_id=first.id, concept=short(concept),
                context_id=first.context_ref))
        return out
