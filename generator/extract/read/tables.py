"""Tables from segments: a header block opens a table (titled by the text just before it, or
continuing the table before when a page break repeats the header), rows are aligned to the
columns, prose or a note closes it. Layout-independent: every layout reader ends here."""

from __future__ import annotations

import itertools
import re
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal

from generator.extract.layout import Cell, Column, Row, Table
from generator.extract.read.cells import (
    PERCENT_ROLES,
    align,
    fold_vertical,
    forecast_label,
    label_number,
    label_only,
    not_a_percentage,
    percent_cells,
    repair_rows,
    settle_change_roles,
    unread_point_groupings,
)
from generator.extract.read.furniture import is_continued_marker
from generator.extract.read.headers import (
    Header,
    Unit,
    build_columns,
    default_unit,
    drop_spanning,
    parse_header,
    positioned_header,
)
from generator.extract.read.lines import (
    is_footnote_mark,
    is_note,
    is_prose,
    split_footnote,
    strip_markup,
)
from generator.extract.read.numbers import (
    is_scan_damage,
    parse_cell,
    parse_number,
    split_figure,
)
from generator.extract.read.periods import FiscalCalendar
from generator.extract.read.segments import Segment
from generator.extract.read.titles import (
    choose_title,
    column_names,
    guess_kind,
    name_columns,
    title_in_header,
)
from generator.extract.read.units import mentions_unit
from generator.model.period import Duration, Instant

_YEAR_ONLY = re.compile(r"(19|20)\d{2}")  # a year quoted in running text, no figure
_FOOTNOTE_DIGITS = re.compile(r"\d{1,2}")
_SECTION_NUMBER = re.compile(r"^\(?\d{1,2}[.)](\s|$)")  # "4. Others"


@dataclass
class _Open:
    title: str
    line: int
    kind: str | None
    columns: list[Column]
    header: Header
    rows: list[Row] = field(default_factory=list)
    last_line: int = 0
    period: Duration | None = None  # one-row-per-item tables: the period their title names
    item_lines: tuple[str, ...] = ()  # one-row-per-period tables: the lines naming the items


@dataclass
class Assembly:
    tables: list[Table] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    loose: list[Cell] = field(default_factory=list)


def _repeated_next(text: str, ahead: list[Segment]) -> bool:
    """Whether the next header ahead, past text only, is ``text`` again."""
    for seg in ahead:
        if seg.kind == "header":
            return " ".join(seg.header_text.split()) == " ".join(text.split())
        if seg.kind != "text":
            return False
    return False


