"""Tables printed one row per period (TSE summary forms, targets, dividends): the items are the
columns, named in one joined header ("Total Revenues Operating Income ... (JPY millions)"), and
each row names its period (``Row.period``, read by the layout reader).

The joined header is split into the network's known wordings by dynamic programming over its
words: the split covering most words with fewest items wins, so "Shareholders' Equity" and
"Shareholders' Equity as a percentage of Total Assets" are told apart by what follows.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import cache

from generator.extract.layout import Column, Table
from generator.extract.map_rows.stacked import split_stacked
from generator.taxonomy.aliases import MEMO_LIMIT, AliasIndex, NetworkAliases

VALUE_ROLES = ("value", "translation")
_UNIT_NOTE = re.compile(r"\s*\([^()]*\)\s*$")
MAX_ITEM_WORDS = 16
# how alike words before an item must be to the start of a longer wording ending in it
CONTESTED = 0.75


def is_transposed(table: Table) -> bool:
    """Rows carry periods and the figure columns do not."""
    figures = [c for c in table.columns if c.role in VALUE_ROLES]
    return bool(figures) and all(c.period is None for c in figures) and any(
        r.period is not None for r in table.rows
    )


def _item_header(column: Column) -> str:
    return _UNIT_NOTE.sub("", column.header).strip()


def header_text(columns: tuple[Column, ...]) -> str:
    """The item header of the figure columns, without unit notes (joined if per column)."""
    headers = [_item_header(c) for c in columns if c.role in VALUE_ROLES and c.header]
    if len(set(headers)) <= 1:
        return headers[0] if headers else ""
    return " | ".join(headers)


@dataclass(frozen=True)
class ColumnItems:
    """Item wording per figure column, header words left uncovered, the wordings found, and
    whether the columns' order was taken from the network (stacked boxes no line orders)."""

    by_column: dict[int, str]
    uncovered: int
    items: list[str]
    order_guessed: bool = False


def column_items(index: AliasIndex, network: NetworkAliases, table: Table,
                 *, ocr: bool = False) -> ColumnItems:
    """Items named over several printed lines are read as stacked boxes (:mod:`.stacked`)
    when that reading uses every printed word and the lines order every column, or when
    :func:`read_items` (the header and title read as one text) does not name every figure
    column; otherwise :func:`read_items`."""
    by_column, uncovered, items = read_items(index, network, table)
    figures = [i for i, c in enumerate(table.columns) if c.role in VALUE_ROLES]
    if len(table.item_lines) < 2:
        return ColumnItems(by_column, uncovered, items)
    ranks = _item_ranks(index, network)
    stacked = split_stacked(table.item_lines, ranks, len(figures), index.key, ocr=ocr)
    whole = stacked is not None and not stacked.guessed and not stacked.uncovered
    if stacked is None or (len(by_column) == len(figures) and not whole) or \
            _contradicted(index, network, table, dict(zip(figures, stacked.items, strict=True))):
        return ColumnItems(by_column, uncovered, items)
    return ColumnItems(dict(zip(figures, stacked.items, strict=True)), stacked.uncovered,
                       stacked.items, stacked.guessed)


def _contradicted(index: AliasIndex, network: NetworkAliases, table: Table,
                  stacked: dict[int, str]) -> bool:
    """A column's own header (one per column) names another line than the stacked reading
    gives it ("1Q-end 2Q-end<TAB><TAB>3Q-end", a tab lost between two boxes: four columns,
    five items, and the second column's header says "3Q-end" where the boxes read in order
    say "2Q-end"): the boxes' order was not read, so it places nothing. A header that is a
    part of its box ("Income Tax Expense" under "Income before") contradicts nothing."""
    headers = {i: index.key(_item_header(table.columns[i])) for i in stacked}
    if len(set(headers.values())) <= 1:
        return False  # one joined header on every column: nothing of a column's own

    def concepts(key: str) -> set[str]:
        return {c.ref.concept for c in network.candidates(key)}
    return any(
        (own := concepts(headers[i])) and f" {headers[i]} " not in f" {key} "
        and not own & concepts(key)
        for i, key in stacked.items())


