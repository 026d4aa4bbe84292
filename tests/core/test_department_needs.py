"""Department briefs: what we need, by when, why in numbers (briefs.department_needs), worked by hand."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from vendordesk.briefs.department_needs import finance_needs, logistics_needs, week_no, weekly_orders


def orders(totals_new_open):
    weeks = ["2026-11-08", "2026-11-15", "2026-11-22", "2026-11-29"]
    rows = [{"week_start": w, "expected_order": n, "open_po": o, "total": n + o, "value": 0.0, "asins": 3}
            for w, (n, o) in zip(weeks, totals_new_open)]
    return pd.DataFrame(rows)


def test_week_number_of_a_sunday_week():
    # Amazon's week 2026-11-15 (Sunday) .. 11-21: its Monday 2026-11-16 is in ISO week 47
    assert week_no("2026-11-15") == 47
    assert week_no("2026-12-27") == 53    # Monday 2026-12-28: 2026 has 53 ISO weeks


def test_logistics_sentence_holds_the_units_and_the_change_to_the_week_before():
    # week 46: 9.000; week 47: 8.400 new + 4.000 open = 12.400, 12.400 / 9.000 - 1 = +37,8 % -> "+38 %"
    # week 48: 6.200 / 12.400 - 1 = -50 %; week 49: 15.000 / 6.200 - 1 = +142 % (the peak)
    frame = orders([(9000, 0), (8400, 4000), (6200, 0), (15000, 0)])
    table = weekly_orders(frame)
    assert list(table["kw"]) == [47, 48, 49]
    assert round(table["change"].iloc[0], 4) == round(12400 / 9000 - 1, 4)
    de = [line.replace("\xa0", " ") for line in logistics_needs(frame, "de")]
    assert de[0].startswith("Für KW 47 (ab 15.11.2026) erwarten wir Amazon-Bestellungen über 12.400 Stück, +38 %")
    assert "8.400 aus neuen POs + 4.000 aus offenen POs" in de[0]
    assert "-50 %" in de[1] or "−50 %" in de[1]
    assert "KW 49 mit 15.000 Stück" in de[2]
    en = [line.replace("\xa0", " ") for line in logistics_needs(frame, "en")]
    assert "12,400 units, +38%" in en[0]


def test_no_orders_no_sentence():
    assert logistics_needs(pd.DataFrame(), "de") == []


def test_finance_counts_what_can_still_be_disputed():
    today = dt.date(2026, 12, 1)
    frame = pd.DataFrame([
        {"amount": 100.0, "dispute_due": "2026-12-04", "dispute_status": "open"},      # due in 3 days
        {"amount": 250.7, "dispute_due": "2026-12-20", "dispute_status": "open"},      # within 30 days
        {"amount": 1000.0, "dispute_due": "2027-03-01", "dispute_status": "open"},     # later
        {"amount": 77.0, "dispute_due": "2026-11-20", "dispute_status": "open"},       # window closed
        {"amount": 50.0, "dispute_due": "2026-12-10", "dispute_status": "won"},        # settled
    ])
    de = [line.replace("\xa0", " ") for line in finance_needs(frame, today, "de")]
    # open and still disputable: 100 + 250,70 + 1.000 = 1.350,70 -> "1.351 €", first deadline 04.12.2026
    assert de[0].startswith("3 offene Rückbelastungen und Fehlmengenforderungen") and "1.351 €" in de[0] and "04.12.2026" in de[0]
    # within 30 days (up to 31.12.2026): 100 + 250,70 = 350,70 -> "351 €", the last of them 20.12.2026
    assert de[1].startswith("2 davon (351 €)") and "20.12.2026" in de[1]


def test_production_names_the_order_value_at_risk_with_the_forecast_tabs_word():
    # issue 17's brief pages: "175.251 € Bestellwert im Risiko" where the forecast tab says "gefährdet".
    # Two weeks of B0RISK0001 short 30 + 12 = 42 units, 600 + 240 = 840 € at risk, first from week 48.
    from vendordesk.briefs.department_needs import production_needs

    risks = pd.DataFrame({"asin": ["B0RISK0001", "B0RISK0001"], "week_start": ["2026-11-22", "2026-11-29"],
                          "short_p90": [30.0, 12.0], "eur_at_risk": [600.0, 240.0]})
    lines = [line.replace("\xa0", " ") for line in
             production_needs(orders([(0, 0)] * 4), risks, {"B0RISK0001": "Toaster"}, "de")]
    assert any("B0RISK0001 Toaster: ab KW 48 (22.11.2026) fehlen 42 Stück (P90), 840 € Bestellwert gefährdet" in line
               for line in lines), lines
