"""Synthetic results that satisfy a taxonomy's calculations: filings of any size for the
benchmarks and for integration tests that must cover every statement of a taxonomy.

Values are drawn from a seeded generator, then every declared sum is solved so the filing is
arithmetically consistent (Calculation 1.1) in every context.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator, Mapping
from decimal import Decimal

from generator.model.concept import DataType, PeriodType
from generator.model.fact import Provenance
from generator.model.period import Duration, Instant, shift_years
from generator.model.results import (
    YEAR_TO_DATE,
    ReportingPeriod,
    ResultFact,
    Results,
    period_label,
)
from generator.model.taxonomy import Taxonomy

DECIMALS = {
    DataType.MONETARY: -3,
    DataType.PER_SHARE: 2,
    DataType.SHARES: 0,
    DataType.PURE: 3,
    DataType.DECIMAL: 2,
    DataType.COUNT: 0,
    DataType.BANDWIDTH: 1,
}
UNITS = {
    DataType.SHARES: "shares",
    DataType.PURE: "pure",
    DataType.DECIMAL: "pure",
    DataType.COUNT: "Contracts",
    DataType.BANDWIDTH: "Gbps",
}


def _add_months(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + day.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)


# The period kinds a synthetic release may report (their months and labels: YEAR_TO_DATE, as
# the reader reads them) and how its title and opening name each.
KINDS: dict[str, tuple[str, str]] = {
    "Q1": ("First Quarter", "first three months"),
    "H1": ("First Six Months", "first six months"),
    "Q3": ("Nine Months", "first nine months"),
    "FY": ("Full-Year", "fiscal year"),
}


def reporting_period(taxonomy: Taxonomy, company_id: str, fiscal_year: int,
                     kind: str = "H1") -> ReportingPeriod:
    """The year to date of ``kind`` (default: the first half) of ``fiscal_year`` (the year it
    starts in) on the company's calendar."""
    months = YEAR_TO_DATE[kind][0]
    end_month = taxonomy.companies[company_id].fiscal_year_end_month
    fy_start = dt.date(fiscal_year, end_month % 12 + 1, 1)
    one_day = dt.timedelta(days=1)
    return ReportingPeriod(
        kind=kind,
        start=fy_start,
        end=_add_months(fy_start, months) - one_day,
        fiscal_year_start=fy_start,
        fiscal_year_end=_add_months(fy_start, 12) - one_day,
        label=period_label(kind, fiscal_year),
    )


def _context_sets(taxonomy: Taxonomy) -> dict[tuple[tuple[str, str], ...], list[str]]:
    """Which concepts appear together in a context: by the dimensions their tables carry."""
    sets: dict[tuple[tuple[str, str], ...], list[str]] = {}
    for net in taxonomy.networks:
        base = tuple(sorted(net.dimensions.items()))
        for node in net.nodes():
            concept = taxonomy.concepts[node.concept]
            if concept.abstract or not concept.data_type.is_numeric:
                continue
            sets.setdefault(base, [])
            if node.concept not in sets[base]:
                sets[base].append(node.concept)
            if node.breakdown:
                for member in taxonomy.axes[node.breakdown].members:
                    dims = tuple(sorted((*base, (node.breakdown, member.name))))
                    sets.setdefault(dims, [])
                    if node.concept not in sets[dims]:
                        sets[dims].append(node.concept)
    return sets


def _draw(kind: DataType, rng: random.Random) -> Decimal:
    decimals = DECIMALS[kind]
    if kind is DataType.PURE:
        return Decimal(rng.randint(1, 999)).scaleb(-3)
    magnitude = rng.randint(1, 10**6)
    return (
        Decimal(magnitude).scaleb(-decimals) if decimals > 0 else Decimal(magnitude * 10**-decimals)
    )


def solve(
    taxonomy: Taxonomy,
    concepts: list[str],
    rng: random.Random,
    fixed: Mapping[str, Decimal] | None = None,
) -> dict[str, Decimal]:
    """Values for ``concepts`` such that every declared sum among them holds exactly.

    ``fixed`` pins some values before anything is drawn (a line a release leaves out is zero;
    cash on the balance sheet is the cash flow statement's closing cash); the others adapt.
    """
    present = set(concepts)
    groups: dict[str, list[tuple[str, Decimal]]] = {}
    for net in taxonomy.networks:
        for arc in net.calculations:
            if arc.parent in present and arc.child in present:
                group = groups.setdefault(f"{net.id}:{arc.parent}", [])
                group.append((arc.child, arc.weight))
    parents = {key.split(":", 1)[1] for key in groups}
    known: dict[str, Decimal] = {k: v for k, v in (fixed or {}).items() if k in present}
    order = [c for c in concepts if c not in parents] + [c for c in concepts if c in parents]
    while len(known) < len(concepts):
        progress = True
        while progress:
            progress = False
            for key, terms in groups.items():
                parent = key.split(":", 1)[1]
                missing = [(c, w) for c, w in terms if c not in known]
                if parent not in known and not missing:
                    known[parent] = sum((known[c] * w for c, w in terms), Decimal(0))
                    progress = True
                elif parent in known and len(missing) == 1:
                    child, weight = missing[0]
                    rest = sum((known[c] * w for c, w in terms if c != child), Decimal(0))
                    known[child] = (known[parent] - rest) / weight
                    progress = True
        for name in order:
            if name not in known:
                known[name] = _draw(taxonomy.concepts[name].data_type, rng)
                break
    return known


def _periods(rp: ReportingPeriod, count: int) -> Iterator[tuple[Duration, Instant, Duration]]:
    for back in range(count):
        yield (
            rp.ytd.shifted(-back),
            Instant(date=shift_years(rp.end, -back)),
            rp.year.shifted(-back),
        )


def synthetic_results(
    taxonomy: Taxonomy,
    company_id: str,
    *,
    periods: int = 1,
    fiscal_year: int = 2025,
    seed: int = 0,
    currency: str = "JPY",
) -> Results:
    """Results with a fact for every numeric concept of every network, and a text for every
    text concept (a headline, a name), in ``periods`` years."""
    rng = random.Random(seed)
    rp = reporting_period(taxonomy, company_id, fiscal_year)
    document = f"synthetic-{company_id}-{seed}"
    facts = []
    line = 0
    texts = [c for c in taxonomy.concepts.values()
             if c.data_type is DataType.STRING and not c.abstract]
    for duration, instant, year in _periods(rp, periods):
        for concept in texts:
            line += 1
            facts.append(ResultFact(
                concept=concept.name,
                period=duration if concept.period_type is PeriodType.DURATION else instant,
                unit=None, value=None, text=f"{concept.name} of {document} <{duration}> & co.",
                source=Provenance(document=document, line=line)))
        for dims, concepts in _context_sets(taxonomy).items():
            values = solve(taxonomy, concepts, rng)
            forecast = any(member == "ForecastMember" for _, member in dims)
            for name in concepts:
                concept = taxonomy.concepts[name]
                kind = concept.data_type
                if concept.period_type is PeriodType.INSTANT:
                    period: Duration | Instant = instant
                else:
                    period = year if forecast else duration
                line += 1
                facts.append(
                    ResultFact(
                        concept=name,
                        period=period,
                        dimensions=dict(dims),
                        unit=UNITS.get(
                            kind, f"{currency}PerShares" if kind is DataType.PER_SHARE else currency
                        ),
                        value=values[name],
                        decimals=DECIMALS[kind],
                        source=Provenance(document=document, line=line),
                    )
                )
    return Results(company=company_id, document=document, period=rp, facts=tuple(facts))
