"""OCR of a PDF (sample 000): spaces only, stray "|" rules, labels broken over two or three
lines, headers stacked over several lines. Rows are read like newswire lines without blank
markers; broken labels are joined here before tables are assembled."""

from __future__ import annotations

import itertools
import re
from collections.abc import Collection

from generator.extract.read.lines import (
    FUNCTION_WORDS,
    cells_grouped,
    ends_dangling,
    groups_by_spaces,
    is_note,
    is_prose,
    starts_lowercase_or_joiner,
    starts_with_date,
    starts_with_number,
)
from generator.extract.read.segments import Segment, classify, demote_row_labels, split_row


def segments(lines: list[str], furniture: set[int]) -> list[Segment]:
    out: list[Segment] = []
    grouped = groups_by_spaces(lines)
    for index, text in enumerate(lines):
        if index in furniture:
            continue
        clean = text.replace("|", " ")
        if grouped:  # cells apart by runs of spaces, digits by single ones: "12 987" is one
            clean = cells_grouped(clean)
        label, slots = split_row(clean.split(), nbsp_empty=False)
        out.append(classify(index + 1, clean, label, slots))
    return join_broken_labels(demote_row_labels(out), aggressive=True, furniture=furniture)


def _joinable(seg: Segment) -> bool:
    return seg.kind == "text" and not is_prose(seg.label) and not is_note(seg.label) \
        and len(seg.label) < 90


def join_broken_labels(segments: list[Segment], *, aggressive: bool,
                       furniture: Collection[int] = frozenset()) -> list[Segment]:
    """Join label fragments: a line starting in lower case, "(", a joining word or a date
    continues the label above; (``aggressive``, for OCR) a line ending in a joining word or a
    comma, or an all-capitals fragment before an all-capitals row, starts the label below, and
    a short fragment between two rows ends the label above. A page break (``furniture``,
    0-based lines of page numbers and running heads, and the blank lines around them) between
    a label's lines is no gap: the label goes on on the next page."""
    out: list[Segment] = []
    prefix: Segment | None = None
    reach: dict[int, int] = {}  # id of a segment -> the last line joined into its label
    for index, seg in enumerate(segments):
        if seg.kind == "header":
            _flush(prefix, out)
            prefix = None
            out.append(seg)
            continue
        if seg.kind == "blank":
            if not aggressive:  # OCR keeps a pending label start across blank lines
                _flush(prefix, out)
                prefix = None
            out.append(seg)
            continue
        if prefix is not None:
            capitals = prefix.label.isupper() and seg.label.isupper() and seg.kind == "row"
            if (ends_dangling(prefix.label) or capitals) and (
                    seg.kind == "row" or _joinable(seg)):
                seg.label = f"{prefix.label} {seg.label}".strip()
                prefix = None
            else:
                _flush(prefix, out)
            prefix = None
        prev = next((s for s in reversed(out) if s.kind != "blank"), None)
        gap = _gap(reach.get(id(prev), prev.line), seg.line, segments, index, furniture) \
            if prev else 99
        if seg.kind == "text" and _joinable(seg):
            continues = starts_lowercase_or_joiner(seg.label) or starts_with_date(seg.label) or (
                aggressive and prev is not None and prev.kind == "text" and gap == 1
                and _capitals(prev.label) and _capitals(seg.label)) or (
                aggressive and prev is not None and _left_open(prev.label, seg.label)) or (
                not aggressive and prev is not None
                and _indented_tail(seg, prev, gap, segments, index + 1))
            if prev is not None and prev.kind in {"row", "text"} and _joinable_prev(prev) and \
                    gap <= (3 if aggressive else 1) and (continues or (
                        aggressive and not ends_dangling(seg.label)
                        and _short_tail(seg, prev, segments, index + 1))):
                prev.label = f"{prev.label} {seg.label}".strip()
                reach[id(prev)] = seg.line
                if prev.kind == "text" and aggressive and ends_dangling(prev.label):
                    _remove(out, prev)
                    prefix = prev
                continue
            if aggressive and (ends_dangling(seg.label) or seg.label.endswith(";") or (
                    seg.label.isupper() and not seg.label.endswith(":"))):
                prefix = seg
                continue
            if ends_dangling(seg.label) and _indented_row_after(seg, segments, index + 1):
                prefix = seg  # "Net Income attributable to" / "    IIJ<TAB>2,007": one label
                continue
        if seg.kind == "row" and prev is not None and prev.kind == "text" and \
                _joinable(prev) and gap <= 2 and not prev.label.endswith(":") and (
                    starts_lowercase_or_joiner(seg.label) or (
                        aggressive and not _has_words(seg.label) and _after_row(prev, out))):
            # "issued and outstanding, ... 16,833,847" continues the line above; numbers
            # alone ("3) 36") were carried onto the line after their label
            _remove(out, prev)
            seg.label = f"{prev.label} {seg.label if _has_words(seg.label) else ''}".strip()
        out.append(seg)
    _flush(prefix, out)
    return out


