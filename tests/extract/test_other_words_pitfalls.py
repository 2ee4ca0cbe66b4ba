"""Labels in other words must not file a wrong figure: wordings that look alike but are
other lines (a J-GAAP "Fixed assets", gross property "at cost", "Capital expenditures" that
include leases, "Total operating expenses" within costs and expenses), a qualifier after a comma
("net of dividends received", "—current"), and sign conventions of one company's printing
("Less: ..." lines, wordings declared negated) or an opposite wording on such a line. Each
case is a release the reading in other words once got wrong (a review of it); before that
reading existed, each line was left unread: unread is right, filed wrong is not."""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

from generator.extract.layout import Column
from generator.extract.pipeline import Extraction, extract_document
from generator.taxonomy import load_taxonomy
from tests.extract.builders import H1_2009, H1_2010, MAR_2010, SEP_2010, col, document, row, table
from tests.extract.samples import TABBED, edited_sample, printed_as

REAL = load_taxonomy()


def extract(title: str, kind: str | None, rows: list[tuple[str, ...]],
            columns: list[Column] | None = None, line: int = 10) -> Extraction:
    """A one-table tabbed release of IIJ, through the whole pipeline (map, prove, cross-check)."""
    columns = columns or [col(period=H1_2009), col(period=H1_2010)]
    printed = table(title, line, columns,
                    [row(label, line + 1 + i, *cells) for i, (label, *cells) in enumerate(rows)],
                    kind=kind)
    doc = document(printed, company="iij").model_copy(update={"layout": "tabbed"})
    return extract_document(doc, REAL)


def filed(ex: Extraction, line: int) -> list[tuple[str, Decimal | None]]:
    return sorted((f.concept, f.value) for f in ex.results.facts if f.source.line == line)


def filed_concepts(ex: Extraction) -> set[tuple[int, str]]:
    return {(f.source.line, f.concept) for f in ex.results.facts}


def held_lines(ex: Extraction) -> set[int]:
    return {h.line for h in ex.results.review}


# --- 1. wrong SIGN filed: "Less: Loss attributable to non-controlling interests" ----------------
# Read as the opposite of the negated row alias "-Less: Net income attributable to noncontrolling
# interests": facts.py applies ``opposite`` (-abs) and then the alias's negation, so a loss of
# 175 is filed as NCI income +175. The one broken sum (parent = net income - NCI) is "explained"
# by arithmetic._explained as a figure printed as a deduction: filed, with a calculation note.

NCI_LOSS_IS = [
    ("Revenues", "10,000", "9,000"),
    ("Costs and expenses", "8,000", "7,200"),
    ("Operating income", "2,000", "1,800"),
    ("Income before income tax expense", "2,000", "1,800"),
    ("Income tax expense", "800", "700"),
    ("Net income", "1,200", "1,100"),
    ("Less: Loss attributable to non-controlling interests", "175", "20"),  # line 17
    ("Net income attributable to IIJ", "1,375", "1,120"),                   # 1,200 + 175
]


def _nci_loss() -> Extraction:
    return extract("Consolidated statements of income", "income", NCI_LOSS_IS)


def test_a_loss_attributable_to_nci_is_not_filed_as_nci_income() -> None:
    wrong = [(c, v) for c, v in filed(_nci_loss(), 17) if v is not None and v > 0]
    assert not wrong, f"NCI loss filed with a positive value: {wrong}"


NCI_LOSS_NON_GAAP = [
    ("Adjusted EBITDA", "6,902", "7,247"),
    ("Depreciation and amortization", "3,639", "4,238"),
    ("Operating income", "3,263", "3,009"),
    ("Other income (expense)", "(87)", "339"),
    ("Income tax expense", "1,251", "1,243"),
    ("Equity in net income of equity method investees", "81", "127"),
    ("Net income", "2,006", "2,232"),
    ("Less: Net loss attributable to non-controlling interests", "1", "27"),  # line 18
    ("Net income attributable to IIJ", "2,007", "2,259"),
]


def _nci_loss_non_gaap() -> Extraction:
    millions = [col(period=H1_2009, scale=10**6), col(period=H1_2010, scale=10**6)]
    return extract("Reconciliation of adjusted EBITDA to net income attributable to IIJ", None,
                   NCI_LOSS_NON_GAAP, millions)


