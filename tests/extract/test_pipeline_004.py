"""Sample 004 (1H FY2013 release, tab-separated): expected values read by hand from the document.

Statement figures are thousands of JPY as printed, in the concept's natural sign; summary tables
are JPY millions.
"""

from __future__ import annotations

import pytest

from generator.extract.pipeline import Extraction
from tests.extract.samples import check, check_rounded, dur, extraction, inst

DOC = "004_071992bb41c141de.txt"
H1_12, H1_13 = dur("2012-04-01", "2012-09-30"), dur("2013-04-01", "2013-09-30")
MAR_13, SEP_13 = inst("2013-03-31"), inst("2013-09-30")

INCOME_6M = [  # statement of income, six months; line: concept, 1H12, 1H13
    (344, "InternetConnectivityEnterpriseRevenue", 7_815_625, 8_358_114),
    (345, "InternetConnectivityConsumerRevenue", 2_768_151, 2_855_790),
    (346, "WANServicesRevenue", 12_577_216, 12_618_348),
    (347, "OutsourcingServicesRevenue", 9_097_610, 9_778_277),
    (348, "NetworkServicesRevenue", 32_258_602, 33_610_529),  # "Total"
    (350, "SystemsConstructionRevenue", 6_693_586, 7_151_242),
    (351, "SystemsOperationAndMaintenanceRevenue", 10_433_028, 11_521_775),
    (352, "SystemsIntegrationRevenue", 17_126_614, 18_673_017),  # "Total"
    (353, "EquipmentSalesRevenue", 641_780, 755_309),
    (354, "ATMOperationBusinessRevenue", 1_082_005, 1_358_104),
    (355, "Revenues", 51_109_001, 54_396_959),
    (357, "CostOfNetworkServices", 25_382_614, 26_464_339),
    (358, "CostOfSystemsIntegration", 14_089_358, 15_765_185),
    (359, "CostOfEquipmentSales", 551_245, 681_162),
    (360, "CostOfATMOperationBusiness", 938_041, 1_055_944),
    (361, "CostOfRevenues", 40_961_258, 43_966_630),
    (362, "SalesAndMarketingExpenses", 3_931_676, 4_162_559),
    (363, "GeneralAndAdministrativeExpenses", 2_745_077, 3_037_201),
    (364, "ResearchAndDevelopmentExpenses", 208_283, 221_590),
    (365, "CostsAndExpenses", 47_846_294, 51_387_980),
    (366, "OperatingIncome", 3_262_707, 3_008_979),
    (368, "DividendIncome", 34_762, 35_760),
    (369, "InterestIncome", 14_823, 12_801),
    (370, "InterestExpense", 145_163, 132_467),  # printed (145,163)
    (371, "ForeignExchangeGainLoss", -49_997, 139_285),
    (372, "GainOnSalesOfOtherInvestments", 13_565, 82_852),
    (373, "GainOnOtherInvestments", None, 172_423),  # "-": nil
    (374, "ImpairmentOfOtherInvestments", 19_788, None),  # printed (19,788) and "-"
    (375, "OtherNonoperatingIncomeExpenseNet", 65_389, 27_965),
    (376, "OtherIncomeExpenseNet", -86_409, 338_619),
    (377, "IncomeBeforeIncomeTaxes", 3_176_298, 3_347_598),
    (378, "IncomeTaxExpense", 1_251_172, 1_243_173),
    (379, "EquityInNetIncomeOfEquityMethodInvestees", 83_088, 127_358),
    (380, "NetIncome", 2_008_214, 2_231_783),
    (381, "NetIncomeAttributableToNoncontrollingInterests", 1_058, 26_912),  # "LESS: ... (1,058)"
    (382, "NetIncomeAttributableToParent", 2_007_156, 2_204_871),
]

PER_SHARE_6M = [  # line: concept, unit, 1H12, 1H13
    (386, "WeightedAverageSharesBasic", "shares", "40536800", "42683242"),
    (387, "WeightedAverageSharesDiluted", "shares", "40564800", "42734376"),
    (390, "EarningsPerShareBasic", "JPYPerShares", "49.51", "51.66"),
    (391, "EarningsPerShareDiluted", "JPYPerShares", "49.48", "51.59"),
]

