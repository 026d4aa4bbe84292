"""The forecast chart: history, last year on this year's weeks, our P50..P90 band, Amazon's
mean/P70/P80/P90, event weeks, capacity, stock.

Items are created once; switching the ASIN only calls ``setData`` (fast, < 100 ms).
The x axis is days since 1970-01-01 so a week is 7 units; labels are locale month names,
the y axis locale numbers ("20.000"). The x range opens on RECENT_WEEKS of history plus the
horizon (the forecast gets a fair share of the width); legends sit in their own rows above
the plots, never on the data. Before a plan exists the chart shows a hint, no axes.
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


RECENT_WEEKS = 39
LAST_YEAR = QColor("#9e9e9e")
EVENT = QColor(255, 193, 7, 60)


def _small_font():
    from PySide6.QtGui import QFont

    font = QFont()
    font.setPointSize(7)
    return font


class NumberAxis(pg.AxisItem):
    """Left axis: whole numbers with the locale's group separator (de: "20.000")."""

    def tickStrings(self, values, scale, spacing):
        return [QLocale().toString(int(round(v * scale))) for v in values]


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
    plot = layout.addPlot(row=row, col=0, axisItems={"bottom": MonthAxis(orientation="bottom"),
                                                     "left": NumberAxis(orientation="left")})
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
        top = pg.LegendItem(labelTextSize="8pt", colCount=5)
        self.addItem(top, row=0, col=0)
        self.demand = _plot(self, 1, labels["units"])
        bottom = pg.LegendItem(labelTextSize="8pt", colCount=5)
        self.addItem(bottom, row=2, col=0)
        self.supply = _plot(self, 3, labels["stock_units"])
        self.legends = (top, bottom)
        self.supply.setXLink(self.demand)
        self.demand.disableAutoRange()
        self.supply.disableAutoRange()
        self.demand.hideAxis("bottom")
        self.ci.layout.setRowStretchFactor(1, 3)
        self.ci.layout.setRowStretchFactor(3, 1)
        self.series = {}
        band = QColor(OURS)
        band.setAlpha(45)
        plot = self.demand
        self.series["p90"] = plot.plot(pen=_pen(QColor("#90caf9"), 1))
        self.series["p50_low"] = plot.plot(pen=pg.mkPen(color=band, width=1))
        plot.addItem(pg.FillBetweenItem(self.series["p50_low"], self.series["p90"], brush=pg.mkBrush(band)))
        # A FillBetweenItem in the legend crashes Qt's paint; a wide pen stands in for the band.
        top.addItem(plot.plot(pen=pg.mkPen(color=band, width=8)), labels["band"])
        self.series["history"] = plot.plot(pen=_pen(QColor("#263238"), 1.4))
        top.addItem(self.series["history"], labels["history"])
        self.series["last_year"] = plot.plot(pen=_pen(LAST_YEAR, 1.2, Qt.PenStyle.DashLine))
        top.addItem(self.series["last_year"], labels.get("last_year", "Last year"))
        self.series["oos"] = pg.ScatterPlotItem(symbol="t", size=9, brush=pg.mkBrush("#c62828"), pen=None)
        plot.addItem(self.series["oos"])
        top.addItem(self.series["oos"], labels["oos"])
        self.series["p50"] = plot.plot(pen=_pen(OURS, 2.2))
        top.addItem(self.series["p50"], labels["p50"])
        self.series["p80"] = plot.plot(pen=_pen(OURS, 1, Qt.PenStyle.DashLine))
        top.addItem(self.series["p80"], labels["p80"])
        self.series["amazon_mean"] = plot.plot(pen=_pen(AMAZON, 2))
        top.addItem(self.series["amazon_mean"], labels["amazon_mean"])
        # P70, P80 and P90 in one item (NaN-separated): fewer items, faster switching.
        self.series["amazon_q"] = plot.plot(pen=_pen(AMAZON, 1, Qt.PenStyle.DotLine),
                                            connect="finite")
        top.addItem(self.series["amazon_q"], labels["amazon_q"])
        self.series["capacity"] = self.supply.plot(pen=_pen(QColor("#2e7d32"), 2, Qt.PenStyle.DashLine))
        bottom.addItem(self.series["capacity"], labels["capacity"])
        self.series["stock"] = self.supply.plot(pen=_pen(QColor("#6a1b9a"), 1.8))
        bottom.addItem(self.series["stock"], labels["stock"])
        self.series["capacity_short"] = pg.ScatterPlotItem(symbol="x", size=7, pen=pg.mkPen("#c62828", width=1.5))
        self.supply.addItem(self.series["capacity_short"])
        bottom.addItem(self.series["capacity_short"], labels["capacity_short"])
        self.series["own"] = self.supply.plot(pen=_pen(QColor("#8d6e63"), 1.5, Qt.PenStyle.DashLine))
        bottom.addItem(self.series["own"], labels["own"])
        self.series["orders"] = self.supply.plot(pen=_pen(QColor("#00838f"), 1.2, Qt.PenStyle.DotLine))
        bottom.addItem(self.series["orders"], labels["orders"])
        self.today = [pg.InfiniteLine(angle=90, pen=_pen(QColor("#9e9e9e"), 1, Qt.PenStyle.DashLine))
                      for _ in range(2)]
        self.demand.addItem(self.today[0], ignoreBounds=True)
        self.supply.addItem(self.today[1], ignoreBounds=True)
        self.event_items: list = []
        self.empty = pg.TextItem(labels.get("empty", ""), color="#616161", anchor=(0.5, 0.5))
        self.demand.addItem(self.empty, ignoreBounds=True)
        self._set_empty(True)

    def _set_empty(self, empty: bool) -> None:
        """Before a plan: a hint in the middle, no axes, no legends (not meaningless 0-1 axes)."""
        for plot in (self.demand, self.supply):
            for side in ("left",) + (("bottom",) if plot is self.supply else ()):
                plot.showAxis(side, not empty)
        for legend in self.legends:
            legend.setVisible(not empty)
        self.empty.setVisible(empty)
        if empty:
            self.demand.setXRange(0, 1, padding=0)
            self.demand.setYRange(0, 1, padding=0)
            self.empty.setPos(0.5, 0.5)

    def _show_events(self, events, top: float = 1.0) -> None:
        """A shaded week for each event (x of the week start, name) and one rotated label per run of
        weeks with the same name. A label that would touch the one before it (Black Friday and
        Cyber Monday in neighbouring weeks) joins it as a further line."""
        for item in self.event_items:
            self.demand.removeItem(item)
        self.event_items = []
        (start, end), _ = self.demand.viewRange()
        runs: list[tuple[float, list[str]]] = []
        previous = None
        for x, name in events or []:
            if x + 7 < start:             # outside the visible range: not drawn (fewer items, faster)
                continue
            region = pg.LinearRegionItem((x, x + 7), movable=False, brush=pg.mkBrush(EVENT),
                                         pen=pg.mkPen(None))
            region.setZValue(-10)
            self.demand.addItem(region, ignoreBounds=True)
            self.event_items.append(region)
            if name != previous:
                runs.append((x, [name]))
            previous = name
        pixels_per_day = self._pixels_per_day(start, end)
        label, label_x, names = None, 0.0, []
        for x, (name,) in runs:
            # a rotated label covers its (unrotated) height to the right of its x
            if label is not None and (x - label_x) * pixels_per_day < label.textItem.boundingRect().height() + 2:
                if name not in names:
                    names.append(name)
                    label.setText("\n".join(names))
                continue
            label, label_x, names = pg.TextItem(name, color="#7a5c00", anchor=(1, 0), angle=90), x, [name]
            label.setFont(_small_font())
            label.setZValue(-5)
            label.setPos(x, top)
            self.demand.addItem(label, ignoreBounds=True)
            self.event_items.append(label)

    def _pixels_per_day(self, start: float, end: float) -> float:
        width = self.demand.getViewBox().width()
        if width <= 1 or end <= start:    # not laid out yet: assume a 1280-px window's chart
            width = 700.0
        return width / (end - start)

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
        self._set_empty(not xs)
        if not xs:
            self._show_events([])
            return
        start, end = min(xs), max(xs)
        if data.get("today") is not None:       # recent history + the horizon
            start = max(start, data["today"] - 7 * RECENT_WEEKS)
        self.demand.setXRange(start, end, padding=0.01)
        top = max(tops) * 1.12
        self.demand.setYRange(0, top, padding=0)
        self.supply.setYRange(0, max(lows) * 1.15, padding=0)
        self._show_events(data.get("events"), top)
