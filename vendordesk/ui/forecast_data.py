"""Per-ASIN slices of a ForecastPlan, indexed once so that switching the ASIN is instant.

No widgets here; the tab asks for chart series and summary rows.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from vendordesk.core import forecast_amazon as fa
from vendordesk.ui.forecast_chart import days


class PlanIndex:
    """Fast look-ups into a ForecastPlan (built once per run, on the GUI thread)."""

    def __init__(self, plan):
        self.plan = plan
        self.row = {a: i for i, a in enumerate(plan.result.asins)}
        self.hist_x = days(plan.panel.weeks) if plan.panel.weeks else np.zeros(0)
        self.fc_x = days(plan.result.weeks) if plan.result.weeks else np.zeros(0)
        self.projection = {a: g for a, g in plan.projection.groupby("asin")} if len(plan.projection) else {}
        self.amazon = {a: g for a, g in plan.amazon.groupby("asin")} if len(plan.amazon) else {}
        self.generations = fa.generations(plan.amazon)
        self.overview = overview_frame(plan)

    def asins(self) -> list[str]:
        return list(self.plan.result.asins)

    def chart_data(self, asin: str, generation: str | None) -> dict:
        """Series for ForecastChart.show_asin."""
        i = self.row.get(asin)
        if i is None:
            return {}
        plan = self.plan
        history = plan.panel.units[i]
        seen = ~np.isnan(history)
        data = {"history": (self.hist_x[seen], history[seen])}
        censored = seen & ~np.isnan(plan.panel.actual[i]) & (plan.panel.actual[i] > history + 1e-9)
        excluded = seen & np.isnan(plan.panel.actual[i])
        marks = censored | excluded
        data["oos"] = (self.hist_x[marks], history[marks])
        for k, name in ((0, "p50"), (2, "p80"), (3, "p90")):
            data[name] = (self.fc_x, plan.result.q[k, i])
        data.update(self._amazon(asin, generation))
        proj = self.projection.get(asin)
        if proj is not None:
            px = days(proj["week_start"].tolist())
            cap = proj["capacity"].to_numpy(float)
            if np.isfinite(cap).any():
                data["capacity"] = (px, np.nan_to_num(cap))
            data["stock"] = (px, proj["amazon_stock"].to_numpy(float))
            data["orders"] = (px, proj["expected_order"].to_numpy(float))
        if len(self.fc_x):
            data["today"] = self.fc_x[0] - 3.5
        return data

    def _amazon(self, asin: str, generation: str | None) -> dict:
        frame = self.amazon.get(asin)
        if frame is None or frame.empty:
            return {}
        gen = generation if generation in set(frame["generation_date"]) else frame["generation_date"].max()
        sub = frame[frame["generation_date"] == gen]
        x = days(sub["week_start"].tolist())
        return {f"amazon_{q}": (x, sub[f"{q}_units"].to_numpy(float)) for q in ("mean", "p70", "p80", "p90")}

    def generations_of(self, asin: str) -> list[str]:
        frame = self.amazon.get(asin)
        return sorted(frame["generation_date"].unique().tolist()) if frame is not None else []

    def summary(self, asin: str) -> dict:
        """The overview row of one ASIN as a dict (empty if unknown)."""
        rows = self.overview[self.overview["asin"] == asin]
        return rows.iloc[0].to_dict() if len(rows) else {}


def overview_frame(plan) -> pd.DataFrame:
    """One row per ASIN: model, flags, accuracy, divergence, risk and € at risk."""
    result = plan.result
    frame = pd.DataFrame({"asin": result.asins, "model": result.model,
                          "flags": [",".join(f) for f in result.flags]})
    frame["title"] = frame["asin"].map(plan.titles).fillna("")
    frame["p50_13w"] = result.q[0][:, :13].sum(axis=1) if len(result.asins) else []
    if not plan.accuracy.empty:
        frame = frame.merge(plan.accuracy.drop(columns=["model"]), on="asin", how="left")
    for col in ("ours_mase", "ours_wape", "ours_bias", "seasonal_naive_mase", "seasonal_naive_wape",
                "amazon_mase", "amazon_wape", "amazon_bias"):
        if col not in frame:
            frame[col] = np.nan
    div = plan.divergence
    if not div.empty:
        div = div[div["asin"] != "TOTAL"][["asin", "amazon", "diff_pct", "flag"]]
        frame = frame.merge(div.rename(columns={"amazon": "amazon_13w", "flag": "divergence"}), on="asin", how="left")
    else:
        frame["amazon_13w"], frame["diff_pct"], frame["divergence"] = np.nan, np.nan, ""
    risks = plan.risks.groupby("asin").agg(risk_weeks=("week_start", "count"), eur_at_risk=("eur_at_risk", "sum"),
                                           first_risk=("week_start", "min")) if len(plan.risks) else None
    if risks is not None:
        frame = frame.merge(risks.reset_index(), on="asin", how="left")
    else:
        frame["risk_weeks"], frame["eur_at_risk"], frame["first_risk"] = 0, 0.0, None
    frame["risk_weeks"] = frame["risk_weeks"].fillna(0).astype(int)
    frame["eur_at_risk"] = frame["eur_at_risk"].fillna(0.0)
    frame["divergence"] = frame["divergence"].fillna("")
    spirals = set(fa.spirals(plan.drift))
    frame["spiral"] = frame["asin"].isin(spirals)
    return frame


def compute_plan(path, horizon: int = 26, holdout: int = 26, progress=None, cancelled=None):
    """Worker entry: open an own connection, read the inputs, close it, build the plan."""
    from vendordesk.core.forecast_plan import build_plan
    from vendordesk.store import open_workspace
    from vendordesk.store.supply import load_forecast_inputs

    with open_workspace(path, create=False) as ws:
        inputs = load_forecast_inputs(ws)
    if progress:
        progress(0.02)
    plan = build_plan(inputs, horizon, holdout, progress=progress)
    return plan, inputs
