"""File › Export › All facts: every fact of the workspace to Excel (for people) or CSV (for
scripts), the same file as ``vendordesk export facts``. The export streams in ASIN batches off the
GUI thread (``OpRunner``), with a progress dialog whose Cancel stops it between two batches: no
partial file is left behind and a file of the same name stays as it was."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication

from vendordesk.ui.workers import TaskProgress

KIND = "export.facts"


def _tr(text: str) -> str:
    return QCoreApplication.translate("FactsExport", text)


def export_all_facts(window, path: str | None = None) -> TaskProgress | None:
    """Ask for the file (Documents or the last export folder), then export; returns the progress
    dialog while the export runs (None when nothing was started)."""
    from vendordesk.ops.exports import export
    from vendordesk.ui.export_dialog import ask_export_path
    from vendordesk.ui.operations import runner_for

    if path is None:
        path = ask_export_path(window, _tr("Export all facts"), _tr("Facts.xlsx"), _tr("Excel (*.xlsx);;CSV (*.csv)"))
    if not path:
        return None
    runner = runner_for(window.ctx)
    dialog = TaskProgress(_tr("Exporting all facts…"), _tr("Cancel"), window, _tr("Export all facts"), steps=100)

    def done(result) -> None:
        dialog.finish()
        from vendordesk.ui import fmt

        text = _tr("Facts exported to %1 (rows: %2)").replace("%2", fmt.number(int(result.value)))
        window.statusBar().showMessage(text.replace("%1", str(path)), 10000)

    def stop() -> None:
        runner.cancel(KIND)
        dialog.finish()

    dialog.canceled.connect(stop)
    runner.run(KIND, export, window.ctx.workspace.path, "facts", Path(path), window.ctx.lang,
               on_done=done, on_error=lambda exc: _failed(window, dialog, exc),
               on_progress=dialog.set_fraction, error_parent=window)
    return dialog


def _failed(window, dialog: TaskProgress, exc: BaseException) -> None:
    from vendordesk.errors import UserError
    from vendordesk.ui.errors import excepthook, show_user_error

    dialog.finish()
    if isinstance(exc, UserError):
        show_user_error(window, exc)
    else:
        excepthook(type(exc), exc, exc.__traceback__)
