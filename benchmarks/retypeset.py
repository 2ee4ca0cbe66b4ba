#!/usr/bin/env python3
"""Re-typesetter for results releases: print a plain-text release again in other typography.

Reads a plain-text results release, finds its table rows (label + trailing figure cells, tab- or
space-separated), column headings, run-on "flow" lines and prose, and prints the same document in
another typography.  Values never change; only how they are printed.  Writes OUT and
OUT.linemap.json ({"<new line>": <original line>}, 1-based, lines counted by splitting on "\\n").

Styles
------
ragged2
    Table rows and their column headings are printed as the cells simply joined by runs of 2-4
    spaces (chosen per gap), not aligned between rows; tabs inside tables are removed and the
    original indentation is dropped (sub-items keep two spaces).  A blank interior cell (an empty
    tab cell or a no-break-space placeholder) just leaves a wider gap, as feeds do.  Prose is kept.
rightaligned
    Fixed-width layout as a report writer prints it: the label column padded to one width, every
    figure right-aligned in columns of one common width, column headings right-aligned above the
    columns; a heading wider than the column is wrapped onto two heading lines ("Six months
    ended" / "September 30, 2010").  Rows whose cell count differs from the table's (so their
    column positions are unknown in the source) are printed ragged with two-space gaps.
pagefurniture
    As pdftotext prints a paginated PDF: every 45-60 output lines (seeded) a page footer (company
    name and/or "- 7 -" / "Page 7 of 23"), a line holding only a form feed, and a page header (the
    repeated document title, a date line) are inserted -- also in the middle of tables, where the
    next page sometimes starts with "(Continued)" and/or a repeat of the table's column headings.
    The inserted lines are not in the line map.  Note: str.splitlines() treats the form feed as a
    line break; count lines with split("\\n").
ocrnoise
    OCR errors on words only, never on the digits of figures: l/1, I/l and O/0 swaps inside
    alphabetic words ("Tota1", "0perating"), "rn"<->"m", a dropped or doubled letter, a word split
    in two or two words glued together, stray ".", "'" or "|" at line starts/ends, and the gap
    between a row label and its first figure sometimes collapsing to one space.  Protected tokens
    (JPY, YoY, million, Gbps, ...) and anything containing a digit are left alone.
negatives
    Negative figures and dash cells printed another way, consistently within a release: one of
    "(1,234)", "-1,234", "\u22121,234", "\u25b31,234", "\u25b21,234", "1,234-", "(1,234 )";
    dash cells ("-", "--", "\u2014", "\u2013", "_") as one of "-", "\u2014", "\u2013", "--",
    "nil".  Dashes are never
    printed as "0": a dash is "no value", and printing 0 would change the truth.  Applies to table
    cells and to the figures of run-on table lines; a positive value is never given a sign.
separators
    Thousands separators changed consistently in the whole release: none ("12345"), a thin space
    (U+2009), a narrow no-break space (U+202F), an apostrophe ("12'345"), or -- only where the
    table layout guarantees column gaps of 2+ spaces -- a normal space.  Decimal points stay ".".
    Yen table rows that are the first row of a table or a "Total ..." row sometimes get currency
    marks on their comma-grouped integer cells ("\u00a534,272", "JPY 34,272").
pipes
    Tables as markdown grids ("| label | 1H09 | 1H10 |" with a "|---|---:|" rule under the
    headings) or as ASCII boxes ("+------+------+" rules, padded cells), chosen per release.
    Headings become the grid's header rows; a row whose cell count differs from the table's gets
    only as many cells as it has.
wrapped
    Long row labels wrapped onto two lines at a word boundary, the figures on the first or on the
    second line (seeded per table), the continuation indented 0-6 spaces; over-long run-on lines
    are re-wrapped at ~90-110 columns (never inside a figure).  All pieces map to the source line.
fullwidth
    Table figures printed in full-width forms as Japanese converters emit them: digits, commas,
    "%", "-" and "\uff08" "\uff09" parentheses (the decimal point full-width or ASCII, per release).
    Display widths are respected when a layout aligns columns.
mixed
    A seeded random subset of 3-4 of the styles above (at most one of ragged2 / rightaligned /
    pipes), applied together.

Adversary styles (not drawn by ``mixed``, so the ten styles above stay comparable)
-------------------------------------------------------------------------------
All four touch only tables whose column places are proven: one heading line opens with 2+
period cells ("1H09", "FY2010", "as of September 30, 2009", ...) and has as many cells as every
row of the table; other heading lines have that many cells too, or are a unit line the same
over the period columns ("JPY millions JPY millions"), or one wrapped word ("change").
swapcols
    The period columns printed in reverse order (the current period left of the prior one, a
    quarterly series newest first), each heading cell moved with its column; a change column
    after them stays last.  Every figure stays on its line.
footnotes
    Footnote marks in one family per release -- "Revenues*1", "Revenues (Note 1)", "†"/"*",
    "Revenues (1)", superscript "¹", "Revenues 1)", a bare "Revenues 1", "※1" -- on
    a quarter of the row labels and on some period heading cells ("1H10*1"); in the "*",
    "†" and "※" families also a few figures get a mark right after their last digit
    ("34,272*").  The notes ("*1 Restated to ...") are printed under the table on new lines
    that are not in the line map.  A figure's digits never change.
periodwords
    Period heading cells worded another way, one wording per kind and table: "1H10" as "1H
    FY2010", "H1 FY2010", "FY2010 1H", "Apr.-Sep. 2010", "Six months ended Sep. 30, 2010",
    "Apr. 1, 2010 - Sep. 30, 2010" or "6M to 9/30/2010"; "2Q10" likewise as a quarter
    (fiscal years start in April: 4Q10 is Jan.-Mar. 2011); "FY2010" as "FY3/2011", "Year ended
    Mar. 31, 2011", "Apr. 2010-Mar. 2011"; dates as "Sep. 30, 2010", "9/30/2010", "2010/9/30",
    "30 Sep 2010", "2010-09-30"; "Six Months Ended September 30, 2010" as "1H FY2010",
    "Apr.-Sep. 2010" or "6 months to <date>".  Only bare cells are reworded (not "3Q11
    (11/4~11/12)", a cumulative period), and only in table headings.
extracol
    In a table of two period columns (and perhaps a "%" change column), a "Change" /
    "Difference" / "Increase (decrease)" amount column: the second figure minus the first,
    computed exactly (Decimal, the printed decimals, negatives in parentheses, "-" where a
    cell is no plain amount), inserted after the two periods or at the end, its heading on the
    period heading line (and the unit repeated on a unit line).  Its figures are in no
    hand-check: filed as anything, they count as stray.
unitscale
    The unit of yen printed otherwise, the value kept.  In a table whose unit line names
    every column (or one unit over its period columns), the yen columns' plain integer
    amounts move three places -- millions as thousands ("47,207" -> "47,207,000"), thousands
    as yen, millions as billions with three decimals ("47.207") -- or stay; per-share ("JPY"),
    "%", US-dollar and count columns keep unit and digits, and a table with a damaged amount,
    a decimal or a per-share / ratio / count row in a yen column is never scaled.  The unit
    is worded otherwise ("Millions of yen", "JPY mn", "\u00a5 thousand", "Yen in millions",
    "JPY bil.", ...) in its cells, or (a unit line of one unit of yen) removed and said above
    the table ("(in millions of yen)", "Unit: JPY million"), in a note under it ("Note:
    Amounts are in millions of yen.") or in its title ("Segment Summary (JPY mn)").  Free
    "Unit: JPY million" / "(JPY million)" lines are worded otherwise; the one table such a
    line alone governs may be printed in thousands, the line saying so.  The added lines are
    not in the line map.  The truth is the value: 47,207 million filed as 47,207 thousand
    is wrong.
cellmarks
    Decorations on cells, the values kept: currency signs on some cells of yen or US-dollar
    columns only ("\u00a547,207", "JPY 1,361", "(\u00a5301)", "$612.8", "US$ 17"), unit
    words inside cells of yen columns ("47,207 million", "1,500.00 yen"), triangle negatives
    ("\u25b3301", "\u25b2164") beside parenthesised ones in one table, change cells as
    "+12.3%", "up 12.3%", "12.3% up", "down 3.6%", "\u25b33.6%" (an amount change only
    signed: "+425", "\u25b37"), now and then "n/a" / "N.M." in a change column, dash cells as
    "\u2014", and marks after some figures ("*", "(a)", " (1)", "\u203b1") with their note
    under the table (a new line).
ocrdigits
    A scan's damage to the figures themselves, in a seeded 3-8% of the figure cells of table
    rows (any table; a cell whose text the row prints twice is left alone): a digit read as a
    letter (0->O/o/D, 1->l/I/i, 5->S, 8->B, 2->Z, 6->G: "1,O23", "l2,345"); a digit read as
    another (3<->8, 1<->7, 5<->6, 0->8, 6->8, 8->0/6: the figure still looks valid); the
    grouping comma read as a period, dropped or doubled, or a space inside the figure
    ("12.345", "12345", "12,,345", "12, 345", "1 2,345"); a negative's parenthesis or sign
    half or wholly lost ("(1,234", "1,234)", "1,234"); a digit dropped or doubled ("12,45",
    "12,3345").  The truth stays the figure first printed: a damaged value filed is wrong.
    What was damaged (source line, cell, text before and after, kind) is returned by
    ``retypeset_damage`` (``retypeset`` keeps its three outputs).
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

STYLES: dict[str, str] = {
    "ragged2": "cells joined by 2-4 spaces, unaligned; tabs removed",
    "rightaligned": "fixed-width label column, right-aligned figure columns, wrapped headings",
    "pagefurniture": "page footers/headers, form feeds, (Continued), repeated headings mid-table",
    "ocrnoise": "OCR word errors (l/1, O/0, rn/m, drops, splits, glue, strays), never in figures",
    "negatives": "negatives and dashes printed another way, consistently per release",
    "separators": "thousands separators none/thin/apostrophe/space; occasional currency marks",
    "pipes": "markdown or ASCII-box grids",
    "wrapped": "long labels wrapped on two lines, figures on first or second; "
    "run-on lines re-wrapped",
    "fullwidth": "full-width digits, commas, parentheses in table figures",
    "mixed": "seeded subset of 3-4 of the above",
    "swapcols": "period columns in reverse order (current first), headings moved with them",
    "footnotes": "footnote marks on labels, period headings and a few figures; notes under tables",
    "periodwords": "period headings worded otherwise (1H FY2010, Apr.-Sep. 2010, 2010/9/30, ...)",
    "extracol": "an extra 'Change' amount column computed from the two period columns",
    "unitscale": "amounts in another unit of yen (digits moved, value kept) or the unit worded "
    "elsewhere (above, in a note, in the title)",
    "cellmarks": "currency signs, unit words, triangle negatives, worded changes, n/a, marks in "
    "cells",
    "ocrdigits": "a scan's damage to 3-8% of the table figures (1,O23, 3<->8, 12.345, lost ')')",
}
# not in mixed: measurements of the ten styles above stay comparable
ADVERSARY_STYLES = ("swapcols", "footnotes", "periodwords", "extracol", "unitscale", "cellmarks",
                    "ocrdigits")
LAYOUTS = ("ragged2", "rightaligned", "pipes")
MODIFIERS = ("pagefurniture", "ocrnoise", "negatives", "separators", "wrapped", "fullwidth")

# ---------------------------------------------------------------------------------------------
# Parsing

NUM = r"\d(?:[\d,]*\d)?(?:\.\d+)?"
FIG_RE = re.compile(r"^\(?[+\-\u2212]?(?:JPY|\u00a5|\$)?[+\-]?" + NUM + r"%?\)?%?(?:Gbps)?\)?$")
DASHES = {"-", "--", "\u2014", "\u2013", "_", "\u2015"}
UNIT_TOKENS = {"million", "billion", "Gbps", "million)", "billion)", "(Annual)", ")"}
COMMA_NUM_RE = re.compile(r"(?<![\d,])\d{1,3}(?:,\d{3})+(?!\d)")
MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?"
)
LABEL_DATE_RE = re.compile(MONTH + r" \d{1,2},$")
YEAR_RE = re.compile(r"^(?:19|20)\d\d$")
HEAD_HINT_RE = re.compile(
    r"(?:\b[1-4][QH]\d{2}\b|\bFY\s?\d{2,4}|\bJPY\b|\b[Yy]en\b|\bYoY\b|\bYoy\b|\bQoQ\b|[Cc]hange\b"
    r"|\bmillions\b|\bthousands\b|\bas of\b|[Mm]onths [Ee]nded|\b\d{4}\b|%|-end\b)"
)
HCELL_RE = re.compile(
    r"(?:(?:as of |[Ss]ix [Mm]onths [Ee]nded |[Tt]hree [Mm]onths [Ee]nded |[Nn]ine [Mm]onths "
    r"[Ee]nded )?" + MONTH + r" \d{1,2}, \d{4})"
    r"|[1-4][QH]\d{2}(?: \([^)]*\))?|FY\s?\d{4}(?:/\S+)?|JPY (?:millions|thousands|billions?)"
    r"|(?:Thousands|Millions) of (?:JPY|Yen|U\.S\. [Dd]ollars)|JPY(?= |$)|Yen(?= |$)"
    r"|YoY %? ?[Cc]hange|Yoy %|YoY|QoQ"
    r"|% [Cc]hange|[Cc]hange|%|[1-4]Q-end|Year-end|Total"
)
NEG_PAREN_RE = re.compile(
    r"\((?P<cur>JPY ?|\u00a5|\$ ?)?(?P<n>" + NUM + r")(?P<pct>%?)(?P<sp> ?)\)"
)
FLOW_NEG_RE = re.compile(
    r"(?:(?<=\d )|(?<=\d\) ))\((?P<n>" + NUM + r")(?P<pct>%?)(?P<sp> ?)\)"
    r"|\((?P<n2>" + NUM + r")(?P<pct2>%?) \)"
)
FLOW_NUM_RE = re.compile(r"(?<![\w.,])\(?" + NUM + r"%?(?: ?\))?(?![\w])")


@dataclass
class Cell:
    text: str
    blank: bool = False
    sep: str = " "  # whitespace before the cell in the source


@dataclass
class Item:
    orig: int  # 1-based source line
    kind: str  # "row", "head", "flow", "text"
    raw: str
    indent: str = ""
    label: str = ""
    cells: list[Cell] = field(default_factory=list)
    trail: str = ""
    tab: bool = False
    table: int | None = None
    sub: bool = False  # sub-item (label started with a no-break space or indentation)
    collapse: bool = False  # ocrnoise: gap label->first figure collapses to one space


def is_fig(tok: str) -> bool:
    return bool(FIG_RE.match(tok))


def cell_numeric(c: str) -> bool:
    s = re.sub(r"</?i>", " ", c)
    s = re.sub(r"\((?:Annual)\)", " ", s)
    s = s.replace("\u00a0", " ").strip()
    if s in DASHES:
        return True
    if not re.search(r"\d", s):
        return False
    words = re.findall(r"[A-Za-z]+", s)
    return all(w in {"JPY", "Gbps", "million", "billion"} for w in words)


def parse_space_row(s: str) -> tuple[str, list[Cell], str] | None:
    """Split a space-separated line into label and trailing figure cells."""
    s = re.sub(r"(?<=[\w)])\s*\|\s*(?=[\d(])", " ", s)
    toks = [(m.start(), m.end(), m.group()) for m in re.finditer(r"[^ \t]+", s)]
    spans: list[tuple[int, int, bool]] = []
    i = len(toks) - 1
    while i >= 0:
        st, en, t = toks[i]
        if set(t) <= {"\u00a0"}:
            spans.insert(0, (st, en, True))
            i -= 1
            continue
        if t in UNIT_TOKENS and i >= 1:
            lt = toks[i - 1][2]
            if (
                is_fig(lt)
                or (t == ")" and lt.startswith("(") and is_fig(lt + ")"))
                or (t.endswith(")") and lt.startswith("(") and is_fig(lt + ")"))
            ):
                st2 = toks[i - 1][0]
                i -= 2
                if i >= 0 and toks[i][2] == "JPY":
                    st2 = toks[i][0]
                    i -= 1
                spans.insert(0, (st2, en, False))
                continue
            break
        if is_fig(t) or t in DASHES:
            st2 = st
            i -= 1
            if i >= 0 and toks[i][2] == "JPY" and t not in DASHES:
                st2 = toks[i][0]
                i -= 1
            spans.insert(0, (st2, en, False))
            continue
        break
    spans_real = [sp for sp in spans if not sp[2]]
    if not spans_real:
        return None
    # leading blank placeholders before the first real cell belong to the label
    while spans and spans[0][2]:
        spans.pop(0)
    label_end = spans[0][0]
    label = s[:label_end].rstrip()
    cells: list[Cell] = []
    prev = len(label)
    for st, en, blank in spans:
        cells.append(Cell(s[st:en], blank, s[prev:st]))
        prev = en
    trail = s[prev:]
    # a year after "Month dd," belongs to the label
    if cells and LABEL_DATE_RE.search(label) and YEAR_RE.match(cells[0].text):
        label = label + cells[0].sep + cells[0].text
        cells.pop(0)
    if not any(not c.blank and c.text not in DASHES for c in cells):
        return None
    lab = label.strip()
    if COMMA_NUM_RE.search(lab) or re.search(r"JPY ?\d", lab):
        return None
    if len(lab.split()) > 12 or re.search(r"\.\s+[A-Z]", lab) or lab.endswith("."):
        return None
    if not lab and len(cells) < 2:
        return None
    if len(cells) == 1 and len(lab) > 60:
        return None
    return label, cells, trail


def parse(lines: list[str]) -> list[Item]:
    nonempty = [ln for ln in lines if ln.strip()]
    doc_tab = bool(nonempty) and sum(ln.startswith("\t") for ln in nonempty) >= 0.9 * len(nonempty)
    items: list[Item] = []
    for n, raw in enumerate(lines, 1):
        body = raw[1:] if doc_tab and raw.startswith("\t") else raw
        base_indent = "\t" if doc_tab and raw.startswith("\t") else ""
        it = Item(n, "text", raw)
        if not raw.strip():
            items.append(it)
            continue
        if "\t" in body.strip("\t ") or body.startswith("\t"):
            parts = body.split("\t")
            while len(parts) > 1 and not parts[-1].strip():
                parts.pop()
            lab, rest = parts[0], parts[1:]
            if (
                rest
                and any(cell_numeric(c) for c in rest if c.strip())
                and all(cell_numeric(c) or not c.strip() for c in rest)
            ):
                it.kind, it.tab = "row", True
                it.indent = base_indent
                it.label = lab
                it.cells = [Cell(c, not c.strip(), "\t") for c in rest]
                it.trail = body[len("\t".join(parts)) :]
            elif rest and not any(cell_numeric(c) for c in rest):
                it.kind, it.tab = "head", True
                it.indent = base_indent
                it.label = lab
                it.cells = [Cell(c, not c.strip(), "\t") for c in rest]
                it.trail = body[len("\t".join(parts)) :]
            items.append(it)
            continue
        m = re.match(r"[ \t]*", body)
        ind = base_indent + (m.group() if m else "")
        content = body[len(ind) - len(base_indent) :]
        res = parse_space_row(content)
        if res is not None:
            label, cells, trail = res
            it.kind, it.indent, it.label, it.cells, it.trail = "row", ind, label, cells, trail
            it.sub = label.startswith("\u00a0")
        elif len(FLOW_NUM_RE.findall(content)) >= 4 and len(content) > 100:
            it.kind = "flow"
        items.append(it)
    group_tables(items)
    return items


def head_like(text: str) -> bool:
    s = text.strip()
    return bool(s) and len(s) < 100 and (bool(HEAD_HINT_RE.search(s)) or len(s) <= 12)


def group_tables(items: list[Item]) -> None:
    tid = 0
    i = 0
    n = len(items)
    while i < n:
        if items[i].kind != "row":
            i += 1
            continue
        start = i
        end = i
        j = i + 1
        while j < n:
            if items[j].kind == "row":
                end = j
                j += 1
                continue
            # one short non-blank line between rows (wrapped label, "Six months ended")
            if (
                items[j].kind == "text"
                and items[j].raw.strip()
                and len(items[j].raw.strip()) <= 40
                and j + 1 < n
                and items[j + 1].kind == "row"
            ):
                j += 1
                continue
            break
        tid += 1
        for k in range(start, end + 1):
            items[k].table = tid
        # headings: up to 3 heading-like lines right above the first row
        k = start - 1
        cnt = 0
        while k >= 0 and cnt < 3:
            it = items[k]
            if it.table is not None or not it.raw.strip():
                break
            if it.kind == "head" or (it.kind == "text" and head_like(it.raw)):
                if it.kind == "text":
                    split_heading(it)
                it.table = tid
                cnt += 1
                k -= 1
                continue
            break
        # footnote markers: extra small-integer leading cells merge into the label
        rows = [it for it in items[start : end + 1] if it.kind == "row" and not it.tab]
        if rows:
            counts = Counter(len(r.cells) for r in rows)
            mode = max(counts.items(), key=lambda kv: (kv[1], kv[0]))[0]
            for r in rows:
                while len(r.cells) > mode and re.fullmatch(r"\d{1,2}", r.cells[0].text):
                    c = r.cells.pop(0)
                    r.label = r.label + c.sep + c.text
        i = end + 1


def split_heading(it: Item) -> None:
    body = it.raw.lstrip("\t")
    m = re.match(r"[ \t\u00a0]*", body)
    pre = m.group() if m else ""
    content = body[len(pre) :]
    matches = list(HCELL_RE.finditer(content))
    if not matches:
        return
    lab = content[: matches[0].start()]
    prev = len(lab.rstrip())
    cells: list[Cell] = []
    for mm in matches:
        gap = content[prev : mm.start()]
        if gap.strip(" \u00a0"):
            return
        cells.append(Cell(mm.group(), False, gap))
        prev = mm.end()
    if content[prev:].strip(" \u00a0"):
        return
    if lab.strip() and HCELL_RE.search(lab):
        return
    it.kind = "head"
    it.indent = it.raw[: len(it.raw) - len(content)]
    it.label = lab.rstrip()
    it.cells = cells


# ---------------------------------------------------------------------------------------------
# Token transforms

FW_TABLE = {ord(c): chr(ord(c) + 0xFEE0) for c in "0123456789,()%-+"}


@dataclass
class Config:
    layout: str = "keep"
    furniture: bool = False
    ocr: bool = False
    negatives: bool = False
    separators: bool = False
    wrapped: bool = False
    fullwidth: bool = False
    neg_fmt: str = "({n})"
    dash: str = "-"
    sep: str = ","
    currency: str = ""
    fw_dot: bool = False
    swapcols: bool = False
    footnotes: bool = False
    periodwords: bool = False
    extracol: bool = False
    unitscale: bool = False
    cellmarks: bool = False
    ocrdigits: bool = False


def fmt_neg(cfg: Config, n: str, pct: str) -> str:
    return cfg.neg_fmt.replace("{n}", n + pct)


def neg_cell(cfg: Config, text: str) -> str:
    s = text.strip()
    if s in DASHES:
        return text.replace(s, cfg.dash)

    def rep(m: re.Match[str]) -> str:
        cur = m.group("cur") or ""
        return cur + fmt_neg(cfg, m.group("n"), m.group("pct"))

    return NEG_PAREN_RE.sub(rep, text)


def neg_flow(cfg: Config, text: str) -> str:
    def rep(m: re.Match[str]) -> str:
        n = m.group("n") or m.group("n2")
        pct = m.group("pct") or m.group("pct2") or ""
        return fmt_neg(cfg, n, pct)

    out = FLOW_NEG_RE.sub(rep, text)
    return re.sub(r"(?<=\d )[\u2013\u2014](?= \d)", cfg.dash, out)


def sep_text(cfg: Config, text: str, in_cells: bool = False) -> str:
    # a normal space is only used inside table cells laid out with wide gaps
    sep = cfg.sep if (in_cells or cfg.sep != " ") else "\u202f"
    return COMMA_NUM_RE.sub(lambda m: m.group().replace(",", sep), text)


def fw_text(cfg: Config, text: str) -> str:
    def rep(m: re.Match[str]) -> str:
        s = m.group().translate(FW_TABLE)
        return s.replace(".", "\uff0e") if cfg.fw_dot else s

    # only numeric runs (with their parentheses/signs), never tags or words
    return re.sub(r"[(\-+\u2212]?\(?[\d][\d,.'\u2009\u202f ]*\d?%?(?: ?\))?|[(\-+]?\d", rep, text)


PROTECT = {
    "JPY",
    "USD",
    "YoY",
    "QoQ",
    "Gbps",
    "Mbps",
    "million",
    "billion",
    "thousand",
    "thousands",
    "millions",
    "billions",
    "nil",
    "Yen",
    "yen",
    "IIJ",
    "Total",
    "Page",
}
WORD_RE = re.compile(r"(?<![\w$\u00a5'.\-/])([A-Za-z]{3,})(?![\w'\-/])")


def ocr_word(rng: random.Random, w: str) -> str:
    ops: list[str] = []
    if "l" in w[1:]:
        ops.append("l1")
    if w[0] == "I":
        ops.append("Il")
    if "o" in w[1:] or w[0] == "O":
        ops.append("o0")
    if "rn" in w:
        ops.append("rn")
    if "m" in w:
        ops.append("m")
    if len(w) >= 5:
        ops += ["drop", "double", "split"]
    else:
        ops.append("double")
    op = rng.choice(ops)
    if op == "l1":
        idx = [i for i, c in enumerate(w) if c == "l" and i > 0]
        k = rng.choice(idx)
        return w[:k] + "1" + w[k + 1 :]
    if op == "Il":
        return rng.choice(["l", "1"]) + w[1:]
    if op == "o0":
        idx = [i for i, c in enumerate(w) if (c == "o" and i > 0) or (c == "O" and i == 0)]
        k = rng.choice(idx)
        return w[:k] + "0" + w[k + 1 :]
    if op == "rn":
        return w.replace("rn", "m", 1)
    if op == "m":
        return w.replace("m", "rn", 1)
    if op == "drop":
        k = rng.randrange(1, len(w) - 1)
        return w[:k] + w[k + 1 :]
    if op == "double":
        k = rng.randrange(1, len(w))
        return w[:k] + w[k] + w[k:]
    k = rng.randrange(2, len(w) - 2)
    return w[:k] + " " + w[k:]


def ocr_text(rng: random.Random, text: str, rate: float) -> str:
    def rep(m: re.Match[str]) -> str:
        w = m.group(1)
        if w in PROTECT or w.isupper() or rng.random() >= rate:
            return w
        return ocr_word(rng, w)

    out = WORD_RE.sub(rep, text)
    if rng.random() < rate:  # glue two words
        gaps = [m.start() for m in re.finditer(r"(?<=[a-z]) (?=[a-z]{2,})", out)]
        if gaps:
            k = rng.choice(gaps)
            out = out[:k] + out[k + 1 :]
    return out


def stray(rng: random.Random, line: str, rate: float) -> str:
    if not line.strip() or rng.random() >= rate:
        return line
    if rng.random() < 0.5:
        m = re.match(r"[ \t]*", line)
        k = m.end() if m else 0
        return line[:k] + rng.choice([". ", "' ", "| ", "'", "|"]) + line[k:]
    if line.rstrip()[-1:].isdigit() or line.rstrip()[-1:] == ")":
        return line.rstrip() + rng.choice([" |", " '", " ."])
    return line.rstrip() + rng.choice([".", "'", " |", "|"])


def apply_tokens(items: list[Item], cfg: Config, rng: random.Random) -> None:
    yen_tables: set[int] = set()
    for idx, it in enumerate(items):
        if it.table is not None and it.kind == "head" and re.search(r"JPY|[Yy]en", it.raw):
            yen_tables.add(it.table)
        if it.table is not None and it.kind == "row":
            for back in range(1, 6):
                if (
                    idx - back >= 0
                    and re.search(r"JPY|[Yy]en", items[idx - back].raw)
                    and (items[idx - back].kind != "row")
                ):
                    yen_tables.add(it.table)
    first_rows: set[int] = set()
    seen: set[int] = set()
    for idx, it in enumerate(items):
        if it.kind == "row" and it.table is not None and it.table not in seen:
            seen.add(it.table)
            first_rows.add(idx)
    cur_prob = 0.5
    for idx, it in enumerate(items):
        if it.kind == "row":
            for c in it.cells:
                if c.blank:
                    continue
                if cfg.negatives:
                    c.text = neg_cell(cfg, c.text)
                if cfg.separators:
                    c.text = sep_text(cfg, c.text, True)
            if (
                cfg.separators
                and cfg.currency
                and it.table in yen_tables
                and (idx in first_rows or it.label.strip().startswith("Total"))
                and rng.random() < cur_prob
            ):
                for c in it.cells:
                    t = c.text.strip()
                    if (
                        not c.blank
                        and re.fullmatch(r"\(?\d{1,3}(?:[^\d.]?\d{3})+\)?", t)
                        and "JPY" not in t
                    ):
                        c.text = cfg.currency + t
            if cfg.fullwidth:
                for c in it.cells:
                    if not c.blank:
                        c.text = fw_text(cfg, c.text)
            if cfg.ocr:
                it.label = ocr_text(rng, it.label, 0.12)
                if rng.random() < 0.25:
                    it.collapse = True
        elif it.kind == "head":
            if cfg.ocr:
                it.label = ocr_text(rng, it.label, 0.1)
                for c in it.cells:
                    c.text = ocr_text(rng, c.text, 0.06)
        else:
            t = it.raw
            if it.kind == "flow":
                if cfg.negatives:
                    t = neg_flow(cfg, t)
                if cfg.separators:
                    t = sep_text(cfg, t)
                if cfg.fullwidth:
                    t = FLOW_NUM_RE.sub(lambda m: fw_text(cfg, m.group()), t)
            elif cfg.separators:
                t = sep_text(cfg, t)
            if cfg.ocr:
                t = ocr_text(rng, t, 0.05)
            it.raw = t


# ---------------------------------------------------------------------------------------------
# Layout


def dispw(s: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in s)


def rjust(s: str, w: int) -> str:
    return " " * max(0, w - dispw(s)) + s


def ljust(s: str, w: int) -> str:
    return s + " " * max(0, w - dispw(s))


@dataclass
class Out:
    text: str
    orig: int | None
    table: int | None = None
    head: bool = False


def wrap_label(label: str, limit: int) -> tuple[str, str] | None:
    lab = label.strip()
    if dispw(lab) <= limit or len(lab.split()) < 3:
        return None
    words = lab.split(" ")
    best: tuple[str, str] | None = None
    for k in range(1, len(words)):
        a, b = " ".join(words[:k]), " ".join(words[k:])
        if dispw(a) <= limit:
            best = (a, b)
    if best is None:
        best = (words[0], " ".join(words[1:]))
    if "(" in best[0] and ")" not in best[0] and best[0].count("(") > best[0].count(")"):
        return None
    return best


class Renderer:
    def __init__(self, items: list[Item], cfg: Config, rng: random.Random) -> None:
        self.items = items
        self.cfg = cfg
        self.rng = rng
        self.out: list[Out] = []
        self.table_heads: dict[int, list[str]] = {}

    def emit(
        self, text: str, orig: int | None, table: int | None = None, head: bool = False
    ) -> None:
        self.out.append(Out(text, orig, table, head))
        if head and table is not None:
            self.table_heads.setdefault(table, []).append(text)

    def run(self) -> list[Out]:
        i = 0
        items = self.items
        while i < len(items):
            it = items[i]
            if it.table is not None:
                j = i
                while j < len(items) and items[j].table == it.table:
                    j += 1
                self.table(items[i:j])
                i = j
                continue
            self.plain(it)
            i += 1
        return self.out

    def plain(self, it: Item, table: int | None = None) -> None:
        text = it.raw if it.kind in ("text", "flow") else self.keep_line(it)
        if table is not None and self.cfg.layout != "keep":
            text = re.sub(r"\t+", "  ", text).strip()
        if self.cfg.wrapped and it.kind == "flow" and len(text) > 110:
            width = self.rng.randint(88, 110)
            for piece in wrap_flow(text, width):
                self.emit(piece, it.orig, table)
            return
        self.emit(text, it.orig, table)

    # --- row renderers -------------------------------------------------------------------------
    def keep_line(self, it: Item) -> str:
        s = it.indent + it.label
        for k, c in enumerate(it.cells):
            sep = c.sep
            if k == 0 and it.collapse and not c.blank:
                sep = " "
            s += sep + c.text
        return s + it.trail

    def gap(self) -> str:
        return " " * self.rng.randint(2, 4)

    def ragged_line(self, it: Item, fixed_gap: str | None = None) -> str:
        lab = it.label.replace("\t", " ").strip(" \u00a0")
        ind = "  " if (it.sub or (it.indent.strip("\t") and len(it.indent.strip("\t")) > 6)) else ""
        if it.indent.strip("\t") == "      ":
            ind = ""
        parts: list[str] = []
        pending = ""
        for k, c in enumerate(it.cells):
            g = fixed_gap if fixed_gap is not None else self.gap()
            if c.blank:
                pending += g
                continue
            if k == 0 and it.collapse:
                g = " "
            parts.append(pending + g + c.text.strip())
            pending = ""
        line = ind + lab + "".join(parts)
        return line if lab else line.lstrip()

    def table(self, tab: list[Item]) -> None:
        lay = self.cfg.layout
        if lay == "rightaligned":
            self.table_right(tab)
        elif lay == "pipes":
            self.table_pipes(tab)
        else:
            self.table_simple(tab)

    def row_cells_line(self, it: Item, lab: str, cells_txt: str) -> str:
        return lab + cells_txt

    def table_simple(self, tab: list[Item]) -> None:
        tid = tab[0].table
        lay = self.cfg.layout
        fig_first = self.rng.random() < 0.5
        cont_ind = " " * self.rng.choice([0, 2, 4, 6])
        limit = self.rng.randint(20, 30)
        for it in tab:
            if it.kind == "head":
                if lay == "ragged2":
                    lab = it.label.replace("\t", " ").strip(" \u00a0")
                    cells = [c.text.strip() for c in it.cells if not c.blank]
                    line = lab
                    for c in cells:
                        line += self.gap() + c
                    self.emit(line.strip() if not lab else line, it.orig, tid, True)
                else:
                    self.emit(self.keep_line(it) if it.cells else it.raw, it.orig, tid, True)
                continue
            if it.kind != "row":
                self.plain(it, tid)
                continue
            line = self.ragged_line(it) if lay == "ragged2" else self.keep_line(it)
            wl = wrap_label(it.label, limit) if self.cfg.wrapped else None
            if wl is None:
                self.emit(line, it.orig, tid)
                continue
            a, b = wl
            lab_raw = it.label
            if lay == "ragged2":
                ind = "  " if it.sub else ""
                rest = line[len(ind) + len(lab_raw.replace("\t", " ").strip(" \u00a0")) :]
                ind_lead = ind
            else:
                rest = line[len(it.indent) + len(lab_raw) :]
                ind_lead = it.indent
            if fig_first:
                self.emit(ind_lead + a + rest, it.orig, tid)
                self.emit(ind_lead + cont_ind + b, it.orig, tid)
            else:
                self.emit(ind_lead + a, it.orig, tid)
                self.emit(ind_lead + cont_ind + b + rest, it.orig, tid)

    def ncols(self, tab: list[Item]) -> int:
        rows = [it for it in tab if it.kind == "row"]
        if rows[0].tab:
            return max(len(r.cells) for r in rows)
        counts = Counter(len(r.cells) for r in rows)
        return max(counts.items(), key=lambda kv: (kv[1], kv[0]))[0]

    def table_right(self, tab: list[Item]) -> None:
        tid = tab[0].table
        ncol = self.ncols(tab)
        rows = [it for it in tab if it.kind == "row"]
        heads = [it for it in tab if it.kind == "head"]
        cw = max([dispw(c.text.strip()) for r in rows for c in r.cells] + [8])
        for h in heads:
            for c in h.cells:
                w = dispw(c.text.strip())
                if w > cw:
                    cw = max(cw, min(w, (w + 1) // 2 + 2))
        cw += self.rng.choice([2, 3, 4])
        fig_first = self.rng.random() < 0.5
        limit = 40 if self.cfg.wrapped else 10_000
        labs = [dispw(r.label.strip(" \u00a0\t")) + (2 if r.sub else 0) for r in rows]
        lw = min(max([*labs, 10]), limit) + 2
        for it in tab:
            if it.kind == "head":
                lab = it.label.replace("\t", " ").strip(" \u00a0")
                cells = [c.text.strip() for c in it.cells]
                if not it.tab and not self.head_alignable(tab, it, ncol):
                    self.emit(self.ragged_line_head(it), it.orig, tid, True)
                    continue
                lines = [ljust(lab, lw), ljust("", lw)]
                two = False
                for hc in cells[: max(ncol, len(cells))]:
                    if dispw(hc) > cw - 1:
                        wb = split_two(hc)
                        lines[0] += rjust(wb[0], cw)
                        lines[1] += rjust(wb[1], cw)
                        two = True
                    else:
                        lines[0] += " " * cw
                        lines[1] += rjust(hc, cw)
                if two:
                    self.emit(lines[0].rstrip(), it.orig, tid, True)
                    self.emit(lines[1].rstrip(), it.orig, tid, True)
                else:
                    self.emit((ljust(lab, lw) + lines[1][lw:]).rstrip(), it.orig, tid, True)
                continue
            if it.kind != "row":
                self.plain(it, tid)
                continue
            if not it.tab and len(it.cells) != ncol:
                self.emit(self.ragged_line(it, "  "), it.orig, tid)
                continue
            lab = ("  " if it.sub else "") + it.label.replace("\t", " ").strip(" \u00a0")
            cells_s = "".join(rjust("" if c.blank else c.text.strip(), cw) for c in it.cells)
            if it.collapse:
                cells_s = cells_s.lstrip()
                lab = lab + " "
            wl = wrap_label(lab, lw - 2) if self.cfg.wrapped else None
            if wl is None:
                self.emit(
                    (ljust(lab, lw) + cells_s).rstrip() if not it.collapse else lab + cells_s,
                    it.orig,
                    tid,
                )
                continue
            a, b = wl
            if fig_first:
                self.emit(ljust(a, lw) + cells_s, it.orig, tid)
                self.emit("  " + b, it.orig, tid)
            else:
                self.emit(a, it.orig, tid)
                self.emit(ljust("  " + b, lw) + cells_s, it.orig, tid)

    @staticmethod
    def head_alignable(tab: list[Item], it: Item, ncol: int) -> bool:
        """Space-source headings align only when their column positions are unambiguous."""
        k = len([c for c in it.cells if not c.blank])
        if k == ncol:
            return True
        full = any(len(h.cells) == ncol for h in tab if h.kind == "head")
        return 0 < k < ncol and full

    def ragged_line_head(self, it: Item) -> str:
        lab = it.label.replace("\t", " ").strip(" \u00a0")
        return (lab + "  " + "  ".join(c.text.strip() for c in it.cells if not c.blank)).strip()

    def table_pipes(self, tab: list[Item]) -> None:
        tid = tab[0].table
        ncol = self.ncols(tab)
        box = self.cfg_box
        rows = [it for it in tab if it.kind == "row"]
        heads = [it for it in tab if it.kind == "head"]
        labw = max([dispw(r.label.strip(" \u00a0\t")) for r in rows + heads] + [5])
        cw = max([dispw(c.text.strip()) for r in rows + heads for c in r.cells] + [6])

        def prow(lab: str, cells: list[str], orig: int | None, head: bool, aligned: bool) -> None:
            cs = [rjust(c, cw) for c in cells]
            if aligned:
                cs += [" " * cw] * (ncol - len(cs))
            self.emit("| " + ljust(lab, labw) + " | " + " | ".join(cs) + " |", orig, tid, head)

        def rule(ch: str = "-") -> str:
            if box:
                return "+" + ch * (labw + 2) + "+" + "+".join([ch * (cw + 2)] * ncol) + "+"
            return "|" + "-" * (labw + 2) + "|" + "|".join(["-" * (cw + 1) + ":"] * ncol) + "|"

        if box:
            self.emit(rule(), None, tid)
        ruled = False
        started_rows = False
        for it in tab:
            if it.kind == "head":
                cells = [c.text.strip() for c in it.cells]
                if not it.tab and not self.head_alignable(tab, it, ncol):
                    lab0 = it.label.replace("\t", " ").strip(" \u00a0")
                    self.emit("| " + ("  ".join([lab0, *cells])).strip() + " |", it.orig, tid, True)
                    continue
                prow(
                    it.label.replace("\t", " ").strip(" \u00a0"),
                    cells,
                    it.orig,
                    True,
                    it.tab or len(cells) <= ncol,
                )
                continue
            if it.kind == "row" and not ruled:
                if heads or not box:
                    if not heads:
                        prow("", [""] * ncol, None, True, True)
                    self.emit(rule("=" if box else "-"), None, tid)
                ruled = True
            if it.kind != "row":
                self.emit(
                    "| "
                    + ljust(it.raw.strip(), labw)
                    + " | "
                    + " | ".join([" " * cw] * ncol)
                    + " |",
                    it.orig,
                    tid,
                )
                continue
            started_rows = True
            lab = ("  " if it.sub else "") + it.label.replace("\t", " ").strip(" \u00a0")
            cells = ["" if c.blank else c.text.strip() for c in it.cells]
            aligned = it.tab or len(cells) == ncol
            wl = (
                wrap_label(lab, max(20, labw // 2)) if self.cfg.wrapped and self.wrap_pipe else None
            )
            if wl is None:
                prow(lab, cells, it.orig, False, aligned)
            else:
                prow(wl[0], cells, it.orig, False, aligned)
                prow("  " + wl[1], [""] * ncol, it.orig, False, True)
        if box and started_rows:
            self.emit(rule(), None, tid)

    cfg_box = False
    wrap_pipe = True


def split_two(s: str) -> tuple[str, str]:
    words = s.split(" ")
    if len(words) < 2:
        return s, ""
    best = (s, "")
    bestd = 10**9
    for k in range(1, len(words)):
        a, b = " ".join(words[:k]), " ".join(words[k:])
        d = abs(len(a) - len(b))
        if d < bestd:
            best, bestd = (a, b), d
    return best


def wrap_flow(text: str, width: int) -> list[str]:
    # break only at spaces not inside "( )" and not inside a thin/space-grouped figure
    m = re.match(r"[ \t]*", text)
    ind = m.group() if m else ""
    body = text[len(ind) :]
    pieces: list[str] = []
    cur = ""
    depth = 0
    tok = ""
    toks: list[str] = []
    for ch in body:
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth = max(0, depth - 1)
        if ch == " " and depth == 0:
            toks.append(tok)
            tok = ""
        else:
            tok += ch
    toks.append(tok)
    for t in toks:
        if cur and len(cur) + 1 + len(t) > width:
            pieces.append(cur)
            cur = t
        else:
            cur = (cur + " " + t) if cur else t
    if cur:
        pieces.append(cur)
    return [ind + p for p in pieces]


# ---------------------------------------------------------------------------------------------
# Page furniture


def add_furniture(
    out: list[Out], rng: random.Random, title: str, heads: dict[int, list[str]], date_line: str
) -> list[Out]:
    breaks: list[int] = []
    pos = 0
    while True:
        pos += rng.randint(45, 60)
        if pos >= len(out) - 5:
            break
        # never split the two lines of one wrapped row
        p = pos
        while 0 < p < len(out) and out[p].orig is not None and out[p].orig == out[p - 1].orig:
            p += 1
        breaks.append(p)
        pos = p
    total = len(breaks) + 1
    footer_kind = rng.randint(0, 2)
    header_kind = rng.randint(0, 1)
    res: list[Out] = []
    page = 1
    bset = set(breaks)
    for i, o in enumerate(out):
        if i in bset:
            prev_t = out[i - 1].table if i > 0 else None
            mid = o.table is not None and prev_t == o.table
            res.append(Out("", None))
            if footer_kind == 0:
                res.append(Out("Internet Initiative Japan Inc.", None))
                res.append(Out(f"- {page} -", None))
            elif footer_kind == 1:
                res.append(Out(f"Page {page} of {total}", None))
            else:
                res.append(Out(f"{title[:60]}    {page}", None))
            res.append(Out("\f", None))
            page += 1
            if header_kind == 0:
                res.append(Out(title, None))
            else:
                res.append(Out(f"Internet Initiative Japan Inc.{' ' * 20}{date_line}", None))
            res.append(Out("", None))
            if mid and o.table is not None:
                r = rng.random()
                if r < 0.4:
                    res.append(Out("(Continued)", None))
                if r > 0.25 and heads.get(o.table):
                    for h in heads[o.table]:
                        res.append(Out(h, None))
        res.append(o)
    return res


# ---------------------------------------------------------------------------------------------
# Adversary styles: column order, footnote marks, period wordings, an extra column


PERIOD_HINT_RE = re.compile(r"\b[1-4][QH]\d{2}\b|\bFY\s?\d{2,4}|\b(?:19|20)\d\d\b")
NOT_PERIOD_RE = re.compile(r"YoY|Yoy|QoQ|[Cc]hange|%")


def is_period_cell(text: str) -> bool:
    return bool(PERIOD_HINT_RE.search(text)) and not NOT_PERIOD_RE.search(text)


def period_block(tab: list[Item]) -> tuple[Item, int, int, list[Item]] | None:
    """A table whose columns are proven by one heading line: (that heading, the number k of
    period columns it opens with, the number n of cells in every row, the other heading lines
    that have n cells).  None when any row or heading leaves a column's place in doubt."""
    rows = [it for it in tab if it.kind == "row"]
    heads = [it for it in tab if it.kind == "head"]
    if not rows or not heads:
        return None
    n = len(rows[0].cells)
    if any(len(r.cells) != n for r in rows):
        return None
    best: tuple[Item, int] | None = None
    for h in heads:
        k = 0
        while k < len(h.cells) and is_period_cell(h.cells[k].text):
            k += 1
        if k >= 2 and len(h.cells) == n and (best is None or k > best[1]):
            best = (h, k)
    if best is None:
        return None
    prim, k = best
    full: list[Item] = []
    for h in heads:
        if h is prim:
            continue
        texts = [c.text.strip() for c in h.cells]
        if len(texts) == n:
            full.append(h)
        elif len(set(texts)) <= 1 and len(texts) <= k:
            continue  # a unit line ("JPY millions JPY millions"): the same over the block
        elif len(texts) == 1 and not is_period_cell(texts[0]):
            continue  # a wrapped word of the last heading ("change")
        else:
            return None
    return prim, k, n, full


