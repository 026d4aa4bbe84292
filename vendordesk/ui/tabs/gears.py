"""The KPI gears tab (placeholder until its issue lands: an honest empty state)."""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout

from vendordesk.ui.tabs.base import BaseTab, EmptyState


class GearsTab(BaseTab):
    def __init__(self, ctx, parent=None):
        super().__init__(ctx, parent)
        layout = QVBoxLayout(self)
        self.empty = EmptyState(self.tr("No sales data yet"), self.tr("Import Vendor Central Sales, Traffic, Inventory and Net PPM reports (File › Import…) to see the nine KPI gears and how they drive one another."))
        layout.addWidget(self.empty)

    def title(self) -> str:
        return self.tr("KPI gears")