def _item_ranks(index: AliasIndex, network: NetworkAliases) -> dict[str, int]:
    """Each item wording (not a heading) of the network: its concept's presentation rank."""
    order = {node.concept: rank for rank, node in enumerate(network.network.nodes())}
    out: dict[str, int] = {}
    for key, cands in network.wordings.items():
        ranks = [order.get(c.ref.concept, len(order)) for c in cands
                 if not _abstract(index, c.ref.concept)]
        if ranks:
            out[key] = min(ranks)
    return out


def read_items(
    index: AliasIndex, network: NetworkAliases, table: Table
) -> tuple[dict[int, str], int, list[str]]:
    """Item wording per figure column, header words left uncovered, and the wordings found.

    Readers give one header per column ("Total Revenues (JPY millions)"), or the same joined
    header on every column, or (run-on text) leave the item names in the table title. Each is
    tried in that order; the joined header and the title are split into the network's wordings.
    A joined header or title maps only when its wordings pair one to one with the figure
    columns; per-column headers map the columns they name. Words of the title that are no
    wordings do not count against it.
    """
    columns = table.columns
    figures = [i for i, c in enumerate(columns) if c.role in VALUE_ROLES]
    headers = [_item_header(columns[i]) for i in figures]
    best: tuple[dict[int, str], int, list[str]] = ({}, 0, [])
    if len(set(headers)) > 1:
        own = {i: h for i, h in zip(figures, headers, strict=True)
               if index.key(h) in network.wordings}
        known = list(own.values())
        if len(known) == len(headers):
            return own, 0, known
        best = (own, len(headers) - len(known), known)  # the columns whose header is known
    for text, counts in ((headers[0] if len(set(headers)) == 1 else "", True),
                         (table.title, False)):
        items, uncovered = split_header(index, network, text)
        if len(items) == len(figures) and items:
            return dict(zip(figures, items, strict=True)), uncovered if counts else 0, items
        if len(items) > len(best[2]):
            best = ({}, uncovered if counts else 0, items)
    return best


def split_items(index: AliasIndex, network: NetworkAliases, text: str) -> list[str]:
    """The known wordings the header is made of, in order (unknown words are skipped)."""
    return split_header(index, network, text)[0]


def split_header(
    index: AliasIndex, network: NetworkAliases, text: str
) -> tuple[list[str], int]:
    """(known item wordings in order, number of words no wording covers). Wordings that can
    name a heading (an abstract concept) cover their words but are no items."""
    spans, uncovered = split_wordings(index, network, text)
    return [key for key, heading in spans if not heading], uncovered


def split_wordings(
    index: AliasIndex, network: NetworkAliases, text: str, in_other_words: bool = False
) -> tuple[list[tuple[str, bool]], int]:
    """Split ``text`` into the network's wordings: [(key, can name a heading)], and the words
    after the first wording that none covers. The split covering most words with fewest
    wordings wins. (Memoised on the index: a joined header is split for every network.)
    ``in_other_words``: a run of words may also be a wording in other words ("NET EARNINGS
    PER SHARE" for the heading "Net income per share"), read as that wording."""
    memo = (network.network.id, text, in_other_words)
    found = index.splits.get(memo)
    if found is None:
        if len(index.splits) > MEMO_LIMIT:
            index.splits.clear()
        spans, uncovered = _split_wordings(index, network, text, in_other_words)
        found = index.splits[memo] = (tuple(spans), uncovered)
    return list(found[0]), found[1]


def known_wordings(index: AliasIndex, network: NetworkAliases) -> dict[str, bool]:
    """The network's wordings and breakdown members: can each name a heading (computed once
    per index and network)."""
    known = index.known_wordings.get(network.network.id)
    if known is None:
        known = {
            key: any(_abstract(index, c.ref.concept) for c in cands)
            for key, cands in network.wordings.items()
        }
        for place in network.breakdown_places():
            for key in index.members.get(place.node.breakdown or "", {}):
                known.setdefault(key, False)
        index.known_wordings[network.network.id] = known
    return known