class Assembler:
    """Walks segments once; keeps the text seen since the last table as title candidates."""

    def __init__(self, calendar: FiscalCalendar, *, ocr: bool = False,
                 lines: list[str] | None = None, run_on: bool = False) -> None:
        self.calendar = calendar
        self.ocr = ocr
        # statements pasted as paragraphs (a PDF's text layer): a header repeated without its
        # units is where a page broke the statement, not a per-share block of its own
        self.run_on = run_on
        self.lines = lines or []  # the release's lines as printed, for stacked item headers
        self.out = Assembly()
        self.open: _Open | None = None
        self.last: _Open | None = None
        self.texts: list[Segment] = []
        self.section_unit: Unit | None = None  # "(Thousands of Yen)" over several tables

    # -- driving -------------------------------------------------------------------------
    def run(self, segments: list[Segment]) -> Assembly:
        i = 0
        while i < len(segments):
            seg = segments[i]
            if seg.kind == "header":
                j = i
                block: list[Segment] = []
                while j < len(segments) and segments[j].kind in {"header", "blank"}:
                    if segments[j].kind == "header":
                        if block and _row_label_after_units(block, segments[j]) \
                                and segments[j].header_text != block[0].header_text:
                            segments[j].kind = "text"  # "Six months ended" over a row
                            segments[j].label = segments[j].header_text
                            break
                        block.append(segments[j])
                    j += 1
                self._header(_once(block), segments[j:])
                i = j
                continue
            if seg.kind == "row":
                self._row(seg)
            elif seg.kind == "text":
                self._text(seg, segments[i + 1:i + 12])
            i += 1
        self._close()
        return self.out

    def _text(self, seg: Segment, ahead: list[Segment]) -> None:
        label = seg.label
        if self.open is not None:
            near = list(itertools.takewhile(lambda s: s.kind != "row",
                                            (s for s in ahead if s.kind != "blank")))[:3]
            title_next = any(s.kind == "header" for s in near) and not label.endswith(":")
            if title_next and self.run_on and _section_heading(label):
                # "NET INCOME PER SHARE Six Months Ended ...": a heading of the statement
                # before its header repeated without units, not the title of another
                header = parse_header(next(s for s in near if s.kind == "header").header_text,
                                      self.calendar)
                title_next = not header.periods or bool(header.units)
            closing = is_prose(label) and not seg.in_grid
            section = _SECTION_NUMBER.match(label) is not None  # "4. Others"
            if closing or section or is_note(label) or title_next or len(label) > 200:
                self._close()
            else:
                self._heading(seg)
                return
        if is_prose(label):
            self.texts = []
            self.last = None
            self.section_unit = None
            return
        if is_note(label):
            return
        unit = default_unit(label)
        if unit is not None or mentions_unit(label):
            # (a unit worded as the grammar does not read: not the one stated before)
            self.section_unit = unit
        self.texts.append(seg)
        self.texts = self.texts[-10:]

    def _heading(self, seg: Segment) -> None:
        assert self.open is not None
        label, footnote = split_footnote(seg.label)
        cells: tuple[Cell | None, ...] = (None,) * len(self.open.columns)
        self.open.rows.append(Row(label=label, line=seg.line, cells=cells, raw=seg.text.strip(),
                                  footnote=footnote))
        self.open.last_line = seg.line

    # -- headers -------------------------------------------------------------------------
    def _header(self, block: list[Segment], rest: list[Segment]) -> None:
        text = _stacked_cells(block) or " ".join(s.header_text for s in block)
        header = parse_header(text, self.calendar)
        drop_spanning(header)
        if not header.slots and not header.units:
            return
        rows_ahead = [s for s in itertools.islice((s for s in rest if s.kind != "blank"), 12)]
        counts = Counter(len(s.tokens) for s in itertools.takewhile(
            lambda s: s.kind in {"row", "text"}, rows_ahead) if s.kind == "row")
        if self.open is not None and not counts and _repeated_next(text, rows_ahead):
            # the same header again after a heading, before any row ("... 100.0 As of March
            # 31 As of September 30 LIABILITIES AND EQUITY: As of March 31 ..."): that one,
            # with the rows under it, decides; this one alone would cut the columns to a guess
            return
        if (self.open is not None and self.open.rows and label_only(self.open.rows[-1])
                and not all(label_only(r) for r in self.open.rows)
                and not self._section_headings_before_repeat(header)):
            # Text lines after the last figures title the next table, not this one; before
            # any figures they are the open table's headings, its header repeated after them
            # (a page that broke right after "REVENUES: Network services:").
            trailing: list[Segment] = []
            while self.open.rows and label_only(self.open.rows[-1]):
                row = self.open.rows.pop()
                trailing.insert(0, Segment(row.line, "text", label=row.label, text=row.raw))
            self._close()
            self.texts = trailing
        title_segments = [s for s in self.texts]
        items: tuple[str, ...] = ()
        continuing = self.open is not None or (self.last is not None and not title_segments)
        previous = self.open or self.last
        title_texts = " ".join(s.label for s in title_segments)
        borrowed = _unit_of(previous) if continuing and previous else None
        if borrowed is not None and self.section_unit is not None and (
                borrowed.currency, borrowed.scale) == (self.section_unit.currency,
                                                       self.section_unit.scale):
            borrowed = self.section_unit  # the section's "Unit: JPY million" states it still
        unit = default_unit(title_texts + " " + text)
        if unit is None and not mentions_unit(title_texts):
            unit = borrowed or self.section_unit
        columns = build_columns(header, unit)
        if not header.periods and not re.search(r"yoy|change", f"{title_texts} {text}", re.I):
            columns = [c.model_copy(update={"role": "value"}) if c.role == "change_percent"
                       else c for c in columns]
        if continuing and previous is not None and header.periods and not header.units:
            inherited = _inherit(previous.columns, columns)
            if self.open is not None and inherited is not columns and (
                    (self.run_on and len(inherited) == len(self.open.columns))
                    or (counts and len(inherited) < max(counts) <= len(self.open.columns))
                    or self._continued_before(block[0].line)):
                # the header is the open table's, repeated without its units where a page
                # broke it: the table continues, in its own scale, when the rows ahead print
                # more figures than the per-share layout has columns (the shares, the
                # change), or, run on, when no share-of-revenue column is to be dropped, or
                # when the page says so ("(Continued)")
                inherited = list(self.open.columns)
            columns = inherited
        columns = _widen(columns, counts)
        if continuing and previous is not None:
            same = self.open is not None and _shape(self.open.columns) == _shape(columns)
            if same:
                return
            self._close()
            title, kind = previous.title, previous.kind
        else:
            self._close()
            names = column_names(title_segments, header)
            if names is not None:
                items = _item_lines(title_segments, block[0].line, self.lines)
                title_segments = title_segments[:-1]
                columns = name_columns(columns, names)
            title = title_in_header(block) or choose_title(title_segments)
            kind = guess_kind(title + " " + title_in_header(block), header)
            before = self.out.tables[-1] if self.out.tables else None
            numbered = any(re.fullmatch(r"\(?\d+[.)]", s.label.strip()) for s in title_segments)
            if not title and before is not None and names is not None and not numbered and all(
                    c.period is None for c in before.columns):
                title, kind = before.title, before.kind  # a second block of a TSE summary
            elif not title:
                title = choose_title(self.texts) or title_in_header(block)
                kind = guess_kind(title + " " + title_in_header(block), header)
        first = block[0].line
        self.open = _Open(title=title, line=first, kind=kind, columns=columns, header=header,
                          last_line=first, period=_titled_period(title_segments, columns,
                                                                 self.calendar),
                          item_lines=items if not continuing and names is not None else ())
        self.texts = []

    def _continued_before(self, line: int) -> bool:
        """Whether a "(Continued)" line stands between the open table's last row and
        ``line`` (1-based): the page furniture the segments skipped, read from the lines."""
        assert self.open is not None
        return any(is_continued_marker(self.lines[k])
                   for k in range(self.open.last_line, min(line - 1, len(self.lines))))

    def _section_headings_before_repeat(self, header: Header) -> bool:
        """Run on, the open table's own header repeated without units after section headings
        ("... 6,202,810 FINANCING ACTIVITIES: Six Months Ended ...", "NET INCOME PER SHARE
        Six Months Ended ..."): the headings are the table's, not the title of a new one."""
        if not self.run_on or header.units or not header.periods or self.open is None:
            return False
        trailing = list(itertools.takewhile(label_only, reversed(self.open.rows)))
        return all(_section_heading(r.label) for r in trailing)

    # -- rows ----------------------------------------------------------------------------
    def _row(self, seg: Segment) -> None:
        if self.open is None:
            if is_note(seg.label) or is_prose(seg.text):
                return  # figures quoted in running text or bullets are not table cells
            for token in seg.tokens:
                parsed = parse_number(token) if token else None
                if parsed is not None and not _YEAR_ONLY.fullmatch(token or ""):
                    self.out.loose.append(parsed.cell(seg.line))
            return
        table = self.open
        if is_note(seg.label):  # "* IIJ-Global consolidated on Sep. 1, 2010"
            self._close()
            return
        label, footnote = split_footnote(seg.label)
        lines = seg.token_lines if len(seg.token_lines) == len(seg.tokens) else \
            [seg.line] * len(seg.tokens)
        pairs = list(zip(seg.tokens, lines, strict=True))
        n = len(table.columns)
        guessed = seg.guessed
        if len(pairs) < n and len(pairs) + seg.trailing_blanks >= n:
            # a delimited row whose last cells are printed blank: its slots are all there
            pairs += [(None, seg.line)] * (n - len(pairs))
        while len(pairs) > n and pairs[-1][0] is None:
            pairs.pop()
        while len(pairs) > n and pairs[0][0] is None:
            pairs.pop(0)
        for split in reversed(_splits(pairs, len(pairs) - n)):
            # "Interest paid 118,561 1,963 15 1,202": a figure more than columns, and two of
            # them make one grouped figure a space split (151,202): one cell, which cannot be
            # read; where the row's figures go is a guess to confirm
            self.out.problems.append(
                f"line {pairs[split][1]}: cannot read {pairs[split][0]} "
                f"{pairs[split + 1][0]} in row {label!r} (one figure split by a space?); "
                "cell left empty")
            pairs[split:split + 2] = [(None, pairs[split][1])]
            guessed = True
        if len(pairs) > n and label_number(pairs[0][0]) and len(pairs) > 1 \
                and split_figure(pairs[0][0] or "", pairs[1][0] or ""):
            guessed = True  # "2 18,304": a footnote mark, or 218,304 a space split
        while len(pairs) > n and label_number(pairs[0][0]):
            extra = pairs.pop(0)[0] or ""
            # a figure in a cell of its own is no footnote mark: which cells the rest fill
            # is a guess ("Others<TAB>60<TAB>57<TAB>(4.9) '" read as four figures); so is a
            # row printing a mark after a figure too ("Elimination 19 (1) 12": the mark is
            # "19" or "(1)")
            guessed = guessed or "\t" in seg.text or _mark_after_figure(
                [(extra, seg.line), *pairs]) is not None
            if _FOOTNOTE_DIGITS.fullmatch(extra) and footnote is None:
                footnote = extra
            else:
                label = f"{label} {extra}".strip()
        while len(pairs) > n and (mark := _mark_after_figure(pairs)) is not None:
            # "SI 13,624 (1) 12,987 -4.7%": a footnote's mark after a figure, in a row of a
            # number more than columns, is the one too many; a guess its proof must confirm
            marked = pairs.pop(mark)[0]
            footnote = footnote or marked
            guessed = True
        if len(pairs) > n:
            self.out.problems.append(
                f"line {seg.line}: row {label!r} has {len(pairs)} numbers for {n} columns of "
                f"table {table.title!r}; the leftmost {len(pairs) - n} were not placed")
            pairs = pairs[len(pairs) - n:]
            guessed = True
        guessed = guessed or len(pairs) < n
        placed, ambiguous = align([t for t, _ in pairs], table.columns,
                                   forecast=forecast_label(label))
        guessed = guessed or _percent_out_of_place([t for t, _ in pairs], placed, table.columns)
        if ambiguous and self.ocr and label:  # bare numbers may still fold into a block
            self.out.problems.append(
                f"line {seg.line}: row {label!r} prints {len(pairs)} numbers for {n} columns "
                f"of table {table.title!r}; which columns are blank is a guess, check them")
        cells: list[Cell | None] = []
        scanned: list[str] = []  # cells only a scan prints ("4o", "1,O23")
        for index, column in zip(placed, table.columns, strict=True):
            token, line = pairs[index] if index is not None else (None, seg.line)
            cells.append(self._cell(token, column, line, label, delimited="\t" in seg.text))
            if token is not None and cells[-1] is None and is_scan_damage(token):
                scanned.append(token.strip())
        period, forecast = _row_period(label, table.columns, self.calendar)
        if period is None and table.period is not None:  # a movement in an equity statement
            period = table.period
        table.rows.append(Row(label=label, line=seg.line, cells=tuple(cells),
                              raw=seg.text.strip(), period=period, forecast=forecast,
                              footnote=footnote, guessed=guessed, scanned=tuple(scanned)))
        table.last_line = seg.line

    def _cell(self, token: str | None, column: Column, line: int, label: str,
              delimited: bool = False) -> Cell | None:
        if token is None:
            return None
        parsed = parse_cell(token) if delimited else parse_number(token)
        if parsed is None:
            self.out.problems.append(
                f"line {line}: cannot read {token.strip()!r} in row {label!r}; cell left empty")
            return None
        percent = column.role in PERCENT_ROLES or column.header.rstrip(")").endswith("%")
        return parsed.cell(line, percent=percent)

    # -- closing -------------------------------------------------------------------------
    def _close(self) -> None:
        table = self.open
        if table is None:
            return
        self.open = None
        rows = list(table.rows)
        trailing: list[Segment] = []  # text after the last figures: the next title, maybe
        while rows and all(c is None for c in rows[-1].cells):
            row = rows.pop()
            trailing.insert(0, Segment(row.line, "text", label=row.label, text=row.raw))
        self.texts = trailing
        if not rows:
            return
        columns = list(table.columns)
        rows = fold_vertical(rows, columns)
        if self.ocr:
            rows = repair_rows(rows, len(columns))
            self.out.problems.extend(_lost_figures(rows, table.title))
        rows, unread = unread_point_groupings(rows, columns)
        self.out.problems.extend(unread)
        columns = settle_change_roles(columns, rows)
        columns, rows = _unnamed_changes(columns, rows)
        rows = comparative_rows(rows, columns)
        if table.kind == "targets":
            rows = [r.model_copy(update={"forecast": True}) if r.period is not None else r
                    for r in rows]
        rows = [percent_cells(r, columns) for r in rows]
        columns = _rounded(columns, rows)
        self.out.tables.append(Table(
            title=table.title, line=table.line, kind=table.kind, columns=tuple(columns),
            rows=tuple(rows), item_lines=table.item_lines))
        self.last = table


