"""The forecast chart: history, last year on this year's weeks, our P50..P90 band, Amazon's
mean/P70/P80/P90, event weeks, capacity, stock.

Items are created once; switching the ASIN only calls ``setData`` (fast, < 100 ms).
The x axis is days since 1970-01-01 so a week is 7 units; labels are locale month names,
the y axis locale numbers ("20.000"). The x range opens on RECENT_WEEKS of history plus the
horizon (a 26-week forecast gets half the width). Each plot has a one-row legend in a small font
above it, never on the data, and the event names (Prime Day, Black Friday …) sit in a strip of
their own between the legend and the demand plot, in up to three lanes, so no curve runs over them; the
event weeks are shaded behind the curves. Before a plan exists the chart shows a hint, no axes.
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
    """Bottom axis: months in the default QLocale, the year written out on January and on the
    first tick ("Nov. 2026 · Dez. · Jan. 2027"); "Mai 27" read as a day."""

    def tickStrings(self, values, scale, spacing):
        from vendordesk.ui.fmt import month_form

        out = []
        for index, value in enumerate(values):
            day = EPOCH + dt.timedelta(days=int(value))
            out.append(QLocale().toString(QDate(day.year, day.month, day.day), month_form(index, day)))
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


RECENT_WEEKS = 26
LAST_YEAR = QColor("#9e9e9e")
EVENT = QColor(255, 193, 7, 60)
EVENT_TEXT = QColor("#7a5c00")
LANES = 3


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
    xs: list[np.ndarray] = []
    ys: list[np.ndarray] = []
    for key in keys:
        x, y = data.get(key, ([], []))
        if len(x):
            xs.extend([np.asarray(x, float), np.array([np.nan])])
            ys.extend([np.asarray(y, float), np.array([np.nan])])
    if not xs:
        return np.zeros(0), np.zeros(0)
    return np.concatenate(xs), np.concatenate(ys)


def _legend() -> pg.LegendItem:
    """A legend of one row in a small font: the samples and names side by side (a second row of
    legend cost the demand plot a sixth of its height at 1280×720)."""
    legend = pg.LegendItem(labelTextSize="7.5pt", colCount=99, horSpacing=4, frame=False,
                           labelTextColor="#37474f")
    legend.layout.setContentsMargins(0, 0, 0, 0)
    legend.layout.setHorizontalSpacing(2)
    return legend


def _event_strip(layout, row: int) -> pg.PlotItem:
    """A thin plot without axes above the demand plot, x-linked to it, that carries the event names
    (y 0..LANES: one lane per line of text)."""
    strip = layout.addPlot(row=row, col=0)
    strip.setMenuEnabled(False)
    strip.setMouseEnabled(x=False, y=False)
    strip.hideButtons()
    strip.hideAxis("bottom")
    axis = strip.getAxis("left")     # kept, empty, so the strip lines up with the plot below
    axis.setWidth(58)
    axis.setStyle(showValues=False, tickLength=0)
    axis.setPen(pg.mkPen(None))
    strip.setYRange(0, LANES, padding=0)
    height = LANES * _line_height() + 2
    strip.setMinimumHeight(height)
    strip.setMaximumHeight(height)
    strip.getViewBox().setMinimumHeight(height)
    return strip


def _line_height() -> int:
    from PySide6.QtGui import QFontMetrics

    return QFontMetrics(_small_font()).height() + 1


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
        self.ci.layout.setContentsMargins(4, 2, 8, 2)
        self.ci.layout.setVerticalSpacing(0)
        top = _legend()
        self.addItem(top, row=0, col=0)
        self.strip = _event_strip(self, 1)
        self.demand = _plot(self, 2, labels["units"])
        bottom = _legend()
        self.addItem(bottom, row=3, col=0)
        self.supply = _plot(self, 4, labels["stock_units"])
        self.legends = (top, bottom)
        self.strip.setXLink(self.demand)
        self.supply.setXLink(self.demand)
        self.demand.disableAutoRange()
        self.supply.disableAutoRange()
        self.strip.disableAutoRange()
        self.demand.hideAxis("bottom")
        self.ci.layout.setRowStretchFactor(2, 3)     # 3:2, at 3:1 supply was ~70 px tall at 1280×720
        self.ci.layout.setRowStretchFactor(4, 2)
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
        self._events: list = []
        self.demand.getViewBox().sigResized.connect(self._relayout_events)
        self.strip.setYRange(0, LANES, padding=0)
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

    def _show_events(self, events) -> None:
        """A shaded week behind the curves for each event (x of the week start, name), and one name
        per run of weeks with the same name in the strip above the plot, at the run's start. A name
        that would run into the one before it goes to the next lane; when every lane is taken
        (Black Friday and Cyber Monday in neighbouring weeks, and Christmas close behind), it joins
        the last label of its lane ("Black Friday · Cyber Monday")."""
        for item in self.event_items:
            (self.strip if isinstance(item, pg.TextItem) else self.demand).removeItem(item)
        self.event_items = []
        self._events = list(events or [])
        (start, end), _ = self.demand.viewRange()
        runs: list[tuple[float, str]] = []
        previous = None
        for x, name in self._events:
            if x + 7 < start:             # outside the visible range: not drawn (fewer items, faster)
                continue
            region = pg.LinearRegionItem((x, x + 7), movable=False, brush=pg.mkBrush(EVENT),
                                         pen=pg.mkPen(None))
            region.setZValue(-10)
            self.demand.addItem(region, ignoreBounds=True)
            self.event_items.append(region)
            if name != previous:
                runs.append((max(x, start), name))
            previous = name
        pixels_per_day = self._pixels_per_day(start, end)
        # per lane: its last label, where that label ends (x) and the names it shows
        lanes: list[tuple[pg.TextItem, float, list[str]]] = []
        for x, name in runs:
            free = next((i for i, lane in enumerate(lanes) if x >= lane[1] + 2 / pixels_per_day),
                        len(lanes) if len(lanes) < LANES else None)
            if free is None:             # every lane busy: join the lane that ends first
                free = min(range(LANES), key=lambda i: lanes[i][1])
                label, _right, names = lanes[free]
                if name not in names:
                    names.append(name)
                    label.setText(" · ".join(names))
                right = min(label.pos().x() + self._text_width(label) / pixels_per_day, end)
                if right >= end:      # the joined label ran past the edge: moved back inside
                    label.setPos(end - self._text_width(label) / pixels_per_day, label.pos().y())
                lanes[free] = (label, right, names)
                continue
            label = pg.TextItem(name, color=EVENT_TEXT, anchor=(0, 0))
            label.setFont(_small_font())
            label.textItem.document().setDocumentMargin(0)   # one lane is one line high
            x = min(x, end - self._text_width(label) / pixels_per_day)   # the last one ends at the edge
            label.setPos(x, LANES - free)
            self.strip.addItem(label, ignoreBounds=True)
            self.event_items.append(label)
            lane = (label, x + self._text_width(label) / pixels_per_day, [name])
            if free < len(lanes):
                lanes[free] = lane
            else:
                lanes.append(lane)

    @staticmethod
    def _text_width(label) -> float:
        return label.textItem.boundingRect().width()

    def _relayout_events(self, *_args) -> None:
        """The chart changed size: the lanes depend on pixels per day, so place the names again."""
        if getattr(self, "_events", None):
            self._show_events(self._events)

    def _pixels_per_day(self, start: float, end: float) -> float:
        width = self.demand.getViewBox().width()
        if width <= 1 or end <= start:    # not laid out yet: assume a 1280-px window's chart
            width = 700.0
        return width / (end - start)

    def show_asin(self, data: dict) -> None:
        """data: {"history": (x, y), "oos": (x, y), "p50"/"p80"/"p90": (x, y), "amazon_*": (x, y),
        "capacity"/"stock"/"orders": (x, y), "today": x}; missing keys are cleared."""
        data = dict(data, amazon_q=_joined(data, ("amazon_p70", "amazon_p80", "amazon_p90")))
        xs: list[float] = []
        tops, lows = [1.0], [1.0]
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
        self._show_events(data.get("events"))
