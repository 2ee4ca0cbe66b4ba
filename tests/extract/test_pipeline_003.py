"""Sample 003 (1H FY2017 release, tables flattened into run-on paragraphs): expected values read
by hand from the document. Each statement is one physical line: the statement of income line 189,
comprehensive income 193, balance sheet 177 (assets) and 181 (liabilities and equity), cash flows
199 (operating, investing) and 203 (financing and totals); summaries lines 29 and 31.
"""

from __future__ import annotations

import pytest

from generator.extract.pipeline import Extraction
from tests.extract.samples import check, check_rounded, dur, extraction, fact, inst, lines_of

DOC = "003_beeb705454dfa33f.txt"
H1_16, H1_17 = dur("2016-04-01", "2016-09-30"), dur("2017-04-01", "2017-09-30")
MAR_17, SEP_17 = inst("2017-03-31"), inst("2017-09-30")

INCOME_6M = [  # line 189, thousands of JPY: concept, 1H16, 1H17
    ("InternetConnectivityEnterpriseRevenue", 10_576_874, 13_265_963),
    ("InternetConnectivityConsumerRevenue", 10_328_320, 12_351_654),
    ("WANServicesRevenue", 13_288_712, 14_083_378),
    ("OutsourcingServicesRevenue", 10_641_860, 12_584_446),
    ("NetworkServicesRevenue", 44_835_766, 52_285_441),  # "Total"
    ("SystemsConstructionRevenue", 8_583_419, 8_807_948),
    ("SystemsOperationAndMaintenanceRevenue", 17_184_907, 18_191_065),
    ("SystemsIntegrationRevenue", 25_768_326, 26_999_013),  # "Total"
    ("EquipmentSalesRevenue", 1_466_658, 1_659_919),
    ("ATMOperationBusinessRevenue", 2_052_520, 2_043_912),
    ("Revenues", 74_123_270, 82_988_285),
    ("CostOfNetworkServices", 36_715_290, 43_036_356),
    ("CostOfSystemsIntegration", 22_992_923, 24_221_215),
    ("CostOfEquipmentSales", 1_343_117, 1_505_161),
    ("CostOfATMOperationBusiness", 1_223_494, 1_199_748),
    ("CostOfRevenues", 62_274_824, 69_962_480),
    ("SalesAndMarketingExpenses", 5_635_948, 6_327_165),
    ("GeneralAndAdministrativeExpenses", 4_020_356, 4_131_984),
    ("ResearchAndDevelopmentExpenses", 244_440, 251_127),
    ("CostsAndExpenses", 72_175_568, 80_672_756),
    ("OperatingIncome", 1_947_702, 2_315_529),
    ("DividendIncome", 91_407, 197_063),
    ("InterestIncome", 18_518, 15_776),
    ("InterestExpense", 142_345, 184_365),  # printed "(142,345 )"
    ("ForeignExchangeGainLoss", -105_916, 18_708),
    ("GainOnSalesOfOtherInvestments", 213_938, None),  # "–"
    ("ImpairmentOfOtherInvestments", 30_554, None),  # "(30,554 )", "–"
    ("OtherNonoperatingIncomeExpenseNet", 112_605, 106_088),
    ("OtherIncomeExpenseNet", 157_653, 153_270),
    ("IncomeBeforeIncomeTaxes", 2_105_355, 2_468_799),
    ("IncomeTaxExpense", 953_678, 969_527),
    ("EquityInNetIncomeOfEquityMethodInvestees", 41_646, 77_339),
    ("NetIncome", 1_193_323, 1_576_611),
    ("NetIncomeAttributableToNoncontrollingInterests", 85_389, 88_642),  # "LESS: ... (85,389 )"
    ("NetIncomeAttributableToParent", 1_107_934, 1_487_969),
]

