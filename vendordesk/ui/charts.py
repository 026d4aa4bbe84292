"""Small pyqtgraph components others may reuse: a sparkline and a weekly time-series plot.

x values are ISO week starts (strings); the plots convert them to epoch seconds. Dates on
the axis follow the default QLocale (01.03. / Mär 26 in German). Fractions are plotted in
percent when ``percent=True``.
"""

from __future__ import annotations

import datetime as dt
import math

import pyqtgraph as pg
from PySide6.QtCore import QDate, QLocale, Qt
from PySide6.QtGui import QColor

DAY = 86400.0
STATUS_COLORS = {"green": "#2e7d32", "amber": "#ef8f00", "red": "#c62828", "no-data": "#90a4ae", "info": "#607d8b"}


def epoch(iso: str) -> float:
    day = dt.date.fromisoformat(str(iso)[:10])
    return (day - dt.date(1970, 1, 1)).days * DAY


def _points(points, percent: bool) -> tuple[list[float], list[float]]:
    xs, ys = [], []
    for week, value in points:
        if value is None or (isinstance(value, float) and math.isnan(value)):
            continue
        xs.append(epoch(week))
        ys.append(value * 100.0 if percent else value)
    return xs, ys


class LocaleDateAxis(pg.DateAxisItem):
    """A date axis whose labels use the default QLocale."""

    def tickStrings(self, values, scale, spacing):
        locale = QLocale()
        form = "MMM yy" if spacing >= 20 * DAY else "dd.MM." if locale.language() == QLocale.Language.German \
            else "dd MMM"
        out = []
        for value in values:
            day = dt.date(1970, 1, 1) + dt.timedelta(days=int(value // DAY))
            out.append(locale.toString(QDate(day.year, day.month, day.day), form))
        return out


class Sparkline(pg.PlotWidget):
    """A tiny line without axes or mouse interaction; ``set_points([(week, value), ...])``."""

    def __init__(self, parent=None, height: int = 34):
        super().__init__(parent=parent, background=None)
        self.setFixedHeight(height)
        self.setMinimumWidth(60)
        self.hideAxis("left")
        self.hideAxis("bottom")
        self.setMouseEnabled(False, False)
        self.setMenuEnabled(False)
        self.hideButtons()
        self.getPlotItem().setContentsMargins(0, 0, 0, 0)
        self.setFrameShape(pg.QtWidgets.QFrame.Shape.NoFrame)
        self.line = self.plot([], [], pen=pg.mkPen("#546e7a", width=1.6))
        self.last = pg.ScatterPlotItem(size=5, pen=None, brush=pg.mkBrush("#37474f"))
        self.addItem(self.last)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)

    def set_points(self, points, color: str = "#546e7a") -> None:
        xs, ys = _points(points, percent=False)
        self.line.setData(xs, ys, pen=pg.mkPen(color, width=1.6))
        self.last.setData(xs[-1:], ys[-1:], brush=pg.mkBrush(color))
        if xs:
            self.getPlotItem().enableAutoRange()


class TimeSeriesPlot(pg.PlotWidget):
    """A weekly line with an optional comparison line, threshold lines and a highlighted period."""

    def __init__(self, parent=None):
        super().__init__(parent=parent, axisItems={"bottom": LocaleDateAxis(orientation="bottom")})
        self.setBackground("w")
        self.showGrid(x=False, y=True, alpha=0.15)
        self.setMenuEnabled(False)
        self.getPlotItem().setMouseEnabled(x=True, y=False)
        for side in ("left", "bottom"):
            axis = self.getAxis(side)
            axis.setPen(pg.mkPen("#90a4ae"))
            axis.setTextPen(pg.mkPen("#455a64"))
        self.legend = self.getPlotItem().addLegend(offset=(-8, 4), labelTextColor="#455a64",
                                                   brush=pg.mkBrush(255, 255, 255, 220))
        self.line = self.plot([], [], pen=pg.mkPen("#1565c0", width=2), name="")
        self.compare = self.plot([], [], pen=pg.mkPen("#9e9e9e", width=1.2, style=Qt.PenStyle.DashLine), name="")
        self.region = pg.LinearRegionItem(movable=False, brush=pg.mkBrush(QColor(21, 101, 192, 28)),
                                          pen=pg.mkPen(None))
        self.region.setZValue(-10)
        self.addItem(self.region)
        self.thresholds: list[pg.InfiniteLine] = []

    def set_series(self, points, label: str, percent: bool = False, compare_points=None,
                   compare_label: str = "", thresholds: dict | None = None, period: tuple[str, str] | None = None,
                   unit_label: str = "") -> None:
        """Draw ``points``; ``thresholds`` = {"green": v, "red": v} absolute lines (not for trends)."""
        self.legend.clear()
        xs, ys = _points(points, percent)
        self.line.setData(xs, ys)
        self.legend.addItem(self.line, label)
        cx, cy = _points(compare_points or [], percent)
        self.compare.setData(cx, cy)
        if cx:
            self.legend.addItem(self.compare, compare_label)
        for item in self.thresholds:
            self.removeItem(item)
        self.thresholds = []
        for key, value in (thresholds or {}).items():
            if value is None:
                continue
            line = pg.InfiniteLine(pos=value * 100.0 if percent else value, angle=0,
                                   pen=pg.mkPen(STATUS_COLORS[key], width=1, style=Qt.PenStyle.DotLine))
            self.addItem(line)
            self.thresholds.append(line)
        if period:
            self.region.setRegion((epoch(period[0]), epoch(period[1]) + 7 * DAY))
        self.region.setVisible(bool(period))
        self.getAxis("left").setLabel(unit_label)
        self.getPlotItem().enableAutoRange()


def static_plot(parent=None, axis_items: dict | None = None) -> pg.PlotWidget:
    """A white plot in the house style, not zoomable or draggable (charts explain, not explore)."""
    plot = pg.PlotWidget(parent, background="w", axisItems=axis_items or {})
    plot.setMenuEnabled(False)
    plot.setMouseEnabled(x=False, y=False)
    plot.hideButtons()
    for name in ("left", "bottom"):
        axis = plot.getAxis(name)
        axis.setPen(pg.mkPen("#90a4ae"))
        axis.setTextPen(pg.mkPen("#37474f"))
    return plot
