"""What a release is about: which company (from the taxonomy's names), which reporting period
(kind, fiscal year, dates) and the USD convenience rate, read from the release's own words."""

from __future__ import annotations

import re
from decimal import Decimal

from generator.extract.read.lines import ocr_name_pattern
from generator.extract.read.periods import FiscalCalendar, parse_date
from generator.extract.read.units import YEN_PATTERN
from generator.model.entity import Company
from generator.model.results import YEAR_TO_DATE, PeriodKind, ReportingPeriod, period_label

_KIND_PATTERNS: list[tuple[PeriodKind, re.Pattern[str]]] = [
    ("Q3", re.compile(r"1Q\s*[-–~]\s*3Q|nine\s+months|first\s+three\s+quarters|9\s*months"
                      r"|third\s+quarter", re.I)),
    ("H1", re.compile(r"(first|1st)\s+(six|6)\s+months|six\s+months\s+ended|\b1H\b|first\s+half"
                      r"|second\s+quarter", re.I)),
    ("Q1", re.compile(r"(first|1st)\s+(three|3)\s+months|first\s+quarter|\b1Q\b", re.I)),
    ("FY", re.compile(r"full[- ]year|fiscal\s+year\s+ended|annual\s+(financial\s+)?results"
                      r"|(fiscal\s+year\s+|FY\s?)\d{4}\s+(consolidated\s+)?(financial\s+)?results"
                      r"|year[- ]end\s+results", re.I)),
]
_RATE = re.compile(
    rf"{YEN_PATTERN}\s?(\d{{2,3}}\.\d{{1,4}})\s*(?:=\s*)?(?:per\s*(?:US\$|U\.?S\.?\s?\$|1\s*U\.?\s?S\.?"
    r"\s*dollar|one\s+U\.?S\.?\s*dollar)|which\s+was\s+the\s+noon)",
    re.I,
)


def detect_company(text: str, companies: dict[str, Company]) -> str | None:
    """The company whose names (or OCR misreadings) the text mentions most often."""
    best: tuple[int, str] | None = None
    for company_id, company in companies.items():
        hits = 0
        for name in (*company.names, *company.ocr_names):
            hits += _whole_words(name, text)
        short = min(company.names, key=len)
        pattern = ocr_name_pattern(short)
        if pattern is not None:
            hits += len(pattern.findall(text)) // 4  # lookalikes count, but less
        if hits and (best is None or hits > best[0]):
            best = (hits, company_id)
    return best[1] if best else None


_WORD_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")


def _whole_words(name: str, text: str) -> int:
    """How often ``name`` is printed in ``text`` as a whole word (no ASCII letter or digit
    either side), counted as ``re.findall`` would. A literal search: a lookbehind-led
    pattern would be tried at every position of the text, for every name."""
    if not name:
        return len(re.findall(r"(?<![A-Za-z0-9])(?![A-Za-z0-9])", text))
    count, at = 0, text.find(name)
    while at >= 0:
        end = at + len(name)
        if (at == 0 or text[at - 1] not in _WORD_CHARS) and (
                end == len(text) or text[end] not in _WORD_CHARS):
            count += 1
            at = text.find(name, end)
        else:
            at = text.find(name, at + 1)
    return count


# "U.S.$1 = JPY 143.65", "US$1.00 = ¥110.50": the dollar first
_RATE_DOLLAR_FIRST = re.compile(
    r"(?:US\$|U\.?S\.?\s?\$)\s?1(?:\.00?)?\s*=\s*" + YEN_PATTERN + r"\s?(\d{2,3}\.\d{1,4})", re.I)


def detect_usd_rate(text: str) -> Decimal | None:
    found = [m for m in (_RATE.search(text), _RATE_DOLLAR_FIRST.search(text)) if m]
    if not found:
        return None
    return Decimal(min(found, key=lambda m: m.start()).group(1))


def head_lines(text: str) -> list[tuple[int, str]]:
    """The opening of a release (title, dateline, first paragraph): its first 12 non-blank
    lines, stripped, with their 1-based line numbers."""
    lines = [(n, ln.strip()) for n, ln in enumerate(text.splitlines(), start=1) if ln.strip()]
    return lines[:12]


def _title_text(text: str) -> str:
    """The opening of a release names its period."""
    return " ".join(line for _, line in head_lines(text))[:3000]


