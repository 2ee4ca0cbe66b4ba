"""Tab-separated tables (sample 004) and slide text (sample 001): the first cell is the
label, every further cell one or more tokens; an empty cell is an explicit blank slot.
Header cells may be damaged ("onths Ended hber 30, 2013"); headers.py repairs those."""

from __future__ import annotations

import re

from generator.extract.read.headers import header_coverage, positioned_header
from generator.extract.read.lines import (
    clean_label,
    is_footnote_mark,
    space_grouped,
    spaces_outnumber_commas,
    squash_spaces,
    strip_markup,
)
from generator.extract.read.numbers import is_dash, is_number_token, parse_cell, parse_number
from generator.extract.read.segments import (
    EMPTY,
    HEADER_COVERAGE,
    Segment,
    classify,
    merge_tokens,
    split_row,
    without_specks,
)
from generator.extract.read.stacked import YEAR, join_stacked_headings
from generator.extract.read.units import FIGURE_UNIT_WORDS, PREFIX_SIGNS, SUFFIX_WORDS

_JUNK = {",", ".", "·", "•", "●", "_·"}
_WORDS_IN_PARENS = re.compile(r"\((?:[A-Za-z][A-Za-z ]*)\)")


def _regrouped(cell: str) -> str | None:
    """A cell of figures apart by single spaces, as one figure grouped by commas ("1 750.00"
    -> "1,750.00"); None for any other cell."""
    text = strip_markup(cell)
    grouped = space_grouped(text, cell=True) if " " in text else text
    return grouped if grouped != text else None


def _groups_by_spaces(lines: list[str]) -> bool:
    """The release groups digits by spaces, not commas: more cells of space-grouped figures
    than comma groups anywhere. Then "7 815 625" in a cell is its way of printing one figure,
    not two that lost their tab."""
    spaced = sum(1 for line in lines if "\t" in line for cell in line.split("\t")
                 if _regrouped(cell) is not None)
    return spaces_outnumber_commas(spaced, lines)


def _figure_at(tokens: list[str | None], i: int) -> bool:
    return isinstance(token := tokens[i], str) and is_number_token(token)


def _amount(token: str) -> bool:
    """A token printing an amount: not a dash, a share ("12.5%", the cell's ratio beside its
    amount) or a footnote mark ("(1)")."""
    return is_number_token(token) and not is_dash(token) and "%" not in token \
        and not is_footnote_mark(token)


# words a cell may print beside its one figure: its currency, scale or unit
_UNIT_WORDS = FIGURE_UNIT_WORDS | {w.lower() for w in PREFIX_SIGNS | SUFFIX_WORDS}


def _one_figure_with_words(words: list[str]) -> bool:
    """Whether a cell prints one figure and words naming its unit ("¥97,842 million")."""
    figures = [w for w in words if _amount(w)]
    return len(figures) == 1 and all(
        w in figures or w.lower().rstrip(".") in _UNIT_WORDS for w in words)


def _cell_tokens(cells: list[str]) -> tuple[list[str | None], bool, bool]:
    """The cells' tokens; whether a cell held figures apart by single spaces: read as one
    figure ("1 750.00", so the table keeps its width), it may be two whose tab was lost ("224
    777"), which the row does not say; and whether a cell still holds two figures or more
    (a tab lost between them, or a grouping not read: "JPY 16 775"): which columns the row's
    figures after it fill is then a guess."""
    tokens: list[str | None] = []
    regrouped = crowded = False
    for cell in cells:
        grouped = _regrouped(cell)
        regrouped = regrouped or grouped is not None
        text = grouped or strip_markup(cell)
        if "(" in text:  # "(Annual)"
            text = _WORDS_IN_PARENS.sub(" ", text)
        words = [w for w in text.split() if w not in _JUNK]
        if not words:
            tokens.append(EMPTY)
            continue
        if len(words) == 2 and is_footnote_mark(words[1]) and parse_cell(words[0]) is not None:
            # "¥57,208 (1)", "45.8 (1)": a figure and its footnote's mark, in one cell (a
            # figure of another column would stand in a cell of its own)
            tokens.append(words[0])
            continue
        if len(words) > 1 and _one_figure_with_words(words):
            # "¥97,842 million", "57,208 million": one cell, one column — read whole, or
            # (words no figure token carries) left unread in its place, never split
            whole = " ".join(words)
            tokens.append(whole if parse_cell(whole) is not None else EMPTY)
            continue
        crowded = crowded or (len(words) > 1 and sum(
            1 for t in merge_tokens(words) if _amount(t)) > 1)
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
    return merged[:-1], regrouped, crowded


