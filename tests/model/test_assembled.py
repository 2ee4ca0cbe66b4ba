"""Facts the map stage assembles without validation equal the validated ones, and a part the
field validators would refuse is still refused (by full validation)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from pydantic import ValidationError

from generator.model.fact import Provenance
from generator.model.period import Duration, Instant
from generator.model.results import ResultFact

PERIOD = Duration(start=dt.date(2020, 4, 1), end=dt.date(2021, 3, 31))


def _both(value: Decimal | None, decimals: int | None) -> tuple[ResultFact, ResultFact]:
    source = Provenance(document="d", line=3, text="1", table="n", corrections=())
    fast = ResultFact.of_cell("Sales", PERIOD, {"A": "B"}, "JPY", value, decimals,
                              Provenance.of_cell("d", 3, "1", "n", ()))
    slow = ResultFact(concept="Sales", period=PERIOD, dimensions={"A": "B"}, unit="JPY",
                      value=value, decimals=decimals, source=source)
    return fast, slow


@pytest.mark.parametrize(("value", "decimals"), [
    (Decimal("123000000"), -6), (Decimal("4.25"), 2), (None, None), (Decimal(0), None)])
def test_assembled_equals_validated(value: Decimal | None, decimals: int | None) -> None:
    fast, slow = _both(value, decimals)
    assert fast == slow
    assert fast.model_dump_json() == slow.model_dump_json()
    assert fast.model_fields_set == slow.model_fields_set
    assert fast.source.model_fields_set == slow.source.model_fields_set
    assert fast.context == slow.context
    moved = fast.model_copy(update={"period": Instant(date=dt.date(2021, 3, 31))})
    assert moved.context[0] == "@2021-03-31"


@pytest.mark.parametrize(("value", "decimals"), [
    (Decimal("1E+70"), None), (Decimal("NaN"), None), (None, -6), (Decimal(1), 99)])
def test_refused_parts_are_still_refused(value: Decimal | None, decimals: int | None) -> None:
    with pytest.raises(ValidationError):
        ResultFact.of_cell("Sales", PERIOD, {}, "JPY", value, decimals,
                           Provenance.of_cell("d", 3, "1", "n", ()))


def test_a_line_that_is_no_line_number_is_refused() -> None:
    with pytest.raises(ValidationError):
        Provenance.of_cell("d", 0, "1", "n", ())
