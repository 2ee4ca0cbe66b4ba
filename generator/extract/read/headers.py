"""Column headers: the period phrases ("Six Months Ended September 30, 2010", "1H09", "as of",
"FY11 Revised Target (11/4~12/3)"), change columns ("YoY % change") and unit phrases
("Thousands of JPY", "%", "Thousands of U.S. Dollars", "JPY millions") of a header block,
turned into :class:`Column` objects. Damaged OCR phrases borrow from their siblings."""

from __future__ import annotations

import datetime as dt
import functools
import itertools
import re
from dataclasses import dataclass
from decimal import Decimal

from generator.extract.layout import Column, ColumnRole
from generator.extract.read.lines import strip_markup
from generator.extract.read.periods import (
    WORD_MONTHS,
    FiscalCalendar,
    full_year,
    month_end,
    month_number,
    months_ended,
    slash_range,
)
from generator.extract.read.units import (
    CURRENCY_WORDS,
    HEADING_WORDS,
    UNIT_PHRASE,
    currency_of,
    currency_pattern,
    scale_of,
    stated_unit,
)
from generator.model.period import Duration, Instant
from generator.taxonomy.lookalikes import one_letter_off, scan_key

_MON = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)"
_QUARTERS = r"(?:[1-4]Q\s*[-–~]\s*[1-4]Q|Q[1-4]\s*[-–~]\s*Q[1-4]|[1-4]Q|Q[1-4])"
# a part of a fiscal year: quarters (cumulated or not) and halves, number first or last
_PARTS = rf"(?:{_QUARTERS}|[12]H|H[12])"
_FY = r"FY\s?(?:\d{4}|\d{2})"
# a day named in figures: "9/30/2010" (month first), "2010/9/30", "2010-09-30", or in words
# with the day first: "30 Sep 2010"
_NUMERIC_DATE = (rf"\b(?:\d{{1,2}}/\d{{1,2}}/\d{{4}}|\d{{4}}/\d{{1,2}}/\d{{1,2}}"
                 rf"|\d{{4}}-\d{{2}}-\d{{2}}|\d{{1,2}}\s+{_MON}[a-z]*\.?\s+\d{{4}})(?![\d/])")
_WORD_DATE = rf"\b{_MON}[a-z]*\.?(?:\s+[a-z]{{2,8}})?\s+\d{{1,2}},\s*\d{{4}}"
_ANY_DATE = rf"(?:{_WORD_DATE}|{_NUMERIC_DATE})"
# words that name a part of a year: the grammar must understand them, or the year they stand
# beside is not the whole year ("FY2010 first half", "interim FY2010", "FY2010 9M")
_PART_WORDS = (r"(?:[1-4](?:st|nd|rd|th)?\s*(?:half|quarter|qtr|H|Q)|[HQ]\s?[1-4]"
               r"|(?:first|second|third|fourth|1st|2nd|3rd|4th)\s+(?:half|quarter)"
               r"|half(?:-year)?|quarter(?:ly)?|interim|semi-?annual|cumulative|YTD"
               # "FY2010 9M", not the marker of "Six months ended ..." after a year
               r"|(?:\d{1,2}\s*M(?:onths?)?|(?:one|three|six|nine)\s+months?)"
               r"(?!\s+(?:ended|ending|to|through)\b))")
# the currency words a heading prints alone (units.HEADING_WORDS): all of them, after
# "Thousands of"; the one-word ones after "of" ("of U.S. Dollars" is read as its "U.S.
# Dollars"), and the yen's after "millions of"; alone, a one-word one as a word of its own
_HEADING = currency_pattern(HEADING_WORDS)
_NAME = currency_pattern(w for w in HEADING_WORDS if w.isalpha())
_YEN_NAME = currency_pattern(w for w in HEADING_WORDS if w.isalpha() and CURRENCY_WORDS[w] == "JPY")
_ALONE = "|".join(rf"\b{currency_pattern([w])}\b" if w.isalpha() else currency_pattern([w])
                  for w in sorted(HEADING_WORDS, key=lambda w: (-len(w), w)))
