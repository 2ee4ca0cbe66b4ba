"""The summary-table networks (operating results summary, segments, network services breakdown,
contracts, non-GAAP reconciliations, targets, dividends, TSE form) against the sample releases.

The row labels are resolved with the extractor's own place-aware walker, so a wording missing
from the taxonomy, or one that resolves to the wrong place ("Network Services" under "Total
Costs"), fails here. Sample 002 prints its tables one row per line: its figures are also run
through the calculation arcs of these networks, with XBRL's binding rule (a sum binds as soon
as the total and one contributing fact exist), so a sum that the printed tables contradict
fails too.
"""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import pytest

from generator.extract.map_rows.walker import RowWalker
from generator.model.taxonomy import Taxonomy
from generator.resources import samples_dir
from generator.taxonomy.aliases import AliasIndex

MY_NETWORKS = {
    "010-operating-results-summary.yaml": "OperatingResultsSummary",
    "020-segments.yaml": "Segments",
    "080-network-services-revenue.yaml": "NetworkServicesRevenueBreakdown",
    "085-systems-integration.yaml": "SystemsIntegration",
    "090-connectivity-contracts.yaml": "ConnectivityContracts",
    "100-non-gaap-reconciliations.yaml": "NonGAAPReconciliations",
    "110-financial-targets.yaml": "FinancialTargets",
    "120-dividends.yaml": "Dividends",
    "130-financial-position-summary.yaml": "TSEFinancialResultsSummary",
    "140-quarterly-highlights.yaml": "QuarterlyHighlights",
}

ORS = [
    "Revenues",
    "NetworkServicesRevenue",
    "SystemsIntegrationRevenue",
    "EquipmentSalesRevenue",
    "ATMOperationBusinessRevenue",
    "CostOfRevenues",
    "CostOfNetworkServices",
    "CostOfSystemsIntegration",
    "CostOfEquipmentSales",
    "CostOfATMOperationBusiness",
    "SellingGeneralAdministrativeAndResearchAndDevelopmentExpenses",
    "OperatingIncome",
    "IncomeBeforeIncomeTaxes",
    "NetIncomeAttributableToParent",
]
GROSS = [
    "GrossProfit",
    "NetworkServicesGrossProfit",
    "SystemsIntegrationGrossProfit",
    "EquipmentSalesGrossProfit",
    "ATMOperationBusinessGrossProfit",
]
NSB_OLD = [
    "InternetConnectivityEnterpriseRevenue",
    "IPServiceRevenue",
    "FiberAccessAndDSLServiceRevenue",
    "IIJMobileServiceEnterpriseRevenue",
    "InternetConnectivityEnterpriseOtherRevenue",
    "InternetConnectivityConsumerRevenue",
    "InternetConnectivityConsumerIIJRevenue",
    "HiHoServiceRevenue",
    "InternetConnectivityConsumerOEMRevenue",
    "WANServicesRevenue",
    "OutsourcingServicesRevenue",
    "NetworkServicesRevenue",
]
NSB_2017 = [
    "InternetConnectivityEnterpriseRevenue",
    "IPServiceRevenue",
    "FiberAccessAndDSLServiceRevenue",
    "IIJMobileServiceEnterpriseRevenue",
    "MVNOPlatformServiceRevenue",
    "InternetConnectivityEnterpriseOtherRevenue",
    "InternetConnectivityConsumerRevenue",
    "InternetConnectivityConsumerIIJRevenue",
    "IIJmioMobileServiceRevenue",
    "HiHoServiceRevenue",
    "WANServicesRevenue",
    "OutsourcingServicesRevenue",
    "NetworkServicesRevenue",
]
CONTRACTS_OLD = [
    "InternetConnectivityEnterpriseContracts",
    "IPServiceUpTo99MbpsContracts",
    "IPService100To999MbpsContracts",
    "IPService1GbpsAndAboveContracts",
    "DataCenterConnectivityServiceContracts",
    "FiberAccessAndDSLServiceContracts",
    "IIJMobileServiceEnterpriseContracts",
    "InternetConnectivityEnterpriseOtherContracts",
    "InternetConnectivityConsumerContracts",
    "InternetConnectivityConsumerIIJContracts",
    "HiHoServiceContracts",
    "InternetConnectivityConsumerOEMContracts",
    "TotalContractedBandwidth",
]
EBITDA = [
    "AdjustedEBITDA",
    "DepreciationAndAmortization",
    "ImpairmentLossOnOtherIntangibleAssets",
    "OperatingIncome",
    "OtherIncomeExpenseNet",
    "IncomeTaxExpense",
    "EquityInNetIncomeOfEquityMethodInvestees",
    "NetIncome",
    "NetIncomeAttributableToNoncontrollingInterests",
    "NetIncomeAttributableToParent",
]
CAPEX = [
    "CapitalExpenditures",
    "AssetsAcquiredUnderCapitalLeases",
    "CapexPurchaseOfPropertyAndEquipment",
]
SEG = "BusinessSegmentsAxis"
SEGMENTS = [
    ("Revenues", None),
    ("Revenues", "NetworkServicesAndSIBusinessMember"),
    ("Revenues", "ATMOperationBusinessMember"),
    ("Revenues", "EliminationMember"),
    ("OperatingIncome", None),
    ("OperatingIncome", "NetworkServicesAndSIBusinessMember"),
    ("OperatingIncome", "ATMOperationBusinessMember"),
    ("OperatingIncome", "EliminationMember"),
]

