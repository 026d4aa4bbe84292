"""File › Settings…: language, account, gear thresholds and Net PPM target, default workspace,
SP-API credentials (keyring only, see ui/settings/credentials.py).

Settings go to settings.json (vendordesk.settings); the account also goes to the open
workspace's meta, and the Net PPM target and gear thresholds are the open workspace's own
(ui/settings/gears.py), where the tabs read them. The language applies at next start.
"""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from vendordesk import settings as st
from vendordesk.changes import Changes
from vendordesk.ui.settings.credentials import CredentialsPage
from vendordesk.ui.settings.gears import GearThresholdsPage

CURRENCIES = ("EUR", "GBP", "USD", "PLN", "SEK", "CAD")


class SettingsDialog(QDialog):
    """Edits a copy of the settings; ``apply()`` stores them (OK calls it)."""

    def __init__(self, ctx, parent=None, qsettings=None):
        super().__init__(parent)
        self.ctx, self.qsettings = ctx, qsettings
        self.settings = st.load()
        self.setWindowTitle(self.tr("Settings"))
        self.pages = QTabWidget()
        self.pages.addTab(self._general_page(), self.tr("General"))
        self.pages.addTab(self._account_page(), self.tr("Account"))
        self.gears = GearThresholdsPage(ctx, self.settings.net_ppm_target)
        self.pages.addTab(self.gears, self.tr("Gears"))
        self.credentials = CredentialsPage(self.settings)
        self.pages.addTab(self.credentials, self.tr("SP-API"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages)
        layout.addWidget(buttons)
        # One width for every page (the widest page's), a height for each: General and Account were
        # a few lines at the top of a fixed 780×520 box; the gear table scrolls in its own height.
        self.setMinimumWidth(max(560, max(self.pages.widget(i).sizeHint().width()
                                          for i in range(self.pages.count())) + 40))
        self.pages.currentChanged.connect(self._fit_to_page)
        self._fit_to_page()

    def _fit_to_page(self, _index: int = -1) -> None:
        """Size the dialog to the shown page: the hidden pages' sizes are ignored."""
        current = self.pages.currentWidget()
        for i in range(self.pages.count()):
            page = self.pages.widget(i)
            policy = QSizePolicy.Policy.Preferred if page is current else QSizePolicy.Policy.Ignored
            page.setSizePolicy(policy, policy)
        self.pages.updateGeometry()
        layout = self.layout()
        if layout is not None:
            layout.activate()
        # QTabWidget's sizeHint counts every page; its minimum honours the ignored ones
        slack = max(0, current.sizeHint().height() - current.minimumSizeHint().height())
        self.resize(max(self.minimumWidth(), self.width() if self.isVisible() else 0),
                    self.minimumSizeHint().height() + slack)

    # --- pages ------------------------------------------------------------------------
    def _general_page(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        self.language = QComboBox()
        for code, text in (("", self.tr("Follow the system")), ("de", "Deutsch"), ("en", "English")):
            self.language.addItem(text, code)
        self.language.setCurrentIndex(max(0, self.language.findData(self.settings.language)))
        form.addRow(self.tr("Language:"), self.language)
        hint = QLabel(self.tr("A new language applies the next time VendorDesk starts."))
        hint.setStyleSheet("color: #607d8b;")
        form.addRow("", hint)
        row = QHBoxLayout()
        self.workspace = QLineEdit(self.settings.default_workspace)
        self.workspace.setPlaceholderText(self.tr("The demo workspace in the data folder"))
        # the whole placeholder shows ("Der Demo-Arbeitsbereich im …" was cut)
        self.workspace.setMinimumWidth(self.workspace.fontMetrics().horizontalAdvance(
            self.workspace.placeholderText()) + 24)
        browse = QPushButton(self.tr("Choose…"))
        browse.clicked.connect(self._choose_workspace)
        current = QPushButton(self.tr("Use the open one"))
        current.clicked.connect(lambda: self.workspace.setText(str(self.ctx.workspace.path)))
        row.addWidget(self.workspace, 1)
        row.addWidget(browse)
        row.addWidget(current)
        form.addRow(self.tr("Default workspace:"), row)
        return page

    def _account_page(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        ws = self.ctx.workspace
        self.vendor_code = QLineEdit(ws.meta("vendor_code") or self.settings.vendor_code)
        self.vendor_code.setPlaceholderText(self.tr("e.g. ACME1"))
        form.addRow(self.tr("Vendor code:"), self.vendor_code)
        self.marketplace = QComboBox()
        from vendordesk.core.marketplaces import marketplace_name

        for market_id, (country, _currency) in st.MARKETPLACES.items():
            name = marketplace_name(market_id)
            self.marketplace.addItem(name if name and name != market_id else f"Amazon {country}", market_id)
            self.marketplace.setItemData(self.marketplace.count() - 1, market_id, Qt.ItemDataRole.ToolTipRole)
        chosen = ws.meta("marketplace_id") or self.settings.marketplace_id
        self.marketplace.setCurrentIndex(max(0, self.marketplace.findData(chosen)))
        self.marketplace.currentIndexChanged.connect(self._market_changed)
        form.addRow(self.tr("Marketplace:"), self.marketplace)
        self.currency = QComboBox()
        self.currency.addItems(CURRENCIES)
        self.currency.setCurrentText(ws.meta("currency") or self.settings.currency)
        form.addRow(self.tr("Currency:"), self.currency)
        note = QLabel(self.tr("The account settings are stored in the open workspace as well."))
        note.setStyleSheet("color: #607d8b;")
        form.addRow("", note)
        return page

    def _market_changed(self) -> None:
        currency = st.MARKETPLACES.get(self.marketplace.currentData(), ("", ""))[1]
        if currency:
            self.currency.setCurrentText(currency)

    def _choose_workspace(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Default workspace"), self.workspace.text(),
                                              self.tr("VendorDesk workspace") + " (*.vendordesk *.sqlite *.db)")
        if path:
            self.workspace.setText(path)

    # --- storing ----------------------------------------------------------------------
    def collected(self) -> st.Settings:
        return dataclasses.replace(
            self.settings, language=self.language.currentData(), default_workspace=self.workspace.text().strip(),
            vendor_code=self.vendor_code.text(), marketplace_id=self.marketplace.currentData(),
            currency=self.currency.currentText(), net_ppm_target=self.gears.target(),
            lwa_secret_set_on=self.credentials.secret_set_on()).validated()

    def apply(self) -> Changes:
        """Store everything; returns what changed for the main window's broadcast."""
        new = self.collected()
        self.credentials.store_credentials()
        st.save(new)
        ws = self.ctx.workspace
        before = {key: ws.meta(key) for key in ("vendor_code", "marketplace_id", "currency")}
        after = {"vendor_code": new.vendor_code or None, "marketplace_id": new.marketplace_id,
                 "currency": new.currency}
        for key, value in after.items():
            if before[key] != value:
                ws.set_meta(key, value)
        gears = self.gears.apply()
        if self.qsettings is not None:
            self.qsettings.setValue("ui/language", new.language)
        self.settings = new
        return Changes(settings=True, gears=gears, facts=before["currency"] != after["currency"])

    def accept(self) -> None:
        self.changes = self.apply()
        super().accept()


def open_settings(window) -> None:
    """File › Settings…: edit, store, and tell every tab what changed."""
    dialog = SettingsDialog(window.ctx, window, getattr(window, "settings", None))
    if dialog.exec() == QDialog.DialogCode.Accepted:
        window.changed.emit(dialog.changes)
    dialog.deleteLater()
