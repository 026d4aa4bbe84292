"""What a German KAM read as wrong on the gears' detail panels (issue 17's screen read, d17-read-gears):
the change a KPI is judged on, its limits, the worst-ASIN order, cells that clip their text."""

from __future__ import annotations

import re

import pytest

from tests.ui.test_gears_tab import _gears_tab
from vendordesk.core.gears.defs import GEARS

pytestmark = pytest.mark.qt

NUMBER = re.compile(r"[−+-]?\d+(?:[.,]\d+)?")


def _number(text: str) -> float:
    """The first number of a cell as the window wrote it ("−14,7 % rel." -> -14.7; "−2%" -> -2.0)."""
    match = NUMBER.search(text.replace("\u00a0", " "))
    assert match, text
    return float(match.group(0).replace("−", "-").replace(".", "").replace(",", ".")
                 if "," in match.group(0) else match.group(0).replace("−", "-"))


def test_a_percentage_judged_on_its_relative_change_shows_that_change(qapp):
    """The content gear showed conversion 8,1 % against 9,5 % as "−1,4 Pkt." beside the limits
    "Veränderung ≥ −2 % / < −10 %", and said "Jetzt handeln": −1,4 is inside both limits, so the
    verdict looked wrong. It judges the relative change, 8,1 / 9,5 − 1 = −14,7 %; the cell shows
    that figure and says it is relative, and so do the limits."""
    from vendordesk.ui.gears.detail import GearDetail
    from vendordesk.ui.gears.formatting import change_text
    from vendordesk.ui.i18n import install_language

    trend = {"kind": "trend", "green": -0.02, "red": -0.10}
    install_language(qapp, "de")
    try:
        # 0.081 / 0.095 = 0.85263…: −14,74 % -> "−14,7 %"
        assert change_text(-0.147368, "pct", 0.081, 0.095, trend) == "−14,7 % rel."
        assert change_text(None, "pct", 0.467, 0.493) == "−2,6 Punkte"       # a limit on the level: points
        detail = GearDetail()
        assert detail._limits(trend, "pct") == "rel. Veränderung ≥ −2 % / < −10 %"
        assert detail._limits(trend, "money") == "Veränderung ≥ −2 % / < −10 %"
        detail.deleteLater()
    finally:
        install_language(qapp, "en")
    assert change_text(-0.147368, "pct", 0.081, 0.095, trend) == "−14.7% rel."


@pytest.mark.parametrize("lang", ["de", "en"])
def test_every_trend_kpi_shows_the_change_its_status_was_judged_on(make_window, qtbot, qapp, demo_workspace, lang):
    """Read in every gear of the demo: for each KPI judged on its change (conversion, front margin,
    sell-through, ASP, glance views), the change in the table and the limits beside it give the
    status in the same row: green at or above the green limit, red below the red one."""
    from vendordesk.ui.gears.formatting import status_text
    from vendordesk.ui.i18n import install_language

    try:
        window = make_window(demo_workspace, lang)
        tab = _gears_tab(window, qtbot)
        seen = 0
        for gear in tab.report.gears:
            tab.grid.select(gear.id)
            table = tab.detail.kpi_table
            for row, k in enumerate(gear.kpis):
                if not k.threshold or k.threshold["kind"] != "trend" or k.status not in ("green", "amber", "red"):
                    continue
                change = _number(table.item(row, 3).text())
                limits = [_number(part) for part in table.item(row, 5).text().split("/")]
                expected = "green" if change >= limits[0] else "red" if change < limits[1] else "amber"
                assert table.item(row, 4).text() == status_text(expected), (
                    gear.id, k.id, table.item(row, 3).text(), table.item(row, 5).text(), table.item(row, 4).text())
                seen += 1
        assert seen >= 4
    finally:
        install_language(qapp, "en")


