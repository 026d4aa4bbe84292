"""The chart of ASP and unit cost over time: a pyqtgraph plot for the tab and a QImage for
the brief (ImageExporter, white background, see docs/stack.md B.4)."""

from __future__ import annotations

import datetime as dt

import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QImage

from vendordesk.ui.charts import static_plot

ASP_PEN = pg.mkPen("#1565c0", width=2)
COST_PEN = pg.mkPen("#ef6c00", width=2)
REQ_PEN = pg.mkPen("#c62828", width=2, style=Qt.PenStyle.DashLine)

LABELS = {
    "en": ("ASP", "Unit cost (COGS / units)", "Requested cost"),
    "de": ("ASP", "Stückkosten (COGS / Einheiten)", "Beantragter EK"),
}


def _labels(lang: str | None) -> tuple[str, str, str]:
    if lang in LABELS:
        return LABELS[lang]
    return (QCoreApplication.translate("NegotiationChart", "ASP"),
            QCoreApplication.translate("NegotiationChart", "Unit cost (COGS / units)"),
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
    if legend:
        (plot.plotItem.legend or plot.addLegend(offset=(10, 10))).clear()
    plot.plot(x, chart["asp"].to_numpy(float), pen=ASP_PEN, name=asp_label)
    cost = chart["unit_cost"].to_numpy(float)
    plot.plot(x, cost, pen=COST_PEN, name=cost_label, connect="finite")
    requested = analysis.requested_unit_cost
    if requested is not None:
        plot.plot([x[0], x[-1]], [requested, requested], pen=REQ_PEN, name=req_label)
    plot.showGrid(x=True, y=True, alpha=0.25)
    plot.setYRange(0, max(float(chart["asp"].max()), requested or 0.0) * 1.12, padding=0)
    return True


def make_plot(parent=None) -> pg.PlotWidget:
    return static_plot(parent, {"bottom": pg.DateAxisItem(orientation="bottom")})


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
