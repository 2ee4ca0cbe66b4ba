"""A release printed more than once in the same file is extracted once.

Why: a file of releases back to back may hold the same release twice (a feed that resends, a
crawl that fetched a page twice). A release's extraction is a pure function of its text, how
the text was decoded and the taxonomy (one per run) — and of its name (``FILE#i``), which only
ever appears inside strings of the results (provenance, locations, messages). So a release
whose full text occurs again in the file is read once under a placeholder name,
:data:`PLACEHOLDER`, and each printing gets that extraction with the placeholder replaced by
its own name. The placeholder begins with a private-use character: a release whose text holds
that character is never shared, so every occurrence of the placeholder in the results is one
the extractor put there, and the replacement is exact.

Real batches seldom repeat a release: then nothing is shared and nothing is renamed (the file's
releases are counted by their text's hash before any is read).
"""

from __future__ import annotations

from collections import Counter, OrderedDict
from collections.abc import Iterable
from typing import TYPE_CHECKING

from pydantic_core import to_json

if TYPE_CHECKING:
    from generator.extract.pipeline import Extraction

#: The name a shared release is read under (never printed in a shared release's text).
PLACEHOLDER = "\ue000shared release\ue000"
#: Distinct shared releases remembered (least recently used dropped first): bounded memory.
REMEMBERED = 8

Key = tuple[str, "str | None"]


def repeated(texts: Iterable[str]) -> set[int]:
    """Hashes of the texts that occur more than once (a clash only costs a rename)."""
    counts = Counter(hash(text) for text in texts)
    return {h for h, n in counts.items() if n > 1}


def shared(text: str, repeats: set[int]) -> bool:
    """Whether this release is read once for all its printings."""
    return hash(text) in repeats and PLACEHOLDER[0] not in text


class Repeats:
    """The last :data:`REMEMBERED` shared releases' extractions, by (text, encoding)."""

    def __init__(self, size: int = REMEMBERED) -> None:
        self.size = size
        self._seen: OrderedDict[Key, Extraction] = OrderedDict()

    def get(self, text: str, encoding: str | None) -> Extraction | None:
        """The extraction (under :data:`PLACEHOLDER`) of this text, if remembered."""
        found = self._seen.get((text, encoding))
        if found is not None:
            self._seen.move_to_end((text, encoding))
        return found

    def put(self, text: str, encoding: str | None, extraction: Extraction) -> None:
        self._seen[(text, encoding)] = extraction
        self._seen.move_to_end((text, encoding))
        while len(self._seen) > self.size:
            self._seen.popitem(last=False)


def _json(text: str) -> str:
    """``text`` as it is written inside a JSON string by the models' serializer."""
    return to_json(text).decode()[1:-1]


def renamed(extraction: Extraction, name: str) -> Extraction:
    """``extraction`` (read under :data:`PLACEHOLDER`) as if read under ``name``: its JSON with
    the placeholder replaced, validated again (the same models, built by the same code)."""
    old, new = _json(PLACEHOLDER), _json(name)
    results = type(extraction.results).model_validate_json(
        extraction.results.model_dump_json().replace(old, new))
    coverage = type(extraction.coverage).model_validate_json(
        extraction.coverage.model_dump_json().replace(old, new))
    return type(extraction)(results=results, coverage=coverage)


__all__ = ["PLACEHOLDER", "REMEMBERED", "Repeats", "renamed", "repeated", "shared"]
