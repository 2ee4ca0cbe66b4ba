"""A comparison key that forgives the letters OCR confuses: ``l``, ``i`` and ``1`` read for one
another, ``o`` and ``0``. "Tota1 current assets", "Tota1 current assets" and "Liabilitles
assumed" then key like the wordings they damage, with no similarity threshold: two wordings
either share the key or not. The key also forgets plural endings, since a damaged letter can
hide one ("liabilitles"), on both sides alike.

A match by this key is only taken when one wording of the network has it (see
``RowWalker``), and it is reported like any reading of a damaged label.

A scan also splits words, glues them, doubles a letter, drops one and reads "m" as "rn"
("Inte rnet Conectivity Servicess"): :func:`scan_key` forgives those on both sides too (no
spaces, "rn" as "m", a doubled letter as one), and :func:`one_letter_off` gives the keys one
letter away from a key, for a label a letter longer or shorter than a wording. Again no
threshold: a wording either keys so or not."""

from __future__ import annotations

import functools
import re

_LOOKALIKE = str.maketrans({"l": "i", "1": "i", "0": "o", "|": "i"})
_ENDING = re.compile(r"(?:[se]+)$")


def _word(word: str) -> str:
    """A word with its lookalike letters made one and its plural ending dropped."""
    word = word.translate(_LOOKALIKE)
    if len(word) > 4:
        word = _ENDING.sub("", word)
        if word.endswith("i"):  # liabiliti(es) / liabilit(y)
            word = word[:-1] + "y"
    return word


@functools.lru_cache(maxsize=1 << 14)  # asked of each new label by every network
def lookalike_key(key: str) -> str:
    """The key of an already normalised wording (see ``normalize_label``) with lookalike
    letters and plural endings forgiven."""
    return " ".join(_word(w) for w in key.split())


_REPEATS = re.compile(r"(.)\1+")


@functools.lru_cache(maxsize=1 << 14)
def scan_key(key: str) -> str:
    """The key of an already normalised wording with what a scan does to words forgiven: its
    lookalike letters made one, "rn" read as "m", a doubled letter as one, and no spaces
    ("Opera ting Incorne" and "Operating Income" alike). Plural endings stay as
    ``normalize_label`` singularised them (a glued word keeps its own)."""
    squashed = _REPEATS.sub(r"\1", key.translate(_LOOKALIKE).replace(" ", ""))
    return _REPEATS.sub(r"\1", squashed.replace("rn", "m"))  # "rrn" is "rn" is "m"


@functools.lru_cache(maxsize=1 << 15)  # asked of every unread label and header word
def one_letter_off(key: str) -> tuple[str, ...]:
    """The scan keys with one letter of ``key`` (a scan key) left out, each once, in order."""
    return tuple(dict.fromkeys(_REPEATS.sub(r"\1", key[:i] + key[i + 1:])
                              for i in range(len(key))))
