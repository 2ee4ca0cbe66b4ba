"""Command line: wires the stages, nothing more. ``xbrlgen --help`` lists the commands."""

from __future__ import annotations

import argparse
import atexit
import json
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from generator import __version__, cli_errors
from generator.cli_errors import doing
from generator.executors import LOCAL, NAMES
from generator.interrupts import underneath
from generator.limits import MAX_INPUT_BYTES, InputTooLarge
from generator.outputs import OutputError, check_file, check_folder, write_file
from generator.resources import sample_releases

if TYPE_CHECKING:
    from generator.executors import Executor
    from generator.extract.pipeline import Extraction
    from generator.inputs import ReleaseTask
    from generator.model.taxonomy import Taxonomy
    from generator.release_plan import Plan

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2
DEBUG = "--debug"


def _err(message: str) -> None:
    print(f"xbrlgen: {message}", file=sys.stderr)


def load_taxonomy() -> Taxonomy:
    """The taxonomy, imported only when a command needs it: the CLI starts fast, and a Ctrl-C
    at once still ends in one line (main's guard is already in place)."""
    from generator.taxonomy import load_taxonomy

    return load_taxonomy()


def cmd_taxonomy(args: argparse.Namespace) -> int:
    """Render the taxonomy (schema, linkbases, package) into a folder, atomically."""
    from generator.generate import OutputStage
    from generator.generate.package import package_bytes, package_name
    from generator.taxonomy.render import render_taxonomy

    check_folder(args.out)
    taxonomy = load_taxonomy()
    files = render_taxonomy(taxonomy)
    with OutputStage(args.out) as stage:
        for name, data in files.items():
            stage.write(name, data)
        stage.write(package_name(taxonomy), package_bytes(taxonomy, files))
        written = stage.commit()
    for path in written:
        print(path)
    print(f"{len(taxonomy.concepts)} concepts, {len(taxonomy.networks)} networks")
    return EXIT_OK


def cmd_schema(args: argparse.Namespace) -> int:
    """Print the JSON Schema of the results files ``build`` reads."""
    from generator.model.results import Results

    if args.output:
        check_file(args.output)
    text = json.dumps(Results.model_json_schema(), indent=2, sort_keys=True) + "\n"
    if args.output:
        write_file(args.output, text.encode())
    else:
        sys.stdout.write(text)
    return EXIT_OK


def _progress(args: argparse.Namespace) -> bool:
    """Progress bars on standard error: on a terminal, or when forced (--progress); never with
    --quiet or --no-progress."""
    if getattr(args, "no_progress", False) or getattr(args, "quiet", False):
        return False
    return bool(getattr(args, "progress", False) or sys.stderr.isatty())


def _mode(args: argparse.Namespace) -> str:
    from generator.report_modes import QUIET, SUMMARY, VERBOSE

    return QUIET if args.quiet else VERBOSE if args.verbose else SUMMARY


def cmd_extract(args: argparse.Namespace) -> int:
    """Read one release into structured results, with a coverage report.

    Standard output carries the command's output: the results JSON, or with ``-o`` the report;
    the report goes to standard error when standard output carries the results."""
    from generator.cli_extract import Rendering, write_many
    from generator.executors import ExecutorError, remote
    from generator.extract.pipeline import finished_releases

    for output in (args.output, args.coverage_json):
        if output:
            check_file(output)
    taxonomy = load_taxonomy()
    rendering = Rendering.of(args, _mode(args))
    with ExitStack() as stack:
        try:
            cluster = remote(args.executor, args.scheduler)
        except ExecutorError as exc:
            _err(str(exc))
            return EXIT_USAGE
        if cluster is not None:
            stack.callback(cluster.close)
        chars = stack.enter_context(_chars_bar(_progress(args)))
        with doing("extracting", args.release), _stage_bar(_progress(args), "extract") as step:
            releases = finished_releases(args.release, taxonomy, rendering,
                                         max_bytes=args.max_input_bytes, progress=chars,
                                         stages=step, jobs=args.jobs, cluster=cluster)
            rendered = next(releases)
            second = next(releases, None)
        if second is not None:  # several releases back to back: written as they are read
            write_many(args, (rendered, second), releases, rendering)
            return EXIT_OK
    text = rendered.results + "\n"
    # Files first: a report piped into a reader that goes away (`| head`) loses no output.
    if args.output:
        write_file(args.output, text.encode())
    if rendered.coverage is not None:
        write_file(args.coverage_json, rendered.coverage.encode())
    if rendered.report is not None:
        print(rendered.report, file=sys.stdout if args.output else sys.stderr)
    if not args.output:
        sys.stdout.write(text)
    return EXIT_OK


