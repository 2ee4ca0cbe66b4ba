"""XBRL International's conformance suites as tests: one case per variation.

Each case validates the variation's readMeFirst instance with xbrlgen (XBRL 2.1 summation
rule, no Units Registry: what the suites expect) and asserts the expected verdict (valid
<=> no error or inconsistency finding) and, where the testcase names error codes, their family
(the code's prefix: ``xbrldie``, ``xbrldte``; ``sche`` is any ``xmlSchema`` error).
Variations xbrlgen does not agree with yet are listed in ``known-failures.txt`` with the
measured reason and run as ``xfail(strict=True)``: a fix shows up as XPASS (remove its line), a
regression as a failure. Schema and linkbase entry points run
the same way (their whole DTS against the taxonomy rules).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.validate import conformance
from generator.validate.conformance import Variation

HERE = Path(__file__).parent
ZIPS = sorted(HERE.glob("*.zip"))
SUITES = {z.stem: conformance.read_suite(z) for z in ZIPS}


def _known_failures() -> dict[str, str]:
    out: dict[str, str] = {}
    for raw in (HERE / "known-failures.txt").read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if line and not line.startswith("#"):
            key, _, reason = line.partition(" ")
            out[key] = reason.strip()
    return out


KNOWN = _known_failures()


def _case_id(stem: str, v: Variation) -> str:
    return f"{stem}/{v.key}"


def _params() -> list[object]:
    params: list[object] = []
    for stem, suite in SUITES.items():
        for v in suite.variations:
            case = _case_id(stem, v)
            marks = []
            if case in KNOWN:
                marks.append(pytest.mark.xfail(strict=True, reason=KNOWN[case]))
            params.append(pytest.param(stem, v, id=case, marks=marks))
    return params


def test_suites_are_vendored() -> None:
    assert {z.name for z in ZIPS} == {"XBRL-CONF-2014-12-10.zip", "xdt-conf-cr4-2009-10-06.zip"}


def test_index_reader_lists_every_variation() -> None:
    xbrl21 = SUITES["XBRL-CONF-2014-12-10"]
    xdt = SUITES["xdt-conf-cr4-2009-10-06"]
    assert xbrl21.index == "XBRL-CONF-2014-12-10/xbrl.xml"
    assert (len(xbrl21.variations), len(xdt.variations)) == (548, 337)
    for suite in (xbrl21, xdt):
        assert len({v.key for v in suite.variations}) == len(suite.variations)
        assert all(v.read_me_first for v in suite.variations)
    kinds = [sum(1 for v in s.variations if v.kind == "instance") for s in (xbrl21, xdt)]
    assert kinds == [370, 240]
    # The Dimensions suite names error codes; none means valid.
    coded = [v for v in xdt.variations if v.codes]
    assert coded and all(v.expected == "invalid" for v in coded)


def test_known_failures_name_real_variations() -> None:
    ids = {_case_id(stem, v) for stem, s in SUITES.items() for v in s.variations}
    assert set(KNOWN) <= ids, sorted(set(KNOWN) - ids)
    assert all(KNOWN.values())


@pytest.mark.conformance
@pytest.mark.parametrize(("stem", "variation"), _params())
def test_variation(stem: str, variation: Variation, suites_root: Path) -> None:
    outcome = conformance.run_variation(suites_root / stem, variation)
    assert outcome.verdict == variation.expected, (variation.name, outcome.codes)
    # Where the testcase names error codes, xbrlgen's must include each one's family.
    assert conformance.families_agree(variation.codes, outcome.codes), (
        variation.name, variation.codes, outcome.codes)


def test_code_families() -> None:
    assert conformance.code_family("xbrldie:PrimaryItemDimensionallyInvalidError") == "xbrldie"
    assert conformance.families_agree(("sche:XmlSchemaError",), ("xmlSchema:valueError",))
    assert not conformance.families_agree(("xbrldte:TypedDimensionError",),
                                          ("xbrldie:RepeatedDimensionInInstanceError",))
    assert conformance.families_agree((), ())
