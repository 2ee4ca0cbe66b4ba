"""Validate one instance file: safe prolog check, DTS load (cached), one streaming pass, rules.

Why a per-process DTS cache: files of one filer share a taxonomy; compiled schemas, the concept
model and the DRS/calculation networks are keyed by the resolved schemaRef/linkbaseRef set and
built once per worker process.
"""

from __future__ import annotations

import gc
import marshal
import time
from collections import OrderedDict
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from tempfile import SpooledTemporaryFile

from lxml import etree

from generator.validate import (
    calculation,
    dimensions,
    duplicates,
    essence_alias,
    footnotes,
    psvi,
    rules_cache,
    tree_pass,
    xbrl21,
)
from generator.validate.calculation import CalcMode, CalcModel
from generator.validate.dimensions import DimensionModel
from generator.validate.dts import Dts, UrlMapper, discover, normalize
from generator.validate.facttable import FactTable
from generator.validate.findings import FileSummary, Finding, Severity
from generator.validate.instance import ElementDefault, Fact, Instance, read_head, stream
from generator.validate.safe_xml import (
    DEFAULT_MAX_BYTES,
    SYNTAX_CODE,
    UnsafeXmlError,
    check_file,
    parse,
    syntax_error,
)
from generator.validate.schema import CompiledSchemas, Engine, pick_engine, validate_tree
from generator.validate.taxonomy import Concept, load_concepts

_CACHE_SIZE = 16
ESSENCE_ALIAS = "http://www.xbrl.org/2003/arcrole/essence-alias"
REQUIRES_ELEMENT = "http://www.xbrl.org/2003/arcrole/requires-element"
_STANDARD_NAMESPACES = frozenset({
    "http://www.w3.org/2001/XMLSchema-instance", "http://www.w3.org/XML/1998/namespace",
    "http://www.xbrl.org/2003/iso4217", "http://www.w3.org/2001/XMLSchema",
})


@dataclass
class LoadedDts:
    """Everything derived from one DTS, reusable across instances that share it."""

    dts: Dts
    schemas: CompiledSchemas
    concepts: dict[str, Concept]
    dimensions: DimensionModel
    calculation: CalcModel
    fact_namespaces: frozenset[str] = frozenset()
    known_namespaces: frozenset[str] = frozenset()
    taxonomy_findings: list[Finding] = field(default_factory=list)
    essence_alias: tuple[tuple[str, str], ...] = ()
    requires: tuple[tuple[str, str], ...] = ()  # requires-element (source, target)
    defaults: dict[str, ElementDefault] = field(default_factory=dict)  # schema defaults (PSVI)


class DeferredFacts:
    """Facts read before their context or unit, kept as marshalled records until the end.

    Why not a list: a file may put every context after its facts, and then every fact waits;
    as batches of records in a spooled temporary file (in memory up to 8 MB, on disk beyond)
    they cost their bytes, not ~300 bytes of objects each.
    """

    _BATCH = 1024

    def __init__(self) -> None:
        self._file: SpooledTemporaryFile[bytes] | None = None
        self._batch: list[tuple[object, ...]] = []

    def append(self, fact: Fact) -> None:
        """Keep one fact for later."""
        self._batch.append((fact.concept, fact.id, fact.context_ref, fact.unit_ref,
                            fact.decimals, fact.precision, fact.nil, fact.text, fact.line,
                            fact.lang, fact.tuples, fact.xbrl_attr))
        if len(self._batch) >= self._BATCH:
            self._spill()

    def _spill(self) -> None:
        if self._file is None:
            self._file = SpooledTemporaryFile(max_size=8 << 20)  # noqa: SIM115  # see close()
        data = marshal.dumps(self._batch)
        self._file.write(len(data).to_bytes(8, "little"))
        self._file.write(data)
        self._batch.clear()

    def __iter__(self) -> Iterator[Fact]:
        if self._file is not None:
            end = self._file.tell()
            self._file.seek(0)
            while self._file.tell() < end:
                size = int.from_bytes(self._file.read(8), "little")
                for record in marshal.loads(self._file.read(size)):
                    yield Fact(*record)
            self._file.seek(end)
        for record in self._batch:
            yield Fact(*record)  # type: ignore[arg-type]

    def close(self) -> None:
        """Drop the records."""
        self._batch.clear()
        if self._file is not None:
            self._file.close()
            self._file = None