# the characters other than a word's, "(" and "%" a phrase may start with: a currency sign's
_SIGN_STARTS = "".join(sorted({w[0] for w in CURRENCY_WORDS if not re.match(r"\w", w[0])}))
_PATTERNS: list[tuple[str, str]] = [
    ("range", r"\(\s*\d{2}/\d{1,2}\s*[~〜]\s*\d{2}/\d{1,2}\s*\)"),
    # a change column in other words: "Difference", "Increase (decrease)", "Inc./Dec." (not
    # a label's "Increase (decrease) in accounts payable")
    ("change", r"\bYoY\s*\([^)]*\)|\bYoY\b(?:\s*%)?(?:\s*change\b)?|(?:%\s*)?\bchanges?\b"
               r"|\bdifferences?\b(?!\s+(?:in|of|on|from|between)\b)"
               r"|\bincrease\s*(?:/\s*decrease\b|/?\s*\(\s*decrease\s*\))(?!\s+(?:in|of|on|from)\b)"
               r"|\binc\.?\s*/\s*dec\b\.?"),
    ("ended", r"\b(?:(three|six|nine|twelve|\d{1,2})\s+|[a-z]*(?:onths|nths|ths)\s+)"
              r"(?:months?\s+)?ended\b"
              # "6 months to", "6M to": the months up to the day that follows
              r"|\b(?:three|six|nine|twelve|\d{1,2})\s*(?:months?|M)\s+(?:to|through)\b"),
    ("fy_ended", r"\b(?:fiscal\s+)?year\s+end(?:ed|ing)\b"),
    ("as_of", r"\bas\s+of\b"),
    # the first and last day of a span: "Apr. 1, 2010 - Sep. 30, 2010"
    ("date_span", rf"{_ANY_DATE}\s*[-–~〜]\s*{_ANY_DATE}"),
    # the first and last month of a span: "Apr.-Sep. 2010", "Oct. 2010-Mar. 2011"
    ("month_span", rf"\b{_MON}[a-z]*\.?\s*(?:\d{{4}}\s*)?[-–~〜]\s*{_MON}[a-z]*\.?\s*\d{{4}}\b"),
    # a day, not an end of a span not read ("Apr. 1, 2010 - Sep. 30", "2010/4/1~9/30")
    ("date", rf"(?<![-–~〜])(?<![-–~〜]\s)(?:{_WORD_DATE}|{_NUMERIC_DATE})"
             r"(?!\s*[-–~〜]\s*[A-Za-z\d])"),
    # a month a scan damaged ("Seep. 30, 2012", "sep 30, 2012"): its day and year, the month
    # borrowed from a sibling column's date
    ("bad_date", r"(?<![A-Za-z])(?:[a-z]{1,6}|[A-Z][a-z]{1,8}\.?)\s+\d{1,2},\s*\d{4}"),
    # a quarter or a half, or quarters cumulated, of a fiscal year named by "FY": "3Q FY2011",
    # "Q3 FY2011", "FY2011 3Q", "FY2011/1Q-3Q", "1Q-3Q FY2011", "H1 FY2009", "FY2009 1H"
    # (before "fy": it is no full year)
    ("fy_quarter", rf"\b{_PARTS}\s*(?:of\s+)?{_FY}\b|\b{_FY}\s*/?\s*{_PARTS}\b"),
    # the fiscal year by the month it ends: "FY3/2011", "FY2011/3" (before "fy": "FY12/2010"
    # is no FY2012)
    ("fy_ending", r"\bFY\s?(?:\d{1,2}/(?:\d{4}|\d{2})|\d{4}/\d{1,2})\b(?![/\dQH])"),
    # a part of a year in words the grammar does not read: a column of unknown period, never
    # the whole year beside it
    ("fy_part_unread", rf"\b{_PART_WORDS}\s*(?:of\s+)?(?:the\s+)?{_FY}\b"
                       rf"|\b{_FY}\s*/?\s*{_PART_WORDS}\b"),
    ("half", r"\b[12]H\s?(?:FY\s?)?(?:\d{4}|\d{2})\b\*?"),
    ("quarter", r"\b[1-4]0?Q\s?\d{2}\b\*?"),
    ("fy", r"\b(?:Full\s+)?FY\s?(?:\d{4}|\d{2})\b"),
    # a currency and a scale in one phrase ("JPY mn", "Yen in thousands", "¥ million"): one
    # column's unit, not two
    ("unit", UNIT_PHRASE +
             rf"|Thousands\s+of\s+{_HEADING}|Thousands(?:\s+of)?\b"
             rf"|\bof\s+{_NAME}\b"
             r"|\bJPY\s+(?:millions?|billions?|thousands?)\b|(?:millions?|billions?)\s+of\s+"
             rf"{_YEN_NAME}\b|%\s*of\s*(?:total\s+)?revenues?|%|{_ALONE}"
             r"|\b(?-i:Shares)\b"
             # a scale word alone: the second line of a unit stacked over two ("JPY" /
             # "millions"), as "Thousands" is; not inside a phrase that has it ("Millions of
             # U.S. Dollars", "Yen in millions", "JPY (millions)")
             r"|(?<!in )(?<!\()\b(?:millions|billions)\b(?!\s+of\b)(?!\s*\))"),
    ("forecast", r"\b(?:revised\s+|initial\s+|original\s+|previous\s+)?(?:targets?|forecasts?)\b"
                 r"|\(forecast\)"),
    ("actual", r"\bactual\b"),
    # a heading cell of a positioned header not read (:func:`positioned_header`): a column
    # whose period is unknown, in its place
    ("unread", r"⟦[^⟧]*⟧"),
]
# Every phrase starts with a word character, "(" or "%": the lookahead turns the other
# positions (spaces, commas, dots) away before the alternatives are tried there one by one.
# It matches nothing itself, so the matches are the alternation's own.
_SCANNER = re.compile(
    rf"(?=[\w(%⟦{re.escape(_SIGN_STARTS)}])(?:"
    + "|".join(f"(?P<{name}>{rx})" for name, rx in _PATTERNS) + ")",
    re.IGNORECASE)
