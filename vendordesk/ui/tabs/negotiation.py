"""The Price increase tab (placeholder until its issue lands: an honest empty state)."""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout

from vendordesk.ui.tabs.base import BaseTab, EmptyState


class NegotiationTab(BaseTab):
    def __init__(self, ctx, parent=None):
        super().__init__(ctx, parent)
        layout = QVBoxLayout(self)
        self.empty = EmptyState(self.tr("No price-increase case yet"), self.tr("Create a negotiation case for the ASINs whose cost price must rise. Import sales facts first so that ASP and Net PPM can be computed."))
        layout.addWidget(self.empty)

    def title(self) -> str:
        return self.tr("Price increase")
