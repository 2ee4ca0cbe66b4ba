"""XBRL Dimensions 1.0: dimensional validity of contexts and facts against the definition linkbase.

Why our own: the checks need only the DRS (has-hypercube, hypercube-dimension, dimension-domain,
domain-member, dimension-default) as sets, so each fact costs a few dictionary look-ups, and
results are cached per (concept, context) pair, which repeat heavily in real filings.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from generator.validate.dts import Dts, Relationship
from generator.validate.findings import Finding, Severity
from generator.validate.instance import Context, Fact, Instance
from generator.validate.taxonomy import Concept
from generator.validate.xbrl21 import short

DIM = "http://xbrl.org/int/dim/arcrole/"
ALL, NOT_ALL = DIM + "all", DIM + "notAll"
HC_DIM, DIM_DOMAIN = DIM + "hypercube-dimension", DIM + "dimension-domain"
DOMAIN_MEMBER, DIM_DEFAULT = DIM + "domain-member", DIM + "dimension-default"
XBRLDT = "{http://xbrl.org/2005/xbrldt}"


@dataclass(frozen=True)
class Hypercube:
    """One has-hypercube relationship resolved to its dimensions and their allowed members."""

    positive: bool
    closed: bool
    element: str  # "segment" | "scenario"
    members: dict[str, frozenset[str]]  # dimension -> usable members


@dataclass
class DimensionModel:
    """Primary item -> DRSs (one list of hypercubes per ELR), plus dimension defaults."""

    drs: dict[str, list[list[Hypercube]]] = field(default_factory=dict)
    defaults: dict[str, str] = field(default_factory=dict)
    typed_domains: dict[str, str] = field(default_factory=dict)  # dimension -> its element


def _index(rels: list[Relationship]) -> dict[tuple[str, str, str], list[Relationship]]:
    idx: dict[tuple[str, str, str], list[Relationship]] = defaultdict(list)
    for r in rels:
        idx[(r.arcrole, r.elr, r.source)].append(r)
    return idx


def _members(idx: dict[tuple[str, str, str], list[Relationship]], arcrole_first: str,
             elr: str, dim: str) -> frozenset[str]:
    """Usable members reachable dimension-domain then domain-member, following targetRole.

    A member that any arc of the effective domain marks ``xbrldt:usable="false"`` is not
    usable, even where another arc reaches it as usable (XDT 2.5.3.3; testcase 203 V-28).
    """
    reached: set[str] = set()
    unusable: set[str] = set()
    stack: list[tuple[str, str, str]] = [(arcrole_first, elr, dim)]
    seen: set[tuple[str, str]] = set()
    while stack:
        arcrole, role, source = stack.pop()
        for rel in idx.get((arcrole, role, source), []):
            if rel.attr(XBRLDT + "usable") in ("false", "0"):
                unusable.add(rel.target)
            else:
                reached.add(rel.target)
            if (rel.elr, rel.target) in seen:
                continue
            seen.add((rel.elr, rel.target))
            next_role = rel.attr(XBRLDT + "targetRole") or role
            stack.append((DOMAIN_MEMBER, next_role, rel.target))
    return frozenset(reached - unusable)


def build_model(dts: Dts) -> DimensionModel:
    """Resolve every DRS in the DTS into hypercube member sets per primary item."""
    model = DimensionModel(typed_domains=dict(dts.typed_domains))
    idx = _index(dts.relationships)
    for rel in dts.relationships:
        if rel.arcrole == DIM_DEFAULT:
            model.defaults[rel.source] = rel.target
    by_elr: dict[str, dict[str, list[Hypercube]]] = defaultdict(lambda: defaultdict(list))
    for rel in dts.relationships:
        if rel.arcrole not in (ALL, NOT_ALL):
            continue
        hc_role = rel.attr(XBRLDT + "targetRole") or rel.elr
        members: dict[str, frozenset[str]] = {}
        for hd in idx.get((HC_DIM, hc_role, rel.target), []):
            dim_role = hd.attr(XBRLDT + "targetRole") or hc_role
            members[hd.target] = _members(idx, DIM_DOMAIN, dim_role, hd.target)
        cube = Hypercube(
            positive=rel.arcrole == ALL,
            closed=rel.attr(XBRLDT + "closed") in ("true", "1"),
            element=rel.attr(XBRLDT + "contextElement") or "segment",
            members=members,
        )
        # The primary item and every domain-member descendant in the same ELR share the DRS.
        stack, seen = [(rel.elr, rel.source)], set()
        while stack:
            role, item = stack.pop()
            if item in seen:
                continue
            seen.add(item)
            by_elr[rel.elr][item].append(cube)
            for child in idx.get((DOMAIN_MEMBER, role, item), []):
                stack.append((child.attr(XBRLDT + "targetRole") or role, child.target))
    for items in by_elr.values():
        for item, cubes in items.items():
            model.drs.setdefault(item, []).append(cubes)
    return model


def _cube_ok(cube: Hypercube, ctx: Context, defaults: dict[str, str]) -> bool:
    """Whether the context meets the hypercube (XDT 3.1.3 / 3.1.4).

    Every dimension of the cube needs a value, explicit or its default, and that value must be
    a usable member of the cube's domain for it: a default outside the domain does not meet
    the cube (testcase 270 V-02), nor does it meet a notAll cube that lists only other members
    (203 V-301). A closed cube also allows nothing else in its context element: no other
    dimension and no non-dimensional content (203 V-227).
    """
    dims = ctx.segment if cube.element == "segment" else ctx.scenario
    typed = {d for d, where in ctx.typed.items() if where == cube.element}
    for dim, allowed in cube.members.items():
        if dim in typed:
            continue
        member = dims.get(dim, defaults.get(dim))
        if member is None or member not in allowed:
            return False
    if cube.closed:
        extra = (set(dims) | typed) - set(cube.members)
        if extra or any(where == cube.element for where, _ in ctx.content):
            return False
    return True


def _valid(drss: list[list[Hypercube]], ctx: Context, defaults: dict[str, str]) -> bool:
    return any(all(_cube_ok(c, ctx, defaults) == c.positive for c in cubes) for cubes in drss)


class DimensionChecker:
    """XDT checks: each context once (on first use or at the end), each fact as it streams by.

    Fact verdicts are cached per (concept, dimensional signature), so contexts that differ only
    in entity or period cost one dictionary look-up.
    """

    def __init__(self, file: str, concepts: dict[str, Concept], model: DimensionModel) -> None:
        self.file = file
        self.concepts = concepts
        self.model = model
        self.findings: list[Finding] = []
        self._verdicts: dict[tuple[str, object], bool] = {}

    def context_ok(self, ctx: Context) -> bool:
        """Context-level XDT errors, reported once per context; True when there are none."""
        ok = ctx.xdt_ok
        if ok is not None:
            return ok
        concepts, model = self.concepts, self.model
        problems: list[tuple[str, str]] = []
        for what, raw in ctx.bad_qnames:
            problems.append(("xbrldie:ExplicitMemberUndefinedQNameError",
                             f"{what} '{raw}' has an undeclared prefix"))
        for dim in ctx.repeated:
            problems.append(("xbrldie:RepeatedDimensionInInstanceError",
                             f"dimension {short(dim)} appears more than once"))
        for dims in (ctx.segment, ctx.scenario):
            for dim, member in dims.items():
                dc = concepts.get(dim)
                if dc is None or dc.kind != "dimension" or dim in model.typed_domains:
                    problems.append(("xbrldie:ExplicitMemberNotExplicitDimensionError",
                                     f"{short(dim)} is not an explicit dimension of the "
                                     "taxonomy"))
                elif member not in concepts:
                    problems.append(("xbrldie:ExplicitMemberUndefinedQNameError",
                                     f"member {short(member)} is not a taxonomy element"))
                elif model.defaults.get(dim) == member:
                    problems.append(("xbrldie:DefaultValueUsedInInstanceError",
                                     f"member {short(member)} is the default of "
                                     f"{short(dim)}; leave the dimension out instead"))
        for dim in ctx.typed:
            dc = concepts.get(dim)
            if dc is None or dc.kind != "dimension" or dim not in model.typed_domains:
                problems.append(("xbrldie:TypedMemberNotTypedDimensionError",
                                 f"typedMember names {short(dim)}, which is not a typed "
                                 "dimension of the taxonomy"))
        for dim, content in ctx.typed_content.items():
            domain = model.typed_domains.get(dim)
            if domain is not None and content != domain:
                problems.append(("xbrldie:IllegalTypedDimensionContentError",
                                 f"typed dimension {short(dim)} holds "
                                 f"{short(content) if content else 'no single element'}, not "
                                 f"its domain element {short(domain)}"))
        for code, text in problems:
            self.findings.append(Finding(code=code, severity=Severity.error,
                                         message=f"Context {ctx.id}: {text}.", file=self.file,
                                         line=ctx.line, context_id=ctx.id))
        ok = ctx.xdt_ok = not problems
        return ok

    def check(self, fact: Fact, ctx: Context | None) -> None:
        """Dimensional validity of one fact against the DRSs of its concept."""
        if ctx is None:
            return
        drss = self.model.drs.get(fact.concept)
        if not drss:
            return
        ok_ctx = ctx.xdt_ok
        if ok_ctx is None:
            ok_ctx = self.context_ok(ctx)
        if not ok_ctx:
            return
        key = (fact.concept, ctx.dim_key)
        ok = self._verdicts.get(key)
        if ok is None:
            ok = self._verdicts[key] = _valid(drss, ctx, self.model.defaults)
        if not ok:
            self.findings.append(Finding(
                code="xbrldie:PrimaryItemDimensionallyInvalidError", severity=Severity.error,
                message=f"{short(fact.concept)} is not allowed with the dimensions of context "
                f"{ctx.id} (member, axis or segment/scenario placement not in its hypercube). "
                "Use a member of the axis's domain in the element the hypercube names.",
                file=self.file, line=fact.line, fact_id=fact.id,
                concept=short(fact.concept), context_id=ctx.id))

    def finish(self, inst: Instance) -> list[Finding]:
        """Check the contexts no fact used, then return everything found."""
        for ctx in inst.contexts.values():
            self.context_ok(ctx)
        return self.findings
