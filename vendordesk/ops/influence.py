"""The influence views' edits: one link of the KPI graph (edit, reset), the monthly sales targets."""

from __future__ import annotations

from typing import TYPE_CHECKING

from vendordesk.changes import Changes
from vendordesk.ops.base import OpResult
from vendordesk.ops.workspace import WorkspaceArg, opened

if TYPE_CHECKING:
    from vendordesk.core.influence.graph import Edge

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
