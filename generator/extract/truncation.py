"""Whether a release stops in the middle of a statement (issue 15): its last primary statement
(balance sheet, income statement, cash flows...) lacks the statement's closing total, its last
printed row is one the extractor read, none of its rows comes after that total in the
statement's order, and no table with figures follows it.

Why these conditions: a release cut halfway ends in the statement it was printing, so that
statement's last rows, its closing total among them, are missing. A summary slide that prints a
few lines of a statement is followed by more tables; a statement whose closing total the OCR
garbled still prints that row (unread) and the lines after it (cash at the end of the period):
neither is a cut. The closing total is taxonomy data: the last top-level sum of the network in
presentation order (total liabilities and equity, net income attributable to the parent, the
net change in cash).
"""

from __future__ import annotations

from generator.extract.map_rows import MappedDocument
from generator.model.taxonomy import Network, Taxonomy

#: How every truncation problem ends (the reader's "runs to the end of the text" too).
TRUNCATED = "the release looks truncated"


def closing_total(network: Network) -> str | None:
    """The statement's last top-level sum in presentation order, if it has one."""
    parents = {arc.parent for arc in network.calculations}
    children = {arc.child for arc in network.calculations}
    tops = [n.concept for n in network.nodes()
            if n.concept in parents and n.concept not in children]
    return tops[-1] if tops else None


def cut_statement(mapped: MappedDocument, taxonomy: Taxonomy) -> str | None:
    """A problem line when the release stops inside its last statement, else None."""
    networks = {n.id: n for n in taxonomy.networks}
    with_figures = [o for o in mapped.tables if o.facts and o.table.rows]
    statements = [o for o in with_figures
                  if o.network is not None and networks[o.network].primary]
    if not statements:
        return None
    last = max(statements, key=lambda o: o.table.line)
    network = networks[last.network or ""]
    total = closing_total(network)
    if total is None or any(f.concept == total for f in last.facts):
        return None
    if any(o.table.line > last.table.line for o in with_figures):
        return None
    last_row = max(last.table.rows, key=lambda r: r.line)
    read = [f.concept for f in last.facts if f.source.line == last_row.line]
    if not read:
        return None  # its last row was printed but not read: the statement went on
    order = {n.concept: i for i, n in reversed(list(enumerate(network.nodes())))}
    in_labels = {f.concept for f in taxonomy.label_figures}  # declared after the totals, but
    if any(order.get(f.concept, -1) > order[total]             # printed inside a row's label
           for f in last.facts if f.concept not in in_labels):
        return None  # it printed lines past its closing total (a garbled total row, no cut)
    return (f"line {last_row.line}: the {network.title} (table {last.table.title[:60]!r}, line "
            f"{last.table.line}) stops at {last_row.label!r} without its closing total "
            f"({total}) and nothing with figures follows; {TRUNCATED}")
