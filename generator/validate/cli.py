"""``xbrlgen validate``: argument definitions and the run function the main CLI wires in.

Exit codes: 0 clean, 1 findings at error or inconsistency level, 2 usage or I/O problem; through
the main CLI, 130 / 143 when interrupted (see :mod:`generator.cli_errors`).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # imported in run(): building the parser (xbrlgen --help) stays light
    from generator.validate.calculation import CalcMode
    from generator.validate.findings import Report

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2
SEVERITIES = ("error", "inconsistency", "warning", "info")  # findings.Severity, in order
DEFAULT_MAX_BYTES = 1 << 30  # safe_xml.DEFAULT_MAX_BYTES (a test keeps them equal)


def _count(least: int, what: str) -> Callable[[str], int]:
    """An argparse type: an integer of at least ``least``; anything else is a usage error."""

    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
        if value < least:
            raise argparse.ArgumentTypeError(f"{value} is not {what}")
        return value

    return parse


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add the validate options to ``parser`` (a sub-command parser of the main CLI)."""
    parser.add_argument("paths", nargs="+", type=Path,
                        help="instances, schemas or linkbases (a taxonomy entry point: its "
                        "whole DTS is checked), folders (searched recursively: their "
                        "instances, else their schemas and linkbases) or package zips")
    parser.add_argument("--arelle", action="store_true",
                        help="also run Arelle in-process (offline) and show its findings")
    parser.add_argument("--calc", choices=["rounding", "truncation", "2.1"], default="rounding",
                        help="Calculation 1.1 mode (rounding, truncation: match the filer's "
                        "rounding statement), or 2.1: the XBRL 2.1 summation rule "
                        "(what the XBRL 2.1 conformance suite expects)")
    parser.add_argument("--utr", action="store_true",
                        help="also check units against the Units Registry (utre: codes)")
    parser.add_argument("--format", choices=["text", "json"], default="text", dest="fmt",
                        help="output format (default: text)")
    parser.add_argument("--jobs", "-j", type=_count(0, "0 (all cores) or more"), default=None,
                        help="worker processes for many files (default or 0: all cores)")
    bar = parser.add_mutually_exclusive_group()  # as build and extract have them
    bar.add_argument("--progress", action="store_true",
                     help="progress bar on stderr even when it is not a terminal")
    bar.add_argument("--no-progress", action="store_true",
                     help="no progress bar, even on a terminal")
    parser.add_argument("--engine", choices=["auto", "lxml", "xmlschema"], default="auto",
                        help="XML Schema engine for instances (default auto: lxml/libxml2, "
                        "fastest, unless the taxonomy declares thousands of elements, which "
                        "libxml2 compiles in minutes: then xmlschema)")
    parser.add_argument("--max-bytes", type=_count(1, "a positive number of bytes"),
                        default=DEFAULT_MAX_BYTES,
                        help="refuse files larger than this many bytes")
    parser.add_argument("--package", action="append", type=Path, default=[],
                        help="taxonomy package zip to resolve URLs with (repeatable)")
    parser.add_argument("--min-severity", choices=list(SEVERITIES), default="info",
                        help="hide findings below this level in the listing")
    parser.add_argument("--ignore-acknowledgements", action="store_true",
                        help="report the totals a build kept as printed (listed in the "
                        "build-report.json beside the instances) as plain inconsistencies")


def render_text(report: Report, min_severity: str = "info") -> str:
    """Human listing: one finding per line, grouped by file, then the summary table."""
    from generator.validate import batch

    order = list(SEVERITIES)
    limit = order.index(min_severity)
    lines: list[str] = []
    for f in report.sorted_findings():
        if order.index(f.severity.value) > limit:
            continue
        where = f.location()
        what = " ".join(x for x in (f"fact={f.fact_id}" if f.fact_id else "",
                                    f"context={f.context_id}" if f.context_id else "") if x)
        lines.append(f"{where}: {f.severity.value} [{f.source}] {f.code}: {f.message}"
                     + (f" ({what})" if what else ""))
    if lines:
        lines.append("")
    lines.append(batch.summary_table(report))
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    """Execute ``xbrlgen validate`` with parsed ``args``; returns the process exit code."""
    from generator.validate import batch
    from generator.validate.acknowledged import acknowledge

    progress = not args.no_progress and bool(args.progress or sys.stderr.isatty())
    calc_mode: CalcMode = "xbrl21" if args.calc == "2.1" else args.calc
    opts = batch.Options(arelle=args.arelle, calc_mode=calc_mode, engine=args.engine,
                         max_bytes=args.max_bytes, utr=args.utr)
    paths: list[Path] = list(args.package) + list(args.paths)
    try:
        report = batch.run(paths, opts, jobs=args.jobs, progress=progress)
    except OSError as exc:
        print(f"xbrlgen validate: {exc}", file=sys.stderr)
        return EXIT_USAGE
    acknowledged = 0 if args.ignore_acknowledgements else acknowledge(report)
    if args.fmt == "json":
        payload = report.model_dump(mode="json")
        payload["ok"] = report.ok
        print(json.dumps(payload, indent=2, ensure_ascii=False))
    else:
        print(render_text(report, args.min_severity))
        if acknowledged:
            print(f"{acknowledged} calculation inconsistencies acknowledged as the sources' own "
                  "(totals a build kept as printed, listed in the build-report.json beside the "
                  "instances; --ignore-acknowledgements reports them as failures)")
    if any(f.code == "IOerror" and f.file in {str(p) for p in paths} for f in report.findings):
        return EXIT_USAGE
    if not report.files:
        print("xbrlgen validate: no XBRL instance, schema or linkbase found in the given paths",
              file=sys.stderr)
        return EXIT_USAGE
    return EXIT_OK if report.ok else EXIT_FINDINGS


def main(argv: list[str] | None = None) -> int:
    """Stand-alone entry (``python -m generator.validate.cli``) for use without the main CLI."""
    parser = argparse.ArgumentParser(prog="xbrlgen validate", description=__doc__)
    add_arguments(parser)
    return run(parser.parse_args(argv))


if __name__ == "__main__":
    raise SystemExit(main())
