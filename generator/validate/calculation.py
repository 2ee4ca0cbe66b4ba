"""Calculation 1.1 (rounding and truncation) plus the XBRL 2.1 balance/weight rule.

Why intervals: Calculation 1.1 treats each reported value as the interval of true values it could
stand for (half a unit of ``decimals`` either side when rounded, one unit above/below when
truncated); a summation is consistent when the parent's interval meets the weighted sum of the
children's. Exact Decimal arithmetic throughout, never float.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Literal

from generator.validate.dts import Dts
from generator.validate.findings import Finding, Severity
from generator.validate.instance import Context, Fact, Unit
from generator.validate.taxonomy import Concept
from generator.validate.xbrl21 import short

SUMMATION = "http://www.xbrl.org/2003/arcrole/summation-item"
CalcMode = Literal["rounding", "truncation"]
_HALF = Decimal("0.5")
_ZERO = Decimal(0)


@dataclass
class CalcModel:
    """Summation networks: (ELR, parent) -> [(child, weight)], plus taxonomy-level findings."""

    networks: dict[tuple[str, str], list[tuple[str, Decimal]]] = field(default_factory=dict)
    concepts: set[str] = field(default_factory=set)
    findings: list[Finding] = field(default_factory=list)


def build_model(dts: Dts, concepts: dict[str, Concept]) -> CalcModel:
    """Collect summation-item arcs and flag weights that contradict the concepts' balances."""
    model = CalcModel()
    for rel in dts.relationships:
        if rel.arcrole != SUMMATION:
            continue
        try:
            weight = Decimal(rel.weight or "1")
        except InvalidOperation:
            continue
        model.networks.setdefault((rel.elr, rel.source), []).append((rel.target, weight))
        model.concepts.update((rel.source, rel.target))
        parent, child = concepts.get(rel.source), concepts.get(rel.target)
        if parent and child and parent.balance and child.balance and weight:
            same = parent.balance == child.balance
            if same == (weight < 0):
                code = ("xbrl.5.1.1.2:balanceCalcWeightIllegalNegative" if same
                        else "xbrl.5.1.1.2:balanceCalcWeightIllegalPositive")
                model.findings.append(Finding(
                    code=code, severity=Severity.error,
                    message=f"Calculation arc {short(rel.source)} ({parent.balance}) -> "
                    f"{short(rel.target)} ({child.balance}) has weight {weight}; items of "
                    f"{'the same' if same else 'opposite'} balance need weight "
                    f"{'+1' if same else '-1'}. Fix the weight or the balance attribute.",
                    file=rel.file, line=rel.line, concept=short(rel.source)))
    return model


_QUANTA: dict[int, Decimal] = {}
_HALVES: dict[int, Decimal] = {}


def _quantum(dec: int) -> Decimal:
    """10**-decimals, cached: one Decimal per distinct decimals value."""
    q = _QUANTA.get(dec)
    if q is None:
        q = _QUANTA[dec] = Decimal(1).scaleb(-dec)
    return q


def _interval(fact: Fact, mode: CalcMode) -> tuple[Decimal, Decimal]:
    assert fact.value is not None
    v = fact.value
    if fact.dec is None:
        return v, v
    if mode == "rounding":
        half = _HALVES.get(fact.dec)
        if half is None:
            half = _HALVES[fact.dec] = _quantum(fact.dec) * _HALF
        return v - half, v + half
    unit = _quantum(fact.dec)
    if v > 0:
        return v, v + unit
    if v < 0:
        return v - unit, v
    return -unit, unit


def _excess(fact: Fact) -> bool:
    dec = fact.dec
    if fact.value is None or dec is None:
        return False
    if dec < 0:
        # Fast path for the common case (e.g. millions): enough trailing zeros, no fraction.
        text = fact.text.strip()
        if "." not in text and "e" not in text.lower() and text.endswith("0" * -dec):
            return False
    return fact.value % _quantum(dec) != 0