def _gap(last: int, line: int, segments: list[Segment], index: int,
         furniture: Collection[int]) -> int:
    """Lines from ``last`` to ``line`` (``segments[index]``); 1 across a page break: nothing
    but page furniture and blank lines between them."""
    between = range(last + 1, line)
    if not any(k - 1 in furniture for k in between):
        return line - last
    blank = {s.line for s in itertools.islice(reversed(segments[:index]), len(between) + 1)
             if s.kind == "blank"}
    return 1 if all(k - 1 in furniture or k in blank for k in between) else line - last


def _left_open(label: str, after: str) -> bool:
    """``label`` stops mid-phrase and ``after`` carries on, as a label wrapped after the line
    of its figures does: it ends in a joining word ("... doubtful accounts of" / "JPY 72,207
    thousand and ..."), or ``after`` starts with a number its words go on from ("... and JPY" /
    "94,729 thousand and ...", "September" / "30, 2030, respectively")."""
    words = label.split()
    if not words or not after or label.endswith((":", ".")):
        return False
    return words[-1].lower() in FUNCTION_WORDS or starts_with_number(after)


def _remove(out: list[Segment], seg: Segment) -> None:
    """Take ``seg`` (a recent one) out of ``out``, looking from the end: a long release has
    many segments, and comparing them field by field from the start made this quadratic."""
    for i in range(len(out) - 1, -1, -1):
        if out[i] is seg:
            del out[i]
            return
    out.remove(seg)


def _after_row(prev: Segment, out: list[Segment]) -> bool:
    """``prev`` sits inside a table: the line before it has figures."""
    before = next((s for s in reversed(out) if s.kind != "blank" and s is not prev), None)
    return before is not None and before.kind == "row"


def _has_words(label: str) -> bool:
    return re.search(r"[A-Za-z]{2}", label) is not None


def _capitals(label: str) -> bool:
    """An all-capitals label fragment (parentheticals aside) that is not a "HEADING:"."""
    bare = re.sub(r"\([^()]*\)", "", label).strip()
    return bool(bare) and bare.isupper() and not label.endswith(":")


def _short_tail(seg: Segment, prev: Segment, segments: list[Segment], start: int) -> bool:
    """"Method Investees" between the row it ends and the next row (``segments[start:]``) —
    unless the next row is indented under it: then it is that row's label's first line
    ("Income before Income Tax" / "    Expense 727 1,425"), not the end of the one above."""
    nxt = _next_segment(segments, start)
    words = seg.label.split()
    return (prev.kind == "row" and seg.line - prev.line == 1 and len(words) <= 4
            and not seg.label.endswith(":") and not seg.label.isupper()
            and nxt is not None and nxt.kind == "row" and not _deeper(nxt, seg))


def _indented_tail(seg: Segment, prev: Segment, gap: int, segments: list[Segment],
                   start: int) -> bool:
    """``seg``, a fragment indented deeper than the row just above it, ends that row's label
    (a label wrapped after the line of its figures: "Internet Connectivity<TAB>7,816" /
    "  Service (Corporate Use)"); not a heading ("Current assets:", "ASSETS"), nor one over
    rows indented as deep as it or deeper ("  Noncurrent liabilities" / "    Long-term ..."),
    nor a line after a grid's row (``in_grid``: its label wraps inside its cell)."""
    nxt = _next_segment(segments, start)
    return prev.kind == "row" and gap == 1 and _deeper(seg, prev) and not prev.in_grid \
        and not seg.label.endswith(":") and not seg.label.isupper() \
        and not (nxt is not None and nxt.kind == "row" and _indent(nxt) >= _indent(seg))


def _next_segment(segments: list[Segment], start: int) -> Segment | None:
    """The first segment from ``segments[start]`` on that is not a blank line."""
    return next((s for s in itertools.islice(segments, start, None) if s.kind != "blank"), None)


def _indented_row_after(seg: Segment, segments: list[Segment], start: int) -> bool:
    """The line after ``seg`` is a row indented deeper than it: the rest of its label, with
    the figures (a label wrapped with its figures on its last line)."""
    nxt = segments[start] if start < len(segments) else None
    return nxt is not None and nxt.kind == "row" and nxt.line == seg.line + 1 \
        and _deeper(nxt, seg)


def _deeper(seg: Segment, than: Segment) -> bool:
    """``seg`` is indented two spaces or more deeper than ``than`` (a scan's one-space
    indents are noise: a running footer " Internet Initiative Japan Inc." under a row)."""
    return _indent(seg) >= _indent(than) + 2


def _indent(seg: Segment) -> int:
    return len(seg.text) - len(seg.text.lstrip())


def _joinable_prev(prev: Segment) -> bool:
    return prev.kind == "row" or _joinable(prev)


def _flush(prefix: Segment | None, out: list[Segment]) -> None:
    """Emit a held fragment as a line of its own; callers then clear it."""
    if prefix is not None:
        out.append(prefix)
