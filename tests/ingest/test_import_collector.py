"""An import pauses Python's cyclic collector only while its file is read and written."""

from __future__ import annotations

import gc
import json

import pytest

from tests.ingest.spapi_docs import sales_doc, write
from vendordesk.errors import UserError
from vendordesk.ops.imports import import_file


def test_the_collector_runs_again_after_an_import_and_after_a_refusal(tmp_path, workspace):
    good = write(tmp_path / "good.json", json.dumps(sales_doc()))
    bad = write(tmp_path / "bad.json", json.dumps(sales_doc()).replace('"shippedUnits": 5', '"shippedUnits": "x"'))
    assert gc.isenabled()
    assert import_file(workspace, good).value["rows"] == 3      # the aggregate and two ASINs
    assert gc.isenabled()
    with pytest.raises(UserError):
        import_file(workspace, bad)
    assert gc.isenabled()


def test_a_caller_that_paused_the_collector_keeps_it_paused(tmp_path, workspace):
    good = write(tmp_path / "good.json", json.dumps(sales_doc()))
    gc.disable()
    try:
        import_file(workspace, good)
        assert not gc.isenabled()
    finally:
        gc.enable()
