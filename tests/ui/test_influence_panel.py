"""The interdependency panel on the demo and on an empty workspace."""

from __future__ import annotations

import pytest

from tests.ui.axis_labels import drawn_labels
from tests.ui.influence_helpers import influence_panel as _panel
from tests.ui.influence_helpers import run_availability_shock

pytestmark = pytest.mark.qt


def test_demo_panel_shows_active_chains_bridge_target(qtbot, demo_workspace):
    import json

    panel = _panel(qtbot, demo_workspace)
    stories = json.loads(demo_workspace.meta("demo_stories"))
    texts = [panel.chains.item(i).text() for i in range(panel.chains.count())]
    assert texts[0].startswith("R1") and "active" in texts[0]
    assert any(stories["margin_squeeze"][0] in t for t in texts)
    assert panel.graph_view.edge_items["E01"].pen().color().name() == "#ff8f00"   # R1 highlighted
    assert panel.bridge_stack.currentIndex() == 1 and panel.target_stack.currentIndex() == 1
    assert panel.bridge.title.text() == ""                    # drawn when first shown
    panel.tabs.setCurrentIndex(2)
    assert panel.bridge.title.text().startswith("Net sell-in")
    panel.tabs.setCurrentIndex(4)
    assert panel.calibration.table.rowCount() == len(panel.data["graph"].edges)


def test_whatif_runs_and_prices_the_shock(qtbot, demo_workspace):
    panel = _panel(qtbot, demo_workspace)
    panel.whatif.add_shock("procurable_product_out_of_stock_rate", 8.0, 4)
    panel.whatif.run()
    totals = panel.whatif.result.totals
    assert totals["units"] < 0 and totals["vendor_revenue"] < 0
    assert "−" in panel.whatif.total_labels["vendor_revenue"].text()


def test_edit_link_and_calibrate_in_worker(qtbot, demo_workspace):
    from vendordesk.store.influence import load_graph

    panel = _panel(qtbot, demo_workspace)
    panel.tabs.setCurrentIndex(4)
    view = panel.calibration
    view.select("E04")
    view.strength.setValue(0.4)
    with qtbot.waitSignal(panel.loaded, timeout=60000):
        view.save_button.click()
    assert load_graph(demo_workspace).edges["E04"].strength == pytest.approx(0.4)
    with qtbot.waitSignal(panel.loaded, timeout=60000):
        view.run_button.click()
    graph = load_graph(demo_workspace)
    # the Calibrate button runs the calibration of `vendordesk calibrate` and stores it; the graph's
    # price link (I05) shows its result (on this 30-ASIN demo: the documented default, said so)
    from vendordesk.store.calibration import load

    assert load(demo_workspace)["weeks"] == 104
    assert graph.edges["I05"].calibration["weeks"] >= 50
    assert graph.edges["E04"].source == "edited"
    # a link that kept its default says why in the reader's language (it showed the English reason)
    assert graph.edges["I05"].calibration["status"] != "calibrated"
    view.set_data(demo_workspace, graph, "de")
    row = next(r for r in range(view.table.rowCount()) if view.table.item(r, 0).text() == "I05")
    reason = view.table.item(row, 6).text().split(": ", 1)[1]
    assert reason and graph.edges["I05"].calibration["reason"] not in reason
    assert not any(f" {w} " in f" {reason} " for w in ("the", "is", "not", "clearly", "estimate", "default"))


def test_target_entry_saves_months(qtbot, demo_workspace):
    from vendordesk.store.influence import read_targets

    panel = _panel(qtbot, demo_workspace)
    panel.tabs.setCurrentIndex(3)
    target = panel.target
    target.annual.setValue(1_200_000)
    target._spread()
    with qtbot.waitSignal(panel.loaded, timeout=60000):
        target.save()
    assert sum(read_targets(demo_workspace, target.year.value()).values()) == pytest.approx(1_200_000, rel=1e-6)


def test_empty_workspace_is_honest(qtbot, workspace):
    panel = _panel(qtbot, workspace)
    assert "No sales data" in panel.status.text()
    assert panel.bridge_stack.currentIndex() == 0 and panel.target_stack.currentIndex() == 0
    assert panel.graph_view.edge_items                     # the default model is still drawn
    panel.whatif.add_shock("cost_price", 6.0, 0)
    panel.whatif.run()
    assert panel.whatif.result.totals["vendor_revenue"] == 0


