"""Readings of a printed label by meaning, for labels no declared wording names exactly.

A release may print a line with a unit note ("Basic net income per share (JPY / U.S.
Dollars)"), with its alternative in parentheses ("Income (loss) from operations"), or as its
opposite ("Operating loss", "Income tax benefit", "Net loss"). These are rules of the language
of financial statements, not of one company, so they live here; wordings a company invents stay
taxonomy data (aliases). Each reading says whether it reverses the sign of what it names: an
operating loss of 123 is operating income of -123.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

# Words a unit note is made of: "(JPY)", "(Yen)", "(JPY / U.S. Dollars / JPY)", "(shares)",
# "(ADSs)", "(in thousands)", "(%)", "(Thousands of Yen)".
UNIT_WORDS = frozenset({
    "jpy", "yen", "usd", "u", "s", "us", "dollar", "dollars", "share", "shares", "ads", "adss",
    "thousand", "thousands", "million", "millions", "billion", "billions", "in", "of", "per",
    "percent", "except", "amounts", "and", "data", "円", "千円", "百万円", "株",
})
_TRAILING_NOTE = re.compile(r"\s*\(([^()]*)\)\s*[:.]?\s*$")
_ALTERNATIVE = re.compile(r"\s*\((?:loss|losses|benefit|deficit)\)", re.I)
# A word and its opposite: the reading with the other word names the same concept, negated.
OPPOSITES = (("loss", "income"), ("losses", "income"), ("loss", "profit"), ("benefit", "expense"),
             ("deficit", "surplus"))


_NOT_UNIT_CHARS = re.compile(r"[^0-9a-z%円千百万株]+")


def _is_unit_note(note: str) -> bool:
    words = [w for w in _NOT_UNIT_CHARS.split(note.lower()) if w]
    return bool(words) and all(w in UNIT_WORDS or w == "%" for w in words)


def without_unit_note(label: str) -> str:
    """The label without trailing unit notes: "Basic net income per share (JPY)" -> "Basic net
    income per share"; a note that is not units ("(Target)", "(forecast)") stays."""
    text = label
    while (match := _TRAILING_NOTE.search(text)) and _is_unit_note(match.group(1)):
        text = text[: match.start()]
    return text.strip()


_SPACES = re.compile(r"\s+")


def without_alternative(label: str) -> str:
    """"Income (loss) from operations" -> "Income from operations": the printed sign decides."""
    return _SPACES.sub(" ", _ALTERNATIVE.sub("", label)).strip()


_OPPOSITE_WORDS = re.compile(
    r"\b(?:" + "|".join(sorted({w for w, _ in OPPOSITES})) + r")\b", re.I)


def says_opposite(text: str) -> bool:
    """Whether a wording says one of the opposite words outside an alternative ("Accumulated
    deficit" does, "Income (loss) from operations" does not)."""
    return bool(_OPPOSITE_WORDS.search(without_alternative(text)))


# each word of a pair as a whole word, compiled once: asked of every label read in other words
_OPPOSITE_PATTERNS = tuple((re.compile(rf"\b{word}\b", re.I), opposite)
                           for word, opposite in OPPOSITES)


def _swapped(label: str) -> Iterator[str]:
    for pattern, opposite in _OPPOSITE_PATTERNS:
        if pattern.search(label):
            yield pattern.sub(opposite, label)


def readings(label: str) -> Iterator[tuple[str, bool]]:
    """Readings of ``label`` by meaning, in the order to try them: (text, reverses the sign).
    The label itself is not among them (it was tried first, as printed)."""
    seen = {label}
    plain = without_alternative(without_unit_note(label))
    for text in (without_unit_note(label), without_alternative(label), plain):
        if text and text not in seen:
            seen.add(text)
            yield text, False
    for base in dict.fromkeys((label, plain)):
        for text in _swapped(base):
            if text not in seen:
                seen.add(text)
                yield text, True
