"""Where one release ends and the next begins, in a text holding several back to back.

A huge input is almost always many releases (a year of them, a crawl) printed one after another.
Read as one document, every table of every release would be held at once and every figure
compared with its printings in other releases; read release by release, memory holds one
release and the checks that compare a figure with its other printings stay within it.

A release begins at its cover: a "For Immediate Release" line, a title that "Announces ...
Results", or a presentation title "FY2011/1Q-3Q ... Financial Results" — when its opening
(the next :data:`HEAD_LINES` non-blank lines) also names a kind of period and a fiscal year, as
every release's title does (:mod:`generator.extract.read.metadata`). Cover lines within one
opening belong to one release ("For Immediate Release" above its title). The blank lines and a
short line naming the company above a cover (a letterhead) go with the release they head. A text
with one cover, or none, is one release: it is read exactly as before. A cover line printed at
the top of every page (a presentation's running head "FY2011/1Q-3Q (cumulative) Consolidated
Financial Results") is no new release where it repeats the release's own cover line and the page
numbers around it go on ("- 5 -" above it, "- 6 -" below, or none on the last page), or where
it tops the next page too: a new release has a cover of its own, printed once, and numbers its
pages from the start again. Nor is a title that ends in its page's number ("IIJ Announces ...
Results For The Fis    3", a page's footer).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from generator.extract.read.metadata import KIND_PATTERNS, YEAR_PATTERNS

#: Non-blank lines of a release's opening: its title block (as ``metadata.head_lines``).
HEAD_LINES = 12
#: A release shorter than this (characters, blank space aside) is no release: a cover line
#: quoted near the end or the start of one.
MIN_RELEASE_CHARS = 2000
#: A letterhead line above a cover: short, and naming the company.
LETTERHEAD_CHARS = 60

#: How far (characters) above a cover line the last page's number is looked for.
PAGE_REACH = 8000
#: A running head tops its page: at most this many lines (a running foot, a date) stand
#: between the last page's number and it.
HEAD_AFTER_NUMBER = 3
# A page's number on a line of its own: "- 8 -", "-1-", "- 8 - IIJ 1H FY2013", "Page 9 of 24".
_PAGE_LINE = re.compile(
    r"^[ \t]*(?:[-–—][ \t]*(\d{1,3})[ \t]*[-–—](?:[ \t]+\S.{0,40})?"
    r"|(?:page|p\.)[ \t]*(\d{1,3})(?:[ \t]*(?:of|/)[ \t]*\d{1,3})?)[ \t]*$",
    re.MULTILINE | re.IGNORECASE)
# a title ending in a page's number after a wide gap: a page's running footer, no cover
_NUMBERED = re.compile(r".*\S[ \t]{2,}\d{1,3}[ \t]*$")
_KEYWORD = re.compile(r"announce|immediate|financial\s+results", re.I)
# such a footer, as a page's number: "IIJ Announces First Six Months ... For The Fis    3"
_TITLED_PAGE_LINE = re.compile(
    rf"^(?=[^\n]*(?:{_KEYWORD.pattern}))[^\n]*\S[ \t]{{2,}}(\d{{1,3}})[ \t]*$",
    re.MULTILINE | re.IGNORECASE)
_COVER = re.compile(
    r"\s*for\s+immediate\s+release\s*"
    r"|.*\bannounces?\b.{0,120}\bresults\b.*"
    r"|\s*FY\d{4}\S*\s.{0,80}\bfinancial\s+results\s*",
    re.I,
)


@dataclass(frozen=True)
class Span:
    """One release of the text: ``text[start:end]``, beginning on line ``first_line`` (1-based)."""

    start: int
    end: int
    first_line: int


def _line_at(text: str, pos: int) -> tuple[int, int]:
    """(start, end) of the line holding ``pos`` (end excludes the newline)."""
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    return start, len(text) if end < 0 else end


def _cover_lines(text: str) -> list[int]:
    """Start offsets of the lines that look like a release's cover, in order."""
    starts: list[int] = []
    for match in _KEYWORD.finditer(text):
        start, end = _line_at(text, match.start())
        if starts and starts[-1] == start:
            continue
        if _COVER.fullmatch(text, start, end) and not _NUMBERED.match(text, start, end):
            starts.append(start)
    return starts


def _head(text: str, start: int) -> tuple[str, int]:
    """The opening from ``start``: its first :data:`HEAD_LINES` non-blank lines joined, and
    the offset where it ends."""
    lines: list[str] = []
    pos = start
    while pos < len(text) and len(lines) < HEAD_LINES:
        end = text.find("\n", pos)
        end = len(text) if end < 0 else end
        line = text[pos:end].strip()
        if line:
            lines.append(line)
        pos = end + 1
    return " ".join(lines), pos


def _names_period(head: str) -> bool:
    return any(p.search(head) for p in KIND_PATTERNS.values()) and any(
        p.search(head) for p in YEAR_PATTERNS)


