"""The Price increase tab on the demo workspace: same figures as the JSON and the brief,
messages at the field for bad input, autosave, normalising weights, PDF export."""

from __future__ import annotations

import datetime as dt
import math

import pytest
from PySide6.QtCore import QDate

from vendordesk.briefs import common as bc
from vendordesk.briefs.negotiation import build_html
from vendordesk.store import open_workspace
from vendordesk.store.negotiations import analyse_case, load_case
from vendordesk.ui import fmt
from vendordesk.ui.negotiation.tab import NegotiationTab

pytestmark = pytest.mark.qt


def _tab(window, qtbot=None) -> NegotiationTab:
    tab = next(t for t in window.tab_widgets if isinstance(t, NegotiationTab))
    window.tabs.setCurrentWidget(tab)
    tab.ensure_loaded()
    if qtbot is not None and tab.case is not None:   # the elasticity comes from a worker
        qtbot.waitUntil(lambda: tab._elasticity is not None, timeout=20000)
    return tab


def _cell(table, row, col) -> str:
    return table.item(row, col).text()


def test_screen_json_and_brief_show_the_same_figures(main_window, qtbot, tmp_path):
    tab = _tab(main_window, qtbot)
    assert tab.stack.currentIndex() == 1 and tab.cases.count() >= 1
    ws = main_window.ctx.workspace
    analysis = analyse_case(ws, tab.case.id, elasticity=tab._elasticity)
    doc = analysis.json()
    table = tab.economics.table
    assert table.rowCount() == len(doc["asins"]) >= 3
    html_de = build_html(analysis, "de")
    for row, item in enumerate(doc["asins"]):
        assert _cell(table, row, 0) == item["asin"]
        # Net PPM now / new and break-even ASP: screen == JSON == brief
        for col, key in ((11, "net_ppm_before"), (12, "net_ppm_after")):
            assert _cell(table, row, col) == fmt.percent(item[key])
            assert bc.percent(item[key], "de") in html_de
        assert _cell(table, row, 14) == fmt.money(item["break_even_asp"], "EUR")
        assert bc.number(item["break_even_asp"], "de", 2) in html_de
    main_window.grab().save(str(tmp_path / "negotiation_tab.png"))


def test_bad_input_gets_a_message_at_the_field_and_is_kept(main_window, qtbot):
    tab = _tab(main_window)
    editor = tab.editor
    asin = _cell(editor.items, 0, 0)
    editor.items.item(0, 2).setText("0")                       # requested cost <= 0
    editor.currency.setText("USD")                             # not the workspace's currency
    editor.effective.check.setChecked(True)
    editor.effective.edit.setDate(QDate.currentDate().addDays(-3))   # in the past
    tab.save_now()
    assert editor.msg["costs"].isVisibleTo(tab) and asin in editor.msg["costs"].text()
    assert "USD" in editor.msg["currency"].text()
    assert editor.msg["effective_date"].text()
    saved = load_case(main_window.ctx.workspace, tab.case.id)
    assert saved.items[0].cost_after == 0.0 and saved.currency == "USD"   # the draft keeps what was typed
    editor.items.item(0, 2).setText("abc")
    tab.save_now()
    assert editor.items.item(0, 2).text() == "abc"
    assert "1 cell is not a number" in editor.msg["costs"].text()   # one bad cell: the singular


def test_drivers_offer_to_normalise(main_window, qtbot):
    tab = _tab(main_window)
    drivers = tab.drivers
    drivers.table.item(0, 1).setText("90")                    # weights now sum above 100 %
    tab.save_now()
    assert not drivers.normalise.isHidden()
    assert "100" in drivers.msg.text()
    drivers.normalise.click()
    tab.save_now()
    saved = load_case(main_window.ctx.workspace, tab.case.id)
    assert sum(d.weight for d in saved.drivers) == pytest.approx(1.0)
    assert drivers.normalise.isHidden()


def test_autosave_after_typing(main_window, qtbot):
    tab = _tab(main_window)
    tab.editor.title.setText("CPI Handmixer 2027 (v2)")
    tab.editor.title.textEdited.emit("CPI Handmixer 2027 (v2)")
    assert tab.timer.isActive()
    qtbot.waitUntil(lambda: not tab.timer.isActive(), timeout=3000)
    assert load_case(main_window.ctx.workspace, tab.case.id).title == "CPI Handmixer 2027 (v2)"


