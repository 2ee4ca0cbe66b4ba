"""Which layout a release is in, from simple counts over its lines: tab-separated cells,
slide markers ("Unit: JPY billion"), no-break-space cell markers, very long lines of numbers."""

from __future__ import annotations

import re
from typing import Literal

from generator.extract.read.lines import NBSP
from generator.extract.read.numbers import is_number_token

Layout = Literal["ocr", "slides", "newswire", "runon", "tabbed"]


def detect_layout(text: str) -> Layout:
    lines = text.splitlines()
    tabbed = sum(1 for ln in lines if ln.count("\t") >= 2)
    units = sum(1 for ln in lines if re.match(r"\s*unit\s*:", ln, re.I))
    long_numeric = sum(
        1 for ln in lines if sum(1 for w in ln.split() if is_number_token(w)) >= 30)
    nbsp_cells = sum(1 for ln in lines if f" {NBSP} " in ln or ln.rstrip(" ").endswith(NBSP))
    if units >= 3 and tabbed >= 3:
        return "slides"
    if long_numeric >= 3:
        return "runon"
    if tabbed >= 20:
        return "tabbed"
    if nbsp_cells >= 10:
        return "newswire"
    return "ocr"
