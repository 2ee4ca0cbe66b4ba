"""Graph walks shared by the rule families: cycles among relationships (XBRL 2.1 arcroles'
cyclesAllowed, Dimensions' hypercube and domain graphs)."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Mapping
from typing import TypeVar

N = TypeVar("N", bound=Hashable)
E = TypeVar("E")


def closing_edge(edges: Mapping[N, Iterable[E]], target: Callable[[E], N]) -> E | None:
    """An edge that closes a directed cycle, if any (iterative depth-first search: deep
    taxonomies do not hit the recursion limit)."""
    state: dict[N, int] = {}  # 1: on the current path, 2: done
    for start in list(edges):
        if state.get(start):
            continue
        state[start] = 1
        stack = [(start, iter(edges.get(start, ())))]
        while stack:
            node, it = stack[-1]
            edge = next(it, None)
            if edge is None:
                state[node] = 2
                stack.pop()
                continue
            nxt = target(edge)
            if state.get(nxt) == 1:
                return edge
            if not state.get(nxt):
                state[nxt] = 1
                stack.append((nxt, iter(edges.get(nxt, ()))))
    return None