MIN_ROUNDED = 2  # amounts that must all end in three zeros for their column to be rounded


def _rounded(columns: list[Column], rows: list[Row]) -> list[Column]:
    """Each column of amounts every one of which, two or more, ends in three zeros
    ("540,000", "51,115,000" under "Thousands of JPY"), marked printed to a thousand of its
    unit: the figures are another table's rounded to the million, and compared with that
    table's 539,951 as printed to the thousand they disagree."""
    out: list[Column] = []
    for k, column in enumerate(columns):
        amounts = [c for r in rows if k < len(r.cells) and (c := r.cells[k]) is not None
                   and c.value and not c.percent]
        if column.role == "value" and len(amounts) >= MIN_ROUNDED and all(
                c.fraction_digits == 0 and c.value is not None and c.value % 1000 == 0
                for c in amounts):
            column = column.model_copy(update={"rounded": 3})
        out.append(column)
    return out


_CELL = re.compile(r"\S+(?: \S+)*")  # a cell of a space-aligned line: 2+ spaces apart


def _stacked_cells(block: list[Segment]) -> str | None:
    """A header printed over space-aligned lines, one cell per column on its widest line and
    over or under those cells on the others ("YoY %" / "1H09  1H10  change" / "JPY  JPY" /
    "millions  millions"), read column by column, each top to bottom ("1H09 JPY millions 1H10
    JPY millions YoY % change"): line by line, the first "JPY" met no scale and the second took
    both "millions". None unless the widest line prints two cells or more, every other cell
    stands over or under exactly one of them (one cell per column a line) and each column then
    names one heading: a heading spanning columns, a line a tab cut, or headings a single
    space apart, are read as printed."""
    if len(block) < 2 or any("\t" in s.text for s in block):
        return None
    lines = [list(_CELL.finditer(strip_markup(s.text))) for s in block]
    widest = max(lines, key=len)
    if len(widest) < 2:
        return None
    columns: list[list[str]] = [[] for _ in widest]
    for cells in lines:
        taken: set[int] = set()
        for cell in cells:
            under = [k for k, top in enumerate(widest)
                     if cell.start() < top.end() and top.start() < cell.end()]
            if len(under) != 1 or under[0] in taken:
                return None
            taken.add(under[0])
            columns[under[0]].append(cell.group())
    headings = [" ".join(column) for column in columns]
    if any(len(h.slots) > 1 or len(h.units) > 1
           for h in (parse_header(text, FiscalCalendar()) for text in headings)):
        return None  # a "cell" of several headings a single space apart: not one column's
    return positioned_header(headings)


