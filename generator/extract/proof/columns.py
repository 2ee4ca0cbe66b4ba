"""The unit the proof stage judges: one column of one table, with the facts read from it.

Why columns: a column's period, unit, scale and role come from one reading of its header; when
that reading is wrong, every figure under it is wrong the same way. So evidence is gathered per
column, and a column's figures are filed only when the column is proven. In a transposed table
(one row per period) the row's label gives the period: there the unit is the row.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from generator.extract.layout import Column, Row, Table
from generator.model.results import ResultFact

CONFIRM, REFUTE = "confirm", "refute"


@dataclass(frozen=True)
class Verdict:
    """One check's word on one column: it confirms or refutes, and says why."""

    check: str  # "arithmetic", "translation", "percent", "printed twice", "calendar"
    kind: str  # CONFIRM or REFUTE
    detail: str


@dataclass
class ColumnFacts:
    """A column of a table and the facts its cells became."""

    table_index: int
    index: int
    table: Table
    column: Column
    row: Row | None = None  # set when the unit is a row of a transposed table
    facts: list[ResultFact] = field(default_factory=list)
    verdicts: list[Verdict] = field(default_factory=list)

    @property
    def key(self) -> tuple[int, int]:
        return (self.table_index, self.index)

    @property
    def refutations(self) -> list[Verdict]:
        return [v for v in self.verdicts if v.kind == REFUTE]

    @property
    def confirmations(self) -> list[Verdict]:
        return [v for v in self.verdicts if v.kind == CONFIRM]

    @property
    def proven(self) -> bool:
        return bool(self.confirmations) and not self.refutations

    def refute(self, check: str, detail: str) -> None:
        self.verdicts.append(Verdict(check, REFUTE, detail))

    def confirm(self, check: str, detail: str) -> None:
        self.verdicts.append(Verdict(check, CONFIRM, detail))

    @property
    def header(self) -> str:
        if self.row is not None:
            return f"row '{self.row.label}' (line {self.row.line})"
        return self.column.header or f"column {self.index + 1}"

    def where(self) -> str:
        return f"'{self.header}' of table '{self.table.title[:60]}' (line {self.table.line})"

    def assignment(self) -> str:
        """What the column (or row) was read as, for the review list."""
        if self.row is not None:
            period = f"period {self.row.period}" if self.row.period else "no period"
            return f"one row per period: {period}{', forecast' if self.row.forecast else ''}"
        parts: list[str] = [self.column.role]
        if self.column.period is not None:
            parts.append(str(self.column.period))
        if self.column.forecast:
            parts.append("forecast")
        if self.column.currency:
            parts.append(self.column.currency)
        if self.column.scale != 1:
            parts.append(f"x {self.column.scale:,}")
        return ", ".join(parts)
