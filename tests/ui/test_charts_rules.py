"""The chart rules of vendordesk.ui.charts: German ticks and units, legend off the data,
last year on this year's weeks, an empty state before data."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.ui.axis_labels import drawn_labels

pytestmark = pytest.mark.qt


@pytest.fixture
def german(qapp):
    from vendordesk.ui.i18n import install_language

    install_language(qapp, "de")
    yield
    install_language(qapp, "en")


def test_german_ticks_have_thousands_separators_and_money_uses_tsd_euro(qapp, german):
    from vendordesk.ui.charts import ValueAxis

    units = ValueAxis("units")
    assert units.tickStrings([0.0, 10000.0, 20000.0], 1.0, 10000.0) == ["0", "10.000", "20.000"]
    assert units.label_text() == "Stück"
    money = ValueAxis("money", "EUR")
    # 20.000 € to 60.000 € in thousands: 20, 40, 60 "Tsd. €"
    assert money.tickStrings([20000.0, 40000.0, 60000.0], 1.0, 20000.0) == ["20", "40", "60"]
    assert money.label_text() == "Tsd. €"
    # 1,5 Mio. € -> "1,5" on a "Mio. €" axis
    assert money.tickStrings([1_000_000.0, 1_500_000.0], 1.0, 500_000.0) == ["1,0", "1,5"]
    assert money.label_text() == "Mio. €"
    assert "EUR" not in money.label_text()
    # below zero the typographic minus of the bar labels ("−21.066 €"): −20.000 € -> "−20" Tsd. €
    loss = ValueAxis("money", "EUR")
    assert loss.tickStrings([-20000.0, -10000.0, 0.0], 1.0, 10000.0) == ["−20", "−10", "0"]


def test_the_influence_euro_charts_name_their_unit(qapp, german):
    """The target, bridge and what-if euro charts use the one money axis: 350.000 € reads "350"
    on a "Tsd. €" axis (it read "350 T" with no currency)."""
    from vendordesk.ui.influence.charts import make_plot

    plot = make_plot(short_axis=True)
    axis = plot.getPlotItem().getAxis("left")
    assert axis.tickStrings([0.0, 350000.0], 1.0, 50000.0) == ["0", "350"]
    assert axis.label_text() == "Tsd. €"


def test_english_money_axis_says_euro_not_eur(qapp):
    from vendordesk.ui.charts import ValueAxis

    money = ValueAxis("money", "EUR")
    money.tickStrings([100.0, 200.0], 1.0, 100.0)
    assert money.label_text() == "€"


def _weeks(first: str, count: int, value=lambda i: 10.0 + i):
    start = dt.date.fromisoformat(first)
    return [((start + dt.timedelta(weeks=i)).isoformat(), value(i)) for i in range(count)]


def test_last_year_is_drawn_on_this_years_weeks():
    from vendordesk.ui.charts import last_year_on_this_year

    points = _weeks("2024-11-03", 108)           # two years and four weeks of weekly values
    this_year, last_year = last_year_on_this_year(points)
    assert len(this_year) == 52 and this_year[-1] == points[-1]
    assert [w for w, _ in last_year] == [w for w, _ in this_year]      # same x: this year's weeks
    # index 107 is 2024-11-03 + 749 days = 2026-11-22; it shows the value of 52 weeks
    # before (index 55, the week 2025-11-23): 10 + 55 = 65
    assert dict(last_year)["2026-11-22"] == 65.0
    assert this_year[0][0] == "2025-11-30"          # index 56: the oldest of the 52 weeks


def test_gear_chart_last_year_curve_spans_this_years_weeks(main_window, qtbot):
    from tests.ui.test_gears_tab import _gears_tab, _settled

    tab = _gears_tab(main_window, qtbot)
    tab.compare.setCurrentIndex(tab.compare.findData("last_year"))
    _settled(tab, qtbot)
    tab.grid.select("profitability_terms")
    chart = tab.detail.chart
    main_x, compare_x = chart.line.getData()[0], chart.compare.getData()[0]
    assert len(compare_x) > 0
    assert compare_x.min() >= main_x.min() and compare_x.max() == main_x.max()
    assert main_x.max() - main_x.min() == 51 * 7 * 86400.0       # 52 weekly points


def test_legend_never_covers_the_data(main_window, qtbot):
    from tests.ui.test_gears_tab import _gears_tab, _settled

    main_window.resize(1280, 720)
    tab = _gears_tab(main_window, qtbot)
    tab.compare.setCurrentIndex(tab.compare.findData("last_year"))
    _settled(tab, qtbot)
    for gear_id in ("availability", "profitability_terms", "content"):
        tab.grid.select(gear_id)
        chart = tab.detail.chart
        if tab.detail.chart_stack.is_empty():
            continue
        chart._refit()
        assert not chart.legend_rect().intersects(chart.data_rect()), gear_id


def test_empty_chart_frame_before_data(qapp):
    from vendordesk.ui.charts import ChartFrame, TimeSeriesPlot

    frame = ChartFrame(TimeSeriesPlot(), "Run the forecast to see it here.")
    assert frame.is_empty() and frame.currentWidget().text() == "Run the forecast to see it here."
    frame.show_plot()
    assert not frame.is_empty()


def test_a_year_of_weeks_gets_month_labels_not_one_lone_year(qtbot, qapp):
    """The gear chart's 52 weeks showed one time label ("Jan. 2026"): months carried the year
    and were too wide to draw. Months read "Feb.", "März" …; the year stands at its January."""
    import datetime as dt

    from PySide6.QtCore import QLocale

    from vendordesk.ui.charts import LocaleDateAxis

    previous = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.German, QLocale.Country.Germany))
    try:
        axis = LocaleDateAxis(orientation="bottom")
        day = 86400.0
        march = dt.datetime(2026, 3, 1, tzinfo=dt.UTC).timestamp()
        january = dt.datetime(2026, 1, 1, tzinfo=dt.UTC).timestamp()
        assert axis.tickStrings([january, march], 1.0, 31 * day) == ["Jan. 2026", "März"]
        assert axis.tickStrings([january], 1.0, 365 * day) == ["2026"]
        assert axis.tickStrings([march], 1.0, 7 * day) == ["01.03."]
    finally:
        QLocale.setDefault(previous)


def test_two_years_of_weeks_get_quarters_not_two_lone_years(qtbot, qapp):
    """The price-increase chart over 104 weeks showed only "2025" and "2026". Over two years in a
    chart 900 px wide the axis puts a label on each quarter's first month: 2024-11-25 to 2026-11-16
    holds Jan., Apr., Jul., Oct. of 2025 and 2026 = 8 quarter starts, the first and each January
    with the year."""
    from PySide6.QtCore import QLocale

    from vendordesk.ui.charts import DAY, LocaleDateAxis, month_ticks

    previous = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.German, QLocale.Country.Germany))
    try:
        start = dt.datetime(2024, 11, 25, tzinfo=dt.UTC).timestamp()
        end = dt.datetime(2026, 11, 16, tzinfo=dt.UTC).timestamp()
        axis = LocaleDateAxis(orientation="bottom")
        levels = axis.tickValues(start, end, 900)
        assert len(levels) == 1
        spacing, values = levels[0]
        assert 80 * DAY < spacing < 100 * DAY          # three months
        days = [dt.date(1970, 1, 1) + dt.timedelta(days=int(v // DAY)) for v in values]
        assert [(d.year, d.month, d.day) for d in days] == [
            (2025, 1, 1), (2025, 4, 1), (2025, 7, 1), (2025, 10, 1),
            (2026, 1, 1), (2026, 4, 1), (2026, 7, 1), (2026, 10, 1)]
        assert axis.tickStrings(values, 1.0, spacing) == [
            "Jan. 2025", "Apr.", "Juli", "Okt.", "Jan. 2026", "Apr.", "Juli", "Okt."]
        # wide enough for every month: 24 labels; a narrow chart falls back to half-years
        assert len(axis.tickValues(start, end, 3000)[0][1]) == 24
        # one year of weeks (2025-11-24 to 2026-11-16, 357 days) in 900 px: 0.4 days a pixel, a
        # 28-day month is 70 px, room for every month: Dec. to Nov. = 12 labels, January with its year
        year_start = dt.datetime(2025, 11, 24, tzinfo=dt.UTC).timestamp()
        spacing, monthly = axis.tickValues(year_start, end, 900)[0]
        labels = axis.tickStrings(monthly, 1.0, spacing)
        assert len(monthly) == 12 and labels[:3] == ["Dez.", "Jan. 2026", "Feb."], labels
        assert month_ticks(start, end, 6)[0] == dt.datetime(2025, 1, 1, tzinfo=dt.UTC).timestamp()
        assert len(axis.tickValues(start, end, 400)[0][1]) in (2, 4)          # half-years or years
    finally:
        QLocale.setDefault(previous)


def test_the_negotiation_chart_draws_quarters_and_its_zero(qtbot, qapp, german):
    """In the tab: a plot from 0 € (padding=0, with a grid) drew no "0" on its value axis, and
    its date axis only "2025", "2026"."""
    from PySide6.QtCore import QLocale

    from vendordesk.ui.negotiation.chart import make_plot

    previous = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.German, QLocale.Country.Germany))
    try:
        plot = make_plot()
        qtbot.addWidget(plot)
        plot.resize(1000, 500)
        plot.show()
        plot.showGrid(x=True, y=True, alpha=0.25)
        start = dt.datetime(2024, 11, 25, tzinfo=dt.UTC).timestamp()
        end = dt.datetime(2026, 11, 16, tzinfo=dt.UTC).timestamp()
        plot.plot([start, end], [20.0, 25.0])
        plot.setXRange(start, end, padding=0)
        plot.setYRange(0, 30, padding=0)
        qtbot.waitUntil(lambda: plot.getPlotItem().getViewBox().height() > 300)
        left = drawn_labels(plot.getPlotItem().getAxis("left"))
        assert "0" in left and "30" in left
        bottom = drawn_labels(plot.getPlotItem().getAxis("bottom"))
        assert "Juli" in bottom and len(bottom) >= 6
    finally:
        QLocale.setDefault(previous)


def test_the_sales_target_chart_draws_its_zero(qtbot, qapp, german):
    from vendordesk.ui.influence.charts import make_plot

    plot = make_plot(short_axis=True)
    qtbot.addWidget(plot)
    plot.resize(800, 400)
    plot.show()
    plot.showGrid(x=False, y=True, alpha=0.2)
    plot.plot([0, 1, 2], [100000.0, 250000.0, 350000.0])
    plot.setYRange(0, 400000, padding=0)
    qtbot.waitUntil(lambda: plot.getPlotItem().getViewBox().height() > 200)
    assert "0" in drawn_labels(plot.getPlotItem().getAxis("left"))


def test_a_year_in_a_narrow_gear_chart_still_gets_every_month(qtbot, qapp):
    """The gear chart at 1280×720: 357 days in about 580 px, 357 / 580 = 0,62 days a pixel.
    December and January have 31 days = 50 px between their ticks, enough for half of "Jan. 2026"
    and half of "Feb."; February's 28 days (45 px) hold the short "Feb." and "März". Judged by
    the widest label on the shortest month it got only the quarters."""
    from PySide6.QtCore import QLocale

    from vendordesk.ui.charts import LocaleDateAxis

    previous = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.German, QLocale.Country.Germany))
    try:
        axis = LocaleDateAxis(orientation="bottom")
        start = dt.datetime(2025, 11, 24, tzinfo=dt.UTC).timestamp()
        end = dt.datetime(2026, 11, 16, tzinfo=dt.UTC).timestamp()
        spacing, values = axis.tickValues(start, end, 580)[0]
        assert len(values) == 12, axis.tickStrings(values, 1.0, spacing)
    finally:
        QLocale.setDefault(previous)


def test_what_if_units_chart_keeps_its_legend_off_the_band_and_speaks_german(qtbot, qapp, german):
    """The what-if "Stück" chart: the legend sat bottom right on the band of a falling change
    (−230 in week 1 to −790 from week 4), and its axis read "-200" with a hyphen. A falling
    change puts the legend top right with room above the 0 line; the ticks read "−200"."""
    from vendordesk.ui.influence.charts import draw_band, make_plot

    plot = make_plot()
    qtbot.addWidget(plot)
    plot.resize(860, 380)
    plot.show()
    qtbot.waitUntil(lambda: plot.getPlotItem().getViewBox().height() > 200)
    mid = [-230.0, -420.0, -610.0, -790.0] + [-790.0] * 22
    low = [v - 30.0 for v in mid]
    high = [v + 130.0 for v in mid]
    draw_band(plot, mid, low, high, "Stück, kumulierte Änderung", "wahrscheinliche Spanne (10–90 %)")
    qapp.processEvents()
    item = plot.getPlotItem()
    legend = item.legend
    view = item.getViewBox()
    legend_rect = legend.mapRectToScene(legend.boundingRect())
    # the highest point drawn is the band's top in week 1 (−230 + 130 = −100) and the 0 line
    top_of_data = view.mapViewToScene(pg_point(26.0, 0.0)).y()
    assert legend_rect.bottom() <= top_of_data + 1, (legend_rect, top_of_data)
    assert plot.getPlotItem().getAxis("left").tickStrings([-200.0, 0.0], 1.0, 100.0) == ["−200", "0"]


def pg_point(x: float, y: float):
    from PySide6.QtCore import QPointF

    return QPointF(x, y)


def _shown_plot(qtbot, width: int = 860, height: int = 380):
    from vendordesk.ui.influence.charts import make_plot

    plot = make_plot()
    qtbot.addWidget(plot)
    plot.resize(width, height)
    plot.show()
    qtbot.waitUntil(lambda: plot.getPlotItem().getViewBox().height() > 150)
    return plot


def _legend_and_view(plot, qapp):
    qapp.processEvents()
    item = plot.getPlotItem()
    legend, view = item.legend, item.getViewBox()
    return legend.mapRectToScene(legend.boundingRect()), view.mapRectToScene(view.boundingRect())


@pytest.mark.parametrize("size", [(860, 380), (1500, 640)])
def test_what_if_kpi_path_legends_sit_outside_the_plot_not_on_the_0_line(qtbot, qapp, german, size):
    """"KPIs in Punkten": the legend sat bottom right on the 0 line, which every path returns to
    (OOS +8 points for 4 weeks, then 0 for 22 weeks). Legends of the what-if and influence charts
    now have their own row above the plot: the legend and the view (where every value is drawn)
    do not overlap, and the legend names every path."""
    from vendordesk.ui.influence.charts import draw_paths

    plot = _shown_plot(qtbot, *size)
    paths = {"procurable_product_out_of_stock_rate": [0.08] * 4 + [0.0] * 22, "net_ppm": [0.0004] * 26}
    draw_paths(plot, paths, {"procurable_product_out_of_stock_rate": "Out-of-Stock-Quote", "net_ppm": "Net PPM"},
               percent=True)
    legend, view = _legend_and_view(plot, qapp)
    assert legend.height() > 10 and view.height() > 150
    assert not legend.intersects(view), (legend, view)
    assert legend.bottom() <= view.top() + 0.5
    names = [label.text for _, label in plot.getPlotItem().legend.items]
    assert names == ["Out-of-Stock-Quote", "Net PPM"]
    # the same chart drawn again (a re-run) keeps one legend row with the same two entries
    draw_paths(plot, paths, {"procurable_product_out_of_stock_rate": "Out-of-Stock-Quote", "net_ppm": "Net PPM"})
    legend, view = _legend_and_view(plot, qapp)
    assert not legend.intersects(view) and len(plot.getPlotItem().legend.items) == 2


def test_units_band_and_monthly_target_legends_sit_outside_the_plot(qtbot, qapp, german):
    """The units chart of a rising change put its legend bottom right over the band, and the sales
    target's legend sat top left on January's bars: both are above the plot now."""
    import pandas as pd

    from vendordesk.ui.influence.charts import draw_band, draw_monthly

    plot = _shown_plot(qtbot)
    mid = [120.0 * w for w in range(1, 27)]
    draw_band(plot, mid, [v - 200 for v in mid], [v + 200 for v in mid], "Stück", "Spanne")
    legend, view = _legend_and_view(plot, qapp)
    assert legend.height() > 10 and not legend.intersects(view), (legend, view)
    low, high = plot.getPlotItem().getViewBox().viewRange()[1]
    assert low <= 0.0 and high >= 26 * 120 + 200                 # the 0 line and the band's top in view
    target = _shown_plot(qtbot)
    monthly = pd.DataFrame({"month": range(1, 13), "target": [300.0] * 12, "actual": [320.0] * 10 + [0.0] * 2,
                            "projected": [0.0] * 10 + [280.0] * 2})
    draw_monthly(target, monthly, [str(m) for m in range(1, 13)], ("Ziel", "Ist", "Hochgerechnet"))
    legend, view = _legend_and_view(target, qapp)
    assert legend.height() > 10 and not legend.intersects(view), (legend, view)


def test_the_top_tick_label_of_a_time_series_is_not_cut_at_the_edge(qtbot, qapp):
    """Issue 17's read of the Forecast & ordering gear at 1280×720: the value axis's top label
    ("110") was cut in half at the chart's upper edge, because the view began at the widget's
    top. A tick at the very top of the view now has room for its whole label above it."""
    import datetime as dt

    from PySide6.QtGui import QFontMetrics

    from vendordesk.ui.charts import TimeSeriesPlot

    chart = TimeSeriesPlot()
    qtbot.addWidget(chart)
    chart.resize(640, 200)
    chart.show()
    qtbot.waitExposed(chart)
    start = dt.date(2026, 1, 5)
    points = [((start + dt.timedelta(weeks=i)).isoformat(), 0.8 + 0.2 * (i % 2)) for i in range(30)]
    chart.set_series(points, "Bestätigungsquote", percent=True, unit="pct")
    qapp.processEvents()
    axis = chart.getPlotItem().getAxis("left")
    half = QFontMetrics(axis.style["tickFont"] or chart.font()).height() / 2
    view_top = chart.getPlotItem().getViewBox().sceneBoundingRect().top()
    assert view_top >= half, (view_top, half)


@pytest.mark.parametrize("lang, start_label, step_label", [("de", "454 Tsd. €", "−38 Tsd. €"),
                                                             ("en", "€454k", "−€38k")])
def test_waterfall_bar_labels_carry_the_currency_in_the_axis_words(qtbot, qapp, lang, start_label, step_label):
    """The bridge's bars read "454 T" and "−38 T" under an axis "Tsd. €" (English "454 k" under
    "€ thousand"): a unit of their own without the currency. They now read like the axis:
    454 Tsd. € / €454k (454,000 / 1,000 = 454; −38,200 / 1,000 = −38.2, shown whole: −38)."""
    from vendordesk.ui.i18n import install_language
    from vendordesk.ui.influence.charts import draw_waterfall, make_plot

    install_language(qapp, lang)
    try:
        plot = make_plot(short_axis=True)
        qtbot.addWidget(plot)
        draw_waterfall(plot, ("Before", 454_000.0), [("Volume", -38_200.0), ("Price", 0.0)], ("After", 415_800.0))
        texts = [item.toPlainText() for item in plot.getPlotItem().items if hasattr(item, "toPlainText")]
    finally:
        install_language(qapp, "en")
    assert texts[0] == start_label and texts[1] == step_label, texts
    assert texts[2] == ("0 €" if lang == "de" else "€0"), texts
