"""File › Settings…: language, account, gear thresholds and Net PPM target, default workspace,
SP-API credentials (keyring only, see ui/settings_credentials.py).

Settings go to settings.json (vendordesk.settings); the account and the Net PPM target also go
to the open workspace's meta, where the tabs read them. The language applies at next start.
"""

from __future__ import annotations

import dataclasses

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from vendordesk import settings as st
from vendordesk.changes import Changes
from vendordesk.ui.settings_credentials import CredentialsPage

CURRENCIES = ("EUR", "GBP", "USD", "PLN", "SEK", "CAD")
# KPI -> unit ("%" shows fractions as percent, "wk" weeks)
KPI_UNITS = {"procurable_product_out_of_stock_rate": "%", "uft": "%", "vendor_confirmation_rate": "%",
             "receive_fill_rate": "%", "po_on_time_rate": "%", "chargeback_share": "%", "weeks_of_cover_max": "wk"}


class SettingsDialog(QDialog):
    """Edits a copy of the settings; ``apply()`` stores them (OK calls it)."""

    def __init__(self, ctx, parent=None, qsettings=None):
        super().__init__(parent)
        self.ctx, self.qsettings = ctx, qsettings
        self.settings = st.load()
        self.setWindowTitle(self.tr("Settings"))
        self.setMinimumWidth(620)
        self.pages = QTabWidget()
        self.pages.addTab(self._general_page(), self.tr("General"))
        self.pages.addTab(self._account_page(), self.tr("Account"))
        self.pages.addTab(self._gears_page(), self.tr("Gears"))
        self.credentials = CredentialsPage(self.settings)
        self.pages.addTab(self.credentials, self.tr("SP-API"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages)
        layout.addWidget(buttons)

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
        for market_id, (country, _currency) in st.MARKETPLACES.items():
            self.marketplace.addItem(f"Amazon {country} ({market_id})", market_id)
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

    def _kpi_names(self) -> dict[str, str]:
        return {"procurable_product_out_of_stock_rate": self.tr("Procurable product OOS rate"),
                "uft": self.tr("Ultra Fast Track (UFT)"),
                "vendor_confirmation_rate": self.tr("Vendor confirmation rate"),
                "receive_fill_rate": self.tr("Receive fill rate"),
                "po_on_time_rate": self.tr("PO on-time rate"),
                "chargeback_share": self.tr("Chargebacks as share of sell-in"),
                "weeks_of_cover_max": self.tr("Weeks of cover (upper limit)")}

    def _gears_page(self) -> QWidget:
        page = QWidget()
        grid = QGridLayout(page)
        grid.addWidget(QLabel(self.tr("Net PPM target:")), 0, 0)
        target = self.ctx.workspace.meta("net_ppm_target")
        self.net_ppm = self._spin("%", float(target) if target else self.settings.net_ppm_target)
        grid.addWidget(self.net_ppm, 0, 1)
        grid.addWidget(QLabel("<b>" + self.tr("KPI") + "</b>"), 1, 0)
        grid.addWidget(QLabel("<b>" + self.tr("Green at") + "</b>"), 1, 1)
        grid.addWidget(QLabel("<b>" + self.tr("Red at") + "</b>"), 1, 2)
        self.thresholds: dict[str, tuple[QDoubleSpinBox, QDoubleSpinBox]] = {}
        for row, (key, name) in enumerate(self._kpi_names().items(), start=2):
            green, red = self.settings.gear_thresholds.get(key, st.default_thresholds()[key])
            spins = (self._spin(KPI_UNITS[key], green), self._spin(KPI_UNITS[key], red))
            grid.addWidget(QLabel(name), row, 0)
            grid.addWidget(spins[0], row, 1)
            grid.addWidget(spins[1], row, 2)
            self.thresholds[key] = spins
        hint = QLabel(self.tr("Between green and red a gear shows amber. When green is below red, lower is better."))
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #607d8b;")
        grid.addWidget(hint, len(self.thresholds) + 2, 0, 1, 3)
        grid.setRowStretch(len(self.thresholds) + 3, 1)
        return page

    def _spin(self, unit: str, value: float) -> QDoubleSpinBox:
        spin = QDoubleSpinBox()
        if unit == "%":
            spin.setRange(0.0, 100.0)
            spin.setDecimals(1)
            spin.setSuffix(" %")
            spin.setValue(value * 100.0)
        else:
            spin.setRange(0.0, 52.0)
            spin.setDecimals(1)
            spin.setSuffix(" " + self.tr("wk"))
            spin.setValue(value)
        spin.setProperty("unit", unit)
        return spin

    def _choose_workspace(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Default workspace"), self.workspace.text(),
                                              "VendorDesk workspace (*.vendordesk *.sqlite *.db)")
        if path:
            self.workspace.setText(path)

    # --- storing ----------------------------------------------------------------------
    @staticmethod
    def _value(spin: QDoubleSpinBox) -> float:
        return round(spin.value() / 100.0, 6) if spin.property("unit") == "%" else spin.value()

    def collected(self) -> st.Settings:
        thresholds = {key: [self._value(g), self._value(r)] for key, (g, r) in self.thresholds.items()}
        return dataclasses.replace(
            self.settings, language=self.language.currentData(), default_workspace=self.workspace.text().strip(),
            vendor_code=self.vendor_code.text(), marketplace_id=self.marketplace.currentData(),
            currency=self.currency.currentText(), net_ppm_target=self._value(self.net_ppm),
            gear_thresholds=thresholds, lwa_secret_set_on=self.credentials.secret_set_on()).validated()

    def apply(self) -> Changes:
        """Store everything; returns what changed for the main window's broadcast."""
        new = self.collected()
        self.credentials.store_credentials()
        st.save(new)
        ws = self.ctx.workspace
        before = (ws.meta("vendor_code"), ws.meta("marketplace_id"), ws.meta("currency"), ws.meta("net_ppm_target"))
        after = (new.vendor_code or None, new.marketplace_id, new.currency, repr(new.net_ppm_target))
        for key, old, value in zip(("vendor_code", "marketplace_id", "currency", "net_ppm_target"), before, after):
            if old != value:
                ws.set_meta(key, value)
        if self.qsettings is not None:
            self.qsettings.setValue("ui/language", new.language)
        gears = new.gear_thresholds != self.settings.gear_thresholds or before[3] != after[3]
        self.settings = new
        return Changes(settings=True, gears=gears, facts=before[2] != after[2])

    def accept(self) -> None:
        self.changes = self.apply()
        super().accept()


def open_settings(window) -> None:
    """File › Settings…: edit, store, and tell every tab what changed."""
    dialog = SettingsDialog(window.ctx, window, getattr(window, "settings", None))
    if dialog.exec() == QDialog.DialogCode.Accepted:
        window.changed.emit(dialog.changes)
    dialog.deleteLater()
