"""File › Import and drag-and-drop: choose files, preview what was recognised, import in a worker.

``start_import(window, paths)``: a file chooser when ``paths`` is None; then every file is read
(dry run) in a child process, the preview lists what was recognised per file, and on "Import"
the files are written (one transaction each) with a progress dialog that can cancel.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QMessageBox

from vendordesk.changes import Changes
from vendordesk.errors import Cancelled
from vendordesk.ui.workers import TaskProgress, run_task


def _tr(text: str) -> str:
    return QCoreApplication.translate("ImportDialog", text)


def choose_files(window) -> list[str]:
    from vendordesk.ui.export_dialog import ask_open_paths

    return ask_open_paths(window, _tr("Import reports"),
                          _tr("Reports (*.csv *.txt *.tsv *.xlsx *.json *.gz);;All files (*)"), many=True)


class ImportFlow(QObject):
    """One import from choosing files to the refreshed tabs.

    Attributes:
        preview: the ImportPreview dialog once the files were read (tests use it).
        results: the events of the committed import, when it finished.
    """

    def __init__(self, window, paths: list[str]):
        super().__init__(window)
        self.window, self.paths = window, paths
        self.preview = None
        self.results: list[dict] | None = None
        self.progress: TaskProgress | None = None
        self.task = None
        self.period: str | None = None   # START..END for files without a Viewing Range

    def _progress_dialog(self, label: str) -> TaskProgress:
        dialog = TaskProgress(label, self.tr("Cancel"), self.window, self.tr("Import reports"))
        dialog.canceled.connect(self._cancel)
        return dialog

    def _cancel(self) -> None:
        if self.task is not None:
            self.task.cancel()

    def _set_progress(self, fraction: float) -> None:
        if self.progress is not None:
            self.progress.set_fraction(fraction)

    def _close_progress(self) -> None:
        if self.progress is not None:
            self.progress.finish()
            self.progress = None

    def read(self, period: str | None = None) -> None:
        """Step 1: read every file without writing (dry run) for the preview."""
        from vendordesk.ui.imports.runner import run_import

        self.period = period or self.period
        self.progress = self._progress_dialog(self.tr("Reading %n file(s)…", "", len(self.paths)))
        self.task = run_task(run_import, self.window.ctx.path, self.paths, True, self.period,
                             lang=self.window.ctx.lang, on_done=self._show_preview, on_error=self._failed,
                             on_progress=self._set_progress)

    def _show_preview(self, events: list[dict]) -> None:
        from vendordesk.ui.imports.preview import ImportPreview

        self._close_progress()
        self.task = None
        self.preview = ImportPreview(events, self.window)
        self.preview.accepted.connect(self.commit)
        self.preview.period_chosen.connect(self.read)
        self.preview.open()

    def commit(self) -> None:
        """Step 2: write the files the preview accepted, one transaction each."""
        from vendordesk.ui.imports.runner import run_import

        files = self.preview.importable_paths()
        self.progress = self._progress_dialog(self.tr("Importing %n file(s)…", "", len(files)))
        self.task = run_task(run_import, self.window.ctx.path, files, False, self.period,
                             lang=self.window.ctx.lang, on_done=self._finished, on_error=self._failed,
                             on_progress=self._set_progress)

    def _finished(self, events: list[dict]) -> None:
        self._close_progress()
        self.task, self.results = None, events
        done = [e for e in events if e["event"] == "done"]
        refused = [e for e in events if e["event"] in ("refused", "failed")]   # each message names its file
        self.window.changed.emit(Changes(facts=True))
        rows = sum(e["summary"]["rows"] for e in done)
        self.window.statusBar().showMessage(
            self.tr("Imported %n file(s)", "", len(done)) + " · " + self.tr("%n row(s)", "", rows), 10000)
        if refused:
            QMessageBox.warning(self.window, self.tr("Import reports"),
                                "\n\n".join(e["message"] for e in refused))

    def _failed(self, exc: BaseException) -> None:
        self._close_progress()
        self.task = None
        if isinstance(exc, Cancelled):
            if self.preview is not None:   # some files may already be in
                self.window.changed.emit(Changes(facts=True))
            self.window.statusBar().showMessage(
                self.tr("Import cancelled. Files finished before the cancel are kept; the file in progress "
                        "was not imported."), 10000)
            return
        from vendordesk.ui.errors import show_unexpected

        show_unexpected(self.window, type(exc), exc, exc.__traceback__)


def start_import(window, paths: list[str] | None = None) -> ImportFlow | None:
    """Entry point for File › Import and drag-and-drop."""
    if paths is None:
        paths = choose_files(window)
    paths = [p for p in paths if p]
    if not paths:
        return None
    flow = ImportFlow(window, list(paths))
    window._import_flow = flow   # keep it alive while dialogs and workers run
    flow.read()
    return flow
