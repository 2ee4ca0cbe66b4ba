"""Lay a filing's facts out as the tables a person reads: the model behind the Inline XBRL page.

Why a separate model: the page must show every fact exactly once (an Inline document's facts
are the filing's facts, no more, no fewer), in the tables the release printed. Each fact knows
the release table it was read from (``provenance.table``, a network id) and its line, so the
page has one table per (document, network) in the order the documents print them; rows follow
the network's presentation tree (a ``breakdown`` axis gives member rows under its node), columns
are the periods (with forecast members and the currency). A fact with no place — no table, a
concept its network does not present, or a cell already taken — goes to ``ix:hidden``. Text
facts (``ix:nonNumeric``) are shown under the page's heading, the headline as the heading.

Numbers are shown in the section's scale (JPY millions, USD thousands, ratios as %) with the
``scale`` attribute saying so; digits are exact (``Decimal``, never float).
"""

from __future__ import annotations

import datetime as dt
import decimal
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal

from generator.model.context import Context
from generator.model.fact import Fact
from generator.model.filing import Filing
from generator.model.period import Duration, Instant
from generator.model.taxonomy import (
    LABEL_ROLE,
    PERIOD_END_LABEL_ROLE,
    PERIOD_START_LABEL_ROLE,
    Network,
    NetworkNode,
    Taxonomy,
)
from generator.model.unit import Unit

ISO4217 = "http://www.xbrl.org/2003/iso4217"
#: The text concept the page prints as its heading (dei's name); other texts go beneath it.
TITLE_CONCEPT = "DocumentTitle"
FORMAT = "ixt:num-dot-decimal"
SCALE_WORDS = {0: "", 3: "thousands", 6: "millions", 9: "billions"}
_EXACT = decimal.Context(prec=200)  # wider than any figure (60 digits), so quantize is exact


@dataclass(frozen=True)
class Cell:
    """One tagged figure: what ``ix:nonFraction`` needs, plus how the page prints it."""

    fact_id: str
    concept: str
    context_ref: str
    unit_ref: str | None
    decimals: int | None
    scale: int
    digits: str | None  # the printed digits (no sign); None for a nil fact (a dash)
    negative: bool  # the fact's value is below zero: sign="-"
    shown_negative: bool  # the page prints it in parentheses (a negated row flips it)
    canonical: str | None  # the value in base units, for ix:hidden


@dataclass(frozen=True)
class Text:
    """One tagged text (``ix:nonNumeric``): a headline, a name, a fiscal period."""

    fact_id: str
    concept: str  # prefixed name
    name: str  # the concept's local name (the page puts the title in its heading)
    label: str
    context_ref: str
    text: str | None  # None: a nil text fact


@dataclass(frozen=True)
class Column:
    period: str  # "6 months ended" / "As of"
    date: str  # "2010-09-30" (kept on one line)
    members: tuple[str, ...]
    currency: str | None


@dataclass
class Row:
    label: str
    depth: int
    heading: bool = False
    total: bool = False
    cells: list[Cell | None] = field(default_factory=list)


@dataclass
class Section:
    id: str
    title: str
    document: str
    units_note: str
    columns: list[Column]
    rows: list[Row]


@dataclass
class Page:
    """Everything the Inline template prints, in order."""

    title: str
    company: str
    period_label: str
    sections: list[Section]
    hidden: list[Cell]
    footnotes: list[tuple[str, str, list[str]]]  # (id, text, fact ids)
    # The filing's text facts, shown under the page's heading (the title as the heading
    # itself), in the order the taxonomy declares their concepts.
    headline: Text | None = None
    texts: list[Text] = field(default_factory=list)


def _period_key(ctx: Context) -> tuple[str, dt.date, dt.date]:
    if isinstance(ctx.period, Duration):
        return ("duration", ctx.period.start, ctx.period.end)
    return ("instant", ctx.period.date, ctx.period.date)


def period_words(kind: str, start: dt.date, end: dt.date) -> tuple[str, str]:
    """(``6 months ended``, ``2010-09-30``) / (``As of``, ...): ISO dates, read alike anywhere."""
    if kind == "instant":
        return ("As of", end.isoformat())
    months = Duration(start=start, end=end).months
    nxt = end + dt.timedelta(days=1)
    if start.day == 1 and nxt.day == 1 and months > 0:
        return (f"{months} month{'s' if months != 1 else ''} ended", end.isoformat())
    return (f"{start.isoformat()} to", end.isoformat())


def period_text(kind: str, start: dt.date, end: dt.date) -> str:
    return " ".join(period_words(kind, start, end))


