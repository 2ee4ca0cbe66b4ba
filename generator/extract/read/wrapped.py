"""Hard-wrapped text: paragraphs broken into lines of one width (an e-mail, a text export at
80 columns). Tables flattened into run-on paragraphs (sample 003) are only recognisable as such
once their paragraphs are whole again: detection looks at the unwrapped text, and the run-on
reader, which rejoins broken lines itself, reads the lines as they are (every word keeps its
own line)."""

from __future__ import annotations

MIN_LINES = 20
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


def unwrapped(lines: list[str]) -> str:
    """The text with each paragraph (a run of non-blank lines) on one line: what layout
    detection needs to see run-on tables for what they are."""
    out: list[str] = []
    current: list[str] = []
    for line in [*lines, ""]:
        if line.strip():
            current.append(line.strip())
        elif current:
            out.append(" ".join(current))
            current = []
    return "\n".join(out)
