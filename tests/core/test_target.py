"""The sales target view: YTD, projection, gap and gear levers, worked by hand."""

from __future__ import annotations

import pandas as pd
import pytest

from vendordesk.core.influence.target import gear_levers, target_view, week_month

OOS = "procurable_product_out_of_stock_rate"


def test_week_belongs_to_month_of_its_wednesday():
    assert week_month("2026-01-25") == (2026, 1)
    assert week_month("2026-03-29") == (2026, 4)      # Wed 1 April
    assert week_month("2026-12-27") == (2026, 12)     # Wed 30 Dec


def test_target_view_by_hand():
    weekly = pd.DataFrame({"period_start": ["2026-01-04", "2026-01-11", "2026-01-18", "2026-01-25"],
                           "shipped_cogs": [1000.0] * 4, "shipped_units": [100.0] * 4})
    forecast = pd.Series(dict.fromkeys(("2026-02-01", "2026-02-08", "2026-02-15", "2026-02-22"), 120.0))
    view = target_view({1: 5000.0, 2: 5000.0}, 2026, weekly, forecast)
    assert view.ytd == 4000 and view.cost_per_unit == 10
    assert view.remaining_weeks == 48                 # 1 Feb .. 27 Dec
    assert view.projection == pytest.approx(4 * 1200 + 44 * 1000)
    assert view.gap == pytest.approx(10000 - 52800)
    assert view.gap_units == pytest.approx(-4280)
    feb = view.monthly.set_index("month").loc[2]
    assert (feb["target"], feb["actual"], feb["projected"]) == (5000, 0, 4800)


def test_empty_history_is_honest():
    view = target_view({}, 2026, pd.DataFrame(columns=["period_start", "shipped_cogs", "shipped_units"]))
    assert view.ytd == 0 and view.projection == 0 and view.target == 0
    assert view.gap_units != view.gap_units          # NaN: no cost per unit known
    assert gear_levers(pd.DataFrame(), 10) == []


def test_fix_availability_lever_by_hand():
    """The structural model on the stored calibration (here: no demand noise, ample stock)."""
    weeks = [d.strftime("%Y-%m-%d") for d in pd.date_range("2026-01-04", periods=13, freq="7D")]
    rows = []
    for w in weeks:
        rows.append(("A", w, 80.0, 80.0, 1600.0, 800.0, 0.20, 100.0, 1e6, 0.0))
        rows.append(("B", w, 50.0, 50.0, 1000.0, 500.0, 0.00, 100.0, 1e6, 0.0))
    frame = pd.DataFrame(rows, columns=["asin", "period_start", "ordered_units", "shipped_units", "shipped_revenue",
                                        "shipped_cogs", OOS, "glance_views", "sellable_on_hand_inventory_units",
                                        "open_purchase_order_units"])
    links = {k: {"estimate": 0.0, "se": 0.0} for k in ("demand_noise", "stock_noise", "content", "ads",
                                                        "featured_offer")}
    levers = gear_levers(frame, weeks=10, lang="en", links=links)
    assert [lv.key for lv in levers] == ["fix_oos"]        # ample stock: confirmation +5 points adds nothing
    lever = levers[0]
    assert lever.key == "fix_oos" and lever.asins == ["A"]
    # A: demand = 80 / (1 - 0.20) = 100 a week; OOS 20 % -> 2 %: 100 x 0.98 - 80 = +18 a week,
    # 10 weeks = 180 units, x cost 800 / 80 = 10 EUR = 1,800 EUR (units = demand x (1 - OOS))
    assert lever.units == pytest.approx(180)
    assert lever.value == pytest.approx(1800)
    # the lost share keeps its default 1.0 (10-90 %: 0.8 .. 1.0, se 0.2 / 2.563 = 0.078, drawn and
    # clipped at 1): the low end 1,800 x (1 - 1.2816 x 0.078) = 1,620 EUR, the high end 1,800
    assert lever.low == pytest.approx(1620, rel=0.03) and lever.high == pytest.approx(1800)
    assert lever.sentence.startswith("Fixing availability on the 1 ASIN with OOS over 8% (last 4 weeks) is worth about €1,800 by December "
                                     "(180 units), likely between €1,")
    assert lever.sentence.endswith(" and €1,800.")
    # ads, content and the Featured Offer have no effect in this account's calibration: no lever
    assert not {"ads_up", "content_up", "buybox"} & {lv.key for lv in levers}


