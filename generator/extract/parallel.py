"""The releases of a large multi-release file extracted one by one, wherever they run: a pool
of forked worker processes, a Dask cluster's workers, or this process (:class:`InProcess`), by
one code path (:func:`extract_all`).

Why: each release is extracted on its own (its own layout, company, period and checks), so the
releases of one file are independent work, and Python runs one release per core at a time.
The results come back in the file's order, whatever order the workers finish in, so the output
is byte for byte the serial run's. Only a few releases are in flight at once (two per worker),
so memory stays the text plus a few releases' work. A worker sends back only what the caller
keeps of its release (``finish``: for ``xbrlgen extract``, the text it writes).

The pool is forked before the file is read (:func:`start`): the workers inherit the taxonomy
already loaded, not the file's text, so their memory is one release's work each.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Generic, NamedTuple, Protocol, TypeVar

from generator.extract.repeats import PLACEHOLDER, Repeats, renamed, shared
from generator.interrupts import forking, worker_signals

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

T = TypeVar("T")
T_co = TypeVar("T_co", covariant=True)


class Task(NamedTuple):
    """One release to extract: its name, its text, how the text was decoded, and the note
    saying where in its file it starts (added to its results)."""

    name: str
    text: str
    encoding: str | None
    note: str


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


def _extract(task: Task, taxonomy: Taxonomy | None = None) -> Extraction:
    """One release as read (in a forked worker, ``taxonomy`` is the one the parent had; on a
    Dask worker, the bundled one, loaded once, as the command loads it)."""
    from generator.extract.pipeline import extract_document
    from generator.extract.read import read_text

    taxonomy = taxonomy or worker_taxonomy()
    return extract_document(read_text(task.name, task.text, taxonomy, encoding=task.encoding),
                            taxonomy)


def use_taxonomy(taxonomy: Taxonomy) -> None:
    """Set the taxonomy this process's work is extracted with (forked workers inherit it)."""
    global _taxonomy
    _taxonomy = taxonomy


def worker_taxonomy() -> Taxonomy:
    """The taxonomy set for this process, or on a worker given none (a Dask worker, for
    ``extract`` and ``build`` alike) the bundled one, loaded once, as the commands load it."""
    if _taxonomy is None:
        from generator.taxonomy import load_taxonomy

        use_taxonomy(load_taxonomy())
    assert _taxonomy is not None
    return _taxonomy


def noted(extraction: Extraction, note: str) -> Extraction:
    """``extraction`` with ``note`` first among its results' notes."""
    from generator.extract.pipeline import Extraction

    results = extraction.results.model_copy(update={"notes": (note, *extraction.results.notes)})
    return Extraction(results=results, coverage=extraction.coverage)


def extract_one(task: Task, taxonomy: Taxonomy | None = None) -> Extraction:
    """One release extracted, with its note (a task without one: as read)."""
    extraction = _extract(task, taxonomy)
    return noted(extraction, task.note) if task.note else extraction


def _finished(task: Task, finish: Callable[[Extraction], T],
              taxonomy: Taxonomy | None = None) -> T:
    """One release extracted, noted and finished where it is extracted: in a worker, only
    what ``finish`` makes of it (the command's text, say) goes back to the parent, not the
    results' hundreds of models (unpickling them cost the parent ~0.9 s per MB of input)."""
    return finish(extract_one(task, taxonomy))


class InProcess:
    """A pool's ``submit``, run in this process at once: a serial run takes the pool's path.
    The work functions take the taxonomy as a last keyword (a worker has its own, set before
    the fork or loaded once): here it is passed, so no process-wide setting is needed."""

    def __init__(self, taxonomy: Taxonomy) -> None:
        self.taxonomy = taxonomy

    def submit(self, fn: Callable[..., T], /, *args: object) -> Future[T]:
        future: Future[T] = Future()
        try:
            future.set_result(fn(*args, taxonomy=self.taxonomy))
        except Exception as exc:  # raised at the release's turn, as from a worker
            future.set_exception(exc)
        return future


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
    use_taxonomy(taxonomy)
    pool = ProcessPoolExecutor(max_workers=count, mp_context=multiprocessing.get_context("fork"),
                               initializer=_worker_start)
    try:
        with forking():  # the workers fork here
            ready = [pool.submit(_ready) for _ in range(count)]
        for future in ready:
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


class Pending(Protocol[T_co]):
    """Work sent off: a local future or a Dask cluster's."""

    def result(self) -> T_co: ...


class Runner(Protocol):
    """Where releases are extracted: a local pool, this process (:class:`InProcess`), or a
    Dask cluster (:meth:`generator.executors.DaskCluster.submit`)."""

    def submit(self, fn: Callable[..., T], /, *args: Any) -> Pending[T]: ...


class Cluster(Runner, Protocol):
    """A cluster's workers (:class:`generator.executors.DaskCluster`)."""

    @property
    def workers(self) -> int: ...


@dataclass(frozen=True)
class _Due(Generic[T]):
    """A task in flight: its own finished result to come (``mine``), or — a repeat — the
    extraction it shares with its other printings, to come (``shared``) or already known."""

    task: Task
    mine: Pending[T] | None = None
    shared: Pending[Extraction] | None = None
    known: Extraction | None = None


def extract_all(runner: Runner, ahead: int, tasks: Iterable[Task], repeats: set[int],
                finish: Callable[[Extraction], T]) -> Iterator[T]:
    """The tasks' extractions, each ``finish``-ed, in the tasks' order, at most ``ahead`` in
    flight; a release's error is raised when its turn comes, as in the serial run. A release
    printed more than once (its text's hash in ``repeats``) is extracted once, under the
    placeholder name, and renamed, noted and finished here for each printing
    (:mod:`generator.extract.repeats`)."""
    seen = Repeats()
    sent: dict[tuple[str, str | None], Pending[Extraction]] = {}
    pending: deque[_Due[T]] = deque()

    def placed(task: Task, extraction: Extraction) -> T:
        return finish(noted(renamed(extraction, task.name), task.note))

    def resolve() -> T:
        due = pending.popleft()
        if due.mine is not None:
            return due.mine.result()
        if due.known is not None:
            return placed(due.task, due.known)
        assert due.shared is not None
        try:
            extraction = due.shared.result()
        except Exception:  # the error again, naming this release (as the serial run does)
            runner.submit(_extract, due.task).result()
            raise
        key = (due.task.text, due.task.encoding)
        if sent.get(key) is due.shared:
            del sent[key]
            seen.put(*key, extraction)
        return placed(due.task, extraction)

    for task in tasks:
        key = (task.text, task.encoding)
        if not shared(task.text, repeats):
            pending.append(_Due(task, mine=runner.submit(_finished, task, finish)))
        elif (known := seen.get(*key)) is not None:
            pending.append(_Due(task, known=known))
        else:
            if key not in sent:
                sent[key] = runner.submit(_extract, task._replace(name=PLACEHOLDER))
            pending.append(_Due(task, shared=sent[key]))
        if len(pending) >= ahead:
            yield resolve()
    while pending:
        yield resolve()


__all__ = ["MIN_PARALLEL_BYTES", "Cluster", "InProcess", "Pending", "Runner", "Task", "extract_all",
           "extract_one", "fewer_collections", "noted", "start", "stop", "use_taxonomy",
           "worker_taxonomy", "workers"]
