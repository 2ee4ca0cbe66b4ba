"""Tables printed one row per period (TSE summary forms, targets, dividends): the items are the
columns, named in one joined header ("Total Revenues Operating Income ... (JPY millions)"), and
each row names its period (``Row.period``, read by the layout reader).

The joined header is split into the network's known wordings by dynamic programming over its
words: the split covering most words with fewest items wins, so "Shareholders' Equity" and
"Shareholders' Equity as a percentage of Total Assets" are told apart by what follows.
"""

from __future__ import annotations

import re
from functools import cache

from generator.extract.layout import Column, Table
from generator.taxonomy.aliases import AliasIndex, NetworkAliases

VALUE_ROLES = ("value", "translation")
_UNIT_NOTE = re.compile(r"\s*\([^()]*\)\s*$")
MAX_ITEM_WORDS = 16


def is_transposed(table: Table) -> bool:
    """Rows carry periods and the figure columns do not."""
    figures = [c for c in table.columns if c.role in VALUE_ROLES]
    return bool(figures) and all(c.period is None for c in figures) and any(
        r.period is not None for r in table.rows
    )


def header_text(columns: tuple[Column, ...]) -> str:
    """The joined item header of the figure columns, without its trailing unit note."""
    for column in columns:
        if column.role in VALUE_ROLES and column.header:
            return _UNIT_NOTE.sub("", column.header).strip()
    return ""


def split_items(index: AliasIndex, network: NetworkAliases, text: str) -> list[str]:
    """The known wordings the header is made of, in order (unknown words are skipped)."""
    return split_header(index, network, text)[0]


def split_header(
    index: AliasIndex, network: NetworkAliases, text: str
) -> tuple[list[str], int]:
    """(known wordings in order, number of header words none of them covers)."""
    words = index.key(text).split()
    known = set(network.wordings)
    known.update(
        key for place in network.breakdown_places()
        for key in index.members.get(place.node.breakdown or "", {})
    )

    @cache
    def best(i: int) -> tuple[int, int, tuple[str, ...]]:
        """(uncovered words, items, items) for words[i:]."""
        if i == len(words):
            return (0, 0, ())
        skip = best(i + 1)
        choice = (skip[0] + 1, skip[1], skip[2])
        for j in range(i + 1, min(len(words), i + MAX_ITEM_WORDS) + 1):
            key = " ".join(words[i:j])
            if key in known:
                rest = best(j)
                option = (rest[0], rest[1] + 1, (key, *rest[2]))
                if option[:2] < choice[:2]:
                    choice = option
        return choice

    uncovered, _, items = best(0)
    return list(items), uncovered
