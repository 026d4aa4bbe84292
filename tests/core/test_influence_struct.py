"""The structural what-if: identities worked by hand, CRaP's threshold, relative price, a spiral
that stops and recovers, negative shocks, refused inputs and loops that are real cycles."""

from __future__ import annotations

import re

import numpy as np
import pytest

from vendordesk.core.influence import struct as st
from vendordesk.core.influence.graph import LOOPS, Graph
from vendordesk.core.influence.model import params_from, whatif
from vendordesk.core.influence.sim import Shock, check_shock, parse_shock

OOS = "procurable_product_out_of_stock_rate"


def state(stock: float = 1e6, oos: float = 0.05, contra: float = 0.10, target: float = 0.40, lead: int = 2):
    """One group: 1,000 units a week of demand, ASP 20, cost 12."""
    one = np.ones(1)
    return st.State(demand=one * 1000, oos_exo=one * oos, on_hand=one * stock,
                    pipeline=np.full((lead, 1), 950.0), forecast=one * 950, asp=one * 20, cost=one * 12,
                    contra=one * contra, discount=one * 0, conf=one * 0.9, fill=one * 1.0, target=target)


def links(**values) -> dict:
    """Point estimates without uncertainty (se 0), the rest documented defaults."""
    base = {"elasticity": -1.5, "lost_share": 1.0, "forecast_alpha": 0.5, "po_cover": 4.0, "lead_weeks": 2,
            "crap": 0.0, "competitor_match": 1.0, "demand_noise": 0.0, "stock_noise": 0.0, "content": 0.5, "ads": 0.15,
            "featured_offer": 0.8}
    base.update(values)
    return {k: {"estimate": v, "se": 0.0} for k, v in base.items()}


def run(shocks, weeks=8, s=None, draws=0, **values):
    return whatif(s or state(), params_from(links(**values), draws=draws), shocks, weeks)


def test_units_follow_one_minus_oos_counted_once():
    # demand 1000, OOS 5 % -> 950 sold; +8 points -> 1000 x (1 - 0.13) = 870: -80 a week for 4 weeks
    r = run([Shock(OOS, 0.08, 4)], weeks=4)
    assert r.totals["units"] == pytest.approx(-320)
    assert r.paths["ordered_units"][0] == pytest.approx(-80 / 950, abs=1e-6)     # -8.42 %, not -12 %
    # revenue = units x ASP, vendor revenue = units x cost
    assert r.totals["amazon_revenue"] == pytest.approx(-320 * 20)
    assert r.totals["vendor_revenue"] == pytest.approx(-320 * 12)


def test_net_ppm_uses_cogs_less_contra_cogs():
    # Net PPM = (20 - 12 + 0.10 x 12) / 20 = 0.46; cost +6 %: (20 - 12.72 + 1.272) / 20 = 0.4276
    # change = -0.06 x (12 - 1.2) / 20 = -0.0324, not -0.06 x 12 / 20 = -0.036
    r = run([Shock("cost_price", 0.06)], weeks=4)
    assert r.baseline["net_ppm"] == pytest.approx(0.46)
    assert r.totals["net_ppm"] == pytest.approx(-0.0324)
    assert r.totals["units"] == 0.0
    assert r.totals["vendor_revenue"] == pytest.approx(4 * 950 * 12 * 0.06)


def test_crap_reacts_only_below_the_net_ppm_target():
    # with a CRaP response of 20 %: cost +6 % keeps Net PPM at 42.8 % > 40 % -> no unit moves
    assert run([Shock("cost_price", 0.06)], weeks=6, crap=0.2).totals["units"] == 0.0
    # cost +20 %: (20 - 14.4 + 1.44) / 20 = 35.2 % < 40 % -> demand 20 % lower from the next week
    r = run([Shock("cost_price", 0.20)], weeks=6, crap=0.2)
    weekly = np.array(r.weekly["units"])
    assert weekly[0] == 0.0
    assert weekly[1:] == pytest.approx([-0.2 * 950] * 5)


