"""Scanned releases: a cell a scan damaged past reading casts doubt on the digits that did read.

A scan that printed "4o" for 40 may as well have printed 17 for 179, or 4425 for 425, in the
same release, and those read as figures. A column proven by its layout and header alone
(tab-delimited rows, a header stating the unit: :data:`.twice.STRUCTURAL_CHECKS`) has had none
of its figures tested: enough for a clean text, not for one whose damage is in sight. There
such a column's figures are held unless a check of their own pins them to their last digit.
Columns a sum, a translation or another printing proves keep their figures: those checks test
digits (within their rounding, which a damaged last digit may still pass; the benchmark counts
those).
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from generator.extract.proof.columns import ColumnFacts
from generator.extract.proof.twice import STRUCTURAL_CHECKS
from generator.model.results import ResultFact

REASON = ("the release prints a cell only a scan prints ({token!r}, line {line}), and only "
          "its table's layout and header prove this column: its digits may be misread too, and "
          "no check of its own pins this one to its last digit")


def doubt_untested(columns: Sequence[ColumnFacts]) -> None:
    """Doubt the unconfirmed figures of every column proven by its structure alone in a
    release with a table cell only a scan prints (``Row.scanned``)."""
    damaged = next((r for c in columns if c.label is None for r in c.table.rows if r.scanned),
                   None)
    if damaged is None:
        return
    why = REASON.format(token=damaged.scanned[0], line=damaged.line)
    for column in columns:
        if column.label is not None or not column.proven \
                or {v.check for v in column.confirmations} - STRUCTURAL_CHECKS:
            continue
        for fact in column.facts:
            if fact.value is not None and not column.pins(fact, _last_unit(fact)):
                column.doubt_fact(fact, why)


def _last_unit(fact: ResultFact) -> Decimal:
    """A unit of the figure's last printed digit: the least a scan changes it by. A check of
    its own that pins it closer (its other printing, as fine; a sum that ties) tells a misread
    digit; a coarse printing ("JPY4.0 billion" for 4,008 million) or a % does not."""
    return Decimal(1).scaleb(-fact.decimals) if fact.decimals is not None else Decimal(1)
