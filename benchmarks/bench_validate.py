"""Benchmark ``xbrlgen validate`` against Arelle in-process, on generated or real instances.

Usage:
    python benchmarks/bench_validate.py               # generated 5,000 and 100,000 facts
    python benchmarks/bench_validate.py --sizes 5000 100000 300000   # memory growth, ~2 min
    python benchmarks/bench_validate.py out/ a.xbrl   # real filings (files or folders)
    python benchmarks/bench_validate.py --sizes 5000 20000 --no-arelle
    python benchmarks/bench_validate.py --batch 10      # ten 5,000-fact files: CLI vs Arelle

Arelle is measured only up to ``--arelle-max`` facts (default 100,000): at 300,000 facts it alone
would take several minutes. Below the table, the growth of xbrlgen's peak memory per 100,000
facts between the smallest and the largest generated instance shows how flat memory is.

``--batch N`` times the whole ``xbrlgen validate FOLDER --calc 2.1`` command on N generated
5,000-fact instances (a fresh process: interpreter start-up, imports and taxonomy load
included; once with an empty cache folder, once with the one that run left) against Arelle
validating the same N files in one process (its import and start-up excluded). The package's
bytecode is compiled first, as an installed copy has it; the CPU time of all the command's
processes is printed beside its wall time.

Each measurement runs in a fresh subprocess so peak memory (ru_maxrss, minus the process's
baseline after imports) belongs to that run alone. "cold" includes loading the taxonomy; "warm"
is the best further validation of the same file in the same process (taxonomy cached).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TAXONOMY = ROOT / "tests" / "validate" / "fixtures" / "taxonomy"

HEADER = """<?xml version="1.0" encoding="UTF-8"?>
<xbrli:xbrl xmlns:xbrli="http://www.xbrl.org/2003/instance"
 xmlns:link="http://www.xbrl.org/2003/linkbase" xmlns:xlink="http://www.w3.org/1999/xlink"
 xmlns:iso4217="http://www.xbrl.org/2003/iso4217" xmlns:fx="http://example.com/xbrlgen/fixture/2024">
