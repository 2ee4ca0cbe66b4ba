"""Layouts of a synthetic release: the same tables printed tab-separated, in ragged columns of
two or more spaces, flattened with single spaces, as an OCR'd page (ragged columns plus page
furniture, wrapped labels and headers, misread letters in labels), or run on as a PDF's text
layer pasted as paragraphs (sample 003: a whole table on one line, its header's unit cells broken
across blank lines).

Rendering assigns each truth figure the line its token is printed on.
"""

from __future__ import annotations

import dataclasses
import itertools
import random
import textwrap
from dataclasses import dataclass, field
from typing import Literal

from generator.synthetic.statements import Row, Table
from generator.synthetic.truth import TruthFigure

Layout = Literal["tabs", "spaces2", "single", "ocr", "runon"]
# the layouts benchmarks and tests run by default; "runon" is asked for by name
LAYOUTS: tuple[Layout, ...] = ("tabs", "spaces2", "single", "ocr")
ALL_LAYOUTS: tuple[Layout, ...] = (*LAYOUTS, "runon")
NBSP = "\u00a0"
_OCR_LETTERS = {"l": "1", "I": "1", "O": "0", "i": "l", "1": "l"}


@dataclass
class Shape:
    """Shape options of one release, drawn from the seed."""

    indent_labels: bool = False  # sub-items indented by depth
    indent_headers: int = 0  # extra indentation of header lines
    multiline_headers: bool = False  # "Six Months Ended" / "September 30, 2025" on two lines
    tight: bool = False  # tables a few lines apart, no notes between them
    label_width: int = 48  # label column width before the long labels crowd the columns


@dataclass
class Page:
    """Lines being written, and the truth figures placed on them."""

    lines: list[str] = field(default_factory=list)
    truth: list[TruthFigure] = field(default_factory=list)

    def add(self, text: str = "", figures: list[TruthFigure] | None = None) -> None:
        self.lines.append(text)
        for figure in figures or []:
            self.truth.append(dataclasses.replace(figure, line=len(self.lines)))


def _figures(row: Row) -> list[TruthFigure]:
    return [*(f for f in row.figures if f is not None), *row.in_label]


def _label(row: Row, shape: Shape, indent: str = "  ") -> str:
    return (indent * row.depth if shape.indent_labels else "") + row.label


# -- tab-separated ---------------------------------------------------------------------------


def tabs_table(page: Page, table: Table, shape: Shape, rng: random.Random) -> None:
    """Cells separated by tabs, as a spreadsheet or an HTML table saved as text prints them."""
    for part, rows in _parts(table):
        lead = "\t" * (1 + (shape.indent_headers > 0))
        page.add(lead + "\t".join(table.groups) + ("\t" if rng.random() < 0.5 else ""))
        units = [c.unit_text for c in table.columns]
        if shape.multiline_headers:
            split = [_unit_words(u) for u in units]
            heads = [w[0] for w in split]
            tails = [w[1] if len(w) > 1 else "" for w in split]
            page.add("\t" + "\t".join(heads))
            page.add("\t" + "\t".join(tails))
        else:
            page.add("\t" + "\t".join(units))
        for row in rows:
            cells = row.cells if not row.heading else [""] * len(row.cells)
            page.add(_label(row, shape) + "\t" + "\t".join(cells), _figures(row))
        del part


def _parts(table: Table) -> list[tuple[int, list[Row]]]:
    """The table's rows cut where it continues under a repeated header."""
    cuts = [0, *table.breaks, len(table.rows)]
    return [(i, table.rows[a:b]) for i, (a, b) in enumerate(itertools.pairwise(cuts))]


# -- ragged columns of two or more spaces ----------------------------------------------------


@dataclass
class Grid:
    """Right edges of the columns of one table, after the label column."""

    label_width: int
    ends: list[int]


def _grid(table: Table, shape: Shape, rng: random.Random, *, split_units: bool) -> Grid:
    width = min(max((len(_label(r, shape)) for r in table.rows), default=20), shape.label_width)
    ends: list[int] = []
    edge = width
    for j, col in enumerate(table.columns):
        cells = [r.cells[j] for r in table.rows]
        units = _unit_words(col.unit_text) if split_units else [col.unit_text]
        widest = max([len(c) for c in cells] + [len(u) for u in units] + [1])
        edge += rng.randint(2, 5) + widest
        ends.append(edge)
    return Grid(width, ends)


def _unit_words(unit: str) -> list[str]:
    """A unit phrase as a two-line header prints it ("Thousands of" / "U.S. Dollars")."""
    head, of, tail = unit.partition(" of ")
    if unit.startswith("%"):
        return [unit.rsplit(" ", 1)[0], unit.rsplit(" ", 1)[1]] if of else [unit]
    if of:
        return [f"{head} of", tail]
    return [unit] if len(unit) <= 12 else [unit.rsplit(" ", 1)[0], unit.rsplit(" ", 1)[1]]