def _mark_after_figure(pairs: list[tuple[str | None, int]]) -> int | None:
    """Where the first footnote mark printed on its own after a figure stands ("13,624 (1)"),
    None for none."""
    for index in range(1, len(pairs)):
        token, before = pairs[index][0], pairs[index - 1][0]
        if token and before and is_footnote_mark(token) and not is_footnote_mark(before) \
                and parse_number(before) is not None:
            return index
    return None


def _splits(pairs: list[tuple[str | None, int]], excess: int) -> list[int]:
    """Where pairs of adjacent figures that make one grouped figure a space split stand
    ("15" "1,202", "8.6" "8"), when they are apart and no more than the row's figures too
    many. A first figure that may be a footnote mark ("Network Services 2 18,304 20,686
    13.0") is read as one, as before: a mark after the label is the commoner printing."""
    if excess <= 0:  # most rows: no figure too many, so no pair to join (none is asked)
        return []
    found = [i for i in range(len(pairs) - 1)
             if pairs[i][0] is not None and pairs[i + 1][0] is not None
             and not (i == 0 and label_number(pairs[0][0]))
             and split_figure(pairs[i][0] or "", pairs[i + 1][0] or "")]
    if not found or len(found) > excess or any(b - a < 2 for a, b in itertools.pairwise(found)):
        return []
    return found


