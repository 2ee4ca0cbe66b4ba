"""The taxonomy as one typed object, built from the YAML declaration under ``taxonomy/``.

Schema, linkbases, the taxonomy package and the extractor's mapping rules are all derived from
this model, so a concept, label or alias is declared exactly once.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Literal

from pydantic import BaseModel, ConfigDict

from generator.model.concept import Concept
from generator.model.entity import Company
from generator.model.unit import Unit

LABEL_ROLE = "http://www.xbrl.org/2003/role/label"
TOTAL_LABEL_ROLE = "http://www.xbrl.org/2003/role/totalLabel"
TERSE_LABEL_ROLE = "http://www.xbrl.org/2003/role/terseLabel"
NEGATED_LABEL_ROLE = "http://www.xbrl.org/2009/role/negatedLabel"
PERIOD_START_LABEL_ROLE = "http://www.xbrl.org/2003/role/periodStartLabel"
PERIOD_END_LABEL_ROLE = "http://www.xbrl.org/2003/role/periodEndLabel"
DOCUMENTATION_ROLE = "http://www.xbrl.org/2003/role/documentation"


class Member(BaseModel):
    """A domain member of an explicit axis, with the row wordings that name it."""

    model_config = ConfigDict(frozen=True, extra="forbid")
    name: str
    aliases: tuple[str, ...] = ()
    # "either": releases print this member's figures with their own sign or as a positive
    # amount deducted (an elimination), so a positive figure's sign is the members' sum's to say
    sign: Literal["own", "either"] = "own"


class Axis(BaseModel):
    """An explicit dimension whose default member is left out of instances (XDT)."""

    model_config = ConfigDict(frozen=True, extra="forbid")
    name: str
    default: str
    members: tuple[Member, ...]

    def member(self, name: str) -> Member | None:
        return next((m for m in self.members if m.name == name), None)


class NetworkNode(BaseModel):
    """A concept's place in a statement: its children, and how the statement prints it.

    ``row_aliases`` are wordings valid only at this place (e.g. "Total" under "Network services");
    ``negated`` says the statement prints the value with the opposite sign of the concept;
    ``breakdown`` names an axis whose member rows follow this row in the printed table.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")
    concept: str
    preferred_label: str | None = None
    row_aliases: tuple[str, ...] = ()
    negated: bool = False
    breakdown: str | None = None
    children: tuple[NetworkNode, ...] = ()

    def walk(self) -> list[NetworkNode]:
        """This node and all descendants, depth first in declaration order."""
        out: list[NetworkNode] = [self]
        for child in self.children:
            out.extend(child.walk())
        return out