def test_crap_is_not_counted_again_where_net_ppm_is_already_below_target():
    # ASP 20, cost 13, contra 10 % of COGS: Net PPM (20 - 13 + 1.3) / 20 = 41.5 %; a target of 45 %
    # finds it below already. The demand level (1,000) was measured in weeks that were below the
    # target too, so any CRaP response is in it: the unshocked run sells 1,000 x (1 - 0.05) = 950
    # a week, not 950 x (1 - 0.2) = 760 from the second week on.
    s = state(target=0.45)
    s.cost = s.cost * 13 / 12
    base = st.run(s, params_from(links(crap=0.2), draws=0), {}, 6)
    assert base["units"][0] == pytest.approx([950.0] * 6)
    # ASP +10 % lifts it above: (22 - 13 + 1.3) / 22 = 46.8 % > 45 %; from the next week the
    # response lifts off: demand 1,000 x 1.1 ** -1.5 / (1 - 0.2) = 1,083.6, units x 0.95 = 1,029.5
    # (week 0: 1,000 x 1.1 ** -1.5 x 0.95 = 823.4)
    up = st.run(s, params_from(links(crap=0.2), draws=0), {"average_selling_price": np.full(6, 0.10)}, 6)
    assert up["units"][0][0] == pytest.approx(950 * 1.1 ** -1.5)
    assert up["units"][0][1:] == pytest.approx([950 * 1.1 ** -1.5 / 0.8] * 5)


def test_a_matched_competitor_cut_leaves_units_alone_and_costs_amazon_revenue():
    r = run([Shock("competitor_price", -0.10)], weeks=4)
    assert r.totals["units"] == pytest.approx(0.0, abs=1e-9)
    assert r.totals["amazon_revenue"] == pytest.approx(-0.10 * 4 * 950 * 20)
    # unmatched: our relative price rises 1 / 0.9 -> units (1/0.9)^-1.5 - 1 = -14.6 %
    r = run([Shock("competitor_price", -0.10)], weeks=4, competitor_match=0.0)
    assert r.totals["units"] == pytest.approx(4 * 950 * ((1 / 0.9) ** -1.5 - 1))


def test_price_cut_raises_units_by_the_elasticity():
    r = run([Shock("average_selling_price", -0.10)], weeks=2)
    assert r.totals["units"] == pytest.approx(2 * 950 * (0.9 ** -1.5 - 1))


def test_oos_spiral_is_bounded_and_recovers_after_the_shock():
    # tight stock, lead 2: +30 points OOS for 4 weeks cuts Amazon's forecast and POs (the spiral),
    # but the ordering rule refills once sales recover
    s = state(stock=1900, lead=2)
    r = run([Shock(OOS, 0.30, 4)], weeks=40, s=s)
    units = np.array(r.weekly["units"])
    assert units[:4].max() < 0
    assert np.all(units >= -1000)
    assert abs(units[-5:]).max() < 1.0                       # back to the unshocked path
    oos = np.array(r.paths[OOS])
    assert oos.max() <= 1.0


def test_negative_rate_shocks_are_not_silently_zero():
    s = state(stock=1000, lead=2)
    down = run([Shock("vendor_confirmation_rate", -0.30, 6)], weeks=12, s=s, demand_noise=0.3)
    up = run([Shock("vendor_confirmation_rate", +0.05, 6)], weeks=12, s=s, demand_noise=0.3)
    assert down.totals["units"] < 0
    assert up.totals["units"] > 0
    assert abs(down.totals["units"]) > abs(up.totals["units"])


def test_paths_add_up_to_the_total():
    s = state(stock=1900, lead=2)
    r = run([Shock(OOS, 0.10, 4)], weeks=12, s=s)
    for metric in ("units", "vendor_revenue", "amazon_revenue"):
        assert sum(r.contributions[metric].values()) == pytest.approx(r.totals[metric])
    assert r.contributions["vendor_revenue"]["direct"] < 0


def test_intervals_hold_the_point_estimate_when_uncertain():
    lk = links()
    lk["elasticity"]["se"] = 0.3
    r = whatif(state(), params_from(lk, draws=200), [Shock("average_selling_price", -0.10, 4)], 4)
    lo, hi = r.intervals["units"]
    assert lo < r.totals["units"] < hi
    assert lo > 0                                            # a price cut never loses units here


