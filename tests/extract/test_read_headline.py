"""A release's texts — headline, company name as printed, fiscal year and period — each with
the line and words it was read from, and none filed from a line that only looks like one."""

from __future__ import annotations

import datetime as dt

import pytest

from generator.extract.read.headline import headline, read_texts, registrant_name
from generator.model.entity import Company, Entity
from generator.model.results import ReportingPeriod
from generator.resources import samples_dir
from tests.extract.samples import extraction

IIJ = Company(id="iij", name="Internet Initiative Japan Inc.",
              names=("Internet Initiative Japan Inc.", "Internet Initiative Japan, Inc.", "IIJ"),
              ocr_names=("11J",), entity=Entity(scheme="http://www.tse.or.jp/sicc",
                                                identifier="37740"),
              fiscal_year_end_month=3)
H1 = ReportingPeriod(kind="H1", start=dt.date(2010, 4, 1), end=dt.date(2010, 9, 30),
                     fiscal_year_start=dt.date(2010, 4, 1),
                     fiscal_year_end=dt.date(2011, 3, 31), label="1H FY2010")
CONCEPTS = ("DocumentTitle", "EntityRegistrantName", "DocumentFiscalYearFocus",
            "DocumentFiscalPeriodFocus")


def test_the_headline_is_the_first_title_naming_results_with_its_continuation() -> None:
    lines = ["For Immediate Release", "", "**IIJ Announces First Six Months Financial Results**",
             "for the Fiscal Year Ending March 31, 2011", "",
             "Tokyo - IIJ today announced its consolidated financial results for the first",
             "Highlights of 1H FY2010 Financial Results"]
    item = headline(lines, IIJ, ocr=False)
    assert item is not None
    assert (item.text, item.line) == ("IIJ Announces First Six Months Financial Results for "
                                      "the Fiscal Year Ending March 31, 2011", 3)


@pytest.mark.parametrize("lines", [
    ["Tokyo - IIJ today announced its consolidated financial results."],  # a sentence
    ["IIJ reported strong Results this quarter, as expected."],
    ["1 Announces First Six Months Financial Results"],  # OCR lost the first word
    ["Company news"],
])
def test_no_headline_from_a_line_that_only_looks_like_one(lines: list[str]) -> None:
    assert headline(lines, IIJ, ocr=True) is None


def test_an_ocr_headline_gets_the_company_s_misread_short_name_back() -> None:
    item = headline(["11J Announces First Quarter Results"], IIJ, ocr=True)
    assert item is not None
    assert (item.text, item.printed) == ("IIJ Announces First Quarter Results",
                                         "11J Announces First Quarter Results")


def test_the_registrant_name_is_the_legal_name_as_printed_not_the_short_name() -> None:
    lines = ["IIJ Announces Results", "Tokyo - Internet Initiative Japan,  Inc. (IIJ) today"]
    item = registrant_name(lines, IIJ)
    assert item is not None
    assert (item.text, item.line) == ("Internet Initiative Japan, Inc.", 2)
    assert registrant_name(["IIJ Announces Results"], IIJ) is None


def test_fiscal_year_and_period_come_with_the_words_that_name_them() -> None:
    text = ("\nIIJ Announces First Six Months Financial Results\n"
            "For The Fiscal Year Ending March 31, 2011\n")
    items = {i.concept: i for i in read_texts(text, IIJ, H1, CONCEPTS, ocr=False)}
    year, part = items["DocumentFiscalYearFocus"], items["DocumentFiscalPeriodFocus"]
    assert (year.text, year.line, year.printed) == (
        "2010", 3, "Fiscal Year Ending March 31, 2011")
    assert (part.text, part.line, part.printed) == ("H1", 2, "First Six Months")
    # a taxonomy without text concepts gets no texts
    assert read_texts(text, IIJ, H1, (), ocr=False) == ()


def test_each_sample_files_its_texts_as_text_facts_of_its_reporting_period() -> None:
    found = {}
    for path in sorted(samples_dir().glob("0*.txt")):
        name = path.name[:3]
        results = extraction(path.name).results
        texts = {f.concept: f for f in results.facts if f.text is not None}
        for fact in texts.values():
            assert fact.value is None and fact.unit is None and fact.decimals is None
            assert fact.period == results.period.ytd
            assert fact.source.document == results.document and fact.source.text
        found[name] = {c: f.text for c, f in texts.items()}
    assert found["002"]["DocumentTitle"] == (
        "IIJ Announces First Six Months Financial Results For The Fiscal Year Ending March "
        "31, 2011")
    assert found["001"]["DocumentTitle"] == (
        "FY2011/1Q-3Q (cumulative) Consolidated Financial Results")
    assert "DocumentTitle" not in found["000"]  # the scan reads "1 Announces ...": not filed
    assert {f["EntityRegistrantName"] for f in found.values()} == {
        "Internet Initiative Japan Inc."}
    assert {n: (f["DocumentFiscalYearFocus"], f["DocumentFiscalPeriodFocus"])
            for n, f in found.items()} == {
        "000": ("2011", "H1"), "001": ("2011", "Q3"), "002": ("2010", "H1"),
        "003": ("2017", "H1"), "004": ("2013", "H1")}