def test_a_net_loss_attributable_to_nci_in_the_ebitda_table_is_not_filed_positive() -> None:
    wrong = [(c, v) for c, v in filed(_nci_loss_non_gaap(), 18) if v is not None and v > 0]
    assert not wrong, f"NCI loss filed with a positive value: {wrong}"


# --- 2. wrong SIGN filed: IIJ's own printing convention carried to another wording -------------
# "-Less: Net income attributable to noncontrolling interests" says IIJ prints that line as
# "(1,058)". Another company's "Less: Profit attributable to non-controlling interests  56"
# (a positive deduction) is read in other words as that alias: filed as -56.

def _nci_positive_deduction() -> Extraction:
    rows = [*NCI_LOSS_IS[:6],
            ("Less: Profit attributable to non-controlling interests", "56", "40"),
            ("Net income attributable to IIJ", "1,144", "1,060")]
    return extract("Consolidated statements of income", "income", rows)


def test_a_positive_deduction_of_nci_income_is_not_filed_negative() -> None:
    wrong = [(c, v) for c, v in filed(_nci_positive_deduction(), 17) if v is not None and v < 0]
    assert not wrong, f"NCI income filed with a negative value: {wrong}"


# --- 3. wrong CONCEPT filed: "Fixed assets" (J-GAAP: all noncurrent assets) -------------------
# language.yaml puts "fixed assets" in the property-and-equipment group; in Japanese companies'
# English statements "Fixed assets" (koteishisan) is the noncurrent-assets total. The wrong
# figure even makes Assets = AssetsCurrent + PropertyAndEquipmentNet add up.

def _fixed_assets() -> Extraction:
    millions = [col(period=MAR_2010, scale=10**6), col(period=SEP_2010, scale=10**6)]
    return extract("Consolidated balance sheet summary", None, [
        ("Current assets", "37,441", "50,478"),
        ("Fixed assets", "44,670", "47,364"),            # line 12: total noncurrent assets
        ("Total assets", "82,111", "97,842"),
        ("Current liabilities", "32,384", "30,046"),
        ("Long-term liabilities", "12,093", "10,588"),
        ("Total liabilities", "44,477", "40,634"),
        ("Total net assets", "37,634", "57,208"),
        ("Total liabilities and net assets", "82,111", "97,842"),
    ], millions)


def test_fixed_assets_are_not_filed_as_property_and_equipment() -> None:
    assert filed(_fixed_assets(), 12) == []


# --- 4. wrong CONCEPT filed: a qualifier after a comma dropped (prefix read in other words) -----
# CF "Equity in earnings of affiliates, net of dividends received" is the network's
# EquityInNetIncomeOfEquityMethodInvesteesLessDividendsReceived; its prefix "Equity in earnings
# of affiliates" is read in other words as the plain adjustment. Both concepts are terms of
# NetCashFromOperatingActivities, so the sum holds and the wrong concept is filed.

def _equity_net_of_dividends() -> Extraction:
    return extract("Consolidated statements of cash flows", "cash", [
        ("OPERATING ACTIVITIES:",),
        ("Net income", "2,008,214", "2,231,783"),
        ("Adjustments to reconcile net income to net cash provided by operating activities:",),
        ("Depreciation and amortization", "3,639,342", "4,238,476"),
        ("Equity in earnings of affiliates, net of dividends received", "(83,088)", "(127,358)"),
        ("Deferred income tax expense", "124,330", "169,584"),
        ("Net cash provided by operating activities", "5,688,798", "6,512,485"),
    ])


def test_equity_in_earnings_net_of_dividends_is_not_filed_as_the_plain_adjustment() -> None:
    concepts = {c for c, _ in filed(_equity_net_of_dividends(), 15)}
    assert "EquityInNetIncomeOfEquityMethodInvesteesAdjustment" not in concepts


# --- 5. wrong CONCEPT filed: gross PP&E as net ------------------------------------------------
# "Property, plant and equipment, at cost" -> prefix in other words -> PropertyAndEquipmentNet;
# the net line "Net property, plant and equipment" is not read (no order "net {x}" -> "{x}"),
# so nothing collides and the gross figure is filed as the net one.

