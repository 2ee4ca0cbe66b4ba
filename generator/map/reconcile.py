"""Reconcile the same figure read from several places (tables, documents).

A figure for one (concept, period, members, unit) may be printed in a statement, a summary table,
and the comparative column of next year's release. Agreeing figures merge into the most precise
one, with every other place recorded in its provenance; disagreeing ones are reported with all
sources, and the filing takes the reading with the strongest evidence: one a check of its own
confirmed in its release (a sum it is part of holds, its translation or other printing agrees)
before one whose column alone was proven; then the filing's own document, the most precise, and
only then a primary statement's.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_EVEN, Decimal

from pydantic import BaseModel, ConfigDict

from generator.model.results import ResultFact


@dataclass(frozen=True)
class Candidate:
    """One reading of a figure, with what makes it more or less authoritative."""

    fact: ResultFact
    primary: bool  # read from a primary financial statement
    own_document: bool  # read from a document of the filing being built

    @property
    def confirmed(self) -> bool:
        """A check of its own proved this reading (not only its column's)."""
        return any(p.startswith("own: ") for p in self.fact.source.proven_by)

    def rank(self) -> tuple[bool, bool, int, bool, str, int]:
        decimals = self.fact.decimals if self.fact.decimals is not None else -99
        return (
            not self.confirmed,
            not self.own_document,
            -decimals,
            not self.primary,
            self.fact.source.document,
            self.fact.source.line,
        )


class Conflict(BaseModel):
    """Sources that disagree on one figure, and the value the filing uses."""

    model_config = ConfigDict(frozen=True)
    concept: str
    period: str
    members: tuple[str, ...]
    unit: str | None
    chosen: str
    readings: tuple[str, ...]
    filing: str = ""  # the filing that uses ``chosen`` (each filing prefers its own document)

    def __str__(self) -> str:
        dims = f" [{', '.join(self.members)}]" if self.members else ""
        return (
            f"{self.concept} {self.period}{dims}: sources disagree ("
            + "; ".join(self.readings)
            + f"); {self.filing or 'the filing'} uses {self.chosen}"
        )


def rounded(value: Decimal, decimals: int) -> Decimal:
    return value.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_EVEN)


def agree(a: ResultFact, b: ResultFact) -> bool:
    """Equal as printed: the same text, both nil, or equal once rounded to the coarser
    precision."""
    if a.text is not None or b.text is not None:
        return a.text == b.text
    if a.value is None or b.value is None:
        return a.value is None and b.value is None
    if a.decimals is None or b.decimals is None:
        return a.value == b.value
    decimals = min(a.decimals, b.decimals)
    return rounded(a.value, decimals) == rounded(b.value, decimals)


def describe(value: Decimal | None, decimals: int | None, source: object) -> str:
    """A reading as conflicts print it: "34272080000 (decimals -3) at r.txt:341"."""
    shown = "nil" if value is None else f"{value} (decimals {decimals})"
    return f"{shown} at {source}"


def _describe(c: Candidate) -> str:
    return describe(c.fact.value, c.fact.decimals, c.fact.source)


def choose(candidates: list[Candidate]) -> tuple[ResultFact, Conflict | None]:
    """The fact to file, with the other sources in its provenance, and any disagreement.

    A text (a headline, a name) is its document's own words, not a reading of a figure: two
    documents of one filing with two headlines do not conflict; the filing files the text of
    its first own document, and the documents printing the same words are in its provenance.
    """
    if len(candidates) == 1:
        return candidates[0].fact, None
    if any(c.fact.text is not None for c in candidates):
        first = min(candidates, key=lambda c: (not c.own_document, c.fact.source.document,
                                                c.fact.source.line))
        candidates = [c for c in candidates if agree(first.fact, c.fact)]
        if len(candidates) == 1:
            return first.fact, None
    ordered = sorted(candidates, key=Candidate.rank)
    # The strongest evidence decides which reading is right; of the readings that agree with
    # it, the most precise is filed (a statement's thousands over a summary's millions).
    winner = ordered[0]
    agreeing = [c for c in ordered if agree(winner.fact, c.fact)]
    best = max(agreeing, key=lambda c: c.fact.decimals if c.fact.decimals is not None else -99)
    others = [c for c in ordered if c is not best]
    also_in = tuple(
        dict.fromkeys([*best.fact.source.also_in, *(str(c.fact.source) for c in others)])
    )
    chosen = best.fact.model_copy(
        update={"source": best.fact.source.model_copy(update={"also_in": also_in})}
    )
    disagreeing = [c for c in others if not agree(winner.fact, c.fact)]
    if not disagreeing:
        return chosen, None
    fact = best.fact
    conflict = Conflict(
        concept=fact.concept,
        period=str(fact.period),
        members=tuple(f"{a}={m}" for a, m in sorted(fact.dimensions.items())),
        unit=fact.unit,
        chosen=_describe(best),
        readings=tuple(_describe(c) for c in ordered),
    )
    return chosen, conflict
