"""Ratio evidence: a per-share figure is its numerator over its share count (and a ratio of two
amounts, shareholders' equity to total assets, is the one over the other).

Earnings per share printed beside the weighted-average share count, and the net income in the
statement above, agree to the per-share figure's last digit when all three sit where their
labels say: the per-share figure and the share count are then confirmed, with their columns
(a per-share block rarely has a total to add up, and share counts have no USD translation).
The ratios are taxonomy data (``ratio:`` on a node), so a new company's wording needs no code.

A forecast per-share figure (a target row's "Basic net income per share") has no share count of
its own period: TSE forms compute it from the forecast numerator over the share count of the
period the release reports. Its denominator is then that latest printed actual share count
within the forecast's period, and the ratio ties the target row's figures to the statements.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable
from decimal import Decimal

from generator.extract.map_rows.facts import FORECAST_AXIS
from generator.extract.precision import TELLING, consistent, half_unit
from generator.extract.proof.columns import BOTH, ROWS, ColumnFacts
from generator.model.concept import DataType
from generator.model.period import Duration, Period
from generator.model.results import ResultFact
from generator.model.taxonomy import Taxonomy

CHECK = "ratio"


def _unit_of(fact: ResultFact) -> Decimal:
    return Decimal(1).scaleb(-fact.decimals) if fact.decimals is not None else Decimal(0)


def check(columns: list[ColumnFacts], taxonomy: Taxonomy, truncate: bool) -> list[Doubt]:
    """Confirm each figure whose declared ratio holds, and the figures it is computed from;
    return where a ratio that ties the release's figures elsewhere fails (for
    :func:`doubt_failed`, once every check has spoken)."""
    doubtful: list[Doubt] = []
    if not taxonomy.ratios:
        return doubtful
    printed: dict[tuple[object, ...], list[tuple[ColumnFacts, ResultFact]]] = defaultdict(list)
    periods: dict[str, Period] = {}
    for column in columns:
        for fact in column.facts:
            if fact.value is not None and not column.refutations:
                key = (fact.concept, *fact.context[:2])
                printed[key].append((column, fact))
                periods[fact.period.iso] = fact.period
    by_concept: dict[str, list[tuple[object, ...]]] = defaultdict(list)
    for printed_key in printed:
        by_concept[str(printed_key[0])].append(printed_key)
    for ratio in taxonomy.ratios:
        quotient_type = taxonomy.concepts[ratio.concept].data_type
        per_share = quotient_type is DataType.PER_SHARE
        # the currencies of per-share figures the ratio ties tightly (:func:`_tight`) somewhere
        held: set[str | None] = set()
        failed: list[Failure] = []
        for concept, *context in by_concept.get(ratio.concept, []):
            quotients = _by_value(printed[(concept, *context)])
            tops = _by_value(printed.get((ratio.numerator, *context), []))
            own_bottoms = printed.get((ratio.denominator, *context), [])
            bottoms = _by_value(own_bottoms
                                or _latest_actual(printed, periods, ratio.denominator, context))
            # Figures printed alike are judged once: the ratio depends on value and precision
            # only (thousands of concatenated releases print the same figures thousands of times).
            held_here: set[str | None] = set()  # the currencies it ties in this context
            for q_group in quotients:
                for t_group in tops:
                    for b_group in bottoms:
                        if not holds(q_group[0][1], t_group[0][1], b_group[0][1], truncate) \
                                or not _telling(q_group[0][1], t_group[0][1], b_group[0][1],
                                                truncate):
                            continue
                        if not holds(q_group[0][1], _finest(t_group[0][1], tops),
                                     _finest(b_group[0][1], bottoms), truncate):
                            continue  # "JPY4.0 billion" passes 88.71; its 4,000 million not
                        held_here.add(_currency(q_group[0][1].unit))
                        # a ratio of two amounts holding to its half unit ties the release's
                        # figures as a per-share figure does only to four digits or more
                        if not per_share or _tight(q_group[0][1], t_group[0][1],
                                                   b_group[0][1], truncate):
                            held.add(_currency(q_group[0][1].unit))
                        top, bottom = t_group[0][1], b_group[0][1]
                        for q_column, quotient in q_group:
                            detail = (f"{quotient.concept} {quotient.source.text} (line "
                                      f"{quotient.source.line}) = {top.concept} {top.source.text}"
                                      f" / {bottom.concept} {bottom.source.text}")
                            if per_share:
                                if q_column.row is not None and not q_column.has(ROWS):
                                    _own_evidence_only(q_column)
                                q_column.confirm(CHECK, detail, BOTH)
                            # a quotient misprinted by less than the ratio's slack passes
                            q_column.confirm_fact(quotient, CHECK,
                                                  _slack(quotient, top, bottom, truncate))
                        if not per_share:
                            continue  # a ratio of two amounts (to a percent, three digits)
                            # proves the quotient alone: not its column, nor the amounts
                        # a per-share figure to the cent pins neither the amount nor the
                        # share count to their last digits
                        for b_column, fact in b_group:
                            b_column.confirm(CHECK, detail, BOTH)
                            b_column.confirm_fact(fact, CHECK, None)
                        for t_column, fact in t_group:
                            t_column.confirm_fact(fact, CHECK, None)
            if own_bottoms:
                failed += _failures(printed[(concept, *context)],
                                    printed.get((ratio.numerator, *context), []), own_bottoms,
                                    held_here)
        # where the ratio ties this release's figures elsewhere, a period it fails has a wrong
        # figure (none fails in the samples or in clean synthetic releases)
        # and so has one it misses by a factor of two or more, whatever it does elsewhere: no
        # rounding, and no company's own definition of the ratio, is that far (a scan's "445"
        # for an equity ratio of 44.5%, its decimal point lost)
        doubtful += [(*f[:3], _twins(f[0], ratio.concept, ratio.numerator, taxonomy, printed))
                     for f in failed if _currency(f[0][0][1].unit) in held or _far_off(f)]
    return doubtful


def _twins(quotients: list[Printing], concept: str, numerator: str, taxonomy: Taxonomy,
           printed: dict[tuple[object, ...], list[Printing]]) -> list[Printing]:
    """Printings of another ratio over the same numerator (diluted beside basic earnings per
    share) in the failing quotient's context, on its line and printed as it is: the same
    figure twice over, so the same misprint, whose own share count may not be read to judge
    it (4,214.14 beside 4,214.14 for 4,241.14 both)."""
    seen = {(f.source.line, f.source.text) for _, f in quotients}
    context = quotients[0][1].context[:2]
    return [(column, fact) for other in taxonomy.ratios
            if other.numerator == numerator and other.concept != concept
            for column, fact in printed.get((other.concept, *context), [])
            if (fact.source.line, fact.source.text) in seen]


FAR_OFF = Decimal(2)  # a quotient this many times off every reading of its ratio is misread


def _far_off(failure: Failure) -> bool:
    """Every printing of the quotient is off by :data:`FAR_OFF` times or more from every
    numerator over every denominator printed for its context."""
    quotients, tops, bottoms = failure
    for _, quotient in quotients:
        for _, top in tops:
            for _, bottom in bottoms:
                assert quotient.value is not None and top.value is not None
                if not bottom.value or not quotient.value or not top.value:
                    return False
                times = abs(quotient.value * bottom.value / top.value)
                if 1 / FAR_OFF < times < FAR_OFF:
                    return False
    return True


def doubt_failed(failures: list[Doubt]) -> None:
    """Hold the figures of each failing ratio :func:`check` returned that nothing pins."""
    for quotients, tops, bottoms, twins in failures:
        _doubt_failed(quotients, tops, bottoms, twins)


def _telling(quotient: ResultFact, top: ResultFact, bottom: ResultFact, truncate: bool) -> bool:
    """Whether the ratio holding says anything of the quotient: a net income read as "000"
    (0, to the million) over a share count misread as 242 allows any earnings per share up
    to 2,066 yen, 135.42 among them — a tie that loose proves neither figure."""
    assert quotient.value is not None
    return _rounding(top, bottom, truncate) < TELLING * abs(quotient.value)


def _rounding(top: ResultFact, bottom: ResultFact, truncate: bool) -> Decimal:
    """How far top / bottom may move while both stay what was printed (each within half a
    unit of its last digit): d(top) / |bottom| + |top / bottom| * d(bottom) / |bottom|."""
    assert top.value is not None and bottom.value
    return (half_unit(top, truncate) + abs(top.value / bottom.value)
            * half_unit(bottom, truncate)) / abs(bottom.value)


def _tight(quotient: ResultFact, top: ResultFact, bottom: ResultFact, truncate: bool) -> bool:
    """Whether the ratio holding for these figures is no coincidence of rounding: the
    per-share figure has four significant digits or more, and its numerator and share count
    pin it to within a few of its last units (a dollar figure of 0.14 ties to most share
    counts within a cent; net income printed as "JPY1.5 billion" to most within a yen)."""
    assert quotient.value is not None
    unit = _unit_of(quotient)
    return unit * 1000 <= abs(quotient.value) and _rounding(top, bottom, truncate) <= 2 * unit


Printing = tuple[ColumnFacts, ResultFact]
#: A ratio that fails in one context: the printings of its per-share figure (in one currency),
#: of its numerator (in that currency) and of its share count.
Failure = tuple[list[Printing], list[Printing], list[Printing]]
#: A failure to hold (:func:`doubt_failed`): with the twins of its per-share figure
#: (:func:`_twins`), which fall with it.
Doubt = tuple[list[Printing], list[Printing], list[Printing], list[Printing]]


def _failures(quotients: list[Printing], tops: list[Printing], bottoms: list[Printing],
              held_here: set[str | None]) -> list[Failure]:
    """Per currency of the per-share figure (yen and its dollar translation share a period),
    the printings of one context with a numerator in that currency for which no combination
    made the ratio hold (``held_here``: the currencies it held in, as :func:`check` found).
    A ratio of no currency (shareholders' equity to total assets) is judged with numerator and
    denominator in one currency (yen over yen, dollars over dollars)."""
    out: list[Failure] = []
    if not all(b.value for _, b in bottoms):
        return out  # a share count of nothing ties no ratio: nothing to judge by
    for currency in sorted({_currency(q.unit) for _, q in quotients} - held_here, key=str):
        in_currency = [p for p in quotients if _currency(p[1].unit) == currency]
        if currency is not None:
            numerators = [p for p in tops if _currency(p[1].unit) == currency]
            if numerators:
                out.append((in_currency, numerators, bottoms))
            continue
        for amounts in sorted({_currency(b.unit) for _, b in bottoms}, key=str):
            numerators = [p for p in tops if _currency(p[1].unit) == amounts]
            denominators = [p for p in bottoms if _currency(p[1].unit) == amounts]
            if numerators:
                out.append((in_currency, numerators, denominators))
    return out


FAILED = ("the ratio {quotient} = {top} / {bottom} fails here (it gives {exact:.4f}), "
          "though it holds elsewhere in the release: one of the three figures is misread or "
          "misprinted, and no check of its own pins this one")
FAR_FAILED = ("the ratio {quotient} = {top} / {bottom} fails here by a factor of two or more "
              "(it gives {exact:.4f}): no rounding or definition explains that, one of the three "
              "figures is misread or misprinted, and no check of its own pins this one")


def _doubt_failed(quotients: list[Printing], tops: list[Printing],
                  bottoms: list[Printing], twins: list[Printing]) -> None:
    """A declared ratio that holds elsewhere in the release but fails in this context (or
    fails by a factor of two or more: :func:`_far_off`) has a wrong figure among its three
    (its numerator, share count or per-share figure: a scan's "1,799.19" for 1,799.49,
    "279,483" for 299,483). A figure one of whose printings a check of
    its own pins closer than the misprint the ratio implies for it is settled (net income its
    sums tie; the summary's rounded printing of it agrees with that one); every printing of
    each figure not settled is held."""
    (_, quotient), (_, top), (_, bottom) = quotients[0], tops[0], bottoms[0]
    assert quotient.value is not None and top.value is not None and bottom.value
    q, t, b = quotient.value, top.value, bottom.value
    far = _far_off((quotients, tops, bottoms))
    why = (FAR_FAILED if far else FAILED).format(
        quotient=f"{quotient.concept} {quotient.source.text}",
        top=f"{top.concept} {top.source.text}",
        bottom=f"{bottom.concept} {bottom.source.text}", exact=t / b)
    implied: tuple[tuple[list[Printing], Callable[[Decimal], Decimal] | None], ...] = (
        (quotients, lambda value: abs(value - t / b)),
        (tops, lambda value: abs(value - q * b)),
        (bottoms, (lambda value: abs(value - t / q)) if q else None),
    )
    for printings, gap in implied:
        if gap is not None and any(column.pins(fact, gap(fact.value or Decimal(0)))
                                   for column, fact in printings):
            continue
        for column, fact in printings:
            column.doubt_fact(fact, why)
        if printings is quotients:
            for column, fact in twins:  # a twin its own check pins is settled
                if not column.pins(fact, abs((fact.value or Decimal(0)) - t / b)):
                    column.doubt_fact(fact, f"printed as {quotient.concept} {quotient.source.text} "
                                            f"beside it, in its row: {why}")


def _own_evidence_only(row: ColumnFacts) -> None:
    """A one-row-per-period strip (a target row) the ratio proves: the ratio ties its per-share
    figure and its numerator, not the row's other cells (revenues and operating income read
    in each other's column still leave it holding), so those need evidence of their own."""
    row.incomplete_rows |= {f.source.line for f in row.facts}
    row.complete_facts -= {id(f) for f in row.facts}
    row.placement = ("only the per-share ratio proves its row, and it ties the per-share figure "
                     "and its numerator alone")


def _latest_actual(printed: dict[tuple[object, ...], list[Printing]], periods: dict[str, Period],
                   concept: str, context: list[object]) -> list[Printing]:
    """For a forecast context: the printings of ``concept`` in the actual context (the forecast
    member dropped) of the latest duration within the forecast's period; else none."""
    period_text, dims = context
    assert isinstance(dims, tuple)
    forecast = periods.get(str(period_text))
    if FORECAST_AXIS not in dict(dims) or not isinstance(forecast, Duration):
        return []
    actual_dims = tuple((a, m) for a, m in dims if a != FORECAST_AXIS)
    within = [periods[str(k[1])] for k in printed
              if k[0] == concept and k[2] == actual_dims]
    spans = [p for p in within if isinstance(p, Duration)
             and forecast.start <= p.start and p.end <= forecast.end]
    if not spans:
        return []
    latest = max(p.end for p in spans)
    return [printing for p in sorted({p for p in spans if p.end == latest}, key=str)
            for printing in printed[(concept, str(p), actual_dims)]]


def _by_value(printings: list[Printing]) -> list[list[Printing]]:
    """Printings grouped by value and precision, in printing order."""
    groups: dict[tuple[Decimal | None, int | None], list[Printing]] = {}
    for column, fact in printings:
        groups.setdefault((fact.value, fact.decimals), []).append((column, fact))
    return list(groups.values())


def _finest(fact: ResultFact, groups: list[list[Printing]]) -> ResultFact:
    """The finest printing among ``groups`` of the figure ``fact`` prints (the statement's
    4,000 million for a highlight's "JPY4.0 billion"): a ratio that holds only at the coarser
    precision does not hold."""
    finest = fact
    for group in groups:
        other = group[0][1]
        if other.decimals is not None and finest.decimals is not None \
                and other.decimals > finest.decimals and consistent(other, fact):
            finest = other
    return finest


_CURRENCY_UNIT = re.compile(r"([A-Z]{3})(Per|$)")


def _currency(unit: str | None) -> str | None:
    """The currency a unit is in ("JPY", "USDPerShares" -> "USD"), or None (shares, pure)."""
    found = _CURRENCY_UNIT.match(unit or "")
    return found.group(1) if found else None


def holds(quotient: ResultFact, top: ResultFact, bottom: ResultFact, truncate: bool) -> bool:
    assert quotient.value is not None and top.value is not None and bottom.value is not None
    if not bottom.value:
        return False
    # The U.S. dollar net income over the share count is the U.S. dollar per-share figure:
    # it says nothing of a yen per-share figure it happens to equal (a translation column's
    # figure read under the yen header).
    money = {_currency(quotient.unit), _currency(top.unit)}
    if None not in money and len(money) > 1:
        return False
    amounts = {_currency(top.unit), _currency(bottom.unit)}
    if None not in amounts and len(amounts) > 1:
        return False  # dollars over yen: no ratio of the release's
    # A per-share figure may be off its printed amounts by a unit of its own; a percentage of
    # two amounts is rounded from them (half a unit; a whole one where the release truncates):
    # 58.5 is not 57,153 / 97,842 = 58.41%.
    return abs(top.value / bottom.value - quotient.value) <= _slack(quotient, top, bottom,
                                                                    truncate)


def _slack(quotient: ResultFact, top: ResultFact, bottom: ResultFact, truncate: bool) -> Decimal:
    """How far a quotient may be from its printed terms' ratio and the ratio still hold: a
    per-share figure a unit of its own, a percentage of two amounts half a unit (a whole one
    where the release truncates), and what the terms' rounding moves the ratio by."""
    own = _unit_of(quotient) if _currency(quotient.unit) else half_unit(quotient, truncate)
    return own + _rounding(top, bottom, truncate)