def adv_tables(items: list[Item]) -> dict[int, list[Item]]:
    tabs: dict[int, list[Item]] = {}
    for it in items:
        if it.table is not None:
            tabs.setdefault(it.table, []).append(it)
    return tabs


def swap_cells(it: Item, order: list[int]) -> None:
    """Put cell order[i] at place i; the whitespace before each place stays."""
    old = [(c.text, c.blank) for c in it.cells]
    for i, j in enumerate(order):
        it.cells[i].text, it.cells[i].blank = old[j]


def adv_swapcols(items: list[Item], rng: random.Random) -> None:
    for tab in adv_tables(items).values():
        pb = period_block(tab)
        if pb is None:
            continue
        prim, k, n, full = pb
        texts = [c.text.strip() for c in prim.cells]
        if k > 2 and FY_CELL_RE.match(texts[k - 1]) and QH_CELL_RE.match(texts[0]):
            k -= 1  # quarters newest first, the year's total stays last
        order = list(range(k))[::-1] + list(range(k, n))
        for it in tab:
            if it.kind == "row" or it is prim or any(it is h for h in full):
                swap_cells(it, order)


NUM_CELL_RE = re.compile(r"^(?P<o>\()?(?P<s>-)?(?P<n>\d{1,3}(?:,\d{3})*(?:\.\d+)?|\d+(?:\.\d+)?)"
                         r"(?(o) ?\))(?P<u> ?Gbps)?$")


