"""Synthetic inputs with known answers: results that satisfy a taxonomy's calculations
(benchmarks, integration tests) and release texts printed from them with the ground truth of
every printed figure (extraction measurement on text the extractor has never seen)."""

from generator.synthetic.results import (
    DECIMALS,
    UNITS,
    reporting_period,
    solve,
    synthetic_results,
)

__all__ = ["DECIMALS", "UNITS", "reporting_period", "solve", "synthetic_results"]
