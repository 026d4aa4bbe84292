"""The price elasticity the forecast uses for KAM-entered deals: one value, shared with the model.

``price_elasticity(ws)`` (a positive magnitude: units change by (1 - cut) ** -e for a price
cut) is looked up in this order, the first usable value wins:
1. a stored calibration: table ``price_elasticity`` (column ``elasticity``, newest rowid) or
   meta key ``price_elasticity``;
2. the interdependency model's price edge (``store.influence.price_elasticity``: calibrated
   from the account's history, or that model's default);
3. DEFAULT = 1.5, a typical own-price elasticity for branded small appliances on marketplaces
   (literature range about 1-3): 20 % off -> 0.8 ** -1.5 = 1.40, i.e. +40 % units.
"""

from __future__ import annotations

import logging
import math
import sqlite3

from vendordesk.store.db import Workspace

DEFAULT = 1.5
log = logging.getLogger(__name__)


def _usable(value) -> float | None:
    try:
        number = abs(float(value))
    except (TypeError, ValueError):
        return None
    return number if math.isfinite(number) and 0 < number < 20 else None


def price_elasticity_source(ws: Workspace) -> tuple[float, str]:
    """(elasticity, where it came from: "stored", "model" or "default")."""
    try:
        row = ws.conn.execute("SELECT elasticity FROM price_elasticity ORDER BY rowid DESC LIMIT 1").fetchone()
    except sqlite3.OperationalError:      # no such table (yet)
        row = None
    for value in ((row[0] if row else None), ws.meta("price_elasticity")):
        if _usable(value) is not None:
            return _usable(value), "stored"
    try:
        from vendordesk.store.influence import price_elasticity as model_elasticity

        value, source = model_elasticity(ws)
        if _usable(value) is not None:
            return _usable(value), f"model ({source})"
    except (ImportError, LookupError, ValueError, ArithmeticError, AttributeError, sqlite3.Error):
        log.warning("price elasticity of the model unavailable; using the default", exc_info=True)
    return DEFAULT, "default"


def price_elasticity(ws: Workspace) -> float:
    return price_elasticity_source(ws)[0]