BALANCE_SHEET = [  # thousands of JPY: line, concept, March 31 2017, Sept 30 2017
    (177, "CashAndCashEquivalents", 21_958_591, 19_871_031),
    (177, "AccountsReceivable", 27_383_692, 26_232_982),
    (177, "Inventories", 2_798_054, 4_161_605),
    (177, "AssetsCurrent", 63_721_739, 62_218_632),
    (177, "OtherInvestments", 7_924_914, 9_688_715),
    (177, "PropertyAndEquipmentNet", 39_775_444, 42_193_028),
    (177, "Goodwill", 6_169_609, 6_169_609),
    (177, "Assets", 137_395_149, 140_488_073),
    (181, "ShortTermBorrowings", 9_250_000, 9_250_000),
    (181, "AccountsPayableTrade", 14_653_065, 14_899_050),
    (181, "AccountsPayableOther", 2_308_790, 1_892_484),
    (181, "LiabilitiesCurrent", 39_983_107, 40_830_834),
    (181, "Liabilities", 70_014_949, 71_085_351),
    (181, "CommonStock", 25_509_499, 25_511_804),
    (181, "AdditionalPaidInCapital", 36_117_511, 36_147_204),
    (181, "RetainedEarningsAccumulatedDeficit", 4_511_945, 5_391_597),  # "Retained earnings"
    (181, "TreasuryStock", 1_896_784, 1_896_784),  # printed "(1,896,784 )"
    (181, "ParentShareholdersEquity", 66_741_871, 68_776_582),
    (181, "NoncontrollingInterests", 638_329, 626_140),
    (181, "TotalEquity", 67_380_200, 69_402_722),
    (181, "LiabilitiesAndEquity", 137_395_149, 140_488_073),
]

CASH_FLOW_TOTALS = [  # line, concept, 1H16, 1H17
    (199, "NetCashFromOperatingActivities", 4_072_853, 6_102_281),
    (199, "NetCashFromInvestingActivities", -3_896_261, -4_499_330),
    (203, "NetCashFromFinancingActivities", 154_757, -3_673_470),
    (203, "EffectOfExchangeRateChangesOnCash", -232_622, -17_041),
    (203, "NetIncreaseDecreaseInCashAndCashEquivalents", 98_727, -2_087_560),
]

OPERATING_SUMMARY = [  # line 29, JPY millions: concept, 1H16, 1H17
    ("Revenues", 74_123, 82_988),
    ("NetworkServicesRevenue", 44_836, 52_285),
    ("SystemsIntegrationRevenue", 25_768, 26_999),
    ("CostOfRevenues", 62_275, 69_962),
    ("CostOfNetworkServices", 36_715, 43_036),  # "Network services" under "Total costs"
    ("GrossProfit", 11_848, 13_026),  # "Total gross margin"
    ("NetworkServicesGrossProfit", 8_120, 9_249),
    ("SystemsIntegrationGrossProfit", 2_775, 2_778),
    ("ATMOperationBusinessGrossProfit", 829, 844),
    ("SellingGeneralAdministrativeAndResearchAndDevelopmentExpenses", 9_900, 10_710),
    ("OperatingIncome", 1_948, 2_316),
    ("NetIncomeAttributableToParent", 1_108, 1_488),
]

SEGMENT_SUMMARY = [  # line 31, JPY millions: concept, member, 1H16, 1H17
    ("Revenues", "NetworkServicesAndSIBusinessMember", 72_257, 81_121),
    ("Revenues", "ATMOperationBusinessMember", 2_052, 2_044),
    ("Revenues", "EliminationMember", -186, -177),  # printed "(186 )": already negative
    ("OperatingIncome", "NetworkServicesAndSIBusinessMember", 1_281, 1_640),
    ("OperatingIncome", "ATMOperationBusinessMember", 734, 764),
    ("OperatingIncome", "EliminationMember", -67, -88),
]


@pytest.fixture(scope="module")
def ex() -> Extraction:
    return extraction(DOC)


@pytest.mark.parametrize(("concept", "prior", "current"), INCOME_6M)
def test_income_statement_six_months(ex: Extraction, concept: str, prior: int | None,
                                     current: int | None) -> None:
    check(ex, 189, concept, H1_16, prior)
    check(ex, 189, concept, H1_17, current)


