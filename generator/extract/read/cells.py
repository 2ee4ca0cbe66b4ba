"""Cells in their columns: which columns a short row leaves blank, OCR column-wise blocks
folded back, per-column OCR repairs, roles the printed cells settle (a change printed in %)."""

from __future__ import annotations

import functools
import itertools
import math
import re
from decimal import Decimal

from generator.extract.layout import Cell, Column, Row
from generator.extract.read.numbers import repair_column

PERCENT_ROLES = {"percent_of_revenue", "change_percent"}


SKIP_COST = {"percent_of_revenue": 0.0, "other": 1.0, "translation": 2.0, "change": 2.5,
              "change_percent": 2.5, "value": 3.0}


def percent_cells(row: Row, columns: list[Column]) -> Row:
    """Cells of percent columns are percentages even when printed without "%"."""
    cells = tuple(
        c.model_copy(update={"percent": True}) if c is not None and c.value is not None
        and columns[i].role in PERCENT_ROLES and not c.percent else c
        for i, c in enumerate(row.cells))
    return row if cells == row.cells else row.model_copy(update={"cells": cells})


def fold_vertical(rows: list[Row], columns: list[Column]) -> list[Row]:
    """OCR of a column-wise block: the labels first, then every number on a line of its own,
    column after column. Fold it back when the counts fit the columns; a translation column
    only has numbers for rows whose label names the translation currency."""
    bare_start = len(rows)
    while bare_start > 0 and not rows[bare_start - 1].label and sum(
            c is not None for c in rows[bare_start - 1].cells) == 1:
        bare_start -= 1
    label_start = bare_start
    while label_start > 0 and rows[label_start - 1].label and label_only(rows[label_start - 1]):
        label_start -= 1
    numbers = [next(c for c in r.cells if c is not None) for r in rows[bare_start:]]
    labels = rows[label_start:bare_start]
    if len(numbers) < 2 or not labels:
        return rows
    for drop in range(min(2, len(labels))):
        kept = labels[drop:]
        usd = [i for i, r in enumerate(kept) if re.search(r"U\.\s?S\.|dollar", r.label, re.I)]
        per_column = [usd if c.role == "translation" else list(range(len(kept)))
                      for c in columns]
        if sum(len(p) for p in per_column) != len(numbers):
            continue
        grid: list[list[Cell | None]] = [[None] * len(columns) for _ in kept]
        queue = iter(numbers)
        for col, targets in enumerate(per_column):
            for i in targets:
                grid[i][col] = next(queue)
        folded = [r.model_copy(update={"cells": tuple(grid[i])}) for i, r in enumerate(kept)]
        return rows[:label_start + drop] + folded
    return rows


_LABEL_NUMBER = re.compile(r"\d{1,2}|(19|20)\d{2}")  # a footnote digit, a year


def label_number(token: str | None) -> bool:
    """Leading extra numbers that belong to the label: footnote digits, a date's year."""
    return token is not None and bool(_LABEL_NUMBER.fullmatch(token.strip()))


# Words that name a forecast: in a row label ("(Target)", "FY2011 Plan", "Projected") and in a
# highlights column, title or heading ("Target Announced", "Business Plans for FY2017"). A plan
# that is a scheme ("Defined benefit pension plans", "Stock option plan") is no forecast.
FORECAST = re.compile(r"forecast|target|projected|projections?\b|outlook|guidance|budget"
                      r"|(?<!benefit )(?<!pension )(?<!option )(?<!retirement )(?<!incentive )"
                      r"(?<!compensation )(?<!ownership )(?<!purchase )plans?\b", re.I)
# words that name results, not a forecast ("Actual Results")
ACTUAL = re.compile(r"\b(?:actual|results?)\b", re.I)


@functools.lru_cache(maxsize=1 << 12)  # asked of every row; a release prints few labels, often
def forecast_label(label: str) -> bool:
    """A row label naming a forecast ("(Target)", "Plan", "Projected", "Outlook")."""
    return bool(FORECAST.search(label))


def not_a_percentage(token: str) -> bool:
    """A token no percentage column prints: a comma-grouped whole number ("957,666") or two
    or more decimals ("2,901.29", "28.01": an amount, a per-share figure)."""
    body = token.strip().strip("()").strip()
    if body.endswith("%"):
        return False
    return bool(re.fullmatch(r"\d{1,3}(,\d{3})+", body) or re.fullmatch(r"[\d,]*\.\d{2,}", body))


