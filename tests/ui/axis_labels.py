"""The tick texts a pyqtgraph axis would paint now, for the chart tests."""

from __future__ import annotations


def drawn_labels(axis) -> list[str]:
    """The axis' tick texts from pyqtgraph's own draw specs (axis, ticks, texts)."""
    from PySide6.QtGui import QImage, QPainter

    image = QImage(10, 10, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    try:
        specs = axis.generateDrawSpecs(painter)
    finally:
        painter.end()
    return [text for _rect, _flags, text in specs[2]] if specs else []
