"""The preview before an import: what VendorDesk recognised in each file, warnings, refusals."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QSplitter,
    QStyle,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
)

from vendordesk.ui import fmt

NO_PERIOD = "has no Viewing Range"



HEADER_ROOM = 16     # px beside a header's text: "Währung", "Zeilen", "ASINs" touched their borders


def roomy_columns(table: QTableWidget, stretch: int) -> None:
    """Each column as wide as its cells or its header's text with room on both sides (Qt's "resize
    to contents" left none); column ``stretch`` takes the rest."""
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    margin = 2 * header.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header)
    for section in range(header.count()):
        if section == stretch:
            continue
        item = table.horizontalHeaderItem(section)
        text = header.fontMetrics().horizontalAdvance(item.text() if item else "")
        header.resizeSection(section, max(table.sizeHintForColumn(section), text + margin + HEADER_ROOM))
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)

def report_label(kind: str | None) -> str:
    labels = {
        "sales": QCoreApplication.translate("ImportLabels", "Sales"),
        "traffic": QCoreApplication.translate("ImportLabels", "Traffic"),
        "inventory": QCoreApplication.translate("ImportLabels", "Inventory"),
        "net_ppm": QCoreApplication.translate("ImportLabels", "Net PPM"),
        "forecast": QCoreApplication.translate("ImportLabels", "Amazon forecast"),
        "purchase_orders": QCoreApplication.translate("ImportLabels", "Purchase orders"),
        "coupon": QCoreApplication.translate("ImportLabels", "Coupons"),
    }
    return labels.get(kind or "", kind or "")


def grain_label(grain: str | None) -> str:
    labels = {
        "hour": QCoreApplication.translate("ImportLabels", "hourly"),
        "day": QCoreApplication.translate("ImportLabels", "daily"),
        "week": QCoreApplication.translate("ImportLabels", "weekly"),
        "month": QCoreApplication.translate("ImportLabels", "monthly"),
        "quarter": QCoreApplication.translate("ImportLabels", "quarterly"),
        "year": QCoreApplication.translate("ImportLabels", "yearly"),
        "custom": QCoreApplication.translate("ImportLabels", "custom period"),
    }
    return labels.get(grain or "", grain or "")


def source_label(source: str | None) -> str:
    if source == "api":
        return QCoreApplication.translate("ImportLabels", "SP-API document")
    if source == "demo":
        return QCoreApplication.translate("ImportLabels", "demo data")
    return (source or "").upper()


def locale_name(code: str | None) -> str | None:
    """de_DE -> "Deutsch (Deutschland)" in the UI language (CLDR names via Babel)."""
    from babel import Locale, UnknownLocaleError
    from PySide6.QtCore import QLocale

    if not code:
        return None
    try:
        return Locale.parse(code.replace("-", "_")).get_display_name(QLocale().name()) or code
    except (ValueError, UnknownLocaleError):
        return code


def period_text(summary: dict) -> str:
    start, end = summary.get("period_start"), summary.get("period_end")
    if not start:
        return fmt.DASH
    text = fmt.date(start) if start[:10] == (end or "")[:10] else f"{fmt.date(start)} – {fmt.date(end)}"
    return f"{text} ({grain_label(summary.get('grain'))})" if summary.get("grain") else text


def view_text(summary: dict) -> str:
    parts = [summary.get("distributor_view"), summary.get("selling_program")]
    return " / ".join(p.title() for p in parts if p) or fmt.DASH


