"""Product names for the briefs: every ASIN is shown with its title and brand."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from vendordesk.ops.workspace import opened

if TYPE_CHECKING:
    import pandas as pd

    from vendordesk.ops.workspace import WorkspaceArg
    from vendordesk.store import Workspace


def products(ws: Workspace) -> dict[str, tuple[str, str]]:
    """asin -> (title, brand), empty strings where the catalogue has none."""
    from vendordesk.store.facts_read import products_frame

    frame = products_frame(ws)
    if frame.empty:
        return {}
    return {str(r.asin): (str(r.title or ""), str(r.brand or "")) for r in frame[["asin", "title", "brand"]].fillna("").itertuples()}


def products_frame(workspace: WorkspaceArg) -> pd.DataFrame:
    """The product catalogue, one row per ASIN (``store.facts_read.products_frame``)."""
    from vendordesk.store.facts_read import products_frame as stored

    with opened(workspace) as ws:
        return stored(ws)


def workspace_products(path: str | Path) -> dict[str, tuple[str, str]]:
    """``products`` of the workspace at ``path`` on a connection of its own (a worker's); opened
    like ``store.open_workspace(path)`` opens it."""
    with opened(path, create=True) as ws:
        return products(ws)
