"""Settle a filing's arithmetic before it is generated (Calculation 1.1, the company's mode).

A sum binds wherever its total and one of its parts are reported. When a printed total disagrees
with its printed parts:
- if another source printed the total differently and that reading agrees with the parts, the
  filing uses it, and the fact's provenance records the correction and its evidence;
- otherwise the total is kept as printed and the disagreement is recorded as a
  :class:`SourceInconsistency` (value, source, the parts' sum, the parts not reported), so no
  printed figure is dropped and no number is invented. This happens when a release's own figures
  do not add up (a misprint, a total computed from rounded parts), or when the parts it would be
  checked against are not all legible (an OCR scan lost a line's figures). Validation then finds
  exactly these inconsistencies, and the build tells them apart from its own mistakes.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Literal

from pydantic import BaseModel, ConfigDict, computed_field

from generator.extract.precision import edit_distance
from generator.model.fact import Correction, Fact, Provenance
from generator.model.results import ResultFact
from generator.model.taxonomy import Taxonomy

Mode = Literal["rounding", "truncation"]
Interval = tuple[Decimal, Decimal]
Key = tuple[str, str, str | None]  # concept, context id, unit id


class SourceInconsistency(BaseModel):
    """A printed total filed as printed although its printed parts do not add up to it."""

    model_config = ConfigDict(frozen=True)
    filing: str
    network: str
    concept: str
    context: str
    unit: str | None
    value: Decimal
    decimals: int | None
    source: Provenance
    parts_sum: tuple[Decimal, Decimal]
    parts: tuple[str, ...]
    missing: tuple[str, ...] = ()
    # The proof, as printed: the total's line and each reported part's line of the release
    # ("document:line: text"), side by side, when the build had the release's text.
    printed: tuple[str, ...] = ()

    @computed_field  # type: ignore[prop-decorator]
    @property
    def cause(self) -> str:
        if self.missing:
            return f"parts not reported (not printed, or not legible): {', '.join(self.missing)}"
        return "every part is reported: the printed figures themselves disagree"

    def __str__(self) -> str:
        low, high = self.parts_sum
        return (
            f"kept as printed: {self.concept} = {self.value} ({self.context}, {self.unit}) read "
            f"at {self.source} in {self.filing}: its parts in {self.network} add up to "
            f"[{low}, {high}]; {self.cause}"
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


def interval_contains(span: Interval, value: Decimal) -> bool:
    return span[0] <= value <= span[1]


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
        self.inconsistencies: list[SourceInconsistency] = []
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
            value, decimals, how = alt.value, alt.decimals, f"the reading at {alt.source} agrees"
            precise = self._parts_value(binding, current, alt)
            if precise is not None:  # keep the precision the misread figure was printed at
                value, decimals = precise, current.decimals
                how = (f"its parts add up to {format(precise, 'f')}, which the reading at "
                       f"{alt.source} confirms at its precision")
            correction = Correction(
                printed=current.provenance.text or format(current.value, "f"),
                corrected=value,
                reason=(
                    f"the figure read at {current.provenance} disagrees with its parts in "
                    f"{binding.network}; {how}"
                ),
                evidence=(
                    str(alt.source),
                    *(str(self.facts[k].provenance) for k, _ in binding.parts),
                ),
            )
            # The value's own source carries the provenance: the misread line when its parts
            # gave the value, else the other reading; the other line goes to also_in.
            own, other = (current.provenance, alt.source) if precise is not None else (
                alt.source, current.provenance)
            source = own.model_copy(
                update={
                    "corrections": (*own.corrections, correction),
                    "also_in": tuple(dict.fromkeys([*own.also_in, str(other)])),
                }
            )
            self.facts[key] = replace(current, value=value, decimals=decimals, provenance=source)
            self.replaced.add(key)
            return True
        return False

    def _try_part_alternative(self, binding: _Binding) -> bool:
        """A part two releases print differently: take the other reading when it alone makes
        the sum hold and breaks no sum that holds (a sign read the other way in a summary)."""
        total = self._interval(binding.total)
        found: list[tuple[Key, ResultFact]] = []
        for part, _ in binding.parts:
            if part in self.replaced:
                continue
            for alt in self.alternatives.get(part, []):
                if alt.value is None:
                    continue
                parts = [(interval(alt.value, alt.decimals, self.mode) if k == part
                          else self._interval(k), w) for k, w in binding.parts]
                if consistent(total, parts, self.mode):
                    found.append((part, alt))
        if len(found) != 1:
            return False
        part, alt = found[0]
        before = [b for b in self._bindings() if self._holds(b)]
        current = self.facts[part]
        correction = Correction(
            printed=current.provenance.text or format(current.value, "f"),
            corrected=alt.value or Decimal(0),
            reason=(f"the figure read at {current.provenance} breaks the sum of "
                    f"{binding.total[0]} in {binding.network}; the reading at {alt.source} "
                    "keeps it"),
            evidence=(str(alt.source), str(self.facts[binding.total].provenance)),
        )
        source = alt.source.model_copy(update={
            "corrections": (*alt.source.corrections, correction),
            "also_in": tuple(dict.fromkeys([*alt.source.also_in, str(current.provenance)])),
        })
        self.facts[part] = replace(current, value=alt.value, decimals=alt.decimals,
                                   provenance=source)
        if not all(self._holds(b) for b in before):
            self.facts[part] = current  # it would break a sum that holds: leave it
            return False
        self.replaced.add(part)
        return True

    def _parts_value(self, binding: _Binding, current: Fact, alt: ResultFact) -> Decimal | None:
        """The exact sum of the printed parts, when every part is printed, the sum is
        representable at the misread figure's precision, the other reading agrees with it, and
        the misread figure could be a misprint of it (a digit or two off)."""
        if binding.missing or current.decimals is None or alt.value is None:
            return None
        exact = sum((w * (self.facts[k].value or Decimal(0)) for k, w in binding.parts),
                    Decimal(0))
        quantum = Decimal(1).scaleb(-current.decimals)
        if exact != exact.quantize(quantum) or current.value is None:
            return None
        if not interval_contains(interval(alt.value, alt.decimals, self.mode), exact):
            return None
        digits = (str(abs(v.scaleb(current.decimals).to_integral_value()))
                  for v in (current.value, exact))
        return exact if edit_distance(*digits) <= 2 else None

    def _record(self, binding: _Binding) -> None:
        fact = self.facts[binding.total]
        assert fact.value is not None
        self.inconsistencies.append(
            SourceInconsistency(
                filing=self.filing,
                network=binding.network,
                concept=fact.concept,
                context=fact.context_ref,
                unit=fact.unit_ref,
                value=fact.value,
                decimals=fact.decimals,
                source=fact.provenance,
                parts_sum=weighted_sum([(self._interval(k), w) for k, w in binding.parts]),
                parts=tuple(str(self.facts[k].provenance) for k, _ in binding.parts),
                missing=tuple(binding.missing),
            )
        )

    def settle(self) -> None:
        """Correct what another source can correct, one round at a time (a corrected total may
        be a part of another sum); record whatever still disagrees."""
        for _ in range(len(self.facts) + 1):
            broken = [b for b in self._bindings() if not self._holds(b)]
            if not any(self._try_alternative(b) or self._try_part_alternative(b)
                       for b in broken):
                for binding in broken:
                    self._record(binding)
                return


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
) -> tuple[list[Fact], list[SourceInconsistency]]:
    """The facts to file, in their order, and the totals that still disagree with their parts."""
    settler = Settler(filing, facts, alternatives, taxonomy, mode)
    settler.settle()
    settled = [
        fact
        if fact.value is None
        else settler.facts[(fact.concept, fact.context_ref, fact.unit_ref)]
        for fact in facts
    ]
    return settled, settler.inconsistencies