def test_per_share_block(ex: Extraction) -> None:  # line 189
    check(ex, 189, "WeightedAverageSharesBasic", H1_17, "45062865", scale=1, unit="shares")
    check(ex, 189, "EarningsPerShareBasic", H1_16, "24.11", scale=1, unit="JPYPerShares")
    check(ex, 189, "EarningsPerShareDiluted", H1_17, "32.91", scale=1, unit="JPYPerShares")


def test_comprehensive_income(ex: Extraction) -> None:  # line 193
    check(ex, 193, "OtherComprehensiveIncomeForeignCurrencyTranslationAdjustments", H1_16,
          -410_090)
    check(ex, 193, "ComprehensiveIncome", H1_17, 2_699_672)


@pytest.mark.parametrize(("line", "concept", "march", "september"), BALANCE_SHEET)
def test_balance_sheet(ex: Extraction, line: int, concept: str, march: int,
                       september: int) -> None:
    check(ex, line, concept, MAR_17, march)
    check(ex, line, concept, SEP_17, september)


def test_deferred_tax_assets_dash_is_nil(ex: Extraction) -> None:  # line 177: "1,298,469 –"
    check(ex, 177, "DeferredTaxAssetsCurrent", MAR_17, 1_298_469)
    check(ex, 177, "DeferredTaxAssetsCurrent", SEP_17, None)


@pytest.mark.parametrize(("line", "concept", "prior", "current"), CASH_FLOW_TOTALS)
def test_cash_flow_totals(ex: Extraction, line: int, concept: str, prior: int,
                          current: int) -> None:
    check(ex, line, concept, H1_16, prior)
    check(ex, line, concept, H1_17, current)


def test_cash_at_beginning_and_end_of_period(ex: Extraction) -> None:  # line 203
    check(ex, 203, "CashAndCashEquivalents", inst("2016-03-31"), 19_569_095)
    check(ex, 203, "CashAndCashEquivalents", inst("2016-09-30"), 19_667_822)


@pytest.mark.parametrize(("concept", "prior", "current"), OPERATING_SUMMARY)
def test_operating_results_summary(ex: Extraction, concept: str, prior: int,
                                   current: int) -> None:
    check_rounded(ex, 29, concept, H1_16, prior)
    check_rounded(ex, 29, concept, H1_17, current)


@pytest.mark.parametrize(("concept", "member", "prior", "current"), SEGMENT_SUMMARY)
def test_segment_summary(ex: Extraction, concept: str, member: str, prior: int,
                         current: int) -> None:
    check_rounded(ex, 31, concept, H1_16, prior, BusinessSegmentsAxis=member)
    check_rounded(ex, 31, concept, H1_17, current, BusinessSegmentsAxis=member)


def test_every_number_is_accounted_for(ex: Extraction) -> None:
    assert ex.coverage.numbers == ex.coverage.accounted



def test_a_reconciliation_s_deduction_printed_negative_joins_the_statement_s_figure(
        ex: Extraction) -> None:
    """Line 161 prints "Depreciation and Amortization (5,284 ) (6,022 )" between adjusted
    EBITDA (7,232, 8,338) and operating income (1,948, 2,316): a deduction, printed with its
    sign. The cash-flow statement (line 199) prints 5,283,504 and 6,021,880. Turned, the
    reconciliation holds (7,232 - 5,284 = 1,948): the printing joins the statement's fact,
    the sign turned and said so, instead of being held against it."""
    for period, value in ((dur("2016-04-01", "2016-09-30"), 5_283_504_000),
                          (dur("2017-04-01", "2017-09-30"), 6_021_880_000)):
        depreciation = fact(ex, "DepreciationAndAmortization", period)
        assert depreciation.value == value and 161 in lines_of(depreciation)
    notes = [c for c in ex.coverage.corrections if c.location.endswith(":161")]
    assert [n.printed for n in notes] == ["(5,284 )", "(6,022 )"]
    assert all("deduction's sign" in n.reason for n in notes)
