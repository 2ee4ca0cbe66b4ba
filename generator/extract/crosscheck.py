"""Arithmetic cross-checks and duplicate merging for the facts of one document.

1. Duplicates (same concept, period, dimensions, unit from several tables) are grouped; the most
   precise figure that another printing confirms leads (ties: a primary statement's, the most
   confirmed, the earliest); with no confirmation anywhere, simply the most precise.
2. Every calculation arc set of the taxonomy is checked per (period, dimensions, unit) over the
   leading facts, within the rounding the decimals allow. For a broken total, each participating
   figure is tried as the culprit: the value that would make the sum hold is accepted only when
   another printed source in the same document agrees with it and not with the printed figure (a
   less precise duplicate, e.g. the summary table in millions, or the convenience translation at
   the document's USD rate). Then the fact is corrected and the :class:`Correction` recorded in
   its provenance; otherwise the broken sum is reported and the printed values kept. A sign
   alone (a dollar figure printed "2" for (2)) may also be restored from a printing the proof
   held back on its own (``witnesses``: its column proven, its digits in doubt): whatever its
   digits, it agrees with the value the sum wants and not with the printed one only if the
   sign was lost. Nothing else is corrected from a held printing.
3. Duplicates are merged: the leader stays, the others' locations go to ``Provenance.also_in``,
   and any that disagree with the leader (beyond one unit of a rounded figure's last digit) are
   reported as conflicts.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from generator.extract.coverage import CalcFinding, Conflict, CorrectionNote
from generator.extract.precision import (
    agrees,
    consistent,
    half_unit,
    member_sum,
    one_digit_off,
    plausible_misprint,
    round_to,
)
from generator.model.fact import Correction
from generator.model.results import ContextKey, HeldBack, ResultFact
from generator.model.taxonomy import CalculationArc, Representation, Taxonomy
from generator.taxonomy.memo import per_taxonomy

FactKey = tuple[str, str, tuple[tuple[str, str], ...], str | None]
TWICE = "printed twice"


def fact_key(fact: ResultFact, concept: str | None = None) -> FactKey:
    return (concept or fact.concept, *fact.context)


def filed_concept(fact: ResultFact, taxonomy: Taxonomy) -> str:
    """The concept a fact is filed as: a ``representation``'s concept when the fact has a
    non-default member on its axis (a forecast of operating income is filed as
    OperatingIncomeForecast), so sums bind as they will in the instance."""
    if not fact.dimensions:  # most facts: no member, so no representation applies
        return fact.concept
    for rep in _representations(taxonomy).get(fact.concept, ()):
        if rep.axis in fact.dimensions:
            axis = taxonomy.axes.get(rep.axis)
            if axis is None or fact.dimensions[rep.axis] != axis.default:
                return rep.by
    return fact.concept


@per_taxonomy  # asked of every fact by the proof and the cross-check
def _representations(taxonomy: Taxonomy) -> dict[str, tuple[Representation, ...]]:
    """The taxonomy's ``representations`` of each concept, in declared order."""
    out: dict[str, list[Representation]] = {}
    for rep in taxonomy.representations:
        out.setdefault(rep.concept, []).append(rep)
    return {concept: tuple(reps) for concept, reps in out.items()}


Terms = tuple[tuple[str, Decimal], ...]  # ((child, weight), ...)
Sum = tuple[str, Terms]  # (parent, terms)
# A sum that breaks: (parent, context, total, components, computed, terms)
Broken = tuple[str, ContextKey, ResultFact, list[tuple[ResultFact, Decimal]], Decimal, Terms]


@per_taxonomy  # asked by every release's proof and cross-check
def declared_sums(taxonomy: Taxonomy) -> tuple[tuple[str, Terms, tuple[str, ...]], ...]:
    """Distinct (parent, ((child, weight), ...), networks declaring it), in taxonomy order."""
    by_parent: dict[tuple[str, str], list[CalculationArc]] = defaultdict(list)
    for net in taxonomy.networks:
        for arc in net.calculations:
            by_parent[(net.id, arc.parent)].append(arc)
    out: dict[Sum, list[str]] = {}
    for (net_id, parent), arcs in by_parent.items():
        terms = tuple(sorted((a.child, a.weight) for a in arcs))
        out.setdefault((parent, terms), []).append(net_id)
    return tuple((parent, terms, tuple(networks)) for (parent, terms), networks in out.items())


