"""Calculation 1.1 (rounding and truncation), the XBRL 2.1 summation rule, the balance/weight rule.

Why intervals: Calculation 1.1 treats each reported value as the interval of true values it could
stand for (half a unit of ``decimals`` either side when rounded, one unit above/below when
truncated); a summation is consistent when the parent's interval meets the weighted sum of the
children's. Exact arithmetic throughout (Decimal; Python ints for integer amounts), never float.

Why also XBRL 2.1 (``xbrl21``, on request): the XBRL 2.1 specification's own rule (5.2.5.2) is
what its conformance suite expects. Each contributing value is rounded to its decimals (inferred
from precision when only precision is given), the weighted sum is rounded to the total's
decimals and must equal the total so rounded; a binding with a duplicated item or total does not
occur, and Calculation 1.1's excess-digits rule does not apply.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import ROUND_HALF_EVEN, Decimal, InvalidOperation, getcontext
from functools import cache
from typing import Literal

from generator.validate.dts import Dts
from generator.validate.facttable import BIG_DEC, CALC, EXCESS, NO_DEC, NO_INT, FactTable
from generator.validate.findings import Finding, Severity
from generator.validate.instance import Context, Fact, Unit
from generator.validate.taxonomy import Concept
from generator.validate.xbrl21 import short

SUMMATION = "http://www.xbrl.org/2003/arcrole/summation-item"
CalcMode = Literal["rounding", "truncation", "xbrl21"]
_HALF = Decimal("0.5")
_MINUS_INF, _PLUS_INF = Decimal("-Infinity"), Decimal("Infinity")


@dataclass
class CalcModel:
    """Summation networks: (ELR, parent) -> [(child, weight)], plus taxonomy-level findings."""

    networks: dict[tuple[str, str], list[tuple[str, Decimal]]] = field(default_factory=dict)
    concepts: set[str] = field(default_factory=set)
    findings: list[Finding] = field(default_factory=list)


def build_model(dts: Dts, concepts: dict[str, Concept]) -> CalcModel:
    """Collect summation-item arcs and flag weights that contradict the concepts' balances."""
    model = CalcModel()
    for rel in dts.relationships:
        if rel.arcrole != SUMMATION:
            continue
        try:
            weight = Decimal(rel.weight or "1")
        except InvalidOperation:
            continue
        model.networks.setdefault((rel.elr, rel.source), []).append((rel.target, weight))
        model.concepts.update((rel.source, rel.target))
        parent, child = concepts.get(rel.source), concepts.get(rel.target)
        if parent and child and parent.balance and child.balance and weight:
            same = parent.balance == child.balance
            if same == (weight < 0):
                code = ("xbrl.5.1.1.2:balanceCalcWeightIllegalNegative" if same
                        else "xbrl.5.1.1.2:balanceCalcWeightIllegalPositive")
                model.findings.append(Finding(
                    code=code, severity=Severity.error,
                    message=f"Calculation arc {short(rel.source)} ({parent.balance}) -> "
                    f"{short(rel.target)} ({child.balance}) has weight {weight}; items of "
                    f"{'the same' if same else 'opposite'} balance need weight "
                    f"{'+1' if same else '-1'}. Fix the weight or the balance attribute.",
                    file=rel.file, line=rel.line, concept=short(rel.source)))
    return model


_QUANTA: dict[int, Decimal] = {}
_HALVES: dict[int, Decimal] = {}


def _quantum(dec: int) -> Decimal:
    """10**-decimals, cached: one Decimal per distinct decimals value."""
    q = _QUANTA.get(dec)
    if q is None:
        q = _QUANTA[dec] = Decimal(1).scaleb(-dec)
    return q


def _interval(v: Decimal, dec: int | None, mode: CalcMode) -> tuple[Decimal, Decimal]:
    if dec is None:
        return v, v
    if mode == "rounding":
        half = _HALVES.get(dec)
        if half is None:
            half = _HALVES[dec] = _quantum(dec) * _HALF
        return v - half, v + half
    unit = _quantum(dec)
    if v > 0:
        return v, v + unit
    if v < 0:
        return v - unit, v
    return -unit, unit


