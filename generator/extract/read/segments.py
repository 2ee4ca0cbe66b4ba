"""The common currency of the layout readers: a release becomes a list of segments (a header
line, a row with its label and number slots, a text line, a blank), each with its source line.
Layouts differ only in how they cut lines into segments; tables are assembled from segments."""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Literal, TypeVar

from generator.extract.read.headers import coverage_bound, header_coverage, parse_header
from generator.extract.read.lines import NBSP, clean_label, is_footnote_mark, strip_markup
from generator.extract.read.numbers import (
    is_damaged_figure,
    is_number_token,
    parse_number,
    split_figure,
)
from generator.extract.read.periods import FiscalCalendar, month_number
from generator.extract.read.units import FIGURE_UNIT_WORDS, PREFIX_SIGNS, PREFIX_STARTS, stated_unit
from generator.model.period import Duration, Instant

SegmentKind = Literal["row", "text", "header", "blank"]
EMPTY = None  # an explicit empty slot (nbsp in newswire, an empty tab cell)
_DEBRIS = re.compile(r"^[\dGOo©,.:;()\[\]]{1,12}$")
_YEAR = re.compile(r"^(19|20)\d{2}[),.;:]*$")
_UNIT_WORDS = {"Gbps", "Mbps", "Tbps", "gbps"}
HEADER_COVERAGE = 0.6


@dataclass
class Segment:
    line: int  # 1-based source line
    kind: SegmentKind
    label: str = ""
    tokens: list[str | None] = field(default_factory=list)
    text: str = ""
    header_text: str = ""  # for headers: the header part (without a leading title)
    in_grid: bool = False  # printed with cell markers (tabs, blank-cell spaces): a table line
    cells: list[str] = field(default_factory=list)  # tab-separated text cells, when printed so
    token_lines: list[int] = field(default_factory=list)  # per token, when lines were joined
    trailing_blanks: int = 0  # explicit empty cells after the last token (tab-separated rows)
    guessed: bool = False  # a position reader could only guess which columns its figures fill


T = TypeVar("T", str, str | None)
# marks a scan leaves beside the figures, never a figure or a dash (a dash is a nil cell)
_SPECK = re.compile(r"['`\"‘’“”,.:;~^]+")


def is_speck(token: str) -> bool:
    """A mark a scan left on its own ("'", "`", ".."): never a word, a figure or a dash."""
    return _SPECK.fullmatch(token) is not None


def without_specks(tokens: list[T], figure_at: Callable[[list[T], int], bool]) -> list[T]:
    """``tokens`` without the marks a scan left after the last figure ("47,206,508 '"): no
    cells. ``figure_at(tokens, i)``: whether token ``i`` is a figure, as the reader says."""
    end = len(tokens)
    while end > 1 and isinstance(last := tokens[end - 1], str) and is_speck(last) \
            and figure_at(tokens, end - 2):
        end -= 1
    return tokens[:end]


_DATE_PART = re.compile(r"\d{1,2},|(19|20)\d{2}[,.;)]")
_DAY_COMMA = re.compile(r"\d{1,2},")


def is_debris(token: str) -> bool:
    """OCR remains of a number ("G,089)", ")", "©23)"): a slot we cannot read."""
    if _DATE_PART.fullmatch(token):  # "SEPTEMBER 30,", "2011,": dates
        return False
    return bool(_DEBRIS.match(token)) and not is_number_token(token) and any(
        ch.isdigit() or ch in "()" for ch in token)


_CHANGE_WORD = re.compile(r"up|down", re.IGNORECASE)


def merge_tokens(words: list[str]) -> list[str]:
    """Glue tokens the printing split: "(0.4" ")" -> "(0.4 )", "702.5" "Gbps", "10." ".1",
    "JPY" "16,775" (a cell printing its own currency), "12," "345" (a figure a space split,
    kept as the damaged figure it is)."""
    return list(_merged(tuple(words)))


@functools.lru_cache(maxsize=1 << 14)
def _merged(words: tuple[str, ...]) -> tuple[str, ...]:
    """:func:`merge_tokens`, memoised: a pure function of the words, and the readers cut the
    same lines, cells and wordings again (half the calls on distinct releases)."""
    return tuple(token for token, _ in merge_counted(list(words)))


