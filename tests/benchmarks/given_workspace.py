"""The big workspace a benchmark measures: VENDORDESK_BENCH_WORKSPACE=PATH, copied first (the run may
fill its caches; the original is not written), or the test is skipped."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest


def copied_big_workspace(tmp_path: Path) -> Path:
    given = os.environ.get("VENDORDESK_BENCH_WORKSPACE")
    if not given:
        pytest.skip("VENDORDESK_BENCH_WORKSPACE=PATH of a 5,000 x 156 demo workspace")
    path = tmp_path / "big.vendordesk"
    shutil.copy(given, path)
    return path
