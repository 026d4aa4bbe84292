"""Amazon's forecast next to ours: divergence, drift across generations, Amazon's accuracy.

Inputs are frames as read by ``store.facts_read.amazon_forecasts_frame``: asin,
generation_date, week_start, mean_units, p70_units, p80_units, p90_units. Quantile rows may
be non-monotonic (domain.md T29); they are used as they are.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from vendordesk.core.forecast import backtest as bt

DIVERGENCE_WEEKS = 13
DIVERGENCE_THRESHOLD = 0.25   # |ours - Amazon| / Amazon above this is flagged
DIVERGENCE_MIN_UNITS = 10.0   # ... and the difference is at least this many units
DRIFT_CUT = -0.25             # Amazon's forecast for the same weeks cut by more than 25 %
SPIRAL_OOS = 0.10            # ... after weeks with an OOS rate above 10 %


def generations(af: pd.DataFrame) -> list[str]:
    return sorted(af["generation_date"].dropna().unique().tolist()) if not af.empty else []


def latest(af: pd.DataFrame) -> pd.DataFrame:
    """Each ASIN's newest generation."""
    if af.empty:
        return af
    newest = af.groupby("asin")["generation_date"].transform("max")
    return af[af["generation_date"] == newest]


def divergence(ours: pd.DataFrame, amazon: pd.DataFrame, weeks: int = DIVERGENCE_WEEKS,
               threshold: float = DIVERGENCE_THRESHOLD) -> pd.DataFrame:
    """Per ASIN: our P50 vs Amazon's mean over the first ``weeks`` shared weeks.

    Returns columns asin, weeks, ours, amazon, diff, diff_pct, flag ("higher"/"lower"/"").
    A last row with asin "TOTAL" sums all ASINs.
    """
    cols = ["asin", "weeks", "ours", "amazon", "diff", "diff_pct", "flag"]
    if ours.empty or amazon.empty:
        return pd.DataFrame(columns=cols)
    merged = ours[["asin", "week_start", "p50"]].merge(
        amazon[["asin", "week_start", "mean_units"]], on=["asin", "week_start"], how="inner")
    merged = merged.sort_values(["asin", "week_start"])
    merged = merged[merged.groupby("asin").cumcount() < weeks]
    per = merged.groupby("asin", as_index=False).agg(weeks=("week_start", "count"), ours=("p50", "sum"),
                                                     amazon=("mean_units", "sum"))
    total = pd.DataFrame([{"asin": "TOTAL", "weeks": int(per["weeks"].max()) if len(per) else 0,
                           "ours": per["ours"].sum(), "amazon": per["amazon"].sum()}])
    per = pd.concat([per, total], ignore_index=True)
    per["diff"] = per["ours"] - per["amazon"]
    with np.errstate(all="ignore"):
        per["diff_pct"] = np.where(per["amazon"] > 0, per["diff"] / per["amazon"], np.nan)
    big = (per["diff"].abs() >= DIVERGENCE_MIN_UNITS) & ((per["diff_pct"].abs() > threshold)
                                                          | per["diff_pct"].isna())
    per["flag"] = np.where(big, np.where(per["diff"] > 0, "higher", "lower"), "")
    return per[cols]


DRIFT_BLOCK = 500    # ASINs per block of drift's (asin x generation, week) array


def drift(af: pd.DataFrame, oos: pd.DataFrame | None = None, weeks: int = DIVERGENCE_WEEKS,
          block: int | None = None) -> pd.DataFrame:
    """How Amazon revised its forecast for the *same* weeks from one generation to the next.

    Per ASIN and generation: mean_units = Amazon's mean over its first ``weeks`` weeks;
    change = sum of the new mean over the weeks both generations cover / the previous one's - 1
    (same target weeks, so seasonality does not look like a revision); since_first = the
    compounded change since the ASIN's first generation. A generation whose since_first falls
    below DRIFT_CUT is a "cut"; an "oos_spiral" when the weeks before it had an OOS rate above
    SPIRAL_OOS (Amazon learning from lost sales: loop R1). Columns: asin, generation_date,
    mean_units, change, since_first, oos_before, flag.
    The (asin x generation, week) array is made ``block`` ASINs at a time (DRIFT_BLOCK), each
    on the weeks of all of them, so every row reads and sums as in one array: at 5,000 ASINs
    x 156 weeks the one array of 150,000 rows lifted the Forecast tab's plan by ~110 MB.
    """
    cols = ["asin", "generation_date", "mean_units", "change", "since_first", "oos_before", "flag"]
    if af.empty:
        return pd.DataFrame(columns=cols)
    parts = [_drift_block(af[pick], columns, weeks) for pick, columns in _asin_blocks(af, block or DRIFT_BLOCK)]
    if not parts:
        return pd.DataFrame(columns=cols)
    per = pd.DataFrame({name: np.concatenate([part[name] for part in parts])
                        for name in ("asin", "generation_date", "mean_units", "change")})
    del parts
    per["since_first"] = (1.0 + per["change"].fillna(0.0)).groupby(per["asin"]).cumprod() - 1.0
    per["oos_before"] = _oos_before(per, oos)
    cut = per["since_first"] < DRIFT_CUT
    per["flag"] = np.select([cut & (per["oos_before"] > SPIRAL_OOS), cut], ["oos_spiral", "cut"], "")
    return per[cols]


