"""Settle a filing's arithmetic before it is generated (Calculation 1.1, the company's mode).

A sum binds wherever its total and one of its parts are reported. When a printed total disagrees
with its printed parts, the filing must not carry both as if they agreed:
- if another source printed the total differently and that reading agrees with the parts, the
  filing uses it, and the fact's provenance records the correction and its evidence;
- otherwise the total is withheld from the filing and reported (value, source, why), so nothing
  is silently dropped and no number is invented. This happens when a release's total does not
  add up (a misprint), or when the parts it would be checked against are not all reported (an
  OCR scan lost a line, a summary prints revenues and operating income but no costs).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Literal

from pydantic import BaseModel, ConfigDict

from generator.model.fact import Correction, Fact, Provenance
from generator.model.results import ResultFact
from generator.model.taxonomy import Taxonomy

Mode = Literal["rounding", "truncation"]
Interval = tuple[Decimal, Decimal]
Key = tuple[str, str, str | None]  # concept, context id, unit id


class Withheld(BaseModel):
    """A printed figure left out of a filing because its arithmetic does not hold."""

    model_config = ConfigDict(frozen=True)
    filing: str
    concept: str
    context: str
    unit: str | None
    value: Decimal
    decimals: int | None
    source: Provenance
    reason: str

    def __str__(self) -> str:
        return (
            f"withheld {self.concept} = {self.value} ({self.context}, {self.unit}) read at "
            f"{self.source} from {self.filing}: {self.reason}"
        )


def interval(value: Decimal, decimals: int | None, mode: Mode) -> Interval:
    """The true values a reported figure can stand for (Calculation 1.1, section 4)."""
    if decimals is None:
        return value, value
    unit = Decimal(1).scaleb(-decimals)
    if mode == "rounding":
        return value - unit / 2, value + unit / 2
    if value > 0:
        return value, value + unit
    if value < 0:
        return value - unit, value
    return -unit, unit


def weighted_sum(parts: list[tuple[Interval, Decimal]]) -> Interval:
    """The interval of sum(weight * part): a negative weight swaps the part's ends."""
    low = high = Decimal(0)
    for (a, b), weight in parts:
        low, high = (
            (low + a * weight, high + b * weight)
            if weight > 0
            else (low + b * weight, high + a * weight)
        )
    return low, high


def consistent(total: Interval, parts: list[tuple[Interval, Decimal]], mode: Mode) -> bool:
    """Calculation 1.1: the total's interval meets the weighted sum of its parts' intervals."""
    low, high = weighted_sum(parts)
    if mode == "rounding" or total[0] == total[1]:
        return total[0] <= high and low <= total[1]
    return total[0] < high and low < total[1]


@dataclass
class _Binding:
    network: str
    total: Key
    parts: list[tuple[Key, Decimal]]
    missing: list[str]


