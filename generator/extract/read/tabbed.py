"""Tab-separated tables (sample 004) and slide text (sample 001): the first cell is the
label, every further cell one or more tokens; an empty cell is an explicit blank slot.
Header cells may be damaged ("onths Ended hber 30, 2013"); headers.py repairs those."""

from __future__ import annotations

import re

from generator.extract.read.headers import header_coverage
from generator.extract.read.lines import clean_label, space_grouped, squash_spaces, strip_markup
from generator.extract.read.numbers import is_number_token
from generator.extract.read.segments import (
    EMPTY,
    HEADER_COVERAGE,
    Segment,
    classify,
    merge_tokens,
    split_row,
)
from generator.extract.read.stacked import join_stacked_headings

_JUNK = {",", ".", "·", "•", "●", "_·"}
_YEAR = re.compile(r"(?:19|20)\d\d[,.;:]?")
_WORDS_IN_PARENS = re.compile(r"\((?:[A-Za-z][A-Za-z ]*)\)")


def _cell_tokens(cells: list[str]) -> list[str | None]:
    tokens: list[str | None] = []
    for cell in cells:
        text = space_grouped(strip_markup(cell), cell=True)  # "3 532.01" alone: one figure
        if "(" in text:  # "(Annual)"
            text = _WORDS_IN_PARENS.sub(" ", text)
        words = [w for w in text.split() if w not in _JUNK]
        if not words:
            tokens.append(EMPTY)
            continue
        tokens.extend(words)
    merged: list[str | None] = []
    run: list[str] = []
    for token in [*tokens, EMPTY]:
        if token is EMPTY:
            merged.extend(merge_tokens(run))
            run = []
            merged.append(EMPTY)
        else:
            run.append(token)
    return merged[:-1]


def segments(lines: list[str], furniture: set[int], *, typed_tabs: bool = False
             ) -> list[Segment]:
    """``typed_tabs``: the tabs are the release's own (not placed by a reader of aligned or
    piped columns), so a label cell ending in a figure lost the tab after it."""
    out: list[Segment] = []
    for index, text in enumerate(join_stacked_headings(lines)):
        if index in furniture:
            continue
        if "\t" not in text:
            label, slots = split_row(text.split(), nbsp_empty=False)
            out.append(classify(index + 1, text, label, slots))
            continue
        cells = text.split("\t")
        first = strip_markup(cells[0]).strip()
        if first and all(is_number_token(w) for w in first.split()):
            label, rest = "", cells  # no label: the first cell is a figure
            # (a label line may start with one: "2021 and September 30, 2021,")
        else:
            label, rest = first, cells[1:]
        tokens = _cell_tokens(rest)
        trailing = 0
        while tokens and tokens[-1] is EMPTY:  # not counted as cells (tables pad rows), but
            tokens.pop()                       # remembered: blank last cells of a short row
            trailing += 1
        numbers = [t for t in tokens if t is not None and is_number_token(t)]
        coverage, items = header_coverage(squash_spaces(strip_markup(" ".join(rest))))
        if not numbers or (items and coverage >= HEADER_COVERAGE):
            seg = classify(index + 1, squash_spaces(" ".join(rest)), "", [])
            if seg.kind == "header":
                seg.label = clean_label(label)
                seg.text = text
                out.append(seg)
            else:
                seg = classify(index + 1, squash_spaces(text.replace("\t", " ")), "", [])
                seg.in_grid = True
                seg.text = text
                seg.cells = [squash_spaces(strip_markup(c)) for c in cells if c.strip()]
                out.append(seg)
            continue
        out.append(Segment(index + 1, "row", label=clean_label(label), tokens=tokens, text=text,
                           trailing_blanks=trailing,
                           guessed=typed_tabs and _lost_tab(label)))
    return out


def _lost_tab(label: str) -> bool:
    """The label cell ends in a figure ("Elimination 80", "As of September 30, 2013 97,842"):
    the tab before the row's first figure was lost (a scan, a copy), so each figure after it
    sits a column left of its own; which columns they fill is not read but guessed. A year
    ends many a label ("As of March 31, 2013") and is no figure."""
    words = label.split()
    return len(words) >= 2 and is_number_token(words[-1]) and not _YEAR.fullmatch(words[-1]) \
        and any(ch.isalpha() for ch in " ".join(words[:-1]))
