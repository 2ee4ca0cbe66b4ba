"""Newswire text (sample 002): one table row per line, cells separated by spaces, and a lone
no-break space printed where a column is blank (the share-of-revenue columns of detail rows)."""

from __future__ import annotations

import re

from generator.extract.read.lines import NBSP, space_grouped
from generator.extract.read.segments import Segment, classify, split_row

_WIDE_GAP = re.compile(r"\S(?: {2,}|\t)\S")
_WIDE_GAP_SPLIT = re.compile(r"((?: {2,}|\t)+)")  # kept: the line's columns stay where they are


_BLANKS = re.compile(r"[ \t]+")


def segments(lines: list[str], furniture: set[int]) -> list[Segment]:
    out: list[Segment] = []
    for index, text in enumerate(lines):
        if index in furniture:
            continue
        if _WIDE_GAP.search(text):  # columns apart by wide gaps: "3 532.01" between two is
            text = "".join(space_grouped(part, cell=True)  # one figure
                           for part in _WIDE_GAP_SPLIT.split(text))
        words = _BLANKS.split(text.strip(" \t"))
        label, slots = split_row(words, nbsp_empty=True)
        seg = classify(index + 1, text, label, slots)
        seg.in_grid = f" {NBSP}" in text or text.startswith(NBSP)
        out.append(seg)
    return out
