"""Honest chart images for the printed briefs, painted with QPainter onto a QImage.

Rules (issue 16): a bar or waterfall axis starts at zero or marks its break (a zigzag on the axis
and on every cut bar, and the axis title says so); every axis carries its unit in the brief's
language (€, Tsd. €/Mio. €, Stück, %), German charts use German separators and never k/M;
the legend sits below the plot, outside the data. Texts come from the gettext catalogue.
"""

from __future__ import annotations

import datetime as dt
import math

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QImage, QPainter, QPainterPath, QPen

from vendordesk.briefs.common import CHART_AXIS_CUT as AXIS_CUT
from vendordesk.briefs.common import CHART_PIECES
from vendordesk.briefs.common import CHART_UNITS as UNITS
from vendordesk.text import formatter, texts

TOTAL, UP, DOWN = "#546e7a", "#2e7d32", "#c62828"
W, H, SCALE = 1800, 760, 2.5          # image pixels; SCALE = image pixels per layout point


def money_unit(max_abs: float, lang: str) -> tuple[float, str]:
    """(divisor, axis unit): below 10.000 in €, below 10 million in thousand €, else million €."""
    div = 1e6 if max_abs >= 1e7 else 1e3 if max_abs >= 1e4 else 1.0
    return div, texts(lang)(UNITS[div])


def nice_ticks(lo: float, hi: float, count: int = 5) -> list[float]:
    """Round tick values from ``lo`` to ``hi`` (1, 2, 2.5 or 5 times a power of ten apart)."""
    span = max(hi - lo, 1e-9)
    raw = span / count
    mag = 10 ** math.floor(math.log10(raw))
    step = next(m * mag for m in (1, 2, 2.5, 5, 10) if m * mag >= raw)
    first = math.ceil(lo / step - 1e-9) * step
    return [first + i * step for i in range(int((hi - first) / step + 1e-9) + 1)]


class Canvas:
    """A QImage with a plot rectangle, fonts scaled to print at ~8 pt in a 16 cm wide image."""

    def __init__(self, width: int = W, height: int = H, legend_rows: int = 1):
        self.image = QImage(width, height, QImage.Format.Format_ARGB32)
        self.image.fill(QColor("white"))
        self.p = QPainter(self.image)
        self.p.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.font = QFont("DejaVu Sans")
        self.font.setPixelSize(int(11 * SCALE * 1.3))
        self.p.setFont(self.font)
        legend = legend_rows * 16 * SCALE * 1.3
        self.plot = QRectF(80 * SCALE, 24 * SCALE, width - 96 * SCALE, height - 24 * SCALE - 40 * SCALE - legend)

    def y_of(self, v: float, lo: float, hi: float) -> float:
        return self.plot.bottom() - (v - lo) / (hi - lo) * self.plot.height()

    def y_axis(self, ticks: list[float], lo: float, hi: float, label, title: str, cut: bool = False) -> None:
        p = self.p
        p.setPen(QPen(QColor("#eceff1"), 1 * SCALE))
        for v in ticks:
            y = self.y_of(v, lo, hi)
            p.drawLine(QPointF(self.plot.left(), y), QPointF(self.plot.right(), y))
        p.setPen(QPen(QColor("#455a64"), 1 * SCALE))
        p.drawLine(self.plot.bottomLeft(), self.plot.topLeft())
        p.drawLine(self.plot.bottomLeft(), self.plot.bottomRight())
        for v in ticks:
            y = self.y_of(v, lo, hi)
            p.drawText(QRectF(0, y - 10 * SCALE, self.plot.left() - 6 * SCALE, 20 * SCALE),
                       int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), label(v))
        p.drawText(QRectF(self.plot.left(), 0, self.plot.width(), 18 * SCALE),
                   int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), title)
        if cut:
            self.zigzag(self.plot.left(), self.plot.bottom() - 8 * SCALE, "#455a64")

    def zigzag(self, x: float, y: float, color: str, width: float = 10 * SCALE) -> None:
        """The break mark: two short slanted strokes on white."""
        p = self.p
        p.fillRect(QRectF(x - width / 2, y - 3 * SCALE, width, 6 * SCALE), QColor("white"))
        p.setPen(QPen(QColor(color), 1.2 * SCALE))
        for dy in (-3 * SCALE, 3 * SCALE):
            p.drawLine(QPointF(x - width / 2, y + dy + 2 * SCALE), QPointF(x + width / 2, y + dy - 2 * SCALE))

    def x_labels(self, labels: list[tuple[float, str]], width: float) -> None:
        self.p.setPen(QColor("#263238"))
        for x, text in labels:
            x = min(x, self.image.width() - width / 2)          # the last label stays inside the image
            self.p.drawText(QRectF(x - width / 2, self.plot.bottom() + 4 * SCALE, width, 34 * SCALE),
                            int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap),
                            text)

    def legend(self, items: list[tuple[str, str, bool]]) -> None:
        """(name, colour, dashed line?) in one row below the x labels: never over the data."""
        p, x = self.p, self.plot.left()
        y = self.image.height() - 12 * SCALE * 1.3
        for name, color, dashed in items:
            pen = QPen(QColor(color), 3 * SCALE)
            pen.setStyle(Qt.PenStyle.DashLine if dashed else Qt.PenStyle.SolidLine)
            p.setPen(pen)
            p.drawLine(QPointF(x, y), QPointF(x + 24 * SCALE, y))
            p.setPen(QColor("#263238"))
            rect = QRectF(x + 30 * SCALE, y - 10 * SCALE, 400 * SCALE, 20 * SCALE)
            p.drawText(rect, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), name)
            x += 30 * SCALE + p.fontMetrics().horizontalAdvance(name) + 26 * SCALE

    def done(self) -> QImage:
        self.p.end()
        return self.image


