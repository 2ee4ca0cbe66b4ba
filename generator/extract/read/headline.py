"""What a release says about itself, as text: its headline, the company's name as printed and
the fiscal year and period it reports on — for the taxonomy's text concepts (``DocumentTitle``,
``EntityRegistrantName``, ``DocumentFiscalYearFocus``, ``DocumentFiscalPeriodFocus``, named as
dei names them). Each comes with the line it was read from and the words printed there, like
every figure; a concept the taxonomy does not declare is not read.

Why so careful about the headline: a text is filed as printed, so a line that only looks like a
headline (a sentence of the first paragraph, a heading further down) or one whose first word the
OCR could not read ("1 Announces ...") is not filed: no headline is better than a wrong one.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from generator.extract.layout import TextItem
from generator.extract.read.lines import fix_company_names
from generator.extract.read.metadata import (
    KIND_PATTERNS,
    SPAN_PATTERNS,
    YEAR_PATTERNS,
    head_lines,
)
from generator.model.entity import Company
from generator.model.results import ReportingPeriod

TITLE = "DocumentTitle"
REGISTRANT = "EntityRegistrantName"
FISCAL_YEAR = "DocumentFiscalYearFocus"
FISCAL_PERIOD = "DocumentFiscalPeriodFocus"
TEXT_CONCEPTS = (TITLE, REGISTRANT, FISCAL_YEAR, FISCAL_PERIOD)

_HEADLINE_LINES = 60  # a headline is near the top: after a logo, a contact line, a date
_HEADLINE_MAX = 200  # characters: longer is a paragraph
_RESULTS = re.compile(r"\bResults\b")  # a title's capital R; a sentence says "results"
_DECORATION = " \t*#<>=_"  # Markdown emphasis, slide brackets around a heading
_TRUSTED_START = re.compile(r"^(?:[A-Za-z]|\d{4}\b|\d{4}/)")  # a word, or a year (2011, 2011/1Q)


def _norm(text: str) -> str:
    return " ".join(text.split())


def headline(lines: list[str], company: Company | None, *, ocr: bool) -> TextItem | None:
    """The release's headline: the first short line near the top that names results in a
    title's words ("... Financial Results ..."), with a line that directly continues it in lower
    case ("for the Fiscal Year Ending March 31, 2012"); not a sentence (no closing full stop).
    In an OCR scan the company's misread short name is put right (``11J`` -> ``IIJ``) from the
    names the taxonomy declares; a headline that still begins with no word is not filed."""
    for index, raw in enumerate(lines[:_HEADLINE_LINES]):
        line = raw.strip().strip(_DECORATION)
        if not line or len(line) > _HEADLINE_MAX or not _RESULTS.search(line):
            continue
        if line.endswith((".", ",", ";", ":")) or line.endswith('."'):
            continue
        printed = [_norm(line)]
        follow = lines[index + 1].strip() if index + 1 < len(lines) else ""
        if (follow and follow[0].islower() and len(follow) <= _HEADLINE_MAX
                and not follow.endswith(".")):
            printed.append(_norm(follow.strip(_DECORATION)))
        text = " ".join(printed)
        value = fix_company_names(text, [company]) if ocr and company else text
        if not _TRUSTED_START.match(value):
            return None
        return TextItem(concept=TITLE, text=value, line=index + 1, printed=text)
    return None


def registrant_name(lines: list[str], company: Company) -> TextItem | None:
    """The company's legal name where the release first prints it: the declared name or a
    declared variant that differs from it only in spacing and punctuation ("Internet Initiative
    Japan, Inc."), not a short name ("IIJ")."""
    def key(name: str) -> str:
        return re.sub(r"[^0-9a-z]", "", name.lower())

    legal = [n for n in dict.fromkeys((company.name, *company.names))
             if key(n) == key(company.name)]
    pattern = re.compile(
        "|".join(r"\s+".join(re.escape(w) for w in n.split()) for n in
                 sorted(legal, key=len, reverse=True)))
    for number, line in enumerate(lines, start=1):
        m = pattern.search(line)
        if m and re.match(r"(?![A-Za-z0-9])", line[m.end():]) and (
                m.start() == 0 or not line[m.start() - 1].isalnum()):
            printed = _norm(m.group(0))
            return TextItem(concept=REGISTRANT, text=printed, line=number, printed=printed)
    return None


def _first(head: list[tuple[int, str]], patterns: Iterable[re.Pattern[str]]
           ) -> tuple[int, str] | None:
    """The first head line printing one of ``patterns`` (in order of strength)."""
    for pattern in patterns:
        for number, line in head:
            m = pattern.search(line)
            if m:
                return number, _norm(m.group(0))
    return None


def fiscal_focus(text: str, period: ReportingPeriod) -> list[TextItem]:
    """The fiscal year ("2010": the year FY2010 starts in, as the period's label names it) and
    the part of it the release covers (Q1, H1, Q3 or FY, as dei codes them), each with the
    words of the release's opening that name it. Only where one line names it: the reporting
    period may have been read from the opening's words run together, but a text filed needs
    the line it was printed on."""
    head = head_lines(text)
    found: list[TextItem] = []
    year = _first(head, (*YEAR_PATTERNS, *SPAN_PATTERNS))
    if year:
        found.append(TextItem(concept=FISCAL_YEAR, text=str(period.fiscal_year_start.year),
                              line=year[0], printed=year[1]))
    kind = KIND_PATTERNS.get(period.kind)
    where = _first(head, (*((kind,) if kind else ()), *SPAN_PATTERNS))
    if where:
        found.append(TextItem(concept=FISCAL_PERIOD, text=period.kind, line=where[0],
                              printed=where[1]))
    return found


def read_texts(text: str, company: Company | None, period: ReportingPeriod | None,
               concepts: Iterable[str], *, ocr: bool) -> tuple[TextItem, ...]:
    """The texts of the taxonomy's text ``concepts`` this release prints, in that order."""
    wanted = set(concepts)
    lines = text.splitlines()
    items: list[TextItem | None] = []
    if TITLE in wanted:
        items.append(headline(lines, company, ocr=ocr))
    if REGISTRANT in wanted and company is not None:
        items.append(registrant_name(lines, company))
    if period is not None:
        items.extend(i for i in fiscal_focus(text, period) if i.concept in wanted)
    return tuple(i for i in items if i is not None)
