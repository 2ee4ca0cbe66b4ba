"""Structured results: the boundary between ``extract`` and ``map`` (the JSON `build` reads).

Its JSON Schema is generated from these models (``xbrlgen schema``) and documented in the README.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Mapping
from typing import Any, Literal, Self

from pydantic import BaseModel, ConfigDict, Field, model_validator

from generator.model.fact import MAX_DIGITS, DecimalString, Provenance, replaced
from generator.model.period import Duration, Period

#: A fact's context as the checks key it: (period as text, sorted members, unit).
ContextKey = tuple[str, tuple[tuple[str, str], ...], str | None]
PeriodKind = Literal["Q1", "H1", "Q3", "FY", "Q2", "Q4"]
#: How a note about a conflict within the release begins (two printings of one figure that
#: disagree); the coverage report counts the same conflicts.
CONFLICT_NOTE = "conflict: "
#: How a note saying the release looks truncated begins (it stops inside a table or a statement
#: without its closing total): ``build`` lists these, and ``--fail-on-review`` fails on them.
TRUNCATED_NOTE = "truncated: "
#: The year-to-date kinds a release's period is read as (and synthetic releases are written
#: as): months from the fiscal year's start, and the prefix of the period's label.
YEAR_TO_DATE: dict[str, tuple[int, str]] = {
    "Q1": (3, "1Q"), "H1": (6, "1H"), "Q3": (9, "1Q-3Q"), "FY": (12, ""),
}


def period_label(kind: str, fiscal_year: int) -> str:
    """How people name a year-to-date period: "1H FY2010" (the fiscal year starting in 2010),
    "FY2010" for the full year."""
    return f"{YEAR_TO_DATE[kind][1]} FY{fiscal_year}".strip()



class ReportingPeriod(BaseModel):
    """The period a release reports on: its current year-to-date period and fiscal year."""

    model_config = ConfigDict(frozen=True, extra="forbid")
    kind: PeriodKind
    start: dt.date
    end: dt.date
    fiscal_year_start: dt.date
    fiscal_year_end: dt.date
    label: str = Field(description='How people name it, e.g. "1H FY2010"')

    @property
    def ytd(self) -> Duration:
        return Duration(start=self.start, end=self.end)

    @property
    def year(self) -> Duration:
        return Duration(start=self.fiscal_year_start, end=self.fiscal_year_end)

    @property
    def key(self) -> tuple[dt.date, dt.date]:
        return (self.start, self.end)


#: What :attr:`ResultFact.context` is made of.
_CONTEXT_FIELDS = frozenset({"period", "dimensions", "unit"})

#: The longest text a text fact may carry (a headline, a name: a line or two, not a page).
MAX_TEXT = 1000


class ResultFact(BaseModel):
    """One figure read from a release, in base units (whole yen, shares, pure ratios), or one
    text (a headline, the company's name) of a text concept.

    ``value`` null means the source printed a dash: a nil fact, never zero. ``decimals`` states
    the printed precision (-6 for JPY millions, -3 for thousands, 2 for 4,241.14). A text fact
    carries its words in ``text`` (``value``, ``unit`` and ``decimals`` null): a figure stays a
    ``Decimal`` and a text a ``str``, never one field for both.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")
    concept: str
    period: Period
    dimensions: dict[str, str] = Field(default_factory=dict, description="axis -> member")
    unit: str | None = Field(description='unit id declared in the taxonomy, e.g. "JPY"')
    value: DecimalString | None
    decimals: int | None = Field(default=None, ge=-MAX_DIGITS, le=MAX_DIGITS)
    text: str | None = Field(
        default=None, min_length=1, max_length=MAX_TEXT,
        description="the value of a text fact (a string concept), as printed; value, unit "
        "and decimals are then null")
    source: Provenance

    @functools.cached_property
    def context(self) -> ContextKey:
        """(period as text, sorted members, unit): the context part of every key the proof
        and cross-check group facts by, asked of each fact many times, so built once (the
        fields are frozen; :meth:`model_copy` drops it when an update changes them)."""
        return self.period.iso, tuple(sorted(self.dimensions.items())), self.unit

    def proven(self, by: tuple[str, ...]) -> ResultFact:
        """This fact with ``by``, the checks that proved it, in its source (its context, which
        the source is no part of, kept): made for every filed figure (:func:`replaced`)."""
        return replaced(self, source=replaced(self.source, proven_by=by))

    def model_copy(self, *, update: Mapping[str, Any] | None = None,
                   deep: bool = False) -> Self:
        copied = super().model_copy(update=update, deep=deep)
        if update and not _CONTEXT_FIELDS.isdisjoint(update):
            copied.__dict__.pop("context", None)  # recomputed from the copy's own fields
        return copied

    @model_validator(mode="after")
    def _nil_has_no_decimals(self) -> ResultFact:
        if self.text is not None:
            if self.value is not None or self.decimals is not None or self.unit is not None:
                raise ValueError("a text fact (text given) carries no value, unit or decimals")
        elif self.value is None and self.decimals is not None:
            raise ValueError("a nil fact (value null) carries no decimals")
        return self


class Unmapped(BaseModel):
    """A number the extractor saw but did not turn into a fact, and why."""

    model_config = ConfigDict(frozen=True, extra="forbid")
    document: str
    line: int
    text: str
    reason: str


class HeldBack(BaseModel):
    """A figure read but not filed, because its column's assignment was not proven.

    Why: a wrong figure is worse than a missing one. Held-back figures are never filed and never
    dropped: they are listed for a person to review, with the assignment that was tried and the
    check that did not prove it.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")
    document: str
    line: int
    text: str | None
    concept: str
    period: Period
    dimensions: dict[str, str] = Field(default_factory=dict)
    unit: str | None
    value: DecimalString | None
    table: str = Field(description="the table as printed: title and line")
    column: str = Field(description="the column's header as read")
    assignment: str = Field(description="what the column was read as: role, period, unit, scale")
    check: str = Field(description="the check that refuted the column, or 'unproven'")
    reason: str


class Results(BaseModel):
    """Everything extracted from one release."""

    model_config = ConfigDict(frozen=True, extra="forbid")
    format_version: Literal[1] = 1
    company: str = Field(description="company id, a file under taxonomy/companies/")
    document: str
    layout: str | None = Field(
        default=None, description="how the release was laid out, as read: newswire, slides, "
        "ocr, ... (a presentation's tables are highlights: taxonomy.yaml layout_sections)")
    period: ReportingPeriod
    facts: tuple[ResultFact, ...]
    unmapped: tuple[Unmapped, ...] = ()
    review: tuple[HeldBack, ...] = Field(
        default=(), description="figures held back: read, but their column was not proven")
    notes: tuple[str, ...] = ()

    @property
    def conflicts(self) -> tuple[str, ...]:
        """The release's own conflicts, as its coverage line counts them."""
        return tuple(n.removeprefix(CONFLICT_NOTE) for n in self.notes
                     if n.startswith(CONFLICT_NOTE))

    @property
    def truncations(self) -> tuple[str, ...]:
        """Where the release looks cut off (a results file may carry these notes too)."""
        return tuple(n.removeprefix(TRUNCATED_NOTE) for n in self.notes
                     if n.startswith(TRUNCATED_NOTE))