def _percent_shaped(cell: Cell) -> bool:
    return "%" in cell.text or cell.fraction_digits == 1


def _unnamed_changes(columns: list[Column], rows: list[Row]) -> tuple[list[Column], list[Row]]:
    """The trailing % column no heading names (added for rows printing one number more than
    their header has periods) is a guess that the last number of each row is a change: a row
    whose number there prints no percentage ("FY2009 / Operating income: (3) 412", the mark
    (3) taken for the year's figure and 412 for its change) is placed by plausibility, its
    figures proven only on their own. A column of such numbers is a change in the amounts'
    unit, so that a change that recomputes from them proves them."""
    guessed: set[int] = set()
    out = list(columns)
    for i, col in enumerate(columns):
        if col.role != "change_percent" or col.header:
            continue
        cells = {j: c for j, r in enumerate(rows)
                 if (c := r.cells[i]) is not None and c.value is not None}
        odd = {j for j, c in cells.items() if not _percent_shaped(c)}
        guessed |= odd
        unit = next((c for c in reversed(columns[:i]) if c.role == "value"), None)
        if cells and odd == set(cells) and unit is not None:
            out[i] = col.model_copy(update={"role": "change", "currency": unit.currency,
                                            "scale": unit.scale})
            rows = [r.model_copy(update={"cells": tuple(
                c.model_copy(update={"percent": False}) if k == i and c is not None else c
                for k, c in enumerate(r.cells))}) if j in cells else r
                for j, r in enumerate(rows)]
    rows = [r.model_copy(update={"guessed": True}) if j in guessed and not r.guessed else r
            for j, r in enumerate(rows)]
    return out, rows


