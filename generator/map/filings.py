"""Group results into filings, one per reporting period, with contexts and units merged.

Data flows one way: ``Results`` (per document) -> checked, reconciled facts -> ``Filing``.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from pydantic import BaseModel, ConfigDict

from generator.map.checks import FactChecker
from generator.map.consistency import SourceInconsistency, settle
from generator.map.contexts import context_id
from generator.map.reconcile import Candidate, Conflict, agree, choose, describe
from generator.model.context import Context, ExplicitMember
from generator.model.fact import Fact
from generator.model.filing import Filing, filing_stem
from generator.model.period import Duration, Instant
from generator.model.results import ReportingPeriod, ResultFact, Results
from generator.model.taxonomy import Taxonomy


class MappingError(Exception):
    """Facts that cannot be filed; each problem names the fact and where it was read."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__(f"{len(problems)} fact(s) rejected:\n  " + "\n  ".join(problems))


class FilingSet(BaseModel):
    """What the map stage hands to ``generate``: filings plus what reconciliation found."""

    model_config = ConfigDict(frozen=True)
    filings: tuple[Filing, ...]
    conflicts: tuple[Conflict, ...] = ()
    inconsistencies: tuple[SourceInconsistency, ...] = ()


PeriodKey = tuple[str, ...]


@dataclass(frozen=True)
class FactKey:
    """What makes two readings the same figure: XBRL's (concept, context, unit) identity.

    Plain tuples (not models) so that hashing and sorting 100,000 keys stays cheap.
    """

    concept: str
    period: PeriodKey
    members: tuple[tuple[str, str], ...]
    unit: str


def _period_key(period: Duration | Instant) -> PeriodKey:
    if isinstance(period, Duration):
        return ("duration", period.start.isoformat(), period.end.isoformat())
    return ("instant", period.date.isoformat())


def _describe(fact: ResultFact) -> str:
    return f"{fact.source}: {fact.concept} {fact.period} = {fact.value}"


def _check(results: Sequence[Results], taxonomy: Taxonomy) -> None:
    problems = []
    checker = FactChecker(taxonomy)
    for doc in results:
        if doc.company not in taxonomy.companies:
            problems.append(f"{doc.document}: unknown company {doc.company!r} (taxonomy/companies)")
        for fact in doc.facts:
            found = checker.problems(fact)
            if found:
                problems.extend(f"{_describe(fact)}: {problem}" for problem in found)
    if problems:
        raise MappingError(problems)


Reading = tuple[ResultFact, Results]


def _readings(
    results: Sequence[Results], taxonomy: Taxonomy
) -> dict[str, dict[FactKey, list[Reading]]]:
    """Every reading of every figure, by company then fact identity."""
    by_company: dict[str, dict[FactKey, list[Reading]]] = defaultdict(dict)
    order = {name: i for i, name in enumerate(taxonomy.axes)}
    defaults = {name: axis.default for name, axis in taxonomy.axes.items()}
    represented = {(r.concept, r.axis): r.by for r in taxonomy.representations}
    for doc in results:
        readings = by_company[doc.company]
        for fact in doc.facts:
            members: tuple[tuple[str, str], ...] = ()
            concept = fact.concept
            if fact.dimensions:
                members = tuple(
                    (axis, member)
                    for axis, member in sorted(fact.dimensions.items(), key=lambda kv: order[kv[0]])
                    if member != defaults[axis]
                )
                for axis, _ in members:
                    concept = represented.get((concept, axis), concept)
            key = FactKey(concept, _period_key(fact.period), members, fact.unit or "")
            found = readings.get(key)
            if found is None:
                readings[key] = [(fact, doc)]
            else:
                found.append((fact, doc))
    return by_company


