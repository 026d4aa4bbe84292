"""Issue 18: opening a freshly generated demo and reading what the window's tabs read leaves the
workspace file as it was. The demo used to leave its caches (the facts snapshot, the gears'
manual KPI and PO line frames, Amazon's forecasts) empty, so the first gears read built and saved
them: opening the 5,000 x 156 demo grew the file 449 -> 493 MB (plus a WAL) on a "read only" look.
"""

from __future__ import annotations

import hashlib
from pathlib import Path


def _fingerprint(path: Path) -> tuple[int, str]:
    return path.stat().st_size, hashlib.sha256(path.read_bytes()).hexdigest()


def test_reading_a_fresh_demo_as_the_window_does_writes_nothing(demo_path):
    from vendordesk.ops.forecast_plan import forecast_plan
    from vendordesk.ops.gear_model import load_gear_model
    from vendordesk.ops.influence import load_views

    before = _fingerprint(demo_path)
    load_gear_model(demo_path)              # the gears tab's first read (it fills missing caches)
    load_views(demo_path, "de")             # "Was bewegt was"
    forecast_plan(demo_path, horizon=8, holdout=8)      # the forecast tab's plan
    assert not Path(f"{demo_path}-wal").exists() or Path(f"{demo_path}-wal").stat().st_size == 0
    assert _fingerprint(demo_path) == before
