"""Figures printed inside row labels and in TDnet share lists become facts (issue 11, items 3
and 2), each value read by hand from the sample it cites (file:line).

A label's figures take the dates the label prints for them, in the order printed; one figure
for two dates is the figure at each. Share-count lists are filed only where another printing
agrees; where it disagrees (002 prints the six-month average as "For the three months ended"),
the entry is held back and the statement's figure stands.
"""

from __future__ import annotations

import pytest

from generator.extract.pipeline import Extraction
from tests.extract.samples import check, dur, extraction, fact, held, inst

S000, S002, S003, S004 = ("000_2bec0ea935cb70a9.txt", "002_848ee02a02e0fa53.txt",
                          "003_beeb705454dfa33f.txt", "004_071992bb41c141de.txt")


@pytest.fixture(scope="module")
def ex002() -> Extraction:
    return extraction(S002)


@pytest.fixture(scope="module")
def ex003() -> Extraction:
    return extraction(S003)


@pytest.fixture(scope="module")
def ex004() -> Extraction:
    return extraction(S004)


@pytest.fixture(scope="module")
def ex000() -> Extraction:
    return extraction(S000)


MAR_10, SEP_10 = inst("2010-03-31"), inst("2010-09-30")
LABELS_002 = [  # 002: line, concept, March 31, 2010, September 30, 2010 (thousands of JPY)
    (259, "AllowanceForDoubtfulAccountsReceivable", 37_178, 56_787),
    (263, "AllowanceForDoubtfulAccountsOtherCurrentAssets", 720, 720),  # one figure, both dates
    (271, "AccumulatedDepreciationAndAmortization", 17_653_271, 19_564_943),
    (281, "AllowanceForDoubtfulAccountsOtherAssets", 91_319, 81_094),
    (281, "LoanLossValuationAllowanceOtherAssets", 16_701, 16_701),  # "JPY16,701thousand"
]
SHARES_002 = [  # 002: line, concept, March 31, 2010, September 30, 2010 (shares)
    (306, "CommonStockSharesAuthorized", 377_600, 377_600),
    (306, "CommonStockSharesIssued", 206_478, 206_478),  # "issued and outstanding"
    (310, "TreasuryStockShares", 3_934, 3_794),
]


@pytest.mark.parametrize(("line", "concept", "march", "september"), LABELS_002)
def test_002_amounts_in_balance_sheet_labels(ex002: Extraction, line: int, concept: str,
                                             march: int, september: int) -> None:
    check(ex002, line, concept, MAR_10, march)
    check(ex002, line, concept, SEP_10, september)
    assert fact(ex002, concept, SEP_10).decimals == -3  # "JPY ... thousand"


@pytest.mark.parametrize(("line", "concept", "march", "september"), SHARES_002)
def test_002_share_counts_in_equity_labels(ex002: Extraction, line: int, concept: str,
                                           march: int, september: int) -> None:
    check(ex002, line, concept, MAR_10, march, scale=1, unit="shares")
    check(ex002, line, concept, SEP_10, september, scale=1, unit="shares")


def test_002_share_lists_agree_with_the_labels(ex002: Extraction) -> None:
    # 002:801-809 "As of September 30, 2010: 206,478 shares", treasury 3,794 / 3,934
    issued = fact(ex002, "CommonStockSharesIssued", SEP_10, "shares")
    assert f"{S002}:801" in issued.source.also_in or issued.source.line == 801
    treasury = fact(ex002, "TreasuryStockShares", MAR_10, "shares")
    assert {treasury.source.line, *(int(a.rsplit(':', 1)[1]) for a in treasury.source.also_in)} \
        >= {310, 809}


def test_002_list_entry_with_the_wrong_period_is_held_back(ex002: Extraction) -> None:
    # 002:813 "For the three months ended September 30, 2010: 202,605shares" is the six-month
    # average (002:371); the three-month statement prints 202,666 (002:638), which stays filed
    held(ex002, 813, "WeightedAverageSharesBasic", "202,605", "disagree")
    q2 = fact(ex002, "WeightedAverageSharesBasic", dur("2010-07-01", "2010-09-30"), "shares")
    assert q2.value == 202_666 and q2.source.line == 638


