"""One input of a build, extracted wherever the executor runs it (this process, a local worker,
a Dask worker on another machine): the work function and what it is given and returns.

A worker loads the taxonomy once (the bundled declaration, as the command does) and keeps it;
the results come back as the same models a run in one process gives, so the filings are byte
for byte the same.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from generator.extract import parallel, pipeline
from generator.extract.pipeline import Extraction
from generator.model.taxonomy import Taxonomy

if TYPE_CHECKING:
    from generator.executors import Executor
    from generator.extract.read.releases import Span
    from generator.validate.findings import Finding, Report

def use_taxonomy(taxonomy: Taxonomy) -> None:
    """Set the taxonomy this process extracts with (forked local workers inherit it)."""
    parallel.use_taxonomy(taxonomy)


_taxonomy = parallel.worker_taxonomy  # a Dask worker loads the bundled one, once


@dataclass(frozen=True)
class ReleaseTask:
    """A release to extract: its path (names it; read there when ``data`` is None) and, for a
    worker that does not share this machine's files, its bytes (already checked against the
    size limit)."""

    path: str
    data: bytes | None = None
    max_bytes: int = 0
    #: one release of a file of several, cut from it already (see :mod:`generator.release_plan`)
    release: parallel.Task | None = None


def extract_task(task: ReleaseTask) -> tuple[Extraction, ...]:
    """Extract each release of one input (runs on a worker): a text file may hold several
    back to back (a year of releases), each read and proven on its own."""
    if task.release is not None:
        return (parallel.extract_one(task.release, _taxonomy()),)
    path = Path(task.path)
    if task.data is None:
        releases = pipeline.extract_releases(path, _taxonomy(), max_bytes=task.max_bytes)
    else:
        releases = pipeline.extract_releases_data(path, task.data, _taxonomy())
    return tuple(releases)


@dataclass(frozen=True)
class ValidationTask:
    """One staged instance to validate on a worker, with the taxonomy files beside it (the
    instance's schemaRef is relative) — sent as bytes: the worker shares no folder with us."""

    name: str
    instance: bytes
    taxonomy: tuple[tuple[str, bytes], ...]
    arelle: bool
    calc_mode: str
    engine: str


def validate_task(task: ValidationTask) -> Report:
    """Validate one instance in a temporary folder of the worker (runs on a worker)."""
    from generator.build import validate_here

    with tempfile.TemporaryDirectory(prefix="xbrlgen-worker-") as tmp:
        folder = Path(tmp)
        for name, data in task.taxonomy:
            (folder / name).write_bytes(data)
        path = folder / task.name
        path.write_bytes(task.instance)
        report = validate_here([path], task.arelle, task.calc_mode, task.engine)
    return report


TAXONOMY_SUFFIXES = (".xsd", ".xml")  # what an instance's DTS needs beside it


def remote_validator(executor: Executor, done: Callable[[], None] = lambda: None
                     ) -> Callable[[list[Path], bool, str, str], Report]:
    """A build validator that validates each staged instance on the executor's workers and
    puts the findings back under the staged paths, in order: the same report as at home."""

    def run(paths: list[Path], arelle: bool, calc_mode: str, engine: str) -> Report:
        from generator.validate.findings import Report

        if not paths:
            return Report()
        folder = paths[0].parent
        taxonomy = tuple((p.name, p.read_bytes()) for p in sorted(folder.iterdir())
                         if p.suffix in TAXONOMY_SUFFIXES and p.is_file())
        tasks = [ValidationTask(p.name, p.read_bytes(), taxonomy, arelle, calc_mode, engine)
                 for p in paths]
        outcomes = executor.run(validate_task, tasks, done)
        merged = Report()
        for path, outcome in zip(paths, outcomes, strict=True):
            if isinstance(outcome, BaseException):
                raise outcome
            for finding in outcome.findings:
                merged.findings.append(_moved(finding, path))
            for summary in outcome.files:
                merged.files.append(summary.model_copy(update={"file": str(path)}))
        return merged

    return run


def _moved(finding: Finding, path: Path) -> Finding:
    """A worker's finding about its copy of ``path``, said about ``path`` itself."""
    if finding.file and Path(finding.file).name == path.name:
        return finding.model_copy(update={"file": str(path)})
    return finding


class ReleaseLines(Mapping[str, Sequence[str]]):
    """The lines of the text releases, by document name, read when first asked for: the build
    quotes the printed lines of the few totals whose parts disagree, so a release is read a
    second time only when it has one (never in the common case). Release ``i`` of a file of
    several (``FILE#i``) is its span of the file, split again as extraction split it: its line
    numbers count from its own first line."""

    def __init__(self, company_names: Sequence[str] = ()) -> None:
        self._paths: dict[str, Path] = {}
        self._lines: dict[str, list[str]] = {}
        self._names = tuple(company_names)
        # the last file of several releases read: its text and release spans (one at a time:
        # such files are big, and their releases are asked for in order)
        self._split: dict[Path, tuple[str, list[Span]]] = {}

    def add(self, document: str, path: Path) -> None:
        self._paths[document] = path

    def __getitem__(self, document: str) -> Sequence[str]:
        if document not in self._lines:
            from generator.extract.read.encoding import decode_release
            from generator.extract.read.releases import release_spans

            path = self._paths[document]
            _, sep, number = document.rpartition("#")
            if not (sep and number.isdigit()):
                # (decoded lines end at \n alone, numbered as the extractor numbers them)
                self._lines[document] = decode_release(path.read_bytes())[0].splitlines()
                return self._lines[document]
            if path not in self._split:  # a file of many releases is read and split once
                text = decode_release(path.read_bytes())[0]
                self._split = {path: (text, release_spans(text, self._names))}
            text, spans = self._split[path]
            span = spans[int(number) - 1]
            self._lines[document] = text[span.start:span.end].splitlines()
        return self._lines[document]

    def __iter__(self) -> Iterator[str]:
        return iter(self._paths)

    def __len__(self) -> int:
        return len(self._paths)
