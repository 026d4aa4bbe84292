"""The Tickets tab (placeholder until its issue lands: an honest empty state)."""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout

from vendordesk.ui.tabs.base import BaseTab, EmptyState


class TicketsTab(BaseTab):
    def __init__(self, ctx, parent=None):
        super().__init__(ctx, parent)
        layout = QVBoxLayout(self)
        self.empty = EmptyState(self.tr("No cases, chargebacks or tasks yet"), self.tr("Add a Vendor Central support case, paste an Amazon case e-mail, or import a chargeback export (File › Import…)."))
        layout.addWidget(self.empty)

    def title(self) -> str:
        return self.tr("Tickets")
