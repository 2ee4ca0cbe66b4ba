"""Digits grouped by thousands with a thin space, a narrow no-break space or an apostrophe are one
number: "3 412" (thin space) is 3,412, never the figure 3 with 412 left over."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from generator.extract.pipeline import extract_release
from generator.extract.read.lines import comma_grouped, space_grouped
from generator.extract.read.numbers import parse_number
from generator.resources import samples_dir
from generator.taxonomy import load_taxonomy

from .samples import TABBED, edited_sample, extraction, figures, printed_as

SEPARATORS = ["\u2009", "\u202f", "'", "\u2019"]


@pytest.mark.parametrize("separator", SEPARATORS, ids=["thin", "narrow-nbsp", "apostrophe",
                                                       "right-quote"])
def test_a_release_grouped_another_way_files_the_same_figures(tmp_path: Path,
                                                               separator: str) -> None:
    text = (samples_dir() / TABBED).read_text(encoding="utf-8")
    regrouped = re.sub(r"(?<=\d),(?=\d{3})", separator, text)
    assert regrouped != text
    path = tmp_path / TABBED
    path.write_text(regrouped, encoding="utf-8")
    assert figures(extract_release(path, load_taxonomy())) == figures(extraction(TABBED))


@given(st.integers(min_value=0, max_value=10**15), st.sampled_from(SEPARATORS),
       st.sampled_from(["", ".5", ".00"]))
def test_grouped_digits_read_as_comma_grouped(number: int, separator: str, fraction: str) -> None:
    printed = f"{number:,}".replace(",", separator) + fraction
    assert comma_grouped(f"Revenues\t{printed}\t(x)") == f"Revenues\t{number:,}{fraction}\t(x)"


@pytest.mark.parametrize("text", ["FY'13", "1234\u2009567", "2\u2009412\u20091",
                                  "Q1'2013", "it's 12 o'clock"])
def test_what_is_not_a_digit_group_is_left_alone(text: str) -> None:
    assert comma_grouped(text) == text


@given(st.integers(min_value=1000, max_value=10**12), st.sampled_from(["", ".01", ".5"]))
def test_a_space_grouped_figure_between_wide_gaps_is_one_figure(number: int,
                                                                 fraction: str) -> None:
    printed = f"{number:,}".replace(",", " ") + fraction
    assert space_grouped(f"Net income    {printed}    {printed}") == \
        f"Net income    {number:,}{fraction}    {number:,}{fraction}"
    assert space_grouped(printed, cell=True) == f"{number:,}{fraction}"


@pytest.mark.parametrize("text", ["March 31 2011", "12 34", "FY 2010 2011", "1234 567"])
def test_what_is_no_space_grouped_figure_is_left_alone(text: str) -> None:
    assert space_grouped(text) == text


@pytest.mark.parametrize(("sample", "line", "printed", "read"), [
    (TABBED, 795, "1,750.00", "1 750.00"),  # one figure grouped by a space
    # two whose tab was lost, the row padded back to its width by a trailing tab
    ("001_6c9832476b77f69a.txt", 235, "224\t777\t767\t856\t663\t754",
     "224 777\t767\t856\t663\t754\t"),
], ids=["grouped", "lost-tab"])
def test_a_tabbed_cell_of_figures_apart_by_a_space_files_no_figure_on_a_guess(
        tmp_path: Path, sample: str, line: int, printed: str, read: str) -> None:
    ex = edited_sample(tmp_path, sample, printed_as(line, printed, read))
    assert figures(ex) <= figures(extraction(sample))  # nothing filed that was not


@pytest.mark.parametrize(("token", "value"), [("161-", "-161"), ("1,234-", "-1234"),
                                              ("12.5\u2212", "-12.5")])
def test_a_minus_printed_after_the_figure_makes_it_negative(token: str, value: str) -> None:
    parsed = parse_number(token)
    assert parsed is not None and parsed.value == Decimal(value)


@pytest.mark.parametrize(("token", "value"), [("3.6%-", "-3.6"), ("12.7%\u2212", "-12.7")])
def test_a_minus_printed_after_a_percentage_makes_it_a_negative_percentage(
        token: str, value: str) -> None:
    parsed = parse_number(token)  # sample 002 line 108 printed so: "IP Service 5 4,648 4,479 3.6%-"
    assert parsed is not None and parsed.value == Decimal(value) and parsed.percent


@pytest.mark.parametrize("token", ["FY2010-11", "-", "1-2", "a1-"])
def test_a_trailing_minus_needs_a_whole_figure_before_it(token: str) -> None:
    parsed = parse_number(token)
    assert parsed is None or parsed.value is None


@pytest.mark.parametrize(("text", "read"), [
    ("JPY 16 775", "JPY 16,775"), ("JPY +1 014", "JPY +1,014"),
    ("JPY 3 000 (Annual)", "JPY 3,000 (Annual)"), ("(1 234)", "(1,234)")])
def test_a_cell_printing_its_own_currency_or_note_is_one_space_grouped_figure(
        text: str, read: str) -> None:
    assert space_grouped(text, cell=True) == read


def test_per_share_figures_grouped_by_spaces_in_a_tabbed_row_file_no_split_figure(
        tmp_path: Path) -> None:
    # "JPY 16 775" read as two figures put "15" (of "JPY 15 761") under the first target
    ex = edited_sample(tmp_path, "001_6c9832476b77f69a.txt", printed_as(
        435, "JPY 16,775\tJPY 16,775\tJPY 15,761\tJPY +1,014",
        "JPY 16 775\tJPY 16 775\tJPY 15 761\tJPY +1 014"))
    per_share = {f.value for f in ex.results.facts if f.source.line == 435}
    assert per_share <= {Decimal("16775"), Decimal("15761"), Decimal("1014")}