def test_worst_asins_ranked_by_a_fall_are_listed_in_the_order_shown(main_window, qtbot):
    """"Ranked by: fall in conversion" listed −7,9 / −6,6 / −5,8 / −7,2 / −5,3 / −1,8 / −1,2 points:
    the ranking is by the relative fall, the column showed points. The column now shows the
    figure the list is ranked by, so it reads from the steepest fall down."""
    tab = _gears_tab(main_window, qtbot)
    for gear in GEARS:
        if not (gear.rank_kpi or "").endswith("_change"):
            continue
        tab.grid.select(gear.id)
        frame = tab.detail.worst_model.frame()
        assert len(frame) >= 3, gear.id
        changes = frame["change"].dropna().tolist()
        assert changes == sorted(changes), (gear.id, changes)


def test_a_comfort_band_shows_both_edges_in_its_limits(qapp):
    """Weeks of cover read "≥ 4,0 / < 2,0", as if more cover were always better; its band is green
    from 4 to 8 weeks and red below 2 or above 12 (core.gears.defs)."""
    from vendordesk.ui.gears.detail import GearDetail
    from vendordesk.ui.i18n import install_language

    cover = next(k for g in GEARS for k in g.kpis if k.id == "weeks_of_cover").threshold.as_dict()
    install_language(qapp, "de")
    try:
        detail = GearDetail()
        assert detail._limits(cover, "weeks") == "4–8 / < 2 oder > 12"
        detail.deleteLater()
    finally:
        install_language(qapp, "en")
    detail = GearDetail()
    assert detail._limits(cover, "weeks") == "4–8 / < 2 or > 12"
    assert detail._limits(dict(cover, green=4.5), "weeks") == "4.5–8 / < 2 or > 12"
    detail.deleteLater()


def test_english_ranking_names_are_capitalised_like_the_kpi_names(qtbot, qapp):
    """"ranked by: Return rate" beside "ranked by: fall in conversion" and "ranked by: chargebacks":
    after the colon every name starts with a capital, as the KPI names there do."""
    from vendordesk.ui.gears.detail import GearDetail

    detail = GearDetail()
    qtbot.addWidget(detail)
    for rank in ("oos_views", "chargebacks", "conversion_change", "asp_change"):
        name = detail._rank_name(rank, "")
        assert name[:1].isupper(), (rank, name)


def test_wrapped_kpi_names_keep_the_dots_of_a_capital_umlaut(make_window, qtbot, qapp, demo_workspace):
    """German assortment at 1280×720: "Überbestand (ungesunder Bestand)" wraps to three lines and
    its row was exactly as high as the text, so the grid line took the dots: "Uberbestand". Every
    KPI row leaves two pixels above and below its wrapped name, and the window stays 720 px high."""
    from PySide6.QtCore import QRect, Qt

    from vendordesk.ui.i18n import install_language

    try:
        window = make_window(demo_workspace, "de")
        window.resize(1280, 720)
        tab = _gears_tab(window, qtbot)
        tab.grid.select("assortment")
        qapp.processEvents()
        table = tab.detail.kpi_table
        names = [table.item(r, 0).text() for r in range(table.rowCount())]
        assert any(n.startswith("Überbestand") for n in names), names
        metrics = table.fontMetrics()
        width = table.columnWidth(0) - 2 * table.style().pixelMetric(table.style().PixelMetric.PM_FocusFrameHMargin) - 2
        wrapped = 0
        for row in range(table.rowCount()):
            text = metrics.boundingRect(QRect(0, 0, width, 10_000), Qt.TextFlag.TextWordWrap, names[row])
            wrapped += text.height() > metrics.height()
            assert table.rowHeight(row) >= text.height() + 4, (names[row], table.rowHeight(row), text.height())
        assert wrapped, "no KPI name wraps at 1280: the check measures nothing"
        for gear in GEARS:           # the air made the window 754 px high on the availability gear
            tab.grid.select(gear.id)
            qapp.processEvents()
            assert window.height() == 720, (gear.id, window.height())
    finally:
        install_language(qapp, "en")