@contextmanager
def _chars_bar(show: bool) -> Iterator[Callable[[int, int], None] | None]:
    """A bar over the characters of a file of several releases, advanced release by release
    (shown from the second release on: a file of one has the stage bar)."""
    if not show:
        yield None
        return
    from tqdm import tqdm

    bars: list[tqdm] = []

    def advance(done: int, total: int) -> None:
        if not bars:
            bars.append(tqdm(total=total, desc="extract", unit="char", unit_scale=True,
                             file=sys.stderr, leave=False))
        bars[0].update(done - bars[0].n)

    try:
        yield advance
    finally:
        for bar in bars:
            bar.close()


@contextmanager
def _stage_bar(show: bool, what: str) -> Iterator[Callable[[str], None] | None]:
    """A bar over the extraction stages (read, map, prove, cross-check) of one release."""
    if not show:
        yield None
        return
    from tqdm import tqdm

    bar = tqdm(total=4, desc=what, unit="stage", file=sys.stderr, leave=False)

    def step(stage: str) -> None:
        bar.set_postfix_str(stage, refresh=False)
        bar.update(1)

    try:
        yield step
    finally:
        bar.close()


def cmd_build(args: argparse.Namespace) -> int:
    """Extract (releases: text, HTML or PDF) or read (.json results), then map, generate,
    validate. Releases are extracted by the executor (local process pool, or Dask workers,
    which then validate the filings too)."""
    from generator.executors import ExecutorError, local, remote
    from generator.inputs import use_taxonomy
    from generator.release_plan import plan

    check_folder(args.out)
    if args.coverage_json:
        check_file(args.coverage_json)
    taxonomy = load_taxonomy()
    use_taxonomy(taxonomy)
    inputs: list[Path] = args.inputs or sample_releases()
    releases = [p for p in inputs if p.suffix.lower() != ".json"]
    try:  # before the inputs are read: a wrong --executor/--scheduler is said at once
        cluster = remote(args.executor, args.scheduler)
    except ExecutorError as exc:
        _err(str(exc))
        return EXIT_USAGE
    executor: Executor | None = cluster
    try:
        # the size limit, here: a remote worker is sent only what passes
        work = plan(releases, taxonomy, ships_data=cluster is not None,
                    max_bytes=args.max_input_bytes)
        executor = cluster if cluster is not None else local(args.jobs, items=len(work.tasks))
        workers = executor.workers
        return _build(args, executor, workers, taxonomy, inputs, work)
    finally:
        if executor is not None:
            executor.close()


