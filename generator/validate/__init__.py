"""Validation of XBRL 2.1 instances: the last pipeline stage, also usable on any filing.

``validate_paths`` is the one entry point: files, folders and taxonomy/report package zips in,
a typed :class:`Report` out, optionally with Arelle's verdict alongside xbrlgen's own.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    from generator.validate.findings import FileSummary, Finding, Report, Severity

__all__ = ["FileSummary", "Finding", "Report", "Severity", "validate_paths"]
_FINDINGS = frozenset({"FileSummary", "Finding", "Report", "Severity"})


def __getattr__(name: str) -> Any:
    """The findings model on first use: pydantic costs ~0.1 s to import, which ``xbrlgen
    --help`` (which imports this package for the validate options) should not pay."""
    if name in _FINDINGS:
        from generator.validate import findings

        return getattr(findings, name)
    raise AttributeError(name)


def validate_paths(
    paths: Sequence[Path | str],
    arelle: bool = False,
    calc_mode: Literal["rounding", "truncation", "xbrl21"] = "rounding",
    *,
    jobs: int | None = None,
    progress: bool = False,
    engine: Literal["auto", "lxml", "xmlschema"] = "lxml",
    utr: bool = False,
) -> Report:
    """Validate instances (files, folders, zips); ``arelle=True`` adds Arelle's findings."""
    from generator.validate import batch

    opts = batch.Options(arelle=arelle, calc_mode=calc_mode, engine=engine, utr=utr)
    return batch.run([Path(p) for p in paths], opts, jobs=jobs, progress=progress)