def _place(line: str, token: str, end: int, rng: random.Random, jitter: bool) -> str:
    """``token`` right-aligned at ``end`` (give or take a space or two), at least two spaces
    after what the line already holds."""
    if jitter and rng.random() < 0.3:
        end += rng.choice([-2, -1, 1])
    start = max(end - len(token), len(line) + 2 if line.strip() else 0)
    return line + " " * (start - len(line)) + token


def _centred(line: str, text: str, left: int, right: int) -> str:
    start = max(left + (right - left - len(text)) // 2, len(line) + 2 if line.strip() else 0)
    return line + " " * (start - len(line)) + text


def spaced_table(page: Page, table: Table, shape: Shape, rng: random.Random,
                 *, ocr: bool = False) -> None:
    """Columns found only by runs of spaces: right edges that wander by a space or two, blank
    cells left as wider gaps, long labels pushing their figures to the right."""
    grid = _grid(table, shape, rng, split_units=ocr or shape.multiline_headers)
    pad = " " * shape.indent_headers
    for _, rows in _parts(table):
        _spaced_header(page, table, grid, pad, shape, ocr=ocr)
        for row in rows:
            label = _label(row, shape)
            if row.heading:
                page.add(label)
                continue
            lines = _wrap_label(label, rng) if ocr and row.long else [label]
            at = rng.randrange(len(lines)) if len(lines) > 1 else 0
            for k, text in enumerate(lines):
                if k != at:
                    page.add(text)
                    continue
                line = text
                for j, cell in enumerate(row.cells):
                    if cell:
                        line = _place(line, cell, grid.ends[j], rng, jitter=True)
                page.add(line, _figures(row))
            if ocr and rng.random() < 0.08:
                page.add()


def _spaced_header(page: Page, table: Table, grid: Grid, pad: str, shape: Shape,
                   *, ocr: bool) -> None:
    spans: dict[int, tuple[int, int]] = {}
    for j, col in enumerate(table.columns):
        left = grid.ends[j - 1] if j else grid.label_width
        lo, hi = spans.get(col.group, (left, grid.ends[j]))
        spans[col.group] = (min(lo, left), max(hi, grid.ends[j]))
    if shape.multiline_headers or ocr:
        firsts, seconds = [], []
        for text in table.groups:
            head, _, tail = text.partition(" Ended ")
            firsts.append(f"{head} Ended" if tail else text)
            seconds.append(tail)
        rows = [firsts, seconds]
    else:
        rows = [table.groups]
    for texts in rows:
        line = pad
        for g, text in enumerate(texts):
            if text and g in spans:
                line = _centred(line, text, *spans[g])
        page.add(line.rstrip())
    unit_rows: list[list[str]] = [[], []]
    for col in table.columns:
        words = _unit_words(col.unit_text) if (ocr or shape.multiline_headers) else [col.unit_text]
        unit_rows[0].append(words[0])
        unit_rows[1].append(words[1] if len(words) > 1 else "")
    for texts in unit_rows:
        if not any(texts):
            continue
        line = pad
        for j, text in enumerate(texts):
            if text:
                line = _place(line, text, grid.ends[j], random.Random(0), jitter=False)
        page.add(line)


def _wrap_label(label: str, rng: random.Random) -> list[str]:
    width = rng.randint(34, 48)
    return textwrap.wrap(label, width) or [label]


# -- single-space flattened ------------------------------------------------------------------


def single_table(page: Page, table: Table, shape: Shape, rng: random.Random) -> None:
    """Newswire text: one space between cells, a no-break space for a blank cell."""
    indent = "      "
    for _, rows in _parts(table):
        page.add(indent + NBSP + " " + " ".join(table.groups))
        page.add(indent + NBSP + " " + " ".join(c.unit_text for c in table.columns))
        for row in rows:
            cells = [c or NBSP for c in row.cells]
            page.add(indent + row.label + " " + " ".join(cells), _figures(row))


# -- run on (a PDF's text layer pasted as paragraphs) ----------------------------------------


@dataclass
class RunOn:
    """A paragraph being written word by word: a line break where the PDF broke a header cell,
    and every figure on the line its token lands on."""

    page: Page
    words: list[str] = field(default_factory=list)
    figures: list[TruthFigure] = field(default_factory=list)

    def say(self, text: str, figures: list[TruthFigure] | None = None) -> None:
        if text:
            self.words.append(text)
        self.figures.extend(figures or [])

    def newline(self) -> None:
        """End the line here, with the blank line the text layer puts after it."""
        self.page.add(" ".join(self.words), self.figures)
        self.page.add()
        self.words, self.figures = [], []

    def end(self) -> None:
        self.page.add(" ".join(self.words), self.figures)
        self.words, self.figures = [], []


def _runon_header(out: RunOn, table: Table, shape: Shape, split_units: bool,
                  *, units: bool = True) -> None:
    """Period phrases in a row ("Six Months Ended Six Months Ended September 30, 2016
    September 30, 2017" when they take two lines), then the unit cells in reading order, each
    cell's second line after a break ("Thousands of" / "" / "JPY Thousands of" / "" / "JPY");
    a header repeated on a later page may print its period phrases alone."""
    if shape.multiline_headers:
        heads, tails = [], []
        for text in table.groups:
            head, _, tail = text.partition(" Ended ")
            heads.append(f"{head} Ended" if tail else text)
            if tail:
                tails.append(tail)
        out.say(" ".join([*heads, *tails]))
    else:
        out.say(" ".join(table.groups))
    for col in table.columns if units else []:
        if not col.unit_text:
            continue
        words = _unit_words(col.unit_text) if split_units else [col.unit_text]
        out.say(words[0])
        if len(words) > 1:
            out.newline()
            out.say(words[1])


def _runon_negative(cell: str, spaced: bool) -> str:
    """"(1,896,784)" as 003's text layer prints it: "(1,896,784 )"."""
    if spaced and cell.startswith("(") and cell.endswith(")"):
        return cell[:-1] + " )"
    return cell


def runon_table(page: Page, table: Table, shape: Shape, rng: random.Random, company: str,
                *, glue: bool = False) -> None:
    """The whole statement as one paragraph: company, title, subtitle, period phrases and unit
    cells, then every row's label and figures; blank cells leave nothing, headings run into
    the next row ("CURRENT ASSETS: Cash and cash equivalents 21,958,591 19,871,031"). Where the
    statement continues on another page, its header is printed again in the middle of the run,
    before the next row (now and then without its unit cells); now and then a long title
    breaks after a word. ``glue``: the statement runs on from the previous one's last row, its
    title without the company (003's "... 16.46 Quarterly Consolidated Statements of
    Comprehensive Income (Unaudited) Six Months Ended ...")."""
    out = RunOn(page)
    if glue and page.lines:  # the previous line is rewritten, longer, at the same number
        out.words.append(page.lines.pop())
    split_units = rng.random() < 0.8
    spaced = rng.random() < 0.7
    title = table.title if glue else f"{company} {table.title}"
    words = title.split()
    if rng.random() < 0.3 and len(words) > 4:
        cut = rng.randint(3, len(words) - 1)
        out.say(" ".join(words[:cut]))
        out.newline()
        out.say(" ".join(words[cut:]))
    else:
        out.say(title)
    out.say(table.subtitle)
    _runon_header(out, table, shape, split_units)
    breaks = set(table.breaks)
    extra = [i for i, r in enumerate(table.rows) if i and not r.heading and i not in breaks]
    if extra and rng.random() < 0.5:  # a page ends anywhere in the statement
        breaks.add(rng.choice(extra))
    for i, row in enumerate(table.rows):
        if i in breaks:
            _runon_header(out, table, shape, split_units, units=rng.random() < 0.7)
        if row.heading:
            out.say(row.label)
            continue
        cells = [_runon_negative(c, spaced) for c in row.cells if c]
        printed = [dataclasses.replace(f, text=_runon_negative(f.text, spaced))
                   for f in row.figures if f is not None]
        out.say(" ".join([row.label, *cells]), [*printed, *row.in_label])
    out.end()


# -- OCR damage ------------------------------------------------------------------------------


def misread(label: str, rng: random.Random) -> str:
    """One letter of a label read as its lookalike (l/1, I/1, O/0), as OCR does now and then."""
    spots = [i for i, ch in enumerate(label) if ch in _OCR_LETTERS]
    if not spots:
        return label
    i = rng.choice(spots)
    return label[:i] + _OCR_LETTERS[label[i]] + label[i + 1:]


def ocr_table(page: Page, table: Table, shape: Shape, rng: random.Random) -> None:
    """Ragged columns with wrapped labels and headers, and an occasional misread letter."""
    damaged = dataclasses.replace(table, rows=[
        dataclasses.replace(r, label=misread(r.label, rng)) if rng.random() < 0.1 else r
        for r in table.rows
    ])
    spaced_table(page, damaged, shape, rng, ocr=True)


def add_page_furniture(
    page: Page, header: str, rng: random.Random, every: tuple[int, int] = (45, 60)
) -> Page:
    """Page breaks every so many lines: a running header with the (misspelt) company name and
    period, and a page number — inserted between any two lines, tables included."""
    out = Page()
    by_line: dict[int, list[TruthFigure]] = {}
    for figure in page.truth:
        by_line.setdefault(figure.line, []).append(figure)
    number = rng.randint(2, 5)
    next_break = rng.randint(*every)
    for i, text in enumerate(page.lines, start=1):
        if i == next_break:
            out.add()
            out.add(f"- {number} -" if rng.random() < 0.5 else f"-{number}-")
            out.add()
            out.add(header)
            out.add()
            number += 1
            next_break += rng.randint(*every)
        out.add(text, by_line.get(i))
    return out