class PeriodDialog(QDialog):
    """Start and end date for files without a Viewing Range (never defaults to today)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Period of the files"))
        self.start = QDateEdit(calendarPopup=True)
        self.end = QDateEdit(calendarPopup=True)
        for edit in (self.start, self.end):
            fmt.date_edit(edit)         # four-digit year in the UI language
            edit.setSpecialValueText(" ")
            edit.setDate(edit.minimumDate())
        form = QFormLayout(self)
        form.addRow(QLabel(self.tr("These files do not say which period they cover. Enter the first and last "
                                   "day exactly as chosen in Vendor Central.")))
        form.addRow(self.tr("First day"), self.start)
        form.addRow(self.tr("Last day"), self.end)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._check)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def _check(self) -> None:
        start, end = self.start.date(), self.end.date()
        if start == self.start.minimumDate() or end == self.end.minimumDate() or end < start:
            QMessageBox.warning(self, self.windowTitle(), self.tr("Enter a first day and a last day on or after it."))
            return
        self.accept()

    def period(self) -> str:
        return f"{self.start.date().toString('yyyy-MM-dd')}..{self.end.date().toString('yyyy-MM-dd')}"

    @classmethod
    def ask(cls, parent=None) -> str | None:
        dialog = cls(parent)
        return dialog.period() if dialog.exec() == QDialog.DialogCode.Accepted else None


class ImportPreview(QDialog):
    """Lists each file: recognised report, view, period, currency, rows, ASINs, warnings.

    Signals:
        period_chosen(str): the user entered ``START..END`` for files without a Viewing Range.
    """

    period_chosen = Signal(str)

    COLUMNS = 8

    def __init__(self, events: list[dict], parent=None):
        super().__init__(parent)
        self.events = events
        self.setWindowTitle(self.tr("Import reports – preview"))
        self.resize(1100, 520)
        ok = [e for e in events if e["event"] == "done"]
        intro = QLabel(self.tr("VendorDesk read %n file(s). Check what it recognised, then import. "
                               "Nothing is written before you click Import.", "", len(events)))
        intro.setWordWrap(True)
        self.table = self._table()
        self.details = QTextBrowser()
        self.details.setOpenLinks(False)
        self.details.setProperty("desk_check_quoted", True)   # quotes ingest's English reasons, framed
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(self.details)
        splitter.setSizes([300, 160])
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = buttons.addButton(self.tr("Import %n file(s)", "", len(ok)),
                                               QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setEnabled(bool(ok))
        self.import_button.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.period_button = None
        if any(e["event"] == "refused" and NO_PERIOD in e.get("message_id", e["message"]) for e in events):
            self.period_button = buttons.addButton(self.tr("Enter period…"), QDialogButtonBox.ButtonRole.ActionRole)
            self.period_button.setToolTip(self.tr("Some files carry no Viewing Range. Enter the period they cover."))
            self.period_button.clicked.connect(self.ask_period)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(splitter, 1)
        layout.addWidget(buttons)
        self.table.currentCellChanged.connect(lambda row, *_: self._show_details(row))
        if events:
            self.table.selectRow(0)
            self._show_details(0)

    def _table(self) -> QTableWidget:
        table = QTableWidget(len(self.events), self.COLUMNS)
        table.setHorizontalHeaderLabels([self.tr("File"), self.tr("Recognised as"), self.tr("View"),
                                         self.tr("Period"), self.tr("Currency"), self.tr("Rows"),
                                         self.tr("ASINs"), self.tr("Notes")])
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.verticalHeader().setVisible(False)
        for row, event in enumerate(self.events):
            for column, (text, numeric) in enumerate(self._cells(event)):
                item = QTableWidgetItem(text)
                if numeric:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if event["event"] in ("refused", "failed"):
                    item.setForeground(QColor("#b71c1c"))
                table.setItem(row, column, item)
        roomy_columns(table, stretch=self.COLUMNS - 1)
        return table

    def _cells(self, event: dict) -> list[tuple[str, bool]]:
        if event["event"] == "failed":
            return [(event["file"], False), (self.tr("Failed (unexpected error)"), False)] + \
                [("", False)] * 5 + [(self.tr("Not read: an error in VendorDesk, see the log"), False)]
        if event["event"] == "refused":
            return [(event["file"], False), (self.tr("Refused"), False)] + [("", False)] * 5 + \
                [(self.tr("Not imported: the reason is shown below"), False)]
        s = event["summary"]
        warnings = len(s["warnings"])
        notes = self.tr("%n warning(s)", "", warnings) if warnings else self.tr("OK")
        return [(s["file"], False), (f"{report_label(s['report_type'])} ({source_label(s['source'])})", False),
                (view_text(s), False), (period_text(s), False), (s.get("currency") or fmt.DASH, False),
                (fmt.number(s["rows"]), True), (fmt.number(s["asins"]), True), (notes, False)]

    def _show_details(self, row: int) -> None:
        if not 0 <= row < len(self.events):
            return
        event = self.events[row]
        if event["event"] in ("refused", "failed"):
            # the reason comes in the window's language (the reading step ran with --lang)
            self.details.setPlainText(
                self.tr("%1 was not imported; nothing in the workspace was changed.").replace("%1", event["file"])
                + "\n" + self.tr("The reading step reports:") + "\n" + event["message"])
            return
        from vendordesk.core.marketplaces import marketplace_name

        s = event["summary"]
        lines = [self.tr("%1 – %2").replace("%1", s["file"]).replace("%2", report_label(s["report_type"])),
                 self.tr("Marketplace: %1 · Language: %2")
                 .replace("%1", marketplace_name(s.get("marketplace_id")) or fmt.DASH)
                 .replace("%2", locale_name(s.get("locale")) or fmt.DASH)]
        if s["warnings"]:
            lines.append(self.tr("The reading step reports:"))
        lines += [f"• {w}" for w in s["warnings"]] or [self.tr("No warnings.")]
        self.details.setPlainText("\n".join(lines))

    def ask_period(self) -> None:
        period = PeriodDialog.ask(self)
        if period:
            self.period_chosen.emit(period)
            self.reject()

    def importable_paths(self) -> list[str]:
        return [e["summary"]["path"] for e in self.events if e["event"] == "done"]
