"""Typed findings: the one shape every check (ours or Arelle's) reports in.

A single pydantic model keeps the CLI, the JSON output and ``xbrlgen build`` in agreement about
what a problem looks like, whoever found it.
"""

from __future__ import annotations

from collections import Counter
from enum import StrEnum
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field


class Severity(StrEnum):
    """How bad a finding is; error and inconsistency make a filing fail."""

    error = "error"
    inconsistency = "inconsistency"
    warning = "warning"
    info = "info"

    @property
    def fails(self) -> bool:
        """True for the levels that make the exit code 1 and ``Report.ok`` false."""
        return self in (Severity.error, Severity.inconsistency)


SEVERITY_ORDER = {s: i for i, s in enumerate(Severity)}

Source = Literal["xbrlgen", "arelle"]


class Finding(BaseModel):
    """One problem: a spec/Arelle code, where it is, and a sentence on what to do."""

    model_config = ConfigDict(frozen=True)

    code: str
    severity: Severity
    message: str
    file: str | None = None
    line: int | None = None
    fact_id: str | None = None
    concept: str | None = None
    context_id: str | None = None
    source: Source = "xbrlgen"

    def location(self) -> str:
        """``file:line`` (or whatever part is known) for one-line text output."""
        where = self.file or "-"
        return f"{where}:{self.line}" if self.line else where


class FileSummary(BaseModel):
    """Per-file totals for the batch summary table."""

    file: str
    facts: int = 0
    seconds: float = 0.0
    counts: dict[str, int] = Field(default_factory=dict)
    arelle_seconds: float | None = None


class Report(BaseModel):
    """Everything one validation run found, across all files and both validators."""

    findings: list[Finding] = Field(default_factory=list)
    files: list[FileSummary] = Field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True when nothing at error or inconsistency level was found."""
        return not any(f.severity.fails for f in self.findings)

    def counts(self) -> Counter[str]:
        """Number of findings per severity name."""
        return Counter(f.severity.value for f in self.findings)

    def sorted_findings(self) -> list[Finding]:
        """Findings in file, line, severity order: the order a person fixes them in."""
        return sorted(
            self.findings,
            key=lambda f: (f.file or "", f.line or 0, SEVERITY_ORDER[f.severity], f.source, f.code),
        )

    def extend(self, other: Report) -> None:
        """Merge another report into this one (batch runs)."""
        self.findings.extend(other.findings)
        self.files.extend(other.files)
