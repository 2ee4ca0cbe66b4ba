"""Primary statements of a synthetic release, before layout: rows, printed cells and the truth
behind each cell.

Values come from the seeded calculation solver (:func:`generator.synthetic.results.solve`), so
every printed total adds up per the taxonomy's calculations; rows and wordings come from the
networks' presentation trees and aliases, so nothing is specific to one company's release.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from generator.model.concept import DataType, PeriodType
from generator.model.entity import Company
from generator.model.period import Duration, Instant
from generator.model.results import ReportingPeriod
from generator.model.taxonomy import (
    LABEL_ROLE,
    PERIOD_END_LABEL_ROLE,
    PERIOD_START_LABEL_ROLE,
    Network,
    NetworkNode,
    Taxonomy,
)
from generator.synthetic.results import UNITS, solve
from generator.synthetic.reword import Applied, Reworder
from generator.synthetic.truth import TruthFigure
from generator.taxonomy.aliases import COMPANY_TOKEN, AliasIndex, split_negation

# The statements a release prints, and the concept its "% of ..." column is a share of (the
# IIJ-style statements print % of total revenues and % of total assets).
STATEMENTS: tuple[tuple[str, str | None, str], ...] = (
    ("BalanceSheet", "Assets", "%"),
    ("IncomeStatement", "Revenues", "% of total revenues"),
    ("CashFlowStatement", None, ""),
)
TITLES = {
    "BalanceSheet": "Quarterly Consolidated Balance Sheets (Unaudited)",
    "IncomeStatement": "Quarterly Consolidated Statements of Income (Unaudited)",
    "CashFlowStatement": "Quarterly Consolidated Statements of Cash Flows (Unaudited)",
}
# A balance sheet balances: no calculation arc says so, the release does.
BALANCE = ("Assets", "LiabilitiesAndEquity")
THOUSAND = Decimal(1000)
HUNDRED = Decimal(100)
CENT = Decimal("0.01")
MONEY_DECIMALS = -3  # statements print thousands of JPY / of U.S. dollars


@dataclass(frozen=True)
class Column:
    """A printed column: ``role`` value / usd / percent / yoy, its header group and unit text."""

    role: str
    which: str  # "prior" or "current"
    group: int
    unit_text: str


@dataclass
class Row:
    """A printed row: label, one cell text per column ("" = blank) and the truth per cell."""

    label: str
    cells: list[str]
    figures: list[TruthFigure | None]
    depth: int = 0
    heading: bool = False
    long: bool = False
    # figures printed inside the label ("net of allowance ... of JPY 123 thousand and ...")
    in_label: list[TruthFigure] = field(default_factory=list)
    # the label's declared wording reworded as another company words it (ReleaseOptions.reword)
    reworded: Applied | None = None


@dataclass
class Table:
    """A statement as printed: titles, header groups (period phrases), columns, rows; ``breaks``
    are row indices where the statement continues under a repeated header."""

    network: str
    title: str
    subtitle: str
    groups: list[str]
    columns: list[Column]
    rows: list[Row]
    breaks: list[int] = field(default_factory=list)


@dataclass(frozen=True)
class Style:
    """Per-release printing choices drawn from the seed."""

    usd_rate: Decimal | None
    percent: bool
    yoy: bool
    long_labels: bool
    dash: str
    upper_top: bool
    omit_share: float = 0.12
    dash_share: float = 0.06


def _fmt_number(value: Decimal, places: int) -> str:
    """``1234567`` -> ``1,234,567``; negatives in parentheses as the statements print them."""
    text = f"{abs(value):,.{places}f}"
    return f"({text})" if value < 0 else text


def _round(value: Decimal, places: int) -> Decimal:
    return value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def _months_word(months: int) -> str:
    return {3: "Three", 6: "Six", 9: "Nine", 12: "Twelve"}.get(months, str(months))


def _date_text(day: dt.date) -> str:
    return f"{day:%B} {day.day}, {day.year}"


@dataclass
class Periods:
    """The columns' periods: current and prior year-to-date, and the balance-sheet dates."""

    rp: ReportingPeriod

    @property
    def current(self) -> Duration:
        return self.rp.ytd

    @property
    def prior(self) -> Duration:
        return self.rp.ytd.shifted(-1)

    @property
    def bs_current(self) -> Instant:
        return Instant(date=self.rp.end)

    @property
    def bs_prior(self) -> Instant:
        return Instant(date=self.rp.fiscal_year_start - dt.timedelta(days=1))

    def ended(self, which: str) -> str:
        period = self.current if which == "current" else self.prior
        return f"{_months_word(period.months)} Months Ended {_date_text(period.end)}"

    def as_of(self, which: str) -> str:
        instant = self.bs_current if which == "current" else self.bs_prior
        return f"As of {_date_text(instant.date)}"


