"""The main job, wired top to bottom: extract -> map -> generate -> validate -> commit.

Each stage is called through its typed boundary; this module only decides what goes where and
makes the output all-or-nothing (see :class:`generator.generate.OutputStage`).
"""

from __future__ import annotations

import gc
import json
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from pydantic import BaseModel, ConfigDict, TypeAdapter, ValidationError

from generator.generate import OutputStage, instance_bytes
from generator.generate.inline import inline_bytes, inline_name
from generator.generate.inline_check import inline_differences
from generator.generate.instance import fact_ids
from generator.generate.oim import json_name, oim_csv_files, oim_json_bytes
from generator.generate.package import package_bytes, package_name
from generator.generate.report_package import report_package_bytes, report_package_name
from generator.limits import MAX_INPUT_BYTES, read_bytes
from generator.map import build_filings
from generator.map.consistency import SourceInconsistency
from generator.map.filings import FilingSet
from generator.model.filing import Filing
from generator.model.results import HeldBack, Results
from generator.model.taxonomy import Taxonomy
from generator.taxonomy.render import render_taxonomy

if TYPE_CHECKING:
    from generator.validate.findings import Report

Say = Callable[[str], None]
# A filing must be clean: warnings block a build too (the bar is 0 / 0 / 0). The one
# exception is a calculation inconsistency the map stage recorded as the source's own (a printed
# total kept as printed, see generator.map.consistency): expected, reported, and not blocking
# unless the build is strict.
BLOCKING = ("error", "inconsistency", "warning")
SOURCE_INCONSISTENCY_CODES = (
    "calc11e:inconsistentCalculationUsing",
    "xbrl.5.2.5.2:calcInconsistency",
)
XMLSCHEMA_MAX_BYTES = 4 * 2**20


class BuildReport(BaseModel):
    """What a build did, also written as ``build-report.json`` beside the filings."""

    model_config = ConfigDict(frozen=True)
    documents: tuple[str, ...]
    filings: tuple[str, ...]
    facts: int
    # Two releases (or results files) printing one figure differently; the filing took one.
    conflicts: tuple[str, ...]
    # Two printings of one figure within one release that disagree ("document: ..."), as the
    # per-document coverage lines count them.
    release_conflicts: tuple[str, ...] = ()
    source_inconsistencies: tuple[SourceInconsistency, ...] = ()
    # Figures read but not filed: their column's assignment was not proven (never filed, never
    # dropped; each with the assignment tried and the check that did not prove it).
    review: tuple[HeldBack, ...] = ()
    # Releases that look cut off ("document: line N: ... the release looks truncated"): what
    # they would have printed after the cut is missing, not held back; --fail-on-review fails.
    truncated: tuple[str, ...] = ()
    # Per instance file, the ids of the facts that are totals kept as printed: their calculation
    # inconsistencies are the source's own. `xbrlgen validate` reads this beside the instances
    # and reports those inconsistencies as acknowledged (fact by fact, not a blanket switch).
    acknowledged: dict[str, tuple[str, ...]] = {}
    coverage: tuple[dict[str, object], ...] = ()

    def review_reasons(self) -> dict[str, int]:
        """How many figures each kind of check held back ("unproven", "figure", "scale"...)."""
        counts: dict[str, int] = {}
        for item in self.review:
            counts[item.check] = counts.get(item.check, 0) + 1
        return dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))


@dataclass
class BuildOutcome:
    ok: bool
    written: list[Path] = field(default_factory=list)
    report: BuildReport | None = None
    findings: list[str] = field(default_factory=list)
    filing_set: FilingSet | None = None  # for per-filing counts (generator.build_output)


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while building large filings.

    Mapping and generation allocate hundreds of thousands of small acyclic objects; the
    collector's repeated full scans of them cost more than the work itself (measured: 2x on a
    100,000-fact filing). Reference counting still frees everything.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


#: How many problems of a results file are listed, one line each (then how many more).
MAX_PROBLEMS = 10


class ResultsFileError(Exception):
    """A results file that does not validate: ``problems`` holds one line per problem, each
    with its JSON path (``facts[3].value: ...``)."""

    def __init__(self, path: Path, problems: list[str]) -> None:
        super().__init__(f"{path}: not a results file: {problems[0]}")
        self.path = path
        self.problems = problems