@per_taxonomy
def breakdowns(taxonomy: Taxonomy) -> tuple[tuple[str, str], ...]:
    """(concept, axis) of every node printed with member rows below it (segments), sorted."""
    return tuple(sorted({(node.concept, node.breakdown) for net in taxonomy.networks
                         for node in net.nodes() if node.breakdown}))


def location(fact: ResultFact) -> str:
    return f"{fact.source.document}:{fact.source.line}"


def context_text(key: ContextKey) -> str:
    period, dims, unit = key
    members = ",".join(f"{a}={m}" for a, m in dims)
    return f"{period}{' ' + members if members else ''} {unit}"


@dataclass
class _Group:
    """Facts printed for one (concept, period, dims, unit); ``lead`` is the one kept."""

    facts: list[ResultFact]
    primary: set[str]
    lead: ResultFact = field(init=False)

    def __post_init__(self) -> None:
        self._printed = self.facts  # as grouped (a correction replaces ``facts``, not this)
        self._alike: dict[tuple[Decimal | None, int | None], list[ResultFact]] | None = None
        self._supports: dict[tuple[Decimal | None, int | None], int] = {}
        # most figures are printed once: nothing to rank
        self.lead = self.facts[0] if len(self.facts) == 1 else min(self.facts, key=self._rank)

    def _support(self, fact: ResultFact) -> int:
        """How many other printings agree with ``fact`` (itself always would: not counted)."""
        key = (fact.value, fact.decimals)
        if key not in self._supports:
            self._supports[key] = sum(
                len(alike) for alike in self._readings().values()
                if consistent(fact, alike[0], slack_units=1)) - 1
        return self._supports[key]

    def _readings(self) -> dict[tuple[Decimal | None, int | None], list[ResultFact]]:
        """The printings alike (value and precision) counted together, found when first asked
        (a group of one printing never is): a figure printed in each of thousands of
        concatenated releases is compared with each distinct reading once."""
        if self._alike is None:
            self._alike = {}
            for fact in self._printed:
                self._alike.setdefault((fact.value, fact.decimals), []).append(fact)
        return self._alike

    def _rank(self, fact: ResultFact) -> tuple[int, int, int, int, int, int]:
        """Numbers before dashes; a figure another printing confirms before an unconfirmed one
        (a misread scale or column stays alone); then the most precise, a primary statement's,
        the most confirmed, the earliest."""
        numeric = 0 if fact.value is not None else 1
        support = self._support(fact)
        confirmed = 0 if support else 1
        precision = -(fact.decimals if fact.decimals is not None else -99)
        primary = 0 if fact.source.table in self.primary else 1
        return (numeric, confirmed, precision, primary, -support, fact.source.line)

    def others(self) -> list[ResultFact]:
        return [f for f in self.facts if f is not self.lead]


@dataclass
class CheckOutcome:
    facts: list[ResultFact]
    corrections: list[CorrectionNote]
    conflicts: list[Conflict]
    findings: list[CalcFinding]
    merged: int
    held: list[HeldBack] = field(default_factory=list)


