"""A label wrapped over lines, in ragged columns or OCR'd text, reads back as one label on the
row of its figures, whichever of its lines the figures are printed on (issue 11: OCR labels that
wrap onto the lines after their figures, a page's worth of label before them, dates that read
like headings inside them). Letters OCR confuses do not hide the words that name a figure in a
label, nor the company's name in a label.
"""

from __future__ import annotations

import datetime as dt
import re
import textwrap

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from generator.extract.map_rows import map_document
from generator.extract.map_rows.inlabel import named_concept
from generator.extract.read import aligned
from generator.extract.read.inlabel import label_figures, misread
from generator.extract.read.ocr import join_broken_labels
from generator.extract.read.segments import Segment
from generator.model.taxonomy import LabelFigure, Taxonomy
from generator.taxonomy import load_taxonomy
from generator.taxonomy.aliases import AliasIndex, normalize_label
from tests.extract.builders import MAR_2010, SEP_2010, col, document, row, table
from tests.extract.samples import synthetic_score

CASH = "Cash and cash equivalents".ljust(50) + "1,234,567".rjust(14) + "2,345,678".rjust(14)
TOTAL = "Total current assets".ljust(50) + "9,234,567".rjust(14) + "9,345,678".rjust(14)


@pytest.fixture(scope="module")
def real() -> Taxonomy:
    return load_taxonomy()


def read(lines: list[str], furniture: set[int] | None = None) -> list[Segment]:
    """Ragged columns read as the release reader reads them (aligned layout)."""
    furniture = furniture or set()
    return join_broken_labels(aligned.segments(lines, furniture), aggressive=True,
                              furniture=furniture)


def rows(lines: list[str], furniture: set[int] | None = None
         ) -> list[tuple[str, list[str | None]]]:
    return [(s.label, s.tokens) for s in read(lines, furniture) if s.kind == "row"]


PAGE_BREAK = ["", "- 3 -", "", "11J 1H FY2028", ""]


def with_figures(text: str, figures: tuple[str, str], indent: str = "") -> str:
    return (indent + text).ljust(max(52, len(indent + text) + 2)) + figures[0].rjust(14) + \
        figures[1].rjust(14)


@pytest.mark.xfail(strict=True, reason="known: a label figure wrapped to a line's end reads "
                   "as that line's figure")
def test_a_label_figure_wrapped_to_the_end_of_a_line_stays_in_the_label() -> None:
    label = ("Property and equipment, net of accumulated depreciation and amortization of "
             "JPY 100 thousand and JPY 100 thousand at March 31, 2000 and September 30, 2000, "
             "respectively")
    parts = textwrap.wrap(label, 29)  # "and amortization of JPY 100" ends its line
    # the figures on the label's last line, a page break before its sixth (hypothesis's case)
    lines = [CASH, *parts[:5], *PAGE_BREAK, parts[5],
             with_figures(parts[6], ("8,765,432", "7,654,321")), TOTAL]
    furniture = {7, 9}
    assert [read_label for read_label, _ in rows(lines, furniture)] == [
        "Cash and cash equivalents", label, "Total current assets"]


LABELS = st.sampled_from([
    "Other current assets, net of allowance for doubtful accounts of JPY {a} thousand and "
    "JPY {b} thousand at March 31, {y} and September 30, {y}, respectively",
    "Property and equipment, net of accumulated depreciation and amortization of JPY {a} "
    "thousand and JPY {b} thousand at March 31, {y} and September 30, {y}, respectively",
    "Treasury stock—{a} shares held by the company at March 31, {y} and September 30, {y}, "
    "respectively",
    "Common stock—authorized, {a} shares; issued and outstanding, {b} shares at March 31, {y} "
    "and September 30, {y}, respectively",
])


