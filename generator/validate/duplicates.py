"""Inconsistent duplicate facts: same concept, c-equal context, u-equal unit and language.

Why a separate pass: duplicates matter for every fact, not only those in calculations. Numeric
duplicates are consistent when they agree once rounded to the least precise decimals among them.
"""

from __future__ import annotations

from collections import defaultdict
from decimal import ROUND_HALF_EVEN, Decimal

from generator.validate.findings import Finding, Severity
from generator.validate.instance import Fact, Instance
from generator.validate.taxonomy import Concept
from generator.validate.xbrl21 import short


def _consistent(facts: list[Fact], numeric: bool) -> bool:
    if not numeric:
        return len({f.text.strip() for f in facts}) == 1
    values = [f for f in facts if f.value is not None]
    if len(values) < 2:
        return True
    finite = [f.dec for f in values if f.dec is not None]
    if not finite:
        return len({f.value for f in values}) == 1
    least = min(finite)
    quantum = Decimal(1).scaleb(-int(least))
    rounded = {
        f.value.quantize(quantum, rounding=ROUND_HALF_EVEN) if f.value is not None else None
        for f in values
    }
    return len(rounded) == 1


def check(inst: Instance, concepts: dict[str, Concept]) -> list[Finding]:
    """Report each set of inconsistent duplicates once, at its first fact."""
    groups: dict[tuple[str, object, object, str | None], list[Fact]] = defaultdict(list)
    contexts, units = inst.contexts, inst.units
    for fact in inst.facts:
        if fact.nil or fact.in_tuple or fact.context_ref is None:
            continue
        ctx = contexts.get(fact.context_ref)
        if ctx is None:
            continue
        unit = units.get(fact.unit_ref) if fact.unit_ref else None
        groups[(fact.concept, ctx.key, unit.key if unit else None, fact.lang)].append(fact)
    out: list[Finding] = []
    for (concept, _, _, _), facts in groups.items():
        if len(facts) < 2:
            continue
        c = concepts.get(concept)
        if c is None or c.kind != "item" or _consistent(facts, c.numeric):
            continue
        first = facts[0]
        shown = ", ".join(f.text.strip()[:40] for f in facts[:5])
        out.append(Finding(
            code="arelle:duplicateFacts", severity=Severity.inconsistency,
            message=f"{short(concept)} is reported {len(facts)} times for context "
            f"{first.context_ref} with different values ({shown}). Keep one value.",
            file=inst.file, line=first.line, fact_id=first.id, concept=short(concept),
            context_id=first.context_ref))
    return out
