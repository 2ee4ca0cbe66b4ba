"""What ``xbrlgen build`` and ``xbrlgen extract`` tell a person (or a program) about their run.

Every count comes from the build report and the results themselves, the same records
``build-report.json`` holds, so the per-filing lines add up to the totals:

- held back: the figures of the filing's own releases not proven (``review``);
- conflicts: within its releases (two printings in one release disagree, ``release_conflicts``)
  and between releases (another input prints the figure differently, ``conflicts``);
- inconsistencies: totals kept as printed though their printed parts disagree
  (``source_inconsistencies``);
- truncated: its releases that look cut off (``truncated``: a table running to the end of the
  text, a last statement stopping before its closing total).

Modes: ``summary`` (default: one line per filing and the totals), ``verbose`` (every document's
coverage, conflict and finding, as before), ``quiet`` (nothing on success), and ``--format
json`` (one JSON document). Reports go to standard output, diagnostics and progress bars to
standard error.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

from generator.build import BuildReport
from generator.map.filings import FilingSet
from generator.model.results import Results
from generator.report_modes import QUIET as QUIET
from generator.report_modes import SUMMARY as SUMMARY
from generator.report_modes import VERBOSE as VERBOSE


@dataclass(frozen=True)
class FilingLine:
    """One filing's counts."""

    file: str
    period: str
    documents: tuple[str, ...]
    facts: int
    held_back: int
    conflicts_within_releases: int
    conflicts_between_releases: int
    inconsistencies: int
    truncated: int  # of its releases, how many look cut off


def filing_lines(results: Sequence[Results], filing_set: FilingSet) -> list[FilingLine]:
    by_document = {r.document: r for r in results}
    out = []
    for filing in filing_set.filings:
        stem = filing.file_stem
        own = [by_document[d] for d in filing.documents if d in by_document]
        out.append(FilingLine(
            file=f"{stem}.xbrl", period=filing.period.label or str(filing.period.end),
            documents=filing.documents, facts=len(filing.facts),
            held_back=sum(len(r.review) for r in own),
            conflicts_within_releases=sum(len(r.conflicts) for r in own),
            conflicts_between_releases=sum(1 for c in filing_set.conflicts if c.filing == stem),
            inconsistencies=sum(1 for i in filing_set.inconsistencies if i.filing == stem),
            truncated=sum(1 for r in own if r.truncations),
        ))
    return out


def _table(lines: Sequence[FilingLine]) -> list[str]:
    head = ["filing", "period", "facts", "held back", "conflicts", "inconsistencies"]
    rows = [head] + [
        [f.file, f.period, f"{f.facts:,}", f"{f.held_back:,}",
         f"{f.conflicts_within_releases + f.conflicts_between_releases:,}",
         f"{f.inconsistencies:,}"] for f in lines]
    widths = [max(len(r[i]) for r in rows) for i in range(len(head))]
    return ["  " + "  ".join(c.ljust(w) if i < 2 else c.rjust(w)
                             for i, (c, w) in enumerate(zip(r, widths, strict=True))).rstrip()
            for r in rows]


def summary_text(report: BuildReport, lines: Sequence[FilingLine], out: Path,
                 written: Sequence[Path], review_line: str) -> str:
    """The default report: one line per filing, what was written, what was held back."""
    within = sum(f.conflicts_within_releases for f in lines)
    between = sum(f.conflicts_between_releases for f in lines)
    text = [
        f"built {len(lines)} filing(s) from {len(report.documents)} release(s) into {out}: "
        f"{report.facts:,} facts, {sum(f.held_back for f in lines):,} held back for review, "
        f"{within + between:,} conflicts ({within:,} within releases, {between:,} between), "
        f"{sum(f.inconsistencies for f in lines):,} totals kept as printed "
        "(the source's parts disagree)",
        *_table(lines),
        f"wrote {len(written)} file(s): {_written(written)}",
        review_line,
        *truncation_lines(report),
    ]
    return "\n".join(text)


def truncation_lines(report: BuildReport) -> list[str]:
    """One line per release that looks cut off (none when every release is whole)."""
    return [f"truncated: {item}" for item in report.truncated]


#: What each kind of file a build writes ends with, in the order the summary names them.
_KINDS = (
    ("instance(s)", (".xbrl",)),
    ("Inline XBRL page(s)", (".html",)),
    ("provenance file(s)", (".provenance.json",)),
    ("xBRL-CSV file(s)", ("-csv.json", "-facts.csv")),
    ("report package(s)", (".xbri",)),
)


def _kind(name: str, stems: set[str]) -> str:
    for kind, endings in _KINDS:
        if name.endswith(endings):
            return kind
    if name.endswith(".json") and name[: -len(".json")] in stems:
        return "xBRL-JSON file(s)"
    return "taxonomy file(s)"


def _written(written: Sequence[Path]) -> str:
    names = [p.name for p in written if p.name != "build-report.json"]
    stems = {n[: -len(".xbrl")] for n in names if n.endswith(".xbrl")}
    counts: dict[str, int] = {}
    for name in names:
        kind = _kind(name, stems)
        counts[kind] = counts.get(kind, 0) + 1
    order = [k for k, _ in _KINDS[:2]] + ["xBRL-JSON file(s)"] + [k for k, _ in _KINDS[2:]]
    parts = [f"{counts[k]} {k}" for k in [*order, "taxonomy file(s)"] if counts.get(k)]
    if len(names) < len(written):
        parts.append("build-report.json")
    return ", ".join(parts)


def build_json(*, ok: bool, exit_code: int, out: Path, report: BuildReport | None,
               lines: Sequence[FilingLine], written: Sequence[Path], findings: Sequence[str],
               executor: str, workers: int) -> str:
    """The whole run for machines: verdict, per-filing counts, totals, files, findings."""
    totals = {
        "inputs": len(report.documents) if report else 0,
        "filings": len(lines),
        "facts": sum(f.facts for f in lines),
        "held_back": sum(f.held_back for f in lines),
        "conflicts_within_releases": sum(f.conflicts_within_releases for f in lines),
        "conflicts_between_releases": sum(f.conflicts_between_releases for f in lines),
        "inconsistencies": sum(f.inconsistencies for f in lines),
        "truncated": sum(f.truncated for f in lines),
    }
    payload = {
        "ok": ok, "exit_code": exit_code, "out": str(out),
        "executor": executor, "workers": workers,
        "totals": totals,
        "filings": [asdict(f) | {"documents": list(f.documents)} for f in lines],
        "review_reasons": report.review_reasons() if report else {},
        "truncated": list(report.truncated) if report else [],
        "written": [str(p) for p in written],
        "findings": list(findings),
    }
    return json.dumps(payload, indent=1, ensure_ascii=False)
