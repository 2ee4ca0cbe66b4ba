"""Tables printed as ASCII boxes: the box's ruling lines are no text between a table's
headings and its rows (nor a table's title)."""

from __future__ import annotations

from generator.extract.read import piped
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
