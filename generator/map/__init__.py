"""The map stage: structured results in, one :class:`Filing` per reporting period out."""

from generator.map.filings import MappingError, build_filings

__all__ = ["MappingError", "build_filings"]