def test_the_demand_levels_own_uncertainty_widens_the_band_not_the_point():
    # ample stock, no demand noise, every link without uncertainty: ASP -10 % for 4 weeks adds
    # 1,000 x (1 - 0.05) x (0.9 ** -1.5 - 1) = 950 x 0.171213 = 162.65 units a week, 650.61 in all.
    # The coming weeks' demand level is itself an estimate (last year's weeks, grown): with a 5 %
    # standard error each draw scales the demand by exp(0.05 z - 0.05 ** 2 / 2), so the 10-90 % band
    # is about 650.61 x exp(-/+1.2816 x 0.05 - 0.00125) = 609.5 .. 693.4; without it, the point.
    point = 950 * (0.9 ** -1.5 - 1) * 4
    assert point == pytest.approx(650.61, abs=0.01)
    lk = links()
    shock = [Shock("average_selling_price", -0.10, 4)]
    sure = whatif(state(), params_from(lk, draws=200), shock, 4)
    assert sure.totals["units"] == pytest.approx(point)
    assert sure.intervals["units"] == pytest.approx([point, point])
    s = state()
    s.level_se = 0.05
    r = whatif(s, params_from(lk, draws=200), shock, 4)
    assert r.totals["units"] == pytest.approx(point)
    lo, hi = r.intervals["units"]
    assert lo == pytest.approx(point * np.exp(-1.2816 * 0.05 - 0.00125), rel=0.02)
    assert hi == pytest.approx(point * np.exp(1.2816 * 0.05 - 0.00125), rel=0.02)


def test_each_groups_share_of_the_level_is_uncertain_too():
    # the same account and shock: one group, whose share of the account's level has a 5 % standard
    # error, is drawn as the level was: exp(0.05 z - 0.05 ** 2 / 2) per draw and group, band
    # 650.61 x exp(-/+1.2816 x 0.05 - 0.00125) = 609.5 .. 693.4 again, the point unchanged
    point = 950 * (0.9 ** -1.5 - 1) * 4
    s = state()
    s.share_se = np.array([0.05])
    r = whatif(s, params_from(links(), draws=200), [Shock("average_selling_price", -0.10, 4)], 4)
    assert r.totals["units"] == pytest.approx(point)
    lo, hi = r.intervals["units"]
    assert lo == pytest.approx(point * np.exp(-1.2816 * 0.05 - 0.00125), rel=0.02)
    assert hi == pytest.approx(point * np.exp(1.2816 * 0.05 - 0.00125), rel=0.02)


@pytest.mark.parametrize("text, words", [
    ("content_score=+10", "between -1 and +1"),
    ("cost_price=+6", "Did you mean +6%"),
    ("ad_spend=+500%", "-100 % and +300 %"),
])
def test_absurd_shocks_are_refused_naming_the_range(text, words):
    with pytest.raises(ValueError, match=words.replace("+", r"\+").replace("%", "%")):
        check_shock(parse_shock(text))


def test_a_rate_shock_must_keep_the_rate_within_0_and_100_percent():
    with pytest.raises(ValueError, match="0..100 %"):
        check_shock(parse_shock(f"{OOS}=-0.10"), level=0.04)
    check_shock(parse_shock(f"{OOS}=+0.08@4"), level=0.04)            # fine
    check_shock(parse_shock("vendor_confirmation_rate=-0.10"), level=0.9)


def test_named_loops_are_closed_cycles_with_their_labelled_sign():
    g = Graph.default()
    for loop_id, (ids, reinforcing) in LOOPS.items():
        edges = [g.edges[i] for i in ids]
        for a, b in zip(edges, edges[1:] + edges[:1]):
            assert a.dst == b.src, f"{loop_id}: {a.id} does not lead into {b.id}"
        assert (np.prod([e.sign for e in edges]) > 0) == reinforcing, loop_id


def test_sentences_band_label_margin_and_net_of_ad_spend():
    from vendordesk.core.influence.words import band, summary_lines

    # German band sentence as the window shows it
    assert band(-6500, [-7100, -5900], "de", "Stück") == "−6.500 Stück, wahrscheinlich zwischen −7.100 und −5.900"
    r = run([Shock("ad_spend", 0.20)], weeks=12)
    info = {"currency": "EUR", "history": True, "calibrated": True, "links": links(), "target": 0.40,
            "shocks": [Shock("ad_spend", 0.20)], "ad_spend_week": 700.0}
    text = "\n".join(summary_lines(r, info, "en"))
    # 700 EUR a week x 20 % x 12 weeks = 1,680 EUR of extra spend, deducted from the gain
    assert "Extra ad spend +€1,680" in text            # English writes the sign first (was "+1,680 €")
    assert f"{r.totals['vendor_revenue'] - 1680:,.0f}".lstrip("-") in text
    assert "Amazon margin in EUR" in text and "Net PPM (" not in text
    # no ad data: said so instead of a gross number passing for a net one
    info["ad_spend_week"] = None
    assert "not deducted" in "\n".join(summary_lines(r, info, "en"))
    # German money reads "€", as everywhere else in the German desk, never the ISO code
    german = "\n".join(summary_lines(r, info, "de"))
    assert "€" in german and "EUR" not in german