def cell_value(text: str) -> tuple[Decimal, int, bool, str] | None:
    """(value, decimals, comma-grouped, unit) of a plain amount cell; None otherwise."""
    t = text.strip()
    if t in DASHES:
        return Decimal(0), 0, False, ""
    m = NUM_CELL_RE.match(t)
    if not m:
        return None
    num = m.group("n")
    v = Decimal(num.replace(",", ""))
    if m.group("o") or m.group("s"):
        v = -v
    dec = len(num.split(".")[1]) if "." in num else 0
    return v, dec, "," in num, m.group("u") or ""


def fmt_amount(v: Decimal, dec: int, comma: bool, unit: str) -> str:
    q = abs(v).quantize(Decimal(1).scaleb(-dec))
    s = f"{q:,.{dec}f}" if comma or abs(v) >= 1000 else f"{q:.{dec}f}"
    if v < 0:
        return f"({s}){unit}"
    return s + unit


EXTRA_HEADS = ("Change", "Difference", "Increase (decrease)", "YoY change", "Inc./Dec.")


def adv_extracol(items: list[Item], rng: random.Random) -> None:
    for tab in adv_tables(items).values():
        pb = period_block(tab)
        if pb is None:
            continue
        prim, k, n, full = pb
        if k != 2 or n not in (2, 3) or (n == 3 and "%" not in prim.cells[2].text):
            continue
        rows = [it for it in tab if it.kind == "row"]
        diffs: list[str] = []
        for r in rows:
            a, b = cell_value(r.cells[0].text), cell_value(r.cells[1].text)
            if a is None or b is None or a[3] != b[3] or (r.cells[0].text.strip() in DASHES
                                                        and r.cells[1].text.strip() in DASHES):
                diffs.append("-")
                continue
            dec = max(a[1], b[1])
            if a[1] != b[1] or any(abs(v[0]) >= 1000 and not v[2] for v in (a, b)):
                diffs.append("-")  # a damaged figure ("6.941", "7277"): no printer's sum
                continue
            diffs.append(fmt_amount(b[0] - a[0], dec, a[2] or b[2], a[3]))
        at = 2 if rng.random() < 0.5 else n
        head = rng.choice(EXTRA_HEADS)
        sep = "\t" if rows[0].tab else " "
        for it in tab:
            if it.kind == "row":
                it.cells.insert(at, Cell(diffs.pop(0), False, sep))
            elif it is prim:
                it.cells.insert(at, Cell(head, False, sep))
            elif it.kind == "head":
                texts = {c.text.strip() for c in it.cells}
                is_full = any(it is h for h in full)
                if (len(texts) == 1 and texts != {""} and len(it.cells) >= 2
                        and (is_full or at == 2)):
                    # the unit line ("JPY millions JPY millions") gets the unit too
                    it.cells.insert(at, Cell(it.cells[0].text.strip(), False, sep))
                elif is_full:
                    it.cells.insert(at, Cell("", True, sep))


