"""Document understanding (issue 3): a results release as text -> a :class:`Document` of
tables with typed columns and aligned cells, plus the company, reporting period and USD rate.

``read_release(path, taxonomy)`` / ``read_text(name, text, taxonomy)``. An HTML page is first
made text (tables as tab-separated rows), a PDF its text laid out by position. The layout (OCR,
slides, newswire, run-on paragraphs, tab-separated, pipe tables, column-aligned) is detected;
each layout only cuts lines
into segments, and one assembler builds tables from them. Nothing here knows a particular
company: names come from the taxonomy's company declarations.
"""

from __future__ import annotations

import re
from pathlib import Path

from generator.extract.layout import Document, Table
from generator.extract.read import aligned, ocr, piped, runon, slides, spaced, tabbed
from generator.extract.read.accounting import account
from generator.extract.read.detect import Layout, detect_layout
from generator.extract.read.encoding import UnsupportedFile, binary_kind, decode_release
from generator.extract.read.furniture import page_furniture
from generator.extract.read.headline import read_texts
from generator.extract.read.highlights import read_highlights, read_runon_highlights
from generator.extract.read.html import html_to_text, looks_like_html
from generator.extract.read.lines import (
    comma_grouped,
    fix_company_names,
    fix_ocr_letters,
    half_width,
    plain_line_breaks,
)
from generator.extract.read.lists import read_lists
from generator.extract.read.metadata import detect_company, detect_period, detect_usd_rate
from generator.extract.read.pdf import PdfError, looks_like_pdf, pdf_to_text
from generator.extract.read.periods import FiscalCalendar, month_number
from generator.extract.read.segments import Segment, join_period_labels
from generator.extract.read.tables import Assembler
from generator.extract.read.unitless import read_unitless
from generator.extract.read.wrapped import hard_wrapped, unwrapped, wrapped_paragraphs
from generator.limits import MAX_INPUT_BYTES, read_bytes
from generator.model.concept import DataType
from generator.model.entity import Company
from generator.model.taxonomy import Taxonomy
from generator.taxonomy.memo import per_taxonomy


class ReleaseError(Exception):
    """The text cannot be read as a results release (no tables, unreadable file...)."""


def read_release(path: Path, taxonomy: Taxonomy, *, max_bytes: int = MAX_INPUT_BYTES
                 ) -> Document:
    """Read a release file: text (UTF-8, UTF-16 with a byte-order mark, Shift-JIS / CP932,
    EUC-JP or Latin-1: see :mod:`generator.extract.read.encoding`), an HTML page (tables become
    tab-separated rows) or a PDF with a text layer (laid out by position). The document says
    which encoding was used; a binary file (.docx, .xlsx, an image...) is refused. A file over
    ``max_bytes`` (0: no limit) is refused before it is read: :class:`InputTooLarge`."""
    try:
        data = read_bytes(path, max_bytes, what="release")
    except OSError as exc:
        raise ReleaseError(f"{path}: cannot read the release: {exc}") from exc
    return read_release_data(path, data, taxonomy)


def read_release_data(path: Path, data: bytes, taxonomy: Taxonomy) -> Document:
    """:func:`read_release` on the file's bytes, read elsewhere (``path`` names it in messages,
    its name and suffix are the document's): what a worker of another machine is sent."""
    if path.suffix.lower() == ".pdf" or looks_like_pdf(data):
        try:
            return read_text(path.name, pdf_to_text(data), taxonomy, encoding="pdf text layer")
        except PdfError as exc:
            raise ReleaseError(f"{path}: {exc}") from exc
    kind = binary_kind(data)
    if kind:
        raise ReleaseError(f"{path}: unsupported file type: {kind}, not a text, HTML or PDF "
                           "release")
    if path.suffix.lower() in {".html", ".htm", ".xhtml"} or looks_like_html(data):
        try:
            data.decode("utf-8")
            encoding = "utf-8"
        except UnicodeDecodeError:
            encoding = "as the page declares (<meta charset>)"
        return read_text(path.name, html_to_text(data), taxonomy, encoding=encoding)
    try:
        text, encoding = decode_release(data)
    except UnsupportedFile as exc:
        raise ReleaseError(f"{path}: {exc}") from exc
    return read_text(path.name, text, taxonomy, encoding=encoding)