# "(Note", "(See", "(注": a parenthesis that opens on a word, a note's reference to come
_OPENS_A_NOTE = re.compile(r"\([^\W\d][^()]*")
_NOTE_WORDS = 3  # "(Note 10)", "(See Note 3)", "(Notes 1, 2)": the reference is short


def _note_end(words: list[str], start: int) -> int | None:
    """Where the parenthesized note opening at ``words[start]`` closes, if within a few words:
    "(Note" "10)" is one note, never the label "(Note" and the figure "(10)"."""
    if not _OPENS_A_NOTE.fullmatch(words[start]):
        return None
    for end in range(start + 1, min(start + 1 + _NOTE_WORDS, len(words))):
        if "(" in words[end]:
            return None
        if words[end].endswith(")"):
            return end
    return None


def merge_counted(words: list[str]) -> list[tuple[str, int]]:
    """:func:`merge_tokens`, with how many printed words each token took."""
    out: list[tuple[str, int]] = []
    index = 0
    while index < len(words):
        if words[index][:1] == "(" and (end := _note_end(words, index)) is not None:
            out.append((" ".join(words[index:end + 1]), end + 1 - index))
            index = end + 1
            continue
        word = words[index]
        index += 1
        last = out[-1][0] if out else ""
        if out and word == ")" and last.startswith("(") and not last.endswith(")") \
                and is_number_token(last + ")"):
            out[-1] = (last + " )", out[-1][1] + 1)
        elif out and (word in _UNIT_WORDS or (
                word.lower() in FIGURE_UNIT_WORDS and last[:1] not in PREFIX_STARTS)) \
                and is_number_token(last):
            out[-1] = (f"{last} {word}", out[-1][1] + 1)
        elif out and word.startswith(".") and last.endswith(".") and word[1:].isdigit():
            out[-1] = (last + word[1:], out[-1][1] + 1)
        elif out and ((word.endswith("%") and _CHANGE_WORD.fullmatch(last))
                      or (last.endswith("%") and _CHANGE_WORD.fullmatch(word))) \
                and is_number_token(f"{last} {word}"):
            out[-1] = (f"{last} {word}", out[-1][1] + 1)  # "up 12.3%", "3.6% down"
        # a currency printed before a cell's figure, apart from it: "JPY 16,775", "¥ 97,842"
        elif out and last.lstrip("△▲-−") in PREFIX_SIGNS and parse_number(word) is not None \
                and is_number_token(f"{last} {word}"):
            out[-1] = (f"{last} {word}", out[-1][1] + 1)  # "¥ 97,842", "JPY 16,775"
        elif out and not is_number_token(last) and split_figure(last, word) \
                and (last.endswith(",") or "," not in word) and not _day_of_date(out, last):
            # "12," "345": one figure a space split, a cell that cannot be read (not two);
            # "1,241,46" "1,155,857" may as well be two cells (a row too long says so)
            out[-1] = (f"{last} {word}", out[-1][1] + 1)
        else:
            out.append((word, 1))
    return out


def _day_of_date(out: list[tuple[str, int]], last: str) -> bool:
    """``last`` ("30,") is the day of a date after its month ("SEPTEMBER 30,"), not the first
    group of a figure a space split."""
    return _DAY_COMMA.fullmatch(last) is not None and len(out) > 1 \
        and month_number(out[-2][0].rstrip(".")) is not None and out[-2][0][:1].isalpha()


def _is_slot(tokens: list[str], i: int) -> bool:
    token = tokens[i]
    if token == NBSP:
        return True
    if _YEAR.match(token) and i > 0 and _DAY_COMMA.fullmatch(tokens[i - 1]):
        return False  # "March 31, 2010": a date in the label, not a cell
    return is_number_token(token) or is_damaged_figure(token)  # "9,Z26": a cell, unread


def _without_marks_between(tokens: list[str]) -> list[str]:
    """``tokens`` without a footnote's mark that reads as no figure standing between two
    figures ("32,443 * 34,264", "1,456 † 1,494"): the mark of the figure before it, no cell
    (a mark that reads as a figure, "(1)", is the tables reader's to weigh)."""
    if len(tokens) < 3:
        return tokens
    keep = [not (0 < i < len(tokens) - 1 and is_footnote_mark(t) and not is_number_token(t)
                 and is_number_token(tokens[i - 1]) and is_number_token(tokens[i + 1]))
            for i, t in enumerate(tokens)]
    return tokens if all(keep) else [t for t, k in zip(tokens, keep, strict=True) if k]