_PERIOD_KINDS = {"ended", "fy_ended", "as_of", "date", "bad_date", "half", "quarter", "fy",
                 "fy_quarter", "fy_ending", "fy_part_unread", "date_span", "month_span",
                 "unread"}
_FILLER = re.compile(r"[\s|\[\]·•.,:;_\-–—()*]+")
# Running words a header never prints: a line left with one of them is a label.
_LABEL_WORDS = re.compile(
    r"(?<![A-Za-z])(and|shares|respectively|thousand|for|the)(?![A-Za-z])", re.I)


@dataclass
class Unit:
    kind: str  # "value", "usd", "percent", "percent_of_revenue", "shares"
    currency: str | None
    scale: Decimal
    text: str


@dataclass
class Slot:
    """One column position named in the header."""

    kind: str  # "period" or "change"
    text: str
    months: int | None = None  # duration length from a marker; 0 for an instant
    date: dt.date | None = None
    day_year: tuple[int, int] | None = None  # damaged date: month unreadable
    period: Duration | Instant | None = None
    forecast: bool = False
    superseded: bool = False
    percent: bool = False
    # its date paired with its marker by order while a marker stayed without one: a date the
    # scan lost may have been this column's neighbour's, so the header does not state it
    guessed: bool = False


@dataclass
class Header:
    """A parsed header block: period/change slots and units, in reading order."""

    slots: list[Slot]
    units: list[Unit]
    text: str

    @property
    def periods(self) -> list[Slot]:
        return [s for s in self.slots if s.kind == "period"]


def _unit(text: str) -> Unit:
    low = strip_markup(text).lower()
    scale = scale_of(low)
    if "revenue" in low:
        return Unit("percent_of_revenue", None, Decimal(1), text)
    if low.strip() == "%":
        return Unit("percent", None, Decimal(1), text)
    currency = currency_of(low)
    if currency == "USD" or "dollar" in low or "usd" in low:
        return Unit("usd", "USD", scale, text)
    if "share" in low:
        return Unit("shares", None, Decimal(1), text)
    return Unit("value", currency, scale, text)


# Footnote marks on a heading ("2Q10**4", "FY2012*1", "2Q10†", "1H10¹", "1H10 (Note 2)",
# "2Q10 (1)", "2Q10 1)"): the heading reads without them.
_MARKS = re.compile(
    r"(?<=[\w.)])(?:[*†‡§※]+(?:\s?\d{1,2})?"
    r"|[¹²³⁴⁵⁶⁷⁸⁹⁰]+)(?!\w)"
    r"|\s*\((?:[Nn]otes?|NOTES?)\s*\d{1,2}\)|(?<=[\w.*†‡§※])\s?\(\*?\d{1,2}\)"
    r"|(?<=\w)\s\d{1,2}\)(?!\S)")


def strip_marks(text: str) -> str:
    """A heading's text without the footnote marks on it."""
    return _MARKS.sub("", text)


@functools.lru_cache(maxsize=1 << 14)  # a line is asked of by three scans, often again
def _clean(text: str) -> str:
    """A header's text as its phrases are scanned: markup and footnote marks gone, the words a
    scan damaged repaired, quarters in one form."""
    return normalize_quarters(repair_header_words(strip_marks(strip_markup(text))))


_QUARTER_TOKEN = re.compile(r"\b[1-4]Q\d{2}\b")
_MONTH_DAY = re.compile(rf"{_MON}[a-z]*\.?\s+\d")
_QUARTER_MISREAD = re.compile(r"\b([1-4])[0O]Q?(\d{2})\b")


# Header words a scan damages ("ch ange", "Monnths", "Eded", "Fisal"): read again as printed
# before the phrases are scanned. A word a letter short or long is only taken for one of five
# letters or more, and never the singular of a plural ("thousand" is a label's word).
_HEADER_WORDS = ("change", "months", "ended", "ending", "fiscal", "year", "millions",
                 "thousands", "billions", "forecast", "six", "three", "nine", "twelve",
                 "dollars", "january", "february", "march", "april", "june", "july", "august",
                 "september", "october", "november", "december")
