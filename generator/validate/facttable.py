"""Compact per-fact rows for the checks that can only run once every fact is read.

Why columns: duplicate detection and calculation binding need each fact until the end of the
stream, but only a few of its fields. Rows live in ``array``/``bytearray`` columns (concept and
language as small indexes, the value text in one UTF-8 buffer) and one list of references to the
Context objects that exist anyway, so a fact costs about 60 bytes plus its value text and creates
no Python object: ~7 MB per 100,000 facts instead of ~85 MB of Fact objects and dictionaries.

Rows are grouped by c-equal context class with a counting sort (``by_context``) when the checks
run, so no dictionary keyed per fact is ever built.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterator, Sequence
from decimal import Decimal, InvalidOperation
from itertools import accumulate, islice
from typing import cast

from generator.validate.instance import Context, Fact, Unit

HAS_VALUE, NUMERIC, DUP, CALC, EXCESS, NO_DECIMALS = 1, 2, 4, 8, 16, 32
NO_DEC = -(1 << 31)  # decimals INF or absent
BIG_DEC = -(1 << 31) + 1  # an int decimals that does not fit 32 bits: kept in a side dict
NO_INT = -(1 << 63)  # numeric row whose value is not an int64 integer
_INT64_END = 1 << 63
_DEC_TEXT = {dec: str(dec) for dec in range(-20, 21)}  # canonical spellings of usual decimals
_TEXT_SHOWN = 40  # characters of a non-numeric value kept for messages


class TextColumn:
    """Optional strings packed into one UTF-8 buffer (None costs 8 bytes, text 8 + its length)."""

    __slots__ = ("_data", "_ends")

    def __init__(self) -> None:
        self._data = bytearray()
        self._ends = array("q")  # end offset of each row; -(end offset)-1 for None

    def extend(self, texts: Sequence[str | None]) -> None:
        """Add rows in bulk (one encode and one offset pass per batch)."""
        data, ends = self._data, self._ends
        pos = len(data)
        if None not in texts:
            joined = "".join(cast(Sequence[str], texts))
            if joined.isascii():  # offsets from character counts, no per-row encode
                data += joined.encode("ascii")
                ends.extend(islice(accumulate(map(len, cast(Sequence[str], texts)),
                                              initial=pos), 1, None))
                return
        for text in texts:
            if text is None:
                ends.append(-pos - 1)
            else:
                raw = text.encode("utf-8", "surrogatepass")
                data += raw
                pos += len(raw)
                ends.append(pos)

    def __getitem__(self, row: int) -> str | None:
        end = self._ends[row]
        if end < 0:
            return None
        start = self._ends[row - 1] if row else 0
        if start < 0:
            start = -start - 1
        return self._data[start:end].decode("utf-8", "surrogatepass")

    def __len__(self) -> int:
        return len(self._ends)


Row = tuple[int, Context, int, int, int, str, int, str | None, int]
_INT_MAX = (1 << 31) - 1


class FactTable:
    """One row per fact that a later check needs, shared by the duplicate and calc collectors.

    Columns: concept and xml:lang (indexes into small lists of the distinct ones), context (the
    Context object: its c-equal class and id), unit class, decimals as int, value text (stripped;
    cut to 40 characters for non-numeric facts, whose equality is then decided by ``digest``),
    line, id and flags. For numeric rows ``digest`` holds the value itself when it is an integer
    that fits 64 bits (else ``NO_INT``). The raw decimals attribute is kept only where it differs
    from ``dec`` (``-6`` for -6, ``INF`` for none). New rows wait as tuples in a small batch and
    are moved into the columns in bulk.
    """

    _BATCH = 4096

    def __init__(self, int_values: bool = True) -> None:
        # int_values: keep integer values as ints in ``digest`` (Calculation 1.1 reads them);
        # off, numeric rows hold NO_INT there and skip the int() per fact.
        self.int_values = int_values
        self.concepts: list[str] = []  # distinct concepts; ``concept`` holds indexes
        self.langs: list[str | None] = [None]
        self.concept = array("i")
        self.context: list[Context] = []
        self.unit = array("i")
        self.lang = array("i")
        self.flags = bytearray()
        self.dec = array("i")
        self.text = TextColumn()
        self.line = array("i")
        self.ident = TextColumn()
        self.digest = array("q")
        self._concept_ids: dict[str, int] = {}
        self._lang_ids: dict[str | None, int] = {None: 0}
        self._pending: list[Row] = []
        self._big: dict[tuple[str, int], int] = {}  # ("dec" | "line", row) -> out-of-range int
        self._raw_decimals: dict[int, str | None] = {}
        self._last: Fact | None = None
        self._last_row = -1
        self.last_int = NO_INT  # the last row's value as an int64 integer, or NO_INT
        self._order: tuple[int, array[int], array[int]] | None = None

    def __len__(self) -> int:
        return len(self.flags)

    def row_of(self, fact: Fact, ctx: Context, unit: Unit | None, numeric: bool) -> int:
        """The row of ``fact``: the one just added for it, or a new one."""
        if fact is self._last:
            return self._last_row
        flags = self.flags
        row = len(flags)
        name = fact.concept
        concept = self._concept_ids.get(name)
        if concept is None:
            concept = self._concept_ids[name] = len(self.concepts)
            self.concepts.append(name)
        lang = 0
        if fact.lang is not None:
            lang = self._lang_ids.get(fact.lang, -1)
            if lang < 0:
                lang = self._lang_ids[fact.lang] = len(self.langs)
                self.langs.append(fact.lang)
        dec = fact.dec
        decimals = fact.decimals
        has_value = fact.value is not None
        bits = (HAS_VALUE if has_value else 0) | (NUMERIC if numeric else 0)
        if dec is None:
            if decimals is None:
                bits |= NO_DECIMALS  # non-numeric, nil or precision-only: no side entry
            elif decimals != "INF":
                self._raw_decimals[row] = decimals
            dec = NO_DEC
        else:
            if decimals != _DEC_TEXT.get(dec):
                self._raw_decimals[row] = decimals
            if not BIG_DEC < dec <= _INT_MAX:
                self._big["dec", row] = dec
                dec = BIG_DEC
        text = fact.text.strip()
        if numeric:
            # Integer values (most amounts) also as an int, so the calc check skips Decimal.
            # (isdecimal: digits int() and Decimal() both read; "-0" keeps its sign as text.)
            digest = NO_INT
            if has_value and self.int_values and (text.isdecimal() or (
                    text[:1] == "-" and text[1:].isdecimal() and text.strip("-0"))):
                number = int(text)
                if NO_INT < number < _INT64_END:
                    digest = number
        else:
            digest = hash((len(text), text))
            text = text[:_TEXT_SHOWN]
        line = fact.line
        if line is None:
            line = -1
        elif line > _INT_MAX:
            self._big["line", row] = line
            line = -2
        pending = self._pending
        pending.append((concept, ctx, unit.cls if unit is not None else -1, lang, dec, text, line,
                        fact.id, digest))
        flags.append(bits)
        if len(pending) >= self._BATCH:
            self.flush()
        self._last, self._last_row = fact, row
        self.last_int = digest if numeric else NO_INT
        return row

    def flush(self) -> None:
        """Move the batch of new rows into the columns."""
        pending = self._pending
        if not pending:
            return
        concept, context, unit, lang, dec, text, line, ident, digest = zip(*pending, strict=True)
        self.concept.extend(concept)
        self.context.extend(context)
        self.unit.extend(unit)
        self.lang.extend(lang)
        self.dec.extend(dec)
        self.text.extend(text)
        self.line.extend(line)
        self.ident.extend(ident)
        self.digest.extend(digest)
        pending.clear()
        self._order = None

    def decimals_of(self, row: int) -> int | None:
        """``fact.dec`` of a row (None: INF or no decimals)."""
        dec = self.dec[row]
        if dec == NO_DEC:
            return None
        if dec == BIG_DEC:
            return self._big["dec", row]
        return dec

    def big_decimals(self, row: int) -> int:
        """The decimals of a row whose ``dec`` column holds ``BIG_DEC``."""
        return self._big["dec", row]

    def raw_decimals(self, row: int) -> str | None:
        """The decimals attribute as written."""
        if self.flags[row] & NO_DECIMALS:
            return None
        if row in self._raw_decimals:
            return self._raw_decimals[row]
        dec = self.decimals_of(row)
        return "INF" if dec is None else str(dec)

    def value(self, row: int) -> Decimal | None:
        """The row's numeric value, exactly as ``Decimal`` parsed it while streaming."""
        if not self.flags[row] & HAS_VALUE:
            return None
        text = self.text[row]
        assert text is not None
        try:
            return Decimal(text)
        except InvalidOperation:  # pragma: no cover - parsed once already
            return None

    def fact(self, row: int) -> Fact:
        """A Fact rebuilt from its row, for messages (value text cut for non-numeric facts)."""
        line: int | None = self.line[row]
        if line == -2:
            line = self._big["line", row]
        elif line == -1:
            line = None
        fact = Fact(self.concepts[self.concept[row]], self.ident[row], self.context[row].id,
                    None, self.raw_decimals(row), None, False, self.text[row] or "", line,
                    self.langs[self.lang[row]])
        fact.value, fact.dec = self.value(row), self.decimals_of(row)
        return fact

    def by_context(self) -> tuple[array[int], array[int]]:
        """Rows ordered by c-equal context class (stable), and each class's start offset.

        A counting sort: two passes and one 4-byte array, instead of a dictionary per fact.
        """
        self.flush()
        n = len(self.flags)
        if self._order is not None and self._order[0] == n:
            return self._order[1], self._order[2]
        classes = array("i", (ctx.cls + 1 for ctx in self.context))  # unregistered: -1 -> 0
        top = max(classes, default=-1) + 2
        starts = array("i", bytes(4 * top))
        for c in classes:
            starts[c + 1] += 1
        total = 0
        for i in range(top):
            total += starts[i]
            starts[i] = total
        fill = array("i", starts)
        order = array("i", bytes(4 * n))
        for row, c in enumerate(classes):
            order[fill[c]] = row
            fill[c] += 1
        self._order = (n, order, starts)
        return order, starts

    def buckets(self) -> Iterator[array[int]]:
        """Rows of each c-equal context class in turn (classes without rows are skipped)."""
        order, starts = self.by_context()
        for c in range(len(starts) - 1):
            lo, hi = starts[c], starts[c + 1]
            if hi > lo:
                yield order[lo:hi]