class Sections:
    """Where a filing files a figure its own releases print only in summary, highlights, slide
    or targets tables (networks with a ``section``): in that report section (a
    ReportSectionAxis member), as the section's own concept where one ``represents`` it there,
    when it is a total the statements' sums would check against lines the section does not
    print. Every other figure is filed as the statements' figure, which every other printing (a
    summary's included) corroborates.

    Calculation 1.1 binds a sum wherever its total and one part have facts: a slide's operating
    income next to its revenues, without the costs the income statement sums, would fail the
    statement's sum; a summary's adjusted EBITDA, computed from its own rounded figures, would
    fail against the statements' exact parts. A section-only figure therefore moves to its
    section when it is
    - the total of a primary statement's sum (operating income, total assets), or
    - the total of a sum one of whose parts is a statement's figure or has itself moved (SG&A
      and R&D summed from the income statement's lines; gross margin from moved revenues).
    A section's own arithmetic among section-only figures (the ATM business's quarterly
    costs, expenses and loss on a slide) stays checked where it is; a part stays the statements'
    line (a summary's printing may give a figure a statement's scan lost). The release's
    arithmetic was proven when it was read, at its printed precision. Figures already in a
    member context (a forecast, a segment) are no statement's figures and stay where they are.
    """

    def __init__(self, taxonomy: Taxonomy) -> None:
        self.of_table = {net.id: tuple(net.section.items()) for net in taxonomy.networks
                         if net.section}
        self.of_layout = {layout: tuple(section.items())
                          for layout, section in taxonomy.layout_sections.items()}
        self.represented = {(r.concept, r.axis): r.by for r in taxonomy.representations}
        self.order = {name: i for i, name in enumerate(taxonomy.axes)}
        self.parts: dict[str, set[str]] = defaultdict(set)
        self.primary_totals: set[str] = set()
        for net in taxonomy.networks:
            for arc in net.calculations:
                self.parts[arc.parent].add(arc.child)
                if net.primary:
                    self.primary_totals.add(arc.parent)
        self.presented = {
            axis: {node.concept for net in taxonomy.networks if axis in net.axes
                   for node in net.nodes()}
            for axis in taxonomy.axes
        }

    def _section(self, found: list[Reading], names: set[str]) -> tuple[tuple[str, str], ...]:
        """The section of a figure the filing's documents print only in section tables."""
        sections = {self.of_layout.get(doc.layout or "") or self.of_table.get(
                    fact.source.table or "") for fact, doc in found if doc.document in names}
        if not sections or None in sections:
            return ()
        return min(s for s in sections if s is not None)

    def place(self, keys: dict[FactKey, list[Reading]], names: set[str]) -> dict[FactKey, FactKey]:
        """Each of the filing's keys -> the key it is filed under."""
        only = {key: self._section(found, names) for key, found in keys.items()
                if not key.members}
        only = {key: section for key, section in only.items() if section}
        moved = {key for key in only if key.concept in self.primary_totals}
        changed = True
        while changed:
            changed = False
            for key in sorted(only.keys() - moved, key=str):
                if key.concept not in self.parts:
                    continue
                for part in self.parts[key.concept]:
                    other = FactKey(part, key.period, (), key.unit)
                    if other in moved or (other in keys and other not in only):
                        moved.add(key)
                        changed = True
                        break
        placed = {}
        for key in keys:
            placed[key] = key
            if key not in moved:
                continue
            section = only[key]
            concept = key.concept
            for axis, _ in section:
                concept = self.represented.get((concept, axis), concept)
            if all(concept in self.presented[axis] for axis, _ in section):
                members = tuple(sorted(section, key=lambda am: self.order[am[0]]))
                placed[key] = FactKey(concept, key.period, members, key.unit)
        return placed


