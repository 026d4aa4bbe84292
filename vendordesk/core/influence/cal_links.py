"""A calibrated link as stored: estimate, 10-90 % interval, weeks and ASINs used, status and a
plain note; with too little data the documented default (``DEFAULTS``) and its wider interval."""

from __future__ import annotations

from typing import Any

import numpy as np
import numpy.typing as npt

from vendordesk.core.influence.notes import dump
from vendordesk.core.margin import DEFAULT_ELASTICITY
from vendordesk.text import N_, NP_, Joined, Message, Number

Link = dict[str, Any]
Array = npt.NDArray[np.float64]
Panel = dict[str, Array]          # column -> (weeks x ASINs), NaN where absent

Z90 = 1.2815515655446004          # 10-90 % interval = estimate -/+ 1.28 se
MIN_WEEKS, MIN_ASINS = 12, 3
MIN_CRAP = 0.05                   # a CRaP response counts from 5 % lost demand (t > 3)
OOS = "procurable_product_out_of_stock_rate"

# link -> (default, low, high, note on the default: a catalogue message, its fields in DEFAULT_FIELDS)
DEFAULTS: dict[str, tuple[float, float, float, str]] = {
    "elasticity": (DEFAULT_ELASTICITY, DEFAULT_ELASTICITY - 1.0, DEFAULT_ELASTICITY + 1.0,
                   N_("documented default {value} (margin.DEFAULT_ELASTICITY)")),
    "lost_share": (1.0, 0.8, 1.0, N_("identity: an out-of-stock view cannot convert")),
    "demand_noise": (0.2, 0.1, 0.4, N_("default weekly demand noise 20 %")),
    "supply_noise": (0.0, 0.0, 0.0, N_("no confirmation or fill data: receipts follow the average rates")),
    "forecast_alpha": (0.3, 0.1, 0.6, N_("default: Amazon's forecast takes 30 % of last week's error")),
    "po_cover": (4.0, 2.5, 6.0, N_("default: Amazon orders up to 4 weeks of forecast")),
    "lead_weeks": (2.0, 1.0, 3.0, N_("default lead time 2 weeks")),
    "confirmation": (0.9, 0.8, 0.97, N_("default confirmation rate 90 %")),
    "fill": (0.95, 0.9, 0.99, N_("default receive fill rate 95 %")),
    "contra_rate": (0.0, 0.0, 0.15, N_("no Net PPM facts: contra-COGS unknown, taken as 0")),
    "crap": (0.0, 0.0, 0.0, N_("no weeks below the Net PPM target: no CRaP response is modelled")),
    "competitor_match": (1.0, 0.5, 1.0, N_("no competitor price data: a competitor change is assumed matched by Amazon")),
    "content": (0.5, 0.0, 1.0, N_("no content data: documented default, +0.10 content score = +5 % demand (E23)")),
    "ads": (0.15, 0.0, 0.3, N_("no ad data: documented default, +10 % ad spend = +1.5 % demand (E24)")),
    "featured_offer": (0.8, 0.5, 1.0, N_("no Buy Box data: documented default, 10 points lost = -8 % demand (I03)")),
}
DEFAULT_FIELDS: dict[str, dict[str, object]] = {"elasticity": {"value": Number(DEFAULT_ELASTICITY, 1)}}
LINK_EDGES = {"elasticity": "I05", "lost_share": "E01", "demand_noise": "E01", "supply_noise": "E06a", "forecast_alpha": "E02", "po_cover": "E03",
              "lead_weeks": "E07", "confirmation": "E06a", "fill": "E06b", "contra_rate": "E16",
              "crap": "E13", "competitor_match": "E11", "content": "E23", "ads": "E24",
              "featured_offer": "I03"}

LINK_CONTEXT = "calibration link"
# link -> its name for the reader (``_.pgettext(LINK_CONTEXT, LINK_NAMES[name])``); the key stays in --json
LINK_NAMES = {"elasticity": NP_("calibration link", "Price elasticity"),
              "lost_share": NP_("calibration link", "Lost demand when out of stock"),
              "demand_noise": NP_("calibration link", "Weekly demand noise"),
              "supply_noise": NP_("calibration link", "Supply variation"),
              "forecast_alpha": NP_("calibration link", "Amazon's forecast response"),
              "po_cover": NP_("calibration link", "PO cover (weeks)"),
              "lead_weeks": NP_("calibration link", "Lead time (weeks)"),
              "confirmation": NP_("calibration link", "Confirmation rate"),
              "fill": NP_("calibration link", "Receive fill rate"),
              "contra_rate": NP_("calibration link", "Contra-COGS rate"),
              "crap": NP_("calibration link", "CRaP response"),
              "competitor_match": NP_("calibration link", "Amazon's price matching"),
              "content": NP_("calibration link", "Content effect"),
              "ads": NP_("calibration link", "Ad effect"),
              "featured_offer": NP_("calibration link", "Buy Box effect")}


def link(name: str, estimate: float | None = None, se: float | None = None, weeks: int = 0, asins: int = 0,
         note: object = "", low: float | None = None, high: float | None = None) -> Link:
    """A calibrated link, or its default when ``estimate`` is None. ``note``: a ``Message`` (or
    plain text), stored as English in "note" and as the message in "note_msg"
    (``notes.note_text`` shows it in the reader's language)."""
    if estimate is None or not np.isfinite(estimate):
        d, lo, hi, why = DEFAULTS[name]
        default = Message(why, **DEFAULT_FIELDS.get(name, {}))
        said = Joined([note, default], "; ") if note else default
        return {"link": name, "edge": LINK_EDGES[name], "status": "default", "estimate": d, "low": lo, "high": hi,
                "se": (hi - lo) / (2 * Z90), "weeks": weeks, "asins": asins,
                "note": str(said), "note_msg": dump(said)}
    se = 0.0 if se is None else float(se)
    low = estimate - Z90 * se if low is None else low
    high = estimate + Z90 * se if high is None else high
    return {"link": name, "edge": LINK_EDGES[name], "status": "calibrated", "estimate": float(estimate),
            "low": float(low), "high": float(high), "se": float(se), "weeks": int(weeks), "asins": int(asins),
            "note": str(note), "note_msg": dump(note)}


