"""The column reader for text laid out by spaces (issue 11): columns from where the figures of
the whole table end, as many as the header names; a blank cell stays blank in its own slot; a
row whose placement is a guess says so."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.extract.read.aligned import read_columns
from generator.extract.read.grid import Figures, cells, find_grid
from generator.model.taxonomy import Taxonomy
from generator.taxonomy import load_taxonomy
from tests.extract.samples import synthetic_score

HEADER = [
    "                                   Six Months Ended September 30,",
    "                                        2012         2013      2013",
    "                               Thousands of JPY  Thousands of JPY     %",
]


def slots(line: str) -> list[str]:
    return line.split("\t")


# --- placement by edge ---------------------------------------------------------------------

def test_a_ragged_figure_goes_to_the_edge_it_ends_nearest_and_a_blank_shifts_nothing() -> None:
    rows = [
        "Revenues                                51,109       54,397     100.0",
        "Impairment loss                             —           120",
        "Other income                               300",
        "Only the current share                                          0.4",
        "Total                                  51,409        54,517     100.0",
    ]
    read = read_columns([*HEADER, *rows])
    body = read.lines[len(HEADER):]
    assert slots(body[1]) == ["Impairment loss", "—", "120", ""]
    assert slots(body[2]) == ["Other income", "300", "", ""]
    assert slots(body[3]) == ["Only the current share", "", "", "0.4"]
    assert not read.guessed


TWO = ["                               Thousands of JPY  Thousands of JPY     USD"]


def test_a_figure_pushed_by_a_long_label_into_one_free_column_is_read() -> None:
    rows = [
        "Revenues                                51,109       54,397     651",
        "Other                                      300          400       5",
        "Property and equipment, net of accumulated  23,025   24,050     288",
        "Total                                   51,409       54,797     656",
    ]
    read = read_columns([*TWO, *rows])
    assert slots(read.lines[3]) == ["Property and equipment, net of accumulated",
                                    "23,025", "24,050", "288"]
    assert 3 not in read.guessed


def test_a_figure_pushed_past_a_blank_column_is_a_guess() -> None:
    # 30.2 ends past the share column's edge, right after the label: is it the prior figure
    # (the share left blank) or a share (the prior figure left blank)? Nothing printed says: it
    # prints the shares' one decimal, and no thousands separator.
    header = ["                               Thousands of JPY      %   Thousands of JPY"]
    rows = [
        "Revenues                                51,109    100.0       54,397",
        "Other                                      300                   400",
        "Property and equipment, net of accumulated depreciation  30.2  24,050",
        "Total                                   51,409    100.0       54,797",
    ]
    read = read_columns([*header, *rows])
    assert 3 in read.guessed


def test_a_pushed_figure_printed_as_an_amount_is_no_share() -> None:
    # 23,025 is printed with a thousands separator and no decimals, as amounts are and shares
    # of a total never are: the share column cannot hold it, so it is the prior figure.
    header = ["                               Thousands of JPY      %   Thousands of JPY"]
    rows = [
        "Revenues                                51,109    100.0       54,397",
        "Other                                      300                   400",
        "Property and equipment, net of accumulated depreciation  23,025  24,050",
        "Total                                   51,409    100.0       54,797",
    ]
    read = read_columns([*header, *rows])
    assert slots(read.lines[3]) == ["Property and equipment, net of accumulated depreciation",
                                    "23,025", "", "24,050"]
    assert 3 not in read.guessed


def test_a_header_naming_fewer_columns_than_the_figures_show_invents_none() -> None:
    # The header names two columns; the figures show three: no placement is read as certain.
    header = ["                                        2012         2013",
              "                               Thousands of JPY  Thousands of JPY"]
    rows = [
        "Revenues                                51,109       54,397     6.4",
        "Other                                      300          400    33.3",
        "Total                                   51,409       54,797     6.6",
        "Costs                                   41,409       44,797     8.2",
    ]
    read = read_columns([*header, *rows])
    assert read.guessed == {2, 3, 4, 5}


def test_an_indented_first_heading_is_not_taken_for_a_label() -> None:
    lines = [
        "    Thousands of JPY    Thousands of JPY",
        "Cash        12,258            25,781",
        "Stock          566               694",
        "Total       12,824            26,475",
    ]
    assert slots(read_columns(lines).lines[0]) == ["", "Thousands of JPY", "Thousands of JPY"]


def test_two_tables_a_line_apart_keep_their_own_columns() -> None:
    first = ["                      2012        2013",
             "Revenues            51,109      54,397",
             "Costs               41,109      44,397"]
    second = ["                  Thousands of JPY      %   Thousands of JPY      %",
              "Cash                   12,258      4.1          25,781      8.2",
              "Stock                     566                      694"]
    read = read_columns([*first, "", *second])
    assert slots(read.lines[6]) == ["Stock", "566", "", "694", ""]
    assert not read.guessed


def test_a_crowded_figure_gives_no_edge() -> None:
    # Figures right after a long label do not make a column of their own.
    rows = [Figures.of(cells(line)[1:], cells(line)[0].end) for line in (
        "Revenues            51,109      54,397",
        "Costs               41,109      44,397",
        "A long label pushing it  1,109    4,397",
    )]
    grid = find_grid(rows, None)
    assert grid is not None and grid.edges == (26, 38)


# --- property: a ragged right-aligned table comes back cell for cell -------------------------

labels = st.text(alphabet=st.sampled_from("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghij (),-"),
                 min_size=3, max_size=30).map(lambda s: " ".join(s.split())).filter(
                     lambda s: len(s) >= 3 and s[0].isalpha())
figures = st.one_of(
    st.integers(-10**8, 10**8).map(lambda n: f"({abs(n):,})" if n < 0 else f"{n:,}"),
    st.just(""),  # a blank cell
)


@st.composite
def ragged_tables(draw: st.DrawFn) -> tuple[list[tuple[str, list[str]]], list[int], list[str]]:
    """A table of 2-5 columns, every figure right-aligned at its column's edge give or take a
    space, and the lines printing it."""
    width = draw(st.integers(2, 5))
    rows = draw(st.lists(st.tuples(labels, st.lists(figures, min_size=width, max_size=width)),
                         min_size=2, max_size=10).filter(
        lambda rows: all(any(cells[k] for _, cells in rows) for k in range(width))
        and all(any(cells) for _, cells in rows)))
    edges: list[int] = []
    edge = max(len(label) for label, _ in rows) + 2
    for k in range(width):
        widest = max(len(cells[k]) for _, cells in rows)
        edge += max(widest + draw(st.integers(4, 7)), 8)  # two spaces at least, jittered
        edges.append(edge)
    lines = []
    for label, cells_ in rows:
        line = label
        for k, cell in enumerate(cells_):
            if cell:
                end = edges[k] + draw(st.integers(-1, 1))
                line += " " * (end - len(cell) - len(line)) + cell
        lines.append(line)
    return rows, edges, lines


@given(ragged_tables())
@settings(max_examples=150, deadline=None)
def test_any_ragged_right_aligned_table_with_blank_cells_comes_back_cell_for_cell(
        table: tuple[list[tuple[str, list[str]]], list[int], list[str]]) -> None:
    rows, _, lines = table
    read = read_columns(lines)
    for (label, expected), line in zip(rows, read.lines, strict=True):
        got = slots(line)
        assert got[0] == label
        assert got[1:] == expected
    assert not read.guessed


# --- rendered releases ---------------------------------------------------------------------

@pytest.fixture(scope="module")
def real() -> Taxonomy:
    """The shipped taxonomy (the synthetic releases print its company and statements)."""
    return load_taxonomy()


@pytest.mark.parametrize(("layout", "seed", "recall"), [("spaces2", 12, 0.95), ("ocr", 3, 0.75)])
def test_a_rendered_release_in_ragged_columns_is_read_without_a_wrong_figure(
        real: Taxonomy, layout: str, seed: int, recall: float) -> None:
    extraction, score = synthetic_score(real, layout, seed)
    assert extraction.coverage.layout == "aligned"
    assert score.filed_wrong == 0, [w.describe() for w in score.wrong[:3]]
    assert score.recall >= recall


def test_a_pushed_figure_with_other_decimals_than_every_share_is_no_share() -> None:
    # Every share this table prints has one decimal; 9,076.80 (a per-share amount) has two:
    # the share column cannot hold it, so it is the prior figure.
    header = ["                               Thousands of JPY      %   Thousands of JPY"]
    rows = [
        "Revenues                                51,109    100.0       54,397",
        "Other                                      300      0.6          400",
        "Diluted net income attributable to the company per share  9,076.80  5,599.74",
        "Total                                   51,409    100.6       54,797",
    ]
    read = read_columns([*header, *rows])
    assert slots(read.lines[3]) == ["Diluted net income attributable to the company per share",
                                    "9,076.80", "", "5,599.74"]
    assert 3 not in read.guessed