def split_row(words: list[str], *, nbsp_empty: bool) -> tuple[str, list[str | None]]:
    """Label and trailing number slots of a space-separated line. With ``nbsp_empty`` a lone
    no-break space is an empty cell (newswire prints one where a column is blank)."""
    tokens = merge_tokens([w for w in words if w and (nbsp_empty or w.strip(NBSP))])
    tokens = without_specks(tokens, _is_slot)
    tokens = _without_marks_between(tokens)
    start = len(tokens)
    while start > 0:
        if _is_slot(tokens, start - 1) or (start - 1 > 0 and is_debris(tokens[start - 1])):
            start -= 1
            continue
        break
    zone = tokens[start:]
    if not any(t != NBSP and is_number_token(t) for t in zone):
        start, zone = len(tokens), []
    while zone and zone[0] == NBSP:  # leading blanks belong to the label gap
        zone.pop(0)
    label = clean_label(" ".join(t for t in tokens[:start] if t != NBSP))
    slots: list[str | None] = [EMPTY if t == NBSP else t for t in zone]
    return label, slots


_BRACKETED = re.compile(r"\(([^()]*)\)")


def _units_in_brackets(flat: str) -> bool:
    """Whether the line is several bracketed units and nothing else, one per column
    ("(¥ millions) (¥ millions)"), not one note ("(April 1, 2011 through March 31, 2012) (%
    shown is YoY change)")."""
    groups = _BRACKETED.findall(flat)
    return len(groups) >= 2 and not _BRACKETED.sub("", flat).strip() and all(
        stated_unit(g) is not None or g.strip() == "%" for g in groups)


_UNIT_NOTE = re.compile(r"unit\s*:", re.I)


def classify(line_no: int, text: str, label: str, slots: list[str | None]) -> Segment:
    """A row has numbers; a header line is mostly header phrases; anything else is text."""
    flat = " ".join(strip_markup(text).replace(NBSP, " ").split())
    if not flat:
        return Segment(line_no, "blank", text=text)
    numbers = [s for s in slots if s is not None]
    if not numbers:
        coverage, items = header_coverage(flat)
        # a unit note ("(Millions of yen)", "Unit: JPY million"), not a header; a line of
        # several bracketed units is one per column ("(¥ millions) (¥ millions)")
        subtitle = (flat.startswith("(") and flat.endswith(")")
                    and not _units_in_brackets(flat)) or \
            _UNIT_NOTE.match(flat) is not None
        if items and coverage >= HEADER_COVERAGE and not subtitle:
            return Segment(line_no, "header", text=text, header_text=flat)
        return Segment(line_no, "text", label=clean_label(flat), text=text,
                       in_grid=len(slots) > 0)
    if _header_with_years(flat) and not (flat.startswith("(") and flat.endswith(")")):
        return Segment(line_no, "header", text=text, header_text=flat)
    # a figure a scan damaged is a cell left unread: which columns the row's figures fill was
    # counted with it, a guess for the proof to confirm
    return Segment(line_no, "row", label=label, tokens=slots, text=text,
                   guessed=any(s is not None and is_damaged_figure(s) for s in slots))


def _header_with_years(flat: str) -> bool:
    """Header lines whose slots are only years of dates ("As of March 31, 2010 2011")."""
    if coverage_bound(flat) < 0.85:
        return False  # a row of figures (most lines asked): no scan needed to tell
    coverage, items = header_coverage(flat)
    return items >= 2 and coverage >= 0.85


def demote_row_labels(segments: list[Segment]) -> list[Segment]:
    """A line of period words alone ("Six months ended", "Fiscal year ending March 31,")
    right above a row starts that row's label; above a date line it is a header."""
    for index, seg in enumerate(segments):
        if seg.kind != "header":
            continue
        nxt = next((s for s in itertools.islice(segments, index + 1, None) if s.kind != "blank"),
                   None)
        parsed = parse_header(seg.header_text, FiscalCalendar())
        dated = any(s.date or s.day_year or s.period for s in parsed.slots) or parsed.units
        if not dated and nxt is not None and nxt.kind == "row":
            seg.kind = "text"
            seg.label = clean_label(seg.header_text)
    return segments


