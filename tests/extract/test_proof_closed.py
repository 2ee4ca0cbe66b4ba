"""A sum short of a declared part whose rows were read whole — every row from the heading that
opens it to its total printing one of its own figures or naming a heading — is complete as
printed: where it breaks, its figures nothing else pins are held (proof/closed.py). Not where a
row among them names a line but prints no figure (a scan lost it): that row may be the part
missing."""

from __future__ import annotations

from pathlib import Path

from generator.extract.pipeline import Extraction
from tests.extract.samples import edited_synthetic, extraction, filed_values

# Synthetic release 5000 (tab-separated): its operating section, lines 114-145, opens on
# "OPERATING ACTIVITIES:" and prints fewer lines than the sum declares (no provision for
# retirement and pension costs).
RECEIVABLE = "    Increase in accounts receivable\t815,616\t365,162"
OPERATING_TOTAL = "  Net cash provided by operating activities\t15,636,809\t19,571,119"
ACCRUED = "    Increase in accrued expenses\t530,137\t25,889"
# 1H FY2023's receipt of investment securities, read "512,583" (a misread digit, line 125)
RECEIPT = ("    Gain on receipt of investment securities\t850,336\t612,583",
           "    Gain on receipt of investment securities\t850,336\t512,583")


def _release(tmp_path: Path, *edits: tuple[str, str]) -> Extraction:
    return edited_synthetic(tmp_path, 5000, *edits)


def _filed(ex: Extraction, concept: str) -> set[int]:
    return filed_values(ex, concept)


def _held_for_operating(ex: Extraction) -> list[str]:
    return [h.text for h in ex.results.review if "NetCashFromOperatingActivities" in h.reason]


def test_two_misreads_in_a_section_read_whole_are_held_though_no_column_adds_up(
        tmp_path: Path) -> None:
    """1H FY2022's accounts receivable read "865,616" (815,616) and its operating total
    "95,636,809" (15,636,809): the sum misses its printed parts by 79,950,000, which no single
    misread digit explains, and 1H FY2023's column, with a misread of its own, cannot show
    by comparison that the part the sum declares and the section does not print is not in
    the table. But every row from "OPERATING ACTIVITIES:" to the total is read as one of the
    sum's figures or a heading: there is no row left for that part, so the sum is broken,
    and the misread receivable is held, not filed."""
    ex = _release(tmp_path, (RECEIVABLE, RECEIVABLE.replace("815,616", "865,616")),
                  (OPERATING_TOTAL, OPERATING_TOTAL.replace("15,636,809", "95,636,809")), RECEIPT)
    assert 865_616_000 not in _filed(ex, "DecreaseIncreaseInAccountsReceivable")
    reasons = {h.text: h.reason for h in ex.results.review}
    assert "NetCashFromOperatingActivities 95,636,809 (line 145) breaks" in reasons["865,616"]


def test_the_section_as_printed_is_filed(tmp_path: Path) -> None:
    ex = _release(tmp_path)
    assert 815_616_000 in _filed(ex, "DecreaseIncreaseInAccountsReceivable")
    assert not _held_for_operating(ex)


def test_a_row_whose_figures_a_scan_lost_leaves_the_sum_short_of_a_part(tmp_path: Path) -> None:
    """Line 140 printing its label without its figures (lost in a scan): the section misses
    its total by them in both columns, and that row is the part missing, not a misread. It
    names a line, not a heading, so the section is not read whole: every figure still
    printed is correct, and none is held."""
    ex = _release(tmp_path, (ACCRUED, "    Increase in accrued expenses"))
    assert not _held_for_operating(ex)
    assert 815_616_000 in _filed(ex, "DecreaseIncreaseInAccountsReceivable")


def test_a_sample_s_current_assets_with_wrapped_rows_that_lost_their_figures_hold_nothing(
        ) -> None:
    """000's balance sheet (lines 387-405) prints accounts receivable and other current assets
    as wrapped labels whose figures the scan lost: total current assets misses its printed
    parts in every column, and nothing is held for it."""
    ex = extraction("000_2bec0ea935cb70a9.txt")
    assert not [h for h in ex.results.review if "AssetsCurrent" in h.reason]


ADJUSTMENTS = ("  Adjustments to reconcile net income to net cash provided by operating "
               "activities:\t\t")
PAGE_BREAK = ("\n- 7 -\n\nQuarterly Consolidated Statements of Cash Flows (Unaudited) (continued)\n"
              "\tSix Months Ended September 30, 2022\tSix Months Ended September 30, 2023\n"
              "\tThousands of JPY\tThousands of JPY\n")


def test_a_section_a_page_break_splits_is_not_read_whole(tmp_path: Path) -> None:
    """A page break after net income: the section's rest continues in a table of its own,
    opened by the heading "Adjustments to reconcile...:", and its total misses the net income
    printed in the first. That heading is within the section, not the total's own: the sum is
    not read whole, and no correct figure is held for it."""
    ex = _release(tmp_path, (ADJUSTMENTS, PAGE_BREAK + ADJUSTMENTS))
    assert not _held_for_operating(ex)
    assert 815_616_000 in _filed(ex, "DecreaseIncreaseInAccountsReceivable")


def test_a_row_naming_a_line_and_a_heading_without_figures_is_no_heading(tmp_path: Path) -> None:
    """"Systems integration" names the heading above its breakdown and the line that sums it.
    Printed with neither its breakdown nor its figures (a scan lost them), between network
    services and equipment sales printed without their breakdowns, it may be the part total
    revenues misses: the revenues are not read whole, and none of them is held."""
    breakdowns = ("  Network services:\t\t\n"
                  "    Internet Connectivity (corporate use)\t358,268\t663,487\n"
                  "    Internet connectivity services (home use)\t162,349\t762,779\n"
                  "    WAN services\t603,008\t43,115\n"
                  "    Outsourcing services\t146,988\t949,684\n"
                  "    Network service revenues\t1,270,613\t2,419,065\n"
                  "  Systems integration:\t\t\n"
                  "    Systems operation and maintenance\t113,710\t757,782\n"
                  "    Systems Integration (SI)\t113,710\t757,782\n")
    ex = _release(tmp_path, (breakdowns, "  Network services\t1,270,613\t2,419,065\n"
                                         "  Systems integration\n"))
    assert not [h for h in ex.results.review if "Revenues" in h.reason]
    assert 66_668_000 in _filed(ex, "EquipmentSalesRevenue")