def _asin_blocks(af: pd.DataFrame, block: int) -> list[tuple[np.ndarray, pd.Index]]:
    """Row masks of ``af`` by ``block`` ASINs (sorted), each with the weeks of the whole frame
    (the columns one pivot of all rows would have: rows with an ASIN, generation and week)."""
    codes, asins = pd.factorize(af["asin"], sort=True)
    keyed = (codes >= 0) & af["generation_date"].notna().to_numpy() & af["week_start"].notna().to_numpy()
    columns = pd.Index(np.sort(af["week_start"][keyed].unique()), name="week_start")
    return [(keyed & (codes >= lo) & (codes < lo + block), columns) for lo in range(0, len(asins), block)]


def _drift_block(af: pd.DataFrame, columns: pd.Index, weeks: int) -> dict[str, np.ndarray]:
    """drift's per-generation sums for the rows of some ASINs (all of each ASIN's generations)."""
    wide = af.pivot_table(index=["asin", "generation_date"], columns="week_start", values="mean_units",
                          aggfunc="sum", sort=True).reindex(columns=columns)
    M = wide.to_numpy(dtype=float)                    # (asin x generation, week), NaN = not covered
    seen = ~np.isnan(M)
    first = seen & (np.cumsum(seen, axis=1) <= weeks)  # each generation's first ``weeks`` weeks
    asins = wide.index.get_level_values(0).to_numpy(dtype=str)
    same = np.r_[False, asins[1:] == asins[:-1]]       # the row before is the same ASIN's previous generation
    prev = np.vstack([np.full((1, M.shape[1]), np.nan), M[:-1]])
    both = first & ~np.isnan(prev) & same[:, None]
    new_sum, old_sum = np.where(both, M, 0.0).sum(axis=1), np.where(both, prev, 0.0).sum(axis=1)
    with np.errstate(all="ignore"):
        change = np.where(same & (old_sum > 0), new_sum / old_sum - 1.0, np.nan)
    return {"asin": asins, "generation_date": wide.index.get_level_values(1).to_numpy(dtype=str),
            "mean_units": np.where(first, M, 0.0).sum(axis=1), "change": change}


def _oos_before(per: pd.DataFrame, oos: pd.DataFrame | None, weeks: int = 4) -> np.ndarray:
    """Mean OOS rate of the ``weeks`` weeks before each generation date (NaN if unknown)."""
    out = np.full(len(per), np.nan)
    if oos is None or oos.empty:
        return out
    known = oos.dropna(subset=["oos_rate"]).sort_values(["asin", "period_start"])
    groups = {a: (g["period_start"].to_numpy(dtype=str), g["oos_rate"].to_numpy(dtype=float))
              for a, g in known.groupby("asin")}
    for i, (asin, gen) in enumerate(zip(per["asin"], per["generation_date"])):
        found = groups.get(asin)
        if found is None:
            continue
        end = int(np.searchsorted(found[0], str(gen)))   # weeks starting before the generation
        if end:
            out[i] = float(found[1][max(0, end - weeks):end].mean())
    return out


def spirals(drift_frame: pd.DataFrame) -> list[str]:
    """ASINs with at least one OOS-spiral cut."""
    if drift_frame.empty:
        return []
    return sorted(drift_frame.loc[drift_frame["flag"] == "oos_spiral", "asin"].unique().tolist())


def holdout_matrix(af: pd.DataFrame, asins: list[str], weeks: list[str]) -> tuple[np.ndarray, list[str | None]]:
    """Amazon's mean for the holdout weeks from each ASIN's newest generation made before them.

    Returns (matrix (asins, weeks) with NaN where Amazon had no forecast, generation per ASIN).
    """
    out = np.full((len(asins), len(weeks)), np.nan)
    used: list[str | None] = [None] * len(asins)
    if af.empty or not weeks:
        return out, used
    early = af[af["generation_date"] <= weeks[0]]
    early = latest(early)
    row = {a: i for i, a in enumerate(asins)}
    col = {w: j for j, w in enumerate(weeks)}
    for asin, week, value, gen in zip(early["asin"], early["week_start"], early["mean_units"],
                                      early["generation_date"]):
        if asin in row and week in col:
            out[row[asin], col[week]] = value
            used[row[asin]] = gen
    return out, used


def amazon_scores(af: pd.DataFrame, asins: list[str], weeks: list[str], actual: np.ndarray,
                  train: np.ndarray, ours: np.ndarray | None = None) -> tuple[dict[str, Any], list[dict[str, Any] | None]]:
    """Score Amazon's forecast on the holdout weeks it covers (at least half of them).

    Returns (total, rows): rows hold mase/wape/bias, the generation and the weeks scored.
    With ``ours`` (our P50 for the same weeks) the total adds "ours", scored on exactly
    Amazon's ASIN-weeks, so the two can be compared like for like.
    """
    matrix, used = holdout_matrix(af, asins, weeks)
    covered = np.sum(~np.isnan(matrix), axis=1)
    enough = covered >= max(1, len(weeks) / 2)
    masked = np.where(np.isnan(matrix), np.nan, actual)
    per = bt.scores(np.nan_to_num(matrix), masked, train)
    rows: list[dict[str, Any] | None] = []
    for i in range(len(asins)):
        if not enough[i]:
            rows.append(None)
            continue
        rows.append({k: (None if not np.isfinite(v[i]) else round(float(v[i]), 4)) for k, v in per.items()}
                    | {"generation": used[i], "weeks": int(covered[i])})
    total: dict[str, Any] = (bt.total_scores(np.nan_to_num(matrix[enough]), masked[enough], train[enough])
                             if enough.any() else {})
    if ours is not None and enough.any():
        total["ours"] = bt.total_scores(ours[enough], masked[enough], train[enough])
    return total | {"asins": int(enough.sum())}, rows
