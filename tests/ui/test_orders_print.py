"""The Forecast tab's printed "orders coming" list, as the logistics lead reads it on paper."""

from __future__ import annotations

import shutil
import subprocess
import unicodedata

import pandas as pd


def page_texts(path) -> list[str]:
    assert shutil.which("pdftotext"), "pdftotext is missing: install poppler-utils (.ci/run does)"
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout
    return [unicodedata.normalize("NFKC", page) for page in text.split("\f") if page.strip()]


def test_the_note_says_whose_forecast_the_orders_follow(demo_workspace, qapp):
    """The note said "Our forecast, not Amazon's commitment", but the expected orders follow
    Amazon's own forecast wherever one is imported (the demo has them; core.forecast.supply's
    order_basis), as the department brief's note says."""
    from vendordesk.ops.department_brief import forecast_plan
    from vendordesk.ui.forecast.texts import orders_brief

    plan = forecast_plan(demo_workspace)
    assert plan is not None and plan.amazon_q is not None       # the demo's orders follow Amazon's forecast
    html = orders_brief(None, plan, "EUR")
    assert "Our forecast, not Amazon" not in html
    assert "Amazon&#x27;s own forecast where imported, else ours" in html or \
        "Amazon's own forecast where imported, else ours" in html


def test_a_table_running_onto_the_next_page_repeats_its_header(qapp, tmp_path):
    """Page 2 of the printed list went on with bare rows of ASINs and numbers; the header row
    (ASIN, first week at risk, ...) now repeats at the top of every page the table runs onto."""
    from vendordesk.briefs.orders import orders_html
    from vendordesk.ui.printing import html_to_pdf

    weeks = [(pd.Timestamp("2026-11-22") + pd.Timedelta(weeks=k)).date().isoformat() for k in range(40)]
    orders = pd.DataFrame({"week_start": weeks, "expected_order": 10.0, "open_po": 0.0, "total": 10.0,
                           "value": 100.0, "asins": 3})
    risks = pd.DataFrame({"asin": [f"B0RISK{k:04d}" for k in range(25)], "week_start": weeks[:25],
                          "short_p90": 5.0, "eur_at_risk": [1000.0 - k for k in range(25)]})
    text = {"title": "Orders coming", "subtitle": "as of 22/11/2026", "week": "Week", "expected": "Expected",
            "open_po": "Open PO", "total": "Total units", "value": "Value", "asins": "ASINs ordering",
            "risks_title": "At risk", "asin": "ASIN", "first_week": "First week at risk", "weeks": "Weeks",
            "short": "Short", "at_risk": "Euros at risk", "none": "None.", "note": "Note."}
    out = tmp_path / "orders.pdf"
    html_to_pdf(orders_html(orders, risks, text, str, str, str), out, title="Orders coming")
    pages = page_texts(out)
    assert len(pages) == 2                       # 40 weeks fill page 1, the 25 ASINs run onto page 2
    assert "B0RISK0024" in pages[1]              # the last (smallest) risk is on page 2 ...
    assert "First week at risk" in pages[1]      # ... under its table's header
