"""The extract stage end to end: read a release into tables, map rows to facts, cross-check.

``extract_release(path, taxonomy)`` is the entry point; ``extract_document`` does the same for a
:class:`Document` already read (tests, other readers).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import NamedTuple, TypeVar

from pydantic import BaseModel, ConfigDict

from generator.extract import parallel
from generator.extract.coverage import CorrectionNote, Coverage, TableMapping, Unexplained
from generator.extract.crosscheck import cross_check
from generator.extract.layout import Document
from generator.extract.map_rows import MappedDocument, map_document
from generator.extract.proof import prove
from generator.extract.read import ReleaseError, read_release, read_release_data, read_text
from generator.extract.read.encoding import UnsupportedFile, binary_kind, decode_release
from generator.extract.read.html import looks_like_html
from generator.extract.read.pdf import looks_like_pdf
from generator.extract.read.releases import Span, release_spans
from generator.extract.repeats import repeated
from generator.extract.truncation import TRUNCATED, cut_statement
from generator.limits import MAX_INPUT_BYTES, read_bytes
from generator.model.entity import Company
from generator.model.fact import Provenance
from generator.model.results import CONFLICT_NOTE, TRUNCATED_NOTE, ResultFact, Results
from generator.model.taxonomy import Taxonomy
from generator.taxonomy.aliases import AliasIndex
from generator.taxonomy.memo import per_taxonomy

T = TypeVar("T")


class ExtractionError(Exception):
    """The document cannot become results (no company or reporting period recognised)."""


class Extraction(BaseModel):
    """What one release yields: the results for ``map`` and the coverage report."""

    model_config = ConfigDict(frozen=True, extra="forbid")
    results: Results
    coverage: Coverage


def _count_numbers(doc: Document) -> int:
    cells = sum(1 for t in doc.tables for r in t.rows for c in r.cells if c is not None)
    return cells + len(doc.loose_numbers)


def _tables(mapped: MappedDocument) -> tuple[TableMapping, ...]:
    return tuple(
        TableMapping(
            title=o.table.title, line=o.table.line, kind=o.table.kind, network=o.network,
            facts=len(o.facts), unmapped=len(o.unmapped), skipped=len(o.skipped),
        )
        for o in mapped.tables
    )


def _text_facts(doc: Document) -> tuple[ResultFact, ...]:
    """The release's texts (headline, company name, fiscal period) as text facts of its
    reporting period, each with the line and words it was read from."""
    if doc.period is None:
        return ()
    return tuple(
        ResultFact(concept=item.concept, period=doc.period.ytd, unit=None, value=None,
                   text=item.text,
                   source=Provenance(document=doc.name, line=item.line, text=item.printed))
        for item in doc.texts
    )


@per_taxonomy
def _alias_indexes(taxonomy: Taxonomy) -> dict[str, AliasIndex]:
    """The alias indexes built for a taxonomy so far, by company id (filled by
    :func:`alias_index`: the one mutable answer :func:`per_taxonomy` keeps)."""
    del taxonomy  # each index is built on first use
    return {}


def alias_index(taxonomy: Taxonomy, company: Company) -> AliasIndex:
    """The company's alias index, built once per taxonomy and company and reused: a stream of
    releases (or a worker's many tasks) would otherwise build it again for each release. Its
    memos are pure, so a reused index answers as a new one would."""
    indexes = _alias_indexes(taxonomy)
    if company.id not in indexes:
        indexes[company.id] = AliasIndex(taxonomy, company)
    return indexes[company.id]


def extract_document(doc: Document, taxonomy: Taxonomy,
                     progress: Callable[[str], None] | None = None) -> Extraction:
    """Map and cross-check a read document (``progress`` is told each stage done)."""
    step = progress or (lambda stage: None)
    if doc.period is None:
        raise ExtractionError(f"{doc.name}: the reader found no reporting period")
    company = taxonomy.companies.get(doc.company or "")
    if company is None:
        raise ExtractionError(
            f"{doc.name}: company {doc.company!r} is not declared under taxonomy/companies/"
        )
    mapped = map_document(doc, taxonomy, alias_index(taxonomy, company))
    texts = _text_facts(doc)
    step("mapped")
    truncate = company.rounding == "truncation"
    proof = prove(mapped, taxonomy, doc.period, doc.usd_rate, truncate)
    step("proven")
    checked = cross_check(proof.facts, taxonomy, doc.usd_rate, truncate=truncate,
                          witnesses=proof.witnesses)
    step("cross-checked")
    cut = cut_statement(mapped, taxonomy)
    problems = (*doc.problems, *([cut] if cut else []))
    truncated = [p for p in problems if p.endswith(TRUNCATED)]
    unmapped = tuple(mapped.unmapped)
    repairs = [
        CorrectionNote(
            concept=f.concept, location=f"{f.source.document}:{f.source.line}",
            printed=c.printed, corrected=c.corrected, reason=c.reason, evidence=c.evidence,
        )
        for f in proof.facts for c in f.source.corrections
    ]
    coverage = Coverage(
        document=doc.name, layout=doc.layout, encoding=doc.encoding,
        numbers=_count_numbers(doc) + sum(t.label_numbers for t in mapped.tables),
        facts=len(checked.facts), nil_facts=sum(1 for f in checked.facts if f.value is None),
        text_facts=len(texts),
        duplicates_merged=checked.merged, unmapped=unmapped, skipped=tuple(mapped.skipped),
        corrections=(*repairs, *checked.corrections), conflicts=tuple(checked.conflicts),
        calc_findings=tuple(checked.findings), tables=_tables(mapped),
        label_readings=tuple(mapped.readings), held_back=(*proof.held, *checked.held),
        problems=problems,
        explained=doc.explained,
        unexplained=tuple(Unexplained(document=doc.name, line=n.line, text=n.text,
                                      context=n.context) for n in doc.unexplained),
    )
    notes = tuple(
        ([f"reader: text read as {doc.encoding}"]
         if doc.encoding not in (None, "utf-8", "pdf text layer") else [])
        + [f"reader: {p}" for p in doc.problems]
        + [f"{TRUNCATED_NOTE}{p}" for p in truncated]
        + [f"{CONFLICT_NOTE}{c.concept} [{c.context}] kept {c.kept}; also {'; '.join(c.values)}"
           for c in checked.conflicts]
        + [f"label read by similarity: {r.document}:{r.line} {r.label!r} as {r.read_as!r}"
           for r in mapped.readings]
        + [f"calculation: {f.total} [{f.context}] printed {f.printed}, components sum to "
           f"{f.computed} ({', '.join(f.locations)})" for f in checked.findings]
    )
    results = Results(
        company=company.id, document=doc.name, layout=doc.layout, period=doc.period,
        facts=(*texts, *checked.facts),
        unmapped=unmapped, review=(*proof.held, *checked.held), notes=notes,
    )
    return Extraction(results=results, coverage=coverage)


def extract_release(path: Path, taxonomy: Taxonomy, *, max_bytes: int = MAX_INPUT_BYTES,
                    progress: Callable[[str], None] | None = None) -> Extraction:
    """Read ``path`` with the layout readers, then map rows to facts and cross-check them
    (a file over ``max_bytes``, 0 for no limit, is refused: :class:`InputTooLarge`)."""
    doc = read_release(path, taxonomy, max_bytes=max_bytes)
    if progress:
        progress("read")
    return extract_document(doc, taxonomy, progress)


def extract_release_data(path: Path, data: bytes, taxonomy: Taxonomy) -> Extraction:
    """:func:`extract_release` on bytes already read (by the process that was given ``path``)."""
    return extract_document(read_release_data(path, data, taxonomy), taxonomy)


def extract_releases(path: Path, taxonomy: Taxonomy, *, max_bytes: int = MAX_INPUT_BYTES,
                     progress: Callable[[int, int], None] | None = None,
                     stages: Callable[[str], None] | None = None,
                     jobs: int | None = 1) -> Iterator[Extraction]:
    """Each release of a text file holding one or several back to back (see
    :mod:`generator.extract.read.releases`), extracted on its own as it is reached: memory
    holds the text and a few releases' work, and the checks that compare a figure with its
    other printings stay within a release. A file of one release (or an HTML page, a PDF)
    yields exactly what :func:`extract_release` returns. Release ``i`` of several is named
    ``FILE#i``, its line numbers count from its first line (a note says which line of the
    file that is). ``progress(done, total)`` is told the characters read so far when there
    are several releases, ``stages`` the stages done when there is one (as
    :func:`extract_release`'s ``progress``). ``jobs`` worker processes (``None`` or 0: all
    cores) extract the releases of a large file; the results are the same, in the same order
    (:mod:`generator.extract.parallel`)."""
    yield from finished_releases(path, taxonomy, _same, max_bytes=max_bytes, progress=progress,
                                 stages=stages, jobs=jobs)


def _same(extraction: Extraction) -> Extraction:
    return extraction


def finished_releases(path: Path, taxonomy: Taxonomy, finish: Callable[[Extraction], T], *,
                      max_bytes: int = MAX_INPUT_BYTES,
                      progress: Callable[[int, int], None] | None = None,
                      stages: Callable[[str], None] | None = None,
                      jobs: int | None = 1,
                      cluster: parallel.Cluster | None = None) -> Iterator[T]:
    """:func:`extract_releases`, each extraction turned into what the caller keeps of it by
    ``finish`` where it is made: in a worker, only that crosses back (a command's text is
    cheap to send; a release's models cost more to unpickle than to write). ``finish`` must be
    picklable (a module-level function, or an instance of a module-level class). With a
    ``cluster`` (a Dask cluster's), the releases of a file of several are extracted on its
    workers instead of a local pool."""
    pool = parallel.start(taxonomy, jobs, _size(path, max_bytes)) if cluster is None else None
    runner: parallel.Runner | None = pool if cluster is None else cluster
    ahead = parallel.AHEAD_PER_WORKER * (parallel.workers(jobs) if cluster is None
                                         else cluster.workers)
    try:
        with parallel.fewer_collections():
            yield from _releases(path, taxonomy, max_bytes, progress, stages, runner, ahead,
                                 finish)
    except BaseException:
        if pool is not None:
            parallel.stop(pool)
            pool = None
        raise
    finally:
        if pool is not None:
            pool.shutdown()


def _size(path: Path, max_bytes: int) -> int:
    """The file's size when it is a regular file within ``max_bytes`` (0: no limit), else 0
    (read in this process: a FIFO, a device, a file about to be refused)."""
    try:
        size = path.stat().st_size if path.is_file() else 0
    except OSError:
        return 0
    return 0 if max_bytes and size > max_bytes else size


def _releases(path: Path, taxonomy: Taxonomy, max_bytes: int,
              progress: Callable[[int, int], None] | None,
              stages: Callable[[str], None] | None,
              runner: parallel.Runner | None, ahead: int,
              finish: Callable[[Extraction], T]) -> Iterator[T]:
    """:func:`finished_releases` with its pool started (``runner``; ``None``: in this
    process, one release at a time)."""
    try:
        data = read_bytes(path, max_bytes, what="release")
    except OSError as exc:
        raise ReleaseError(f"{path}: cannot read the release: {exc}") from exc
    releases = _releases_of(path, data, taxonomy, progress, stages, runner, ahead, finish)
    del data  # the bytes are the generator's alone: it lets them go once they are decoded
    yield from releases


def extract_releases_data(path: Path, data: bytes, taxonomy: Taxonomy, *,
                          progress: Callable[[int, int], None] | None = None,
                          stages: Callable[[str], None] | None = None) -> Iterator[Extraction]:
    """:func:`extract_releases` on bytes already read (by the process given ``path``), in this
    process: what a build's worker, itself one of a pool, runs."""
    yield from _releases_of(path, data, taxonomy, progress, stages, None, 1, _same)


class Releases(NamedTuple):
    """A text file's decoded text and its releases' spans (one span: a file of one release)."""

    text: str
    encoding: str | None
    spans: list[Span]

    def tasks(self, name: str) -> Iterator[parallel.Task]:
        """Each release as a task, cut from the text as it is reached (the file named ``name``;
        release ``i`` is ``name#i``, with a note saying where in the file it starts)."""
        count = len(self.spans)
        for number, span in enumerate(self.spans, start=1):
            yield parallel.Task(f"{name}#{number}", self.text[span.start:span.end],
                                self.encoding,
                                f"reader: release {number} of {count} in {name}, from its "
                                f"line {span.first_line}; line numbers count from there")

    def repeats(self) -> set[int]:
        """The hashes of the releases printed more than once (:mod:`.repeats`)."""
        return repeated(self.text[span.start:span.end] for span in self.spans)


#: Files read as one document each, never split into releases (by their name, before reading).
WHOLE_DOCUMENT_SUFFIXES = frozenset({".pdf", ".html", ".htm", ".xhtml"})


def split_releases(path: Path, data: bytes, taxonomy: Taxonomy) -> Releases | None:
    """``data`` (read from ``path``) decoded and split into its releases; ``None`` when it is
    one document of another kind (a PDF, an HTML page) or not text a release can be."""
    if (path.suffix.lower() in WHOLE_DOCUMENT_SUFFIXES or looks_like_pdf(data)
            or binary_kind(data) or looks_like_html(data)):
        return None
    try:
        text, encoding = decode_release(data)
    except UnsupportedFile:
        return None
    return Releases(text, encoding, release_spans(text, company_names(taxonomy)))


def _releases_of(path: Path, data: bytes, taxonomy: Taxonomy,
                 progress: Callable[[int, int], None] | None,
                 stages: Callable[[str], None] | None,
                 runner: parallel.Runner | None, ahead: int,
                 finish: Callable[[Extraction], T]) -> Iterator[T]:
    """The releases of ``data``, read from ``path``: on ``runner``'s workers, ``ahead`` in
    flight, or in this process."""
    split = split_releases(path, data, taxonomy)
    if split is None or len(split.spans) == 1:
        if isinstance(runner, ProcessPoolExecutor):
            runner.shutdown()  # one document: nothing to share out
        doc = (read_release_data(path, data, taxonomy) if split is None  # or its error
               else read_text(path.name, split.text, taxonomy, encoding=split.encoding))
        if stages:
            stages("read")
        yield finish(extract_document(doc, taxonomy, stages))
        return
    del data
    if runner is None:
        runner, ahead = parallel.InProcess(taxonomy), 1
    finished = parallel.extract_all(runner, ahead, split.tasks(path.name), split.repeats(),
                                    finish)
    for span, result in zip(split.spans, finished, strict=True):
        yield result
        if progress:
            progress(span.end, len(split.text))


def company_names(taxonomy: Taxonomy) -> list[str]:
    """Every name the taxonomy's companies go by (a letterhead above a release's cover)."""
    return [n for c in taxonomy.companies.values() for n in (c.name, *c.names)]
