"""The taxonomy files are derived from the declaration: well-formed, complete, deterministic."""

from pathlib import Path

import pytest
from lxml import etree

from generator.generate.package import package_bytes
from generator.model.taxonomy import Taxonomy
from generator.taxonomy import TaxonomyError, load_taxonomy
from generator.taxonomy.render import render_taxonomy

XS = "{http://www.w3.org/2001/XMLSchema}"
LINK = "{http://www.xbrl.org/2003/linkbase}"
XLINK = "{http://www.w3.org/1999/xlink}"


def test_every_concept_becomes_one_schema_element(acme_taxonomy: Taxonomy) -> None:
    schema = etree.fromstring(render_taxonomy(acme_taxonomy)["acme-2026-01-01.xsd"])
    names = [el.get("name") for el in schema.iter(f"{XS}element")]
    assert sorted(names) == sorted(acme_taxonomy.concepts)


def test_balance_and_period_type_come_from_the_declaration(acme_taxonomy: Taxonomy) -> None:
    schema = etree.fromstring(render_taxonomy(acme_taxonomy)["acme-2026-01-01.xsd"])
    cost = schema.find(f"{XS}element[@name='CostOfRevenues']")
    assert cost is not None
    xbrli = "{http://www.xbrl.org/2003/instance}"
    assert (cost.get(f"{xbrli}balance"), cost.get(f"{xbrli}periodType")) == ("debit", "duration")
    assert cost.get("type") == "xbrli:monetaryItemType"


def test_count_concepts_get_their_own_item_type(acme_taxonomy: Taxonomy) -> None:
    schema = etree.fromstring(render_taxonomy(acme_taxonomy)["acme-2026-01-01.xsd"])
    assert schema.find(f"{XS}complexType[@name='countItemType']") is not None
    count = schema.find(f"{XS}element[@name='ContractCount']")
    assert count is not None and count.get("type") == "acme:countItemType"


def test_sums_become_weighted_calculation_arcs(acme_taxonomy: Taxonomy) -> None:
    cal = etree.fromstring(render_taxonomy(acme_taxonomy)["acme-2026-01-01_cal.xml"])
    arcs = {
        (a.get(f"{XLINK}from"), a.get(f"{XLINK}to")): a.get("weight")
        for a in cal.iter(f"{LINK}calculationArc")
    }
    assert arcs == {
        ("OperatingIncome", "Revenues"): "1.0",
        ("OperatingIncome", "CostOfRevenues"): "-1.0",
        ("Assets", "Cash"): "1.0",
        ("Assets", "Receivables"): "1.0",
    }


def test_no_extended_link_has_two_arcs_between_the_same_labels(acme_taxonomy: Taxonomy) -> None:
    for name, data in render_taxonomy(acme_taxonomy).items():
        if not name.endswith(".xml"):
            continue
        for link in etree.fromstring(data):
            pairs = [
                (a.get(f"{XLINK}from"), a.get(f"{XLINK}to"))
                for a in link
                if a.get(f"{XLINK}type") == "arc"
            ]
            assert len(pairs) == len(set(pairs)), f"{name}: duplicate arcs (xlink:dupArcs)"


def test_rendering_and_packaging_are_deterministic(acme_taxonomy: Taxonomy) -> None:
    first = render_taxonomy(acme_taxonomy)
    assert first == render_taxonomy(acme_taxonomy)
    assert package_bytes(acme_taxonomy, first) == package_bytes(acme_taxonomy, first)


def test_a_sum_whose_weight_contradicts_the_balances_is_rejected(tmp_path: Path) -> None:
    import shutil

    source = Path(__file__).parents[1] / "fixtures" / "acme_taxonomy"
    shutil.copytree(source, tmp_path / "t")
    income = tmp_path / "t" / "networks" / "010-income.yaml"
    income.write_text(
        income.read_text().replace("[Revenues, -CostOfRevenues]", "[Revenues, CostOfRevenues]")
    )
    with pytest.raises(
        TaxonomyError,
        match=r"010-income.yaml: sum OperatingIncome \(credit\) -> CostOfRevenues \(debit\)",
    ):
        load_taxonomy(tmp_path / "t")


