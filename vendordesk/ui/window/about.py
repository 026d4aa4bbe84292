"""Help › About: versions, data folder, log file and the keyring backend in use."""

from __future__ import annotations

import platform
import sys

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from vendordesk import __version__
from vendordesk.paths import data_dir, log_file, resources_dir
from vendordesk.settings import settings_path
from vendordesk.ui.context import AppContext
from vendordesk.ui.settings.credentials import password_store_name


def keyring_backend_name() -> str:
    try:
        import keyring

        backend = keyring.get_keyring()
        return f"{type(backend).__module__}.{type(backend).__name__}"
    except Exception as exc:
        return f"unavailable ({exc})"


class AboutDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("About VendorDesk"))
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        icon = QLabel()
        icon.setPixmap(QPixmap(str(resources_dir() / "icons" / "vendordesk-48.png")))
        top.addWidget(icon, 0, Qt.AlignmentFlag.AlignTop)
        head = QLabel(f"<h2>VendorDesk {__version__}</h2>" + self.tr(
            "<p>The desk of a Key Account Manager selling to Amazon as a 1P vendor.</p>"))
        top.addWidget(head, 1)
        layout.addLayout(top)
        form = QFormLayout()
        rows = [
            (self.tr("Python"), f"{platform.python_version()} ({sys.platform})"),
            (self.tr("Qt / PySide6"), pyside_version),
            (self.tr("Workspace"), str(ctx.workspace.path)),
            (self.tr("Data folder"), str(data_dir())),
            (self.tr("Log file"), str(log_file())),
            (self.tr("Settings file"), str(settings_path())),
            (self.tr("Password store"), password_store_name()),
        ]
        for label, value in rows:
            field = QLabel(value)
            field.setTextInteractionFlags(field.textInteractionFlags() | field.textInteractionFlags().TextSelectableByMouse)
            form.addRow(label + ":", field)
        field.setToolTip(keyring_backend_name())      # the password store's technical name, for support
        layout.addLayout(form)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
