"""Sample 001 (FY2011 1Q-3Q presentation slides): expected values read by hand from the document.

Figures are JPY billions with one decimal (decimals -8) or JPY millions (-6); the targets table
holds a revised target (forecast) and the prior year's actual (a result) side by side.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from generator.extract.pipeline import Extraction
from tests.extract.samples import check, check_rounded, dur, extraction, fact, inst

DOC = "001_6c9832476b77f69a.txt"
M9_10, M9_11 = dur("2010-04-01", "2010-12-31"), dur("2011-04-01", "2011-12-31")
FY10, FY11 = dur("2010-04-01", "2011-03-31"), dur("2011-04-01", "2012-03-31")
MAR_11, DEC_11 = inst("2011-03-31"), inst("2011-12-31")

RESULTS_BILLIONS = [  # "II-1. Consolidated Results", JPY billion; line: concept, 3Q11, 3Q10
    (66, "Revenues", "70.8", "56.8"),
    (67, "CostOfRevenues", "56.7", "45.3"),  # "Total Costs"
    (68, "GrossProfit", "14.1", "11.5"),
    (69, "SellingGeneralAdministrativeAndResearchAndDevelopmentExpenses", "10.1", "9.1"),
    (70, "OperatingIncome", "4.0", "2.4"),
    (71, "IncomeBeforeIncomeTaxes", "3.8", "2.2"),
    (72, "NetIncomeAttributableToParent", "2.4", "2.0"),
]

BALANCE_SHEET_MILLIONS = [  # "II-9. Consolidated Balance Sheets"; line: concept, Mar 11, Dec 11
    (297, "CashAndCashEquivalents", 13_314, 10_928),
    (298, "AccountsReceivable", 16_431, 15_456),
    (299, "Inventories", 601, 1_026),
    (300, "PrepaidExpensesCurrent", 1_680, 2_697),
    (301, "OtherInvestments", 2_794, 2_897),
    (302, "PropertyAndEquipmentNet", 16_481, 18_974),
    (304, "AccountsPayable", 13_574, 8_534),
    (306, "RetainedEarningsAccumulatedDeficit", -14_023, -12_242),
    (307, "AccumulatedOtherComprehensiveIncome", -85, -94),  # "... Comprehensive Loss (85)"
    (308, "ParentShareholdersEquity", 29_652, 31_423),
    (309, "Assets", 71_473, 71_004),
]


@pytest.fixture(scope="module")
def ex() -> Extraction:
    return extraction(DOC)


@pytest.mark.parametrize(("line", "concept", "current", "prior"), RESULTS_BILLIONS)
def test_nine_month_results_in_billions(ex: Extraction, line: int, concept: str, current: str,
                                        prior: str) -> None:
    check(ex, line, concept, M9_11, current, scale=10**9)
    check(ex, line, concept, M9_10, prior, scale=10**9)
    assert fact(ex, concept, M9_11).decimals == -8


@pytest.mark.parametrize(("line", "concept", "march", "december"), BALANCE_SHEET_MILLIONS)
def test_balance_sheet_highlights(ex: Extraction, line: int, concept: str, march: int,
                                  december: int) -> None:
    check(ex, line, concept, MAR_11, march, scale=10**6)
    check(ex, line, concept, DEC_11, december, scale=10**6)


def test_revised_target_is_a_forecast(ex: Extraction) -> None:  # line 431: "97.0" JPY billion
    check(ex, 431, "Revenues", FY11, "97.0", scale=10**9, ResultForecastAxis="ForecastMember")
    check(ex, 432, "OperatingIncome", FY11, "6.3", scale=10**9,
          ResultForecastAxis="ForecastMember")
    check(ex, 435, "EarningsPerShareBasic", FY11, 16_775, scale=1, unit="JPYPerShares",
          ResultForecastAxis="ForecastMember")
    check(ex, 436, "DividendPerShareAnnual", FY11, 3_000, scale=1, unit="JPYPerShares",
          ResultForecastAxis="ForecastMember")


def test_initial_target_is_the_revised_forecast(ex: Extraction) -> None:
    """Line 430's "FY11 Initial Target" column: the forecast the release revised (revenues from
    100.0 to 97.0 billion, line 438), filed under ForecastRevisionAxis=PreviousForecastMember."""
    previous = {"ResultForecastAxis": "ForecastMember",
                "ForecastRevisionAxis": "PreviousForecastMember"}
    check(ex, 431, "Revenues", FY11, "100.0", scale=10**9, **previous)
    check(ex, 432, "OperatingIncome", FY11, "6.3", scale=10**9, **previous)
    check(ex, 435, "EarningsPerShareBasic", FY11, 16_775, scale=1, unit="JPYPerShares",
          **previous)
    check(ex, 436, "DividendPerShareAnnual", FY11, 3_000, scale=1, unit="JPYPerShares",
          **previous)


def test_prior_year_actual_next_to_the_target_is_a_result(ex: Extraction) -> None:
    check(ex, 431, "Revenues", FY10, "82.4", scale=10**9)  # "FY10 Actual"
    check_rounded(ex, 432, "OperatingIncome", FY10, 4_141)  # "4.1" here, 4,141 on line 269


def test_quarterly_series(ex: Extraction) -> None:  # lines 277-279, 286-290 (JPY million)
    q3_11 = dur("2011-10-01", "2011-12-31")
    check(ex, 277, "IncomeTaxExpense", q3_11, 548, scale=10**6)
    check(ex, 278, "EquityInNetIncomeOfEquityMethodInvestees", dur("2010-07-01", "2010-09-30"),
          -3, scale=10**6)
    check(ex, 286, "ATMOperationBusinessRevenue", q3_11, 361, scale=10**6)
    assert fact(ex, "NetIncomeAttributableToNoncontrollingInterests", q3_11).value == Decimal(
        "-11000000")  # "Net loss attributable to noncontrolling interests 11"


def test_combined_balance_sheet_lines_map_to_their_combined_concepts(ex: Extraction) -> None:
    """Lines 303 and 305 print goodwill + other intangibles and all borrowings as one line."""
    check_rounded(ex, 303, "GoodwillAndOtherIntangibleAssets", MAR_11, 11_843)
    check_rounded(ex, 303, "GoodwillAndOtherIntangibleAssets", DEC_11, 11_382)
    check_rounded(ex, 305, "Borrowings", MAR_11, 13_430)
    check_rounded(ex, 305, "Borrowings", DEC_11, 12_000)


def test_every_number_is_accounted_for(ex: Extraction) -> None:
    assert ex.coverage.numbers == ex.coverage.accounted
