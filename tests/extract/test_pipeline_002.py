"""Sample 002 (1H FY2010 newswire release): expected values read by hand from the document.

Statement figures are thousands of JPY as printed (signs in the concept's natural sign: costs
and expenses positive, a loss negative); summary tables are JPY millions.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.extract.pipeline import Extraction, extract_release
from generator.resources import samples_dir
from generator.taxonomy import load_taxonomy
from tests.extract.samples import (
    check,
    check_rounded,
    dur,
    extraction,
    fact,
    inst,
    lines_of,
)

DOC = "002_848ee02a02e0fa53.txt"
H1_09, H1_10 = dur("2009-04-01", "2009-09-30"), dur("2010-04-01", "2010-09-30")
Q2_09, Q2_10 = dur("2009-07-01", "2009-09-30"), dur("2010-07-01", "2010-09-30")
MAR_10, SEP_10 = inst("2010-03-31"), inst("2010-09-30")

INCOME_6M = [  # statement of income, six months; line: concept, 1H09, 1H10
    (330, "InternetConnectivityEnterpriseRevenue", 6_887_207, 6_940_955),
    (331, "InternetConnectivityConsumerRevenue", 3_410_051, 3_351_827),
    (332, "WANServicesRevenue", 1_264_027, 3_297_421),
    (333, "OutsourcingServicesRevenue", 6_742_413, 7_095_752),
    (334, "NetworkServicesRevenue", 18_303_698, 20_685_955),  # "Total" under Network services
    (336, "SystemsConstructionRevenue", 4_148_014, 4_498_738),
    (337, "SystemsOperationAndMaintenanceRevenue", 9_475_548, 8_488_261),
    (338, "SystemsIntegrationRevenue", 13_623_562, 12_986_999),  # "Total" under SI
    (339, "EquipmentSalesRevenue", 309_586, 370_750),
    (340, "ATMOperationBusinessRevenue", 38_178, 228_376),
    (341, "Revenues", 32_275_024, 34_272_080),
    (343, "CostOfNetworkServices", 15_311_269, 16_802_569),
    (344, "CostOfSystemsIntegration", 10_049_470, 9_858_693),
    (345, "CostOfEquipmentSales", 269_315, 313_161),
    (346, "CostOfATMOperationBusiness", 406_517, 456_118),
    (347, "CostOfRevenues", 26_036_571, 27_430_541),
    (348, "SalesAndMarketingExpenses", 2_593_637, 2_883_026),
    (349, "GeneralAndAdministrativeExpenses", 2_315_698, 2_603_796),
    (350, "ResearchAndDevelopmentExpenses", 163_035, 153_626),
    (351, "CostsAndExpenses", 31_108_941, 33_070_989),
    (352, "OperatingIncome", 1_166_083, 1_201_091),
    (354, "InterestIncome", 13_086, 12_431),
    (355, "InterestExpense", 168_189, 118_348),  # printed (168,189): an expense
    (356, "ForeignExchangeGainLoss", 4_619, -17_448),
    (357, "GainOnSalesOfOtherInvestments", 11_302, 32_503),
    (358, "ImpairmentOfOtherInvestments", 31_172, 170_091),  # printed (31,172): a loss
    (359, "OtherNonoperatingIncomeExpenseNet", 29_884, 65_826),
    (360, "OtherIncomeExpenseNet", -140_470, -195_127),
    (361, "IncomeBeforeIncomeTaxes", 1_025_613, 1_005_964),
    (362, "IncomeTaxExpense", 527_809, 280_210),
    (363, "EquityInNetIncomeOfEquityMethodInvestees", 42_147, 31_821),
    (364, "NetIncome", 539_951, 757_575),
    (365, "NetIncomeAttributableToNoncontrollingInterests", -175_436, -101_702),  # "NET LOSS"
    (366, "NetIncomeAttributableToParent", 715_387, 859_277),
]

PER_SHARE_6M = [  # line: concept, unit, 1H09, 1H10 (as printed, not scaled)
    (371, "WeightedAverageSharesBasic", "shares", "202544", "202605"),
    (372, "WeightedAverageSharesDiluted", "shares", "202544", "202605"),
    (373, "WeightedAverageADSEquivalentsBasic", "shares", "81017600", "81042000"),
    (375, "EarningsPerShareBasic", "JPYPerShares", "3532.01", "4241.14"),
    (376, "EarningsPerShareDiluted", "JPYPerShares", "3532.01", "4241.14"),
    (377, "EarningsPerADSBasic", "JPYPerShares", "8.83", "10.60"),
]

BALANCE_SHEET = [  # line: concept, March 31 2010, September 30 2010
    (258, "CashAndCashEquivalents", 8_764_415, 9_408_031),
    (259, "AccountsReceivable", 11_396_597, 17_623_610),  # label carries the allowance note
    (260, "Inventories", 807_803, 520_789),
    (261, "PrepaidExpensesCurrent", 1_593_000, 2_283_210),
    (262, "DeferredTaxAssetsCurrent", 1_570_746, 1_247_528),
    (263, "OtherCurrentAssets", 762_081, 602_379),
    (265, "AssetsCurrent", 24_894_642, 31_685_547),
    (267, "InvestmentsInEquityMethodInvestees", 1_131_354, 1_161_302),
    (269, "OtherInvestments", 2_581_610, 2_795_989),
    (271, "PropertyAndEquipmentNet", 12_970_152, 14_805_994),
    (273, "Goodwill", 2_639_319, 3_396_507),
    (275, "OtherIntangibleAssetsNet", 2_819_187, 7_590_856),
    (277, "GuaranteeDeposits", 2_003_862, 2_309_090),
    (279, "DeferredTaxAssetsNoncurrent", 685_370, 908_558),
    (281, "OtherAssetsNoncurrent", 1_389_954, 1_268_944),
    (283, "Assets", 51_115_450, 65_922_787),
    (289, "ShortTermBorrowings", 4_450_000, 13_450_000),
    (290, "CapitalLeaseObligationsCurrent", 2_729_673, 2_603_958),
    (291, "AccountsPayable", 6_967_654, 6_635_539),
    (292, "AccruedExpenses", 1_184_483, 7_094_399),
    (293, "AccruedRetirementAndPensionCostsCurrent", 14_539, 14_539),
    (294, "DeferredIncomeCurrent", 1_445_174, 1_647_614),
    (295, "OtherCurrentLiabilities", 922_345, 727_442),
    (296, "LiabilitiesCurrent", 17_713_868, 32_173_491),
    (297, "CapitalLeaseObligationsNoncurrent", 3_657_657, 3_164_234),
    (298, "AccruedRetirementAndPensionCostsNoncurrent", 1_302_054, 1_426_759),
    (299, "DeferredTaxLiabilitiesNoncurrent", 212_773, 202_577),
    (300, "DeferredIncomeNoncurrent", 560_677, 896_863),
    (301, "OtherNoncurrentLiabilities", 304_718, 292_725),
    (302, "Liabilities", 23_751_747, 38_156_649),
    (306, "CommonStock", 16_833_847, 16_833_847),
    (307, "AdditionalPaidInCapital", 27_443_600, 27_407_636),
    (308, "RetainedEarningsAccumulatedDeficit", -16_720_092, -16_113_995),
    (309, "AccumulatedOtherComprehensiveIncome", 168_769, 29_683),
    (310, "TreasuryStock", 406_547, 392_079),  # printed (406,547): a deduction
    (311, "ParentShareholdersEquity", 27_319_577, 27_765_092),
    (313, "NoncontrollingInterests", 44_126, 1_046),
    (315, "TotalEquity", 27_363_703, 27_766_138),
    (317, "LiabilitiesAndEquity", 51_115_450, 65_922_787),
]

CASH_FLOW_TOTALS = [  # line: concept, 1H09, 1H10
    (411, "NetCashFromOperatingActivities", 4_792_214, 5_108_574),
    (426, "NetCashFromInvestingActivities", -2_105_078, -11_736_854),
    (437, "NetCashFromFinancingActivities", -2_062_635, 7_303_812),
    (439, "EffectOfExchangeRateChangesOnCash", -23_208, -31_916),
    (441, "NetIncreaseDecreaseInCashAndCashEquivalents", 601_293, 643_616),
]

OPERATING_SUMMARY = [  # "Operating Results Summary", JPY millions; line: concept, 1H09, 1H10
    (37, "Revenues", 32_275, 34_272),
    (38, "NetworkServicesRevenue", 18_304, 20_686),  # "Network Services 2" (footnote marker)
    (39, "SystemsIntegrationRevenue", 13_624, 12_987),  # "SI"
    (40, "EquipmentSalesRevenue", 309, 371),
    (41, "ATMOperationBusinessRevenue", 38, 228),
    (42, "CostOfRevenues", 26_037, 27_431),
    (43, "CostOfNetworkServices", 15_311, 16_803),  # "Network Services" under "Total Costs"
    (44, "CostOfSystemsIntegration", 10_050, 9_859),
    (45, "CostOfEquipmentSales", 269, 313),
    (46, "CostOfATMOperationBusiness", 407, 456),
    (47, "SellingGeneralAdministrativeAndResearchAndDevelopmentExpenses", 5_072, 5_640),
    (48, "OperatingIncome", 1_166, 1_201),
    (49, "IncomeBeforeIncomeTaxes", 1_026, 1_006),
    (50, "NetIncomeAttributableToParent", 715, 859),
]

SEGMENT_SUMMARY = [  # "Segment Summary", JPY millions; line: concept, member, 1H09, 1H10
    (56, "Revenues", None, 32_275, 34_272),
    (57, "Revenues", "NetworkServicesAndSIBusinessMember", 32_443, 34_264),
    (58, "Revenues", "ATMOperationBusinessMember", 38, 228),
    (59, "Revenues", "EliminationMember", -206, -220),  # printed 206 / 220, deducted
    (60, "OperatingIncome", None, 1_166, 1_201),
    (61, "OperatingIncome", "NetworkServicesAndSIBusinessMember", 1_644, 1_514),
    (62, "OperatingIncome", "ATMOperationBusinessMember", -459, -301),
    (63, "OperatingIncome", "EliminationMember", -19, -12),  # printed 19 / 12, deducted
]

CONTRACTS = [  # "Number of Contracts for Connectivity Services"; line: concept, Sep 09, Sep 10
    (86, "InternetConnectivityEnterpriseContracts", 57_200, 69_145),  # footnote "3" before
    (87, "IPServiceUpTo99MbpsContracts", 926, 919),
    (88, "IPService100To999MbpsContracts", 228, 271),
    (89, "IPService1GbpsAndAboveContracts", 106, 128),
    (90, "DataCenterConnectivityServiceContracts", 295, 307),
    (91, "FiberAccessAndDSLServiceContracts", 26_865, 32_257),
    (92, "IIJMobileServiceEnterpriseContracts", 27_327, 33_906),
    (93, "InternetConnectivityEnterpriseOtherContracts", 1_453, 1_357),
    (94, "InternetConnectivityConsumerContracts", 414_154, 375_300),
    (95, "InternetConnectivityConsumerIIJContracts", 48_263, 44_243),
    (96, "HiHoServiceContracts", 173_410, 159_725),
    (97, "InternetConnectivityConsumerOEMContracts", 192_481, 171_332),
]

NETWORK_SERVICES_BREAKDOWN = [  # JPY millions; line: concept, 1H09, 1H10
    (107, "InternetConnectivityEnterpriseRevenue", 6_888, 6_941),
    (108, "IPServiceRevenue", 4_648, 4_479),  # "IP Service 5" (footnote marker)
    (109, "FiberAccessAndDSLServiceRevenue", 1_456, 1_494),
    (110, "IIJMobileServiceEnterpriseRevenue", 634, 837),
    (111, "InternetConnectivityEnterpriseOtherRevenue", 150, 131),
    (112, "InternetConnectivityConsumerRevenue", 3_410, 3_352),
    (113, "InternetConnectivityConsumerIIJRevenue", 513, 508),
    (114, "HiHoServiceRevenue", 2_612, 2_576),
    (115, "InternetConnectivityConsumerOEMRevenue", 285, 268),
    (116, "WANServicesRevenue", 1_264, 3_297),
    (117, "OutsourcingServicesRevenue", 6_742, 7_096),
    (118, "NetworkServicesRevenue", 18_304, 20_686),
]

NON_GAAP = [  # "Adjusted EBITDA" and "CAPEX", JPY millions; line: concept, 1H09, 1H10
    (221, "AdjustedEBITDA", 3_810, 3_920),
    (222, "DepreciationAndAmortization", 2_644, 2_619),
    (224, "OperatingIncome", 1_166, 1_201),
    (225, "OtherIncomeExpenseNet", -140, -195),
    (226, "IncomeTaxExpense", 528, 280),
    (227, "EquityInNetIncomeOfEquityMethodInvestees", 42, 32),
    (228, "NetIncome", 540, 758),
    (229, "NetIncomeAttributableToNoncontrollingInterests", -175, -101),  # "Net loss ..." 175
    (230, "NetIncomeAttributableToParent", 715, 859),
    (236, "CapitalExpenditures", 2_613, 3_025),
    (237, "AssetsAcquiredUnderCapitalLeases", 664, 861),
    (238, "CapexPurchaseOfPropertyAndEquipment", 1_949, 2_164),  # the CAPEX table's own line
]


@pytest.fixture(scope="module")
def ex() -> Extraction:
    return extraction(DOC)


@pytest.mark.parametrize(("line", "concept", "prior", "current"), INCOME_6M)
def test_income_statement_six_months(ex: Extraction, line: int, concept: str, prior: int,
                                     current: int) -> None:
    check(ex, line, concept, H1_09, prior)
    check(ex, line, concept, H1_10, current)


@pytest.mark.parametrize(("line", "concept", "unit", "prior", "current"), PER_SHARE_6M)
def test_per_share_block_six_months(ex: Extraction, line: int, concept: str, unit: str,
                                    prior: str, current: str) -> None:
    check(ex, line, concept, H1_09, prior, scale=1, unit=unit)
    check(ex, line, concept, H1_10, current, scale=1, unit=unit)


@pytest.mark.parametrize(("line", "concept", "march", "september"), BALANCE_SHEET)
def test_balance_sheet(ex: Extraction, line: int, concept: str, march: int,
                       september: int) -> None:
    check(ex, line, concept, MAR_10, march)
    check(ex, line, concept, SEP_10, september)


@pytest.mark.parametrize(("line", "concept", "prior", "current"), CASH_FLOW_TOTALS)
def test_cash_flow_totals(ex: Extraction, line: int, concept: str, prior: int,
                          current: int) -> None:
    check(ex, line, concept, H1_09, prior)
    check(ex, line, concept, H1_10, current)


def test_cash_at_beginning_and_end_of_period(ex: Extraction) -> None:
    check(ex, 442, "CashAndCashEquivalents", inst("2009-03-31"), 10_187_724)  # beginning
    check(ex, 443, "CashAndCashEquivalents", inst("2009-09-30"), 10_789_017)  # end
    check(ex, 442, "CashAndCashEquivalents", MAR_10, 8_764_415)
    check(ex, 443, "CashAndCashEquivalents", SEP_10, 9_408_031)


@pytest.mark.parametrize(("line", "concept", "prior", "current"), OPERATING_SUMMARY)
def test_operating_results_summary(ex: Extraction, line: int, concept: str, prior: int,
                                   current: int) -> None:
    check_rounded(ex, line, concept, H1_09, prior)
    check_rounded(ex, line, concept, H1_10, current)


@pytest.mark.parametrize(("line", "concept", "member", "prior", "current"), SEGMENT_SUMMARY)
def test_segment_summary(ex: Extraction, line: int, concept: str, member: str | None, prior: int,
                         current: int) -> None:
    dims = {"BusinessSegmentsAxis": member} if member else {}
    check_rounded(ex, line, concept, H1_09, prior, **dims)
    check_rounded(ex, line, concept, H1_10, current, **dims)


@pytest.mark.parametrize(("line", "concept", "prior", "current"), CONTRACTS)
def test_connectivity_contracts(ex: Extraction, line: int, concept: str, prior: int,
                                current: int) -> None:
    check(ex, line, concept, inst("2009-09-30"), prior, scale=1, unit="Contracts")
    check(ex, line, concept, SEP_10, current, scale=1, unit="Contracts")


def test_contracted_bandwidth(ex: Extraction) -> None:  # line 98: "619.8 Gbps 702.5 Gbps"
    check(ex, 98, "TotalContractedBandwidth", SEP_10, "702.5", scale=1, unit="Gbps")
    assert fact(ex, "TotalContractedBandwidth", SEP_10, unit="Gbps").decimals == 1


@pytest.mark.parametrize(("line", "concept", "prior", "current"), NETWORK_SERVICES_BREAKDOWN)
def test_network_services_revenue_breakdown(ex: Extraction, line: int, concept: str,
                                            prior: int, current: int) -> None:
    check_rounded(ex, line, concept, H1_09, prior)
    check_rounded(ex, line, concept, H1_10, current)


@pytest.mark.parametrize(("line", "concept", "prior", "current"), NON_GAAP)
def test_non_gaap_reconciliations(ex: Extraction, line: int, concept: str, prior: int,
                                  current: int) -> None:
    check_rounded(ex, line, concept, H1_09, prior)
    check_rounded(ex, line, concept, H1_10, current)


def test_usd_translation_column(ex: Extraction) -> None:
    check(ex, 341, "Revenues", H1_10, 410_297, unit="USD")  # Thousands of U.S. Dollars
    check(ex, 375, "EarningsPerShareBasic", H1_10, "50.77", scale=1,
          unit="USDPerShares")


def test_three_month_statement(ex: Extraction) -> None:
    check(ex, 607, "Revenues", Q2_09, 16_440_514)
    check(ex, 607, "Revenues", Q2_10, 18_458_817)
    check(ex, 633, "NetIncomeAttributableToParent", Q2_10, 612_313)


def test_tse_summary_forms(ex: Extraction) -> None:
    check_rounded(ex, 744, "Revenues", H1_10, 34_272)
    check(ex, 751, "EarningsPerShareBasic", H1_10, "4241.14", scale=1,
          unit="JPYPerShares")
    ratio = fact(ex, "ParentShareholdersEquityToAssetsRatio", SEP_10, unit="pure")
    assert str(ratio.value) == "0.421" and ratio.decimals == 3  # printed 42.1 (%)


def test_dividends_and_targets(ex: Extraction) -> None:
    fy10, fy11 = dur("2009-04-01", "2010-03-31"), dur("2010-04-01", "2011-03-31")
    check(ex, 766, "DividendPerShareSecondQuarterEnd", fy10, "1000.00", scale=1,
          unit="JPYPerShares")
    check(ex, 766, "DividendPerShareFirstQuarterEnd", fy10, None, scale=1,
          unit="JPYPerShares")
    # The target row prints its blank first cells as leading no-break spaces, which the reader
    # does not count as slots: its figures were placed by plausibility. The year's total is
    # the row above's paid 1,250.00 plus the forecast 1,250.00: that sum places them.
    check(ex, 768, "DividendPerShareAnnual", fy11, "2500.00", scale=1, unit="JPYPerShares",
          ResultForecastAxis="ForecastMember")
    annual = fact(ex, "DividendPerShareAnnual", fy11, "JPYPerShares",
                  ResultForecastAxis="ForecastMember")
    assert "own: completion" in annual.source.proven_by
    check(ex, 776, "Revenues", fy11, 84_500, scale=10**6,
          ResultForecastAxis="ForecastMember")


def test_a_target_table_that_states_no_unit_is_filed_where_its_tse_row_agrees(
        ex: Extraction) -> None:
    """Line 209 ("Full FY2010 84,500 4,800 4,100 3,000", under "FY2010 Financial Targets")
    names no unit; the TSE form's target row (line 776, "JPY millions") prints the same four
    figures. Each is filed as the same fact, both lines its provenance."""
    fy11 = dur("2010-04-01", "2011-03-31")
    for concept, value in (("Revenues", 84_500), ("OperatingIncome", 4_800),
                           ("IncomeBeforeIncomeTaxes", 4_100),
                           ("NetIncomeAttributableToParent", 3_000)):
        target = fact(ex, concept, fy11, ResultForecastAxis="ForecastMember")
        assert target.value == value * 10**6 and target.decimals == -6, concept
        assert lines_of(target) == {209, 776}, concept


def test_a_unitless_row_naming_another_period_than_its_other_printing_is_held(
        tmp_path: Path) -> None:
    """The same line relabelled "Full FY2011": its figures are printed elsewhere (line 776,
    for FY2010), so the reader takes their unit, but no printing of FY2011's targets agrees:
    every figure is held, none filed."""
    text = (samples_dir() / DOC).read_text(encoding="utf-8").splitlines()
    assert text[208].strip() == "Full FY2010 84,500 4,800 4,100 3,000"
    text[208] = text[208].replace("FY2010", "FY2011")
    path = tmp_path / DOC
    path.write_text("\n".join(text) + "\n", encoding="utf-8")
    relabelled = extract_release(path, load_taxonomy())
    assert not [f for f in relabelled.results.facts if 209 in lines_of(f)]
    held = [h for h in relabelled.results.review if h.line == 209]
    assert len(held) == 4 and all("states no unit" in h.reason for h in held)


def test_every_number_is_accounted_for(ex: Extraction) -> None:
    cov = ex.coverage
    assert cov.numbers == cov.accounted


def test_old_classification_outsourcing_is_not_the_current_outsourcing_line(
    ex: Extraction,
) -> None:
    """Lines 560 ("[Old Classification]": outsourcing incl. WAN) and 574 ("[New
    Classification]"), 1Q08: 3,690,496 = 561,931 (WAN) + 3,128,565 (outsourcing)."""
    q1_08 = dur("2008-04-01", "2008-06-30")
    check(ex, 560, "OutsourcingServicesRevenueIncludingWAN", q1_08, 3_690_496)
    check(ex, 574, "OutsourcingServicesRevenue", q1_08, 3_128_565)
    check(ex, 573, "WANServicesRevenue", q1_08, 561_931)


def test_a_loss_printed_without_its_sign_joins_the_statement_s_figure(ex: Extraction) -> None:
    """Line 540 prints the quarters' "Net income attributable to noncontrolling interests 82
    48", a loss: net income attributable to IIJ (535, 612) is net income (453, 564) plus it.
    The statement (line 632, "LESS: NET LOSS ATTRIBUTABLE TO NONCONTROLLING INTERESTS 82,384
    ... 48,042") files the loss as -82,384 and -48,042 thousand. Turned, the sum holds: the
    printing joins the statement's fact with its correction, instead of being held against
    it."""
    for period, value in ((dur("2009-07-01", "2009-09-30"), -82_384_000),
                          (dur("2010-07-01", "2010-09-30"), -48_042_000)):
        nci = fact(ex, "NetIncomeAttributableToNoncontrollingInterests", period)
        assert nci.value == value and 540 in lines_of(nci)
    assert not [h for h in ex.results.review if h.line == 540]
