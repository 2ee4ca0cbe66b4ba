"""A label's meaning key: its comparison key with the language's equivalences applied.

Another company words the same line differently: "Net sales" for revenues, "Provision for
income taxes" for income tax expense, "Current assets, total", "Treasury shares". Those are
not that company's inventions but the language of financial statements, declared once as data
(``taxonomy/language.yaml``): words that mean the same ("earnings", "profit" for "income"),
phrases that do ("capital expenditures" for "purchase of property and equipment") and word
orders that read as others ("{x}, total" as "total {x}"). Two wordings with one meaning key say
the same thing. The extractor asks for a label's meaning only when no declared wording names it
(``map_rows.walker``), and takes it only where it names one concept of the network.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from generator.model.taxonomy import Language

#: How often the equivalences are applied, at most, until the key no longer changes (a phrase
#: replaced may complete a longer one: "purchase of property plant and equipment").
PASSES = 4


class Meanings:
    """The meaning keys of one language, over keys made by ``normalize`` (the alias index's)."""

    def __init__(self, language: Language, normalize: Callable[[str], str]) -> None:
        self._words = {normalize(w): normalize(group[0]) for group in language.words
                       for w in group[1:]}
        self._orders = [(_order_pattern(normalize(printed)), normalize(reads))
                        for printed, reads in language.orders]
        # phrases are compared after the words: their members are keyed the same way
        self._phrases: dict[str, str] = {}
        for group in language.phrases:
            canonical = self._word_key(normalize(group[0]))
            for phrase in group:
                self._phrases.setdefault(self._word_key(normalize(phrase)), canonical)
        alternatives = sorted(self._phrases, key=lambda p: (-len(p), p))  # longest first
        self._phrase_pattern = re.compile(
            r"(?<![0-9a-z{}])(?:" + "|".join(re.escape(p) for p in alternatives)
            + r")(?![0-9a-z{}])") if alternatives else None
        self._memo: dict[str, str] = {}

    def __bool__(self) -> bool:
        return bool(self._words or self._phrases or self._orders)

    def _word_key(self, key: str) -> str:
        return " ".join(self._words.get(word, word) for word in key.split())

    def _once(self, key: str) -> str:
        """Words, then phrases, then one word order ("current tax liabilities" is a phrase
        before it is "current {x}")."""
        key = self._word_key(key)
        if self._phrase_pattern is not None:
            key = self._phrase_pattern.sub(lambda m: self._phrases[m.group(0)], key)
        for pattern, reads in self._orders:
            match = pattern.fullmatch(key)
            if match:
                return reads.replace("{x}", match.group(1))
        return key

    def key(self, key: str) -> str:
        """The meaning key of a comparison key (memoised, bounded)."""
        found = self._memo.get(key)
        if found is None:
            if len(self._memo) > 100_000:
                self._memo.clear()
            found = key
            for _ in range(PASSES):
                following = self._once(found)
                if following == found:
                    break
                found = following
            self._memo[key] = found
        return found


def _order_pattern(printed: str) -> re.Pattern[str]:
    """``"{x} total"`` -> a pattern matching a whole key, the rest captured."""
    before, _, after = printed.partition("{x}")
    return re.compile(re.escape(before) + r"(.+?)" + re.escape(after))


def language_problems(words: Iterable[list[str]], phrases: Iterable[list[str]],
                      orders: Iterable[tuple[str, str]], normalize: Callable[[str], str]
                      ) -> list[str]:
    """What is wrong with a declared language: a group of one, an empty or repeated member, a
    "word" of several words, an order without its "{x}" once on each side."""
    problems: list[str] = []
    for kind, groups in (("words", list(words)), ("phrases", list(phrases))):
        seen: dict[str, int] = {}
        for i, group in enumerate(groups):
            if len(group) < 2:
                problems.append(f"language.yaml: {kind}.{i}: a group needs two members or more")
            for member in group:
                key = normalize(member)
                if not key:
                    problems.append(f"language.yaml: {kind}.{i}: {member!r} has no words")
                elif kind == "words" and " " in key:
                    problems.append(f"language.yaml: {kind}.{i}: {member!r} is not one word")
                elif key in seen and seen[key] != i:
                    problems.append(f"language.yaml: {kind}.{i}: {member!r} is also in "
                                    f"{kind}.{seen[key]}")
                seen.setdefault(key, i)
    for i, (printed, reads) in enumerate(orders):
        for text in (printed, reads):
            if normalize(text).count("{x}") != 1:
                problems.append(f"language.yaml: orders.{i}: {text!r} needs one {{x}}")
    return problems


__all__ = ["Meanings", "language_problems"]
