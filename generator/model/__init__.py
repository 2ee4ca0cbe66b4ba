"""Typed models shared by every stage; each kind of thing has one home module."""

from generator.model.concept import Balance, Concept, DataType, Label, PeriodType
from generator.model.context import Context, ExplicitMember
from generator.model.entity import Company, Entity
from generator.model.fact import Correction, Fact, Provenance
from generator.model.filing import Filing
from generator.model.period import Duration, Instant, Period
from generator.model.results import ReportingPeriod, ResultFact, Results, Unmapped
from generator.model.taxonomy import Axis, CalculationArc, Member, Network, NetworkNode, Taxonomy
from generator.model.unit import Measure, Unit

__all__ = [
    "Axis",
    "Balance",
    "CalculationArc",
    "Company",
    "Concept",
    "Context",
    "Correction",
    "DataType",
    "Duration",
    "Entity",
    "ExplicitMember",
    "Fact",
    "Filing",
    "Instant",
    "Label",
    "Measure",
    "Member",
    "Network",
    "NetworkNode",
    "Period",
    "PeriodType",
    "Provenance",
    "ReportingPeriod",
    "ResultFact",
    "Results",
    "Taxonomy",
    "Unit",
    "Unmapped",
]