def test_a_misspelt_key_in_the_declaration_is_an_error_naming_the_file(tmp_path: Path) -> None:
    import shutil

    source = Path(__file__).parents[1] / "fixtures" / "acme_taxonomy"
    shutil.copytree(source, tmp_path / "t")
    income = tmp_path / "t" / "networks" / "010-income.yaml"
    income.write_text(income.read_text().replace("balance: debit", "balanse: debit", 1))
    with pytest.raises(TaxonomyError, match=r"010-income.yaml: .*balanse"):
        load_taxonomy(tmp_path / "t")


def test_an_evidence_sum_naming_an_unknown_concept_is_an_error_naming_the_file(
        tmp_path: Path) -> None:
    import shutil

    source = Path(__file__).parents[1] / "fixtures" / "acme_taxonomy"
    shutil.copytree(source, tmp_path / "t")
    income = tmp_path / "t" / "networks" / "010-income.yaml"
    declared = "evidence_sums:\n  - total: OperatingIncome\n    plus: [Revenues, Revenuez]\n"
    income.write_text(income.read_text().replace("tree:", declared + "tree:", 1))
    with pytest.raises(TaxonomyError, match=r"010-income.yaml: evidence_sums .*Revenuez"):
        load_taxonomy(tmp_path / "t")


def test_an_evidence_sum_is_no_calculation_arc(tmp_path: Path) -> None:
    """Evidence for the extractor only: the calculation linkbase is the same with or without."""
    import shutil

    source = Path(__file__).parents[1] / "fixtures" / "acme_taxonomy"
    shutil.copytree(source, tmp_path / "t")
    before = render_taxonomy(load_taxonomy(tmp_path / "t"))
    income = tmp_path / "t" / "networks" / "010-income.yaml"
    income.write_text(income.read_text().replace(
        "tree:", "evidence_sums:\n  - total: OperatingIncome\n    plus: [Revenues]\ntree:", 1))
    after = render_taxonomy(load_taxonomy(tmp_path / "t"))
    assert after == before


def test_a_figure_in_a_label_must_name_known_concepts(tmp_path: Path) -> None:
    """``in_label`` (a figure printed inside another row's label) refers to declared numeric
    concepts; a misspelt row concept is an error naming the file."""
    import shutil

    source = Path(__file__).parents[1] / "fixtures" / "acme_taxonomy"
    shutil.copytree(source, tmp_path / "t")
    income = tmp_path / "t" / "networks" / "010-income.yaml"
    text = income.read_text().replace(
        '        aliases: ["Total revenues", "Net sales"]',
        '        aliases: ["Total revenues", "Net sales"]\n'
        '        in_label: {of: Revenue, phrases: ["net of returns of"]}', 1)
    income.write_text(text)
    with pytest.raises(TaxonomyError, match=r"010-income.yaml: in_label of Revenues refers to "
                                            r"unknown concept Revenue"):
        load_taxonomy(tmp_path / "t")
    income.write_text(text.replace("{of: Revenue,", "{of: CostOfRevenues,"))
    figures = load_taxonomy(tmp_path / "t").figures_in_label("CostOfRevenues")
    assert [(f.concept, f.phrases) for f in figures] == [("Revenues", ("net of returns of",))]


def test_a_record_month_outside_the_year_is_an_error_naming_the_file(tmp_path: Path) -> None:
    import shutil

    source = Path(__file__).parents[1] / "fixtures" / "acme_taxonomy"
    shutil.copytree(source, tmp_path / "t")
    income = tmp_path / "t" / "networks" / "010-income.yaml"
    income.write_text(income.read_text().replace("balance: debit",
                                                 "balance: debit\n        record_month: 13", 1))
    with pytest.raises(TaxonomyError, match=r"010-income.yaml: .*record_month"):
        load_taxonomy(tmp_path / "t")


def test_the_shipped_dividends_declare_their_record_months() -> None:
    months = load_taxonomy().record_months
    assert months["DividendPerShareFirstQuarterEnd"] == 3
    assert months["DividendPerShareYearEnd"] == months["DividendPerShareAnnual"] == 12
