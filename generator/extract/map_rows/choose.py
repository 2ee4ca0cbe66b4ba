"""Choose the network for a table: the reader's kind hint and the share of row labels the
network's wordings name (global aliases, row aliases, breakdown member aliases)."""

from __future__ import annotations

import re

from generator.extract.layout import Table
from generator.extract.map_rows.transposed import (
    column_items,
    is_transposed,
)
from generator.taxonomy.aliases import AliasIndex, NetworkAliases, label_prefixes

KIND_BONUS = 2


def _squash(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", text.lower())


def _names_row(index: AliasIndex, network: NetworkAliases, label: str) -> bool:
    if any(network.candidates(index.key(reading)) for reading in (label, *label_prefixes(label))):
        return True
    return any(
        index.member(place.node.breakdown or "", label) is not None
        for place in network.breakdown_places()
    )


def score(index: AliasIndex, network: NetworkAliases, table: Table) -> int:
    """Rows (with numbers) the network names, or for a one-row-per-period table the header
    items it names (double when they match the figure columns one to one), plus a bonus when
    the kind hint names the network."""
    if is_transposed(table):
        by_column, uncovered, items = column_items(index, network, table)
        hits = (2 * len(items) if by_column else len(items)) - uncovered
    else:
        hits = sum(
            1 for row in table.rows if any(c is not None for c in row.cells)
            and _names_row(index, network, row.label)
        )
    bonus = 0
    kind = _squash(table.kind or "")
    if kind and (kind in _squash(network.network.id) or kind in _squash(network.network.title)):
        bonus = KIND_BONUS
    return hits + bonus if hits else bonus


def choose_network(index: AliasIndex, table: Table) -> NetworkAliases | None:
    """Best-scoring network (ties: the earlier network); ``None`` if none names any row."""
    best: tuple[int, int] | None = None
    chosen: NetworkAliases | None = None
    for network in index.networks.values():
        value = score(index, network, table)
        if value <= 0:
            continue
        rank = (value, -network.network.order)
        if best is None or rank > best:
            best, chosen = rank, network
    return chosen
