"""The Inline XBRL page is the same filing as the .xbrl instance: Arelle (offline) reads the
same facts from both and finds nothing in the page that it does not find in the instance."""

from __future__ import annotations

import datetime as dt
import decimal
import re
from decimal import Decimal
from pathlib import Path

import pytest
from lxml import etree

from generator.generate.inline import inline_bytes
from generator.generate.inline_layout import natural_scale, period_text, shown_digits
from generator.generate.instance import instance_bytes
from generator.map import build_filings
from generator.model.fact import Provenance
from generator.model.period import Duration
from generator.model.results import ResultFact, Results
from generator.model.taxonomy import Taxonomy
from generator.model.unit import Measure, Unit
from generator.synthetic import reporting_period, synthetic_results
from generator.taxonomy.render import render_taxonomy
from tests.ix.arelle_facts import Loaded, load
from tests.ix.conftest import InstanceFacts

IX = "{http://www.xbrl.org/2013/inlineXBRL}"
XHTML = "{http://www.w3.org/1999/xhtml}"
_WIDE = decimal.Context(prec=200)
JPY = Unit(id="JPY", numerator=(Measure(namespace="http://www.xbrl.org/2003/iso4217",
                                        local_name="JPY", prefix="iso4217"),))
PURE = Unit(id="pure", numerator=(Measure(namespace="http://www.xbrl.org/2003/instance",
                                          local_name="pure", prefix="xbrli"),))


def findings(loaded: Loaded) -> list[str]:
    """Arelle's findings without what only names the writer's choices — the file, and the ids
    of context and unit (the OIM formats have none of their own) — comparable across formats."""
    return sorted(
        re.sub(r"( context \S+ unit \S+)? - \S+\.(xbrl|html|json)\b.*$", "", p, flags=re.S)
        for p in loaded.problems()
    )


@pytest.mark.parametrize(("value", "decimals", "scale", "shown"), [
    (Decimal("34272080000"), -3, 6, "34,272.080"),
    (Decimal("34272000000"), -6, 6, "34,272"),
    (Decimal("-1500000"), -6, 6, "1.5"),  # never drops a digit the value has
    (Decimal("4241.14"), 2, 0, "4,241.14"),
    (Decimal("0.095"), 3, -2, "9.5"),
    (Decimal("0"), -6, 6, "0"),
    (Decimal("123456789012345678901234567890123456789012345678901234567890"), 0, 0,
     "123,456,789,012,345,678,901,234,567,890,123,456,789,012,345,678,901,234,567,890"),
])
def test_digits_are_shown_exactly_in_the_chosen_scale(
    value: Decimal, decimals: int, scale: int, shown: str
) -> None:
    assert shown_digits(value, decimals, scale) == shown
    # what an Inline processor computes back: digits x 10^scale, the exact value
    assert Decimal(shown.replace(",", "")).scaleb(scale, _WIDE) == value.copy_abs()


def test_scale_follows_the_printed_precision_and_ratios_read_as_percent() -> None:
    assert natural_scale(JPY, -6) == 6
    assert natural_scale(JPY, -3) == 3
    assert natural_scale(JPY, -12) == 9
    assert natural_scale(JPY, 0) == 0
    assert natural_scale(PURE, 3) == -2
    assert natural_scale(JPY, None) is None


def test_period_headings_name_the_dates() -> None:
    assert period_text("duration", dt.date(2010, 4, 1), dt.date(2010, 9, 30)) == (
        "6 months ended 2010-09-30")
    assert period_text("instant", dt.date(2010, 9, 30), dt.date(2010, 9, 30)) == (
        "As of 2010-09-30")


def test_every_filing_has_its_inline_page_tagging_each_fact_once(sample_out: Path) -> None:
    instances = sorted(sample_out.glob("*.xbrl"))
    assert len(instances) == 5
    for instance in instances:
        page = instance.with_suffix(".html")
        assert page.exists(), page
        data = page.read_bytes()
        assert data.startswith(b'<?xml version="1.0" encoding="UTF-8"?>\n')
        assert b"<script" not in data.lower()
        root = etree.fromstring(data)
        tagged = [el.get("id") for el in root.iter(f"{IX}nonFraction", f"{IX}nonNumeric")]
        facts = etree.fromstring(instance.read_bytes()).xpath("//*[@contextRef]/@id")
        assert sorted(tagged) == sorted(facts)  # the same ids, each once
        hidden = root.find(f".//{IX}hidden")
        assert hidden is None or len(hidden) > 0  # never an empty ix:hidden


