"""Inconsistent duplicate facts: same concept, c-equal context, u-equal unit and language.

Why a separate pass: duplicates matter for every fact, not only those in calculations. Numeric
duplicates are consistent when they agree once rounded to the least precise decimals among them.
"""

from __future__ import annotations

from decimal import ROUND_HALF_EVEN, Decimal

from generator.validate.findings import Finding, Severity
from generator.validate.instance import Context, Fact, Unit
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


class DuplicateCollector:
    """Groups facts by (concept, c-equal context, u-equal unit, language) while streaming."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.first: dict[tuple[str, int, int, str | None], Fact] = {}
        self.more: dict[tuple[str, int, int, str | None], list[Fact]] = {}
        self.numeric: dict[str, bool] = {}

    def add(self, fact: Fact, concept: Concept, ctx: Context | None, unit: Unit | None) -> None:
        """Remember the first fact per key; keep the rest only when a key repeats."""
        if fact.nil or fact.in_tuple or ctx is None:
            return
        key = (fact.concept, ctx.cls, unit.cls if unit is not None else -1, fact.lang)
        first = self.first.get(key)
        if first is None:
            self.first[key] = fact
            return
        self.numeric[fact.concept] = concept.numeric
        group = self.more.get(key)
        if group is None:
            self.more[key] = [first, fact]
        else:
            group.append(fact)

    def finish(self) -> list[Finding]:
        """Report each set of inconsistent duplicates once, at its first fact."""
        out: list[Finding] = []
        for key, facts in self.more.items():
            concept = key[0]
            if _consistent(facts, self.numeric[concept]):
                continue
            first = facts[0]
            shown = ", ".join(f.text.strip()[:40] for f in facts[:5])
            out.append(Finding(
                code="arelle:duplicateFacts", severity=Severity.inconsistency,
                message=f"{short(concept)} is reported {len(facts)} times for context "
                f"{first.context_ref} with different values ({shown}). Keep one value.",
                file=self.file, line=first.line, fact_id=first.id, concept=short(concept),
                context_id=first.context_ref))
        return out