def _filing(
    company_id: str,
    rp: ReportingPeriod,
    docs: list[Results],
    readings: dict[FactKey, list[Reading]],
    taxonomy: Taxonomy,
    conflicts: list[Conflict],
    inconsistencies: list[SourceInconsistency] | None,
    sections: Sections,
) -> Filing:
    names = {d.document for d in docs}
    primary = {net.id for net in taxonomy.networks if net.primary}
    # The filing holds what its own documents report; every other document that reports the
    # same figure corroborates it (or conflicts). Figures only other documents give stay in
    # their own filings: mixing two years' presentations of one statement would double count
    # lines that one year splits and the other combines.
    own = {key: found for key, found in readings.items()
           if any(doc.document in names for _, doc in found)}
    where = sections.place(own, names)
    placed = [(where[key], found) for key, found in own.items()]
    concept_order = {name: i for i, name in enumerate(taxonomy.concepts)}
    placed.sort(key=lambda kf: (concept_order[kf[0].concept], kf[0].period, kf[0].members,
                                kf[0].unit))
    company = taxonomy.companies[company_id]
    stem = filing_stem(company, rp)
    contexts: dict[tuple[PeriodKey, tuple[tuple[str, str], ...]], Context] = {}
    facts = []
    construct = Fact  # inputs were checked above: no second validation
    alternatives: dict[tuple[str, str, str | None], list[ResultFact]] = {}
    mine: dict[tuple[str, str, str | None], Conflict] = {}  # this filing's, by fact key
    for key, found in placed:
        others: list[ResultFact] = []
        conflict = None
        if len(found) == 1:
            chosen = found[0][0]
        else:
            chosen, conflict = choose(
                [
                    Candidate(fact, fact.source.table in primary, doc.document in names)
                    for fact, doc in found
                ]
            )
            if conflict:
                others = [fact for fact, _ in found if not agree(fact, chosen)]
        ctx_key = (key.period, key.members)
        context = contexts.get(ctx_key)
        if context is None:
            members = tuple(ExplicitMember(axis=a, member=m) for a, m in key.members)
            context = contexts[ctx_key] = Context(
                id=context_id(chosen.period, members, rp),
                entity=company.entity,
                period=chosen.period,
                members=members,
            )
        fact_key = (key.concept, context.id, key.unit or None)
        if conflict:
            mine[fact_key] = conflict.model_copy(update={"filing": stem})
        if others:
            alternatives[fact_key] = others
        facts.append(
            construct(
                concept=key.concept,
                context_ref=context.id,
                unit_ref=key.unit or None,
                value=chosen.value,
                decimals=chosen.decimals,
                provenance=chosen.source,
                text=chosen.text,
            )
        )
    if inconsistencies is not None:
        settled, disagreeing = settle(stem, facts, alternatives, taxonomy, company.rounding)
        inconsistencies.extend(disagreeing)
        for before, after in zip(facts, settled, strict=True):
            fact_key = (after.concept, after.context_ref, after.unit_ref)
            if after.provenance is not before.provenance and fact_key in mine:
                # settling replaced the chosen reading by one that agrees with the parts
                used = describe(after.value, after.decimals, after.provenance)
                mine[fact_key] = mine[fact_key].model_copy(
                    update={"chosen": f"{used}, which agrees with its parts (corrected)"}
                )
        facts = settled
    conflicts.extend(mine.values())
    used_contexts = {f.context_ref for f in facts}
    used_units = sorted({f.unit_ref for f in facts if f.unit_ref})
    return Filing.model_construct(  # every part was built from checked inputs above
        company=company,
        period=rp,
        contexts=tuple(
            sorted((c for c in contexts.values() if c.id in used_contexts), key=lambda c: c.id)
        ),
        units=tuple(taxonomy.units[u] for u in used_units),
        facts=tuple(facts),
        documents=tuple(sorted(names)),
    )


def build_filings(
    results: Sequence[Results], taxonomy: Taxonomy, *, settle_arithmetic: bool = True
) -> FilingSet:
    """One filing per (company, reporting period), from every document that speaks of it.

    With ``settle_arithmetic`` (the default) a total that disagrees with its parts is replaced by
    a reading that agrees, or kept as printed and reported as a source inconsistency (see
    :mod:`generator.map.consistency`); without it, every total is filed as read, unexamined.
    """
    _check(results, taxonomy)
    readings = _readings(results, taxonomy)
    groups: dict[tuple[str, ReportingPeriod], list[Results]] = defaultdict(list)
    for doc in results:
        groups[(doc.company, doc.period)].append(doc)
    conflicts: list[Conflict] = []
    inconsistencies: list[SourceInconsistency] | None = [] if settle_arithmetic else None
    sections = Sections(taxonomy)
    filings = [
        _filing(company_id, rp, docs, readings[company_id], taxonomy, conflicts, inconsistencies,
                sections)
        for (company_id, rp), docs in sorted(groups.items(), key=lambda g: (g[0][0], g[0][1].end))
    ]
    return FilingSet(
        filings=tuple(filings),
        conflicts=tuple(conflicts),  # per filing: each prefers its own document's reading
        inconsistencies=tuple(inconsistencies or ()),
    )