_cache: OrderedDict[tuple[tuple[str, ...], UrlMapper, bool], LoadedDts] = OrderedDict()


def load_dts(entries: list[str], mapper: UrlMapper, taxonomy_entry: bool = False) -> LoadedDts:
    """Discover and compile a DTS, or return the cached one for the same references.

    ``taxonomy_entry``: the user pointed at a schema or linkbase, so every non-standard document
    of its DTS is checked, published ones included (see :mod:`generator.validate.dts_rules`).
    """
    key = (tuple(sorted(set(entries))), mapper, taxonomy_entry)
    hit = _cache.get(key)
    if hit is not None:
        _cache.move_to_end(key)
        return hit
    dts = discover(list(key[0]), mapper)
    schemas = CompiledSchemas(dts, mapper)
    problems: list[Finding] = []
    try:
        concepts = load_concepts(dts.schema_files, schemas.xmlschema)
    except Exception as exc:  # the taxonomy's schemas do not compile: say why, check the rest
        concepts = {}
        problems.append(schema_syntax(exc, dts))
    fact_ns = frozenset(
        c.name[1:].partition("}")[0] for c in concepts.values() if c.kind in ("item", "tuple")
    )
    loaded = LoadedDts(dts, schemas, concepts, dimensions.build_model(dts),
                       calculation.build_model(dts, concepts), fact_ns,
                       frozenset(dts.namespaces) | _STANDARD_NAMESPACES)
    loaded.taxonomy_findings = problems + taxonomy_rules(loaded, taxonomy_entry, not problems)
    loaded.defaults = psvi.element_defaults(concepts)
    loaded.essence_alias = tuple((r.source, r.target) for r in dts.relationships
                                 if r.arcrole == ESSENCE_ALIAS)
    loaded.requires = tuple((r.source, r.target) for r in dts.relationships
                            if r.arcrole == REQUIRES_ELEMENT)
    dts.release()
    _cache[key] = loaded
    if len(_cache) > _CACHE_SIZE:
        _cache.popitem(last=False)
    return loaded


def schema_syntax(exc: Exception, dts: Dts) -> Finding:
    """A taxonomy schema that does not compile (XML Schema syntax or constraint errors)."""
    reason = str(getattr(exc, "message", None) or exc).splitlines()[0][:400]
    source = getattr(exc, "url", None) or getattr(exc, "filename", None) or ""
    return Finding(code="xmlSchema:syntax", severity=Severity.error,
                   message=f"The taxonomy's schemas are not valid XML Schema: {reason}. Fix "
                   "the schema so it compiles.", file=str(source) or None)


def taxonomy_rules(loaded: LoadedDts, taxonomy_entry: bool, compiled: bool) -> list[Finding]:
    """Taxonomy rules on a loaded DTS (cached on disk by the DTS's files and the scope)."""
    from generator.validate import dts_rules

    dts = loaded.dts
    if not dts_rules.scope_of(dts, taxonomy_entry):
        return []

    def lxml_schema() -> etree.XMLSchema | None:
        if pick_engine("auto", dts) != "lxml":
            return None
        try:
            return loaded.schemas.lxml()
        except etree.XMLSchemaParseError:
            return None

    return rules_cache.cached(
        dts, taxonomy_entry,
        lambda: dts_rules.check(dts, loaded.concepts,
                                loaded.schemas.xmlschema() if compiled else None,
                                taxonomy_entry, lxml_schema))


def clear_cache() -> None:
    """Forget loaded taxonomies (tests, long-running processes)."""
    _cache.clear()


