"""What happened to every number of one document: facts, nil facts, unmapped numbers (with line
and reason), derived numbers skipped (percent-of-revenue, YoY), corrections, duplicate conflicts
and calculation inconsistencies. Rendered as text for the CLI, as JSON via ``model_dump_json``."""

from __future__ import annotations

from collections import Counter
from decimal import Decimal

from pydantic import BaseModel, ConfigDict

from generator.model.results import HeldBack, Unmapped


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Skipped(_Frozen):
    """A printed number deliberately not turned into a fact (a derived column)."""

    document: str
    line: int
    text: str
    role: str
    reason: str


class CorrectionNote(_Frozen):
    """A fact whose printed value was replaced (arithmetic + another printed source agree)."""

    concept: str
    location: str
    printed: str
    corrected: Decimal
    reason: str
    evidence: tuple[str, ...] = ()


class Conflict(_Frozen):
    """Duplicate facts (same concept, period, dimensions, unit) whose values disagree."""

    concept: str
    context: str
    kept: str
    values: tuple[str, ...]  # "document:line printed -> value"


class CalcFinding(_Frozen):
    """A printed total that its printed components do not add up to (not corrected)."""

    total: str
    context: str
    printed: Decimal
    computed: Decimal
    locations: tuple[str, ...]
    note: str = ""


class LabelReading(_Frozen):
    """An OCR-damaged row label read as the closest wording of the network (check it)."""

    document: str
    line: int
    label: str
    read_as: str
    score: float


class TableMapping(_Frozen):
    """Which network a table was mapped to, and how much of it."""

    title: str
    line: int
    kind: str | None
    network: str | None
    facts: int
    unmapped: int
    skipped: int


class Unexplained(_Frozen):
    """A number printed in the release that no reader placed in a table and nothing explains
    (not a date, a period's name, page furniture, the exchange rate, a footnote mark...): a
    figure the reader may have missed. ``context`` is its line's words."""

    document: str
    line: int
    text: str
    context: str


class Coverage(_Frozen):
    document: str
    layout: str
    encoding: str | None = None  # how the release's bytes were decoded
    # every number or dash the reader placed or saw; a figure printed in a row label once per
    # date it is printed for ("JPY 720 thousand at March 31 and September 30": two)
    numbers: int
    facts: int  # facts kept after duplicate merging (incl. nil)
    nil_facts: int
    text_facts: int = 0  # texts read beside the figures (headline, company name, period)
    duplicates_merged: int
    unmapped: tuple[Unmapped, ...] = ()
    skipped: tuple[Skipped, ...] = ()
    corrections: tuple[CorrectionNote, ...] = ()
    conflicts: tuple[Conflict, ...] = ()
    calc_findings: tuple[CalcFinding, ...] = ()
    tables: tuple[TableMapping, ...] = ()
    label_readings: tuple[LabelReading, ...] = ()
    held_back: tuple[HeldBack, ...] = ()
    problems: tuple[str, ...] = ()
    # numbers of the text no reader placed: how many of each kind explain themselves (a date,
    # a period's name, page furniture, the stated exchange rate...), and the rest, listed
    explained: dict[str, int] = {}
    unexplained: tuple[Unexplained, ...] = ()

    @property
    def accounted(self) -> int:
        """Numbers that ended as a fact (before merging duplicates), held back, unmapped or
        skipped."""
        return (self.facts + self.duplicates_merged + len(self.held_back) + len(self.unmapped)
                + len(self.skipped))

    def render_text(self) -> str:
        lines = [
            f"{self.document} ({self.layout}"
            f"{', ' + self.encoding if self.encoding else ''}): "
            f"{self.numbers} numbers -> {self.facts} facts "
            f"({self.nil_facts} nil, {self.duplicates_merged} duplicates merged)"
            f"{f' + {self.text_facts} texts' if self.text_facts else ''}, "
            f"{len(self.held_back)} held back for review, "
            f"{len(self.unmapped)} unmapped, {len(self.skipped)} derived skipped, "
            f"{len(self.corrections)} corrected, {len(self.conflicts)} conflicts, "
            f"{len(self.calc_findings)} calculation findings",
        ]
        if self.numbers != self.accounted:
            lines.append(f"  WARNING: {self.numbers - self.accounted} numbers unaccounted for")
        for table in self.tables:
            lines.append(
                f"  table line {table.line} {table.title[:50]!r} -> {table.network or '-'}: "
                f"{table.facts} facts, {table.unmapped} unmapped, {table.skipped} skipped"
            )
        for note in self.corrections:
            lines.append(
                f"  corrected {note.location} {note.concept}: {note.printed!r} -> {note.corrected} "
                f"({note.reason}; evidence {', '.join(note.evidence)})"
            )
        for conflict in self.conflicts:
            lines.append(
                f"  conflict {conflict.concept} [{conflict.context}]: kept {conflict.kept}; "
                + "; ".join(conflict.values)
            )
        for finding in self.calc_findings:
            lines.append(
                f"  calc {finding.total} [{finding.context}]: printed {finding.printed}, "
                f"components sum to {finding.computed} ({', '.join(finding.locations)})"
                + (f" {finding.note}" if finding.note else "")
            )
        for reading in self.label_readings:
            lines.append(
                f"  label {reading.document}:{reading.line} {reading.label!r} read as "
                f"{reading.read_as!r} (similarity {reading.score})"
            )
        held = Counter((h.table, h.column, h.check, h.reason) for h in self.held_back)
        for (where, column, check, reason), count in held.items():
            lines.append(f"  held back x{count}: column '{column}' of {where}: {check}: {reason}")
        reasons = Counter(_reason_kind(u.reason) for u in self.unmapped)
        for reason, count in sorted(reasons.items(), key=lambda kv: (-kv[1], kv[0])):
            lines.append(f"  unmapped x{count}: {reason}")
        for item in self.unmapped:
            lines.append(f"    {item.document}:{item.line} {item.text!r}: {item.reason}")
        derived = Counter(s.role for s in self.skipped)
        if derived:
            lines.append(
                "  skipped derived: " + ", ".join(f"{k} x{v}" for k, v in sorted(derived.items()))
            )
        if self.explained:
            lines.append("  outside the tables, explained: " + ", ".join(
                f"{kind} x{count}" for kind, count in self.explained.items()))
        if self.unexplained:
            lines.append(f"  unexplained x{len(self.unexplained)}: printed outside any table "
                         "read, and no date, period, page number, rate or footnote mark")
        for number in self.unexplained:
            lines.append(f"    {number.document}:{number.line} {number.text!r}: "
                         f"{number.context!r}")
        lines.extend(f"  reader: {p}" for p in self.problems)
        return "\n".join(lines)


def _reason_kind(reason: str) -> str:
    """Group reasons for the summary: the text before the first quoted detail."""
    return reason.split("'", 1)[0].strip()
