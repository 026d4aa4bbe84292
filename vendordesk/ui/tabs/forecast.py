"""The Forecast tab (placeholder until its issue lands: an honest empty state)."""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout

from vendordesk.ui.tabs.base import BaseTab, EmptyState


class ForecastTab(BaseTab):
    def __init__(self, ctx, parent=None):
        super().__init__(ctx, parent)
        layout = QVBoxLayout(self)
        self.empty = EmptyState(self.tr("No sales history yet"), self.tr("Import weekly Vendor Central Sales reports and Amazon's Forecast report (File › Import…) to compare our forecast with Amazon's."))
        layout.addWidget(self.empty)

    def title(self) -> str:
        return self.tr("Forecast")