def test_export_pdf_off_the_gui_thread(main_window, qtbot, tmp_path):
    tab = _tab(main_window)
    out = tmp_path / "brief.pdf"
    task = tab.export_pdf(str(out))
    qtbot.waitUntil(lambda: task.done.is_set(), timeout=20000)
    qtbot.waitUntil(lambda: tab.pdf_button.isEnabled(), timeout=5000)
    assert out.read_bytes()[:5] == b"%PDF-" and out.stat().st_size > 10000
    # then a message offers to open the file with one click
    from PySide6.QtWidgets import QApplication, QMessageBox

    qtbot.waitUntil(lambda: any(isinstance(w, QMessageBox) and w.isVisible() for w in QApplication.topLevelWidgets()),
                    timeout=5000)
    box = next(w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible())
    assert str(out) in box.text() and any(b.text() in ("Open", "Öffnen") for b in box.buttons())
    box.button(QMessageBox.StandardButton.Close).click()


def test_new_case_from_the_empty_state(empty_window, qtbot):
    tab = _tab(empty_window)
    assert tab.stack.currentIndex() == 0
    tab.empty.button.click()
    assert tab.stack.currentIndex() == 1 and tab.case is not None
    effective = dt.date.fromisoformat(tab.case.effective_date)
    assert (effective - dt.date.today()).days == 90
    tab.editor.add_edit.setText("B0AAAAAAA1, nonsense")
    tab.editor.add_button.click()
    assert tab.editor.items.rowCount() == 1
    assert "NONSENSE" in tab.editor.add_msg.text()
    tab.save_now()
    assert "B0AAAAAAA1" in tab.editor.msg["asins"].text()    # an ASIN without facts


def test_print_preview_opens_and_closes(main_window, qtbot, when_modal):
    from PySide6.QtPrintSupport import QPrintPreviewDialog

    tab = _tab(main_window)
    seen = when_modal(QPrintPreviewDialog, lambda dialog: dialog.reject())
    tab.preview()
    assert seen, "the print preview did not open"


def test_the_audience_picker_decides_what_the_brief_holds(main_window, qtbot):
    tab = _tab(main_window, qtbot)
    index = tab.audience.findData("amazon")
    assert index >= 0 and tab.audience.currentData() == "internal"     # our own view first, Amazon on purpose
    tab.audience.setCurrentIndex(index)
    html, _images = tab._document()
    assert "Walk-away" not in html and "Checklist" not in html and tab.case.notes.strip()[:30] not in html
    tab.audience.setCurrentIndex(tab.audience.findData("internal"))
    html, _images = tab._document()
    assert "Walk-away" in html and "Checklist" in html


@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080)])
def test_chart_legend_does_not_sit_on_the_lines_and_the_axis_says_euro(main_window, qtbot, qapp, size):
    """The legend "Geforderter Einkaufspreis" was drawn over the ASP line at 1280×720, and the
    price axis had no unit."""
    from PySide6.QtCore import QPointF

    main_window.resize(*size)
    tab = _tab(main_window, qtbot)
    tab.sections.setCurrentWidget(tab.chart_box)
    qtbot.waitUntil(lambda: tab.plot is not None and tab.plot.isVisible())
    qapp.processEvents()
    plot = tab.plot
    item = plot.getPlotItem()
    legend = item.legend
    box = legend.mapRectToScene(legend.boundingRect())
    view = item.getViewBox()
    for curve in item.listDataItems():
        xs, ys = curve.getData()
        for x, y in zip(xs, ys):
            if not math.isnan(y):
                point = view.mapViewToScene(QPointF(float(x), float(y)))
                assert not box.contains(point), (curve.name(), x, y)
    assert item.getAxis("left").labelText == "€"


def test_chart_months_are_in_the_ui_language(qapp):
    """The price chart's time axis read "Dec", "May", "Oct" in the German UI (pyqtgraph's own
    English month names)."""
    import datetime as dt

    from PySide6.QtCore import QLocale

    from vendordesk.ui.negotiation.chart import make_plot

    previous = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.German, QLocale.Country.Germany))
    try:
        plot = make_plot()
        may = dt.datetime(2026, 5, 4, tzinfo=dt.UTC).timestamp()
        december = dt.datetime(2025, 12, 1, tzinfo=dt.UTC).timestamp()
        texts = plot.getPlotItem().getAxis("bottom").tickStrings([december, may], 1.0, 31 * 86400.0)
        assert texts == ["Dez.", "Mai"]           # (a January carries the year)
        plot.deleteLater()
    finally:
        QLocale.setDefault(previous)