def _ppe_at_cost() -> Extraction:
    return extract("Consolidated balance sheets", "balance", [
        ("Cash and cash equivalents", "12,258,872", "25,781,630"),
        ("Total current assets", "37,440,969", "50,478,345"),
        ("Property, plant and equipment, at cost", "52,542,149", "56,420,533"),  # line 13
        ("Less: accumulated depreciation", "(29,516,394)", "(32,636,483)"),
        ("Net property, plant and equipment", "23,025,755", "23,784,050"),
        ("Goodwill", "5,969,951", "5,969,951"),
        ("Total assets", "82,111,266", "97,841,850"),
    ], [col(period=MAR_2010), col(period=SEP_2010)])


def test_gross_property_plant_and_equipment_is_not_filed_as_net() -> None:
    assert filed(_ppe_at_cost(), 13) == []


# --- 6. wrong CONCEPT filed: CAPEX total as its purchase part (sample 004, edited) -------------
# The non-GAAP network names the CAPEX total "CAPEX" / "Capital expenditures, including capital
# leases" and its part "Purchase of property and equipment"; language.yaml makes "capital
# expenditures" mean "purchase of property and equipment", so a CAPEX table printing
# "Capital expenditures" files the total as CapexPurchaseOfPropertyAndEquipment.

def _sample(edit: Callable[[list[str]], None]) -> Extraction:
    with tempfile.TemporaryDirectory() as tmp:
        return edited_sample(Path(tmp), TABBED, edit)


def _capex_without_purchase_line(text: list[str]) -> None:
    printed_as(242, "CAPEX, including Capital Leases", "Capital expenditures")(text)
    del text[244 - 1]  # "Purchase of Property and Equipment  2,785  2,784"


def test_capex_total_is_not_filed_as_the_purchase_of_property_and_equipment() -> None:
    ex = _sample(_capex_without_purchase_line)
    assert ("CapexPurchaseOfPropertyAndEquipment", Decimal("5903000000")) not in filed(ex, 242)


# --- 7. wrong CONCEPT filed (new reach of an old weakness): IFRS "Non-controlling interests" --
# A "profit attributable to" block read as its own table is chosen as the balance sheet; the
# profit share of NCI (a duration) is filed as the balance-sheet NoncontrollingInterests at the
# period end. "Noncontrolling interests" (IIJ's spelling) did this before; the IFRS spelling
# "Non-controlling interests" and "Minority interests" do it now.

def _profit_attributable() -> Extraction:
    return extract("Profit attributable to", None, [
        ("Owners of the parent", "1,234", "1,100"),
        ("Non-controlling interests", "56", "40"),  # line 12
    ])


def test_profit_attributable_to_nci_is_not_filed_as_balance_sheet_nci() -> None:
    assert "NoncontrollingInterests" not in {c for c, _ in filed(_profit_attributable(), 12)}


# --- 8. wrong figure HELD, and figures filed before now held (recall loss) -------------------

US_GAAP_IS = [
    ("Net sales", "10,000", "9,000"),
    ("Cost of sales", "6,000", "5,400"),
    ("Gross profit", "4,000", "3,600"),
    ("Operating expenses:",),
    ("Sales and marketing", "1,000", "900"),          # line 15
    ("General and administrative", "800", "700"),      # line 16
    ("Research and development", "200", "200"),        # line 17
    ("Total operating expenses", "2,000", "1,800"),    # line 18 -> CostsAndExpenses (wrong)
    ("Operating income", "2,000", "1,800"),
    ("Income before income taxes", "2,000", "1,800"),
    ("Provision for income taxes", "800", "700"),
    ("Net income", "1,200", "1,100"),
]


def test_total_operating_expenses_does_not_cost_the_expense_lines_filed_so_far() -> None:
    ex = extract("Consolidated statements of income", "income", US_GAAP_IS)
    assert {15, 16, 17} <= {line for line, _ in filed_concepts(ex)}, sorted(held_lines(ex))


TAX_SPLIT_IS = [
    ("Revenues", "10,000", "9,000"),
    ("Operating income", "2,000", "1,800"),                # line 12
    ("Income before income taxes", "2,000", "1,800"),      # line 13
    ("Income taxes—current", "900", "750"),                # line 14 -> IncomeTaxExpense (wrong)
    ("Deferred income taxes", "(100)", "(50)"),
    ("Net income", "1,200", "1,100"),                      # line 16
]


def test_income_taxes_current_does_not_cost_figures_filed_so_far() -> None:
    ex = extract("Consolidated statements of income", "income", TAX_SPLIT_IS)
    assert ("IncomeTaxExpense", Decimal(900_000)) not in filed(ex, 14)
    assert not ({12, 13, 16} & held_lines(ex)), sorted(held_lines(ex))


