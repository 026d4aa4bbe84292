"""pyqtgraph charts of the influence views: bridge waterfall, monthly target bars, what-if paths.

Each ``draw_*`` fills a PlotWidget; ``chart_image`` renders one off-screen to a QImage for the
printed management brief (ImageExporter, white background).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import pyqtgraph as pg
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QFont, QImage, QPainter
from PySide6.QtWidgets import QWidget

from vendordesk.ui.charts import ValueAxis, legend_above, static_plot

if TYPE_CHECKING:
    import pandas as pd

UP, DOWN, TOTAL = "#2e7d32", "#c62828", "#546e7a"
PALETTE = ("#1565c0", "#c62828", "#2e7d32", "#ef6c00", "#6a1b9a", "#00838f", "#5d4037", "#9e9d24")


def make_plot(parent: QWidget | None = None, short_axis: bool = False) -> pg.PlotWidget:
    """``short_axis``: a euro axis ("Tsd. €" / "Mio. €" as its label, locale ticks; ui.charts.ValueAxis)."""
    # the other charts' value axes have locale ticks too ("−200", "0,5"; pyqtgraph drew "-200", "0.5")
    axes = {"left": ValueAxis("money" if short_axis else "number", orientation="left")}
    plot = static_plot(parent, axes)
    plot.showGrid(x=False, y=True, alpha=0.2)
    for side in ("left", "bottom"):    # labels on the major ticks only: at 1920×1080
        plot.getAxis(side).setStyle(maxTextLevel=0)     # pyqtgraph labelled all 17 of 0, −50 … −800
    return plot


def short_money(value: float, currency: str = "EUR") -> str:
    """Bar labels in the axis's words: 454.000 -> "454 Tsd. €" / "€454k", 1.234.567 -> "1,23 Mio. €" /
    "€1.23M" (locale decimals via fmt.number); below a thousand the plain amount ("0 €")."""
    from PySide6.QtCore import QCoreApplication

    from vendordesk.ui import fmt

    symbol = {"EUR": "€", "GBP": "£", "USD": "$", "INR": "₹"}.get(currency, currency)
    if abs(value) >= 1_000_000:
        # %1 the amount in millions, %2 the currency symbol
        text = QCoreApplication.translate("Charts", "%2%1M")
        return text.replace("%1", fmt.number(value / 1_000_000, 2 if abs(value) < 10_000_000 else 1)).replace("%2", symbol)
    if abs(value) >= 1_000:
        # %1 the amount in thousands, %2 the currency symbol
        text = QCoreApplication.translate("Charts", "%2%1k")
        return text.replace("%1", fmt.number(value / 1_000, 0)).replace("%2", symbol)
    return fmt.money(value, currency, 0)


class Swatch(pg.ItemSample):
    """A bar's legend sample: the box alone. pyqtgraph's sample draws the item's pen as a line
    from x = 0 to 20 and the box from x = 2, which left a stub left of each box ("-[ ] Ziel")."""

    def paint(self, p: QPainter, *args: object) -> None:
        opts = self.item.opts
        p.setPen(pg.mkPen(opts.get("pen")))
        p.setBrush(pg.mkBrush(opts.get("brush")))
        p.drawRect(QRectF(2, 2, 18, 18))


def _legend(plot: pg.PlotWidget) -> pg.LegendItem:
    """The chart's legend, emptied: in its own row above the plot, never on the data (the KPI
    paths' legend sat bottom right on the 0 line every path returns to)."""
    legend = legend_above(plot)
    legend.clear()
    return legend


def _label(plot: pg.PlotWidget, x: float, y: float, text: str, anchor: tuple[float, float] = (0.5, 1.0),
           size: int = 8) -> None:
    item = pg.TextItem(text, color="#263238", anchor=anchor)
    font = QFont()
    font.setPointSize(size)
    item.setFont(font)
    item.setPos(x, y)
    plot.addItem(item)