def fitted_font(font: QFont, texts_: list[str], width: float) -> QFont:
    """``font``, or a smaller copy of it (down to 60 %) in which every word of ``texts_`` is at most
    ``width`` wide: a label may wrap between words but is never cut inside one."""
    words = [word for text in texts_ for word in text.split()] or [""]
    widest = max(QFontMetricsF(font).horizontalAdvance(word) for word in words)
    if widest <= width:
        return font
    fitted = QFont(font)
    fitted.setPixelSize(max(int(font.pixelSize() * width / widest), int(font.pixelSize() * 0.6)))
    while fitted.pixelSize() > font.pixelSize() * 0.6 and max(
            QFontMetricsF(fitted).horizontalAdvance(word) for word in words) > width:
        fitted.setPixelSize(fitted.pixelSize() - 1)
    return fitted


def waterfall_floor(levels: list[float], deltas: list[float]) -> float:
    """Where the waterfall's axis starts: 0, unless every level is above 4x the largest swing;
    then a round value at least 1.5 swings below the lowest level (the chart marks the break)."""
    swing = max(max(levels) - min(levels), max((abs(d) for d in deltas), default=0.0), 1.0)
    if min(levels) > 0 and min(levels) > 4 * swing:
        return nice_ticks(0, min(levels) - 1.5 * swing, 4)[-1]
    return 0.0


def waterfall_image(start: tuple[str, float], steps: list[tuple[str, float]], end: tuple[str, float],
                    lang: str) -> QImage:
    """Start bar, one floating bar per step (green up, red down), end bar, values on the bars.

    The axis starts at zero unless the steps would be invisible (all levels above 4× the
    largest swing): then it starts at a round value below the lowest level, the axis and the two
    total bars carry a break mark and the axis title says where it is cut."""
    f = formatter(lang)
    levels, running = [start[1]], start[1]
    for _, d in steps:
        running += d
        levels.append(running)
    levels.append(end[1])
    lo = waterfall_floor(levels, [d for _, d in steps])
    top = max(levels) * 1.08 if max(levels) > 0 else 1.0
    div, unit = money_unit(max(abs(v) for v in levels), lang)
    cut = lo > 0
    title = unit + (" · " + texts(lang)(AXIS_CUT, v=f.number(lo / div) + " " + unit) if cut else "")
    c = Canvas()
    ticks = [t for t in nice_ticks(lo, top) if t >= lo]
    c.y_axis(ticks, lo, top, lambda v: f.number(v / div, 0 if div == 1 or (v / div).is_integer() else 1), title, cut)
    n = len(steps) + 2
    slot = c.plot.width() / n
    bars, running = [(start[0], 0.0, start[1], TOTAL, start[1])], start[1]
    for name, d in steps:
        bars.append((name, min(running, running + d), abs(d), UP if d >= 0 else DOWN, d))
        running += d
    bars.append((end[0], 0.0, end[1], TOTAL, end[1]))
    tops: list[tuple[float, float, str]] = []     # (bar's left, bar's top, its value)
    for i, (_name, base, height, color, value) in enumerate(bars):
        x0 = c.plot.left() + slot * (i + 0.2)
        y_top = c.y_of(max(base + height, lo), lo, top)
        y_bottom = c.y_of(max(base, lo), lo, top)
        rect = QRectF(x0, y_top, slot * 0.6, max(y_bottom - y_top, 1.0 * SCALE))
        c.p.fillRect(rect, QColor(color))
        if cut and base <= lo:
            c.zigzag(rect.center().x(), c.plot.bottom() - 8 * SCALE, color, rect.width() + 4 * SCALE)
        tops.append((x0, y_top, f.money(value, "EUR", 0, signed=i not in (0, n - 1))))
    # the values stay on one line each and the names wrap only between words: both in a font that
    # fits one bar's slot (at 8 bars, "Einkaufspreis" and "2.737.735 €" are wider than a slot)
    room = slot * 0.96
    c.p.setPen(QColor("#263238"))
    c.p.setFont(fitted_font(c.font, [text.replace("\u00a0", "") for *_, text in tops], room))
    for x0, y_top, text in tops:
        c.p.drawText(QRectF(x0 - slot * 0.2, y_top - 18 * SCALE, slot, 16 * SCALE),
                     int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom), text)
    c.p.setFont(fitted_font(c.font, [b[0] for b in bars], room))
    c.x_labels([(c.plot.left() + slot * (i + 0.5), b[0]) for i, b in enumerate(bars)], slot)
    return c.done()


