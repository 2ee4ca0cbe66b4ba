"""Hard-wrapped text is told from text laid out in rows by how its lines end."""

from __future__ import annotations

import textwrap

from generator.extract.read.wrapped import hard_wrapped, unwrapped
from generator.resources import samples_dir

PROSE = ("Revenues were JPY83.0 billion, up 12.0% year over year, and operating income was "
         "JPY2.3 billion, up 18.9% year over year. ") * 12


def test_prose_wrapped_at_a_width_is_hard_wrapped() -> None:
    lines = textwrap.fill(PROSE, 72).splitlines()
    assert len(lines) >= 20 and hard_wrapped(lines)


def test_no_sample_is_taken_for_hard_wrapped_text() -> None:
    for path in sorted(samples_dir().glob("0*.txt")):
        assert not hard_wrapped(path.read_text(encoding="utf-8").splitlines()), path.name


def test_unwrapping_puts_each_paragraph_on_one_line() -> None:
    text = textwrap.fill("A B C D E F", 3) + "\n\n" + textwrap.fill("G H I", 3)
    assert unwrapped(text.splitlines()) == "A B C D E F\nG H I"