class CrossChecker:
    def __init__(
        self, facts: list[ResultFact], taxonomy: Taxonomy, usd_rate: Decimal | None = None,
        truncate: bool = False, witnesses: Sequence[ResultFact] = (),
    ) -> None:
        self.taxonomy = taxonomy
        self.usd_rate = usd_rate
        self.truncate = truncate
        # printings held back on their own, by key: witnesses of a lost sign only
        self.held: dict[FactKey, list[ResultFact]] = {}
        for fact in witnesses:
            if fact.value is not None and fact.decimals is not None:
                self.held.setdefault(self.key(fact), []).append(fact)
        primary = {n.id for n in taxonomy.networks if getattr(n, "primary", False)}
        grouped: dict[FactKey, list[ResultFact]] = defaultdict(list)
        for fact in facts:
            grouped[self.key(fact)].append(fact)
        self.groups = {key: _Group(items, primary) for key, items in grouped.items()}
        # The groups' keys never change after this: each concept's contexts, in group order,
        # found once rather than by a scan of every group per declared sum.
        self._contexts: dict[str, list[ContextKey]] = {}
        for k in self.groups:
            self._contexts.setdefault(k[0], []).append((k[1], k[2], k[3]))
        self.declared_in: dict[tuple[str, tuple[tuple[str, Decimal], ...]], tuple[str, ...]] = {}
        self.sums = self._sums()
        self.corrections: list[CorrectionNote] = []
        self.moved: set[FactKey] = set()  # figures the arithmetic corrected

    def _sums(self) -> list[tuple[str, tuple[tuple[str, Decimal], ...]]]:
        out = []
        for parent, terms, networks in declared_sums(self.taxonomy):
            self.declared_in[(parent, terms)] = networks
            out.append((parent, terms))
        return out

    def describe_sum(self, parent: str, terms: tuple[tuple[str, Decimal], ...],
                     parts: list[tuple[ResultFact, Decimal]]) -> str:
        """"P = A + B - C (networks); not printed here: B" for the sum a finding is about."""
        present = {f.concept for f, _ in parts}
        expression = " ".join(f"{'-' if w < 0 else '+'} {c}" for c, w in terms).lstrip("+ ")
        networks = ", ".join(self.declared_in.get((parent, terms), ()))
        missing = [c for c, _ in terms if c not in present]
        text = f"{parent} = {expression} ({networks})"
        return text + (f"; not printed here: {', '.join(missing)}" if missing else "")

    def key(self, fact: ResultFact) -> FactKey:
        """Group key: the filed concept (see :func:`filed_concept`), period, members, unit."""
        return fact_key(fact, filed_concept(fact, self.taxonomy))

    def lead(self, concept: str, ctx: ContextKey) -> ResultFact | None:
        group = self.groups.get((concept, ctx[0], ctx[1], ctx[2]))
        return group.lead if group else None

    def contexts(self, concept: str) -> list[ContextKey]:
        return list(self._contexts.get(concept, ()))

    # -- arithmetic ---------------------------------------------------------------------------

    def _check(
        self, parent: str, terms: tuple[tuple[str, Decimal], ...], ctx: ContextKey
    ) -> tuple[ResultFact, list[tuple[ResultFact, Decimal]], Decimal, Decimal] | None:
        """(total, [(component, weight)], computed, tolerance) when the sum can be checked."""
        total = self.lead(parent, ctx)
        if total is None or total.value is None:
            return None
        parts = [(f, w) for child, w in terms if (f := self.lead(child, ctx)) is not None]
        if not any(f.value is not None for f, _ in parts):
            return None
        computed = sum(((f.value or Decimal(0)) * w for f, w in parts), Decimal(0))
        tolerance = half_unit(total, self.truncate) + sum(
            (half_unit(f, self.truncate) for f, _ in parts), Decimal(0)
        )
        return total, parts, computed, tolerance

    def broken(self) -> list[Broken]:
        """(parent, context, total, components, computed, terms) of every sum that breaks."""
        out = []
        for parent, terms in self.sums:
            for ctx in self.contexts(parent):
                checked = self._check(parent, terms, ctx)
                if checked is None:
                    continue
                total, parts, computed, tolerance = checked
                assert total.value is not None
                if abs(total.value - computed) > tolerance:
                    out.append((parent, ctx, total, parts, computed, terms))
        return out

    def _evidence(self, fact: ResultFact, wanted: Decimal) -> str | None:
        """Another printed source agreeing with ``wanted`` and not with the printed value. Where
        no other printing is filed, a held one (:attr:`held`) speaks for a lost sign alone."""
        assert fact.value is not None
        group = self.groups[self.key(fact)]
        others = group.others()
        for other in others:
            fits = agrees(wanted, other, self.truncate)
            if fits and not agrees(fact.value, other, self.truncate):
                return f"{location(other)} prints {other.source.text}"
        # a lost sign, and no other printing filed to say otherwise: a held one may say it
        sign = bool(fact.value) and wanted == -fact.value and not others
        translated = self.usd_rate is not None and fact.unit in ("JPY", "USD")
        twin_unit = "USD" if fact.unit == "JPY" else "JPY"
        concept, period, dims, _ = self.key(fact)  # the filed concept is the unit's twin's
        twin = self.groups.get((concept, period, dims, twin_unit)) if translated else None
        if sign and (twin is None or twin.lead.value is None):  # a filed twin speaks first
            found = self._held_witness(self.held.get(self.key(fact), []), lambda w, v: agrees(
                v, w, self.truncate), fact.value, wanted)
            if found is not None:
                return f"{location(found)} prints {found.source.text} (held back for review)"
        if not translated or self.usd_rate is None:
            return None
        rate = self.usd_rate

        def converts(witness: ResultFact, value: Decimal) -> bool:
            """Does ``value`` (in ``fact``'s unit) match ``witness`` at the stated rate?"""
            assert witness.value is not None
            usd_fact = fact if fact.unit == "USD" else witness
            assert usd_fact.decimals is not None
            slack = Decimal(1).scaleb(-usd_fact.decimals)  # one unit of the translation
            if fact.unit == "JPY":
                return abs(value / rate - witness.value) <= slack
            return abs(value - witness.value / rate) <= slack

        if twin is None:
            if not sign:
                return None
            found = self._held_witness(self.held.get((concept, period, dims, twin_unit), []),
                                       converts, fact.value, wanted)
            if found is None:
                return None
            return (f"{location(found)} prints {found.source.text} {twin_unit} (rate "
                    f"{self.usd_rate}; held back for review)")
        if twin.lead.value is None or twin.lead.decimals is None:
            return None
        if converts(twin.lead, wanted) and not converts(twin.lead, fact.value):
            return (f"{location(twin.lead)} prints {twin.lead.source.text} {twin_unit} "
                    f"(rate {self.usd_rate})")
        return None

    @staticmethod
    def _held_witness(held: list[ResultFact], fits: Callable[[ResultFact, Decimal], bool],
                      printed: Decimal, wanted: Decimal) -> ResultFact | None:
        """The held printing that fits ``wanted`` and not ``printed`` (a sign turned), if one
        does and none fits ``printed`` and not ``wanted``."""
        for_wanted = [w for w in held if fits(w, wanted) and not fits(w, printed)]
        if not for_wanted or any(fits(w, printed) and not fits(w, wanted) for w in held):
            return None
        return for_wanted[0]

    @staticmethod
    def _suspects(
        total: ResultFact, parts: list[tuple[ResultFact, Decimal]], computed: Decimal,
        max_edits: int = 2,
    ) -> list[tuple[ResultFact, Decimal]]:
        """Each figure of a broken sum with the value that would make the sum hold, where that
        value could be a misprint of what is printed (a few digits off, representable)."""
        assert total.value is not None
        suspects: list[tuple[ResultFact, Decimal]] = [(total, computed)]
        for fact, weight in parts:
            if fact.value is None:
                continue
            rest = computed - fact.value * weight
            suspects.append((fact, (total.value - rest) / weight))
        return [
            (fact, wanted) for fact, wanted in suspects
            if fact.decimals is not None and round_to(wanted, fact.decimals) == wanted
            and plausible_misprint(fact, wanted, max_edits)
        ]

    def _note(self, total: ResultFact, parts: list[tuple[ResultFact, Decimal]],
              computed: Decimal) -> str:
        """What a person should look at for a sum left broken."""
        suspects = [
            (fact, wanted) for fact, wanted in self._suspects(total, parts, computed)
            if one_digit_off(fact, wanted) or (fact.value and wanted == -fact.value)
        ]
        if len(suspects) == 1:
            fact, wanted = suspects[0]
            what = "its sign lost or misworded?" if wanted == -(fact.value or 0) else "a misprint?"
            return (f"the sum holds if {fact.concept} at {location(fact)} (printed "
                    f"{fact.source.text}) is {wanted} ({what}); not corrected: no second "
                    "printed source in the document confirms it")
        return "not corrected: no second printed source agrees on one figure"

    def _try_correct(
        self, parent: str, ctx: ContextKey, total: ResultFact,
        parts: list[tuple[ResultFact, Decimal]], computed: Decimal,
    ) -> bool:
        found = []
        for fact, wanted in self._suspects(total, parts, computed):
            if self.key(fact) in self.moved:
                continue  # corrected once already: never moved again
            evidence = self._evidence(fact, wanted)
            if evidence:
                found.append((fact, wanted, evidence))
        if len(found) != 1:
            return False
        fact, wanted, evidence = found[0]
        members = [total] + [f for f, _ in parts]
        reason = (f"breaks the printed total {parent} at {location(total)}: "
                  f"{', '.join(f'{f.concept} {f.source.text}' for f in members)}")
        calc_locations = tuple(sorted({location(f) for f in members} - {location(fact)}))
        self.moved.add(self.key(fact))
        self._replace(fact, wanted, reason, (*calc_locations, evidence))
        return True

    def _replace(self, fact: ResultFact, value: Decimal, reason: str,
                 evidence: tuple[str, ...]) -> None:
        correction = Correction(printed=fact.source.text or "", corrected=value, reason=reason,
                                evidence=evidence)
        source = fact.source.model_copy(
            update={"corrections": (*fact.source.corrections, correction)}
        )
        fixed = fact.model_copy(update={"value": value, "source": source})
        group = self.groups[self.key(fact)]
        group.facts = [fixed if f is fact else f for f in group.facts]
        group.lead = fixed
        self.corrections.append(CorrectionNote(
            concept=fact.concept, location=location(fact), printed=correction.printed,
            corrected=value, reason=reason, evidence=evidence,
        ))

    # -- breakdowns: members add up to the total ---------------------------------------------

    def _member_sets(self) -> list[tuple[str, ResultFact, list[ResultFact]]]:
        """(axis, total, members) for every total printed with its breakdown members."""
        out = []
        # the groups of each concept, in order: a breakdown looks at its concept's alone
        by_concept: dict[str, list[tuple[FactKey, _Group]]] = {}
        for key, group in self.groups.items():
            by_concept.setdefault(group.lead.concept, []).append((key, group))
        for concept, axis in breakdowns(self.taxonomy):
            same = by_concept.get(concept, [])
            # each member on ``axis`` under the context of its total (the members' sorted
            # without the axis): found once, not by a scan of the groups for every total
            below: dict[tuple[str, tuple[tuple[str, str], ...], str | None],
                        list[ResultFact]] = {}
            for k, g in same:
                if any(a == axis for a, _ in k[2]):
                    rest = tuple(p for p in k[2] if p[0] != axis)
                    below.setdefault((k[1], rest, k[3]), []).append(g.lead)
            for key, group in same:
                if any(a == axis for a, _ in key[2]) or group.lead.value is None:
                    continue
                members = below.get((key[1], key[2], key[3]))
                if members:
                    out.append((axis, group.lead, list(members)))
        return out

    def _check_members(self) -> list[CalcFinding]:
        """A member printed as a positive deduction (e.g. "Elimination 206" under revenues) is
        stored with its natural sign when only its subtraction makes the members add up."""
        findings = []
        for axis, total, members in self._member_sets():
            assert total.value is not None
            holds, member, computed, _ = member_sum(total, members, self.truncate)
            if holds and member is None:
                continue
            where = tuple(location(f) for f in [total, *members])
            if member is not None:
                assert member.value is not None
                self._replace(
                    member, -member.value,
                    f"printed as a deduction: the {axis} members add up to {total.concept} "
                    f"{total.source.text} only with {member.dimensions[axis]} subtracted; "
                    "stored with its natural sign",
                    tuple(w for w in where if w != location(member)),
                )
                self._flip_same_sign(member)
                continue
            findings.append(CalcFinding(
                total=f"{total.concept} by {axis}", printed=total.value, computed=computed,
                context=context_text(total.context),
                locations=tuple(dict.fromkeys(where)),
                note="members do not add up to the printed total",
            ))
        return findings

    def _flip_same_sign(self, printed: ResultFact) -> None:
        """Other printings of a member flipped to its natural sign, printed the same way (e.g.
        the summary table's "Elimination 206"), are read the same way."""
        assert printed.value is not None
        group = self.groups[self.key(printed)]
        sign = printed.value > 0
        group.facts = [
            f if f is group.lead or f.value is None or (f.value > 0) != sign
            else f.model_copy(update={"value": -f.value})
            for f in group.facts
        ]

    # -- driver -------------------------------------------------------------------------------

    def run(self) -> CheckOutcome:
        member_findings = self._check_members()
        broken = self.broken()
        for _ in range(len(self.groups)):  # each pass corrects one figure, never the same twice
            if not self._correct_one(broken):
                break  # nothing changed: the sums still break as found
            broken = self.broken()
        findings = [
            CalcFinding(
                total=parent, context=context_text(ctx), printed=total.value or Decimal(0),
                computed=computed,
                locations=tuple(dict.fromkeys([location(total)] + [location(f) for f, _ in parts])),
                note=(f"{self.describe_sum(parent, terms, parts)}. "
                      f"{self._note(total, parts, computed)}"),
            )
            for parent, ctx, total, parts, computed, terms in broken
        ]
        findings.extend(member_findings)
        facts, conflicts, merged, held = self._merge()
        return CheckOutcome(facts=facts, corrections=self.corrections, conflicts=conflicts,
                            findings=findings, merged=merged, held=held)

    def _correct_one(self, broken: list[Broken]) -> bool:
        """Correct the first broken sum that a second printed source settles, if any."""
        for parent, ctx, total, parts, computed, _ in broken:
            if self.lead(parent, ctx) is not total:
                continue  # already changed
            if self._try_correct(parent, ctx, total, parts, computed):
                return True
        return False

    def _merge(self) -> tuple[list[ResultFact], list[Conflict], int, list[HeldBack]]:
        facts: list[ResultFact] = []
        conflicts: list[Conflict] = []
        held: list[HeldBack] = []
        merged = 0
        for key, group in self.groups.items():
            lead = group.lead
            others = group.others()
            merged += len(others)
            if others:
                also = tuple(dict.fromkeys(location(f) for f in others if
                                           location(f) != location(lead)))
                lead = lead.model_copy(update={"source": lead.source.model_copy(
                    update={"also_in": (*lead.source.also_in, *also)})})
                disagree = [f for f in others if not self._same(lead, f)]
                if disagree and _unsettled(lead, others, disagree):
                    held.append(_held_unsettled(lead, disagree))
                    continue
                if disagree:
                    conflicts.append(Conflict(
                        concept=lead.concept, context=context_text((key[1], key[2], key[3])),
                        kept=f"{location(lead)} {lead.source.text}",
                        values=tuple(f"{location(f)} {f.source.text} -> {f.value}"
                                     + self._hint(lead, f) for f in disagree),
                    ))
            facts.append(lead)
        facts.sort(key=lambda f: (f.source.line, f.concept, f.period.iso, f.unit or ""))
        return facts, conflicts, merged, held

    @staticmethod
    def _hint(lead: ResultFact, other: ResultFact) -> str:
        """Say so when two printings differ only in sign (a table presenting the figure as a
        deduction: the node wants ``negated`` there)."""
        if lead.value is None or other.value is None or not other.value:
            return ""
        flipped = other.model_copy(update={"value": -other.value})
        if consistent(lead, flipped, slack_units=1):
            table = f" in {other.source.table}" if other.source.table else ""
            return f" (opposite sign: printed as a deduction{table}?)"
        return ""

    @staticmethod
    def _same(lead: ResultFact, other: ResultFact) -> bool:
        """Agreeing printings; a rounded summary may differ by one in its last digit (releases
        adjust rounded figures so that they add up), which is not a conflict. A ratio adds up
        to nothing: printed twice to one precision, "58.5" and "58.4" disagree."""
        if lead.unit == "pure" and lead.decimals == other.decimals:
            return consistent(lead, other)
        return consistent(lead, other, slack_units=1)


