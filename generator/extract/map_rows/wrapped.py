"""Labels wrapped over two lines with the figures on one of them ("Internet Connectivity<TAB>
100,282 ..." / "Services (Corporate Use)", or "IIJ FiberAccess/F and IIJ" / "DSL/F 1,456"):
the reader sees a row and a heading beside it; only the network's wordings can tell that they
are one label. A row whose label names nothing takes the heading line printed right below (or
else right above) it when the two together are one of the network's wordings exactly and the
heading alone names nothing: a real heading names its group, a wrapped tail names nothing."""

from __future__ import annotations

from collections.abc import Callable

from generator.extract.layout import Row, Table
from generator.extract.map_rows.transposed import known_wordings
from generator.taxonomy.aliases import AliasIndex, NetworkAliases


def label_namer(index: AliasIndex, network: NetworkAliases) -> Callable[[str], bool]:
    """Whether a label is, as printed, a wording of the network or a member of one of its
    breakdowns (no reading by similarity, in other words or by prefix: exact words only)."""
    known = known_wordings(index, network)
    return lambda label: bool(label.strip()) and index.key(label) in known


def join_wrapped_labels(table: Table, names: Callable[[str], bool]) -> Table:
    """``table`` with each wrapped label joined into its figure row (the heading line dropped);
    the same table when none is."""
    rows = table.rows
    labels: dict[int, str] = {}
    dropped: set[int] = set()
    for i, row in enumerate(rows):
        if not _has_figures(row) or names(row.label):
            continue
        after = i + 1
        if after < len(rows) and _wrapped_part(rows[after], row.line + 1, names) and \
                names(joined := f"{row.label} {rows[after].label}"):
            labels[i] = joined
            dropped.add(after)
            continue
        before = i - 1
        if before >= 0 and before not in dropped and \
                _wrapped_part(rows[before], row.line - 1, names) and \
                names(joined := f"{rows[before].label} {row.label}"):
            labels[i] = joined
            dropped.add(before)
    if not labels:
        return table
    return table.model_copy(update={"rows": tuple(
        row.model_copy(update={"label": labels[i]}) if i in labels else row
        for i, row in enumerate(rows) if i not in dropped)})


def _has_figures(row: Row) -> bool:
    return any(cell is not None for cell in row.cells)


def _wrapped_part(row: Row, line: int, names: Callable[[str], bool]) -> bool:
    """A heading line on ``line`` (next to the figure row) whose words name nothing alone."""
    return row.line == line and not _has_figures(row) and row.period is None \
        and bool(row.label.strip()) and not names(row.label)