MON3 = ("", "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
MONFULL = ("", "January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")
MONTH_NO = {m.lower(): i for i, m in enumerate(MON3) if m} | {
    m.lower(): i for i, m in enumerate(MONFULL) if m} | {"sept": 9}
DATE_CELL_RE = re.compile(
    r"^(?P<pre>(?:[Aa]s of |At )?)(?:(?P<span>[Ss]ix|[Tt]hree|[Nn]ine) [Mm]onths [Ee]nded )?"
    r"(?P<mon>[A-Za-z]+)\.? (?P<d>\d{1,2}), (?P<y>\d{4})(?P<post>\*?)$")
QH_CELL_RE = re.compile(r"^(?P<n>[1-4])(?P<k>[QH])(?P<y>\d{2})(?P<post>\*?)$")
FY_CELL_RE = re.compile(r"^FY ?(?P<y>\d{4}|\d{2})(?P<post>\*?)$")


def mon_abbr(m: int) -> str:
    return MON3[m] + ("." if m != 5 else "")


def fmt_date(form: int, y: int, m: int, d: int) -> str:
    return [
        f"{mon_abbr(m)} {d}, {y}",
        f"{MONFULL[m]} {d}, {y}",
        f"{m}/{d}/{y}",
        f"{y}/{m}/{d}",
        f"{d} {MON3[m]} {y}",
        f"{y}-{m:02d}-{d:02d}",
    ][form]


def month_end(y: int, m: int) -> int:
    return 31 if m in (1, 3, 5, 7, 8, 10, 12) else 30 if m != 2 else 29 if y % 4 == 0 else 28


def span_words(form: int, fy: int, first: int, months: int) -> str:
    """A span of ``months`` months of fiscal year ``fy`` (April to March) starting at its
    month ``first`` (0 = April), in wording ``form``."""
    m0 = (3 + first) % 12 + 1
    y0 = fy + (1 if 3 + first >= 12 else 0)
    m1 = (3 + first + months - 1) % 12 + 1
    y1 = fy + (1 if 3 + first + months - 1 >= 12 else 0)
    d1 = month_end(y1, m1)
    if form == 0:
        return (f"{mon_abbr(m0)}-{mon_abbr(m1)} {y1}" if y0 == y1
                else f"{mon_abbr(m0)} {y0}-{mon_abbr(m1)} {y1}")
    if form == 1:
        word = {3: "Three", 6: "Six", 9: "Nine", 12: "Twelve"}[months]
        return f"{word} months ended {mon_abbr(m1)} {d1}, {y1}"
    if form == 2:
        return f"{MON3[m0]}. 1, {y0} - {mon_abbr(m1)} {d1}, {y1}"
    return f"{months}M to {m1}/{d1}/{y1}"


def reword_period(text: str, forms: dict[str, int]) -> str:
    t = text.strip()
    m = QH_CELL_RE.match(t)
    if m:
        n, kind, fy, post = int(m["n"]), m["k"], 2000 + int(m["y"]), m["post"]
        if kind == "Q":
            f = forms["Q"]
            named = [f"{n}Q FY{fy}", f"Q{n} FY{fy}", f"FY{fy} Q{n}"]
            out = named[f] if f < 3 else span_words(f - 3, fy, 3 * (n - 1), 3)
        else:
            f = forms["H"]
            named = [f"{n}H FY{fy}", f"H{n} FY{fy}", f"FY{fy} {n}H"]
            out = named[f] if f < 3 else span_words(f - 3, fy, 6 * (n - 1), 6)
        return text.replace(t, out + post)
    m = FY_CELL_RE.match(t)
    if m:
        fy = int(m["y"]) if len(m["y"]) == 4 else 2000 + int(m["y"])
        f = forms["FY"]
        out = [f"FY3/{fy + 1}", f"Year ended Mar. 31, {fy + 1}", f"Apr. {fy}-Mar. {fy + 1}",
               f"FY{fy} (Apr. {fy}-Mar. {fy + 1})"][f]
        return text.replace(t, out + m["post"])
    m = DATE_CELL_RE.match(t)
    if m and m["mon"].lower() in MONTH_NO:
        mo, d, y = MONTH_NO[m["mon"].lower()], int(m["d"]), int(m["y"])
        date = fmt_date(forms["D"], y, mo, d)
        if m["span"]:
            months = {"six": 6, "three": 3, "nine": 9}[m["span"].lower()]
            fy = y if mo >= 4 else y - 1
            first = (mo - 3 - months) % 12
            if forms["S"] == 0 and d == month_end(y, mo) and months == 6 and mo == 9:
                out = f"1H FY{fy}"
            elif forms["S"] == 1 and d == month_end(y, mo):
                out = span_words(0, fy, first, months)
            else:
                out = f"{months} months to {date}"
            return text.replace(t, m["pre"] + out + m["post"])
        return text.replace(t, m["pre"] + date + m["post"])
    return text


def adv_periodwords(items: list[Item], rng: random.Random) -> None:
    for tab in adv_tables(items).values():
        forms = {"Q": rng.randrange(7), "H": rng.randrange(7), "FY": rng.randrange(4),
                 "D": rng.randrange(6), "S": rng.randrange(3)}
        for it in tab:
            if it.kind != "head" or len(it.label.strip()) > 25:
                continue  # a title ("1. Consolidated Financial Results for the ...") stays
            for c in it.cells:
                c.text = reword_period(c.text, forms)


SUPERS = "\u2070\u00b9\u00b2\u00b3\u2074\u2075\u2076\u2077\u2078\u2079"
FOOT_TEXTS = (
    "Restated to conform to the current presentation.",
    "Includes revenues of the data center connectivity service.",
    "See the notes to the consolidated financial statements.",
    "Unaudited.",
    "Reclassified from other income (expenses) in the prior period.",
    "Excluding intersegment transactions.",
    "Contracts for corporate use only.",
)


def foot_mark(family: int, n: int) -> tuple[str, str]:
    """The mark put after a label and the mark that opens its note under the table."""
    sup = "".join(SUPERS[int(ch)] for ch in str(n))
    return [
        (f"*{n}", f"*{n}"),
        (f" (Note {n})", f"Note {n}:"),
        ("*\u2020\u2021\u00a7"[(n - 1) % 4] * (1 + (n - 1) // 4), "*\u2020\u2021\u00a7"[(n - 1) % 4]
         * (1 + (n - 1) // 4)),
        (f" ({n})", f"({n})"),
        (sup, sup),
        (f" {n})", f"{n})"),
        (f" {n}", f"{n}"),
        (f"\u203b{n}", f"\u203b{n}"),
    ][family]


def adv_footnotes(items: list[Item], rng: random.Random) -> dict[int, list[str]]:
    """Marks on row labels, heading cells and (a few) figures; the notes each table's marks
    open, to print under it."""
    family = rng.randrange(8)
    notes: dict[int, list[str]] = {}
    k = 0

    def new_mark(tid: int) -> str:
        nonlocal k
        k += 1
        mark, opener = foot_mark(family, k)
        notes.setdefault(tid, []).append(f"{opener} {rng.choice(FOOT_TEXTS)}")
        return mark

    for tid, tab in adv_tables(items).items():
        for it in tab:
            if it.kind == "row" and it.label.strip(" \u00a0\t") and rng.random() < 0.25:
                lab = it.label.rstrip(" \u00a0")
                tail = it.label[len(lab):]
                it.label = lab + new_mark(tid) + tail
            elif it.kind == "head" and rng.random() < 0.3:
                cands = [c for c in it.cells if not c.blank and is_period_cell(c.text)]
                if cands:
                    c = rng.choice(cands)
                    c.text = c.text.rstrip() + new_mark(tid)
            if it.kind == "row" and family in (0, 2, 7) and rng.random() < 0.08:
                cands = [c for c in it.cells if not c.blank and c.text.strip() not in DASHES]
                if cands:
                    c = rng.choice(cands)
                    sym = "\u203b" if family == 7 else "*"
                    c.text = c.text.rstrip() + sym
                    note = f"{sym} Preliminary figure."
                    if note not in notes.setdefault(tid, []):
                        notes[tid].append(note)
    return notes


def add_footnote_lines(out: list[Out], notes: dict[int, list[str]]) -> list[Out]:
    last: dict[int, int] = {}
    for i, o in enumerate(out):
        if o.table is not None:
            last[o.table] = i
    res: list[Out] = []
    for i, o in enumerate(out):
        res.append(o)
        if o.table is not None and last.get(o.table) == i and notes.get(o.table):
            res.extend(Out(t, None) for t in notes[o.table])
    return res


# ---------------------------------------------------------------------------------------------
# Adversary styles: the unit printed otherwise (unitscale), decorated cells (cellmarks)

# a unit heading cell: (currency, power of ten); "%" columns are ("%", 0)
UNIT_CELL_RES: list[tuple[re.Pattern[str], tuple[str, int]]] = [
    (re.compile(r"^(?:JPY millions?|Millions of (?:JPY|[Yy]en))$"), ("JPY", 6)),
    (re.compile(r"^(?:JPY thousands?|Thousands of (?:JPY|[Yy]en))$"), ("JPY", 3)),
    (re.compile(r"^(?:JPY billions?|Billions of (?:JPY|[Yy]en))$"), ("JPY", 9)),
    (re.compile(r"^(?:JPY|[Yy]en)$"), ("JPY", 0)),
    (re.compile(r"^Thousands of U\.S\. [Dd]ollars$"), ("USD", 3)),
    (re.compile(r"^%(?: of [Tt]otal [Rr]evenues)?$"), ("%", 0)),
]
# how a unit is worded: in a heading cell, and standing alone (above, under or in a title)
UNIT_CELL_WORDS = {
    0: ("Yen", "JPY", "\u00a5", "(Yen)"),
    3: ("Thousands of yen", "JPY thousands", "\u00a5 thousand", "(Thousands of yen)",
        "JPY '000", "Yen in thousands", "(\u00a5 thousands)", "JPY (thousands)"),
    6: ("Millions of yen", "JPY mn", "\u00a5 million", "(Millions of yen)", "JPY million",
        "Yen in millions", "(\u00a5 millions)", "JPY mil.", "\u00a5 mn", "In millions of yen"),
    9: ("Billions of yen", "JPY bn", "\u00a5 billion", "(Billions of yen)", "Yen in billions",
        "JPY bil."),
}
UNIT_ALONE_WORDS = {
    3: ("(in thousands of yen)", "Unit: JPY thousand", "(\u00a5 thousand)", "(Thousands of yen)",
        "(JPY thousands)"),
    6: ("(in millions of yen)", "Unit: JPY million", "(\u00a5 million)", "(JPY mn)",
        "(Millions of yen)", "Amounts in millions of yen"),
    9: ("(in billions of yen)", "Unit: JPY billion", "(\u00a5 billion)", "(JPY bn)",
        "(Billions of yen)"),
}
UNIT_NOTE_WORDS = {
    3: "Note: Amounts are in thousands of yen.",
    6: "Note: Amounts are in millions of yen.",
    9: "Note: Amounts are in billions of yen.",
}
UNIT_TITLE_WORDS = {
    3: (" (in thousands of yen)", " (\u00a5 thousand)", ", JPY thousands"),
    6: (" (in millions of yen)", " (\u00a5 million)", ", JPY million", " (JPY mn)"),
    9: (" (in billions of yen)", " (\u00a5 billion)", ", JPY billion"),
}
# a free-standing unit line of the source ("Unit: JPY million", "(JPY million)" in a title)
UNIT_LINE_RE = re.compile(r"Unit: JPY (?P<w>million|billion)|\(JPY (?P<w2>million|billion)\)")
NOT_AMOUNT_ROW_RE = re.compile(
    r"per [Ss]hare|[Rr]atio|%|[Nn]umber|[Ee]mployee|[Ss]hares\b|[Cc]ontracts|ATMs|Gbps|[Rr]ate\b",
)
CHANGE_HEAD_RE = re.compile(r"YoY|Yoy|QoQ|[Cc]hange|[Ii]ncrease|[Dd]ifference")


def unit_of(text: str) -> tuple[str, int] | None:
    t = " ".join(text.split())
    for rx, u in UNIT_CELL_RES:
        if rx.match(t):
            return u
    return None


def table_units(tab: list[Item]) -> tuple[Item, list[tuple[str, int] | None]] | None:
    """The heading line naming each column's unit, and the unit of each of the n columns
    (None: not named), when the columns' places are proven: the unit line has a cell for
    every column, or it is one unit over the first k period columns of a proven table."""
    rows = [it for it in tab if it.kind == "row"]
    if not rows:
        return None
    n = len(rows[0].cells)
    if any(len(r.cells) != n for r in rows):
        return None
    for h in tab:
        if h.kind != "head" or not h.cells:
            continue
        units = [None if c.blank else unit_of(c.text) for c in h.cells]
        named = [u for c, u in zip(h.cells, units, strict=True) if not c.blank]
        if not named or any(u is None for u in named):
            continue
        if len(h.cells) == n:
            return h, units
        pb = period_block(tab)
        if (pb is not None and len(set(named)) == 1 and len(h.cells) == len(named)
                and len(named) <= pb[1]):
            return h, units + [None] * (n - len(units))
    return None


def clean_amount(text: str) -> Decimal | None:
    """The value of an integer amount printed plainly ("47,207", "(301)", "-12"); a dash is
    0; None for anything else (decimals, a damaged grouping "7277", a unit)."""
    v = cell_value(text)
    if v is None or v[1] != 0 or v[3] or (abs(v[0]) >= 1000 and not v[2]):
        return None
    return v[0]


def scale_cell(text: str, shift: int) -> str:
    """An integer amount printed in a unit 10**shift times smaller (shift 3: ",000" appended)
    or larger (shift -3: three decimals); the value does not change."""
    t = text.strip()
    if t in DASHES:
        return text
    v = clean_amount(t)
    assert v is not None
    if shift > 0:
        return text.replace(t, fmt_amount(v * 10**shift, 0, True, ""))
    return text.replace(t, fmt_amount(v / 10 ** (-shift), -shift, True, ""))


def title_item(items: list[Item], first: int) -> Item | None:
    """The table's title: a short text line just above it (a blank line between at most)."""
    k = first - 1
    if k >= 0 and not items[k].raw.strip():
        k -= 1
    if k < 0:
        return None
    it = items[k]
    s = it.raw.strip()
    if (it.kind != "text" or it.table is not None or not s or len(s) > 70 or s.endswith(".")
            or s.endswith(":") or UNIT_LINE_RE.search(s) or not re.search(r"[A-Za-z]{3}", s)
            or re.search(r"million|thousand|billion|JPY|[Yy]en", s)):
        return None
    return it


Scaled = list[tuple[int, str, str, int]]


def adv_unitscale(items: list[Item], rng: random.Random
                  ) -> tuple[dict[int, list[str]], dict[int, list[str]], Scaled]:
    """Each proven table's amounts printed in another unit of yen, the digits moved so that
    the value stays (millions as thousands with ",000", thousands as yen, millions as
    billions with three decimals), or in the same unit worded otherwise, perhaps not in
    the heading but above the table, in a note under it or in its title. Per-share, %, USD
    and count columns keep their unit and digits. Returns the lines to print above and
    under each table and every cell changed (source line, old text, new text, the power of
    ten of the source's unit)."""
    above: dict[int, list[str]] = {}
    below: dict[int, list[str]] = {}
    changed: Scaled = []
    for tid, tab in adv_tables(items).items():
        tu = table_units(tab)
        if tu is None:
            continue
        uh, units = tu
        scales = {u[1] for u in units if u is not None and u[0] == "JPY" and u[1] in (3, 6, 9)}
        if len(scales) != 1:
            continue
        src = scales.pop()
        cols = [i for i, u in enumerate(units) if u == ("JPY", src)]
        rows = [it for it in tab if it.kind == "row"]
        scalable = src in (3, 6) and all(
            all(clean_amount(r.cells[i].text) is not None for i in cols if not r.cells[i].blank)
            for r in rows) and not any(NOT_AMOUNT_ROW_RE.search(r.label) for r in rows)
        if scalable:
            dst = rng.choice([src, src - 3, src - 3, 9] if src == 6 else [src, src - 3, src - 3])
        else:
            dst = src
        if dst != src:
            for r in rows:
                for i in cols:
                    c = r.cells[i]
                    if c.blank:
                        continue
                    old = c.text.strip()
                    c.text = scale_cell(c.text, src - dst)
                    changed.append((r.orig, old, c.text.strip(), src))
        # where the unit is said: in the heading cells, or (a heading of that unit alone)
        # above the table, in a note under it, or in its title
        alone = all(u == ("JPY", src) for c, u in zip(uh.cells, units, strict=False)
                    if not c.blank) and dst != 0
        where = rng.choice(["cells", "cells", "above", "below", "title"] if alone else ["cells"])
        first = items.index(tab[0])
        title = title_item(items, first) if where == "title" else None
        if where == "title" and title is None:
            where = "above"
        if where == "cells":
            word = rng.choice(UNIT_CELL_WORDS[dst])
            for c, u in zip(uh.cells, units, strict=False):
                if u == ("JPY", src):
                    c.text = c.text.replace(c.text.strip(), word)
            continue
        items.remove(uh)
        if where == "above":
            above.setdefault(tid, []).append(rng.choice(UNIT_ALONE_WORDS[dst]))
        elif where == "below":
            below.setdefault(tid, []).append(UNIT_NOTE_WORDS[dst])
        elif title is not None:
            title.raw = title.raw.rstrip() + rng.choice(UNIT_TITLE_WORDS[dst])
    # free-standing unit lines ("Unit: JPY million", "(JPY million)") worded otherwise; the
    # table right under one (within 8 lines, all its cells plain integer amounts) perhaps
    # printed in thousands of yen, the line saying so
    for idx, it in enumerate(items):
        m = UNIT_LINE_RE.search(it.raw) if it.kind == "text" else None
        if m is None:
            continue
        p = 6 if (m["w"] or m["w2"]) == "million" else 9
        # the line's reach: up to the next unit line; scaled only if one table is in it
        end = next((j for j in range(idx + 1, len(items)) if items[j].kind == "text"
                    and UNIT_LINE_RE.search(items[j].raw)), len(items))
        reach = {items[j].table for j in range(idx + 1, end) if items[j].table is not None}
        tab = next((items[j] for j in range(idx + 1, min(idx + 9, len(items)))
                    if items[j].table is not None), None)
        rows = [r for r in items if tab is not None and r.table == tab.table
                and r.kind == "row"]
        dst = p
        if (p == 6 and rows and rows[0].orig - it.orig <= 8 and len(reach) == 1
                and not any(NOT_AMOUNT_ROW_RE.search(r.label) for r in rows)
                and all(c.blank or clean_amount(c.text) is not None for r in rows
                        for c in r.cells) and rng.random() < 0.6):
            dst = 3
            for r in rows:
                for c in r.cells:
                    if not c.blank:
                        old = c.text.strip()
                        c.text = scale_cell(c.text, 3)
                        changed.append((r.orig, old, c.text.strip(), 6))
        words = UNIT_ALONE_WORDS[dst]
        if m["w2"]:  # in a title: in parentheses
            words = tuple(w for w in words if w.startswith("("))
        it.raw = it.raw.replace(m.group(), rng.choice(words))
    return above, below, changed


def add_unit_lines(out: list[Out], above: dict[int, list[str]], below: dict[int, list[str]]
                   ) -> list[Out]:
    first: dict[int, int] = {}
    for i, o in enumerate(out):
        if o.table is not None and o.table not in first:
            first[o.table] = i
    res: list[Out] = []
    for i, o in enumerate(out):
        if o.table is not None and first.get(o.table) == i and above.get(o.table):
            res.extend(Out(t, None) for t in above[o.table])
        res.append(o)
    return add_footnote_lines(res, below)


def unitscale_changes(text: str, seed: int, name: str) -> Scaled:
    """The cells ``retypeset(text, "unitscale", seed, name)`` prints in another unit."""
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return adv_unitscale(parse(lines), random.Random(f"adv|{name}|unitscale|{seed}"))[2]


TRIANGLES = ("\u25b3", "\u25b2")
MARKS = ("*", "(a)", " (a)", "*1", " *", " (1)", "\u203b1")


def change_cell(text: str, rng: random.Random, form: int, pct: bool) -> str:
    """A change cell ("6.2", "(4.7)", "12.3%") worded as releases do: "+6.2%", "up 6.2%",
    "6.2% up", "down 4.7%", "\u25b34.7%"; perhaps "N.M." or "n/a" (not meaningful).  An
    amount change (``pct`` false: "(7)", "11,945") gets only a sign: "-7", "+11,945", "\u25b37"."""
    t = text.strip()
    m = re.fullmatch(r"(?P<o>\()?(?P<s>[-+])?(?P<n>\d[\d,]*(?:\.\d+)?)(?P<p>%?)(?(o)\))", t)
    if t in DASHES:
        return text.replace(t, rng.choice(["n/a", "N.M.", "\u2014"]))
    if not m:
        return text
    neg = bool(m["o"]) or m["s"] == "-"
    n = m["n"]
    if rng.random() < 0.12:
        return text.replace(t, rng.choice(["n/a", "N.M.", "n.m."]))
    if not pct:
        out = (rng.choice(["-", "\u25b3", "\u25b2"]) if neg else "+") + n
    elif neg:
        out = [f"-{n}%", f"down {n}%", f"{n}% down", f"\u25b3{n}%"][form]
    else:
        out = [f"+{n}%", f"up {n}%", f"{n}% up", f"{n}%"][form]
    return text.replace(t, out)


def adv_cellmarks(items: list[Item], rng: random.Random) -> dict[int, list[str]]:
    """Decorations on the cells of proven tables: currency signs on some cells only
    ("\u00a547,207", "JPY 1,361", "$612.8", "US$17.7"), unit words inside cells ("47,207
    million", "1,500 yen"), triangle negatives beside parenthesised ones in one table,
    change cells as "+12.3%" / "up 12.3%" / "12.3% up" / "down 3.6%" (or "n/a", "N.M."),
    dash cells as "\u2014", and "*" / "(a)" after some figures (their notes under the table,
    on new lines).  The value of every amount stays: a sign or a word never restates the
    column's scale."""
    notes: dict[int, list[str]] = {}
    yen = rng.choice(["\u00a5", "JPY ", "\u00a5 ", "\uffe5"])
    usd = rng.choice(["$", "US$", "US$ "])
    for tid, tab in adv_tables(items).items():
        rows = [it for it in tab if it.kind == "row"]
        if not rows:
            continue
        n = len(rows[0].cells)
        tu = table_units(tab)
        units: list[tuple[str, int] | None] = tu[1] if tu else [None] * n
        change_cols: set[int] = set()
        pb = period_block(tab)
        if pb is not None:
            prim = pb[0]
            change_cols = {i for i, c in enumerate(prim.cells)
                           if i >= pb[1] and CHANGE_HEAD_RE.search(c.text)}
            if tu is not None:
                change_cols = {i for i in change_cols if units[i] in (None, ("%", 0))}
        # a "%" column right after an amount column (TSE form: "JPY millions % JPY millions
        # %", the % a YoY change)
        yoy = {i for i in range(1, n) if units[i] == ("%", 0) and units[i - 1] is not None
               and units[i - 1][0] == "JPY" and units[i - 1][1] > 0}
        if len(yoy) >= 2:  # alternating; one % column may be a ratio (equity to assets)
            change_cols |= yoy
        # a % change column: "%" in its heading or unit, or every cell one decimal
        pct_cols = {i for i in change_cols
                    if "%" in pb[0].cells[i].text or units[i] == ("%", 0)
                    or all(re.fullmatch(r"\(?-?\d+\.\d\)?|[-\u2014\u2013]+",
                                        r.cells[i].text.strip()) for r in rows)} if pb else set()
        pct_cols |= {i for i in change_cols if units[i] == ("%", 0)}
        form = rng.randrange(4)
        sign_p = rng.choice([0.15, 0.3, 0.5])
        word_p = rng.choice([0.0, 0.2, 0.4])
        tri = rng.random() < 0.6
        mark = rng.choice(MARKS)
        for r in rows:
            if len(r.cells) != n:
                continue
            per_share = bool(re.search(r"per [Ss]hare", r.label))
            for i, c in enumerate(r.cells):
                if c.blank:
                    continue
                t = c.text.strip()
                u = units[i]
                if i in change_cols:
                    c.text = change_cell(c.text, rng, form, i in pct_cols)
                    continue
                if t in DASHES:
                    if rng.random() < 0.3:
                        c.text = c.text.replace(t, "\u2014")
                    continue
                v = cell_value(t)
                if v is None:
                    continue
                new = t
                neg = v[0] < 0
                body = t.strip("()-").strip()
                if u is not None and u[0] == "JPY" and rng.random() < sign_p:
                    new = f"({yen}{body})" if t.startswith("(") else yen + t
                elif u is not None and u[0] == "USD" and rng.random() < sign_p:
                    new = f"({usd}{body})" if t.startswith("(") else usd + t
                if neg and tri and t.startswith("(") and rng.random() < 0.5:
                    new = rng.choice(TRIANGLES) + new.strip("()")
                if (u is not None and u[0] == "JPY" and rng.random() < word_p
                        and not per_share and u[1] in (6, 9)):
                    new += " million" if u[1] == 6 else " billion"
                elif u == ("JPY", 0) and rng.random() < word_p and not neg:
                    new += " yen"
                if rng.random() < 0.05 and not new.endswith(("million", "billion", "yen")):
                    new += mark
                    note = f"{mark.strip()} Preliminary figure."
                    if note not in notes.setdefault(tid, []):
                        notes[tid].append(note)
                c.text = c.text.replace(t, new)
    return notes
# ocrdigits: a scan's damage to the digits, commas and signs of figures


@dataclass(frozen=True)
class Damage:
    line: int  # the sample's (source) line
    cell: int  # index of the cell in the row as parsed
    before: str  # the cell's text as the sample prints it (stripped)
    after: str  # as damaged
    kind: str  # letter, digit, comma, space, sign, drop, double


OCR_LETTERS = {"0": "OoD", "1": "lIi", "5": "S", "8": "B", "2": "Z", "6": "G"}
OCR_DIGITS = {"3": "8", "8": "360", "1": "7", "7": "1", "5": "6", "6": "58", "0": "8"}
FIG_SPAN_RE = re.compile(r"\d(?:[\d,]*\d)?(?:\.\d+)?")
NEG_CELL_RE = re.compile(r"^(?P<pre>[^\d(\-\u2212\u25b3\u25b2]*)(?:\((?P<pn>[^()]*\d[^()]*)\)"
                         r"|[\-\u2212\u25b3\u25b2](?P<sn>.*\d.*))$")


def damage_figure(rng: random.Random, text: str) -> tuple[str, str] | None:
    """``text`` (a figure cell, stripped) as a scan may have damaged it, and the kind of
    damage; None when the drawn kind does not apply and no other did either."""
    m = FIG_SPAN_RE.search(text)
    if not m:
        return None
    a, b = m.span()
    num = text[a:b]
    pre, post = text[:a], text[b:]
    digits = [i for i, ch in enumerate(num) if ch.isdigit()]
    neg = NEG_CELL_RE.match(text)
    kinds = ["letter"] * 30 + ["digit"] * 20 + ["drop"] * 10 + ["double"] * 8
    if "," in num:
        kinds += ["comma"] * 14 + ["space"] * 8
    elif len(digits) >= 2:
        kinds += ["space"] * 3
    if neg:
        kinds += ["sign"] * 40
    rng.shuffle(kinds)
    for kind in dict.fromkeys(kinds):  # each kind once, in the drawn order
        new = None
        if kind == "letter":
            cands = [i for i in digits if num[i] in OCR_LETTERS]
            if cands:
                i = rng.choice(cands)
                new = num[:i] + rng.choice(OCR_LETTERS[num[i]]) + num[i + 1:]
        elif kind == "digit":
            cands = [i for i in digits if num[i] in OCR_DIGITS]
            if cands:
                i = rng.choice(cands)
                subs = [d for d in OCR_DIGITS[num[i]] if not (d == "0" and i == 0)]
                if subs:
                    new = num[:i] + rng.choice(subs) + num[i + 1:]
        elif kind == "comma":
            commas = [i for i, ch in enumerate(num) if ch == ","]
            i = rng.choice(commas)
            new = num[:i] + rng.choice([".", "", ",,", ".", ";"]) + num[i + 1:]
        elif kind == "space":
            commas = [i for i, ch in enumerate(num) if ch == ","]
            if commas and rng.random() < 0.5:
                i = rng.choice(commas)
                new = num[:i + 1] + " " + num[i + 1:]
            else:
                inner = [i for i in digits[1:] if num[i - 1].isdigit()]
                if inner:
                    i = rng.choice(inner)
                    new = num[:i] + " " + num[i:]
        elif kind == "drop" and len(digits) >= 2:
            i = rng.choice(digits)
            new = num[:i] + num[i + 1:]
            if new.startswith((",", ".")) or (new.startswith("0") and len(new) > 1
                                               and new[1].isdigit()):
                new = None
        elif kind == "double":
            i = rng.choice(digits)
            new = num[:i] + num[i] + num[i:]
        elif kind == "sign" and neg:
            if neg.group("pn") is not None:
                head, body = neg.group("pre"), neg.group("pn")
                new_text = head + rng.choice(["(" + body, body + ")", body, body + " )"])
            else:
                new_text = neg.group("pre") + neg.group("sn")
            if new_text != text:
                return new_text, kind
            continue
        if new is not None and new != num:
            return pre + new + post, kind
    return None


def ocr_flow(it: Item, rng: random.Random, rate: float) -> list[Damage]:
    """Damage the figures of a run-on line (not a year, nor a date's day, nor a text it
    prints twice); the Damage's cell is the figure's place among the line's figures."""
    toks = list(FLOW_NUM_RE.finditer(it.raw))
    texts = Counter(m.group().strip() for m in toks)
    out: list[Damage] = []
    pieces: list[str] = []
    prev = 0
    for k, m in enumerate(toks):
        t = m.group().strip()
        before, after_text = it.raw[max(0, m.start() - 12):m.start()], it.raw[m.end():m.end() + 7]
        if (texts[t] > 1 or re.fullmatch(r"(?:19|20)\d\d", t) or re.search(MONTH + r" ?$", before)
                or re.match(r", (?:19|20)\d\d", after_text) or rng.random() >= rate):
            continue
        got = damage_figure(rng, t)
        if got is None:
            continue
        pieces.append(it.raw[prev:m.start()] + m.group().replace(t, got[0], 1))
        prev = m.end()
        out.append(Damage(it.orig, k, t, got[0], got[1]))
    it.raw = "".join(pieces) + it.raw[prev:]
    return out


def adv_ocrdigits(items: list[Item], rng: random.Random) -> list[Damage]:
    """Damage a seeded 3-8% of the figure cells of table rows; what was damaged."""
    rate = rng.uniform(0.03, 0.08)
    damaged: list[Damage] = []
    for it in items:
        if it.kind == "flow":  # a table run on in one paragraph line (sample 003)
            damaged += ocr_flow(it, rng, rate)
            continue
        if it.kind != "row":
            continue
        texts = Counter(c.text.strip() for c in it.cells)
        for k, c in enumerate(it.cells):
            t = c.text.strip()
            if c.blank or t in DASHES or not re.search(r"\d", t) or texts[t] > 1:
                continue
            if rng.random() >= rate:
                continue
            got = damage_figure(rng, t)
            if got is None:
                continue
            after, kind = got
            c.text = c.text.replace(t, after, 1)
            damaged.append(Damage(it.orig, k, t, after, kind))
    return damaged


# ---------------------------------------------------------------------------------------------
# Driver


# each modifier style and the Config flag it sets
MODIFIER_FLAGS = {"pagefurniture": "furniture", "ocrnoise": "ocr", "negatives": "negatives",
                  "separators": "separators", "wrapped": "wrapped", "fullwidth": "fullwidth"}


def make_config(styles: list[str], rng: random.Random) -> Config:
    cfg = Config()
    for s in styles:
        if s in LAYOUTS:
            cfg.layout = s
        elif s in MODIFIER_FLAGS:
            setattr(cfg, MODIFIER_FLAGS[s], True)
        elif s in ADVERSARY_STYLES:
            setattr(cfg, s, True)
    cfg.neg_fmt = rng.choice(["-{n}", "\u2212{n}", "\u25b3{n}", "\u25b2{n}", "{n}-", "({n} )"])
    cfg.dash = rng.choice(["\u2014", "\u2013", "--", "nil", "-"])
    wide_gaps = cfg.layout in ("ragged2", "rightaligned", "pipes")
    seps = ["", "\u2009", "\u202f", "'"] + ([" "] if wide_gaps else [])
    cfg.sep = rng.choice(seps)
    cfg.currency = rng.choice(["", "\u00a5", "JPY "])
    cfg.fw_dot = rng.random() < 0.5
    return cfg


def choose_styles(style: str, rng: random.Random) -> list[str]:
    if style != "mixed":
        return [style]
    k = rng.choice([3, 4])
    pool = list(MODIFIERS)
    chosen: list[str] = []
    if rng.random() < 0.75:
        chosen.append(rng.choice(LAYOUTS))
    while len(chosen) < k:
        s = rng.choice(pool)
        pool.remove(s)
        chosen.append(s)
    return chosen


def retypeset(
    text: str, style: str, seed: int, name: str = ""
) -> tuple[str, dict[str, int], list[str]]:
    """The release printed again in ``style``: its text, the line map (new line -> source
    line, keys as strings) and the styles applied."""
    printed, linemap, styles, _ = retypeset_damage(text, style, seed, name)
    return printed, linemap, styles


def retypeset_damage(
    text: str, style: str, seed: int, name: str = ""
) -> tuple[str, dict[str, int], list[str], list[Damage]]:
    """``retypeset``'s three outputs and the figures the ``ocrdigits`` style damaged (empty
    for every other style)."""
    rng = random.Random(f"{name}|{style}|{seed}")
    styles = choose_styles(style, rng)
    cfg = make_config(styles, rng)
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    items = parse(lines)
    arng = random.Random(f"adv|{name}|{style}|{seed}")
    if cfg.extracol:
        adv_extracol(items, arng)
    if cfg.swapcols:
        adv_swapcols(items, arng)
    if cfg.periodwords:
        adv_periodwords(items, arng)
    notes = adv_footnotes(items, arng) if cfg.footnotes else {}
    above: dict[int, list[str]] = {}
    if cfg.unitscale:
        above, notes, _ = adv_unitscale(items, arng)
    if cfg.cellmarks:
        notes = adv_cellmarks(items, arng)
    damaged = adv_ocrdigits(items, arng) if cfg.ocrdigits else []
    apply_tokens(items, cfg, random.Random(f"tok|{name}|{style}|{seed}"))
    r = Renderer(items, cfg, random.Random(f"lay|{name}|{style}|{seed}"))
    r.cfg_box = rng.random() < 0.5
    r.wrap_pipe = True
    out = r.run()
    if above:
        out = add_unit_lines(out, above, notes)
    elif notes:
        out = add_footnote_lines(out, notes)
    if cfg.ocr:
        srng = random.Random(f"stray|{name}|{style}|{seed}")
        for o in out:
            if o.orig is not None:
                o.text = stray(srng, o.text, 0.04)
    if cfg.furniture:
        title = next((ln.strip() for ln in lines if len(ln.strip()) > 15), "Results")[:90]
        date_m = re.search(MONTH + r" \d{1,2}, \d{4}|\d{4}\.\d{1,2}\.\d{1,2}", text)
        out = add_furniture(
            out,
            random.Random(f"pg|{name}|{style}|{seed}"),
            title,
            r.table_heads,
            date_m.group() if date_m else "",
        )
    linemap = {str(i): o.orig for i, o in enumerate(out, 1) if o.orig is not None}
    return "\n".join(o.text for o in out) + "\n", linemap, styles, damaged


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Re-typeset a plain-text results release.")
    ap.add_argument("sample", nargs="?")
    ap.add_argument("--style", choices=sorted(STYLES))
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("-o", "--output")
    ap.add_argument("--list-styles", action="store_true")
    a = ap.parse_args(argv)
    if a.list_styles:
        for k, v in STYLES.items():
            print(f"{k:14s} {v}")
        return 0
    if not (a.sample and a.style and a.output):
        ap.error("SAMPLE, --style and -o are required")
    src = Path(a.sample)
    text = src.read_text(encoding="utf-8")
    out_text, linemap, styles = retypeset(text, a.style, a.seed, src.name)
    outp = Path(a.output)
    outp.write_text(out_text, encoding="utf-8")
    Path(str(outp) + ".linemap.json").write_text(
        json.dumps(linemap, indent=0) + "\n", encoding="utf-8"
    )
    if a.style == "mixed":
        print(f"{outp}: mixed = {'+'.join(styles)}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
