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
from dataclasses import dataclass
from typing import IO, TYPE_CHECKING, Literal, Protocol

from generator.cli_errors import doing
from generator.outputs import open_output

if TYPE_CHECKING:
    from generator.extract.pipeline import Extraction


@dataclass(frozen=True)
class Rendered:
    """What the command writes of one release: its results JSON, its coverage JSON (when
    asked for) and its report (``None``: quiet)."""

    results: str
    coverage: str | None
    report: str | None


@dataclass(frozen=True)
class Rendering:
    """Turns an extraction into what the command writes of it. It runs where the release is
    extracted (a worker of ``--jobs``), so only this text crosses back to the process writing
    the files (see :func:`generator.extract.pipeline.finished_releases`)."""

    coverage: bool
    report: Literal["json", "full", "line", "none"]

    @classmethod
    def of(cls, args: argparse.Namespace, mode: str) -> Rendering:
        """The rendering the command line asks for (``mode``: a report mode)."""
        from generator.report_modes import QUIET, VERBOSE

        report: Literal["json", "full", "line", "none"] = (
            "none" if mode == QUIET else "json" if args.fmt == "json"
            else "full" if mode == VERBOSE else "line")
        return cls(coverage=bool(args.coverage_json), report=report)

    def __call__(self, extraction: Extraction) -> Rendered:
        coverage = extraction.coverage
        as_json = (coverage.model_dump_json(indent=1)
                   if self.coverage or self.report == "json" else None)
        report = (as_json if self.report == "json"
                  else coverage.render_text() if self.report == "full"
                  else coverage.render_text().splitlines()[0] if self.report == "line"
                  else None)
        return Rendered(results=extraction.results.model_dump_json(indent=1),
                        coverage=as_json if self.coverage else None, report=report)


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


def _each(renderings: Iterator[Rendered], name: str) -> Iterator[Rendered]:
    """The releases' renderings, each computed inside ``doing`` (an error names the file)."""
    while True:
        with doing("extracting", name):
            rendered = next(renderings, None)
        if rendered is None:
            return
        yield rendered


def write_many(args: argparse.Namespace, first: Iterable[Rendered], rest: Iterator[Rendered],
               rendering: Rendering) -> None:
    """Write the releases' results and reports as they come (``first``, then ``rest``), as
    ``rendering`` made them: JSON reports form an array, text reports end with a count."""
    report = _Report(sys.stdout if args.output else sys.stderr)
    with ExitStack() as stack:
        out = stack.enter_context(open_output(args.output)) if args.output else sys.stdout.buffer
        results = _Array(out)
        coverage = (_Array(stack.enter_context(open_output(args.coverage_json)))
                    if args.coverage_json else None)
        reports = _Array(_TextBytes(report)) if rendering.report == "json" else None

        def one(rendered: Rendered) -> None:
            results.add(rendered.results)
            if coverage is not None and rendered.coverage is not None:
                coverage.add(rendered.coverage)
            if rendered.report is not None:
                if reports is not None:
                    reports.add(rendered.report)
                else:
                    report.print(rendered.report)

        for rendered in first:
            one(rendered)
        for rendered in _each(rest, str(args.release)):
            one(rendered)
        results.close()
        if coverage is not None:
            coverage.close()
        if reports is not None:
            reports.close()
        elif rendering.report != "none":
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
