"""The case editor: title, currency, dates, KAM, status, notes and the ASIN rows with their
current and requested cost. Every edit emits ``edited``; messages appear at their field."""

from __future__ import annotations

import datetime as dt
import re

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from vendordesk.core.negotiation.model import STATUSES, Item
from vendordesk.ui.fmt import date_edit
from vendordesk.ui.negotiation.fields import MessageLabel, cell_number, make_table, number_item, readonly_item

ASIN_RE = re.compile(r"^[0-9A-Z]{10}$")
COLS = ("asin", "cost_before", "cost_after", "own_cost_before", "msrp_before", "msrp_after")


def _qdate(iso: str | None) -> QDate:
    if not iso:
        return QDate()
    try:
        d = dt.date.fromisoformat(iso)
    except ValueError:
        return QDate()
    return QDate(d.year, d.month, d.day)


class DateField(QWidget):
    """A date with an 'unset' check box (a case may have no date yet)."""

    changed = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.check = QCheckBox()
        self.edit = QDateEdit()
        date_edit(self.edit)        # the UI language's date, four-digit year, calendar picker
        self.edit.setMinimumWidth(140)
        row.addWidget(self.check)
        row.addWidget(self.edit)
        row.addStretch(1)
        self.check.toggled.connect(self.edit.setEnabled)
        self.check.toggled.connect(self.changed)
        self.edit.dateChanged.connect(self.changed)

    def set_iso(self, iso: str | None, default: dt.date | None = None) -> None:
        date = _qdate(iso)
        self.check.setChecked(date.isValid())
        self.edit.setEnabled(date.isValid())
        if not date.isValid():
            d = default or dt.date.today()
            date = QDate(d.year, d.month, d.day)
        self.edit.setDate(date)

    def iso(self) -> str | None:
        if not self.check.isChecked():
            return None
        return self.edit.date().toString("yyyy-MM-dd")