def draw_waterfall(plot: pg.PlotWidget, start: tuple[str, float], steps: list[tuple[str, float]],
                   end: tuple[str, float]) -> None:
    """Start bar, one floating bar per step (green up, red down), end bar."""
    plot.clear()
    xs: list[int] = [0]
    bottoms: list[float] = [0.0]
    heights: list[float] = [start[1]]
    brushes: list[str] = [TOTAL]
    labels: list[float] = [start[1]]
    running = start[1]
    for i, (_, delta) in enumerate(steps, start=1):
        xs.append(i)
        bottoms.append(running if delta >= 0 else running + delta)
        heights.append(abs(delta))
        brushes.append(UP if delta >= 0 else DOWN)
        labels.append(delta)
        running += delta
    xs.append(len(steps) + 1)
    bottoms.append(0.0)
    heights.append(end[1])
    brushes.append(TOTAL)
    labels.append(end[1])
    bars = pg.BarGraphItem(x=xs, y0=bottoms, height=heights, width=0.62, brushes=[pg.mkBrush(c) for c in brushes],
                           pens=[pg.mkPen(QColor(c).darker(120)) for c in brushes])
    plot.addItem(bars)
    names = [start[0], *[s[0] for s in steps], end[0]]
    plot.getAxis("bottom").setTicks([[(x, n) for x, n in zip(xs, names)]])
    top = max(b + h for b, h in zip(bottoms, heights)) if heights else 1.0
    for x, b, h, v, i in zip(xs, bottoms, heights, labels, range(len(xs))):
        sign = "" if abs(v) < 0.5 else "+" if v > 0 else "−"
        text = short_money(v) if i in (0, len(xs) - 1) else sign + short_money(abs(v))
        _label(plot, x, b + h, text)
    levels = [start[1], end[1]]
    running = start[1]
    for _, delta in steps:
        running += delta
        levels.append(running)
    span = max(max(levels) - min(levels), sum(abs(d) for _, d in steps), 1.0)
    floor = min(levels) - 1.2 * span              # a broken axis: the totals are cut, the steps readable
    floor = 0.0 if floor < 0.25 * min(levels) or min(levels) <= 0 else floor
    plot.setYRange(floor, top + (top - floor) * 0.1, padding=0)
    plot.setXRange(-0.6, len(xs) - 0.4, padding=0)


MONTHLY_COLORS = ("#cfd8dc", "#1565c0", "#90caf9")


def draw_monthly(plot: pg.PlotWidget, monthly: pd.DataFrame, month_names: list[str], names: tuple[str, str, str],
                 legend: bool = True) -> None:
    """Per month: target (grey), actual (blue), projected (light blue) stacked on actual."""
    plot.clear()
    x = monthly["month"].to_numpy(float)
    actual, projected, target = (monthly[c].to_numpy(float) for c in ("actual", "projected", "target"))
    bars = (pg.BarGraphItem(x=x - 0.17, height=target, width=0.3, brush=pg.mkBrush(MONTHLY_COLORS[0]),
                            pen=pg.mkPen("#78909c")),
            pg.BarGraphItem(x=x + 0.17, height=actual, width=0.3, brush=pg.mkBrush(MONTHLY_COLORS[1])),
            pg.BarGraphItem(x=x + 0.17, y0=actual, height=projected, width=0.3, brush=pg.mkBrush(MONTHLY_COLORS[2])))
    rows = _legend(plot) if legend else None
    for bar, name in zip(bars, names):
        plot.addItem(bar)
        if rows is not None:
            rows.addItem(Swatch(bar), name)
    plot.getAxis("bottom").setTicks([[(i + 1, n) for i, n in enumerate(month_names)]])
    top = float(max((target.max() if len(target) else 0), (actual + projected).max() if len(x) else 0, 1))
    plot.setYRange(0, top * 1.15, padding=0)
    plot.setXRange(0.4, 12.6, padding=0)


def draw_paths(plot: pg.PlotWidget, paths: dict[str, list[float]], names: dict[str, str], percent: bool = True) -> None:
    """One line per KPI (deviation vs. baseline, in % or points x 100). Curves and legend rows
    are kept on the plot and only get new data when the same KPIs are drawn again (fast re-runs)."""
    keys = tuple(paths)
    if getattr(plot, "_path_keys", None) != keys:
        plot.clear()
        legend = _legend(plot)
        plot._path_curves = []
        for i, kpi in enumerate(keys):
            curve = pg.PlotDataItem(pen=pg.mkPen(PALETTE[i % len(PALETTE)], width=2))
            plot.addItem(curve)
            legend.addItem(curve, names.get(kpi, kpi))
            plot._path_curves.append(curve)
        plot.addLine(y=0, pen=pg.mkPen("#90a4ae", width=1))
        plot._path_keys = keys
    for curve, kpi in zip(plot._path_curves, keys):
        ys = [v * 100 if percent else v for v in paths[kpi]]
        curve.setData(list(range(1, len(ys) + 1)), ys)
    plot.enableAutoRange()


