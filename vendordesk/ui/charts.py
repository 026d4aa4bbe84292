"""The house's chart rules in one place, and small pyqtgraph components built on them.

Rules every chart follows (gears, forecast, influence, negotiation):

* **Units in the UI language on the axis**, never "EUR" or "k"/"M": money axes read "€",
  "Tsd. €" or "Mio. €" in German ("€", "€ thousand", "€ million" in English), units
  "Stück"/"units", percent "%". Tick labels use the locale's thousands separator
  ("20.000" in German).
* **Legends never sit on the data**: either the legend has its own row above the plot
  (``legend_above``, outside the view, so no value can reach it), or the y range gets headroom
  so the legend (top right) stays above everything drawn (``fit_with_legend``).
* **Last year on this year's weeks**: compare against ``last_year_on_this_year(points)``.
* **An empty state before data**: wrap a plot in ``ChartFrame`` and call ``show_empty``.

API:

``ValueAxis(unit, currency="EUR", orientation="left")``
    A pg.AxisItem; ``unit`` is "money", "units", "pct" (values already in percent),
    "number", "weeks" or "days". It picks the scale (1, 1.000, 1.000.000) from the shown
    range, formats ticks with the default QLocale and sets its own label (``label_text()``).
``axis_label(unit, currency, scale)`` / ``tick_text(value, decimals)``
    The same as plain functions (for printed charts and tests).
``apply_house_style(plot)``
    Pens and colours of the house on a PlotWidget/PlotItem.
``legend_above(plot, columns=3)``
    A legend in its own row above the plot's view (returned, also as ``plot.plotItem.legend``).
``fit_with_legend(plot, legend, ys)``
    Set the y range of ``plot`` to the values ``ys`` with room for ``legend`` above them.
``last_year_on_this_year(points, weeks=52)``
    -> (this year's points, last year's values drawn on this year's weeks).
``ChartFrame(plot, empty_text)``
    A QStackedWidget: ``show_plot()`` / ``show_empty(text)``; ``is_empty()``.
``TimeSeriesPlot`` weekly line + comparison + thresholds, ``Sparkline``, ``static_plot``.

x values are ISO week starts (strings); the plots convert them to epoch seconds.
"""

from __future__ import annotations

import datetime as dt
import math

import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QDate, QLocale, Qt
from PySide6.QtWidgets import QLabel, QSizePolicy, QStackedWidget

DAY = 86400.0
STATUS_COLORS = {"green": "#2e7d32", "amber": "#ef8f00", "red": "#c62828", "no-data": "#90a4ae", "info": "#607d8b"}
SYMBOLS = {"EUR": "€", "GBP": "£", "USD": "$", "INR": "₹"}


def _tr(text: str) -> str:
    return QCoreApplication.translate("Charts", text)


def epoch(iso: str) -> float:
    day = dt.date.fromisoformat(str(iso)[:10])
    return (day - dt.date(1970, 1, 1)).days * DAY


def _missing(value) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def _points(points, percent: bool) -> tuple[list[float], list[float]]:
    xs, ys = [], []
    for week, value in points:
        if _missing(value):
            continue
        xs.append(epoch(week))
        ys.append(value * 100.0 if percent else value)
    return xs, ys


def last_year_on_this_year(points, weeks: int = 52) -> tuple[list, list]:
    """The newest ``weeks`` weeks of ``points`` and, on those same weeks, the value 52 weeks
    earlier: a last-year line is drawn under this year's weeks, never a year ahead."""
    values = {str(w)[:10]: v for w, v in points if not _missing(v)}
    if not values:
        return [], []
    newest = dt.date.fromisoformat(max(values))
    first = newest - dt.timedelta(weeks=weeks - 1)
    this_year = [(w, v) for w, v in sorted(values.items()) if dt.date.fromisoformat(w) >= first]
    last_year = []
    for week, _ in this_year:
        before = (dt.date.fromisoformat(week) - dt.timedelta(weeks=52)).isoformat()
        if before in values:
            last_year.append((week, values[before]))
    return this_year, last_year


# --- axes ---------------------------------------------------------------------------------
def tick_text(value: float, decimals: int = 0) -> str:
    """A tick in the default locale with thousands separators: 20000 -> "20.000" (de); below zero
    with the minus sign the value labels beside it use ("−5", not "-5" next to "−21.066 €")."""
    return QLocale().toString(round(float(value), decimals) + 0.0, "f", max(0, decimals)).replace("-", "−")


def choose_scale(unit: str, largest: float) -> float:
    """1, 1e3 or 1e6: money and units switch to thousands from 10.000 and millions from 1 Mio."""
    if unit not in ("money", "units", "number"):
        return 1.0
    if largest >= 1e6:
        return 1e6
    if largest >= 1e4 and unit == "money":
        return 1e3
    return 1.0