_HEADER_KEYS = {scan_key(w): w for w in _HEADER_WORDS}
_HEADER_OFF: dict[str, set[str]] = {}
for _word in _HEADER_WORDS:
    if len(_word) >= 5:
        for _off in one_letter_off(scan_key(_word)):
            _HEADER_OFF.setdefault(_off, set()).add(_word)
# a word, with the digits a scan reads for letters inside it ("D0llars", "Ju1y")
_WORD = re.compile(r"[A-Za-z](?:[A-Za-z01]*[A-Za-z])?")


@functools.lru_cache(maxsize=1 << 15)  # a release's header words are few, asked often
def _header_word(word: str, *, whole: bool = False) -> str | None:
    """The header word ``word`` damages, if one (``whole``: also the word itself)."""
    low = word.lower()
    if (low in _HEADER_WORDS and not whole) or len(low) < 3:
        return None
    found = _HEADER_KEYS.get(scan_key(low))
    if found is None and len(low) >= 4:
        near = _HEADER_OFF.get(scan_key(low), set()) | {
            w for off in one_letter_off(scan_key(low)) for w in (_HEADER_KEYS.get(off),) if w}
        near = {w for w in near if low + "s" != w != low[:-1] and len(w) >= 5}
        found = near.pop() if len(near) == 1 else None
    if found is None:
        return None
    return found.capitalize() if word[0].isupper() else found


@functools.lru_cache(maxsize=1 << 14)
def repair_header_words(text: str) -> str:
    """The text with header words a scan split or damaged printed whole again ("Yoy % ch
    ange" -> "Yoy % change", "Six Monnths Eded" -> "Six Months Ended"); other words as
    printed."""
    words = list(_WORD.finditer(text))
    out: list[str] = []
    at = 0
    i = 0
    while i < len(words):
        m = words[i]
        nxt = words[i + 1] if i + 1 < len(words) else None
        if nxt is not None and text[m.end():nxt.start()] == " " \
                and _header_word(m.group()) is None and _header_word(nxt.group()) is None \
                and m.group().lower() not in _HEADER_WORDS \
                and nxt.group().lower() not in _HEADER_WORDS \
                and (joined := _header_word(m.group() + nxt.group().lower(), whole=True)
                     ) is not None:
            out += [text[at:m.start()], joined]
            at, i = nxt.end(), i + 2
            continue
        fixed = _header_word(m.group())
        if fixed is not None:
            out += [text[at:m.start()], fixed]
            at = m.end()
        i += 1
    return "".join(out) + text[at:] if out else text


def normalize_quarters(text: str) -> str:
    """OCR reads "2Q11" as "2011" or "20Q11"; beside a real quarter token ("2Q10") such a
    token is the quarter too."""
    if not _QUARTER_TOKEN.search(text) or _MONTH_DAY.search(text):
        return text
    return _QUARTER_MISREAD.sub(r"\1Q\2", text)


# Digits, spaces, signs and separators only: every header phrase needs a letter, "%" or "/",
# so such a text (a row's figures) covers nothing and needs no scan.
_FIGURES_ONLY = re.compile(r"[\d\s,.()+\-−△▲—–]*")
_ISO_DAY = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")  # "2010-09-30": a day, no figures


@functools.lru_cache(maxsize=1 << 14)  # asked of a line by several readers and passes
def header_coverage(text: str) -> tuple[float, int]:
    """Share of the text's non-filler characters that header phrases cover, and how many
    period or unit phrases it has: how much a line looks like a column header. Running words
    left over ("and", "shares", "respectively") mean a label, not a header."""
    if _FIGURES_ONLY.fullmatch(text) and not _ISO_DAY.search(text):
        return 0.0, 0
    clean = _clean(text)
    total = len(_FILLER.sub("", clean))
    if total == 0:
        return 0.0, 0
    found = list(_SCANNER.finditer(clean))  # scanned once: the text between is ``rest``
    rest = " ".join(clean[a:b] for a, b in zip(
        (0, *(m.end() for m in found)), (*(m.start() for m in found), len(clean)), strict=True))
    if _LABEL_WORDS.search(rest):
        return 0.0, 0
    covered = 0
    items = 0
    for m in found:
        if m.lastgroup not in {"forecast", "actual"}:
            covered += len(_FILLER.sub("", m.group(0)))
        if m.lastgroup in _PERIOD_KINDS or m.lastgroup in {"unit", "change"}:
            items += 1
    return covered / total, items


