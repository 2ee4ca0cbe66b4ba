"""Ctrl-C and SIGTERM as exceptions, so that ``finally`` blocks and context managers clean up.

Python already turns SIGINT into :class:`KeyboardInterrupt`. :func:`terminate_as_interrupt`
does the same for SIGTERM with :class:`Terminated` (a ``KeyboardInterrupt``), so one cleanup path
serves both: a build's staging folder is removed, a ``.tmp`` file is deleted. :func:`deferred`
holds both signals over a few steps that must not be cut in half (moving staged files into
place), then acts on them.

Signal handlers belong to the main thread; elsewhere these helpers do nothing.
:func:`worker_signals`, the other side (Ctrl-C is the parent's, SIGTERM ends the worker), runs
as a pool worker starts: in the build's and extraction's pools and validation's forked workers.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType
from typing import NoReturn

HELD = (signal.SIGINT, signal.SIGTERM)


class Terminated(KeyboardInterrupt):
    """SIGTERM, raised where the main thread is, like Ctrl-C's ``KeyboardInterrupt``."""


def _raise_terminated(signum: int, frame: FrameType | None) -> NoReturn:
    raise Terminated


def underneath(exc: BaseException) -> KeyboardInterrupt | None:
    """The interruption ``exc`` was raised while unwinding, if any.

    Cleanup can fail when a signal lands mid-step: ``zipfile`` refuses to close an archive
    whose entry a ``KeyboardInterrupt`` left open, and its ``ValueError`` replaces the
    interruption. The user stopped the run; that is what it should say.
    """
    seen: set[int] = set()
    cause: BaseException | None = exc
    while cause is not None and id(cause) not in seen:
        if isinstance(cause, KeyboardInterrupt):
            return cause
        seen.add(id(cause))
        cause = cause.__context__
    return None


def _main_thread() -> bool:
    return threading.current_thread() is threading.main_thread()


def worker_signals() -> None:
    """A pool worker's signals. Ctrl-C reaches the whole process group: the parent decides,
    workers carry on until told.

    SIGTERM goes back to its default (end quietly), whatever handler the parent had when the
    worker was forked: it is how the parent stops workers after an interruption.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if hasattr(signal, "pthread_sigmask"):  # forked under :func:`forking`: a SIGTERM sent
        signal.pthread_sigmask(signal.SIG_UNBLOCK, HELD)  # meanwhile ends the worker now


@contextmanager
def forking() -> Iterator[None]:
    """Block SIGINT and SIGTERM while workers are forked; unblocked after, a signal that came
    meanwhile is delivered then. Unblocked, a Ctrl-C landing in ``os.fork``'s at-fork
    callbacks (``logging`` releasing its lock) raised there, where Python reports the
    ``KeyboardInterrupt`` as "ignored" and goes on: the run went on to its end. A forked child
    inherits the block until :func:`worker_signals` has set its own handlers."""
    if not hasattr(signal, "pthread_sigmask") or not _main_thread():
        yield
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, HELD)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


@contextmanager
def terminate_as_interrupt() -> Iterator[None]:
    """Within the block, SIGTERM raises :class:`Terminated`; the previous handler comes back."""
    if not _main_thread() or signal.getsignal(signal.SIGTERM) is None:
        yield
        return
    previous = signal.signal(signal.SIGTERM, _raise_terminated)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


@contextmanager
def deferred() -> Iterator[None]:
    """Hold SIGINT and SIGTERM until the block ends, then deliver the first one received."""
    if not _main_thread():
        yield
        return
    received: list[int] = []

    def hold(signum: int, frame: FrameType | None) -> None:
        received.append(signum)

    previous = {s: signal.getsignal(s) for s in HELD}
    held = [s for s, handler in previous.items() if handler is not None]
    for s in held:
        signal.signal(s, hold)
    try:
        yield
    finally:
        for s in held:
            signal.signal(s, previous[s])
        if received:
            signal.raise_signal(received[0])  # the restored handler acts on it now