def test_whatif_in_the_kams_words_keeps_its_form_and_exports(qtbot, demo_workspace, tmp_path):
    from openpyxl import load_workbook

    panel = _panel(qtbot, demo_workspace)
    panel.resize(1280, 660)
    view = panel.whatif
    panel.tabs.setCurrentWidget(view)
    width = view.kpi.parentWidget().width()
    view.add_lever("availability", -8, 4)
    shock = view.shocks()[0]
    # availability -8 points = out-of-stock rate +0.08
    assert shock.kpi == "procurable_product_out_of_stock_rate" and abs(shock.delta - 0.08) < 1e-12
    view.run()
    qtbot.wait_until(lambda: view.chart_stack.currentIndex() == 1)
    assert view.kpi.parentWidget().width() == width                 # the form does not shrink
    for button in view.preset_buttons:                               # nor clip a preset
        assert button.sizeHint().width() <= button.width(), button.text()
    assert view.band_labels["units"].text().startswith("likely between")
    assert view.export_button.isEnabled()
    out = tmp_path / "whatif.xlsx"
    view.export_to(out)
    rows = list(load_workbook(out).worksheets[-1].iter_rows(values_only=True))      # the assumptions
    assert rows[1][0] == "Availability (in stock) \u22128 points for 4 weeks"
    html, images = view.page()
    assert "Where the euros come from" in html and "chart://whatif" in images


def test_a_refused_shock_leaves_no_old_result_on_screen(qtbot, demo_workspace):
    """Run a valid shock, then one out of range (OOS +150 points: a rate above 100 %). The note says
    refused and the totals, bands, sentences, charts and export no longer show the first run."""
    from vendordesk.ui import fmt

    panel = _panel(qtbot, demo_workspace)
    view = panel.whatif
    view.add_shock("procurable_product_out_of_stock_rate", 8.0, 4)
    view.run()
    assert view.total_labels["units"].text() != fmt.DASH and view.export_button.isEnabled()
    view.add_shock("procurable_product_out_of_stock_rate", 150.0, 4)
    view.run()
    assert view.note.text().startswith("Refused:")
    assert all(label.text() == fmt.DASH for label in view.total_labels.values())
    assert all(label.text() == "" for label in view.band_labels.values())
    assert view.sentences.text() == "" and view.chart_stack.currentIndex() == 0
    assert not view.export_button.isEnabled() and not view.print_button.isEnabled()


def test_refusals_speak_the_windows_units_in_german(qtbot, demo_workspace):
    """In the window a shock is typed in points or percent, so the refusal names its range in points or
    percent, in German (not the command line's fractions "+0.10" or "1..1"). OOS +150 points: the rate
    would exceed 100 %; ad spend +400 %: relative changes of ad spend lie between −100 % and +300 %."""
    import re

    from PySide6.QtWidgets import QApplication

    from vendordesk.ui.i18n import install_language

    install_language(QApplication.instance(), "de")
    panel = _panel(qtbot, demo_workspace, "de")
    view = panel.whatif
    view.add_shock("procurable_product_out_of_stock_rate", 150.0, 4)
    view.run()
    text = view.note.text()
    assert text.startswith("Abgelehnt:"), text
    assert "Punkte" in text and "%" in text, text
    assert not re.search(r"[+-]0\.\d", text) and "procurable" not in text and "rate is" not in text, text
    view.table.setRowCount(0)
    view.add_shock("ad_spend", 400.0, 4)
    view.run()
    text = view.note.text()
    assert text.startswith("Abgelehnt:") and "−100 %" in text and "+300 %" in text, text
    assert not re.search(r"[+-]\d\.\d", text) and "ad_spend" not in text, text


def test_calibration_gives_the_notes_the_room_not_the_empty_estimates(qtbot, demo_workspace):
    """Before any calibration every estimate is "–", yet its one-line header made the column about
    250 px wide while the notes beside it were cut after two words (at 1280×720)."""
    from PySide6.QtCore import Qt

    panel = _panel(qtbot, demo_workspace)
    panel.resize(1280, 620)
    panel.show()
    qtbot.waitExposed(panel)
    panel.tabs.setCurrentIndex(4)
    table = panel.calibration.table
    header = table.horizontalHeader()
    qtbot.waitUntil(lambda: table.rowCount() > 0 and table.isVisible())
    text = table.model().headerData(5, Qt.Orientation.Horizontal)
    longest = max(header.fontMetrics().horizontalAdvance(line) for line in text.split("\n"))
    one_line = header.fontMetrics().horizontalAdvance(text.replace("\n", " "))
    assert "\n" in text and longest < one_line
    assert table.columnWidth(5) < one_line                        # was: the whole header on one line
    assert table.columnWidth(6) >= 300, table.columnWidth(6)      # the notes
    lag = table.model().headerData(2, Qt.Orientation.Horizontal)
    assert "\n" in lag and table.columnWidth(2) < header.fontMetrics().horizontalAdvance(lag.replace("\n", " "))
    assert panel.calibration.edit_id.text() not in ("", "–", "-")   # the editor says what to do first