def positioned_header(cells: list[str]) -> str:
    """The text of a header line whose cells are known (tabs, a grid, aligned columns). A cell
    before the last period heading that names a year (a digit) in words the grammar does not
    read ("Q2/10", "2010.9") is a column of unknown period: marked "⟦...⟧" it
    keeps its place, so the headings after it do not slide into its column."""
    texts = [" ".join(strip_markup(cell).split()) for cell in cells]
    scans = [[m.lastgroup for m in _SCANNER.finditer(_clean(text))] for text in texts]
    last = max((i for i, kinds in enumerate(scans) if _PERIOD_KINDS.intersection(kinds)),
               default=-1)
    marked = [f"⟦{text}⟧" if i < last and not scans[i]
              and any(ch.isdigit() for ch in text) else text
              for i, text in enumerate(texts) if text]
    out = marked[:1]
    for text in marked[1:]:
        # a year in one cell and a half in the next ("FY2012" | "1H FY2013") are two
        # columns, never "FY2012 1H": a "|" between them stops the phrase
        out.append(f"| {text}" if _crosses(out[-1], text) else text)
    return " ".join(out)


_PAIRING = {"fy_quarter", "fy_part_unread", "fy_ending", "half", "date_span", "month_span"}


def _crosses(before: str, after: str) -> bool:
    """Without a cell between them, a fiscal-year phrase would join the end of one cell and
    the start of the next, or the cells would leave unsure whose year a part is of."""
    joined = _clean(f"{before} {after}")
    edge = len(_clean(before))
    matches = list(_SCANNER.finditer(joined))
    return any(m.lastgroup in _PAIRING and m.start() < edge < m.end() for m in matches) \
        or any(a < edge < b for a in _unsure_pairs(joined, matches)
               for b in _unsure_pairs(joined, matches))


# A figure printed with thousands separators, standing alone ("2,393,381").
_GROUPED = re.compile(r"(?<!\S)\d{1,3}(?:,\d{3})+(?!\S)")


def coverage_bound(text: str) -> float:
    """An upper bound of :func:`header_coverage`'s share, found without its scan: no header
    phrase covers more than the first two digits of a figure printed with thousands separators
    ("FY 12,345" reads as "FY 12"), so a line of such figures tells at once that it is none."""
    clean = _clean(text)
    total = len(_FILLER.sub("", clean))
    if total == 0:
        return 0.0
    uncovered = sum(len(m.group().replace(",", "")) - 2 for m in _GROUPED.finditer(clean))
    return (total - uncovered) / total


# the tokens a header's scan reads, compiled once (asked of every token of every header)
_THOUSANDS_OF = re.compile(r"Thousands\s+of\s+(.+)", re.I | re.S)
_THOUSANDS = re.compile(r"Thousands(\s+of)?", re.I)
_OF_CURRENCY = re.compile(rf"(?:of\s+)?({_HEADING})", re.I)
_CHANGE = re.compile(r"changes?", re.I)


def parse_header(text: str, calendar: FiscalCalendar) -> Header:
    """Scan a header block (its lines joined) into slots and units."""
    clean = _clean(text)
    slots: list[Slot] = []
    units: list[Unit] = []
    dangling: list[int] = []  # units printed as "Thousands of" whose currency comes later
    open_markers: list[Slot] = []
    paired: list[Slot] = []  # markers a date was paired with, in order
    matches = list(_SCANNER.finditer(clean))
    unsure = _unsure_pairs(clean, matches)
    for m in matches:
        kind, token = m.lastgroup or "", m.group(0)
        if m.start() in unsure:
            slots.append(Slot("period", token))  # which year the part is of is not said
        elif kind == "unit":
            stacked = _THOUSANDS_OF.fullmatch(token)
            if dangling and stacked:
                # "Thousands of / Thousands of / Thousands of" over "JPY / U.S. Dollars / JPY":
                # the last heading joins the first currency below; queue it like the others.
                dangling.append(len(units))
                units.append(_unit("Thousands of"))
                token = stacked.group(1)
            elif _THOUSANDS.fullmatch(token):
                dangling.append(len(units))
                units.append(_unit(token))
                continue
            currency = _OF_CURRENCY.fullmatch(token)
            if dangling and currency:
                index = dangling.pop(0)
                units[index] = _unit(f"Thousands of {currency.group(1)}")
                continue
            units.append(_unit(token.removeprefix("of ")))
        elif kind == "change":
            if _CHANGE.fullmatch(token):
                # "YoY %" over "Change" (stacked lines): one column
                earlier = [s for s in slots
                           if s.kind == "change" and "change" not in s.text.lower()]
                if earlier:
                    earlier[-1].text += f" {token}"
                    continue
            slots.append(Slot("change", token, percent="%" in token))
        elif kind in {"ended", "fy_ended", "as_of"}:
            months = 0 if kind == "as_of" else 12 if kind == "fy_ended" else _marker_months(token)
            slot = Slot("period", token, months=months)
            slots.append(slot)
            open_markers.append(slot)
        elif kind in {"date", "bad_date"}:
            target = open_markers.pop(0) if open_markers else None
            if target is not None:
                paired.append(target)
            else:
                target = Slot("period", "", months=0)
                slots.append(target)
            target.text = f"{target.text} {token}".strip()
            if kind == "date":
                target.date = _date(token)
            else:
                day, year = re.findall(r"\d+", token)[-2:]
                target.day_year = (int(day), int(year))
        elif kind in {"half", "quarter", "fy", "fy_quarter", "fy_ending"}:
            slots.append(Slot("period", token, period=_named_period(token, calendar)))
        elif kind == "unread":
            slots.append(Slot("period", token.strip("⟦⟧")))  # its period not known
        elif kind == "fy_part_unread":
            slots.append(Slot("period", token))  # a column, of a period not read
        elif kind in {"date_span", "month_span"}:
            period = _span(token)
            if m.start() > 0 and clean[m.start() - 1] == "(" and slots \
                    and slots[-1].kind == "period":
                # "FY2010 (Apr. 2010-Mar. 2011)": the months of the period before; where
                # the two disagree the column's period is not known
                if slots[-1].period != period:
                    slots[-1].period = None
                slots[-1].text += f" ({token})"
            else:
                slots.append(Slot("period", token, period=period))
        elif kind == "range":
            if slots and slots[-1].kind == "period":
                rng = slash_range(token)
                if rng is not None:
                    slots[-1].period = rng
                slots[-1].text += f" {token}"
        elif kind == "forecast":
            last = next((s for s in reversed(slots) if s.kind == "period"), None)
            if last is not None:
                last.forecast = True
                last.superseded = bool(re.match(r"(initial|original|previous)", token, re.I))
                last.text += f" {token}"
    if open_markers:  # "as of | as of" over one date read: which column it heads is a guess
        for slot in paired:
            slot.guessed = True
    _resolve(slots)
    if slots and slots[0].kind == "change" and any(s.kind == "period" for s in slots):
        slots = [s for s in slots if s.kind == "period"] + [s for s in slots if s.kind == "change"]
    return Header(slots, units, clean)