def test_lever_carries_its_10_90_range_from_the_simulate_draws():
    """Only the lost share is uncertain (0.9, se 0.05); everything else is exact.
    A: demand 100 a week; OOS 20 % -> 2 % sells 100 x lost x 0.18 more a week: 10 weeks at 10 EUR
    = 1,800 x lost EUR. Point 1,800 x 0.9 = 1,620 EUR (162 units); 10-90 %: lost 0.9 -/+ 1.2816 x
    0.05 = 0.836 .. 0.964 -> 1,505 .. 1,735 EUR (from 200 draws: within a few %)."""
    weeks = [d.strftime("%Y-%m-%d") for d in pd.date_range("2026-01-04", periods=13, freq="7D")]
    rows = [("A", w, 80.0, 80.0, 1600.0, 800.0, 0.20, 100.0, 1e6, 0.0) for w in weeks]
    frame = pd.DataFrame(rows, columns=["asin", "period_start", "ordered_units", "shipped_units", "shipped_revenue",
                                        "shipped_cogs", OOS, "glance_views", "sellable_on_hand_inventory_units",
                                        "open_purchase_order_units"])
    links = {k: {"estimate": 0.0, "se": 0.0} for k in ("demand_noise", "content", "ads", "featured_offer")}
    links["lost_share"] = {"estimate": 0.9, "se": 0.05}
    lever = next(lv for lv in gear_levers(frame, weeks=10, lang="en", links=links) if lv.key == "fix_oos")
    assert lever.value == pytest.approx(1620)
    assert lever.units == pytest.approx(162)
    assert lever.low == pytest.approx(1800 * (0.9 - 1.2816 * 0.05), rel=0.03)
    assert lever.high == pytest.approx(1800 * (0.9 + 1.2816 * 0.05), rel=0.03)
    assert lever.units_low == pytest.approx(lever.low / 10) and lever.units_high == pytest.approx(lever.high / 10)
    assert lever.has_band
    assert lever.sentence.startswith("Fixing availability on the 1 ASIN with OOS over 8% (last 4 weeks) is worth about €1,620 by December "
                                     "(162 units), likely between €1,")
    low_text, high_text = lever.sentence.removesuffix(".").split("likely between ")[1].split(" and ")
    assert abs(float(low_text.lstrip("€").replace(",", "")) - 1505) <= 45
    assert abs(float(high_text.lstrip("€").replace(",", "")) - 1735) <= 52
    german = next(lv for lv in gear_levers(frame, weeks=10, lang="de", links=links) if lv.key == "fix_oos")
    assert "1.620" in german.sentence and "wahrscheinlich zwischen" in german.sentence


def test_a_levers_band_states_both_ends_in_one_unit():
    """The management brief said "wahrscheinlich zwischen 7.125 € und 12 T €": the low end below
    10.000 € in euros, the high end in thousands. Both ends now take the unit of the larger one."""
    import re

    from vendordesk.core.influence.target import Lever, lever_sentence

    lever = Lever(gear="availability", key="fix_oos", value=11_000.0, units=278.0, asins=["A"] * 10,
                  low=7_125.0, high=12_400.0)
    de = lever_sentence(lever, "de")
    # 7.125 / 1.000 = 7,1 -> "7 T €"; 12.400 / 1.000 = 12,4 -> "12 T €"
    assert "zwischen 7 T € und 12 T €" in re.sub(r"\s", " ", de), de
    assert "between €7k and €12k" in lever_sentence(lever, "en")
    # a band below 10.000 € on both ends stays in euros
    small = Lever(gear="availability", key="fix_oos", value=5_000.0, units=100.0, asins=["A"], low=3_200.0,
                  high=6_900.0)
    assert "between €3,200 and €6,900" in lever_sentence(small, "en")
    # zero is "0 €", not "0 T €", beside a thousands end
    zero = Lever(gear="ads", key="ads_up", value=61_000.0, units=2_453.0, low=0.0, high=122_000.0)
    assert "zwischen 0 € und 122 T €" in re.sub(r"\s", " ", lever_sentence(zero, "de"))
