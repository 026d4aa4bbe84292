"""Supply entry for one ASIN: weekly capacity, lead time, own stock; validated at the field."""

from __future__ import annotations

import math
from typing import cast

from PySide6.QtCore import QLocale, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
)

from vendordesk.errors import UserError


def parse_number(text: str):
    """Locale-aware number from a field ('' -> None); raises UserError on text."""
    text = text.strip()
    if not text:
        return None
    value, ok = QLocale().toDouble(text)
    if ok:
        return value
    try:
        return float(text.replace(",", "."))
    except ValueError:
        raise UserError(f"'{text}' is not a number.") from None


class SupplyForm(QGroupBox):
    """Signals:
    saved(str): the supply of this ASIN was written.
    """

    saved = Signal(str)

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.asin = ""
        self.setTitle(self.tr("Supply"))
        self.capacity = QLineEdit()
        self.capacity.setPlaceholderText(self.tr("units per week, empty = unknown"))
        self.lead = QLineEdit()
        self.lead.setPlaceholderText(self.tr("weeks from PO to FC"))
        self.stock = QLineEdit()
        self.stock.setPlaceholderText(self.tr("units in our warehouse"))
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #c62828;")
        self.error.hide()
        self.save_button = QPushButton(self.tr("Save supply"))
        self.save_button.clicked.connect(self.save)
        form = QFormLayout()
        form.setVerticalSpacing(3)       # compact: at 1280×720 the chart above needs the height
        form.addRow(self.tr("Weekly capacity"), self.capacity)
        form.addRow(self.tr("Lead time (weeks)"), self.lead)
        form.addRow(self.tr("Own stock (units)"), self.stock)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 2, 8, 4)
        layout.setSpacing(3)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.save_button)
        for field in (self.capacity, self.lead, self.stock):
            field.editingFinished.connect(self.validate)

    def set_asin(self, asin: str, row: dict | None) -> None:
        self.asin = asin
        row = row or {}
        self.setTitle(self.tr("Supply of %1").replace("%1", asin))
        for field, key, decimals in ((self.capacity, "weekly_capacity_units", 0), (self.lead, "lead_time_weeks", 1),
                                     (self.stock, "own_stock_units", 0)):
            value = row.get(key)
            missing = value is None or math.isnan(float(value))
            field.setText("" if missing else QLocale().toString(float(cast(float, value)), "f", decimals))
        self._show_error("")

    def _values(self):
        from vendordesk.ops.forecast_plan import (
            validate_capacity,
            validate_lead_time,
            validate_stock,
        )

        capacity = validate_capacity(parse_number(self.capacity.text()), self.asin)
        lead = validate_lead_time(parse_number(self.lead.text()), self.asin)
        stock = validate_stock(parse_number(self.stock.text()), self.asin)
        return capacity, lead, stock

    def _show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(bool(text))
        self.save_button.setEnabled(not text)

    def validate(self) -> bool:
        """Check every field now; show the first problem under the fields."""
        try:
            self._values()
        except UserError as exc:
            self._show_error(self._translate(str(exc)))
            return False
        self._show_error("")
        return True

    def _translate(self, message: str) -> str:
        if "capacity" in message:
            return self.tr("Weekly capacity must be more than 0 units (leave it empty if unknown).")
        if "lead time" in message:
            return self.tr("Lead time must be more than 0 and at most 52 weeks.")
        if "own stock" in message:
            return self.tr("Own stock cannot be negative.")
        return self.tr("Enter plain numbers, for example 120.")

    def save(self) -> None:
        if not self.asin or not self.validate():
            return
        from vendordesk.ops.forecast_plan import save_supply

        capacity, lead, stock = self._values()
        try:
            save_supply(self.ctx.workspace, self.asin, capacity, lead, stock)
        except UserError as exc:
            self._show_error(self._translate(str(exc)))
            return
        self.saved.emit(self.asin)
