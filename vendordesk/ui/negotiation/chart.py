"""The chart of ASP and unit cost over time: a pyqtgraph plot for the tab and a QImage for
the brief (ImageExporter, white background, see docs/stack.md B.4)."""

from __future__ import annotations

import datetime as dt

import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QImage

from vendordesk.ui.charts import LocaleDateAxis, ValueAxis, static_plot

ASP_PEN = pg.mkPen("#1565c0", width=2)
COST_PEN = pg.mkPen("#ef6c00", width=2)
REQ_PEN = pg.mkPen("#c62828", width=2, style=Qt.PenStyle.DashLine)
WEEK = 7 * 86400.0
QUARTER = 13 * WEEK          # how far the requested cost is drawn from its start

LABELS = {
    "en": ("ASP", "Cost price (COGS / units)", "Requested cost"),          # what Amazon pays us per unit,
    "de": ("ASP", "Einkaufspreis (COGS / Stück)", "Geforderter Einkaufspreis"),   # not our own unit cost
}


def _labels(lang: str | None) -> tuple[str, str, str]:
    if lang in LABELS:
        return LABELS[lang]
    return (QCoreApplication.translate("NegotiationChart", "ASP"),
            QCoreApplication.translate("NegotiationChart", "Cost price (COGS / units)"),
            QCoreApplication.translate("NegotiationChart", "Requested cost"))


def _timestamps(weeks) -> list[float]:
    return [dt.datetime.fromisoformat(str(w)[:10]).replace(tzinfo=dt.UTC).timestamp() for w in weeks]


def fill_plot(plot: pg.PlotWidget, analysis, lang: str | None = None, legend: bool = True) -> bool:
    """Draw the lines into ``plot``; False when there is nothing to draw."""
    plot.clear()
    chart = analysis.chart.dropna(subset=["asp"]) if not analysis.chart.empty else analysis.chart
    if chart.empty:
        return False
    asp_label, cost_label, req_label = _labels(lang)
    x = _timestamps(chart["period_start"])
    axis = plot.getPlotItem().getAxis("left")
    if isinstance(axis, ValueAxis):
        axis.set_unit("money", getattr(getattr(analysis, "case", None), "currency", None) or "EUR")
    if legend:
        if plot.plotItem.legend is None:
            plot.addLegend(offset=(10, 4), colCount=3, labelTextColor="#37474f")   # one row above the lines
        plot.plotItem.legend.clear()
    plot.plot(x, chart["asp"].to_numpy(float), pen=ASP_PEN, name=asp_label)
    cost = chart["unit_cost"].to_numpy(float)
    plot.plot(x, cost, pen=COST_PEN, name=cost_label, connect="finite")
    requested = analysis.requested_unit_cost
    if requested is not None:
        start = _requested_from(getattr(analysis, "case", None), x[-1])
        plot.plot([start, start + QUARTER], [requested, requested], pen=REQ_PEN, name=req_label)
    plot.showGrid(x=True, y=True, alpha=0.25)
    plot._top_value = max(float(chart["asp"].max()), requested or 0.0) * 1.05
    _fit(plot)
    return True


def _requested_from(case, last_week: float) -> float:
    """Where the requested cost starts: the requested effective date, else the week after the last
    one shown (it never held in the past)."""
    day = getattr(case, "effective_date", None)
    if day:
        try:
            return _timestamps([day])[0]
        except ValueError:
            pass
    return last_week + WEEK


def _fit(plot) -> None:
    """From 0 to the highest line, plus room on top for the legend (it never covers a line)."""
    top = getattr(plot, "_top_value", None)
    if top is None:
        return
    item = plot.getPlotItem()
    legend = item.legend
    view_h = item.getViewBox().height()
    legend_h = legend.boundingRect().height() + 8 if legend is not None and legend.items else 0.0
    if view_h > legend_h + 20:
        top = top * view_h / (view_h - legend_h)
    plot.setYRange(0, top, padding=0)


def make_plot(parent=None) -> pg.PlotWidget:
    plot = static_plot(parent, {"bottom": LocaleDateAxis(orientation="bottom"), "left": ValueAxis("money")})
    plot.getPlotItem().getViewBox().sigResized.connect(lambda _view: _fit(plot))
    return plot


def chart_image(analysis, lang: str, width: int = 1800, height: int = 780) -> QImage | None:
    """The chart as a QImage for the printed brief (GUI thread); None without data."""
    plot = make_plot()
    plot.resize(width * 2 // 5, height * 2 // 5)
    plot.plotItem.setGeometry(0, 0, width * 2 / 5, height * 2 / 5)   # not shown: lay out by hand
    try:
        if not fill_plot(plot, analysis, lang, legend=False):   # the brief prints its own legend
            return None
        plot.plotItem.getViewBox().setBackgroundColor("w")
        from pyqtgraph.exporters import ImageExporter

        exporter = ImageExporter(plot.plotItem)
        exporter.parameters()["width"] = width
        image = exporter.export(toBytes=True)
        return image if isinstance(image, QImage) and not image.isNull() else None
    finally:
        plot.deleteLater()
