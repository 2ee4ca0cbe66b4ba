"""Figures a summary, highlights, slide or targets table prints on its own are filed in their
report section (ReportSectionAxis), so they never bind the statements' sums; a figure a
statement also prints is the statement's, the summary's printing corroborating it."""

import datetime as dt
from decimal import Decimal

import pytest

from generator.map import build_filings
from generator.map.consistency import consistent, interval
from generator.model.fact import Provenance
from generator.model.period import Duration, Instant
from generator.model.results import ReportingPeriod, ResultFact, Results
from generator.model.taxonomy import Taxonomy

RP = ReportingPeriod(
    kind="H1", start=dt.date(2025, 4, 1), end=dt.date(2025, 9, 30),
    fiscal_year_start=dt.date(2025, 4, 1), fiscal_year_end=dt.date(2026, 3, 31), label="1H FY2025",
)
YTD = Duration(start=RP.start, end=RP.end)


def fact(concept: str, value: str, line: int, table: str, decimals: int = -6,
         unit: str = "JPY") -> ResultFact:
    return ResultFact(concept=concept, period=YTD, unit=unit, value=Decimal(value),
                      decimals=decimals,
                      source=Provenance(document="r.txt", line=line, table=table))


def filed(results: Results, taxonomy: Taxonomy) -> dict[tuple[str, str], Decimal | None]:
    filing_set = build_filings([results], taxonomy)
    assert filing_set.inconsistencies == ()
    (filing,) = filing_set.filings
    return {(f.concept, f.context_ref): f.value for f in filing.facts}


def test_a_summary_only_operating_income_is_filed_in_the_summary_section(
    taxonomy: Taxonomy,
) -> None:
    # a slide: revenues 70.8, operating income 4.0 (billions), no costs and expenses
    facts = (fact("Revenues", "70800000000", 1, "OperatingResultsSummary", -8),
             fact("OperatingIncome", "4000000000", 2, "OperatingResultsSummary", -8))
    got = filed(Results(company="iij", document="r.txt", period=RP, facts=facts), taxonomy)
    assert got == {
        ("Revenues", "CurrentYTDDuration_SummaryMember"): Decimal("70800000000"),
        ("OperatingIncomeSummary", "CurrentYTDDuration_SummaryMember"): Decimal("4000000000"),
    }


def test_a_figure_a_statement_prints_is_the_statements_and_the_summary_corroborates(
    taxonomy: Taxonomy,
) -> None:
    facts = (fact("Revenues", "47206508000", 10, "IncomeStatement", -3),
             fact("CostsAndExpenses", "44758301000", 11, "IncomeStatement", -3),
             fact("OperatingIncome", "2448207000", 12, "IncomeStatement", -3),
             fact("OperatingIncome", "2448000000", 2, "OperatingResultsSummary"),
             fact("Revenues", "47207000000", 1, "OperatingResultsSummary"))
    got = filed(Results(company="iij", document="r.txt", period=RP, facts=facts), taxonomy)
    assert got == {("Revenues", "CurrentYTDDuration"): Decimal("47206508000"),
                   ("CostsAndExpenses", "CurrentYTDDuration"): Decimal("44758301000"),
                   ("OperatingIncome", "CurrentYTDDuration"): Decimal("2448207000")}


def test_a_summary_total_computed_from_rounded_figures_does_not_bind_the_exact_parts(
    taxonomy: Taxonomy,
) -> None:
    # 000 line 90: "SG&A Expenses and R&D 5,640 6,788": the company's 47,207 - 37,971 - 2,448;
    # lines 507-509 print its parts 3,916,975 + 2,707,861 + 162,517 = 6,787,353 thousand.
    facts = (fact("SalesAndMarketingExpenses", "3916975000", 507, "IncomeStatement", -3),
             fact("GeneralAndAdministrativeExpenses", "2707861000", 508, "IncomeStatement", -3),
             fact("ResearchAndDevelopmentExpenses", "162517000", 509, "IncomeStatement", -3),
             fact("SellingGeneralAdministrativeAndResearchAndDevelopmentExpenses",
                  "6788000000", 90, "OperatingResultsSummary"))
    got = filed(Results(company="iij", document="r.txt", period=RP, facts=facts), taxonomy)
    key = ("SellingGeneralAdministrativeAndResearchAndDevelopmentExpenses",
           "CurrentYTDDuration_SummaryMember")
    assert got[key] == Decimal("6788000000")
    assert got[("SalesAndMarketingExpenses", "CurrentYTDDuration")] == Decimal("3916975000")


def test_a_sections_own_arithmetic_among_its_own_figures_stays_checked(
    taxonomy: Taxonomy,
) -> None:
    # a slide's ATM business: revenue 361, cost 360, expenses 30, sum 390, loss (29); the sum
    # misprinted as 380 is the source's own inconsistency, checked where it is filed
    facts = (fact("ATMOperationBusinessRevenue", "361000000", 1, "QuarterlyHighlights"),
             fact("CostOfATMOperationBusiness", "360000000", 2, "QuarterlyHighlights"),
             fact("ATMOperationBusinessOperatingExpenses", "30000000", 3, "QuarterlyHighlights"),
             fact("ATMOperationBusinessCostsAndExpenses", "380000000", 4, "QuarterlyHighlights"))
    filing_set = build_filings(
        [Results(company="iij", document="r.txt", period=RP, facts=facts)], taxonomy)
    assert [(i.concept, i.context) for i in filing_set.inconsistencies] == [
        ("ATMOperationBusinessCostsAndExpenses", "CurrentYTDDuration")]


def test_every_table_of_a_presentation_is_a_highlights_table(taxonomy: Taxonomy) -> None:
    # 001 line 309: "Total Assets 71,473 71,004" on a slide that prints seven of its lines
    end = {"period": Instant(date=RP.end)}
    facts = (fact("Assets", "71004000000", 309, "BalanceSheet").model_copy(update=end),
             fact("PropertyAndEquipmentNet", "18974000000", 303,
                  "BalanceSheet").model_copy(update=end))
    slides = Results(company="iij", document="r.txt", layout="slides", period=RP, facts=facts)
    got = filed(slides, taxonomy)
    assert got[("Assets", "CurrentYTDInstant_SummaryMember")] == Decimal("71004000000")
    assert got[("PropertyAndEquipmentNet", "CurrentYTDInstant")] == Decimal("18974000000")
    newswire = slides.model_copy(update={"layout": "newswire"})
    assert [i.concept for i in build_filings([newswire], taxonomy).inconsistencies] == ["Assets"]


@pytest.mark.parametrize("rate", ["77.09", "84.1", "104.31", "111.1"])
def test_usd_translated_line_by_line_is_consistent_within_calculation_11_rounding(
    rate: str,
) -> None:
    """(b): a USD convenience column translates each JPY line on its own and rounds it to
    thousands of USD. The total's translation and the sum of the parts' translations differ by
    at most (n + 1) / 2 units, exactly the slack Calculation 1.1's rounding intervals give a
    total of n parts: no USD tolerance beyond it is needed, and none is added."""
    parts = [Decimal(v) for v in ("3916975123", "2707861456", "162517789", "-985000499",
                                  "12431000", "1499")]
    unit = Decimal(1000)

    def usd(jpy: Decimal) -> Decimal:
        return (jpy / Decimal(rate) / unit).quantize(Decimal(1)) * unit

    for n in range(1, len(parts) + 1):
        total = usd(sum(parts[:n], Decimal(0)))
        terms = [(interval(usd(p), -3, "rounding"), Decimal(1)) for p in parts[:n]]
        assert consistent(interval(total, -3, "rounding"), terms, "rounding")
