"""Small pieces the negotiation editors share: locale-aware number cells, the message label
shown under a field, and reading/writing numbers in table cells."""

from __future__ import annotations

from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QHeaderView, QLabel, QTableWidget, QTableWidgetItem

from vendordesk.ui import fmt

ERROR_BG = QColor("#ffebee")
COLORS = {"error": "#b71c1c", "warning": "#e65100", "info": "#1565c0"}


def parse_number(text: str) -> float | None:
    """'' -> None; '1.234,56' (de) or '1,234.56' (en) -> float; raises ValueError otherwise."""
    text = (text or "").strip().replace("%", "").replace("€", "").replace("£", "").strip()
    if not text:
        return None
    value, ok = QLocale().toDouble(text)
    if not ok:
        value, ok = QLocale.c().toDouble(text)
    if not ok:
        raise ValueError(text)
    return value


def show_number(value: float | None, decimals: int = 2) -> str:
    return "" if value is None else QLocale().toString(float(value), "f", decimals)


class MessageLabel(QLabel):
    """The messages of one field, coloured by their worst severity; hidden when empty."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.RichText)
        self.hide()

    def set_messages(self, messages: list[tuple[str, str]]) -> None:
        if not messages:
            self.clear()
            self.hide()
            return
        lines = [f"<span style='color:{COLORS.get(sev, '#37474f')}'>{text}</span>" for sev, text in messages]
        self.setText("<br/>".join(lines))
        self.show()


def make_table(headers: list[str], parent=None, stretch: int | None = None) -> QTableWidget:
    table = QTableWidget(0, len(headers), parent)
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().setVisible(False)
    table.setAlternatingRowColors(True)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    if stretch is not None:
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return table


def readonly_item(text: str, numeric: bool = True, tooltip: str = "") -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
    if numeric:
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    if tooltip:
        item.setToolTip(tooltip)
    return item


def number_item(value: float | None, decimals: int = 2) -> QTableWidgetItem:
    item = QTableWidgetItem(show_number(value, decimals))
    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return item


def cell_number(table: QTableWidget, row: int, col: int, scale: float = 1.0) -> tuple[float | None, bool]:
    """(value / scale, ok); a cell that is not a number is marked and reads as None."""
    item = table.item(row, col)
    if item is None:
        return None, True
    try:
        value = parse_number(item.text())
    except ValueError:
        item.setBackground(QBrush(ERROR_BG))
        return None, False
    item.setBackground(QBrush())
    return (None if value is None else value / scale), True


def money(value, currency: str) -> str:
    return fmt.money(value, currency)


def percent(value, signed: bool = False) -> str:
    text = fmt.percent(value)
    if signed and value is not None and value > 0:
        text = "+" + text
    return text