@pytest.mark.parametrize("lang", ["de", "en"])
def test_the_map_names_each_gear_by_its_name_or_its_start(qapp, lang):
    """The English map of "What moves what" grouped the ops KPIs under "Logistics & compliance",
    the tiles call the gear "Operations & compliance". A group label is the gear's name or its
    first words ("Content" for "Content & catalog")."""
    from vendordesk.ui.i18n import install_language
    from vendordesk.ui.influence.labels import gear_name

    install_language(qapp, lang)
    try:
        for gear in GEARS:
            label, declared = gear_name(gear.id), gear.name(lang)
            assert label == declared or declared.startswith(label + " "), (label, declared)
    finally:
        install_language(qapp, "en")


def test_the_map_calls_a_kpi_what_the_gears_call_it(qapp):
    """German map: "Durchschnittlicher Verkaufspreis" (shrunk to fit its box) and "Reichweite in
    Wochen", where the gears and the bridge say "Durchschnittspreis (ASP)" and "Reichweite (Wochen)"."""
    from vendordesk.ui.i18n import install_language
    from vendordesk.ui.influence.labels import kpi_name

    gear_kpis = {k.id: k for g in GEARS for k in g.kpis}
    pairs = {"average_selling_price": "asp", "weeks_of_cover": "weeks_of_cover", "conversion": "conversion",
             "return_rate": "return_rate", "glance_views": "glance_views"}
    install_language(qapp, "de")
    try:
        for node, kpi in pairs.items():
            assert kpi_name(node) == gear_kpis[kpi].name("de"), (node, kpi_name(node), gear_kpis[kpi].name("de"))
    finally:
        install_language(qapp, "en")


def test_the_tile_and_the_thresholds_dialog_say_a_percentage_is_judged_relatively(main_window, qtbot, qapp):
    """The tile said "8,1 % Konversion" in red, the thresholds dialog "Veränderung ggü. Vergleich":
    neither said the −2 % / −10 % limits are relative, not points. The tile's rows (its tooltip)
    give the judged change with "rel.", and the dialog's rule says "rel."."""
    from vendordesk.ui.gears.dialogs import GearSettingsDialog

    tab = _gears_tab(main_window, qtbot)
    tile = tab.grid.tiles["content"]
    conversion = next(k for k in tab.report.gear("content").kpis if k.id == "conversion")
    row = next(line for line in tile.headline.toolTip().split("<br>") if conversion.name in line)
    assert "rel." in row, row
    gear = next(g for g in GEARS if g.id == "content")
    dialog = GearSettingsDialog(gear, gear.name("en"), None, "en")
    qtbot.addWidget(dialog)
    rules = {dialog.table.item(r, 0).text(): dialog.table.item(r, 1).text() for r in range(dialog.table.rowCount())}
    assert rules["Conversion"] == "rel. change vs. comparison"
    assert rules["Glance views"] == "change vs. comparison"          # a count's change can only be relative


@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080)], ids=["1280x720", "1920x1080"])
def test_without_an_asin_ranking_the_chart_gets_the_room(make_window, qtbot, qapp, demo_workspace, size):
    """Advertising has no ASIN ranking: "Keine ASIN-Rangliste …" sat over 280 px of nothing at
    1920×1080 (a third of the panel) while the TACoS chart above it stayed small. The sentence keeps
    one line's room; the chart takes the rest."""
    from vendordesk.ui.i18n import install_language

    try:
        window = make_window(demo_workspace, "de")
        window.resize(*size)
        tab = _gears_tab(window, qtbot)
        tab.grid.select("content")
        qapp.processEvents()
        chart_with_ranking = tab.detail.chart_stack.height()
        tab.grid.select("advertising")
        qapp.processEvents()
        label = tab.detail.worst_label
        assert label.text().startswith("Keine ASIN-Rangliste") and not tab.detail.worst_view.isVisible()
        assert label.parentWidget().height() <= label.sizeHint().height() + 12, label.parentWidget().height()
        assert tab.detail.chart_stack.height() > chart_with_ranking
    finally:
        install_language(qapp, "en")


