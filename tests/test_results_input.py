"""Results JSON given to ``build``: figures are decimal strings (JSON numbers are refused, never
converted through a binary float); every problem is one line with its JSON path; exit code 2."""

from __future__ import annotations

import copy
import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from generator.build import MAX_PROBLEMS, ResultsFileError, json_path, load_results
from generator.cli import main
from generator.model.fact import MAX_DIGITS
from generator.model.results import ResultFact, Results

FACT: dict[str, Any] = {
    "concept": "Revenues", "unit": "JPY", "value": "1000", "decimals": -3,
    "period": {"kind": "duration", "start": "2010-04-01", "end": "2010-09-30"},
    "source": {"document": "hand.json", "line": 7},
}
RESULTS: dict[str, Any] = {
    "company": "iij", "document": "hand.json",
    "period": {"kind": "H1", "start": "2010-04-01", "end": "2010-09-30",
               "fiscal_year_start": "2010-04-01", "fiscal_year_end": "2011-03-31",
               "label": "1H FY2010"},
    "facts": [FACT],
}


def _results(*facts: dict[str, Any], **top: Any) -> dict[str, Any]:
    data = copy.deepcopy(RESULTS) | top
    data["facts"] = [copy.deepcopy(FACT) | f for f in facts] if facts else data["facts"]
    return data


def _build(tmp_path: Path, text: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, list[str]]:
    path = tmp_path / "results.json"
    path.write_text(text)
    code = main(["build", str(path), "--out", str(tmp_path / "out"), "--no-arelle"])
    err = capsys.readouterr().err
    assert "Traceback" not in err
    return code, err.splitlines()


def test_a_float_value_is_refused_naming_its_json_path(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = json.dumps(_results({}, {}, {}, {"value": 1234.5}))
    code, lines = _build(tmp_path, text, capsys)
    assert code == 2
    assert lines == [
        f"xbrlgen: {tmp_path / 'results.json'}: not a results file: facts[3].value: a figure "
        'must be a decimal string, e.g. "1234.5", not a JSON number (got 1234.5)'
    ]
    assert not (tmp_path / "out").exists()


def test_a_json_integer_value_is_refused_too() -> None:
    with pytest.raises(ValidationError, match="decimal string"):
        Results.model_validate_json(json.dumps(_results({"value": 1000})))


def test_a_python_int_or_decimal_is_exact_and_accepted_a_python_float_is_not() -> None:
    assert ResultFact.model_validate(FACT | {"value": 1000}).value == Decimal(1000)
    assert ResultFact.model_validate(FACT | {"value": Decimal("1E+3")}).value == Decimal(1000)
    with pytest.raises(ValidationError, match="decimal string"):
        ResultFact.model_validate(FACT | {"value": 1000.0})


@settings(max_examples=50, deadline=None)
@given(value=st.floats(allow_nan=False, allow_infinity=False))
def test_no_json_float_is_ever_converted(value: float) -> None:
    with pytest.raises(ValidationError, match="decimal string"):
        Results.model_validate_json(json.dumps(_results({"value": value})))


@settings(max_examples=50, deadline=None)
@given(value=st.decimals(allow_nan=False, allow_infinity=False, places=None).filter(
    lambda d: len(format(d, "f").lstrip("-").replace(".", "")) <= 40))
def test_a_decimal_string_is_read_exactly(value: Decimal) -> None:
    data = _results({"value": format(value, "f"), "decimals": None})
    assert Results.model_validate_json(json.dumps(data)).facts[0].value == value


def test_a_40_digit_value_builds(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    value = "1234567890123456789012345678901234567000"
    code, _ = _build(tmp_path, json.dumps(_results({"value": value})), capsys)
    assert code == 0
    instance = next((tmp_path / "out").glob("*.xbrl")).read_text()
    assert f">{value}<" in instance


def test_a_40_digit_value_with_digits_below_its_decimals_is_a_finding_not_a_crash(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    value = "1234567890123456789012345678901234567891"
    code, lines = _build(tmp_path, json.dumps(_results({"value": value})), capsys)
    assert code == 1
    assert any("has digits below its decimals -3" in line for line in lines)


def test_a_figure_too_long_to_write_out_is_refused() -> None:
    with pytest.raises(ValidationError, match=f"at most {MAX_DIGITS}"):
        Results.model_validate_json(json.dumps(_results({"value": "1E+999999999"})))


def test_a_missing_unit_is_one_line_naming_its_path(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = _results({})
    del data["facts"][0]["unit"]
    code, lines = _build(tmp_path, json.dumps(data), capsys)
    assert code == 2
    assert lines == [f"xbrlgen: {tmp_path / 'results.json'}: not a results file: "
                     "facts[0].unit: Field required"]


def test_malformed_json_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, lines = _build(tmp_path, '{"company": ', capsys)
    assert code == 2 and len(lines) == 1
    assert lines[0].endswith("not a results file: Invalid JSON: EOF while parsing a value at "
                             "line 1 column 12")


def test_an_unknown_format_version_says_which_it_got(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, lines = _build(tmp_path, json.dumps(_results(format_version=99)), capsys)
    assert code == 2
    assert lines == [f"xbrlgen: {tmp_path / 'results.json'}: not a results file: "
                     "format_version: Input should be 1 (got 99)"]


def test_every_problem_is_its_own_line_and_a_union_s_tag_is_not_in_the_path(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = _results({"value": 1.5}, {"period": {"kind": "duration", "start": "x",
                                                "end": "2010-09-30"}})
    code, lines = _build(tmp_path, json.dumps(data), capsys)
    assert code == 2
    assert [line.split("not a results file: ")[1].split(":")[0] for line in lines] == [
        "facts[0].value", "facts[1].period.start"]


def test_many_problems_list_the_first_few_and_a_count(tmp_path: Path) -> None:
    path = tmp_path / "results.json"
    path.write_text(json.dumps(_results(*[{"value": 1.5}] * (MAX_PROBLEMS + 5))))
    with pytest.raises(ResultsFileError) as caught:
        load_results(path)
    assert len(caught.value.problems) == MAX_PROBLEMS + 1
    assert caught.value.problems[-1] == "... and 5 more problem(s)"


@pytest.mark.parametrize(("loc", "path"), [
    (("facts", 3, "value"), "facts[3].value"), (("format_version",), "format_version"),
    ((), ""), (("facts", 0, "source", "corrections", 1, "corrected"),
               "facts[0].source.corrections[1].corrected"),
])
def test_json_path(loc: tuple[int | str, ...], path: str) -> None:
    assert json_path(loc) == path