_YEAR_FIRST = re.compile(rf"{_FY}\s*/?\s*{_PARTS}", re.I)


def _unsure_pairs(text: str, matches: list[re.Match[str]]) -> set[int]:
    """Where "FY2012 1H FY2013" is printed with no cell between: the half may be FY2012's (a
    year column after it) or FY2013's (a year column before it). Both columns are of unknown
    period (the starts of their matches); a positioned header says which with a "|"."""
    unsure: set[int] = set()
    for m, n in itertools.pairwise(matches):
        if m.lastgroup == "fy_quarter" and _YEAR_FIRST.fullmatch(m.group(0)) \
                and n.lastgroup == "fy" and not text[m.end():n.start()].strip():
            unsure.update((m.start(), n.start()))
    return unsure


_MARKER = re.compile(r"(\d{1,2})|([A-Za-z]+)")


def _marker_months(token: str) -> int | None:
    m = _MARKER.match(token)
    if m is None:
        return None
    if m.group(1):
        return int(m.group(1))
    return WORD_MONTHS.get(m.group(2).lower())


_MONTH_DAY_YEAR = re.compile(r"([A-Za-z]+)\.?(?:\s+[a-z]+)?\s+(\d{1,2}),\s*(\d{4})")
_DAY_MONTH_YEAR = re.compile(r"(\d{1,2})\s+([A-Za-z]+)\.?\s+(\d{4})")
_SLASHED_MDY = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")
_YMD = re.compile(r"(\d{4})[/-](\d{1,2})[/-](\d{1,2})")