def _printable(node: NetworkNode, taxonomy: Taxonomy) -> bool:
    concept = taxonomy.concepts[node.concept]
    return concept.abstract or concept.data_type.is_numeric


def _summands(taxonomy: Taxonomy, total: str) -> set[str]:
    """``total`` and everything that adds up into it, at any depth."""
    out, todo = set(), [total]
    while todo:
        name = todo.pop()
        if name in out:
            continue
        out.add(name)
        todo.extend(a.child for net in taxonomy.networks for a in net.calculations
                    if a.parent == name)
    return out


def _parents(taxonomy: Taxonomy) -> set[str]:
    return {arc.parent for net in taxonomy.networks for arc in net.calculations}


def statement_concepts(taxonomy: Taxonomy, network: Network) -> list[str]:
    """Numeric concepts printed by the statement's first tree (others hold summary lines)."""
    out: list[str] = []
    for node in network.roots[0].walk():
        concept = taxonomy.concepts[node.concept]
        if not concept.abstract and concept.data_type.is_numeric and node.concept not in out:
            out.append(node.concept)
    return out


@dataclass
class Values:
    """Solved values per column (``None`` = printed as a dash)."""

    by_column: dict[str, dict[str, Decimal | None]]


def draw_values(
    taxonomy: Taxonomy, periods: Periods, rng: random.Random, style: Style
) -> tuple[Values, Values, set[str]]:
    """Values of the duration statements and of the balance sheet, current and prior, plus
    the concepts the release leaves out. Left-out and dashed lines are pinned to zero before
    solving, so totals still add up over what is printed; the balance sheet's cash is the cash
    flow statement's closing (current) and opening (prior year end) cash."""
    nets = {net.id: net for net in taxonomy.networks}
    parents = _parents(taxonomy)
    durations: list[str] = []
    for net_id in ("IncomeStatement", "CashFlowStatement"):
        for name in statement_concepts(taxonomy, nets[net_id]):
            if taxonomy.concepts[name].period_type is PeriodType.DURATION and name not in durations:
                durations.append(name)
    instants = statement_concepts(taxonomy, nets["BalanceSheet"])
    leaves = [
        c for c in (*durations, *instants)
        if c not in parents and taxonomy.concepts[c].data_type is DataType.MONETARY
        and c not in ("NetIncome", "CashAndCashEquivalents")
    ]
    omitted = {c for c in leaves if rng.random() < style.omit_share}
    for net in taxonomy.networks:  # a total keeps at least one printed part
        for parent in {a.parent for a in net.calculations}:
            parts = [a.child for a in net.calculations if a.parent == parent]
            if parts and all(p in omitted for p in parts):
                omitted.discard(parts[0])
    dashes: dict[str, set[str]] = {"prior": set(), "current": set()}
    for c in leaves:
        if c not in omitted and rng.random() < style.dash_share:
            dashes[rng.choice(["prior", "current"])].add(c)
    zero = Decimal(0)

    def pinned(which: str) -> dict[str, Decimal]:
        return {c: zero for c in omitted | dashes[which]}

    dur: dict[str, dict[str, Decimal | None]] = {}
    inst: dict[str, dict[str, Decimal | None]] = {}
    for which in ("prior", "current"):
        dur[which] = _with_ratios(taxonomy, dict(solve(taxonomy, durations, rng, pinned(which))))
    increase = {
        which: dur[which].get("NetIncreaseDecreaseInCashAndCashEquivalents") or zero
        for which in dur
    }
    # opening cash of the current half-year = the prior year-end balance sheet's cash
    opening = Decimal(rng.randint(1_000, 900_000) * 1000)
    if opening + increase["current"] <= 0:
        opening = -increase["current"] + Decimal(rng.randint(1_000, 90_000) * 1000)
    closing = opening + increase["current"]
    prior_open = Decimal(rng.randint(1_000, 900_000) * 1000)
    if prior_open + increase["prior"] <= 0:
        prior_open = -increase["prior"] + Decimal(rng.randint(1_000, 90_000) * 1000)
    if periods.prior.end == periods.current.start - dt.timedelta(days=1):
        # a full year's release: the prior year closes on the cash the current one opens with
        if opening - increase["prior"] <= 0:
            opening += increase["prior"] - opening + Decimal(rng.randint(1_000, 90_000) * 1000)
            closing = opening + increase["current"]
        prior_open = opening - increase["prior"]
    cash = {"prior": opening, "current": closing}
    assets_side = _summands(taxonomy, BALANCE[0])
    for which in ("prior", "current"):
        fixed = {**pinned(which), "CashAndCashEquivalents": cash[which]}
        first = solve(taxonomy, instants, rng, fixed)
        if all(c in first for c in BALANCE):  # total assets = total liabilities and equity
            fixed.update({c: first[c] for c in assets_side if c in first})
            fixed[BALANCE[1]] = first[BALANCE[0]]
            first = solve(taxonomy, instants, rng, fixed)
        inst[which] = dict(first)
    for which, values in (*dur.items(), *inst.items()):
        for c in dashes[which]:
            values[c] = None
    cf_cash = {
        "current": (opening, closing),
        "prior": (prior_open, prior_open + increase["prior"]),
    }
    for which, (start, end) in cf_cash.items():
        dur[which]["@CashBeginning"] = start
        dur[which]["@CashEnd"] = end
    return Values(dur), Values(inst), omitted


