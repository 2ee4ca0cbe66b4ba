"""Many files at once: a process pool over all cores, tqdm progress, and a summary table.

Why processes: both lxml callbacks and Arelle hold the GIL, and Arelle's global state forbids
concurrent sessions in one process. Each worker keeps its own DTS cache, so files sharing a
taxonomy pay for it once per worker. Without Arelle the workers are plain forks
(:mod:`forkpool`, ~50 ms lighter than ``concurrent.futures``); with it, the executor's workers,
whose exit runs the finalizers that remove Arelle's folders.

One file's failure never costs the others their results: whatever a file's validation raises is
caught where it happens and reported as an ``xbrlgen:internalError`` finding for that file (only
text crosses the process boundary, never the exception). Ctrl-C (or SIGTERM, raised as an
exception by the CLI) is the parent's to handle: workers ignore SIGINT, and the parent cancels
what is queued, terminates the workers and lets the interruption go on.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from generator.interrupts import forking, worker_signals
from generator.validate import packages
from generator.validate.calculation import CalcMode
from generator.validate.dts import Catalog, UrlMapper
from generator.validate.findings import FileSummary, Finding, Report, Severity
from generator.validate.pipeline import preload, validate_file
from generator.validate.safe_xml import DEFAULT_MAX_BYTES
from generator.validate.schema import Engine

if TYPE_CHECKING:  # imported where a pool is started (~20 ms a run in one process skips)
    from concurrent.futures import ProcessPoolExecutor
    from threading import Thread


@dataclass(frozen=True)
class Options:
    """Settings shared by every file of a run (picklable, sent to workers)."""

    arelle: bool = False
    calc_mode: CalcMode = "rounding"
    engine: Engine = "lxml"
    max_bytes: int = DEFAULT_MAX_BYTES
    catalogs: tuple[Catalog, ...] = ()
    packages: tuple[Path, ...] = ()
    utr: bool = False


Result = tuple[list[Finding], FileSummary]
INTERNAL_ERROR = "xbrlgen:internalError"


def internal_error(display: str, exc: BaseException) -> Result:
    """A file whose validation raised: one error finding naming the exception, nothing else."""
    text = " ".join(str(exc).split())[:300]
    finding = Finding(
        code=INTERNAL_ERROR,
        severity=Severity.error,
        message=f"validation stopped on an internal error: {type(exc).__name__}"
        + (f": {text}" if text else "")
        + "; the file's other findings are unknown",
        file=display,
    )
    return [finding], FileSummary(file=display, counts={"error": 1})


def _safe_one(path: Path, display: str, opts: Options) -> Result:
    """:func:`_one`, with any exception turned into a finding (it may not survive pickling)."""
    try:
        return _one(path, display, opts)
    except Exception as exc:
        return internal_error(display, exc)


def _stop(pool: ProcessPoolExecutor) -> None:
    """Cancel what is queued and terminate the workers now, without waiting for their files.

    A worker ended while it sends a result larger than a pipe holds (a release's models are
    ~100 KB) leaves part of a message in the result pipe; the pool's thread then waits for the
    rest forever, and the interpreter for that thread at exit. The rest never comes but
    neither does the end of the pipe: this process holds its writing end too. Closed once the
    workers are gone, the thread reads the end of the pipe and stops; it is waited for, so that
    its teardown does not race the interpreter's exit."""
    workers = list((pool._processes or {}).values())  # private, but no public way to terminate
    results = pool._result_queue  # private too, as is the thread; shutdown forgets them
    thread: Thread | None = pool._executor_manager_thread  # type: ignore[assignment]
    pool.shutdown(wait=False, cancel_futures=True)
    for process in workers:
        if process.is_alive():
            process.terminate()
    for process in workers:
        process.join(timeout=5)
        if process.is_alive():
            process.kill()
            process.join(timeout=5)
    if results is not None and not any(process.is_alive() for process in workers):
        results._writer.close()  # type: ignore[attr-defined]
    if thread is not None:  # its teardown done before the interpreter's exit wakes it (3.11
        thread.join(timeout=5)  # races the two: 'Exception ignored ... Bad file descriptor')


def _pooled(targets: list[packages.Target], opts: Options, workers: int,
            results: list[Result | None], advance: Callable[[], None]) -> None:
    from concurrent.futures import Future, ProcessPoolExecutor, as_completed

    pool = ProcessPoolExecutor(max_workers=workers, initializer=worker_signals)
    try:
        with forking():  # the workers fork here
            futures: dict[Future[Result], int] = {
                pool.submit(_safe_one, t.path, t.display, opts): i
                for i, t in enumerate(targets)}
        for fut in as_completed(futures):
            i = futures[fut]
            try:
                results[i] = fut.result()
            except Exception as exc:  # the worker process itself died (BrokenProcessPool)
                results[i] = internal_error(targets[i].display, exc)
            advance()
    except BaseException:
        _stop(pool)
        raise
    pool.shutdown()


def _forked(targets: list[packages.Target], opts: Options, workers: int,
            results: list[Result | None], advance: Callable[[], None]) -> None:
    """The files on forked workers (:mod:`forkpool`): the taxonomy loaded here is theirs."""
    from generator.validate import forkpool

    def work(i: int) -> Result:
        return _safe_one(targets[i].path, targets[i].display, opts)

    def done(i: int, result: Result) -> None:
        results[i] = result
        advance()

    def lost(i: int, exc: BaseException) -> None:
        results[i] = internal_error(targets[i].display, exc)
        advance()

    preload(targets[0].path, UrlMapper(opts.catalogs), opts.engine)
    forkpool.run(len(targets), work, workers, done, lost)


