"""Misprints: a printing its own table's check recomputes as another printing's figure.

A figure printed twice with two values (the TSE form's operating income "2,488" beside the
statement's 2,448,207 thousand) is held on the side no check of its own confirms: either may
be the misprint. The printing's own table settles it when a check there recomputes the cell
from other figures: its YoY % recomputes from the other printing's figure over the row a year
earlier but not from its own (103.8% over 1,201 gives 2,448, not 2,488), or the per-share ratio
holds for the other printing's figure and for none of its own (net income of 859 million over
202,605 shares fits 4,241.14, not 4,214.14). The printing is then filed as what it misprints,
with the correction and its evidence in its provenance. Nothing new is filed: its value is
one a proven printing already carries, which the printing joins as a duplicate.
"""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal

from generator.extract.crosscheck import FactKey, fact_key, filed_concept, location
from generator.extract.layout import Cell, Row
from generator.extract.precision import consistent, plausible_misprint, round_to
from generator.extract.proof import ratios
from generator.extract.proof.arithmetic import holds_with, sum_members
from generator.extract.proof.columns import ColumnFacts
from generator.extract.proof.percent import recomputes
from generator.model.fact import Correction
from generator.model.period import Duration
from generator.model.results import ResultFact
from generator.model.taxonomy import Taxonomy

CHECK = "misprint corrected"


def settle(columns: list[ColumnFacts], taxonomy: Taxonomy, truncate: bool) -> None:
    """Record a correction (``ColumnFacts.corrected``) for every held printing whose own
    table's check recomputes it as the figure a filed printing of it carries."""
    filing = [(column, _filed(column)) for column in columns]
    held = [(column, i, fact) for column, filed_ones in filing
            for i, fact in enumerate(column.facts)
            if fact.value is not None and fact.decimals is not None and not filed_ones[i]]
    if not held:
        return  # every printing is filed: nothing to settle (most releases)
    proven = [fact for column, filed_ones in filing for i, fact in enumerate(column.facts)
              if filed_ones[i] and fact.value is not None]
    filed: dict[FactKey, list[ResultFact]] = defaultdict(list)
    for fact in proven:
        filed[fact_key(fact, filed_concept(fact, taxonomy))].append(fact)
    for column, i, fact in held:
        assert fact.value is not None and fact.decimals is not None
        printings = filed.get(fact_key(fact, filed_concept(fact, taxonomy)), [])
        others = [g for g in printings if not consistent(fact, g, slack_units=1)]
        if not others or len(others) < len(printings) \
                or any(not consistent(others[0], g, slack_units=1) for g in others[1:]):
            continue  # no filed printing disagrees, one agrees, or the filed ones disagree
        # the finest of them: a coarser one cannot give this printing's last digits
        # (4,241.1 does not say that a misprinted 4,214.14 is 4,241.10)
        source = max(others, key=lambda g: g.decimals if g.decimals is not None else 99)
        assert source.value is not None
        if source.decimals is not None and source.decimals < fact.decimals:
            continue
        wanted = _plain(round_to(source.value, fact.decimals))
        if not plausible_misprint(fact, wanted):
            continue  # a figure of another period or line, not a misprint of this one
        evidence = (_yoy(column, fact, wanted)
                    or _ratio(proven, fact, wanted, taxonomy, truncate))
        what = "misprint"
        if evidence is None:
            evidence, what = _deduction(column, fact, wanted, taxonomy, truncate), "deduction"
        if evidence is None:
            continue
        reason = (f"{what} of {source.concept} as {location(source)} prints it "
                  f"({source.source.text}): {evidence}")
        column.corrected[i] = (wanted, Correction(
            printed=fact.source.text or "", corrected=wanted, reason=reason,
            evidence=(location(source),)))


def _filed(column: ColumnFacts) -> list[bool]:
    """Which of the column's printings are filed as printed (proven, and not doubted)."""
    if not column.proven:
        return [False] * len(column.facts)
    return [column.figure_doubt(i) is None for i in range(len(column.facts))]


def _plain(value: Decimal) -> Decimal:
    """2.448E+9 written out (2448000000), as every other filed value is."""
    return value.quantize(Decimal(1)) if value == value.to_integral_value() else value


