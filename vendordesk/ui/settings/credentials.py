"""Settings › SP-API: the three LWA credentials, kept only in the OS keyring.

Stored values are never shown: a field shows "stored (…abcd)" as placeholder and an empty
field keeps what is stored. The page shows the keyring backend, a session-only notice when no
keyring works, and when the client secret must be rotated (every 180 days).
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from vendordesk import secrets
from vendordesk import settings as st
from vendordesk.ui import fmt


def _tr(text: str) -> str:
    return QCoreApplication.translate("Credentials", text)


def _stores() -> dict[str, str]:
    """The password stores of the systems the app runs on, by keyring backend (module.class)."""
    gnome = _tr("Secret Service (GNOME Keyring)")
    return {"keyring.backends.Windows.WinVaultKeyring": _tr("Windows Credential Manager"),
            "keyring.backends.macOS.Keyring": _tr("macOS Keychain"),
            "keyring.backends.SecretService.Keyring": gnome, "keyring.backends.libsecret.Keyring": gnome,
            "keyring.backends.kwallet.DBusKeyring": _tr("KDE Wallet")}


def password_store_name(backend: str | None = None) -> str:
    """The password store as the user knows it ("Windows Credential Manager"), never the keyring
    backend's class path ("keyring.backends.fail.Keyring" was shown in Settings and About)."""
    backend = secrets.backend_name() if backend is None else backend
    stores = _stores()
    if backend in stores:
        return stores[backend]
    if backend.startswith(("keyring.backends.fail", "keyring.backends.null", "keyring.backends.chainer",
                           "unavailable")):
        return _tr("none available")
    return _tr("another password store (%1)").replace("%1", backend.rsplit(".", 1)[-1])


class CredentialsPage(QWidget):
    def __init__(self, settings: st.Settings, parent=None):
        super().__init__(parent)
        self.store = secrets.store()
        self._set_on = settings.lwa_secret_set_on
        self._remove = False
        layout = QVBoxLayout(self)
        # "SP-API" with a non-breaking hyphen: the wrapped intro read "SP-" / "API app"
        self.intro = intro = QLabel(self.tr(
            "Optional: VendorDesk can fetch the vendor reports from Amazon's Selling Partner API. It needs a "
            "private SP-API app with the Brand Analytics role (ask your Vendor Central admin). Nothing goes "
            "online unless you start a sync.").replace("SP-API", "SP\u2011API"))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.fields: dict[str, QLineEdit] = {}
        labels = {"lwa_app_id": self.tr("LWA client ID:"), "lwa_client_secret": self.tr("LWA client secret:"),
                  "refresh_token": self.tr("Refresh token:")}
        for name, label in labels.items():
            edit = QLineEdit()
            if name != "lwa_app_id":
                edit.setEchoMode(QLineEdit.EchoMode.Password)
            form.addRow(label, edit)
            self.fields[name] = edit
        layout.addLayout(form)
        self.rotation = QLabel()
        self.rotation.setWordWrap(True)
        layout.addWidget(self.rotation)
        self.backend = QLabel()
        self.backend.setWordWrap(True)
        self.backend.setStyleSheet("color: #607d8b;")
        layout.addWidget(self.backend)
        self.notice = QLabel()
        self.notice.setWordWrap(True)
        self.notice.setStyleSheet("color: #b71c1c;")
        layout.addWidget(self.notice)
        remove = QPushButton(self.tr("Remove stored credentials"))
        remove.clicked.connect(self._mark_removed)
        layout.addWidget(remove, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)
        self._show_state()

    def _show_state(self) -> None:
        for name, edit in self.fields.items():
            stored = None if self._remove else self.store.get(name)
            hint = secrets.mask(stored) if name == "lwa_app_id" else ("••••••••" if stored else "")
            edit.setPlaceholderText(self.tr("stored (%1)").replace("%1", hint) if stored else self.tr("not set"))
        self.rotation.setText(rotation_text(self._set_on))
        state = st.secret_rotation(self._set_on)[1]
        self.rotation.setStyleSheet({"soon": "color: #e65100; font-weight: 600;",
                                     "overdue": "color: #b71c1c; font-weight: 600;"}.get(state, ""))
        self.backend.setText(self.tr("Password store: %1").replace("%1", password_store_name()))
        self.backend.setToolTip(secrets.backend_name())
        self.notice.setText(self.tr("No secure password store is available: the credentials are kept for "
                                    "this session only and must be entered again next time.")
                            if self.store.session_only else "")

    def _mark_removed(self) -> None:
        self._remove = True
        for edit in self.fields.values():
            edit.clear()
        self._show_state()

    def secret_set_on(self) -> str:
        """The date to remember for the rotation reminder (today when a new secret is entered)."""
        if self._remove:
            return ""
        if self.fields["lwa_client_secret"].text().strip():
            return dt.date.today().isoformat()
        return self._set_on

    def store_credentials(self) -> None:
        """Write the entered fields to the keyring; empty fields keep what is stored."""
        if self._remove:
            for name in secrets.FIELDS:
                self.store.delete(name)
        for name, edit in self.fields.items():
            value = edit.text().strip()
            if value:
                self.store.set(name, value)
            edit.clear()
        self._set_on = self.secret_set_on()
        self._remove = False
        self._show_state()


def rotation_text(set_on: str, today: dt.date | None = None) -> str:
    """The reminder line for the LWA client secret's 180-day rotation ("" when nothing to say)."""
    left, state = st.secret_rotation(set_on, today)
    if state == "unknown":
        return ""
    due = fmt.date(dt.date.fromisoformat(set_on) + dt.timedelta(days=st.SECRET_ROTATION_DAYS))
    if state == "overdue":
        return _tr("The LWA client secret expired on %1. Create a new one in the Solution Provider Portal "
                         "and enter it here.").replace("%1", due)
    if state == "soon":
        return _tr("Rotate the LWA client secret by %1 (%2 days left): create a new one in the Solution "
                         "Provider Portal and enter it here.").replace("%1", due).replace("%2", str(left))
    return _tr("The LWA client secret is valid until %1.").replace("%1", due)