def _one(path: Path, display: str, opts: Options) -> Result:
    mapper = UrlMapper(opts.catalogs)
    findings, summary = validate_file(path, mapper, opts.calc_mode, display=display,
                                      engine=opts.engine, max_bytes=opts.max_bytes, utr=opts.utr)
    if opts.arelle:
        from generator.validate import arelle_runner

        extra, seconds = arelle_runner.run(path, opts.calc_mode, list(opts.packages), display,
                                           utr=opts.utr)
        findings = findings + extra
        summary.arelle_seconds = round(seconds, 4)
        for f in extra:
            key = f"arelle_{f.severity.value}"
            summary.counts[key] = summary.counts.get(key, 0) + 1
    return findings, summary


#: At most this many files, this many bytes in all, are validated in this process: forking
#: workers costs ~20-40 ms before the first file, about what sharing ~0.06 s of work saves.
#: Not more files: each may bring its own taxonomy, whose load (~0.3 s cold) is worth sharing.
SMALL_FILES, SMALL_BYTES = 4, 1 << 20


def _workers(targets: list[packages.Target], opts: Options, jobs: int | None) -> int:
    """Worker processes for ``targets``: ``jobs`` (all cores), one for a small batch."""
    workers = min(jobs or os.cpu_count() or 1, len(targets))
    if workers > 1 and not opts.arelle and len(targets) <= SMALL_FILES:
        size = 0
        for t in targets:
            with suppress(OSError):  # a missing file is reported when it is validated
                size += t.path.stat().st_size
        if size <= SMALL_BYTES:
            return 1
    return workers


def run(paths: list[Path], opts: Options, jobs: int | None = None,
        progress: bool = False) -> Report:
    """Validate every instance reachable from ``paths``; results in input order."""
    expanded = packages.expand(paths)
    opts = Options(opts.arelle, opts.calc_mode, opts.engine, opts.max_bytes,
                   opts.catalogs + tuple(expanded.catalogs),
                   opts.packages + tuple(expanded.packages), opts.utr)
    report = Report(findings=list(expanded.findings))
    targets = expanded.targets
    workers = _workers(targets, opts, jobs)
    results: list[Result | None] = [None] * len(targets)
    bar = None
    if progress and targets:
        from tqdm import tqdm

        bar = tqdm(total=len(targets), unit="file", file=sys.stderr, desc="validate")

    def advance() -> None:
        if bar is not None:
            bar.update(1)

    try:
        if workers <= 1:
            for i, t in enumerate(targets):
                results[i] = _safe_one(t.path, t.display, opts)
                advance()
        elif not opts.arelle and hasattr(os, "fork"):
            _forked(targets, opts, workers, results, advance)
        else:  # Arelle's sessions clean up through multiprocessing's finalizers in workers
            # Forked workers inherit what is loaded here: the first file's taxonomy is loaded
            # once, not once per worker.
            import multiprocessing

            if multiprocessing.get_start_method() == "fork":
                preload(targets[0].path, UrlMapper(opts.catalogs), opts.engine)
            _pooled(targets, opts, workers, results, advance)
    finally:
        if bar is not None:
            bar.close()
        expanded.cleanup()
    for result in results:
        if result is not None:
            report.findings.extend(result[0])
            report.files.append(result[1])
    return report


def summary_table(report: Report) -> str:
    """Plain-text table: one row per file, then totals."""
    show_arelle = any(s.arelle_seconds is not None for s in report.files)
    head = ["file", "facts", "errors", "incons.", "warnings", "seconds"]
    if show_arelle:
        head += ["arelle err", "arelle inc.", "arelle s"]
    rows = [head]
    for s in report.files:
        row = [s.file, str(s.facts), str(s.counts.get("error", 0)),
               str(s.counts.get("inconsistency", 0)), str(s.counts.get("warning", 0)),
               f"{s.seconds:.3f}"]
        if show_arelle:
            row += [str(s.counts.get("arelle_error", 0)),
                    str(s.counts.get("arelle_inconsistency", 0)),
                    f"{s.arelle_seconds:.3f}" if s.arelle_seconds is not None else "-"]
        rows.append(row)
    widths = [max(len(r[i]) for r in rows) for i in range(len(head))]
    lines = ["  ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in
                       enumerate(zip(r, widths, strict=True))) for r in rows]
    lines.insert(1, "  ".join("-" * w for w in widths))
    parts = []
    for source in ("xbrlgen", "arelle"):
        found = [f for f in report.findings if f.source == source]
        if source == "arelle" and not show_arelle:
            continue
        n = {sev: sum(1 for f in found if f.severity.value == sev)
             for sev in ("error", "inconsistency", "warning")}
        parts.append(f"{source}: {n['error']} error(s), {n['inconsistency']} "
                     f"inconsistenc{'y' if n['inconsistency'] == 1 else 'ies'}, "
                     f"{n['warning']} warning(s)")
    lines.append(f"{len(report.files)} file(s); " + "; ".join(parts)
                 + f" -> {'OK' if report.ok else 'FAILED'}")
    return "\n".join(lines)