def axis_label(unit: str, currency: str = "EUR", scale: float = 1.0) -> str:
    symbol = SYMBOLS.get(currency or "", currency or "")
    if unit == "money":
        if scale >= 1e6:
            return _tr("%1 million").replace("%1", symbol)
        if scale >= 1e3:
            return _tr("%1 thousand").replace("%1", symbol)
        return symbol
    if unit == "units":
        return _tr("million units") if scale >= 1e6 else _tr("units")
    if unit == "number" and scale >= 1e6:
        return _tr("million")
    return {"pct": "%", "weeks": _tr("weeks"), "days": _tr("days")}.get(unit, "")


class ValueAxis(pg.AxisItem):
    """A value axis with locale ticks and a unit label in the UI language (see module doc)."""

    def boundingRect(self):
        """With a grid pyqtgraph bounds a vertical axis by its view, so a label on the range's edge
        (the "0" of a range from 0 with padding=0) counted as outside and was not drawn; keep room
        for half a label above and below."""
        rect = super().boundingRect()
        if self.orientation in ("left", "right"):
            rect = rect | self.mapRectFromParent(self.geometry()).adjusted(0, -15, 0, 15)
        return rect

    def __init__(self, unit: str = "number", currency: str = "EUR", orientation: str = "left", **kwargs):
        super().__init__(orientation, **kwargs)
        self.enableAutoSIPrefix(False)
        self.unit, self.currency, self.scale = unit, currency, 1.0
        self.set_unit(unit, currency)

    def set_unit(self, unit: str, currency: str = "EUR") -> None:
        self.unit, self.currency = unit, currency
        self._relabel()

    def label_text(self) -> str:
        return axis_label(self.unit, self.currency, self.scale)

    def _relabel(self) -> None:
        text = self.label_text()
        if text:
            self.setLabel(text)
        else:
            self.showLabel(False)

    def tickStrings(self, values, scale, spacing):
        largest = max((abs(v) for v in values), default=0.0)
        new_scale = choose_scale(self.unit, largest)
        if new_scale != self.scale:
            self.scale = new_scale
            self._relabel()
        step = spacing / self.scale if spacing else 1.0
        decimals = 0 if step >= 1 else min(3, int(math.ceil(-math.log10(step))))
        return [tick_text(v / self.scale, decimals) for v in values]


MONTH_STEPS = (1, 3, 6, 12)   # months between date ticks: monthly, quarters, half-years, years
MONTH = 30.44 * DAY


