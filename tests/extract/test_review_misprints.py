"""Adversarial reviews of the misprint settlements of 5f8991f (proof/misprints.py,
proof/recomputed.py, read/unitless.py + proof/borrowed.py): inputs edited from the samples
so that a mechanism would file a wrong figure or attach a false correction."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from tests.extract.samples import dur, edited_sample, fact, lines_of, printed_as

IIJ_1H11 = "000_2bec0ea935cb70a9.txt"
H1_10 = dur("2010-04-01", "2010-09-30")
Q2_10 = dur("2010-07-01", "2010-09-30")
EPS = ("EarningsPerShareBasic", "EarningsPerShareDiluted")


def test_a_misprint_is_not_corrected_to_a_coarser_printing_at_its_own_precision(
        tmp_path: Path) -> None:
    """The statement prints 1H10 EPS at one decimal (lines 572, 574: "4,241.1"); the TSE form
    transposes it at two (line 1202: "4,214.14"). The ratio shows 4,214.14 misprinted, but
    the statement cannot say what its second decimal is: filing line 1202 as 4,241.10 with
    decimals 2 files a figure the release never prints (the truth is 4,241.05..4,241.15)."""
    def edit(text: list[str]) -> None:
        assert text[571] == text[573] == "4,241.14"
        text[571] = text[573] = "4,241.1"
    ex = edited_sample(tmp_path, IIJ_1H11, edit)
    for concept in EPS:
        eps = fact(ex, concept, H1_10, "JPYPerShares")
        assert not (eps.decimals == 2 and eps.value == Decimal("4241.10")), (
            concept, eps.value, eps.decimals, eps.source.line)
        assert eps.decimals is not None and eps.decimals <= 1, concept


def test_a_row_whose_label_names_the_wrong_period_is_not_corrected_to_that_period_s_figure(
        tmp_path: Path) -> None:
    """The TSE form's second EPS row labelled "Three months ended September 30, 2010" (the
    form's results table at line 1183 carries the same mislabel) and printing the six
    months' 4,241.14 correctly. It disagrees with Q2's filed 3,021.29 (line 1015), and Q2's net
    income over its shares fits 3,021.29: that is no sign of a misprint of 3,021.29 (five of
    its six digits differ), only of a figure of another period. Recording line 1202 as a
    misprint of Q2's EPS puts a false correction and a false provenance in the filing."""
    def edit(text: list[str]) -> None:
        assert text[1200] == "Six months ended" and text[1201].startswith("September 30, 2010")
        text[1200] = "Three months ended"
        text[1201] = "September 30, 2010 4,241.14 4,241.14"
    ex = edited_sample(tmp_path, IIJ_1H11, edit)
    for concept in EPS:
        q2 = fact(ex, concept, Q2_10, "JPYPerShares")
        assert q2.value == Decimal("3021.29") and 1202 not in lines_of(q2), concept
    assert not [c for c in ex.coverage.corrections if c.location.endswith(":1202")]


IIJ_1H10 = "002_848ee02a02e0fa53.txt"
PLAN = ["      FY2011 Financial Targets", "",
        "        Revenues Operating Income Income before Income Tax Expense (Benefit) Net Income "
        "attributable to IIJ",
        "      Full FY2011 855 48 42 31", ""]


def test_two_printings_of_one_unitless_table_do_not_confirm_the_unit_they_both_borrowed(
        tmp_path: Path) -> None:
    """A plan table that states no unit (its figures in hundreds of millions of yen, say),
    printed twice: in the summary and in the body. Each of 855, 48, 42 and 31 happens to be
    printed in some JPY-millions table of the release (lines 549, 540, 227, 499: other lines,
    other periods), so both copies borrow JPY millions, and each copy was the other's
    "other printing": FY2011 revenues were filed as JPY 855 million on nothing but a
    coincidence of digits. Only a printing in a table that states its unit may confirm a
    borrowed one."""
    def edit(text: list[str]) -> None:
        assert text[208].strip() == "Full FY2010 84,500 4,800 4,100 3,000"
        text[210:210] = PLAN
        text[20:20] = PLAN
    ex = edited_sample(tmp_path, IIJ_1H10, edit)
    rows = [i for i, line in enumerate(
        (tmp_path / IIJ_1H10).read_text(encoding="utf-8").splitlines(), 1)
        if "Full FY2011" in line]
    assert len(rows) == 2
    assert not [f for f in ex.results.facts if lines_of(f) & set(rows)]
    assert len([h for h in ex.results.review if h.line in rows]) == 8


