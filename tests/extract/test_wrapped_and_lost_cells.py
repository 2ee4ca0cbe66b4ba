"""A row whose figures cannot be placed for sure is never filed on a guess: a tab lost between a
label and its first figure ("Elimination 80<TAB>61"), a label wrapped onto the line of its
figures under a row that has its own."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

from generator.extract.pipeline import Extraction

from .samples import TABBED, edited_sample, extraction, figures, lines_of, printed_as

OCR = "000_2bec0ea935cb70a9.txt"


def _filed_at(ex: Extraction, line: int) -> set[tuple[object, ...]]:
    return {(f.concept, f.period, tuple(sorted(f.dimensions.items())), f.value)
            for f in ex.results.facts if f.source.line == line}


def test_a_figure_that_lost_its_tab_shifts_no_other_figure_into_its_column(
        tmp_path: Path) -> None:
    ex = edited_sample(tmp_path, TABBED, printed_as(66, "Elimination\t80", "Elimination 80"))
    # 61 is the second column's figure: filed in the first, or as anything else, it is wrong
    assert _filed_at(ex, 66) <= _filed_at(extraction(TABBED), 66)
    assert any(h.line == 66 for h in ex.results.review)


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
        printed_as(63, "Operating Income", "Operating Incoe")(text)
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