# Sample 002 (1H FY2010 release, one row per line): title line, network, value columns
# (incl. the YoY column), expected concepts in printed order.
TABLES_002 = [
    ("Operating Results Summary", 1, "OperatingResultsSummary", 3, ORS),
    ("Segment Summary", 1, "Segments", 2, SEGMENTS),
    ("Number of Contracts for Connectivity Services", 1, "ConnectivityContracts", 3, CONTRACTS_OLD),
    ("Network Services Revenues Breakdown", 1, "NetworkServicesRevenueBreakdown", 3, NSB_OLD),
    ("Adjusted EBITDA", 1, "NonGAAPReconciliations", 2, EBITDA),
    ("CAPEX", 1, "NonGAAPReconciliations", 2, CAPEX),
    ("Operating Results Summary", 2, "OperatingResultsSummary", 3, ORS),
    (
        "Connectivity and Outsourcing Services Revenues Breakdown and Cost",
        1,
        "NetworkServicesRevenueBreakdown",
        3,
        NSB_OLD,
    ),
    ("Adjusted EBITDA", 2, "NonGAAPReconciliations", 2, EBITDA),
    ("CAPEX", 2, "NonGAAPReconciliations", 2, CAPEX),
]

# Sample 003 (1H FY2017 release) flattens its tables into run-on paragraphs: the row wordings as
# printed there (each is checked to occur in the file), with the concepts they must resolve to.
ROWS_003 = {
    "OperatingResultsSummary": [
        ("Total revenues", "Revenues"),
        ("Network services", "NetworkServicesRevenue"),
        ("Systems integration (SI)", "SystemsIntegrationRevenue"),
        ("Equipment sales", "EquipmentSalesRevenue"),
        ("ATM operation business", "ATMOperationBusinessRevenue"),
        ("Total costs", "CostOfRevenues"),
        ("Network services", "CostOfNetworkServices"),
        ("Systems integration (SI)", "CostOfSystemsIntegration"),
        ("Equipment sales", "CostOfEquipmentSales"),
        ("ATM operation business", "CostOfATMOperationBusiness"),
        ("Total gross margin", "GrossProfit"),
        ("Network services", "NetworkServicesGrossProfit"),
        ("Systems integration (SI)", "SystemsIntegrationGrossProfit"),
        ("Equipment sales", "EquipmentSalesGrossProfit"),
        ("ATM operation business", "ATMOperationBusinessGrossProfit"),
        ("SG&A expenses and R&D", "SellingGeneralAdministrativeAndResearchAndDevelopmentExpenses"),
        ("Operating income", "OperatingIncome"),
        ("Income before income tax expense", "IncomeBeforeIncomeTaxes"),
        ("Net income attributable to IIJ", "NetIncomeAttributableToParent"),
    ],
    "OperatingResultsSummary/2Q": [
        ("Total Revenues:", "Revenues"),
        ("Network Services", "NetworkServicesRevenue"),
        ("Systems Integration (SI)", "SystemsIntegrationRevenue"),
        ("Equipment Sales", "EquipmentSalesRevenue"),
        ("ATM Operation Business", "ATMOperationBusinessRevenue"),
        ("Cost of Revenues:", "CostOfRevenues"),
        ("Network Services", "CostOfNetworkServices"),
        ("Systems Integration (SI)", "CostOfSystemsIntegration"),
        ("Equipment Sales", "CostOfEquipmentSales"),
        ("ATM Operation Business", "CostOfATMOperationBusiness"),
        ("SG&A Expenses and R&D", "SellingGeneralAdministrativeAndResearchAndDevelopmentExpenses"),
        ("Operating Income", "OperatingIncome"),
        ("Income before Income Tax Expense", "IncomeBeforeIncomeTaxes"),
        ("Net Income attributable to IIJ", "NetIncomeAttributableToParent"),
    ],
    "NetworkServicesRevenueBreakdown": [
        ("Internet connectivity services (Enterprise)", "InternetConnectivityEnterpriseRevenue"),
        ("IP service*1", "IPServiceRevenue"),
        ("IIJ FiberAccess/F and IIJ DSL/F", "FiberAccessAndDSLServiceRevenue"),
        ("IIJ Mobile service (Enterprise)", "IIJMobileServiceEnterpriseRevenue"),
        ("IIJ Mobile MVNO Platform Service", "MVNOPlatformServiceRevenue"),
        ("Others", "InternetConnectivityEnterpriseOtherRevenue"),
        ("Internet connectivity services (Consumer)", "InternetConnectivityConsumerRevenue"),
        ("IIJ", "InternetConnectivityConsumerIIJRevenue"),
        ("IIJmio Mobile Service", "IIJmioMobileServiceRevenue"),
        ("hi-ho", "HiHoServiceRevenue"),
        ("WAN services", "WANServicesRevenue"),
        ("Outsourcing services", "OutsourcingServicesRevenue"),
        ("Total network services", "NetworkServicesRevenue"),
    ],
    "NetworkServicesRevenueBreakdown/2Q": [
        ("Internet Connectivity Service (Enterprise)", "InternetConnectivityEnterpriseRevenue"),
        ("IP Service*1", "IPServiceRevenue"),
        ("IIJ FiberAccess/F and IIJ DSL/F", "FiberAccessAndDSLServiceRevenue"),
        ("IIJ Mobile Service", "IIJMobileServiceEnterpriseRevenue"),
        ("IIJ Mobile MVNO Platform Service", "MVNOPlatformServiceRevenue"),
        ("Others", "InternetConnectivityEnterpriseOtherRevenue"),
        ("Internet Connectivity Service (Consumer)", "InternetConnectivityConsumerRevenue"),
        ("IIJ", "InternetConnectivityConsumerIIJRevenue"),
        ("IIJmio High Speed Mobile Service", "IIJmioMobileServiceRevenue"),
        ("hi-ho", "HiHoServiceRevenue"),
        ("WAN Services", "WANServicesRevenue"),
        ("Outsourcing Services", "OutsourcingServicesRevenue"),
        ("Network Services Revenues", "NetworkServicesRevenue"),
    ],
    "ConnectivityContracts": [
        ("Internet connectivity services (Enterprise)", "InternetConnectivityEnterpriseContracts"),
        ("IP service (1Gbps-)", "IPService1GbpsAndAboveContracts"),
        ("IP service (100Mbps-999Mbps)", "IPService100To999MbpsContracts"),
        ("IP service (-99Mbps)", "IPServiceUpTo99MbpsContracts"),
        ("IIJ Data center connectivity service", "DataCenterConnectivityServiceContracts"),
        ("IIJ FiberAccess/F and IIJ DSL/F", "FiberAccessAndDSLServiceContracts"),
        ("IIJ Mobile service (Enterprise)", "IIJMobileServiceEnterpriseContracts"),
        ("IIJ Mobile MVNO Platform Service", "MVNOPlatformServiceContracts"),
        ("Others", "InternetConnectivityEnterpriseOtherContracts"),
        ("Internet connectivity services (Consumer)", "InternetConnectivityConsumerContracts"),
        ("IIJ", "InternetConnectivityConsumerIIJContracts"),
        ("IIJmio Mobile Service", "IIJmioMobileServiceContracts"),
        ("hi-ho", "HiHoServiceContracts"),
        ("Total contracted bandwidth*2", "TotalContractedBandwidth"),
    ],
    "Segments": [
        ("Total revenues", "Revenues"),
        ("Network services and SI business", "Revenues"),
        ("ATM operation business", "Revenues"),
        ("Elimination", "Revenues"),
        ("Operating income", "OperatingIncome"),
        ("Network service and SI business", "OperatingIncome"),
        ("ATM operation business", "OperatingIncome"),
        ("Elimination", "OperatingIncome"),
    ],
    "NonGAAPReconciliations": [
        ("Adjusted EBITDA", "AdjustedEBITDA"),
        ("Depreciation and Amortization", "DepreciationAndAmortization"),
        ("Operating Income", "OperatingIncome"),
        ("Other Income", "OtherIncomeExpenseNet"),
        ("Income Tax Expense", "IncomeTaxExpense"),
        (
            "Equity in Net Income of Equity Method Investees",
            "EquityInNetIncomeOfEquityMethodInvestees",
        ),
        ("Net income", "NetIncome"),
        (
            "Less: Net income attributable to noncontrolling interests",
            "NetIncomeAttributableToNoncontrollingInterests",
        ),
        ("Net Income attributable to IIJ", "NetIncomeAttributableToParent"),
        ("CAPEX, including capital leases", "CapitalExpenditures"),
        (
            "Acquisition of Assets by Entering into Capital Leases",
            "AssetsAcquiredUnderCapitalLeases",
        ),
        ("Purchase of Property and Equipment", "CapexPurchaseOfPropertyAndEquipment"),
    ],
}

