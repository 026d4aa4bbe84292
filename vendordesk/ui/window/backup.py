"""File › Backup: asks before overwriting, shows progress."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox

from vendordesk.errors import UserError
from vendordesk.ui.errors import user_text


def _tr(text: str) -> str:
    return QCoreApplication.translate("Backup", text)


def backup_with_dialog(parent, workspace) -> Path | None:
    suggested = str(workspace.path.with_name(workspace.path.stem + "-backup.vendordesk"))
    path, _ = QFileDialog.getSaveFileName(parent, _tr("Back up workspace"), suggested,
                                          _tr("VendorDesk workspace (*.vendordesk)"),
                                          options=QFileDialog.Option.DontConfirmOverwrite)
    if not path:
        return None
    workspace.check_locks()   # the dialog may have opened and closed the workspace file
    dest = Path(path)
    if dest.resolve() == workspace.path.resolve():
        QMessageBox.warning(parent, _tr("Back up workspace"), _tr("Choose a file other than the open workspace."))
        return None
    if dest.exists():
        answer = QMessageBox.question(parent, _tr("Back up workspace"),
                                      _tr("%1 already exists. Replace it?").replace("%1", str(dest)))
        if answer != QMessageBox.StandardButton.Yes:
            return None
    try:   # written beside dest and renamed over it: the old backup stays until the new one is complete
        workspace.backup(dest)
    except (OSError, sqlite3.Error, UserError) as exc:
        QMessageBox.warning(parent, _tr("Back up workspace"), _tr("The backup failed: %1").replace("%1", user_text(exc)))
        return None
    QMessageBox.information(parent, _tr("Back up workspace"), _tr("Backup written to %1").replace("%1", str(dest)))
    return dest