def _date(token: str) -> dt.date | None:
    """"Sep. 30, 2010", "9/30/2010" (the month first, as "Sep. 30" is), "2010/9/30",
    "2010-09-30", "30 Sep 2010"."""
    token = token.strip()
    year, month, day = 0, None, 0
    if m := _MONTH_DAY_YEAR.fullmatch(token):
        year, month, day = int(m.group(3)), month_number(m.group(1)), int(m.group(2))
    elif m := _DAY_MONTH_YEAR.fullmatch(token):
        year, month, day = int(m.group(3)), month_number(m.group(2)), int(m.group(1))
    elif m := _SLASHED_MDY.fullmatch(token):
        year, month, day = int(m.group(3)), int(m.group(1)), int(m.group(2))
    elif m := _YMD.fullmatch(token):
        year, month, day = int(m.group(1)), int(m.group(2)), int(m.group(3))
    if month is None:
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _span(token: str) -> Duration | None:
    """"Apr. 1, 2010 - Sep. 30, 2010", "Apr.-Sep. 2010", "Oct. 2010-Mar. 2011": the span
    from the first day to the last; None unless it is one of a year's parts (1 to 12 months
    from a month's first day to a month's last)."""
    # the dash between the ends, not one inside an ISO day ("2010-04-01 - 2010-09-30")
    ends = re.fullmatch(r"(\d{4}-\d{2}-\d{2}|.+?)\s*[-–~〜]\s*([A-Za-z\d].*)", token.strip())
    if ends is None:
        return None
    first, last = ends.groups()
    start, end = _date(first), _date(last)
    if start is None and end is None:
        m0 = re.fullmatch(r"([A-Za-z]+)\.?\s*(\d{4})?", first)
        m1 = re.fullmatch(r"([A-Za-z]+)\.?\s*(\d{4})", last)
        if not m0 or not m1:
            return None
        mon0, mon1 = month_number(m0.group(1)), month_number(m1.group(1))
        if mon0 is None or mon1 is None:
            return None
        year1 = int(m1.group(2))
        year0 = int(m0.group(2)) if m0.group(2) else year1 - (mon0 > mon1)
        start, end = dt.date(year0, mon0, 1), month_end(year1, mon1)
    if start is None or end is None or start.day != 1 or end != month_end(end.year, end.month):
        return None
    months = (end.year - start.year) * 12 + end.month - start.month + 1
    if not 1 <= months <= 12:
        return None
    return Duration(start=start, end=end)


def _named_period(token: str, calendar: FiscalCalendar) -> Duration | None:
    token = token.rstrip("*").replace(" ", "")
    if m := re.fullmatch(r"FY(\d{1,2})/(\d{4}|\d{2})|FY(\d{4})/(\d{1,2})", token, re.I):
        # the year by the month it ends ("FY3/2011"): the company's own year, or not known
        month, year = (m.group(1), m.group(2)) if m.group(1) else (m.group(4), m.group(3))
        if len(month) == len(year) == 2 or int(month) != calendar.end_month:
            return None  # "FY11/12": which is the month is not said
        return calendar.year(calendar.fiscal_year_of(dt.date(full_year(int(year)), int(month), 1)))
    fiscal = re.search(r"FY(\d{4}|\d{2})", token, re.I)
    # the quarters are named outside the year ("FY2012Q1" is no second quarter of "201")
    rest = token[:fiscal.start()] + " " + token[fiscal.end():] if fiscal else ""
    if fiscal and (half := re.search(r"([12])H|H([12])", rest, re.I)):
        return calendar.half(int(half.group(1) or half.group(2)), full_year(int(fiscal.group(1))))
    if fiscal and re.search(r"[1-4]Q|Q[1-4]", rest, re.I):
        year = int(fiscal.group(1))
        quarters = [int(q) for q in re.findall(r"([1-4])Q|Q([1-4])", rest, re.I)
                    for q in q if q]
        if len(quarters) == 2:  # "1Q-3Q": cumulated from the first named quarter
            first, last = quarters
            return calendar.part(full_year(year), 3 * (first - 1) + 1, 3 * (last - first + 1))
        return calendar.quarter(quarters[0], full_year(year))
    if m := re.fullmatch(r"([12])H(?:FY)?(\d{2}|\d{4})", token, re.I):
        return calendar.half(int(m.group(1)), full_year(int(m.group(2))))
    if m := re.fullmatch(r"([1-4])0?Q(\d{2})", token, re.I):
        return calendar.quarter(int(m.group(1)), full_year(int(m.group(2))))
    if m := re.fullmatch(r"(?:Full)?FY(\d{2}|\d{4})", token, re.I):
        return calendar.year(full_year(int(m.group(1))))
    return None


def _resolve(slots: list[Slot]) -> None:
    """Dates become periods; a damaged month or marker borrows from a sibling column."""
    dated = [s for s in slots if s.date is not None]
    for slot in slots:
        if slot.kind != "period" or slot.period is not None:
            continue
        if slot.months is None:
            slot.months = next((s.months for s in slots if s.months), None)
        day = slot.date
        if day is None and slot.day_year and dated:
            sibling = dated[0].date
            assert sibling is not None
            try:
                day = dt.date(slot.day_year[1], sibling.month, slot.day_year[0])
            except ValueError:
                day = None
        if day is None:
            continue
        slot.period = Instant(date=day) if not slot.months else months_ended(slot.months, day)


def drop_spanning(header: Header) -> None:
    """A super-header ("Fiscal Year ended March 31, 2010" over 1Q09..FY2009) spans its
    sub-columns; it is not a column of its own."""
    periods = [s for s in header.periods if isinstance(s.period, Duration)]
    spanning = []
    for slot in periods:
        assert isinstance(slot.period, Duration)
        inner = [o for o in periods if o is not slot and isinstance(o.period, Duration)
                 and slot.period.start <= o.period.start and o.period.end <= slot.period.end]
        if len(inner) >= 2 and not slot.text.upper().startswith(("FY", "FULL")):
            spanning.append(slot)
    header.slots = [s for s in header.slots if s not in spanning]