def test_the_what_if_in_words_speaks_euros_and_the_windows_buttons(qtbot, demo_workspace):
    """"In Worten" read "−21.195 EUR" beside totals of "−21.195 €", and sent the KAM to the shell
    ("vendordesk calibrate") for what the Calibration page's button does."""
    from PySide6.QtWidgets import QApplication

    from vendordesk.ui.i18n import install_language

    install_language(QApplication.instance(), "de")
    try:
        panel = _panel(qtbot, demo_workspace, "de")
        view = panel.whatif
        view.add_lever("availability", -8, 4)
        view.run()
        text = view.sentences.text()
        assert "€" in text and "EUR" not in text, text
        assert "vendordesk calibrate" not in text and "Auf der Historie kalibrieren" in text, text
    finally:
        install_language(QApplication.instance(), "en")


@pytest.mark.parametrize("lang, shown, typed_text", [("de", "−8 Punkte", "-5,5"), ("en", "−8 points", "-5.5")])
def test_the_by_field_shows_a_real_minus_and_takes_a_typed_hyphen(qtbot, qapp, lang, shown, typed_text):
    """The what-if "Um" field showed "-8,0 Punkte" with a hyphen beside "−8,0 Pkt." in the table.
    It shows "−8,0" now, in German and English; a typed "-5,5" or a pasted "−3" still reads as
    −5,5 and −3, and the table gets the same sign."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from vendordesk.ui.i18n import install_language
    from vendordesk.ui.influence.whatif import WhatIfView

    install_language(qapp, lang)
    try:
        view = WhatIfView()
        qtbot.addWidget(view)
        view.show()
        view.kpi.setCurrentIndex(view.kpi.findData(("lever", "availability")))
        view.delta.setValue(-8.0)
        assert view.delta.text() == shown
        assert "-" not in view.delta.text()
        view.delta.lineEdit().selectAll()
        QTest.keyClicks(view.delta, typed_text)            # the hyphen key
        QTest.keyClick(view.delta, Qt.Key.Key_Return)
        assert view.delta.value() == -5.5
        assert view.delta.text().startswith("−5")
        view.delta.lineEdit().selectAll()
        view.delta.lineEdit().insert("−3")                # pasted with a real minus
        view.delta.interpretText()
        assert view.delta.value() == -3.0
        view._add_current()
        assert view.table.item(0, 1).text().startswith("−3")
    finally:
        install_language(qapp, "en")


@pytest.mark.parametrize("lang", ["de", "en"])
def test_chain_items_leave_room_above_a_capital_umlaut(qtbot, demo_workspace, lang):
    """Issue 17 read "Abschriften bei Uberbestand": the list item began exactly at the text's top,
    so the dots of the capital Ü ran into the item's edge and its coloured background. Each chain
    now has a few pixels of air above and below its text."""
    from PySide6.QtCore import QRect, Qt
    from PySide6.QtWidgets import QApplication

    from vendordesk.ui.i18n import install_language

    install_language(QApplication.instance(), lang)       # the autouse no_leaks puts English back
    panel = _panel(qtbot, demo_workspace, lang=lang)
    panel.show()
    qtbot.waitExposed(panel)
    texts = [panel.chains.item(i).text() for i in range(panel.chains.count())]
    assert any(("Überbestand" if lang == "de" else "Overstock") in t for t in texts), texts
    metrics = panel.chains.fontMetrics()
    for i in range(panel.chains.count()):
        item = panel.chains.item(i)
        rect = panel.chains.visualItemRect(item)
        text = metrics.boundingRect(QRect(0, 0, rect.width(), 10_000), Qt.TextFlag.TextWordWrap, item.text())
        assert rect.height() >= text.height() + 6, (item.text()[:30], rect.height(), text.height())
        assert rect.right() <= panel.chains.viewport().width(), "the padding pushed the text past the list's edge"
    assert panel.chains.horizontalScrollBar().maximum() == 0


@pytest.mark.parametrize("lang, preset, now, bounds", [
    ("en", "Our cost price to Amazon +6%", "it is 1.7% now", "between 0% and 100%"),
    ("de", "Unser Einkaufspreis für Amazon +6 %", "liegt jetzt bei 1,7 %", "zwischen 0 % und 100 %")])
def test_percentages_in_the_what_if_follow_the_language(qtbot, demo_workspace, lang, preset, now, bounds):
    """The English what-if read "+6 %", "it is 1.7 % now" and "between 0 % and 100 %", where the
    window's English numbers are "14%"; German keeps the space. (The demo's out-of-stock rate is
    1.7 points now, so +150 points is refused.)"""
    from PySide6.QtWidgets import QApplication

    from vendordesk.ui.i18n import install_language

    install_language(QApplication.instance(), lang)
    panel = _panel(qtbot, demo_workspace, lang)
    view = panel.whatif
    assert preset in [b.text() for b in view.preset_buttons]
    view.add_shock("procurable_product_out_of_stock_rate", 150.0, 4)
    view.run()
    text = view.note.text()
    assert now in text and bounds in text, text


@pytest.mark.parametrize("lang, shown, bounds", [
    ("en", "+400%", "between −100% and +300%"),
    ("de", "+400 %", "zwischen −100 % und +300 %")])
def test_a_relative_refusal_writes_percent_the_languages_way(qtbot, demo_workspace, lang, shown, bounds):
    """Ad spend +400 % is refused: relative changes of ad spend lie between −100 % and +300 %
    (REL_RANGE −1.0..+3.0 × 100). English read "+400 %: … between −100 % and +300 %" with a space;
    English percentages have none ("14%"), German keeps it."""
    from PySide6.QtWidgets import QApplication

    from vendordesk.ui.i18n import install_language

    install_language(QApplication.instance(), lang)
    panel = _panel(qtbot, demo_workspace, lang)
    view = panel.whatif
    view.add_shock("ad_spend", 400.0, 4)
    view.run()
    text = view.note.text()
    assert shown in text and bounds in text, text
    if lang == "en":
        assert " %" not in text, text


@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080)])
def test_what_if_charts_label_a_readable_handful_of_ticks(qtbot, demo_workspace, size):
    """The what-if charts labelled every minor tick: 16 on the units axis at 1920×1080 (0, −50, …,
    −800) and every week 1, 2, …, 26 on the points chart. Each axis labels at most 10 ticks (the
    demo's OOS +8 points for 4 weeks: a points axis 0..8 and 26 weeks)."""
    panel = _panel(qtbot, demo_workspace, size=size)
    panel.show()
    view = run_availability_shock(qtbot, panel)
    for index, plot in ((1, view.units_plot), (3, view.plot), (4, view.points_plot)):
        view.charts.setCurrentIndex(index)
        qtbot.waitUntil(lambda plot=plot: plot.isVisible() and plot.height() > 100)
        for side in ("left", "bottom"):
            shown = drawn_labels(plot.getAxis(side))
            assert 3 <= len(shown) <= 10, (index, side, shown)


def _sample_image(sample):
    from PySide6.QtGui import QImage, QPainter

    image = QImage(22, 22, QImage.Format.Format_ARGB32)
    image.fill(0)
    painter = QPainter(image)
    try:
        sample.paint(painter)
    finally:
        painter.end()
    return image


def test_bar_legend_swatches_have_no_stray_tick(qapp):
    """The sales-target chart's legend drew a short line left of each box ("-[ ] Ziel"): pyqtgraph's
    sample paints a line from x = 0 to 20 at y = 11, then a box from x = 2 to 20, so x = 0..1 kept
    a stub of the line. The swatch is the box alone: pixel (0, 11) stays empty, (10, 11) is the fill."""
    import pandas as pd

    from vendordesk.ui.influence.charts import draw_monthly, make_plot

    plot = make_plot()
    monthly = pd.DataFrame({"month": [1, 2], "actual": [100.0, 120.0], "projected": [0.0, 10.0],
                            "target": [110.0, 110.0]})
    draw_monthly(plot, monthly, ["Jan.", "Feb."], ("Ziel", "Ist", "Hochgerechnet"))
    samples = [sample for sample, _label in plot.getPlotItem().legend.items]
    assert len(samples) == 3
    for sample in samples:
        image = _sample_image(sample)
        assert image.pixelColor(0, 11).alpha() == 0 and image.pixelColor(1, 11).alpha() == 0
        assert image.pixelColor(10, 11).alpha() == 255


def test_graph_nodes_name_gear_kpis_as_the_gears_tab_does(qapp):
    """In German the interdependency graph said "Werbeausgaben" while the gear tiles and KPI table
    beside it say "Werbekosten": one figure, one name."""
    from PySide6.QtWidgets import QApplication

    from vendordesk.core.gears.defs import GEARS
    from vendordesk.ui.i18n import install_language
    from vendordesk.ui.influence import labels

    install_language(QApplication.instance(), "de")
    try:
        labels._KPI_NAMES.clear()
        gear_names = {k.id: k.name("de") for g in GEARS for k in g.kpis}
        for kpi in ("ad_spend",):
            assert labels.kpi_name(kpi) == gear_names[kpi], (kpi, labels.kpi_name(kpi))
    finally:
        install_language(QApplication.instance(), "en")
        labels._KPI_NAMES.clear()


def test_after_a_refusal_the_empty_state_asks_to_change_the_listed_shock(qtbot, demo_workspace):
    """After a refused run the shocks are still in the list, yet the chart area said "Add a shock and
    run the simulation". It now asks to change or remove the refused one; with the list cleared it
    asks for a shock again. OOS +150 points is refused (a rate above 100 %)."""
    panel = _panel(qtbot, demo_workspace)
    view = panel.whatif
    assert view.empty_hint.text().startswith("Add a shock")
    view.add_shock("procurable_product_out_of_stock_rate", 150.0, 4)
    view.run()
    assert view.note.text().startswith("Refused:") and view.table.rowCount() == 1
    assert view.chart_stack.currentWidget() is view.empty_hint
    assert view.empty_hint.text().startswith("Change or remove the refused shock"), view.empty_hint.text()
    view.table.setRowCount(0)
    assert view.empty_hint.text().startswith("Add a shock")


def test_calibration_sources_read_as_words_in_a_table_cell(qtbot, demo_workspace):
    """The "Source" column showed a bare lowercase "default" on every row in English: a cell value
    starts with a capital, as "Standard" does in German."""
    panel = _panel(qtbot, demo_workspace)
    panel.show()
    qtbot.waitExposed(panel)
    panel.tabs.setCurrentIndex(4)
    table = panel.calibration.table
    qtbot.waitUntil(lambda: table.rowCount() > 0)
    column = next(c for c in range(table.columnCount()) if table.horizontalHeaderItem(c).text() == "Source")
    shown = {table.item(r, column).text() for r in range(table.rowCount())}
    assert "default" not in shown and "Default" in shown, shown


@pytest.mark.parametrize("lang, button, row, words", [
    ("en", "Availability (in stock) \u22128 points, 4 wk", "\u22128 points", "Availability (in stock) \u22128 points for 4 weeks"),
    ("de", "Verfügbarkeit (lieferbar) \u22128 Punkte, 4 Wo.", "\u22128 Punkte", "Verfügbarkeit (lieferbar) \u22128 Punkte für 4 Wochen")])
def test_a_lever_in_points_reads_one_way_on_the_button_in_the_table_and_in_the_text(qtbot, demo_workspace, lang,
                                                                                    button, row, words):
    """The preset button said "−8 pts", the shock table "−8.0 pts", the entry field "−8.0 points" and
    the assumptions "−8 points": one amount, one form: the whole number without a needless ".0" and
    the unit spelled out; a per cent lever "+6%" (English) / "+6 %" (German) on the button, in the
    table (which said "+6.0 %") and in the sentences (which said "+6 %" in English)."""
    from PySide6.QtWidgets import QApplication

    from vendordesk.core.influence.report import shock_words
    from vendordesk.ui.i18n import install_language

    install_language(QApplication.instance(), lang)
    try:
        view = _panel(qtbot, demo_workspace, lang).whatif
        assert view.preset_buttons[0].text() == button
        view.add_lever("availability", -8, 4)
        assert view.table.item(0, 1).text() == row
        assert shock_words(view.shocks()[0], lang) == words
        view.kpi.setCurrentIndex(view.kpi.findData(("lever", "availability")))
        view.delta.setValue(-8.0)
        assert view.delta.text() == row                       # the entry field: "−8 points", not "−8.0 points"
        percent = {"en": "+6%", "de": "+6 %"}[lang]              # a per cent lever, the same way
        view.add_lever("cost", 6, 0)
        assert view.table.item(1, 1).text() == percent and view.preset_buttons[1].text().endswith(" " + percent)
        assert f" {percent} " in shock_words(view.shocks()[1], lang)
    finally:
        install_language(QApplication.instance(), "en")
