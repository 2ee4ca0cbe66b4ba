"""Tables flattened into paragraphs (sample 003): "Operating Results Summary 1H16 1H17 YoY
Change JPY millions JPY millions % Total revenues 74,123 82,988 12.0 Network services ...".
A paragraph is cut into segments where a run of numbers ends and a label begins; header
phrases inside a label become a header segment, "HEADING:" parts become heading text."""

from __future__ import annotations

import functools
import re

from generator.extract.read.headers import _PERIOD_KINDS, _SCANNER
from generator.extract.read.lines import NBSP, clean_label, is_prose
from generator.extract.read.numbers import is_damaged_figure
from generator.extract.read.segments import Segment, _is_slot, is_speck, merge_counted

_SENTENCE_END = (".", "。", ".)", ".”", '."')
_COUNTED = {"date", "bad_date", "half", "quarter", "fy", "unit"}
_PAREN_DATE = re.compile(r"\([^()]*\)")  # "(shares)", "(As of ... 2017)": never column heads
_SENTENCES = re.compile(r"(?<=[.)])\s+(?=\(?\d{1,2}[.)]\s)|(?<=\.)\s+(?=[A-Z(])")
_GAP = re.compile(r"^[\s|\[\]·•,:;()*\-–—]*$")


def paragraphs(
    lines: list[str], furniture: set[int], *, wrapped: bool = False
) -> list[list[tuple[str, int]]]:
    """Rejoin what the conversion broke: a line that does not end a sentence or a number run
    ("Thousands of" / "JPY ...", "Six months ended" / "September 30, 2017 ...") continues on
    the next non-blank line; in hard-wrapped text, also every line followed by another without
    a blank line between. A paragraph is its words, each with its source line."""
    out: list[list[tuple[str, int]]] = []
    current: list[tuple[str, int]] = []
    adjacent = False  # the previous line was not blank
    for index, raw in enumerate(lines):
        if index in furniture:
            continue
        words = raw.replace(NBSP, " ").split()
        if len(words) > 1 and is_speck(words[0]):
            words = words[1:]  # "' Change JPY millions ...": a scan's mark, no word of it
        if not words:
            adjacent = False
            continue
        joined = wrapped and adjacent
        adjacent = True
        if current and (
            joined or _continues(" ".join(w for w, _ in current[-3:]), " ".join(words))
        ):
            current.extend((w, index + 1) for w in words)
            continue
        if current:
            out.append(current)
        current = [(w, index + 1) for w in words]
    if current:
        out.append(current)
    return out


def _continues(before: str, after: str) -> bool:
    if before.endswith(_SENTENCE_END):
        return False
    last = before.split()[-1]
    if last[-1:].isdigit() or last.endswith(")"):
        return bool(re.match(r"^\((forecast|target|plan)\)", after, re.I))
    return True


def segments(lines: list[str], furniture: set[int], *, wrapped: bool = False) -> list[Segment]:
    out: list[Segment] = []
    for words in paragraphs(lines, furniture, wrapped=wrapped):
        out.extend(split_paragraph(words))
        out.append(Segment(words[-1][1], "blank"))
    return out


def split_paragraph(words: list[tuple[str, int]]) -> list[Segment]:
    text = " ".join(w for w, _ in words)
    if is_prose(text) and header_span(text) is None:
        return [Segment(words[0][1], "text", label=text, text=text)]
    tokens: list[str] = []
    lines: list[int] = []
    position = 0
    for token, count in merge_counted([w for w, _ in words]):
        tokens.append(token)
        lines.append(words[position][1])
        position += count
    out: list[Segment] = []
    label: list[int] = []  # token indexes
    i = 0
    while i < len(tokens):
        if not _is_slot(tokens, i):
            label.append(i)
            i += 1
            continue
        j = i
        while j < len(tokens) and _is_slot(tokens, j):
            j += 1
        run = tokens[i:j]
        after = tokens[j] if j < len(tokens) else ""
        before = tokens[i - 1] if i > 0 else ""
        inside = len(run) == 1 and (after[:1].islower() or before in {"JPY", "of", "and"}
                                    or re.fullmatch(r"\(\d{1,2}\)", run[0]) is not None)
        # a run of nothing but figures a scan damaged is no row ("... 9,Z26 Mobile ...")
        inside = inside or all(is_damaged_figure(t) for t in run)
        if inside or (not label and not out):
            label.extend(range(i, j))
            i = j
            continue
        first = lines[label[0]] if label else lines[i]
        label_text = " ".join(tokens[k] for k in label)
        segs = _label_segments(first, label_text, run)
        _place(segs[:-1], label_text, [lines[k] for k in label])
        segs[-1].token_lines = lines[i:j]
        segs[-1].line = _row_line(tokens, lines, label, i)
        segs[-1].text = " ".join([segs[-1].label, *run])
        # a figure a scan damaged ("9,Z26") is a cell left unread, counted in its place: which
        # columns the others fill is a guess the proof must confirm
        segs[-1].guessed = any(is_damaged_figure(t) for t in run)
        out.extend(segs)
        label = []
        i = j
    if label:
        label_text = " ".join(tokens[k] for k in label)
        segs = _label_segments(lines[label[0]], label_text, None)
        _place(segs, label_text, [lines[k] for k in label])
        out.extend(segs)
    return out