def json_path(loc: Sequence[int | str]) -> str:
    """``('facts', 3, 'value')`` -> ``facts[3].value``."""
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def _in_document(document: object, loc: Sequence[int | str]) -> list[int | str]:
    """The parts of pydantic's ``loc`` that are keys or indexes of the JSON document: a union's
    tag (``facts.3.period.duration.start``) is dropped."""
    path: list[int | str] = []
    for i, part in enumerate(loc):
        listed = isinstance(document, list) and isinstance(part, int) and part < len(document)
        if listed or (isinstance(document, dict) and part in document):
            document = document[part]  # type: ignore[index]
        elif isinstance(document, dict | list) and i < len(loc) - 1:
            continue  # not in the document: a union's tag
        path.append(part)  # (the last part may be a field that is missing)
    return path


def _problem(error: dict[str, object], document: object, limit: int = 60) -> str:
    loc = error.get("loc") or ()
    assert isinstance(loc, tuple)
    where = json_path(_in_document(document, loc)) or (
        "" if error["type"] == "json_invalid" else "top level")
    message = str(error["msg"])
    given = error.get("input")
    if error["type"] not in {"missing", "json_invalid"} and isinstance(given, int | float | str):
        shown = repr(given)
        message += f" (got {shown if len(shown) <= limit else shown[: limit - 3] + '...'})"
    return f"{where}: {message}" if where else message


def load_results(path: Path, *, max_bytes: int = MAX_INPUT_BYTES) -> Results:
    """Read a results JSON file (as written by ``xbrlgen extract``), strictly typed.

    Raises :class:`ResultsFileError` listing the first :data:`MAX_PROBLEMS` problems (and how
    many more), each with its JSON path; a file over ``max_bytes`` (0: no limit) is refused
    before it is read (:class:`InputTooLarge`)."""
    found = load_results_all(path, max_bytes=max_bytes)
    if len(found) != 1:
        raise ResultsFileError(path, [f"top level: {len(found)} results objects, not one"])
    return found[0]


_RESULTS_LIST: TypeAdapter[list[Results]] = TypeAdapter(list[Results])


def load_results_all(path: Path, *, max_bytes: int = MAX_INPUT_BYTES) -> list[Results]:
    """:func:`load_results` of a file holding one results object or an array of them (as
    ``xbrlgen extract`` writes a file of several releases), in the file's order."""
    data = read_bytes(path, max_bytes, what="results file")
    try:
        if data.lstrip()[:1] == b"[":
            return _RESULTS_LIST.validate_json(data)
        return [Results.model_validate_json(data)]
    except ValidationError as exc:
        try:
            document = json.loads(data)
        except ValueError:
            document = None
        errors = exc.errors()
        problems = [_problem(dict(error), document) for error in errors[:MAX_PROBLEMS]]
        if len(errors) > MAX_PROBLEMS:
            problems.append(f"... and {len(errors) - MAX_PROBLEMS} more problem(s)")
        raise ResultsFileError(path, problems) from None


def provenance_json(filing: Filing) -> bytes:
    """Fact id -> where the figure was read (and corrected, and corroborated)."""
    rows = {
        fid: fact.provenance.model_dump(mode="json", exclude_defaults=True)
        | {"concept": fact.concept, "context": fact.context_ref}
        for fid, fact in zip(fact_ids(filing), filing.facts, strict=True)
    }
    return json.dumps(rows, indent=1, ensure_ascii=False, sort_keys=True).encode() + b"\n"


#: Validates staged instances (paths, arelle, calc mode, schema engine) into one report, in
#: the paths' order: :func:`validate_here`, or on other machines (generator.inputs).
Validator = Callable[[list[Path], bool, str, str], "Report"]


def validate_here(paths: list[Path], arelle: bool, calc_mode: str, engine: str) -> Report:
    """Validate on this machine (a process pool over its cores), units against the UTR too."""
    from generator.validate import validate_paths  # imported late: Arelle is heavy

    return validate_paths(
        paths,
        arelle=arelle,
        calc_mode=calc_mode,  # type: ignore[arg-type]
        engine=engine,  # type: ignore[arg-type]
        utr=True,  # a build's units are checked against the Units Registry too
    )