# Printed figures that contradict the tables' own arithmetic (see the taxonomy report):
# 002's 2Q adjusted EBITDA table words the noncontrolling interests' net LOSS as "Net income
# attributable to noncontrolling interests" (82 / 48): net income attributable to IIJ does not add.
KNOWN_DOCUMENT_ERRORS = {("Adjusted EBITDA", 2, "NetIncomeAttributableToParent")}

_NUMBER = re.compile(r"^\(?-?\d[\d,]*(\.\d+)?\)?$|^(--|-|—)$")


def _value(token: str) -> Decimal | None:
    if token in ("--", "-", "—"):
        return None
    negative = token.startswith("(")
    number = Decimal(token.strip("()").replace(",", ""))
    return -number if negative else number


def _rows(lines: list[str], title: str, occurrence: int, columns: int) -> list[tuple[str, list]]:
    """Rows (label, values) of the ``occurrence``-th table titled ``title`` in a one-row-per-line
    release: the last ``columns`` tokens of a line are its cells; the table ends at a blank line or
    a line without cells once rows have started."""
    starts = [i for i, line in enumerate(lines) if line.strip() == title]
    assert len(starts) >= occurrence, f"table {title!r} #{occurrence} not found"
    rows: list[tuple[str, list]] = []
    for line in lines[starts[occurrence - 1] + 1 :]:
        text = line.replace("\u00a0", " ").replace(" Gbps", " ").replace("%", "")
        tokens = text.split()
        if not tokens:
            if rows:
                break
            continue
        cells = tokens[-columns:]
        if len(tokens) > columns and all(_NUMBER.match(t) for t in cells):
            rows.append((" ".join(tokens[:-columns]), [_value(t) for t in cells]))
        elif rows:
            break
    return rows


