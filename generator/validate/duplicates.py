"""Inconsistent duplicate facts: same concept, c-equal context, u-equal unit and language.

Why a separate pass: duplicates matter for every fact, not only those in calculations. Numeric
duplicates are consistent when they agree once rounded to the least precise decimals among them.
"""

from __future__ import annotations

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
    quantum = Decimal(1).scaleb(-least)
    rounded = {
        f.value.quantize(quantum, rounding=ROUND_HALF_EVEN) if f.value is not None else None
        for f in values
    }
    return len(rounded) == 1


def check(inst: Instance, concepts: dict[str, Concept]) -> list[Finding]:
    """Report each set of inconsistent duplicates once, at its first fact."""
    groups: dict[tuple[str, int, int, str | None], list[Fact]] = {}
    cclass, uclass = inst.classes()
    for fact in inst.facts:
        if fact.nil or fact.in_tuple:
            continue
        c = cclass.get(fact.context_ref or "")
        if c is None:
            continue
        key = (fact.concept, c, uclass.get(fact.unit_ref or "", -1), fact.lang)
        group = groups.get(key)
        if group is None:
            groups[key] = [fact]
        else:
            group.append(fact)
    out: list[Finding] = []
    for (concept, _, _, _), facts in groups.items():
        if len(facts) < 2:
            continue
        model = concepts.get(concept)
        if model is None or model.kind != "item" or _consistent(facts, model.numeric):
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