def test_the_page_heading_tags_the_filing_s_texts_as_non_numeric(sample_out: Path) -> None:
    """The headline is the page's heading, the company's name and the fiscal year and period
    beneath it: each an ix:nonNumeric with the instance's words, id and context."""
    titles = {}
    for instance in sorted(sample_out.glob("*.xbrl")):
        root = etree.fromstring(instance.with_suffix(".html").read_bytes())
        shown = {el.get("name").split(":")[1]: (el.get("id"), el.get("contextRef"), el.text)
                 for el in root.iter(f"{IX}nonNumeric")}
        filed = {el.tag.split("}")[1]: (el.get("id"), el.get("contextRef"), el.text)
                 for el in etree.fromstring(instance.read_bytes())
                 if el.get("contextRef") and el.get("unitRef") is None}
        assert shown == filed, instance.name
        assert {"EntityRegistrantName", "DocumentFiscalYearFocus",
                "DocumentFiscalPeriodFocus"} <= set(shown), instance.name
        heading = root.find(f".//{XHTML}h1")
        assert heading is not None
        tagged = heading.find(f"{IX}nonNumeric")
        if "DocumentTitle" in shown:
            assert tagged is not None and tagged.get("name") == "xg:DocumentTitle"
            titles[instance.stem] = tagged.text
        else:
            assert tagged is None and heading.text == "Internet Initiative Japan Inc."
    assert titles == {
        "iij-2010-09-30-H1": "IIJ Announces First Six Months Financial Results For The Fiscal "
                             "Year Ending March 31, 2011",
        "iij-2011-12-31-Q3": "FY2011/1Q-3Q (cumulative) Consolidated Financial Results",
        "iij-2013-09-30-H1": "IIJ Announces First Six Months Financial Results for the Fiscal "
                             "Year Ending March 31, 2014",
        "iij-2017-09-30-H1": "IIJ Announces First Six Months Financial Results for the Fiscal "
                             "Year Ending March 31, 2018",
    }  # 2011-09-30 (sample 000): the scan's headline begins "1 Announces", not filed


@pytest.mark.arelle
def test_arelle_reads_the_same_facts_from_the_page_as_from_the_instance(
    sample_out: Path, instance_facts: InstanceFacts
) -> None:
    compared = 0
    for instance in sorted(sample_out.glob("*.xbrl")):
        xbrl = instance_facts(instance)
        page = load(instance.with_suffix(".html"))
        assert page.facts == xbrl.facts, instance.name
        assert page.ids == xbrl.ids, instance.name  # and each under the instance's fact id
        # nothing beyond the filing's own findings (its totals kept as printed)
        assert findings(page) == findings(xbrl), instance.name
        assert all(p.startswith("inconsistency calc11e:") for p in findings(page))
        assert page.footnotes == len(page.facts)  # every figure has its source line
        texts = [f for f in page.facts if isinstance(f[5], str)]  # the texts are compared too
        assert len(texts) >= 3, instance.name
        compared += len(page.facts)
    assert compared == sum(len(instance_facts(p).facts) for p in sample_out.glob("*.xbrl"))


def odd_filing_results(taxonomy: Taxonomy) -> Results:
    """Synthetic results (no release table: all hidden) plus placed figures that are negative,
    nil, a ratio and a second fact for one cell."""
    results = synthetic_results(taxonomy, "acme", periods=2)
    rp = reporting_period(taxonomy, "acme", 2020)  # a year the synthetic facts do not cover
    period = Duration(start=rp.start, end=rp.end)
    extra = [
        ResultFact(concept="Revenues", period=period, unit="JPY", value=None, decimals=None,
                   source=Provenance(document="r.txt", line=9, table="Segments"),
                   dimensions={"SegmentsAxis": "GadgetsMember"}),
        ResultFact(concept="CostOfRevenues", period=period, unit="JPY",
                   value=Decimal("-1234000"), decimals=-3,
                   source=Provenance(document="r.txt", line=7, table="Income")),
    ]
    return results.model_copy(update={"facts": (*results.facts, *extra)})


@pytest.mark.arelle
def test_a_filing_with_hidden_nil_and_negative_facts_round_trips(
    acme_taxonomy: Taxonomy, tmp_path: Path
) -> None:
    filing = build_filings([odd_filing_results(acme_taxonomy)], acme_taxonomy).filings[0]
    for name, data in render_taxonomy(acme_taxonomy).items():
        (tmp_path / name).write_bytes(data)
    (tmp_path / "f.xbrl").write_bytes(instance_bytes(filing, acme_taxonomy))
    page = inline_bytes(filing, acme_taxonomy)
    assert page == inline_bytes(filing, acme_taxonomy)  # byte-identical
    (tmp_path / "f.html").write_bytes(page)
    root = etree.fromstring(page)
    hidden = root.find(f".//{IX}hidden")
    assert hidden is not None and len(hidden) == len(filing.facts) - 2
    in_tables = root.findall(f".//{XHTML}td/{IX}nonFraction")
    assert sorted(el.get("name") for el in in_tables) == ["acme:CostOfRevenues", "acme:Revenues"]
    xbrl, inline = load(tmp_path / "f.xbrl"), load(tmp_path / "f.html")
    assert inline.facts == xbrl.facts
    assert len(inline.facts) == len(filing.facts)
    assert findings(inline) == findings(xbrl) == []
    nil = [el for el in root.iter(f"{IX}nonFraction")
           if el.get("{http://www.w3.org/2001/XMLSchema-instance}nil") == "true"]
    assert len(nil) == 1 and nil[0].get("format") is None and not nil[0].text
    negative = [el for el in root.iter(f"{IX}nonFraction") if el.get("sign") == "-"]
    assert any(el.text == "1,234" and el.get("scale") == "3" for el in negative)
