"""Levers (concessions), positions and the vendor manager's likely objections with answers."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from vendordesk.briefs.negotiation_args import objection
from vendordesk.core.negotiation.model import CONCESSION_KINDS, Concession
from vendordesk.ui import fmt
from vendordesk.ui.negotiation.fields import MessageLabel, cell_number, make_table, number_item, parse_number, show_number


class LeversEditor(QWidget):
    """Signals: edited() after a change by the user."""

    edited = Signal()

    def __init__(self, lang: str = "en", parent=None):
        super().__init__(parent)
        self.lang = lang
        self._loading = False
        self.currency = "EUR"        # the case's: the amounts read "9.000 €", not "9.000"
        self._suggested: list[Concession] = []
        self.kinds = {"final_order_old_cost": self.tr("Final order at the old cost"),
                      "fill_rate": self.tr("Better fill rate and on-time (fewer chargebacks)"),
                      "content": self.tr("Content investment"), "advertising": self.tr("Advertising investment"),
                      "phased": self.tr("Phased increase"), "other": self.tr("Other")}
        self.table = make_table([self.tr("Lever"), self.tr("Detail"), self.tr("Value to Amazon"),
                                 self.tr("Cost to us"), self.tr("Offered")], stretch=1)
        self.table.horizontalHeader().setSectionResizeMode(0, self.table.horizontalHeader().ResizeMode.Interactive)
        probe = QComboBox()                 # wide enough for the longest lever name in this language
        probe.addItems(list(self.kinds.values()))
        probe.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.table.setColumnWidth(0, max(240, probe.sizeHint().width() + 8))
        probe.deleteLater()
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.add = QPushButton(self.tr("Add lever"))
        self.add_suggested = QPushButton(self.tr("Add suggested levers"))
        self.remove = QPushButton(self.tr("Remove selected"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.note, 1)
        for b in (self.add_suggested, self.add, self.remove):
            buttons.addWidget(b)
        levers = QGroupBox(self.tr("Levers we can offer instead of a cost support agreement"))
        lv = QVBoxLayout(levers)
        lv.addWidget(self.table, 1)
        lv.addLayout(buttons)
        self.positions = {k: QLineEdit() for k in ("opening", "target", "walk_away")}
        self.pos_msg = MessageLabel()
        pos_box = QGroupBox(self.tr("Positions (increase on cost, %; empty = computed)"))
        form = QFormLayout(pos_box)
        for key, label in (("opening", self.tr("Opening")), ("target", self.tr("Target")),
                           ("walk_away", self.tr("Walk-away"))):
            form.addRow(label, self.positions[key])
            self.positions[key].textEdited.connect(self._emit)
        form.addRow("", self.pos_msg)
        self.objections = QTextBrowser()
        obj_box = QGroupBox(self.tr("Likely objections and our answers"))
        QVBoxLayout(obj_box).addWidget(self.objections)
        lower = QHBoxLayout()
        lower.addWidget(pos_box, 1)
        lower.addWidget(obj_box, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(levers, 1)
        layout.addLayout(lower, 1)
        self.table.itemChanged.connect(self._emit)
        self.add.clicked.connect(lambda: self._append(Concession("other")) or self.edited.emit())
        self.add_suggested.clicked.connect(self._add_suggested)
        self.remove.clicked.connect(self._remove)

    def _emit(self, *args) -> None:
        if not self._loading:
            self.edited.emit()

    def _append(self, c: Concession) -> None:
        self._loading = True
        try:
            row = self.table.rowCount()
            self.table.insertRow(row)
            combo = QComboBox()
            for key in CONCESSION_KINDS:
                combo.addItem(self.kinds[key], key)
            combo.setCurrentIndex(max(0, combo.findData(c.kind)))
            combo.currentIndexChanged.connect(self._emit)
            self.table.setCellWidget(row, 0, combo)
            self.table.setItem(row, 1, QTableWidgetItem(c.description))
            self.table.setItem(row, 2, self._money_item(c.value_to_amazon))
            self.table.setItem(row, 3, self._money_item(c.cost_to_us))
            offered = QTableWidgetItem()
            offered.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled)
            offered.setCheckState(Qt.CheckState.Checked if c.offered else Qt.CheckState.Unchecked)
            self.table.setItem(row, 4, offered)
        finally:
            self._loading = False

    def _money_item(self, value: float | None) -> QTableWidgetItem:
        item = number_item(value, 0)
        if value is not None:
            item.setText(fmt.money(value, self.currency, 0))
        return item

    def set_case(self, case) -> None:
        self.currency = case.currency or "EUR"
        self.table.setRowCount(0)
        for c in case.concessions:
            self._append(c)
        self._loading = True
        for key, value in (("opening", case.opening_pct), ("target", case.target_pct), ("walk_away", case.walk_away_pct)):
            self.positions[key].setText(show_number(None if value is None else value * 100, 1))
        self._loading = False

    def collect(self, case) -> int:
        out, bad = [], 0
        self.table.blockSignals(True)
        try:
            for row in range(self.table.rowCount()):
                value, ok1 = cell_number(self.table, row, 2)
                cost, ok2 = cell_number(self.table, row, 3)
                bad += (not ok1) + (not ok2)
                for column, amount, ok in ((2, value, ok1), (3, cost, ok2)):   # typed "8250": shown as money
                    if ok and amount is not None:
                        self.table.item(row, column).setText(fmt.money(amount, self.currency, 0))
                desc = self.table.item(row, 1).text() if self.table.item(row, 1) else ""
                out.append(Concession(self.table.cellWidget(row, 0).currentData(), desc, value, cost,
                                      self.table.item(row, 4).checkState() == Qt.CheckState.Checked))
        finally:
            self.table.blockSignals(False)
        case.concessions = out
        messages = []
        for key, attr in (("opening", "opening_pct"), ("target", "target_pct"), ("walk_away", "walk_away_pct")):
            try:
                value = parse_number(self.positions[key].text())
                setattr(case, attr, None if value is None else value / 100.0)
                self.positions[key].setStyleSheet("")
            except ValueError:
                bad += 1
                self.positions[key].setStyleSheet("background: #ffebee;")
                messages.append(("error", self.tr("Enter the position as a percentage, e.g. 8 or 7,5.")))
        self.pos_msg.set_messages(messages[:1])
        return bad

    def show_analysis(self, a) -> None:
        self._suggested = a.concessions if a.concessions_suggested else []
        self.add_suggested.setVisible(bool(self._suggested))
        self.note.setText(self.tr("No levers entered yet: the brief lists levers suggested from the facts.")
                          if a.concessions_suggested else "")
        p = a.positions
        for key, value in (("opening", p.opening), ("target", p.target), ("walk_away", p.walk_away)):
            self.positions[key].setPlaceholderText(fmt.percent(value))
        rows = "".join(f"<p><b>{q}</b><br/>{ans}</p>" for q, ans in (objection(o, a, self.lang) for o in a.objections))
        self.objections.setHtml(rows)

    def _add_suggested(self) -> None:
        for c in self._suggested:
            self._append(Concession(c.kind, c.description, c.value_to_amazon, c.cost_to_us, False))
        self._suggested = []
        self.add_suggested.hide()
        self.edited.emit()

    def _remove(self) -> None:
        rows = sorted({i.row() for i in self.table.selectedIndexes()}, reverse=True)
        for row in rows:
            self.table.removeRow(row)
        if rows:
            self.edited.emit()
