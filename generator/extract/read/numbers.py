"""Printed numbers: one token in, value / precision / sign out, with the OCR repairs a column
justifies kept visible in ``repaired``. A token we cannot read is never guessed at."""

from __future__ import annotations

import dataclasses
import functools
import re
from collections import Counter
from dataclasses import dataclass
from decimal import Decimal

from generator.extract.layout import Cell
from generator.extract.read.units import CURRENCY_WORDS, FIGURE_UNIT_PATTERN, PREFIX_PATTERN

# Printed "no value" marks; "_" is how OCR and some converters render a dash.
DASHES = frozenset({"-", "--", "---", "—", "——", "–", "––", "－", "―", "‐", "‑", "_", "—-", "-—"})
# words printed where a cell has no value, as a dash is: "nil", "n/a", "N.M." (not meaningful)
_NO_VALUE = frozenset({"nil", "n/a", "n.a.", "n.m.", "nm", "n/m"})
_NEG_SIGNS = ("-", "−", "△", "▲", "－", "–")
_TRAILING_MINUS = ("-", "−")
_BODY = re.compile(r"^(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?$")
_DOT_GROUPED = re.compile(r"^\d{1,3}(?:[.:]\d{3})(?:[,.:]\d{3})*$")  # "3.352", "9.170,000", "6:490"
_BANDWIDTHS = {"gbps", "mbps", "tbps"}
# a unit printed after the figure: a bandwidth, or the amount's own scale or currency ("34,272
# million", "1,500 yen"), which the mapper holds against its column's (``cell_scale``)
_UNIT_SUFFIX = re.compile(rf"^(.*?\d\)?)\s*(Gbps|Mbps|Tbps|{FIGURE_UNIT_PATTERN})$", re.IGNORECASE)
# a currency sign before the figure ("JPY34,272", "△¥ 300,582"), its currency in the table
_SIGN_BEFORE_CURRENCY = re.compile(rf"^([△▲\-−－–])\s*({PREFIX_PATTERN})\s*(\d.*)$")
_PREFIX_CURRENCY = re.compile(rf"^({PREFIX_PATTERN})\s*(.+)$")
# A footnote's mark printed after a figure ("34,272*", "6,717.11※", "(1,234)†", "12.5%¹"):
# the figure is whole, the mark refers the reader to a note
_MARK_AFTER = re.compile(r"^(.*\d[%)]?)\s?(?:[*※]+\d{0,2}|[†‡]+|[¹²³⁴⁵⁶⁷⁸⁹⁰]+)$")


# a change worded, not signed: "up 12.3%", "12.3% up", "down 3.6%"
_WORDED_CHANGE = re.compile(
    r"^(?:(?P<before>up|down)\s+(?P<a>\S+%)|(?P<b>\S+%)\s+(?P<after>up|down))$", re.IGNORECASE)


@dataclass(frozen=True)
class Parsed:
    """A readable token: ``value`` None means a printed dash (nil)."""

    text: str
    value: Decimal | None
    fraction_digits: int = 0
    percent: bool = False
    repaired: str | None = None
    unit: str | None = None
    currency: str | None = None

    def cell(self, line: int, *, percent: bool = False) -> Cell:
        return Cell(
            text=self.text, value=self.value, line=line, fraction_digits=self.fraction_digits,
            percent=self.percent or (percent and self.value is not None), repaired=self.repaired,
        )


def is_dash(token: str) -> bool:
    text = token.strip()
    return text in DASHES or text.lower() in _NO_VALUE


def parse_cell(token: str) -> Parsed | None:
    """A delimited cell's figure: :func:`parse_number`'s, or a figure printed with both its
    currency and its scale ("¥1,575 million"). In running text those are a highlight's words
    (``highlights``); in a cell of its own the cell's borders make them its figure."""
    parsed = parse_number(token)
    if parsed is not None or (m := _PREFIX_CURRENCY.match(token.strip())) is None:
        return parsed
    inner = parse_number(m.group(2).strip())
    if inner is None or inner.unit is None or inner.unit.lower() in _BANDWIDTHS \
            or inner.currency is not None:
        return None
    return dataclasses.replace(inner, text=token, currency=CURRENCY_WORDS[m.group(1)])


