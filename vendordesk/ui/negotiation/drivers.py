"""The cost drivers: weight in the unit cost and change per driver, with index and source.
When the weights do not sum to 100 % the editor offers to normalise them."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QTableWidgetItem, QVBoxLayout, QWidget

from vendordesk.core.negotiation.analysis import justified_increase, normalise_weights
from vendordesk.core.negotiation.model import DRIVERS, Driver
from vendordesk.ui.negotiation.fields import MessageLabel, cell_number, make_table, number_item, percent, readonly_item


class DriversEditor(QWidget):
    """Signals: edited() after any change by the user."""

    edited = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self._loading = False
        self.names = {"materials": self.tr("Raw materials"), "energy": self.tr("Energy"), "labour": self.tr("Labour"),
                      "freight": self.tr("Freight"), "tariffs": self.tr("Tariffs (HTS)"), "fx": self.tr("FX")}
        self.table = make_table([self.tr("Driver"), self.tr("Weight in cost (%)"), self.tr("Change (%)"),
                                 self.tr("Index"), self.tr("Source")], stretch=3)
        self.table.horizontalHeader().setSectionResizeMode(4, self.table.horizontalHeader().ResizeMode.Stretch)
        self.table.setRowCount(len(DRIVERS))
        for row, key in enumerate(DRIVERS):
            self.table.setItem(row, 0, readonly_item(self.names[key], numeric=False))
        self.summary = QLabel()
        self.normalise = QPushButton(self.tr("Normalise weights to 100 %"))
        self.normalise.hide()
        self.msg = MessageLabel()
        row = QHBoxLayout()
        row.addWidget(self.summary, 1)
        row.addWidget(self.normalise)
        layout = QVBoxLayout(self)
        hint = QLabel(self.tr("Weight: share of the driver in our unit cost. Change: how much that cost rose. "
                              "The justified increase is the sum of weight × change."))
        hint.setWordWrap(True)
        layout.addWidget(hint)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        layout.addWidget(self.msg)
        self.table.itemChanged.connect(self._changed)
        self.normalise.clicked.connect(self._normalise)

    def _changed(self, *args) -> None:
        if not self._loading:
            self.edited.emit()

    def set_drivers(self, drivers: list[Driver]) -> None:
        by_key = {d.driver: d for d in drivers}
        self._loading = True
        try:
            for row, key in enumerate(DRIVERS):
                d = by_key.get(key)
                self.table.setItem(row, 1, number_item(None if d is None else d.weight * 100, 1))
                self.table.setItem(row, 2, number_item(None if d is None else d.change_pct * 100, 1))
                self.table.setItem(row, 3, QTableWidgetItem("" if d is None else d.index_name or ""))
                self.table.setItem(row, 4, QTableWidgetItem("" if d is None else d.source or ""))
        finally:
            self._loading = False
        self._update_summary(drivers)

    def drivers(self) -> tuple[list[Driver], int]:
        """(drivers with a weight, cells that are not numbers)."""
        out, bad = [], 0
        self.table.blockSignals(True)
        try:
            for row, key in enumerate(DRIVERS):
                weight, ok1 = cell_number(self.table, row, 1, 100.0)
                change, ok2 = cell_number(self.table, row, 2, 100.0)
                bad += (not ok1) + (not ok2)
                if weight is None and change is None:
                    continue
                index = self.table.item(row, 3).text().strip() if self.table.item(row, 3) else ""
                source = self.table.item(row, 4).text().strip() if self.table.item(row, 4) else ""
                out.append(Driver(key, weight or 0.0, change or 0.0, index or None, source or None))
        finally:
            self.table.blockSignals(False)
        self._update_summary(out)
        return out, bad

    def _update_summary(self, drivers: list[Driver]) -> None:
        total = sum(d.weight for d in drivers)
        justified = justified_increase(drivers)
        self.summary.setText(self.tr("Weights: %1 · justified increase: %2").replace("%1", percent(total))
                             .replace("%2", percent(justified, signed=True)))
        self.normalise.setVisible(bool(drivers) and abs(total - 1.0) > 0.005 and total > 0)

    def _normalise(self) -> None:
        drivers, _ = self.drivers()
        self.set_drivers(normalise_weights(drivers))
        self.edited.emit()

    def show_messages(self, messages: list[tuple[str, str]]) -> None:
        self.msg.set_messages(messages)