def _validate(
    paths: list[Path],
    arelle: bool,
    calc_mode: Literal["rounding", "truncation"],
    sources: dict[str, dict[str, str]],
    expected: dict[str, set[str]],
    say: Say,
    validator: Validator | None = None,
) -> list[str]:
    """Validate staged instances; return the findings that block the build, as text lines.

    Each line names the validator, the code, the fact (id, concept, context) and, through the
    filing's provenance, the document line the figure was read from. ``expected`` holds, per
    file, the ids of totals kept as printed though their source's parts disagree: their
    calculation inconsistencies are said as expected and do not block. ``validator`` runs the
    validation elsewhere (Dask workers); by default, this machine's process pool.
    """
    # xmlschema's validator is the reference for the schema check; libxml2 gives the same verdicts
    # (tests/validate) and is the one fast enough for very large instances.
    small = all(p.stat().st_size < XMLSCHEMA_MAX_BYTES for p in paths)
    engine: Literal["lxml", "xmlschema"] = "xmlschema" if small else "lxml"
    report = (validator or validate_here)(paths, arelle, calc_mode, engine)
    problems = []
    expected_found: dict[str, int] = {}
    for finding in report.findings:
        where = []
        if finding.fact_id:
            where.append(f"fact {finding.fact_id}")
            origin = sources.get(Path(finding.file or "").name, {}).get(finding.fact_id)
            if origin:
                where.append(f"read at {origin}")
        if finding.concept:
            where.append(finding.concept)
        if finding.context_id:
            where.append(f"context {finding.context_id}")
        line = (
            f"[{finding.source}] {finding.severity.value}: {finding.code}: {finding.message}"
            f" ({Path(finding.location()).name}{'; ' + ', '.join(where) if where else ''})"
        )
        explained = finding.code.startswith(SOURCE_INCONSISTENCY_CODES) and (
            finding.fact_id in expected.get(Path(finding.file or "").name, set())
        )
        if explained:
            expected_found[finding.source] = expected_found.get(finding.source, 0) + 1
            continue
        say(line)
        if finding.severity.value in BLOCKING:
            problems.append(line)
    for source, count in sorted(expected_found.items()):
        say(
            f"[{source}] {count} calculation inconsistencies, each on a total kept as printed"
            " (the 'kept as printed' lines above): expected"
        )
    return problems


def write_build(
    results: Sequence[Results],
    taxonomy: Taxonomy,
    out: Path,
    *,
    validate: bool = True,
    arelle: bool = True,
    coverage: Sequence[dict[str, object]] = (),
    strict: bool = False,
    package: bool = False,
    viewer: bool = False,
    say: Say = print,
    texts: Mapping[str, Sequence[str]] | None = None,
    validator: Validator | None = None,
) -> BuildOutcome:
    """Map, generate and validate; write into ``out`` only if every instance is clean.

    A total that disagrees with its parts is corrected from an agreeing source, or else kept as
    printed and reported as a source inconsistency, which validation then expects. ``strict``
    files every total as read and lets any calculation inconsistency fail the build.
    ``package`` also writes each filing as a report package (``<filing>.xbri``); ``viewer``
    each filing's viewer page (``viewer/<filing>.html``, as ``xbrlgen view`` writes it).
    Validation also checks each Inline page holds exactly its instance's facts.
    """
    with gc_paused():
        filing_set = build_filings(results, taxonomy, settle_arithmetic=not strict)
    if texts:
        filing_set = filing_set.model_copy(update={"inconsistencies": tuple(
            i.model_copy(update={"printed": _printed(i, texts)})
            for i in filing_set.inconsistencies)})
    for conflict in filing_set.conflicts:
        say(f"conflict: {conflict}")
    for inconsistency in filing_set.inconsistencies:
        say(str(inconsistency))
    taxonomy_files = render_taxonomy(taxonomy)
    report = _report(results, filing_set, coverage)
    with OutputStage(out) as stage:
        for name, data in taxonomy_files.items():
            stage.write(name, data)
        stage.write(package_name(taxonomy), package_bytes(taxonomy, taxonomy_files))
        instances = []
        page_differences: list[str] = []
        for filing in filing_set.filings:
            with gc_paused():
                data = instance_bytes(filing, taxonomy)
            instances.append(stage.write(f"{filing.file_stem}.xbrl", data))
            page = inline_bytes(filing, taxonomy)
            stage.write(inline_name(filing), page)
            if validate:  # the page is the same filing: same facts, contexts and units
                page_differences += inline_differences(page, data, inline_name(filing))
            stage.write(json_name(filing), oim_json_bytes(filing, taxonomy))
            for name, table in oim_csv_files(filing, taxonomy).items():
                stage.write(name, table)
            if package:
                stage.write(report_package_name(filing),
                            report_package_bytes(filing, taxonomy, taxonomy_files))
            stage.write(f"{filing.file_stem}.provenance.json", provenance_json(filing))
        stage.write("build-report.json", report.model_dump_json(indent=1).encode() + b"\n")
        if validate:
            sources = {
                path.name: {
                    fid: str(fact.provenance)
                    for fid, fact in zip(fact_ids(filing), filing.facts, strict=True)
                }
                for path, filing in zip(instances, filing_set.filings, strict=True)
            }
            expected = {name: set(ids) for name, ids in report.acknowledged.items()}
            findings: list[str] = [f"[inline] {p}" for p in page_differences]
            for finding in findings:
                say(finding)
            for mode in sorted({f.company.rounding for f in filing_set.filings}):
                chosen = [
                    p
                    for p, f in zip(instances, filing_set.filings, strict=True)
                    if f.company.rounding == mode
                ]
                findings += _validate(chosen, arelle, mode, sources, expected, say, validator)
            if findings:
                return BuildOutcome(ok=False, report=report, findings=findings,
                                    filing_set=filing_set)
        if viewer:
            problems = _viewers(stage, filing_set.filings, say)
            if problems:
                return BuildOutcome(ok=False, report=report, findings=problems,
                                    filing_set=filing_set)
        return BuildOutcome(ok=True, written=stage.commit(), report=report,
                            filing_set=filing_set)