def _unsettled(lead: ResultFact, others: list[ResultFact], disagree: list[ResultFact]) -> bool:
    """Printings of one figure that disagree, none agreeing with the one that would be filed
    and nothing of its own proving it (only its column was proven): which is the misprint is
    not known, so none is filed (an OCR "89,217" for 859,217 thousand against the summary's
    859 million)."""
    if len(disagree) < len(others) or lead.source.corrections or lead.source.own_proof:
        return False  # another printing agrees, or this one was proven or corrected
    return any(f.value is not None and lead.value is not None
               and not consistent(lead, f.model_copy(update={"value": -f.value}), slack_units=1)
               for f in disagree)  # a dash, or only the sign (a deduction), is said apart


def _held_unsettled(lead: ResultFact, disagree: list[ResultFact]) -> HeldBack:
    printed = "; ".join(f"line {f.source.line} prints {f.source.text}" for f in disagree)
    return HeldBack(
        document=lead.source.document, line=lead.source.line, text=lead.source.text,
        concept=lead.concept, period=lead.period, dimensions=lead.dimensions, unit=lead.unit,
        value=lead.value, table=lead.source.table or "", column="", assignment="",
        check=TWICE, reason=f"printed elsewhere with another value ({printed}), and no check "
        "of this figure's own settles which printing is right",
    )


def cross_check(
    facts: list[ResultFact], taxonomy: Taxonomy, usd_rate: Decimal | None = None,
    truncate: bool = False, witnesses: Sequence[ResultFact] = (),
) -> CheckOutcome:
    """Correct what arithmetic and a second printed source agree on (``witnesses``: printings
    held back, which may witness a lost sign); merge duplicates."""
    return CrossChecker(facts, taxonomy, usd_rate, truncate, witnesses).run()