@pytest.fixture(scope="module")
def index(taxonomy: Taxonomy) -> AliasIndex:
    return AliasIndex(taxonomy, taxonomy.companies["iij"])


def _walk(index: AliasIndex, taxonomy: Taxonomy, network: str, labels: list[str]) -> list:
    walker = RowWalker(index, index.network(network), taxonomy)
    return [walker.resolve(label, has_values=True) for label in labels]


def test_taxonomy_loads_with_summary_networks(taxonomy: Taxonomy) -> None:
    ids = [net.id for net in taxonomy.networks]
    for network in MY_NETWORKS.values():
        assert network in ids
    files = sorted(MY_NETWORKS)
    assert [ids.index(MY_NETWORKS[f]) for f in files] == sorted(
        ids.index(MY_NETWORKS[f]) for f in files
    )


def test_network_files_exist() -> None:
    from generator.resources import taxonomy_dir

    for file_name in MY_NETWORKS:
        assert (taxonomy_dir() / "networks" / file_name).is_file(), file_name


def test_targets_are_forecasts_and_dividends_add_up(taxonomy: Taxonomy) -> None:
    targets = next(n for n in taxonomy.networks if n.id == "FinancialTargets")
    assert targets.dimensions == {"ResultForecastAxis": "ForecastMember"}
    dividends = next(n for n in taxonomy.networks if n.id == "Dividends")
    assert {(a.parent, a.child, int(a.weight)) for a in dividends.calculations} == {
        ("DividendPerShareAnnual", f"DividendPerShare{q}", 1)
        for q in ("FirstQuarterEnd", "SecondQuarterEnd", "ThirdQuarterEnd", "YearEnd")
    }


