"""Where the per-input work of a build runs: in this process, a local process pool (the default)
or the workers of a Dask distributed cluster (``--executor dask --scheduler ADDRESS``).

Every executor returns one outcome per item, in the items' order, whatever order they finished
in: a value, or the exception the work raised (the caller raises the first one, in input order,
so the message is the same as a run in one process). What runs remotely must be a module-level
function with picklable arguments and results; a worker of another machine shares no files, so
it is sent the bytes to work on (see :mod:`generator.inputs`).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

from generator.interrupts import forking, worker_signals

if TYPE_CHECKING:  # the pool machinery is imported when a pool runs: the CLI's parser uses NAMES
    from concurrent.futures import Future

T = TypeVar("T")
R = TypeVar("R")
Done = Callable[[], None]
LOCAL, DASK = "local", "dask"
CONNECT_TIMEOUT = 30.0  # seconds to reach a Dask scheduler
NAMES = (LOCAL, DASK)


class ExecutorError(Exception):
    """The executor cannot start: Dask not installed, no scheduler at the address (exit 2)."""


class Executor(Protocol):
    name: str

    @property
    def workers(self) -> int: ...

    def ships_data(self) -> bool:
        """Whether workers need the inputs' bytes (they may not see this machine's files)."""
        ...

    def run(self, fn: Callable[[T], R], items: Sequence[T], done: Done
            ) -> list[R | BaseException]: ...

    def close(self) -> None: ...


class Serial:
    """In this process, one item after the other; stops at the first failure."""

    name = LOCAL

    @property
    def workers(self) -> int:
        return 1

    def ships_data(self) -> bool:
        return False

    def run(self, fn: Callable[[T], R], items: Sequence[T], done: Done
            ) -> list[R | BaseException]:
        out: list[R | BaseException] = []
        for item in items:
            try:
                out.append(fn(item))
            except Exception as exc:
                out.append(exc)
                break
            finally:
                done()
        return out

    def close(self) -> None:
        pass


class LocalPool:
    """A process pool on this machine (``--jobs``; default: all cores). Forked workers inherit
    what the parent loaded (the taxonomy); Ctrl-C and SIGTERM stop them at once."""

    name = LOCAL

    def __init__(self, jobs: int) -> None:
        self._jobs = jobs

    @property
    def workers(self) -> int:
        return self._jobs

    def ships_data(self) -> bool:
        return False

    def run(self, fn: Callable[[T], R], items: Sequence[T], done: Done
            ) -> list[R | BaseException]:
        from concurrent.futures import ProcessPoolExecutor, as_completed

        from generator.validate.batch import _stop

        out: list[R | BaseException | None] = [None] * len(items)
        pool = ProcessPoolExecutor(max_workers=min(self._jobs, len(items)) or 1,
                                   initializer=worker_signals)
        try:
            with forking():  # the workers fork here
                futures: dict[Future[R], int] = {pool.submit(fn, item): i
                                                 for i, item in enumerate(items)}
            for future in as_completed(futures):
                i = futures[future]
                try:
                    out[i] = future.result()
                except Exception as exc:  # the work's own error, or the worker died
                    out[i] = exc
                done()
        except BaseException:
            _stop(pool)
            raise
        pool.shutdown()
        return [o for o in out if o is not None]

    def close(self) -> None:
        pass


class DaskCluster:
    """The workers of a Dask distributed scheduler (``tcp://host:8786``). Items are sent with
    their data; results come back in input order. The client is closed on :meth:`close`."""

    name = DASK

    def __init__(self, address: str, timeout: float | None = None) -> None:
        try:
            from distributed import Client
            from distributed.comm.addressing import parse_address, parse_host_port
        except ImportError as exc:
            raise ExecutorError(
                "--executor dask needs the 'distributed' package: pip install "
                "'xbrlgen[dask]'") from exc
        try:  # checked before a client exists: a half-built one hangs a minute on exit
            scheme, location = parse_address(address)
            if scheme in ("tcp", "tls", "ws", "wss"):
                parse_host_port(location)  # a host and a port, or ValueError
        except (ValueError, TypeError) as exc:
            raise ExecutorError(f"--scheduler {address!r} is not a scheduler address such as "
                                f"tcp://scheduler:8786 ({exc})") from exc
        try:
            self.client: Any = Client(  # type: ignore[no-untyped-call]
                address, timeout=timeout or CONNECT_TIMEOUT, set_as_default=False)
        except (OSError, TimeoutError) as exc:
            raise ExecutorError(f"cannot reach the Dask scheduler at {address}: {exc}") from exc

    @property
    def workers(self) -> int:
        info = self.client.scheduler_info()
        return sum(int(w.get("nthreads", 1)) for w in info.get("workers", {}).values()) or 1

    def ships_data(self) -> bool:
        return True

    def submit(self, fn: Callable[..., R], /, *args: Any) -> Any:
        """One call of ``fn`` on a worker (a Dask future: ``.result()`` waits for it)."""
        return self.client.submit(fn, *args, pure=False)

    def run(self, fn: Callable[[T], R], items: Sequence[T], done: Done
            ) -> list[R | BaseException]:
        from distributed import as_completed as completed

        futures = self.client.map(fn, list(items), pure=False)
        try:
            with self.client.as_current():  # as_completed looks for the current client
                for _ in completed(futures):  # type: ignore[no-untyped-call]
                    done()
            out: list[R | BaseException] = []
            for future in futures:
                if future.status == "error":
                    out.append(future.exception())
                else:
                    out.append(future.result())
            return out
        except BaseException:
            self.client.cancel(futures)
            raise

    def close(self) -> None:
        self.client.close()


def remote(name: str, scheduler: str | None) -> DaskCluster | None:
    """The Dask cluster the command line asked for (``None``: work on this machine)."""
    if name == DASK:
        if not scheduler:
            raise ExecutorError("--executor dask needs --scheduler ADDRESS (e.g. "
                                "tcp://scheduler:8786)")
        return DaskCluster(scheduler)
    if scheduler:
        raise ExecutorError("--scheduler is for --executor dask")
    return None


def local(jobs: int | None, *, items: int) -> Executor:
    """This machine's executor for ``items`` pieces of work: a pool of ``jobs`` processes
    (``None`` or 0: all cores) when that pays (several items and more than one job)."""
    workers = jobs or os.cpu_count() or 1
    if workers <= 1 or items <= 1:
        return Serial()
    return LocalPool(workers)