def month_ticks(start: float, end: float, step: int) -> list[float]:
    """Epoch seconds (UTC) of the first days of the months in [start, end] that begin a block of
    ``step`` months (quarters start in January, April, July and October)."""
    if end < start or step < 1:
        return []
    day = dt.date(1970, 1, 1) + dt.timedelta(days=int(math.ceil(start / DAY)))
    index = day.year * 12 + day.month - 1 + (0 if day.day == 1 else 1)
    index += -index % step
    ticks: list[float] = []
    while True:
        first = dt.date(index // 12, index % 12 + 1, 1)
        value = (first - dt.date(1970, 1, 1)).days * DAY
        if value > end:
            return ticks
        ticks.append(value)
        index += step


class LocaleDateAxis(pg.DateAxisItem):
    """A date axis whose labels use the default QLocale (Jan. 2026 / 01.03.).

    From three months of range up it places its own ticks on month starts, as dense as the labels
    fit: monthly, quarters ("Jan. 2025", "Apr.", "Juli", "Okt."), half-years or
    years. pyqtgraph's own choice jumped from months straight to lone years ("2025", "2026")."""

    def _fits(self, step: int, per_pixel: float) -> bool:
        """Whether labels on every ``step``-th month keep apart at ``per_pixel`` seconds a pixel:
        for each two neighbours, half of each label plus a gap must fit the days between them.
        January carries the year, and from quarters up the first label does too ("Okt. 2024")."""
        from PySide6.QtGui import QFontMetrics
        from PySide6.QtWidgets import QApplication

        metrics = QFontMetrics(self.style.get("tickFont") or QApplication.font())
        locale = QLocale()

        def width(month: int, year: bool) -> int:
            return metrics.horizontalAdvance(locale.toString(QDate(2001, month, 1), "MMM yyyy" if year else "MMM"))

        starts = [m for m in range(1, 13) if (m - 1) % step == 0]
        for i, month in enumerate(starts):
            after = starts[(i + 1) % len(starts)]
            days = sum(QDate(2001, (month - 1 + k) % 12 + 1, 1).daysInMonth() for k in range(step))
            need = (width(month, month == 1) + width(after, after == 1)) / 2
            if step > 1:
                need = max(need, (width(month, True) + width(after, after == 1)) / 2)
            if days * DAY / per_pixel < need + 6:
                return False
        return True

    def tickValues(self, minVal, maxVal, size):
        if size <= 0 or maxVal - minVal < 90 * DAY:
            return super().tickValues(minVal, maxVal, size)
        per_pixel = (maxVal - minVal) / size
        step = next((s for s in MONTH_STEPS if self._fits(s, per_pixel)), 0)
        if not step:
            return super().tickValues(minVal, maxVal, size)
        return [(step * MONTH, month_ticks(minVal, maxVal, step))]

    def tickStrings(self, values, scale, spacing):
        """Years as "2026"; months short ("Feb.", "März"), January and the first label with the
        year; days as "01.03." (de) / "01 Mar" (en)."""
        locale = QLocale()
        german = locale.language() == QLocale.Language.German
        out = []
        for index, value in enumerate(values):
            day = dt.date(1970, 1, 1) + dt.timedelta(days=int(value // DAY))
            if spacing >= 300 * DAY:
                form = "yyyy"
            elif spacing >= 20 * DAY:
                form = "MMM yyyy" if day.month == 1 or (index == 0 and spacing > 1.5 * MONTH) else "MMM"
            else:
                form = "dd.MM." if german else "dd MMM"
            out.append(locale.toString(QDate(day.year, day.month, day.day), form))
        return out


def apply_house_style(plot) -> None:
    item = plot.getPlotItem() if hasattr(plot, "getPlotItem") else plot
    for side in ("left", "bottom"):
        axis = item.getAxis(side)
        axis.setPen(pg.mkPen("#90a4ae"))
        axis.setTextPen(pg.mkPen("#37474f"))


# --- legend and ranges ---------------------------------------------------------------------
def fit_with_legend(plot, legend, ys: list[float]) -> None:
    """The y range of ``ys`` plus headroom for ``legend`` in the top corner, so it never
    covers a point. Call again after a resize (TimeSeriesPlot does)."""
    item = plot.getPlotItem() if hasattr(plot, "getPlotItem") else plot
    values = [y for y in ys if not _missing(y)]
    if not values:
        return
    low, high = min(values), max(values)
    span = (high - low) or max(abs(high), 1.0) * 0.1
    low, high = low - span * 0.05, high + span * 0.05
    view_h = item.getViewBox().height()
    legend_h = legend.boundingRect().height() + 12 if legend is not None and legend.items else 0.0
    if view_h > legend_h + 20:
        high = low + (high - low) * view_h / (view_h - legend_h)
    item.setYRange(low, high, padding=0)


class RowLegend(pg.LegendItem):
    """A legend laid out in a row of its plot's grid: its size comes from its entries through the
    layout (pyqtgraph's own legend placed itself at (0, 0) of its parent)."""

    def updateSize(self):
        self.layout.invalidate()
        self.updateGeometry()


def legend_above(plot, columns: int = 3, text_size: str = "9pt") -> pg.LegendItem:
    """A legend in its own row above the view of ``plot`` (the PlotItem's title row, left-aligned
    with the data), so it can never cover a curve, a bar or the 0 line. Entries go ``columns`` to a
    row. Calling it again returns the same legend."""
    item = plot.getPlotItem() if hasattr(plot, "getPlotItem") else plot
    if isinstance(item.legend, RowLegend):
        return item.legend
    legend = RowLegend(colCount=columns, labelTextColor="#263238", labelTextSize=text_size, frame=False,
                       horSpacing=6)
    legend.layout.setContentsMargins(0, 2, 0, 4)
    layout = item.layout
    layout.removeItem(item.titleLabel)          # hidden (no chart title); its cell takes the legend
    item.titleLabel.setVisible(False)
    layout.addItem(legend, 0, 1)
    legend.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)   # entries side by side,
    layout.setAlignment(legend, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)  # from the left
    layout.setRowMaximumHeight(0, 16_777_215)     # pyqtgraph fixed the title row at 0 px
    item.legend = legend                          # items drawn with name= join it
    return legend


class ChartFrame(QStackedWidget):
    """A chart with an honest empty state instead of meaningless 0–1 axes."""

    def __init__(self, plot, empty_text: str = "", parent=None):
        super().__init__(parent)
        self.plot = plot
        self.empty = QLabel(empty_text or _tr("Nothing to show yet."))
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.empty.setStyleSheet("color: #78909c; background: #fafafa; border: 1px solid #eceff1;")
        self.addWidget(self.empty)
        self.addWidget(plot)
        self.setCurrentWidget(self.empty)

    def show_plot(self) -> None:
        self.setCurrentWidget(self.plot)

    def show_empty(self, text: str | None = None) -> None:
        if text:
            self.empty.setText(text)
        self.setCurrentWidget(self.empty)

    def is_empty(self) -> bool:
        return self.currentWidget() is self.empty


# --- components ------------------------------------------------------------------------------
class Sparkline(pg.PlotWidget):
    """A tiny line without axes or mouse interaction; ``set_points([(week, value), ...])``."""

    def __init__(self, parent=None, height: int = 34):
        super().__init__(parent=parent, background=None)
        self.setMinimumHeight(height)
        self.setMaximumHeight(height)
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
    """A weekly line with an optional comparison line, threshold lines and a highlighted period.

    The value axis is a ValueAxis (``self.value_axis``); the legend sits top right above the data."""

    def __init__(self, parent=None):
        self.value_axis = ValueAxis("number")
        super().__init__(parent=parent, axisItems={"bottom": LocaleDateAxis(orientation="bottom"),
                                                   "left": self.value_axis})
        self.setBackground("w")
        self.showGrid(x=False, y=True, alpha=0.15)
        self.setMenuEnabled(False)
        self.hideButtons()
        self.getPlotItem().setMouseEnabled(x=False, y=False)
        # room above the view for half a tick label: the top one ("110") was cut at the edge
        self.getPlotItem().layout.setContentsMargins(1, 8, 1, 1)
        apply_house_style(self)
        self.legend = self.getPlotItem().addLegend(offset=(-8, 4), labelTextColor="#455a64",
                                                   brush=pg.mkBrush(255, 255, 255, 220))
        self.legend.setColumnCount(2)
        self.line = self.plot([], [], pen=pg.mkPen("#1565c0", width=2), name="")
        self.compare = self.plot([], [], pen=pg.mkPen("#9e9e9e", width=1.4, style=Qt.PenStyle.DashLine), name="")
        self.region = pg.LinearRegionItem(movable=False, brush=pg.mkBrush(21, 101, 192, 28), pen=pg.mkPen(None))
        self.region.setZValue(-10)
        self.addItem(self.region)
        self.thresholds: list[pg.InfiniteLine] = []
        self._ys: list[float] = []
        self.getPlotItem().getViewBox().sigResized.connect(self._refit)

    def set_series(self, points, label: str, percent: bool = False, compare_points=None,
                   compare_label: str = "", thresholds: dict | None = None, period: tuple[str, str] | None = None,
                   unit: str = "number", currency: str = "EUR") -> None:
        """Draw ``points``; ``thresholds`` = {"green": v, "red": v} absolute lines (not for trends);
        ``unit`` as for ValueAxis ("pct" when ``percent``)."""
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
        levels = []
        for key, value in (thresholds or {}).items():
            if value is None:
                continue
            level = value * 100.0 if percent else value
            levels.append(level)
            line = pg.InfiniteLine(pos=level, angle=0,
                                   pen=pg.mkPen(STATUS_COLORS[key], width=1, style=Qt.PenStyle.DotLine))
            self.addItem(line)
            self.thresholds.append(line)
        if period:
            self.region.setRegion((epoch(period[0]), epoch(period[1]) + 7 * DAY))
        self.region.setVisible(bool(period))
        self.value_axis.set_unit("pct" if percent else unit, currency)
        self._ys = ys + cy + levels
        if xs:
            self.getPlotItem().setXRange(min(xs + cx), max(xs + cx), padding=0.02)
        self._refit()

    def _refit(self) -> None:
        fit_with_legend(self, self.legend, self._ys)

    def legend_rect(self):
        """The legend's rectangle in scene coordinates (for tests and printing)."""
        return self.legend.mapRectToScene(self.legend.boundingRect())

    def data_rect(self):
        """The bounding rectangle of the drawn curves in scene coordinates."""
        view = self.getPlotItem().getViewBox()
        rect = self.line.dataBounds(0), self.line.dataBounds(1)
        cx, cy = self.compare.dataBounds(0), self.compare.dataBounds(1)
        xs = [v for v in (*rect[0], *cx) if v is not None]
        ys = [v for v in (*rect[1], *cy) if v is not None]
        from PySide6.QtCore import QRectF

        data = QRectF(min(xs), min(ys), max(xs) - min(xs), max(ys) - min(ys))
        return view.mapViewToScene(data).boundingRect()


def static_plot(parent=None, axis_items: dict | None = None) -> pg.PlotWidget:
    """A white plot in the house style, not zoomable or draggable (charts explain, not explore)."""
    plot = pg.PlotWidget(parent, background="w", axisItems=axis_items or {})
    plot.setMenuEnabled(False)
    plot.setMouseEnabled(x=False, y=False)
    plot.hideButtons()
    apply_house_style(plot)
    return plot
