"""Calibration table (estimate, uncertainty, weeks, default fallback) and link editing.

Signals:
    calibrate_requested(): the KAM asked for a calibration run (the panel runs it in a worker).
    edge_changed(str): a link was edited or reset (the panel reloads).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from vendordesk.core.influence.graph import edge_note
from vendordesk.core.influence.notes import note_text
from vendordesk.errors import UserError
from vendordesk.ui import fmt
from vendordesk.ui.errors import user_text
from vendordesk.ui.influence.labels import kpi_name, source_name

COLUMNS = 7
FROM_TO_CAP = 250     # px for "From → to" when the window is narrow
NOTE_ROOM = 420       # px the notes keep before "From → to" takes more than its cap


def _two_lines(header: str) -> str:
    """"Verzögerung (Wo.)" -> "Verzögerung" over "(Wo.)": a header no wider than its longest word group."""
    return "\n(".join(header.rsplit(" (", 1))


class CalibrationView(QWidget):
    calibrate_requested = Signal()
    edge_changed = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.ws = None
        self.graph = None
        self.lang = "en"
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        intro = QLabel(self.tr("Link strengths start from the defaults of the gear model. Calibration learns them "
                               "from this workspace's history where the data allows; your edits always win."))
        intro.setWordWrap(True)
        top.addWidget(intro, 1)
        self.run_button = QPushButton(self.tr("Calibrate on history"))
        self.run_button.clicked.connect(self.calibrate_requested)
        self.progress = QProgressBar()
        self.progress.setMaximumWidth(160)
        self.progress.setRange(0, 100)
        self.progress.hide()
        top.addWidget(self.progress), top.addWidget(self.run_button)
        layout.addLayout(top)
        body = QHBoxLayout()
        self.table = QTableWidget(0, COLUMNS)
        # the long header on two lines: on one it made the column 250 px wide for "–" in every row,
        # and the notes beside it were cut after two words
        self.table.setHorizontalHeaderLabels([self.tr("Link"), self.tr("From → to"), _two_lines(self.tr("Lag (wk)")),
                                              self.tr("Strength"), self.tr("Source"),
                                              _two_lines(self.tr("Estimate ± uncertainty (weeks)")), self.tr("Note")])
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self._selected)
        body.addWidget(self.table, 1)
        body.addWidget(self._editor())
        layout.addLayout(body, 1)

    def _editor(self) -> QWidget:
        box = QGroupBox(self.tr("Edit link"))
        box.setFixedWidth(260)
        form = QFormLayout(box)
        self.edit_id = QLabel(self.tr("Pick a link in the table to edit it."))     # not a lone "–"
        self.edit_id.setStyleSheet("color: #546e7a;")
        self.edit_id.setWordWrap(True)
        self.sign = QComboBox()
        self.sign.addItem(self.tr("+ raises"), 1)
        self.sign.addItem(self.tr("− lowers"), -1)
        self.lag = QSpinBox()
        self.lag.setRange(0, 52)
        self.lag.setSuffix(self.tr(" wk"))
        self.strength = QDoubleSpinBox()
        self.strength.setRange(0.0, 10.0)
        self.strength.setDecimals(3)
        self.strength.setSingleStep(0.05)
        form.addRow(self.edit_id)
        form.addRow(self.tr("Sign"), self.sign)
        form.addRow(self.tr("Lag"), self.lag)
        form.addRow(self.tr("Strength"), self.strength)
        self.save_button = QPushButton(self.tr("Save link"))
        self.save_button.clicked.connect(self._save)
        self.reset_button = QPushButton(self.tr("Back to default/calibration"))
        self.reset_button.clicked.connect(self._reset)
        form.addRow(self.save_button)
        form.addRow(self.reset_button)
        for w in (self.sign, self.lag, self.strength, self.save_button, self.reset_button):
            w.setEnabled(False)
        return box

    def set_data(self, ws, graph, lang: str = "en") -> None:
        self.ws, self.graph, self.lang = ws, graph, lang
        edges = sorted(graph.edges.values(), key=lambda e: (e.calibration is None, e.id))
        self.table.setRowCount(len(edges))
        for row, e in enumerate(edges):
            cal = e.calibration or {}
            if cal.get("estimate") is not None:
                estimate = (f"{fmt.number(cal['estimate'], 3)} ± {fmt.number(cal.get('se') or 0, 3)} "
                            f"({cal.get('weeks', 0)})")
            else:
                estimate = fmt.DASH
            note = edge_note(e, self.lang)
            if cal and cal.get("status") != "calibrated":
                note = self.tr("default kept: %1").replace("%1", note_text(cal, self.lang, "reason"))
            strength = ("+" if e.sign > 0 else "−") + fmt.number(e.strength, 3)
            values = [e.id, f"{kpi_name(e.src)} → {kpi_name(e.dst)}", str(e.lag), strength, source_name(e.source),
                      estimate, note]
            for col, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setToolTip(value)
                if col in (2, 3, 5):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if col == 0:
                    item.setData(Qt.ItemDataRole.UserRole, e.id)
                self.table.setItem(row, col, item)
        self.table.resizeColumnsToContents()
        self._natural_from_to = self.table.columnWidth(1)
        self.table.setColumnWidth(4, min(self.table.columnWidth(4), 90))
        self._fit_from_to()

    def _fit_from_to(self) -> None:
        """"From → to" on one line when the notes keep NOTE_ROOM beside it (1920×1080), else held
        at FROM_TO_CAP so the notes are not squeezed (1280×720)."""
        natural = getattr(self, "_natural_from_to", 0)
        if not natural:
            return
        others = sum(self.table.columnWidth(c) for c in range(COLUMNS) if c not in (1, COLUMNS - 1))
        room = self.table.viewport().width() - others - NOTE_ROOM
        width = natural if natural <= room else min(natural, max(FROM_TO_CAP, room))
        if width != self.table.columnWidth(1):
            self.table.setColumnWidth(1, width)
            self.table.resizeRowsToContents()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit_from_to()

    def selected_id(self) -> str | None:
        rows = {i.row() for i in self.table.selectedIndexes()}
        if not rows:
            return None
        return self.table.item(rows.pop(), 0).data(Qt.ItemDataRole.UserRole)

    def select(self, edge_id: str) -> None:
        for row in range(self.table.rowCount()):
            if self.table.item(row, 0).data(Qt.ItemDataRole.UserRole) == edge_id:
                self.table.selectRow(row)
                return

    def _selected(self) -> None:
        edge = self.graph.edges.get(self.selected_id()) if self.graph else None
        for w in (self.sign, self.lag, self.strength, self.save_button, self.reset_button):
            w.setEnabled(edge is not None)
        if edge is None:
            return
        self.edit_id.setStyleSheet("")
        self.edit_id.setText(f"<b>{edge.id}</b>: {kpi_name(edge.src)} → {kpi_name(edge.dst)}")
        self.sign.setCurrentIndex(0 if edge.sign > 0 else 1)
        self.lag.setValue(edge.lag)
        self.strength.setValue(edge.strength)

    def _save(self) -> None:
        from vendordesk.ops.influence import save_edge

        edge_id = self.selected_id()
        if edge_id is None or self.ws is None:
            return
        try:
            save_edge(self.ws, edge_id, self.sign.currentData(), self.lag.value(), self.strength.value())
        except UserError as exc:
            QMessageBox.warning(self, self.tr("Link not saved"), user_text(exc))
            return
        self.edge_changed.emit(edge_id)

    def _reset(self) -> None:
        from vendordesk.ops.influence import reset_edge

        edge_id = self.selected_id()
        if edge_id is not None and self.ws is not None:
            reset_edge(self.ws, edge_id)
            self.edge_changed.emit(edge_id)

    def set_busy(self, busy: bool, fraction: float = 0.0) -> None:
        self.run_button.setEnabled(not busy)
        self.progress.setVisible(busy)
        self.progress.setValue(int(fraction * 100))
