"""One past out-of-stock count (issue 13): the management brief's "fix availability" lever picks
exactly the ASINs the gear tile counts as "ASINs with OOS over 8 % (last 4 weeks)"
(core.gears.kpis.asins_above_oos_limit), never an own third definition."""

from __future__ import annotations

import pandas as pd
import pytest

from vendordesk.core.gears.report import GearInputs, GearModel, oos_asins
from vendordesk.core.influence.target import gear_levers

OOS = "procurable_product_out_of_stock_rate"
COLUMNS = ["asin", "period_start", "ordered_units", "shipped_units", "shipped_revenue", "shipped_cogs", OOS,
           "glance_views", "sellable_on_hand_inventory_units", "open_purchase_order_units"]


def _frame() -> pd.DataFrame:
    """8 weeks, 4 ASINs; the last 4 weeks (2026-02-01 .. 02-22) are the gear tile's period.

    A: OOS 30 % in weeks 1-4, 0 % in weeks 5-8. Last 4 weeks: 0 % -> not over 8 %.
       (The old lever rule, the unweighted mean of 8 weeks > 5 %: 15 % -> picked. Wrong.)
    B: OOS 0, 0, 0, 40 % in weeks 5-8 at 100 glance views each:
       (0 + 0 + 0 + 0.40 x 100) / 400 = 10 % > 8 % -> counted. (Old rule: 8-week mean 5 %, not > 5 %.)
    C: OOS 2, 2, 2, 50 % in weeks 5-8 at 300, 300, 300, 100 glance views:
       (6 + 6 + 6 + 50) / 1,000 = 6.8 % -> not over 8 % (unweighted it would be 14 %; old rule 7 % > 5 %).
    D: OOS 9 % every week, 100 glance views: 9 % > 8 % -> counted (old rule: picked too).
    """
    weeks = [d.strftime("%Y-%m-%d") for d in pd.date_range("2026-01-04", periods=8, freq="7D")]
    oos = {"A": [0.30] * 4 + [0.0] * 4, "B": [0.0] * 7 + [0.40], "C": [0.0] * 4 + [0.02, 0.02, 0.02, 0.50],
           "D": [0.09] * 8}
    views = {"A": [100.0] * 8, "B": [100.0] * 8, "C": [300.0] * 7 + [100.0], "D": [100.0] * 8}
    rows = [(asin, w, 80.0, 80.0, 1600.0, 800.0, oos[asin][i], views[asin][i], 1e6, 0.0)
            for asin in oos for i, w in enumerate(weeks)]
    return pd.DataFrame(rows, columns=COLUMNS)


def test_oos_asins_is_the_gear_tiles_count_worked_by_hand():
    frame = _frame()
    asins, limit, weeks = oos_asins(frame)
    assert (asins, limit, weeks) == (["B", "D"], pytest.approx(0.08), 4)
    report = GearModel(GearInputs(facts=frame)).compute()
    kpis = {k.id: k for k in report.gear("availability").kpis}
    assert report.asof_week == "2026-02-22"
    assert kpis["asins_oos"].value == 2 == len(asins)
    assert kpis["asins_oos_share"].value == pytest.approx(2 / 4)


def test_oos_asins_follow_the_kams_oos_limit():
    """With the red edge moved to 9.5 %: B (10 %) stays, D (9 %) drops out, in both places."""
    settings = {"availability": {"thresholds": {"oos_rate": {"green": 0.03, "red": 0.095}}}}
    frame = _frame()
    asins, limit, _ = oos_asins(frame, settings)
    assert asins == ["B"] and limit == pytest.approx(0.095)
    kpis = {k.id: k for k in GearModel(GearInputs(facts=frame, settings=settings)).compute()
            .gear("availability").kpis}
    assert kpis["asins_oos"].value == 1


def test_fix_availability_lever_picks_the_gear_tiles_oos_asins():
    frame = _frame()
    links = {k: {"estimate": 0.0, "se": 0.0} for k in ("demand_noise", "stock_noise", "content", "ads",
                                                        "featured_offer")}
    lever = next(lv for lv in gear_levers(frame, weeks=10, lang="en", links=links) if lv.key == "fix_oos")
    assert lever.asins == ["B", "D"]
    # named by the gear tile's own words, so the brief's count reads as the tile's count
    assert lever.label == "Fixing availability on the 2 ASINs with OOS over 8% (last 4 weeks)"
    german = next(lv for lv in gear_levers(frame, weeks=10, lang="de", links=links) if lv.key == "fix_oos")
    assert german.label.startswith("Verfügbarkeit der 2 ASINs mit OOS über 8\u00a0%")


def _long_frame(asins: int, weeks: int) -> pd.DataFrame:
    """``asins`` ASINs x ``weeks`` weeks ending 2026-02-22, 100 glance views each week. Even ASINs
    are 40 % OOS in the newest week only: (0 + 0 + 0 + 0.40 x 100) / 400 = 10 % over the last 4
    weeks > 8 % -> counted; odd ASINs (0 % throughout) are not."""
    starts = [d.strftime("%Y-%m-%d") for d in pd.date_range(end="2026-02-22", periods=weeks, freq="7D")]
    names = [f"A{i:05d}" for i in range(asins)]
    frame = pd.DataFrame({"asin": [a for a in names for _ in starts], "period_start": starts * asins})
    for col in COLUMNS[2:]:
        frame[col] = 80.0
    frame[OOS] = 0.0
    frame["glance_views"] = 100.0
    newest = frame["period_start"] == starts[-1]
    frame.loc[newest & frame["asin"].isin(names[::2]), OOS] = 0.40
    return frame


def test_oos_asins_on_a_long_history_counts_the_last_four_weeks():
    frame = _long_frame(6, 60)
    asins, limit, weeks = oos_asins(frame)
    assert asins == ["A00000", "A00002", "A00004"] and weeks == 4


def test_oos_asins_prepares_only_the_newest_weeks():
    """Issue 18: the lever's OOS ASINs prepared the whole history (+283 MB at 5,000 ASINs x 156
    weeks). 2,000 ASINs x 156 weeks are 312,000 rows x 10 columns = 25 MB of floats; preparing
    them all allocates several times that, the newest 16 weeks about a tenth of it."""
    import tracemalloc

    frame = _long_frame(2000, 156)
    size = frame.memory_usage(deep=False).sum()
    tracemalloc.start()
    asins, _, _ = oos_asins(frame)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert len(asins) == 1000
    assert peak < size, (peak, size)
