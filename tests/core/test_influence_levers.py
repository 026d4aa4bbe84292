"""The KAM's words for a what-if map to the model's shocks (core.influence.levers)."""

import pytest

from vendordesk.core.influence.graph import KPIS
from vendordesk.core.influence.levers import BY_KEY, LEVERS, lever_shock
from vendordesk.core.influence.sim import check_shock
from vendordesk.text import texts


def test_availability_minus_8_points_is_oos_plus_0_08():
    s = lever_shock("availability", -8, 4)
    # availability = 1 - OOS, so -8 points of availability = +8 points OOS = +0.08
    assert (s.kpi, s.weeks) == ("procurable_product_out_of_stock_rate", 4)
    assert s.delta == pytest.approx(0.08)


def test_price_minus_10_percent_is_asp_minus_0_10():
    s = lever_shock("price", -10)
    assert (s.kpi, s.weeks) == ("average_selling_price", None)
    assert s.delta == pytest.approx(-0.10)


def test_confirmation_minus_10_points_is_rate_minus_0_10():
    s = lever_shock("confirmation", -10, 6)
    assert s.kpi == "vendor_confirmation_rate" and s.delta == pytest.approx(-0.10)


def test_content_on_the_gears_0_100_scale_and_featured_offer_share():
    # content +10 on the 0-100 gear scale = content_score +0.10 on the model's 0-1 scale
    assert lever_shock("content", 10).delta == pytest.approx(0.10)
    # Featured Offer share -5 points = featured_offer_lost +0.05
    s = lever_shock("featured_offer", -5)
    assert s.kpi == "featured_offer_lost" and s.delta == pytest.approx(0.05)


def test_every_lever_is_a_known_kpi_with_a_matching_scale_and_round_trips():
    for lever in LEVERS:
        kpi = KPIS[lever.kpi]
        assert (kpi.scale == "points") == (lever.unit == "points"), lever.key
        shock = lever.shock(lever.example, 4)
        check_shock(shock)                       # the examples are all acceptable shocks
        assert lever.value_of(shock) == pytest.approx(lever.example)


def test_unknown_word_is_named():
    with pytest.raises(KeyError, match="'stock'"):
        lever_shock("stock", -8)


def test_labels_are_translated():
    de = texts("de")
    assert de(BY_KEY["availability"].label) != BY_KEY["availability"].label
