"""XBRL 2.1 instance rules, in one loop over the extracted facts.

Why one loop: at 100,000 facts every extra pass shows; each fact is checked for context, unit,
period type, decimals/precision and unit kind, and its Decimal value is parsed once here for the
calculation and duplicate checks that follow.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from decimal import Decimal, InvalidOperation

from generator.validate.findings import Finding, Severity
from generator.validate.instance import Context, Fact, Instance
from generator.validate.taxonomy import Concept
from generator.validate.utr import unit_allowed

XBRLI = "http://www.xbrl.org/2003/instance"
ISO4217 = "http://www.xbrl.org/2003/iso4217"
SHARES = f"{{{XBRLI}}}shares"
PURE = f"{{{XBRLI}}}pure"
ROOT = f"{{{XBRLI}}}xbrl"


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


def check_contexts(inst: Instance) -> list[Finding]:
    """Period sanity for every context."""
    out: list[Finding] = []
    for ctx in inst.contexts.values():
        if ctx.period == "duration":
            start, end = _moment(ctx.start, False), _moment(ctx.end, True)
            if start is not None and end is not None and start >= end:
                out.append(Finding(
                    code="xbrl.4.7.2:periodStartBeforeEnd", severity=Severity.error,
                    message=f"Context {ctx.id} starts on {ctx.start}, not before its end "
                    f"{ctx.end}. Swap or correct the dates.",
                    file=inst.file, line=ctx.line, context_id=ctx.id))
    return out


def _fact_finding(inst: Instance, fact: Fact, code: str, message: str,
                  severity: Severity = Severity.error) -> Finding:
    return Finding(code=code, severity=severity, message=message, file=inst.file,
                   line=fact.line, fact_id=fact.id, concept=short(fact.concept),
                   context_id=fact.context_ref)


def check_facts(inst: Instance, concepts: dict[str, Concept]) -> list[Finding]:
    """Per-fact XBRL 2.1 rules; also parses numeric values into ``fact.value``/``fact.dec``."""
    out: list[Finding] = []
    contexts, units = inst.contexts, inst.units
    missing_concepts: dict[str, Fact] = {}
    utr_cache: dict[tuple[str, str], bool | None] = {}
    decimals_cache: dict[str, int | None] = {"INF": None}
    for fact in inst.facts:
        concept = concepts.get(fact.concept)
        if concept is None:
            missing_concepts.setdefault(fact.concept, fact)
            continue
        if concept.kind != "item":
            continue
        name = short(fact.concept)
        ctx: Context | None = contexts.get(fact.context_ref) if fact.context_ref else None
        if ctx is None:
            out.append(_fact_finding(inst, fact, "xbrl.4.6.1:itemContextRef",
                f"Fact {name} refers to context '{fact.context_ref}', which is not in the "
                "instance. Add the context or fix contextRef."))
        elif concept.period_type and ctx.period != "invalid":
            wanted = concept.period_type
            if (wanted == "instant") != (ctx.period == "instant"):
                out.append(_fact_finding(inst, fact, "xbrl.4.7.2:contextPeriodType",
                    f"{name} has periodType {wanted} but context {ctx.id} is "
                    f"{ctx.period}. Use a{'n' if wanted == 'instant' else ''} {wanted} context."))
        if not concept.numeric:
            if fact.unit_ref is not None:
                out.append(_fact_finding(inst, fact, "xbrl.4.6.2:nonNumericUnit",
                    f"Non-numeric fact {name} has unitRef '{fact.unit_ref}'. Remove it."))
            continue
        unit = units.get(fact.unit_ref) if fact.unit_ref else None
        if unit is None:
            out.append(_fact_finding(inst, fact, "xbrl.4.6.2:numericUnit",
                f"Numeric fact {name} has "
                + (f"unitRef '{fact.unit_ref}', which is not in the instance"
                   if fact.unit_ref else "no unitRef")
                + ". Every numeric fact needs a unit (e.g. JPY, shares, pure)."))
        if fact.nil:
            if fact.decimals is not None or fact.precision is not None:
                out.append(_fact_finding(inst, fact, "xbrl.4.6.3:nilPrecisionDecimals",
                    f"Nil fact {name} carries decimals/precision. Drop them on nil facts."))
        elif fact.decimals is not None and fact.precision is not None:
            out.append(_fact_finding(inst, fact, "xbrl.4.6.3:bothPrecisionAndDecimals",
                f"Fact {name} has both precision and decimals. Keep only decimals."))
        elif fact.decimals is None and fact.precision is None:
            out.append(_fact_finding(inst, fact, "xbrl.4.6.3:missingPrecisionDecimals",
                f"Numeric fact {name} needs decimals (e.g. -6 for millions) or precision."))
        elif fact.decimals is not None:
            if fact.decimals in decimals_cache:
                fact.dec = decimals_cache[fact.decimals]
            else:
                try:
                    fact.dec = decimals_cache[fact.decimals] = int(fact.decimals.strip())
                except ValueError:
                    out.append(_fact_finding(inst, fact, "xbrl.4.6.5:decimals",
                        f"decimals='{fact.decimals}' on {name} is not an integer or INF."))
        if not fact.nil and not concept.fraction:
            try:
                fact.value = Decimal(fact.text.strip())
            except InvalidOperation:
                fact.value = None  # the schema pass reports the lexical error
        if unit is None:
            continue
        if concept.monetary and (
            unit.denominator or len(unit.numerator) != 1
            or not unit.numerator[0].startswith(f"{{{ISO4217}}}")
        ):
            out.append(_fact_finding(inst, fact, "xbrl.4.8.2:monetaryFactUnit-notMonetaryMeasure",
                f"Monetary fact {name} uses unit {unit.id}, which is not a single iso4217 "
                "currency. Point unitRef at a unit like iso4217:JPY."))
        elif concept.shares and (unit.denominator or unit.numerator != (SHARES,)):
            out.append(_fact_finding(inst, fact, "xbrl.4.8.2:sharesFactUnit-notSharesMeasure",
                f"Shares fact {name} uses unit {unit.id}; it must be xbrli:shares."))
        else:
            cache_key = (fact.concept, unit.id)
            if cache_key not in utr_cache:
                utr_cache[cache_key] = unit_allowed(concept.type_chain, unit.numerator,
                                                    unit.denominator)
            if utr_cache[cache_key] is False:
                out.append(_fact_finding(inst, fact, "utre:error-NumericFactUtrInvalid",
                    f"Unit {unit.id} is not allowed by the Units Registry for {name} "
                    f"({short(concept.type_chain[0])}). Use a registered measure."))
    if missing_concepts:
        first = next(iter(missing_concepts.values()))
        names = ", ".join(sorted(missing_concepts)[:10])
        more = len(missing_concepts) - 10
        out.append(_fact_finding(inst, first, "xbrl:schemaImportMissing",
            f"{len(missing_concepts)} element(s) used as facts are not defined in this "
            f"instance's taxonomy (DTS): {names}{f' and {more} more' if more > 0 else ''}. "
            "Check link:schemaRef and the elements' namespaces."))
    return out


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
    if not schema_found_ids:
        for ident, line in inst.duplicate_ids:
            out.append(Finding(code="xml.3.3.1:idMustBeUnique", severity=Severity.error,
                message=f"id '{ident}' is used more than once. Give each context/unit a "
                "unique id.", file=inst.file, line=line, context_id=ident))
    return out
