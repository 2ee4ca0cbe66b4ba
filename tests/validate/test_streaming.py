"""Streaming validation keeps memory flat: the rewritten XBRL root model accepts the same files."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urljoin

import pytest
from lxml import etree
from validate_corpus import VALID, write_case

from generator.validate.dts import INSTANCE_XSD, LocalResolver, UrlMapper
from generator.validate.instance import Fact, read_head
from generator.validate.pipeline import DeferredFacts, load_dts, validate_file
from generator.validate.safe_xml import make_parser
from generator.validate.schema import streaming_instance_schema, wrapper_xsd

CONTEXT = VALID.read_text(encoding="utf-8").split("<xbrli:context ", 2)[1]
EXTRA = {
    "valid": "",
    "linkbase_ref_after_facts": '<link:linkbaseRef xlink:type="simple" xlink:href="taxonomy/'
    'fx-cal.xml" xlink:arcrole="http://www.w3.org/1999/xlink/properties/linkbase"/>',
    "schema_ref_after_facts": '<link:schemaRef xlink:type="simple" xlink:href="taxonomy/fx.xsd"/>',
    "measure_at_root": "<xbrli:measure>iso4217:JPY</xbrli:measure>",
    "abstract_item": "<xbrli:item>1</xbrli:item>",
    "context_last": "<xbrli:context " + CONTEXT.replace('id="CurrentYearDuration"', 'id="x"'),
}


def test_bundled_instance_schema_is_rewritten() -> None:
    local = UrlMapper().to_local(INSTANCE_XSD)
    assert local is not None
    text = local.read_text(encoding="utf-8")
    patched = streaming_instance_schema(text)
    assert patched is not None
    assert '<sequence minOccurs="0" maxOccurs="unbounded"><choice>' in patched
    assert patched.count("<choice") == text.count("<choice")
    assert streaming_instance_schema("<schema/>") is None


@pytest.mark.parametrize("name", sorted(EXTRA))
def test_rewritten_root_model_gives_the_same_verdict(name: str, tmp_path: Path) -> None:
    path = write_case(None, tmp_path)
    path.write_text(path.read_text(encoding="utf-8").replace(
        "</xbrli:xbrl>", EXTRA[name] + "</xbrli:xbrl>"), encoding="utf-8")
    base = path.resolve().as_uri()
    mapper = UrlMapper()
    loaded = load_dts([urljoin(base, href) for _, href, _ in read_head(path).refs], mapper)
    # The published schema, compiled without the rewrite.
    doc = etree.fromstring(wrapper_xsd(loaded.dts).encode(), make_parser(LocalResolver(mapper)),
                           base_url="file:///xbrlgen-wrapper.xsd")
    published = etree.XMLSchema(etree.ElementTree(doc))
    tree = etree.parse(str(path))
    expected = published.validate(tree)
    assert loaded.schemas.lxml().validate(tree) == expected
    assert expected == (name in ("valid", "context_last"))
    findings, _ = validate_file(path)
    schema_lines = {f.line for f in findings if f.code.startswith("xmlSchema")}
    assert schema_lines == {e.line for e in published.error_log if e.domain_name == "SCHEMASV"}


@pytest.mark.parametrize("batch", [1, 2, 1024])
def test_deferred_facts_round_trip(batch: int) -> None:
    deferred = DeferredFacts()
    deferred._BATCH = batch  # spilled to the temporary file in batches, or still in memory
    facts = [Fact("{n}A", None, "c", "u", "-6", None, False, " 1000000 ", 3),
             Fact("{n}T", "f2", "c", None, None, None, True, "テキスト", None, "ja", True),
             Fact("{n}B", "f3", "d", "u", "INF", None, False, "1.5", 1 << 40)]
    for fact in facts:
        deferred.append(fact)
    assert list(deferred) == facts
    assert list(deferred) == facts  # readable again until closed
    deferred.close()
    assert list(deferred) == []


def test_contexts_after_facts(tmp_path: Path) -> None:
    """Facts that wait for their context are checked like the others."""
    path = write_case(None, tmp_path)
    text = path.read_text(encoding="utf-8")
    head, _, rest = text.partition("  <xbrli:context ")
    contexts, _, facts = ("  <xbrli:context " + rest).rpartition("</xbrli:context>")
    moved = head + facts.replace("</xbrli:xbrl>", contexts + "</xbrli:context></xbrli:xbrl>")
    path.write_text(moved, encoding="utf-8")
    assert validate_file(path)[0] == []
    path.write_text(text.replace(">57000000000<", ">58000000000<"), encoding="utf-8")
    in_order = [(f.code, f.concept, f.context_id) for f in validate_file(path)[0]]
    path.write_text(moved.replace(">57000000000<", ">58000000000<"), encoding="utf-8")
    late = [(f.code, f.concept, f.context_id) for f in validate_file(path)[0]]
    assert late == in_order
    assert {code for code, _, _ in late} == {"calc11e:inconsistentCalculationUsingRounding"}
