"""Recall of the samples' table figures against figures read by hand (``expected/*.yaml``).

Each expected file lists, table by table, every figure a sample prints: its line, the text as
printed, the concept, period and dimensions it is, and (from the text and the table's scale) its
value. A figure is scored against the release's own extraction (``xbrlgen extract``):

- **right**: a filed fact of that concept, period and dimensions was read from that line (or a
  printing merged into it was) and equals the printed figure at its printed precision;
- **wrong**: a filed fact of that concept, period and dimensions read from that line holds
  another value, or the printed text was filed on that line as a fact no expected figure is;
- **held**: the figure is under ``review`` (held back, not filed);
- **missed**: none of these.

The expected files are the hand-checked reference: the test checks that each printed text is on
its line, so a typo in a line number cannot pass silently.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections import Counter
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any

import yaml

from generator.extract.pipeline import Extraction, extract_release
from generator.model.period import Duration, Instant, Period
from generator.resources import samples_dir
from generator.taxonomy import load_taxonomy

EXPECTED_DIR = Path(__file__).parent / "expected"
OUTCOMES = ("right", "held", "wrong", "missed")


@dataclass(frozen=True)
class Expected:
    document: str
    kind: str
    table: str
    line: int
    text: str
    concept: str
    period: Period
    dimensions: tuple[tuple[str, str], ...]
    unit: str
    value: Decimal | None  # None: a dash (nil)
    exponent: int  # the printed precision: value is a multiple of 10**exponent


@dataclass
class Score:
    counts: Counter[str] = field(default_factory=Counter)
    outcomes: list[tuple[Expected, str, str]] = field(default_factory=list)

    def add(self, exp: Expected, outcome: str, why: str = "") -> None:
        self.counts[outcome] += 1
        self.outcomes.append((exp, outcome, why))

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def recall(self) -> float:
        return 100.0 * self.counts["right"] / self.total if self.total else 100.0


def parse_period(text: str) -> Period:
    if text.startswith("@"):
        return Instant(date=dt.date.fromisoformat(text[1:]))
    start, end = text.split("..")
    return Duration(start=dt.date.fromisoformat(start), end=dt.date.fromisoformat(end))


_NUMBER = re.compile(r"\(?-?[0-9][0-9,]*(?:\.[0-9]+)?\s*\)?")


def parse_printed(text: str) -> tuple[Decimal | None, int]:
    """The number a printed cell shows, and the exponent of its last printed digit."""
    stripped = text.strip()
    if stripped in {"-", "--", "–", "—", "_"}:
        return None, 0
    m = _NUMBER.search(stripped)
    assert m, f"no number in {text!r}"
    raw = m.group(0)
    negative = raw.startswith("(") or raw.startswith("-")
    digits = raw.strip("()- ").replace(",", "")
    exponent = -len(digits.split(".")[1]) if "." in digits else 0
    value = Decimal(digits)
    return (-value if negative else value), exponent


def _is_cell(item: Any) -> bool:
    return isinstance(item, dict) and "text" in item


def load_expected(path: Path) -> list[Expected]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    document = data["document"]
    out: list[Expected] = []
    for table in data["tables"]:
        periods = [parse_period(p) for p in table["periods"]]
        scale = Decimal(str(table.get("scale", 1)))
        for row in table["rows"]:
            opts: dict[str, Any] = row[-1] if isinstance(row[-1], dict) \
                and not _is_cell(row[-1]) else {}
            cells = row[2:-1] if opts else row[2:]
            line, concept = row[0], row[1]
            dims = {**table.get("dims", {}), **opts.get("dims", {})}
            row_periods = [parse_period(p) for p in opts["periods"]] if "periods" in opts \
                else periods
            assert len(cells) == len(row_periods), f"{path.name}:{line}: {len(cells)} cells"
            for text, period in zip(cells, row_periods, strict=True):
                if text is None:
                    continue
                if isinstance(text, dict):  # OCR damage: the text as printed, the hand reading
                    text, reading = str(text["text"]), str(text["read"])
                else:
                    text = reading = str(text)
                printed, exponent = parse_printed(reading)
                row_scale = Decimal(str(opts.get("scale", scale)))
                value = None if printed is None else printed * row_scale * (
                    -1 if opts.get("negate") else 1)
                out.append(Expected(
                    document=document, kind=opts.get("kind", table["kind"]),
                    table=table["title"], line=line, text=text, concept=concept,
                    period=period, dimensions=tuple(sorted(dims.items())),
                    unit=opts.get("unit", table.get("unit", "JPY")), value=value,
                    exponent=exponent + (row_scale.adjusted() if row_scale else 0)))
    return out


@functools.cache
def expected_files() -> tuple[Path, ...]:
    return tuple(sorted(EXPECTED_DIR.glob("*.yaml")))


@functools.cache
def extraction(document: str) -> Extraction:
    return extract_release(samples_dir() / document, load_taxonomy())


def _lines(fact: Any) -> set[int]:
    return {fact.source.line} | {int(loc.rsplit(":", 1)[1]) for loc in fact.source.also_in}


def _at_precision(value: Decimal, exponent: int) -> Decimal:
    return value.quantize(Decimal(1).scaleb(exponent), rounding=ROUND_HALF_UP)


def filed_as_printed(e: Expected, value: Decimal | None, from_its_line: bool) -> bool:
    """Whether a filed ``value`` is the figure ``e`` prints, at its printed precision. A
    summary's printing merged into a statement's more precise figure (``from_its_line``
    false) agrees with it within one unit of that precision (releases adjust rounded summary
    figures so that they add up: 309,586 thousand printed as 309 million)."""
    if e.value is None or value is None:
        return e.value is None and value is None
    slack = 0 if from_its_line else Decimal(1).scaleb(e.exponent)
    return abs(_at_precision(Decimal(value), e.exponent) - e.value) <= slack


def score(expected: list[Expected], ex: Extraction) -> Score:
    facts = ex.results.facts
    by_key: dict[tuple[Any, ...], list[Any]] = {}
    for f in facts:
        key = (f.concept, f.period, tuple(sorted(f.dimensions.items())), f.unit)
        by_key.setdefault(key, []).append(f)
    expected_keys = {(e.line, e.concept, e.period, e.dimensions) for e in expected}
    result = Score()
    for e in expected:
        candidates = [f for f in by_key.get((e.concept, e.period, e.dimensions, e.unit), [])
                      if e.line in _lines(f)]
        if candidates:
            f = candidates[0]
            if filed_as_printed(e, f.value, f.source.line == e.line):
                result.add(e, "right")
            else:
                result.add(e, "wrong", f"filed {f.value} from line {f.source.line}")
            continue
        held = [r for r in ex.results.review if r.line == e.line and r.concept == e.concept
                and r.period == e.period]
        if held:
            result.add(e, "held", held[0].reason)
            continue
        misfiled = [f for f in facts if f.source.line == e.line and f.source.text == e.text
                    and (f.source.line, f.concept, f.period,
                         tuple(sorted(f.dimensions.items()))) not in expected_keys]
        if misfiled:
            f = misfiled[0]
            result.add(e, "wrong", f"filed as {f.concept} {f.period} {f.dimensions}")
            continue
        result.add(e, "missed")
    return result


def score_all() -> dict[str, tuple[list[Expected], Score]]:
    out = {}
    for path in expected_files():
        expected = load_expected(path)
        document = expected[0].document
        out[document] = (expected, score(expected, extraction(document)))
    return out


def table(scores: dict[str, tuple[list[Expected], Score]]) -> str:
    """Recall per table kind and per release, as a Markdown table."""
    per_kind: dict[str, Score] = {}
    per_doc: dict[str, Score] = {}
    for document, (_, sc) in scores.items():
        for e, outcome, why in sc.outcomes:
            per_kind.setdefault(e.kind, Score()).add(e, outcome, why)
            per_doc.setdefault(document[:3], Score()).add(e, outcome, why)
    total = Score()
    for sc in per_doc.values():
        for e, outcome, why in sc.outcomes:
            total.add(e, outcome, why)
    rows = ["| | printed | right | held back | wrong | missed | recall |",
            "|---|---|---|---|---|---|---|"]
    for name, sc in [*sorted(per_kind.items()), *sorted(per_doc.items()), ("all", total)]:
        c = sc.counts
        rows.append(f"| {name} | {sc.total} | {c['right']} | {c['held']} | {c['wrong']} | "
                    f"{c['missed']} | {sc.recall:.1f}% |")
    return "\n".join(rows)
