"""A minimal process pool over ``os.fork`` and pipes, for validating many files.

Why not ``concurrent.futures``: importing it with ``multiprocessing``, starting its feeder and
manager threads and its call queue cost ~50 ms of CPU per run (measured), a sixth of a batch of
ten 5,000-fact files. Forked workers inherit the loaded taxonomy and the work function itself,
so only task numbers go out (4 bytes each) and only pickled results come back.

Contract, as the executor's: workers ignore SIGINT (the parent decides) and end on SIGTERM;
on any exception in the parent (Ctrl-C, SIGTERM raised as an exception) the workers are
terminated and the exception goes on. A worker that dies loses only the file it was on
(``lost`` is called for it); the others go on, on a new worker if none is left.
"""

from __future__ import annotations

import contextlib
import gc
import os
import pickle
import select
import signal
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from generator.interrupts import forking, worker_signals

_LENGTH = 8  # bytes of a result's length prefix
_TASK = 4  # bytes of a task number


class WorkerLost(Exception):
    """A task whose result never came back: its worker died, or the result did not pickle."""


@dataclass
class _Worker:
    pid: int
    tasks: int  # write end: task numbers to the worker
    results: int  # read end: length-prefixed pickles from the worker
    current: int | None = None
    buffer: bytearray = field(default_factory=bytearray)


def _serve(tasks: int, results: int, work: Callable[[int], Any]) -> None:
    """A worker's loop: read a task number, run it, write ``(number, ok, result or reason)``."""
    worker_signals()
    while True:
        head = b""
        while len(head) < _TASK:
            chunk = os.read(tasks, _TASK - len(head))
            if not chunk:
                return  # the parent has no more work
            head += chunk
        number = int.from_bytes(head, "little")
        try:
            payload = pickle.dumps((number, True, work(number)), pickle.HIGHEST_PROTOCOL)
        except Exception as exc:  # work() raised or its result does not pickle
            reason = f"{type(exc).__name__}: {exc}"
            payload = pickle.dumps((number, False, reason), pickle.HIGHEST_PROTOCOL)
        data = len(payload).to_bytes(_LENGTH, "little") + payload
        view = memoryview(data)
        while view:
            view = view[os.write(results, view):]


def _spawn(work: Callable[[int], Any], others: list[int]) -> _Worker:
    task_r, task_w = os.pipe()
    result_r, result_w = os.pipe()
    with forking():  # see :func:`..interrupts.forking`
        pid = os.fork()
        if pid == 0:  # the worker: never returns into the parent's code
            status = 1
            try:
                worker_signals()
                for fd in (*others, task_w, result_r):
                    os.close(fd)  # another worker's pipe held open here would never see its end
                _serve(task_r, result_w, work)
                status = 0
            finally:
                os._exit(status)
    os.close(task_r)
    os.close(result_w)
    return _Worker(pid, task_w, result_r)


def _close(worker: _Worker) -> None:
    for fd in (worker.tasks, worker.results):
        with contextlib.suppress(OSError):
            os.close(fd)


def _stop(workers: dict[int, _Worker]) -> None:
    """Terminate the workers now and reap them."""
    for worker in workers.values():
        with contextlib.suppress(ProcessLookupError):
            os.kill(worker.pid, signal.SIGTERM)
    for worker in workers.values():
        _close(worker)
        with contextlib.suppress(ChildProcessError):
            os.waitpid(worker.pid, 0)
    workers.clear()


def run(count: int, work: Callable[[int], Any], workers: int,
        done: Callable[[int, Any], None], lost: Callable[[int, WorkerLost], None]) -> None:
    """Run ``work(i)`` for ``i`` in ``range(count)`` on ``workers`` forked processes.

    ``done(i, result)`` is called in the parent as each result arrives; ``lost(i, error)``
    when ``work(i)`` raised in the worker, its result could not be sent, or the worker died.
    """
    pool: dict[int, _Worker] = {}
    upcoming = iter(range(count))

    def feed(worker: _Worker) -> None:
        number = next(upcoming, None)
        worker.current = number
        if number is None:
            os.close(worker.tasks)  # the worker reads the end and exits
            worker.tasks = -1
        else:
            # a worker that died while idle: its end of file reports ``number`` lost, below
            with contextlib.suppress(BrokenPipeError):
                os.write(worker.tasks, number.to_bytes(_TASK, "little"))

    def spawn() -> None:
        others = [fd for w in pool.values() for fd in (w.tasks, w.results) if fd >= 0]
        worker = _spawn(work, others)
        pool[worker.results] = worker
        feed(worker)

    gc.freeze()  # the workers' collections leave the parent's objects (and their pages) alone
    try:
        for _ in range(max(1, min(workers, count))):
            spawn()
        while pool:
            ready, _, _ = select.select(list(pool), [], [])
            for fd in ready:
                worker = pool[fd]
                chunk = os.read(fd, 1 << 16)
                if not chunk:  # the worker ended: done, or died on its current file
                    del pool[fd]
                    _close(worker)
                    _, status = os.waitpid(worker.pid, 0)
                    if worker.current is not None:
                        lost(worker.current,
                             WorkerLost(f"the worker process ended (wait status {status})"))
                        if not pool:
                            spawn()  # the files not yet given out still need a worker
                    continue
                worker.buffer += chunk
                _deliver(worker, done, lost, feed)
    except BaseException:
        _stop(pool)
        raise
    finally:
        gc.unfreeze()


def _deliver(worker: _Worker, done: Callable[[int, Any], None],
             lost: Callable[[int, WorkerLost], None], feed: Callable[[_Worker], None]) -> None:
    """Hand on every complete result in the worker's buffer, and give it its next task."""
    buffer = worker.buffer
    while len(buffer) >= _LENGTH:
        size = int.from_bytes(buffer[:_LENGTH], "little")
        if len(buffer) < _LENGTH + size:
            return
        number, ok, value = pickle.loads(buffer[_LENGTH:_LENGTH + size])
        del buffer[:_LENGTH + size]
        feed(worker)
        if ok:
            done(number, value)
        else:
            lost(number, WorkerLost(value))
