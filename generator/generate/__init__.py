"""The generate stage: filings and taxonomy in, XBRL files (bytes) out, written atomically."""

from generator.generate.instance import instance_bytes
from generator.generate.output import OutputStage

__all__ = ["OutputStage", "instance_bytes"]