def _build(args: argparse.Namespace, executor: Executor, workers: int, taxonomy: Taxonomy,
           inputs: list[Path], work: Plan) -> int:
    """Extract on ``executor``, then map, generate and validate, and report."""
    from generator import build_output
    from generator.build import ResultsFileError, load_results_all, write_build
    from generator.extract.pipeline import company_names
    from generator.inputs import ReleaseLines, extract_task, remote_validator

    mode, fmt = _mode(args), args.fmt
    verbose = mode == build_output.VERBOSE and fmt == "text"
    done = _run_bar(executor, extract_task, work.tasks, _progress(args), "extract")
    extracted = work.outcomes(done, taxonomy)
    by_path = dict(zip(work.paths, extracted, strict=False))
    results, coverage = [], []
    texts = ReleaseLines(company_names(taxonomy))
    for path in inputs:
        if path.suffix.lower() == ".json":
            try:
                with doing("reading results", path):
                    results.extend(load_results_all(path, max_bytes=args.max_input_bytes))
            except ResultsFileError as exc:
                for problem in exc.problems:
                    _err(f"{path}: not a results file: {problem}")
                return EXIT_USAGE
            continue
        with doing("extracting", path):
            extractions = by_path.get(path)
            if extractions is None:  # a failure before it stopped the local run
                extractions = next(e for e in extracted if isinstance(e, BaseException))
            if isinstance(extractions, BaseException):
                raise extractions
        for extraction in extractions:  # a text file may hold several releases
            if path.suffix.lower() == ".txt":  # its lines are the lines the provenance names
                texts.add(extraction.results.document, path)
            if verbose:
                print(extraction.coverage.render_text())
            results.append(extraction.results)
            coverage.append(extraction.coverage.model_dump(mode="json"))
    said: list[str] = []
    with doing("building filings into", args.out):
        outcome = write_build(
            results,
            taxonomy,
            args.out,
            validate=not args.no_validate,
            arelle=not args.no_arelle,
            coverage=coverage,
            strict=args.strict,
            package=args.package,
            viewer=args.viewer,
            texts=texts,
            say=print if verbose else said.append,
            validator=remote_validator(executor) if executor.ships_data() else None,
        )
    report = outcome.report
    lines = (build_output.filing_lines(results, outcome.filing_set)
             if outcome.filing_set is not None else [])
    code = EXIT_OK
    held = report is not None and bool(report.review or report.truncated)
    if not outcome.ok or (held and args.fail_on_review):
        code = EXIT_FINDINGS
    if outcome.ok and args.coverage_json:
        write_file(args.coverage_json, json.dumps(coverage, indent=1).encode())
    if fmt == "json":
        print(build_output.build_json(
            ok=code == EXIT_OK, exit_code=code, out=args.out, report=report, lines=lines,
            written=outcome.written, findings=outcome.findings, executor=executor.name,
            workers=workers))
    if not outcome.ok:
        if not verbose:
            for finding in outcome.findings:
                print(finding, file=sys.stderr)
        _err(f"{len(outcome.findings)} validation finding(s); nothing was written to {args.out}")
        return code
    assert report is not None
    review = _review_line(report.review_reasons())
    if verbose:
        print(
            f"wrote {len(report.filings)} filing(s), {report.facts} facts, into {args.out}"
            f" ({len(report.release_conflicts)} conflicts within releases,"
            f" {len(report.conflicts)} between releases,"
            f" {len(report.source_inconsistencies)} totals kept as printed though the source's"
            " parts disagree: see build-report.json):"
        )
        for name in report.filings:
            print(f"  {args.out / name}")
        print(review)
        for line in build_output.truncation_lines(report):
            print(line)
    elif fmt == "text" and mode == build_output.SUMMARY:
        print(build_output.summary_text(report, lines, args.out, outcome.written, review))
    if code != EXIT_OK:
        why = [f"{len(report.review)} figure(s) held back for review"] if report.review else []
        why += [f"{len(report.truncated)} release(s) look truncated"] if report.truncated else []
        _err(f"{' and '.join(why)} (--fail-on-review); the proven figures were written to "
             f"{args.out}; see 'review' and 'truncated' in build-report.json")
    return code


def _run_bar(executor: Executor, fn: Callable[[ReleaseTask], tuple[Extraction, ...]],
             tasks: list[ReleaseTask], show: bool, what: str
             ) -> list[tuple[Extraction, ...] | BaseException]:
    """Run ``fn`` over ``tasks`` with a bar on standard error (when ``show``)."""
    bar = None
    if show and tasks:
        from tqdm import tqdm

        bar = tqdm(total=len(tasks), desc=what, unit="release", file=sys.stderr, leave=False)
    try:
        return executor.run(fn, tasks, bar.update if bar is not None else lambda: None)
    finally:
        if bar is not None:
            bar.close()


def _review_line(reasons: dict[str, int]) -> str:
    """The build's word on what it did not file: how many figures, held back by which check."""
    total = sum(reasons.values())
    if not total:
        return "held back for review: none (every figure read was proven)"
    why = ", ".join(f"{count} {REVIEW_WORDS.get(check, check)}" for check, count in reasons.items())
    return (f"held back for review: {total} figure(s) not proven, not filed ({why}): see "
            "'review' in build-report.json")


REVIEW_WORDS = {
    "unproven": "in columns no check confirms",
    "figure": "whose own cell or other printing is in doubt",
    "printed twice": "disagreeing with their other printing",
    "scale": "out of scale with their neighbours",
    "stated": "whose header states another scale",
    "structure": "in tables wider than their header",
    "calendar": "with periods outside the release's calendar",
    "translation": "whose USD column does not translate at the stated rate",
    "percent": "in % columns read as amounts",
    "arithmetic": "in columns whose totals do not add up",
}


def cmd_view(args: argparse.Namespace) -> int:
    """Write an interactive viewer page for one filing (offline, ixbrl-viewer)."""
    from generator.view import ViewError, write_viewer

    if args.out is not None:
        check_folder(args.out)
    try:
        with doing("making a viewer for", args.filing):
            result = write_viewer(args.filing, args.out)
    except ViewError as exc:
        _err(str(exc))
        return EXIT_USAGE
    for problem in result.problems:
        print(problem, file=sys.stderr)
    print(f"wrote {result.page} (with {result.script.name} beside it): open it in a browser, "
          "click a figure to see its concept, period, dimensions and source line")
    return EXIT_FINDINGS if result.problems else EXIT_OK


