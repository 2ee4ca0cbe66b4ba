"""A sum short of a declared part that adds up in one column of its table and breaks in the
other, the same parts printed, is broken there: its figures nothing else pins are held
(proof/siblings.py). Not where the table prints another row among the sum's rows (or next to
them, unmapped) with a figure in one column and none in the other: that row may be the part
missing. A yen figure it holds still witnesses the lost sign of its dollar twin
(crosscheck.py)."""

from __future__ import annotations

from pathlib import Path

from generator.extract.pipeline import Extraction, extract_release
from generator.resources import samples_dir
from generator.taxonomy import load_taxonomy
from tests.extract.samples import dur, edited_sample, edited_synthetic, filed_values, printed_as

IIJ_1H11 = "000_2bec0ea935cb70a9.txt"
GUARANTEE_DEPOSITS = "  Payments of guarantee deposits\t722,161\t352,839"
FIRST_INVESTING = "  Purchase of property and equipment\t587,033\t31,250"
# 1H FY2028's investing total, net increase and closing cash with a row of 12,000 more
WITH_12_000 = (("8,523,609", "8,535,609"), ("26,417,617", "26,429,617"),
               ("27,276,879", "27,288,879"))


def _release(tmp_path: Path, *edits: tuple[str, str], row: str = "",
             before: str = GUARANTEE_DEPOSITS) -> Extraction:
    """Synthetic release 210 (tab-separated; its investing section, lines 160-173, prints
    fewer lines than the sum declares) with figures printed otherwise, and ``row`` (if any)
    printed before the line ``before``."""
    inserted = ((before, f"{row}\n{before}"),) if row else ()
    return edited_synthetic(tmp_path, 210, *inserted, *edits)


def _filed(ex: Extraction, concept: str, unit: str = "JPY") -> set[int]:
    return filed_values(ex, concept, unit)


def _held_for_investing(ex: Extraction) -> list[str]:
    return [h.text for h in ex.results.review if "NetCashFromInvestingActivities" in h.reason]


def test_two_misreads_in_a_section_short_of_a_part_are_held_where_the_other_column_adds_up(
        tmp_path: Path) -> None:
    """Lines 167-168 print 1H FY2028's guarantee deposits paid and refunded as "622,161" and
    "664,559" (722,161 and 964,559): net cash used in investing activities (8,523,609) then
    misses its printed parts by 400,000, which no single misread digit explains. A part the
    sum declares is not printed, but the same printed parts add up in the 1H FY2029 column:
    the part is not in this table, so the sum is broken, and the misreadings are held."""
    ex = _release(tmp_path, ("722,161", "622,161"), ("964,559", "664,559"))
    assert 622_161_000 not in _filed(ex, "PaymentsOfGuaranteeDeposits")
    assert 664_559_000 not in _filed(ex, "RefundOfGuaranteeDeposits")
    reasons = {h.text: h.reason for h in ex.results.review}
    assert "NetCashFromInvestingActivities 8,523,609 (line 173) breaks" in reasons["622,161"]


def test_the_section_as_printed_is_filed(tmp_path: Path) -> None:
    ex = _release(tmp_path)
    assert 722_161_000 in _filed(ex, "PaymentsOfGuaranteeDeposits")
    assert not _held_for_investing(ex)


def test_a_sample_s_sum_short_of_a_part_that_breaks_in_every_column_holds_nothing() -> None:
    """000's quarterly cash flows (line 1129 on) print an operating section short of parts the
    sum declares, and it misses its total in both columns: nothing shows the missing parts are
    not in the table, so nothing is held for that sum."""
    ex = extract_release(samples_dir() / "000_2bec0ea935cb70a9.txt", load_taxonomy())
    assert not [h for h in ex.results.review if "NetCashFromOperatingActivities" in h.reason]


def test_an_unmapped_row_with_a_figure_where_the_other_column_prints_a_dash_holds_nothing(
        tmp_path: Path) -> None:
    """Release 210 printing, among its investing rows, one the reader does not map: 12,000 in
    1H FY2028, a dash in 1H FY2029, and the totals with it (8,535,609). The sum's mapped parts
    add up in 1H FY2029 and miss by the 12,000 in 1H FY2028: that row is the part missing
    there, not a misread. Every figure of the section is correct: none is held."""
    ex = _release(tmp_path, *WITH_12_000, row="  Purchase of harbour crane leases\t12,000\t--")
    assert [u.text for u in ex.results.unmapped if u.line == 167] == ["12,000", "--"]
    assert not _held_for_investing(ex)
    assert 722_161_000 in _filed(ex, "PaymentsOfGuaranteeDeposits")


def test_an_unmapped_first_row_of_the_section_holds_nothing(tmp_path: Path) -> None:
    """The same row printed first in the investing section, above the sum's first mapped part:
    it is next to the sum's rows, unmapped, and still the part missing in 1H FY2028."""
    ex = _release(tmp_path, *WITH_12_000, row="  Purchase of harbour crane leases\t12,000\t--",
                  before=FIRST_INVESTING)
    assert [u.text for u in ex.results.unmapped if u.line == 160] == ["12,000", "--"]
    assert not _held_for_investing(ex)
    assert 587_033_000 in _filed(ex, "PurchaseOfPropertyAndEquipment")


def test_an_unmapped_row_of_dashes_among_the_rows_leaves_the_check_standing(
        tmp_path: Path) -> None:
    """An unmapped row printing a dash in both columns adds nothing to either: the two
    misreadings of the first test are still held."""
    ex = _release(tmp_path, ("722,161", "622,161"), ("964,559", "664,559"),
                  row="  Purchase of harbour crane leases\t--\t--")
    assert 622_161_000 not in _filed(ex, "PaymentsOfGuaranteeDeposits")
    assert "622,161" in _held_for_investing(ex)


def test_a_dollar_figure_s_lost_sign_is_restored_from_the_yen_twin_the_check_holds(
        tmp_path: Path) -> None:
    """Line 518's 1H11 "Other -net" read "68,389" (printed 68,329): other income (expense)
    -net (line 519) then breaks in the 1H11 yen column, short of dividend income, and adds up
    in the 1H10 column, so the yen figures nothing else pins are held, line 516's (170) among
    them. That is the printing the dollar "2" beside it (printed for (2)) takes its sign from:
    (170) thousand yen at 77.04 is -2.2 thousand dollars. Held, it still witnesses the sign:
    -2,000 USD is filed, as without the misreading, never +2,000."""
    ex = edited_sample(tmp_path, IIJ_1H11, printed_as(518, "68,329", "68,389"))
    assert "(170)" in [h.text for h in ex.results.review if h.line == 516]
    [usd] = [f for f in ex.results.facts if f.concept == "GainOnSalesOfOtherInvestments"
             and f.unit == "USD" and f.period == dur("2011-04-01", "2011-09-30")]
    assert usd.value == -2000
    [correction] = usd.source.corrections
    assert "prints (170) JPY" in correction.evidence[-1]
    assert "held back" in correction.evidence[-1]
