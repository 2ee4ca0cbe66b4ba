"""Benchmark: extraction time and peak memory against input size (issue 15, part 4).

    python benchmarks/bench_extract_scale.py [--sizes 1 10 100] [--timeout 900]
                                             [--memory-limit-mb 6000] [--keep DIR]

Each input is the five bundled sample releases printed one after another, repeated until the
file reaches the size (MB = 1,000,000 bytes): one document with every table printed many times,
the worst case for the checks that compare a figure with its other printings. Each size runs
``xbrlgen extract FILE -o /dev/null --max-input-bytes 0`` in a fresh process (start-up and
taxonomy load included, ~0.8 s); wall time and peak RSS come from ``wait4``. A run over
``--memory-limit-mb`` (address space, set in the child) or ``--timeout`` is reported as such,
never left to take the machine. Then the exponent of time and memory between consecutive sizes:
1.0 is linear. Not a test: run it by hand.
"""

from __future__ import annotations

import argparse
import itertools
import math
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MB = 1_000_000


def make_input(path: Path, size: int) -> int:
    """The sample releases, cycled until ``size`` bytes; returns the bytes written."""
    texts = [p.read_bytes() for p in sorted((ROOT / "samples").glob("*.txt"))]
    written = 0
    with path.open("wb") as out:
        i = 0
        while written < size:
            chunk = texts[i % len(texts)]
            out.write(chunk)
            written += len(chunk)
            i += 1
    return written


def run(path: Path, timeout: float, memory_limit: int) -> tuple[str, float, float]:
    """(outcome, seconds, peak RSS in MB) of one extraction in a child process."""
    def limit() -> None:  # in the child: a run that would swap the machine fails instead
        if memory_limit:
            resource.setrlimit(resource.RLIMIT_AS, (memory_limit * 2**20,) * 2)

    command = [sys.executable, "-m", "generator", "extract", str(path), "-o", os.devnull,
               "--max-input-bytes", "0"]
    # The coverage report is long: a pipe would fill up, so standard error goes to a file.
    with tempfile.TemporaryFile() as err_file:
        start = time.perf_counter()
        child = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL,
                                 stderr=err_file, preexec_fn=limit)
        deadline = start + timeout
        while True:
            pid, status, usage = os.wait4(child.pid, os.WNOHANG)
            if pid:
                break
            if time.perf_counter() > deadline:
                child.kill()
                pid, status, usage = os.wait4(child.pid, 0)
                return "timed out", time.perf_counter() - start, usage.ru_maxrss / 1024
            time.sleep(0.05)
        seconds = time.perf_counter() - start
        err_file.seek(0)
        err = err_file.read()[-4000:].decode(errors="replace")
    code = os.waitstatus_to_exitcode(status)
    outcome = "ok" if code == 0 else (
        "out of memory" if "MemoryError" in err or "memory" in err.lower() else f"exit {code}")
    return outcome, seconds, usage.ru_maxrss / 1024


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--sizes", type=float, nargs="+", default=[1, 10, 100],
                        help="input sizes in MB (default: 1 10 100)")
    parser.add_argument("--timeout", type=float, default=900, help="seconds per size")
    parser.add_argument("--memory-limit-mb", type=int, default=6000,
                        help="address-space limit of each run (0: none)")
    parser.add_argument("--keep", type=Path, help="write the inputs here (default: a temp dir)")
    args = parser.parse_args(argv)

    header = (f"{'input':>10} {'outcome':>13} {'seconds':>8} {'s/MB':>6} {'peak RSS':>9} "
              f"{'MB/MB':>6}")
    print(header)
    print("-" * len(header))
    rows: list[tuple[int, float, float]] = []
    with tempfile.TemporaryDirectory(prefix="xbrlgen-bench-scale-") as tmp:
        folder = args.keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        for size_mb in args.sizes:
            path = folder / f"samples-{size_mb:g}MB.txt"
            size = make_input(path, int(size_mb * MB))
            outcome, seconds, rss = run(path, args.timeout, args.memory_limit_mb)
            print(f"{size / MB:>8.2f}MB {outcome:>13} {seconds:>8.1f} {seconds / (size / MB):>6.2f}"
                  f" {rss:>7.0f}MB {rss / (size / MB):>6.0f}", flush=True)
            if outcome == "ok":
                rows.append((size, seconds, rss))
            if not args.keep:
                path.unlink()
    for (s0, t0, m0), (s1, t1, m1) in itertools.pairwise(rows):
        k = math.log(t1 / t0) / math.log(s1 / s0)
        km = math.log(m1 / m0) / math.log(s1 / s0)
        print(f"{s0 / MB:g} -> {s1 / MB:g} MB: time grows as size^{k:.2f}, memory as size^{km:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