def _percent_out_of_place(tokens: list[str | None], placed: list[int | None],
                          columns: list[Column]) -> bool:
    """A percentage under a heading that is no percentage's while an amount sits under one
    that is, or an amount no percentage prints under a % column no heading names: the row's
    figures are not where its columns are ("IP Service 5 4,648 4,479 (3.6%)" read as four
    figures, the note mark 5 taken for the first)."""
    def says_percent(column: Column) -> bool:  # by its heading: a role may be a guess
        return "%" in column.header or bool(column.header and column.role in PERCENT_ROLES)

    def amount(token: str) -> bool:
        parsed = parse_number(token)
        return parsed is not None and parsed.value is not None and not parsed.percent

    printed = [(token, column) for i, column in zip(placed, columns, strict=True)
               if i is not None and (token := tokens[i]) is not None]
    if any(c.role in PERCENT_ROLES and not c.header and not_a_percentage(t) for t, c in printed):
        # a column no heading names, taken for a trailing change because the rows print one
        # number more than the header has periods, holds an amount: which of the row's numbers
        # is the period's is a guess ("FY2009 / Operating income: (3) 3,412", the note mark
        # (3) under the year and 3,412 under the unnamed column)
        return True
    return any("%" in t and not says_percent(c) for t, c in printed) and \
        any(amount(t) and says_percent(c) for t, c in printed)