def validate_file(
    path: Path,
    mapper: UrlMapper | None = None,
    calc_mode: CalcMode = "rounding",
    *,
    display: str | None = None,
    engine: Engine = "lxml",
    max_bytes: int = DEFAULT_MAX_BYTES,
    utr: bool = False,
) -> tuple[list[Finding], FileSummary]:
    """All xbrlgen checks on one file; findings name the file as ``display`` (default: path).

    ``utr``: also check units against the Units Registry (``utre:`` codes), as Arelle's --utr.
    """
    started = time.perf_counter()
    mapper = mapper or UrlMapper()
    name = display or str(path)
    # Bulk allocation of small records with no cycles: the cyclic GC only costs time here.
    gc_was_enabled = gc.isenabled()
    gc.disable()
    try:
        findings = _validate(path, mapper, calc_mode, name, engine, max_bytes, utr)
    finally:
        if gc_was_enabled:
            gc.enable()
    facts = findings[1]
    summary = FileSummary(file=name, facts=facts, seconds=round(time.perf_counter() - started, 4))
    for f in findings[0]:
        summary.counts[f.severity.value] = summary.counts.get(f.severity.value, 0) + 1
    return findings[0], summary


TAXONOMY_ROOTS = frozenset({"{http://www.w3.org/2001/XMLSchema}schema",
                            "{http://www.xbrl.org/2003/linkbase}linkbase"})


def _dts_problems(loaded: LoadedDts, name: str) -> list[Finding]:
    """Documents of the DTS that could not be read."""
    out: list[Finding] = []
    for url, referrer in loaded.dts.missing:
        out.append(Finding(code="IOerror", severity=Severity.error,
            message=f"{url} (referenced from {referrer}) is not available offline. Provide it "
            "locally or pass the taxonomy package zip.", file=name))
    for url, referrer, words, line in loaded.dts.malformed:
        where = f" (line {line})" if line else ""
        out.append(Finding(code=SYNTAX_CODE, severity=Severity.error,
            message=f"{url} (referenced from {referrer}) is not well-formed XML{where}: {words}. "
            "Fix that taxonomy file; what it declares could not be used.", file=name))
    return out


def _validate_taxonomy(entry: str, mapper: UrlMapper, name: str) -> list[Finding]:
    """A schema or linkbase as entry point: its whole DTS, every document checked."""
    loaded = load_dts([entry], mapper, taxonomy_entry=True)
    return _dts_problems(loaded, name) + list(loaded.taxonomy_findings)


def _instance_dts(head: Instance, base: str, mapper: UrlMapper) -> tuple[list[str], LoadedDts]:
    """An instance's schemaRef/linkbaseRef entries and the DTS they (and its hints) load."""
    entries = [normalize(href, base) for kind, href, _ in head.refs
               if kind in ("schema", "linkbase")]
    loaded = load_dts(entries, mapper)
    # The root's xsi:schemaLocation hints declare what lax validation checks (attributes and
    # elements of other namespaces: testcase 314 V-06). They only add namespaces the DTS lacks,
    # and only when available offline: a hint is a hint, never an error.
    hints = [url for ns, loc in head.schema_hints
             if ns and ns not in loaded.dts.namespaces
             and mapper.to_local(url := normalize(loc, base)) is not None]
    if hints and entries:
        loaded = load_dts(entries + hints, mapper)
    return entries, loaded


def preload(path: Path, mapper: UrlMapper, engine: Engine = "lxml") -> None:
    """Load (and compile) the DTS that validating ``path`` will ask for, into this process's
    cache, and nothing else: no finding is made here.

    Why: a batch forks its workers after calling this, so they share one taxonomy load instead
    of each repeating it (with an empty disk cache, each would build the xmlschema model).
    Anything that goes wrong is left for the file's own validation to find and report.
    """
    try:
        head = read_head(path)
        base = path.resolve().as_uri()
        if head.root_tag in TAXONOMY_ROOTS:
            load_dts([base], mapper, taxonomy_entry=True)
            return
        _, loaded = _instance_dts(head, base, mapper)
        if pick_engine(engine, loaded.dts) == "lxml":
            loaded.schemas.lxml()
    except Exception:  # found and reported by the file's own validation
        return


