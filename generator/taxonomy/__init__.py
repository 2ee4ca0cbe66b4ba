"""The taxonomy stage's tools: load the YAML declaration, render schema/linkbases, package."""

from generator.taxonomy.load import TaxonomyError, load_taxonomy

__all__ = ["TaxonomyError", "load_taxonomy"]
