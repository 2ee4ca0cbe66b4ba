"""Item headers stacked over several lines and read across: the scanned TSE summary form.

A TSE form names each item column in a box of one to four lines, vertically centred; a scan
read line by line interleaves the boxes ("Income before Income | Net Income attributable" /
"Total Revenues Operating Income" / "Tax Expense to IIJ"). No single line, nor their join,
reads as the items in order. Each item's wording is still there, its words in order, one run of
words per line it spans; and on any one line the runs stand in column order.

So the split looks for as many of the network's wordings as the table has figure columns,
each drawn from the lines that way, together using each printed word at most once and covering
as many as possible. The column order follows from the lines two items share; items that share
no line are ordered as the network presents them, and the split says so (``guessed``): their
figures are then placed by plausibility, and each needs evidence of its own before it is filed.
"""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher

Position = tuple[int, int]  # (line, word)
MAX_CANDIDATES = 24  # wordings whose words the lines print; more is no stacked header
MAX_EMBEDDINGS = 4_096  # ways to draw one wording from the lines, before the fewest-runs cut
MAX_PLACEMENTS = 64  # of those, the ones in fewest runs kept as candidates
MIN_FUZZY = 5  # an OCR-damaged word is matched only when this long ("Equit")
FUZZY_RATIO = 0.85


@dataclass(frozen=True)
class Placed:
    """A wording found in the lines: its words' positions, one run per line it spans."""

    key: str
    positions: frozenset[Position]
    runs: tuple[tuple[int, int, int], ...]  # (line, first word, last word)


@dataclass(frozen=True)
class StackedSplit:
    items: list[str]  # wordings in column order
    uncovered: int  # printed words no item uses
    guessed: bool  # some columns were ordered by the network, not by the lines


def same_word(printed: str, wording: str, ocr: bool) -> bool:
    if printed == wording:
        return True
    if not ocr or min(len(printed), len(wording)) < MIN_FUZZY:
        return False
    return SequenceMatcher(None, printed, wording).ratio() >= FUZZY_RATIO


def _extend(words: Sequence[str], k: int, printed: Sequence[str], p: int,
            ocr: bool) -> Iterator[tuple[int, int]]:
    """(next wording word, next printed word) after matching one or more words from
    ``words[k]`` on ``printed[p]``; in OCR a word may be printed split in two ("Sha reholders")."""
    if k >= len(words) or p >= len(printed):
        return
    steps = [p + 1] if same_word(printed[p], words[k], ocr) else []
    if ocr and p + 1 < len(printed) and printed[p].isalpha() and printed[p + 1].isalpha() \
            and same_word(printed[p] + printed[p + 1], words[k], ocr):
        steps.append(p + 2)
    for after in steps:
        yield k + 1, after
        yield from _extend(words, k + 1, printed, after, ocr)


def _embeddings(words: Sequence[str], lines: Sequence[Sequence[str]], ocr: bool,
                k: int = 0, first_line: int = 0) -> Iterator[tuple[tuple[int, int, int], ...]]:
    """Every way to draw ``words[k:]`` from the lines at or below ``first_line``: one run of
    consecutive printed words per line, lines top to bottom."""
    for line in range(first_line, len(lines)):
        for start in range(len(lines[line])):
            for k_after, p_after in _extend(words, k, lines[line], start, ocr):
                run = (line, start, p_after - 1)
                if k_after == len(words):
                    yield (run,)
                else:
                    for rest in _embeddings(words, lines, ocr, k_after, line + 1):
                        yield (run, *rest)


def _placements(key: str, lines: Sequence[Sequence[str]], ocr: bool) -> list[Placed]:
    """The wording's placements in the lines, those in fewest runs first."""
    found = sorted(itertools.islice(_embeddings(key.split(), lines, ocr), MAX_EMBEDDINGS),
                   key=lambda runs: (len(runs), runs))
    out: list[Placed] = []
    for runs in found[:MAX_PLACEMENTS]:
        positions = frozenset((line, w) for line, a, b in runs for w in range(a, b + 1))
        out.append(Placed(key, positions, runs))
    return out