def segments(lines: list[str], furniture: set[int], *, typed_tabs: bool = False
             ) -> list[Segment]:
    """``typed_tabs``: the tabs are the release's own (not placed by a reader of aligned or
    piped columns), so a label cell ending in a figure lost the tab after it."""
    out: list[Segment] = []
    by_spaces = _groups_by_spaces(lines)
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
            if by_spaces:  # "net of allowance of JPY 93 123 thousand": one figure
                label = space_grouped(label)
        read = _cell_tokens(rest)
        lost = typed_tabs and _lost_tab(label, read[0])
        if lost and (cell := _lost_cell(label, rest)):
            # the cell whose tab was lost goes back before the row's cells: the label keeps
            # its words ("Network Services 32,259<TAB>33,611" -> "Network Services")
            words = label.split()
            label, rest = " ".join(words[:-cell]), [" ".join(words[-cell:]), *rest]
            read = _cell_tokens(rest)  # read again only when the cells changed
        tokens, regrouped, crowded = read
        tokens = without_specks(tokens, _figure_at)  # "(4.9) '"
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
                seg.header_text = positioned_header(rest)
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
                           guessed=(regrouped and not by_spaces) or crowded or lost))
    return out


def _lost_tab(label: str, tokens: list[str | None]) -> bool:
    """The label cell ends in a figure printed like the row's own ("Elimination 80<TAB>61",
    "As of September 30, 2013 97,842<TAB>57,208"): the tab before the row's first figure was
    lost (a scan, a copy), so each figure after it sits a column left of its own; which
    columns they fill is not read but guessed. A number unlike the row's figures is part of
    the label: a year ("As of March 31, 2013"), a day ("September 30"), a footnote ("(1)",
    "Depreciation 8<TAB>1,368,079")."""
    words = label.split()
    if len(words) < 2 or not any(ch.isalpha() for ch in " ".join(words[:-1])):
        return False
    if is_dash(words[-1]):  # "Fiscal Year Ended March 31, 2013 -<TAB>1,750.00": a blank
        return any(t is not None and is_number_token(t) for t in tokens)
    first = next((t for t in tokens if t is not None and is_number_token(t)), None)
    if first is None or YEAR.fullmatch(words[-1].rstrip(",.;:")):
        return False
    last, row = _shape(words[-1]), _shape(first)
    return last is not None and row is not None and last[:3] == row[:3] \
        and abs(last[3] - row[3]) <= 1


def _lost_cell(label: str, rest: list[str]) -> int:
    """How many of the label's last words are the cell whose tab was lost: as many as the
    row's first cell prints, each printed like its counterpart there ("Gross Margin 19.9%
    14.1<TAB>20.3% 11.5": two), or a dash alone; 0 when they are not alike (the label may end
    in a footnote mark or a year: its words are then left as they are)."""
    words = label.split()
    if words and is_dash(words[-1]):
        return 1 if len(words) > 1 else 0
    first = next((c for c in rest if strip_markup(c).strip()), None)
    if first is None:
        return 0
    cell = [w for w in strip_markup(first).split() if w not in _JUNK]
    if not cell or len(cell) >= len(words) or not all(is_number_token(w) for w in cell):
        return 0
    tail = words[-len(cell):]
    if not any(ch.isalpha() for ch in " ".join(words[:-len(cell)])):
        return 0
    for mine, theirs in zip(tail, cell, strict=True):
        a, b = _shape(mine), _shape(theirs)
        if a is None or b is None or a[:3] != b[:3] or abs(a[3] - b[3]) > 1 \
                or ("%" in mine) != ("%" in theirs) or YEAR.fullmatch(mine.rstrip(",.;:")):
            return 0
    return len(cell)


def _shape(token: str) -> tuple[bool, int, bool, int] | None:
    """How a figure is printed: grouped by commas, decimals, in brackets, digits (80 and 61
    alike, 97.0 and 100.0, not 8 and 1,368,079)."""
    parsed = parse_number(token)
    if parsed is None or parsed.value is None:
        return None
    digits = sum(ch.isdigit() for ch in token)
    return "," in token, parsed.fraction_digits, token.strip().startswith("("), digits
