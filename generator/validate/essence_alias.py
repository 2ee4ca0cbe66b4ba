"""Essence-alias consistency (XBRL 2.1 5.2.6.2.2), at the top level and inside tuples.

Why its own collector: the rule binds an essence item and its alias only when they are c-equal
and have the same parent (siblings at the top level or in one tuple; testcases 392 V-8, V-17),
and it concerns the few concepts the DTS names in essence-alias arcs. So it keeps just those
facts, grouped by (parent, c-equal context, language), not a row for every fact.
"""

from __future__ import annotations

from decimal import ROUND_HALF_EVEN, Decimal

from generator.validate.findings import Finding, Severity
from generator.validate.instance import Context, Fact, Unit
from generator.validate.taxonomy import Concept
from generator.validate.xbrl21 import short

Kept = tuple[Fact, int, bool]  # (fact, u-equal class or -1, numeric)


def _v_equal(kept: list[Kept]) -> bool:
    """One value among the facts: numbers equal once rounded to the least decimals among them
    (exactly, when none states finite decimals), other values equal as trimmed text."""
    if not kept[0][2]:
        return len({fact.text.strip() for fact, _, _ in kept}) == 1
    values = [(fact.value, fact.dec) for fact, _, _ in kept if fact.value is not None]
    finite = [dec for _, dec in values if dec is not None]
    if not finite:
        return len({v for v, _ in values}) <= 1
    quantum = Decimal(1).scaleb(-min(finite))
    return len({v.quantize(quantum, rounding=ROUND_HALF_EVEN) for v, _ in values}) <= 1


class EssenceAliasCollector:
    """Keeps the non-nil facts of essence-alias concepts, then compares each bound pair."""

    def __init__(self, file: str, pairs: tuple[tuple[str, str], ...]) -> None:
        self.file = file
        self.pairs = pairs  # (essence, alias) concepts
        self.concepts = frozenset(c for pair in pairs for c in pair)
        self.scopes: dict[tuple[int, int, str | None], dict[str, list[Kept]]] = {}

    def add(self, fact: Fact, concept: Concept, ctx: Context | None, unit: Unit | None) -> None:
        """Keep a fact of an essence or alias concept (after FactRules parsed its value)."""
        if fact.concept not in self.concepts or fact.nil or ctx is None:
            return
        scope = self.scopes.setdefault((fact.parent, ctx.cls, fact.lang), {})
        scope.setdefault(fact.concept, []).append(
            (fact, unit.cls if unit is not None else -1, concept.numeric))

    def finish(self) -> list[Finding]:
        """An error per essence and alias, in one scope, with different values or units."""
        found: list[tuple[int, Finding]] = []
        for scope in self.scopes.values():
            for essence, alias in self.pairs:
                essences, aliases = scope.get(essence), scope.get(alias)
                if not essences or not aliases:
                    continue
                kept = essences + aliases
                units = {u for _, u, _ in kept}
                if len(units) == 1 and _v_equal(kept):
                    continue
                first, last = essences[0][0], aliases[-1][0]
                what = "units" if len(units) > 1 else (
                    f"values ({first.text.strip()[:40]} vs {last.text.strip()[:40]})")
                found.append((aliases[0][0].line or 0, Finding(
                    code="xbrl.5.2.6.2.2:essenceAliasInconsistency", severity=Severity.error,
                    message=f"{short(essence)} and its alias {short(alias)} have different "
                    f"{what} in context {first.context_ref}; an essence-alias pair reports one "
                    "value in one unit.", file=self.file, line=last.line, fact_id=last.id,
                    concept=short(alias), context_id=last.context_ref)))
        found.sort(key=lambda item: item[0])
        return [f for _, f in found]
