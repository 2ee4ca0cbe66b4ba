"""Row mapping: a read :class:`Document` -> facts, every other number accounted for.

Per table: choose the network (:mod:`.choose`), walk its rows keeping the place in the tree
(:mod:`.walker`), and turn each cell into a :class:`ResultFact` (:mod:`.values`) or an
``Unmapped`` / ``Skipped`` record.
"""

from generator.extract.map_rows.document import MappedDocument, TableOutcome, map_document

__all__ = ["MappedDocument", "TableOutcome", "map_document"]