@settings(max_examples=300, deadline=None)
# Known, not fixed (see the xfail test below): a wrap that leaves a figure of the label at the
# very end or start of a line ("and amortization of JPY 100", "1 shares; issued ...") reads as
# that line's own figure. Such wraps are left out here.
@given(template=LABELS, a=st.integers(1, 10**7), b=st.integers(1, 10**7),
       year=st.integers(2000, 2039), width=st.integers(28, 48), where=st.integers(0, 20),
       indent=st.sampled_from(["", "  ", "    "]), page=st.none() | st.integers(0, 20))
def test_a_wrapped_label_reads_back_whole_on_the_line_of_its_figures(
        template: str, a: int, b: int, year: int, width: int, where: int, indent: str,
        page: int | None) -> None:
    """Wrapped at any width that leaves the label column narrower than the figures' margin
    (a wider line pushes its figures out of their columns: another test's matter), with a
    page break (OCR page furniture) anywhere between its lines, or none."""
    label = template.format(a=f"{a:,}", b=f"{b:,}", y=year)
    parts = textwrap.wrap(label, width)
    edge = re.compile(rf"(?:^|[\s—])(?:{a:,}|{b:,})$|^(?:{a:,}|{b:,})(?:\s|$)")
    assume(not any(edge.search(part) for part in parts))
    at = where % len(parts)
    lines = [indent + CASH]
    furniture: set[int] = set()
    for k, part in enumerate(parts):
        if page is not None and k == 1 + page % max(len(parts) - 1, 1) and k < len(parts):
            furniture = {len(lines) + 1, len(lines) + 3}
            lines.extend(PAGE_BREAK)
        if k == at:
            lines.append(with_figures(part, ("8,765,432", "7,654,321"), indent if k == 0 else ""))
        else:
            lines.append((indent if k == 0 else "") + part)
    lines.append(indent + TOTAL)
    assert rows(lines, furniture) == [
        ("Cash and cash equivalents", ["1,234,567", "2,345,678"]),
        (label, ["8,765,432", "7,654,321"]),
        ("Total current assets", ["9,234,567", "9,345,678"]),
    ]


def test_the_label_goes_on_after_its_figures_when_it_stops_mid_phrase() -> None:
    lines = [
        CASH,
        with_figures("Other current assets, net of", ("456,280", "943,734")),
        "allowance for doubtful accounts of",
        "JPY 72,207 thousand and JPY 13,596",
        "thousand at March 31, 2029 and",
        "September 30, 2029, respectively",
        TOTAL,
    ]
    assert rows(lines)[1] == (
        "Other current assets, net of allowance for doubtful accounts of JPY 72,207 thousand and"
        " JPY 13,596 thousand at March 31, 2029 and September 30, 2029, respectively",
        ["456,280", "943,734"])


def test_a_label_line_starting_with_a_year_is_no_row_of_figures() -> None:
    lines = [
        CASH,
        "Property and equipment, net of",
        "accumulated depreciation and",
        "amortlzation of JPY 46,963 thousand",
        with_figures("and JPY 25,354 thousand at March 31,", ("522,038", "710,055")),
        "2021 and September 30, 2021,",
        "respectively",
        TOTAL,
    ]
    labels = [label for label, _ in rows(lines)]
    assert labels[1].endswith("at March 31, 2021 and September 30, 2021, respectively")
    assert len(labels) == 3


def test_a_heading_after_a_row_is_not_read_as_the_rest_of_its_label() -> None:
    """OCR reads "OTHER" as "0THER": a word, not a number the label goes on from."""
    lines = [
        CASH,
        with_figures("Income from operations", ("48,989", "(1,117,642)")),
        "0THER INCOME (EXPENSES):",
        with_figures("Dividend income", ("206,862", "823,903")),
    ]
    assert [label for label, _ in rows(lines)] == [
        "Cash and cash equivalents", "Income from operations", "Dividend income"]