def test_a_rounded_printing_recomputed_one_unit_off_is_not_filed_in_place_of_the_statement_s(
        tmp_path: Path) -> None:
    """The TSE summary's March 2011 IIJ shareholders' equity reprinted "29,653" (line 1211),
    one unit off the 29,652,287 thousand the balance sheet's own lines give (line 461's scan
    misread 20,652,287). A unit of slack lets two printings of one figure agree, but here the
    summary's figure is not merged under the statement's: it is filed in its place, at
    decimals -6, and 29,653 million is not what the recomputation shows (29,652 million)."""
    def edit(text: list[str]) -> None:
        assert text[1210] == "March 31, 2011 71,473 29,641 29,652 41.5"
        text[1210] = "March 31, 2011 71,473 29,641 29,653 41.5"
    ex = edited_sample(tmp_path, IIJ_1H11, edit)
    march = [f for f in ex.results.facts
             if f.concept == "ParentShareholdersEquity" and str(f.period) == "@2011-03-31"]
    assert not [f for f in march if f.value == Decimal("29653e6")], march


def test_a_unitless_echo_of_the_tse_form_does_not_file_the_form_s_unproven_figure(
        tmp_path: Path) -> None:
    """003's TSE target row (line 343) prints income before income tax 6,500; no check of its
    own confirms that item ("only the per-share ratio proves its row"), so it is held. A
    unitless copy of the row under the FY2017 targets heading, with the same item words, reads
    its items with the same splitter: its agreement is no independent evidence, and filing
    the copy on the held printing's word files what the proof holds back."""
    def edit(text: list[str]) -> None:
        assert text[152] == "FY2017 Financial Targets"
        text[153:153] = ["", "Revenues Operating Income Income before Income Tax Expense "
                             "(Benefit) Net Income attributable to IIJ",
                         "Full FY2017 176,000 6,500 6,500 4,000"]
    ex = edited_sample(tmp_path, "003_beeb705454dfa33f.txt", edit)
    fy17 = dur("2017-04-01", "2018-03-31")
    assert not [f for f in ex.results.facts if f.concept == "IncomeBeforeIncomeTaxes"
                and f.period == fy17 and f.dimensions.get("ResultForecastAxis")]
    # the figures the form's proven printings vouch for are filed from both lines
    revenue = fact(ex, "Revenues", fy17, ResultForecastAxis="ForecastMember")
    assert revenue.value == 176_000 * 10**6 and {156, 346} <= lines_of(revenue)


def test_a_unitless_echo_that_differs_from_the_form_in_one_figure_holds_both_printings(
        tmp_path: Path) -> None:
    """002's TSE form scanned 4,100 (line 776, income before income tax) as 4,180; its
    unitless echo (line 209) prints 4,100 beside three figures the form prints alike. The
    echo is read for its three, and the two printings of the fourth differ: neither is
    filed (the form's had only its column's ratio check behind it)."""
    ex = edited_sample(tmp_path, "002_848ee02a02e0fa53.txt",
                       printed_as(776, "4,800 40.7 4,100", "4,800 40.7 4,180"))
    fy10 = dur("2010-04-01", "2011-03-31")
    assert not [f for f in ex.results.facts if f.concept == "IncomeBeforeIncomeTaxes"
                and f.period == fy10 and f.dimensions.get("ResultForecastAxis")]
    held = {h.line: h.value for h in ex.results.review
            if h.concept == "IncomeBeforeIncomeTaxes" and h.period == fy10}
    assert held == {209: Decimal(4100 * 10**6), 776: Decimal(4180 * 10**6)}
    revenue = fact(ex, "Revenues", fy10, ResultForecastAxis="ForecastMember")
    assert revenue.value == 84_500 * 10**6 and {209, 776} <= lines_of(revenue)


