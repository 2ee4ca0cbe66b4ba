"""A release printed again in the same file is extracted once.

Why: a file of releases back to back may hold the same release twice (a feed that resends, a
crawl that fetched a page twice); its extraction is a pure function of the release's text, how
the text was decoded and the taxonomy — and of its name (``FILE#i``), which only ever appears
as a string in the results (provenance, locations, messages). So a repeat is keyed by the full
text and its encoding (the taxonomy is one per run), and its results are the first printing's
with the first name replaced by its own in every string. When the first name also occurs in
the text (so a replacement could touch text read from the release), nothing is reused.

Real batches seldom repeat a release: this saves nothing there, and costs a dictionary lookup.
"""

from __future__ import annotations

from collections import OrderedDict
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from generator.extract.pipeline import Extraction

#: Distinct releases remembered (least recently used dropped first): memory stays bounded.
REMEMBERED = 8

Key = tuple[str, "str | None"]


class Repeats:
    """The last :data:`REMEMBERED` distinct releases' extractions, by (text, encoding)."""

    def __init__(self, size: int = REMEMBERED) -> None:
        self.size = size
        self._seen: OrderedDict[Key, tuple[str, Extraction]] = OrderedDict()

    def get(self, name: str, text: str, encoding: str | None) -> Extraction | None:
        """The extraction of this text read before, renamed ``name``; ``None`` if not known."""
        found = self._seen.get((text, encoding))
        if found is None:
            return None
        self._seen.move_to_end((text, encoding))
        first, extraction = found
        return extraction if first == name else renamed(extraction, first, name)

    def put(self, name: str, text: str, encoding: str | None, extraction: Extraction) -> None:
        """Remember ``extraction`` of ``text`` read as ``name`` (unless ``name`` is in the text:
        then renaming could not tell the name from the text)."""
        if name in text:
            return
        self._seen[(text, encoding)] = (name, extraction)
        self._seen.move_to_end((text, encoding))
        while len(self._seen) > self.size:
            self._seen.popitem(last=False)


def _replace(value: Any, old: str, new: str) -> Any:
    """``value`` (dumped model data) with ``old`` replaced by ``new`` in every string."""
    if isinstance(value, str):
        return value.replace(old, new) if old in value else value
    if isinstance(value, dict):
        return {_replace(k, old, new): _replace(v, old, new) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return type(value)(_replace(v, old, new) for v in value)
    return value


def renamed(extraction: Extraction, old: str, new: str) -> Extraction:
    """``extraction`` as if its release had been read under the name ``new``, not ``old``."""
    results = type(extraction.results).model_validate(
        _replace(extraction.results.model_dump(), old, new))
    coverage = type(extraction.coverage).model_validate(
        _replace(extraction.coverage.model_dump(), old, new))
    return type(extraction)(results=results, coverage=coverage)


__all__ = ["REMEMBERED", "Repeats", "renamed"]