<link:schemaRef xlink:type="simple" xlink:href="taxonomy/fx.xsd"/>
<xbrli:unit id="JPY"><xbrli:measure>iso4217:JPY</xbrli:measure></xbrli:unit>
"""


def generate(facts: int, dest: Path) -> Path:
    """An instance of ``facts`` facts: groups of 5 calculation-consistent facts per context."""
    shutil.copytree(TAXONOMY, dest / "taxonomy", dirs_exist_ok=True)
    path = dest / f"bench-{facts}.xbrl"
    with path.open("w", encoding="utf-8") as out:
        out.write(HEADER)
        for g in range(max(1, facts // 5)):
            out.write(
                f'<xbrli:context id="c{g}"><xbrli:entity><xbrli:identifier '
                f'scheme="http://www.tse.or.jp/sicc">{10000 + g}</xbrli:identifier></xbrli:entity>'
                "<xbrli:period><xbrli:startDate>2024-04-01</xbrli:startDate>"
                "<xbrli:endDate>2025-03-31</xbrli:endDate></xbrli:period></xbrli:context>\n"
            )
            rev, cost, opex = 1000 + g, 600 + g % 400, 100
            gross, op = rev - cost, rev - cost - opex
            for name, value in (("Revenue", rev), ("CostOfSales", cost), ("GrossProfit", gross),
                                ("OperatingExpenses", opex), ("OperatingIncome", op)):
                out.write(f'<fx:{name} contextRef="c{g}" unitRef="JPY" decimals="-6">'
                          f"{value}000000</fx:{name}>\n")
        out.write("</xbrli:xbrl>\n")
    return path


def _rss_kb() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def worker(tool: str, path: Path) -> dict[str, object]:
    """Runs inside the subprocess: validate twice, report times, peak memory and counts."""
    sys.path.insert(0, str(ROOT))
    os.environ["XDG_CONFIG_HOME"] = tempfile.mkdtemp(prefix="xbrlgen-bench-")
    os.environ["XBRLGEN_CACHE_DIR"] = tempfile.mkdtemp(prefix="xbrlgen-bench-cache-")  # truly cold
    if tool == "xbrlgen":
        from generator.validate.pipeline import validate_file

        facts = 0

        def once() -> int:
            nonlocal facts
            findings, summary = validate_file(path)
            facts = summary.facts
            return len(findings)
    else:
        facts = 0
        from generator.validate import arelle_runner

        arelle_runner._get_session()

        def once() -> int:
            findings, _ = arelle_runner.run(path)
            return len(findings)
    base = _rss_kb()
    t0 = time.perf_counter()
    count = once()
    cold = time.perf_counter() - t0
    # Warm runs (taxonomy cached): best of several, since this machine may be shared.
    warm, cpu = float("inf"), float("inf")
    for _ in range(3 if tool == "xbrlgen" else 1):
        t1, c1 = time.perf_counter(), time.process_time()
        once()
        if time.perf_counter() - t1 < warm:
            warm, cpu = time.perf_counter() - t1, time.process_time() - c1
    return {"cold": cold, "warm": warm, "cpu": cpu, "peak_mb": (_rss_kb() - base) / 1024,
            "findings": count, "facts": facts}


def measure(tool: str, path: Path) -> dict[str, object]:
    """Run ``worker`` in a fresh interpreter."""
    proc = subprocess.run(
        [sys.executable, __file__, "--worker", tool, str(path)],
        capture_output=True, text=True, check=False,
    )
    if proc.returncode != 0:
        return {"error": proc.stderr.strip().splitlines()[-1] if proc.stderr else "failed"}
    result: dict[str, object] = json.loads(proc.stdout.strip().splitlines()[-1])
    return result


def arelle_batch(files: list[Path]) -> float:
    """Runs inside the subprocess: Arelle on every file in one session (import excluded)."""
    sys.path.insert(0, str(ROOT))
    os.environ["XDG_CONFIG_HOME"] = tempfile.mkdtemp(prefix="xbrlgen-bench-")
    from generator.validate import arelle_runner

    arelle_runner._get_session()
    t0 = time.perf_counter()
    for path in files:
        arelle_runner.run(path, "xbrl21")
    return time.perf_counter() - t0


def batch(count: int, tmp: Path, no_arelle: bool) -> None:
    """Ten (``count``) 5,000-fact instances: the xbrlgen command against Arelle in-process."""
    folder = tmp / "batch"
    folder.mkdir()
    first = generate(5000, folder)
    for i in range(1, count):
        shutil.copy(first, folder / f"bench-5000-{i}.xbrl")
    cache = tempfile.mkdtemp(prefix="xbrlgen-bench-cache-")
    env = dict(os.environ, XBRLGEN_CACHE_DIR=cache)
    exe = shutil.which("xbrlgen") or "xbrlgen"
    _compile_bytecode(env)
    times, cpus = [], []
    for _ in range(2):  # empty cache folder, then the one the first run filled
        t0, c0 = time.perf_counter(), _children_cpu()
        proc = subprocess.run([exe, "validate", str(folder), "--calc", "2.1"], env=env,
                              capture_output=True, text=True, check=False)
        times.append(time.perf_counter() - t0)
        cpus.append(_children_cpu() - c0)
        if proc.returncode != 0:
            print(proc.stdout[-2000:], proc.stderr[-2000:])
    theirs = None
    if not no_arelle:
        files = sorted(folder.glob("*.xbrl"))
        proc = subprocess.run([sys.executable, __file__, "--arelle-batch", *map(str, files)],
                              capture_output=True, text=True, check=False)
        if proc.returncode == 0:
            theirs = float(proc.stdout.strip().splitlines()[-1])
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores; {count} files of "
          "5,000 facts")
    print(f"xbrlgen validate (whole command): {times[0]:.2f} s with an empty cache, "
          f"{times[1]:.2f} s with the cache (CPU, all processes: {cpus[0]:.2f} s, "
          f"{cpus[1]:.2f} s)")
    if theirs is not None:
        print(f"Arelle in-process (import excluded): {theirs:.2f} s -> "
              f"xbrlgen takes 1/{theirs / times[0]:.0f} (empty cache), "
              f"1/{theirs / times[1]:.0f} (cache)")


def _children_cpu() -> float:
    """User + system CPU seconds of the finished child processes (and theirs)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _compile_bytecode(env: dict[str, str]) -> None:
    """Compile the package's bytecode first, as an installed package has it.

    Why: with PYTHONDONTWRITEBYTECODE set and no ``__pycache__`` (a fresh checkout), every
    run would also compile the package's sources (~0.03 s), which no installed copy does.
    """
    where = subprocess.run([sys.executable, "-c", "import generator; print(generator.__path__[0])"],
                           env=env, capture_output=True, text=True, check=False)
    if where.returncode == 0 and where.stdout.strip():
        subprocess.run([sys.executable, "-m", "compileall", "-q", where.stdout.strip()],
                       env=env, capture_output=True, check=False)


