"""A row whose figures cannot be placed for sure is never filed on a guess: a tab lost between a
label and its first figure ("Elimination 80<TAB>61"), a label wrapped onto the line of its
figures under a row that has its own."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import pytest

from generator.extract.map_rows import map_document
from generator.extract.pipeline import Extraction
from generator.extract.read import tabbed
from generator.taxonomy import load_taxonomy

from .builders import col, document, row, table
from .samples import TABBED, edited_sample, extraction, figures, lines_of, printed_as

OCR = "000_2bec0ea935cb70a9.txt"
SLIDES = "001_6c9832476b77f69a.txt"


def _filed_at(ex: Extraction, line: int) -> set[tuple[object, ...]]:
    return {(f.concept, f.period, tuple(sorted(f.dimensions.items())), f.value)
            for f in ex.results.facts if f.source.line == line}


def test_a_figure_that_lost_its_tab_shifts_no_other_figure_into_its_column(
        tmp_path: Path) -> None:
    ex = edited_sample(tmp_path, TABBED, printed_as(66, "Elimination\t80", "Elimination 80"))
    # 61 is the second column's figure: filed in the first, or as anything else, it is wrong;
    # the label's last figure is the first cell's, so the row is read as printed before (its
    # placement still a guess that the segments' sum confirms)
    assert _filed_at(ex, 66) == _filed_at(extraction(TABBED), 66)


def test_a_label_wrapped_above_its_figures_is_not_the_tail_of_the_row_before(
        tmp_path: Path) -> None:
    def wrap(text: list[str]) -> None:
        assert text[862].startswith("Income before Income Tax Expense 727")
        text[862:863] = ["Income before Income Tax", "    Expense 727 1,425 96.1"]

    ex = edited_sample(tmp_path, OCR, wrap)
    operating = {Decimal(935_000_000), Decimal(1_534_000_000)}
    assert not [f for f in ex.results.facts
                if f.concept == "IncomeBeforeIncomeTaxes" and f.value in operating]
    assert {round(f.value, -6) for f in ex.results.facts if f.value is not None
            and f.concept == "OperatingIncome" and 862 in lines_of(f)} == operating


def test_members_after_a_total_no_wording_names_are_not_filed_under_the_total_before(
        tmp_path: Path) -> None:
    def damaged(text: list[str]) -> None:
        printed_as(60, "Network Services and SI Business", "Ne twork Servlces andd SI")(text)
        # (two letters off: no wording keys like it, so the total is unread)
        printed_as(63, "Operating Income", "Oprating Incoe")(text)
        # the statements' segment revenues, whose printing would contradict line 64's
        printed_as(517, "Network service and systems", "Nctwork sorvice xnd sistems")(text)

    ex = edited_sample(tmp_path, TABBED, damaged)
    # line 64 is operating income's network segment (3,260 and 2,829), not its revenues
    assert not [f for f in ex.results.facts if f.source.line == 64 and f.concept == "Revenues"]
    assert [h for h in ex.results.review if h.line == 64 and h.concept == "Revenues"]


def test_a_tabbed_label_wrapped_below_or_above_its_figures_is_one_label(tmp_path: Path) -> None:
    def wrap(text: list[str]) -> None:
        assert text[89].startswith("Internet Connectivity Service (Corporate Use)\t7,816")
        assert text[59].startswith("Network Services and SI Business\t50,311")
        text[89:90] = [text[89].replace(" Service (Corporate Use)", ""),
                       "  Service (Corporate Use)"]  # figures on the label's first line
        text[59:60] = ["Network Services and", "  " + text[59].replace(
            "Network Services and ", "")]  # figures on its last line

    ex = edited_sample(tmp_path, TABBED, wrap)
    # the rows' figures, filed where they were (merged with their other printings)
    before = {(f.concept, f.period, tuple(sorted(f.dimensions.items())), f.value)
              for f in extraction(TABBED).results.facts if lines_of(f) & {60, 90}}
    after = {(f.concept, f.period, tuple(sorted(f.dimensions.items())), f.value)
             for f in ex.results.facts if lines_of(f) & {61, 91}}
    assert before and after == before


def test_a_footnote_mark_ending_a_label_is_no_lost_tab(tmp_path: Path) -> None:
    ex = edited_sample(tmp_path, TABBED, printed_as(787, "As of September 30, 2013",
                                                    "As of September 30, 2013 (1)"))
    filed = {(f.concept, f.value) for f in ex.results.facts if 787 in lines_of(f)}
    assert filed == {(f.concept, f.value) for f in extraction(TABBED).results.facts
                     if 787 in lines_of(f)}


def test_an_indented_heading_over_indented_rows_is_no_tail_of_the_row_above(
        tmp_path: Path) -> None:
    def heading(text: list[str]) -> None:
        at = next(i for i, line in enumerate(text)
                  if line.startswith("Total current liabilities\t"))
        text.insert(at + 1, "  Noncurrent liabilities")
        for i in range(at + 2, at + 6):
            text[i] = "    " + text[i]

    ex = edited_sample(tmp_path, TABBED, heading)
    assert [f for f in ex.results.facts if f.concept == "LiabilitiesCurrent"]


def test_figures_grouped_by_spaces_throughout_a_tabbed_release_are_filed(
        tmp_path: Path) -> None:
    def by_spaces(text: list[str]) -> None:
        for i, line in enumerate(text):
            if "\t" in line:
                text[i] = re.sub(r"(?<=\d),(?=\d{3})", " ", line)

    filed, before = figures(edited_sample(tmp_path, TABBED, by_spaces)), figures(
        extraction(TABBED))
    assert filed <= before  # the labels' "JPY 93 123 thousand" too: no figure 93
    assert len(filed) >= 0.98 * len(before)


def test_a_row_shifted_a_column_is_not_filed_on_sums_that_hold_only_within_rounding(
        tmp_path: Path) -> None:
    # "Expenses<TAB>36...", the first quarter's 37 lost: each figure sits a quarter left of
    # its own, and Cost 229 + 36 = 265 against Sum 266 holds within the rounding of three
    # figures in millions, as 297 + 43 against 341 does: a sum that ties only within
    # rounding does not place them
    ex = edited_sample(tmp_path, SLIDES, printed_as(288, "Expenses\t37", "Expenses"))
    assert _filed_at(ex, 288) <= _filed_at(extraction(SLIDES), 288)
    assert {h.text for h in ex.results.review if h.line == 288} >= {"36", "43"}


def test_members_after_an_unread_segment_are_those_of_the_total_its_lines_name(
        tmp_path: Path) -> None:
    # The segment row is unread; "Customers" and "Intersegment" under it name revenues' lines,
    # so the next segment row is a segment's revenues, not operating income's (the next
    # breakdown in the network's order)
    def damaged(text: list[str]) -> None:  # as a re-typeset draw's scan damaged them
        printed_as(788, "Business Segments:", "Business Segments:'")(text)
        printed_as(799, "Network service and systems", "|Network service and systerns")(text)
        printed_as(803, "Customers", "'Custorners")(text)
        printed_as(805, "Elimination", "Eliminaion")(text)
        printed_as(806, "Consolidated total", "Consolidated totall")(text)

    ex = edited_sample(tmp_path, OCR, damaged)
    assert not [f for f in ex.results.facts if 799 <= f.source.line <= 806
                and f.concept == "OperatingIncome"]
    atm = {f.value for f in ex.results.facts if f.source.line == 802
           and f.concept == "Revenues"
           and f.dimensions == {"BusinessSegmentsAxis": "ATMOperationBusinessMember"}}
    assert atm == {Decimal(228_376_000), Decimal(560_887_000)}  # and tied by line 499's
    # the lines under the unread segment are that segment's, not the consolidated figures
    assert not [f for f in ex.results.facts if f.source.line in (800, 801)]
    assert {(h.line, h.text) for h in ex.results.review} >= {(800, "34,043,704"),
                                                            (801, "248,273")}


@pytest.mark.parametrize(("line", "guessed"), [
    ("Total Revenues\t97.0\t100.0\t82.4", False),
    ("Total Revenues\t97.0 100.0\t82.4", True),  # the tab between two figures lost
    ("Cash Dividend per Share\tJPY 3,000 (Annual)\tJPY 2,750 (Annual)", False),
    # an amount beside its share, its footnote mark or a dash: one figure a cell
    ("Network Services\t1,234 (12.5%)\t1,100 (11.9%)", False),
    ("Depreciation\t1,234 (1)\t1,100", False),
    ("Other\t- 1,500.00\t1,100", False),
])
def test_a_cell_holding_two_figures_makes_its_rows_columns_a_guess(line: str,
                                                                  guessed: bool) -> None:
    [row] = [s for s in tabbed.segments([line], set(), typed_tabs=True) if s.kind == "row"]
    assert row.guessed is guessed


def test_a_column_whose_scale_word_was_lost_beside_one_that_states_it_is_not_filed(
        tmp_path: Path) -> None:
    # the second column's "Thousands of" damaged away: read as yen, 2,829,032 thousand is
    # 2,829,032 yen, which a table printing its first column in thousands says it is not
    ex = edited_sample(tmp_path, TABBED, printed_as(
        529, "Thousands of JPY Thousands of JPY", "Thousands of JPY Th ousa nds of JPY"))
    assert _filed_at(ex, 530) <= _filed_at(extraction(TABBED), 530)
    assert any(h.line == 530 and "a scale word lost?" in h.reason for h in ex.results.review)


def test_member_rows_after_a_row_read_by_its_place_alone_are_in_doubt() -> None:
    # "ATM operation bsiness" is read by its place as the next line, operating income: the
    # "Elimination" after it may be revenues' (it is), so its line is the mapper's guess
    real = load_taxonomy()
    segments = table("Segment Results Summary", 94, [col(scale=10**6)], [
        row("Net Revenues", 97, "34,272"),
        row("Network services and Sl business", 98, "34,264"),
        row("ATM operation bsiness", 99, "228"),
        row("Elimination", 100, "220")])
    doc = document(segments, company="iij").model_copy(update={"layout": "ocr"})
    [outcome] = map_document(doc, real).tables
    assert [f.concept for f in outcome.facts if f.source.line == 99] == ["OperatingIncome"]
    assert set(outcome.doubtful_rows) == {3}