def test_capex_adds_capital_leases_and_its_own_purchase_line(taxonomy: Taxonomy) -> None:
    """The CAPEX table's purchase line is not the cash-flow line: 003 prints 4,580 in CAPEX and
    5,358 in the cash-flow statement for 1H16."""
    net = next(n for n in taxonomy.networks if n.id == "NonGAAPReconciliations")
    weights = {
        a.child: int(a.weight) for a in net.calculations if a.parent == "CapitalExpenditures"
    }
    assert weights == {
        "AssetsAcquiredUnderCapitalLeases": 1,
        "CapexPurchaseOfPropertyAndEquipment": 1,
    }


@pytest.mark.parametrize(("title", "occurrence", "network", "columns", "expected"), TABLES_002)
def test_sample_002_rows_resolve_in_place(
    index: AliasIndex,
    taxonomy: Taxonomy,
    title: str,
    occurrence: int,
    network: str,
    columns: int,
    expected: list,
) -> None:
    lines = (samples_dir() / "002_848ee02a02e0fa53.txt").read_text(encoding="utf-8").splitlines()
    rows = _rows(lines, title, occurrence, columns)
    assert len(rows) == len(expected), [label for label, _ in rows]
    matches = _walk(index, taxonomy, network, [label for label, _ in rows])
    for (label, _), match, want in zip(rows, matches, expected, strict=True):
        assert match is not None, f"{label!r} names nothing in {network}"
        got = (match.concept, match.member[1] if match.member else None)
        if isinstance(want, tuple):
            assert got == want, label
        else:
            assert got == (want, None), label


@pytest.mark.parametrize("table", sorted(ROWS_003))
def test_sample_003_rows_resolve_in_place(
    index: AliasIndex, taxonomy: Taxonomy, table: str
) -> None:
    text = (samples_dir() / "003_beeb705454dfa33f.txt").read_text(encoding="utf-8")
    flat = " ".join(text.split())
    rows = ROWS_003[table]
    for label, _ in rows:
        assert label in flat, f"{label!r} is not printed in sample 003"
    network = table.split("/")[0]
    if network == "NonGAAPReconciliations":  # two tables: restart the walk at CAPEX
        split = next(i for i, (label, _) in enumerate(rows) if label.startswith("CAPEX"))
        parts = [rows[:split], rows[split:]]
    else:
        parts = [rows]
    for part in parts:
        matches = _walk(index, taxonomy, network, [label for label, _ in part])
        for (label, want), match in zip(part, matches, strict=True):
            assert match is not None, f"{label!r} names nothing in {network}"
            assert match.concept == want, label