def _order(chosen: Sequence[Placed], rank: dict[str, int]) -> tuple[list[Placed], bool] | None:
    """Column order from the lines the items share (None if they contradict), network order
    between items no line relates; and whether that was needed."""
    before: dict[int, set[int]] = {i: set() for i in range(len(chosen))}
    for i, j in itertools.permutations(range(len(chosen)), 2):
        for li, ai, _ in chosen[i].runs:
            for lj, aj, _ in chosen[j].runs:
                if li == lj and ai < aj:
                    before[j].add(i)
    order: list[int] = []
    guessed = False
    left = set(range(len(chosen)))
    while left:
        free = [i for i in left if not (before[i] & left)]
        if not free:
            return None  # the runs cross: not one column per item
        guessed = guessed or len(free) > 1  # no shared line orders these
        pick = min(free, key=lambda i: rank.get(chosen[i].key, len(rank)))
        order.append(pick)
        left.remove(pick)
    return [chosen[i] for i in order], guessed


def split_stacked(lines: Sequence[str], wordings: dict[str, int], columns: int,
                  key: Callable[[str], str], *, ocr: bool) -> StackedSplit | None:
    """The ``columns`` wordings the stacked item lines print, in column order; ``wordings``
    maps each of the network's item wordings to its presentation rank; ``key`` normalises a
    printed line as the alias index does."""
    words = [key(line).split() for line in lines]
    printed = Counter(w for line in words for w in line)
    candidates: list[Placed] = []
    for wording in wordings:
        need = Counter(wording.split())
        if ocr or all(printed[w] >= n for w, n in need.items()):
            candidates.extend(_placements(wording, words, ocr))
    if not candidates or len({c.key for c in candidates}) > MAX_CANDIDATES:
        return None
    total = sum(printed.values())
    best: tuple[tuple[int, int], StackedSplit] | None = None
    rival = False  # another reading scores as well and orders the items otherwise
    for chosen in _disjoint(candidates, columns):
        ordered = _order(chosen, wordings)
        if ordered is None:
            continue
        found = StackedSplit([c.key for c in ordered[0]],
                             total - sum(len(c.positions) for c in chosen), ordered[1])
        # fewest words left over, then fewest runs: a wording printed in one piece is likelier
        # than the same words gathered from several boxes. Two readings alike on both that
        # order the items differently leave the order in doubt, even when one of them leaves
        # no column unordered (the words themselves do not say which reading is printed).
        score = (found.uncovered, sum(len(c.runs) for c in chosen))
        if best is None or score < best[0] or (
                score == best[0] and best[1].guessed and not found.guessed):
            rival = best is not None and score == best[0] and found.items != best[1].items
            best = (score, found)
        elif score == best[0] and found.items != best[1].items:
            rival = True
    if best is None:
        return None
    found = best[1]
    return StackedSplit(found.items, found.uncovered, found.guessed or rival)


def _disjoint(candidates: Sequence[Placed], size: int) -> Iterator[tuple[Placed, ...]]:
    """Sets of ``size`` placements of distinct wordings that share no printed word."""
    budget = [20_000]  # a header is a few lines: a search this long is not one

    def grow(start: int, chosen: tuple[Placed, ...], used: frozenset[Position],
             keys: frozenset[str]) -> Iterator[tuple[Placed, ...]]:
        if len(chosen) == size:
            yield chosen
            return
        for i in range(start, len(candidates)):
            budget[0] -= 1
            if budget[0] < 0:
                return
            c = candidates[i]
            if c.key not in keys and not (used & c.positions):
                yield from grow(i + 1, (*chosen, c), used | c.positions, keys | {c.key})

    yield from grow(0, (), frozenset(), frozenset())
