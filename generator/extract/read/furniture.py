"""Page furniture: what a page break prints between two halves of a table.

A page number ("- 8 -", "-1-", "- 8 - IIJ 1H FY2013"), a running footer repeated on every page
("IIJ 1H FY2013"), a running head printed at each break ("Internet Initiative Japan Inc.
March 31, 2014"), a "(Continued)" line. None of it is the release's content: found once, it is
skipped by every reader, so the table broken by the page joins up again — a "(Continued)" or a
running head read as the next table's title would make the rows after the break a table of
their own, read without the total above them (cost lines filed as revenue lines).
"""

from __future__ import annotations

import itertools
import re
from collections import Counter, defaultdict

from generator.extract.read.headers import header_coverage
from generator.extract.read.lines import squash_spaces
from generator.extract.read.segments import HEADER_COVERAGE

# "- 8 -", "-1-", "12", "Page 9 of 24", "p. 3"
_PAGE_NUMBER = re.compile(r"^\s*(?:[-–—]?\s*\d{1,3}\s*[-–—]?"
                          r"|(?:page|p\.)\s*\d{1,3}(?:\s*(?:of|/)\s*\d{1,3})?)\s*$", re.IGNORECASE)
_PAGE_FOOTER = re.compile(r"^\s*[-–—]\s*\d{1,3}\s*[-–—]\s+\S.{0,40}$")
# words, a gap of two spaces or more, a page's number: "Results For The Fis    3"
_NUMBERED_FOOTER = re.compile(r"^\s*([^\d\s].*\S)[ \t]{2,}(\d{1,3})\s*$")
_PERIODIC = re.compile(r"^(FY\d{2,4}|[1-4][HQ](\d{2})?|\d{4})$")
_CONTINUED = re.compile(r"[(\[]?\s*(?:continued|cont'?d\.?)\s*[)\]]?", re.IGNORECASE)
_SEPARATED_FIGURE = re.compile(r"\d,\d{3}")
# how far (in lines, blank ones counted) a running head stands from its page's number
_HEAD_REACH = 4
_HEAD_LENGTH = 80


def page_furniture(lines: list[str]) -> set[int]:
    """0-based indexes of the page furniture in ``lines``."""
    flats = [squash_spaces(t) for t in lines]  # each line squashed once
    counts = Counter(flat for flat in flats if 0 < len(flat) <= 30)
    drop: set[int] = set()
    numbered: set[int] = set()  # the lines that print a page's number, and only that
    for i, flat in enumerate(flats):
        if not flat:
            continue
        if _PAGE_NUMBER.match(flat) or _PAGE_FOOTER.match(flat):
            # a bare "12" is dropped too, but may be a figure a stacked layout printed alone
            # on its line: the lines beside it are no running heads for it
            (drop if flat.isdigit() else numbered).add(i)
        elif (counts[flat] >= 3 and _running_footer(flat)) or _CONTINUED.fullmatch(flat):
            drop.add(i)
    numbered |= _numbered_footers(lines, flats)
    drop |= numbered
    return drop | _running_heads(flats, drop, sorted(numbered))


def _numbered_footers(lines: list[str], flats: list[str]) -> set[int]:
    """A running footer ending in its page's number ("IIJ Announces First Six Months ...    3"):
    the same words on three lines or more, each ending in a number after a wide gap, the
    numbers going up a page or two at a time as the lines go down — as pages are numbered,
    and a row printed in several tables ("Total    123") is not."""
    numbered: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for i, line in enumerate(lines):
        match = _NUMBERED_FOOTER.match(line)
        if match is not None:
            numbered[flats[i][:-len(match.group(2))]].append((i, int(match.group(2))))
    return {i for places in numbered.values() if len(places) >= 3 and all(
                0 < b - a <= 2 for (_, a), (_, b) in itertools.pairwise(places))
            for i, _ in places}


def is_continued_marker(line: str) -> bool:
    """"(Continued)", "(cont'd)": the page says the table above goes on after the break."""
    return _CONTINUED.fullmatch(squash_spaces(line)) is not None


def _running_footer(flat: str) -> bool:
    """"IIJ 1H FY2013": a name and a period label, nothing tabular (a repeated column header
    such as "1Q08 2Q08 3Q08 4Q08 FY2008" is not furniture). OCR may read the name as digits
    ("113 1H FY2022" for "IIJ 1H FY2022"): a short word that is no period is the name."""
    words = flat.split()
    names = [w for w in words if not _PERIODIC.match(w) and (
        re.search(r"[A-Za-z]", w) or re.fullmatch(r"[0-9Il|]{2,4}", w))]
    return len(words) <= 5 and bool(names) and any(w.startswith("FY") for w in words) \
        and not _SEPARATED_FIGURE.search(flat)


def _running_heads(flats: list[str], furniture: set[int], numbers: list[int]) -> set[int]:
    """Lines printed alike beside at least half the page numbers (``numbers``, the lines that
    print one; two at least): the company's name, the document's date. The same words
    elsewhere (the name as the release's first line) are content. A line that reads as a
    column header is not one (a statement's header repeated at the top of each page it spans
    is its table's), nor one printing figures."""
    if len(numbers) < 2:
        return set()
    near = {j for i in numbers for j in range(i - _HEAD_REACH, i + _HEAD_REACH + 1)}
    places: dict[str, list[int]] = defaultdict(list)
    for i in sorted(near):
        if 0 <= i < len(flats) and i not in furniture and 0 < len(flats[i]) <= _HEAD_LENGTH:
            places[flats[i]].append(i)
    heads: set[int] = set()
    for flat, at in places.items():
        if len(at) >= max(2, len(numbers) // 2) and not _SEPARATED_FIGURE.search(flat) \
                and header_coverage(flat)[0] < HEADER_COVERAGE:
            heads.update(at)
    return heads
