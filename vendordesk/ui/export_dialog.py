"""The save dialog of every export: opens in the last export folder, else in Documents (never the
install folder), and remembers the folder chosen."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths
from PySide6.QtWidgets import QFileDialog

LAST_DIR_KEY = "export/last_dir"


def start_folder(settings: QSettings | None = None) -> Path:
    """The last-used export folder if it still exists, else Documents, else the home folder."""
    settings = settings or QSettings()
    last = settings.value(LAST_DIR_KEY, "")
    if last and Path(str(last)).is_dir():
        return Path(str(last))
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    if documents and Path(documents).is_dir():
        return Path(documents)
    return Path.home()


def remember_folder(path: str | Path, settings: QSettings | None = None) -> None:
    (settings or QSettings()).setValue(LAST_DIR_KEY, str(Path(path).parent))


def ask_export_path(parent, title: str, file_name: str, filters: str) -> str | None:
    """The file the user picked (remembered for next time), or None when cancelled."""
    path, _ = QFileDialog.getSaveFileName(parent, title, str(start_folder() / file_name), filters)
    if not path:
        return None
    remember_folder(path)
    return path