def _once(block: list[Segment]) -> list[Segment]:
    """A header block printed again (whole or its first lines) is printed once: a page broke
    between the header and its rows and the next page repeats it (the page furniture between
    them skipped). Its columns are not twice as many."""
    texts = [s.header_text for s in block]
    for n in range(1, len(texts)):
        if texts[n] == texts[0] and texts[n:] == texts[:len(texts) - n]:
            return block[:n]
    return block


def comparative_rows(rows: list[Row], columns: list[Column]) -> list[Row]:
    """In a one-row-per-period table with YoY % columns, a row after the first that ends a year
    before it is its comparative: the same span a year earlier. A label naming another span
    ending on that date ("Three months ended" under "Six months ended", a scan's slip) gives
    way to the comparative, marked as implied (its figures need other printings to agree)."""
    if not any(c.role == "change_percent" for c in columns):
        return rows
    dated = [r for r in rows if isinstance(r.period, Duration)]
    if len(dated) < 2 or not all(c.period is None for c in columns if c.role == "value"):
        return rows
    first = dated[0].period
    assert isinstance(first, Duration)
    comparative = first.shifted(-1)
    printed = {r.period for r in dated}
    if comparative in printed:
        return rows  # the comparative has a row of its own: the others are what they say
    out: list[Row] = []
    for row in rows:
        period = row.period
        if isinstance(period, Duration) and row is not dated[0] and not row.forecast \
                and period.end == comparative.end and period != comparative \
                and period.shifted(1) not in printed:  # not the comparative of another row
            row = row.model_copy(update={
                "period": comparative,
                "period_implied": (f"the YoY comparative of '{dated[0].label}' (the label says "
                                   f"{period})")})
        out.append(row)
    return out


def _item_lines(texts: list[Segment], header_line: int, lines: list[str]) -> tuple[str, ...]:
    """The printed lines naming a one-row-per-period table's items: from the first name line
    after its numbered title or note up to its unit line, each as printed (joined labels
    split again: a scan's line is one row of every item box)."""
    first: int | None = None
    for seg in reversed(texts):
        label = seg.label
        if re.match(r"^\(?\d+[.)]", label) or is_prose(label) or is_note(label) \
                or label.endswith(":") or "%" in label:
            break
        first = seg.line
    if first is None or header_line > len(lines) + 1:
        return ()
    return tuple(text.replace("|", " ").strip() for text in lines[first - 1:header_line - 1]
                 if text.strip())


def _row_label_after_units(block: list[Segment], seg: Segment) -> bool:
    """Units close a header; period words after them start a row label."""
    units_seen = parse_header(" ".join(s.header_text for s in block), FiscalCalendar()).units
    following = parse_header(seg.header_text, FiscalCalendar())
    return bool(units_seen) and not following.units and bool(following.periods)