def chart_image(draw: Callable[[pg.PlotWidget], None], width: int = 1800, height: int = 700,
                short_axis: bool = True, layout_width: int = 900) -> QImage | None:
    """Render a chart off-screen (GUI thread) to a QImage; None when it fails.

    The chart is laid out ``layout_width`` pixels wide (font sizes relative to that), then
    exported ``width`` pixels wide."""
    plot = make_plot(short_axis=short_axis)
    w, h = layout_width, layout_width * height // width
    plot.resize(w, h)
    plot.plotItem.setGeometry(0, 0, w, h)
    try:
        draw(plot)
        from pyqtgraph.exporters import ImageExporter

        exporter = ImageExporter(plot.plotItem)
        exporter.parameters()["width"] = width
        image = exporter.export(toBytes=True)
        return image if isinstance(image, QImage) and not image.isNull() else None
    finally:
        plot.deleteLater()


def draw_path_waterfall(plot: pg.PlotWidget, steps: list[tuple[str, float]], total: tuple[str, float],
                        money: Callable[[float], str]) -> None:
    """Floating bars from 0, one per path (green up, red down), then the total bar: the paths of a
    what-if in euros, which add up to the total. ``money`` labels each bar."""
    plot.clear()
    xs: list[int] = []
    bottoms: list[float] = []
    heights: list[float] = []
    colors: list[str] = []
    values: list[float] = []
    running = 0.0
    for i, (_, delta) in enumerate(steps):
        xs.append(i)
        bottoms.append(min(running, running + delta))
        heights.append(abs(delta))
        colors.append(UP if delta >= 0 else DOWN)
        values.append(delta)
        running += delta
    xs.append(len(steps))
    bottoms.append(min(0.0, total[1]))
    heights.append(abs(total[1]))
    colors.append(TOTAL)
    values.append(total[1])
    plot.addItem(pg.BarGraphItem(x=xs, y0=bottoms, height=heights, width=0.6, brushes=[pg.mkBrush(c) for c in colors],
                                 pens=[pg.mkPen(QColor(c).darker(120)) for c in colors]))
    plot.addLine(y=0, pen=pg.mkPen("#90a4ae", width=1))
    names = [s[0] for s in steps] + [total[0]]
    plot.getAxis("bottom").setTicks([[(x, n) for x, n in zip(xs, names)]])
    lo = min([0.0, *bottoms])
    hi = max([0.0, *[b + h for b, h in zip(bottoms, heights)]])
    span = max(hi - lo, 1.0)
    for x, b, h, v in zip(xs, bottoms, heights, values):
        top = v >= 0
        _label(plot, x, b + h if top else b, money(v), anchor=(0.5, 1.0) if top else (0.5, 0.0))
    plot.setYRange(lo - 0.15 * span, hi + 0.15 * span, padding=0)
    plot.setXRange(-0.6, len(xs) - 0.4, padding=0)


def draw_band(plot: pg.PlotWidget, mid: list[float], low: list[float] | None, high: list[float] | None,
              name: str, band_name: str) -> None:
    """A cumulative change per week with its 10-90 % band (shaded), the 0 line always in view; the
    legend above the plot."""
    plot.clear()
    legend = _legend(plot)
    xs = list(range(1, len(mid) + 1))
    if low and high:
        lo_item = pg.PlotDataItem(xs, low, pen=pg.mkPen("#90caf9", width=1))
        hi_item = pg.PlotDataItem(xs, high, pen=pg.mkPen("#90caf9", width=1))
        fill = pg.FillBetweenItem(lo_item, hi_item, brush=pg.mkBrush(144, 202, 249, 110))
        for item in (lo_item, hi_item, fill):
            plot.addItem(item)
        proxy = pg.BarGraphItem(x=[], height=[], width=0.5, brush=pg.mkBrush(144, 202, 249, 160))
        legend.addItem(Swatch(proxy), band_name)  # a swatch for the shaded band
    line = pg.PlotDataItem(xs, mid, pen=pg.mkPen(PALETTE[0], width=2))
    plot.addItem(line)
    legend.addItem(line, name)
    plot.addLine(y=0, pen=pg.mkPen("#90a4ae", width=1))
    values = [0.0, *mid, *(low or []), *(high or [])]
    plot.setYRange(min(values), max(values), padding=0.05)
    plot.setXRange(1, max(len(mid), 2), padding=0.02)
