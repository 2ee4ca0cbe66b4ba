"""Column-aligned text: cells are placed in columns by where they end, so a blank cell (only a
wider gap) stays a blank slot, and headings land over their columns."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from generator.extract.read.aligned import as_tabbed
from generator.extract.read.piped import as_tabbed as piped_row

TABLE = [
    "                              Six Months Ended     Six Months Ended",
    "                                 Sep. 30, 2012        Sep. 30, 2013",
    "Revenues                              51,109               54,397",
    "Impairment loss                           —                  120",
    "Other income                             300",
    "Total                                 51,409               54,517",
]


def test_a_blank_cell_stays_a_blank_slot() -> None:
    rows = as_tabbed(TABLE)
    assert rows[4].split("\t") == ["Other income", "300", ""]  # a blank second column
    assert rows[3].split("\t") == ["Impairment loss", "—", "120"]


def test_headings_land_over_their_columns_and_wrapped_ones_come_back_together() -> None:
    rows = as_tabbed(TABLE)
    assert rows[0].split("\t") == ["", "Six Months Ended Sep. 30, 2012",
                                   "Six Months Ended Sep. 30, 2013"]
    assert rows[1] == ""


def test_a_heading_printed_over_each_column_one_space_apart_is_split_between_them() -> None:
    # right-aligned headings wrapped at a fixed width: "as of September" over both columns
    # left one space apart, read as one cell over the first
    table = [
        "                         as of September as of September",
        "                                30, 2009        30, 2010      YoY Change",
        "IP Service (-99Mbps)                 926             919             (7)",
        "IP Service (100Mbps-999Mbps)         228             271              43",
    ]
    assert as_tabbed(table)[0].split("\t") == ["", "as of September 30, 2009",
                                               "as of September 30, 2010", "YoY Change"]


@given(st.sampled_from(["As of March", "Six Months Ended", "Thousands of JPY"]),
       st.integers(2, 4))
def test_any_heading_printed_again_over_each_column_heads_each_column(heading: str,
                                                                      times: int) -> None:
    # each printing right-aligned over its column, one space after the one before (the
    # columns' figures, shorter, stand apart)
    ends = [20 + (i + 1) * len(heading) + i for i in range(times)]
    top = " " * 20 + " ".join([heading] * times)

    def row(label: str, figures: list[str]) -> str:
        line = label
        for end, figure in zip(ends, figures, strict=True):
            line += " " * (end - len(line) - len(figure)) + figure
        return line

    rows = [row("Revenues", [str(n) for n in range(101, 101 + times)]),
            row("Total", [str(n) for n in range(201, 201 + times)])]
    assert as_tabbed([top, *rows])[0].split("\t")[1:] == [heading] * times


def test_a_heading_wrapped_in_one_column_only_is_put_back() -> None:
    table = [
        "                         As of          As of September",
        "                         March 31, 2013       30, 2013",
        "                         Thousands of JPY  Thousands of U.S.  Thousands of JPY",
        "                                               Dollars",
        "Cash                     12,258,872           262,302      25,781,630",
        "Inventories                 566,113             7,069         694,848",
    ]
    rows = as_tabbed(table)
    assert rows[2].split("\t")[1:] == ["Thousands of JPY", "Thousands of U.S. Dollars",
                                       "Thousands of JPY"]
    assert rows[3] == ""


def test_a_label_wrapped_over_lines_labels_the_figures_below_it() -> None:
    table = [
        "Cash                                          12,258,872    25,781,630",
        "PROPERTY AND EQUIPMENT, net of accumulated depreciation of JPY",
        "29,516,394 thousand and JPY 32,636,483 thousand,",
        "respectively                                  23,025,755    23,784,050",
        "GOODWILL                                       5,969,951     5,969,951",
    ]
    rows = as_tabbed(table)
    assert rows[3].split("\t") == [
        "PROPERTY AND EQUIPMENT, net of accumulated depreciation of JPY 29,516,394 thousand and"
        " JPY 32,636,483 thousand, respectively", "23,025,755", "23,784,050"]
    assert rows[1] == rows[2] == ""


def test_a_section_heading_is_not_joined_to_the_line_below() -> None:
    table = [
        "Cash                                          12,258,872    25,781,630",
        "INVESTING ACTIVITIES:",
        "Purchase of property and equipment            (2,784,502)   (2,785,011)",
        "Other                                               60          (94)",
    ]
    assert as_tabbed(table)[2].startswith("Purchase of property and equipment\t")


def test_a_figure_is_placed_by_its_right_edge_not_its_order() -> None:
    rows = as_tabbed([*TABLE, "Only the current period                                 9,999"])
    assert rows[-1].split("\t") == ["Only the current period", "", "9,999"]


def test_prose_around_a_table_is_left_alone() -> None:
    text = ["The company reported higher revenues this half.", "", *TABLE]
    assert as_tabbed(text)[0] == text[0]


def test_a_pipe_row_keeps_its_empty_cells() -> None:
    assert piped_row("| Revenues | 51,109 |  | 54,397 |") == "Revenues\t51,109\t\t54,397"
    assert piped_row("|---|---:|---|---:|") == ""


labels = st.text(alphabet=st.sampled_from("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghij (),-"), min_size=3,
                 max_size=40).map(lambda s: " ".join(s.split())).filter(
                     lambda s: len(s) >= 3 and s[0].isalpha())  # a label starts with a word
figures = st.one_of(
    st.integers(-10**9, 10**9).map(
        lambda n: f"({abs(n):,})" if n < 0 else f"{n:,}"
    ),
    st.just(""),  # a blank cell
)


@given(
    st.lists(st.tuples(labels, st.lists(figures, min_size=3, max_size=3)), min_size=2,
             max_size=12).filter(
        lambda rows: all(any(cells[k] for _, cells in rows) for k in range(3))
        and any(all(cells) for _, cells in rows)
        and all(any(cells) for _, cells in rows)  # a row of blanks is a label line (tested above)
    )
)
def test_any_right_aligned_table_comes_back_cell_for_cell(
    rows: list[tuple[str, list[str]]],
) -> None:
    width = 18
    text = [label.ljust(44) + "".join(cell.rjust(width) for cell in cells)
            for label, cells in rows]
    back = as_tabbed(text)
    for (label, cells), line in zip(rows, back, strict=True):
        got = line.split("\t")
        assert got[0] == label
        assert got[1:] + [""] * (4 - len(got)) == cells


ENDS = (50, 58, 86, 104, 112)  # right edges: JPY, %, USD, JPY, %


def _aligned(label: str, cells: list[str]) -> str:
    line = label
    for end, cell in zip(ENDS, cells, strict=True):
        if cell:
            line += " " * max(end - len(cell) - len(line), 2) + cell
    return line


PERCENT_TABLE = [
    " " * 36 + "As of March 31, 2023" + " " * 30 + "As of September 30, 2023",
    _aligned("", ["Thousands of JPY", "%", "Thousands of U.S. Dollars", "Thousands of JPY",
                  "%"]),
    _aligned("Cash and cash equivalents", ["665,590", "", "202,235", "26,106,463", ""]),
    _aligned("Inventories", ["467,672", "", "2,964", "382,650", ""]),
    _aligned("Total current assets", ["2,813,642", "38.9", "214,529", "27,693,523", "87.1"]),
    _aligned("Total assets", ["7,237,873", "100.0", "246,222", "31,784,785", "100.0"]),
]


@given(amounts=st.lists(st.integers(1_000, 10**8).map(lambda n: f"{n:,}"), min_size=3,
                        max_size=3),
       label=st.sampled_from([
           "Other current assets, net of allowance for doubtful accounts of JPY 99,360 thousand "
           "and JPY 33,041 thousand at March 31, 2023 and September 30, 2023, respectively",
           "Treasury stock—1,250,145 shares held by the company at March 31, 2023 and "
           "September 30, 2023, respectively"]))
def test_amounts_pushed_out_of_their_columns_by_a_long_label_skip_the_percent_columns(
        amounts: list[str], label: str) -> None:
    """A long label pushes its row's figures to the right of their columns, two spaces apart:
    by their order alone they could stand in any three of the five columns. A % column never
    holds a figure printed with thousands separators and no decimals, which leaves one
    placement: the three amount columns, read, not guessed."""
    from generator.extract.read.aligned import read_columns

    lines = [*PERCENT_TABLE[:4], f"{label}  {'  '.join(amounts)}", *PERCENT_TABLE[4:]]
    read = read_columns(lines)
    assert read.lines[4].split("\t") == [label, amounts[0], "", amounts[1], amounts[2], ""]
    assert 4 not in read.guessed


CONTRACTS = [
    "      Number of Contracts for Connectivity Services",
    "                                                      as of September   as of September",
    "                                                             30, 2009          30, 2010"
    "        YoY Change",
    "Internet Connectivity Services  (Corporate Use) 3              57,200            69,145"
    "            11,945",
    "  IP Service (-99Mbps)                                            926               919"
    "               (7)",
    "Internet Connectivity Services  (Home Use)                    414,154           375,300"
    "          (38,854)",
]


def test_headings_wrapped_after_the_month_beside_a_one_line_heading_come_back_together(
) -> None:
    rows = as_tabbed(CONTRACTS)
    assert rows[1].split("\t") == ["", "as of September 30, 2009", "as of September 30, 2010",
                                   "YoY Change"]
    assert rows[2] == ""


def test_a_heading_does_not_continue_prose_above_the_table_title() -> None:
    prose = ("      Outsourcing revenue has reached almost JPY50 million per month, a record high"
             " when compared to")
    rows = as_tabbed([prose, *CONTRACTS])
    assert rows[0].rstrip("\t").split("\t")[-1].endswith("when compared to")
    assert rows[2].split("\t")[1] == "as of September 30, 2009"


def test_words_a_wide_gap_parts_from_the_label_left_of_every_figure_are_the_label() -> None:
    """"(Corporate Use) 3" is no cell of a column: it ends before any figure of the table
    starts. Read as a stray cell it made the row (and, the grid in doubt, its table) a guess."""
    from generator.extract.read.aligned import read_columns

    read = read_columns(CONTRACTS)
    assert read.lines[3].split("\t") == ["Internet Connectivity Services (Corporate Use) 3",
                                         "57,200", "69,145", "11,945"]
    assert read.lines[5].split("\t")[0] == "Internet Connectivity Services (Home Use)"
    assert not read.guessed & {3, 4, 5}