def _letterhead(line: str, names: Iterable[str]) -> bool:
    """A short line naming the company, or the start of its name ("Internet Initiative Japan")."""
    flat = " ".join(line.split()).lower()
    if not flat or len(flat) > LETTERHEAD_CHARS or any(ch.isdigit() for ch in flat):
        return False
    return any(flat in name.lower() or name.lower() in flat for name in names if len(name) > 2)


def _begin(text: str, cover: int, floor: int, names: tuple[str, ...]) -> int:
    """Where the release whose cover line starts at ``cover`` begins: back over blank lines
    and up to two letterhead lines above it, never before ``floor``."""
    begin = pos = cover
    letterheads = 0
    while pos > floor:
        end = pos - 1  # the newline that ends the line above
        start = max(text.rfind("\n", floor, end) + 1, floor)
        line = text[start:end]
        if not line.strip():
            pos = begin = start
            continue
        if letterheads < 2 and _letterhead(line, names):
            letterheads += 1
            pos = begin = start
            continue
        break
    return begin


def _page_number(match: re.Match[str]) -> int:
    return int(next(g for g in match.groups() if g))


def _page_lines(text: str, start: int, end: int) -> list[re.Match[str]]:
    """The lines printing a page's number in ``text[start:end]``, in order."""
    found = [*_PAGE_LINE.finditer(text, start, end), *_TITLED_PAGE_LINE.finditer(text, start, end)]
    return sorted(found, key=lambda m: m.start())


def _next_page_line(text: str, start: int) -> re.Match[str] | None:
    """The first line printing a page's number after ``start``, to the end of the text (none:
    the last page of the text's last numbered release)."""
    found = [m for m in (_PAGE_LINE.search(text, start), _TITLED_PAGE_LINE.search(text, start))
             if m is not None]
    return min(found, key=lambda m: m.start()) if found else None


def _atop_next_page(text: str, cover: int, title: str) -> bool:
    """Whether the cover line is printed again atop the next page (among the first lines
    after that page's number): a running head, though the release's own cover line is one a
    scan damaged ("For lmmediate Release")."""
    below = _next_page_line(text, cover)
    if below is None:
        return False
    pos, seen = below.end(), 0
    while seen <= HEAD_AFTER_NUMBER and pos < len(text):
        end = text.find("\n", pos + 1)
        end = len(text) if end < 0 else end
        line = " ".join(text[pos:end].split())
        if line:
            if line == title:
                return True
            seen += 1
        pos = end
    return False


def _lines_between(text: str, start: int, end: int) -> int:
    return sum(1 for line in text[start:end].splitlines() if line.strip())


def _pages_go_on(text: str, cover: int, floor: int) -> bool:
    """Whether the cover line tops a page whose number, above it (since ``floor``, the
    current release's start), is followed below it by a higher one, or by none to the end of
    the text (the last page): one release's pages."""
    numbered = _page_lines(text, max(floor, cover - PAGE_REACH), cover)
    if not numbered or _lines_between(text, numbered[-1].end(), cover) > HEAD_AFTER_NUMBER:
        return False  # not atop a page: the page's own text stands between
    below = _next_page_line(text, cover)
    return below is None or _page_number(below) > _page_number(numbered[-1])


def release_spans(text: str, company_names: Iterable[str] = ()) -> list[Span]:
    """The releases of ``text``, in order, covering all of it (one span when it is one
    release). ``company_names`` let a letterhead line above a cover go with its release."""
    names = tuple(company_names)
    begins = [0]
    head_end = 0
    titles: set[str] = set()  # the current release's cover lines, as printed
    for cover in _cover_lines(text):
        title = " ".join(text[slice(*_line_at(text, cover))].split())
        seen = title in titles
        titles.add(title)
        if cover < head_end:
            continue  # another cover line of the same opening
        head, end = _head(text, cover)
        if not _names_period(head):
            continue
        if _pages_go_on(text, cover, begins[-1]) and (
                seen or _atop_next_page(text, cover, title)):
            continue  # a running head: the release's own cover line, its pages going on
        head_end = end
        begin = _begin(text, cover, begins[-1], names)
        if len(text[begins[-1]:begin].strip()) >= MIN_RELEASE_CHARS:
            begins.append(begin)
            titles = {title}
    if len(begins) > 1 and len(text[begins[-1]:].strip()) < MIN_RELEASE_CHARS:
        begins.pop()  # a cover at the very end heads no release
    spans: list[Span] = []
    line = 1
    for start, end in zip(begins, [*begins[1:], len(text)], strict=True):
        spans.append(Span(start=start, end=end, first_line=line))
        line += text.count("\n", start, end)
    return spans


__all__ = ["HEAD_LINES", "MIN_RELEASE_CHARS", "Span", "release_spans"]
