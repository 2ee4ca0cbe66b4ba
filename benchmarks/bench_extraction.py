"""Benchmark: how many figures the extractor files right, holds back, files wrong or misses on
releases it has never seen (issue 10: never file a wrong figure).

    python benchmarks/bench_extraction.py [--per-layout 8] [--layouts tabs spaces2 single ocr]
                                          [--seed0 0] [--show-wrong 3] [--keep DIR]
                                          [--highlights] [--kind Q1|H1|Q3|FY] [--misread N]
                                          [--reword dev|holdout|fresh|final|fifth|sixth]
                                          [--reword-share 0.5] [--show-missed 3]

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
says how many of its wrong figures are the misread ones).
``--reword dev|holdout|fresh|final|fifth|sixth`` prints ``--reword-share`` of the row labels a
rule of that set matches reworded as other companies word them (generator/synthetic/reword.py:
the releases otherwise print only wordings the taxonomy declares); each line then says how many
rows were reworded and how many of the figures on them were missed, and a table at the end ranks
the rules by the rows they reworded that lost a figure. ``--show-missed N`` prints up to N
missed figures per release (line, concept, column, printed text, the label, and the rewording
when the row was reworded). Not a test: run it by hand.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING, cast

if TYPE_CHECKING:
    from generator.synthetic.reword import Rewording
    from generator.synthetic.truth import TruthFigure

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
    parser.add_argument("--reword", choices=["dev", "holdout", "fresh", "final", "fifth", "sixth"],
                        help="reword row labels as other companies word them, by this rule set "
                        "(generator/synthetic/reword.py)")
    parser.add_argument("--reword-share", type=float, default=0.5, metavar="F",
                        help="the share of the rows a rule matches that are reworded (0.5)")
    parser.add_argument("--show-missed", type=int, default=0, metavar="N",
                        help="print up to N missed figures per release")
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
    # per layout: reworded rows, figures on them, of which missed; missed on other rows
    reworded_totals: dict[str, list[int]] = {}
    # per rule (phrase -> replacement): rows reworded, rows of them with a figure missed
    by_rule: dict[tuple[str, str], list[int]] = {}
    by_label: dict[tuple[str, str], list[int]] = {}
    with tempfile.TemporaryDirectory(prefix="xbrlgen-bench-extract-") as tmp:
        for layout in args.layouts:
            for seed in range(args.seed0, args.seed0 + args.per_layout):
                release = synthetic_release(taxonomy, args.company, seed=seed, layout=layout,
                                            options=ReleaseOptions(
                                                highlights=args.highlights, kind=args.kind,
                                                reword=args.reword,
                                                reword_share=args.reword_share))
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
                misread = cast("tuple[tuple[int, str, str], ...]",
                               release.features.get("misread", ()))
                filed_misread = sum(1 for w in score.wrong if any(
                    w.line == line and text in (w.text or "") for line, _, text in misread))
                rewordings = cast("tuple[Rewording, ...]", release.features.get("rewordings", ()))
                reworded_key = {key: r for r in rewordings for key in r.keys}
                missed_keys = {f.key for f in score.missed_figures}
                on_reworded = sum(len(r.keys) for r in rewordings)
                missed_reworded = sum(1 for key in missed_keys if key in reworded_key)
                print(f"{layout:<8} {seed:>4} {score.printed:>7} {score.filed_right:>6} "
                      f"{score.held_back:>5} {score.filed_wrong:>6} {score.missed:>6} "
                      f"{recall:>7.1f} {secs:>6.2f}  {extraction.coverage.layout}"
                      + (f"  misread {len(misread)}, filed as misread {filed_misread}"
                         if args.misread else "")
                      + (f"  reworded {len(rewordings)} rows, {missed_reworded} of their "
                         f"{on_reworded} figures missed" if args.reword else ""))
                for wrong in score.wrong[: args.show_wrong]:
                    print(f"    wrong: {wrong.describe()}")
                lines = release.text.split("\n")
                for figure in score.missed_figures[: args.show_missed]:
                    print(f"    missed: {_missed(figure, lines, reworded_key.get(figure.key))}")
                if args.reword:
                    totals = reworded_totals.setdefault(layout, [0, 0, 0, 0])
                    totals[0] += len(rewordings)
                    totals[1] += on_reworded
                    totals[2] += missed_reworded
                    totals[3] += len(missed_keys) - missed_reworded
                    for rewording in rewordings:
                        if not rewording.keys:
                            continue  # a heading: no figure of its own to miss
                        lost_one = int(any(key in missed_keys for key in rewording.keys))
                        for rule in dict.fromkeys(rewording.rules):
                            counts = by_rule.setdefault(rule, [0, 0])
                            counts[0] += 1
                            counts[1] += lost_one
                        label = (rewording.before.lower(), rewording.after.lower())
                        counts = by_label.setdefault(label, [0, 0])
                        counts[0] += 1
                        counts[1] += lost_one
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
    print()
    print(f"{'layout':<8} {'n':>3} {'right':>6} {'held':>5} {'wrong':>6} {'missed':>6}  (totals)")
    for layout, rows in summary.items():
        total = [sum(r[i] for r in rows) for i in range(4)]
        print(f"{layout:<8} {len(rows):>3} {total[0]:>6} {total[1]:>5} {total[2]:>6} "
              f"{total[3]:>6}")
    if args.reword:
        print()
        print(f"rewording set {args.reword!r}, share {args.reword_share}: figures on reworded "
              "rows and how many were missed, against the misses on the other rows")
        print(f"{'layout':<8} {'rows':>5} {'figures':>7} {'missed':>6} {'missed elsewhere':>16}")
        for layout, (rows_n, figures_n, missed_n, elsewhere) in reworded_totals.items():
            print(f"{layout:<8} {rows_n:>5} {figures_n:>7} {missed_n:>6} {elsewhere:>16}")
        print()
        print("rules by reworded rows (with figures) that lost a figure: lost / reworded")
        ranked = sorted(by_rule.items(), key=lambda kv: (-kv[1][1], -kv[1][0], kv[0]))
        for (phrase, replacement), (n, lost) in ranked:
            print(f"  {lost:>4} / {n:<4} {phrase!r} -> {replacement!r}")
        print()
        print("reworded labels that lost a figure: lost / reworded")
        ranked_labels = sorted(by_label.items(), key=lambda kv: (-kv[1][1], -kv[1][0], kv[0]))
        for (before, after), (n, lost) in ranked_labels:
            if lost:
                print(f"  {lost:>4} / {n:<4} {before!r} -> {after!r}")
    return 0


def _missed(figure: TruthFigure, lines: list[str], rewording: Rewording | None) -> str:
    """A missed figure: where, what, the text before it on its line, and its row's
    rewording when it was reworded."""
    line = lines[figure.line - 1] if 0 < figure.line <= len(lines) else ""
    at = line.find(figure.text)
    before = " ".join((line[:at] if at >= 0 else line).split())
    if len(before) > 90:
        before = "..." + before[-87:]
    text = (f"line {figure.line}: {figure.concept} [{figure.column} {figure.unit}] "
            f"{figure.text!r} after {before!r}")
    if rewording is not None:
        text += f" (reworded {rewording.before!r} -> {rewording.after!r})"
    return text


if __name__ == "__main__":
    raise SystemExit(main())
