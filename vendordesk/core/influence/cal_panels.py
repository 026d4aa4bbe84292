"""Weekly facts as (weeks x ASINs) arrays, and the masks and prices the fits share."""

from __future__ import annotations

import warnings
from collections.abc import Iterable

import numpy as np
import numpy.typing as npt
import pandas as pd

from vendordesk.core.influence.cal_links import OOS, Array, Panel


def panels(frame: pd.DataFrame, columns: Iterable[str]) -> tuple[list[str], list[str], Panel]:
    """weeks, asins and a (weeks x asins) array per column (NaN where absent)."""
    weeks = sorted(frame["period_start"].unique())
    asins = sorted(frame["asin"].unique())
    wi = pd.Index(weeks).get_indexer(frame["period_start"])
    ai = pd.Index(asins).get_indexer(frame["asin"])
    out = {}
    for c in columns:
        a = np.full((len(weeks), len(asins)), np.nan)
        if c in frame:
            a[wi, ai] = frame[c].to_numpy(dtype=float)
        out[c] = a
    return weeks, asins, out


def regular_price(asp: Array) -> Array:
    """Deal weeks and price changes keep their ASP; other weeks take the 5-week rolling median."""
    n = len(asp)
    pad = np.vstack([np.full((2, asp.shape[1]), np.nan), asp, np.full((2, asp.shape[1]), np.nan)])
    window = np.stack([pad[k:k + n] for k in range(5)])
    enough = np.isfinite(window).sum(axis=0) >= 2
    with np.errstate(invalid="ignore", divide="ignore"), warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)          # all-NaN windows give NaN, as meant
        med = np.where(enough, np.nanmedian(window, axis=0), np.nan)
        off = np.abs(asp / med - 1.0) > 0.02
    return np.asarray(np.where(off | ~np.isfinite(med), asp, med), dtype=float)


def grid(shape: tuple[int, ...]) -> tuple[npt.NDArray[np.intp], npt.NDArray[np.intp]]:
    t, a = np.indices(shape)
    return t.ravel(), a.ravel()


def covered(p: Panel) -> npt.NDArray[np.bool_]:
    """Weeks whose stock would have covered the whole demand (last week's on hand + this week's
    receipts >= ordered units / (1 - OOS)): the stock did not bind, whatever the week's own
    exogenous OOS, so the OOS recorded is the exogenous one, and which weeks qualify depends on
    the demand and the stock, not on that OOS. (Weeks that merely ended with stock left are
    selected on it: a listing problem that cut sales is what left the stock, so their OOS runs
    high, most in tight ASINs.) All weeks when the stock is not known."""
    oos = p[OOS]
    oh, units, rec = p.get("sellable_on_hand_inventory_units"), p.get("ordered_units"), p.get("net_received_inventory_units")
    if oh is None or units is None or rec is None or not np.isfinite(oh).any():
        return np.asarray(np.isfinite(oos), dtype=bool)
    avail = np.vstack([np.full((1, oh.shape[1]), np.nan), oh[:-1]]) + np.nan_to_num(rec)
    with np.errstate(divide="ignore", invalid="ignore"):
        demand = units / (1.0 - oos)
    ok: npt.NDArray[np.bool_] = np.isfinite(avail) & np.isfinite(demand) & (oos < 1.0) & (avail >= demand)
    return ok