class CaseEditor(QWidget):
    """Signals: edited() after any change by the user."""

    edited = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self._loading = False
        self.title = QLineEdit()
        self.currency = QLineEdit()
        self.currency.setMaxLength(3)
        self.currency.setMaximumWidth(70)
        self.effective = DateField()
        self.final_order = DateField()
        self.tariff = QCheckBox(self.tr("Tariff-driven increase (needs 90 days notice)"))
        self.kam = QLineEdit()
        self.status = QComboBox()
        for key, text in zip(STATUSES, (self.tr("Draft"), self.tr("Submitted"), self.tr("Accepted"),
                                         self.tr("Rejected"), self.tr("Withdrawn"))):
            self.status.addItem(text, key)
        self.notes = QPlainTextEdit()
        self.notes.setMaximumHeight(70)
        self.msg = {name: MessageLabel() for name in ("title", "currency", "effective_date", "asins", "costs")}
        self.add_msg = MessageLabel()
        form = QFormLayout()
        for w in (self.title, self.kam):
            w.setMaximumWidth(520)
        self.status.setMaximumWidth(260)
        form.addRow(self.tr("Title"), self._with_msg(self.title, "title"))
        form.addRow(self.tr("Currency"), self._with_msg(self.currency, "currency"))
        form.addRow(self.tr("Requested effective date"), self._with_msg(self.effective, "effective_date"))
        form.addRow("", self.tariff)
        form.addRow(self.tr("Final order at old cost until"), self.final_order)
        form.addRow(self.tr("Key account manager"), self.kam)
        form.addRow(self.tr("Status"), self.status)
        form.addRow(self.tr("Notes"), self.notes)
        # the product's title last and stretched: the KAM sees which product an ASIN is, and the
        # table fills the width (at 1920 px the six number columns used the left half only)
        self.items = make_table([self.tr("ASIN"), self.tr("Current cost"), self.tr("Requested cost"),
                                 self.tr("Our own unit cost"), self.tr("MSRP now"), self.tr("MSRP new"),
                                 self.tr("Product")], stretch=len(COLS))
        self.items.setProperty("desk_check_data_columns", [len(COLS)])     # titles are the files' own
        self.titles: dict[str, str] = {}
        self.add_edit = QLineEdit()
        self.add_edit.setPlaceholderText(self.tr("ASINs to add, separated by spaces or commas"))
        self.add_button = QPushButton(self.tr("Add ASINs"))
        self.remove_button = QPushButton(self.tr("Remove selected"))
        adder = QHBoxLayout()
        adder.addWidget(self.add_edit, 1)
        adder.addWidget(self.add_button)
        adder.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(adder)
        layout.addWidget(self.add_msg)
        layout.addWidget(self.msg["asins"])
        layout.addWidget(self.items, 1)
        layout.addWidget(self.msg["costs"])
        for w in (self.title, self.currency, self.kam):
            w.textEdited.connect(self._emit)
        for w in (self.effective, self.final_order):
            w.changed.connect(self._emit)
        self.tariff.toggled.connect(self._emit)
        self.status.currentIndexChanged.connect(self._emit)
        self.notes.textChanged.connect(self._emit)
        self.items.itemChanged.connect(self._emit)
        self.add_button.clicked.connect(self._add_asins)
        self.add_edit.returnPressed.connect(self._add_asins)
        self.remove_button.clicked.connect(self._remove_selected)
        self.current_costs: dict[str, float] = {}

    def _with_msg(self, widget, name) -> QWidget:
        box = QWidget()
        col = QVBoxLayout(box)
        col.setContentsMargins(0, 0, 0, 0)
        col.setSpacing(2)
        col.addWidget(widget)
        col.addWidget(self.msg[name])
        return box

    def _emit(self, *args) -> None:
        if not self._loading:
            self.edited.emit()

    # --- case <-> widgets -------------------------------------------------------------
    def set_case(self, case) -> None:
        self._loading = True
        try:
            self.title.setText(case.title)
            self.currency.setText(case.currency)
            self.effective.set_iso(case.effective_date, dt.date.today() + dt.timedelta(days=90))
            self.final_order.set_iso(case.final_order_until)
            self.tariff.setChecked(case.tariff_driven)
            self.kam.setText(case.kam)
            self.status.setCurrentIndex(max(0, self.status.findData(case.status)))
            self.notes.setPlainText(case.notes)
            self.items.setRowCount(0)
            for item in case.items:
                self._append(item)
        finally:
            self._loading = False

    def _append(self, item: Item) -> None:
        row = self.items.rowCount()
        self.items.insertRow(row)
        self.items.setItem(row, 0, QTableWidgetItem(item.asin))
        for col, name in enumerate(COLS[1:], start=1):
            self.items.setItem(row, col, number_item(getattr(item, name)))
        title = self.titles.get(item.asin, "")
        self.items.setItem(row, len(COLS), readonly_item(title, numeric=False, tooltip=title))

    def show_titles(self, titles: dict[str, str]) -> None:
        """The product titles of the ASINs (from the analysis), in the last column."""
        self.titles = {asin: title for asin, title in titles.items() if title}
        self.items.blockSignals(True)
        try:
            for row in range(self.items.rowCount()):
                asin = self.items.item(row, 0).text().strip().upper() if self.items.item(row, 0) else ""
                title = self.titles.get(asin, "")
                self.items.setItem(row, len(COLS), readonly_item(title, numeric=False, tooltip=title))
        finally:
            self.items.blockSignals(False)

    def collect(self, case) -> int:
        """Write the widgets into ``case``; returns how many cells are not numbers."""
        case.title = self.title.text()
        case.currency = self.currency.text().strip().upper()
        case.effective_date = self.effective.iso()
        case.final_order_until = self.final_order.iso()
        case.tariff_driven = self.tariff.isChecked()
        case.kam = self.kam.text()
        case.status = self.status.currentData()
        case.notes = self.notes.toPlainText()
        old = {it.asin: it for it in case.items}
        items, bad = [], 0
        self.items.blockSignals(True)
        try:
            for row in range(self.items.rowCount()):
                asin = (self.items.item(row, 0).text() if self.items.item(row, 0) else "").strip().upper()
                if not asin:
                    continue
                values = {}
                for col, name in enumerate(COLS[1:], start=1):
                    values[name], ok = cell_number(self.items, row, col)
                    bad += not ok
                item = Item(asin, **values)
                item.own_cost_after = old[asin].own_cost_after if asin in old else None
                items.append(item)
        finally:
            self.items.blockSignals(False)
        case.items = items
        return bad

    def _add_asins(self) -> None:
        words = [w.strip().upper() for w in re.split(r"[\s,;]+", self.add_edit.text()) if w.strip()]
        bad = [w for w in words if not ASIN_RE.match(w)]
        present = {self.items.item(r, 0).text() for r in range(self.items.rowCount()) if self.items.item(r, 0)}
        for asin in words:
            if asin in present or asin in bad:
                continue
            cost = self.current_costs.get(asin)
            self._append(Item(asin, cost, None))
            present.add(asin)
        self.add_edit.setText(" ".join(bad))
        self.add_msg.set_messages([("error", self.tr("Not an ASIN (10 letters or digits): %1").replace(
            "%1", ", ".join(bad)))] if bad else [])
        if words and len(bad) < len(words):
            self.edited.emit()

    def _remove_selected(self) -> None:
        rows = sorted({i.row() for i in self.items.selectedIndexes()}, reverse=True)
        for row in rows:
            self.items.removeRow(row)
        if rows:
            self.edited.emit()

    def show_messages(self, by_field: dict[str, list[tuple[str, str]]]) -> None:
        for name, label in self.msg.items():
            label.set_messages(by_field.get(name, []))