def build_columns(
    header: Header, default: Unit | None, row_counts: list[int] | None = None
) -> list[Column]:
    """Columns from slots and units. USD precedes the JPY value of the same period; "%"
    after a value is its share of revenues unless change columns are still to be placed."""
    periods = header.periods
    changes = [s for s in header.slots if s.kind == "change"]
    units = header.units
    base = Unit("value", default.currency, default.scale, default.text) if default else \
        Unit("value", None, Decimal(1), "")
    if not periods:
        return _transposed(header, base)
    if units and all(u.kind in {"percent", "percent_of_revenue"} for u in units):
        return _interleaved(header, base)
    cols: list[Column] = []
    pending_usd: list[Unit] = []
    pi = 0
    ci = 0
    last_period: Slot | None = None
    for unit in units:
        if unit.kind == "usd":
            pending_usd.append(unit)
            continue
        if unit.kind in {"percent", "percent_of_revenue"}:
            if unit.kind == "percent" and pi >= len(periods) and ci < len(changes):
                cols.append(_change(changes[ci], unit))
                ci += 1
            elif last_period is not None:
                cols.append(_col("percent_of_revenue", last_period, None, Decimal(1), unit.text))
            continue
        if pi < len(periods):
            last_period = periods[pi]
            pi += 1
            for usd in pending_usd:
                cols.append(_col("translation", last_period, "USD", usd.scale, usd.text))
            pending_usd = []
            cols.append(_col(_value_role(last_period), last_period, unit.currency, unit.scale,
                             unit.text))
        elif ci < len(changes):
            cols.append(_change(changes[ci], unit))
            ci += 1
    for usd in pending_usd:
        target = last_period or (periods[-1] if periods else None)
        if target is not None:
            cols.append(_col("translation", target, "USD", usd.scale, usd.text))
    for slot in periods[pi:]:
        cols.append(_col(_value_role(slot), slot, base.currency, base.scale, base.text))
    for slot in changes[ci:]:
        cols.append(_change(slot, base if not slot.percent else None))
    return cols


def _value_role(slot: Slot) -> ColumnRole:
    return "value"


def _col(role: ColumnRole, slot: Slot, currency: str | None, scale: Decimal, unit: str) -> Column:
    header = " ".join(part for part in (slot.text, unit) if part).strip()
    return Column(role=role, period=slot.period, forecast=slot.forecast,
                  superseded=slot.superseded, currency=currency, scale=scale, header=header,
                  guessed=slot.guessed)


def _change(slot: Slot, unit: Unit | None) -> Column:
    if unit is None or unit.kind in {"percent", "percent_of_revenue"} or slot.percent:
        return Column(role="change_percent", header=" ".join(
            p for p in (slot.text, unit.text if unit else "") if p))
    return Column(role="change", currency=unit.currency, scale=unit.scale,
                  header=f"{slot.text} {unit.text}".strip())


def _interleaved(header: Header, base: Unit) -> list[Column]:
    """Slides print "% of Revenues 3Q11 % of Revenues 3Q10 YoY": each share column precedes
    the period it belongs to; amounts are in the page's unit."""
    cols: list[Column] = []
    shares = list(header.units)
    for slot in header.slots:
        if slot.kind == "change":
            cols.append(_change(slot, None))
            continue
        if shares:
            unit = shares.pop(0)
            cols.append(_col("percent_of_revenue", slot, None, Decimal(1), unit.text))
        cols.append(_col(_value_role(slot), slot, base.currency, base.scale, base.text))
    return cols


def _transposed(header: Header, base: Unit) -> list[Column]:
    """Summary tables with one row per period (TSE format): columns are items, each
    possibly followed by its YoY % column; periods come from the row labels."""
    cols: list[Column] = []
    for unit in header.units:
        if unit.kind in {"percent", "percent_of_revenue"}:
            cols.append(Column(role="change_percent", header=unit.text))
        elif unit.kind == "usd":
            cols.append(Column(role="translation", currency="USD", scale=unit.scale,
                               header=unit.text))
        else:
            cols.append(Column(role="value", currency=unit.currency or base.currency,
                               scale=unit.scale if unit.text else base.scale, header=unit.text))
    for slot in header.slots:
        cols.append(_change(slot, None))
    return cols


def default_unit(text: str) -> Unit | None:
    """A table-wide unit note: "Unit: JPY billion", "(Thousands of Yen)", "(JPY mn)", "(in
    millions of yen)" (see :mod:`.units`)."""
    found = stated_unit(text)
    return _unit(found[0]) if found is not None else None