def test_a_label_that_fills_the_lines_before_a_table_part_labels_its_first_row() -> None:
    """Five lines without figures part two tables, unless they are one label wrapped over
    them: here they are, and the figure inside it ("25,000,000") is no cell."""
    lines = [
        CASH,
        with_figures("Total liabilities", ("6,136,061", "6,746,606")),
        "COMMITMENTS AND CONTINGENCIES",
        "SHAREHOLDERS' EQUITY:",
        "Common stock—authorized, 25,000,000",
        "shares; issued and outstanding,",
        "10,916,368 shares at March 31, 2023 and",
        with_figures("September 30, 2023, respectively", ("144,839", "864,862")),
        TOTAL,
    ]
    assert rows(lines)[2] == (
        "Common stock—authorized, 25,000,000 shares; issued and outstanding, 10,916,368 shares "
        "at March 31, 2023 and September 30, 2023, respectively", ["144,839", "864,862"])


def test_a_date_on_a_line_of_its_own_inside_a_label_starts_no_table() -> None:
    lines = [
        CASH,
        with_figures("Accounts receivable, net of", ("2,791,143", "4,736,179")),
        "accumulated depreciation and",
        "amortization of JPY 975,409",
        "thousand and JPY 454,755",
        "thousand at March 31, 2024 and",
        "September 30, 2024,",
        "respectively",
        TOTAL,
    ]
    segments = read(lines)
    assert not [s for s in segments if s.kind == "header"]
    assert [label for label, _ in rows(lines)][1].endswith(
        "JPY 454,755 thousand at March 31, 2024 and September 30, 2024, respectively")


def test_a_letter_misread_as_a_digit_in_a_labels_words_casts_no_doubt_on_its_figures() -> None:
    [clause] = label_figures(
        "Accounts receivable, net of allowance for doubtfu1 accounts of JPY 13,469 thousand and "
        "JPY 79,458 thousand at March 31, 2029 and September 30, 2029, respectively")
    assert clause.doubt is None
    assert [f.value for f in clause.figures] == [13469, 79458]


def test_a_figure_with_a_digit_printed_as_a_letter_is_read_and_marked_misread() -> None:
    [clause] = label_figures(
        "Other assets, net of allowance for doubtful accounts of JPY 51,313 thousand and JPY "
        "37,l48 thousand at March 31, 2028 and September 30, 2028, respectively")
    assert [(f.value, misread(f.text)) for f in clause.figures] == [
        (51313, False), (37148, True)]
    assert clause.dates == (dt.date(2028, 3, 31), dt.date(2028, 9, 30))


def test_the_remains_of_a_damaged_figure_still_cast_doubt() -> None:
    clause = label_figures("Accounts receivable, net of allowance of JPY 67,1 36 thousand and "
                           "JPY 76,007 thousand at March 31, 2029")[-1]
    assert clause.doubt is not None


@pytest.mark.parametrize(("printed", "day"), [
    ("March 3l, 2022", dt.date(2022, 3, 31)), ("March 31, 2O22", dt.date(2022, 3, 31)),
    ("September 3O, 2025", dt.date(2025, 9, 30)), ("March 31, 2022", dt.date(2022, 3, 31))])
def test_a_date_with_a_digit_printed_as_its_lookalike_letter_dates_the_figures(
        printed: str, day: dt.date) -> None:
    [clause] = label_figures(f"Treasury stock—1,512,308 shares held by the company at {printed}")
    assert clause.dates == (day,)


def test_a_label_goes_on_across_a_page_break() -> None:
    """OCR page furniture (a page number, the running head) and the blank lines around it
    between a row and the rest of its label are no gap."""
    lines = [
        CASH,
        with_figures("Other assets, net of allowance for doubtful", ("922,057", "611,938")),
        "",
        "-2-",
        "",
        "11J 1H FY2028",
        "",
        "accounts of JPY 51,313 thousand and JPY 37,148",
        "thousand at March 31, 2028 and September 30,",
        "2028, respectively",
        TOTAL,
    ]
    segments = join_broken_labels(aligned.segments(lines, {3, 5}), aggressive=True,
                                  furniture={3, 5})
    labels = [s.label for s in segments if s.kind == "row"]
    assert labels[1] == (
        "Other assets, net of allowance for doubtful accounts of JPY 51,313 thousand and JPY "
        "37,148 thousand at March 31, 2028 and September 30, 2028, respectively")
    # without the page break, three blank lines and two more part the fragment from its row
    alone = join_broken_labels(aligned.segments(lines, {3, 5}), aggressive=True)
    assert [s.label for s in alone if s.kind == "row"][1] == \
        "Other assets, net of allowance for doubtful"