def _facts(index: AliasIndex, taxonomy: Taxonomy) -> dict:
    """Sample 002's summary tables as facts {(table key, column): {(concept, member): value}}."""
    lines = (samples_dir() / "002_848ee02a02e0fa53.txt").read_text(encoding="utf-8").splitlines()
    facts: dict = {}
    for title, occurrence, network, columns, _ in TABLES_002:
        rows = _rows(lines, title, occurrence, columns)
        matches = _walk(index, taxonomy, network, [label for label, _ in rows])
        for (_, values), match in zip(rows, matches, strict=True):
            sign = -1 if match.negated != match.ref.node.negated else 1
            member = match.member[1] if match.member else None
            for column, value in enumerate(values[:2]):
                if value is not None:
                    bucket = facts.setdefault((title, occurrence, network, column), {})
                    bucket[(match.concept, member)] = sign * value
    return facts


def test_sample_002_figures_satisfy_the_sums(index: AliasIndex, taxonomy: Taxonomy) -> None:
    failures = []
    bound = set()
    for (title, occurrence, network_id, column), facts in _facts(index, taxonomy).items():
        network = next(n for n in taxonomy.networks if n.id == network_id)
        parents = {arc.parent for arc in network.calculations}
        for parent in parents:
            arcs = [a for a in network.calculations if a.parent == parent]
            for member in {m for (_, m) in facts}:
                total = facts.get((parent, member))
                items = [
                    (a.weight, facts[(a.child, member)]) for a in arcs if (a.child, member) in facts
                ]
                if total is None or not items:
                    continue  # not bound
                bound.add((network_id, parent))
                computed = sum(w * v for w, v in items)
                if (
                    abs(computed - total) > len(items)
                    and (title, occurrence, parent) not in KNOWN_DOCUMENT_ERRORS
                ):
                    failures.append(
                        f"{title} #{occurrence} col {column}: {parent}[{member}] "
                        f"printed {total}, sum {computed}"
                    )
    assert not failures, "\n".join(failures)
    # the sums these tables exercise
    assert {
        ("OperatingResultsSummary", "Revenues"),
        ("OperatingResultsSummary", "CostOfRevenues"),
        ("NetworkServicesRevenueBreakdown", "NetworkServicesRevenue"),
        ("NetworkServicesRevenueBreakdown", "InternetConnectivityEnterpriseRevenue"),
        ("NetworkServicesRevenueBreakdown", "InternetConnectivityConsumerRevenue"),
        ("ConnectivityContracts", "InternetConnectivityEnterpriseContracts"),
        ("ConnectivityContracts", "InternetConnectivityConsumerContracts"),
        ("NonGAAPReconciliations", "AdjustedEBITDA"),
        ("NonGAAPReconciliations", "NetIncome"),
        ("NonGAAPReconciliations", "NetIncomeAttributableToParent"),
        ("NonGAAPReconciliations", "CapitalExpenditures"),
    } <= bound


def test_known_document_error_is_still_there(index: AliasIndex, taxonomy: Taxonomy) -> None:
    """The 2Q table's NCI wording: if the sample is corrected, drop KNOWN_DOCUMENT_ERRORS."""
    facts = _facts(index, taxonomy)[("Adjusted EBITDA", 2, "NonGAAPReconciliations", 0)]
    ni = facts[("NetIncome", None)]
    nci = facts[("NetIncomeAttributableToNoncontrollingInterests", None)]
    assert ni - nci != facts[("NetIncomeAttributableToParent", None)]


def test_every_named_concept_exists(taxonomy: Taxonomy) -> None:
    names = {c for rows in ROWS_003.values() for _, c in rows}
    names |= {c for *_, expected in TABLES_002 for c in expected if isinstance(c, str)}
    names |= set(GROSS)
    assert names <= set(taxonomy.concepts), names - set(taxonomy.concepts)


