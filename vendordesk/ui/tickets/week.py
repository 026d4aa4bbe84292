"""The week page of the ticket log: what is to do today, tomorrow and in the next 7 days
(core.agenda), grouped by day, with an export to the calendar (.ics)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, QLocale, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QHBoxLayout, QHeaderView, QLabel, QPushButton, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from vendordesk.ui import fmt


def kind_names() -> dict[str, str]:
    return {"follow_up": QCoreApplication.translate("Week", "Follow up case"),
            "task": QCoreApplication.translate("Week", "Task due"),
            "dispute_due": QCoreApplication.translate("Week", "Last day to dispute"),
            "dispute_opens": QCoreApplication.translate("Week", "Shortage dispute window opens"),
            "price_effective": QCoreApplication.translate("Week", "Price change effective"),
            "final_order": QCoreApplication.translate("Week", "Last orders at the old price")}


class WeekPage(QWidget):
    """Signals: open_item(str, object): ("case" | "task" | "chargeback" | "negotiation", key)."""

    open_item = Signal(str, object)

    def __init__(self, lang: str, parent=None):
        super().__init__(parent)
        self.lang = lang
        self.departments: dict[str, str] = {}
        self.found: list = []
        self.today: dt.date | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        bar = QHBoxLayout()
        self.heading = QLabel()
        self.heading.setStyleSheet("font-weight: 600;")
        bar.addWidget(self.heading, 1)
        self.export_button = QPushButton(self.tr("Export to calendar (.ics)…"))
        self.export_button.clicked.connect(lambda: self.export_ics())
        bar.addWidget(self.export_button)
        layout.addLayout(bar)
        self.tree = QTreeWidget()
        self.tree.setColumnCount(4)
        self.tree.setHeaderLabels([self.tr("What"), self.tr("Reference"), self.tr("Subject"), self.tr("Amount")])
        self.tree.setRootIsDecorated(False)
        self.tree.setIndentation(12)
        self.tree.setAlternatingRowColors(True)
        self.tree.setProperty("desk_check_data_columns", [1, 2])   # references and subjects are the user's
        header = self.tree.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(False)
        self.tree.itemActivated.connect(self._activated)
        self.tree.itemDoubleClicked.connect(self._activated)
        layout.addWidget(self.tree, 1)

    def show_items(self, found: list, today: dt.date, currency: str, negotiations: dict | None = None,
                   data_date: bool = False) -> None:
        """``data_date``: ``today`` is the data's date (the demo's frozen end), not the real day, so
        its days are named by weekday and date, not "Today" and "Tomorrow"."""
        from vendordesk.core import agenda

        self.found = self._labelled(found)
        self.today = today
        found = self.found
        self.tree.clear()
        heading = (self.tr("To do from %1 (the data's date) to %2: %n item(s)", "", len(found)) if data_date
                   else self.tr("To do from %1 to %2: %n item(s)", "", len(found)))
        self.heading.setText(heading.replace("%1", fmt.date(today))
                             .replace("%2", fmt.date(today + dt.timedelta(days=7))))
        bold = QFont()
        bold.setBold(True)
        names = kind_names()
        locale = QLocale()
        for bucket, day, group in agenda.buckets(found, today):
            named = "day" if data_date and bucket in ("today", "tomorrow") else bucket
            title = {"overdue": self.tr("Overdue"), "today": self.tr("Today, %1"),
                     "tomorrow": self.tr("Tomorrow, %1"), "day": "%1"}[named]
            if day is not None:
                weekday = locale.dayName(day.isoweekday(), QLocale.FormatType.LongFormat)
                title = title.replace("%1", f"{weekday} {fmt.date(day)}" if named == "day" else fmt.date(day))
            node = QTreeWidgetItem([f"{title} ({len(group)})"])
            node.setFont(0, bold)
            node.setFirstColumnSpanned(True)
            node.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.tree.addTopLevelItem(node)
            for item in group:
                money = fmt.money(item.amount, item.currency or currency) if item.amount is not None else ""
                ref = self.departments.get(item.detail, item.detail) if item.kind == "task" else item.detail
                what = names[item.kind] + (f" ({fmt.date(item.day)})" if bucket == "overdue" else "")
                child = QTreeWidgetItem([what, ref, item.title, money])
                child.setData(0, Qt.ItemDataRole.UserRole, item.ref)
                child.setTextAlignment(3, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if bucket == "overdue":
                    child.setForeground(0, QBrush(QColor("#c62828")))
                node.addChild(child)
            if not group:
                none = QTreeWidgetItem([self.tr("Nothing due.")])
                none.setForeground(0, QBrush(QColor("#90a4ae")))
                node.addChild(none)
            node.setExpanded(True)
        self.export_button.setEnabled(bool(found))

    def _labelled(self, found: list) -> list:
        """The chargebacks' Amazon types as the KAM reads them (in the list and in the .ics)."""
        from dataclasses import replace

        from vendordesk.ui.tickets import labels

        types = labels.chargeback_types(self.lang)
        return [replace(item, title=str(types.get(item.title, item.title))) if item.ref[0] == "chargeback" else item
                for item in found]

    def export_ics(self, path: str | None = None) -> str | None:
        from vendordesk.core.agenda_ics import write_ics
        from vendordesk.ui.export_dialog import ask_export_path

        if path is None:
            path = ask_export_path(self, self.tr("Export to calendar"), self.tr("vendordesk-todo.ics"),
                                   self.tr("Calendar (*.ics)"))
        if path:
            write_ics(path, self.found, self.lang, today=self.today)
        return path or None

    def _activated(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        data = item.data(0, Qt.ItemDataRole.UserRole)
        if data:
            self.open_item.emit(data[0], data[1])
