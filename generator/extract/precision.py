"""Precision arithmetic for printed figures: rounding to a fact's decimals, whether two
printings of one figure agree, the rounding slack of a sum, and whether a printed token can be a
misprint of another value (a few digits off) rather than a figure from another row or column."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal
from typing import NamedTuple

from generator.model.results import ResultFact

#: A check tells which figures were printed only when their rounding moves what it computes
#: (a ratio's quotient, a % or an amount change) by less than this share of it: "JPY 15" over a
#: misplaced 14 is 7.1% give or take 7.4 points, and a net income "000" over 242 shares allows
#: any EPS up to 2,066 yen.
TELLING = Decimal("0.1")


def round_to(value: Decimal, decimals: int, truncate: bool = False) -> Decimal:
    quantum = Decimal(1).scaleb(-decimals)
    return value.quantize(quantum, rounding=ROUND_DOWN if truncate else ROUND_HALF_UP)


def agrees(precise: Decimal, rough: ResultFact, truncate: bool = False) -> bool:
    """Would ``precise``, printed at ``rough``'s precision, read as ``rough``'s value?"""
    if rough.value is None or rough.decimals is None:
        return False
    return round_to(precise, rough.decimals, truncate) == rough.value


def consistent(fact: ResultFact, other: ResultFact, slack_units: int = 0) -> bool:
    """Do two printings of one figure agree, reading the more precise at the other's precision
    (with ``slack_units`` of the rougher one's last digit allowed)?"""
    if fact.value is None or other.value is None:
        return fact.value is None and other.value is None
    if fact.decimals is None or other.decimals is None:
        return fact.value == other.value
    rough, fine = (other, fact) if other.decimals <= fact.decimals else (fact, other)
    assert rough.value is not None and fine.value is not None and rough.decimals is not None
    slack = Decimal(1).scaleb(-rough.decimals) * slack_units
    return abs(round_to(fine.value, rough.decimals) - rough.value) <= slack


#: The unit of counts (contracts, subscriptions): printed in full, a count is not rounded.
COUNTED = "Contracts"


def exact_count(fact: ResultFact) -> bool:
    """Whether ``fact`` is a count printed to the unit: the figure itself, nothing rounded
    away (a sum of counts, or their change, holds exactly or not at all)."""
    return fact.unit == COUNTED and fact.decimals is not None and fact.decimals >= 0


def half_unit(fact: ResultFact, truncate: bool) -> Decimal:
    """How far the figure behind ``fact`` may be from what is printed: half a unit of its last
    digit (a unit if truncated), nothing for a count printed in full."""
    if fact.decimals is None or exact_count(fact):
        return Decimal(0)
    unit = Decimal(1).scaleb(-fact.decimals)
    return unit if truncate else unit / 2


class MemberSum(NamedTuple):
    """How a breakdown's members add up to their total: ``holds`` as printed, or only with
    ``deducted`` subtracted (a member printed as a positive deduction, "Elimination 206"),
    and their sum as printed; ``within``: how far off a member may be and the sum still hold
    (their rounding and what the sum misses by)."""

    holds: bool
    deducted: ResultFact | None
    computed: Decimal
    within: Decimal = Decimal(0)


def member_sum(total: ResultFact, members: Sequence[ResultFact], truncate: bool) -> MemberSum:
    """Whether ``members`` add up to ``total`` within their rounding, as printed or with
    exactly one of them subtracted (one the proof, the cross-checks and the sign check ask
    alike)."""
    assert total.value is not None
    computed = sum((m.value or Decimal(0) for m in members), Decimal(0))
    tolerance = half_unit(total, truncate) + sum((half_unit(m, truncate) for m in members),
                                                 Decimal(0))
    if abs(total.value - computed) <= tolerance:
        return MemberSum(True, None, computed, pin_within(tolerance, total.value - computed))
    flips = [m for m in members
             if m.value and abs(total.value - computed + 2 * m.value) <= tolerance]
    if len(flips) != 1:
        return MemberSum(False, None, computed)
    flip = flips[0]
    assert flip.value is not None
    return MemberSum(True, flip, computed,
                     pin_within(tolerance, total.value - computed + 2 * flip.value))


def pin_within(tolerance: Decimal, off: Decimal) -> Decimal:
    """How closely a sum of rounded figures that misses by ``off`` within ``tolerance`` pins
    each of them: a part off by less than this still adds up (member and declared sums)."""
    return tolerance + abs(off)


def _digits(fact: ResultFact, value: Decimal) -> str:
    """``value`` as it would be printed in ``fact``'s table: digits only, at its precision."""
    assert fact.decimals is not None
    return str(abs(value.scaleb(fact.decimals).to_integral_value()))


def edit_distance(a: str, b: str) -> int:
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1,
                               previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]


def plausible_misprint(fact: ResultFact, wanted: Decimal, max_edits: int = 2) -> bool:
    """Could the printed token be a misprint (dropped, doubled or misread digits, lost sign) of
    ``wanted``? A figure from the wrong column or row is not: it is left for a human."""
    if fact.value is None or fact.decimals is None:
        return False
    return edit_distance(_digits(fact, fact.value), _digits(fact, wanted)) <= max_edits


def one_digit_off(fact: ResultFact, wanted: Decimal) -> bool:
    """Printed with the same number of digits as ``wanted`` and one of them different: the
    commonest misreading ("20,652,287" for 29,652,287)."""
    if fact.value is None or fact.decimals is None:
        return False
    printed, other = _digits(fact, fact.value), _digits(fact, wanted)
    if len(printed) != len(other):
        return False
    return sum(a != b for a, b in zip(printed, other, strict=True)) == 1