def _yoy(column: ColumnFacts, fact: ResultFact, wanted: Decimal) -> str | None:
    """Its row's YoY % recomputes from ``wanted`` over the row a year earlier, not from it."""
    row = column.row
    table = column.table
    if row is None or not isinstance(row.period, Duration):
        return None
    cells = [j for j, c in enumerate(row.cells)
             if c is not None and (c.line, c.text) == (fact.source.line, fact.source.text)]
    if len(cells) != 1:
        return None  # the row prints the figure twice ("6,500 26.6 6,500 19.8"): which one?
    at = cells[0]
    if at + 1 >= len(row.cells) or at + 1 >= len(table.columns) \
            or table.columns[at + 1].role != "change_percent":
        return None
    prior = _row_of(table.rows, row.period.shifted(-1))
    pct, printed = row.cells[at + 1], row.cells[at]
    before = prior.cells[at] if prior is not None and at < len(prior.cells) else None
    if pct is None or printed is None or before is None or printed.value is None \
            or not fact.value:
        return None
    scale = fact.value / printed.value
    candidate = Cell(text=printed.text, value=wanted / scale, line=printed.line,
                     fraction_digits=printed.fraction_digits)
    if recomputes(pct, printed, before) or not recomputes(pct, candidate, before):
        return None
    return (f"its YoY {pct.text}% over {before.text} (line {before.line}) recomputes from "
            f"{candidate.value:,}, not from {printed.text}")


def _deduction(column: ColumnFacts, fact: ResultFact, wanted: Decimal, taxonomy: Taxonomy,
               truncate: bool) -> str | None:
    """Printed with the sign of a deduction (a reconciliation's "Depreciation and
    Amortization (5,284 )" between adjusted EBITDA and operating income): ``wanted`` is its
    value with the sign turned, and a sum of its own column that breaks as printed holds
    with it so (one whose other parts are not all printed too: a nil line is not printed,
    and the sum holding to the unit once the sign is turned is no coincidence)."""
    if fact.value is None or wanted != -fact.value:
        return None
    for printed in (*column.broken_sums, *column.partial_sums):
        members = sum_members(printed)
        if any(f is fact for f, _ in members) \
                and holds_with(members, fact, wanted, taxonomy, truncate):
            total = printed[0]
            return (f"printed with a deduction's sign: {total.concept} {total.source.text} "
                    f"(line {total.source.line}) is its parts' sum with it as {wanted:,}")
    return None


def _row_of(rows: tuple[Row, ...], period: Duration) -> Row | None:
    found = [r for r in rows if r.period == period and not r.forecast]
    return found[0] if len(found) == 1 else None


def _ratio(proven: list[ResultFact], fact: ResultFact, wanted: Decimal, taxonomy: Taxonomy,
           truncate: bool) -> str | None:
    """Its declared ratio holds for ``wanted`` over some filed numerator and share count of
    its context (``proven``: the figures to be filed), and for its own figure over none."""
    ratio = next((r for r in taxonomy.ratios if r.concept == fact.concept), None)
    if ratio is None:
        return None
    dims = tuple(sorted(fact.dimensions.items()))
    # numerators and share counts of its dimensions, per period
    by_period: dict[str, tuple[list[ResultFact], list[ResultFact]]] = defaultdict(
        lambda: ([], []))
    for f in proven:
        if f.concept in (ratio.numerator, ratio.denominator) \
                and tuple(sorted(f.dimensions.items())) == dims:
            by_period[str(f.period)][f.concept != ratio.numerator].append(f)
    tops, bottoms = by_period.get(str(fact.period), ([], []))
    pairs = [(t, b) for t in tops for b in bottoms]
    if not pairs or any(ratios.holds(fact, t, b, truncate) for t, b in pairs):
        return None
    if any(ratios.holds(fact, t, b, truncate) for period, (ts, bs) in by_period.items()
           if period != str(fact.period) for t in ts for b in bs):
        return None  # its own figure is another period's ratio: a mislabelled row
    candidate = fact.model_copy(update={"value": wanted})
    fits = next(((t, b) for t, b in pairs if ratios.holds(candidate, t, b, truncate)), None)
    if fits is None:
        return None
    top, bottom = fits
    return (f"{top.concept} {top.source.text} ({location(top)}) over {bottom.concept} "
            f"{bottom.source.text} ({location(bottom)}) fits {wanted}, not {fact.source.text}")
