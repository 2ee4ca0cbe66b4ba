"""libxml2 and xmlschema must give the same schema verdict on every parity-corpus instance."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urljoin

import pytest
from lxml import etree
from validate_corpus import MUTATIONS, VALID_VARIANTS, Mutation, write_case

from generator.validate.dts import UrlMapper
from generator.validate.instance import read_head
from generator.validate.pipeline import load_dts, validate_file
from generator.validate.safe_xml import parse
from generator.validate.schema import validate_tree

UNPARSEABLE = {"doctype_refused", "malformed_xml"}
CASES = [None, *VALID_VARIANTS, *(m for m in MUTATIONS if m.name not in UNPARSEABLE)]


def _verdicts(path: Path) -> tuple[bool, bool]:
    head = read_head(path)
    base = path.resolve().as_uri()
    loaded = load_dts([urljoin(base, href) for _, href, _ in head.refs], UrlMapper())
    tree = parse(path)
    lx = validate_tree(tree, loaded.schemas, str(path), "lxml")
    xs = validate_tree(tree, loaded.schemas, str(path), "xmlschema")
    return not lx, not xs


@pytest.mark.parametrize("mutation", CASES, ids=lambda m: m.name if m else "valid")
def test_engines_agree(mutation: Mutation | None, corpus_dir: Path, tmp_path: Path) -> None:
    dest = tmp_path if mutation is not None and mutation.tax_edit else corpus_dir
    lxml_ok, xmlschema_ok = _verdicts(write_case(mutation, dest))
    assert lxml_ok == xmlschema_ok


def test_pipeline_engines_agree_on_codes(tmp_path: Path) -> None:
    """The full pipeline gives the same schema-level codes whichever engine runs."""
    path = write_case(next(m for m in MUTATIONS if m.name == "bad_date"), tmp_path)
    lx, _ = validate_file(path, engine="lxml")
    xs, _ = validate_file(path, engine="xmlschema")
    assert {f.code for f in lx} == {f.code for f in xs} == {"xmlSchema:valueError"}
    assert [f.line for f in lx] == [f.line for f in xs]


def test_unparseable_refused_by_both(tmp_path: Path) -> None:
    for name in sorted(UNPARSEABLE):
        path = write_case(next(m for m in MUTATIONS if m.name == name), tmp_path)
        for engine in ("lxml", "xmlschema"):
            findings, _ = validate_file(path, engine=engine)  # type: ignore[arg-type]
            assert findings and all(f.severity.fails for f in findings)
        with pytest.raises(etree.XMLSyntaxError if name == "malformed_xml" else Exception):
            if name == "malformed_xml":
                parse(path)
            else:
                raise RuntimeError("DOCTYPE is refused before parsing")