class Settler:
    """Checks every binding of a filing's facts and resolves the inconsistent ones."""

    def __init__(
        self,
        filing: str,
        facts: list[Fact],
        alternatives: dict[Key, list[ResultFact]],
        taxonomy: Taxonomy,
        mode: Mode,
    ) -> None:
        self.filing = filing
        self.mode = mode
        self.alternatives = alternatives
        self.facts: dict[Key, Fact] = {
            (f.concept, f.context_ref, f.unit_ref): f for f in facts if f.value is not None
        }
        self.sums = [
            (net.id, parent, terms)
            for net in taxonomy.networks
            for parent, terms in _sums(net.calculations).items()
        ]
        self.withheld: list[Withheld] = []
        self.replaced: set[Key] = set()

    def _interval(self, key: Key) -> Interval:
        fact = self.facts[key]
        assert fact.value is not None
        return interval(fact.value, fact.decimals, self.mode)

    def _bindings(self) -> list[_Binding]:
        by_concept: dict[str, list[Key]] = defaultdict(list)
        for key in self.facts:
            by_concept[key[0]].append(key)
        found = []
        for network, parent, terms in self.sums:
            for total in by_concept.get(parent, []):
                _, context, unit = total
                parts = [
                    ((c, context, unit), w) for c, w in terms if (c, context, unit) in self.facts
                ]
                if parts:
                    missing = [c for c, _ in terms if (c, context, unit) not in self.facts]
                    found.append(_Binding(network, total, parts, missing))
        return found

    def _holds(self, binding: _Binding) -> bool:
        parts = [(self._interval(k), w) for k, w in binding.parts]
        return consistent(self._interval(binding.total), parts, self.mode)

    def _try_alternative(self, binding: _Binding) -> bool:
        key = binding.total
        if key in self.replaced:
            return False
        current = self.facts[key]
        parts = [(self._interval(k), w) for k, w in binding.parts]
        for alt in self.alternatives.get(key, []):
            if alt.value is None or not consistent(
                interval(alt.value, alt.decimals, self.mode), parts, self.mode
            ):
                continue
            correction = Correction(
                printed=current.provenance.text or format(current.value, "f"),
                corrected=alt.value,
                reason=(
                    f"the figure read at {current.provenance} disagrees with its parts in "
                    f"{binding.network}; the reading at {alt.source} agrees with them"
                ),
                evidence=(
                    str(alt.source),
                    *(str(self.facts[k].provenance) for k, _ in binding.parts),
                ),
            )
            source = alt.source.model_copy(
                update={
                    "corrections": (*alt.source.corrections, correction),
                    "also_in": tuple(
                        dict.fromkeys([*current.provenance.also_in, str(current.provenance)])
                    ),
                }
            )
            self.facts[key] = replace(
                current, value=alt.value, decimals=alt.decimals, provenance=source
            )
            self.replaced.add(key)
            return True
        return False

    def _withhold(self, binding: _Binding) -> None:
        fact = self.facts.pop(binding.total)
        assert fact.value is not None
        low, high = weighted_sum([(self._interval(k), w) for k, w in binding.parts])
        why = f"its parts in {binding.network} add up to [{low}, {high}]"
        if binding.missing:
            why += f"; not reported: {', '.join(binding.missing)}"
        self.withheld.append(
            Withheld(
                filing=self.filing,
                concept=fact.concept,
                context=fact.context_ref,
                unit=fact.unit_ref,
                value=fact.value,
                decimals=fact.decimals,
                source=fact.provenance,
                reason=why,
            )
        )

    def settle(self) -> None:
        """Each round: correct what another source can correct; only if nothing could be,
        withhold the totals that still disagree, then look again (a withheld total may have
        been a part of another sum)."""
        for _ in range(len(self.facts) + 1):
            broken = [b for b in self._bindings() if not self._holds(b)]
            if not broken:
                return
            if any(self._try_alternative(b) for b in broken):
                continue
            for binding in broken:
                stale = any(k not in self.facts for k, _ in binding.parts)
                if binding.total in self.facts and not stale and not self._holds(binding):
                    self._withhold(binding)


def _sums(arcs: tuple[object, ...]) -> dict[str, list[tuple[str, Decimal]]]:
    out: dict[str, list[tuple[str, Decimal]]] = defaultdict(list)
    for arc in arcs:
        out[arc.parent].append((arc.child, arc.weight))  # type: ignore[attr-defined]
    return out


def settle(
    filing: str,
    facts: list[Fact],
    alternatives: dict[Key, list[ResultFact]],
    taxonomy: Taxonomy,
    mode: Mode,
) -> tuple[list[Fact], list[Withheld]]:
    """The facts to file, in their order, and the figures withheld from them."""
    settler = Settler(filing, facts, alternatives, taxonomy, mode)
    settler.settle()
    kept = []
    for fact in facts:
        key = (fact.concept, fact.context_ref, fact.unit_ref)
        if fact.value is None:
            kept.append(fact)
        elif key in settler.facts:
            kept.append(settler.facts[key])
    return kept, settler.withheld