MAR_17, SEP_17 = inst("2017-03-31"), inst("2017-09-30")


def test_003_runon_labels(ex003: Extraction) -> None:
    # 003:177 (one run-on line): allowances and accumulated depreciation, thousands of JPY
    check(ex003, 177, "AllowanceForDoubtfulAccountsReceivable", MAR_17, 107_684)
    check(ex003, 177, "AllowanceForDoubtfulAccountsReceivable", SEP_17, 118_818)
    check(ex003, 177, "AllowanceForDoubtfulAccountsOtherCurrentAssets", SEP_17, 15_192)
    check(ex003, 177, "AccumulatedDepreciationAndAmortization", SEP_17, 53_371_055)
    check(ex003, 177, "AllowanceForDoubtfulAccountsOtherAssets", MAR_17, 61_877)
    # 003:181 "issued and outstanding, 46,711,400 and 46,713,800 shares at March 31, 2017 and
    # September 30, 2017, respectively"; "Treasury stock—1,650,909 shares held ... at ..."
    check(ex003, 181, "CommonStockSharesAuthorized", SEP_17, 75_520_000, scale=1, unit="shares")
    check(ex003, 181, "CommonStockSharesIssued", MAR_17, 46_711_400, scale=1, unit="shares")
    check(ex003, 181, "CommonStockSharesIssued", SEP_17, 46_713_800, scale=1, unit="shares")
    check(ex003, 181, "TreasuryStockShares", SEP_17, 1_650_909, scale=1, unit="shares")


MAR_13, SEP_13 = inst("2013-03-31"), inst("2013-09-30")


def test_004_label_dated_clause_by_clause(ex004: Extraction) -> None:
    # 004:316-317 "authorized, 75,520,000 shares; issued and outstanding, 41,295,600 shares at
    # March 31, 2013 —authorized, 75,520,000 shares; issued and outstanding, 46,697,800 shares
    # at September 30, 2013"
    check(ex004, 316, "CommonStockSharesIssued", MAR_13, 41_295_600, scale=1, unit="shares")
    check(ex004, 316, "CommonStockSharesIssued", SEP_13, 46_697_800, scale=1, unit="shares")
    check(ex004, 316, "CommonStockSharesAuthorized", SEP_13, 75_520_000, scale=1, unit="shares")
    # 004:321 treasury 758,800 and 758,813 shares; 004:277 allowance JPY 10,732 / 719 thousand
    check(ex004, 321, "TreasuryStockShares", MAR_13, 758_800, scale=1, unit="shares")
    check(ex004, 321, "TreasuryStockShares", SEP_13, 758_813, scale=1, unit="shares")
    check(ex004, 277, "AllowanceForDoubtfulAccountsOtherCurrentAssets", SEP_13, 719)


def test_004_weighted_average_list_agrees_with_the_statement(ex004: Extraction) -> None:
    # 004:833 "For the first six months ended September 30, 2013: 42,683,242 shares" = 004:386
    f = fact(ex004, "WeightedAverageSharesBasic", dur("2013-04-01", "2013-09-30"), "shares")
    assert f.value == 42_683_242
    assert f"{S004}:833" in f.source.also_in or f.source.line == 833


MAR_11, SEP_11 = inst("2011-03-31"), inst("2011-09-30")


def test_000_ocr_label_figures_need_their_list_printing(ex000: Extraction) -> None:
    # 000:452-459 (OCR) label figures agree with the share list 000:1253-1257: filed
    check(ex000, 453, "CommonStockSharesIssued", MAR_11, 206_478, scale=1, unit="shares")
    check(ex000, 459, "TreasuryStockShares", SEP_11, 3_794, scale=1, unit="shares")
    # authorized (000:452) is printed nowhere else: held back, not filed
    found = [h for h in ex000.results.review if h.concept == "CommonStockSharesAuthorized"]
    assert len(found) == 2 and all("OCR text" in h.reason for h in found)
    assert not [f for f in ex000.results.facts if f.concept == "CommonStockSharesAuthorized"]
