"""The one price elasticity of a workspace, read from the stored calibration (store.calibration).

Everything that needs an elasticity (simulate, the negotiation, the target view) calls
``price_elasticity``; nothing estimates its own on the fly.
"""

from __future__ import annotations

from vendordesk.core.influence.calibration import DEFAULTS
from vendordesk.store import calibration
from vendordesk.store.db import Workspace


def price_elasticity(ws: Workspace) -> tuple[float, float, float, str]:
    """(estimate, low, high, source): source "calibrated" or "default" (documented default -1.5,
    also when the workspace was never calibrated or had too little price variation)."""
    link = calibration.links(ws).get("elasticity")
    if link and link.get("status") == "calibrated":
        return float(link["estimate"]), float(link["low"]), float(link["high"]), "calibrated"
    estimate, low, high, _ = DEFAULTS["elasticity"]
    return estimate, low, high, "default"
