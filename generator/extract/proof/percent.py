"""Derived-column evidence: a % or change column recomputed from the amount columns beside it.

A YoY % column is (current - prior) / |prior| x 100 of two amount columns, a change column
current - prior; a share column is an amount over the table's 100% row. Recomputing them proves
the amount columns' rows and tells which amount column is the current period and which the
prior one. A column read as amounts that recomputes as a YoY % of two others is a % column
misread as amounts: refuted.

Works on the cells as printed (unscaled): scale cancels out of a ratio.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal, InvalidOperation
from typing import NamedTuple

from generator.extract.layout import Cell, Table
from generator.extract.precision import TELLING, exact_count
from generator.extract.proof.columns import BOTH, ROWS, ColumnFacts
from generator.model.period import Duration, Instant
from generator.model.results import ResultFact

CHECK = "percent"
_YEAR_ON_YEAR = re.compile(r"\byoy\b|y/y|year[- ]on[- ]year|year over year", re.I)
MIN_ROWS = 2
SHARE = Decimal("0.7")
HUNDRED = Decimal(100)


def _figures(table: Table, index: int) -> list[Cell | None]:
    return [row.cells[index] if index < len(row.cells) else None for row in table.rows]


def _last_digit(cell: Cell) -> Decimal:
    return Decimal(1).scaleb(-cell.fraction_digits)


def _half(cell: Cell, truncate: bool = False, exact: bool = False) -> Decimal:
    """How far the figure behind ``cell`` can be from what it prints: half a unit of its last
    digit (a whole unit if truncated), nothing for a count printed to the unit."""
    if exact:
        return Decimal(0)
    return _last_digit(cell) if truncate else _last_digit(cell) / 2


def ratio_slack(a: Cell, b: Cell, truncate: bool = False, exact: bool = False) -> Decimal:
    """How far a % of ``a`` over ``b`` can move while both stay what was printed (each within
    half a unit of its last digit; exact, a count printed in full): releases compute their %
    from unrounded figures."""
    assert a.value is not None and b.value is not None and b.value
    half_a, half_b = _half(a, truncate, exact), _half(b, truncate, exact)
    return (half_a + half_b * abs(a.value / b.value)) / abs(b.value) * HUNDRED


def _near(printed: Cell, exact: Decimal, slack: Decimal = Decimal(0),
          truncate: bool = False) -> bool:
    """``exact`` as printed at ``printed``'s precision: within the half unit its rounding
    allows (a unit if truncated), beyond what ``slack`` lets ``exact`` move."""
    assert printed.value is not None
    return abs(printed.value - exact) <= _half(printed, truncate) + slack


class Recomputed(NamedTuple):
    """Rows of a % (or change) column checked against two amount columns: those where it
    recomputes, and those where it misses by more than what is printed allows."""

    agree: list[int]
    missed: list[int]
    checked: int  # with guessed rows whose rounding tells nothing (neither agree nor miss)


def yoy_rows(table: Table, pct: int, current: int, prior: int, percent: bool = True,
             exact: frozenset[int] = frozenset(), truncate: bool = False) -> Recomputed:
    """Rows where column ``pct`` = change of ``current`` over ``prior`` in % — or as an
    amount, ``percent=False`` — and rows where it misses: ``exact`` rows print counts in full
    (no rounding to allow for), ``truncate``: amounts cut, not rounded, to their last digit."""
    agree: list[int] = []
    missed: list[int] = []
    checked = 0
    cells = zip(_figures(table, pct), _figures(table, current), _figures(table, prior),
                strict=True)
    for index, (p, a, b) in enumerate(cells):
        if p is None or a is None or b is None or None in (p.value, a.value, b.value):
            continue
        assert p.value is not None and a.value is not None and b.value is not None
        if percent and b.value == 0:
            continue
        counted = index in exact
        guessed = table.rows[index].guessed  # placed by plausibility: only a telling check
        if percent and guessed and not _telling(a, b):
            continue  # a % its figures' rounding blurs tells nothing of where they sit
        checked += 1
        if not percent:
            slack = (_half(a, truncate, counted) + _half(b, truncate, counted)
                     + _half(p, truncate, counted))
            if guessed and slack >= TELLING * abs(p.value):
                continue  # no proof ("JPY 15 | 761 | JPY +1 | 014": 15 - 1 = 14, give or
                #            take 2, from the split groups of 15,761 and +1,014), no miss
            (agree if abs(p.value - (a.value - b.value)) <= slack else missed).append(index)
            continue
        (agree if recomputes(p, a, b, truncate, counted) else missed).append(index)
    return Recomputed(agree, missed, checked)


def _telling(current: Cell, prior: Cell) -> bool:
    assert current.value is not None and prior.value is not None and prior.value
    change = abs((current.value - prior.value) / prior.value) * HUNDRED
    return ratio_slack(current, prior) < TELLING * change


def recomputes(pct: Cell, current: Cell, prior: Cell, truncate: bool = False,
               exact: bool = False) -> bool:
    """Whether ``pct`` is the % change of ``current`` over ``prior`` as printed (each within
    half a unit of its last digit, the % within half of its own)."""
    if pct.value is None or current.value is None or prior.value is None or not prior.value:
        return False
    try:
        exact_change = (current.value - prior.value) / abs(prior.value) * HUNDRED
    except InvalidOperation:
        return False
    return _near(pct, exact_change, ratio_slack(current, prior, truncate, exact), truncate)


def yoy_matches(table: Table, pct: int, current: int, prior: int, percent: bool = True,
                exact: frozenset[int] = frozenset(), truncate: bool = False) -> tuple[int, int]:
    """(rows that recompute, rows checked): see :func:`yoy_rows`."""
    rows = yoy_rows(table, pct, current, prior, percent, exact, truncate)
    return len(rows.agree), rows.checked


def share_matches(table: Table, pct: int, amount: int) -> tuple[int, int]:
    """(rows where column ``pct`` = the amount over the 100% row's amount, rows checked)."""
    cells = list(zip(_figures(table, pct), _figures(table, amount), strict=True))
    base = next((a for p, a in cells if p is not None and p.value == HUNDRED
                 and a is not None and a.value), None)
    if base is None or base.value is None:
        return 0, 0
    agree = checked = 0
    for p, a in cells:
        if p is None or a is None or p.value is None or a.value is None:
            continue
        checked += 1
        agree += _near(p, a.value / base.value * HUNDRED, ratio_slack(a, base))
    return agree, checked


def _proves(agree: int, checked: int) -> bool:
    return agree >= MIN_ROWS and agree >= SHARE * checked


def _later(a: Duration | Instant | None, b: Duration | Instant | None) -> bool | None:
    if a is None or b is None:
        return None
    end_a = a.end if isinstance(a, Duration) else a.date
    end_b = b.end if isinstance(b, Duration) else b.date
    return None if end_a == end_b else end_a > end_b


def _pairs(amounts: list[int]) -> Iterator[tuple[int, int]]:
    for a in amounts:
        for b in amounts:
            if a != b:
                yield a, b


def _exact_rows(columns: dict[int, ColumnFacts]) -> frozenset[int]:
    """The table rows (indexes) that print counts in full: their change has no rounding."""
    return frozenset(row for column in columns.values() for fact in column.facts
                     if exact_count(fact) and (row := column.fact_rows.get(id(fact))) is not None)


def check(table: Table, columns: dict[int, ColumnFacts], truncate: bool = False) -> None:
    """Recompute every % column of the table; confirm or refute the amount columns, and
    contradict the figures of a row whose % or change misses (:func:`_contradict_cells`)."""
    roles = [c.role for c in table.columns]
    amounts = [i for i, role in enumerate(roles) if role == "value"]
    exact = _exact_rows(columns)
    for pct, role in enumerate(roles):
        if role in ("change_percent", "change"):
            _yoy(table, pct, amounts, columns, role == "change_percent", exact, truncate)
        elif role == "percent_of_revenue":
            for amount in amounts:
                agree, checked = share_matches(table, pct, amount)
                if _proves(agree, checked) and amount in columns:
                    columns[amount].confirm(CHECK, f"the % of total column beside it recomputes "
                                                   f"from it in {agree} of {checked} rows", ROWS)
                    break
    for suspect in amounts:
        if suspect not in columns:
            continue
        others = [i for i in amounts if i != suspect]
        for amount in others:
            agree, checked = share_matches(table, suspect, amount)
            if _proves(agree, checked) and checked >= 3:
                columns[suspect].refute(CHECK, f"its figures recompute as the % of total of "
                                               f"column {amount + 1} in {agree} of {checked} "
                                               "rows: a share column, not amounts")
        for current, prior in _pairs(others):
            agree, checked = yoy_matches(table, suspect, current, prior)
            if _proves(agree, checked) and checked >= 3:
                columns[suspect].refute(CHECK, f"its figures recompute as the % change of "
                                               f"columns {current + 1} over {prior + 1} in {agree} "
                                               f"of {checked} rows: a YoY % column, not amounts")
                break


def _cells_of(column: ColumnFacts, table: Table, index: int,
              rows: list[int]) -> Iterator[tuple[ResultFact, int]]:
    """Each figure read from column ``index`` of one of ``rows``, with its row. A figure is
    told by its row where the mapper recorded it (a run-on table prints every row on one line,
    and two rows may print the same figure), else by line and text."""
    printed: dict[tuple[int, str | None], int] = {(c.line, c.text): r for r in rows
               if (c := table.rows[r].cells[index]) is not None}
    chosen = set(rows)
    for fact in column.facts:
        row = column.fact_rows.get(id(fact))
        if row is not None and column.column is table.columns[index]:
            if row in chosen:
                yield fact, row
        elif (fact.source.line, fact.source.text) in printed:
            yield fact, printed[(fact.source.line, fact.source.text)]


def _contradict_cells(columns: dict[int, ColumnFacts], table: Table, pct: int, current: int,
                      prior: int, rows: list[int], percent: bool) -> None:
    """The figures of each of ``rows``, whose % or change misses beyond what the rounding of
    the three printed figures allows: one of the three is misprinted or misread, and no row of
    the table says which. Each amount is contradicted by how far it is from the figure that
    would make the row recompute (:mod:`.contradicted` holds it unless a check of its own pins
    it closer)."""
    what = "YoY %" if percent else "change"
    for r in rows:
        p, a, b = (table.rows[r].cells[i] for i in (pct, current, prior))
        assert p is not None and a is not None and b is not None
        assert p.value is not None and a.value is not None and b.value is not None
        if percent:
            off = abs(p.value - (a.value - b.value) / abs(b.value) * HUNDRED) / HUNDRED
            gaps = {current: off * abs(b.value),
                    prior: off * abs(b.value) * (abs(b.value / a.value) if a.value else 1)}
        else:
            gaps = dict.fromkeys((current, prior), abs(p.value - (a.value - b.value)))
        why = (f"its row's {what} {p.text} (line {p.line}) does not recompute from {a.text} "
               f"over {b.text}, beyond their rounding: one of the three is misprinted or "
               "misread")
        for index, cell in ((current, a), (prior, b)):
            if index not in columns:
                continue
            for fact, _ in _cells_of(columns[index], table, index, [r]):
                columns[index].contradict(fact, gaps[index] * _scale(fact, cell), why)


def _yoy_pin(pct: Cell | None, current: Cell | None, prior: Cell | None) -> Decimal | None:
    """How far either amount of a row whose YoY % recomputes may be misprinted and the % still
    recompute, in the amounts' printed units: a unit of the %'s last digit of the larger
    amount, and a unit of each amount's own (generous: a check that pins loosely settles
    less)."""
    if pct is None or current is None or prior is None or None in (current.value, prior.value):
        return None
    assert current.value is not None and prior.value is not None
    base = max(abs(current.value), abs(prior.value))
    return base * _last_digit(pct) / HUNDRED + _last_digit(current) + _last_digit(prior)


def _scale(fact: ResultFact, cell: Cell) -> Decimal:
    """What one unit of ``cell`` as printed is in ``fact``'s value."""
    if fact.decimals is not None:
        return Decimal(1).scaleb(-fact.decimals) / _last_digit(cell)
    if fact.value is not None and cell.value:
        return abs(fact.value / cell.value)
    return Decimal(1)


def _yoy(table: Table, pct: int, amounts: list[int], columns: dict[int, ColumnFacts],
         percent: bool, exact: frozenset[int] = frozenset(), truncate: bool = False) -> None:
    what = "YoY %" if percent else "change"
    best: tuple[int, int, int, int] | None = None
    year_on_year = _YEAR_ON_YEAR.search(table.columns[pct].header or "") is not None
    dated: tuple[int, int, int] | None = None  # (agree, current, prior): headers order them
    for current, prior in _pairs(amounts):
        periods = table.columns[current].period, table.columns[prior].period
        if year_on_year and None not in periods and _later(*periods) is None:
            continue  # a change year on year is between two periods, not a target and its
            # revision of one (figures a scan shifted a column can still make it hold)
        agree, checked = yoy_matches(table, pct, current, prior, percent, exact, truncate)
        if _proves(agree, checked) and (best is None or agree > best[0]):
            best = (agree, checked, current, prior)
        if _later(*periods) and agree >= MIN_ROWS and 2 * agree > checked \
                and (dated is None or agree > dated[0]):
            dated = (agree, current, prior)
    if best is None:
        if dated is not None:  # too many rows miss for a proof (a scan damaged several), but
            # most recompute from the two columns its headers date in order: it is their
            # change, and the rows that miss it contradict their figures all the same
            _, current, prior = dated
            found = yoy_rows(table, pct, current, prior, percent, exact, truncate)
            _contradict_cells(columns, table, pct, current, prior, found.missed, percent)
        return
    agree, checked, current, prior = best
    later = _later(table.columns[current].period, table.columns[prior].period)
    if later is not False:
        found = yoy_rows(table, pct, current, prior, percent, exact, truncate)
        for index in (current, prior):
            if index in columns:  # a % to one decimal pins an amount only to a twentieth
                # of a per cent of its base
                for fact, row in _cells_of(columns[index], table, index, found.agree):
                    cells = table.rows[row].cells
                    pin = _yoy_pin(cells[pct], cells[current], cells[prior])
                    cell = cells[index]
                    columns[index].confirm_fact(fact, CHECK, None if pin is None or cell is None
                                                else pin * _scale(fact, cell))
        _contradict_cells(columns, table, pct, current, prior, found.missed, percent)
    for index, other in ((current, prior), (prior, current)):
        if index not in columns:
            continue
        if later is False:
            columns[index].refute(CHECK, f"the {what} column recomputes with column "
                                         f"{current + 1} as the current period, but its header "
                                         f"reads earlier than column {prior + 1}'s")
        else:
            # the order of the two periods proves their assignment only when both are read:
            # beside a column whose period is unread, the one read may be the other's (a
            # scan's "Seep. 30, 2012" lost, "Sep. 30, 2013" put over the prior year's column)
            columns[index].confirm(CHECK, f"the {what} column recomputes from it and column "
                                          f"{other + 1} in {agree} of {checked} rows",
                                   BOTH if later else ROWS)