def read_text(name: str, text: str, taxonomy: Taxonomy, *, encoding: str | None = None
              ) -> Document:
    """Read a release given as text; ``name`` names it in messages and provenance,
    ``encoding`` (how the text was decoded) is kept for the coverage report."""
    text = comma_grouped(plain_line_breaks(half_width(text)))
    if not text.strip():
        raise ReleaseError(f"{name}: the release is empty")
    problems: list[str] = []
    company_id = detect_company(text, taxonomy.companies)
    company = taxonomy.companies.get(company_id) if company_id else None
    if company is None:
        problems.append(
            f"{name}: no company of the taxonomy is named in the text (known: "
            f"{', '.join(sorted(taxonomy.companies)) or 'none'}); add its names to "
            "taxonomy/companies/<id>.yaml")
    calendar = FiscalCalendar(company.fiscal_year_end_month if company else _year_end(text))
    period = detect_period(text, calendar)
    if period is None:
        problems.append(f"{name}: cannot tell the reporting period (kind and fiscal year) "
                        "from the title")
    layout = detect_layout(text)
    lines = text.splitlines()
    wrapped = hard_wrapped(lines)
    if layout == "ocr" and (wrapped or wrapped_paragraphs(lines) >= 3) \
            and detect_layout(unwrapped(lines)) == "runon":
        layout = "runon"  # run-on tables wrapped at a width
        wrapped = True
    furniture = page_furniture(lines)  # found once: the segments and the accounts use it
    segments = _segments(layout, lines, furniture, wrapped=wrapped)
    segments = join_period_labels(segments, calendar)
    companies = [company] if company else list(taxonomy.companies.values())
    _fix_labels(segments, companies, ocr=layout == "ocr")
    assembly = Assembler(calendar, ocr=layout == "ocr", lines=lines,
                         run_on=layout == "runon").run(segments)
    _fix_item_lines(assembly.tables, companies, ocr=layout == "ocr")
    if not assembly.tables:
        raise ReleaseError(
            f"{name}: no tables found (read as {layout} layout). A results release needs "
            "at least one table with a column header naming periods or units, e.g. "
            "'Six Months Ended September 30, 2010' or 'JPY millions'.")
    problems.extend(assembly.problems)
    problems.extend(_truncation(assembly.tables, segments))
    texts = read_texts(text, company, period, _text_concepts(taxonomy), ocr=layout == "ocr")
    taken = {r.line for t in assembly.tables for r in t.rows} | {c.line for c in assembly.loose}
    listed = read_lists(lines, taken)
    problems.extend(listed.problems)
    taken |= {r.line for t in listed.tables for r in t.rows}
    highlights = read_highlights(lines, taken, calendar)
    # a paragraph's YoY notes ("(up 12.0% YoY)") are loose numbers: its line is no table's
    in_tables = {r.line for t in (*assembly.tables, *listed.tables, *highlights) for r in t.rows}
    runon = read_runon_highlights(lines, in_tables, calendar)
    in_tables |= {r.line for t in runon for r in t.rows}
    tables = (*assembly.tables, *listed.tables, *highlights, *runon)
    unitless = read_unitless(lines, in_tables, calendar, tables)
    tables = (*tables, *unitless)
    # the figures a unitless table placed are no longer loose (they were, to the line reader)
    placed = {(c.line, c.text) for t in unitless for r in t.rows for c in r.cells if c}
    loose = tuple(c for c in assembly.loose if (c.line, c.text) not in placed)
    usd_rate = detect_usd_rate(text)
    accounts = account(lines, tables, loose, furniture, usd_rate)
    return Document(
        name=name, layout=layout, encoding=encoding,
        company=company_id, period=period, usd_rate=usd_rate,
        tables=tables, loose_numbers=loose,
        texts=texts,
        problems=tuple(problems),
        explained=dict(sorted(accounts.explained.items())), unexplained=tuple(accounts.unexplained),
    )


@per_taxonomy
def _text_concepts(taxonomy: Taxonomy) -> tuple[str, ...]:
    """The taxonomy's text concepts (a release's headline, the company's name...)."""
    return tuple(name for name, c in taxonomy.concepts.items()
                 if c.data_type is DataType.STRING and not c.abstract)


