"""Map every table of a document; build facts, unmapped and skipped records."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from generator.extract.coverage import LabelReading, Skipped
from generator.extract.layout import Cell, Column, Document, Row, Table
from generator.extract.map_rows.choose import Mode, choose_layout
from generator.extract.map_rows.facts import (
    FactPlace,
    build_fact,
    header_member,
    superseded_member,
)
from generator.extract.map_rows.inlabel import LabelStrip, read_label
from generator.extract.map_rows.transposed import (
    VALUE_ROLES,
    column_items,
    header_text,
    is_transposed,
    split_wordings,
)
from generator.extract.map_rows.walker import RowMatch, RowWalker
from generator.extract.map_rows.wrapped import join_wrapped_labels, label_namer
from generator.extract.read.inlabel import label_figures as label_figures_in
from generator.model.period import Duration
from generator.model.results import ResultFact, Unmapped
from generator.model.taxonomy import Taxonomy
from generator.taxonomy.aliases import AliasIndex, NetworkAliases

DERIVED_ROLES = {
    "percent_of_revenue": "derived: percent of total revenues",
    "change": "derived: year-on-year change",
    "change_percent": "derived: year-on-year change in percent",
    "other": "column is not a reported figure",
}


@dataclass
class TableOutcome:
    table: Table
    network: str | None
    facts: list[ResultFact] = field(default_factory=list)
    # facts[i] was read from strip fact_strips[i] of the table — its column, or its row when
    # the table is transposed (one row per period): the proof stage judges each strip whole,
    # since one reading of a header (or of a row's period) placed all its figures
    fact_strips: list[int] = field(default_factory=list)
    transposed: bool = False
    # the item columns were ordered by the network, not by the printed header (stacked boxes
    # a scan read across): every figure is placed by plausibility and needs its own evidence
    order_guessed: bool = False
    # a transposed table's figure columns (by index) and the concept its header names there
    column_concepts: dict[int, str] = field(default_factory=dict)
    unmapped: list[Unmapped] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    readings: list[LabelReading] = field(default_factory=list)
    # rows (by number) whose line the mapper is not sure of, with why: read in other words
    # (``taxonomy/language.yaml``), or a breakdown's member after a row printing figures it
    # could not read; the proof files their figures only where a check of their own ties them
    doubtful_rows: dict[int, str] = field(default_factory=dict)
    # rows (by number) printing no figure whose label names only headings of the network
    # ("OPERATING ACTIVITIES:"), with the concepts under the heading it names, for
    # ``proof.closed``: lines of no amount
    headings: dict[int, frozenset[str]] = field(default_factory=dict)
    # strips of figures read from row labels (fact_strips >= LABEL_STRIPS): one per row and
    # concept; the proof stage judges them apart from the table's columns
    label_strips: dict[int, LabelStrip] = field(default_factory=dict)
    # figures printed in row labels, once per date each is printed for (facts or unmapped):
    # numbers the coverage report must account for beside the table's cells
    label_numbers: int = 0
    # the row (index into table.rows) each cell's fact was read from, by id of the fact:
    # rows run on in one line (a PDF's text layer) cannot be told apart by their line
    fact_rows: dict[int, int] = field(default_factory=dict)


# Why a row's line is in doubt (``TableOutcome.doubtful_rows``), as "its row ...":
IN_OTHER_WORDS = "was read in other words than the taxonomy declares"
AFTER_UNREAD = ("was read as a breakdown's member after a row printing figures that no wording "
                "names (it may be the total these members belong to)")
UNDER_AFTER_UNREAD = ("was read as a line of a breakdown's total (no member) after a row printing "
                      "figures that no wording names (it may be the member this line belongs "
                      "to)")
BY_PLACE_AFTER_UNREAD = ("names several lines of the statement, and was read as the one where "
                         "the statement stood, after a row printing figures that no wording "
                         "names (it may be the heading that places it: 'Total costs')")
AT_PLACE = ("was read as the next line where the statement stood, though its words name another "
            "line (two labels run together: 'IP Service (1Gbps-) IIJ Data Center "
            "Connectivity')")
RESEMBLES = ("was read as the line its words resemble, though they name another line exactly "
             "(two labels run together: 'OEM Total Contracted', a wrapped label's first half "
             "joined to the row above)")
BY_ORDER = ("was read as a member of {concept}'s breakdown only because it is the statement's "
            "first: no title or row printed above it names what its members measure (a title "
            "a scan damaged: 'Sxgmxnt prxfit' members are profits, not revenues)")
LABEL_STRIPS = 1_000_000  # strip numbers from here on are label strips, not columns


@dataclass
class MappedDocument:
    document: Document
    tables: list[TableOutcome]
    loose: list[Unmapped]

    @property
    def facts(self) -> list[ResultFact]:
        return [f for t in self.tables for f in t.facts]

    @property
    def unmapped(self) -> list[Unmapped]:
        return [u for t in self.tables for u in t.unmapped] + self.loose

    @property
    def skipped(self) -> list[Skipped]:
        return [s for t in self.tables for s in t.skipped]

    @property
    def readings(self) -> list[LabelReading]:
        return [r for t in self.tables for r in t.readings]


class _TableMapper:
    def __init__(
        self, doc: Document, table: Table, taxonomy: Taxonomy, index: AliasIndex,
        network: NetworkAliases | None, currency: str, mode: Mode = "rows",
    ) -> None:
        self.mode = mode
        self.doc = doc
        self.table = table
        self.taxonomy = taxonomy
        self.index = index
        self.network = network
        self.currency = currency
        self.out = TableOutcome(table=table, network=network.network.id if network else None)
        self.row_number: int | None = None  # the row being mapped (one per table row)
        self.after_unread = False  # a row printing figures went unread since the last line
        ocr = doc.layout == "ocr"  # damaged labels may be read by similarity (reported)
        self.walker = RowWalker(index, network, taxonomy, fuzzy=ocr) if network else None
        self.flags_forecasts = any(c.forecast for c in table.columns) or any(
            r.forecast for r in table.rows
        )
        # What depends on the table and network alone, asked per row and per cell: found once.
        self._members: dict[tuple[str, bool], tuple[str, str] | None] = {}
        self._total: tuple[Column | None] | None = None
        self._statement: tuple[Duration | None] | None = None
        self._place = FactPlace(document=doc.name, network=network.network,
                                currency=currency, flags_forecasts=self.flags_forecasts
                                ) if network else None

    def doubt_row(self, match: RowMatch | None, has_values: bool, number: int, label: str
                  ) -> None:
        """Note a row whose line is the mapper's guess: read in other words, or a breakdown's
        member (or a line under one) after a row printing figures no wording named — that row
        may be the next total, its members these ("Operating Incoe 3,263" then "Network
        Service and SI Business 3,260" is operating income's segment, not revenues'), or
        the member a line under a breakdown's total belongs to ("Network servce ..." then
        "Customers 34,043,704" is that segment's, not the consolidated figure) — or,
        after such a row, a wording several lines share ("Equipment Sales" under "Tota1
        Costs" is the cost of equipment sales)."""
        if match is not None and match.in_other_words:
            self.out.doubtful_rows[number] = IN_OTHER_WORDS
        if match is not None and match.at_place and has_values and self._names_another(
                label, match):
            self.out.doubtful_rows[number] = AT_PLACE
        elif match is not None and match.reading is not None and has_values \
                and self._names_another(label, match):
            self.out.doubtful_rows.setdefault(number, RESEMBLES)
        if match is not None and match.by_order and match.member is not None and has_values:
            self.out.doubtful_rows.setdefault(number, BY_ORDER.format(concept=match.concept))
        if match is None or (match.at_place and has_values):
            # (a row read by its place alone is no surer a line than one not read at all)
            self.after_unread = self.after_unread or has_values
        elif match.member is None and not match.by_place and not match.under_breakdown:
            self.after_unread = False
        elif self.after_unread:
            self.out.doubtful_rows.setdefault(
                number, AFTER_UNREAD if match.member is not None else
                UNDER_AFTER_UNREAD if match.under_breakdown else BY_PLACE_AFTER_UNREAD)

    def _names_another(self, label: str, match: RowMatch) -> bool:
        """Whether the label's words name, exactly, another line than the one its place chose
        ("IP Service (1Gbps-) IIJ Data Center Connectivity": two labels run together)."""
        if self.network is None:
            return False
        spans, _ = split_wordings(self.index, self.network, label)
        return any(c.ref.concept != match.concept
                   for key, heading in spans if not heading
                   for c in self.network.candidates(key))

    def unmapped(self, cell: Cell, reason: str) -> None:
        self.out.unmapped.append(
            Unmapped(document=self.doc.name, line=cell.line, text=cell.text, reason=reason)
        )

    def run(self) -> TableOutcome:
        if self.mode == "periods" or (self.mode == "rows" and is_transposed(self.table)):
            return self.run_transposed()
        if self.network is not None:
            self.table = self.out.table = join_wrapped_labels(
                self.table, label_namer(self.index, self.network))
        if self.walker is not None and self.table.title:
            self.walker.resolve(self.table.title, has_values=False)  # the title is a heading
        for number, row in enumerate(self.table.rows):
            self.row_number = number
            self.row(row)
        return self.out

    def row(self, row: Row) -> None:
        cells = [(i, col, cell)
                 for i, (col, cell) in enumerate(zip(self.table.columns, row.cells, strict=False))
                 if cell is not None]
        extra = row.cells[len(self.table.columns):]
        for cell in extra:
            if cell is not None:
                self.unmapped(cell, f"cell beyond the table's {len(self.table.columns)} columns "
                                    f"in row '{row.label}'")
        has_values = bool(cells) or any(c is not None for c in extra)
        match = self.walker.resolve(row.label, has_values) if self.walker else None
        if self.row_number is not None:
            self.doubt_row(match, has_values, self.row_number, row.label)
        if (match is not None and not has_values and self.row_number is not None
                and self.walker is not None and self.walker.is_abstract(match.ref)
                and self.walker.names_only_headings(row.label)):
            self.out.headings[self.row_number] = frozenset(
                node.concept for node in match.ref.node.walk())
        if match is not None and match.reading is not None and cells:
            self.out.readings.append(LabelReading(
                document=self.doc.name, line=row.line, label=row.label,
                read_as=match.reading.wording, score=match.reading.score,
            ))
        if self.mode == "rows" and self.network is not None:
            self.label(row, match)
        statement = self.statement_period() if self.mode == "matrix" else None
        total_column = self.total_column()
        for index, column, cell in cells:
            if column.role in DERIVED_ROLES:
                self.skip(column, cell)
            elif self.mode == "matrix" and column is not total_column and (
                self.column_member(column) is None
            ):
                self.unmapped(cell, f"matrix column '{column.header}': network "
                                    f"{self.network.network.id if self.network else '-'} has no "
                                    "axis for the columns of this statement; only its first "
                                    "(total) column maps")
            elif self.network is None:
                self.unmapped(cell, f"no network for table '{self.table.title}' "
                                    f"(row label '{row.label}')")
            elif match is None:
                self.unmapped(cell, f"no concept for row label '{row.label}' in network "
                                    f"{self.network.network.id}")
            elif self.mode == "matrix":
                period = row.period if isinstance(row.period, Duration) else (
                    statement or row.period)
                self.fact(row, match, column.model_copy(update={"period": period}), cell, index)
            else:
                self.fact(row, match, column, cell, index)

    def label(self, row: Row, match: RowMatch | None) -> None:
        """Figures printed inside the row's label (allowances, share counts)."""
        assert self.network is not None
        if match is None or match.member is not None:
            if label_figures_in(row.label):
                for clause in label_figures_in(row.label):
                    for figure in clause.figures:
                        self.out.label_numbers += 1
                        self.out.unmapped.append(Unmapped(
                            document=self.doc.name, line=row.line, text=figure.text,
                            reason=f"figure in the label of row '{row.label[:60]}': the row "
                                   "names no line of network "
                                   f"{self.network.network.id}"))
            return
        reading = read_label(self.taxonomy, self.index, self.network.network, self.table, row,
                             match.concept, self.doc.name)
        self.out.label_numbers += len(reading.facts) + len(reading.unmapped)
        for line, text, reason in reading.unmapped:
            self.out.unmapped.append(Unmapped(document=self.doc.name, line=line, text=text,
                                              reason=reason))
        numbers: dict[int, int] = {}
        for fact, strip in reading.facts:
            number = numbers.get(id(strip))
            if number is None:
                number = numbers[id(strip)] = LABEL_STRIPS + len(self.out.label_strips)
                self.out.label_strips[number] = strip
            self.out.facts.append(fact)
            self.out.fact_strips.append(number)

    def total_column(self) -> Column | None:
        """The column of a matrix without a member: the first figure column naming none."""
        if self._total is None:
            figures = [c for c in self.table.columns if c.role in VALUE_ROLES]
            self._total = (next((c for c in figures if self.column_member(c) is None), None),)
        return self._total[0]

    def column_member(self, column: Column) -> tuple[str, str] | None:
        """The member a column header names (a segment column), on an axis of the network."""
        if self.network is None or not column.header:
            return None
        key = (column.header, column.superseded)
        if key not in self._members:
            self._members[key] = (
                superseded_member(self.index, self.network, column.header) if column.superseded
                else header_member(self.index, self.network, column.header))
        return self._members[key]

    def statement_period(self) -> Duration | None:
        """The period a matrix statement covers: the duration most of its rows name (opening
        and closing balance rows are then the instants before its start and at its end)."""
        if self._statement is None:
            spans = Counter(r.period for r in self.table.rows if isinstance(r.period, Duration))
            self._statement = (spans.most_common(1)[0][0] if spans else None,)
        return self._statement[0]

    def run_transposed(self) -> TableOutcome:
        """One row per period: items from the joined column header, periods from the rows."""
        figures = [i for i, c in enumerate(self.table.columns) if c.role in VALUE_ROLES]
        matches: dict[int, RowMatch | None] = {}
        items: list[str] = []
        if self.network is not None and self.walker is not None:
            self.walker.items_only = True
            found = column_items(self.index, self.network, self.table,
                                 ocr=self.doc.layout == "ocr")
            items = found.items
            self.out.order_guessed = found.order_guessed
            matches = _one_column_per_line(
                {i: self.walker.resolve(item, True) for i, item in found.by_column.items()},
                self.table.columns)
            self.out.column_concepts = {i: m.concept for i, m in matches.items() if m is not None}
        self.out.transposed = True
        for r, row in enumerate(self.table.rows):
            for i, (column, cell) in enumerate(zip(self.table.columns, row.cells, strict=False)):
                if cell is None:
                    continue
                if column.role in DERIVED_ROLES:
                    self.skip(column, cell)
                elif self.network is None:
                    self.unmapped(cell, f"no network for table '{self.table.title}' "
                                        f"(header '{header_text(self.table.columns)}')")
                elif row.period is None:
                    self.unmapped(cell, f"row '{row.label}' of a one-row-per-period table "
                                        "names no period")
                elif (match := matches.get(i)) is None:
                    self.unmapped(cell, self._header_reason(items, len(figures), column))
                else:
                    dated = column.model_copy(update={
                        "period": row.period, "forecast": column.forecast or row.forecast})
                    self.fact(row, match, dated, cell, r)
        return self.out

    def _header_reason(self, items: list[str], figures: int, column: Column) -> str:
        assert self.network is not None
        header = header_text(self.table.columns)
        if " | " in header:  # one header per column
            return (f"no concept for column header '{column.header}' in network "
                    f"{self.network.network.id}")
        if len(items) != figures:
            return (f"header '{header}' splits into {len(items)} known wordings of network "
                    f"{self.network.network.id} ({', '.join(items) or 'none'}) for {figures} "
                    "figure columns")
        return f"no concept for a column of header '{header}' in network {self.network.network.id}"

    def skip(self, column: Column, cell: Cell) -> None:
        self.out.skipped.append(Skipped(
            document=self.doc.name, line=cell.line, text=cell.text, role=column.role,
            reason=DERIVED_ROLES[column.role],
        ))

    def fact(self, row: Row, match: RowMatch, column: Column, cell: Cell, strip: int) -> None:
        assert self._place is not None
        built = build_fact(self.taxonomy, self.index, self._place, row, match, column, cell,
                           self.column_member(column))
        if isinstance(built, str):
            self.unmapped(cell, built)
        else:
            self.out.facts.append(built)
            self.out.fact_strips.append(strip)
            if self.row_number is not None:
                self.out.fact_rows[id(built)] = self.row_number


def _one_column_per_line(matches: dict[int, RowMatch | None], columns: tuple[Column, ...]
                         ) -> dict[int, RowMatch | None]:
    """A table of one row per period prints each line in one column (per currency: a
    translation beside it): two columns read as one line ("Basic ... per Share" and a damaged
    "Dilutd ... per Share" both read as the basic figure) are misread, and neither is placed
    (equal figures would confirm each other as printed twice)."""
    def line(i: int, m: RowMatch) -> tuple[object, ...]:
        return m.concept, m.member, columns[i].role, columns[i].currency
    lines = Counter(line(i, m) for i, m in matches.items() if m is not None)
    return {i: None if m is not None and lines[line(i, m)] > 1 else m
            for i, m in matches.items()}


def default_currency(doc: Document, taxonomy: Taxonomy) -> str:
    company = taxonomy.companies.get(doc.company or "")
    return company.currency if company else "JPY"


def map_document(
    doc: Document, taxonomy: Taxonomy, index: AliasIndex | None = None
) -> MappedDocument:
    """Every table's cells become facts, unmapped or skipped records; loose numbers unmapped."""
    if index is None:
        index = AliasIndex(taxonomy, taxonomy.companies.get(doc.company or ""))
    currency = default_currency(doc, taxonomy)
    outcomes = []
    for table in doc.tables:
        network, mode = choose_layout(index, table)
        outcomes.append(_TableMapper(doc, table, taxonomy, index, network, currency, mode).run())
    loose = [
        Unmapped(document=doc.name, line=cell.line, text=cell.text,
                 reason="number outside any table the reader recognised")
        for cell in doc.loose_numbers
    ]
    return MappedDocument(document=doc, tables=outcomes, loose=loose)
