"""Where word-wrapped text breaks, laid out as QLabel lays it out, for the layout tests."""

from __future__ import annotations


def line_starts(text: str, font, width: int) -> list[int]:
    """The index in ``text`` where each wrapped line starts at ``width`` pixels in ``font``."""
    from PySide6.QtGui import QTextLayout, QTextOption

    layout = QTextLayout(text, font)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WordWrap)
    layout.setTextOption(option)
    layout.beginLayout()
    starts = []
    while (line := layout.createLine()).isValid():
        line.setLineWidth(width)
        starts.append(line.textStart())
    layout.endLayout()
    return starts
