"""Group results into filings, one per reporting period, with contexts and units merged.

Data flows one way: ``Results`` (per document) -> checked, reconciled facts -> ``Filing``.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from pydantic import BaseModel, ConfigDict

from generator.map.checks import fact_problems
from generator.map.contexts import context_id
from generator.map.reconcile import Candidate, Conflict, choose
from generator.model.context import Context, ExplicitMember
from generator.model.fact import Fact
from generator.model.filing import Filing
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


@dataclass(frozen=True)
class FactKey:
    """What makes two readings the same figure: XBRL's (concept, context, unit) identity."""

    concept: str
    period: Duration | Instant
    members: tuple[ExplicitMember, ...]
    unit: str | None


def _members(fact: ResultFact, taxonomy: Taxonomy) -> tuple[ExplicitMember, ...]:
    """Members in taxonomy axis order, default members dropped (XDT forbids them in instances)."""
    order = list(taxonomy.axes)
    return tuple(
        ExplicitMember(axis=axis, member=member)
        for axis, member in sorted(fact.dimensions.items(), key=lambda kv: order.index(kv[0]))
        if member != taxonomy.axes[axis].default
    )


def _speaks_of(period: Duration | Instant, rp: ReportingPeriod) -> bool:
    """A figure for the period the filing reports on (not a comparative)."""
    end = period.end if isinstance(period, Duration) else period.date
    return end == rp.end


def _describe(fact: ResultFact) -> str:
    return f"{fact.source}: {fact.concept} {fact.period} = {fact.value}"


def _check(results: Sequence[Results], taxonomy: Taxonomy) -> None:
    problems = []
    for doc in results:
        if doc.company not in taxonomy.companies:
            problems.append(f"{doc.document}: unknown company {doc.company!r} (taxonomy/companies)")
        problems.extend(
            f"{_describe(fact)}: {problem}"
            for fact in doc.facts
            for problem in fact_problems(fact, taxonomy)
        )
    if problems:
        raise MappingError(problems)


def build_filings(results: Sequence[Results], taxonomy: Taxonomy) -> FilingSet:
    """One filing per (company, reporting period), from every document that speaks of it."""
    _check(results, taxonomy)
    primary = {net.id for net in taxonomy.networks if net.primary}
    readings: dict[tuple[str, FactKey], list[tuple[ResultFact, Results]]] = defaultdict(list)
    groups: dict[tuple[str, ReportingPeriod], list[Results]] = defaultdict(list)
    for doc in results:
        groups[(doc.company, doc.period)].append(doc)
        for fact in doc.facts:
            key = FactKey(fact.concept, fact.period, _members(fact, taxonomy), fact.unit)
            readings[(doc.company, key)].append((fact, doc))
    concept_order = {name: i for i, name in enumerate(taxonomy.concepts)}
    filings, conflicts = [], []
    for (company_id, rp), docs in sorted(groups.items(), key=lambda g: (g[0][0], g[0][1].end)):
        names = {d.document for d in docs}
        keys = {
            key for (cid, key), found in readings.items() if cid == company_id and (
                any(doc.document in names for _, doc in found) or _speaks_of(key.period, rp)
            )
        }
        contexts: dict[tuple[Duration | Instant, tuple[ExplicitMember, ...]], Context] = {}
        facts = []
        for key in sorted(keys, key=lambda k: (concept_order[k.concept], repr(k))):
            candidates = [
                Candidate(fact, fact.source.table in primary, doc.document in names)
                for fact, doc in readings[(company_id, key)]
            ]
            chosen, conflict = choose(candidates)
            if conflict:
                conflicts.append(conflict)
            ctx_key = (key.period, key.members)
            if ctx_key not in contexts:
                contexts[ctx_key] = Context(
                    id=context_id(key.period, key.members, rp),
                    entity=taxonomy.companies[company_id].entity,
                    period=key.period,
                    members=key.members,
                )
            facts.append(Fact(
                concept=key.concept, context_ref=contexts[ctx_key].id, unit_ref=key.unit,
                value=chosen.value, decimals=chosen.decimals, provenance=chosen.source,
            ))
        used_units = sorted({f.unit_ref for f in facts if f.unit_ref})
        filings.append(Filing(
            company=taxonomy.companies[company_id],
            period=rp,
            contexts=tuple(sorted(contexts.values(), key=lambda c: c.id)),
            units=tuple(taxonomy.units[u] for u in used_units),
            facts=tuple(facts),
            documents=tuple(sorted(names)),
        ))
    return FilingSet(filings=tuple(filings), conflicts=tuple(conflicts))