def _section_heading(label: str) -> bool:
    """A statement's own section heading: "FINANCING ACTIVITIES:", "NET INCOME PER SHARE"."""
    label = label.rstrip()
    return label.endswith(":") or (re.search(r"[A-Z]", label) is not None
                                   and label == label.upper())


def _shape(columns: list[Column]) -> list[tuple[object, ...]]:
    return [(c.role, c.period, c.forecast, c.currency, c.scale) for c in columns]


def _lost_figures(rows: list[Row], title: str) -> list[str]:
    """OCR sometimes drops a row's figures: a line item (not a "HEADING:" or capitals) with
    none, between rows that have them, is worth a look."""
    found = []
    run: list[Row] = []
    seen_figures = False
    for row in rows:
        if label_only(row):
            run.append(row)
            continue
        items = [r for r in run if not _heading_label(r.label)]
        if seen_figures and items:
            found.append(f"line {items[0].line}: row {items[0].label!r} of table {title!r} "
                         "prints no figures; the OCR may have lost them")
        run, seen_figures = [], True
    return found


def _heading_label(label: str) -> bool:
    bare = re.sub(r"\([^()]*\)", "", label).strip()
    return label.endswith(":") or bare.isupper() or not bare


def _titled_period(
    texts: list[Segment], columns: list[Column], calendar: FiscalCalendar
) -> Duration | None:
    """"For the six months ended September 30, 2010" over a table whose columns are items
    (a statement of changes in equity): the period of rows that name none."""
    if any(c.period is not None for c in columns):
        return None
    for seg in reversed(texts):
        periods = [s.period for s in parse_header(seg.label, calendar).periods]
        if len(periods) == 1 and isinstance(periods[0], Duration):
            return periods[0]
    return None


def _row_period(
    label: str, columns: list[Column], calendar: FiscalCalendar
) -> tuple[Duration | Instant | None, bool]:
    """Tables whose columns carry no period name it in each row label."""
    if any(c.period is not None for c in columns):
        return None, False
    parsed = parse_header(label, calendar)
    periods = parsed.periods
    if len(periods) != 1 or periods[0].period is None:
        return None, forecast_label(label)
    return periods[0].period, periods[0].forecast or forecast_label(label)


def _inherit(previous: list[Column], fresh: list[Column]) -> list[Column]:
    """A repeated period header without units (per-share block under an income statement):
    the previous columns' layout without share-of-revenue columns, unscaled."""
    periods = {c.period for c in fresh if c.period is not None}
    kept = [c for c in previous if c.role not in PERCENT_ROLES]
    if not kept or (periods and not periods <= {c.period for c in kept}):
        return fresh
    return [c.model_copy(update={"scale": Decimal(1), "currency": "USD" if
                                 c.role == "translation" else None}) for c in kept]


def _widen(columns: list[Column], counts: Counter[int]) -> list[Column]:
    """Rows that consistently print one more number than the header names: an unnamed
    trailing column (a YoY % under one "YoY" heading)."""
    if not counts:
        return columns
    modal, seen = counts.most_common(1)[0]
    extra = modal - len(columns)
    if columns and modal == 2 * len(columns) and all(c.period is None for c in columns):
        # "Total Revenues ... JPY millions": each item followed by its YoY % (TSE format)
        out: list[Column] = []
        for col in columns:
            out += [col, Column(role="change_percent", header=f"{col.header} YoY %".strip())]
        return out
    if 0 < extra <= 2 and seen >= 2:
        if columns and all(c.period is None for c in columns):  # one more item column
            return columns + [columns[-1].model_copy(update={"header": ""})] * extra
        return columns + [Column(role="change_percent", header="") for _ in range(extra)]
    return columns


def _unit_of(table: _Open) -> Unit | None:
    for col in table.columns:
        if col.role == "value" and col.scale != 1:
            return Unit("value", col.currency, col.scale, "")
    return None


