"""Benchmark: how many figures the extractor files right, holds back, files wrong or misses on
releases it has never seen (issue 10: never file a wrong figure).

    python benchmarks/bench_extraction.py [--per-layout 8] [--layouts tabs spaces2 single ocr]
                                          [--seed0 0] [--show-wrong 3] [--keep DIR]
                                          [--highlights] [--kind Q1|H1|Q3|FY] [--misread N]

For each layout, ``--per-layout`` synthetic first-half releases (seeds seed0, seed0+1, ...; the
same seeds for every layout, so a layout's numbers compare with another's) are written to a
temporary file, read with ``extract_release`` and scored against their ground truth. One line
per release (never only a pooled number), then the min / max per layout. ``--show-wrong`` prints
the first wrong facts of each release (line, what was filed, what was printed there).
``--highlights`` opens each release with highlights whose figures print their own units
("Revenues JPY34,272 million ($410.3 million) JPY32,300 million": actuals and targets).
``--kind`` makes them first-quarter, nine-months or full-year releases instead.
``--misread N`` misreads one digit of N printed figures per release, as a scan does; the truth
stays the true figures, so a misread no check catches counts as filed wrong (each line also
says how many of its wrong figures are the misread ones). Not a test: run it by hand.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--per-layout", type=int, default=8)
    parser.add_argument("--layouts", nargs="+", default=["tabs", "spaces2", "single", "ocr"])
    parser.add_argument("--seed0", type=int, default=0)
    parser.add_argument("--company", default="iij")
    parser.add_argument("--show-wrong", type=int, default=0)
    parser.add_argument("--keep", type=Path, help="also write each release (and truth) here")
    parser.add_argument("--highlights", action="store_true",
                        help="open each release with unit-bearing highlights and targets")
    parser.add_argument("--kind", default="H1", choices=["Q1", "H1", "Q3", "FY"],
                        help="the period the releases report (default: the first half)")
    parser.add_argument("--misread", type=int, default=0, metavar="N",
                        help="misread one digit of N printed figures per release, as a scan "
                        "does (scored against the true figures: generator/synthetic/misread.py)")
    args = parser.parse_args(argv)

    os.environ.setdefault("XDG_CONFIG_HOME", tempfile.mkdtemp(prefix="xbrlgen-bench-"))
    sys.path.insert(0, str(ROOT))
    from generator.extract.pipeline import extract_release
    from generator.synthetic.misread import misread_digits
    from generator.synthetic.release import ReleaseOptions, synthetic_release
    from generator.synthetic.score import score_release
    from generator.taxonomy import load_taxonomy

    taxonomy = load_taxonomy()
    defaults = {axis.name: axis.default for axis in taxonomy.axes.values()}
    header = (f"{'layout':<8} {'seed':>4} {'printed':>7} {'right':>6} {'held':>5} {'wrong':>6} "
              f"{'missed':>6} {'recall%':>7} {'secs':>6}  reader")
    print(header)
    print("-" * len(header))
    summary: dict[str, list[tuple[int, int, int, int, float]]] = {}
    with tempfile.TemporaryDirectory(prefix="xbrlgen-bench-extract-") as tmp:
        for layout in args.layouts:
            for seed in range(args.seed0, args.seed0 + args.per_layout):
                release = synthetic_release(taxonomy, args.company, seed=seed, layout=layout,
                                            options=ReleaseOptions(highlights=args.highlights,
                                                                   kind=args.kind))
                if args.misread:
                    release = misread_digits(release, args.misread, seed)
                path = Path(tmp) / release.name
                path.write_text(release.text, encoding="utf-8")
                if args.keep:
                    args.keep.mkdir(parents=True, exist_ok=True)
                    (args.keep / release.name).write_text(release.text, encoding="utf-8")
                start = time.perf_counter()
                try:
                    extraction = extract_release(path, taxonomy)
                except Exception as exc:  # a release the extractor refuses is a result too
                    print(f"{layout:<8} {seed:>4} refused: {exc}")
                    continue
                secs = time.perf_counter() - start
                score = score_release(release.truth, extraction.results, default_members=defaults)
                recall = 100 * score.recall
                misread = release.features.get("misread", ())
                filed_misread = sum(1 for w in score.wrong if any(
                    w.line == line and text in (w.text or "") for line, _, text in misread))
                print(f"{layout:<8} {seed:>4} {score.printed:>7} {score.filed_right:>6} "
                      f"{score.held_back:>5} {score.filed_wrong:>6} {score.missed:>6} "
                      f"{recall:>7.1f} {secs:>6.2f}  {extraction.coverage.layout}"
                      + (f"  misread {len(misread)}, filed as misread {filed_misread}"
                         if args.misread else ""))
                for wrong in score.wrong[: args.show_wrong]:
                    print(f"    wrong: {wrong.describe()}")
                summary.setdefault(layout, []).append(
                    (score.filed_right, score.held_back, score.filed_wrong, score.missed, recall))
    print()
    print(f"{'layout':<8} {'n':>3} {'right min-max':>14} {'held min-max':>13} "
          f"{'wrong min-max':>14} {'missed min-max':>15} {'recall% min-max':>16}")
    for layout, rows in summary.items():
        def span(i: int, rows: list[tuple[int, int, int, int, float]] = rows) -> str:
            values = [r[i] for r in rows]
            if i == 4:
                return f"{min(values):.1f}-{max(values):.1f}"
            return f"{min(values):.0f}-{max(values):.0f}"
        print(f"{layout:<8} {len(rows):>3} {span(0):>14} {span(1):>13} {span(2):>14} "
              f"{span(3):>15} {span(4):>16}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
