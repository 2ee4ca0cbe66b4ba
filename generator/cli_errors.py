"""How a command ends when it cannot finish: one line on stderr and a known exit code, no trace.

- an unexpected exception: ``xbrlgen: internal error while <activity> <file>: <Type>: <message>
  (run with --debug for the trace)``, exit code 2 (``--debug`` prints the trace first);
- Ctrl-C (SIGINT): ``xbrlgen: interrupted``, exit code 130;
- SIGTERM: ``xbrlgen: terminated``, exit code 143.

Interruptions unwind as exceptions (see :mod:`generator.interrupts`), so every ``finally`` and
context manager on the way runs: nothing is left half-written.
"""

from __future__ import annotations

import os
import sys
import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

from generator.interrupts import Terminated, terminate_as_interrupt, underneath

EXIT_INTERNAL, EXIT_INTERRUPTED, EXIT_TERMINATED = 2, 130, 143
EXIT_BROKEN_PIPE = 141  # 128 + SIGPIPE, as a shell reports a pipe's reader going away
_ACTIVITY = "_xbrlgen_activity"
_MAX_MESSAGE = 300


@contextmanager
def doing(activity: str, path: Path | str | None = None) -> Iterator[None]:
    """Name what the block does, for the message should it fail (the innermost name wins)."""
    try:
        yield
    except BaseException as exc:
        if getattr(exc, _ACTIVITY, None) is None:
            with suppress(AttributeError, TypeError):
                setattr(exc, _ACTIVITY, f"{activity} {path}" if path is not None else activity)
        raise


def describe(exc: BaseException) -> str:
    """``Type: message`` on one line, shortened if long."""
    message = " ".join(str(exc).split())
    if len(message) > _MAX_MESSAGE:
        message = message[: _MAX_MESSAGE - 3] + "..."
    return f"{type(exc).__name__}: {message}" if message else type(exc).__name__


def internal_error_line(exc: BaseException, activity: str, debug: bool = False) -> str:
    where = getattr(exc, _ACTIVITY, None) or activity
    hint = "" if debug else " (run with --debug for the trace)"
    return f"xbrlgen: internal error while {where}: {describe(exc)}{hint}"


def run(command: Callable[[], int], *, activity: str, debug: bool = False) -> int:
    """Run ``command`` and turn what escapes it into a message and an exit code."""
    try:
        with terminate_as_interrupt():
            return command()
    except BrokenPipeError:
        # The reader of our output went away (`xbrlgen ... | head`): not an error of ours.
        # Point the standard streams at /dev/null so that closing them does not raise again.
        devnull = os.open(os.devnull, os.O_WRONLY)
        for stream in (sys.stdout, sys.stderr):
            with suppress(OSError, ValueError):
                os.dup2(devnull, stream.fileno())
        return EXIT_BROKEN_PIPE
    except KeyboardInterrupt as exc:  # Terminated too
        return _stopped(exc, debug)
    except Exception as exc:
        interrupt = underneath(exc)
        if interrupt is not None:  # a cleanup failed as the signal unwound: still a stop
            return _stopped(interrupt, debug)
        if debug:
            traceback.print_exc()
        print(internal_error_line(exc, activity, debug), file=sys.stderr)
        return EXIT_INTERNAL


def _stopped(exc: KeyboardInterrupt, debug: bool) -> int:
    if debug:
        traceback.print_exc()
    terminated = isinstance(exc, Terminated)
    print(f"xbrlgen: {'terminated' if terminated else 'interrupted'}", file=sys.stderr)
    return EXIT_TERMINATED if terminated else EXIT_INTERRUPTED
