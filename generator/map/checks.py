"""Input checks on one result fact against the taxonomy: each returns a problem or None.

They run before anything is generated, so a broken input is rejected with a message that names
the fact (concept, period, source line) rather than surfacing later as a validator code.
"""

from __future__ import annotations

from decimal import Decimal

from generator.model.concept import Concept, DataType, PeriodType
from generator.model.period import Duration
from generator.model.results import ResultFact
from generator.model.taxonomy import Taxonomy
from generator.model.unit import Unit

ISO4217 = "http://www.xbrl.org/2003/iso4217"
XBRLI = "http://www.xbrl.org/2003/instance"


def _is(unit: Unit, namespace: str, local: str | None = None) -> bool:
    return (
        not unit.denominator
        and len(unit.numerator) == 1
        and unit.numerator[0].namespace == namespace
        and (local is None or unit.numerator[0].local_name == local)
    )


def unit_problem(concept: Concept, unit: Unit) -> str | None:
    """Why ``unit`` cannot measure ``concept`` (XBRL 2.1 4.8.2 and the UTR), or None."""
    kind = concept.data_type
    if kind is DataType.MONETARY and not _is(unit, ISO4217):
        return f"monetary concept needs a currency unit (iso4217), not {unit.id}"
    if kind is DataType.SHARES and not _is(unit, XBRLI, "shares"):
        return f"shares concept needs unit xbrli:shares, not {unit.id}"
    if kind is DataType.PURE and not _is(unit, XBRLI, "pure"):
        return f"pure concept needs unit xbrli:pure, not {unit.id}"
    if kind is DataType.PER_SHARE and not (
        len(unit.numerator) == 1
        and unit.numerator[0].namespace == ISO4217
        and len(unit.denominator) == 1
        and unit.denominator[0].local_name == "shares"
    ):
        return f"per-share concept needs a currency-per-shares unit, not {unit.id}"
    if kind in (DataType.COUNT, DataType.BANDWIDTH, DataType.DECIMAL) and (
        _is(unit, ISO4217) or unit.is_divide
    ):
        return f"{kind.value} concept cannot use unit {unit.id}"
    return None


class FactChecker:
    """Every reason a fact cannot go into an instance. The part that depends only on (concept,
    unit, period type, dimensions) is cached: 100,000 facts have a few hundred such shapes."""

    def __init__(self, taxonomy: Taxonomy) -> None:
        self.taxonomy = taxonomy
        self._shapes: dict[tuple[object, ...], list[str]] = {}

    def problems(self, fact: ResultFact) -> list[str]:
        shape = (
            fact.concept,
            fact.unit,
            isinstance(fact.period, Duration),
            tuple(fact.dimensions.items()),
            fact.text is not None,
        )
        static = self._shapes.get(shape)
        if static is None:
            static = self._shapes[shape] = shape_problems(fact, self.taxonomy)
        if fact.value is None or fact.concept not in self.taxonomy.concepts:
            return static
        return [*static, *_precision_problems(fact.value, fact.decimals)]


def shape_problems(fact: ResultFact, taxonomy: Taxonomy) -> list[str]:
    """The problems that depend only on concept, unit, period type and dimensions."""
    concept = taxonomy.concepts.get(fact.concept)
    if concept is None:
        return [f"unknown concept {fact.concept!r}: declare it in taxonomy/networks/*.yaml"]
    if concept.abstract or concept.data_type in (DataType.DOMAIN, DataType.DATE):
        return [f"concept {fact.concept} is abstract, a member or a date: it cannot carry "
                "a value here"]
    problems = []
    is_duration = isinstance(fact.period, Duration)
    if is_duration != (concept.period_type is PeriodType.DURATION):
        problems.append(
            f"{fact.concept} has periodType {concept.period_type.value} but the fact's period "
            f"{fact.period} is {'a duration' if is_duration else 'an instant'} (xbrl.4.7.2)"
        )
    if not concept.data_type.is_numeric:
        if fact.value is not None:
            problems.append(f"text concept {fact.concept} takes 'text', not a figure")
        if fact.unit is not None:
            problems.append(f"text concept {fact.concept} takes no unit (xbrl.4.6.2)")
    elif fact.text is not None:
        problems.append(f"numeric concept {fact.concept} takes a figure, not 'text'")
    elif fact.unit is None:
        problems.append(f"numeric concept {fact.concept} needs a unit (xbrl.4.6.2)")
    elif fact.unit not in taxonomy.units:
        problems.append(f"unit {fact.unit!r} is not declared in taxonomy/taxonomy.yaml units")
    else:
        problem = unit_problem(concept, taxonomy.units[fact.unit])
        if problem:
            problems.append(problem)
    for axis_name, member in fact.dimensions.items():
        axis = taxonomy.axes.get(axis_name)
        if axis is None:
            problems.append(f"unknown axis {axis_name!r}")
        elif member != axis.default and axis.member(member) is None:
            problems.append(f"{member!r} is not a member of {axis_name}")
    return problems


def _below(value: Decimal, decimals: int) -> bool:
    """Whether ``value`` has a non-zero digit below ``decimals`` (10**-decimals), read from its
    digits: exact at any length, where ``value % 10**-decimals`` needs the context's precision
    (28 digits) for the quotient."""
    _, digits, exponent = value.as_tuple()
    assert isinstance(exponent, int)  # finite
    return any(d and exponent + i < -decimals for i, d in enumerate(reversed(digits)))


def _precision_problems(value: Decimal, decimals: int | None) -> list[str]:
    if decimals is None:
        return ["a numeric value needs decimals (its printed precision)"]
    if not value.is_finite():
        return [f"value {value} is not a finite number"]
    if _below(value, decimals):
        return [f"value {value} has digits below its decimals {decimals} (calc11e:excessDigits)"]
    return []