def _segments(layout: Layout, lines: list[str], furniture: set[int], *, wrapped: bool = False
              ) -> list[Segment]:
    if layout == "newswire":
        return spaced.segments(lines, furniture)
    if layout == "slides":
        read = aligned.spaced_tables(lines, furniture, _tabbed_line)
        return _guesses(slides.segments(read.lines if read else lines, furniture), read)
    if layout == "tabbed":
        read = aligned.spaced_tables(lines, furniture, _tabbed_line)
        return ocr.join_broken_labels(_guesses(tabbed.segments(
            read.lines if read else lines, furniture, typed_tabs=True), read), aggressive=False)
    if layout == "aligned":
        return ocr.join_broken_labels(aligned.segments(lines, furniture), aggressive=True,
                                      furniture=furniture)
    if layout == "piped":
        read = aligned.spaced_tables(lines, furniture, _piped_line)
        return ocr.join_broken_labels(_guesses(piped.segments(
            read.lines if read else lines, furniture), read), aggressive=False)
    if layout == "runon":
        return runon.segments(lines, furniture, wrapped=wrapped)
    return ocr.segments(lines, furniture)


def _tabbed_line(line: str) -> bool:
    return "\t" in line


def _piped_line(line: str) -> bool:
    return "\t" in line or "|" in line


def _guesses(segments: list[Segment], read: aligned.Rewritten | None) -> list[Segment]:
    """A row whose columns the aligned reader guessed says so."""
    if read is None:
        return segments
    for seg in segments:
        if seg.kind == "row" and seg.line - 1 in read.guessed:
            seg.guessed = True
    return segments


def _fixed(label: str, companies: list[Company], *, ocr: bool) -> str:
    """A label as the company wrote it: its names (and, in OCR, its letters) repaired."""
    label = fix_company_names(label, companies)
    return fix_ocr_letters(label) if ocr else label


def _fix_labels(segments: list[Segment], companies: list[Company], *, ocr: bool) -> None:
    """Each distinct label fixed once: a statement's labels recur in its other tables."""
    fixed: dict[str, str] = {}
    for seg in segments:
        if seg.label:
            if seg.label not in fixed:
                fixed[seg.label] = _fixed(seg.label, companies, ocr=ocr)
            seg.label = fixed[seg.label]


def _fix_item_lines(tables: list[Table], companies: list[Company], *, ocr: bool) -> None:
    """Item lines read as printed get the same label fixes."""
    for i, table in enumerate(tables):
        if table.item_lines:
            tables[i] = table.model_copy(update={"item_lines": tuple(
                _fixed(line, companies, ocr=ocr) for line in table.item_lines)})


def _year_end(text: str) -> int:
    m = re.search(r"fiscal\s+year\s+end(?:ing|ed)\s+([A-Za-z]+)", text, re.I)
    month = month_number(m.group(1)) if m else None
    return month or 12


_CELLS_APART = re.compile(r"\S(?:\t|\u00a0| {2,})\s*\S")


def _truncation(tables: list[Table], segments: list[Segment]) -> list[str]:
    """A table that runs to the last line of the text was probably cut off; so was a text
    that ends in a table's column header, before any row under it: a line of two cells or
    more (apart by tabs or runs of spaces), not a sentence's last line naming a period
    ("... the beginning of the fiscal" / "year ended March 31, 2013.")."""
    content = [s for s in segments if s.kind != "blank"]
    end = content[-1] if content else None
    if end is not None and end.kind == "header" and _CELLS_APART.search(end.text.strip()) \
            and not end.text.rstrip().endswith("."):
        header = " ".join(end.header_text.split())
        return [f"line {end.line}: the text ends in a table's column header "
                f"({header[:60]!r}) with no row under it; the release looks truncated"]
    if not content or not tables:
        return []
    last = tables[-1]
    last_row = last.rows[-1]
    if content[-1].kind == "row" and last_row.line == content[-1].line:
        return [f"line {last_row.line}: table {last.title!r} runs to the end of the text "
                f"(last row {last_row.label!r}); the release looks truncated"]
    return []


__all__ = ["ReleaseError", "read_release", "read_release_data", "read_text"]