def test_a_member_another_printing_contradicts_does_not_recompute_a_wrong_figure(
        tmp_path: Path) -> None:
    """Three one-digit misreadings in the 1H10 costs: the summary's total costs "27,531"
    (line 85; its own sum, 16,803 + 9,859 + 313 + 456, gives 27,431, and its YoY 38.4% too),
    the statement's cost of network services "16,902,569" (line 502; the summary's 16,803 is
    borne out by its own YoY %) and sales and marketing "2,783,026" (line 507), which offsets
    it in total cost and expenses. The statement's two sums then both give 27,530,541 for
    total cost, and the summary's broken sum gives 16,903 for the cost of network services:
    each misreading vouched for the other, and 16,902,569 and 27,530,541 were filed. A
    member with a disagreeing printing of its own (not yet doubted, its column not yet
    judged) recomputes nothing, and neither is a printing a check of its own bears out
    refuted by a broken sum."""
    def edit(text: list[str]) -> None:
        for line, old, new in ((85, "Total Costs 27,431", "Total Costs 27,531"),
                               (502, "16,802,569", "16,902,569"), (507, "2,883,026", "2,783,026")):
            assert old in text[line - 1]
            text[line - 1] = text[line - 1].replace(old, new, 1)
    ex = edited_sample(tmp_path, IIJ_1H11, edit)
    network = fact(ex, "CostOfNetworkServices", H1_10)
    assert (network.value, network.source.line) == (16_803 * 10**6, 86)
    total = [f for f in ex.results.facts if f.concept == "CostOfRevenues" and f.period == H1_10]
    assert all(f.value == 27_430_541_000 for f in total), total


def test_a_misread_part_of_a_broken_sum_is_held_not_filed_in_its_proven_column(
        tmp_path: Path) -> None:
    """Line 507's 1H10 sales and marketing read "2,783,026" (printed 2,883,026): total cost and
    expenses (line 510, 33,070,989) then breaks by 100,000. Other sums prove the column, and
    nothing of its own confirms the figure: it and the sum's other unconfirmed parts are held,
    the misreading is not filed."""
    ex = edited_sample(tmp_path, IIJ_1H11, printed_as(507, "2,883,026", "2,783,026"))
    assert not [f for f in ex.results.facts
                if f.concept == "SalesAndMarketingExpenses" and f.period == H1_10]
    [held] = [h for h in ex.results.review if h.line == 507 and h.text == "2,783,026"]
    assert "CostsAndExpenses 33,070,989 (line 510) breaks" in held.reason


def test_a_sum_broken_by_a_part_printed_as_a_deduction_holds_nothing(
        tmp_path: Path) -> None:
    """000's reconciliation (line 906) prints the quarter's net loss attributable to
    noncontrolling interests as 48 and 18 without a sign; net income attributable to IIJ
    (612, 849) is net income (564, 831) plus them. Flipped, the sum holds: the figure is filed
    as printed (the build's consistency step stores it with its natural sign, -18 million),
    and nothing is held for it."""
    ex = edited_sample(tmp_path, IIJ_1H11, lambda text: None)
    q2_11 = fact(ex, "NetIncomeAttributableToNoncontrollingInterests",
                 dur("2011-07-01", "2011-09-30"))
    assert abs(q2_11.value or 0) == Decimal("18000000") and 906 in lines_of(q2_11)
    assert not [h for h in ex.results.review if h.line == 906]