def _instances(paths: list[Path]) -> list[Path]:
    sys.path.insert(0, str(ROOT))
    from generator.validate.packages import expand

    return [t.path for t in expand(paths).targets]


def main() -> int:
    """Generate (or take) instances, measure both validators, print the table."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("paths", nargs="*", type=Path, help="real instances or folders to measure")
    ap.add_argument("--sizes", nargs="*", type=int, default=[5000, 100000])
    ap.add_argument("--no-arelle", action="store_true")
    ap.add_argument("--arelle-max", type=int, default=100000, metavar="FACTS",
                    help="skip Arelle on generated instances above this many facts")
    ap.add_argument("--batch", type=int, metavar="N",
                    help="time the xbrlgen command on N 5,000-fact files against Arelle")
    ap.add_argument("--worker", nargs=2, metavar=("TOOL", "PATH"), help=argparse.SUPPRESS)
    ap.add_argument("--arelle-batch", nargs="+", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.worker:
        print(json.dumps(worker(args.worker[0], Path(args.worker[1]))))
        return 0
    if args.arelle_batch:
        print(arelle_batch(args.arelle_batch))
        return 0
    tmp = Path(tempfile.mkdtemp(prefix="xbrlgen-bench-"))
    if args.batch:
        try:
            batch(args.batch, tmp, args.no_arelle)
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
        return 0
    try:
        files = _instances(args.paths) if args.paths else [generate(n, tmp) for n in args.sizes]
        sizes = [None] * len(files) if args.paths else list(args.sizes)
        rows = []
        for path, size in zip(files, sizes, strict=True):
            ours = measure("xbrlgen", path)
            skip = args.no_arelle or (size is not None and size > args.arelle_max)
            theirs = {} if skip else measure("arelle", path)
            rows.append((path, ours, theirs))
        _print(rows)
        if not args.paths:
            _print_growth(rows)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


def _fmt(value: object, spec: str) -> str:
    return format(value, spec) if isinstance(value, int | float) else "-"


def _print(rows: list[tuple[Path, dict[str, object], dict[str, object]]]) -> None:
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores; warm = best run "
          "with the taxonomy loaded (xbrlgen: best of 3), cpu = its process CPU time")
    print("| file | size MB | facts | xbrlgen cold s | xbrlgen warm s (cpu) | xbrlgen peak MB "
          "| arelle cold s | arelle warm s (cpu) | arelle peak MB | speed-up (warm) "
          "| findings x/a |")
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    for path, ours, theirs in rows:
        ratio = "-"
        if isinstance(ours.get("warm"), float) and isinstance(theirs.get("warm"), float):
            ratio = f"{theirs['warm'] / ours['warm']:.1f}x"  # type: ignore[operator]
        print(f"| {path.name} | {path.stat().st_size / 1e6:.1f} | {_fmt(ours.get('facts'), ',')} "
              f"| {_fmt(ours.get('cold'), '.3f')} "
              f"| {_fmt(ours.get('warm'), '.3f')} ({_fmt(ours.get('cpu'), '.3f')}) "
              f"| {_fmt(ours.get('peak_mb'), '.0f')} | {_fmt(theirs.get('cold'), '.3f')} "
              f"| {_fmt(theirs.get('warm'), '.3f')} ({_fmt(theirs.get('cpu'), '.3f')}) "
              f"| {_fmt(theirs.get('peak_mb'), '.0f')} | {ratio} "
              f"| {ours.get('findings', ours.get('error'))}/"
              f"{theirs.get('findings', theirs.get('error', '-'))} |")


def _print_growth(rows: list[tuple[Path, dict[str, object], dict[str, object]]]) -> None:
    """Peak-memory growth per 100,000 facts between the smallest and largest instance."""
    measured: list[tuple[int, float]] = []
    for _, ours, _ in rows:
        facts, peak = ours.get("facts"), ours.get("peak_mb")
        if isinstance(facts, int) and isinstance(peak, float):
            measured.append((facts, peak))
    if len(measured) < 2:
        return
    (f0, m0), (f1, m1) = min(measured), max(measured)
    if f1 > f0:
        per = (m1 - m0) / (f1 - f0) * 100000
        print(f"xbrlgen peak memory grows {per:.0f} MB per 100,000 facts "
              f"({f0:,} -> {f1:,} facts: {m0:.0f} -> {m1:.0f} MB)")


if __name__ == "__main__":
    raise SystemExit(main())
