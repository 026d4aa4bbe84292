"""Helpers for ingest tests: the official SP-API examples (tests/fixtures/spapi-schemas) and small fixture files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "ingest"
SCHEMAS = Path(__file__).resolve().parents[1] / "fixtures" / "spapi-schemas"


@pytest.fixture
def spapi_example(tmp_path):
    """spapi_example("vendorSalesReport", 0) -> path of that official example as a .json file."""

    def make(schema: str, index: int = 0) -> Path:
        document = json.loads((SCHEMAS / f"{schema}.json").read_text("utf-8"))
        path = tmp_path / f"{schema}_{index}.json"
        path.write_text(json.dumps(document["examples"][index]), "utf-8")
        return path

    return make


@pytest.fixture
def fixture_file():
    return lambda name: FIXTURES / name
