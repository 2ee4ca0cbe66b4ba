"""Load the YAML declaration under ``taxonomy/`` into one checked :class:`Taxonomy`.

Every problem found (unknown reference, concept declared twice, a sum whose weights contradict the
balances, ...) is collected and reported together with the file it came from.
"""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from generator.model.concept import Concept, DataType, Label, PeriodType
from generator.model.entity import Company, Entity
from generator.model.taxonomy import (
    DOCUMENTATION_ROLE,
    LABEL_ROLE,
    NEGATED_LABEL_ROLE,
    PERIOD_END_LABEL_ROLE,
    PERIOD_START_LABEL_ROLE,
    TERSE_LABEL_ROLE,
    TOTAL_LABEL_ROLE,
    Axis,
    CalculationArc,
    EvidenceSum,
    LabelFigure,
    Language,
    Member,
    Network,
    NetworkNode,
    Ratio,
    Representation,
    RollForward,
    Taxonomy,
)
from generator.model.unit import Measure, Unit
from generator.resources import taxonomy_dir
from generator.taxonomy.aliases import normalize_label
from generator.taxonomy.declaration import (
    AxisDecl,
    CompanyDecl,
    EvidenceSumDecl,
    LanguageDecl,
    NetworkDecl,
    NodeDecl,
    RollForwardDecl,
    TaxonomyMeta,
)
from generator.taxonomy.meaning import language_problems

KNOWN_PREFIXES = {
    "iso4217": "http://www.xbrl.org/2003/iso4217",
    "xbrli": "http://www.xbrl.org/2003/instance",
}
PREFERRED_ROLES = {
    "total": TOTAL_LABEL_ROLE,
    "terse": TERSE_LABEL_ROLE,
    "negated": NEGATED_LABEL_ROLE,
    "period_start": PERIOD_START_LABEL_ROLE,
    "period_end": PERIOD_END_LABEL_ROLE,
}
M = TypeVar("M", bound=BaseModel)
_TERM = re.compile(r"^\s*([+-]?)\s*([A-Za-z_][A-Za-z0-9_]*)\s*$")