BALANCE_SHEET = [  # line: concept, March 31 2013, September 30 2013
    (272, "CashAndCashEquivalents", 12_258_872, 25_781_630),
    (273, "AccountsReceivable", 18_764_703, 16_706_721),
    (274, "Inventories", 1_301_684, 2_062_306),
    (275, "PrepaidExpensesCurrent", 2_492_164, 3_436_081),
    (276, "DeferredTaxAssetsCurrent", 1_046_828, 1_041_654),
    (277, "OtherCurrentAssets", 1_576_718, 1_449_953),
    (278, "AssetsCurrent", 37_440_969, 50_478_345),
    (279, "InvestmentsInEquityMethodInvestees", 1_681_723, 1_809_081),
    (280, "OtherInvestments", 3_771_262, 5_179_525),
    (281, "PropertyAndEquipmentNet", 23_025_755, 23_784_050),
    (282, "Goodwill", 5_969_951, 5_969_951),
    (283, "OtherIntangibleAssetsNet", 4_791_431, 4_567_370),
    (284, "GuaranteeDeposits", 2_051_449, 2_709_872),
    (285, "DeferredTaxAssetsNoncurrent", 163_773, 132_412),
    (288, "OtherAssetsNoncurrent", 115_805, 119_198),
    (289, "Assets", 82_111_266, 97_841_850),
    (297, "ShortTermBorrowings", 9_400_000, 9_400_000),
    (298, "LongTermBorrowingsCurrent", 1_010_000, 980_000),
    (299, "CapitalLeaseObligationsCurrent", 3_505_471, 3_692_346),
    (300, "AccountsPayableTrade", 10_973_120, 9_479_379),
    (301, "AccountsPayableOther", 949_264, 888_669),
    (302, "IncomeTaxesPayable", 1_669_849, 876_399),
    (303, "AccruedExpenses", 2_266_427, 1_980_780),
    (304, "DeferredIncomeCurrent", 1_806_074, 1_830_818),
    (305, "OtherCurrentLiabilities", 803_902, 917_982),
    (306, "LiabilitiesCurrent", 32_384_107, 30_046_373),
    (308, "CapitalLeaseObligationsNoncurrent", 5_370_365, 5_077_037),
    (309, "AccruedRetirementAndPensionCostsNoncurrent", 2_112_085, 2_229_624),
    (310, "DeferredTaxLiabilitiesNoncurrent", 412_132, 605_585),
    (311, "DeferredIncomeNoncurrent", 2_562_208, 2_233_363),
    (312, "OtherNoncurrentLiabilities", 656_191, 442_127),
    (313, "Liabilities", 44_477_088, 40_634_109),
    (316, "CommonStock", 16_833_847, 25_497_022),
    (318, "AdditionalPaidInCapital", 27_300_325, 35_933_105),
    (319, "RetainedEarningsAccumulatedDeficit", -6_399_088, -4_599_585),
    (320, "AccumulatedOtherComprehensiveIncome", 263_770, 714_970),
    (321, "TreasuryStock", 392_079, 392_122),  # printed (392,079): a deduction
    (322, "ParentShareholdersEquity", 37_606_775, 57_153_390),
    (323, "NoncontrollingInterests", 27_403, 54_351),
    (324, "TotalEquity", 37_634_178, 57_207_741),
    (325, "LiabilitiesAndEquity", 82_111_266, 97_841_850),
]

CASH_FLOW_TOTALS = [  # line: concept, 1H12, 1H13
    (448, "NetCashFromOperatingActivities", 3_970_263, 3_695_615),
    (463, "NetCashFromInvestingActivities", -3_054_025, -4_202_480),
    (477, "NetCashFromFinancingActivities", -2_756_351, 13_883_338),
    (478, "EffectOfExchangeRateChangesOnCash", -26_261, 146_285),
    (479, "NetIncreaseDecreaseInCashAndCashEquivalents", -1_866_374, 13_522_758),
]

OPERATING_SUMMARY = [  # "Operating Results Summary", JPY millions; line: concept, 1H12, 1H13
    (40, "Revenues", 51_109, 54_397),
    (41, "NetworkServicesRevenue", 32_259, 33_611),
    (42, "SystemsIntegrationRevenue", 17_127, 18_673),
    (43, "EquipmentSalesRevenue", 641, 755),
    (44, "ATMOperationBusinessRevenue", 1_082, 1_358),
    (45, "CostOfRevenues", 40_961, 43_967),
    (46, "CostOfNetworkServices", 25_383, 26_465),
    (47, "CostOfSystemsIntegration", 14_089, 15_765),
    (48, "CostOfEquipmentSales", 551, 681),
    (49, "CostOfATMOperationBusiness", 938, 1_056),
    (50, "SellingGeneralAdministrativeAndResearchAndDevelopmentExpenses", 6_885, 7_421),
    (51, "OperatingIncome", 3_263, 3_009),
    (52, "IncomeBeforeIncomeTaxes", 3_176, 3_348),
    (53, "NetIncomeAttributableToParent", 2_007, 2_205),
]

