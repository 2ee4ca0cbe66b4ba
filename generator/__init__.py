"""xbrlgen: financial-results releases in, validated XBRL 2.1 filings out.

The pipeline reads top to bottom: ``extract -> map -> generate -> validate``; each stage is a
subpackage with one job and a typed (pydantic) boundary described in :mod:`generator.model`.
"""

__version__ = "0.1.0"