class TaxonomyError(Exception):
    """The declaration is inconsistent; ``problems`` lists every finding with its file."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__("taxonomy declaration has errors:\n  " + "\n  ".join(problems))


#: libyaml's safe loader when PyYAML was built with it: the same data, ten times faster (every
#: command loads the taxonomy at start-up); the pure-Python one otherwise.
_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _read_yaml(path: Path) -> Any:
    with path.open(encoding="utf-8") as handle:
        return yaml.load(handle, Loader=_LOADER)  # a safe loader: no arbitrary objects


def _parse(model: type[M], path: Path, problems: list[str]) -> M | None:
    try:
        return model.model_validate(_read_yaml(path))
    except ValidationError as exc:
        for err in exc.errors():
            where = ".".join(str(p) for p in err["loc"])
            problems.append(f"{path.name}: {where}: {err['msg']}")
    except yaml.YAMLError as exc:
        problems.append(f"{path.name}: not valid YAML: {exc}")
    return None


class _Builder:
    """Collects concepts and arcs while walking the declaration; one instance per load."""

    def __init__(self, meta: TaxonomyMeta) -> None:
        self.meta = meta
        self.concepts: dict[str, Concept] = {}
        self.defined_in: dict[str, str] = {}
        self.problems: list[str] = []
        self.representations: list[tuple[Representation, str]] = []
        self.ratios: list[tuple[Ratio, str]] = []
        self.label_figures: list[tuple[LabelFigure, str]] = []
        self.record_months: dict[str, int] = {}
        self.roll_forwards: list[tuple[RollForwardDecl, str]] = []
        self.evidence_sums: list[tuple[EvidenceSumDecl, str]] = []

    def define(self, concept: Concept, where: str) -> None:
        if concept.name in self.concepts:
            self.problems.append(
                f"{where}: concept {concept.name} is already declared in "
                f"{self.defined_in[concept.name]}; refer to it with 'ref: {concept.name}'"
            )
            return
        self.concepts[concept.name] = concept
        self.defined_in[concept.name] = where

    def concept_from_node(self, node: NodeDecl, where: str) -> None:
        assert node.name is not None
        labels = _labels(node)
        if not node.label:
            self.problems.append(f"{where}: concept {node.name} needs a 'label'")
        if node.abstract:
            data_type, period = DataType.STRING, PeriodType.DURATION
        elif node.type is None or node.period is None:
            self.problems.append(f"{where}: concept {node.name} needs 'type' and 'period'")
            return
        else:
            data_type, period = node.type, node.period
        if node.balance and data_type is not DataType.MONETARY:
            self.problems.append(f"{where}: {node.name}: only monetary concepts have a balance")
        self.define(
            Concept(
                name=node.name,
                data_type=data_type,
                period_type=period,
                balance=node.balance,
                abstract=node.abstract,
                labels=labels,
                aliases=tuple(node.aliases),
                documentation=node.documentation,
            ),
            where,
        )

    def node(self, decl: NodeDecl, where: str, sums: list[tuple[str, list[str]]]) -> NetworkNode:
        if (decl.name is None) == (decl.ref is None):
            self.problems.append(f"{where}: a node needs exactly one of 'name' or 'ref'")
        concept = decl.name or decl.ref or "?"
        if decl.name:
            self.concept_from_node(decl, where)
            if decl.represents:
                self.representations.append((
                    Representation(
                        concept=decl.represents.concept, axis=decl.represents.axis, by=decl.name
                    ),
                    where,
                ))
        elif _defines_anything(decl):
            self.problems.append(
                f"{where}: 'ref: {concept}' may only carry placement keys (row_aliases, negated, "
                "preferred_label, breakdown, sum, in_label, children); declare the concept where "
                "it has 'name'"
            )
        if decl.sum:
            sums.append((concept, decl.sum))
        if decl.ratio:
            if len(decl.ratio) != 2:
                self.problems.append(f"{where}: ratio of {concept} needs [numerator, denominator]")
            else:
                numerator, denominator = decl.ratio
                self.ratios.append((Ratio(concept=concept, numerator=numerator,
                                          denominator=denominator), where))
        if decl.record_month is not None \
                and self.record_months.setdefault(concept, decl.record_month) != decl.record_month:
            self.problems.append(f"{where}: {concept} is given two record months")
        if decl.in_label:
            self.label_figures.append((LabelFigure(
                concept=concept, of=decl.in_label.of, phrases=tuple(decl.in_label.phrases),
            ), where))
        return NetworkNode(
            concept=concept,
            preferred_label=PREFERRED_ROLES[decl.preferred_label] if decl.preferred_label else None,
            row_aliases=tuple(decl.row_aliases),
            negated=decl.negated,
            breakdown=decl.breakdown,
            children=tuple(self.node(child, where, sums) for child in decl.children),
        )


def _defines_anything(decl: NodeDecl) -> bool:
    return any(
        (
            decl.type,
            decl.period,
            decl.balance,
            decl.abstract,
            decl.label,
            decl.label_ja,
            decl.total_label,
            decl.terse_label,
            decl.negated_label,
            decl.period_start_label,
            decl.period_end_label,
            decl.documentation,
            decl.aliases,
            decl.represents,
        )
    )


def _labels(node: NodeDecl) -> tuple[Label, ...]:
    pairs = [
        (node.label, "en", LABEL_ROLE),
        (node.label_ja, "ja", LABEL_ROLE),
        (node.total_label, "en", TOTAL_LABEL_ROLE),
        (node.terse_label, "en", TERSE_LABEL_ROLE),
        (node.negated_label, "en", NEGATED_LABEL_ROLE),
        (node.period_start_label, "en", PERIOD_START_LABEL_ROLE),
        (node.period_end_label, "en", PERIOD_END_LABEL_ROLE),
        (node.documentation, "en", DOCUMENTATION_ROLE),
    ]
    return tuple(Label(text=t, lang=lang, role=role) for t, lang, role in pairs if t)


def _measure(qname: str, meta: TaxonomyMeta) -> Measure:
    prefix, _, local = qname.partition(":")
    namespaces = {**KNOWN_PREFIXES, meta.prefix: meta.namespace}
    if prefix not in namespaces or not local:
        raise ValueError(f"unknown measure {qname!r}: use iso4217:, xbrli: or {meta.prefix}:")
    if prefix == meta.prefix and local not in meta.measures:
        raise ValueError(f"measure {qname!r} is not declared under 'measures'")
    return Measure(namespace=namespaces[prefix], local_name=local, prefix=prefix)


def _units(meta: TaxonomyMeta, problems: list[str]) -> dict[str, Unit]:
    units: dict[str, Unit] = {}
    for unit_id, decl in meta.units.items():
        try:
            units[unit_id] = Unit(
                id=unit_id,
                numerator=tuple(_measure(q, meta) for q in decl.numerator),
                denominator=tuple(_measure(q, meta) for q in decl.denominator),
            )
        except ValueError as exc:
            problems.append(f"taxonomy.yaml: units.{unit_id}: {exc}")
    return units


def _axis_concepts(builder: _Builder, name: str, decl: AxisDecl) -> Axis:
    where = "taxonomy.yaml"
    builder.define(
        Concept(
            name=name,
            data_type=DataType.STRING,
            period_type=PeriodType.DURATION,
            abstract=True,
            substitution_group="xbrldt:dimensionItem",
            labels=_pair(decl.label, decl.label_ja),
        ),
        where,
    )
    builder.define(_member_concept(decl.default, decl.default_label, decl.default_label_ja), where)
    members = []
    for member_name, member in decl.members.items():
        builder.define(_member_concept(member_name, member.label, member.label_ja), where)
        members.append(Member(name=member_name, aliases=tuple(member.aliases),
                              sign=member.sign))
    return Axis(name=name, default=decl.default, members=tuple(members))


def _member_concept(name: str, label: str, label_ja: str | None) -> Concept:
    return Concept(
        name=name,
        data_type=DataType.DOMAIN,
        period_type=PeriodType.DURATION,
        abstract=True,
        labels=_pair(label, label_ja),
    )


def _pair(label: str, label_ja: str | None) -> tuple[Label, ...]:
    out = [Label(text=label)]
    if label_ja:
        out.append(Label(text=label_ja, lang="ja"))
    return tuple(out)


def _calculations(
    builder: _Builder, sums: list[tuple[str, list[str]]], where: str
) -> tuple[CalculationArc, ...]:
    arcs: list[CalculationArc] = []
    seen_parents: set[str] = set()
    for parent, terms in sums:
        if parent in seen_parents:
            builder.problems.append(f"{where}: {parent} has two 'sum' declarations in one network")
        seen_parents.add(parent)
        for term in terms:
            match = _TERM.match(term)
            if not match:
                builder.problems.append(f"{where}: sum of {parent}: cannot read term {term!r}")
                continue
            weight = Decimal(-1 if match.group(1) == "-" else 1)
            arcs.append(CalculationArc(parent=parent, child=match.group(2), weight=weight))
    return tuple(arcs)


def _check_calculation(builder: _Builder, arc: CalculationArc, where: str) -> None:
    parent, child = builder.concepts.get(arc.parent), builder.concepts.get(arc.child)
    if parent is None or child is None:
        missing = arc.parent if parent is None else arc.child
        builder.problems.append(f"{where}: sum refers to unknown concept {missing}")
        return
    if parent.abstract or child.abstract or not parent.data_type.is_numeric:
        builder.problems.append(f"{where}: sum {arc.parent} -> {arc.child}: both must be numeric")
    elif parent.data_type is not child.data_type or parent.period_type is not child.period_type:
        builder.problems.append(
            f"{where}: sum {arc.parent} -> {arc.child}: data type and period type must match"
        )
    if parent.balance and child.balance:
        same = parent.balance is child.balance
        if same != (arc.weight > 0):
            builder.problems.append(
                f"{where}: sum {arc.parent} ({parent.balance}) -> {arc.child} ({child.balance}) "
                f"has weight {arc.weight}: XBRL 2.1 5.1.1.2 needs "
                f"{'+' if same else '-'}1 for {'equal' if same else 'opposite'} balances"
            )


def _check_network(builder: _Builder, net: Network, axes: dict[str, Axis], where: str) -> None:
    known = builder.concepts
    for node in net.nodes():
        if node.concept not in known:
            builder.problems.append(f"{where}: unknown concept {node.concept}")
        if node.breakdown and node.breakdown not in axes:
            builder.problems.append(
                f"{where}: {node.concept}: unknown breakdown axis {node.breakdown}"
            )
    for axis_name in net.axes:
        if axis_name not in axes:
            builder.problems.append(f"{where}: unknown axis {axis_name}")
    for axis_name, member in net.dimensions.items():
        axis = axes.get(axis_name)
        if axis is None or axis.member(member) is None:
            builder.problems.append(f"{where}: dimensions: {axis_name}={member} is not declared")
        elif axis_name not in net.axes:
            builder.problems.append(
                f"{where}: dimensions uses {axis_name} not in the network's axes"
            )
    for axis_name, member in net.section.items():
        axis = axes.get(axis_name)
        if axis is None or axis.member(member) is None:
            builder.problems.append(f"{where}: section: {axis_name}={member} is not declared")
        elif axis_name not in net.axes:
            builder.problems.append(f"{where}: section uses {axis_name} not in the network's axes")
        elif axis_name in net.dimensions:
            builder.problems.append(f"{where}: section and dimensions both set {axis_name}")
    for arc in net.calculations:
        _check_calculation(builder, arc, where)


def _network(
    builder: _Builder, decl: NetworkDecl, order: int, meta: TaxonomyMeta, where: str
) -> Network:
    sums: list[tuple[str, list[str]]] = []
    roots = tuple(builder.node(node, where, sums) for node in decl.tree)
    for structural in (f"{decl.id}LineItems", f"{decl.id}Table"):
        is_table = structural.endswith("Table")
        builder.define(
            Concept(
                name=structural,
                data_type=DataType.STRING,
                period_type=PeriodType.DURATION,
                abstract=True,
                substitution_group="xbrldt:hypercubeItem" if is_table else "xbrli:item",
                labels=(Label(text=f"{decl.title} [{'table' if is_table else 'line items'}]"),),
            ),
            where,
        )
    axes = tuple(dict.fromkeys([*meta.common_axes, *decl.axes]))
    return Network(
        id=decl.id,
        order=order,
        title=decl.title,
        primary=decl.primary,
        tables=tuple(decl.tables),
        role_uri=f"{meta.role_base}/{decl.id}",
        axes=axes,
        dimensions=dict(decl.dimensions),
        section=dict(decl.section),
        roots=roots,
        calculations=_calculations(builder, sums, where),
        roll_forwards=tuple(_roll_forward(builder, r, where) for r in decl.roll_forward),
        evidence_sums=tuple(_evidence_sum(builder, e, where) for e in decl.evidence_sums),
    )


def _evidence_sum(builder: _Builder, decl: EvidenceSumDecl, where: str) -> EvidenceSum:
    """Checked once every concept is known (see :func:`_check_roll_forwards`)."""
    builder.evidence_sums.append((decl, where))
    terms = [(c, Decimal(1)) for c in decl.plus] + [(c, Decimal(-1)) for c in decl.minus]
    return EvidenceSum(total=decl.total, terms=tuple(sorted(terms)))


def _roll_forward(builder: _Builder, decl: RollForwardDecl, where: str) -> RollForward:
    """Checked once every concept is known (see :func:`_check_roll_forwards`)."""
    builder.roll_forwards.append((decl, where))
    return RollForward(balance=decl.balance, changes=tuple(decl.changes))


def _check_roll_forwards(builder: _Builder) -> None:
    for decl, where in builder.roll_forwards:
        wanted = [(decl.balance, PeriodType.INSTANT)] + [
            (c, PeriodType.DURATION) for c in decl.changes]
        for name, period in wanted:
            concept = builder.concepts.get(name)
            if concept is None:
                builder.problems.append(f"{where}: roll_forward refers to unknown concept {name}")
            elif concept.period_type is not period or not concept.data_type.is_numeric:
                builder.problems.append(f"{where}: roll_forward of {decl.balance}: {name} must "
                                        f"be a numeric {period.value} concept")


def _check_evidence_sums(builder: _Builder) -> None:
    for decl, where in builder.evidence_sums:
        names = [decl.total, *decl.plus, *decl.minus]
        types = set()
        for name in names:
            concept = builder.concepts.get(name)
            if concept is None:
                builder.problems.append(f"{where}: evidence_sums refers to unknown concept {name}")
            elif not concept.data_type.is_numeric:
                builder.problems.append(f"{where}: evidence sum of {decl.total}: {name} must "
                                        "be numeric")
            else:
                types.add(concept.period_type)
        if len(types) > 1:
            builder.problems.append(f"{where}: evidence sum of {decl.total} mixes instants and "
                                    "durations (that is a roll_forward)")


def _check_representations(builder: _Builder, axes: dict[str, Axis]) -> None:
    seen: set[tuple[str, str]] = set()
    for rep, where in builder.representations:
        original, by = builder.concepts.get(rep.concept), builder.concepts[rep.by]
        if original is None:
            builder.problems.append(f"{where}: {rep.by} represents unknown concept {rep.concept}")
            continue
        if rep.axis not in axes:
            builder.problems.append(f"{where}: {rep.by} represents on unknown axis {rep.axis}")
        if (original.data_type, original.period_type, original.balance) != (
            by.data_type, by.period_type, by.balance
        ):
            builder.problems.append(
                f"{where}: {rep.by} must have the type, period and balance of {rep.concept}"
            )
        if (rep.concept, rep.axis) in seen:
            builder.problems.append(f"{where}: {rep.concept} on {rep.axis} is represented twice")
        seen.add((rep.concept, rep.axis))


def _check_ratios(builder: _Builder) -> None:
    for ratio, where in builder.ratios:
        for name in (ratio.concept, ratio.numerator, ratio.denominator):
            concept = builder.concepts.get(name)
            if concept is None:
                builder.problems.append(f"{where}: ratio of {ratio.concept} refers to unknown "
                                        f"concept {name}")
            elif not concept.data_type.is_numeric:
                builder.problems.append(f"{where}: ratio of {ratio.concept}: {name} is not "
                                        "numeric")


def _check_label_figures(builder: _Builder) -> None:
    seen: set[tuple[str, str]] = set()
    for figure, where in builder.label_figures:
        for name in (figure.concept, figure.of):
            concept = builder.concepts.get(name)
            if concept is None:
                builder.problems.append(f"{where}: in_label of {figure.concept} refers to "
                                        f"unknown concept {name}")
            elif not concept.data_type.is_numeric:
                builder.problems.append(f"{where}: in_label: {name} is not numeric")
        if (figure.concept, figure.of) in seen:
            builder.problems.append(f"{where}: {figure.concept} is declared in the label of "
                                    f"{figure.of} twice")
        seen.add((figure.concept, figure.of))


def _company(company_id: str, decl: CompanyDecl) -> Company:
    return Company(
        id=company_id,
        name=decl.name,
        names=tuple(decl.names),
        ocr_names=tuple(decl.ocr_names),
        entity=Entity(scheme=decl.entity.scheme, identifier=decl.entity.identifier),
        fiscal_year_end_month=decl.fiscal_year_end_month,
        rounding=decl.rounding,
        currency=decl.currency,
    )


def load_taxonomy(root: Path | None = None) -> Taxonomy:
    """Read ``taxonomy.yaml``, ``companies/*.yaml`` and ``networks/*.yaml`` under ``root``."""
    root = root or taxonomy_dir()
    problems: list[str] = []
    meta = _parse(TaxonomyMeta, root / "taxonomy.yaml", problems)
    if meta is None:
        raise TaxonomyError(problems)
    builder = _Builder(meta)
    builder.problems = problems
    units = _units(meta, problems)
    axes = {name: _axis_concepts(builder, name, decl) for name, decl in meta.axes.items()}
    for axis_name in meta.common_axes:
        if axis_name not in axes:
            problems.append(f"taxonomy.yaml: common_axes: unknown axis {axis_name}")
    declared: list[tuple[Path, NetworkDecl]] = []
    for path in sorted((root / "networks").glob("*.yaml")):
        decl = _parse(NetworkDecl, path, problems)
        if decl is not None:
            declared.append((path, decl))
    networks = tuple(
        _network(builder, decl, order, meta, path.name)
        for order, (path, decl) in enumerate(declared, start=1)
    )
    seen_ids: set[str] = set()
    for (path, _), net in zip(declared, networks, strict=True):
        if net.id in seen_ids:
            problems.append(f"{path.name}: network id {net.id} is used twice")
        seen_ids.add(net.id)
        _check_network(builder, net, axes, path.name)
    _check_representations(builder, axes)
    for layout, section in meta.layout_sections.items():
        for axis_name, member in section.items():
            axis = axes.get(axis_name)
            if axis is None or axis.member(member) is None:
                problems.append(f"taxonomy.yaml: layout_sections.{layout}: {axis_name}={member} "
                                "is not declared")
    _check_ratios(builder)
    _check_label_figures(builder)
    _check_roll_forwards(builder)
    _check_evidence_sums(builder)
    companies: dict[str, Company] = {}
    for path in sorted((root / "companies").glob("*.yaml")):
        company = _parse(CompanyDecl, path, problems)
        if company is not None:
            companies[path.stem] = _company(path.stem, company)
    language = _language(root, problems)
    if problems:
        raise TaxonomyError(problems)
    return Taxonomy(
        name=meta.name,
        prefix=meta.prefix,
        namespace=meta.namespace,
        version=meta.version,
        schema_file=meta.schema_file,
        role_base=meta.role_base,
        concepts=builder.concepts,
        networks=networks,
        axes=axes,
        units=units,
        measures={name: m.label for name, m in meta.measures.items()},
        companies=companies,
        representations=tuple(rep for rep, _ in builder.representations),
        layout_sections={k: dict(v) for k, v in meta.layout_sections.items()},
        ratios=tuple(ratio for ratio, _ in builder.ratios),
        label_figures=tuple(figure for figure, _ in builder.label_figures),
        record_months=builder.record_months,
        language=language,
    )


def _language(root: Path, problems: list[str]) -> Language:
    """``language.yaml``, if there is one: equivalent words, phrases and word orders."""
    path = root / "language.yaml"
    if not path.exists():
        return Language()
    decl = _parse(LanguageDecl, path, problems)
    if decl is None:
        return Language()
    orders = [(order.printed, order.reads) for order in decl.orders]
    problems.extend(language_problems(decl.words, decl.phrases, orders, normalize_label))
    return Language(words=tuple(tuple(g) for g in decl.words),
                    phrases=tuple(tuple(g) for g in decl.phrases), orders=tuple(orders))
