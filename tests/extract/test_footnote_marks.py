"""Footnote marks are no figures and take no figure's place: "(Note 10)" after a label, "*",
"※" or "†" after a figure, a bare mark number beside a row whose other rows print notes."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.extract.read.lines import split_footnote
from generator.extract.read.numbers import parse_number
from generator.extract.read.segments import merge_tokens

from .samples import edited_sample, extraction, figures, filed_values, printed_as

BREAKDOWN = "002_848ee02a02e0fa53.txt"  # lines 107-118: "IP Service 5 4,648 4,479 (3.6%)"
PER_SHARE = "000_2bec0ea935cb70a9.txt"  # line 1200: "September 30, 2011 6,717.11 6,715.15"
NOTES = "001_6c9832476b77f69a.txt"  # lines 264-266: "FY2009 / Operating income: 3,412"
NOTED_ROWS = [(111, "Others"), (113, "Under IIJ Brand"), (114, "hi-ho"),
              (116, "WAN Services 7"), (117, "Outsourcing Services")]


def test_a_parenthesized_note_is_one_token() -> None:
    assert merge_tokens(["Others", "(Note", "10)", "150", "131"]) == \
        ["Others", "(Note 10)", "150", "131"]


def test_a_parenthesis_opened_on_a_figure_is_no_note() -> None:
    assert merge_tokens(["Net", "loss", "(1,234", ")"]) == ["Net", "loss", "(1,234 )"]


@pytest.mark.parametrize(("label", "name", "mark"), [
    ("Others (Note 10)", "Others", "(Note 10)"), ("hi-ho (notes 1, 2)", "hi-ho", "(notes 1, 2)"),
    ("Revenues (See Note 3)", "Revenues", "(See Note 3)"), ("Revenues\u2020", "Revenues", "\u2020"),
    ("Net sales\u203b1", "Net sales", "\u203b1")])
def test_a_note_after_a_label_is_its_footnote(label: str, name: str, mark: str) -> None:
    assert split_footnote(label) == (name, mark)


@pytest.mark.parametrize(("token", "value"), [
    ("34,272*", "34272"), ("6,717.11\u203b", "6717.11"), ("(1,234)\u2020", "-1234"),
    ("12.5%*", "12.5"), ("34,272*1", "34272"), ("1,234\u00b9", "1234")])
def test_a_mark_after_a_figure_leaves_the_figure(token: str, value: str) -> None:
    parsed = parse_number(token)
    assert parsed is not None and str(parsed.value) == value


def test_a_marked_year_stays_a_date() -> None:
    assert parse_number("2011*") is None  # "March 31, 2011*"


def test_notes_after_labels_file_the_figures_of_the_unnoted_release(tmp_path: Path) -> None:
    def noted(text: list[str]) -> None:
        for number, (line, label) in enumerate(NOTED_ROWS, start=10):
            printed_as(line, label, f"{label} (Note {number})")(text)

    assert figures(edited_sample(tmp_path, BREAKDOWN, noted)) == figures(extraction(BREAKDOWN))


@pytest.mark.parametrize("note", ["{label} {number})", "{label} Note {number}"])
def test_note_numbers_read_as_figures_shift_no_row_into_a_wrong_column(
        tmp_path: Path, note: str) -> None:
    # "Others Note 10 150 131 (12.7%)": 10 is read as a figure, the table gains a column no
    # heading names, and "IP Service 5 4,648 4,479 (3.6%)" puts 4,479 under "YoY % change"
    # and (3.6%) under no heading: 5 was filed as 1H09's IP service revenue, 4,648 as 1H10's
    def marked(text: list[str]) -> None:
        for number, (line, label) in enumerate(NOTED_ROWS, start=10):
            printed_as(line, label, note.format(label=label, number=number))(text)

    assert figures(edited_sample(tmp_path, BREAKDOWN, marked)) <= figures(extraction(BREAKDOWN))


def test_a_marked_figure_keeps_its_column(tmp_path: Path) -> None:
    marked = edited_sample(tmp_path, PER_SHARE, printed_as(1200, "6,717.11", "6,717.11\u203b"))
    assert figures(marked) == figures(extraction(PER_SHARE))


def test_marks_before_the_figures_of_a_one_column_list_take_no_figure_s_place(
        tmp_path: Path) -> None:
    # "FY2009 / Operating income: (3) 3,412 / Net income attributable to IIJ: (4) 2,234": both
    # rows print two numbers under one period, so the table gains a trailing column no heading
    # names, and the marks (3) and (4) were filed as FY2009's operating income and net income
    def marked(text: list[str]) -> None:
        printed_as(265, "income: 3,412", "income: (3) 3,412")(text)
        printed_as(266, "IIJ: 2,234", "IIJ: (4) 2,234")(text)

    assert figures(edited_sample(tmp_path, NOTES, marked)) <= figures(extraction(NOTES))


def test_marks_before_ungrouped_figures_of_a_one_column_list_are_not_filed(
        tmp_path: Path) -> None:
    # "Operating income: (3) 412": the number after the mark prints no grouping, so only its
    # shape tells it from a change; a whole number is no percentage, and the mark is no figure
    def marked(text: list[str]) -> None:
        printed_as(265, "income: 3,412", "income: (3) 412")(text)
        printed_as(266, "IIJ: 2,234", "IIJ: (4) 234")(text)

    marked_release = edited_sample(tmp_path, NOTES, marked)
    assert -3_000_000 not in filed_values(marked_release, "OperatingIncome")
    assert -4_000_000 not in filed_values(marked_release, "NetIncomeAttributableToParent")
