"""Scale evidence: amount columns of one table are of one order of magnitude.

Last year's and this year's figures of the same lines differ by a few percent, rarely by a
factor of eight across a whole column. A column whose figures are a hundredth of its neighbour's
was given the wrong scale; one that is its neighbour divided by the stated USD rate holds the
translation under a yen header. A USD translation column stands to a yen column as one over the
stated rate, within the same factor. Compared by the median ratio over rows both print.

Which column is off: the one whose scale nothing else proves (a translation at the stated
rate, a ratio, a roll forward or sub-periods that add up tie a column to absolute figures; a
header, a sum or a share of total do not, they hold at any scale); both when neither is proven.
"""

from __future__ import annotations

from decimal import Decimal
from statistics import median

from generator.extract.proof.columns import ColumnFacts

CHECK = "scale"
LIMIT = Decimal(8)
MIN_ROWS = 3


def _ratio(a: ColumnFacts, b: ColumnFacts) -> Decimal | None:
    """Median of a's figure over b's, over the lines (concept and members) both print."""
    mine = {(f.concept, f.context[1]): f.value for f in a.facts if f.value}
    ratios = []
    for fact in b.facts:
        key = (fact.concept, fact.context[1])  # (concept, sorted members)
        if fact.value and key in mine:
            ratios.append(abs(mine[key] / fact.value))
    return median(ratios) if len(ratios) >= MIN_ROWS else None


SCALE_PROOFS = ("translation", "ratio", "roll forward", "periods")


def _independent(column: ColumnFacts) -> bool:
    """Scale proven by figures outside the column, not by its header or its own sums."""
    return any(v.check in SCALE_PROOFS for v in column.confirmations)


def _expected(a: ColumnFacts, b: ColumnFacts, rate: Decimal | None) -> Decimal | None:
    """The ratio a's figures should have to b's: 1 between amounts, the rate's inverse or the
    rate between a translation and an amount; None when the rate is unknown."""
    roles = (a.column.role, b.column.role)
    if roles == ("value", "value"):
        return Decimal(1)
    if rate is None or "value" not in roles:
        return None
    return 1 / rate if roles[0] == "translation" else rate


def check(columns: list[ColumnFacts], rate: Decimal | None) -> None:
    """Refute amount columns out of proportion with another amount column of the table."""
    amounts = [c for c in columns if c.column.role in ("value", "translation") and c.row is None]
    for i, a in enumerate(amounts):
        for b in amounts[i + 1:]:
            expected = _expected(a, b, rate)
            measured = _ratio(a, b) if expected is not None else None
            if expected is None or measured is None:
                continue
            ratio = measured / expected
            if 1 / LIMIT <= ratio <= LIMIT:
                continue
            looks = ""
            if rate is not None and (rate / 2 <= ratio <= rate * 2 or
                                     rate / 2 <= 1 / ratio <= rate * 2):
                looks = " (about the stated USD rate: a translation under a yen header?)"
            what = "what the stated rate makes of" if expected != 1 else "those of"
            detail = (f"its figures are {ratio:.3g} times {what} {{}} over the rows both "
                      f"print{looks}")
            suspects = [c for c in (a, b) if not _independent(c)] or [a, b]
            for suspect in suspects:
                other = b if suspect is a else a
                shown = ratio if suspect is a else 1 / ratio
                suspect.refute(CHECK, detail.replace(f"{ratio:.3g}", f"{shown:.3g}")
                               .format(other.where()))
