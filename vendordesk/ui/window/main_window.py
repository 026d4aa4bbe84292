"""The main window: four tabs, menus, status bar; broadcasts what changed."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import shiboken6
from PySide6.QtCore import QEvent, QPoint, QSettings, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QTabWidget,
    QWidget,
)

from vendordesk import APP_NAME
from vendordesk.changes import Changes
from vendordesk.errors import UserError
from vendordesk.ops.workspace import open_path
from vendordesk.ui import fmt
from vendordesk.ui.context import AppContext
from vendordesk.ui.tab_base import BaseTab

log = logging.getLogger(__name__)
_Tab = TypeVar("_Tab", bound=BaseTab)


def _tab_classes() -> tuple[type[BaseTab], ...]:
    from vendordesk.ui.forecast.tab import ForecastTab
    from vendordesk.ui.gears.tab import GearsTab
    from vendordesk.ui.negotiation.tab import NegotiationTab
    from vendordesk.ui.tickets.tab import TicketsTab

    return (GearsTab, TicketsTab, NegotiationTab, ForecastTab)


class MainWindow(QMainWindow):
    """Signals:
    changed(Changes): a write happened; every tab refreshes what it shows.
    """

    changed = Signal(object)

    def __init__(self, ctx: AppContext, settings: QSettings | None = None):
        super().__init__()
        self.ctx = ctx
        self.settings = settings or QSettings()
        self.ctx.services["main_window"] = self
        self.undo_stack = QUndoStack(self)
        self.ctx.services["undo_stack"] = self.undo_stack
        from vendordesk.ui.column_memory import ColumnMemory

        self.columns = ColumnMemory(self.settings, self)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.setCentralWidget(self.tabs)
        self.setAcceptDrops(True)
        self._build_tabs()
        self._build_search()
        self._build_menus()
        self.workspace_label = QLabel()
        self.workspace_label.setProperty("desk_check_quoted", True)   # the workspace's name and path
        self.as_of_label = QLabel()
        self.statusBar().addWidget(self.workspace_label)
        self.statusBar().addPermanentWidget(self.as_of_label)
        self.changed.connect(self._on_changed)
        self.tabs.currentChanged.connect(self._on_tab_shown)
        self._update_title()
        self._restore_window_state()
        self._show_secret_reminder()
        from vendordesk.ui.export_dialog import keep_file_dialogs_fitting

        keep_file_dialogs_fitting()           # Qt's own file dialog cut "Ver…nis" at its first size

    # --- tabs -------------------------------------------------------------------------
    def _build_tabs(self) -> None:
        """Empty pages first; the real tabs (pandas, charts) are built after the first paint."""
        self.tab_widgets: list[BaseTab] = []
        self._first_paint_seen = False
        self._closed = False
        for title in (self.tr("KPI gears"), self.tr("Tickets"), self.tr("Price increase"), self.tr("Forecast")):
            self.tabs.addTab(QWidget(), title)

    def _build_search(self) -> None:
        from vendordesk.ui.window.search import SearchBox, search_entries

        self.search = SearchBox(lambda: search_entries(self.ctx.workspace))
        self.search.picked.connect(self.jump)
        # In the tab bar's corner (the menu bar is lower than a line edit and cut it off).
        corner = QWidget()
        corner.setObjectName("searchCorner")
        box = QHBoxLayout(corner)
        box.setContentsMargins(4, 1, 6, 1)
        box.addWidget(self.search)
        self.tabs.setCornerWidget(corner, Qt.Corner.TopRightCorner)

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def _tab_of(self, kind: type[_Tab]) -> _Tab | None:
        return next((t for t in self.tab_widgets if isinstance(t, kind)), None)

    def jump(self, kind: str, key: str) -> None:
        """Show a search hit: an ASIN in the gears tab, a case in the tickets tab."""
        from vendordesk.ui.gears.tab import GearsTab
        from vendordesk.ui.tickets.tab import TicketsTab

        self.ensure_tabs()
        if kind == "asin":
            gears = self._show_tab(GearsTab)
            if gears is not None:
                self._when(lambda: gears.content is not None and gears.model is not None,
                           lambda: gears._filter_asin(key))
        elif kind == "case":
            tickets = self._show_tab(TicketsTab)
            if tickets is not None:
                self._when(lambda: hasattr(tickets, "cases") and hasattr(tickets, "_frames"),
                           lambda: tickets.open_item("case", key))

    def _show_tab(self, kind: type[_Tab]) -> _Tab | None:
        """The open tab of ``kind``, made current and loading (None if the window has none)."""
        tab = self._tab_of(kind)
        if tab is not None:
            self.tabs.setCurrentWidget(tab)
            tab.ensure_loaded()
        return tab

    def open_negotiation(self, case_id: int | str) -> None:
        """Show a negotiation in the price-increase tab (a negotiation date in the week view)."""
        from vendordesk.ui.negotiation.tab import NegotiationTab

        self.ensure_tabs()
        tab = self._tab_of(NegotiationTab)
        if tab is not None:
            self.tabs.setCurrentWidget(tab)
            tab.open_case(int(case_id))

    def _when(self, ready: Callable[[], object], action: Callable[[], object], tries: int = 200) -> None:
        """Run ``action`` once the tab has loaded (its data comes from a worker)."""
        if ready():
            action()
        elif tries > 0 and not self._closed:
            QTimer.singleShot(50, lambda: self._when(ready, action, tries - 1))

    def ensure_tabs(self) -> None:
        """Replace the empty pages with the real tabs (once) and load the visible one."""
        if not self.tab_widgets:
            self._build_real_tabs()
        self._on_tab_shown(self.tabs.currentIndex())

    def _build_real_tabs(self) -> None:
        current = self.tabs.currentIndex()
        self.tabs.blockSignals(True)
        for index, cls in enumerate(_tab_classes()):
            tab = cls(self.ctx, self)
            tab.changed.connect(self.changed)
            tab.badge_changed.connect(lambda text, t=tab: self._set_badge(t, text))
            tab.badge_changed.connect(lambda _text, t=tab: self._scan_columns(t))
            self.tab_widgets.append(tab)
            placeholder = self.tabs.widget(index)
            self.tabs.removeTab(index)
            self.tabs.insertTab(index, tab, tab.title())
            if placeholder is not None:
                placeholder.deleteLater()
        self.tabs.setCurrentIndex(current)
        self.tabs.blockSignals(False)
        self._name_tab_actions()
        self._undo_shortcut_for_tab(current)
        from vendordesk.ui.window.facts_export import export_all_facts

        self.add_export_action(self.tr("All facts (CSV/XLSX)…"), lambda: export_all_facts(self))
        for tab in self.tab_widgets:
            state = self.settings.value(f"layout/{type(tab).__name__}")
            if hasattr(tab, "restore_layout") and isinstance(state, dict):
                tab.restore_layout(state)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and not self._first_paint_seen:
            self._first_paint_seen = True
            QTimer.singleShot(0, self._after_first_paint)
        return super().event(event)

    def _after_first_paint(self) -> None:
        """Import pandas and the domain off the GUI thread, then build the tabs."""
        from vendordesk.ui.workers import run_task

        def build(_result: object = None) -> None:
            if shiboken6.isValid(self) and not self._closed:
                self.ensure_tabs()

        run_task(_preload_domain, on_done=build, on_error=build)

    def _set_badge(self, tab: BaseTab, text: str) -> None:
        index = self.tabs.indexOf(tab)
        self.tabs.setTabText(index, f"{tab.title()} ({text})" if text else tab.title())

    def _on_tab_shown(self, index: int) -> None:
        widget = self.tabs.widget(index)
        if widget is not None and hasattr(widget, "ensure_loaded"):
            widget.ensure_loaded()
            self._scan_columns(widget)

    def _scan_columns(self, tab: QWidget) -> None:
        """Remembered column widths for the tables ``tab`` has built (now, and once its data has
        arrived: tabs build their tables when the first load returns)."""
        if self._closed or not shiboken6.isValid(tab):
            return
        self.columns.scan(tab)

        def scan_again() -> None:
            if shiboken6.isValid(tab):
                self.columns.scan(tab)

        self._when(lambda: getattr(tab, "_loaded", True) and not _loading(tab), scan_again, tries=100)

    def _on_changed(self, changes: Changes) -> None:
        if self._closed:
            return              # a cancelled task's report after the close: its workspace is closed
        self.search.invalidate()
        for tab in self.tab_widgets:
            tab.refresh(changes)
            self.columns.scan(tab)
        self._update_title()

    # --- menus ------------------------------------------------------------------------
    def _action(self, menu: QMenu, text: str, slot: Callable[..., object],
                shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(shortcut)
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        self._action(file_menu, self.tr("&New workspace…"), self.new_workspace, QKeySequence.StandardKey.New)
        self._action(file_menu, self.tr("&Open workspace…"), self.open_workspace_dialog, QKeySequence.StandardKey.Open)
        file_menu.addSeparator()
        self.import_action = self._action(file_menu, self.tr("&Import reports…"), self.import_dialog, "Ctrl+I")
        if _has_module("vendordesk.ui.imports.history"):
            self._action(file_menu, self.tr("Import &history…"), self.open_import_history)
        self._action(file_menu, self.tr("&Backup…"), self.backup_dialog)
        self.export_menu = file_menu.addMenu(self.tr("&Export"))
        self.export_menu.menuAction().setVisible(False)
        if _has_module("vendordesk.ui.imports.sync_dialog"):
            self._action(file_menu, self.tr("&Sync with Amazon (SP-API)…"), self.open_sync)
        file_menu.addSeparator()
        self._tab_actions: list[QAction] = []
        if _has_module("vendordesk.ui.settings.tab"):
            self._action(file_menu, self.tr("&Settings…"), self.open_settings, QKeySequence.StandardKey.Preferences)
        self._action(file_menu, self.tr("&Quit"), self.close, QKeySequence.StandardKey.Quit)
        self._build_edit_menu()
        self._build_go_menu()
        self.help_menu = self.menuBar().addMenu(self.tr("&Help"))
        self._action(self.help_menu, self.tr("&About VendorDesk"), self.show_about)

    def _build_edit_menu(self) -> None:
        """Undo/redo of manual KPI values and gear settings (vendordesk.ui.undo)."""
        edit = self.menuBar().addMenu(self.tr("&Edit"))
        self.undo_action = self.undo_stack.createUndoAction(self, self.tr("&Undo"))
        self.redo_action = self.undo_stack.createRedoAction(self, self.tr("&Redo"))
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action.setShortcut(QKeySequence.StandardKey.Redo)
        edit.addAction(self.undo_action)
        edit.addAction(self.redo_action)
        edit.addSeparator()
        self.find_action = self._action(edit, self.tr("&Find…"), self.focus_search, QKeySequence.StandardKey.Find)
        self.tabs.currentChanged.connect(self._undo_shortcut_for_tab)

    def _undo_shortcut_for_tab(self, index: int) -> None:
        """The tickets tab keeps Ctrl+Z for its deletes; elsewhere Ctrl+Z is Edit › Undo."""
        own = hasattr(self.tabs.widget(index), "undo_delete")
        self.undo_action.setShortcut(QKeySequence() if own else QKeySequence(QKeySequence.StandardKey.Undo))

    def _build_go_menu(self) -> None:
        go = self.menuBar().addMenu(self.tr("&Go"))
        for index in range(self.tabs.count()):
            action = self._action(go, self.tabs.tabText(index), lambda _=False, i=index: self.tabs.setCurrentIndex(i),
                                  QKeySequence(f"Ctrl+{index + 1}"))
            self._tab_actions.append(action)
        self.tabs.currentChanged.connect(self._name_tab_actions)

    def _name_tab_actions(self, _index: int = 0) -> None:
        for index, action in enumerate(self._tab_actions):
            tab = self.tabs.widget(index)
            action.setText(tab.title() if isinstance(tab, BaseTab) else self.tabs.tabText(index))

    def add_export_action(self, text: str, slot: Callable[[], object]) -> QAction:
        """Tabs register their exports here (File › Export)."""
        self.export_menu.menuAction().setVisible(True)
        return self._action(self.export_menu, text, slot)

    # --- workspace --------------------------------------------------------------------
    def _update_title(self) -> None:
        ws = self.ctx.workspace
        self.setWindowTitle(f"{ws.name} – {APP_NAME}")
        self.workspace_label.setText(self.tr("Workspace: %1 (%2)").replace("%1", ws.name).replace("%2", str(ws.path)))
        from vendordesk.ops.workspace import data_as_of

        as_of = data_as_of(ws)
        self.as_of_label.setText(self.tr("Data as of %1").replace("%1", fmt.date(as_of)) if as_of
                                 else self.tr("No report data yet"))

    def switch_workspace(self, path: Path, create: bool = False) -> bool:
        try:
            workspace = open_path(path, create=create)
        except UserError as exc:
            from vendordesk.ui.errors import user_text

            QMessageBox.warning(self, self.tr("Cannot open workspace"), user_text(exc))
            return False
        old = self.ctx.workspace
        self.ctx.workspace = workspace
        self.undo_stack.clear()          # its steps hold the old workspace's records
        old.close()
        self.settings.setValue("workspace/last", str(path))
        self.changed.emit(Changes.everything())
        return True

    def _workspace_filter(self) -> str:
        return self.tr("VendorDesk workspace (*.vendordesk *.sqlite *.db);;All files (*)")

    def _workspace_folder(self, path: str = "") -> Path:
        """Where the workspace dialogs open: the folder last chosen in one, else Documents (never the
        folder the program was started in); with ``path``, remember its folder."""
        from vendordesk.ui.export_dialog import WORKSPACE_DIR_KEY, remember_folder, start_folder

        if path:
            remember_folder(path, self.settings, WORKSPACE_DIR_KEY)
        return start_folder(self.settings, WORKSPACE_DIR_KEY)

    def new_workspace(self) -> None:
        start = self._workspace_folder() / self.tr("Workspace.vendordesk")
        path, _ = QFileDialog.getSaveFileName(self, self.tr("New workspace"), str(start), self._workspace_filter())
        if path:
            self._workspace_folder(path)
            if not Path(path).suffix:
                path += ".vendordesk"
            if Path(path).exists():
                QMessageBox.warning(self, self.tr("New workspace"),
                                    self.tr("That file already exists. Use File › Open to open it."))
                return
            self.switch_workspace(Path(path), create=True)

    def open_workspace_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Open workspace"), str(self._workspace_folder()),
                                              self._workspace_filter())
        if path:
            self._workspace_folder(path)
            self.switch_workspace(Path(path))

    def import_dialog(self, paths: list[str] | None = None) -> None:
        """File › Import and drag-and-drop: ``vendordesk.ui.imports.tab.start_import``."""
        if not _has_module("vendordesk.ui.imports.tab"):
            QMessageBox.information(self, self.tr("Import"), self.tr("Importing reports is not available yet."))
            return
        from vendordesk.ui.imports.tab import start_import

        start_import(self, paths)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [url.toLocalFile() for url in event.mimeData().urls() if url.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.import_dialog(paths)

    def open_import_history(self) -> None:
        from vendordesk.ui.imports.history import open_import_history

        open_import_history(self)

    def open_settings(self) -> None:
        from vendordesk.ui.settings.tab import open_settings

        open_settings(self)

    def open_sync(self) -> None:
        from vendordesk.ui.imports.sync_dialog import open_sync

        open_sync(self)

    def backup_dialog(self) -> None:
        from vendordesk.ui.window.backup import backup_with_dialog

        backup_with_dialog(self, self.ctx.workspace)

    def show_about(self) -> None:
        from vendordesk.ui.window.about import AboutDialog

        AboutDialog(self.ctx, self).exec()

    def _show_secret_reminder(self) -> None:
        """The LWA client secret must be rotated every 180 days: remind in the status bar."""
        from vendordesk import settings as app_settings

        set_on = app_settings.load().lwa_secret_set_on
        if set_on and app_settings.secret_rotation(set_on)[1] in ("soon", "overdue"):
            from vendordesk.ui.settings.credentials import rotation_text

            self.statusBar().showMessage(rotation_text(set_on), 60_000)

    def _restore_window_state(self) -> None:
        size = self.settings.value("window/size")
        pos = self.settings.value("window/pos")
        if isinstance(size, QSize) and size.width() >= 640 and size.height() >= 480:
            self.resize(size)
        else:
            self.resize(1280, 820)
        if isinstance(pos, QPoint):
            self.move(pos)
        if self.settings.value("window/maximized", False, type=bool):
            self.setWindowState(self.windowState() | Qt.WindowState.WindowMaximized)
        last = int(self.settings.value("window/tab", 0, type=int))     # type: ignore[call-overload]
        if 0 <= last < self.tabs.count():
            self.tabs.setCurrentIndex(last)

    def closeEvent(self, event: QCloseEvent) -> None:
        self._closed = True
        self.settings.setValue("window/maximized", self.isMaximized())
        if not self.isMaximized():
            self.settings.setValue("window/size", self.size())
            self.settings.setValue("window/pos", self.pos())
        self.settings.setValue("workspace/last", str(self.ctx.workspace.path))
        self.save_layout()
        super().closeEvent(event)
        self._release_workspace()

    def _release_workspace(self) -> None:
        """Stop the workers and wait for them (they read the workspace on their own connections),
        then close it: the last connection checkpoints the WAL and deletes -wal and -shm."""
        from vendordesk.ui.workers import cancel_all

        runner = self.ctx.services.get("op_runner")
        if runner is not None:
            runner.cancel_all()          # a queued request would start after the close
        cancel_all(wait_ms=10_000)
        self.ctx.workspace.close()

    def save_layout(self) -> None:
        """The last tab and each tab's own layout (splitters, filters) for the next start."""
        self.settings.setValue("window/tab", self.tabs.currentIndex())
        self.columns.save()
        for tab in self.tab_widgets:
            state = tab.layout_state() if hasattr(tab, "layout_state") else {}
            if state:
                self.settings.setValue(f"layout/{type(tab).__name__}", state)
        self.settings.sync()


# Pure-Python modules the tabs need; importing them takes ~0.6 s, so a worker does it.
PRELOAD = ("pandas", "vendordesk.store.facts_read", "vendordesk.core.gears.report", "vendordesk.core.tickets",
           "vendordesk.core.negotiation.analysis", "vendordesk.core.forecast.run", "vendordesk.core.influence.graph")


def _preload_domain(progress: object = None, cancelled: Callable[[], bool] | None = None) -> None:
    import importlib

    for name in PRELOAD:
        if cancelled and cancelled():
            return
        importlib.import_module(name)


def _loading(tab: QWidget) -> bool:
    """A tab's load still running in a worker (tabs keep it in ``task``)."""
    return getattr(tab, "task", None) is not None


def _has_module(name: str) -> bool:
    import importlib.util

    return importlib.util.find_spec(name) is not None
