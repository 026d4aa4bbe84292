"""``vendordesk selftest``: smoke test of an installed or frozen app.

Builds the main window offscreen on a temporary demo workspace, renders each tab once,
writes a one-page PDF and exits 0.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
import traceback
from pathlib import Path


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("selftest", help="smoke test: build the window offscreen, render every tab")
    parser.add_argument("--asins", type=int, default=20, help=argparse.SUPPRESS)
    parser.add_argument("--weeks", type=int, default=60, help=argparse.SUPPRESS)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    started = time.perf_counter()
    from PySide6.QtCore import QSettings, qInstallMessageHandler

    from vendordesk.app import make_app
    from vendordesk.ops.demo import write_demo
    from vendordesk.ops.workspace import open_path
    from vendordesk.ui.context import AppContext
    from vendordesk.ui.i18n import install_language
    from vendordesk.ui.window.main_window import MainWindow

    def qt_messages(_mode, _context, message: str) -> None:
        # The offscreen platform cannot apply window hints; everything else is reported.
        if "does not support propagateSizeHints" not in message:
            print(f"Qt: {message}", file=sys.stderr)

    qInstallMessageHandler(qt_messages)
    app = make_app()
    install_language(app, "de")
    errors: list[str] = []
    previous_hook = sys.excepthook
    sys.excepthook = lambda etype, exc, tb: errors.append("".join(traceback.format_exception(etype, exc, tb)))
    with tempfile.TemporaryDirectory(prefix="vendordesk-selftest-") as tmp:
        path = Path(tmp) / "selftest.vendordesk"
        write_demo(path, asins=args.asins, weeks=args.weeks, seed=1)
        settings = QSettings(str(Path(tmp) / "settings.ini"), QSettings.Format.IniFormat)
        workspace = open_path(path)
        window = MainWindow(AppContext(workspace, lang="de"), settings)
        window.show()
        app.processEvents()
        window.ensure_tabs()
        for index in range(window.tabs.count()):
            window.tabs.setCurrentIndex(index)
            app.processEvents()
            image = window.grab().toImage()
            if image.isNull():
                raise RuntimeError(f"tab {index} rendered nothing")
        _write_pdf(Path(tmp) / "selftest.pdf")
        from vendordesk.ui.workers import cancel_all

        # every worker must have ended before the window, the workspace and the app go: a task
        # still running at exit can touch them after they are gone (seen once as a segfault in CI)
        cancel_all(wait_ms=60_000)
        window.close()
        app.processEvents()
        cancel_all(wait_ms=60_000)
        workspace.close()
    sys.excepthook = previous_hook
    if errors:
        print(_report_text(args, "failed") + "\n" + errors[0], file=sys.stderr)
        return 1
    print(_report_text(args, "ok", window.tabs.count(), time.perf_counter() - started))
    return 0


def _report_text(args: argparse.Namespace, outcome: str, tabs: int = 0, seconds: float = 0.0) -> str:
    """The last line in the language of the run (--lang, else the app's setting, else the
    system's); the window itself was rendered in German, the smoke test's hardest case."""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QApplication

    from vendordesk import settings as app_settings
    from vendordesk.ui import fmt
    from vendordesk.ui.i18n import install_language, system_language

    app = QApplication.instance()
    if isinstance(app, QApplication):
        install_language(app, getattr(args, "lang", None) or app_settings.load().language or system_language())
    if outcome == "failed":
        return QCoreApplication.translate("SelfTest", "selftest FAILED: an error was raised while rendering:")
    # (the window always has several tabs: no singular needed)
    return QCoreApplication.translate("SelfTest", "selftest ok: %1 tabs rendered in %2 s").replace(
        "%1", str(tabs)).replace("%2", fmt.number(seconds, 2))


def _write_pdf(path: Path) -> None:
    from PySide6.QtGui import QPageSize, QPdfWriter, QTextDocument

    writer = QPdfWriter(str(path))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    doc = QTextDocument()
    doc.setHtml("<h1>VendorDesk</h1><p>Selbsttest 1.234,56 €</p>")
    doc.print_(writer)
    if not path.exists() or path.stat().st_size < 500:
        raise RuntimeError("the PDF writer produced no document")