def _place(segs: list[Segment], text: str, word_lines: list[int]) -> None:
    """Give headers and headings cut from a paragraph the line their first word is on."""
    starts = [m.start() for m in re.finditer(r"\S+", text)]
    cursor = 0
    for seg in segs:
        probe = (seg.header_text or seg.text).strip()[:30]
        at = text.find(probe, cursor) if probe else -1
        if at < 0:
            continue
        cursor = at + 1
        index = max(i for i, start in enumerate(starts) if start <= at) if starts else 0
        if index < len(word_lines):
            seg.line = word_lines[index]


def _row_line(tokens: list[str], lines: list[int], label: list[int], first_number: int) -> int:
    """A row's line: where its own label starts (after any header or heading glued before
    it in the paragraph), else where its numbers are."""
    tail = " ".join(tokens[k] for k in label)
    while (span := header_span(tail)) is not None:  # after the last header glued before it
        tail = tail[span[1]:]
    kept = _headings(tail.strip())[-1] if tail.strip() else ""
    count = len(kept.split())
    own = label[len(label) - count:] if count else []
    return lines[own[0]] if own else lines[first_number]


@functools.lru_cache(maxsize=1 << 12)  # a row's label is scanned for its cut and its line
def header_span(text: str) -> tuple[int, int] | None:
    """The first run of adjacent header phrases with at least two period/unit phrases; a
    period phrase after unit phrases starts a row label ("JPY millions % Six months ended")."""
    best: tuple[int, int] | None = None
    start = end = -1
    items = 0
    seen_unit = False
    masked = _PAREN_DATE.sub(lambda m: "#" * len(m.group(0)), text)
    for m in _SCANNER.finditer(masked):
        kind = m.lastgroup or ""
        adjacent = start >= 0 and _GAP.match(masked[end:m.start()]) is not None
        if adjacent and seen_unit and kind in _PERIOD_KINDS:
            break
        if not adjacent:
            if items >= 2:
                best = (start, end)
                break
            start, items, seen_unit = m.start(), 0, False
        end = m.end()
        if kind in _COUNTED:  # markers ("as of", "ended") only qualify a date
            items += 1
        seen_unit = seen_unit or kind == "unit"
    if best is None and items >= 2:
        best = (start, end)
    return best


def _label_segments(line_no: int, text: str, run: list[str] | None) -> list[Segment]:
    out: list[Segment] = []
    span = header_span(text)
    first = True
    while span is not None:
        # a page that ends right after a heading repeats the header before the next row:
        # "... Thousands of JPY REVENUES: Network services: Six Months Ended ... Thousands of
        # JPY Internet connectivity services 920,247 ..." holds two headers
        before, head, text = text[: span[0]], text[span[0]: span[1]], text[span[1]:]
        for part in [before] if first else _headings(before.strip()):
            out.extend(_texts(line_no, part))
        out.append(Segment(line_no, "header", text=head, header_text=head))
        span, first = header_span(text), False
    parts = _headings(text.strip())
    last = parts.pop() if parts else ""
    for part in parts:
        out.extend(_texts(line_no, part))
    if run is None:
        out.extend(_texts(line_no, last))
    else:
        out.append(Segment(line_no, "row", label=clean_label(last), tokens=list(run), text=text))
    return out


def _headings(text: str) -> list[str]:
    """Split "REVENUES: Network services: Internet ..." at colons; "LESS: NET INCOME ..." is
    one label (a sign word, not a heading)."""
    parts: list[str] = []
    for piece in re.split(r"(?<=:)\s+", text):
        if parts and re.fullmatch(r"(less|add|plus|minus|deduct):", parts[-1], re.I):
            parts[-1] = f"{parts[-1]} {piece}"
        else:
            parts.append(piece)
    return parts


def _texts(line_no: int, text: str) -> list[Segment]:
    """Text before a header: sentences and numbered headings ("(1) ...") apart, so the
    title is the last of them rather than a whole paragraph."""
    out = []
    for part in _SENTENCES.split(text.strip()):
        part = part.strip()
        if part:
            label = part if is_prose(part) else clean_label(part)
            out.append(Segment(line_no, "text", label=label, text=part))
    return out