# A row label's period phrase cut short where its line ended: the months or the year it ends,
# perhaps with the start of its date ("Six months ended", "Fiscal year ending March",
# "Fiscal year ended March 31,"), the date to come on the line before or after the figures.
_PERIOD_MARKER = (r"(?:for\s+the\s+)?(?:(?:three|six|nine|twelve|\d{1,2})\s+months?"
                  r"|(?:fiscal\s+)?year)\s+end(?:ed|ing)")
_CUT_PERIOD = re.compile(rf"{_PERIOD_MARKER}(?:\s+[A-Za-z]{{3,9}}\.?(?:\s+\d{{1,2}},?)?)?",
                         re.I)
_DAY_CUT = re.compile(r"\d{1,2},$")
# the rest of such a phrase alone on a line: its date or the end of it ("September 30, 2010",
# "31, 2011 (Target)", "2012"), perhaps marked a forecast
_DATE_REST = re.compile(r"(?:[A-Za-z]{3,9}\.?\s+)?(?:\d{1,2},\s*)?(?:19|20)\d{2}"
                        r"(?:\s*\((?:target|forecast)s?\))?", re.I)
_YEAR_TOKEN = re.compile(r"(?:19|20)\d{2}")


def _one_period(text: str, calendar: FiscalCalendar) -> Duration | Instant | None:
    """The one period ``text`` names, if it names exactly one."""
    periods = parse_header(text, calendar).periods
    return periods[0].period if len(periods) == 1 else None


def _flat(seg: Segment) -> str:
    return " ".join(strip_markup(seg.text).replace(NBSP, " ").split())


def join_period_labels(segments: list[Segment], calendar: FiscalCalendar) -> list[Segment]:
    """A row label naming its period over two lines, the figures on either ("Six months
    ended" / "September 30, 2010 4,241.14 ...", "Fiscal year ended March 31, - 1,250.00 ..." /
    "2011"): one label, on the line of the figures. Joined only where the two parts name one
    span and the row's own part names none (a date alone is a day, not the six months to
    it); a line of its own, the cut phrase is otherwise read as a header or a heading."""
    out: list[Segment] = []
    index = 0
    while index < len(segments):
        seg = segments[index]
        # the next line that is not blank, a blank line and a grid's rule line ("+----+")
        # between at most
        nxt_at = next((k for k in range(index + 1, min(index + 4, len(segments)))
                       if segments[k].kind != "blank"), None)
        if nxt_at is None or segments[nxt_at].line - seg.line > 3:
            out.append(seg)
            index += 1
            continue
        nxt = segments[nxt_at]
        if seg.kind in {"text", "header"} and nxt.kind == "row" \
                and _CUT_PERIOD.fullmatch(cut := _flat(seg)):
            rest, tokens = nxt.label, list(nxt.tokens)
            if not rest and _DAY_CUT.search(cut) and tokens and isinstance(tokens[0], str) \
                    and _YEAR_TOKEN.fullmatch(tokens[0]):
                rest, tokens = tokens[0], tokens[1:]  # "March 31," / "2011 - 1,250.00"
            joined = f"{cut} {rest}"
            if rest and isinstance(_one_period(joined, calendar), Duration) \
                    and not isinstance(_one_period(rest, calendar), Duration):
                if len(tokens) < len(nxt.tokens) and len(nxt.token_lines) == len(nxt.tokens):
                    nxt.token_lines = nxt.token_lines[len(nxt.tokens) - len(tokens):]
                nxt.label, nxt.tokens = clean_label(joined), tokens
                out.extend(segments[index + 1:nxt_at])  # the blank lines between
                index = nxt_at
                continue
        if seg.kind == "row" and nxt.line == seg.line + 1 and nxt.kind != "blank" \
                and _CUT_PERIOD.fullmatch(seg.label) and _DATE_REST.fullmatch(rest := _flat(nxt)):
            joined = f"{seg.label} {rest}"
            if isinstance(_one_period(joined, calendar), Duration):
                seg.label = clean_label(joined)  # "Six months ended 34,272 ..." /
                out.append(seg)  # "September 30, 2010"
                index = nxt_at + 1
                continue
        out.append(seg)
        index += 1
    return out
