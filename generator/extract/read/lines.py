"""Line-level cleaning shared by all layouts: page furniture, label tidying, footnote markers
and OCR misreadings of the company's name, all driven by data rather than per-document rules."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache, lru_cache, partial

from generator.extract.read.units import PREFIX_PATTERN
from generator.model.entity import Company

NBSP = "\u00a0"
_SUPERSCRIPTS = "¹²³⁴⁵⁶⁷⁸⁹⁰⁽⁾"
_FOOTNOTE_MARK = (r"\*\s?\d{1,2}|\*+|[" + _SUPERSCRIPTS + r"]+|[®°”\"]+|\(\d\)|[†‡]+|※\s?\d{0,2}"
                  r"|(?i:\((?:see\s+)?notes?\.?\s*\d{1,2}(?:\s*[,&]\s*\d{1,2})*\))")
_FOOTNOTE_TAIL = re.compile(r"\s*(" + _FOOTNOTE_MARK + r")\s*$")
_FOOTNOTE_ALONE = re.compile(_FOOTNOTE_MARK)
_HTML_TAG = re.compile(r"</?[a-zA-Z][^>]*>")
FUNCTION_WORDS = frozenset([
    "of", "and", "to", "for", "with", "from", "in", "into", "the", "on", "by", "at", "or", "as",
    "a", "an", "than", "before", "ended", "ending",
])
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
# OCR confusions of capital letters in short names (IIJ printed as 11J, I1J, llJ, [1J, 113).
_CONFUSABLE = {"I": "I1l|!\\[", "J": "J3\\)\\]", "S": "S5", "O": "O0", "B": "B8"}


# Full-width forms (U+FF01-U+FF5E: "１，２３４", "（３）"), the ideographic space and the
# full-width currency signs ("￥34,272"), as Japanese word processors write them, read as their
# ASCII (or Latin-1) counterparts. Not NFKC: that would also turn the no-break spaces the
# newswire layout uses as blank-cell markers into spaces.
_HALF_WIDTH = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)} | {
    0x3000: 0x20, 0xFFE0: 0xA2, 0xFFE1: 0xA3, 0xFFE5: 0xA5}  # "　", "￠", "￡", "￥"


_FULL_WIDTH = re.compile("[\uff01-\uff5e\u3000\uffe0\uffe1\uffe5]")


# A line ends at \n, \r\n or \r. A form feed or vertical tab next to one (a PDF converter's
# page break, "\n\f" at the next page's start) takes no place: dropped, so lines are numbered
# as editors and ``grep -n`` number them (``str.splitlines`` counted one more per page, and
# every figure after a page break pointed a line too far). Inside a line, it and the other
# characters ``str.splitlines`` breaks at (file, group and record separators, NEL, the
# Unicode line and paragraph separators) do separate two lines (a page break with no newline,
# a slide's soft line break): read as a newline, never run together.
_SPECIAL = re.compile("[\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")
_CR_NEWLINE = re.compile("\r+\n")
_PAGE_BREAK_AT_NEWLINE = re.compile("[\x0b\x0c]+(?=\n)|(?<=\n)[\x0b\x0c]+|^[\x0b\x0c]+|"
                                    "[\x0b\x0c]+$")
_OTHER_BREAK = re.compile("[\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")


def plain_line_breaks(text: str) -> str:
    """The text with every line ended by \n alone (see above): ``text.split("\n")`` and
    ``text.splitlines()`` then number its lines alike ("\r\r\n", a doubled conversion, is
    one line end)."""
    if not _SPECIAL.search(text):
        return text
    text = _CR_NEWLINE.sub("\n", text).replace("\r", "\n")
    return _OTHER_BREAK.sub("\n", _PAGE_BREAK_AT_NEWLINE.sub("", text))


# Digits grouped by thousands with a thin space, a narrow no-break space (SI and ISO style, as
# PDF converters emit them) or an apostrophe (Swiss style: 1'234'567.50) are one number, read
# as if grouped by commas: split at the separator they were two figures ("3 412" filed as 3).
# A group of one to three digits first, then groups of exactly three; an ordinary space is
# left alone (it also separates a table's columns).
_GROUP_SEPARATORS = "\u2009\u202f'\u2019"
_GROUPED = re.compile(r"(?<![\d.,])\d{1,3}(?:[" + _GROUP_SEPARATORS + r"]\d{3})+(?![\d" +
                      _GROUP_SEPARATORS + "])")
_GROUP_SEPARATOR = re.compile(r"\d[" + _GROUP_SEPARATORS + r"]\d")


def comma_grouped(text: str) -> str:
    """The text with digits grouped by thin spaces or apostrophes grouped by commas instead."""
    if not _GROUP_SEPARATOR.search(text):
        return text
    return _GROUPED.sub(lambda m: re.sub("[" + _GROUP_SEPARATORS + "]", ",", m.group(0)), text)


# Digits grouped by thousands with an ordinary space ("3 532.01", "1 250.00") where the line's
# columns are set apart by wider gaps: within a column a single space is no separator.
_SPACE_GROUPED = re.compile(r"(?<![\d,.])(\d{1,3})((?: \d{3})+)(?![\d,])")


# a cell printing one figure: its own currency ("JPY 16 775"), its sign or bracket, decimals,
# a closing bracket, a note in brackets ("JPY 3 000 (Annual)"); no per cent sign: "+357
# 105.2%" is an amount and a ratio whose tab was lost, not 357,105.2%
_FIGURE_CELL = re.compile(rf"(?:{PREFIX_PATTERN} ?)?[(\-+\u2212\u25b2\u25b3]?"
                          + _SPACE_GROUPED.pattern
                          + r"(?:\.\d+)?\)?(?: \([A-Za-z ]+\))?")


def space_grouped(text: str, *, cell: bool = False) -> str:
    """``text`` (a line whose columns are apart by two spaces or more; ``cell``: one cell,
    changed only if it is nothing but the figure) with digits grouped by single spaces grouped
    by commas: "3 532.01    3 532.01" -> "3,532.01    3,532.01". Groups of exactly three
    digits after the first only: "31 2011" is a date, "12 34" two figures."""
    if " " not in text or not _SPACE_GROUPED.search(text):
        return text
    if cell and not _FIGURE_CELL.fullmatch(text.strip()):
        return text
    return _SPACE_GROUPED.sub(lambda m: m.group(1) + m.group(2).replace(" ", ","), text)


_WIDE_GAP = re.compile(r"\S(?: {2,}|\t)\S")
_WIDE_GAP_SPLIT = re.compile(r"((?: {2,}|\t)+)")  # kept: the line's columns stay where they are
_COMMA_GROUP = re.compile(r"\d,\d{3}(?!\d)")


def spaces_outnumber_commas(spaced: int, lines: list[str]) -> bool:
    """Whether ``spaced`` cells printing a space-grouped figure are more than the comma
    groups anywhere in ``lines``: the release groups its digits by spaces, not commas."""
    return spaced > 0 and spaced > sum(len(_COMMA_GROUP.findall(line)) for line in lines)


def groups_by_spaces(lines: list[str]) -> bool:
    """Whether a release of ragged rows groups its digits by spaces: only then is "592 731"
    between two wide gaps one figure — in a release grouping by commas it is two whose gap
    was lost (a reviewer's worry, never seen to file a wrong figure: the proof held them)."""
    spaced = sum(1 for line in lines if _WIDE_GAP.search(line)
                 for part in _WIDE_GAP_SPLIT.split(line) if _FIGURE_CELL.fullmatch(part.strip()))
    return spaces_outnumber_commas(spaced, lines)


def cells_grouped(line: str) -> str:
    """``line`` (cells apart by ragged runs of spaces, read in order) with each cell between
    wide gaps (two spaces or more, or a tab) that prints nothing but one figure grouped by
    single spaces grouped by commas: "Sl  12 987  14 714" -> "Sl  12,987  14,714". All or
    nothing: where a single-space group stays outside such a cell ("Expense 1 006  2 291", a
    gap lost before it), which words make which figure is not read, and the line is returned
    as it is; so is a line without wide gaps (an OCR scan's single spaces)."""
    if not _WIDE_GAP.search(line):
        return line
    parts = [space_grouped(part, cell=True) for part in _WIDE_GAP_SPLIT.split(line)]
    if any(_SPACE_GROUPED.search(part) for part in parts):
        return line
    return "".join(parts)


def half_width(text: str) -> str:
    """Full-width forms made ASCII; a text without any (most) is returned as it is, unscanned
    by the per-character translation."""
    return text.translate(_HALF_WIDTH) if _FULL_WIDTH.search(text) else text


def squash_spaces(text: str) -> str:
    """Runs of whitespace made one space, none at either end. ``str.split`` splits where
    ``\\s`` matches (both ask ``str.isspace``, for every code point): no pattern needed."""
    return " ".join(text.replace(NBSP, " ").split())


# "**" opening or closing bold; not a footnote mark glued between a heading and its number
# ("2Q10**4")
_BOLD = re.compile(r"(?<![\w)])\*\*|\*\*(?!\d)")


def strip_markup(text: str) -> str:
    """Slide and HTML-ish markup ("<i>80.1%</i>", "**bold**") carries no table content."""
    text = _HTML_TAG.sub("", text) if "<" in text else text
    return _BOLD.sub("", text) if "**" in text else text


@lru_cache(maxsize=1 << 12)  # asked of every row; a release prints few labels, often
def is_footnote_mark(token: str) -> bool:
    """"*1", "(2)", "³": a footnote's mark, as :func:`split_footnote` splits it from a label."""
    return _FOOTNOTE_ALONE.fullmatch(token.strip()) is not None


@lru_cache(maxsize=1 << 14)  # asked of every table row; releases repeat their row labels
def split_footnote(label: str) -> tuple[str, str | None]:
    """"IP Service*1" -> ("IP Service", "*1"); superscripts, "®" or a stray quote likewise."""
    match = _FOOTNOTE_TAIL.search(label)
    if match and match.start() > 0:
        return label[: match.start()].rstrip(), match.group(1).strip()
    return label, None


def clean_label(label: str) -> str:
    """Tidy a row label: markup, spacing, bullets and trailing separators removed."""
    text = squash_spaces(strip_markup(label))
    text = text.strip("•●◆■➢|[] ")
    return text.rstrip("|").strip()


@cache
def ocr_name_pattern(short_name: str) -> re.Pattern[str] | None:
    """A pattern matching OCR misreadings of an all-capitals short name, e.g. IIJ -> 11J, I1J,
    llJ, [1J, I11J, 113; ``None`` for names that are not short capitals."""
    if not (2 <= len(short_name) <= 5 and short_name.isalpha() and short_name.isupper()):
        return None
    parts = []
    for letter in short_name:
        chars = _CONFUSABLE.get(letter, re.escape(letter))
        parts.append(f"[{chars}]")
    # Allow one doubled character ("I11J") the way OCR splits a glyph.
    body = "".join(p + "{1,2}" if i == 0 or i == len(parts) - 2 else p for i, p in enumerate(parts))
    return re.compile(rf"(?<![A-Za-z0-9(]){body}(?![A-Za-z0-9])")


def fix_company_names(label: str, companies: Iterable[Company]) -> str:
    """Replace OCR misreadings of a company's short name inside a label with the name; never
    inside a number a label prints ("12,113,695 shares" keeps its "113")."""
    for company in companies:
        short = min(company.names, key=len)
        for printed, wrong in _misreadings(tuple(company.ocr_names)):
            if printed in label:  # no match without the words themselves: skip the scan
                label = wrong.sub(short, label)
        pattern = ocr_name_pattern(short)
        if pattern is not None:
            label = pattern.sub(partial(_name_or_keep, short=short), label)
    return label


@cache
def _misreadings(ocr_names: tuple[str, ...]) -> tuple[tuple[str, re.Pattern[str]], ...]:
    """The declared misreadings, each with its whole-word pattern, longest first (compiled
    once)."""
    return tuple(
        (wrong, re.compile(
            rf"(?<![A-Za-z0-9])(?<![0-9][,.]){re.escape(wrong)}(?![A-Za-z0-9])(?![,.][0-9])"))
        for wrong in sorted(ocr_names, key=len, reverse=True))


def _name_or_keep(match: re.Match[str], short: str) -> str:
    """All-digit lookalikes ("113") only count when a capitalised word follows."""
    text = match.group(0)
    if any(ch.isalpha() for ch in text):
        return short
    rest = match.string[match.end():]
    return short if re.match(r" [A-Z]", rest) else text


def fix_ocr_letters(label: str) -> str:
    """Short all-capital words where OCR read I as l: "Sl" -> "SI", "Sl business"."""
    return re.sub(r"\b([A-Z])l\b", r"\1I", label)


_NUMBERED = re.compile(r"\(\d{1,2}\)|\(note", re.I)


def starts_lowercase_or_joiner(text: str) -> bool:
    """A label fragment that continues the line before ("(Corporate Use)", "and ...")."""
    if not text:
        return False
    first = text.split()[0]
    joiner = first.lower() in FUNCTION_WORDS and (first.islower() or first.isupper())
    numbered = _NUMBERED.match(text) is not None  # "(2) Financial ..."
    return text[0].islower() or (text[0] == "(" and not numbered) or joiner


def ends_dangling(text: str) -> bool:
    """A label fragment that continues on the next line ("..., BEGINNING OF", "at")."""
    words = text.split()
    return bool(words) and (words[-1].lower() in FUNCTION_WORDS or text.endswith((",", "-")))


_LEADING_NUMBER = re.compile(r"\d[\d,.]*(?![\w])")


def starts_with_number(text: str) -> bool:
    """A label fragment that starts with a number its words go on from ("30, 2030,
    respectively", "94,729 thousand and ..."); not a word OCR began with a digit ("0THER")."""
    return _LEADING_NUMBER.match(text) is not None


def starts_with_date(text: str) -> bool:
    words = text.split()
    return len(words) >= 2 and words[0][:3].lower() in _MONTHS and words[1][:1].isdigit()


_SENTENCE_END = re.compile(r"[a-z]\. [A-Z]")
_BRACKETED = re.compile(r"\([^()]*\)")
_VERBS = re.compile(r"\b(is|are|was|were|has|have|had|will|would|can|may|our|we)\b")


def is_prose(text: str) -> bool:
    """Running text rather than a table line: a sentence of some length."""
    flat = squash_spaces(text)
    words = flat.split()
    if len(words) < 6 or flat.endswith(":"):
        return False
    lower = sum(1 for w in words if w[:1].islower())
    if flat.endswith((".", ".)", "。")) or _SENTENCE_END.search(flat):
        return True
    outside = _BRACKETED.sub(" ", flat)
    verbs = _VERBS.search(outside)
    return len(words) > 14 and lower * 2 > len(words) and verbs is not None


_BULLET = re.compile(r"^\s*([-•◆●■➢※]\s|\*\s*[A-Za-z])")
_NOTE = re.compile(r"^(Note\b|Notes?\s*\d|\(Note|\*\d?\s|[*※])", re.IGNORECASE)
_NOTE_OCR = re.compile(r"^\(?Note\w?\)", re.IGNORECASE)  # "(Notel)": OCR of "(Note1)"


@lru_cache(maxsize=1 << 14)  # asked of a row's label by several passes
def is_note(text: str) -> bool:
    """Notes and bullet points under a table end it."""
    if _BULLET.match(text):
        return True
    flat = squash_spaces(text).lstrip("⁽(")
    return bool(_NOTE.match(flat)) or bool(_NOTE_OCR.match(flat))
