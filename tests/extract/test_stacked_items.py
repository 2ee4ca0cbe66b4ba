"""Item headers stacked in boxes and read across by a scan (:mod:`map_rows.stacked`).

The lines below are sample 000's TSE form as the scan printed them (lines 1174-1176, 1195-1197,
1225-1230); the property test stacks random wordings into boxes and reads them across.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from generator.extract.map_rows.stacked import same_word, split_stacked

RANKS = {
    "total revenues": 0, "operating income": 1, "income before income tax expense": 2,
    "income before income tax expense (benefit)": 2, "net income attributable to iij": 3,
    "basic net income attributable to iij per share": 4,
    "diluted net income attributable to iij per share": 5,
}


def key(text: str) -> str:
    return " ".join(text.lower().split())


def test_interleaved_boxes_are_read_as_their_items() -> None:
    lines = [". Income before Income Net Income attributable", "Total Revenues Operating Income",
             "Tax Expense to IIJ"]
    found = split_stacked(lines, RANKS, 4, key, ocr=True)
    assert found is not None
    assert found.items == ["total revenues", "operating income",
                           "income before income tax expense", "net income attributable to iij"]
    assert found.uncovered == 1  # the scan's "."


def test_boxes_no_line_orders_are_ordered_by_the_network_and_say_so() -> None:
    # "Total Revenues" (line 2) and "Operating Income" (lines 1 and 3) share no line: which is
    # left of the other, the scan does not show.
    lines = ["Operating Net Income", "Total Revenues", "Income attributable to IIJ"]
    found = split_stacked(lines, RANKS, 3, key, ocr=False)
    assert found is not None
    assert found.items == ["total revenues", "operating income", "net income attributable to iij"]
    assert found.guessed


def test_boxes_side_by_side_on_every_line_are_ordered_by_the_lines() -> None:
    lines = ["Basic Net Income Diluted Net Income",
             "attributable to IIJ per attributable to IIJ per", "Share Share"]
    found = split_stacked(lines, RANKS, 2, key, ocr=False)
    assert found is not None
    assert found.items == ["basic net income attributable to iij per share",
                           "diluted net income attributable to iij per share"]
    assert not found.guessed and found.uncovered == 0


def test_two_readings_of_the_words_that_order_the_items_differently_leave_the_order_in_doubt(
        ) -> None:
    # Found by the property test below: "income" on the last line is net income's ("net" /
    # "income attributable to IIJ") or operating income's ("operating" / "income"); the two
    # readings order the columns differently, so the order is a guess either way.
    lines = ["operating", "net income", "income attributable to iij total revenues"]
    found = split_stacked(lines, RANKS, 3, key, ocr=False)
    assert found is not None and found.guessed


def test_a_scan_damaged_word_matches_only_in_ocr_and_only_when_long() -> None:
    assert same_word("operatin", "operating", ocr=True)
    assert not same_word("operatin", "operating", ocr=False)
    assert not same_word("net", "not", ocr=True)


def test_fewer_items_than_columns_is_no_reading() -> None:
    assert split_stacked(["Total Revenues", "Operating Income"], RANKS, 3, key, ocr=False) is None


ITEMS = ["total revenues", "operating income", "net income attributable to iij"]


@st.composite
def boxes(draw: st.DrawFn) -> tuple[list[str], list[str]]:
    """Items in column order, each broken into a box of 1-3 lines, boxes placed at a random
    top line, read across line by line."""
    order = draw(st.permutations(ITEMS))
    height = 4
    grid: list[list[str]] = [[] for _ in range(height)]
    for item in order:
        words = item.split()
        parts = draw(st.integers(min_value=1, max_value=min(3, len(words))))
        cuts = sorted(draw(st.lists(st.integers(min_value=1, max_value=len(words) - 1),
                                    min_size=parts - 1, max_size=parts - 1, unique=True))
                      ) if parts > 1 else []
        pieces = [words[a:b] for a, b in zip([0, *cuts], [*cuts, len(words)], strict=True)]
        top = draw(st.integers(min_value=0, max_value=height - len(pieces)))
        for offset, piece in enumerate(pieces):
            grid[top + offset].extend(piece)
    return list(order), [" ".join(line) for line in grid if line]


@settings(max_examples=60, deadline=None)
@given(boxes())
def test_boxes_read_across_give_back_their_items(case: tuple[list[str], list[str]]) -> None:
    order, lines = case
    found = split_stacked(lines, RANKS, 3, key, ocr=False)
    assert found is not None and found.uncovered == 0
    assert sorted(found.items) == sorted(order)
    if not found.guessed:  # the lines ordered every column: the order printed
        assert found.items == order


POSITION = {"total assets": 0, "total equity": 1, "total iij shareholders equity": 2,
            "shareholders equity": 2, "total iij shareholders equity to total assets": 3}


def scan_key(text: str) -> str:
    return " ".join(text.lower().replace("'", " ").replace("_", " ").replace(".", " ").split())


def test_words_a_scan_cut_or_split_still_name_their_box() -> None:
    # 000 lines 1204-1208: "Equit" (Equity cut short), "Sha_reholders" (split in two).
    lines = ["Total IIJ", "Total IIJ .", "Total Assets Total Equity Shareholders' Sha_reholders",
             "Equit Equity to Total", "quity Assets"]
    found = split_stacked(lines, POSITION, 4, scan_key, ocr=True)
    assert found is not None and not found.guessed
    assert found.items == ["total assets", "total equity", "total iij shareholders equity",
                           "total iij shareholders equity to total assets"]
