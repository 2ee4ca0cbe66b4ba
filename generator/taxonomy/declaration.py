"""The YAML declaration format under ``taxonomy/``, as strict pydantic models.

A typo in a key is an error naming the file, never a silently ignored setting. See the README
section "The taxonomy declaration" for the format with examples.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from generator.model.concept import Balance, DataType, PeriodType

NAME = r"^[A-Za-z_][A-Za-z0-9_]*$"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class UnitDecl(_Strict):
    numerator: list[str] = Field(min_length=1, description="measure QNames, e.g. iso4217:JPY")
    denominator: list[str] = []


class MemberDecl(_Strict):
    label: str
    label_ja: str | None = None
    aliases: list[str] = []
    sign: Literal["own", "either"] = "own"  # see Member.sign


class AxisDecl(_Strict):
    label: str
    label_ja: str | None = None
    default: str = Field(pattern=NAME)
    default_label: str
    default_label_ja: str | None = None
    members: dict[str, MemberDecl]


class MeasureDecl(_Strict):
    label: str


class TaxonomyMeta(_Strict):
    """``taxonomy/taxonomy.yaml``: identity, units, custom measures and axes."""

    name: str
    prefix: str = Field(pattern=r"^[a-z][a-z0-9-]*$")
    namespace: str
    version: str
    schema_file: str
    role_base: str
    measures: dict[str, MeasureDecl] = {}
    units: dict[str, UnitDecl]
    common_axes: list[str] = []
    axes: dict[str, AxisDecl] = {}
    # layout (as the extractor names it) -> the report section every table of such a release is
    # in, e.g. {slides: {ReportSectionAxis: SummaryMember}}: a presentation's tables are highlights
    layout_sections: dict[str, dict[str, str]] = {}


class RepresentsDecl(_Strict):
    """This concept files the figures of ``concept`` that carry a non-default ``axis`` member."""

    concept: str = Field(pattern=NAME)
    axis: str = Field(pattern=NAME)


class InLabelDecl(_Strict):
    """This concept is printed inside the row label of ``of``, after one of ``phrases``."""

    of: str = Field(pattern=NAME)
    phrases: list[str] = Field(min_length=1)


class NodeDecl(_Strict):
    """One node of a network tree: a concept definition (``name``) or a reference (``ref``)."""

    name: str | None = Field(default=None, pattern=NAME)
    ref: str | None = Field(default=None, pattern=NAME)
    type: DataType | None = None
    period: PeriodType | None = None
    balance: Balance | None = None
    abstract: bool = False
    label: str | None = None
    label_ja: str | None = None
    total_label: str | None = None
    terse_label: str | None = None
    negated_label: str | None = None
    period_start_label: str | None = None
    period_end_label: str | None = None
    documentation: str | None = None
    aliases: list[str] = []
    row_aliases: list[str] = []
    negated: bool = False
    preferred_label: Literal["total", "terse", "negated", "period_start", "period_end"] | None = (
        None
    )
    breakdown: str | None = None
    sum: list[str] = []
    # [numerator, denominator]: this figure is their quotient as printed (earnings per share =
    # net income / weighted-average shares). Not a linkbase: evidence the extractor checks.
    ratio: list[str] = []
    represents: RepresentsDecl | None = None
    # Printed inside another row's label ("net of allowance for doubtful accounts of JPY 123
    # thousand", "authorized, 75,520,000 shares"): evidence for the extractor, not a linkbase.
    in_label: InLabelDecl | None = None
    # The month of the fiscal year (1-12) at whose end this figure is fixed, e.g. a dividend's
    # record date (first quarter-end: 3). Not a linkbase: evidence for the extractor — a
    # year's actual row can only print the months already past, its forecast row the rest.
    record_month: int | None = Field(default=None, ge=1, le=12)
    children: list[NodeDecl] = []


class RollForwardDecl(_Strict):
    """A balance at a period's end is its balance at the start plus the period's changes."""

    balance: str
    changes: list[str] = Field(min_length=1)


class EvidenceSumDecl(_Strict):
    """A total the statement prints as the sum of other lines, used only as evidence by the
    extractor (never a calculation arc): where a calculation would bind more than the printed
    statement does (a second decomposition of a total another network already sums)."""

    total: str
    plus: list[str] = Field(min_length=1)
    minus: list[str] = []


class NetworkDecl(_Strict):
    """``taxonomy/networks/NN-name.yaml``: one statement or table."""

    id: str = Field(pattern=NAME)
    title: str
    primary: bool = False  # a primary financial statement: its figures win reconciliations
    tables: list[str] = []  # wordings in a table's title that select this network
    axes: list[str] = []
    dimensions: dict[str, str] = {}
    # A report section (axis -> member) the table's figures are filed in when no statement of
    # the filing prints them: a summary, highlights or targets table, so that its figures never
    # bind the statements' sums (see docs/taxonomy-conventions.md, "section").
    section: dict[str, str] = {}
    roll_forward: list[RollForwardDecl] = []  # evidence for the extractor, not a linkbase
    evidence_sums: list[EvidenceSumDecl] = []  # evidence for the extractor, not a linkbase
    tree: list[NodeDecl] = Field(min_length=1)


class EntityDecl(_Strict):
    scheme: str
    identifier: str


class CompanyDecl(_Strict):
    """``taxonomy/companies/<id>.yaml``: who reports, and how releases name them."""

    name: str
    names: list[str] = Field(min_length=1)
    ocr_names: list[str] = []
    entity: EntityDecl
    fiscal_year_end_month: int
    rounding: Literal["rounding", "truncation"] = "rounding"
    currency: str = "JPY"


class OrderDecl(_Strict):
    """A word order that reads as another: ``{x}`` stands for the rest of the label."""

    printed: str = Field(pattern=r"\{x\}")
    reads: str = Field(pattern=r"\{x\}")


class LanguageDecl(_Strict):
    """``taxonomy/language.yaml``: how financial statements say the same thing in other words
    (not one company's wordings: those are aliases)."""

    words: list[list[str]] = []
    phrases: list[list[str]] = []
    orders: list[OrderDecl] = []
