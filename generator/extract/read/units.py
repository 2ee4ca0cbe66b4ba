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
#: The words a cell may print after its figure for the figure's own unit ("34,272 million",
#: "1,500 yen"); lower case.
FIGURE_UNIT_WORDS = frozenset({*SCALE_WORDS, "yen"})
#: A figure's unit word, as a pattern.
FIGURE_UNIT_PATTERN = rf"(?:{SCALE_PATTERN}|yen)"

_JPY = r"(?:JPY|Yen|¥|￥)"
_USD = r"(?:U\.?\s?S\.?\s*(?:dollars?|\$)|US\$|USD|\$)"
_CURRENCY = rf"(?:{_JPY}|{_USD})"
_SCALE = rf"{SCALE_PATTERN}\b\.?"

#: a currency and a scale, one phrase ("Thousands of JPY", "JPY mn", "Yen in millions",
#: "JPY (millions)", "Million yen")
# a multiplier before the scale: "100 million yen" (the Japanese oku, 10**8), "10 thousand yen"
_TIMES = r"(?:(?<![\w,.\-/])(?:10|100)\s+)?"
UNIT_PHRASE = (rf"{_TIMES}{_SCALE}\s+of\s+{_CURRENCY}(?![A-Za-z])"
               rf"|{_CURRENCY}\s*(?:in\s+)?\(?\s*{_SCALE}\)?"
               rf"|{_TIMES}{_SCALE}\s+{_CURRENCY}(?![A-Za-z])")

# where a line or title states the unit of the table under it: "Unit: ...", "(...)", "in
# ...", "Amounts are in ...", or the phrase alone on its line
_NOTE = re.compile(
    rf"(?:unit\s*[:：]\s*|\(\s*(?:in\s+)?|\bin\s+|^\s*)(?P<unit>{UNIT_PHRASE})"
    r"|^\s*(?:unit\s*[:：]\s*)?(?P<alone>[^\w(]*(?:" + UNIT_PHRASE + r")[\s).:;]*)$",
    re.IGNORECASE)
_SCALE_WORD = re.compile(rf"\b{SCALE_PATTERN}\b|" + "|".join(KANJI_SCALES), re.I)
_CURRENCY_WORD = re.compile(rf"(?<![A-Za-z]){_CURRENCY}(?![A-Za-z])", re.I)
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
    """The currency a unit's words name: yen ("JPY", "Yen", "¥") or US dollars."""
    m = _CURRENCY_WORD.search(text)
    if m is None:
        return None
    return "JPY" if re.fullmatch(_JPY, m.group(), re.I) else "USD"


def stated_unit(text: str) -> tuple[str, str | None, Decimal] | None:
    """(the phrase, its currency, its scale) of a table-wide unit note ("Unit: JPY billion",
    "(in millions of yen)", "◆ ATM Operation Business (¥ thousand)"); None if the text
    states none the grammar reads."""
    m = _NOTE.search(text)
    if m is None:
        return None
    phrase = (m.group("unit") or m.group("alone")).strip(" ).:;")
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


__all__ = ["FIGURE_UNIT_PATTERN", "FIGURE_UNIT_WORDS", "KANJI_SCALES", "SCALE_PATTERN",
           "SCALE_WORDS", "UNIT_PHRASE", "cell_scale", "currency_of", "mentions_unit", "scale_of",
           "scales_named", "stated_unit"]
