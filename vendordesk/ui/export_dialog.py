"""The save dialog of every export: opens in the last export folder, else in Documents (never the
install folder), and remembers the folder chosen. The workspace dialogs (File › New, Open) do the
same with their own folder.

Qt's own file dialog (where the system has no native one) opened at 632×408 with a "Type" column
that cut German "Verzeichnis" to "Ver…nis"; ``keep_file_dialogs_fitting`` sizes every such dialog
the window opens, ours and Qt's static ones alike, to fit its columns and side bar.

Its size and date columns came from QLocale::system() ("7 12 2026" here, whatever the app's language);
``AppLocaleFiles`` writes them in the app's language (07.12.2026 14:05, 1,50 KiB). A dialog's
setLocale alone does not reach them, so the dialog gets this proxy model as well.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QIdentityProxyModel, QLocale, QModelIndex, QPersistentModelIndex, QSettings, QStandardPaths, Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QFileSystemModel, QHeaderView, QListView, QSplitter, QTreeView, QWidget

LAST_DIR_KEY = "export/last_dir"
WORKSPACE_DIR_KEY = "workspace/last_dir"
IMPORT_DIR_KEY = "import/last_dir"
FITTED = "vendordesk_fitted"


def start_folder(settings: QSettings | None = None, key: str = LAST_DIR_KEY) -> Path:
    """The last-used folder (of exports, or of ``key``) if it still exists, else Documents, else the
    home folder."""
    settings = settings or QSettings()
    last = settings.value(key, "")
    if last and Path(str(last)).is_dir():
        return Path(str(last))
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    if documents and Path(documents).is_dir():
        return Path(documents)
    return Path.home()


def remember_folder(path: str | Path, settings: QSettings | None = None, key: str = LAST_DIR_KEY) -> None:
    (settings or QSettings()).setValue(key, str(Path(path).parent))


def import_folder(settings: QSettings | None = None) -> Path:
    """Where the dialogs that pick files to read (reports, chargebacks) open: the last import folder,
    else Documents, never the folder the app was started in."""
    return start_folder(settings, IMPORT_DIR_KEY)


def ask_open_paths(parent: QWidget | None, title: str, filters: str, many: bool = False) -> list[str]:
    """The files the user picked (their folder remembered for next time); [] when cancelled."""
    folder = str(import_folder())
    if many:
        paths, _ = QFileDialog.getOpenFileNames(parent, title, folder, filters)
    else:
        path, _ = QFileDialog.getOpenFileName(parent, title, folder, filters)
        paths = [path] if path else []
    if paths:
        remember_folder(paths[0], key=IMPORT_DIR_KEY)
    return list(paths)


def ask_export_path(parent: QWidget | None, title: str, file_name: str, filters: str) -> str | None:
    """The file the user picked (remembered for next time), or None when cancelled."""
    path, _ = QFileDialog.getSaveFileName(parent, title, str(start_folder() / file_name), filters)
    if not path:
        return None
    remember_folder(path)
    return path


class AppLocaleFiles(QIdentityProxyModel):
    """The file dialog's model with the size (column 1) and the date (column 3) in the app's
    language (QLocale's default, set by ``ui.i18n.install_language``)."""

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        source = self.sourceModel()
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole and column in (1, 3) and isinstance(source, QFileSystemModel):
            from vendordesk.ui import fmt

            inner = self.mapToSource(index)
            if column == 3:
                stamp = source.lastModified(inner)
                if stamp.isValid():
                    return f"{QLocale().toString(stamp.date(), fmt.date_format())} {QLocale().toString(stamp.time(), 'HH:mm')}"
            elif not source.isDir(inner):
                return QLocale().formattedDataSize(source.size(inner))
        return super().data(index, role)


def use_app_locale(dialog: QFileDialog) -> None:
    """Dates and sizes in the app's language (Qt's own dialog only; a native one draws its own)."""
    dialog.setLocale(QLocale())
    if not isinstance(dialog.proxyModel(), AppLocaleFiles):
        dialog.setProxyModel(AppLocaleFiles(dialog))


def fit_file_dialog(dialog: QFileDialog) -> None:
    """Qt's own file dialog at a size that fits German: at least 900×560 (within the screen), the
    size, type and date columns as wide as their texts, the side bar as wide as its places."""
    if dialog.property(FITTED):
        return
    dialog.setProperty(FITTED, True)
    use_app_locale(dialog)
    parent = dialog.parentWidget()
    room = parent.window().size() if parent is not None else dialog.screen().availableGeometry().size()
    width, height = min(900, room.width() - 40), min(560, room.height() - 40)      # within the window
    dialog.resize(max(dialog.width(), width), max(dialog.height(), height))
    tree = dialog.findChild(QTreeView, "treeView")
    if tree is not None:
        header = tree.header()
        header.setMinimumSectionSize(40)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, header.count()):        # size, type ("Verzeichnis"), date
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
    sidebar = dialog.findChild(QListView, "sidebar")
    splitter = dialog.findChild(QSplitter, "splitter")
    if sidebar is not None and splitter is not None and len(splitter.sizes()) == 2:
        side = min(260, max(splitter.sizes()[0], sidebar.sizeHintForColumn(0) + 24))
        total = sum(splitter.sizes())
        splitter.setSizes([side, max(1, total - side)])


def _fit_focused(_old: QWidget | None, new: QWidget | None) -> None:
    window = new.window() if new is not None else None
    if isinstance(window, QFileDialog):
        fit_file_dialog(window)


def keep_file_dialogs_fitting(app: QApplication | None = None) -> None:
    """Fit every Qt file dialog when it takes the focus (it does on opening); connected once per
    application. Native dialogs are no QWidgets and stay as the system draws them."""
    app = app or QApplication.instance()           # type: ignore[assignment]
    if app is None or app.property(FITTED):
        return
    app.setProperty(FITTED, True)
    app.focusChanged.connect(_fit_focused)
