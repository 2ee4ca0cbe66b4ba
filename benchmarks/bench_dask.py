"""Benchmark: a batch build of many releases on a Dask distributed cluster (issue 15, part 5).

    python benchmarks/bench_dask.py [--releases 1000] [--workers 2] [--scheduler ADDRESS]
                                    [--local] [--compare] [--arelle]

Writes ``--releases`` synthetic first-half releases (``generator/synthetic``: seeds 0, 1, ...,
each printed in the four layouts in turn, so four releases report one period and corroborate
each other; fiscal years 2019-2030, so at most twelve filings), then runs
``xbrlgen build ... --executor dask`` on a ``LocalCluster`` of
``--workers`` single-threaded worker processes (or on ``--scheduler ADDRESS``, a real cluster).
Reports the wall time, the extraction share, releases per second and per second per worker.
``--local`` also times the local process pool; ``--compare`` checks that both runs wrote the same
bytes. Not a test: run it by hand.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def write_releases(folder: Path, count: int) -> list[Path]:
    sys.path.insert(0, str(ROOT))
    from generator.synthetic.release import synthetic_release
    from generator.taxonomy import load_taxonomy

    taxonomy = load_taxonomy()
    layouts = ["tabs", "spaces2", "single", "ocr"]
    paths = []
    for i in range(count):
        release = synthetic_release(taxonomy, "iij", seed=i // len(layouts),
                                    layout=layouts[i % len(layouts)])
        path = folder / f"{i:05d}-{release.name}"
        path.write_text(release.text, encoding="utf-8")
        paths.append(path)
    return paths


def build(paths: list[Path], out: Path, extra: list[str], arelle: bool) -> tuple[float, dict]:
    command = [sys.executable, "-m", "generator", "build", *map(str, paths), "--out", str(out),
               "--format", "json", "--no-progress", *extra]
    if not arelle:
        command.append("--no-arelle")
    start = time.perf_counter()
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - start
    if done.returncode not in (0, 1):
        raise SystemExit(f"build failed ({done.returncode}): {done.stderr[-2000:]}")
    return seconds, json.loads(done.stdout)


def same_files(a: Path, b: Path) -> bool:
    names = sorted(p.name for p in a.iterdir())
    return names == sorted(p.name for p in b.iterdir()) and all(
        (a / n).read_bytes() == (b / n).read_bytes() for n in names)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--releases", type=int, default=1000)
    parser.add_argument("--workers", type=int, default=2, help="LocalCluster worker processes")
    parser.add_argument("--scheduler", help="an existing scheduler instead of a LocalCluster")
    parser.add_argument("--local", action="store_true", help="also time the local pool")
    parser.add_argument("--compare", action="store_true", help="check both runs' bytes (implies "
                        "--local)")
    parser.add_argument("--arelle", action="store_true", help="validate with Arelle too")
    args = parser.parse_args(argv)
    os.environ.setdefault("XDG_CONFIG_HOME", tempfile.mkdtemp(prefix="xbrlgen-bench-"))

    with tempfile.TemporaryDirectory(prefix="xbrlgen-bench-dask-") as tmp:
        folder = Path(tmp)
        (folder / "in").mkdir()
        start = time.perf_counter()
        paths = write_releases(folder / "in", args.releases)
        size = sum(p.stat().st_size for p in paths)
        print(f"{len(paths)} synthetic releases, {size / 1e6:.1f} MB, written in "
              f"{time.perf_counter() - start:.1f} s")
        cluster = None
        address = args.scheduler
        if address is None:
            from distributed import LocalCluster

            cluster = LocalCluster(n_workers=args.workers, threads_per_worker=1,
                                   processes=True, dashboard_address=None)
            address = cluster.scheduler_address
        try:
            seconds, said = build(paths, folder / "dask", ["--executor", "dask", "--scheduler",
                                                          address], args.arelle)
        finally:
            if cluster is not None:
                cluster.close()
        workers = said["workers"]
        totals = said["totals"]
        print(f"dask ({workers} worker thread(s)): {seconds:.1f} s, "
              f"{len(paths) / seconds:.2f} releases/s, "
              f"{len(paths) / seconds / workers:.2f} releases/s per worker; "
              f"{totals['filings']} filings, {totals['facts']:,} facts, "
              f"{totals['held_back']:,} held back, exit {said['exit_code']}")
        if args.local or args.compare:
            local_seconds, local_said = build(paths, folder / "local", [], args.arelle)
            print(f"local pool ({local_said['workers']} process(es)): {local_seconds:.1f} s, "
                  f"{len(paths) / local_seconds:.2f} releases/s")
        if args.compare:
            equal = same_files(folder / "dask", folder / "local")
            print(f"dask and local outputs byte-identical: {equal}")
            if not equal:
                return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
