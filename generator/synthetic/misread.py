"""Digits misread, as a scan's text layer misreads them: a synthetic release with some of its
printed figures changed by one digit, its truth left as it was.

Why: the other layouts misread letters in labels, never a figure's digits, yet a scan turns
"29,652,287" into "20,652,287" (sample 000) and the text still reads as a figure. Such a figure
is wrong however well its column is read; scored against the true figures, a misread the
checks do not catch is *filed wrong*, one they catch is *held back*. Some cannot be caught: a
figure in no sum, printed once, with no translation or % beside it that would notice.
"""

from __future__ import annotations

import dataclasses
import random
import re

from generator.synthetic.release import SyntheticRelease
from generator.synthetic.truth import TruthFigure

_DIGITS = re.compile(r"\d")


def misread_digits(release: SyntheticRelease, count: int, seed: int) -> SyntheticRelease:
    """``release`` with ``count`` of its printed figures (of two digits or more, each printed
    once on its line) misread in one digit; ``features["misread"]`` lists them as
    ``(line, printed, misread)``. The same seed misreads the same figures."""
    rng = random.Random(seed)
    lines = release.text.split("\n")
    figures = [f for f in release.truth if f.line and len(_DIGITS.findall(f.text)) >= 2]
    rng.shuffle(figures)
    done: list[tuple[int, str, str]] = []
    for figure in figures:
        if len(done) >= count:
            break
        misread = _one_digit_off(figure, rng)
        line = lines[figure.line - 1]
        if misread is None or line.count(figure.text) != 1 or any(
                d[0] == figure.line for d in done):
            continue
        lines[figure.line - 1] = line.replace(figure.text, misread)
        done.append((figure.line, figure.text, misread))
    features = {**release.features, "misread": tuple(done)}
    return dataclasses.replace(release, text="\n".join(lines), features=features)


def _one_digit_off(figure: TruthFigure, rng: random.Random) -> str | None:
    """The figure's text with one digit replaced by another (never a new leading zero)."""
    text = figure.text
    at = rng.choice([m.start() for m in _DIGITS.finditer(text)])
    digit = str((int(text[at]) + rng.randint(1, 9)) % 10)
    first = _DIGITS.search(text)
    if digit == "0" and first is not None and at == first.start():
        return None
    return text[:at] + digit + text[at + 1:]


__all__ = ["misread_digits"]
