"""Scale evidence: amount columns of one table are of one order of magnitude.

Last year's and this year's figures of the same lines differ by a few percent, rarely by a
factor of eight across a whole column. A column whose figures are a hundredth of its neighbour's
was given the wrong scale; one that is its neighbour divided by the stated USD rate holds the
translation under a yen header. Compared by the median ratio over rows both print.
"""

from __future__ import annotations

from decimal import Decimal
from statistics import median

from generator.extract.proof.columns import ColumnFacts

CHECK = "scale"
LIMIT = Decimal(8)
MIN_ROWS = 3


def _ratio(a: ColumnFacts, b: ColumnFacts) -> Decimal | None:
    mine = {(f.concept, tuple(sorted(f.dimensions.items()))): f.value
            for f in a.facts if f.value}
    ratios = [abs(mine[key] / f.value)
              for f in b.facts if f.value and (key := (f.concept,
                                                       tuple(sorted(f.dimensions.items()))))
              in mine and f.unit == next(x.unit for x in a.facts if x.concept == f.concept)]
    return median(ratios) if len(ratios) >= MIN_ROWS else None


def _independent(column: ColumnFacts) -> bool:
    """Assignment proven by numbers, not only by its header."""
    return any(v.check in ("translation", "percent") for v in column.confirmations)


def check(columns: list[ColumnFacts], rate: Decimal | None) -> None:
    """Refute amount columns out of proportion with another amount column of the table."""
    amounts = [c for c in columns if c.column.role == "value" and c.row is None]
    for i, a in enumerate(amounts):
        for b in amounts[i + 1:]:
            ratio = _ratio(a, b)
            if ratio is None or 1 / LIMIT <= ratio <= LIMIT:
                continue
            looks = ""
            if rate is not None and (rate / 2 <= ratio <= rate * 2 or
                                     rate / 2 <= 1 / ratio <= rate * 2):
                looks = " (about the stated USD rate: a translation under a yen header?)"
            detail = (f"its figures are {ratio:.3g} times those of {{}} over the rows both "
                      f"print{looks}")
            suspects = [c for c in (a, b) if not _independent(c)] or [a, b]
            for suspect in suspects:
                other = b if suspect is a else a
                shown = ratio if suspect is a else 1 / ratio
                suspect.refute(CHECK, detail.replace(f"{ratio:.3g}", f"{shown:.3g}")
                               .format(other.where()))