# Sample 001 (presentation): the consolidated results slide (II-1) and the ATM operation business
# quarterly table (II-8), whose sums are checked on the seven printed quarters.
ROWS_001 = [
    (
        "OperatingResultsSummary",
        [
            ("Total Revenues", "Revenues"),
            ("Total Costs", "CostOfRevenues"),
            ("Gross Margin", "GrossProfit"),
            ("SG&A/R&D", "SellingGeneralAdministrativeAndResearchAndDevelopmentExpenses"),
            ("Operating Income", "OperatingIncome"),
            ("Income before Income Tax Expense", "IncomeBeforeIncomeTaxes"),
            ("Net Income Attributable to IIJ", "NetIncomeAttributableToParent"),
        ],
    ),
    (
        "QuarterlyHighlights",
        [
            ("Revenue", "ATMOperationBusinessRevenue"),
            ("Cost", "CostOfATMOperationBusiness"),
            ("Expenses", "ATMOperationBusinessOperatingExpenses"),
            ("Sum", "ATMOperationBusinessCostsAndExpenses"),
            ("Operating Loss", "ATMOperationBusinessOperatingIncome"),
        ],
    ),
    (
        "QuarterlyHighlights",
        [
            ("Income Tax Expenses", "IncomeTaxExpense"),
            (
                "Equity in net income of equity method investees",
                "EquityInNetIncomeOfEquityMethodInvestees",
            ),
            (
                "Net loss attributable to noncontrolling interests",
                "NetIncomeAttributableToNoncontrollingInterests",
            ),
        ],
    ),
]


@pytest.mark.parametrize(("network", "rows"), ROWS_001)
def test_sample_001_rows_resolve(
    index: AliasIndex, taxonomy: Taxonomy, network: str, rows: list
) -> None:
    lines = (samples_dir() / "001_6c9832476b77f69a.txt").read_text(encoding="utf-8").splitlines()
    printed = {line.split("\t")[0].strip() for line in lines}
    matches = _walk(index, taxonomy, network, [label for label, _ in rows])
    for (label, want), match in zip(rows, matches, strict=True):
        assert label in printed, f"{label!r} is not a row of sample 001"
        assert match is not None and match.concept == want, label


def test_sample_001_atm_quarters_satisfy_the_sums(taxonomy: Taxonomy) -> None:
    lines = (samples_dir() / "001_6c9832476b77f69a.txt").read_text(encoding="utf-8").splitlines()
    start = next(
        i for i, line in enumerate(lines) if "ATM Operation Business (JPY million)" in line
    )
    table = {}
    for line in lines[start : start + 12]:
        cells = line.split("\t")
        if len(cells) == 8 and cells[0].strip():
            table[cells[0].strip()] = [_value(c.strip()) for c in cells[1:]]
    concept = {
        "Revenue": "ATMOperationBusinessRevenue",
        "Cost": "CostOfATMOperationBusiness",
        "Expenses": "ATMOperationBusinessOperatingExpenses",
        "Sum": "ATMOperationBusinessCostsAndExpenses",
        "Operating Loss": "ATMOperationBusinessOperatingIncome",
    }
    net = next(n for n in taxonomy.networks if n.id == "QuarterlyHighlights")
    for quarter in range(7):
        facts = {concept[row]: values[quarter] for row, values in table.items() if row in concept}
        for parent in (
            "ATMOperationBusinessCostsAndExpenses",
            "ATMOperationBusinessOperatingIncome",
        ):
            arcs = [a for a in net.calculations if a.parent == parent]
            computed = sum(a.weight * facts[a.child] for a in arcs)
            assert abs(computed - facts[parent]) <= len(arcs), (
                quarter,
                parent,
                computed,
                facts[parent],
            )


def test_samples_path() -> None:
    assert Path(samples_dir() / "002_848ee02a02e0fa53.txt").is_file()


def test_no_sum_binds_on_target_or_segment_facts_alone(taxonomy: Taxonomy) -> None:
    """A calculation binds as soon as its total and one contributing fact exist (missing items
    count as zero). Targets (forecast contexts) and segment tables carry only a few concepts, so a
    sum of these networks whose total has such facts must not list another such concept: it would
    bind there without its other items."""
    targets = next(n for n in taxonomy.networks if n.id == "FinancialTargets")
    segments = next(n for n in taxonomy.networks if n.id == "Segments")
    sparse = {
        "forecast": {n.concept for n in targets.nodes()},
        "segment": {n.concept for n in segments.nodes() if n.breakdown},
    }
    for net in taxonomy.networks:
        if net.id not in MY_NETWORKS.values() or net.id == "Segments":
            continue
        for parent in {a.parent for a in net.calculations}:
            children = {a.child for a in net.calculations if a.parent == parent}
            for kind, concepts in sparse.items():
                if parent in concepts:
                    assert not children & concepts, (net.id, parent, kind, children & concepts)