@functools.lru_cache(maxsize=1 << 16)  # readers ask again of the same tokens; Parsed is frozen
def parse_number(token: str) -> Parsed | None:
    """Read one printed token ("(1,234 )", "-1,234", "1,234-", "42.1%", "--", "702.5 Gbps", "(3");
    ``None`` when it is not a number we can read without guessing."""
    text = token.strip()
    if not text:
        return None
    if plain := _BODY.match(text):  # most tokens: no sign, unit, currency or repair to read
        return Parsed(text=token, value=Decimal(text.replace(",", "")),
                      fraction_digits=len(plain.group(2) or ""))
    if text in DASHES or text in {", -", ",-"} or text.lower() in _NO_VALUE:
        return Parsed(text=token, value=None)
    if (worded := _WORDED_CHANGE.match(text)) is not None:
        return _worded_change(token, worded)
    if (marked := _MARK_AFTER.match(text)) is not None:
        if re.fullmatch(r"(?:19|20)\d\d", marked.group(1)):
            return None  # "March 31, 2011*": a date's year with its note, never a figure
        text = marked.group(1)
    body, repairs = text, []
    unit = currency = None
    if m := _SIGN_BEFORE_CURRENCY.match(body):  # "△¥ 300,582": the sign is the figure's
        body = f"{m.group(2)}{m.group(1)}{m.group(3)}"
    if m := _PREFIX_CURRENCY.match(body):
        currency = CURRENCY_WORDS[m.group(1)]
        body = m.group(2).strip()
    if m := _UNIT_SUFFIX.match(body):
        body, unit = m.group(1).strip(), m.group(2)
        if currency is not None and unit.lower() not in _BANDWIDTHS:
            return None  # "JPY34,272 million": a highlight's words (``highlights``), no cell
    percent = body.endswith("%")
    body = body.rstrip("%").strip()
    negative = False
    if body.startswith("(") and body.endswith(")"):
        negative, body = True, body[1:-1].strip()
    elif body.startswith("("):
        negative, body = True, body[1:].strip()
        repairs.append("closing parenthesis missing")
    elif body.endswith(")") and body[:-1].replace(",", "").replace(".", "").isdigit():
        negative, body = True, body[:-1].strip()
        repairs.append("opening parenthesis missing")
    elif body.startswith(_NEG_SIGNS) and len(body) > 1:
        negative, body = True, body[1:].strip()
    elif body.startswith("+") and len(body) > 1:
        body = body[1:].strip()
    elif body.endswith(_TRAILING_MINUS) and _BODY.match(body[:-1].removesuffix("%")):
        negative, body = True, body[:-1]  # "161-", "3.6%-": some ledgers and converters print
        #                                   the minus after the figure
    if body.endswith("%"):  # "(4.7%)"
        percent, body = True, body[:-1].strip()
    match = _BODY.match(body)
    if match is None and _DOT_GROUPED.match(body):
        fixed = re.sub(r"[.:]", ",", body)
        repairs.append(f"{body!r} read as {fixed!r} (period or colon for a thousands separator)")
        body = fixed
        match = _BODY.match(body)
    if match is None:
        return None
    digits = body.replace(",", "")
    value = Decimal(digits)
    return Parsed(
        text=token, value=-value if negative else value, fraction_digits=len(match.group(2) or ""),
        percent=percent, repaired="; ".join(repairs) or None, unit=unit, currency=currency,
    )


def is_number_token(token: str) -> bool:
    return parse_number(token) is not None


# letters a scan prints for digits ("1,O23", "l2,345", "9,Z26", "1G.6")
_LOOKALIKES = str.maketrans("OoDlIiSBZG", "0001115826")
_SIGNS_AROUND = re.compile(r"^[(\-−△▲+]*\s*(?P<core>.*?)\s*\)?%?\)?$")
_GROUPED = re.compile(r"^\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^\d+\.\d+$")
_BROKEN_SEPARATOR = re.compile(r"^\d{1,3}(?:(?:,,|;|,)\d{3})+(?:\.\d+)?$")
# digits in comma groups that are no thousands grouping: a digit dropped or doubled ("122,46",
# "12,3345", "1,54,427", "140,488,07")
_BROKEN_GROUPS = re.compile(r"^\d+(?:,\d+)+(?:\.\d+)?$")
_YEARS = re.compile(r"^(?:19|20)\d\d(?:,(?:19|20)\d\d)+$")


_DECIMAL = re.compile(r"^\(?[-−△▲]?\d{1,3}(?:,\d{3})*\.\d+\s*\)?%?$")
_SPLIT_DECIMALS = re.compile(r"^\d+\s*\)?%?$")
_COMMA_GROUPED = re.compile(r"^\(?[-−△▲]?\d{1,3}(?:,\d{3})+(?:\.\d+)?\s*\)?%?$")


def split_figure(first: str, second: str) -> bool:
    """Whether two tokens printed apart are the halves of one figure a space split: of a
    comma-grouped one, "15" "1,202" (151,202), "12," "345", "1,2" "34,567", "(1" "2,345)"; of
    a decimal, "8.6" "8" (8.68)."""
    a, b = first.strip(), second.strip()
    if not a or not b or not b[0].isdigit() or not (a[-1].isdigit() or a.endswith(",")):
        return False
    if "." in a and _SPLIT_DECIMALS.match(b):  # "8.6" "8": 8.68
        return _DECIMAL.match(a + b) is not None
    return _COMMA_GROUPED.match(a + b) is not None


