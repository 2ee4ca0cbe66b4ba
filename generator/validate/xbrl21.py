"""XBRL 2.1 instance rules, in one loop over the extracted facts.

Why one loop: at 100,000 facts every extra pass shows; each fact is checked for context, unit,
period type, decimals/precision and unit kind, and its Decimal value is parsed once here for the
calculation and duplicate checks that follow.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date, datetime, timedelta
from decimal import Decimal, InvalidOperation
from typing import cast

from generator.validate.findings import Finding, Severity
from generator.validate.instance import Context, Fact, Instance, Unit
from generator.validate.taxonomy import Concept
from generator.validate.utr import unit_allowed

XBRLI = "http://www.xbrl.org/2003/instance"
ISO4217 = "http://www.xbrl.org/2003/iso4217"
SHARES = f"{{{XBRLI}}}shares"
PURE = f"{{{XBRLI}}}pure"
ROOT = f"{{{XBRLI}}}xbrl"
_ISO_PREFIX = f"{{{ISO4217}}}"
_CURRENCY = re.compile("[A-Z]{3}")  # an ISO 4217 code
_UNDECIDED = object()


def short(clark: str) -> str:
    """``{ns}Local`` -> ``Local`` for messages."""
    return clark.rpartition("}")[2]


def _moment(text: str | None, end: bool) -> datetime | None:
    """XBRL date or dateTime; a date-only end date means the end of that day (spec 4.7.2)."""
    if not text:
        return None
    try:
        if "T" in text:
            return datetime.fromisoformat(text.replace("Z", "+00:00")).replace(tzinfo=None)
        day = date.fromisoformat(text)
    except ValueError:
        return None
    moment = datetime(day.year, day.month, day.day)
    return moment + timedelta(days=1) if end else moment


def check_contexts(inst: Instance, concepts: Mapping[str, Concept] | None = None
                   ) -> list[Finding]:
    """Period sanity for every context; segment and scenario content (4.7.3.2, 4.7.4): no
    element of the xbrli namespace, no item or tuple."""
    out: list[Finding] = []
    # Whether a duration's start is before its end, by the two strings: a file's contexts
    # share a handful of periods, and parsing dates 2,000 times a file showed in profiles.
    ordered: dict[tuple[str | None, str | None], bool] = {}
    for ctx in inst.contexts.values():
        for where, tag in ctx.content:
            concept = concepts.get(tag) if concepts is not None else None
            if tag.startswith(f"{{{XBRLI}}}") or (
                    concept is not None and concept.kind in ("item", "tuple")):
                section = "4.7.3.2" if where == "segment" else "4.7.4"
                out.append(Finding(
                    code=f"xbrl.{section}:{where}Content", severity=Severity.error,
                    message=f"Context {ctx.id} has {short(tag)} in its {where}; a {where} may "
                    "not hold xbrli elements, items or tuples. Use other elements (or "
                    "dimensions).", file=inst.file, line=ctx.line, context_id=ctx.id))
                break
        if ctx.period == "duration":
            span = (ctx.start, ctx.end)
            fine = ordered.get(span)
            if fine is None:
                start, end = _moment(ctx.start, False), _moment(ctx.end, True)
                fine = ordered[span] = start is None or end is None or start < end
            if not fine:
                out.append(Finding(
                    code="xbrl.4.7.2:periodStartBeforeEnd", severity=Severity.error,
                    message=f"Context {ctx.id} starts on {ctx.start}, not before its end "
                    f"{ctx.end}. Swap or correct the dates.",
                    file=inst.file, line=ctx.line, context_id=ctx.id))
    return out


class FactRules:
    """Per-fact XBRL 2.1 rules, called once per fact from the streaming pass.

    Also parses each numeric value into ``fact.value``/``fact.dec`` (Decimal and int), which the
    calculation and duplicate collectors then reuse.
    """

    def __init__(self, file: str, utr: bool = False) -> None:
        self.file = file
        self.utr = utr
        self.findings: list[Finding] = []
        self.missing_concepts: dict[str, Fact] = {}
        self._unit_verdicts: dict[tuple[str, str], tuple[str, str] | object | None] = {}
        self._decimals: dict[str, int | None] = {"INF": None}

    def _add(self, fact: Fact, code: str, message: str) -> None:
        self.findings.append(Finding(
            code=code, severity=Severity.error, message=message, file=self.file,
            line=fact.line, fact_id=fact.id, concept=short(fact.concept),
            context_id=fact.context_ref))

    def missing(self, fact: Fact) -> None:
        """A fact whose element the DTS does not define (reported once per element)."""
        self.missing_concepts.setdefault(fact.concept, fact)

    def tuple_attribute(self, fact: Fact) -> None:
        """A tuple carrying an attribute in an XBRL namespace (4.9), which a schema's
        anyAttribute may let through."""
        self._add(fact, "xbrl.4.9:tupleAttribute",
            f"Tuple {short(fact.concept)} has the attribute {fact.xbrl_attr}; a tuple may not "
            "carry attributes in the xbrli, link, xlink or xl namespaces. Remove it.")

    def check(self, fact: Fact, concept: Concept, ctx: Context | None, unit: Unit | None) -> None:
        """All XBRL 2.1 item rules for one fact; ``ctx``/``unit`` are None when unresolved."""
        if ctx is None:
            self._add(fact, "xbrl.4.6.1:itemContextRef",
                f"Fact {short(fact.concept)} refers to context '{fact.context_ref}', which is "
                "not in the instance. Add the context or fix contextRef.")
        elif concept.period_type and ctx.period != "invalid" and (
            (concept.period_type == "instant") != (ctx.period == "instant")
        ):
            wanted = concept.period_type
            self._add(fact, "xbrl.4.7.2:contextPeriodType",
                f"{short(fact.concept)} has periodType {wanted} but context {ctx.id} is "
                f"{ctx.period}. Use a{'n' if wanted == 'instant' else ''} {wanted} context.")
        if not concept.numeric:
            if fact.unit_ref is not None:
                self._add(fact, "xbrl.4.6.2:nonNumericUnit",
                    f"Non-numeric fact {short(fact.concept)} has unitRef '{fact.unit_ref}'. "
                    "Remove it.")
            return
        if unit is None:
            self._add(fact, "xbrl.4.6.2:numericUnit",
                f"Numeric fact {short(fact.concept)} has "
                + (f"unitRef '{fact.unit_ref}', which is not in the instance"
                   if fact.unit_ref else "no unitRef")
                + ". Every numeric fact needs a unit (e.g. JPY, shares, pure).")
        decimals = fact.decimals
        if fact.nil:
            if decimals is not None or fact.precision is not None:
                self._add(fact, "xbrl.4.6.3:nilPrecisionDecimals",
                    f"Nil fact {short(fact.concept)} carries decimals/precision. Drop them on "
                    "nil facts.")
        elif decimals is not None and fact.precision is not None:
            self._add(fact, "xbrl.4.6.3:bothPrecisionAndDecimals",
                f"Fact {short(fact.concept)} has both precision and decimals. Keep only "
                "decimals.")
        elif decimals is None and fact.precision is None:
            self._add(fact, "xbrl.4.6.3:missingPrecisionDecimals",
                f"Numeric fact {short(fact.concept)} needs decimals (e.g. -6 for millions) or "
                "precision.")
        elif decimals is not None:
            cache = self._decimals
            dec = cache.get(decimals, _UNDECIDED)
            if dec is not _UNDECIDED:
                fact.dec = dec  # type: ignore[assignment]  # int | None, as cached
            else:
                try:
                    fact.dec = cache[decimals] = int(decimals.strip())
                except ValueError:
                    self._add(fact, "xbrl.4.6.5:decimals",
                        f"decimals='{decimals}' on {short(fact.concept)} is not an integer or "
                        "INF.")
        if not fact.nil and not concept.fraction:
            try:
                fact.value = Decimal(fact.text)
            except InvalidOperation:
                try:
                    fact.value = Decimal(fact.text.strip())
                except InvalidOperation:
                    fact.value = None  # the schema pass reports the lexical error
        if unit is not None:
            # The verdict depends only on (concept, unit): decide once, then look it up.
            key = (fact.concept, unit.id)
            verdict = self._unit_verdicts.get(key, _UNDECIDED)
            if verdict is _UNDECIDED:
                verdict = self._unit_verdicts[key] = self._unit_problem(fact, concept, unit)
            if verdict is not None:
                code, message = cast(tuple[str, str], verdict)
                self._add(fact, code, message)

    def _unit_problem(self, fact: Fact, concept: Concept, unit: Unit) -> tuple[str, str] | None:
        if concept.monetary:
            if (unit.denominator or len(unit.numerator) != 1
                    or not unit.numerator[0].startswith(_ISO_PREFIX)
                    or not _CURRENCY.fullmatch(unit.numerator[0][len(_ISO_PREFIX):])):
                return ("xbrl.4.8.2:monetaryFactUnit-notMonetaryMeasure",
                    f"Monetary fact {short(fact.concept)} uses unit {unit.id}, which is not a "
                    "single iso4217 currency. Point unitRef at a unit like iso4217:JPY.")
        elif concept.shares and (unit.denominator or unit.numerator != (SHARES,)):
            return ("xbrl.4.8.2:sharesFactUnit-notSharesMeasure",
                f"Shares fact {short(fact.concept)} uses unit {unit.id}; it must be "
                "xbrli:shares.")
        if self.utr and unit_allowed(concept.type_chain, unit.numerator, unit.denominator) is False:
            return ("utre:error-NumericFactUtrInvalid",
                f"Unit {unit.id} is not allowed by the Units Registry for "
                f"{short(fact.concept)} ({short(concept.type_chain[0])}). Use a registered "
                "measure.")
        return None

    def finish(self) -> list[Finding]:
        """Findings, plus one summary finding for elements missing from the DTS."""
        if self.missing_concepts:
            first = next(iter(self.missing_concepts.values()))
            names = ", ".join(sorted(self.missing_concepts)[:10])
            more = len(self.missing_concepts) - 10
            self._add(first, "xbrl:schemaImportMissing",
                f"{len(self.missing_concepts)} element(s) used as facts are not defined in this "
                f"instance's taxonomy (DTS): {names}{f' and {more} more' if more > 0 else ''}. "
                "Check link:schemaRef and the elements' namespaces.")
        return self.findings


def check_structure(inst: Instance, schema_found_ids: bool) -> list[Finding]:
    """Root element, schemaRef presence, duplicate ids: rules about the document itself."""
    out: list[Finding] = []
    if inst.root_tag and inst.root_tag != ROOT:
        out.append(Finding(code="xbrl.4.1:rootElement", severity=Severity.error,
            message=f"The root element is {inst.root_tag}, not xbrli:xbrl "
            f"({{{XBRLI}}}xbrl). Fix the root element's name or namespace.",
            file=inst.file, line=1))
    if not any(kind == "schema" for kind, _, _ in inst.refs):
        out.append(Finding(code="xbrl.4.2:schemaRefMissing", severity=Severity.error,
            message="The instance has no link:schemaRef, so its concepts are undefined. Add "
            "<link:schemaRef xlink:type=\"simple\" xlink:href=\"...entry point.xsd\"/> first.",
            file=inst.file, line=1))
    for unit in inst.units.values():
        measures = unit.numerator + unit.denominator
        wrong = [m for m in measures if m.startswith(f"{{{XBRLI}}}")
                 and m not in (f"{{{XBRLI}}}pure", f"{{{XBRLI}}}shares")]
        if wrong:
            out.append(Finding(code="xbrl.4.8.2:xbrliMeasure", severity=Severity.error,
                message=f"Unit {unit.id} uses {short(wrong[0])}: the only xbrli measures are "
                "xbrli:pure and xbrli:shares.", file=inst.file, line=unit.line))
        if set(unit.numerator) & set(unit.denominator):
            out.append(Finding(code="xbrl.4.8.4:unitNotSimplest", severity=Severity.error,
                message=f"Unit {unit.id} has a measure in both its numerator and denominator; "
                "cancel it (units must be in their simplest form).", file=inst.file,
                line=unit.line))
    seen: set[tuple[str, str]] = set()
    for kind, uri, line in inst.ref_uris:
        if (kind, uri) in seen:
            out.append(Finding(code=f"xbrl.3.5.2.{4 if kind == 'role' else 5}.5:"
                f"{kind}RefDuplicate", severity=Severity.error,
                message=f"Two {kind}Refs for {uri}; an instance lists each URI once.",
                file=inst.file, line=line))
        seen.add((kind, uri))
    if not schema_found_ids:
        for ident, line in inst.duplicate_ids:
            out.append(Finding(code="xml.3.3.1:idMustBeUnique", severity=Severity.error,
                message=f"id '{ident}' is used more than once. Give each context/unit a "
                "unique id.", file=inst.file, line=line, context_id=ident))
    return out