def cmd_validate(args: argparse.Namespace) -> int:
    global _quick_exit
    from generator.validate import cli as validate_cli

    with doing("validating", " ".join(str(p) for p in args.paths)):
        code = int(validate_cli.run(args))
    _quick_exit = not args.arelle  # Arelle's session: its own teardown, as it always had
    return code


def _count(least: int, what: str) -> Callable[[str], int]:
    """An argparse type: a whole number of at least ``least`` (else a usage error, exit 2)."""
    from generator.validate.cli import _count as count

    return count(least, what)


def _report_arguments(p: argparse.ArgumentParser) -> None:
    """How much a command says, in which form, and whether it shows progress."""
    say = p.add_mutually_exclusive_group()
    say.add_argument("-v", "--verbose", action="store_true",
                     help="every document's coverage, conflict and finding (the full detail)")
    say.add_argument("-q", "--quiet", action="store_true",
                     help="say nothing on success (errors still go to standard error)")
    p.add_argument("--format", choices=["text", "json"], default="text", dest="fmt",
                   help="report as text (default) or as one JSON document")
    bar = p.add_mutually_exclusive_group()
    bar.add_argument("--progress", action="store_true",
                     help="progress bar on standard error even when it is not a terminal")
    bar.add_argument("--no-progress", action="store_true",
                     help="no progress bar, even on a terminal")


def _limit_argument(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--max-input-bytes", type=_count(0, "0 (no limit) or more"), default=MAX_INPUT_BYTES,
        metavar="N", help=f"refuse an input file over N bytes (default {MAX_INPUT_BYTES:,}; "
        "0: no limit); extraction takes about 4-5 s of CPU per MB of release text, read one "
        "release at a time (several at once with extract --jobs)")


def _executor_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--executor", choices=NAMES, default=LOCAL,
                   help="where releases are extracted: local (a process pool on this machine, "
                   "the default) or dask (the workers of a Dask distributed scheduler)")
    p.add_argument("--scheduler", metavar="ADDRESS",
                   help="the Dask scheduler, e.g. tcp://scheduler:8786 (with --executor dask)")


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="xbrlgen",
        description="Turn financial-results releases into validated XBRL 2.1 filings.",
    )
    p.add_argument("--version", action="version", version=f"xbrlgen {__version__}")
    debug_help = "on an internal error, print the full trace (before or after the command)"
    p.add_argument(DEBUG, action="store_true", help=debug_help)
    # Also accepted after the command; SUPPRESS keeps a flag given before it.
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(DEBUG, action="store_true", default=argparse.SUPPRESS, help=debug_help)
    sub = p.add_subparsers(dest="command", metavar="COMMAND")

    b = sub.add_parser(
        "build",
        parents=[common],
        help="releases or results JSON -> validated filings (default: samples)",
    )
    b.add_argument(
        "inputs",
        nargs="*",
        type=Path,
        metavar="INPUT",
        help="releases — text (.txt), HTML pages (.html) or PDFs with a text layer (.pdf) — or "
        "results .json files (default: the bundled samples)",
    )
    b.add_argument("--out", type=Path, default=Path("out"), help="output folder (default: ./out)")
    b.add_argument("--no-arelle", action="store_true", help="skip the Arelle check (faster)")
    b.add_argument("--no-validate", action="store_true", help="skip all validation (not advised)")
    b.add_argument("--coverage-json", type=Path, help="also write the coverage report as JSON")
    b.add_argument(
        "--strict",
        action="store_true",
        help="file totals as read: one that disagrees with its parts fails the build "
        "(default: corrected from an agreeing source, or kept as printed and reported)",
    )
    b.add_argument(
        "--fail-on-review",
        action="store_true",
        help="exit 1 when any figure was held back for review (default: file what is proven, "
        "list the rest under 'review' in build-report.json)",
    )
    b.add_argument(
        "--package",
        action="store_true",
        help="also write each filing as an XBRL Report Package (<filing>.xbri: the Inline XBRL "
        "page and the taxonomy package in one zip)",
    )
    b.add_argument(
        "--viewer",
        action="store_true",
        help="also write each filing's interactive viewer page (viewer/<filing>.html and "
        "viewer/ixbrlviewer.js, offline: as 'xbrlgen view' writes it)",
    )
    _limit_argument(b)
    _report_arguments(b)
    _executor_arguments(b)
    b.add_argument("-j", "--jobs", type=_count(0, "0 (all cores) or more"), default=None,
                   help="local worker processes (default or 0: all cores)")
    b.set_defaults(func=cmd_build)

    e = sub.add_parser("extract", parents=[common], help="one release -> structured results JSON")
    e.add_argument("release", type=Path)
    e.add_argument("-o", "--output", type=Path, help="results file (default: standard output)")
    e.add_argument("--coverage-json", type=Path, help="also write the coverage report as JSON")
    e.add_argument("-j", "--jobs", type=_count(0, "0 (all cores) or more"), default=None,
                   help="worker processes for a large file of several releases, each release "
                   "extracted by one (default or 0: all cores; the results are the same)")
    _limit_argument(e)
    _report_arguments(e)
    _executor_arguments(e)
    e.set_defaults(func=cmd_extract)

    t = sub.add_parser("taxonomy", parents=[common], help="render the taxonomy files and package")
    t.add_argument("--out", type=Path, default=Path("out"), help="output folder (default: ./out)")
    t.set_defaults(func=cmd_taxonomy)

    s = sub.add_parser("schema", parents=[common], help="print the JSON Schema of results files")
    s.add_argument("-o", "--output", type=Path)
    s.set_defaults(func=cmd_schema)

    w = sub.add_parser(
        "view", parents=[common],
        help="an interactive viewer page for a filing (offline; click a figure for its details)",
    )
    w.add_argument("filing", type=Path, metavar="FILING",
                   help="a filing's Inline XBRL page (.html), its .xbrl (the page beside it is "
                   "used) or its report package (.xbri)")
    w.add_argument("--out", type=Path, default=None,
                   help="output folder (default: 'viewer' beside the filing)")
    w.set_defaults(func=cmd_view)

    v = sub.add_parser(
        "validate", parents=[common], help="validate XBRL instances (files, folders, packages)"
    )
    from generator.validate import cli as validate_cli

    validate_cli.add_arguments(v)
    v.set_defaults(func=cmd_validate)
    return p


