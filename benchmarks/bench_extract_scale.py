"""Benchmark: extraction time and peak memory against input size (issue 15, part 4).

    python benchmarks/bench_extract_scale.py [--sizes 1 10 100] [--distinct] [--jobs N]
                                             [--timeout 900] [--memory-limit-mb 6000] [--keep DIR]
                                             [--scheduler ADDRESS | --dask-workers N]

Each input is the five bundled sample releases printed one after another, repeated until the
file reaches the size (MB = 1,000,000 bytes). ``extract`` reads a release printed again once
(see ``generator/extract/repeats.py``), so on this input it mostly renames: ``--distinct``
builds the input from synthetic releases instead (seeds 1000, 1001, ...; the four layouts in
turn; ~4 s per MB to generate, not timed), no two alike, as in a real batch. Each size runs
``xbrlgen extract FILE -o /dev/null --max-input-bytes 0 [--jobs N]`` in a fresh process
(start-up and taxonomy load included, ~0.5 s); wall time and peak RSS come from ``wait4``
(the largest of the process and its workers, not their sum). A run over
``--memory-limit-mb`` (address space, set in the child) or ``--timeout`` is reported as such,
never left to take the machine. CPU seconds (user + system, the process and its local workers)
per MB is the measure that load does not move. ``--scheduler`` (or ``--dask-workers N``: a
``LocalCluster`` of N single-threaded workers started for the run) extracts on a Dask cluster
(``extract --executor dask``); its workers' CPU and memory are then not counted. Then the
exponent of time and memory between consecutive sizes: 1.0 is linear. Not a test: run it by
hand.
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


def make_distinct(path: Path, size: int) -> int:
    """Synthetic releases of the IIJ taxonomy, each seed once, until ``size`` bytes."""
    sys.path.insert(0, str(ROOT))
    from generator.synthetic.release import synthetic_release
    from generator.synthetic.render import Layout
    from generator.taxonomy import load_taxonomy

    taxonomy = load_taxonomy()
    layouts: tuple[Layout, ...] = ("tabs", "spaces2", "single", "ocr")
    written = 0
    with path.open("wb") as out:
        for seed in itertools.count(1000):
            layout = layouts[seed % 4]
            text = synthetic_release(taxonomy, "iij", seed=seed, layout=layout).text
            chunk = (text if text.endswith("\n") else text + "\n").encode()
            out.write(chunk)
            written += len(chunk)
            if written >= size:
                return written
    raise AssertionError("unreachable")


def run(path: Path, timeout: float, memory_limit: int, jobs: int | None = None,
        scheduler: str | None = None) -> tuple[str, float, float, float]:
    """(outcome, seconds, peak RSS in MB, CPU seconds of it and its local workers) of one
    extraction in a child process (``scheduler``: on that Dask cluster's workers, whose CPU
    and memory are not counted)."""
    def limit() -> None:  # in the child: a run that would swap the machine fails instead
        if memory_limit:
            resource.setrlimit(resource.RLIMIT_AS, (memory_limit * 2**20,) * 2)

    command = [sys.executable, "-m", "generator", "extract", str(path), "-o", os.devnull,
               "--max-input-bytes", "0", *(["--jobs", str(jobs)] if jobs is not None else []),
               *(["--executor", "dask", "--scheduler", scheduler] if scheduler else [])]
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
                return ("timed out", time.perf_counter() - start, usage.ru_maxrss / 1024,
                        usage.ru_utime + usage.ru_stime)
            time.sleep(0.05)
        seconds = time.perf_counter() - start
        err_file.seek(0)
        err = err_file.read()[-4000:].decode(errors="replace")
    code = os.waitstatus_to_exitcode(status)
    outcome = "ok" if code == 0 else (
        "out of memory" if "MemoryError" in err or "memory" in err.lower() else f"exit {code}")
    return outcome, seconds, usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--sizes", type=float, nargs="+", default=[1, 10, 100],
                        help="input sizes in MB (default: 1 10 100)")
    parser.add_argument("--distinct", action="store_true",
                        help="synthetic releases, no two alike (default: the samples repeated)")
    parser.add_argument("--jobs", type=int, help="extract's --jobs (default: its own, all cores)")
    parser.add_argument("--timeout", type=float, default=900, help="seconds per size")
    parser.add_argument("--memory-limit-mb", type=int, default=6000,
                        help="address-space limit of each run (0: none)")
    parser.add_argument("--keep", type=Path, help="write the inputs here (default: a temp dir)")
    parser.add_argument("--scheduler", metavar="ADDRESS",
                        help="extract on this Dask cluster (extract --executor dask)")
    parser.add_argument("--dask-workers", type=int, metavar="N",
                        help="extract on a LocalCluster of N single-threaded worker processes "
                        "started for the run")
    args = parser.parse_args(argv)
    if args.dask_workers:
        from distributed import LocalCluster

        with LocalCluster(n_workers=args.dask_workers, threads_per_worker=1, processes=True,
                          dashboard_address=None, silence_logs=40) as cluster:
            args.scheduler = cluster.scheduler_address
            return _measure(args)
    return _measure(args)


def _measure(args: argparse.Namespace) -> int:
    """Each size's run, then the exponents between sizes."""

    header = (f"{'input':>10} {'outcome':>13} {'seconds':>8} {'s/MB':>6} {'CPU s/MB':>8} "
              f"{'peak RSS':>9} {'MB/MB':>6}")
    print(header)
    print("-" * len(header))
    rows: list[tuple[int, float, float]] = []
    with tempfile.TemporaryDirectory(prefix="xbrlgen-bench-scale-") as tmp:
        folder = args.keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        for size_mb in args.sizes:
            kind = "distinct" if args.distinct else "samples"
            path = folder / f"{kind}-{size_mb:g}MB.txt"
            if args.keep and path.exists():
                size = path.stat().st_size  # kept from an earlier run
            else:
                size = (make_distinct if args.distinct else make_input)(path, int(size_mb * MB))
            outcome, seconds, rss, cpu = run(path, args.timeout, args.memory_limit_mb,
                                             args.jobs, args.scheduler)
            mb = size / MB
            print(f"{mb:>8.2f}MB {outcome:>13} {seconds:>8.1f} {seconds / mb:>6.2f} "
                  f"{cpu / mb:>8.2f} {rss:>7.0f}MB {rss / mb:>6.0f}", flush=True)
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