@cache
def _pow10(k: int) -> int:
    return int(10**k)


def _excess(fact: Fact) -> bool:
    dec = fact.dec
    if fact.value is None or dec is None:
        return False
    if dec < 0:
        # Fast path for the common case (e.g. millions): enough trailing zeros, no fraction.
        text = fact.text.strip()
        if "." not in text and "e" not in text.lower() and text.endswith("0" * -dec):
            return False
    return fact.value % _quantum(dec) != 0


Bound = tuple[Decimal | int, Decimal | int] | None


class CalcCollector:
    """Keeps a compact row per fact that takes part in summations, then checks them at the end.

    Rows live in a ``FactTable`` (shared with the duplicate collector in the pipeline); the
    bindings are formed one c-equal context class at a time, so memory holds ~60 bytes per fact
    and small per-context dictionaries only while that context is checked.
    """

    def __init__(self, file: str, model: CalcModel, mode: CalcMode = "rounding",
                 table: FactTable | None = None) -> None:
        self.file = file
        self.model = model
        self.mode = mode
        self.findings: list[Finding] = []
        self.table = table if table is not None else FactTable()

    def add(self, fact: Fact, ctx: Context | None, unit: Unit | None) -> None:
        """Bind one fact (after FactRules parsed its value) by c-equal context and u-equal unit."""
        if (fact.concept not in self.model.concepts or fact.value is None or ctx is None
                or unit is None or fact.in_tuple or (fact.dec is None and fact.decimals != "INF")):
            return
        table = self.table
        row = table.row_of(fact, ctx, unit, True)
        flags = CALC
        dec = fact.dec
        number = table.last_int  # the value as an int64 integer, if it is one
        if (_excess(fact) if number == NO_INT or dec is None
                else dec < 0 and number % _pow10(-dec) != 0):
            flags |= EXCESS
            self.findings.append(Finding(
                code="calc11e:excessDigits", severity=Severity.inconsistency,
                message=f"{short(fact.concept)} = {fact.value} has digits below its decimals "
                f"({fact.decimals}); round the value or raise decimals. Calculations using it "
                "are not checked.",
                file=self.file, line=fact.line, fact_id=fact.id,
                concept=short(fact.concept), context_id=fact.context_ref))
        table.flags[row] |= flags

    def _bound(self, group: int | list[int]) -> Bound:
        """The group's interval (truncation) or (centre, radius) (rounding); None if unusable.

        ``group`` is a row, or the rows of duplicate facts.
        """
        table, mode = self.table, self.mode
        flags = table.flags
        if isinstance(group, int):
            if flags[group] & EXCESS:
                return None
            # An integer value stays a Python int, and so do the sums over it, while the
            # radius is whole too (decimals < 0): exact, and cheaper than Decimal.
            iv = table.digest[group]
            v: Decimal | int = iv if iv != NO_INT else Decimal(table.text[group] or "")
            dec = table.dec[group]
            if dec == NO_DEC:
                return v, (v if mode != "rounding" else 0)
            if dec == BIG_DEC:
                dec = table.big_decimals(group)
            if mode != "rounding":
                return _interval(Decimal(v), dec, mode)
            if dec < 0 and iv != NO_INT:
                return v, 5 * 10 ** (-dec - 1)
            half = _HALVES.get(dec)
            if half is None:
                half = _HALVES[dec] = _quantum(dec) * _HALF
            return v, half
        if any(flags[row] & EXCESS for row in group):
            return None
        # Duplicates: the intersection of their intervals; None when they are inconsistent.
        lo, hi = _MINUS_INF, _PLUS_INF
        for row in group:
            w = table.value(row)
            assert w is not None
            a, b = _interval(w, table.decimals_of(row), mode)
            lo, hi = max(lo, a), min(hi, b)
        if lo > hi:
            return None
        if mode != "rounding":
            return lo, hi
        return (lo + hi) / 2, (hi - lo) / 2

    def finish(self) -> list[Finding]:
        """Test every summation binding; returns all calculation findings.

        Bindings are checked per c-equal context class; findings come out in network order,
        then in the order each binding's parent was first read (as a per-key index would).
        """
        if not self.model.networks:
            return self.findings
        mode = self.mode
        code = ("calc11e:inconsistentCalculationUsingRounding" if mode == "rounding"
                else "calc11e:inconsistentCalculationUsingTruncation")
        table = self.table
        order, starts = table.by_context()
        # Networks by parent, concepts as the table's concept indexes (-1: no fact of it).
        ids = {name: i for i, name in enumerate(table.concepts)}
        nets: dict[int, list[tuple[int, str, list[tuple[int, Decimal]]]]] = {}
        for index, ((elr, parent), children) in enumerate(self.model.networks.items()):
            if parent in ids:
                nets.setdefault(ids[parent], []).append(
                    (index, elr, [(ids.get(child, -1), weight) for child, weight in children]))
        flags, concepts, units = table.flags, table.concept, table.unit
        found: list[tuple[int, int, Finding]] = []
        check, bound_of = self._check, self._bound
        lo = 0
        for hi in starts[1:]:
            # One c-equal context class: its rows are order[lo:hi], in reading order.
            groups: dict[tuple[int, int], int | list[int]] = {}
            for i in range(lo, hi):
                row = order[i]
                if flags[row] & CALC:
                    key = (concepts[row], units[row])
                    seen = groups.get(key)
                    if seen is None:
                        groups[key] = row
                    elif isinstance(seen, list):
                        seen.append(row)
                    else:
                        groups[key] = [seen, row]
            lo = hi
            if not groups:
                continue
            bounds: dict[tuple[int, int], Bound] = {}
            for pkey, pgroup in groups.items():
                parent_nets = nets.get(pkey[0])
                if parent_nets is None:
                    continue
                pb = bounds[pkey] if pkey in bounds else bounds.setdefault(pkey, bound_of(pgroup))
                if pb is None:
                    continue
                u = pkey[1]
                for index, elr, kids in parent_nets:
                    result = check(pb, kids, u, groups, bounds)
                    if result is not None:
                        first = pgroup if isinstance(pgroup, int) else pgroup[0]
                        found.append((index, first,
                                      self._report(code, elr, table.concepts[pkey[0]], first,
                                                   *result)))
        found.sort(key=lambda item: (item[0], item[1]))
        self.findings.extend(f for _, _, f in found)
        return self.findings

    def _check(self, pb: tuple[Decimal | int, Decimal | int], children: list[tuple[int, Decimal]],
               u: int, groups: dict[tuple[int, int], int | list[int]],
               bounds: dict[tuple[int, int], Bound]) -> tuple[Decimal, Decimal] | None:
        """(lo, hi) of the children's sum when it contradicts the parent, else None."""
        rounding = self.mode == "rounding"
        lo: Decimal | int = 0  # truncation: interval sum; rounding: (total, slack)
        hi: Decimal | int = 0
        bound = False
        for child, weight in children:
            ckey = (child, u)
            cgroup = groups.get(ckey)
            if cgroup is None:
                continue
            cb = bounds[ckey] if ckey in bounds else bounds.setdefault(ckey, self._bound(cgroup))
            if cb is None:
                return None
            bound = True
            if rounding:
                if weight == 1:
                    lo += cb[0]
                    hi += cb[1]
                elif weight == -1:
                    lo -= cb[0]
                    hi += cb[1]
                else:
                    lo += weight * cb[0]
                    hi += abs(weight) * cb[1]
            elif weight == 1:
                lo, hi = lo + cb[0], hi + cb[1]
            else:
                a, b = cb[0] * weight, cb[1] * weight
                lo, hi = lo + min(a, b), hi + max(a, b)
        if not bound:
            return None
        if rounding:
            total, slack = lo, hi
            if abs(total - pb[0]) <= slack + pb[1]:  # type: ignore[operator]  # int|Decimal
                return None
            return Decimal(total - slack), Decimal(total + slack)
        if _overlaps((lo, hi), pb, self.mode):
            return None
        return Decimal(lo), Decimal(hi)

    def _report(self, code: str, elr: str, parent: str, row: int, lo: Decimal,
                hi: Decimal) -> Finding:
        pf = self.table.fact(row)
        return Finding(
            code=code, severity=Severity.inconsistency,
            message=f"{short(parent)} = {pf.value} (decimals {pf.decimals}) does not "
            f"match the sum of its children, which lies in [{lo.normalize():f}, "
            f"{hi.normalize():f}] ({self.mode}); ELR {elr}. Check the children's values or "
            "the calculation weights.",
            file=self.file, line=pf.line, fact_id=pf.id, concept=short(parent),
            context_id=pf.context_ref)


