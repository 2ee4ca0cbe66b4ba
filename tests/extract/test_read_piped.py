"""Tables printed as ASCII boxes: the box's ruling lines are no text between a table's
headings and its rows (nor a table's title)."""

from __future__ import annotations

from generator.extract.read import ocr, piped, tabbed
from generator.extract.read.piped import as_tabbed

BOX = [
    "Revenues:",
    "",
    "Six Months Ended",
    "September 30, 2010",
    "",
    "Six Months Ended",
    "September 30, 2011",
    "",
    "+--------------------------------------+------------------+------------------+",
    "|                                      | Thousands of JPY | Thousands of JPY |",
    "+======================================+==================+==================+",
    "| Network service and systems business |       34,263,534 |       46,893,894 |",
    "| Consolidated total                   |       34,272,080 |       47,206,508 |",
    "+--------------------------------------+------------------+------------------+",
]


def test_the_ruling_lines_of_an_ascii_box_are_blank() -> None:
    assert as_tabbed(BOX[8]) == as_tabbed(BOX[10]) == as_tabbed(BOX[-1]) == ""
    assert as_tabbed("|---|---:|") == ""


def test_a_line_of_signs_or_dashes_in_text_is_no_ruling_line() -> None:
    assert as_tabbed("- + -") == "- + -"
    assert as_tabbed("----") == "----"


def test_the_periods_above_a_box_head_its_table_with_the_units_inside() -> None:
    """Between the period headings and the box's unit row only blank lines remain: one header
    block, which names the periods and the units together."""
    segments = piped.segments(BOX, set())
    kinds = [s.kind for s in segments[2:11]]
    assert kinds == ["header", "header", "blank", "header", "header", "blank", "blank",
                     "header", "blank"]


TARGETS = [
    "| Fiscal year ending March 31, 2011 |  84,500 |  24.3 |  4,800 |  40.7 | 14,801.37 |",
    "      Changes in earnings forecasts during the three months ended September 30, 2010: None",
]


def test_a_line_of_text_after_a_grid_row_is_no_part_of_its_label() -> None:
    # in tab-separated text an indented line after a row ends its label; a grid's label wraps
    # inside its cell, so the line after the grid is text of its own
    [row, text] = [s for s in ocr.join_broken_labels(piped.segments(TARGETS, set()),
                                                     aggressive=False) if s.kind != "blank"]
    assert row.label == "Fiscal year ending March 31, 2011"
    assert text.kind == "text" and text.label.startswith("Changes in earnings forecasts")


def test_a_tabbed_row_s_label_still_ends_on_the_indented_line_after_it() -> None:
    lines = ["Internet Connectivity\t7,816\t8,034", "  Service (Corporate Use)"]
    [row] = [s for s in ocr.join_broken_labels(tabbed.segments(lines, set()), aggressive=False)
             if s.kind != "blank"]
    assert row.label == "Internet Connectivity Service (Corporate Use)"
