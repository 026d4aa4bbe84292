"""The forecast chart: history, our P50..P90 band, Amazon's mean/P70/P80/P90, capacity, stock.

Items are created once; switching the ASIN only calls ``setData`` (fast, < 100 ms).
The x axis is days since 1970-01-01 so a week is 7 units; labels are locale month names.
"""

from __future__ import annotations

import datetime as dt

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QDate, QLocale, Qt
from PySide6.QtGui import QColor

EPOCH = dt.date(1970, 1, 1)
OURS = QColor("#1565c0")
AMAZON = QColor("#ef6c00")


class MonthAxis(pg.AxisItem):
    """Bottom axis: month and year in the default QLocale (e.g. "Jan. 26" / "Jan 26")."""

    def tickStrings(self, values, scale, spacing):
        out = []
        for value in values:
            day = EPOCH + dt.timedelta(days=int(value))
            out.append(QLocale().toString(QDate(day.year, day.month, day.day), "MMM yy"))
        return out

    def tickValues(self, minVal, maxVal, size):
        if not (0 <= minVal < maxVal < 200_000) or maxVal - minVal > 365 * 60:
            return []
        start = EPOCH + dt.timedelta(days=int(minVal))
        months = (maxVal - minVal) / 30.4 / max(size / 90.0, 1.0)
        step = next((s for s in (1, 2, 3, 6, 12) if s >= months), 12 * (int(months // 12) + 1))
        ticks, year, month = [], start.year, start.month
        while True:
            month += 1
            if month > 12:
                year, month = year + 1, 1
            value = (dt.date(year, month, 1) - EPOCH).days
            if value > maxVal:
                break
            if (year * 12 + month - 1) % step == 0:
                ticks.append(value)
        return [(30.4 * step, ticks)]


def _pen(color: QColor, width: float = 1.6, style=Qt.PenStyle.SolidLine):
    return pg.mkPen(color=color, width=width, style=style)


def _joined(data: dict, keys: tuple[str, ...]) -> tuple[np.ndarray, np.ndarray]:
    """Several (x, y) series as one, separated by NaN (drawn with connect="finite")."""
    xs, ys = [], []
    for key in keys:
        x, y = data.get(key, ([], []))
        if len(x):
            xs.extend([np.asarray(x, float), [np.nan]])
            ys.extend([np.asarray(y, float), [np.nan]])
    if not xs:
        return np.zeros(0), np.zeros(0)
    return np.concatenate(xs), np.concatenate(ys)


def _plot(layout, row: int, units: str) -> pg.PlotItem:
    plot = layout.addPlot(row=row, col=0, axisItems={"bottom": MonthAxis(orientation="bottom")})
    # No grid: pyqtgraph paints grid lines through QPicture, ~7 ms per axis and redraw (measured).
    plot.showGrid(x=False, y=False)
    plot.setMenuEnabled(False)
    plot.getAxis("left").setLabel(units)
    plot.getAxis("left").setWidth(58)
    return plot


class ForecastChart(pg.GraphicsLayoutWidget):
    """One ASIN: demand on top, supply (capacity, projected stock) below, x axes linked.

    Call ``show_asin(data)`` with the dict built by ``forecast_data.PlanIndex.chart_data``.
    """

    def __init__(self, labels: dict[str, str], parent=None):
        super().__init__(parent=parent)
        self.setBackground("w")
        self.demand = _plot(self, 0, labels["units"])
        self.supply = _plot(self, 1, labels["stock_units"])
        self.supply.setXLink(self.demand)
        self.demand.disableAutoRange()
        self.supply.disableAutoRange()
        self.demand.hideAxis("bottom")
        self.ci.layout.setRowStretchFactor(0, 3)
        self.ci.layout.setRowStretchFactor(1, 1)
        top = self.demand.addLegend(offset=(8, 2), labelTextSize="8pt")
        top.setColumnCount(4)
        bottom = self.supply.addLegend(offset=(8, 2), labelTextSize="8pt")
        bottom.setColumnCount(5)
        self.series = {}
        band = QColor(OURS)
        band.setAlpha(45)
        plot = self.demand
        self.series["p90"] = plot.plot(pen=_pen(QColor("#90caf9"), 1))
        self.series["p50_low"] = plot.plot(pen=pg.mkPen(color=band, width=1))
        plot.addItem(pg.FillBetweenItem(self.series["p50_low"], self.series["p90"], brush=pg.mkBrush(band)))
        # A FillBetweenItem in the legend crashes Qt's paint; a wide pen stands in for the band.
        plot.plot(pen=pg.mkPen(color=band, width=8), name=labels["band"])
        self.series["history"] = plot.plot(pen=_pen(QColor("#263238"), 1.4), name=labels["history"])
        self.series["oos"] = pg.ScatterPlotItem(symbol="t", size=9, brush=pg.mkBrush("#c62828"), pen=None)
        plot.addItem(self.series["oos"])
        top.addItem(self.series["oos"], labels["oos"])
        self.series["p50"] = plot.plot(pen=_pen(OURS, 2.2), name=labels["p50"])
        self.series["p80"] = plot.plot(pen=_pen(OURS, 1, Qt.PenStyle.DashLine), name=labels["p80"])
        self.series["amazon_mean"] = plot.plot(pen=_pen(AMAZON, 2), name=labels["amazon_mean"])
        # P70, P80 and P90 in one item (NaN-separated): fewer items, faster switching.
        self.series["amazon_q"] = plot.plot(pen=_pen(AMAZON, 1, Qt.PenStyle.DotLine), name=labels["amazon_q"],
                                            connect="finite")
        self.series["capacity"] = self.supply.plot(pen=_pen(QColor("#2e7d32"), 2, Qt.PenStyle.DashLine),
                                                   name=labels["capacity"])
        self.series["stock"] = self.supply.plot(pen=_pen(QColor("#6a1b9a"), 1.8), name=labels["stock"])
        self.series["capacity_short"] = pg.ScatterPlotItem(symbol="x", size=7, pen=pg.mkPen("#c62828", width=1.5))
        self.supply.addItem(self.series["capacity_short"])
        bottom.addItem(self.series["capacity_short"], labels["capacity_short"])
        self.series["own"] = self.supply.plot(pen=_pen(QColor("#8d6e63"), 1.5, Qt.PenStyle.DashLine),
                                              name=labels["own"])
        self.series["orders"] = self.supply.plot(pen=_pen(QColor("#00838f"), 1.2, Qt.PenStyle.DotLine),
                                                 name=labels["orders"])
        self.today = [pg.InfiniteLine(angle=90, pen=_pen(QColor("#9e9e9e"), 1, Qt.PenStyle.DashLine))
                      for _ in range(2)]
        self.demand.addItem(self.today[0], ignoreBounds=True)
        self.supply.addItem(self.today[1], ignoreBounds=True)

    def show_asin(self, data: dict) -> None:
        """data: {"history": (x, y), "oos": (x, y), "p50"/"p80"/"p90": (x, y), "amazon_*": (x, y),
        "capacity"/"stock"/"orders": (x, y), "today": x}; missing keys are cleared."""
        data = dict(data, amazon_q=_joined(data, ("amazon_p70", "amazon_p80", "amazon_p90")))
        xs, tops, lows = [], [1.0], [1.0]
        for key, item in self.series.items():
            x, y = data.get("p50" if key == "p50_low" else key, ([], []))
            x, y = np.asarray(x, float), np.asarray(y, float)
            item.setData(x, y, skipFiniteCheck=bool(np.isfinite(y).all()))
            if len(x):
                xs.extend((np.nanmin(x), np.nanmax(x)))
                finite = y[np.isfinite(y)]
                if finite.size:
                    (lows if key in ("capacity", "stock", "own", "orders", "capacity_short") else tops).append(float(finite.max()))
        if data.get("today") is not None:
            for line in self.today:
                line.setPos(data["today"])
        if xs:
            self.demand.setXRange(min(xs), max(xs), padding=0.01)
        self.demand.setYRange(0, max(tops) * 1.3, padding=0)
        self.supply.setYRange(0, max(lows) * 1.35, padding=0)
