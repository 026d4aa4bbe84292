"""Unexpected errors: logged, shown in a dialog with the log path, the window stays alive."""

from __future__ import annotations

import logging
import sqlite3
import sys
import traceback

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from vendordesk.errors import UserError
from vendordesk.paths import log_file

log = logging.getLogger(__name__)


def _tr(text: str) -> str:
    return QCoreApplication.translate("Errors", text)


def user_text(exc: BaseException) -> str:
    """The message in the UI language: workspace errors are written again from their kind; other
    refusals are shown as they were raised."""
    from PySide6.QtCore import QLocale

    from vendordesk.ops.workspace import error_text

    return error_text(exc, QLocale().name())


def show_user_error(parent, exc: BaseException, title: str | None = None) -> None:
    QMessageBox.warning(parent, title or _tr("Cannot do that"), user_text(exc))


def environment_error(exc: BaseException) -> UserError | None:
    """The user-facing error ``exc`` stands for (refusal, busy/read-only/full/damaged file), or None for a bug."""
    if isinstance(exc, UserError):
        return exc
    if isinstance(exc, sqlite3.Error):
        from vendordesk.ops.workspace import workspace_error

        return workspace_error(exc)
    return None


def show_unexpected(parent, exc_type, exc, tb) -> None:
    """The crash dialog, for bugs only: the environment's errors get a plain warning instead."""
    known = environment_error(exc)
    if known is not None:
        log.warning("refused: %s (%r)", known, exc)
        show_user_error(parent, known)
        return
    details = "".join(traceback.format_exception(exc_type, exc, tb))
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle(_tr("Unexpected error"))
    box.setText(_tr("Something went wrong. Your data is safe; the last step was not completed."))
    box.setInformativeText(_tr("Details were written to the log file:") + f"\n{log_file()}")
    box.setDetailedText(details)
    box.exec()


def excepthook(exc_type, exc, tb) -> None:
    """sys.excepthook for the GUI: user errors get a warning, bugs a crash dialog."""
    if issubclass(exc_type, KeyboardInterrupt):
        sys.__excepthook__(exc_type, exc, tb)
        return
    app = QApplication.instance()
    parent = app.activeWindow() if app else None
    known = environment_error(exc)
    if known is not None:
        log.warning("refused: %s", known)
        if app:
            show_user_error(parent, known)
        return
    log.error("unexpected error", exc_info=(exc_type, exc, tb))
    if app:
        show_unexpected(parent, exc_type, exc, tb)


def install() -> None:
    sys.excepthook = excepthook