def _viewers(stage: OutputStage, filings: Sequence[Filing], say: Say) -> list[str]:
    """Each filing's viewer page under ``viewer/`` in the stage, made from its staged Inline
    page with ``xbrlgen view``'s code; what stopped or troubled the viewer, one line each."""
    from generator.view import SCRIPT, VIEWER_FOLDER, ViewError, render_viewer

    problems: list[str] = []
    for filing in filings:
        page = inline_name(filing)
        stage.file(f"{VIEWER_FOLDER}/{SCRIPT}")
        try:
            found = render_viewer(stage.file(page), stage.file(f"{VIEWER_FOLDER}/{page}"),
                                  Path(page))
        except ViewError as exc:
            found = [str(exc)]
        for problem in found:
            say(f"{page}: viewer: {problem}")
        problems += [f"{page}: viewer: {p}" for p in found]
    return problems


def _printed(item: SourceInconsistency, texts: Mapping[str, Sequence[str]]) -> tuple[str, ...]:
    """The total's printed line and its reported parts' lines, as the release prints them."""
    out = []
    for where in dict.fromkeys([f"{item.source.document}:{item.source.line}", *item.parts]):
        document, _, line = where.rpartition(":")
        lines = texts.get(document)
        if lines is not None and line.isdigit() and 0 < int(line) <= len(lines):
            out.append(f"{where}: {lines[int(line) - 1].strip()}")
    return tuple(out)


def _acknowledged(filing_set: FilingSet) -> dict[str, tuple[str, ...]]:
    """Per instance file, the fact ids of the totals recorded as source inconsistencies."""
    keys: dict[str, set[tuple[str, str, str | None]]] = {}
    for item in filing_set.inconsistencies:
        keys.setdefault(item.filing, set()).add((item.concept, item.context, item.unit))
    out = {}
    for filing in filing_set.filings:
        wanted = keys.get(filing.file_stem, set())
        ids = tuple(
            fid
            for fid, fact in zip(fact_ids(filing), filing.facts, strict=True)
            if (fact.concept, fact.context_ref, fact.unit_ref) in wanted
        )
        if ids:
            out[f"{filing.file_stem}.xbrl"] = ids
    return out


def _report(
    results: Sequence[Results], filing_set: FilingSet, coverage: Sequence[dict[str, object]]
) -> BuildReport:
    return BuildReport(
        documents=tuple(r.document for r in results),
        filings=tuple(f"{f.file_stem}.xbrl" for f in filing_set.filings),
        facts=sum(len(f.facts) for f in filing_set.filings),
        conflicts=tuple(str(c) for c in filing_set.conflicts),
        release_conflicts=tuple(f"{r.document}: {c}" for r in results for c in r.conflicts),
        source_inconsistencies=filing_set.inconsistencies,
        review=tuple(item for r in results for item in r.review),
        truncated=tuple(f"{r.document}: {t}" for r in results for t in r.truncations),
        acknowledged=_acknowledged(filing_set),
        coverage=tuple(coverage),
    )
