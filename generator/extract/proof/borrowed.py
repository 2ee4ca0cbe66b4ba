"""A table that states no unit is filed figure by figure, each on its other printing's word.

:mod:`..read.unitless` gives such a table the unit its figures are printed in elsewhere. That
unit is a hypothesis: the figures' concept and period come from this table's own words, and
nothing but their other printing ties them to the borrowed scale. So a figure is filed only
when its other printing, as the same concept and period, agrees with it (the printed-twice
check confirmed it on its own); every other figure of the table is held.
"""

from __future__ import annotations

from generator.extract.proof import twice
from generator.extract.proof.columns import ColumnFacts

REASON = ("its table states no unit ({unit_from}) and no other printing of this concept and "
          "period agrees with it")


def check(columns: list[ColumnFacts]) -> None:
    """Doubt each figure of a unit-borrowing table its other printing does not confirm."""
    for column in columns:
        if not column.table.unit_from:
            continue
        for i, fact in enumerate(column.facts):
            if twice.CHECK not in column.sure.get(i, set()):
                column.doubt_fact(fact, REASON.format(unit_from=column.table.unit_from))