SEGMENT_SUMMARY = [  # "Segment Results Summary", JPY millions; line: concept, member, 1H12, 1H13
    (59, "Revenues", None, 51_109, 54_397),
    (60, "Revenues", "NetworkServicesAndSIBusinessMember", 50_311, 53_296),
    (61, "Revenues", "ATMOperationBusinessMember", 1_082, 1_358),
    (62, "Revenues", "EliminationMember", -284, -257),  # printed 284 / 257, deducted
    (63, "OperatingIncome", None, 3_263, 3_009),
    (64, "OperatingIncome", "NetworkServicesAndSIBusinessMember", 3_260, 2_829),
    (65, "OperatingIncome", "ATMOperationBusinessMember", 83, 241),
    (66, "OperatingIncome", "EliminationMember", -80, -61),  # printed 80 / 61, deducted
]


@pytest.fixture(scope="module")
def ex() -> Extraction:
    return extraction(DOC)


@pytest.mark.parametrize(("line", "concept", "prior", "current"), INCOME_6M)
def test_income_statement_six_months(ex: Extraction, line: int, concept: str,
                                     prior: int | None, current: int | None) -> None:
    check(ex, line, concept, H1_12, prior)
    check(ex, line, concept, H1_13, current)


@pytest.mark.parametrize(("line", "concept", "unit", "prior", "current"), PER_SHARE_6M)
def test_per_share_block_six_months(ex: Extraction, line: int, concept: str, unit: str,
                                    prior: str, current: str) -> None:
    check(ex, line, concept, H1_12, prior, scale=1, unit=unit)
    check(ex, line, concept, H1_13, current, scale=1, unit=unit)


@pytest.mark.parametrize(("line", "concept", "march", "september"), BALANCE_SHEET)
def test_balance_sheet(ex: Extraction, line: int, concept: str, march: int,
                       september: int) -> None:
    check(ex, line, concept, MAR_13, march)
    check(ex, line, concept, SEP_13, september)


def test_long_term_borrowings_dash_is_nil(ex: Extraction) -> None:
    check(ex, 307, "LongTermBorrowingsNoncurrent", MAR_13, 980_000)
    check(ex, 307, "LongTermBorrowingsNoncurrent", SEP_13, None)  # printed "-"


@pytest.mark.parametrize(("line", "concept", "prior", "current"), CASH_FLOW_TOTALS)
def test_cash_flow_totals(ex: Extraction, line: int, concept: str, prior: int,
                          current: int) -> None:
    check(ex, line, concept, H1_12, prior)
    check(ex, line, concept, H1_13, current)


def test_cash_at_beginning_and_end_of_period(ex: Extraction) -> None:
    check(ex, 480, "CashAndCashEquivalents", inst("2012-03-31"), 13_536_824)  # beginning
    check(ex, 481, "CashAndCashEquivalents", inst("2012-09-30"), 11_670_450)  # end
    check(ex, 480, "CashAndCashEquivalents", MAR_13, 12_258_872)
    check(ex, 481, "CashAndCashEquivalents", SEP_13, 25_781_630)


def test_comprehensive_income(ex: Extraction) -> None:
    check(ex, 408, "ComprehensiveIncome", H1_12, 1_998_253)
    check(ex, 408, "ComprehensiveIncome", H1_13, 2_683_019)
    check(ex, 410, "ComprehensiveIncomeAttributableToParent", H1_13, 2_656_071)


@pytest.mark.parametrize(("line", "concept", "prior", "current"), OPERATING_SUMMARY)
def test_operating_results_summary(ex: Extraction, line: int, concept: str, prior: int,
                                   current: int) -> None:
    check_rounded(ex, line, concept, H1_12, prior)
    check_rounded(ex, line, concept, H1_13, current)


@pytest.mark.parametrize(("line", "concept", "member", "prior", "current"), SEGMENT_SUMMARY)
def test_segment_summary(ex: Extraction, line: int, concept: str, member: str | None,
                         prior: int, current: int) -> None:
    dims = {"BusinessSegmentsAxis": member} if member else {}
    check_rounded(ex, line, concept, H1_12, prior, **dims)
    check_rounded(ex, line, concept, H1_13, current, **dims)


def test_tse_summary_forms(ex: Extraction) -> None:
    check_rounded(ex, 765, "Revenues", H1_13, 54_397)
    check_rounded(ex, 787, "Assets", SEP_13, 97_842)
    check(ex, 797, "DividendPerShareAnnual", dur("2013-04-01", "2014-03-31"), "22.00", scale=1,
          unit="JPYPerShares", ResultForecastAxis="ForecastMember")


def test_every_number_is_accounted_for(ex: Extraction) -> None:
    assert ex.coverage.numbers == ex.coverage.accounted
