"""The unit the proof stage judges: one column of one table, with the facts read from it.

Why columns: a column's period, unit, scale and role come from one reading of its header; when
that reading is wrong, every figure under it is wrong the same way. So evidence is gathered per
column, and a column's figures are filed only when the column is proven. In a transposed table
(one row per period) the row's label gives the period: there the unit is the row.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING

from generator.extract.layout import Column, Row, Table
from generator.model.fact import OWN_PROOF, Correction
from generator.model.results import ResultFact

# checks by sums within one column ("arithmetic with unread rows": ``unread``): a row shifted
# alike in every column still adds up, so they do not tie a figure to its row
IN_COLUMN_SUMS = frozenset({"arithmetic", "arithmetic with unread rows"})

# a printed sum: (total, ((part, weight), ...))
PrintedSum = tuple[ResultFact, tuple[tuple[ResultFact, Decimal], ...]]
# what of a declared sum a column prints: its total concept and the concepts of its parts
# printed (a dash, nil, is printed)
SumPrinted = tuple[str, tuple[str, ...]]

if TYPE_CHECKING:
    from generator.extract.map_rows.inlabel import LabelStrip

CONFIRM, REFUTE = "confirm", "refute"
ZERO = Decimal(0)
# What a confirmation proves: that the column's cells sit in the rows their labels say (ROWS:
# totals add up, a share column recomputes), or that the column is the period, unit and scale it
# was read as (ASSIGNMENT: the same figure printed elsewhere), or both (the USD column at the
# stated rate, a YoY column recomputed from it and its prior-year neighbour).
ROWS, ASSIGNMENT, BOTH = "rows", "assignment", "rows and assignment"


@dataclass(frozen=True)
class Verdict:
    """One check's word on one column: it confirms (an aspect) or refutes, and says why."""

    check: str  # "arithmetic", "translation", "percent", "printed twice", "calendar"
    kind: str  # CONFIRM or REFUTE
    detail: str
    aspect: str = BOTH


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
    # Figure by figure (index into ``facts``): confirmed by a check of its own (a sum it is part
    # of holds, its translation matches, its other printing agrees), or refuted (with why).
    # Why: a proven column can still hold one misplaced cell, on a row that printed fewer
    # figures than the table has columns (a blank cell the reader placed by position).
    sure: dict[int, set[str]] = field(default_factory=dict)  # figure -> checks confirming it
    # How closely the checks pin each figure: the largest misprint of it the finest of them
    # would still pass (0: a sum that holds, the same figure printed again; a % of revenues
    # or a dollar translation passes figures thousands of yen apart; absent: none pins it).
    pinned: dict[int, Decimal] = field(default_factory=dict)
    doubts: dict[int, str] = field(default_factory=dict)
    # Figures a check on the page contradicts beyond the rounding of what is printed (a change
    # or % in their row that misses, a total that breaks), each with how far it is from the
    # value the check wants and why: held unless a check of its own pins it closer than that
    # (:mod:`.contradicted`), however many checks confirm the column.
    contradicted: list[tuple[ResultFact, Decimal, str]] = field(default_factory=list)
    incomplete_rows: set[int] = field(default_factory=set)  # lines of rows with a blank slot
    # why the figures on ``incomplete_rows`` were placed by position (the review list says it)
    placement: str = ("its row has a blank or missing cell, so its figures were placed by "
                      "position")
    # Figures (by id) of rows that printed every cell, on a line ``incomplete_rows`` names:
    # a run-on table prints all its rows on one line, complete and short ones alike.
    complete_facts: set[int] = field(default_factory=set)
    # the table row (index) each figure was read from, by id of the fact, where known
    fact_rows: dict[int, int] = field(default_factory=dict)
    # the table rows (indexes) whose line the mapper is not sure of, with why (read in other
    # words, a member after an unread row), for ``unread``
    doubtful_rows: dict[int, str] = field(default_factory=dict)
    # the table rows (indexes) that print no figure and name only a heading, with the
    # concepts under it, for ``closed``
    headings: dict[int, frozenset[str]] = field(default_factory=dict)
    # Members (by id) of a breakdown whose sum holds in the column, as printed or with one
    # subtracted: that sum ties each to its line (``unread.hold_doubtful_rows``)
    signed: set[int] = field(default_factory=set)
    # set when the figures were printed inside a row's label, not in a column
    label: LabelStrip | None = None
    # The facts of each printed sum that holds within the column (total first), for
    # ``recomputed``, and of those that tie to the unit, for ``arithmetic.anchor`` (a sum that
    # ties, whose other figures are tied down, settles the last one) and ``unrounded``.
    held_sums: list[tuple[ResultFact, ...]] = field(default_factory=list)
    # the totals (ids) of the sums that hold: a sum pins its total's place, not its parts'
    sum_totals: set[int] = field(default_factory=set)
    tied_sums: list[tuple[ResultFact, ...]] = field(default_factory=list)
    # Each complete printed sum that breaks (total, ((part, weight), ...)), for
    # ``recomputed``: the value its other figures give a figure printed twice, differently.
    broken_sums: list[PrintedSum] = field(default_factory=list)
    # ... and each that breaks with a part not printed (it may be nil): no evidence against
    # anything, but a sign turned may make it hold (``misprints``: a deduction's sign)
    partial_sums: list[PrintedSum] = field(default_factory=list)
    # The sums that hold only within their parts' rounding (off by a few units), for
    # ``unrounded``: where a column's sums tie to the unit, one off by a few units is a
    # misread digit, not rounding.
    loose_sums: list[PrintedSum] = field(default_factory=list)
    # Sums with a declared part not printed, by what is printed of them (total concept, the
    # concepts of the printed parts), with their printed figures (dashes included): those
    # that hold, and those that break (with the sum), for ``siblings``: one that holds in a
    # neighbouring column, the table printing the same rows in both, shows the missing part
    # is not in the table.
    open_held: dict[SumPrinted, tuple[ResultFact, ...]] = field(default_factory=dict)
    open_broken: list[tuple[SumPrinted, tuple[ResultFact, ...], PrintedSum]] = field(
        default_factory=list)
    # Figures a check of their own table shows misprinted, with the value their other printing
    # carries and the correction to file them with (``misprints``): figure -> (value, why)
    corrected: dict[int, tuple[Decimal, Correction]] = field(default_factory=dict)
    # Kept beside ``verdicts`` so that asking costs the same however many checks spoke: a
    # figure printed in every one of thousands of concatenated releases confirms its column
    # thousands of times (what is confirmed, and the first refutation, are what is reported).
    _refuted: list[Verdict] = field(default_factory=list, repr=False)
    _confirmed: dict[tuple[str, str], Verdict] = field(default_factory=dict, repr=False)
    _positions: dict[int, list[int]] = field(default_factory=dict, repr=False)
    _indexed: int = field(default=0, repr=False)  # how many of ``facts`` _positions covers
    # (how many confirmations, their checks sorted): asked once per filed figure
    _checks: tuple[int, tuple[str, ...]] = field(default=(-1, ()), repr=False)

    @property
    def key(self) -> tuple[int, int]:
        return (self.table_index, self.index)

    @property
    def refutations(self) -> list[Verdict]:
        return self._refuted

    @property
    def confirmations(self) -> list[Verdict]:
        """One per check and aspect (the first that said it): a confirmation's detail is not
        reported, only which checks confirmed what."""
        return list(self._confirmed.values())

    def has(self, aspect: str) -> bool:
        return any(a in (aspect, BOTH) for _, a in self._confirmed)

    def _where(self, fact: ResultFact) -> list[int]:
        """Positions of ``fact`` (by identity) in ``facts``, from an index built once."""
        if self._indexed != len(self.facts):  # facts are only ever appended
            for i in range(self._indexed, len(self.facts)):
                self._positions.setdefault(id(self.facts[i]), []).append(i)
            self._indexed = len(self.facts)
        return self._positions.get(id(fact), [])

    def rows_of(self, facts: Sequence[ResultFact]) -> list[int] | None:
        """The table rows (indexes) ``facts`` were read from, in their order; None if any is
        not known (a figure printed in a label, a table with one row per period)."""
        rows: list[int] = []
        for fact in facts:
            row = self.fact_rows.get(id(fact))
            if row is None:
                return None
            rows.append(row)
        return rows

    def complete(self, sums: set[int]) -> None:
        """Hand the sums short of a part whose ids are in ``sums`` to the broken sums: shown
        complete as printed (``siblings``, ``closed``), where they break, they break."""
        if sums:
            self.broken_sums += [s for s in self.partial_sums if id(s) in sums]
            self.partial_sums = [s for s in self.partial_sums if id(s) not in sums]

    @property
    def proven(self) -> bool:
        """Rows and assignment both confirmed, nothing refuted."""
        return self.has(ROWS) and self.has(ASSIGNMENT) and not self.refutations

    def missing(self) -> str:
        """What a column not refuted still lacks, for the review list."""
        lacks = [a for a in (ROWS, ASSIGNMENT) if not self.has(a)]
        return " and ".join(lacks)

    def confirm_fact(self, fact: ResultFact, check: str, within: Decimal | None = ZERO) -> None:
        """``fact`` confirmed by ``check``, which would pass it misprinted by up to ``within``
        (0, the default: the check pins the figure; ``None``: to no stated bound, as a % of
        revenues or a per-share ratio pins the amounts it is computed from)."""
        for i in self._where(fact):
            self.sure.setdefault(i, set()).add(check)
            if within is not None:
                pinned = self.pinned.get(i)
                if pinned is None or within < pinned:
                    self.pinned[i] = within

    def pins(self, fact: ResultFact, gap: Decimal) -> bool:
        """Whether a check of ``fact``'s own would have caught it misprinted by ``gap``."""
        return any(self.pinned.get(i, gap) < gap for i in self._where(fact))

    def proven_by(self, i: int) -> tuple[str, ...]:
        """What proved figure ``i``: its column's checks, then its own ("own: arithmetic")."""
        if self._checks[0] != len(self._confirmed):  # confirmations are only ever added
            self._checks = (len(self._confirmed),
                            tuple(sorted({v.check for v in self._confirmed.values()})))
        own = self.sure.get(i)
        if not own:  # most figures: their column's checks alone
            return self._checks[1]
        return (*self._checks[1], *sorted(f"{OWN_PROOF}{check}" for check in own))

    def contradict(self, fact: ResultFact, gap: Decimal, why: str) -> None:
        """A check says ``fact`` is off by ``gap`` (beyond its printing's rounding)."""
        self.contradicted.append((fact, gap, why))

    def doubt_fact(self, fact: ResultFact, why: str) -> None:
        for i in self._where(fact):
            self.doubts.setdefault(i, why)

    def by_position(self, fact: ResultFact) -> bool:
        """Whether ``fact``'s row left a slot blank, so that its figures were placed by
        position (its line holds such a row, and the fact is not known to be of a full row)."""
        return fact.source.line in self.incomplete_rows and id(fact) not in self.complete_facts

    def placed(self, i: int) -> bool:
        """Whether figure ``i`` sits where it was read: its row printed every cell, or a check
        of its own ties it to figures outside its column."""
        if i in self.doubts:
            return False
        outside = self.sure.get(i, set())
        if self._sums_inside(i):
            outside = outside - IN_COLUMN_SUMS
        return bool(outside) or not self.by_position(self.facts[i])

    def _sums_inside(self, i: int) -> bool:
        """Whether this strip's sums tie figure ``i`` only to the strip's other figures: a
        column's; or a one-row-per-period row whose cells were placed by position, where a
        sum across the row holds whichever of its columns the parts were put in ("nil 1,000
        nil 1,250 2,250" read as four cells: 1,000 + 1,250 = 2,250 in any two quarters) —
        but only in the total's own column: the total is pinned, its parts are not."""
        if self.row is None:
            return True
        return self.row.guessed and id(self.facts[i]) not in self.sum_totals

    def figure_doubt(self, i: int) -> str | None:
        """Why figure ``i`` of a proven column is still held back, if it is.

        A figure on a row whose cells were placed by position needs a check of its own that
        ties it to figures outside its column: a sum within the column does not, since a row
        shifted the same way in every column still adds up (shares of total add up like
        amounts, and so do USD figures under a yen header). In a one-row-per-period table the
        strip is a row, and its sums run across the columns: there they do count, unless the
        row's own cells were placed by position (:meth:`_sums_inside`)."""
        if i in self.doubts:
            return self.doubts[i]
        fact = self.facts[i]
        outside = self.sure.get(i, set())
        if self._sums_inside(i):
            outside = outside - IN_COLUMN_SUMS
        if not outside and self.by_position(fact):
            return f"{self.placement}; no check of its own confirms this one"
        return None

    def refute(self, check: str, detail: str) -> None:
        verdict = Verdict(check, REFUTE, detail)
        self.verdicts.append(verdict)
        self._refuted.append(verdict)

    def confirm(self, check: str, detail: str, aspect: str = BOTH) -> None:
        if (check, aspect) not in self._confirmed:
            verdict = Verdict(check, CONFIRM, detail, aspect)
            self.verdicts.append(verdict)
            self._confirmed[(check, aspect)] = verdict

    @property
    def header(self) -> str:
        if self.label is not None:
            return (f"figures in the label of row '{self.label.row.label[:60]}' "
                    f"(line {self.label.row.line})")
        if self.row is not None:
            return f"row '{self.row.label}' (line {self.row.line})"
        return self.column.header or f"column {self.index + 1}"

    def where(self) -> str:
        return f"'{self.header}' of table '{self.table.title[:60]}' (line {self.table.line})"

    def assignment(self) -> str:
        """What the column (or row) was read as, for the review list."""
        if self.label is not None:
            dated = "the label" if self.label.dated_by_label else "the table's columns"
            return (f"in the label: {self.label.concept}, named by '{self.label.words}', "
                    f"dated by {dated}")
        if self.row is not None:
            period = f"period {self.row.period}" if self.row.period else "no period"
            implied = f" ({self.row.period_implied})" if self.row.period_implied else ""
            return (f"one row per period: {period}{implied}"
                    f"{', forecast' if self.row.forecast else ''}")
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
