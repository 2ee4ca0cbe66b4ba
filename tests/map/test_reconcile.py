"""The same figure from several places: agreeing readings merge, disagreeing ones are reported."""

import datetime as dt
from decimal import Decimal

from generator.map import build_filings
from generator.map.reconcile import agree
from generator.model.fact import Provenance
from generator.model.period import Duration
from generator.model.results import ReportingPeriod, ResultFact, Results
from generator.model.taxonomy import Taxonomy


def rp(year: int) -> ReportingPeriod:
    return ReportingPeriod(
        kind="H1",
        start=dt.date(year, 4, 1),
        end=dt.date(year, 9, 30),
        fiscal_year_start=dt.date(year, 4, 1),
        fiscal_year_end=dt.date(year + 1, 3, 31),
        label=f"1H FY{year}",
    )


def revenue(
    value: str, decimals: int, doc: str, line: int, year: int = 2010, table: str | None = None
) -> ResultFact:
    return ResultFact(
        concept="Revenues",
        period=Duration(start=dt.date(year, 4, 1), end=dt.date(year, 9, 30)),
        unit="JPY",
        value=Decimal(value),
        decimals=decimals,
        source=Provenance(document=doc, line=line, table=table),
    )


def test_readings_agree_when_equal_at_the_coarser_precision() -> None:
    assert agree(revenue("34272080000", -3, "a", 1), revenue("34272000000", -6, "a", 2))
    assert not agree(revenue("34272080000", -3, "a", 1), revenue("34273000000", -6, "a", 2))


def test_agreeing_readings_merge_into_the_most_precise_with_the_other_places_recorded(
    acme_taxonomy: Taxonomy,
) -> None:
    facts = (revenue("34272000000", -6, "r.txt", 10), revenue("34272080000", -3, "r.txt", 200))
    result = build_filings(
        [Results(company="acme", document="r.txt", period=rp(2010), facts=facts)], acme_taxonomy
    )
    (filing,) = result.filings
    (fact,) = filing.facts
    assert (fact.value, fact.decimals) == (Decimal("34272080000"), -3)
    assert fact.provenance.line == 200
    assert fact.provenance.also_in == ("r.txt:10",)
    assert result.conflicts == ()


def test_a_later_release_confirms_the_current_figures_of_an_earlier_one(
    acme_taxonomy: Taxonomy,
) -> None:
    """1H FY2010 is the current period of one release and the prior column of the next."""
    earlier = Results(
        company="acme",
        document="fy2010.txt",
        period=rp(2010),
        facts=(revenue("34272080000", -3, "fy2010.txt", 5),),
    )
    later = Results(
        company="acme",
        document="fy2011.txt",
        period=rp(2011),
        facts=(
            revenue("34272080000", -3, "fy2011.txt", 7),
            revenue("40000000000", -3, "fy2011.txt", 7, year=2011),
        ),
    )
    filings = build_filings([earlier, later], acme_taxonomy).filings
    assert [f.period.label for f in filings] == ["1H FY2010", "1H FY2011"]
    fy2010 = filings[0].facts[0]
    assert fy2010.provenance.document == "fy2010.txt"
    assert fy2010.provenance.also_in == ("fy2011.txt:7",)
    assert {f.context_ref for f in filings[1].facts} == {"CurrentYTDDuration", "Prior1YTDDuration"}


def test_disagreeing_readings_are_reported_and_the_primary_statement_wins(
    acme_taxonomy: Taxonomy,
) -> None:
    facts = (
        revenue("34000000000", -6, "r.txt", 10, table="Targets"),
        revenue("34272080000", -3, "r.txt", 200, table="Income"),
    )
    result = build_filings(
        [Results(company="acme", document="r.txt", period=rp(2010), facts=facts)], acme_taxonomy
    )
    (conflict,) = result.conflicts
    assert conflict.concept == "Revenues"
    assert "r.txt:10" in str(conflict) and "r.txt:200" in str(conflict)
    assert result.filings[0].facts[0].value == Decimal("34272080000")


def test_a_represented_figure_is_filed_under_its_own_concept(acme_taxonomy: Taxonomy) -> None:
    """A forecast of operating income goes to OperatingIncomeForecast (taxonomy 'represents')."""
    year = Duration(start=dt.date(2010, 4, 1), end=dt.date(2011, 3, 31))
    forecast = ResultFact(
        concept="OperatingIncome",
        period=year,
        dimensions={"ResultForecastAxis": "ForecastMember"},
        unit="JPY",
        value=Decimal("4800000000"),
        decimals=-6,
        source=Provenance(document="r.txt", line=9),
    )
    (filing,) = build_filings(
        [Results(company="acme", document="r.txt", period=rp(2010), facts=(forecast,))],
        acme_taxonomy,
    ).filings
    (fact,) = filing.facts
    assert (fact.concept, fact.context_ref) == (
        "OperatingIncomeForecast",
        "CurrentYearDuration_ForecastMember",
    )


def test_each_filing_reports_the_conflict_with_the_reading_it_uses(
    acme_taxonomy: Taxonomy,
) -> None:
    """The 2011 release prints 2010's revenues reclassified: 2010's filing keeps its own
    release's figure, 2011's filing its own, and each says which it uses."""
    fy2010 = Results(
        company="acme", document="fy2010.txt", period=rp(2010),
        facts=(revenue("34272080000", -3, "fy2010.txt", 5, table="Income"),),
    )
    fy2011 = Results(
        company="acme", document="fy2011.txt", period=rp(2011),
        facts=(revenue("34270000000", -3, "fy2011.txt", 7, table="Income", year=2010),),
    )
    result = build_filings([fy2010, fy2011], acme_taxonomy)
    said = sorted(str(c) for c in result.conflicts)
    assert len(said) == 2
    assert "acme-2010-09-30-H1 uses 34272080000 (decimals -3) at fy2010.txt:5" in said[1]
    assert "acme-2011-09-30-H1 uses 34270000000 (decimals -3) at fy2011.txt:7" in said[0]
