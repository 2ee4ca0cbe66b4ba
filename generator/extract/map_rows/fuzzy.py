"""Last resort for labels damaged by OCR ("Repayrrlgnts of short-term borrowings ...", a label
whose first line is all that is left): the closest wording of the network by characters.

Only used for OCR documents, only for labels long enough to carry information, and only when one
concept wins clearly; every such reading is reported (coverage ``label_readings``) so a person
can check it, and the arithmetic cross-checks still apply to the figures.
"""

from __future__ import annotations

from dataclasses import dataclass
from difflib import SequenceMatcher

from generator.taxonomy.aliases import (
    COMPANY_TOKEN,
    MEMO_LIMIT,
    AliasIndex,
    NetworkAliases,
    normalize_label,
)

MIN_CHARS = 15
THRESHOLD = 0.82
MARGIN = 0.08
PLACE_THRESHOLD = 0.55  # a damaged label at the place where the statement prints that line
PLACE_MARGIN = 0.1  # a farther line is taken only when it is clearly the better reading


@dataclass(frozen=True)
class FuzzyReading:
    wording: str  # the network wording (normalised key) the label was read as
    score: float


def _squash(text: str) -> str:
    return text.replace(" ", "")


def _expanded(index: AliasIndex, key: str) -> list[str]:
    """A key with ``{company}`` written out as each of the company's names (a damaged label
    no longer spells the name the way the index recognises it)."""
    if COMPANY_TOKEN not in key:
        return [key]
    names = {normalize_label(name) for name in index.company_names}
    return [key.replace(COMPANY_TOKEN, name) for name in sorted(names)] or [key]


def _similarity(label: str, wording: str, floor: float = THRESHOLD - MARGIN) -> float:
    """Ratio of the label to the wording, or to the wording's start or end of the label's length
    (a label cut by a line break keeps only its first or last part)."""
    best = 0.0  # scores under ``floor`` cannot win nor spoil a winner's margin: not computed
    parts = [wording]
    if len(wording) > len(label):
        parts += [wording[: len(label)], wording[-len(label):]]
    for part in parts:
        matcher = SequenceMatcher(None, label, part, autojunk=False)
        bound = max(best, floor)
        if matcher.real_quick_ratio() > bound and matcher.quick_ratio() > bound:  # upper bounds
            best = max(best, matcher.ratio())
    return best


def closest_wording(index: AliasIndex, network: NetworkAliases, label: str) -> FuzzyReading | None:
    """The network wording a damaged label most likely is, when one concept wins clearly
    (memoised on the index: it compares the label with every wording of the network)."""
    memo = (network.network.id, label)
    if memo not in index.fuzzy:
        if len(index.fuzzy) > MEMO_LIMIT:
            index.fuzzy.clear()
        index.fuzzy[memo] = _closest(index, network, label)
    found = index.fuzzy[memo]
    return found if isinstance(found, FuzzyReading) else None


def _closest(index: AliasIndex, network: NetworkAliases, label: str) -> FuzzyReading | None:
    squashed = _squash(index.key(label))
    if len(squashed) < MIN_CHARS:
        return None
    scores: dict[str, tuple[float, str]] = {}  # concept -> (score, wording key)
    for key, cands in network.wordings.items():
        score = max(_similarity(squashed, _squash(text)) for text in _expanded(index, key))
        for cand in cands:
            best = scores.get(cand.ref.concept)
            if best is None or score > best[0]:
                scores[cand.ref.concept] = (score, key)
    ranked = sorted(scores.values(), reverse=True)
    if not ranked or ranked[0][0] < THRESHOLD:
        return None
    if len(ranked) > 1 and ranked[0][0] - ranked[1][0] < MARGIN:
        return None
    return FuzzyReading(wording=ranked[0][1], score=round(ranked[0][0], 3))


def reading_at_place(
    index: AliasIndex, network: NetworkAliases, label: str, places: list[list[str]]
) -> tuple[int, FuzzyReading] | None:
    """Which of the lines that may be printed at this place a damaged label is, if it still
    resembles one of them clearly: (index in ``places``, reading).

    Statements print their lines in the network's order, so a label the OCR garbled beyond a
    clear match is one of the next few expected lines (a statement may skip some: a quarter's
    statement has no pension line) when it is at least half recognisable: the nearest of them,
    unless a farther one is clearly the better reading. A label that half resembles a farther
    line about as much as a nearer one it does not resemble enough stays unread.
    Example: "Prféljls:yzgéfslrement and pension costs," between the impairment and the
    allowance lines is the provision for retirement and pension costs.
    ``places`` holds each candidate line's wordings, nearest first.
    """
    squashed = _squash(index.key(label))
    if len(squashed) < MIN_CHARS:
        return None
    scored = []
    for at, keys in enumerate(places):
        found = [
            (max(_similarity(squashed, _squash(t), floor=0.0) for t in _expanded(index, key)), key)
            for key in keys
        ]
        if found:
            score, key = max(found)
            scored.append((score, -at, key))
    if not scored:
        return None
    best = max(score for score, _, _ in scored)
    # the nearest line it resembles about as well as the best one; if that line is not
    # recognisable enough, the label is ambiguous between lines and stays unread
    score, at, key = max((s for s in scored if s[0] >= best - PLACE_MARGIN), key=lambda s: s[1])
    if score < PLACE_THRESHOLD:
        return None
    return -at, FuzzyReading(wording=key, score=round(score, 3))
