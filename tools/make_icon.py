"""Draw the VendorDesk app icon with QPainter: resources/icons/vendordesk.png (and sizes).

Run: ``QT_QPA_PLATFORM=offscreen python tools/make_icon.py``. The icon is a rounded blue
square with three meshing gears in white and an orange arrow (the KAM's gears in motion).
"""

from __future__ import annotations

import math
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QGuiApplication, QImage, QPainter, QPainterPath, QPen

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"
BLUE, DARK, ORANGE = QColor("#1f5f99"), QColor("#163f66"), QColor("#f39c12")


def gear_path(cx: float, cy: float, radius: float, teeth: int, phase: float = 0.0) -> QPainterPath:
    """A gear outline with ``teeth`` trapezoid teeth and a hole in the middle."""
    path = QPainterPath()
    inner, outer = radius * 0.78, radius
    steps = teeth * 4
    for i in range(steps + 1):
        angle = phase + 2 * math.pi * i / steps
        r = outer if i % 4 in (1, 2) else inner
        point = QPointF(cx + r * math.cos(angle), cy + r * math.sin(angle))
        path.moveTo(point) if i == 0 else path.lineTo(point)
    path.closeSubpath()
    hole = QPainterPath()
    hole.addEllipse(QPointF(cx, cy), radius * 0.32, radius * 0.32)
    return path.subtracted(hole)


def draw(size: int = 256) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    s = size / 256.0
    p = QPainter(image)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(BLUE)
    p.drawRoundedRect(QRectF(8 * s, 8 * s, 240 * s, 240 * s), 48 * s, 48 * s)
    p.setBrush(QColor("white"))
    p.drawPath(gear_path(100 * s, 110 * s, 62 * s, 10))
    p.drawPath(gear_path(178 * s, 170 * s, 42 * s, 8, phase=0.2))
    p.setBrush(QColor(255, 255, 255, 200))
    p.drawPath(gear_path(178 * s, 72 * s, 30 * s, 7, phase=0.1))
    pen = QPen(ORANGE, 14 * s, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin)
    p.setPen(pen)
    p.setBrush(Qt.BrushStyle.NoBrush)
    trend = QPainterPath(QPointF(36 * s, 214 * s))
    trend.lineTo(QPointF(84 * s, 196 * s))
    trend.lineTo(QPointF(110 * s, 208 * s))
    trend.lineTo(QPointF(150 * s, 182 * s))
    p.drawPath(trend)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(ORANGE)
    head = QPainterPath(QPointF(164 * s, 172 * s))
    head.lineTo(QPointF(136 * s, 172 * s))
    head.lineTo(QPointF(158 * s, 198 * s))
    head.closeSubpath()
    p.drawPath(head)
    p.end()
    return image


def main() -> int:
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841 - fonts/paint need it
    ICONS.mkdir(parents=True, exist_ok=True)
    draw(256).save(str(ICONS / "vendordesk.png"))
    for size in (16, 32, 48, 128, 512):
        draw(size).save(str(ICONS / f"vendordesk-{size}.png"))
    print(f"icons written to {ICONS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
