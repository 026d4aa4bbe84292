"""Forecast quality on the demo, as issue 15 measures it (run:
pytest tests/benchmarks/bench_forecast_quality.py -p no:cacheprovider -s, or python -m this module).

Holdouts end at the last history week (2026-11-21): 26 weeks (with Prime Day 2026), 13, 8
(the Q4 run-up) and 4. Per holdout: P70/P80/P90 coverage, MASE and WAPE of ours, seasonal
naive and Amazon (Amazon only where it had a generation before the holdout), overall and on
event weeks. Black Friday: forecast from the week before Black Friday 2025 (one week ahead,
as the live forecast for Black Friday 2026 is), P50 vs actual and the share of ASINs with
actual <= P90. Prime Day 2026 inside the 26-week holdout. Launch ASINs: first 8 forecast weeks.
Targets are printed as MET/MISSED; only gross breakage is asserted (see the report of issue 15).
"""

from __future__ import annotations

import numpy as np
import pytest

from vendordesk.core.forecast import backtest as bt
from vendordesk.core.forecast.clean import Panel

HOLDOUTS = (26, 13, 8, 4)
NOMINAL = {"p70": 0.7, "p80": 0.8, "p90": 0.9}


def cut(panel: Panel, end: int) -> Panel:
    """The panel as it was known after its first ``end`` weeks."""
    return Panel(panel.asins, panel.weeks[:end], panel.units[:, :end], panel.demand[:, :end],
                 panel.actual[:, :end], panel.flags, None if panel.asp is None else panel.asp[:, :end],
                 None if panel.glance is None else panel.glance[:, :end])


def load(path):
    from vendordesk.ops.forecast import sales_panel, workspace_events, workspace_groups
    from vendordesk.store import open_workspace
    from vendordesk.store.facts_read import amazon_forecasts_frame

    with open_workspace(path) as ws:
        panel = sales_panel(ws, None)
        return panel, amazon_forecasts_frame(ws), workspace_events(ws), workspace_groups(ws, panel)


def _event_mask(events, weeks: list[str]) -> np.ndarray:
    from vendordesk.core.forecast.calendar import week_matrix

    kinds, m = week_matrix(events, weeks, ("black_friday", "cyber_monday", "prime_day", "prime_big_deal_days"))
    return m.any(axis=0)


def holdout_rows(panel: Panel, amazon, events, groups=None) -> list[dict]:
    from vendordesk.core.forecast import amazon as fa
    from vendordesk.core.forecast.run import holdout_backtest

    rows = []
    for h in HOLDOUTS:
        doc = holdout_backtest(panel, h, events=events, amazon=amazon, groups=groups)
        alone = holdout_backtest(panel, h, events=events, groups=groups)["_arrays"]["q"][0]
        arr = doc["_arrays"]
        t = len(panel.weeks) - h
        train, actual = panel.demand[:, :t], arr["actual"]
        amz, _ = fa.holdout_matrix(amazon, panel.asins, arr["weeks"])
        has_amz = np.sum(~np.isnan(amz), axis=1) >= h / 2
        row = {"holdout": h, "coverage": {k: bt.coverage(arr["q"][j], actual)
                                          for j, k in ((1, "p70"), (2, "p80"), (3, "p90"))}}
        ev = _event_mask(events, arr["weeks"])
        for name, F in (("ours", arr["q"][0]), ("ours_alone", alone), ("naive", arr["naive"]),
                        ("amazon", np.nan_to_num(amz))):
            rows_ok = has_amz if name == "amazon" else np.ones(len(panel), bool)
            if name == "amazon" and not has_amz.any():
                row[name] = None
                continue
            A = np.where(np.isnan(amz), np.nan, actual) if name == "amazon" else actual
            row[name] = bt.total_scores(F[rows_ok], A[rows_ok], train[rows_ok])
            if ev.any():
                row[name + "_events"] = bt.total_scores(F[rows_ok][:, ev], A[rows_ok][:, ev], train[rows_ok])
        # ours on exactly the ASIN-weeks Amazon covers, so the two WAPEs compare like with like
        if has_amz.any():
            A = np.where(np.isnan(amz), np.nan, actual)
            row["ours_on_amazon"] = bt.total_scores(arr["q"][0][has_amz], A[has_amz], train[has_amz])
        rows.append(row)
    return rows


def event_week(panel: Panel, week: str, events, holdout: int | None = None, amazon=None) -> dict:
    """P50/P90 total vs actual in ``week``; with ``holdout`` the week is inside that holdout,
    else forecast one week ahead from the week before."""
    from vendordesk.core.forecast.run import forecast_panel

    j = panel.weeks.index(week)
    origin = len(panel.weeks) - holdout if holdout else j
    res = forecast_panel(cut(panel, origin), j - origin + 1, events=events, amazon=amazon)
    q = res.q[:, :, j - origin]
    a = panel.actual[:, j]
    seen = ~np.isnan(a)
    return {"week": week, "ahead": j - origin + 1, "actual": float(a[seen].sum()), "p50": float(q[0][seen].sum()),
            "p90": float(q[3][seen].sum()), "p50_error": float(q[0][seen].sum() / a[seen].sum() - 1),
            "share_le_p70": float(np.mean(a[seen] <= q[1][seen] + 1e-9)),
            "share_le_p90": float(np.mean(a[seen] <= q[3][seen] + 1e-9))}