def _with_ratios(taxonomy: Taxonomy, values: dict[str, Decimal | None]
                 ) -> dict[str, Decimal | None]:
    """``values`` with each per-share figure its declared ratio (net income over the weighted
    shares, to the printed cent) where both are drawn, as a real statement prints it: drawn at
    random, the extractor's ratio check could never prove a synthetic per-share row."""
    for ratio in taxonomy.ratios:
        top, bottom = values.get(ratio.numerator), values.get(ratio.denominator)
        if ratio.concept in values and top is not None and bottom:
            values[ratio.concept] = (top / bottom).quantize(CENT, rounding=ROUND_HALF_UP)
    return values


class Wordings:
    """Printed wordings of a network's rows: the taxonomy's aliases that name exactly the row's
    concept at its place, so the release is readable by the taxonomy it is scored against;
    with a ``reworder``, some of them reworded as other companies word them (``last`` is the
    rewording of the wording ``choose`` returned last, None when it printed it as declared)."""

    def __init__(self, taxonomy: Taxonomy, company: Company, network: Network,
                 reworder: Reworder | None = None) -> None:
        self.taxonomy = taxonomy
        self.company = company
        self.reworder = reworder
        self.last: Applied | None = None
        self.index = AliasIndex(taxonomy, company)
        self.aliases = self.index.network(network.id)
        self.parent_of: dict[int, NetworkNode | None] = {}
        for root in network.roots:
            self._parents(root, None)

    def _parents(self, node: NetworkNode, parent: NetworkNode | None) -> None:
        self.parent_of[id(node)] = parent
        for child in node.children:
            self._parents(child, node)

    def _fits(self, wording: str, node: NetworkNode) -> bool:
        found = self.aliases.candidates(self.index.key(wording))
        if self.taxonomy.concepts[node.concept].abstract:
            # a row without figures is a heading: it only has to name this one
            return any(c.ref.node is node for c in found)
        found = [c for c in found if not self.taxonomy.concepts[c.ref.concept].abstract]
        if not found:
            return False
        if all(c.ref.concept == node.concept and not c.negated for c in found):
            return True
        parent = self.parent_of.get(id(node))
        here = [c for c in found
                if parent is not None and c.ref.parent is not None
                and c.ref.parent.node is parent]
        return len(here) == 1 and here[0].ref.node is node and not here[0].negated

    def choose(self, node: NetworkNode, rng: random.Random) -> str | None:
        self.last = None
        wording = self._declared(node, rng)
        if wording is not None and self.reworder is not None:
            self.last = self.reworder(wording)
            if self.last is not None:
                return self.last.after
        return wording

    def _declared(self, node: NetworkNode, rng: random.Random) -> str | None:
        concept = self.taxonomy.concepts[node.concept]
        options: list[str] = []
        row = [split_negation(a) for a in node.row_aliases]
        if node.preferred_label in (PERIOD_START_LABEL_ROLE, PERIOD_END_LABEL_ROLE):
            pools = [[w for w, neg in row if not neg]]
        else:
            pools = [
                [w for w, neg in (*(split_negation(a) for a in concept.aliases), *row)
                 if not neg],
                [lab.text for lab in concept.labels if lab.lang == "en" and lab.role == LABEL_ROLE],
            ]
        short = min(self.company.names, key=len)
        for pool in pools:  # printed wordings first; the standard label when none fits
            for wording in pool:
                text = wording.replace(COMPANY_TOKEN, rng.choice([self.company.name, short]))
                if text not in options and self._fits(text, node):
                    options.append(text)
            if options:
                return rng.choice(options)
        return None


