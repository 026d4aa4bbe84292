"""The influence views: everything they show read in one go, and their edits (one link of the KPI
graph, the monthly sales targets)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from vendordesk.changes import Changes
from vendordesk.ops.base import Cancelled, OpResult, Progress
from vendordesk.ops.workspace import WorkspaceArg, opened

if TYPE_CHECKING:
    from vendordesk.core.influence.graph import Edge, Graph
    from vendordesk.core.influence.model import WhatIf
    from vendordesk.store.whatif import MakeShocks, Prepared, RunInfo

CHANGES = Changes(gears=True)     # edges and targets


def save_edge(workspace: WorkspaceArg, edge_id: str, sign: int, lag: int, strength: float) -> OpResult[Edge]:
    """Store the KAM's values for one link (store.influence.save_edge; UserError names the field)."""
    from vendordesk.store.influence import save_edge as store

    with opened(workspace) as ws:
        return OpResult(store(ws, edge_id, sign, lag, strength), CHANGES)


def reset_edge(workspace: WorkspaceArg, edge_id: str) -> OpResult[None]:
    """Forget the KAM's edit of one link (store.influence.reset_edge)."""
    from vendordesk.store.influence import reset_edge as store

    with opened(workspace) as ws:
        store(ws, edge_id)
    return OpResult(None, CHANGES)


def read_targets(workspace: WorkspaceArg, year: int) -> dict[int, float]:
    """The year's monthly sales targets, month 1..12 -> amount (store.influence.read_targets)."""
    from vendordesk.store.influence import read_targets as stored

    with opened(workspace) as ws:
        return stored(ws, year)


def write_targets(workspace: WorkspaceArg, year: int, months: dict[int, float]) -> OpResult[None]:
    """Replace the year's monthly targets (store.influence.write_targets; refused: nothing saved)."""
    from vendordesk.store.influence import write_targets as store

    with opened(workspace) as ws:
        store(ws, year, months)
    return OpResult(None, CHANGES)


def load_views(path: str | Path, lang: str = "en", start: str | None = None, end: str | None = None,
               progress: Progress | None = None, cancelled: Cancelled | None = None,
               whatif: bool = True) -> dict[str, Any]:
    """Everything the influence views and the management brief show, as plain data (dataclasses,
    DataFrames). Opens its own connection, so it runs in a worker (ui.influence.data.load_all).

    ``whatif=False`` (the management brief): without the what-if's state and the baseline, which
    the brief never shows (the what-if's read of the history is its peak at 5,000 x 156)."""
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
    from vendordesk.store.lean_query import release_freed_memory
    from vendordesk.store.whatif import prepare

    def step(fraction: float) -> None:
        if progress:
            progress(fraction)

    with open_workspace(Path(path)) as ws:
        # The what-if's state first: its own read of the history is freed before the facts are read
        # (held together they added ~170 MB at 5,000 ASINs x 156 weeks). After each step what it
        # freed goes back to the system, so the next step's peak does not stack on its leftovers.
        state = prepare(ws) if whatif else None    # the structural model's state and calibration
        release_freed_memory()
        inputs = load_inputs(ws, keep=False)    # the window's views keep results, not the facts
        # no view reads the week ends: one column fewer held through every step (6 MB at 5,000 x 156)
        frame = inputs["frame"] = inputs["frame"].drop(columns=["period_end"], errors="ignore")
        step(0.35)
        data: dict[str, Any]
        data = {"has_data": not frame.empty and frame["ordered_units"].notna().any()
                if "ordered_units" in frame else False,
                "currency": inputs["currency"], "graph": load_graph(ws), "lang": lang,
                "account": ws.meta("account_name") or ws.path.stem, "net_ppm_target": inputs["net_ppm_target"],
                "whatif": state}
        if not data["has_data"]:
            return data
        if whatif:
            data["baseline"] = baseline_from_frame(frame, 13)
        data["chains"] = load_chains(ws, lang, inputs)
        release_freed_memory()
        step(0.55)
        bridge = load_bridge(ws, start, end, inputs)
        data["bridge"] = bridge
        if bridge is not None and bridge.periods:
            a, b = bridge.periods
            data["explanation"] = explain_change(frame, a, b, inputs["forecast"], inputs["po"], lang)
        release_freed_memory()
        step(0.7)
        data["target"] = load_target_view(ws, lang=lang, inputs=inputs)
        data["frame_weeks"] = sorted(frame["period_start"].unique())
        del frame, inputs
        release_freed_memory()
        step(1.0)
    return data


def run_prepared(info: Prepared, make_shocks: MakeShocks, weeks: int,
                 graph: Graph | None = None) -> tuple[WhatIf, RunInfo]:
    """The what-if on data ``load_views`` read before (store.whatif.run_prepared); no workspace."""
    from vendordesk.store.whatif import run_prepared as run

    return run(info, make_shocks, weeks, graph)


def run_whatif(workspace: WorkspaceArg, make_shocks: MakeShocks, weeks: int) -> tuple[WhatIf, RunInfo]:
    """``vendordesk simulate``: the what-if on the workspace's data (store.whatif.run_whatif);
    ``make_shocks(levels)`` checks rate shocks against today's levels."""
    from vendordesk.store.whatif import run_whatif as run

    with opened(workspace) as ws:
        return run(ws, make_shocks, weeks)


def latest_week(workspace: WorkspaceArg) -> str | None:
    """The newest week start with sales facts, or None (store.facts_read.latest_week): where the
    management brief's default period ends."""
    from vendordesk.store.facts_read import latest_week as stored

    with opened(workspace) as ws:
        return stored(ws)
