"""Benchmark: build and validate large generated filings, against Arelle in the same run.

    python benchmarks/bench_build.py [--facts 10000 100000] [--no-arelle]

For each size, a fresh process generates synthetic results from the bundled taxonomy (every sum
solved), then times: map (results -> filing: checks, reconciliation, contexts, arithmetic),
generate (filing -> instance bytes), schema (libxml2 validation of the instance against the
compiled DTS), validate (all of xbrlgen's checks: schema + XBRL 2.1 + Dimensions + Calculation
1.1, including loading the taxonomy), and Arelle in-process (offline) on the same file; ratio =
Arelle / xbrlgen validate. The child's peak RSS shows how memory grows with the number of facts.
Not a test: run it by hand.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _child(facts: int, arelle: bool) -> dict[str, float]:
    os.environ.setdefault("XDG_CONFIG_HOME", tempfile.mkdtemp(prefix="xbrlgen-bench-"))
    sys.path.insert(0, str(ROOT))
    from generator.build import gc_paused
    from generator.generate import instance_bytes
    from generator.map import build_filings
    from generator.synthetic import synthetic_results
    from generator.taxonomy import load_taxonomy
    from generator.taxonomy.render import render_taxonomy
    from generator.validate import validate_paths

    taxonomy = load_taxonomy()
    per_period = len(synthetic_results(taxonomy, "iij", periods=1).facts)
    results = synthetic_results(taxonomy, "iij", periods=max(1, round(facts / per_period)))
    out = Path(tempfile.mkdtemp(prefix="xbrlgen-bench-out-"))
    for name, data in render_taxonomy(taxonomy).items():
        (out / name).write_bytes(data)
    timings: dict[str, float] = {"facts": float(len(results.facts))}
    start = time.perf_counter()
    with gc_paused():  # as xbrlgen build does
        filing = build_filings([results], taxonomy).filings[0]
    timings["map_s"] = time.perf_counter() - start
    start = time.perf_counter()
    instance = out / "bench.xbrl"
    with gc_paused():
        instance.write_bytes(instance_bytes(filing, taxonomy))
    timings["generate_s"] = time.perf_counter() - start
    from lxml import etree

    from generator.validate.dts import UrlMapper, normalize
    from generator.validate.pipeline import load_dts

    # the compiled schema set is reused across files (as validate and build do): not timed
    schemas = load_dts([normalize(taxonomy.schema_file, instance.resolve().as_uri())], UrlMapper())
    compiled = schemas.schemas.lxml()
    start = time.perf_counter()
    schema_ok = compiled.validate(etree.parse(str(instance)))
    timings["schema_s"] = time.perf_counter() - start
    assert schema_ok, compiled.error_log
    start = time.perf_counter()
    report = validate_paths([instance], jobs=1)
    timings["validate_s"] = time.perf_counter() - start
    timings["findings"] = float(len(report.findings))
    timings["rss_after_xbrlgen_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    if arelle:
        from generator.validate import arelle_runner

        start = time.perf_counter()
        arelle_runner.run(instance)
        timings["arelle_s"] = time.perf_counter() - start
    timings["size_mb"] = instance.stat().st_size / 2**20
    return timings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--facts", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--no-arelle", action="store_true")
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(_child(args.child, not args.no_arelle)))
        return
    print(
        f"{'facts':>8} {'map':>7} {'generate':>9} {'schema':>7} {'gen+schema':>10} "
        f"{'validate':>9} {'arelle':>8} {'ratio':>7} {'peak RSS':>9} {'size':>8}"
    )
    for size in args.facts:
        command = [sys.executable, __file__, "--child", str(size)]
        if args.no_arelle:
            command.append("--no-arelle")
        row = json.loads(subprocess.run(command, check=True, capture_output=True, text=True).stdout)
        total = row["generate_s"] + row["schema_s"]
        arelle = row.get("arelle_s")
        ratio = f"{arelle / row['validate_s']:6.1f}x" if arelle else "      -"
        print(
            f"{int(row['facts']):>8} {row['map_s']:6.2f}s {row['generate_s']:8.2f}s "
            f"{row['schema_s']:6.2f}s {total:9.2f}s {row['validate_s']:8.2f}s "
            f"{(f'{arelle:7.2f}s' if arelle else '       -')} {ratio} "
            f"{row['rss_after_xbrlgen_mb']:7.0f}MB {row['size_mb']:6.1f}MB"
        )
        if row["findings"]:
            print(f"  warning: {int(row['findings'])} validation findings on the generated filing")


if __name__ == "__main__":
    main()