#: What names a release's kind of period, per kind, then a title naming its span instead.
KIND_PATTERNS: dict[str, re.Pattern[str]] = dict(_KIND_PATTERNS)


def detect_period(text: str, calendar: FiscalCalendar) -> ReportingPeriod | None:
    """Kind from the title ("First Six Months", "1Q-3Q (cumulative)"), fiscal year from
    "Fiscal Year Ending March 31, 2011" or "FY2011", dates from the fiscal calendar."""
    head = _title_text(text)
    kind: PeriodKind | None = None
    for candidate, pattern in _KIND_PATTERNS:
        if pattern.search(head):
            kind = candidate
            break
    fiscal_year = _fiscal_year(head, calendar)
    if kind is None:
        kind, fiscal_year = _kind_from_span(head, calendar) or (None, fiscal_year)
    if kind is None or fiscal_year is None:
        return None
    year = calendar.year(fiscal_year)
    part = calendar.part(fiscal_year, 1, YEAR_TO_DATE[kind][0])
    return ReportingPeriod(
        kind=kind, start=part.start, end=part.end, fiscal_year_start=year.start,
        fiscal_year_end=year.end, label=period_label(kind, year.start.year),
    )


_DATE = r"[A-Za-z]+\.?\s+\d{1,2},\s*\d{4}"
_MONTHS_ENDED = re.compile(
    rf"\b(three|six|nine|twelve|3|6|9|12)\s+months\s+ended\s+({_DATE})", re.I
)
_DATE_RANGE = re.compile(rf"({_DATE})\s*[-–~]\s*({_DATE})")
_KIND_OF_MONTHS: dict[int, PeriodKind] = {3: "Q1", 6: "H1", 9: "Q3", 12: "FY"}
_NUMBER_WORDS = {"three": 3, "six": 6, "nine": 9, "twelve": 12}


def _kind_from_span(head: str, calendar: FiscalCalendar) -> tuple[PeriodKind, int] | None:
    """A title that names its span instead of its kind: "Three Months Ended June 30, 2014",
    "(April 1, 2016 - March 31, 2017)". The span must run from the start of a fiscal year."""
    end = months = None
    if m := _MONTHS_ENDED.search(head):
        word = m.group(1).lower()
        months, end = _NUMBER_WORDS.get(word) or int(word), parse_date(m.group(2))
    elif m := _DATE_RANGE.search(head):
        start, end = parse_date(m.group(1)), parse_date(m.group(2))
        if start is not None and end is not None:
            months = (end.year - start.year) * 12 + end.month - start.month + 1
    if end is None or months not in _KIND_OF_MONTHS:
        return None
    fiscal_year = calendar.fiscal_year_of(end)
    if calendar.part(fiscal_year, 1, months).end != end:
        return None  # e.g. the three months ended December 31: a quarter, not year to date
    return _KIND_OF_MONTHS[months], fiscal_year


_YEAR_ENDING = re.compile(r"fiscal\s+year\s+ending\s+([A-Za-z]+\.?\s+\d{1,2},\s*\d{4})", re.I)
_YEAR_NAMED = re.compile(r"\bFY\s?(\d{4})\b|\bfiscal\s+year\s+(\d{4})\b", re.I)
_YEAR_ENDED = re.compile(r"(?:months|year)\s+ended\s+([A-Za-z]+\.?\s+\d{1,2},\s*\d{4})", re.I)
#: What names a release's fiscal year, strongest first (``_fiscal_year`` reads them in order).
YEAR_PATTERNS = (_YEAR_ENDING, _YEAR_NAMED, _YEAR_ENDED)
SPAN_PATTERNS = (_MONTHS_ENDED, _DATE_RANGE)


def _fiscal_year(head: str, calendar: FiscalCalendar) -> int | None:
    """Fiscal years are named by the year they start in ("FY2010", "Fiscal Year 2010");
    "Fiscal Year Ending March 31, 2011" names its end."""
    m = _YEAR_ENDING.search(head)
    if m and (day := parse_date(m.group(1))):
        return calendar.fiscal_year_of(day)
    m = _YEAR_NAMED.search(head)
    if m:
        return int(m.group(1) or m.group(2))
    m = _YEAR_ENDED.search(head)
    if m and (day := parse_date(m.group(1))):
        return calendar.fiscal_year_of(day)
    return None
