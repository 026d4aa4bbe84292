"""Sort arrows that say which way a column runs: smallest first ▲, largest first ▼.

Qt hands the style ``SortDown`` for an ascending column. The Windows style draws that as the
theme's up arrow ("the uxtheme sort down indicator is the inverse of ours", qwindowsvistastyle),
but Fusion, the style on Linux, draws it as it is named: the forecast's "Gefährdet", sorted worst
first, pointed up. The window's style turns Fusion's flag round and leaves every other style alone.
"""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QProxyStyle, QStyle, QStyleOptionHeader

_TURNED = {QStyleOptionHeader.SortIndicator.SortUp: QStyleOptionHeader.SortIndicator.SortDown,
           QStyleOptionHeader.SortIndicator.SortDown: QStyleOptionHeader.SortIndicator.SortUp}


class SortArrowStyle(QProxyStyle):
    """The platform's style, with Fusion's header sort arrows pointing the way the rows run."""

    def drawPrimitive(self, element, option, painter, widget=None) -> None:   # (a Qt override)
        fusion = self.baseStyle().name().lower() == "fusion"
        if fusion and element == QStyle.PrimitiveElement.PE_IndicatorHeaderArrow \
                and isinstance(option, QStyleOptionHeader) and option.sortIndicator in _TURNED:
            option = QStyleOptionHeader(option)
            option.sortIndicator = _TURNED[option.sortIndicator]
        super().drawPrimitive(element, option, painter, widget)


def install_sort_arrows(app: QApplication) -> None:
    """Give ``app`` the style (once; before its first window)."""
    if not isinstance(app.style(), SortArrowStyle):
        app.setStyle(SortArrowStyle(app.style().name()))
