"""How the link graph shows the one stored calibration (store.calibration mirrors the structural
model's estimates onto the graph's links, e.g. E01 = lost share, I05 = price elasticity).

There is no second calibration: the links themselves are never estimated here.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

import pandas as pd


@dataclass(frozen=True)
class Calibration:
    edge_id: str
    status: str               # "calibrated" | "default"
    estimate: float | None    # strength in the edge's sign convention (>= 0)
    se: float | None
    weeks: int
    n: int
    lag: int | None = None
    reason: str = ""
    reason_msg: Any = None    # the reason as a catalogue message (core.influence.notes.note_text(cal, lang, "reason"))

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def forecast_panel(forecasts: pd.DataFrame) -> pd.DataFrame:
    """Amazon's forecast for the first week after each generation: index generation week (Sunday),
    ASIN columns (what the chains and the explanation compare)."""
    if forecasts is None or forecasts.empty:
        return pd.DataFrame()
    f = forecasts[forecasts["week_start"] > forecasts["generation_date"]]
    first = f.sort_values("week_start").groupby(["asin", "generation_date"], as_index=False).first()
    gen = pd.to_datetime(first["generation_date"])
    week = (gen - pd.to_timedelta((gen.dt.day_of_week + 1) % 7, unit="D")).dt.strftime("%Y-%m-%d")
    first = first.assign(period_start=week)[["asin", "period_start", "mean_units"]].dropna()
    return first.pivot_table(index="period_start", columns="asin", values="mean_units", aggfunc="sum").sort_index()
