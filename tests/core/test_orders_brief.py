"""The printable orders-coming brief: HTML without Qt, risks summed per ASIN."""

from __future__ import annotations

import pandas as pd

from vendordesk.briefs.orders import orders_html, risk_by_asin

TEXT = {k: k.upper() for k in ("title", "subtitle", "week", "expected", "open_po", "total", "value", "asins",
                               "risks_title", "asin", "first_week", "weeks", "short", "at_risk", "none", "note")}


def test_risk_by_asin_sums_weeks_and_money():
    risks = pd.DataFrame({"asin": ["A", "A", "B"], "week_start": ["2026-12-13", "2026-12-06", "2026-12-06"],
                          "short_p90": [3.0, 2.0, 10.0], "eur_at_risk": [30.0, 20.0, 40.0]})
    per = risk_by_asin(risks)
    assert per["asin"].tolist() == ["A", "B"]
    assert per.loc[0, ["first_week", "weeks", "short_p90", "eur_at_risk"]].tolist() == ["2026-12-06", 2, 5.0, 50.0]


def test_orders_html_escapes_and_formats():
    orders = pd.DataFrame({"week_start": ["2026-12-06"], "expected_order": [12.0], "open_po": [3.0],
                           "total": [15.0], "value": [150.0], "asins": [2]})
    html = orders_html(orders, pd.DataFrame(), TEXT | {"title": "Orders <coming>"},
                       lambda v: f"n{v:g}", lambda v: f"m{v:g}", lambda d: f"d{d}")
    assert "Orders &lt;coming&gt;" in html
    assert "d2026-12-06" in html and "n15" in html and "m150" in html
    assert html.count("NONE") == 1          # no risks