def launch_wape(panel: Panel, events, weeks_known: int = 4, ahead: int = 8, groups=None) -> dict | None:
    """ASINs whose history starts inside the panel: forecast from their first ``weeks_known``
    weeks, scored over the next ``ahead`` weeks."""
    from vendordesk.core.forecast.run import forecast_panel

    seen = ~np.isnan(panel.units)
    first = np.where(seen.any(axis=1), seen.argmax(axis=1), -1)
    picks = [i for i, f in enumerate(first) if f > 0 and f + weeks_known + ahead <= len(panel.weeks)]
    if not picks:
        return None
    err = act = 0.0
    for i in picks:
        origin = first[i] + weeks_known
        res = forecast_panel(cut(panel, origin), ahead, events=events, groups=groups)
        a = panel.actual[i, origin:origin + ahead]
        ok = ~np.isnan(a)
        err += float(np.abs(res.q[0, i][ok] - a[ok]).sum())
        act += float(a[ok].sum())
    return {"asins": len(picks), "wape": err / act if act else None}


def forward_black_friday(panel: Panel, amazon, events) -> dict:
    from vendordesk.core.forecast import amazon as fa
    from vendordesk.core.forecast.run import forecast_panel

    res = forecast_panel(panel, 2, events=events, amazon=amazon)
    week = res.weeks[0]
    amz = fa.latest(amazon)
    return {"week": week, "p50": float(res.q[0, :, 0].sum()), "p90": float(res.q[3, :, 0].sum()),
            "amazon_mean": float(amz.loc[amz["week_start"] == week, "mean_units"].sum())}


def report(panel: Panel, amazon, events, groups=None) -> dict:
    rows = holdout_rows(panel, amazon, events, groups)
    bf_week = next(w for w in panel.weeks if w.startswith("2025-11-2"))
    out = {"holdouts": rows, "black_friday_2025": event_week(panel, bf_week, events, amazon=amazon),
           "prime_day_2026": event_week(panel, "2026-07-05", events, holdout=26, amazon=amazon),
           "launches": {f"{k} weeks": launch_wape(panel, events, k, groups=groups) for k in (2, 4, 6)}, "black_friday_2026": forward_black_friday(panel, amazon, events)}
    _print(out)
    return out


def _fmt(s: dict | None) -> str:
    return "-" if not s else f"MASE {s['mase']:.3f} WAPE {s['wape']:.3f}"


def _print(out: dict) -> None:
    print("\nholdout | P70 P80 P90 | ours | seasonal naive | Amazon (ours on Amazon's weeks)")
    for r in out["holdouts"]:
        c = r["coverage"]
        ok = all(abs(c[k] - v) <= 0.05 for k, v in NOMINAL.items())
        print(f"{r['holdout']:>3} w | {c['p70']:.1%} {c['p80']:.1%} {c['p90']:.1%} {'MET' if ok else 'MISSED'} | "
              f"{_fmt(r['ours'])} [model alone {_fmt(r['ours_alone'])}] | {_fmt(r['naive'])} | {_fmt(r.get('amazon'))} ({_fmt(r.get('ours_on_amazon'))})")
        if "ours_events" in r:
            print(f"      event weeks: ours {_fmt(r['ours_events'])} | naive {_fmt(r['naive_events'])} | "
                  f"Amazon {_fmt(r.get('amazon_events'))}")
    for key in ("black_friday_2025", "prime_day_2026"):
        e = out[key]
        print(f"{key} (week {e['week']}, {e['ahead']} ahead): actual {e['actual']:.0f}, P50 {e['p50']:.0f} "
              f"({e['p50_error']:+.1%}), P90 {e['p90']:.0f}; ASINs actual <= P70 {e['share_le_p70']:.0%}, "
              f"<= P90 {e['share_le_p90']:.0%}")
    print(f"black_friday_2026 forward: {out['black_friday_2026']}")
    for k, v in out["launches"].items():
        print(f"launches, forecast after {k}: {v}")
    r26 = out["holdouts"][0]
    print(f"MASE gain vs seasonal naive (26 w): {1 - r26['ours']['mase'] / r26['naive']['mase']:.1%}")


@pytest.fixture(scope="module")
def demo_path(tmp_path_factory):
    from vendordesk.demo import build_demo

    path = tmp_path_factory.mktemp("bench") / "demo.vendordesk"
    build_demo(path)
    return path


def test_bench_forecast_quality_on_the_demo(demo_path):
    out = report(*load(demo_path))
    for r in out["holdouts"]:
        assert r["ours"]["wape"] < r["naive"]["wape"] * 1.2


if __name__ == "__main__":
    import sys
    import tempfile
    from pathlib import Path

    from vendordesk.demo import build_demo

    target = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(tempfile.mkdtemp()) / "demo.vendordesk"
    if not target.exists():
        build_demo(target)
    report(*load(target))
