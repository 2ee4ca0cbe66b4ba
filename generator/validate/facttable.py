"""Compact per-fact rows for the checks that can only run once every fact is read.

Why columns: duplicate detection and calculation binding need each fact until the end of the
stream, but only a few of its fields. Rows live in ``array``/``bytearray`` columns and in lists of
references to objects that already exist once per file (interned concept names, Context objects),
so a fact costs about 60 bytes plus its value text, and the file's facts create no Python object
each: memory grows by a few MB per 100,000 facts instead of ~85 MB.

Rows are grouped by c-equal context class with a counting sort (``by_context``) when the checks
run, so no dictionary keyed per fact is ever built.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterator
from decimal import Decimal, InvalidOperation

from generator.validate.instance import Context, Fact, Unit

HAS_VALUE, NUMERIC, DUP, CALC, EXCESS = 1, 2, 4, 8, 16
_NO_DEC = -(1 << 63)  # decimals INF or absent
_BIG_DEC = -(1 << 63) + 1  # an int decimals that does not fit 64 bits: kept in a side dict
_TEXT_SHOWN = 40  # characters of a non-numeric value kept for messages


class TextColumn:
    """Optional strings packed into one UTF-8 buffer (None costs 8 bytes, text 8 + its length)."""

    __slots__ = ("_data", "_ends")

    def __init__(self) -> None:
        self._data = bytearray()
        self._ends = array("q")  # end offset of each row; ~offset-1 (negative) for None

    def append(self, text: str | None) -> None:
        """Add one row."""
        if text is None:
            self._ends.append(-len(self._data) - 1)
            return
        self._data += text.encode("utf-8", "surrogatepass")
        self._ends.append(len(self._data))

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


class FactTable:
    """One row per fact that a later check needs, shared by the duplicate and calc collectors.

    Columns: concept (interned name), context (the Context object: its c-equal class and id),
    unit class, xml:lang, flags, decimals as int, raw decimals, value text (stripped; cut to 40
    characters for non-numeric facts, whose equality is then decided by ``digest``), line, id.
    """

    def __init__(self) -> None:
        self.concept: list[str] = []
        self.context: list[Context] = []
        self.unit = array("i")
        self.lang: list[str | None] = []
        self.flags = bytearray()
        self.dec = array("q")
        self.decimals: list[str | None] = []
        self.text = TextColumn()
        self.digest = array("q")
        self.line = array("q")
        self.ident = TextColumn()
        self._big_dec: dict[int, int] = {}
        self._last: Fact | None = None
        self._last_row = -1
        self._order: tuple[int, array[int], array[int]] | None = None

    def __len__(self) -> int:
        return len(self.flags)

    def row_of(self, fact: Fact, ctx: Context, unit: Unit | None, numeric: bool) -> int:
        """The row of ``fact``: the one just added for it, or a new one."""
        if fact is self._last:
            return self._last_row
        row = len(self.flags)
        self.concept.append(fact.concept)
        self.context.append(ctx)
        self.unit.append(unit.cls if unit is not None else -1)
        self.lang.append(fact.lang)
        dec = fact.dec
        if dec is None:
            self.dec.append(_NO_DEC)
        elif -(1 << 62) < dec < (1 << 62):
            self.dec.append(dec)
        else:
            self.dec.append(_BIG_DEC)
            self._big_dec[row] = dec
        self.decimals.append(fact.decimals)
        text = fact.text.strip()
        if numeric:
            self.text.append(text)
            self.digest.append(0)
        else:
            self.text.append(text[:_TEXT_SHOWN])
            self.digest.append(hash((len(text), text)))
        self.line.append(fact.line if fact.line is not None else -1)
        self.ident.append(fact.id)
        self.flags.append((HAS_VALUE if fact.value is not None else 0)
                          | (NUMERIC if numeric else 0))
        self._last, self._last_row = fact, row
        self._order = None
        return row

    def decimals_of(self, row: int) -> int | None:
        """``fact.dec`` of a row (None: INF or no decimals)."""
        dec = self.dec[row]
        if dec == _NO_DEC:
            return None
        if dec == _BIG_DEC:
            return self._big_dec[row]
        return dec

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
        line = self.line[row]
        fact = Fact(self.concept[row], self.ident[row], self.context[row].id, None,
                    self.decimals[row], None, False, self.text[row] or "",
                    line if line >= 0 else None, self.lang[row])
        fact.value, fact.dec = self.value(row), self.decimals_of(row)
        return fact

    def by_context(self) -> tuple[array[int], array[int]]:
        """Rows ordered by c-equal context class (stable), and each class's start offset.

        A counting sort: two passes and one 4-byte array, instead of a dictionary per fact.
        """
        n = len(self.flags)
        if self._order is not None and self._order[0] == n:
            return self._order[1], self._order[2]
        classes = array("i", [ctx.cls + 1 for ctx in self.context])  # unregistered: -1 -> 0
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