def _long_suffix(periods: Periods, rng: random.Random) -> tuple[str, list[tuple[int, str]]]:
    """The amounts a "net of ..." label states, as balance sheets print them: the text, and
    each amount (thousands of JPY) with the column whose date the label gives it."""
    a, b = rng.randint(10, 99_999), rng.randint(10, 99_999)
    prior, current = _date_text(periods.bs_prior.date), _date_text(periods.bs_current.date)
    if rng.random() < 0.25:  # one amount for both dates
        return (f" of JPY {a:,} thousand at {prior} and {current}, respectively",
                [(a, "prior"), (a, "current")])
    return (f" of JPY {a:,} thousand and JPY {b:,} thousand at {prior} and {current}, "
            "respectively", [(a, "prior"), (b, "current")])


def _share_suffix(node: NetworkNode, periods: Periods, rng: random.Random
                  ) -> tuple[str, dict[str, list[tuple[int, str]]]] | None:
    """The share counts an equity row's label states ("Common stock—authorized, 75,520,000
    shares; issued and outstanding, 46,711,400 and 46,713,800 shares at ..."; "Treasury
    stock—758,800 shares and 758,813 shares held by the company at ..."), keyed by the phrase
    that names each."""
    prior, current = _date_text(periods.bs_prior.date), _date_text(periods.bs_current.date)
    dates = f"at {prior} and {current}, respectively"
    if node.concept == "CommonStock":
        authorized = rng.randint(10, 900) * 100_000
        issued = rng.randint(authorized // 4, authorized // 2)
        later = issued + rng.choice([0, 0, rng.randint(1, 10_000)])
        counts = f"{issued:,} and {later:,}" if later != issued else f"{issued:,}"
        return (f"—authorized, {authorized:,} shares; issued and outstanding, {counts} shares "
                f"{dates}", {"authorized": [(authorized, "prior"), (authorized, "current")],
                             "issued": [(issued, "prior"), (later, "current")]})
    if node.concept == "TreasuryStock":
        held, later = rng.randint(1_000, 2_000_000), 0
        later = held + rng.choice([0, rng.randint(1, 500)])
        counts = f"{held:,} shares and {later:,} shares" if later != held else f"{held:,} shares"
        return (f"—{counts} held by the company {dates}",
                {"treasury stock": [(held, "prior"), (later, "current")]})
    return None


def _in_label(taxonomy: Taxonomy, network: Network, node: NetworkNode, words: str,
              figures: list[tuple[int, str]], scale: int, periods: Periods) -> list[TruthFigure]:
    """Truth for figures printed in a label: the concept the taxonomy declares for ``words``
    in the label of the row's concept (none declared: not a figure the release files)."""
    declared = [f for f in taxonomy.figures_in_label(node.concept)
                if any(p in words.lower() for p in f.phrases)]
    if len(declared) != 1:
        return []
    unit = "shares" if scale == 1 else "JPY"
    return [TruthFigure(
        concept=declared[0].concept,
        period=periods.bs_current if which == "current" else periods.bs_prior, dimensions=(),
        unit=unit, value=Decimal(value * scale), decimals=0 if scale == 1 else -3,
        line=0, text=f"{value:,}", table=network.id, column=which,
    ) for value, which in figures]


def build_tables(
    taxonomy: Taxonomy, company: Company, rp: ReportingPeriod, style: Style, rng: random.Random,
    reworder: Reworder | None = None,
) -> list[Table]:
    """The balance sheet, statement of income and statement of cash flows of the release
    (``reworder``: some row labels reworded, each such row's ``reworded`` says how)."""
    periods = Periods(rp)
    dur, inst, omitted = draw_values(taxonomy, periods, rng, style)
    nets = {net.id: net for net in taxonomy.networks}
    tables = []
    for net_id, base, pct_text in STATEMENTS:
        values = inst if net_id == "BalanceSheet" else dur
        table = _table(
            taxonomy, company, nets[net_id], periods, values, omitted, style, rng,
            base if style.percent else None, pct_text, reworder,
        )
        tables.append(table)
    return tables


def _columns(net_id: str, style: Style, pct: bool) -> list[Column]:
    cols = [Column("value", "prior", 0, "Thousands of JPY")]
    if pct:
        cols.append(Column("percent", "prior", 0, ""))
    if style.usd_rate is not None:
        cols.append(Column("usd", "current", 1, "Thousands of U.S. Dollars"))
    cols.append(Column("value", "current", 1, "Thousands of JPY"))
    if pct:
        cols.append(Column("percent", "current", 1, ""))
    if style.yoy and net_id == "IncomeStatement":
        cols.append(Column("yoy", "current", 2, ""))
    return cols


def _table(
    taxonomy: Taxonomy, company: Company, network: Network, periods: Periods, values: Values,
    omitted: set[str], style: Style, rng: random.Random, base: str | None, pct_text: str,
    reworder: Reworder | None = None,
) -> Table:
    cols = _columns(network.id, style, base is not None)
    cols = [Column(c.role, c.which, c.group, pct_text) if c.role == "percent" else c
            for c in cols]
    instant = network.id == "BalanceSheet"
    groups = [periods.as_of(w) if instant else periods.ended(w) for w in ("prior", "current")]
    if any(c.role == "yoy" for c in cols):
        groups.append("YoY % change")
    wordings = Wordings(taxonomy, company, network, reworder)
    parents = _parents(taxonomy)
    rows: list[Row] = []
    long_budget = 3 if style.long_labels else 0
    root = network.roots[0]

    def visit(node: NetworkNode, depth: int) -> None:
        nonlocal long_budget
        concept = taxonomy.concepts[node.concept]
        if not _printable(node, taxonomy):
            return
        if concept.abstract:
            start = len(rows)
            label = wordings.choose(node, rng) if node is not root else None
            if node is not root:
                if label is None:
                    return  # an unnamed grouping (summary lines): not part of the statement
                rows.append(Row(label, [""] * len(cols), [None] * len(cols), depth, heading=True,
                                reworded=wordings.last))
            for child in node.children:
                visit(child, depth + (node is not root))
            if node is not root and len(rows) == start + 1 and node.children:
                rows.pop()  # a heading with nothing printed under it
            return
        if node.concept in omitted:
            return
        label = wordings.choose(node, rng)
        if label is None:
            return
        reworded = wordings.last
        if style.upper_top and depth == 0:
            label = label.upper()
        long = False
        standard = next((lab.text for lab in concept.labels
                         if lab.lang == "en" and lab.role == LABEL_ROLE), "")
        in_label: list[TruthFigure] = []
        if long_budget and ", net of " in standard and rng.random() < 0.7:
            suffix, amounts = _long_suffix(periods, rng)  # "..., net of allowance of JPY ..."
            label = standard + suffix
            reworded = None  # the standard label printed, not the (reworded) wording
            in_label = _in_label(taxonomy, network, node, standard.split(", net of ")[-1],
                                 amounts, 1000, periods)
            long_budget -= 1
            long = True
        elif style.long_labels and instant and rng.random() < 0.7 and (
                shares := _share_suffix(node, periods, rng)) is not None:
            suffix, counts = shares
            label = label + suffix
            for words, figures in counts.items():
                in_label += _in_label(taxonomy, network, node, words, figures, 1, periods)
            long = True
        row = _row(taxonomy, network, node, label, depth, cols, periods, values, style,
                   base, major=node.concept in parents or depth == 0, long=long)
        row.in_label = in_label
        row.reworded = reworded
        rows.append(row)

    visit(root, 0)
    breaks: list[int] = []
    if instant:
        split = next((i for i, r in enumerate(rows) if r.heading and i > 0 and r.depth == 0), None)
        if split is not None and rng.random() < 0.7:
            breaks.append(split)
    elif network.id == "CashFlowStatement" and rng.random() < 0.5:
        split = next((i for i, r in enumerate(rows) if r.heading and r.depth == 0 and i > 0
                      and "financ" in r.label.lower()), None)
        if split is not None:
            breaks.append(split)
    return Table(
        network=network.id, title=TITLES[network.id],
        subtitle=_subtitle(network.id, periods), groups=groups, columns=cols, rows=rows,
        breaks=breaks,
    )


def _subtitle(net_id: str, periods: Periods) -> str:
    if net_id == "BalanceSheet":
        return (f"(As of {_date_text(periods.bs_prior.date)} and "
                f"{_date_text(periods.bs_current.date)})")
    months = _months_word(periods.current.months).lower()
    return (f"(For the {months} months ended {_date_text(periods.prior.end)} and "
            f"{_date_text(periods.current.end)})")


def _value_of(node: NetworkNode, which: str, values: Values) -> Decimal | None:
    column = values.by_column[which]
    if node.preferred_label == PERIOD_START_LABEL_ROLE:
        return column["@CashBeginning"]
    if node.preferred_label == PERIOD_END_LABEL_ROLE:
        return column["@CashEnd"]
    return column.get(node.concept)


def _period_of(taxonomy: Taxonomy, node: NetworkNode, which: str, periods: Periods,
               instant_table: bool) -> Duration | Instant:
    concept = taxonomy.concepts[node.concept]
    if instant_table:
        return periods.bs_current if which == "current" else periods.bs_prior
    duration = periods.current if which == "current" else periods.prior
    if concept.period_type is PeriodType.INSTANT:
        if node.preferred_label == PERIOD_START_LABEL_ROLE:
            return Instant(date=duration.start - dt.timedelta(days=1))
        return Instant(date=duration.end)
    return duration


def _row(
    taxonomy: Taxonomy, network: Network, node: NetworkNode, label: str, depth: int,
    cols: list[Column], periods: Periods, values: Values, style: Style, base: str | None,
    *, major: bool, long: bool,
) -> Row:
    concept = taxonomy.concepts[node.concept]
    kind = concept.data_type
    sign = -1 if node.negated else 1
    cells: list[str] = []
    figures: list[TruthFigure | None] = []
    instant_table = network.id == "BalanceSheet"
    for col in cols:
        value = _value_of(node, col.which, values)
        period = _period_of(taxonomy, node, col.which, periods, instant_table)
        text, figure = "", None
        if col.role == "value":
            unit, places, decimals = _unit_places(kind, "JPY")
            text, figure_value = _printed(value, sign, kind, places, style)
            figure = TruthFigure(
                concept=node.concept, period=period, dimensions=(), unit=unit,
                value=figure_value, decimals=None if figure_value is None else decimals,
                line=0, text=text, table=network.id, column=col.which,
            )
        elif col.role == "usd" and kind in (DataType.MONETARY, DataType.PER_SHARE):
            assert style.usd_rate is not None
            unit, places, decimals = _unit_places(kind, "USD")
            usd = None if value is None else value / style.usd_rate
            if usd is not None and kind is DataType.MONETARY:
                usd = _round(usd / THOUSAND, 0) * THOUSAND
            elif usd is not None:
                usd = _round(usd, places)
            text, figure_value = _printed(usd, sign, kind, places, style)
            figure = TruthFigure(
                concept=node.concept, period=period, dimensions=(), unit=unit,
                value=figure_value, decimals=None if figure_value is None else decimals,
                line=0, text=text, table=network.id, column="usd",
            )
        elif col.role == "percent" and major and base is not None:
            total = values.by_column[col.which].get(base)
            if value is not None and total:
                text = _fmt_number(_round(sign * value * HUNDRED / total, 1), 1)
        elif col.role == "yoy" and kind is DataType.MONETARY:
            before = values.by_column["prior"].get(node.concept)
            if value is not None and before:
                text = _fmt_number(_round((value - before) * HUNDRED / abs(before), 1), 1)
        cells.append(text)
        figures.append(figure)
    return Row(label, cells, figures, depth, long=long)


def _unit_places(kind: DataType, currency: str) -> tuple[str, int, int]:
    """Unit id, printed decimal places and XBRL decimals of a figure of ``kind``."""
    if kind is DataType.MONETARY:
        return currency, 0, MONEY_DECIMALS
    if kind is DataType.PER_SHARE:
        return f"{currency}PerShares", 2, 2
    return UNITS.get(kind, "pure"), 0, 0


def _printed(
    value: Decimal | None, sign: int, kind: DataType, places: int, style: Style
) -> tuple[str, Decimal | None]:
    """The token printed for ``value`` and the figure's value (base units) it stands for."""
    if value is None:
        return style.dash, None
    shown = value * sign / (THOUSAND if kind is DataType.MONETARY else 1)
    return _fmt_number(shown, places), value
