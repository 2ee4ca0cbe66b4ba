"""``xbrlgen extract`` on a file of several releases: each release's results and report are
written as the release is done, so memory holds a few releases, whatever the file's size.

The results (and ``--coverage-json``) become a JSON array, one object per release, in the
file's order; the report gets one summary line (or block) per release and a last line counting
them. A file of one release is written as before, by ``cli.cmd_extract``.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable, Iterator
from contextlib import ExitStack
from typing import IO, TYPE_CHECKING, Protocol

from generator.cli_errors import doing
from generator.outputs import open_output

if TYPE_CHECKING:
    from generator.extract.pipeline import Extraction


class _Sink(Protocol):
    def write(self, data: bytes, /) -> int: ...


class _Array:
    """A JSON array written one item at a time (items already JSON)."""

    def __init__(self, stream: _Sink) -> None:
        self.stream = stream
        self.count = 0

    def add(self, item: str) -> None:
        self.stream.write((",\n" if self.count else "[\n").encode() + item.encode())
        self.count += 1

    def close(self) -> None:
        self.stream.write(b"\n]\n" if self.count else b"[]\n")


class _Report:
    """The report stream; a reader that goes away stops the report, not the files (the pipe's
    error is raised once they are written)."""

    def __init__(self, stream: IO[str]) -> None:
        self.stream = stream
        self.broken: BrokenPipeError | None = None

    def print(self, text: str) -> None:
        if self.broken is None:
            try:
                print(text, file=self.stream, flush=True)
            except BrokenPipeError as exc:
                self.broken = exc


def _each(extractions: Iterator[Extraction], name: str) -> Iterator[Extraction]:
    """The extractions, each computed inside ``doing`` (an error names the file)."""
    while True:
        with doing("extracting", name):
            extraction = next(extractions, None)
        if extraction is None:
            return
        yield extraction


def write_many(args: argparse.Namespace, extractions: Iterable[Extraction],
               rest: Iterator[Extraction], mode: str) -> None:
    """Write the releases' results and reports as they come (``extractions`` first, then
    ``rest``); ``mode`` is the report mode of ``build_output``."""
    from generator.report_modes import QUIET, VERBOSE

    report = _Report(sys.stdout if args.output else sys.stderr)
    with ExitStack() as stack:
        out = stack.enter_context(open_output(args.output)) if args.output else sys.stdout.buffer
        results = _Array(out)
        coverage = (_Array(stack.enter_context(open_output(args.coverage_json)))
                    if args.coverage_json else None)
        reports = _Array(_TextBytes(report)) if args.fmt == "json" and mode != QUIET else None

        def one(extraction: Extraction) -> None:
            results.add(extraction.results.model_dump_json(indent=1))
            if coverage is not None:
                coverage.add(extraction.coverage.model_dump_json(indent=1))
            if reports is not None:
                reports.add(extraction.coverage.model_dump_json(indent=1))
            elif mode == VERBOSE:
                report.print(extraction.coverage.render_text())
            elif mode != QUIET:
                report.print(extraction.coverage.render_text().splitlines()[0])

        for extraction in extractions:
            one(extraction)
        for extraction in _each(rest, str(args.release)):
            one(extraction)
        results.close()
        if coverage is not None:
            coverage.close()
        if reports is not None:
            reports.close()
        elif mode != QUIET:
            report.print(f"{args.release}: {results.count} releases read one by one")
        out.flush()
    if report.broken is not None:
        raise report.broken


class _TextBytes:
    """The report's text stream seen as the binary stream :class:`_Array` writes."""

    def __init__(self, report: _Report) -> None:
        self.report = report

    def write(self, data: bytes) -> int:
        if self.report.broken is None:
            try:
                self.report.stream.write(data.decode())
            except BrokenPipeError as exc:
                self.report.broken = exc
        return len(data)
