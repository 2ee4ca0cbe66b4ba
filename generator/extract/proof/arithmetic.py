"""Arithmetic evidence: the printed parts of a column add up to its printed totals.

Sums are checked within one column only, so they prove that the column's cells sit in the rows
their labels say (a cell shifted into a neighbouring column or row breaks them) and that the
column's figures share one sign convention and scale. A sum with fewer than two printed parts
proves nothing; a sum whose parts are not all printed cannot refute (the source may simply not
print a line). One broken sum is left to the cross-checks (a source's own misprint); several,
outnumbering the sums that hold, refute the column.
"""

from __future__ import annotations

from decimal import Decimal

from generator.extract.crosscheck import ContextKey, Terms, filed_concept
from generator.extract.precision import half_unit
from generator.extract.proof.columns import ROWS, ColumnFacts
from generator.model.results import ResultFact
from generator.model.taxonomy import Taxonomy

CHECK = "arithmetic"


def _by_context(column: ColumnFacts, taxonomy: Taxonomy) -> dict[ContextKey, dict[str, ResultFact]]:
    out: dict[ContextKey, dict[str, ResultFact]] = {}
    for fact in column.facts:
        ctx = (str(fact.period), tuple(sorted(fact.dimensions.items())), fact.unit)
        out.setdefault(ctx, {}).setdefault(filed_concept(fact, taxonomy), fact)
    return out


def check(column: ColumnFacts, sums: list[tuple[str, Terms]], taxonomy: Taxonomy,
          truncate: bool) -> None:
    """Confirm a column whose sums hold; refute one whose complete sums mostly break."""
    holds: list[str] = []
    breaks: list[str] = []
    for facts in _by_context(column, taxonomy).values():
        for parent, terms in sums:
            total = facts.get(parent)
            if total is None or total.value is None:
                continue
            parts = [(facts[c], w) for c, w in terms if c in facts]
            numeric = [(f, w) for f, w in parts if f.value is not None]
            if len(numeric) < 2:
                continue
            computed = sum(((f.value or Decimal(0)) * w for f, w in numeric), Decimal(0))
            tolerance = half_unit(total, truncate) + sum(
                (half_unit(f, truncate) for f, _ in numeric), Decimal(0))
            what = f"{parent} {total.source.text} (line {total.source.line})"
            if abs(total.value - computed) <= tolerance:
                holds.append(what)
                for fact in (total, *(f for f, _ in numeric)):
                    column.confirm_fact(fact)
            elif len(parts) == len(terms):
                breaks.append(f"{what} vs its parts' {computed}")
    if holds:
        column.confirm(CHECK, f"{len(holds)} printed total(s) equal their printed parts: "
                              + "; ".join(holds[:3]), ROWS)
    if len(breaks) >= 2 and len(breaks) > len(holds):
        column.refute(CHECK, f"{len(breaks)} printed totals disagree with their printed parts "
                             f"({len(holds)} agree): " + "; ".join(breaks[:3]))
