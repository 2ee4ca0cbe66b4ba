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

The adversary style ``ocrdigits`` damages some figures themselves (a scan's "1,O23", 3 read as
8, "12.345", a lost parenthesis); their truth stays the figure first printed. Each such
release gets a "damaged figures" line: how the hand-checked figures printed damaged ended
(filed wrong / held / missed / filed right, a repair), how many of the damaged rows' other
figures were filed wrong or stray (a cell no longer read as a number shifts a row), and how
many facts were filed from damaged rows no hand-check lists at a value those rows never
printed (a damaged reading filed, most likely); ``--show`` lists these first.
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
from collections import Counter
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

if TYPE_CHECKING:
    from benchmarks.retypeset import Damage
    from generator.extract.pipeline import Extraction
    from tests.extract.recall import Expected

STYLES = ("ragged2", "rightaligned", "pagefurniture", "ocrnoise", "negatives", "separators",
          "pipes", "wrapped", "fullwidth", "mixed")
# run only when asked (--styles): the default run stays the ten styles measured so far
ADVERSARY_STYLES = ("swapcols", "footnotes", "periodwords", "extracol", "unitscale",
                    "cellmarks", "ocrdigits")
DAMAGE_OUTCOMES = ("wrong", "held", "missed", "right")
OUTCOMES = ("right", "held", "wrong", "missed", "stray", "invented")


def score(expected: list[Expected], ex: Extraction, linemap: dict[int, int],
          outcomes: dict[Expected, tuple[str, str]] | None = None
          ) -> tuple[Counter[str], list[str]]:
    """Outcomes of the sample's figures in the extraction of its re-typeset release, whose
    lines ``linemap`` takes back to the sample's; each figure's outcome and note also put in
    ``outcomes`` when given."""
    outcomes = {} if outcomes is None else outcomes
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
                outcomes[e] = ("right", f"filed {f.value} from line {f.source.line}")
            else:
                counts["wrong"] += 1
                notes.append(f"wrong: line {e.line} {e.concept} {e.period}: printed {e.text}, "
                             f"filed {f.value} from line {f.source.line}")
                outcomes[e] = ("wrong", notes[-1][7:])
            continue
        if any(linemap.get(h.line) == e.line and h.concept == e.concept and h.period == e.period
               for h in ex.results.review):
            counts["held"] += 1
            outcomes[e] = ("held", "")
            continue
        counts["missed"] += 1
        outcomes[e] = ("missed", "")
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


def printed_values(line: str) -> set[Decimal]:
    """Every number a source line prints, unsigned, as far as a lenient reading goes."""
    out = set()
    for m in re.finditer(r"\d[\d,]*(?:\.\d+)?", line):
        out.add(Decimal(m.group().rstrip(",").replace(",", "")))
    return out


def unprinted_facts(damaged: list[Damage], ex: Extraction, linemap: dict[int, int],
                    source: list[str], checked: set[int]) -> list[str]:
    """Facts filed from a damaged line no hand-check lists whose value its source line does
    not print (at any power of ten, either sign): a damaged reading filed, most likely."""
    lines = {d.line for d in damaged} - checked
    out = []
    for f in ex.results.facts:
        at = linemap.get(f.source.line)
        if at not in lines or f.value is None:
            continue
        printed = printed_values(source[at - 1])
        v = abs(Decimal(f.value))
        if v == 0 or any(v == n.scaleb(k) for n in printed for k in range(-4, 10)):
            continue
        ds = [d for d in damaged if d.line == at]
        out.append(f"unchecked damaged row, filed {f.concept} {f.period} {f.value} from line "
                   f"{at}, which does not print it: " + "; ".join(
                       f"{d.before!r} -> {d.after!r} ({d.kind})" for d in ds))
    return out