def _overlaps(a: tuple[Decimal | int, Decimal | int], b: tuple[Decimal | int, Decimal | int],
              mode: CalcMode) -> bool:
    if mode == "rounding" or a[0] == a[1] or b[0] == b[1]:
        return a[0] <= b[1] and b[0] <= a[1]
    return a[0] < b[1] and b[0] < a[1]


def _decimals21(fact: Fact) -> int | None:
    """XBRL 2.1 decimals of a fact (4.6.6: inferred from precision); None: exact (INF).

    Raises ValueError when they cannot be known (precision 0).
    """
    if fact.decimals == "INF" or fact.precision == "INF":
        return None
    if fact.precision is not None and fact.decimals is None:
        p = int(fact.precision.strip())
        if p == 0:
            raise ValueError("precision 0")
        value = fact.value
        if value is None or value == 0:
            return None
        return p - value.copy_abs().adjusted() - 1
    return fact.dec


def _half_even() -> Callable[[Decimal, Decimal], Decimal]:
    """``quantize`` rounding half to even with the precision and traps in force.

    A context's own quantize() skips parsing a keyword argument per value.
    """
    context = getcontext().copy()
    context.rounding = ROUND_HALF_EVEN
    return context.quantize


def _round21(value: Decimal, dec: int | None,
             quantize: Callable[[Decimal, Decimal], Decimal]) -> Decimal:
    """Round half to even at ``dec`` decimals (the XBRL 2.1 rounding Arelle applies).

    ``quantize`` is :func:`_half_even`'s, made once per collector.
    """
    if dec is not None and -28 <= dec <= 28 and value.is_finite():
        return quantize(value, _quantum(dec))
    return value


