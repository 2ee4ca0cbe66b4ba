"""Choose the network for a table: the reader's kind hint and the share of row labels the
network's wordings name (global aliases, row aliases, breakdown member aliases)."""

from __future__ import annotations

import functools
import re
from collections import Counter
from typing import Literal

from generator.extract.layout import Table
from generator.extract.map_rows.transposed import (
    is_transposed,
    read_items,
)
from generator.taxonomy.aliases import MEMO_LIMIT, AliasIndex, NetworkAliases, label_prefixes

KIND_BONUS = 2
TITLE_BONUS = 1000  # the taxonomy names this table by its title: that decides


@functools.lru_cache(maxsize=1 << 12)  # network ids, titles and wordings, asked per table
def _squash(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", text.lower())


def _naming(index: AliasIndex, label: str) -> frozenset[str]:
    """The networks (ids) with a wording for the label, memoised on the index: every table
    asks it of every network, for each of its rows, and releases repeat their labels."""
    found = index.networks_naming.get(label)
    if found is None:
        if len(index.networks_naming) > MEMO_LIMIT:
            index.networks_naming.clear()
        # the label's readings and the axes it names a member of, found once for all networks
        readings = (label, *label_prefixes(label))
        keys = [index.key(reading) for reading in readings]
        axes = {axis for axis, _ in index.member_any(label)}
        found = frozenset(network_id for network_id, network in index.networks.items()
                          if _names(network, keys, axes))
        if not found and index.meanings:  # none names it as printed: in other words?
            found = frozenset().union(*(index.networks_meaning(r) for r in readings))
        index.networks_naming[label] = found
    return found


def _names(network: NetworkAliases, keys: list[str], axes: set[str]) -> bool:
    """Whether a reading of the label (its ``keys``) is a wording of the network, or the label
    names a member of one of ``axes`` that a breakdown of the network prints."""
    if any(network.candidates(key) for key in keys):
        return True
    return any(place.node.breakdown in axes for place in network.breakdown_places())


Mode = Literal["rows", "periods", "matrix"]


def row_labels(table: Table) -> tuple[str, ...]:
    """The labels of the rows that print a figure: what a network's wordings must name (found
    once per table, not once per network scored)."""
    return tuple(row.label for row in table.rows if any(c is not None for c in row.cells))


def _row_hits(index: AliasIndex, network: NetworkAliases, labels: tuple[str, ...]) -> int:
    return sum(1 for label in labels if network.network.id in _naming(index, label))


def _hits_per_network(index: AliasIndex, table: Table) -> Counter[str]:
    """:func:`_row_hits` of every network at once: one memo lookup per row, not per row and
    network."""
    return Counter(network_id for label in row_labels(table)
                   for network_id in _naming(index, label))


def score_mode(index: AliasIndex, network: NetworkAliases, table: Table,
               row_hits: int | None = None,
               transposed: bool | None = None) -> tuple[int, Mode]:
    """How well the network fits the table, and how the table reads.

    Rows name line items ("rows"); a table whose figure columns carry no period while its rows
    do is either one row per period with the items in the header ("periods") or a statement
    matrix whose rows are line items and columns components ("matrix"): whichever the
    network's wordings explain better. A kind hint naming the network adds a bonus.
    ``row_hits`` (the rows the network names) and ``transposed`` are given by a caller
    scoring every network, who has them already.
    """
    mode: Mode = "rows"
    if row_hits is None:
        row_hits = _row_hits(index, network, row_labels(table))
    if is_transposed(table) if transposed is None else transposed:
        by_column, uncovered, items = read_items(index, network, table)
        header_hits = (2 * len(items) if by_column else len(items)) - uncovered
        hits, mode = (row_hits, "matrix") if row_hits > header_hits else (header_hits, "periods")
    else:
        hits = row_hits
    bonus = 0
    kind = _squash(table.kind or "")
    if kind and (kind in _squash(network.network.id) or kind in _squash(network.network.title)):
        bonus = KIND_BONUS
    title = _squash(table.title)
    if any(_squash(wording) in title for wording in network.network.tables):
        bonus += TITLE_BONUS
    return (hits + bonus if hits else bonus), mode


def score(index: AliasIndex, network: NetworkAliases, table: Table) -> int:
    return score_mode(index, network, table)[0]


def choose_layout(index: AliasIndex, table: Table) -> tuple[NetworkAliases | None, Mode]:
    """Best-scoring network (ties: the earlier network) and the table's reading; no network
    if none names anything in the table."""
    best: tuple[int, int] | None = None
    transposed = is_transposed(table)
    hits = _hits_per_network(index, table)
    chosen: tuple[NetworkAliases | None, Mode] = (None, "periods" if transposed else "rows")
    for network in index.networks.values():
        value, mode = score_mode(index, network, table, hits[network.network.id], transposed)
        if value <= 0:
            continue
        rank = (value, -network.network.order)
        if best is None or rank > best:
            best, chosen = rank, (network, mode)
    return chosen


def choose_network(index: AliasIndex, table: Table) -> NetworkAliases | None:
    return choose_layout(index, table)[0]
