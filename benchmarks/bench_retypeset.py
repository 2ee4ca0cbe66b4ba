"""Benchmark: the five samples printed again in typography the extractor has never seen, each
release scored alone against the hand-checked figures (``tests/extract/expected``).

    python benchmarks/bench_retypeset.py [--styles S ...] [--seeds 1 2] [--samples 000 ...]
                                         [--salt TEXT] [--show N] [--keep DIR]

``benchmarks/retypeset.py`` (written by a helper who did not read the extractor, its readers or
its synthetic renderer) prints a sample again in one style — columns joined by ragged runs of
spaces, right-aligned fixed-width columns, page furniture with form feeds (also mid-table),
an OCR scan's damaged words, other negative and dash forms, other digit grouping (none, thin
spaces, apostrophes), markdown or box grids, wrapped labels, full-width digits, or a seeded mix
— and a line map from each new line to the sample's line. The figures do not change, so the
sample's hand-checked figures are the truth: each is **right** (filed from its row at its
value), **held** back for review, **wrong** (filed from its row with another value, or its
figure filed under another concept, period or member) or **missed**. A figure filed from a
table row the hand-check lists, as something the hand-check does not list there, is
**stray**: wrong too. A figure filed from a line the re-typesetter made up (page furniture) is
**invented**. Each release is read as ``xbrlgen extract`` reads it: a text the reader cuts into
several releases (a cover line atop every page taken for a new release's) is scored part by
part, and one part refused refuses the whole (the command exits 2). Not a test: run it by hand
(~40 s for the 100 releases).
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

if TYPE_CHECKING:
    from generator.extract.pipeline import Extraction
    from tests.extract.recall import Expected

STYLES = ("ragged2", "rightaligned", "pagefurniture", "ocrnoise", "negatives", "separators",
          "pipes", "wrapped", "fullwidth", "mixed")
# run only when asked (--styles): the default run stays the ten styles measured so far
ADVERSARY_STYLES = ("swapcols", "footnotes", "periodwords", "extracol", "unitscale",
                    "cellmarks")
OUTCOMES = ("right", "held", "wrong", "missed", "stray", "invented")


def score(expected: list[Expected], ex: Extraction, linemap: dict[int, int]
          ) -> tuple[Counter[str], list[str]]:
    """Outcomes of the sample's figures in the extraction of its re-typeset release, whose
    lines ``linemap`` takes back to the sample's."""
    from tests.extract.recall import filed_as_printed

    keys = {(e.line, e.concept, e.period, e.dimensions) for e in expected}
    rows = {e.line for e in expected}
    facts = []
    for f in ex.results.facts:
        lines = {f.source.line} | {int(loc.rsplit(":", 1)[1]) for loc in f.source.also_in}
        facts.append((f, {linemap[n] for n in lines if n in linemap}, linemap.get(f.source.line)))
    counts: Counter[str] = Counter()
    notes: list[str] = []
    missed: list[str] = []
    for e in expected:
        found = [(f, at) for f, lines, at in facts if e.line in lines and f.concept == e.concept
                 and f.period == e.period and f.unit == e.unit
                 and tuple(sorted(f.dimensions.items())) == e.dimensions]
        if found:
            f, at = found[0]
            if filed_as_printed(e, f.value, at == e.line):
                counts["right"] += 1
            else:
                counts["wrong"] += 1
                notes.append(f"wrong: line {e.line} {e.concept} {e.period}: printed {e.text}, "
                             f"filed {f.value} from line {f.source.line}")
            continue
        if any(linemap.get(h.line) == e.line and h.concept == e.concept and h.period == e.period
               for h in ex.results.review):
            counts["held"] += 1
            continue
        counts["missed"] += 1
        missed.append(f"missed: line {e.line} {e.concept} {e.period} ({e.text})")
    for f, _, at in facts:
        if at is None and f.value is not None and f.source.line not in linemap:
            counts["invented"] += 1
            notes.append(f"invented: line {f.source.line} {f.concept} {f.value}")
        elif at in rows and f.value is not None and (
                at, f.concept, f.period, tuple(sorted(f.dimensions.items()))) not in keys:
            counts["stray"] += 1
            notes.append(f"stray: line {at} filed as {f.concept} {f.period} "
                         f"{f.dimensions} {f.value} ({f.source.text})")
    return counts, notes + missed  # what was filed wrong first


