"""Memoising what the extractor derives from a taxonomy alone (its declared sums, breakdowns,
text concepts): a stream of releases asked it once per release, always with the same answer."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import TypeVar

from generator.model.taxonomy import Taxonomy

T = TypeVar("T")

#: Taxonomies remembered per function (a test suite loads a few; a run, one).
MAX_TAXONOMIES = 4


def per_taxonomy(derive: Callable[[Taxonomy], T]) -> Callable[[Taxonomy], T]:
    """``derive`` computed once per taxonomy object. The answer is shared: its callers only
    read it (tuples, or a dict no caller writes to; the alias indexes' dict is filled per
    company, each entry built once). The taxonomy is kept with its answer, so its ``id``
    cannot be reused by another taxonomy while remembered."""
    memo: dict[int, tuple[Taxonomy, T]] = {}

    @functools.wraps(derive)
    def derived(taxonomy: Taxonomy) -> T:
        found = memo.get(id(taxonomy))
        if found is not None and found[0] is taxonomy:
            return found[1]
        if len(memo) >= MAX_TAXONOMIES:
            memo.pop(next(iter(memo)))
        value = derive(taxonomy)
        memo[id(taxonomy)] = (taxonomy, value)
        return value

    return derived
