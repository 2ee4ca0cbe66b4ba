"""Score what the extractor filed from a synthetic release against what the release printed.

Per release, never pooled: figures filed right, held back for review, filed wrong, missed.
A filed fact is *right* when its key (concept, period, dimensions, unit) is printed in the
release and its value equals the printed figure (Decimal equality; ``decimals`` may differ
only when the values are equal; a nil fact is right where the release prints a dash). It is
*wrong* when the key is not printed at all (wrong concept, period, unit or dimensions) or its
value differs. Held-back figures are the entries of ``results.review`` (the proof stage's
quarantine), whatever their shape. A printed figure is *missed* when no fact was filed for its
key and no review entry stands for it: one of its key, or one of its concept held with its
printed text from its line under another column's period or unit (a misplaced row, held).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from generator.model.results import ResultFact, Results
from generator.synthetic.truth import FactKey, TruthFigure, fact_key


@dataclass(frozen=True)
class WrongFact:
    """A filed fact that is not what the release printed, with what was printed there."""

    concept: str
    period: str
    dimensions: str
    unit: str | None
    filed: Decimal | None
    line: int | None
    text: str | None
    reason: str
    truth_at_key: tuple[str, ...]  # printed figures of the same key (value @ line)
    truth_on_line: tuple[str, ...]  # printed figures on the fact's source line

    def describe(self) -> str:
        dims = f" {self.dimensions}" if self.dimensions else ""
        return (f"line {self.line}: {self.concept} [{self.period}{dims}] {self.unit} filed "
                f"{self.filed} from {self.text!r} -- {self.reason}; printed for this key: "
                f"{', '.join(self.truth_at_key) or 'nothing'}; on this line: "
                f"{', '.join(self.truth_on_line) or 'nothing'}")


@dataclass
class ReleaseScore:
    """How one release was extracted, in printed-figure terms."""

    printed: int  # distinct printed figures (keys) in statement tables
    filed_right: int
    held_back: int
    filed_wrong: int
    missed: int
    wrong: list[WrongFact] = field(default_factory=list)
    missed_figures: list[TruthFigure] = field(default_factory=list)

    @property
    def recall(self) -> float:
        """Share of printed figures filed right (a ratio for display, not money)."""
        return self.filed_right / self.printed if self.printed else 0.0


def truth_index(truth: Iterable[TruthFigure]) -> dict[FactKey, list[TruthFigure]]:
    """Printed figures by fact key (a key may be printed more than once, always alike)."""
    index: dict[FactKey, list[TruthFigure]] = {}
    for figure in truth:
        index.setdefault(figure.key, []).append(figure)
    return index


def _period_text(fact: ResultFact) -> str:
    return str(fact.period)


def _same(a: Decimal | None, b: Decimal | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return a == b


def _review_keys(item: Any, by_line: Mapping[int, list[TruthFigure]]) -> list[FactKey]:
    """The printed figures a held-back item stands for: its own fact key when it has one (a
    fact, or concept/period/unit attributes), and the figures of its concept printed with its
    text on its line (held under a wrong column's period or unit: held, with its reason, not
    dropped); without a key, the figures printed on its source line with its printed text."""
    fact = getattr(item, "fact", None)
    target = fact if fact is not None else item
    concept = getattr(target, "concept", None)
    period = getattr(target, "period", None)
    source = getattr(target, "source", None) or getattr(item, "source", None)
    line = getattr(source, "line", None) if source is not None else getattr(item, "line", None)
    text = getattr(source, "text", None) if source is not None else None
    text = text or getattr(item, "text", None) or getattr(item, "printed", None)
    figures = by_line.get(line, []) if isinstance(line, int) else []
    same_text = [f for f in figures if isinstance(text, str) and f.text == text.strip()]
    if isinstance(concept, str) and period is not None:
        dims = getattr(target, "dimensions", None) or {}
        own = fact_key(concept, period, dims, getattr(target, "unit", None))
        return [own, *(f.key for f in same_text if f.concept == concept)]
    return [f.key for f in same_text or figures]


def _without_defaults(dims: Mapping[str, str], defaults: Mapping[str, str]) -> dict[str, str]:
    return {axis: m for axis, m in dims.items() if defaults.get(axis) != m}


def score_release(
    truth: Iterable[TruthFigure],
    results: Results,
    *,
    default_members: Mapping[str, str] | None = None,
) -> ReleaseScore:
    """Count right / held back / wrong / missed for one release.

    ``default_members`` (axis -> default member) lets a fact that spells out a default member
    match a figure without it, as XDT treats them alike.
    """
    figures = list(truth)
    index = truth_index(figures)
    by_line: dict[int, list[TruthFigure]] = {}
    for figure in figures:
        by_line.setdefault(figure.line, []).append(figure)
    defaults = default_members or {}
    right_keys: set[FactKey] = set()
    filed_keys: set[FactKey] = set()
    right = 0
    wrong: list[WrongFact] = []
    for fact in results.facts:
        if fact.text is not None:
            continue  # a text (headline, company name) is not a printed figure
        key = fact_key(fact.concept, fact.period, _without_defaults(fact.dimensions, defaults),
                       fact.unit)
        filed_keys.add(key)
        printed = index.get(key, [])
        if printed and any(_same(fact.value, f.value) for f in printed):
            right += key not in right_keys  # a duplicate of a right fact is not a second one
            right_keys.add(key)
            continue
        reason = ("value differs from the printed figure" if printed else
                  "no such figure is printed (concept, period, unit or dimensions)")
        line = fact.source.line
        wrong.append(WrongFact(
            concept=fact.concept, period=_period_text(fact),
            dimensions=", ".join(f"{a}={m}" for a, m in sorted(key[2])), unit=fact.unit,
            filed=fact.value, line=line, text=fact.source.text, reason=reason,
            truth_at_key=tuple(f"{f.value} @{f.line} {f.text!r}" for f in printed),
            truth_on_line=tuple(f"{f.concept}/{f.column}={f.text}"
                                for f in by_line.get(line, [])),
        ))
    review = tuple(getattr(results, "review", ()) or ())
    held_keys: set[FactKey] = set()
    for item in review:
        held_keys.update(_review_keys(item, by_line))
    missed = [group[0] for key, group in index.items()
              if key not in filed_keys and key not in held_keys]
    return ReleaseScore(
        printed=len(index), filed_right=right, held_back=len(review), filed_wrong=len(wrong),
        missed=len(missed), wrong=wrong, missed_figures=missed,
    )