def test_worst_asins_show_the_figure_they_are_ranked_by(main_window, qtbot):
    """Availability "ranked by: glance views lost to OOS" listed OOS rates 81,7 / 83,7 / 80,1 / 33,7 /
    3,2 %: the lost views it is ranked by were nowhere, so the order looked random; the same for
    the ops gear "ranked by: chargebacks" beside chargeback rates. A ranking by a figure the table
    does not show gets that figure as a column, and it reads from the largest down."""
    from PySide6.QtCore import Qt

    tab = _gears_tab(main_window, qtbot)
    for gear_id, rank in (("availability", "oos_views"), ("ops_compliance", "chargebacks")):
        tab.grid.select(gear_id)
        model = tab.detail.worst_model
        keys = model.visible_keys()
        assert "rank" in keys, (gear_id, keys)
        column = keys.index("rank")
        header = model.headerData(column, Qt.Orientation.Horizontal)
        assert set(header.lower().split()) <= set(tab.detail._rank_name(rank, "").lower().split()), header
        view = tab.detail.worst_view
        assert view.horizontalScrollBar().maximum() == 0 or not view.isVisible(), "the new column made it scroll"
        values = model.frame()["rank"].tolist()
        assert values == sorted(values, reverse=True), values


def test_the_ranking_column_fits_the_german_panel_at_1280(make_window, qtbot, qapp, demo_workspace):
    """With its header "durch OOS verlorene Glance Views" the new column pushed the German worst-ASIN
    table at 1280×720 into a sideways scrollbar, "Veränderung (Pkt.)" and "Umsatz" cut off. Its
    header takes two short lines."""
    from vendordesk.ui.i18n import install_language

    try:
        window = make_window(demo_workspace, "de")
        window.resize(1280, 720)
        tab = _gears_tab(window, qtbot)
        for gear_id in ("availability", "ops_compliance"):
            tab.grid.select(gear_id)
            qapp.processEvents()
            view = tab.detail.worst_view
            assert "rank" in tab.detail.worst_model.visible_keys()
            assert view.horizontalScrollBar().maximum() == 0, (gear_id, view.horizontalScrollBar().maximum())
    finally:
        install_language(qapp, "en")


@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080)], ids=["1280", "1920"])
def test_the_worst_asins_title_stays_readable(make_window, qtbot, qapp, demo_workspace, size):
    """On the 1280 operations gear the ranked-by column left "Titel" a few letters wide
    ("Hausfreund S…"): every gear's worst-ASIN table keeps room for the start of a product title
    ("Küchenwelt Handmixer", the brand and the kind of product), without scrolling sideways."""
    from PySide6.QtCore import Qt

    from vendordesk.ui.i18n import install_language

    try:
        window = make_window(demo_workspace, "de")
        window.resize(*size)
        tab = _gears_tab(window, qtbot)
        seen = 0
        for gear in GEARS:
            tab.grid.select(gear.id)
            qapp.processEvents()
            view, model = tab.detail.worst_view, tab.detail.worst_model
            if not view.isVisible():
                continue
            seen += 1
            title = model.visible_keys().index("title")
            need = view.fontMetrics().horizontalAdvance("Küchenwelt Handmixer…")
            assert view.columnWidth(title) >= need, (gear.id, view.columnWidth(title), need)
            assert not view.isColumnHidden(title)
            assert view.horizontalScrollBar().maximum() == 0, gear.id
            shown = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())
                     if not view.isColumnHidden(c)]
            assert "ASIN" in shown and any("Umsatz" in str(h) for h in shown), (gear.id, shown)
        assert seen >= 5
    finally:
        install_language(qapp, "en")