def test_an_autosave_does_not_widen_the_window_past_1280(main_window, qtbot):
    """"Entwurf gespeichert 12:25:11" sat in the row of the brief's buttons: after the first autosave
    the row needed 1181 px and the window grew from 1280 to 1377 px, wider than the screen."""
    from PySide6.QtWidgets import QApplication

    from vendordesk.ui.i18n import install_language

    install_language(QApplication.instance(), "de")
    try:
        main_window.resize(1280, 720)
        tab = _tab(main_window, qtbot)
        tab.save_now()
        qtbot.waitUntil(lambda: tab.saved.text() != "")
        QApplication.processEvents()
        assert main_window.minimumSizeHint().width() <= 1280
        assert main_window.width() == 1280
        tab.heading.setText("Kostenpreiserhöhung Handmixer, Standmixer und Stabmixer der Linie 2027 (alle Farben)")
        QApplication.processEvents()
        assert main_window.minimumSizeHint().width() <= 1280     # a long case title wraps
    finally:
        install_language(QApplication.instance(), "en")


def test_the_case_table_names_each_product_and_fills_the_width(main_window, qtbot):
    """At 1920×1080 the case's ASIN table used the left half of the page, and nothing said which
    product an ASIN is: the title is the last column and takes the rest of the width."""
    main_window.resize(1920, 1080)
    tab = _tab(main_window, qtbot)
    table = tab.editor.items
    qtbot.waitUntil(lambda: table.isVisible() and table.rowCount() > 0)
    titles = {it.asin: it.title for it in tab.analysis.items}
    last = table.columnCount() - 1
    for row in range(table.rowCount()):
        asin = table.item(row, 0).text()
        assert table.item(row, last).text() == titles[asin] != ""
    used = sum(table.columnWidth(c) for c in range(table.columnCount()))
    assert used >= table.viewport().width() - 2, (used, table.viewport().width())


def test_the_window_computes_the_case_as_of_the_same_date_as_the_command_line(main_window, qtbot):
    # The demo's case has no requested-on date, so both compute as of the last day of the newest
    # week of facts: the week of 15.11.2026 ends on Saturday 21.11.2026. The calendar plays no part.
    tab = _tab(main_window, qtbot)
    cli = analyse_case(main_window.ctx.workspace, tab.case.id, elasticity=tab._elasticity)
    assert cli.as_of == dt.date(2026, 11, 21)
    assert tab.analysis.as_of == cli.as_of
    tab._analyse()                                   # a second run keeps the date, too
    assert tab.analysis.as_of == cli.as_of
    assert tab.analysis.json() == cli.json()


def test_the_splitter_and_the_section_come_back_after_a_restart(make_window, demo_workspace, qtbot):
    """Issue 17, "a remembered layout": the case list's width and the open section (here the
    levers) are as they were left."""
    window = make_window(demo_workspace)
    window.resize(1280, 720)
    tab = _tab(window, qtbot)
    total = sum(tab.splitter.sizes())
    wanted = [340, total - 340]                  # not the default 230
    tab.splitter.setSizes(wanted)
    tab.sections.setCurrentWidget(tab.levers)
    assert tab.splitter.sizes() == wanted
    window.close()

    again = make_window(open_workspace(demo_workspace.path))      # the closed window closed its own
    again.resize(1280, 720)
    tab2 = _tab(again, qtbot)
    assert tab2.sections.currentWidget() is tab2.levers
    qtbot.waitUntil(lambda: tab2.splitter.sizes() == wanted, timeout=5000)
    again.close()


def test_the_case_reads_its_facts_without_keeping_them_in_the_window(main_window, qtbot):
    """Issue 18, the window's memory: the case needs four metrics of its own ASINs; before, reading
    them decoded and kept every metric of every ASIN in the process (~290 MB at 5,000 ASINs x
    156 weeks) for the rest of the session. The figures are those of the command line's analysis."""
    from vendordesk.store import facts_snapshot

    tab = _tab(main_window, qtbot)
    assert tab.analysis is not None
    assert str(main_window.ctx.path) not in facts_snapshot._CACHE
    assert tab.analysis.json() == analyse_case(main_window.ctx.workspace, tab.case.id,
                                               elasticity=tab._elasticity).json()


def test_the_tab_states_the_briefs_extra_cogs_definition(main_window, qtbot):
    # issue 17: "extra COGS per year 13,648" next to a +7.5 % target scenario of 13,660 needs its base
    from vendordesk.briefs.negotiation import cogs_definition

    tab = _tab(main_window, qtbot)
    analysis = analyse_case(main_window.ctx.workspace, tab.case.id, elasticity=tab._elasticity)
    definition = cogs_definition(analysis, main_window.ctx.lang)
    assert definition and fmt.money(analysis.cogs_base, analysis.case.currency, 0) in definition
    assert definition in tab.economics.summary.text()