_quick_exit = False  # set by a command whose process may end without the interpreter's teardown


def entry() -> NoReturn:
    """The console script and ``python -m generator``: :func:`main`, then the exit.

    Why not only ``sys.exit(main())``: after ``validate`` (without Arelle) tearing the
    interpreter down, every module and the loaded taxonomy freed object by object, costs ~20 ms
    of a ~0.3 s run. There, the output is flushed and the exit handlers run, then the process
    ends at once; after any other command, or any other outcome, the usual exit.
    """
    code = main()
    if _quick_exit and code in (EXIT_OK, EXIT_FINDINGS):
        try:
            sys.stdout.flush()
            sys.stderr.flush()
        except (OSError, ValueError):
            raise SystemExit(code) from None  # the usual exit says what it always said
        atexit._run_exitfuncs()
        os._exit(code)
    raise SystemExit(code)


def main(argv: Sequence[str] | None = None) -> int:
    """Run a command; exit codes 0 / 1 / 2, 130 on Ctrl-C, 143 on SIGTERM (no trace either way).

    Anything unexpected is one line and exit code 2; ``--debug`` prints the trace too.
    """
    tokens = list(sys.argv[1:] if argv is None else argv)
    debug = DEBUG in tokens[: tokens.index("--")] if "--" in tokens else DEBUG in tokens
    return cli_errors.run(lambda: _main(tokens), activity="starting", debug=debug)


def _main(argv: list[str]) -> int:
    args = parser().parse_args(argv)
    if args.command is None:
        args = parser().parse_args([*argv, "build"])
    try:
        with doing(f"running {args.command}"):
            return int(args.func(args))
    except (OutputError, InputTooLarge) as exc:  # checked before any work starts
        _err(str(exc))
        return EXIT_USAGE
    except OSError as exc:  # missing, not permitted, a folder where a file was meant, disk full
        if exc.filename is None or underneath(exc) is not None:
            raise  # no file to name, or a cleanup failing under a signal: cli_errors.run says
        _err(f"{exc.filename}: {exc.strerror}")
        return EXIT_USAGE
    except Exception as exc:  # stage errors carry their own clear messages
        from generator.extract.pipeline import ExtractionError
        from generator.extract.read import ReleaseError
        from generator.map import MappingError
        from generator.taxonomy import TaxonomyError

        if isinstance(exc, TaxonomyError | ReleaseError | ExtractionError):
            _err(str(exc))
            return EXIT_USAGE
        if isinstance(exc, MappingError):
            _err(str(exc))
            return EXIT_FINDINGS
        raise  # anything else is an internal error: cli_errors.run says it in one line