@functools.lru_cache(maxsize=1 << 14)
def is_damaged_figure(token: str) -> bool:
    """A figure a scan damaged past reading: one digit printed as its lookalike letter
    ("1,O23", "l2,345", "9,Z26", "1G.6", "12S"), its grouping comma doubled or read as a
    semicolon ("12,,345", "12;345"), its groups broken by a digit dropped or doubled
    ("122,46", "12,3345"), or split by a space ("12, 345"). Not a number
    (:func:`parse_number` refuses it, and no letter is read as a digit here), but a cell: the
    row's other figures must not move into its column. A word ("IIJ", "B2B", "3D", "G20") or a
    year ("20l0") is none."""
    if parse_number(token) is not None:
        return False
    halves = token.split()
    if len(halves) == 2 and split_figure(*halves):
        return True  # "12, 345", "1,2 34,567": one figure a space split
    m = _SIGNS_AROUND.match(token.strip())
    core = m.group("core") if m else ""
    letters = [ch for ch in core if ch.isalpha()]
    digits = sum(ch.isdigit() for ch in core)
    if not letters:
        return (digits >= 2 and _BROKEN_SEPARATOR.match(core) is not None) or (
            digits >= 3 and _BROKEN_GROUPS.match(core) is not None
            and _YEARS.match(core) is None  # "2010,2011": years
            and any(len(g) > 1 for g in core.split(".")[0].split(",")[1:]))  # "1,2,3": notes
    if len(letters) != 1 or digits < 2:
        return False
    read = core.translate(_LOOKALIKES)
    if not read.replace(",", "").replace(".", "").isdigit():
        return False  # a letter no digit looks like
    if _GROUPED.match(read):
        return True
    # no separator: three digits or more, not led by the letter, no year, no leading zero
    return len(read) >= 3 and core[0].isdigit() and read[0] != "0" \
        and re.fullmatch(r"(?:19|20)\d\d", read) is None


# a digit beside a letter a scan reads for a digit: not "G" or "B" ("5G", "B2" name things)
_SHORT_LOOKALIKE = re.compile(r"^[(\-−△▲]?(?:\d[OoliISZ]|[OoliISZ]\d)\)?$")


def is_scan_damage(token: str) -> bool:
    """A cell only a scan prints: a figure damaged past reading (:func:`is_damaged_figure`)
    other than one split by a space (which may as well be a footnote's number before a
    figure, "4 18,304"), or two characters, a digit and a letter that looks like one ("4o",
    "S1"). A release that prints one has digits a scan may have misread where they did read."""
    text = token.strip()
    if _SHORT_LOOKALIKE.match(text):
        return True
    return is_damaged_figure(text) and len(text.split()) == 1


def format_number(value: Decimal, *, parentheses: bool = True, grouping: bool = True) -> str:
    """How releases print a value (for tests and messages): "(1,234.5)" for negatives."""
    sign, _, exponent = value.as_tuple()
    places = -exponent if isinstance(exponent, int) and exponent < 0 else 0
    body = f"{abs(value):,.{places}f}" if grouping else f"{abs(value):.{places}f}"
    if not sign or value == 0:
        return body
    return f"({body})" if parentheses else f"-{body}"


def repair_column(cells: list[Cell | None]) -> list[Cell | None]:
    """OCR repairs a column justifies, applied only when the other numbers agree: in an
    integer column "3.352" is 3,352 (a period for the comma); in a column printed with one
    decimal place an integer token "48" lost its point (4.8)."""
    numeric = [c for c in cells if c is not None and c.value is not None]
    if len(numeric) < 2:
        return cells
    counts = Counter(c.fraction_digits for c in numeric)
    out: list[Cell | None] = []
    for c in cells:
        if c is not None and c.value is not None and c.repaired is None:
            others = counts.copy()
            others[c.fraction_digits] -= 1
            usual, seen = others.most_common(1)[0]
            majority = seen * 2 > sum(others.values())
            c = _repaired(c, usual) if majority else c
        out.append(c)
    return out


def _repaired(c: Cell, usual: int) -> Cell:
    token = c.text.strip().strip("()%").strip()
    if usual == 0 and c.fraction_digits == 3 and _DOT_GROUPED.match(token):
        value = c.value.scaleb(3) if c.value is not None else None
        note = f"{token!r} read as {value} (integer column: a period for the thousands comma)"
        return c.model_copy(update={"value": value, "fraction_digits": 0, "repaired": note})
    if usual > 0 and c.fraction_digits == 0 and "," not in token and len(token) >= 2:
        value = c.value.scaleb(-usual) if c.value is not None else None
        note = f"{token!r} read as {value} (column prints {usual} decimal place(s))"
        return c.model_copy(update={"value": value, "fraction_digits": usual, "repaired": note})
    return c


def _worded_change(token: str, worded: re.Match[str]) -> Parsed | None:
    """ "up 12.3%" is +12.3%, "down 3.6%" -3.6%; a sign printed as well must agree with the
    word, or the token is not read."""
    inner = parse_number(worded.group("a") or worded.group("b"))
    if inner is None or inner.value is None or not inner.percent:
        return None
    down = (worded.group("before") or worded.group("after")).lower() == "down"
    if inner.value < 0 and not down:
        return None
    value = -abs(inner.value) if down else inner.value
    return Parsed(text=token, value=value, fraction_digits=inner.fraction_digits, percent=True,
                  repaired=inner.repaired)


__all__ = ["DASHES", "Parsed", "format_number", "is_damaged_figure", "is_dash", "is_number_token",
           "is_scan_damage", "parse_number", "repair_column", "split_figure"]
