"""A what-if result explained in euros: the waterfall of its paths adds up to the total, the band
in the sentences, the Excel export (German headers, € formats) and the printable page."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pytest

sys.path.insert(0, str(Path(__file__).parent))
from test_influence_struct import links, state

from vendordesk.core.influence.levers import lever_shock
from vendordesk.core.influence.model import params_from, whatif
from vendordesk.core.influence.report import band_text, html, waterfall

SHOCK = lever_shock("confirmation", -10, 6)


def tight_run():
    # 1,000 a week of demand, 300 on hand, Amazon covers only 2.2 weeks with a 2-week lead time:
    # the lost receipts cost sales (direct), Amazon's POs make up part (PO response) and its
    # forecast learns the lower sales (forecast response)
    return whatif(state(stock=300.0), params_from(links(po_cover=2.2), draws=0), [SHOCK], 12)


def test_the_waterfall_adds_up_to_the_total():
    r = tight_run()
    for metric in ("vendor_revenue", "amazon_revenue", "net_ppm_eur"):
        steps = waterfall(r, metric)
        assert [s.key for s in steps] == ["direct", "po_response", "forecast_response", "total"]
        assert sum(s.value for s in steps[:-1]) == pytest.approx(steps[-1].value, rel=1e-9, abs=1e-6)
        assert steps[-1].value == pytest.approx(r.totals[metric])
        assert all(abs(s.value) > 100 for s in steps)                # every path carries money
    # vendor revenue = units x cost 12: each path's euros are its units x 12
    units = r.contributions["units"]
    for s in waterfall(r, "vendor_revenue")[:-1]:
        assert s.value == pytest.approx(units[s.key] * 12)
    with pytest.raises(ValueError, match="money"):
        waterfall(r, "units")


def test_band_said_in_german():
    assert band_text(-6500, [-7100, -5900], "de") == "−6.500 Stück, wahrscheinlich zwischen −7.100 und −5.900"
    assert band_text(-0.25, [-0.3, -0.2], "en", "points") == "−0.25 points, likely between −0.30 and −0.20"


def test_excel_export_german_headers_and_euro_formats(tmp_path):
    from openpyxl import load_workbook

    from vendordesk.exports.whatif import write_whatif

    r = tight_run()
    shocks = [SHOCK]
    out = write_whatif(r, {"currency": "EUR", "shocks": shocks}, tmp_path / "wi.xlsx", "de")
    wb = load_workbook(out)
    assert [w.title for w in wb.worksheets] == ["Was-wäre-wenn", "Wege", "Wochen", "Annahmen"]
    for sheet in wb.worksheets:            # each sheet one table: header row 1 frozen, filtered
        assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref.startswith("A1:")
    ws = wb.worksheets[0]
    rows = list(ws.iter_rows(values_only=True))
    # "Veränderung", as the window's tables say for "Change" (it said "Änderung" here alone)
    assert rows[0] == ("Kennzahl", "Veränderung", "Wahrscheinlich von", "bis", "Einheit")
    units_row = rows[1]
    assert units_row[0] == "Stück" and units_row[1] == pytest.approx(r.totals["units"])
    money_cell = ws.cell(row=3, column=2)                    # our revenue (shipped COGS)
    assert isinstance(money_cell.value, (int, float)) and "€" in money_cell.number_format
    assert ws.cell(row=3, column=5).value == "€"
    # the waterfall ends in the totals: our revenue, Amazon's revenue, Amazon's margin
    paths = list(wb.worksheets[1].iter_rows(values_only=True))
    assert paths[0][1:4] == ("Unser Umsatz (zu Einkaufspreisen)", "Amazons Umsatz (zu Verkaufspreisen)", "Amazons Marge")
    assert paths[-1][0] == "Unser Umsatz (zu Einkaufspreisen)"
    assert paths[-1][1:4] == pytest.approx([r.totals[k] for k in ("vendor_revenue", "amazon_revenue", "net_ppm_eur")])
    weeks = wb.worksheets[2]
    assert weeks.cell(1, 1).value == "Woche" and weeks.max_row == 13 and weeks.freeze_panes == "A2"
    assumptions = list(wb.worksheets[3].iter_rows(values_only=True))
    assert assumptions == [("Was-wäre-wenn über 12 Wochen",),
                           ("Bestätigungsquote der Bestellungen \u221210 Punkte für 6 Wochen",)]


def test_excel_export_writes_money_as_each_language_does(tmp_path):
    """English "+€1,200", German "+1.200 €": the sign where the language writes it (English used to
    read "+1,200 €"); the same signed whole-euro format on the totals, the paths and the weeks."""
    from openpyxl import load_workbook

    from vendordesk.exports.whatif import write_whatif

    r = tight_run()
    formats = {}
    for lang in ("de", "en"):
        wb = load_workbook(write_whatif(r, {"currency": "EUR", "shocks": [SHOCK]}, tmp_path / f"wi-{lang}.xlsx", lang))
        formats[lang] = {wb.worksheets[0].cell(3, 2).number_format, wb.worksheets[1].cell(2, 2).number_format,
                         wb.worksheets[2].cell(2, 6).number_format}
    assert formats["en"] == {'+"€"#,##0;-"€"#,##0;"€"#,##0'}
    assert formats["de"] == {'+#,##0 "€";-#,##0 "€";#,##0 "€"'}


def test_printable_page_says_the_band_and_the_paths():
    r = tight_run()
    page = html(r, {"currency": "EUR", "shocks": [SHOCK], "calibrated": True}, "de")
    assert "Was-wäre-wenn über 12 Wochen" in page and "Bestätigungsquote der Bestellungen" in page
    assert "Woher die Euro kommen" in page and "Direkt" in page
    assert np.isfinite(r.totals["vendor_revenue"]) and r.totals["vendor_revenue"] < 0


def test_a_shock_without_a_lever_is_named_by_its_kpi_not_its_key():
    """The what-if's assumptions (Excel sheet, printable page) named a shock on a KPI that has no
    lever by its key: "glance_views +10 % for 4 weeks"."""
    from vendordesk.core.influence.report import shock_words
    from vendordesk.core.influence.sim import Shock

    assert shock_words(Shock("glance_views", 0.10, 4), "en") == "Glance views +10% for 4 weeks"
    assert shock_words(Shock("glance_views", 0.10, 4), "de") == "Glance Views +10 % für 4 Wochen"
