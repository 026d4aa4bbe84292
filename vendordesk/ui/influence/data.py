"""Everything the influence views and the management brief show, read in one go.

``load_all`` opens its own connection, so it runs in a worker (vendordesk.ui.workers.run_task);
it returns plain data (dataclasses, DataFrames), never widgets or connections.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any


def load_all(path: str | Path, lang: str = "en", start: str | None = None, end: str | None = None,
             progress=None, cancelled=None) -> dict:
    from vendordesk.core.influence.explain import explain_change
    from vendordesk.core.influence.sim import baseline_from_frame
    from vendordesk.store import open_workspace
    from vendordesk.store.influence import (
        load_bridge,
        load_chains,
        load_graph,
        load_inputs,
        load_target_view,
    )

    def step(fraction: float) -> None:
        if progress:
            progress(fraction)

    with open_workspace(Path(path)) as ws:
        inputs = load_inputs(ws)
        step(0.35)
        frame = inputs["frame"]
        data: dict[str, Any]
        data = {"has_data": not frame.empty and frame["ordered_units"].notna().any()
                if "ordered_units" in frame else False,
                "currency": inputs["currency"], "graph": load_graph(ws), "lang": lang,
                "account": ws.meta("account_name") or ws.path.stem, "net_ppm_target": inputs["net_ppm_target"]}
        from vendordesk.store.whatif import prepare

        data["whatif"] = prepare(ws)            # the structural model's state and calibration
        if not data["has_data"]:
            return data
        data["baseline"] = baseline_from_frame(frame, 13)
        data["chains"] = load_chains(ws, lang, inputs)
        step(0.55)
        bridge = load_bridge(ws, start, end, inputs)
        data["bridge"] = bridge
        if bridge is not None and bridge.periods:
            a, b = bridge.periods
            data["explanation"] = explain_change(frame, a, b, inputs["forecast"], inputs["po"], lang)
        step(0.7)
        data["target"] = load_target_view(ws, lang=lang, inputs=inputs)
        data["frame_weeks"] = sorted(frame["period_start"].unique())
        step(1.0)
    return data