def test_words_with_letters_ocr_confuses_name_the_figure_they_damage(real: Taxonomy) -> None:
    index = AliasIndex(real, real.companies["iij"])
    declared = real.figures_in_label("AccountsReceivable")
    named = named_concept(index, declared, "net of a11owance for doubtfu1 accounts of")
    assert isinstance(named, LabelFigure)
    assert named.concept == "AllowanceForDoubtfulAccountsReceivable"


NAME = "Internet Initiative Japan Inc."
LOOKALIKE = {"i": "1", "I": "1", "l": "1", "o": "0", "O": "0"}


@given(st.sets(st.integers(0, len(NAME) - 1), max_size=3))
def test_the_companys_name_with_letters_ocr_confuses_is_still_the_company(spots: set[int]) -> None:
    damaged = "".join(LOOKALIKE.get(ch, ch) if i in spots else ch for i, ch in enumerate(NAME))
    names = (NAME, "IIJ")
    assert normalize_label(f"Net income attributable to {damaged}", names) == \
        normalize_label("Net income attributable to IIJ", names)


def test_a_short_name_is_only_forgiven_as_spelt() -> None:
    """"113" is a number as often as it is "IIJ" misread: ``ocr_names`` lists such misreadings."""
    assert "{company}" not in normalize_label("Net income attributable to 11J", ("IIJ",))


@pytest.mark.parametrize("seed", [0, 2, 4, 5])
def test_ocr_releases_with_labels_wrapped_around_their_figures_file_every_figure(
        real: Taxonomy, seed: int) -> None:
    """Seeds 0, 2, 4 and 5 missed 21 figures printed in wrapped labels or under a damaged
    company name: all are filed now, none wrong."""
    _, score = synthetic_score(real, "ocr", seed)
    assert score.filed_wrong == 0, [w.describe() for w in score.wrong[:3]]
    assert score.missed == 0, [(f.concept, f.line) for f in score.missed_figures]


def test_a_damaged_label_is_read_by_its_first_words_with_lookalike_letters_forgiven(
        real: Taxonomy) -> None:
    """"Accounts receivab1e, net of allowance ...": neither the whole label nor its first words
    are a wording as printed; its first words are, but for a letter OCR confuses."""
    label = ("Accounts receivab1e, net of allowance for doubtful accounts of JPY 76,140 "
             "thousand and JPY 39,095 thousand at March 31, 2010 and September 30, 2010, "
             "respectively")
    sheet = table("Consolidated balance sheets", 10,
                  [col(period=MAR_2010), col(period=SEP_2010)],
                  [row("ASSETS", 11), row("Current assets:", 12),
                   row(label, 13, "390,212", "367,354")], kind="balance")
    facts = map_document(document(sheet, company="iij"), real).facts
    assert sorted({f.concept for f in facts if f.source.line == 13}) == [
        "AccountsReceivable", "AllowanceForDoubtfulAccountsReceivable"]


def test_a_misread_figure_in_a_label_is_held_back_and_its_clean_neighbour_filed(
        real: Taxonomy) -> None:
    """Synthetic OCR seed 314 prints "JPY 37,l48 thousand" across a page break: the other
    figure of the clause is filed, that one held back with its reason, none missed."""
    extraction, score = synthetic_score(real, "ocr", 314)
    assert score.filed_wrong == 0 and score.missed == 0
    [held] = extraction.results.review
    assert held.text == "JPY 37,l48 thousand"
    assert "letter OCR confuses" in held.reason
