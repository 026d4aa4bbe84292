"""Price-increase cases: the list, and one case's per-ASIN economics and scenarios."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from vendordesk.changes import Changes
from vendordesk.ops.base import Cancelled, OpResult, Progress, never_cancelled, no_progress
from vendordesk.ops.workspace import WorkspaceArg, opened

if TYPE_CHECKING:
    import pandas as pd

    from vendordesk.core.negotiation.analysis import Market
    from vendordesk.core.negotiation.model import Case
    from vendordesk.core.negotiation.results import Analysis
    from vendordesk.store.negotiations import Elasticity

CHANGES = Changes(negotiations=True)


def list_negotiations(workspace: WorkspaceArg, progress: Progress = no_progress,
                      cancelled: Cancelled = never_cancelled) -> OpResult[list[dict[str, Any]]]:
    from vendordesk.store.negotiations import list_cases

    with opened(workspace) as ws:
        return OpResult(list_cases(ws))


def analyse_negotiation(workspace: WorkspaceArg, case_id: int, as_of: dt.date | None = None,
                        progress: Progress = no_progress, cancelled: Cancelled = never_cancelled) -> OpResult[Analysis]:
    """The case's analysis as of ``as_of`` (default: the case's own date, never today)."""
    from vendordesk.store.negotiations import analyse_case

    with opened(workspace) as ws:
        return OpResult(analyse_case(ws, case_id, today=as_of))


def load_case(workspace: WorkspaceArg, case_id: int) -> Case:
    """One case with its ASINs, drivers, scenarios and levers (store.negotiations.load_case)."""
    from vendordesk.store.negotiations import load_case as stored

    with opened(workspace) as ws:
        return stored(ws, case_id)


def current_costs(workspace: WorkspaceArg) -> pd.DataFrame:
    """The newest cost price per ASIN: asin, cost, currency, valid_from (store.facts_read.current_costs)."""
    from vendordesk.store.facts_read import current_costs as stored

    with opened(workspace) as ws:
        return stored(ws)


def market_for(workspace: WorkspaceArg, case: Case, elasticity: Elasticity | None = None) -> Market:
    """The market data the case's analysis reads (store.negotiations.market_for; ``elasticity``
    None = look it up)."""
    from vendordesk.store.negotiations import market_for as stored

    with opened(workspace) as ws:
        return stored(ws, case, elasticity=elasticity)


def price_elasticity(workspace: WorkspaceArg) -> tuple[float, float, float, str]:
    """The workspace's one elasticity (estimate, low, high, source); opened like the window's worker
    always opened it (``create=True``: store.open_workspace's default)."""
    from vendordesk.store.negotiations import price_elasticity as stored

    with opened(workspace, create=True) as ws:
        return stored(ws)


def save_case(workspace: WorkspaceArg, case: Case) -> OpResult[int]:
    """Save the case (a new one gets its id); the value is the id (store.negotiations.save_case)."""
    from vendordesk.store.negotiations import save_case as store

    with opened(workspace) as ws:
        return OpResult(store(ws, case), CHANGES)


def delete_case(workspace: WorkspaceArg, case_id: int) -> OpResult[None]:
    """Delete the case with its ASINs, drivers, scenarios and levers (store.negotiations.delete_case)."""
    from vendordesk.store.negotiations import delete_case as store

    with opened(workspace) as ws:
        store(ws, case_id)
    return OpResult(None, CHANGES)


def account_facts(workspace: WorkspaceArg, asins: list[str] | None = None) -> dict[str, Any]:
    """What a brief names besides the case: account name, vendor code, marketplace and the brand
    of each of ``asins``."""
    from vendordesk.ops.product_names import products

    with opened(workspace) as ws:
        facts: dict[str, Any] = {key: ws.meta(key) or "" for key in ("account_name", "vendor_code", "marketplace_id")}
        named = products(ws) if asins else {}
    facts["brands"] = {a: named[a][1] for a in asins or [] if a in named and named[a][1]}
    return facts