def _refusal(exc: UnsafeXmlError, name: str) -> Finding:
    return Finding(code=exc.code, severity=Severity.error, message=exc.message, file=name,
                   line=exc.line)


def _validate(path: Path, mapper: UrlMapper, calc_mode: CalcMode, name: str, engine: Engine,
              max_bytes: int, utr: bool) -> tuple[list[Finding], int]:
    try:
        small = tree_pass.parse_small(path, max_bytes)
        if small is None:  # large, malformed or with a DOCTYPE: the streaming pass's checks
            check_file(path, max_bytes)
    except UnsafeXmlError as exc:
        return [_refusal(exc, name)], 0
    except OSError as exc:
        return [Finding(code="IOerror", severity=Severity.error,
                        message=f"Cannot read the file: {exc.strerror}.", file=name)], 0
    head = read_head(path)
    base = path.resolve().as_uri()
    if head.root_tag in TAXONOMY_ROOTS:
        return _validate_taxonomy(base, mapper, name), 0
    entries, loaded = _instance_dts(head, base, mapper)
    engine = pick_engine(engine, loaded.dts)
    out = _dts_problems(loaded, name)
    missing = {url for url, _ in loaded.dts.missing}
    for kind, href, line in head.refs:
        url = normalize(href, base).split("#", 1)[0]
        wanted = loaded.dts.schema_files if kind == "schema" else (
            loaded.dts.linkbases.keys() | loaded.dts.schema_files.keys())  # embedded ones too
        if kind in ("schema", "linkbase") and url not in wanted and url not in missing:
            out.append(Finding(code=f"xbrl.4.{2 if kind == 'schema' else 3}.2:{kind}RefTarget",
                severity=Severity.error, message=f"The {kind}Ref {href} resolves to {url}, "
                f"which is not a{' schema' if kind == 'schema' else ' linkbase'}. Point it at "
                "one (mind xml:base).", file=name, line=line))
    out.extend(loaded.taxonomy_findings)
    inst = Instance(file=name, root_tag=head.root_tag, refs=head.refs,
                    ref_uris=head.ref_uris)
    concepts = loaded.concepts
    rules = xbrl21.FactRules(name, utr=utr)
    dims = dimensions.DimensionChecker(name, concepts, loaded.dimensions) if entries else None
    # One compact row per fact, shared by the calc and duplicate checks (XBRL 2.1's summation
    # rule keeps its own facts: only Calculation 1.1 reads the integer values of the rows).
    table = FactTable(int_values=calc_mode != "xbrl21")
    calc: calculation.CalcCollector | calculation.Calc21Collector = (
        calculation.Calc21Collector(name, loaded.calculation) if calc_mode == "xbrl21"
        else calculation.CalcCollector(name, loaded.calculation, calc_mode, table))
    # XBRL 2.1 allows inconsistent duplicates (they only block calculation bindings): said as
    # warnings in that mode, inconsistencies in Calculation 1.1's.
    dups = duplicates.DuplicateCollector(
        name, table, Severity.warning if calc_mode == "xbrl21" else Severity.inconsistency,
        defer_rows=calc_mode == "xbrl21")  # the table is its own: the calc check keeps facts
    essence = (essence_alias.EssenceAliasCollector(name, loaded.essence_alias)
               if loaded.essence_alias else None)
    contexts, units = inst.contexts, inst.units
    defaults = loaded.defaults
    deferred = DeferredFacts()
    final = False
    fact_ids: set[str] = set()  # for footnote locators
    reported: set[str] = set()  # concepts with a fact, for requires-element
    track_reported = bool(loaded.requires)
    counted = 0  # facts checked (a local: cheaper than the attribute, 100k+ times)

    # Bound once: consume runs for every fact. The dimension check does nothing for a concept
    # without a DRS, so with no DRS at all it is not called (its finish() still runs).
    check_rules, add_calc, add_dup = rules.check, calc.add, dups.add
    check_dims = dims.check if dims is not None and loaded.dimensions.drs else None

    def consume(fact: Fact) -> None:
        """Every check for one fact, as it streams by (deferred if its context comes later)."""
        ref, uref = fact.context_ref, fact.unit_ref
        ctx = contexts.get(ref)  # type: ignore[arg-type]  # None: no such key, None back
        unit = units.get(uref)  # type: ignore[arg-type]
        if not final and ((ctx is None and ref is not None) or (unit is None and uref is not None)):
            deferred.append(fact)
            return
        nonlocal counted
        counted += 1
        if fact.id is not None:
            fact_ids.add(fact.id)
        name = fact.concept
        if track_reported:
            reported.add(name)
        concept = concepts.get(name)
        if concept is None:
            rules.missing(fact)
            return
        if concept.kind != "item":
            if fact.xbrl_attr is not None and concept.kind == "tuple":
                rules.tuple_attribute(fact)
            return
        if defaults:
            default = defaults.get(name)
            if default is not None:
                psvi.fill_fact(fact, default)
        check_rules(fact, concept, ctx, unit)
        if check_dims is not None:
            check_dims(fact, ctx)
        add_calc(fact, ctx, unit)
        add_dup(fact, concept, ctx, unit)
        if essence is not None:
            essence.add(fact, concept, ctx, unit)

    # Filter by tag only when every namespace the root declares is known to the DTS: otherwise
    # a fact in a stray namespace must still reach the concept check.
    filtered = head.root_namespaces <= loaded.known_namespaces and bool(loaded.fact_namespaces)
    schema = loaded.schemas.lxml() if engine == "lxml" else None
    namespaces = loaded.fact_namespaces if filtered else None
    if small is not None and (schema is None or tree_pass.schema_valid(small, schema)):
        tree_pass.walk(small, inst, namespaces, consume, defaults)
    else:  # a large or schema-invalid file: the stream reports where and what
        stream(path, inst, schema, namespaces, consume, defaults)
    if not inst.fatal and (engine != "lxml" or inst.schema_failed):
        # Rare path (invalid file or the xmlschema engine): a tree gives exact line numbers;
        # a small file's is in hand already (validating and walking it left it as parsed).
        try:
            tree = small.getroottree() if small is not None else parse(path)
        except etree.XMLSyntaxError as exc:  # the file changed since check_file read it
            deferred.close()
            return [*out, _refusal(syntax_error(exc), name)], 0
        inst.findings.extend(validate_tree(tree, loaded.schemas, name, engine))
    small = None  # the tree's memory, before the checks that follow
    if inst.fatal:
        deferred.close()
        return out + inst.findings, 0
    final = True
    for fact in deferred:
        consume(fact)
    deferred.close()
    inst.fact_count = counted
    missing = set(rules.missing_concepts)
    schema_findings = [
        f for f in inst.findings
        if not (f.code == "xmlSchema:elementUnexpected"
                and any(f"'{m}'" in f.message for m in missing))
    ]
    out.extend(schema_findings)
    schema_ids = any(f.code == "xml.3.3.1:idMustBeUnique" for f in schema_findings)
    out.extend(xbrl21.check_structure(inst, schema_ids))
    out.extend(xbrl21.check_contexts(inst, concepts))
    for source, target in loaded.requires:
        if source in reported and target not in reported:
            out.append(Finding(code="xbrl.5.2.6.2.4:requiresElement", severity=Severity.error,
                message=f"{xbrl21.short(source)} is reported, and the taxonomy requires "
                f"{xbrl21.short(target)} with it (requires-element); report that too.",
                file=name))
    if inst.footnote_links:
        out.extend(footnotes.check(inst.footnote_links, fact_ids, path, name))
    out.extend(rules.finish())
    if dims is not None:
        out.extend(dims.finish(inst))
    out.extend(loaded.calculation.findings)
    out.extend(calc.finish())
    out.extend(dups.finish())
    if essence is not None:
        out.extend(essence.finish())
    return out, inst.fact_count
