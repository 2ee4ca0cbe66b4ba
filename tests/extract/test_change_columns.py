"""A change column in words other than "Change" ("Difference", "Increase (decrease)",
"Inc./Dec."): the table's periods are still read, and the change figures are no facts."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

from generator.extract.pipeline import Extraction

from .samples import TABBED, edited_sample, extraction, lines_of

# 004's network services breakdown: "\t1H12\t1H13\tYoY % Change" over its rows (lines 90-101)
ROWS = range(90, 102)


def _filed_at(ex: Extraction, line: int) -> set[tuple[object, ...]]:
    return {(f.concept, f.period, tuple(sorted(f.dimensions.items())), f.value)
            for f in ex.results.facts if line in lines_of(f)}


def _with_change_column(word: str) -> Callable[[list[str]], None]:
    def edit(text: list[str]) -> None:
        assert text[87] == "\t1H12\t1H13\tYoY % Change"
        text[87] += f"\t{word}"
        for n in ROWS:
            cells = text[n - 1].split("\t")
            a, b = (int(c.replace(",", "")) for c in cells[1:3])
            text[n - 1] += f"\t{b - a:,}" if b >= a else f"\t({a - b:,})"
    return edit


def test_an_increase_decrease_column_leaves_the_periods_of_a_tabbed_table_read(
        tmp_path: Path) -> None:
    # (a tabbed "Difference" or "Inc./Dec." heading was read before: a cell of its own)
    ex = edited_sample(tmp_path, TABBED, _with_change_column("Increase (decrease)"))
    original = extraction(TABBED)
    for n in ROWS:
        assert _filed_at(original, n), n
        assert _filed_at(ex, n) == _filed_at(original, n), n
    # the differences (542, 334, (31), ...) are filed as nothing
    assert not [f for f in ex.results.facts if lines_of(f) & set(ROWS)
                and f.value == Decimal(542_000_000)]


def _ocr_difference(text: list[str]) -> None:
    """000's breakdown, a scan's (figures parted by single spaces), with a difference column
    after the YoY %: "-" where a figure the scan damaged leaves none to print."""
    assert text[131] == "1H10 1H11 Yoy %"
    text[131] += " Difference"
    for n in OCR_ROWS:
        a, b = text[n - 1].split(" ")[-3:-1]
        if "," in a + b or max(len(a), len(b)) < 4:
            diff = int(b.replace(",", "")) - int(a.replace(",", ""))
            text[n - 1] += f" {diff:,}" if diff >= 0 else f" ({-diff:,})"
        else:
            text[n - 1] += " -"


OCR = "000_2bec0ea935cb70a9.txt"
OCR_ROWS = [135, *range(137, 142), *range(143, 149)]


def test_a_difference_column_of_a_scanned_table_leaves_its_periods_read(tmp_path: Path) -> None:
    ex = edited_sample(tmp_path, OCR, _ocr_difference)
    original = extraction(OCR)
    for n in OCR_ROWS:
        assert _filed_at(ex, n) == _filed_at(original, n), n
    assert _filed_at(ex, 146)  # WAN services: 3,297 and 12,702
