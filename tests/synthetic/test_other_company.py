"""A new company is a data file: a December-year-end company added to a copy of the taxonomy
as ``companies/<id>.yaml`` gets its releases read, dated by its own calendar, and filed."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.extract.pipeline import extract_release
from generator.model.taxonomy import Taxonomy
from generator.resources import taxonomy_dir
from generator.synthetic.release import synthetic_release
from generator.synthetic.render import LAYOUTS
from generator.synthetic.score import score_release
from generator.taxonomy.load import load_taxonomy

NORDWIND = """\
name: Nordwind Holdings Corporation
names: ["Nordwind Holdings Corporation", "Nordwind"]
ocr_names: ["N0rdwind"]
entity: {scheme: http://example.com/code, identifier: "55550"}
fiscal_year_end_month: 12
rounding: rounding
currency: JPY
"""


@pytest.fixture(scope="module")
def with_nordwind(tmp_path_factory: pytest.TempPathFactory) -> Taxonomy:
    root = tmp_path_factory.mktemp("taxonomy") / "taxonomy"
    shutil.copytree(taxonomy_dir(), root)
    (root / "companies" / "nordwind.yaml").write_text(NORDWIND, encoding="utf-8")
    return load_taxonomy(root)


@pytest.mark.parametrize("layout", LAYOUTS)
def test_a_company_added_as_data_has_its_release_filed_right(
        with_nordwind: Taxonomy, layout: str, tmp_path: Path) -> None:
    release = synthetic_release(with_nordwind, "nordwind", seed=1, fiscal_year=2026,
                                layout=layout)  # type: ignore[arg-type]
    path = tmp_path / release.name
    path.write_text(release.text, encoding="utf-8")
    extraction = extract_release(path, with_nordwind)
    assert extraction.results.company == "nordwind"
    assert (extraction.results.period.start.isoformat(), extraction.results.period.end.isoformat()
            ) == ("2026-01-01", "2026-06-30")
    defaults = {axis.name: axis.default for axis in with_nordwind.axes.values()}
    score = score_release(release.truth, extraction.results, default_members=defaults)
    assert score.filed_wrong == 0, [w.describe() for w in score.wrong]
    assert score.missed == 0  # held back: a scan's misread label figure ("l,064,817 shares")
    assert score.filed_right >= score.printed - 2
