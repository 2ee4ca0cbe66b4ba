"""Source inconsistencies a build acknowledged: reported as such, not as failures.

`xbrlgen build` files a printed total whose printed parts disagree as printed (never inventing
a figure) and lists it, fact by fact, under ``acknowledged`` in the ``build-report.json`` it
writes beside the instances. Validating that folder should agree with the build: those
calculation inconsistencies are the source's own, known and explained; anything else still
fails. The acknowledgement is per instance file and per fact id, read from the report that sits
with the files (``--ignore-acknowledgements`` shows them as plain inconsistencies).
"""

from __future__ import annotations

import json
from pathlib import Path

from generator.validate.findings import Finding, Report, Severity

REPORT_NAME = "build-report.json"
CALC_CODES = ("calc11e:inconsistentCalculationUsing", "xbrl.5.2.5.2:calcInconsistency")


def _read(folder: Path) -> dict[str, set[str]]:
    path = folder / REPORT_NAME
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    found = data.get("acknowledged") if isinstance(data, dict) else None
    if not isinstance(found, dict):
        return {}
    return {str(name): {str(i) for i in ids} for name, ids in found.items()
            if isinstance(ids, list)}


def acknowledge(report: Report) -> int:
    """Turn each calculation inconsistency on an acknowledged fact into an info finding that
    says so; returns how many were."""
    by_folder: dict[Path, dict[str, set[str]]] = {}
    count = 0
    for i, finding in enumerate(report.findings):
        if not finding.code.startswith(CALC_CODES) or not finding.file or not finding.fact_id:
            continue
        path = Path(finding.file)
        folder = path.parent
        if folder not in by_folder:
            by_folder[folder] = _read(folder)
        if finding.fact_id in by_folder[folder].get(path.name, set()):
            report.findings[i] = _acknowledged(finding)
            _recount(report, finding)
            count += 1
    return count


def _recount(report: Report, finding: Finding) -> None:
    """Move the finding from its severity's count to info in its file's summary row."""
    prefix = "arelle_" if finding.source == "arelle" else ""
    for summary in report.files:
        if summary.file == finding.file:
            before, after = prefix + finding.severity.value, prefix + Severity.info.value
            summary.counts[before] = max(0, summary.counts.get(before, 0) - 1)
            summary.counts[after] = summary.counts.get(after, 0) + 1
            summary.counts[prefix + "acknowledged"] = (
                summary.counts.get(prefix + "acknowledged", 0) + 1)
            return


def _acknowledged(finding: Finding) -> Finding:
    return finding.model_copy(update={
        "severity": Severity.info,
        "message": f"acknowledged source inconsistency (a total kept as printed, listed in "
                   f"{REPORT_NAME}): {finding.message}",
    })
