"""A page break inside a table prints furniture — the page's number, a running head, a
"(Continued)" line, the column header again — and none of it is content: the rows after the
break are the same table's, read under the totals above them."""

from __future__ import annotations

import re
from pathlib import Path

from generator.extract.read.furniture import page_furniture

from .samples import TABBED, edited_sample, extraction, figures

HEAD = "Internet Initiative Japan Inc.                    March 31, 2014"
NAME = "Internet Initiative Japan Inc."


def _page_break(number: int, *after: str) -> list[str]:
    return ["", NAME, f"- {number} -", "", HEAD, "", *after]


def _with_running_heads(text: list[str]) -> None:
    """The sample's page footers ("- 8 - IIJ 1H FY2013") each between the running foot and
    head that :func:`_page_break` prints: every page has them."""
    for i in reversed(range(len(text))):
        if re.fullmatch(r"- \d+ - IIJ 1H FY2013", text[i].strip()):
            text[i + 1:i + 1] = ["", HEAD]
            text[i:i] = [NAME]


def test_a_running_head_beside_the_page_numbers_is_furniture() -> None:
    lines = ["Internet Initiative Japan Inc.", "Results", "text", *_page_break(1),
             "more text", *_page_break(2), "the end"]
    found = {lines[i] for i in page_furniture(lines)}
    assert found == {NAME, "- 1 -", "- 2 -", HEAD}
    assert 0 not in page_furniture(lines)  # the name as the release's first line is content


def test_a_line_beside_one_page_number_only_is_content() -> None:
    lines = ["text", *_page_break(1), "more text", "- 2 -", "the end"]
    assert {lines[i] for i in page_furniture(lines)} == {"- 1 -", "- 2 -"}


def test_page_n_of_m_and_continued_are_furniture() -> None:
    lines = ["Revenues\t1\t2", "Page 9 of 24", "(Continued)", "p. 10", "Costs (continued)"]
    assert page_furniture(lines) == {1, 2, 3}  # a title that says it goes on is content


def test_a_column_header_repeated_at_every_page_top_is_no_furniture() -> None:
    header = "\t1H12\t1H13\tYoY % Change"
    lines = ["x", *_page_break(1, header), "Revenues\t1\t2\t3", *_page_break(2, header), "y"]
    assert lines.index(header) not in page_furniture(lines)


def test_cost_lines_after_a_page_break_are_not_read_as_revenue_lines(tmp_path: Path) -> None:
    """Sample 004's summary broken after "Total Costs" (a re-typeset draw, rvC6): the cost
    lines after the break, "(Continued)" under the running head, were read as a table of their
    own and filed as the revenue lines they are named like (Network Services 25,383 filed as
    revenue, the true 32,259 held). Read as one table, they are the costs: every figure is
    the sample's."""
    header = ["\t1H12\t1H13\tYoY % Change\t\t", "\tJPY millions\tJPY millions\t\t\t"]

    def edit(text: list[str]) -> None:
        assert text[44].startswith("Total Costs\t40,961")
        text[45:45] = _page_break(2, "(Continued)", *header)
        text[20:20] = _page_break(1)
        _with_running_heads(text)

    ex = edited_sample(tmp_path, TABBED, edit)
    assert figures(ex) == figures(extraction(TABBED))  # the page break changes no figure


def test_a_header_printed_again_after_a_break_is_one_header(tmp_path: Path) -> None:
    """The header alone at a page's foot and again at the next page's top, the rows under the
    second: one table of three columns, not six, its figures the sample's."""
    header = ["\t1H12\t1H13\tYoY % Change\t\t", "\tJPY millions\tJPY millions\t\t\t"]

    def edit(text: list[str]) -> None:
        assert text[38].startswith("\tJPY millions")
        text[39:39] = _page_break(2, *header)
        text[20:20] = _page_break(1)
        _with_running_heads(text)

    ex = edited_sample(tmp_path, TABBED, edit)
    assert figures(ex) == figures(extraction(TABBED))


def test_a_footer_ending_in_its_page_number_is_furniture() -> None:
    footer = "IIJ Announces First Six Months Financial Results For The Fis"
    lines = ["Revenues were up", f"{footer}    3", "Internet Initiative Japan Inc.  March 31, 2011",
             "text", f"{footer}    4", "Internet Initiative Japan Inc.  March 31, 2011", "more",
             f"{footer}    5", "Internet Initiative Japan Inc.  March 31, 2011", "Net sales  12"]
    assert page_furniture(lines) == {1, 2, 4, 5, 7, 8}  # a row ending in a figure stays


def test_a_row_printed_in_several_tables_is_no_numbered_footer() -> None:
    """"Total    123" in three tables ends in a number after a wide gap like a footer, but its
    numbers do not go up a page at a time (a reviewer's worry)."""
    lines = ["Total    123", "x", "Total    145", "y", "Total    160"]
    assert page_furniture(lines) == set()


def test_lines_beside_bare_numbers_are_no_running_heads() -> None:
    """A stacked layout prints a figure alone on its line ("12"): dropped as a page number,
    but the label printed beside two of them is no running head."""
    lines = ["Dividend per share", "12", "text", "more", "other", "rows", "Dividend per share",
             "15", "end"]
    assert page_furniture(lines) == {1, 7}