SGA_IS = [
    ("Revenues", "10,000", "9,000"),                                   # line 11
    ("Cost of revenues", "6,000", "5,400"),
    ("Sales, general and administrative expenses", "1,800", "1,600"),  # line 13 -> Revenues
    ("Research and development", "200", "200"),
    ("Total costs and expenses", "8,000", "7,200"),
    ("Operating income", "2,000", "1,800"),
]


def test_sales_general_and_administrative_is_not_read_as_revenues() -> None:
    ex = extract("Consolidated statements of income", "income", SGA_IS)
    assert "Revenues" not in {c for c, _ in filed(ex, 13)}
    assert 13 not in held_lines(ex) and 11 not in held_lines(ex), sorted(held_lines(ex))


def _capex_reworded(text: list[str]) -> None:
    printed_as(242, "CAPEX, including Capital Leases", "Capital expenditures")(text)


def test_capex_reworded_does_not_cost_the_purchase_line_filed_so_far() -> None:
    ex = _sample(_capex_reworded)
    assert filed(ex, 244), sorted(h for h in held_lines(ex) if 240 <= h <= 245)


# --- 11. wrong CONCEPT filed: a wider line of one word's difference (second review, fifth set) --
# "Taxes payable" (income taxes and consumption, payroll, property taxes alike) read as income
# taxes payable, and "Capital reserve" (a Singapore or Hong Kong reserve apart from share
# premium) as additional paid-in capital: each the only line of its kind in its sum, which
# holds, so nothing but the wording says which line the figures are. Neither is read.

def _balance_sheet(label: str, section: str) -> Extraction:
    rows = {
        "liabilities": [
            ("Current liabilities:",),
            ("Short-term borrowings", "1,000", "1,100"),
            (label, "1,969", "1,176"),
            ("Accrued expenses", "500", "400"),
            ("Total current liabilities", "3,469", "2,676"),
        ],
        "equity": [
            ("Shareholders' equity:",),
            ("Common stock", "2,000", "2,000"),
            (label, "700", "650"),
            ("Retained earnings", "1,300", "1,100"),
            ("Total IIJ shareholders' equity", "4,000", "3,750"),
        ],
    }[section]
    return extract("Consolidated balance sheets", "balance",
                   rows, columns=[col(period=MAR_2010), col(period=SEP_2010)])


def test_taxes_payable_are_not_filed_as_income_taxes_payable() -> None:
    assert filed(_balance_sheet("Taxes payable", "liabilities"), 13) == []


def test_a_capital_reserve_is_not_filed_as_additional_paid_in_capital() -> None:
    assert filed(_balance_sheet("Capital reserve", "equity"), 13) == []


# --- 12. a reading in other words confirmed by itself (second review of the fifth set) ----------
# "Miscellaneous income (expense)" read as other income (expense)—net in the statement and in
# the EBITDA reconciliation alike: the two printings agree, and "printed twice" tied the figure
# to a line neither printing names in the taxonomy's words. Only a printing read in the
# taxonomy's own wording ties a figure read in other words.

def _balance_sheets(second_label: str) -> Extraction:
    columns = [col(period=MAR_2010), col(period=SEP_2010)]
    statement = table("Consolidated balance sheets", 10, columns, [
        row("Current assets:", 11),
        row("Cash and cash equivalents", 12, "500", "600"),
        row("Inventory on hand", 13, "1,000", "1,100"),
        row("Harbour crane leases", 14, "200", "300"),  # unread: the sum proves nothing
        row("Total current assets", 15, "1,700", "2,000"),
    ], kind="balance")
    condensed = table("Condensed consolidated balance sheets", 30, columns, [
        row("Current assets:", 31),
        row(second_label, 32, "1,000", "1,100"),
    ], kind="balance")
    doc = document(statement, condensed, company="iij").model_copy(update={"layout": "tabbed"})
    return extract_document(doc, REAL)


def test_a_figure_read_in_other_words_is_not_tied_by_its_printing_in_the_same_words() -> None:
    assert filed(_balance_sheets("Inventory on hand"), 13) == []


def test_a_figure_read_in_other_words_is_tied_by_its_printing_in_the_taxonomy_s_words() -> None:
    assert filed(_balance_sheets("Inventories"), 13) == [
        ("Inventories", Decimal(1_000_000)), ("Inventories", Decimal(1_100_000))]
