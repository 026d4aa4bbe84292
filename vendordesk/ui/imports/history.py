"""File › Import history: every past import with its provenance and warnings; undo one."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
)

from vendordesk.changes import Changes
from vendordesk.ops.imports import facts_owned, list_imports, undo_import_at
from vendordesk.ui import fmt
from vendordesk.ui.imports.preview import (
    period_text,
    report_label,
    roomy_columns,
    source_label,
    view_text,
)
from vendordesk.ui.workers import run_task


def undo_in_worker(path: Path, import_id: int, *, progress, cancelled) -> int:
    """Undo on the worker's own connection (large imports take a moment to delete)."""
    return undo_import_at(path, import_id)


class ImportHistory(QDialog):
    """A table of imports (newest first), the warnings of the selected one, and Undo."""

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.setWindowTitle(self.tr("Import history"))
        self.resize(1100, 560)
        self.imports: list[dict] = []
        intro = QLabel(self.tr("Every file or document imported into this workspace. Undo removes the facts an "
                               "import still holds; facts a later import replaced stay with that import."))
        intro.setWordWrap(True)
        self.table = QTableWidget(0, 9)
        self.table.setHorizontalHeaderLabels([
            self.tr("Imported"), self.tr("File"), self.tr("Report"), self.tr("View"), self.tr("Period"),
            self.tr("Rows"), self.tr("ASINs"), self.tr("Facts held now"), self.tr("Warnings")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.details = QTextBrowser()
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(self.details)
        splitter.setSizes([340, 140])
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.undo_button = QPushButton(self.tr("Undo import…"))
        buttons.addButton(self.undo_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.undo_button.clicked.connect(self.undo_selected)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(splitter, 1)
        layout.addWidget(buttons)
        self.table.currentCellChanged.connect(lambda row, *_: self._show_details(row))
        self.reload()

    def reload(self) -> None:
        ws = self.window.ctx.workspace
        self.imports = list_imports(ws)
        self.table.setRowCount(len(self.imports))
        for row, item in enumerate(self.imports):
            summary = item | {"grain": item["grain"]}
            values = [(fmt.date(item["imported_at"]) + " " + item["imported_at"][11:16], False),
                      (item["file_name"] or fmt.DASH, False),
                      (_report_text(item), False),
                      (view_text(summary), False), (period_text(summary), False),
                      (fmt.number(item["row_count"]), True), (fmt.number(item["asin_count"]), True),
                      (fmt.number(facts_owned(ws, item["id"])), True),
                      (str(len(item["warnings"])) if item["warnings"] else fmt.DASH, True)]
            for column, (text, numeric) in enumerate(values):
                cell = QTableWidgetItem(text)
                if numeric:
                    cell.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, column, cell)
        roomy_columns(self.table, stretch=1)
        self.undo_button.setEnabled(bool(self.imports))
        if self.imports:
            self.table.selectRow(0)
            self._show_details(0)
        else:
            self.details.setPlainText(self.tr("Nothing was imported yet. Use File › Import reports…"))

    def _show_details(self, row: int) -> None:
        if not 0 <= row < len(self.imports):
            return
        item = self.imports[row]
        from vendordesk.core.marketplaces import marketplace_name
        from vendordesk.ui.imports.preview import locale_name

        lines = [self.tr("File hash: %1").replace("%1", item["file_hash"] or fmt.DASH),
                 self.tr("Marketplace: %1 · Language: %2 · Currency: %3")
                 .replace("%1", marketplace_name(item["marketplace_id"]) or fmt.DASH)
                 .replace("%2", locale_name(item["locale"]) or fmt.DASH)
                 .replace("%3", item["currency"] or fmt.DASH)]
        lines += [f"• {w}" for w in item["warnings"]] or [self.tr("No warnings.")]
        self.details.setPlainText("\n".join(lines))

    def selected(self) -> dict | None:
        row = self.table.currentRow()
        return self.imports[row] if 0 <= row < len(self.imports) else None

    def undo_selected(self) -> None:
        item = self.selected()
        if item is None:
            return
        answer = QMessageBox.question(
            self, self.tr("Undo import"),
            self.tr("Remove the facts that %1 still holds from this workspace?").replace("%1", item["file_name"] or ""))
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.undo_button.setEnabled(False)
        run_task(undo_in_worker, self.window.ctx.path, item["id"], on_done=self._undone)

    def _undone(self, removed: int) -> None:
        self.window.changed.emit(Changes(facts=True))
        self.window.statusBar().showMessage(self.tr("Import undone: %n fact row(s) removed.", "", removed), 10000)
        self.reload()


def open_import_history(window) -> ImportHistory:
    dialog = ImportHistory(window)
    dialog.open()
    return dialog


def _report_text(item: dict) -> str:
    """"Sales (CSV)"; the demo's one import reads "Demo data" (its kind "demo" is no report's name;
    ``source_label``'s "demo data" is the lowercase word inside a sentence)."""
    if item["report_type"] == "demo" or item["source"] == "demo":
        return QCoreApplication.translate("ImportHistory", "Demo data")
    return f"{report_label(item['report_type'])} ({source_label(item['source'])})"
