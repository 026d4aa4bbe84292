"""Per-ASIN slices of a ForecastPlan, indexed once so that switching the ASIN is instant.

No widgets here; the tab asks for chart series and summary rows.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import numpy as np
import pandas as pd

from vendordesk.core.forecast import amazon as fa
from vendordesk.core.forecast.calib import BUCKETS

EPOCH = dt.date(1970, 1, 1)
OOS_MARK = 0.05  # mark weeks whose OOS rate corrected demand by 5 % or more


def days(weeks: list[str]) -> np.ndarray:
    """ISO dates -> days since 1970-01-01 (the chart's x unit)."""
    return np.array([(dt.date.fromisoformat(w) - EPOCH).days for w in weeks], dtype=float)


def compact(values: np.ndarray) -> np.ndarray:
    """``values`` as float32 when every value comes back bit for bit, else unchanged; the chart gets
    float64 again, the same numbers. Days since 1970 always fit (Amazon's 2 million week starts at
    5,000 ASINs x 156 weeks: 17 -> 8 MB); Amazon's decimal units mostly do not and stay float64."""
    with np.errstate(over="ignore", invalid="ignore"):
        single = values.astype(np.float32)
    return single if np.array_equal(single.astype(float), values, equal_nan=True) else values


class Narrow:
    """A float column as int32 counts of 1 / ``scale`` (NaN as the type's smallest value) when every
    value comes back bit for bit, else as ``compact`` keeps it: Amazon's quantiles are stored to
    two decimals, so its 2 million rows x 4 quantiles take 32 instead of 63 MB at 5,000 x 156."""

    MISSING = np.iinfo(np.int32).min

    def __init__(self, codes: np.ndarray, scale: float | None):
        self.codes, self.scale = codes, scale

    @classmethod
    def of(cls, values: np.ndarray) -> Narrow:
        for digits in range(5):
            codes = _counts(values, 10.0 ** digits)
            if codes is not None:
                return cls(codes, 10.0 ** digits)
        return cls(compact(values), None)

    def part(self, at: slice) -> np.ndarray:
        codes = self.codes[at]
        if self.scale is None:
            return codes.astype(float)
        return _widen(codes, self.scale)


def _widen(codes: np.ndarray, scale: float) -> np.ndarray:
    out = codes / scale
    out[codes == Narrow.MISSING] = np.nan
    return out


def _counts(values: np.ndarray, scale: float) -> np.ndarray | None:
    """``values`` x ``scale`` as int32 when ``_widen`` gives every value back bit for bit, else None."""
    with np.errstate(over="ignore", invalid="ignore"):
        counts = np.rint(values * scale)
    nan = np.isnan(values)
    counts[nan] = 0
    if not np.all(np.abs(counts) < 2**31 - 1):
        return None
    codes = counts.astype(np.int32)
    del counts
    codes[nan] = Narrow.MISSING
    back = _widen(codes, scale)
    same = np.array_equal(np.isnan(back), nan) and np.array_equal(back[~nan].view(np.int64),
                                                                  values[~nan].view(np.int64))
    return codes if same else None


def _days_of(weeks: pd.Series) -> np.ndarray:
    """``days(weeks.tolist())``, each distinct date converted once (2 million rows, a few dozen dates)."""
    codes, uniques = pd.factorize(weeks)
    if (codes < 0).any():
        return days(weeks.tolist())     # a missing date: refused as before
    return days(list(uniques))[codes]


def _sorted_runs(af: pd.DataFrame, keys: list[str]) -> list | None:
    """[((asin, generation), start, stop)] of ``af``'s rows when they already are in ``keys``' order
    (as the store reads them) and no key is missing; None otherwise."""
    codes, uniques = [], []
    for key in keys:
        code, unique = pd.factorize(af[key], sort=True)
        if (code < 0).any():
            return None
        codes.append(code.astype(np.int32))
        uniques.append(unique)
    a, g, w = (np.diff(c) for c in codes)
    if not np.all((a > 0) | ((a == 0) & ((g > 0) | ((g == 0) & (w >= 0))))):
        return None
    starts = np.flatnonzero(np.r_[True, (a != 0) | (g != 0)])
    stops = np.r_[starts[1:], len(af)]
    asins, gens = uniques[0][codes[0][starts]], uniques[1][codes[1][starts]]
    return [((asin, gen), int(lo), int(hi)) for asin, gen, lo, hi in zip(asins, gens, starts, stops)]


def _emptied(frame: pd.DataFrame) -> pd.DataFrame:
    """``frame``'s columns with no rows, as new arrays (a slice would keep the rows alive)."""
    return pd.DataFrame({c: pd.Series(dtype=frame[c].dtype) for c in frame.columns})


# What the tab keeps of the plan's inputs: the supply frames a supply edit re-projects
# (texts.recompute_supply, core.forecast.plan.supply_inputs); not the facts or Amazon's forecasts.
SUPPLY_INPUTS = ("supply", "capacity_plan", "open_po", "inventory", "values")


class PlanIndex:
    """Fast look-ups into a ForecastPlan: built once per run in the worker, read on the GUI thread.

    Everything a chart needs is kept as numpy arrays, so switching the ASIN only slices them.
    Amazon's forecasts are kept only as those arrays: ``plan.amazon`` keeps its columns but no
    rows (the frame is 2 million rows at 5,000 ASINs x 156 weeks). ``amazon_from``: a
    PlanIndex of the same run whose arrays are reused (a new projection after a supply edit).
    """

    def __init__(self, plan, amazon_from: PlanIndex | None = None):
        self.row = {a: i for i, a in enumerate(plan.result.asins)}
        self.hist_x = days(plan.panel.weeks) if plan.panel.weeks else np.zeros(0)
        self.fc_x = days(plan.result.weeks) if plan.result.weeks else np.zeros(0)
        self._supply_arrays(plan)
        if amazon_from is None:
            self._amazon_arrays(plan.amazon)
            self.generations = fa.generations(plan.amazon)
        else:
            for name in ("amazon_x", "amazon_q", "amazon_slices", "amazon_gens", "generations"):
                setattr(self, name, getattr(amazon_from, name))
        amazon = plan.amazon
        if amazon is not None and not amazon.empty:    # new empty columns: a slice would keep the rows alive
            plan = replace(plan, amazon=_emptied(amazon))
        # what no page shows: the panel's fitting parts (the chart draws units and actuals), 31 MB at 5,000 x 156
        self.plan = replace(plan, panel=replace(plan.panel, demand=np.zeros((0, 0)), asp=None, glance=None))
        del amazon, plan
        self.overview = overview_frame(self.plan)
        # one row's dict when asked (summary): a dict of every row held 19 MB at 5,000 ASINs
        self._by_asin = self.overview.set_index("asin", drop=False)

    def _supply_arrays(self, plan) -> None:
        """Projection columns as (ASIN, week) arrays (the frame is ASIN-major, one row per week)."""
        n, h = len(plan.result.asins), len(plan.result.weeks)
        proj = plan.projection
        self.supply = {}
        if len(proj) == n * h and n and h:
            for col in ("capacity", "amazon_stock", "own_stock", "expected_order"):
                self.supply[col] = proj[col].to_numpy(dtype=float).reshape(n, h)

    def _amazon_arrays(self, af) -> None:
        """Amazon rows sorted by (asin, generation, week) with a slice per (asin, generation); its
        quantiles kept as exact narrow codes (``Narrow``)."""
        self.amazon_slices: dict = {}
        self.amazon_gens: dict = {}
        if af is None or af.empty:
            self.amazon_x = np.zeros(0)
            self.amazon_q = {}
            return
        keys = ["asin", "generation_date", "week_start"]
        quantiles = [f"{q}_units" for q in ("mean", "p70", "p80", "p90")]
        runs = _sorted_runs(af, keys)
        if runs is None:        # not in key order, or a key missing: sorted and grouped by pandas
            af = af[keys + quantiles].sort_values(keys, kind="stable").reset_index(drop=True)
            groups = [(key, int(idx[0]), int(idx[-1]) + 1)
                      for key, idx in af.groupby(["asin", "generation_date"]).indices.items()]
        else:                   # the store's order (the usual case): no copy of 2 million rows
            groups = runs
        self.amazon_x = compact(_days_of(af["week_start"]))
        self.amazon_q = {q: Narrow.of(af[f"{q}_units"].to_numpy(dtype=float)) for q in ("mean", "p70", "p80", "p90")}
        same: dict[str, str] = {}       # one string per generation date, not one per ASIN and generation
        for (asin, gen), start, stop in groups:
            gen = same.setdefault(gen, gen)
            self.amazon_slices[(asin, gen)] = slice(start, stop)
            self.amazon_gens.setdefault(asin, []).append(gen)
        for gens in self.amazon_gens.values():
            gens.sort()

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
        censored = seen & ~np.isnan(plan.panel.actual[i]) & (plan.panel.actual[i] > history * (1 + OOS_MARK) + 1e-9)
        excluded = seen & np.isnan(plan.panel.actual[i])
        marks = censored | excluded
        data["oos"] = (self.hist_x[marks], history[marks])
        for k, name in ((0, "p50"), (2, "p80"), (3, "p90")):
            data[name] = (self.fc_x, plan.result.q[k, i])
        data.update(self._amazon(asin, generation))
        data.update(self._supply(i))
        data["capacity_short"] = self._capacity_short(data)
        if len(self.fc_x):
            data["today"] = self.fc_x[0] - 3.5
            # last year on this year's weeks: each week's value moved 52 weeks (364 days) on
            ly_x = self.hist_x[seen] + 364
            keep = ly_x <= self.fc_x[-1]
            data["last_year"] = (ly_x[keep], history[seen][keep])
        from vendordesk.ui.forecast.labels import event_text

        past = list(zip(self.hist_x, plan.result.history_events or []))
        ahead = list(zip(self.fc_x, plan.result.events or []))
        data["events"] = [(float(x), event_text(name, False, " · ")) for x, name in past + ahead if name]
        return data

    @staticmethod
    def _capacity_short(data: dict) -> tuple:
        """Weeks where our P90 or Amazon's P90 exceeds the capacity (marked on the capacity line)."""
        if "capacity" not in data:
            return ([], [])
        cx, cap = data["capacity"]
        demand = np.interp(cx, *data["p90"]) if len(data.get("p90", ([], []))[0]) else np.zeros(len(cx))
        ax, ap90 = data.get("amazon_p90", ([], []))
        if len(ax):
            amazon = np.full(len(cx), np.nan)
            hit = np.isin(cx, ax)
            amazon[hit] = ap90[np.searchsorted(ax, cx[hit])]
            demand = np.fmax(demand, amazon)
        short = (demand > cap) & (cap > 0)
        return (cx[short], cap[short])

    def _supply(self, i: int) -> dict:
        if not self.supply:
            return {}
        cap = self.supply["capacity"][i]
        data = {"stock": (self.fc_x, self.supply["amazon_stock"][i]),
                "orders": (self.fc_x, self.supply["expected_order"][i])}
        if np.isfinite(cap).any():
            data["capacity"] = (self.fc_x, np.nan_to_num(cap))
            data["own"] = (self.fc_x, np.nan_to_num(self.supply["own_stock"][i]))
        return data

    def _amazon(self, asin: str, generation: str | None) -> dict:
        gens = self.amazon_gens.get(asin)
        if not gens:
            return {}
        gen = generation if generation in gens else gens[-1]
        part = self.amazon_slices[(asin, gen)]
        x = self.amazon_x[part].astype(float)
        return {f"amazon_{q}": (x, values.part(part)) for q, values in self.amazon_q.items()}

    def generations_of(self, asin: str) -> list[str]:
        return self.amazon_gens.get(asin, [])

    def summary(self, asin: str) -> dict:
        """The overview row of one ASIN as a dict (empty if unknown)."""
        if asin not in self.row or asin not in self._by_asin.index:
            return {}
        return self._by_asin.loc[[asin]].to_dict("index")[asin]


def overview_frame(plan) -> pd.DataFrame:
    """One row per ASIN: model, flags, accuracy, divergence, risk and € at risk."""
    result = plan.result
    frame = pd.DataFrame({"asin": result.asins, "model": result.model,
                          "flags": [",".join(f) for f in result.flags],
                          "source": result.source or ["ours"] * len(result.asins)})
    frame["title"] = [plan.titles.get(a) or "" for a in frame["asin"]]
    better = result.better()
    for j in range(len(BUCKETS)):
        frame[f"better_{j}"] = [b[j] for b in better]
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
    risks = plan.risks.groupby("asin").agg(risk_weeks=("week_start", "count"), eur_at_risk=("eur_at_risk", lambda v: v.sum(min_count=1)),
                                           first_risk=("week_start", "min")) if len(plan.risks) else None
    if risks is not None:
        frame = frame.merge(risks.reset_index(), on="asin", how="left")
    else:
        frame["risk_weeks"], frame["eur_at_risk"], frame["first_risk"] = 0, 0.0, None
    frame["risk_weeks"] = frame["risk_weeks"].fillna(0).astype(int)
    frame["divergence"] = frame["divergence"].fillna("")
    spirals = set(fa.spirals(plan.drift))
    frame["spiral"] = frame["asin"].isin(spirals)
    return frame


def compute_plan(path, horizon: int = 26, holdout: int = 26, progress=None, cancelled=None):
    """Worker entry: ``ops.forecast_plan`` (its own connection, closed before the long part), then
    the plan's index for the tables and the supply frames (``SUPPLY_INPUTS``) of its inputs."""
    from vendordesk.ops.base import never_cancelled, no_progress
    from vendordesk.ops.forecast_plan import forecast_plan, release_freed_memory

    plan, inputs = forecast_plan(path, horizon, holdout, progress=progress or no_progress,
                                 cancelled=cancelled or never_cancelled).value
    index, supply = PlanIndex(plan), {key: inputs[key] for key in SUPPLY_INPUTS if key in inputs}
    del plan, inputs            # the facts and Amazon's forecasts: nothing refers to them any more
    release_freed_memory()
    return index, supply
