"""Unit economics worked by hand (domain.md §1.5, T26)."""


import pytest

from vendordesk.core import margin as m


def test_t26_net_ppm_before_and_after_at_unchanged_asp():
    # (19.99 - 10 + 1.2) / 19.99 = 11.19 / 19.99 = 0.559780 -> 56.0 %
    assert m.net_ppm(19.99, 10.00, 0.12) == pytest.approx(11.19 / 19.99)
    assert round(m.net_ppm(19.99, 10.00, 0.12) * 100, 1) == 56.0
    # (19.99 - 10.8 + 1.296) / 19.99 = 10.486 / 19.99 = 0.524562 -> 52.5 %
    assert m.net_ppm(19.99, 10.80, 0.12) == pytest.approx(10.486 / 19.99)
    assert round(m.net_ppm(19.99, 10.80, 0.12) * 100, 1) == 52.5
    assert m.change(10.00, 10.80) == pytest.approx(0.08)


def test_front_margin_t26():
    assert m.front_margin(19.99, 10.00) == pytest.approx(9.99 / 19.99)    # 49.97 %
    assert m.front_margin(19.99, 10.80) == pytest.approx(9.19 / 19.99)    # 45.97 %


def test_break_even_asp_keeps_net_ppm_at_target():
    # 10.80 x (1 - 0.12) / (1 - 0.35) = 9.504 / 0.65 = 14.6215...
    be = m.break_even_asp(10.80, 0.12, 0.35)
    assert round(be, 2) == 14.62
    assert m.net_ppm(be, 10.80, 0.12) == pytest.approx(0.35)
    assert m.break_even_asp(10.0, 0.1, 1.0) is None


@pytest.mark.parametrize("asp", [None, 0.0, float("nan"), -1.0])
def test_zero_or_missing_asp_gives_none(asp):
    assert m.net_ppm(asp, 10.0, 0.12) is None
    assert m.front_margin(asp, 10.0) is None
    assert m.crap_risk(m.net_ppm(asp, 10.0, 0.12), 0.35) is None
    assert m.pass_through_asp(asp, 10.0, 10.8) is None
    assert m.asp(100.0, 0) is None and m.asp(None, 3) is None


def test_negative_net_ppm_is_not_clamped_and_flags_crap():
    # ASP 9.00 below cost 10.00, no terms: (9 - 10) / 9 = -0.1111
    value = m.net_ppm(9.00, 10.00, 0.0)
    assert value == pytest.approx(-1 / 9)
    assert m.crap_risk(value, 0.35) is True
    assert m.crap_risk(0.40, 0.35) is False


def test_cost_decrease_raises_margin():
    assert m.change(10.00, 9.50) == pytest.approx(-0.05)
    assert m.net_ppm(19.99, 9.50, 0.12) == pytest.approx((19.99 - 9.5 + 1.14) / 19.99)
    assert m.net_ppm(19.99, 9.50, 0.12) > m.net_ppm(19.99, 10.0, 0.12)


def test_pass_through_keeps_net_ppm():
    pt = m.pass_through_asp(19.99, 10.0, 10.8)
    assert round(pt, 4) == 21.5892
    assert m.net_ppm(pt, 10.8, 0.12) == pytest.approx(m.net_ppm(19.99, 10.0, 0.12))


def test_vendor_margin_includes_back_end_terms():
    # (10.00 x 0.88 - 6.00) / 10.00 = 0.28 ; after: (10.80 x 0.88 - 6.48) / 10.80 = 0.28
    assert m.vendor_margin(10.0, 6.0, 0.12) == pytest.approx(0.28)
    assert m.vendor_margin(10.8, 6.48, 0.12) == pytest.approx((9.504 - 6.48) / 10.8)
    assert m.vendor_margin(10.0, None) is None


def test_volume_change_default_elasticity():
    assert m.volume_change(0.08, m.DEFAULT_ELASTICITY) == pytest.approx(-0.12)
    assert m.volume_change(None, -1.5) is None


