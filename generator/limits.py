"""Input size limits: a file is read only up to its limit, and the message says which limit was
hit and how to raise it.

Why a limit at all: extraction takes time in proportion to the input (about 4-5 s of CPU per MB
of release text; a release is typically 20-60 KB, a long annual report a few MB). A file of many
releases back to back is read one release at a time (memory: the text and a few releases; on
several cores at once with ``extract --jobs``), but one
huge "release" is read whole, at about 120 MB per MB; an input many times larger than a release
is almost always the wrong file (a log, a database dump) and would otherwise run for minutes,
perhaps taking gigabytes, before anyone noticed.
"""

from __future__ import annotations

from pathlib import Path

MAX_INPUT_BYTES = 16_000_000  # per input file: releases and results JSON (0: no limit)
OPTION = "--max-input-bytes"


class InputTooLarge(Exception):
    """An input file is over its size limit (the message names the file, the limit and the
    option that raises it)."""


def read_bytes(path: Path, max_bytes: int = MAX_INPUT_BYTES, *, what: str = "input") -> bytes:
    """The file's bytes, refusing one over ``max_bytes`` (0: no limit) before reading it all:
    a regular file by its size, anything else (a FIFO, a device) after ``max_bytes`` + 1."""
    if max_bytes < 0:
        raise ValueError(f"max_bytes must be 0 (no limit) or more, not {max_bytes}")
    size = path.stat().st_size if path.is_file() else None
    if max_bytes and size is not None and size > max_bytes:
        raise InputTooLarge(_message(path, what, f"is {size:,} bytes", max_bytes))
    with path.open("rb") as handle:
        data = handle.read(max_bytes + 1) if max_bytes else handle.read()
    if max_bytes and len(data) > max_bytes:
        raise InputTooLarge(_message(path, what, f"has more than {max_bytes:,} bytes", max_bytes))
    return data


def _message(path: Path, what: str, size: str, max_bytes: int) -> str:
    return (f"{path}: input size limit hit: the {what} {size}, over the limit of "
            f"{max_bytes:,} bytes per input file ({OPTION} N raises it, 0 removes it)")