def bars_image(groups: list[str], series: list[tuple[str, str, list[float]]], lang: str,
               unit_money: bool = True) -> QImage:
    """Grouped bars from zero (e.g. target and actual per month), legend below."""
    f = formatter(lang)
    top = max([max(v, default=0.0) for _, _, v in series] + [1.0]) * 1.1
    div, unit = money_unit(top, lang) if unit_money else (1.0, texts(lang)(CHART_PIECES))
    c = Canvas()
    c.y_axis(nice_ticks(0, top), 0, top, lambda v: f.number(v / div, 0), unit)
    slot = c.plot.width() / max(len(groups), 1)
    width = slot * 0.8 / max(len(series), 1)
    for j, (_, color, values) in enumerate(series):
        for i, v in enumerate(values):
            x0 = c.plot.left() + slot * (i + 0.1) + j * width
            y = c.y_of(max(v, 0.0), 0, top)
            c.p.fillRect(QRectF(x0, y, width * 0.92, c.plot.bottom() - y), QColor(color))
    c.x_labels([(c.plot.left() + slot * (i + 0.5), g) for i, g in enumerate(groups)], slot)
    c.legend([(name, color, False) for name, color, _ in series])
    return c.done()


def month_labels(weeks: list[str], lang: str, left: float, width: float, width_of, gap: float,
                 right: float = math.inf) -> list[tuple[float, str]]:
    """(x, text) of the month labels under weekly points spread from ``left`` over ``width``: one on
    the first week of every ``step``-th month (1, 2, 3, 6 or 12 months, the smallest whose labels keep
    ``gap`` apart, measured with ``width_of``), in the brief's language, the year written out on
    January and on the first label as on the window's forecast axis (ui.fmt.month_form)."""
    from babel.dates import format_date

    from vendordesk.ui.fmt import month_form

    locale = formatter(lang).locale
    n = max(len(weeks) - 1, 1)
    firsts: list[tuple[float, dt.date]] = []   # (x, first week of a month)
    for i, w in enumerate(weeks):
        day = dt.date.fromisoformat(str(w)[:10])
        if not firsts or (day.year, day.month) != (firsts[-1][1].year, firsts[-1][1].month):
            firsts.append((left + width * i / n, day))
    labels: list[tuple[float, str]] = []
    for step in (1, 2, 3, 6, 12):
        chosen = [(x, day) for x, day in firsts if (day.month - 1) % step == 0]
        labels = [(x, format_date(day, month_form(k, day), locale=locale)) for k, (x, day) in enumerate(chosen)]
        labels = [(x, text) for x, text in labels if x + width_of(text) / 2 <= right]
        if all(b[0] - a[0] >= (width_of(a[1]) + width_of(b[1])) / 2 + gap for a, b in zip(labels, labels[1:])):
            break
    return labels


def lines_image(weeks: list[str], series: list[tuple[str, str, list[float], bool]], lang: str,
                unit: str) -> QImage:
    """Weekly lines (name, colour, values, dashed) on a value axis from zero; month labels in the
    brief's language; a last-year series is passed already moved onto this year's weeks."""
    f = formatter(lang)
    values = [v for _, _, vs, _ in series for v in vs if v is not None and not math.isnan(v)]
    top = max(values + [1.0]) * 1.12
    c = Canvas()
    c.y_axis(nice_ticks(0, top), 0, top, lambda v: f.number(v, 0 if top > 20 else 1), unit)
    n = max(len(weeks) - 1, 1)
    x_of = lambda i: c.plot.left() + c.plot.width() * i / n
    for _, color, vs, dashed in series:
        pen = QPen(QColor(color), 2.2 * SCALE)
        pen.setStyle(Qt.PenStyle.DashLine if dashed else Qt.PenStyle.SolidLine)
        c.p.setPen(pen)
        path, drawing = QPainterPath(), False
        for i, v in enumerate(vs):
            if v is None or math.isnan(v):
                drawing = False
                continue
            point = QPointF(x_of(i), c.y_of(v, 0, top))
            path.lineTo(point) if drawing else path.moveTo(point)
            drawing = True
        c.p.drawPath(path)
    labels = month_labels(weeks, lang, c.plot.left(), c.plot.width(), c.p.fontMetrics().horizontalAdvance,
                          gap=14 * SCALE, right=c.image.width())
    room = max((c.p.fontMetrics().horizontalAdvance(text) for _, text in labels), default=0) + 14 * SCALE
    c.x_labels(labels, room)
    c.legend([(name, color, dashed) for name, color, _, dashed in series])
    return c.done()
