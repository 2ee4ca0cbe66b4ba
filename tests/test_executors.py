"""A local pool stopped at once (Ctrl-C, SIGTERM) lets the process exit."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

_STOPPED_MID_RESULT = """
from concurrent.futures import ProcessPoolExecutor, as_completed
from generator.interrupts import worker_signals
from generator.validate.batch import _stop
from tests.test_executors import _big_result

pool = ProcessPoolExecutor(max_workers=2, initializer=worker_signals)
futures = [pool.submit(_big_result, i) for i in range(1000)]
next(as_completed(futures))  # the workers are sending their results
_stop(pool)
print("stopped")
"""


def _big_result(_: int) -> bytes:
    """A result larger than a pipe holds (module level: run by workers)."""
    return b"x" * 20_000_000


def test_a_pool_stopped_while_results_are_sent_still_exits() -> None:
    """The build's pool (one task per release of a big file: ~100 KB back each) ended while a
    worker was sending left the pool's thread waiting for the rest of the message, and the
    interpreter for that thread at exit (``xbrlgen build -j 2`` hung after 'terminated')."""
    root = Path(__file__).resolve().parents[1]
    done = subprocess.run([sys.executable, "-c", _STOPPED_MID_RESULT], cwd=root, timeout=30,
                          capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == "stopped"
