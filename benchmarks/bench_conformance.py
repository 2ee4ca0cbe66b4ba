"""XBRL International's conformance suites: xbrlgen and Arelle, wall time and agreement per suite.

Usage:
    python benchmarks/bench_conformance.py                 # both vendored suites
    python benchmarks/bench_conformance.py --no-arelle     # xbrlgen only
    python benchmarks/bench_conformance.py path/to/SUITE.zip ...

Each suite zip (default: tests/conformance/*.zip) is unpacked into a temporary folder. xbrlgen
validates every variation in this process (XBRL 2.1 summation rule, no Units Registry: what the
suites expect; instance, schema and linkbase entry points alike);
Arelle runs its own testcase runner on the suite's index in a subprocess, offline, with a
throwaway XDG_CONFIG_HOME and ``--calc xbrl21``. A variation agrees when the verdict
(valid / invalid) is the expected one; Arelle's own pass/fail status is used for Arelle.
"""

from __future__ import annotations

import argparse
import csv
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path, PurePosixPath

from generator.validate import conformance
from generator.validate.conformance import Suite

ROOT = Path(__file__).resolve().parent.parent
KINDS = ("instance", "schema", "linkbase")


def run_xbrlgen(suite: Suite, root: Path) -> tuple[dict[str, bool], float]:
    started = time.perf_counter()
    agree = {v.key: conformance.run_variation(root, v).agrees for v in suite.variations}
    return agree, time.perf_counter() - started


def run_arelle(suite: Suite, root: Path, work: Path) -> tuple[dict[str, bool], float]:
    report = work / f"{suite.zip_path.stem}-arelle.csv"
    env = dict(os.environ, XDG_CONFIG_HOME=tempfile.mkdtemp(prefix="bench-arelle-xdg-"))
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "arelle.CntlrCmdLine", "-f", str(root / suite.index),
         "--validate", "--internetConnectivity", "offline", "--calc", "xbrl21",
         "--csvTestReport", str(report), "--logFile", str(work / "arelle.log")],
        env=env, check=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    seconds = time.perf_counter() - started
    agree: dict[str, bool] = {}
    if report.exists():
        with report.open(encoding="utf-8-sig", newline="") as fh:
            for row in csv.DictReader(fh):
                key = f"{PurePosixPath(row['Testcase']).stem}:{row['Id']}"
                agree[key] = row["Status"] == "pass"
    return agree, seconds


def table(suite: Suite, results: dict[str, dict[str, bool]]) -> str:
    head = ["variations", "total", *results]
    rows = [head]
    for kind in KINDS:
        keys = [v.key for v in suite.variations if v.kind == kind]
        if not keys:
            continue
        rows.append([kind, str(len(keys)), *(
            f"{sum(1 for k in keys if agree.get(k, False))}" for agree in results.values())])
    keys = [v.key for v in suite.variations]
    rows.append(["all", str(len(keys)), *(
        f"{sum(1 for k in keys if agree.get(k, False))}" for agree in results.values())])
    widths = [max(len(r[i]) for r in rows) for i in range(len(head))]
    lines = ["  ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in
                       enumerate(zip(r, widths, strict=True))) for r in rows]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("zips", nargs="*", type=Path)
    parser.add_argument("--no-arelle", action="store_true", help="skip Arelle")
    args = parser.parse_args(argv)
    zips = args.zips or sorted((ROOT / "tests" / "conformance").glob("*.zip"))
    with tempfile.TemporaryDirectory(prefix="bench-conformance-") as tmp:
        work = Path(tmp)
        for zip_path in zips:
            suite = conformance.read_suite(zip_path)
            root = conformance.unpack(zip_path, work / zip_path.stem)
            results: dict[str, dict[str, bool]] = {}
            results["xbrlgen"], ours = run_xbrlgen(suite, root)
            times = [f"xbrlgen {ours:.1f} s"]
            if not args.no_arelle:
                results["arelle"], theirs = run_arelle(suite, root, work)
                times.append(f"arelle {theirs:.1f} s")
            print(f"\n{suite.name} ({zip_path.name}, {len(suite.variations)} variations): "
                  + ", ".join(times))
            print("agree (verdict as expected):")
            print(table(suite, results))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
