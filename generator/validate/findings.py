"""Typed findings: the one shape every check (ours or Arelle's) reports in.

A single model keeps the CLI, the JSON output and ``xbrlgen build`` in agreement about what a
problem looks like, whoever found it.

Why dataclasses, not pydantic: importing pydantic and building three models cost ~0.12 s of a
~0.5 s ``xbrlgen validate`` batch run. The few pydantic methods callers use (``model_dump``,
``model_validate``, ``model_copy``) are kept with the same results, so the JSON is unchanged.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, fields, replace
from enum import StrEnum
from typing import Any, Literal, Self, cast


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
_SOURCES = ("xbrlgen", "arelle")


def _dump(value: Any, json_mode: bool) -> Any:
    """A field value as pydantic's ``model_dump`` gives it (enums as values in JSON mode)."""
    if isinstance(value, Severity):
        return value.value if json_mode else value
    if isinstance(value, dict):
        return dict(value)
    return value


class _Model:
    """The pydantic-style helpers the findings classes share."""

    __slots__ = ()

    def model_dump(self, mode: str = "python") -> dict[str, Any]:
        """Fields as a dict, in declaration order (``mode="json"``: JSON-ready values)."""
        return {f.name: _dump(getattr(self, f.name), mode == "json")
                for f in fields(cast(Any, self))}

    def model_copy(self, update: dict[str, Any] | None = None) -> Self:
        """A copy with some fields replaced (checked as the constructor checks them)."""
        return cast(Self, replace(cast(Any, self), **(update or {})))


def _check_str(name: str, value: object, optional: bool) -> None:
    if not (isinstance(value, str) or (optional and value is None)):
        raise TypeError(f"{name} must be a string{' or None' if optional else ''}, "
                        f"not {type(value).__name__}")


@dataclass(frozen=True, slots=True)
class Finding(_Model):
    """One problem: a spec/Arelle code, where it is, and a sentence on what to do."""

    code: str
    severity: Severity
    message: str
    file: str | None = None
    line: int | None = None
    fact_id: str | None = None
    concept: str | None = None
    context_id: str | None = None
    source: Source = "xbrlgen"

    def __post_init__(self) -> None:
        """Check and coerce as the pydantic model did: a severity name becomes a Severity."""
        if not isinstance(self.severity, Severity):
            object.__setattr__(self, "severity", Severity(self.severity))
        for name in ("code", "message"):
            _check_str(name, getattr(self, name), False)
        for name in ("file", "fact_id", "concept", "context_id"):
            _check_str(name, getattr(self, name), True)
        if self.line is not None and (isinstance(self.line, bool)
                                      or not isinstance(self.line, int)):
            raise TypeError(f"line must be an int or None, not {type(self.line).__name__}")
        if self.source not in _SOURCES:
            raise ValueError(f"source must be one of {_SOURCES}, not {self.source!r}")

    @classmethod
    def model_validate(cls, data: dict[str, Any]) -> Finding:
        """A finding from its ``model_dump`` dict (JSON caches, reports read back)."""
        return cls(**data)

    def location(self) -> str:
        """``file:line`` (or whatever part is known) for one-line text output."""
        where = self.file or "-"
        return f"{where}:{self.line}" if self.line else where


@dataclass(slots=True)
class FileSummary(_Model):
    """Per-file totals for the batch summary table."""

    file: str
    facts: int = 0
    seconds: float = 0.0
    counts: dict[str, int] = field(default_factory=dict)
    arelle_seconds: float | None = None

    @classmethod
    def model_validate(cls, data: dict[str, Any]) -> FileSummary:
        """A summary from its ``model_dump`` dict."""
        return cls(**data)


@dataclass(slots=True)
class Report(_Model):
    """Everything one validation run found, across all files and both validators."""

    findings: list[Finding] = field(default_factory=list)
    files: list[FileSummary] = field(default_factory=list)

    @classmethod
    def model_validate(cls, data: dict[str, Any]) -> Report:
        """A report from its ``model_dump(mode="json")`` dict."""
        return cls(findings=[Finding.model_validate(f) for f in data.get("findings", [])],
                   files=[FileSummary.model_validate(s) for s in data.get("files", [])])

    def model_dump(self, mode: str = "python") -> dict[str, Any]:
        """Findings and file summaries as nested dicts, as pydantic dumps them."""
        return {"findings": [f.model_dump(mode) for f in self.findings],
                "files": [s.model_dump(mode) for s in self.files]}

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
