"""Tables flattened into paragraphs (sample 003): "Operating Results Summary 1H16 1H17 YoY
Change JPY millions JPY millions % Total revenues 74,123 82,988 12.0 Network services ...".
A paragraph is cut into segments where a run of numbers ends and a label begins; header
phrases inside a label become a header segment, "HEADING:" parts become heading text."""

from __future__ import annotations

import re

from generator.extract.read.headers import _PERIOD_KINDS, _SCANNER
from generator.extract.read.lines import NBSP, clean_label, is_prose
from generator.extract.read.segments import Segment, _is_slot, merge_tokens

_SENTENCE_END = (".", "。", ".)", ".”", '."')
_COUNTED = {"date", "bad_date", "half", "quarter", "fy", "unit"}
_PAREN_DATE = re.compile(r"\([^()]*\)")  # "(shares)", "(As of ... 2017)": never column heads
_SENTENCES = re.compile(r"(?<=[.)])\s+(?=\(?\d{1,2}[.)]\s)|(?<=\.)\s+(?=[A-Z(])")
_GAP = re.compile(r"^[\s|\[\]·•,:;()*\-–—]*$")


def paragraphs(lines: list[str], furniture: set[int]) -> list[tuple[int, str]]:
    """Rejoin what the conversion broke: a line that does not end a sentence or a number run
    ("Thousands of" / "JPY ...", "Six months ended" / "September 30, 2017 ...") continues on
    the next non-blank line."""
    out: list[tuple[int, str]] = []
    current: tuple[int, str] | None = None
    for index, raw in enumerate(lines):
        if index in furniture:
            continue
        text = " ".join(raw.replace(NBSP, " ").split())
        if not text:
            continue
        if current is not None and _continues(current[1], text):
            current = (current[0], f"{current[1]} {text}")
            continue
        if current is not None:
            out.append(current)
        current = (index + 1, text)
    if current is not None:
        out.append(current)
    return out


def _continues(before: str, after: str) -> bool:
    if before.endswith(_SENTENCE_END):
        return False
    last = before.split()[-1]
    if last[-1:].isdigit() or last.endswith(")"):
        return bool(re.match(r"^\((forecast|target|plan)\)", after, re.I))
    return True


def segments(lines: list[str], furniture: set[int]) -> list[Segment]:
    out: list[Segment] = []
    for line_no, text in paragraphs(lines, furniture):
        out.extend(split_paragraph(line_no, text))
        out.append(Segment(line_no, "blank"))
    return out


def split_paragraph(line_no: int, text: str) -> list[Segment]:
    if is_prose(text) and header_span(text) is None:
        return [Segment(line_no, "text", label=text, text=text)]
    tokens = merge_tokens(text.split())
    out: list[Segment] = []
    label: list[str] = []
    i = 0
    while i < len(tokens):
        if not _is_slot(tokens, i):
            label.append(tokens[i])
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
        if inside or (not label and not out):
            label.extend(run)
            i = j
            continue
        out.extend(_label_segments(line_no, " ".join(label), run))
        label = []
        i = j
    if label:
        out.extend(_label_segments(line_no, " ".join(label), None))
    return out


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
    if span is not None:
        before, head, text = text[: span[0]], text[span[0]: span[1]], text[span[1]:]
        out.extend(_texts(line_no, before))
        out.append(Segment(line_no, "header", text=head, header_text=head))
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
