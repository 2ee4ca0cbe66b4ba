"""Hard-wrapped text: paragraphs broken into lines of one width (an e-mail, a text export at
80 columns). Tables flattened into run-on paragraphs (sample 003) are only recognisable as such
once their paragraphs are whole again: detection looks at the unwrapped text, and the run-on
reader, which rejoins broken lines itself, reads the lines as they are (every word keeps its
own line)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from generator.extract.read.numbers import is_number_token

MIN_LINES = 20
MIN_WIDTH = 60  # a wrapped paragraph's lines are at least this long (but its last)
MIN_NUMBERS = 30  # and it holds this many numbers: a statement run on, then wrapped
# a sentence ends and the next begins: prose ("... up 37.7%. The increase was ..."), which a
# statement run on has none of
_SENTENCE_END = re.compile(r"[a-z%)]\.\s+[A-Z]")
NEAR_WIDTH = 0.8  # a wrapped line fills at least this share of the wrap width
WRAPPED_SHARE = 0.4  # and at least this share of the lines are so full


def hard_wrapped(lines: list[str]) -> bool:
    """Most lines end near one width: the text was wrapped, not laid out in rows."""
    lengths = sorted(len(line.rstrip()) for line in lines if line.strip())
    if len(lengths) < MIN_LINES:
        return False
    width = lengths[int(len(lengths) * 0.95)]
    full = sum(1 for n in lengths if n >= NEAR_WIDTH * width)
    return full >= WRAPPED_SHARE * len(lengths)


def _paragraphs(lines: list[str]) -> Iterator[list[str]]:
    """Each run of non-blank lines, right-stripped."""
    current: list[str] = []
    for line in [*lines, ""]:
        if line.strip():
            current.append(line.rstrip())
        elif current:
            yield current
            current = []


def unwrapped(lines: list[str]) -> str:
    """The text with each paragraph (a run of non-blank lines) on one line: what layout
    detection needs to see run-on tables for what they are."""
    return "\n".join(" ".join(line.strip() for line in paragraph)
                     for paragraph in _paragraphs(lines))


def wrapped_paragraphs(lines: list[str]) -> int:
    """How many paragraphs (runs of non-blank lines) are a table run on into one paragraph and
    wrapped at a width: every line but the last fills the paragraph's width (at least
    ``MIN_WIDTH``, within ``NEAR_WIDTH`` of its longest), and the paragraph holds
    ``MIN_NUMBERS`` numbers or more, in no more than one sentence (a results review's prose
    paragraph, as full of figures, is sentences). A release may wrap only those (its other
    lines short), which :func:`hard_wrapped` does not see; a scan's table rows, one per line,
    vary in length ("Elimination 12 46" under a long label) and are no such paragraph."""
    found = 0
    for paragraph in _paragraphs(lines):
        if len(paragraph) < 2:
            continue
        width = max(len(ln) for ln in paragraph)
        full = all(len(ln) >= max(MIN_WIDTH, NEAR_WIDTH * width) for ln in paragraph[:-1])
        if full and sum(1 for ln in paragraph for w in ln.split() if is_number_token(w)) \
                >= MIN_NUMBERS and len(_SENTENCE_END.findall(" ".join(paragraph))) <= 1:
            found += 1
    return found