def align(
    tokens: list[str | None], columns: list[Column], *, forecast: bool
) -> tuple[list[int | None], bool]:
    """Place k tokens in n >= k columns: skip the columns a row most plausibly leaves blank
    (share-of-revenue columns first, then translations...), matching % tokens to % columns
    and keeping amounts out of them (a row printing no share and no change of its own must not
    have its last amount read as the change). Returns per column the index of its token, and
    whether another placement was as good."""
    n, k = len(columns), len(tokens)
    if k == n:
        return list(range(n)), False
    if math.comb(n, k) > 5000:  # no plausible table; keep the order, say it is a guess
        return [i if i < k else None for i in range(n)], True
    costs: list[tuple[float, tuple[int, ...]]] = []
    for chosen in itertools.combinations(range(n), k):
        cost = 0.0
        for idx, token in zip(chosen, tokens, strict=True):
            percent_token = token is not None and token.strip().endswith("%")
            if percent_token and columns[idx].role not in PERCENT_ROLES:
                cost += 3
            if (token is not None and columns[idx].role in PERCENT_ROLES
                    and not_a_percentage(token)):
                cost += 3
        for idx in set(range(n)) - set(chosen):
            cost += SKIP_COST[columns[idx].role]
            cost += 0.01 * (idx + 1 if forecast else n - idx)
        costs.append((cost, chosen))
    costs.sort()
    ambiguous = len(costs) > 1 and costs[1][0] - costs[0][0] < 0.5
    # Of placements about as plausible, the one that leaves the fewest figures in the share
    # and change columns: a figure placed in an amount column is held unless a check of its
    # own confirms it there; one left in a % column is never filed nor held, silently lost
    # ("887,338 – –": the dollar dash, not the change).
    near = [chosen for cost, chosen in costs if cost - costs[0][0] < 0.5]
    best = max(near, key=lambda chosen: sum(columns[i].role not in PERCENT_ROLES
                                            for i in chosen))
    out: list[int | None] = [None] * n
    for position, idx in enumerate(best):
        out[idx] = position
    return out, ambiguous


def repair_rows(rows: list[Row], n: int) -> list[Row]:
    columns = [repair_column([r.cells[i] for r in rows]) for i in range(n)]
    return [r.model_copy(update={"cells": tuple(columns[i][j] for i in range(n))})
            for j, r in enumerate(rows)]


# a token a grouping comma read as a point would print: one to three digits, a point, three
# ("52.374" for 52,374), a sign or parentheses around it at most
_POINT_GROUPED = re.compile(r"^[(\-−△▲]?\s*\d{1,3}\.\d{3}\s*\)?$")


def unread_point_groupings(rows: list[Row], columns: list[Column]) -> tuple[list[Row], list[str]]:
    """A figure that reads as three decimals ("52.374") among whole amounts both in its row
    and (mostly) in its column is a grouping comma a scan read as a point as likely as a
    decimal: which it is cannot be read, so the cell is left unread (kept in its place, so no
    other figure moves into its column), never filed as 52.374 nor repaired to 52,374. A row
    printing decimals ("EPS 12.599 11.234"), a lone figure, a column of decimals and a % or
    change column keep theirs. Returns the rows and a problem line per cell left unread."""
    amounts = {i for i, col in enumerate(columns) if col.role in ("value", "translation")}
    whole: dict[int, tuple[int, int]] = {}  # per amount column: its whole figures, figures
    for i in amounts:
        numeric = [c for r in rows if i < len(r.cells)
                   for c in [r.cells[i]] if c is not None and c.value is not None]
        whole[i] = (sum(c.fraction_digits == 0 for c in numeric), len(numeric))
    out: list[Row] = []
    problems: list[str] = []
    for row in rows:
        cells = list(row.cells)
        for i, c in enumerate(row.cells):
            if c is None or c.value is None or i not in amounts or c.fraction_digits != 3 \
                    or c.repaired or c.percent or not _POINT_GROUPED.match(c.text.strip()):
                continue
            others = [o for k, o in enumerate(row.cells)
                      if k != i and k in amounts and o is not None and o.value is not None]
            in_column, figures = whole[i]
            if others and all(o.fraction_digits == 0 for o in others) \
                    and in_column * 2 > figures - 1:
                cells[i] = None
                problems.append(
                    f"line {c.line}: cannot read {c.text.strip()!r} in row {row.label!r} "
                    "(three decimals among whole amounts: a grouping comma read as a point?); "
                    "cell left empty")
        out.append(row if cells == list(row.cells) else
                   row.model_copy(update={"cells": tuple(cells)}))
    return out, problems


def settle_change_roles(columns: list[Column], rows: list[Row]) -> list[Column]:
    """A change column whose cells all print "%" is a percent change."""
    out = []
    value_digits = {c.fraction_digits for r in rows for i, c in enumerate(r.cells)
                    if c is not None and c.value is not None and columns[i].role == "value"}
    for i, col in enumerate(columns):
        cells = [r.cells[i] for r in rows if r.cells[i] is not None]
        numeric = [c for c in cells if c is not None and c.value is not None]
        printed_percent = all(c.text.strip().endswith("%") for c in numeric)
        # A change printed with one decimal beside whole-number amounts is a percentage.
        decimal_beside_integers = value_digits == {0} and all(c.fraction_digits == 1
                                                              for c in numeric)
        if col.role == "change" and numeric and (printed_percent or decimal_beside_integers):
            col = col.model_copy(update={"role": "change_percent", "currency": None,
                                         "scale": Decimal(1)})
        out.append(col)
    return out



def label_only(row: Row) -> bool:
    """A heading: a label without figures."""
    return all(c is None for c in row.cells)