def _known_joined(index: AliasIndex, network: NetworkAliases) -> dict[str, str]:
    """The network's wordings by their letters without spaces, where that names one wording
    only ("incomebeforeincometaxexpense"): a scan that splits a word ("Inc ome") or joins
    two still names it (computed once per index and network)."""
    found = index.known_joined.get(network.network.id)
    if found is None:
        by_letters: dict[str, set[str]] = {}
        for key in known_wordings(index, network):
            by_letters.setdefault(key.replace(" ", ""), set()).add(key)
        found = index.known_joined[network.network.id] = {
            letters: next(iter(keys)) for letters, keys in by_letters.items() if len(keys) == 1}
    return found


def _split_wordings(
    index: AliasIndex, network: NetworkAliases, text: str, in_other_words: bool
) -> tuple[list[tuple[str, bool]], int]:
    words = index.key(text).split()
    known = known_wordings(index, network)
    joined = _known_joined(index, network)

    def wording(key: str) -> str | None:
        if key in known:
            return key
        if " " in key and (whole := joined.get(key.replace(" ", ""))):
            return whole  # "Inc ome before Income Tax Expense": a scan split a word
        if not in_other_words or key[-1].isdigit():  # a number is no wording, in any words
            return None
        return (index.wording_meaning(network, key, has_values=False)
                or index.wording_meaning(network, key, has_values=True))

    @cache
    def best(i: int) -> tuple[int, int, tuple[tuple[int, int, str], ...]]:
        """(uncovered words, wordings, ((start, end, key), ...)) for words[i:]."""
        if i == len(words):
            return (0, 0, ())
        skip = best(i + 1)
        choice = (skip[0] + 1, skip[1], skip[2])
        for j in range(i + 1, min(len(words), i + MAX_ITEM_WORDS) + 1):
            key = wording(" ".join(words[i:j]))
            if key is not None:
                rest = best(j)
                option = (rest[0], rest[1] + 1, ((i, j, key), *rest[2]))
                if option[:2] < choice[:2]:
                    choice = option
        return choice

    uncovered, _, spans = best(0)
    leading = spans[0][0] if spans else 0  # a caption before the first item does not count
    out: list[tuple[str, bool]] = []
    end = leading
    for n, (start, stop, key) in enumerate(spans):
        upto = spans[n + 1][0] if n + 1 < len(spans) else len(words)
        if start > end and _contested(words[end:start], key, known):
            out.append((" ".join(words[end:stop]), False))  # as printed: names no wording
        elif upto > stop and _contested(words[stop:upto], key, known, before=False):
            out.append((" ".join(words[start:upto]), False))
            stop = upto  # the words after it are its own
        else:
            out.append((key, known[key]))
        end = stop
    return out, uncovered - leading


def _contested(printed: list[str], key: str, known: dict[str, bool], *, before: bool = True
               ) -> bool:
    """Words no wording covers, right before the wording ``key`` (or right after it), are
    much like the start (or the end) of a longer wording ending (or starting) with it:
    "Income beffore | Income Tax Expense (Benefit)" is likely "Income before Income Tax
    Expense (Benefit)" damaged, not income tax expense; "Net Income | Attributab1e to IIJ" net
    income attributable to the parent, not net income."""
    for wording in known:
        if wording == key or not (wording.endswith(" " + key) if before
                                  else wording.startswith(key + " ")):
            continue
        rest = (wording[:-len(key)] if before else wording[len(key):]).split()
        near = printed[-len(rest):] if before else printed[:len(rest)]
        if SequenceMatcher(None, " ".join(near), " ".join(rest)).ratio() >= CONTESTED:
            return True
    return False


def _abstract(index: AliasIndex, concept: str) -> bool:
    found = index.taxonomy.concepts.get(concept)
    return found is None or found.abstract
