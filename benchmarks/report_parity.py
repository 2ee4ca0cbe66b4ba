"""Dump ``xbrlgen validate``'s JSON reports, timings aside, to compare two versions' verdicts.

Usage:
    python benchmarks/report_parity.py OUT_DIR [--work DIR] [--filings DIR ...] [--quick]
    diff -r BEFORE_DIR AFTER_DIR        # nothing printed: same reports

Why: a speed change must not change a single finding. Run it on the old commit, then on the
new one, with the same ``--work`` folder (the paths in the reports must be the same), and diff.

What it writes, per calculation mode (``2.1`` and the default, ``rounding``):

- ``cli-SUITE-CALC-jJOBS-CACHE.json``: the whole command on each unpacked conformance suite
  folder (its instances) and on each ``--filings`` folder, with the default pool and with
  ``--jobs 1``, with an empty cache folder and with the one that run filled;
- ``variations-CALC.json``: every variation's readMeFirst files (instances, schemas, linkbases)
  through ``validate_file`` in this process, as the conformance tests run them (``--quick``:
  skipped).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SUITES = sorted((ROOT / "tests" / "conformance").glob("*.zip"))
CALCS = ("2.1", "rounding")


def _strip(value: Any) -> Any:
    """The report without its timings (the only part that differs from run to run)."""
    if isinstance(value, dict):
        return {k: _strip(v) for k, v in value.items() if k not in ("seconds", "arelle_seconds")}
    if isinstance(value, list):
        return [_strip(v) for v in value]
    return value


def _write(path: Path, payload: Any) -> None:
    path.write_text(json.dumps(_strip(payload), indent=1, sort_keys=True, ensure_ascii=False)
                    + "\n", encoding="utf-8")


def cli_reports(name: str, folder: Path, out: Path) -> None:
    """The command on ``folder``: both calculation modes, pool and one process, cold and warm."""
    # The package as imported (PYTHONPATH may point at another checkout), not the installed
    # console script, whose entry point may differ between the versions compared.
    exe = [sys.executable, "-m", "generator"]
    for calc in CALCS:
        for jobs in ("0", "1"):
            cache = tempfile.mkdtemp(prefix="parity-cache-")
            env = dict(os.environ, XBRLGEN_CACHE_DIR=cache)
            for state in ("cold", "warm"):
                proc = subprocess.run(
                    [*exe, "validate", str(folder), "--format", "json", "--calc", calc,
                     "--jobs", jobs, "--no-progress"],
                    env=env, capture_output=True, text=True, check=False)
                payload = json.loads(proc.stdout) if proc.stdout.strip() else {}
                payload["exit"] = proc.returncode
                _write(out / f"cli-{name}-{calc}-j{jobs}-{state}.json", payload)
            shutil.rmtree(cache, ignore_errors=True)


def variation_reports(roots: dict[str, Path], out: Path) -> None:
    """Every variation's files through ``validate_file`` in this process (all entry kinds)."""
    sys.path.insert(0, str(ROOT))
    os.environ["XBRLGEN_CACHE_DIR"] = tempfile.mkdtemp(prefix="parity-cache-")
    from generator.validate import conformance
    from generator.validate.pipeline import validate_file

    for calc in CALCS:
        mode = "xbrl21" if calc == "2.1" else "rounding"
        dump: dict[str, Any] = {}
        for zip_path in SUITES:
            root = roots[zip_path.stem]
            for variation in conformance.read_suite(zip_path).variations:
                for rel in variation.read_me_first:
                    findings, summary = validate_file(root / rel, calc_mode=mode, display=rel,
                                                      engine="auto")
                    dump[f"{variation.key}|{rel}"] = {
                        "findings": [f.model_dump(mode="json") for f in findings],
                        "summary": summary.model_dump(mode="json")}
        _write(out / f"variations-{calc}.json", dump)


def main() -> int:
    """Unpack the suites (once, into ``--work``), then write every report into OUT_DIR."""
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out", type=Path)
    ap.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "xbrlgen-parity")
    ap.add_argument("--filings", type=Path, action="append", default=[])
    ap.add_argument("--quick", action="store_true", help="the commands only, no variations")
    args = ap.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    sys.path.insert(0, str(ROOT))
    from generator.validate import conformance

    roots: dict[str, Path] = {}
    for zip_path in SUITES:
        dest = args.work / zip_path.stem
        if not dest.exists():
            conformance.unpack(zip_path, dest)
        roots[zip_path.stem] = dest
    for name, folder in [*roots.items(), *((f.name, f) for f in args.filings)]:
        cli_reports(name, folder, args.out)
    if not args.quick:
        variation_reports(roots, args.out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
