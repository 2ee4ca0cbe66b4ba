"""The documented JSON Schema of results files is the one the models generate."""

import json
from pathlib import Path

from generator.model.results import Results

DOC = Path(__file__).parents[2] / "docs" / "results.schema.json"


def test_docs_results_schema_is_up_to_date() -> None:
    assert json.loads(DOC.read_text()) == Results.model_json_schema(), (
        "regenerate it: xbrlgen schema -o docs/results.schema.json"
    )