def damage_outcomes(damaged: list[Damage], expected: list[Expected],
                    outcomes: dict[Expected, tuple[str, str]], notes: list[str],
                    unprinted: list[str] | None = None) -> tuple[Counter[str], list[str]]:
    """How the figures a scan damaged (``ocrdigits``) ended: each hand-checked figure printed
    damaged is filed wrong, held, missed or filed right (a repair); ``unchecked`` counts the
    damaged texts no hand-check lists (a % column, a ratio). ``rowwrong`` and ``rowstray``
    count the damaged rows' other figures filed wrong and the strays filed from those rows
    (a damaged cell no longer read as a number can shift the row's columns); ``unprinted``
    the facts filed from damaged rows no hand-check lists at values those rows never
    printed (``unprinted_facts``)."""
    counts: Counter[str] = Counter()
    out: list[str] = []
    hit: set[Expected] = set()
    for d in damaged:
        es = [e for e in expected if e.line == d.line and (
            e.text == d.before or e.text in d.before.split())]  # "702.5" of "702.5 Gbps"
        counts["damaged"] += 1
        if not es:
            counts["unchecked"] += 1
        for e in es:
            hit.add(e)
            outcome, why = outcomes.get(e, ("missed", ""))
            counts[outcome] += 1
            if outcome == "wrong":
                out.append(f"damaged, filed wrong: line {d.line} {d.before!r} -> {d.after!r} "
                           f"({d.kind}): {why}")
    lines = {d.line for d in damaged}
    for e in expected:
        if e.line in lines and e not in hit and outcomes.get(e, ("",))[0] == "wrong":
            counts["rowwrong"] += 1
            out.append(f"undamaged on a damaged row, filed wrong: {outcomes[e][1]}")
    for note in notes:
        m = re.match(r"stray: line (\d+) ", note)
        if m and int(m.group(1)) in lines:
            counts["rowstray"] += 1
            out.append(f"on a damaged row: {note}")
    unprinted = unprinted or []
    counts["unprinted"] += len(unprinted)
    return counts, out + unprinted


def damage_line(c: Counter[str]) -> str:
    return (f"{c['damaged']} damaged ({c['unchecked']} in no hand-check): "
            + ", ".join(f"{o} {c[o]}" for o in DAMAGE_OUTCOMES)
            + f"; their rows' other figures: wrong {c['rowwrong']}, stray {c['rowstray']}"
            + f"; unchecked rows filed at a value never printed: {c['unprinted']}")


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

    from benchmarks.retypeset import retypeset_damage
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
    damage_totals: dict[str, Counter[str]] = {}
    print(f"{'release':44s}" + "".join(f"{o:>9s}" for o in OUTCOMES))
    with tempfile.TemporaryDirectory() as tmp:
        out_dir = args.keep or Path(tmp)
        out_dir.mkdir(parents=True, exist_ok=True)
        for sample in samples:
            text = sample.read_text(encoding="utf-8")
            for style in args.styles:
                for seed in args.seeds:
                    name = f"{sample.stem}__{style}__s{seed}.txt"
                    printed, linemap, _, damaged = retypeset_damage(
                        text, style, seed, sample.name + (f"|{args.salt}" if args.salt else ""))
                    path = out_dir / name
                    path.write_text(printed, encoding="utf-8")
                    if args.keep:
                        (out_dir / f"{name}.linemap.json").write_text(
                            json.dumps(linemap, sort_keys=True), encoding="utf-8")
                    truth = expected[sample.name[:3]]
                    outcomes: dict[Expected, tuple[str, str]] = {}
                    try:
                        ex, parts = as_the_command_reads(path, taxonomy)
                    except (ReleaseError, ExtractionError) as exc:  # refused: nothing filed
                        counts, notes = Counter(missed=len(truth)), [f"refused: {exc}"]
                    else:
                        counts, notes = score(truth, ex, {int(k): v for k, v in linemap.items()},
                                              outcomes)
                        if parts > 1:
                            notes.insert(0, f"read as {parts} releases back to back")
                    totals.setdefault(style, Counter()).update(counts)
                    print(f"{name[:44]:44s}" + "".join(f"{counts[o]:9d}" for o in OUTCOMES),
                          flush=True)
                    if damaged:
                        unprinted = [] if not outcomes else unprinted_facts(
                            damaged, ex, {int(k): v for k, v in linemap.items()},
                            text.split("\n"), {e.line for e in truth})
                        dc, dnotes = damage_outcomes(damaged, truth, outcomes, notes, unprinted)
                        damage_totals.setdefault(style, Counter()).update(dc)
                        print(f"    damaged figures: {damage_line(dc)}")
                        if args.keep:
                            (out_dir / f"{name}.damaged.json").write_text(json.dumps(
                                [vars(d) for d in damaged], indent=0), encoding="utf-8")
                        notes = dnotes + [n for n in notes if n not in dnotes
                                          and not any(n in d for d in dnotes)]
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
    for style, dc in damage_totals.items():
        print(f"damaged figures ({style}): {damage_line(dc)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