def as_the_command_reads(path: Path, taxonomy: object) -> tuple[Extraction, int]:
    """The release extracted as ``xbrlgen extract`` reads it, and into how many releases it
    was cut: a text the reader takes for several releases back to back (a cover line atop
    every page) is read part by part, and scored so, each part's lines counted in the file."""
    from generator.extract.pipeline import extract_releases

    parts = list(extract_releases(path, taxonomy))  # type: ignore[arg-type]
    if len(parts) == 1:
        return parts[0], 1
    facts, review = [], []
    for part in parts:
        first = next((int(m.group(1)) for n in part.results.notes
                      if (m := re.search(r"from its line (\d+);", n))), 1)
        for f in part.results.facts:
            source = f.source.model_copy(update={
                "line": f.source.line + first - 1,
                "also_in": tuple(f"{loc.rsplit(':', 1)[0]}:{int(loc.rsplit(':', 1)[1]) + first - 1}"
                                 for loc in f.source.also_in)})
            facts.append(f.model_copy(update={"source": source}))
        review += [h.model_copy(update={"line": h.line + first - 1})
                   for h in part.results.review]
    merged = parts[0].results.model_copy(update={"facts": tuple(facts), "review": tuple(review)})
    return parts[0].model_copy(update={"results": merged}), len(parts)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--styles", nargs="+", default=list(STYLES),
                        choices=STYLES + ADVERSARY_STYLES)
    parser.add_argument("--seeds", nargs="+", type=int, default=[1, 2])
    parser.add_argument("--samples", nargs="+", default=None,
                        help="sample numbers (000-004); default all five")
    parser.add_argument("--salt", default="", help="draw other renderings: each style's random "
                        "choices are seeded by sample, style, seed and this")
    parser.add_argument("--show", type=int, default=0, help="print up to N problems a release")
    parser.add_argument("--keep", type=Path, default=None, help="also write each release here")
    args = parser.parse_args(argv)

    import json

    from benchmarks.retypeset import retypeset
    from generator.extract.pipeline import ExtractionError
    from generator.extract.read import ReleaseError
    from generator.taxonomy import load_taxonomy
    from tests.extract.recall import expected_files, load_expected

    taxonomy = load_taxonomy()
    expected = {path.name[:3]: load_expected(path) for path in expected_files()}
    samples = sorted((ROOT / "samples").glob("*.txt"))
    if args.samples:
        samples = [p for p in samples if p.name[:3] in args.samples]
    totals: dict[str, Counter[str]] = {}
    print(f"{'release':44s}" + "".join(f"{o:>9s}" for o in OUTCOMES))
    with tempfile.TemporaryDirectory() as tmp:
        out_dir = args.keep or Path(tmp)
        out_dir.mkdir(parents=True, exist_ok=True)
        for sample in samples:
            text = sample.read_text(encoding="utf-8")
            for style in args.styles:
                for seed in args.seeds:
                    name = f"{sample.stem}__{style}__s{seed}.txt"
                    printed, linemap, _ = retypeset(
                        text, style, seed, sample.name + (f"|{args.salt}" if args.salt else ""))
                    path = out_dir / name
                    path.write_text(printed, encoding="utf-8")
                    if args.keep:
                        (out_dir / f"{name}.linemap.json").write_text(
                            json.dumps(linemap, sort_keys=True), encoding="utf-8")
                    truth = expected[sample.name[:3]]
                    try:
                        ex, parts = as_the_command_reads(path, taxonomy)
                    except (ReleaseError, ExtractionError) as exc:  # refused: nothing filed
                        counts, notes = Counter(missed=len(truth)), [f"refused: {exc}"]
                    else:
                        counts, notes = score(truth, ex, {int(k): v for k, v in linemap.items()})
                        if parts > 1:
                            notes.insert(0, f"read as {parts} releases back to back")
                    totals.setdefault(style, Counter()).update(counts)
                    print(f"{name[:44]:44s}" + "".join(f"{counts[o]:9d}" for o in OUTCOMES),
                          flush=True)
                    for note in notes[:args.show]:
                        print(f"    {note}")
    print()
    print("| style | " + " | ".join(OUTCOMES) + " |")
    print("|---|" + "---|" * len(OUTCOMES))
    for style in args.styles:
        c = totals.get(style, Counter())
        print(f"| {style} | " + " | ".join(str(c[o]) for o in OUTCOMES) + " |")
    every: Counter[str] = Counter()
    for c in totals.values():
        every.update(c)
    print("| **all** | " + " | ".join(str(every[o]) for o in OUTCOMES) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
