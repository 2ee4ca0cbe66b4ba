"""A filing: everything one instance document holds for one reporting period."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from generator.model.context import Context
from generator.model.entity import Company
from generator.model.fact import Fact
from generator.model.results import ReportingPeriod
from generator.model.unit import Unit


class Filing(BaseModel):
    """One instance: contexts, units and facts, each list in deterministic output order."""

    model_config = ConfigDict(frozen=True, extra="forbid")
    company: Company
    period: ReportingPeriod
    contexts: tuple[Context, ...]
    units: tuple[Unit, ...]
    facts: tuple[Fact, ...]
    documents: tuple[str, ...] = ()

    @property
    def file_stem(self) -> str:
        return filing_stem(self.company, self.period)


def filing_stem(company: Company, period: ReportingPeriod) -> str:
    """A filing's file name without extension, e.g. ``iij-2010-09-30-H1``."""
    return f"{company.id}-{period.end.isoformat()}-{period.kind}"
