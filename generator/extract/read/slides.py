"""Slide text (sample 001): tab-separated cells like the tabbed layout, plus what slides add:
"<i>80.1%</i> 56.7" markup holding two cells, "Unit: JPY billion" notes above a table,
"(11/4~11/12)" month ranges in headers and "JPY 16,775" cells printing their own unit. The
markup and cell splitting live in :mod:`.tabbed`, the ranges and unit notes in :mod:`.headers`;
here the slide reader only chains them."""

from __future__ import annotations

from generator.extract.read import tabbed
from generator.extract.read.ocr import join_broken_labels
from generator.extract.read.segments import Segment, demote_row_labels


def segments(lines: list[str], furniture: set[int]) -> list[Segment]:
    return join_broken_labels(demote_row_labels(tabbed.segments(lines, furniture,
                                                                typed_tabs=True)),
                              aggressive=False)