class CalcCollector:
    """Collects the facts that take part in summations while streaming, then checks them."""

    def __init__(self, file: str, model: CalcModel, mode: CalcMode = "rounding") -> None:
        self.file = file
        self.model = model
        self.mode = mode
        self.findings: list[Finding] = []
        # One Fact per binding key, a list only when duplicates occur (memory at 100k+ facts).
        self.groups: dict[tuple[str, int, int], Fact | list[Fact]] = {}
        self.excess: set[tuple[str, int, int]] = set()

    def add(self, fact: Fact, ctx: Context | None, unit: Unit | None) -> None:
        """Bind one fact (after FactRules parsed its value) by c-equal context and u-equal unit."""
        if (fact.concept not in self.model.concepts or fact.value is None or ctx is None
                or unit is None or fact.in_tuple or (fact.dec is None and fact.decimals != "INF")):
            return
        key = (fact.concept, ctx.cls, unit.cls)
        if _excess(fact):
            self.excess.add(key)
            self.findings.append(Finding(
                code="calc11e:excessDigits", severity=Severity.inconsistency,
                message=f"{short(fact.concept)} = {fact.value} has digits below its decimals "
                f"({fact.decimals}); round the value or raise decimals. Calculations using it "
                "are not checked.",
                file=self.file, line=fact.line, fact_id=fact.id,
                concept=short(fact.concept), context_id=fact.context_ref))
        group = self.groups.get(key)
        if group is None:
            self.groups[key] = fact
        elif isinstance(group, list):
            group.append(fact)
        else:
            self.groups[key] = [group, fact]

    def _interval(self, key: tuple[str, int, int]) -> tuple[Decimal, Decimal] | None:
        if key in self.excess:
            return None
        group = self.groups[key]
        if isinstance(group, list):
            return _merged(group, self.mode)
        return _interval(group, self.mode)

    def finish(self) -> list[Finding]:
        """Test every summation binding; returns all calculation findings."""
        mode, groups = self.mode, self.groups
        if not self.model.networks:
            return self.findings
        code = ("calc11e:inconsistentCalculationUsingRounding" if mode == "rounding"
                else "calc11e:inconsistentCalculationUsingTruncation")
        bindings: dict[str, list[tuple[int, int]]] = defaultdict(list)
        for concept, c, u in groups:
            bindings[concept].append((c, u))
        if mode == "rounding":
            self._finish_rounding(bindings, code)
            return self.findings
        for (elr, parent), children in self.model.networks.items():
            for c, u in bindings.get(parent, []):
                pint = self._interval((parent, c, u))
                if pint is None:
                    continue
                lo = hi = _ZERO
                bound = skip = False
                for child, weight in children:
                    ckey = (child, c, u)
                    if ckey not in groups:
                        continue
                    cint = self._interval(ckey)
                    if cint is None:
                        skip = True
                        break
                    bound = True
                    if weight == 1:
                        lo, hi = lo + cint[0], hi + cint[1]
                    else:
                        a, b = cint[0] * weight, cint[1] * weight
                        lo, hi = lo + min(a, b), hi + max(a, b)
                if skip or not bound or _overlaps((lo, hi), pint, mode):
                    continue
                self._report(code, elr, parent, (c, u), lo, hi)
        return self.findings

    def _report(self, code: str, elr: str, parent: str, cu: tuple[int, int], lo: Decimal,
                hi: Decimal) -> None:
        found = self.groups[(parent, *cu)]
        pf = found[0] if isinstance(found, list) else found
        self.findings.append(Finding(
            code=code, severity=Severity.inconsistency,
            message=f"{short(parent)} = {pf.value} (decimals {pf.decimals}) does not "
            f"match the sum of its children, which lies in [{lo.normalize():f}, "
            f"{hi.normalize():f}] ({self.mode}); ELR {elr}. Check the children's values or "
            "the calculation weights.",
            file=self.file, line=pf.line, fact_id=pf.id, concept=short(parent),
            context_id=pf.context_ref))

    def _center(self, key: tuple[str, int, int]) -> tuple[Decimal, Decimal] | None:
        """Rounding interval as (centre, radius); None when unusable (excess digits, clash)."""
        if key in self.excess:
            return None
        group = self.groups[key]
        if isinstance(group, list):
            merged = _merged(group, "rounding")
            if merged is None:
                return None
            return (merged[0] + merged[1]) / 2, (merged[1] - merged[0]) / 2
        assert group.value is not None
        dec = group.dec
        if dec is None:
            return group.value, _ZERO
        half = _HALVES.get(dec)
        if half is None:
            half = _HALVES[dec] = _quantum(dec) * _HALF
        return group.value, half

    def _finish_rounding(self, bindings: dict[str, list[tuple[int, int]]], code: str) -> None:
        """Rounding mode in centre/radius form: consistent when |sum - parent| <= radii."""
        groups = self.groups
        centers: dict[tuple[str, int, int], tuple[Decimal, Decimal] | None] = {}
        for (elr, parent), children in self.model.networks.items():
            for c, u in bindings.get(parent, []):
                pkey = (parent, c, u)
                pc = centers[pkey] if pkey in centers else centers.setdefault(
                    pkey, self._center(pkey))
                if pc is None:
                    continue
                total = slack = _ZERO
                bound = skip = False
                for child, weight in children:
                    ckey = (child, c, u)
                    if ckey not in groups:
                        continue
                    cc = centers[ckey] if ckey in centers else centers.setdefault(
                        ckey, self._center(ckey))
                    if cc is None:
                        skip = True
                        break
                    bound = True
                    if weight == 1:
                        total += cc[0]
                        slack += cc[1]
                    elif weight == -1:
                        total -= cc[0]
                        slack += cc[1]
                    else:
                        total += weight * cc[0]
                        slack += abs(weight) * cc[1]
                if skip or not bound or abs(total - pc[0]) <= slack + pc[1]:
                    continue
                self._report(code, elr, parent, (c, u), total - slack, total + slack)


def _merged(facts: list[Fact], mode: CalcMode) -> tuple[Decimal, Decimal] | None:
    """Intersection of duplicate facts' intervals; None when they are inconsistent."""
    lo, hi = _interval(facts[0], mode)
    for fact in facts[1:]:
        a, b = _interval(fact, mode)
        lo, hi = max(lo, a), min(hi, b)
    return (lo, hi) if lo <= hi else None


def _overlaps(a: tuple[Decimal, Decimal], b: tuple[Decimal, Decimal], mode: CalcMode) -> bool:
    if mode == "rounding" or a[0] == a[1] or b[0] == b[1]:
        return a[0] <= b[1] and b[0] <= a[1]
    return a[0] < b[1] and b[0] < a[1]
