"""Composition root: args -> paths -> workspace -> QApplication -> MainWindow."""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

from vendordesk import APP_NAME, ORG_NAME, __version__
from vendordesk.errors import UserError
from vendordesk.paths import default_workspace

log = logging.getLogger(__name__)


def make_app(argv: list[str] | None = None):
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication

    from vendordesk.paths import resources_dir

    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    from vendordesk.ui.window.sort_arrows import install_sort_arrows

    install_sort_arrows(app)
    app.setOrganizationName(ORG_NAME)
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    icon = resources_dir() / "icons" / "vendordesk.png"
    if icon.exists():
        app.setWindowIcon(QIcon(str(icon)))
    return app


def resolve_workspace(args: argparse.Namespace, settings) -> tuple[Path, bool]:
    """Return (path, needs_demo): an explicit path, the last one used, the default workspace
    from the settings, or the demo workspace in the data folder."""
    from vendordesk import settings as app_settings

    if getattr(args, "workspace", None):
        return Path(args.workspace).expanduser(), False
    last = settings.value("workspace/last", "")
    if last and Path(last).exists():
        return Path(last), False
    chosen = app_settings.load().default_workspace
    if chosen and Path(chosen).expanduser().exists():
        return Path(chosen).expanduser(), False
    path = default_workspace()
    return path, not path.exists()


def choose_language(args: argparse.Namespace, settings) -> str:
    from vendordesk import settings as app_settings
    from vendordesk.ui.i18n import system_language

    return args.lang or app_settings.load().language or settings.value("ui/language", "") or system_language()


def _open_or_build(path: Path, needs_demo: bool, lang: str = "de"):
    from vendordesk.store import open_workspace

    if needs_demo:
        from vendordesk.demo import build_demo

        log.info("first start: writing the demo workspace to %s", path)
        build_demo(path, lang=lang)      # its texts in the KAM's language
    return open_workspace(path, create=True)


def run_gui(args: argparse.Namespace) -> int:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QMessageBox

    from vendordesk.ui import errors
    from vendordesk.ui.context import AppContext
    from vendordesk.ui.i18n import install_language
    from vendordesk.ui.window.main_window import MainWindow

    app = make_app()
    errors.install()
    settings = QSettings()
    lang = choose_language(args, settings)
    install_language(app, lang)
    path, needs_demo = resolve_workspace(args, settings)
    try:
        workspace = _open_or_build(path, needs_demo, lang)
    except UserError as exc:
        QMessageBox.critical(None, APP_NAME, str(exc))
        if getattr(args, "workspace", None) or path == default_workspace():
            return 2
        # The last workspace is unusable: say so, then fall back to the default one.
        path = default_workspace()
        try:
            workspace = _open_or_build(path, not path.exists(), lang)
        except UserError as again:
            QMessageBox.critical(None, APP_NAME, str(again))
            return 2
    window = MainWindow(AppContext(workspace, lang=lang), settings)
    from vendordesk.ui.window import lock_watch

    lock_watch.install(app, lambda: window.ctx.workspace)
    window.show()
    log.info("window shown on %s", path)
    return finish(app.exec())


def finish(code: int) -> int:
    """After the event loop: stop the background tasks still running (a reload after an
    import, say) and wait for them, before Python deletes the QObjects they report to.
    Without this, quitting mid-task printed "Signal source has been deleted"."""
    from vendordesk.ui.workers import cancel_all

    cancel_all(wait_ms=10_000)
    return code
