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

from generator.extract.layout import Cell, Table
from generator.extract.precision import TELLING
from generator.extract.proof.columns import BOTH, ROWS, ColumnFacts
from generator.model.period import Duration, Instant

CHECK = "percent"
_YEAR_ON_YEAR = re.compile(r"\byoy\b|y/y|year[- ]on[- ]year|year over year", re.I)
MIN_ROWS = 2
SHARE = Decimal("0.7")
HUNDRED = Decimal(100)


def _figures(table: Table, index: int) -> list[Cell | None]:
    return [row.cells[index] if index < len(row.cells) else None for row in table.rows]


def _last_digit(cell: Cell) -> Decimal:
    return Decimal(1).scaleb(-cell.fraction_digits)


def ratio_slack(a: Cell, b: Cell) -> Decimal:
    """How far a % of ``a`` over ``b`` can move while both stay what was printed (each within
    half a unit of its last digit): releases compute their % from unrounded figures."""
    assert a.value is not None and b.value is not None and b.value
    half_a, half_b = _last_digit(a) / 2, _last_digit(b) / 2
    return (half_a + half_b * abs(a.value / b.value)) / abs(b.value) * HUNDRED


def _near(printed: Cell, exact: Decimal, slack: Decimal = Decimal(0)) -> bool:
    """``exact`` as printed at ``printed``'s precision, one unit of slack for rounding."""
    assert printed.value is not None
    return abs(printed.value - exact) <= _last_digit(printed) + slack


def yoy_rows(table: Table, pct: int, current: int, prior: int,
             percent: bool = True) -> tuple[list[int], int]:
    """(rows where column ``pct`` = change of ``current`` over ``prior`` in % — or as an
    amount, ``percent=False`` — and how many rows could be checked)."""
    agree: list[int] = []
    checked = 0
    cells = zip(_figures(table, pct), _figures(table, current), _figures(table, prior),
                strict=True)
    for index, (p, a, b) in enumerate(cells):
        if p is None or a is None or b is None or None in (p.value, a.value, b.value):
            continue
        assert p.value is not None and a.value is not None and b.value is not None
        if percent and b.value == 0:
            continue
        guessed = table.rows[index].guessed  # placed by plausibility: only a telling check
        if percent and guessed and not _telling(a, b):
            continue  # a % its figures' rounding blurs tells nothing of where they sit
        checked += 1
        if not percent:
            slack = max(_last_digit(a) + _last_digit(b), _last_digit(p))
            if abs(p.value - (a.value - b.value)) <= slack and (
                    not guessed or slack < TELLING * abs(p.value)):
                agree.append(index)  # ("JPY 15 | 761 | JPY +1 | 014": 15 - 1 = 14, give or
            continue  #              take 2, from the split groups of 15,761 and +1,014)
        if recomputes(p, a, b):
            agree.append(index)
    return agree, checked


def _telling(current: Cell, prior: Cell) -> bool:
    assert current.value is not None and prior.value is not None and prior.value
    change = abs((current.value - prior.value) / prior.value) * HUNDRED
    return ratio_slack(current, prior) < TELLING * change


def recomputes(pct: Cell, current: Cell, prior: Cell) -> bool:
    """Whether ``pct`` is the % change of ``current`` over ``prior`` as printed (each within
    half a unit of its last digit, the % within one of its own)."""
    if pct.value is None or current.value is None or prior.value is None or not prior.value:
        return False
    try:
        exact = (current.value - prior.value) / abs(prior.value) * HUNDRED
    except InvalidOperation:
        return False
    return _near(pct, exact, ratio_slack(current, prior))


def yoy_matches(table: Table, pct: int, current: int, prior: int,
                percent: bool = True) -> tuple[int, int]:
    """(rows that recompute, rows checked): see :func:`yoy_rows`."""
    rows, checked = yoy_rows(table, pct, current, prior, percent)
    return len(rows), checked


def share_matches(table: Table, pct: int, amount: int) -> tuple[int, int]:
    """(rows where column ``pct`` = the amount over the 100% row's amount, rows checked)."""
    cells = list(zip(_figures(table, pct), _figures(table, amount), strict=True))
    base = next((a.value for p, a in cells if p is not None and p.value == HUNDRED
                 and a is not None and a.value), None)
    if base is None:
        return 0, 0
    agree = checked = 0
    for p, a in cells:
        if p is None or a is None or p.value is None or a.value is None:
            continue
        checked += 1
        agree += _near(p, a.value / base * HUNDRED)
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


def check(table: Table, columns: dict[int, ColumnFacts]) -> None:
    """Recompute every % column of the table; confirm or refute the amount columns."""
    roles = [c.role for c in table.columns]
    amounts = [i for i, role in enumerate(roles) if role == "value"]
    for pct, role in enumerate(roles):
        if role in ("change_percent", "change"):
            _yoy(table, pct, amounts, columns, percent=role == "change_percent")
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


def _confirm_cells(column: ColumnFacts, table: Table, index: int, rows: list[int]) -> None:
    """Each figure read from column ``index`` of one of ``rows``: its row's change recomputes
    from it. A figure is told by its row where the mapper recorded it (a run-on table prints
    every row on one line, and two rows may print the same figure), else by line and text."""
    cells = [table.rows[r].cells[index] for r in rows]
    printed = {(c.line, c.text) for c in cells if c is not None}
    chosen = set(rows)
    for fact in column.facts:
        row = column.fact_rows.get(id(fact))
        # a % to one decimal pins an amount only to a twentieth of a per cent of its base
        if row is not None and column.column is table.columns[index]:
            if row in chosen:
                column.confirm_fact(fact, CHECK, None)
        elif (fact.source.line, fact.source.text) in printed:
            column.confirm_fact(fact, CHECK, None)


def _yoy(table: Table, pct: int, amounts: list[int], columns: dict[int, ColumnFacts],
         percent: bool) -> None:
    what = "YoY %" if percent else "change"
    best: tuple[int, int, int, int] | None = None
    year_on_year = _YEAR_ON_YEAR.search(table.columns[pct].header or "") is not None
    for current, prior in _pairs(amounts):
        periods = table.columns[current].period, table.columns[prior].period
        if year_on_year and None not in periods and _later(*periods) is None:
            continue  # a change year on year is between two periods, not a target and its
            # revision of one (figures a scan shifted a column can still make it hold)
        agree, checked = yoy_matches(table, pct, current, prior, percent)
        if _proves(agree, checked) and (best is None or agree > best[0]):
            best = (agree, checked, current, prior)
    if best is None:
        return
    agree, checked, current, prior = best
    later = _later(table.columns[current].period, table.columns[prior].period)
    if later is not False:
        rows, _ = yoy_rows(table, pct, current, prior, percent)
        for index in (current, prior):
            if index in columns:
                _confirm_cells(columns[index], table, index, rows)
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