class CalculationArc(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")
    parent: str
    child: str
    weight: Decimal


class RollForward(BaseModel):
    """``balance`` at a period's end = ``balance`` at its start + the ``changes`` of the period.

    Instants and durations mix, so it is no calculation arc; the extractor's proof stage uses
    it as evidence (an equity statement's total column, cash at the start and end of a period).
    """

    model_config = ConfigDict(frozen=True, extra="forbid")
    balance: str
    changes: tuple[str, ...]


class EvidenceSum(BaseModel):
    """``total`` = the sum of ``terms`` (child, weight) as the statement prints it: evidence for
    the extractor's proof stage only, never a calculation arc (see the network's declaration)."""

    model_config = ConfigDict(frozen=True, extra="forbid")
    total: str
    terms: tuple[tuple[str, Decimal], ...]


class Network(BaseModel):
    """One extended link role: a statement or table with its presentation, sums and dimensions."""

    model_config = ConfigDict(frozen=True, extra="forbid")
    id: str
    order: int
    title: str
    primary: bool = False
    tables: tuple[str, ...] = ()  # title wordings that select this network for a table
    role_uri: str
    axes: tuple[str, ...]
    dimensions: dict[str, str]
    # members the table's figures are filed under when no statement of the filing prints them
    section: dict[str, str] = {}
    roots: tuple[NetworkNode, ...]
    calculations: tuple[CalculationArc, ...]
    roll_forwards: tuple[RollForward, ...] = ()
    evidence_sums: tuple[EvidenceSum, ...] = ()

    @property
    def line_items(self) -> str:
        return f"{self.id}LineItems"

    @property
    def table(self) -> str:
        return f"{self.id}Table"

    def nodes(self) -> list[NetworkNode]:
        return [n for root in self.roots for n in root.walk()]


class Representation(BaseModel):
    """Figures of ``concept`` with a non-default member on ``axis`` are filed as ``by``.

    Calculation 1.1 checks a sum in every context where the total and one contribution have
    facts; a forecast of operating income next to a forecast of revenues (but no forecast costs)
    would fail the statement's sum. Such figures go to their own concept, still in the
    dimensional context, so every sum binds only where all its parts are reported.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")
    concept: str
    axis: str
    by: str


class Ratio(BaseModel):
    """``concept`` is printed as ``numerator`` / ``denominator`` (same period and members).

    Not part of the rendered taxonomy: the extractor uses it as evidence that per-share figures
    and share counts sit where their labels say (see ``generator.extract.proof``).
    """

    model_config = ConfigDict(frozen=True, extra="forbid")
    concept: str
    numerator: str
    denominator: str


class LabelFigure(BaseModel):
    """``concept`` is printed inside the label of ``of``'s row, after one of ``phrases``
    ("Accounts receivable, net of allowance for doubtful accounts of JPY 37,178 thousand ...").

    Not part of the rendered taxonomy: the extractor reads such figures from the row's label
    (see ``generator.extract.map_rows.inlabel``), dated by the label or the table's columns.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")
    concept: str
    of: str
    phrases: tuple[str, ...]


class Language(BaseModel):
    """How financial statements say the same thing in other words (``taxonomy/language.yaml``):
    the extractor reads a label no declared wording names by these equivalences."""

    model_config = ConfigDict(frozen=True, extra="forbid")
    # groups of words that mean the same in a line's label, the first standing for the rest
    words: tuple[tuple[str, ...], ...] = ()
    # groups of phrases that mean the same, the first standing for the rest
    phrases: tuple[tuple[str, ...], ...] = ()
    # (printed, reads): word orders, "{x}" standing for the rest ("{x} total", "total {x}")
    orders: tuple[tuple[str, str], ...] = ()


class Taxonomy(BaseModel):
    """Everything declared under ``taxonomy/``, checked for consistency when loaded."""

    model_config = ConfigDict(frozen=True, extra="forbid")
    name: str
    prefix: str
    namespace: str
    version: str
    schema_file: str
    role_base: str
    concepts: dict[str, Concept]
    networks: tuple[Network, ...]
    axes: dict[str, Axis]
    units: dict[str, Unit]
    measures: dict[str, str]
    companies: dict[str, Company]
    representations: tuple[Representation, ...] = ()
    # layout of a release -> the report section all its tables are in (taxonomy.yaml)
    layout_sections: dict[str, dict[str, str]] = {}
    ratios: tuple[Ratio, ...] = ()
    label_figures: tuple[LabelFigure, ...] = ()
    # concept -> month of the fiscal year at whose end it is fixed (a dividend's record date):
    # evidence for the extractor, not rendered (see ``generator.extract.proof.schedule``)
    record_months: dict[str, int] = {}
    # the language of financial statements: equivalent words, phrases and word orders
    language: Language = Language()

    def exact(self, concept: str) -> bool:
        """Whether ``concept``'s figures are amounts declared to the unit, not rounded: a
        dividend per share fixed at its record date (``record_months``). Sums of them hold
        exactly, so a part misread by one ("26" for 25, 25 + 25 = 50) does not pass."""
        return concept in self.record_months

    def stands_for(self) -> dict[str, str]:
        """Concept filed only in a member context (a :class:`Representation`'s ``by``, e.g.
        OperatingIncomeForecast) -> the concept whose figures it files (the first declared)."""
        out: dict[str, str] = {}
        for rep in self.representations:
            out.setdefault(rep.by, rep.concept)
        return out

    def figures_in_label(self, concept: str) -> tuple[LabelFigure, ...]:
        """The figures a row of ``concept`` may print inside its label."""
        return tuple(f for f in self.label_figures if f.of == concept)

    @property
    def file_stem(self) -> str:
        return self.schema_file.removesuffix(".xsd")

    def concept(self, name: str) -> Concept:
        try:
            return self.concepts[name]
        except KeyError:
            raise KeyError(f"no concept {name!r} in taxonomy {self.name}") from None