def test_the_summary_writes_money_as_each_language_does():
    """`simulate` wrote "our revenue (shipped COGS): −7,977 €" in English: the euro sign goes before
    the number in English ("−€7,977"), after it in German ("−7.977 €"), on every money line, the
    paths and the ad-spend sentence; units and points keep their word after the number."""
    from vendordesk.core.influence.words import band

    assert band(-7977, [-8162, -6744], "en", currency="EUR") == "−€7,977, likely between −8,162 and −6,744"
    assert band(-7977, [-8162, -6744], "de", currency="EUR") == "−7.977\u00a0€, wahrscheinlich zwischen −8.162 und −6.744"
    assert band(1200, None, "en", currency="EUR") == "+€1,200"
    r = run([Shock("ad_spend", 0.20)], weeks=12)
    info = {"currency": "EUR", "history": True, "calibrated": True, "links": links(), "target": 0.40,
            "shocks": [Shock("ad_spend", 0.20)], "ad_spend_week": 700.0}
    for lang, bad in (("en", r"\d €"), ("de", r"€\s?[−+]?\d")):
        lines = summary_lines_for(r, info, lang)
        assert [line for line in lines if re.search(bad, line)] == [], lang


def summary_lines_for(r, info, lang):
    from vendordesk.core.influence.words import summary_lines

    return summary_lines(r, info, lang)


def test_refusal_is_in_the_windows_language_and_names_the_range():
    with pytest.raises(ValueError) as de:
        check_shock(parse_shock("cost_price=+6"), lang="de")
    msg = str(de.value)
    assert "muss zwischen -100 % und +100 % liegen" in msg and "Gemeint ist wohl +6%" in msg
    assert "must" not in msg and "Did you mean" not in msg
    with pytest.raises(ValueError) as de:
        check_shock(parse_shock("content_score=+10"), lang="de")
    assert "zwischen -1 und +1" in str(de.value) and "+0.10 (+10 Punkte)" in str(de.value)


def test_a_confirmation_drop_costs_sales_only_when_the_stock_runs_out():
    # One group, no demand noise: demand 100 a week, 20 in stock, 100 confirmed units due in each
    # of weeks 0 and 1 (lead 2), fill 100 %, confirmation 90 %, cover 3 weeks, Amazon's forecast
    # held at 100 (alpha 0), so PO = 3 x 100 - on hand - open POs, confirmed = PO x confirmation.
    #   baseline  w0: 20 + 100 = 120 in stock, sells 100, 20 left; PO 300 - 20 - 100 = 180 -> 162 due w2
    #             w1: 20 + 100 = 120, sells 100, 20 left; PO 300 - 20 - 162 = 118 -> 106.2 due w3
    #             w2: 20 + 162 = 182, sells 100, 82 left; w3: 82 + 106.2 = 188.2, sells 100
    #   shocked   confirmation 40 % (-50 points) in week 0: its PO of 180 -> 72 confirmed, due w2
    #             w1: PO 300 - 20 - 72 = 208 (open POs 90 lower) -> 187.2 due w3
    #             w2: 20 + 72 = 92 in stock < 100 demand: sells 92, the stock runs out (-8 units)
    #             w3: 0 + 187.2 in stock, sells 100; later weeks have ~188 in stock, sell 100
    # so units fall by exactly 8, all in week 2 (the lead time after the drop), vendor revenue by
    # 8 x 12 = 96, and receipts move by -90 in week 2 and +81 in week 3 (the PO that refills).
    one = np.ones(1)
    s = st.State(demand=one * 100, oos_exo=one * 0, on_hand=one * 20, pipeline=np.full((2, 1), 100.0),
                 forecast=one * 100, asp=one * 20, cost=one * 12, contra=one * 0, discount=one * 0,
                 conf=one * 0.9, fill=one * 1.0)
    p = st.Params(elasticity=-one, alpha=0 * one, cover=3 * one, lost=one, match=one, crap=0 * one, lead=2)
    shock = {st.CONF: np.array([-0.5, 0, 0, 0, 0, 0])}
    base, hit = st.run(s, p, {}, 6), st.run(s, p, shock, 6)
    assert base["units"][0] == pytest.approx([100.0] * 6)
    assert (hit["units"] - base["units"])[0] == pytest.approx([0, 0, -8, 0, 0, 0])
    assert (hit["vendor"] - base["vendor"])[0].sum() == pytest.approx(-96.0)
    assert (hit["received"] - base["received"])[0][:4] == pytest.approx([0, 0, -90, 81])
    assert hit["po"][0][:2] == pytest.approx([180, 208]) and base["po"][0][:2] == pytest.approx([180, 118])
