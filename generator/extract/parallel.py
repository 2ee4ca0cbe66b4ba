"""The releases of a large multi-release file extracted by a pool of forked worker processes.

Why: each release is extracted on its own (its own layout, company, period and checks), so the
releases of one file are independent work, and Python runs one release per core at a time.
The results come back in the file's order, whatever order the workers finish in, so the output
is byte for byte the serial run's. Only a few releases are in flight at once (two per worker),
so memory stays the text plus a few releases' work.

The pool is forked before the file is read (:func:`start`): the workers inherit the taxonomy
already loaded, not the file's text, so their memory is one release's work each.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import time
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import contextmanager
from typing import TYPE_CHECKING

from generator.extract.repeats import PLACEHOLDER, Repeats, renamed, shared
from generator.interrupts import worker_signals

if TYPE_CHECKING:
    from generator.extract.pipeline import Extraction
    from generator.model.taxonomy import Taxonomy

#: A file smaller than this is extracted in this process: the pool would not pay for itself.
MIN_PARALLEL_BYTES = 200_000
#: Releases in flight per worker: enough to keep each busy while the parent writes results.
AHEAD_PER_WORKER = 2
#: Seconds the workers are given to finish their release when the run stops early.
STOP_GRACE = 10.0

_taxonomy: Taxonomy | None = None  # set before the fork: the workers' taxonomy

#: One release to extract: its name, its text and how the text was decoded.
Task = tuple[str, str, "str | None"]


#: Allocations between collections of the youngest generation (CPython's default: 700).
GC_THRESHOLD = 100_000


@contextmanager
def fewer_collections() -> Iterator[None]:
    """Collect cycles less often while releases are extracted: reading allocates hundreds of
    thousands of small, mostly acyclic objects per release, and the collector's scans of them
    cost ~12% of the time (measured on 1 MB of distinct synthetic releases). Objects alive
    before (the taxonomy, modules) are frozen out of the scans; reference counting still frees
    everything else at once, and cycles are still collected, every 100,000 allocations."""
    old = gc.get_threshold()
    gc.freeze()
    gc.set_threshold(GC_THRESHOLD, *old[1:])
    try:
        yield
    finally:
        gc.set_threshold(*old)
        gc.unfreeze()


def _worker_start() -> None:
    """A worker's signals as the build's workers have them; its collector as in the parent."""
    worker_signals()
    gc.freeze()
    gc.set_threshold(GC_THRESHOLD, *gc.get_threshold()[1:])


def _ready() -> int:
    """A no-op run on each worker as the pool starts (so it forks before the file is read)."""
    return os.getpid()


def _extract(task: Task) -> Extraction:
    """One release, in a worker (the taxonomy is the one the parent forked with)."""
    from generator.extract.pipeline import extract_document
    from generator.extract.read import read_text

    assert _taxonomy is not None, "the pool was started without a taxonomy"
    name, text, encoding = task
    return extract_document(read_text(name, text, _taxonomy, encoding=encoding), _taxonomy)


def workers(jobs: int | None) -> int:
    """Worker processes for ``jobs`` (``None`` or 0: all cores)."""
    return jobs or os.cpu_count() or 1


def start(taxonomy: Taxonomy, jobs: int | None, size: int) -> ProcessPoolExecutor | None:
    """A started pool of ``jobs`` workers for a file of ``size`` bytes, or ``None`` when the
    file is extracted in this process (one job, a small file, no ``fork`` on this system)."""
    count = workers(jobs)
    if count <= 1 or size < MIN_PARALLEL_BYTES:
        return None
    if "fork" not in multiprocessing.get_all_start_methods():
        return None  # spawned workers would load the taxonomy again: not worth it here
    global _taxonomy
    _taxonomy = taxonomy
    pool = ProcessPoolExecutor(max_workers=count, mp_context=multiprocessing.get_context("fork"),
                               initializer=_worker_start)
    try:
        for future in [pool.submit(_ready) for _ in range(count)]:
            future.result()
    except BaseException:
        stop(pool)
        raise
    return pool


def stop(pool: ProcessPoolExecutor, grace: float = STOP_GRACE) -> None:
    """Cancel what is queued, let the workers finish the release each is on (at most
    ``grace`` seconds), then end any still running (an error or an interruption).

    Why not end them at once, as the build does: a worker ended while it sends a result (a
    release's results are hundreds of KB, more than a pipe holds) leaves part of a message in
    the result pipe, and the pool's manager thread then waits for the rest forever — and the
    interpreter for that thread at exit (seen in the tests)."""
    from generator.validate.batch import _stop

    workers = list((pool._processes or {}).values())  # private, but no public way to wait
    pool.shutdown(wait=False, cancel_futures=True)
    deadline = time.monotonic() + grace
    for process in workers:
        process.join(timeout=max(0.0, deadline - time.monotonic()))
    _stop(pool)


def extract_all(pool: ProcessPoolExecutor, count: int, tasks: Iterable[Task],
                repeats: set[int]) -> Iterator[Extraction]:
    """The tasks' extractions in the tasks' order, a few in flight for each of the ``count``
    workers; a release's error is raised when its turn comes, as in the serial run. A release
    printed more than once (its text's hash in ``repeats``) is sent once, under the
    placeholder name, and renamed for each printing (:mod:`generator.extract.repeats`)."""
    ahead = AHEAD_PER_WORKER * max(1, count)
    seen = Repeats()
    sent: dict[tuple[str, str | None], Future[Extraction]] = {}
    pending: deque[tuple[Task, Extraction | Future[Extraction], bool]] = deque()

    def resolve() -> Extraction:
        task, work, share = pending.popleft()
        name, text, encoding = task
        if not isinstance(work, Future):
            return renamed(work, name)
        try:
            extraction = work.result()
        except Exception:
            if share:  # the error again, naming this release (as the serial run does)
                _extract(task)
            raise
        if not share:
            return extraction
        if sent.get((text, encoding)) is work:
            del sent[(text, encoding)]
            seen.put(text, encoding, extraction)
        return renamed(extraction, name)

    for task in tasks:
        _, text, encoding = task
        share = shared(text, repeats)
        known = seen.get(text, encoding) if share else None
        if known is not None:
            pending.append((task, known, share))
        elif share and (text, encoding) in sent:
            pending.append((task, sent[(text, encoding)], share))
        elif share:
            sent[(text, encoding)] = future = pool.submit(_extract, (PLACEHOLDER, text, encoding))
            pending.append((task, future, share))
        else:
            pending.append((task, pool.submit(_extract, task), share))
        if len(pending) >= ahead:
            yield resolve()
    while pending:
        yield resolve()


__all__ = ["MIN_PARALLEL_BYTES", "extract_all", "fewer_collections", "start", "stop", "workers"]