class Calc21Collector:
    """The XBRL 2.1 summation rule (5.2.5.2): bindings of non-nil, non-duplicated facts.

    Kept apart from :class:`CalcCollector` (whose compact rows serve Calculation 1.1 on very
    large filings): this mode serves conformance checking and is asked for explicitly.

    Scope in tuples: a contributing item binds to a summation item when it is a descendant of
    the summation item's parent (a sibling, or inside a sibling tuple at any depth), so a top
    level total sums the items of every tuple too (testcases 397 V-15, V-16, V-22). Duplicates
    (4.10) are items of one concept, c-equal and u-equal, with the same parent; a binding with a
    duplicated total or contributing item does not occur (397 V-19).
    """

    CODE = "xbrl.5.2.5.2:calcInconsistency"

    def __init__(self, file: str, model: CalcModel) -> None:
        self.file = file
        self.model = model
        self.findings: list[Finding] = []
        # (concept, parent, c-equal class, u-equal class) -> facts with that parent
        self.siblings: dict[tuple[str, int, int, int], list[Fact]] = {}
        # (concept, ancestor, c-equal class, u-equal class) -> facts below that ancestor. None
        # until a fact in a tuple comes: with top-level facts only it is ``siblings`` itself.
        self.below: dict[tuple[str, int, int, int], list[Fact]] | None = None

    def add(self, fact: Fact, ctx: Context | None, unit: Unit | None) -> None:
        """Bind one fact by concept, c-equal context, u-equal unit and its ancestors."""
        concept = fact.concept
        if (concept not in self.model.concepts or (fact.value is None and not fact.nil)
                or ctx is None or unit is None):
            return  # nil facts are kept: they count as duplicates, though they add nothing
        c, u = ctx.cls, unit.cls
        tuples = fact.tuples
        key = (concept, tuples[-1] if tuples else 0, c, u)
        siblings, below = self.siblings, self.below
        if tuples and below is None:  # the first fact in a tuple: below, as it is so far
            below = self.below = {k: list(v) for k, v in siblings.items()}
        group = siblings.get(key)
        if group is None:
            siblings[key] = [fact]
        else:
            group.append(fact)
        if not tuples:  # at the top level, its only ancestor is its parent: the same key
            if below is None:
                return
            group = below.get(key)
            if group is None:
                below[key] = [fact]
            else:
                group.append(fact)
            return
        assert below is not None
        for ancestor in (0, *tuples):
            below.setdefault((concept, ancestor, c, u), []).append(fact)

    def _duplicated(self, fact: Fact, c: int, u: int) -> bool:
        return len(self.siblings[(fact.concept, fact.parent, c, u)]) > 1

    def finish(self) -> list[Finding]:
        """Test every binding; one inconsistency per total and network that fails."""
        networks = self.model.networks
        parents = {parent for _, parent in networks}
        by_concept: dict[str, list[tuple[int, int, int]]] = {}
        for key in self.siblings:
            if key[0] in parents:
                by_concept.setdefault(key[0], []).append(key[1:])
        quantize = _half_even()
        for (elr, parent_concept), children in networks.items():
            for parent, c, u in by_concept.get(parent_concept, []):
                totals = self.siblings[(parent_concept, parent, c, u)]
                if len(totals) > 1 or totals[0].value is None:
                    continue  # a duplicated or nil total is not bound
                self._check(elr, totals[0], children, parent, c, u, quantize)
        return self.findings

    def _check(self, elr: str, total: Fact, children: list[tuple[str, Decimal]], parent: int,
               c: int, u: int, quantize: Callable[[Decimal, Decimal], Decimal]) -> None:
        """One binding: the total against its contributing items below ``parent``.

        The items' decimals are :func:`_decimals21` inlined for the usual item (decimals, no
        precision): this loop runs for every binding.
        """
        value = total.value
        assert value is not None
        siblings = self.siblings
        below = self.below if self.below is not None else siblings
        try:
            summed, bound = Decimal(0), False
            for child, weight in children:
                items = below.get((child, parent, c, u))
                if not items:
                    continue
                here = siblings.get((child, parent, c, u))  # the items whose parent is parent
                for item in items:
                    tuples = item.tuples
                    own = tuples[-1] if tuples else 0
                    group = here if own == parent else siblings[(child, own, c, u)]
                    if group is not None and len(group) > 1:
                        return  # a duplicated item: no binding
                    v = item.value
                    if v is None:
                        continue  # nil
                    dec = item.dec if item.precision is None else _decimals21(item)
                    summed += _round21(v, dec, quantize) * weight
                    bound = True
            if not bound:
                return
            dec = _decimals21(total)
        except ValueError:  # precision 0: no value can be rounded to it
            dec, summed = 0, Decimal("NaN")
        reported, computed = _round21(value, dec, quantize), _round21(summed, dec, quantize)
        if computed.is_nan() or reported != computed:
            self.findings.append(Finding(
                code=self.CODE, severity=Severity.inconsistency,
                message=f"{short(total.concept)} = {total.value} does not match the sum of its "
                f"children, {computed} once rounded to its decimals (XBRL 2.1 5.2.5.2); "
                f"ELR {elr}. Check the children's values or the calculation weights.",
                file=self.file, line=total.line, fact_id=total.id,
                concept=short(total.concept), context_id=total.context_ref))