def currency(unit: Unit | None, default: str) -> str:
    """The currency a unit is counted in (JPY per share is JPY); other units go with the
    company's currency, so share counts sit in the same column as the amounts."""
    if unit is not None:
        for measure in unit.numerator:
            if measure.namespace == ISO4217:
                return measure.local_name
    return default


def natural_scale(unit: Unit | None, decimals: int | None) -> int | None:
    """The scale a figure reads best in: ratios as %, amounts in their printed thousands or
    millions, everything else as is. ``None`` for a nil fact (no digits)."""
    if decimals is None or unit is None:
        return None
    if [m.local_name for m in unit.numerator] == ["pure"]:
        return -2
    monetary = not unit.denominator and all(m.namespace == ISO4217 for m in unit.numerator)
    if monetary and decimals < 0:
        return min(9, (-decimals) // 3 * 3)
    return 0


def shown_digits(value: Decimal, decimals: int | None, scale: int) -> str:
    """``34272080000``, decimals -3, scale 6 -> ``34,272.080``: exact, as precise as filed."""
    shown = value.copy_abs().scaleb(-scale, _EXACT)
    places = max(0, (decimals if decimals is not None else 0) + scale)
    exponent = shown.normalize(_EXACT).as_tuple().exponent
    if isinstance(exponent, int):
        places = max(places, -exponent)  # never drop a digit the value has
    return format(shown.quantize(Decimal(1).scaleb(-places), context=_EXACT), ",f")


def unit_words(unit: Unit, scale: int, measures: dict[str, str] | None = None) -> str:
    """``JPY millions``, ``JPY per share``, ``shares``, ``%``: the units note of a section
    (a custom measure by its declared label, e.g. ``contracts``)."""
    names = [(measures or {}).get(m.local_name, m.local_name) for m in unit.numerator]
    if names == ["pure"]:
        return "ratios in %"
    text = " ".join(names)
    if unit.denominator:
        per = " ".join(m.local_name for m in unit.denominator)
        text = f"{text} per {per.removesuffix('s') if per == 'shares' else per}"
    words = SCALE_WORDS.get(scale, f"x 10^{scale}")
    return f"{text} {words}".strip()


class _Labels:
    def __init__(self, taxonomy: Taxonomy) -> None:
        self.taxonomy = taxonomy

    def concept(self, name: str, role: str | None = None) -> str:
        concept = self.taxonomy.concepts.get(name)
        if concept is None:
            return name
        english = [label for label in concept.labels if label.lang == "en"]
        for wanted in (role or LABEL_ROLE, LABEL_ROLE):
            for label in english:
                if label.role == wanted:
                    return label.text
        return name

    def member(self, name: str) -> str:
        return self.concept(name).removesuffix(" [member]")


def _nodes(network: Network) -> list[tuple[NetworkNode, int]]:
    out: list[tuple[NetworkNode, int]] = []

    def walk(node: NetworkNode, depth: int) -> None:
        out.append((node, depth))
        for child in node.children:
            walk(child, depth + 1)

    for root in network.roots:
        walk(root, 0)
    return out


class _Layout:
    """Builds the :class:`Page` of one filing."""

    def __init__(self, filing: Filing, taxonomy: Taxonomy, ids: list[str]) -> None:
        self.filing = filing
        self.taxonomy = taxonomy
        self.labels = _Labels(taxonomy)
        self.contexts = {c.id: c for c in filing.contexts}
        self.units = {u.id: u for u in filing.units}
        self.networks = {n.id: n for n in taxonomy.networks}
        # a concept filed for another on an axis (a forecast total that must not bind the
        # actual sum) sits in that concept's row, in its member's column
        self.stands_for = taxonomy.stands_for()
        self.ids = ids
        self.hidden: list[Cell] = []

    def page(self) -> Page:
        groups: dict[tuple[str, str], list[int]] = {}
        texts: list[Text] = []
        for index, fact in enumerate(self.filing.facts):
            table = fact.provenance.table
            if self._is_text(fact):
                texts.append(self._text(index))
            elif table in self.networks:
                groups.setdefault((fact.provenance.document, table), []).append(index)
            else:
                self.hidden.append(self._cell(index, 0, negated=False))
        documents = {d: i for i, d in enumerate(self.filing.documents)}
        order = sorted(
            groups,
            key=lambda key: (
                documents.get(key[0], len(documents)),
                key[0],
                min(self.filing.facts[i].provenance.line for i in groups[key]),
                key[1],
            ),
        )
        sections = [self._section(f"s{n}", doc, self.networks[net], groups[(doc, net)])
                    for n, (doc, net) in enumerate(order, start=1)]
        headline = next((t for t in texts if t.name == TITLE_CONCEPT), None)
        return Page(
            title=f"{self.filing.company.name}: {self.filing.period.label}",
            company=self.filing.company.name,
            period_label=self.filing.period.label,
            sections=[s for s in sections if s.rows],
            hidden=sorted(self.hidden, key=lambda c: int(c.fact_id.lstrip("F") or 0)),
            footnotes=self._footnotes(),
            headline=headline,
            texts=[t for t in texts if t is not headline],
        )

    def _is_text(self, fact: Fact) -> bool:
        concept = self.taxonomy.concepts.get(fact.concept)
        return fact.is_text or (concept is not None and not concept.data_type.is_numeric)

    def _text(self, index: int) -> Text:
        fact = self.filing.facts[index]
        return Text(
            fact_id=self.ids[index],
            concept=f"{self.taxonomy.prefix}:{fact.concept}",
            name=fact.concept,
            label=self.labels.concept(fact.concept),
            context_ref=fact.context_ref,
            text=fact.text,
        )

    def _footnotes(self) -> list[tuple[str, str, list[str]]]:
        """One footnote per source line: the viewer shows it beside each figure read there."""
        lines: dict[tuple[str, int], list[str]] = {}
        for fid, fact in zip(self.ids, self.filing.facts, strict=True):
            lines.setdefault((fact.provenance.document, fact.provenance.line), []).append(fid)
        return [
            (f"src{n}", f"Read from {doc}, line {line}", fids)
            for n, ((doc, line), fids) in enumerate(sorted(lines.items()), start=1)
        ]

    def _cell(self, index: int, scale: int, *, negated: bool) -> Cell:
        fact = self.filing.facts[index]
        value = fact.value
        negative = value is not None and value < 0
        return Cell(
            fact_id=self.ids[index],
            concept=f"{self.taxonomy.prefix}:{fact.concept}",
            context_ref=fact.context_ref,
            unit_ref=fact.unit_ref,
            decimals=fact.decimals,
            scale=scale,
            digits=None if value is None else shown_digits(value, fact.decimals, scale),
            negative=negative,
            shown_negative=value is not None and value != 0 and negative != negated,
            canonical=None if value is None else format(value, "f"),
        )

    def _section(
        self, section_id: str, document: str, network: Network, indexes: list[int]
    ) -> Section:
        facts = [self.filing.facts[i] for i in indexes]
        nodes = _nodes(network)
        node_at: dict[str, int] = {}
        for position, (node, _) in enumerate(nodes):
            node_at.setdefault(node.concept, position)
        row_axes = {n.breakdown for n, _ in nodes if n.breakdown}
        scales = self._scales(facts)
        placed: dict[tuple[int, tuple[str, ...]], dict[tuple[object, ...], int]] = {}
        columns: dict[tuple[object, ...], Column] = {}
        durations: set[tuple[object, ...]] = set()
        # durations first, so an opening / closing balance can join its period's column
        ordered = sorted(range(len(facts)), key=lambda k: _period_key(
            self.contexts[facts[k].context_ref])[0] != "duration")
        for k in ordered:
            fact = facts[k]
            found = node_at.get(fact.concept)
            if found is None and fact.concept in self.stands_for:
                found = node_at.get(self.stands_for[fact.concept])
            if found is None:
                self.hidden.append(self._cell(indexes[k], 0, negated=False))
                continue
            position = found
            node = nodes[position][0]
            ctx = self.contexts[fact.context_ref]
            row_members = tuple(m.member for m in ctx.members if m.axis in row_axes)
            col_members = tuple(m.member for m in ctx.members if m.axis not in row_axes)
            money = currency(self.units.get(fact.unit_ref or ""),
                             self.filing.company.currency)
            key = self._column_key(ctx, node, col_members, money, durations)
            if key[0] == "duration":
                durations.add(key)
            if key not in columns:
                kind, start, end = key[0], key[1], key[2]
                assert isinstance(kind, str)
                assert isinstance(start, dt.date) and isinstance(end, dt.date)
                columns[key] = Column(*period_words(kind, start, end),
                                      tuple(self.labels.member(m) for m in col_members), money)
            cells = placed.setdefault((position, row_members), {})
            if key in cells:  # a second fact for one cell: it has no place of its own
                self.hidden.append(self._cell(indexes[k], 0, negated=False))
                continue
            cells[key] = k
        column_keys = sorted(columns, key=self._column_order)
        rows = self._rows(network, nodes, placed, column_keys, facts, indexes, scales)
        currencies = {c.currency for c in columns.values()}
        shown = [
            Column(c.period, c.date, c.members, c.currency if len(currencies) > 1 else None)
            for c in (columns[k] for k in column_keys)
        ]
        measures = self.taxonomy.measures
        note = "; ".join(sorted({unit_words(self.units[u], s, measures)
                                 for u, s in scales.items() if u in self.units}))
        return Section(
            id=section_id,
            title=network.title,
            document=document,
            units_note=note,
            columns=shown,
            rows=rows,
        )

    def _scales(self, facts: list[Fact]) -> dict[str, int]:
        """Per unit, the scale most of the section's figures read best in."""
        votes: dict[str, Counter[int]] = {}
        for fact in facts:
            if fact.unit_ref is None:
                continue
            scale = natural_scale(self.units.get(fact.unit_ref), fact.decimals)
            votes.setdefault(fact.unit_ref, Counter())
            if scale is not None:
                votes[fact.unit_ref][scale] += 1
        return {
            unit: (max(c.items(), key=lambda kv: (kv[1], -kv[0]))[0] if c else 0)
            for unit, c in votes.items()
        }

    def _column_key(
        self,
        ctx: Context,
        node: NetworkNode,
        members: tuple[str, ...],
        money: str,
        durations: set[tuple[object, ...]],
    ) -> tuple[object, ...]:
        kind, start, end = _period_key(ctx)
        if isinstance(ctx.period, Instant) and node.preferred_label in (
            PERIOD_START_LABEL_ROLE, PERIOD_END_LABEL_ROLE
        ):
            for key in sorted(durations, key=str):
                d_start, d_end = key[1], key[2]
                assert isinstance(d_start, dt.date) and isinstance(d_end, dt.date)
                opening = node.preferred_label == PERIOD_START_LABEL_ROLE
                if key[3:] == (members, money) and (
                    d_start - dt.timedelta(days=1) == ctx.period.date if opening
                    else d_end == ctx.period.date
                ):
                    return key
        return (kind, start, end, members, money)

    def _column_order(self, key: tuple[object, ...]) -> tuple[object, ...]:
        """Results before forecasts; latest period first; longer first; own currency first."""
        kind, start, end, members, money = key
        assert isinstance(start, dt.date) and isinstance(end, dt.date)
        assert isinstance(members, tuple)
        return (
            len(members),
            members,
            -end.toordinal(),
            start.toordinal(),
            kind,
            money != self.filing.company.currency,
            money,
        )

    def _rows(
        self,
        network: Network,
        nodes: list[tuple[NetworkNode, int]],
        placed: dict[tuple[int, tuple[str, ...]], dict[tuple[object, ...], int]],
        column_keys: list[tuple[object, ...]],
        facts: list[Fact],
        indexes: list[int],
        scales: dict[str, int],
    ) -> list[Row]:
        used = {position for position, _ in placed}
        wanted: set[int] = set()
        for position in used:  # a row with figures and its headings above it
            depth = nodes[position][1]
            wanted.add(position)
            for back in range(position - 1, -1, -1):
                if nodes[back][1] < depth:
                    wanted.add(back)
                    depth = nodes[back][1]
        member_rank = {
            m.name: i for axis in self.taxonomy.axes.values() for i, m in enumerate(axis.members)
        }
        rows: list[Row] = []
        for position, (node, depth) in enumerate(nodes):
            if position not in wanted:
                continue
            label = self.labels.concept(node.concept, node.preferred_label)
            if depth == 0 and position not in used and label == network.title:
                continue  # the section's title already says it
            keys = sorted((m for p, m in placed if p == position),
                          key=lambda ms: (len(ms), [member_rank.get(m, 0) for m in ms], ms))
            if not keys:
                rows.append(Row(label=label, depth=depth, heading=True))
                continue
            for members in keys:
                cells: list[Cell | None] = []
                for key in column_keys:
                    k = placed[(position, members)].get(key)
                    if k is None:
                        cells.append(None)
                        continue
                    scale = scales.get(facts[k].unit_ref or "", 0)
                    cells.append(self._cell(indexes[k], scale, negated=node.negated))
                text = label
                row_depth = depth
                if members:
                    names = ", ".join(self.labels.member(m) for m in members)
                    text = names if node.breakdown else f"{label}: {names}"
                    row_depth = depth + 1
                rows.append(Row(label=text, depth=row_depth, cells=cells,
                                total=bool(node.preferred_label and "total" in
                                           node.preferred_label.lower()) and not members))
        return rows


def layout(filing: Filing, taxonomy: Taxonomy, ids: list[str]) -> Page:
    """The page of ``filing``: every fact once, in a table cell or in ``ix:hidden``."""
    return _Layout(filing, taxonomy, ids).page()
