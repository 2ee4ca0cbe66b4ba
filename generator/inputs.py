"""One input of a build, extracted wherever the executor runs it (this process, a local worker,
a Dask worker on another machine): the work function and what it is given and returns.

A worker loads the taxonomy once (the bundled declaration, as the command does) and keeps it;
the results come back as the same models a run in one process gives, so the filings are byte
for byte the same.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from generator.extract import pipeline
from generator.extract.pipeline import Extraction
from generator.model.taxonomy import Taxonomy

_TAXONOMY: Taxonomy | None = None


def use_taxonomy(taxonomy: Taxonomy) -> None:
    """Set the taxonomy this process extracts with (forked local workers inherit it)."""
    global _TAXONOMY
    _TAXONOMY = taxonomy


def _taxonomy() -> Taxonomy:
    global _TAXONOMY
    if _TAXONOMY is None:
        from generator.taxonomy import load_taxonomy

        _TAXONOMY = load_taxonomy()
    return _TAXONOMY


@dataclass(frozen=True)
class ReleaseTask:
    """A release to extract: its path (names it; read there when ``data`` is None) and, for a
    worker that does not share this machine's files, its bytes (already checked against the
    size limit)."""

    path: str
    data: bytes | None = None
    max_bytes: int = 0


def extract_task(task: ReleaseTask) -> Extraction:
    """Extract one release (runs on a worker)."""
    path = Path(task.path)
    if task.data is None:
        return pipeline.extract_release(path, _taxonomy(), max_bytes=task.max_bytes)
    return pipeline.extract_release_data(path, task.data, _taxonomy())
