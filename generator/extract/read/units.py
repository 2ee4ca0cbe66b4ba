"""The unit a release states for its amounts, in the wordings releases use: "Thousands of
JPY", "JPY millions", "JPY mn", "¥ thousand", "Yen in millions", "JPY (millions)", "Million
yen", "US$ thousands", "(in millions of yen)", "Unit: JPY billion".

One grammar serves a header's unit cells (:mod:`.headers`) and a table-wide unit note above a
table or in its title, so a wording read in one place is read in the other. A note that names
a unit in words the grammar does not read (:func:`mentions_unit`) still says the unit changed:
the table under it does not borrow the unit of the tables before it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from decimal import Decimal

#: Every word releases print for an amount's scale, and the scale it names: the one table the
#: patterns below are built from, so a word read in a header is read in a unit note and after
#: a cell's figure too.
SCALE_WORDS: dict[str, Decimal] = {
    **dict.fromkeys(("thousand", "thousands"), Decimal(10) ** 3),
    **dict.fromkeys(("million", "millions", "mn", "mln", "mil"), Decimal(10) ** 6),
    **dict.fromkeys(("billion", "billions", "bn", "bil"), Decimal(10) ** 9),
}
#: The scale words of a header printed in Japanese (no word boundary: "百万円" is one word).
KANJI_SCALES: dict[str, Decimal] = {"千": Decimal(10) ** 3, "百万": Decimal(10) ** 6,
                                    "十億": Decimal(10) ** 9}
#: A scale word, as a pattern (longest first, so "millions" is not read as "million").
SCALE_PATTERN = "(?:" + "|".join(sorted(SCALE_WORDS, key=len, reverse=True)) + ")"

#: Every word or sign releases print for an amount's currency, and the currency it names (its
#: ISO 4217 code): the one table the currency patterns of the readers and the proofs are built
#: from, so a word read in a header is read in a unit note, a cell and a proof too. Read in
#: any case ("yen", "YEN"), a word's dots left out and its spaces lost or doubled
#: (:func:`_spelled`: "U.S. $" reads "US$" and "U.S.$", "U.S. dollars" "US dollars").
#: Full-width signs ("￥") are none of them: :func:`.lines.half_width` made them these before
#: any reader saw the text.
CURRENCY_WORDS: dict[str, str] = {
    **dict.fromkeys(("JPY", "Yen", "¥", "円"), "JPY"),
    **dict.fromkeys(("USD", "US$", "U.S. $", "$", "U.S. dollars", "U.S. dollar", "dollars",
                     "dollar", "ドル"), "USD"),
}
#: The signs a cell prints right before its figure ("JPY34,272", "¥ 97,842", "US$1,234"),
#: matched exactly as printed (case kept, no spelling loosened): "USD 1,234" is a label's words
#: (:mod:`.inlabel`), not a cell's.
PREFIX_SIGNS = frozenset({"JPY", "¥", "US$", "$"})
#: The currency words a cell prints after its figure ("1,500 yen", "1,500 円").
SUFFIX_WORDS = frozenset({"Yen", "円"})
#: The currency words a column heading prints alone ("Thousands of" over "JPY" / "U.S.
#: Dollars"; "Yen", "USD"): a heading's "U.S. dollar" or "$" is read only in a unit phrase.
HEADING_WORDS = frozenset({"JPY", "Yen", "USD", "U.S. dollars"})
#: Words that name a currency only by the words beside them ("dollars": whose?): a header's
#: currency (:func:`currencies_named`), never the currency of a unit phrase.
_BARE_WORDS = frozenset({"dollars", "dollar"})


def _japanese(word: str) -> bool:
    """A word in Japanese ("円", "ドル"): letters outside ASCII."""
    return word.isalpha() and not word.isascii()


def _spelled(word: str) -> str:
    """A currency word as a pattern: its dots may be left out, a space may follow each, and a
    space may be lost or doubled ("U.S. dollars", "US dollars", "U.S.dollars")."""
    return "".join(r"\.?\s?" if ch == "." else r"\s*" if ch == " " else re.escape(ch)
                   for ch in word)


def _longest_first(words: Iterable[str]) -> list[str]:
    """The words longest first ("U.S. dollars" before "U.S. dollar"), then in code order: a
    pattern tries them in that order, the same in every run."""
    return sorted(words, key=lambda w: (-len(w), w))


def currency_pattern(words: Iterable[str]) -> str:
    """The words as one pattern, each spelled loosely (:func:`_spelled`)."""
    return "(?:" + "|".join(_spelled(w) for w in _longest_first(words)) + ")"


def _signs(words: Iterable[str]) -> str:
    """The words as one pattern, each exactly as printed (case is the caller's to ignore)."""
    return "(?:" + "|".join(re.escape(w) for w in _longest_first(words)) + ")"


#: A cell's currency sign before its figure, as a pattern (matched as printed).
PREFIX_PATTERN = _signs(PREFIX_SIGNS)
#: The first characters of those signs: a token starting with none prints no currency.
PREFIX_STARTS = frozenset(w[0] for w in PREFIX_SIGNS)
#: The one-word currency names a heading prints ("JPY", "Yen", "USD"), as a pattern.
CURRENCY_NAME_PATTERN = currency_pattern(w for w in HEADING_WORDS if w.isalpha())

_LATIN_SUFFIXES = sorted(w.lower() for w in SUFFIX_WORDS if w.isascii())
#: The words a cell may print after its figure for the figure's own unit ("34,272 million",
#: "1,500 yen"); lower case. In Latin letters: a figure glued to "円" is read by no cell
#: (:mod:`.tabbed` reads "円" beside a figure as a word of its cell).
FIGURE_UNIT_WORDS = frozenset({*SCALE_WORDS, *_LATIN_SUFFIXES})
#: A figure's unit word, as a pattern.
FIGURE_UNIT_PATTERN = rf"(?:{SCALE_PATTERN}|{'|'.join(_LATIN_SUFFIXES)})"

# the words a unit phrase names its currency by: all but the bare ones and the Japanese ones
# (the grammar reads English phrases, "Millions of yen"; "百万円" is no phrase of it)
_PHRASE_WORDS = [w for w in CURRENCY_WORDS if not _japanese(w) and w not in _BARE_WORDS]
#: The yen's words of a unit phrase ("JPY", "Yen", "¥"), as a pattern.
YEN_PATTERN = currency_pattern(w for w in _PHRASE_WORDS if CURRENCY_WORDS[w] == "JPY")
_CURRENCY = currency_pattern(_PHRASE_WORDS)
_SCALE = rf"{SCALE_PATTERN}\b\.?"

#: a currency and a scale, one phrase ("Thousands of JPY", "JPY mn", "Yen in millions",
#: "JPY (millions)", "Million yen")
# a multiplier before the scale: "100 million yen" (the Japanese oku, 10**8), "10 thousand yen"
_TIMES = r"(?:(?<![\w,.\-/])(?:10|100)\s+)?"
UNIT_PHRASE = (rf"{_TIMES}{_SCALE}\s+of\s+{_CURRENCY}(?![A-Za-z])"
               rf"|{_CURRENCY}\s*(?:in\s+)?\(?\s*{_SCALE}\)?"
               rf"|{_TIMES}{_SCALE}\s+{_CURRENCY}(?![A-Za-z])")

# where a line or title states the unit of the table under it: "Unit: ...", "(...)", "in
# ...", "Amounts are in ...", after a comma or dash that ends a title ("Segment Summary, JPY
# million"), or the phrase alone on its line
_NOTE = re.compile(
    rf"(?:unit\s*[:：]\s*|\(\s*(?:in\s+)?|\bin\s+|^\s*)(?P<unit>{UNIT_PHRASE})"
    rf"|[,;–—]\s*(?P<tail>{UNIT_PHRASE})\s*$"
    r"|^\s*(?:unit\s*[:：]\s*)?(?P<alone>[^\w(]*(?:" + UNIT_PHRASE + r")[\s).:;]*)$",
    re.IGNORECASE)
_SCALE_WORD = re.compile(rf"\b{SCALE_PATTERN}\b|" + "|".join(KANJI_SCALES), re.I)
_CURRENCY_WORD = re.compile(rf"(?<![A-Za-z]){_CURRENCY}(?![A-Za-z])", re.I)
# any word of the table, apart from letters, as the grammar reads its words ("$thousands" is no
# currency of a unit: :func:`currency_of`)
_ANY_CURRENCY = re.compile(
    rf"(?<![A-Za-z]){currency_pattern(CURRENCY_WORDS)}(?![A-Za-z])", re.I)


def _word_bounded(word: str) -> str:
    """A word of the table as a pattern: a word of letters is not read inside a longer word
    ("yen" in "Yenta", "JPY" in "JPY1,234"); a sign or a Japanese word is read wherever it is
    printed ("$millions", "百万円")."""
    head = r"\b" if word[0].isascii() and word[0].isalpha() else ""
    tail = r"\b" if word[-1].isascii() and word[-1].isalpha() else ""
    return f"{head}{currency_pattern([word])}{tail}"


# any word of the table a header names its currencies by (:func:`currencies_named`)
_NAMED_CURRENCY = re.compile(
    "|".join(_word_bounded(w) for w in _longest_first(CURRENCY_WORDS)), re.I)
_CODE_OF = {word.lower(): code for word, code in CURRENCY_WORDS.items()}
_UNIT_LABEL = re.compile(r"\bunits?\s*[:：]", re.I)
_SCALE_OF = {**SCALE_WORDS, **KANJI_SCALES}


_MULTIPLIER = re.compile(r"(?<![\w,.\-/])(10|100)\s+$")


def scale_of(text: str) -> Decimal:
    """The scale a unit's words name ("JPY mn": a million; "100 million yen": 10**8), 1 for
    none."""
    m = _SCALE_WORD.search(text)
    if m is None:
        return Decimal(1)
    scale = _SCALE_OF[m.group().lower()]
    times = _MULTIPLIER.search(text[:m.start()])
    return scale * int(times.group(1)) if times else scale


def currency_of(text: str) -> str | None:
    """The currency the first currency word of a unit's words names ("JPY", "Yen", "¥", "円":
    JPY; "US$", "U.S. Dollars", "ドル": USD), None for none."""
    m = _ANY_CURRENCY.search(text)
    return None if m is None else currency_code(m.group())


def currencies_named(text: str) -> set[str]:
    """Every currency the text's currency words name (a header naming yen and dollars: two)."""
    return {currency_code(m.group()) for m in _NAMED_CURRENCY.finditer(text)}


def currency_code(word: str) -> str:
    """The currency one word of :data:`CURRENCY_WORDS` names, as printed in any case or
    spelling ("jpy", "us$", "US dollars")."""
    code = _CODE_OF.get(word.lower())
    if code is not None:
        return code
    return next(c for w, c in CURRENCY_WORDS.items() if re.fullmatch(_spelled(w), word, re.I))


def stated_unit(text: str) -> tuple[str, str | None, Decimal] | None:
    """(the phrase, its currency, its scale) of a table-wide unit note ("Unit: JPY billion",
    "(in millions of yen)", "◆ ATM Operation Business (¥ thousand)", "Segment Summary, JPY
    million"); None if the text
    states none the grammar reads."""
    m = _NOTE.search(text)
    if m is None:
        return None
    phrase = (m.group("unit") or m.group("tail") or m.group("alone")).strip(" ).:;")
    return phrase, currency_of(phrase), scale_of(phrase)


_CELL_UNIT = re.compile(rf"\d%?\)?\s*(?P<unit>{FIGURE_UNIT_PATTERN})$", re.I)


def cell_scale(text: str) -> Decimal | None:
    """The scale a figure's own unit word names ("34,272 million": a million; "1,500 yen":
    1), None when the cell prints no unit word."""
    m = _CELL_UNIT.search(text.strip())
    if m is None:
        return None
    return scale_of(m.group("unit"))


def scales_named(text: str) -> set[Decimal]:
    """Every scale the text's scale words name (several for a header naming two units)."""
    return {_SCALE_OF[m.group().lower()] for m in _SCALE_WORD.finditer(text)}


def mentions_unit(text: str) -> bool:
    """Whether the text speaks of a unit — a "Unit:" label, or a scale word beside a currency
    ("(amounts: yen, in 100 millions)") — whether or not :func:`stated_unit` reads it."""
    if _UNIT_LABEL.search(text):
        return True
    return bool(_SCALE_WORD.search(text)) and bool(_CURRENCY_WORD.search(text))


__all__ = ["CURRENCY_NAME_PATTERN", "CURRENCY_WORDS", "FIGURE_UNIT_PATTERN", "FIGURE_UNIT_WORDS",
           "HEADING_WORDS", "KANJI_SCALES", "PREFIX_PATTERN", "PREFIX_SIGNS", "PREFIX_STARTS",
           "SCALE_PATTERN", "SCALE_WORDS", "SUFFIX_WORDS", "UNIT_PHRASE", "YEN_PATTERN",
           "cell_scale", "currencies_named", "currency_code", "currency_of", "currency_pattern",
           "mentions_unit", "scale_of", "scales_named", "stated_unit"]
