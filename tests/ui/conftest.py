"""Qt fixtures: the main window on a temporary workspace; leaks fail the test."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.qt


@pytest.fixture
def qsettings(tmp_path):
    from PySide6.QtCore import QSettings

    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


def _make_window(qtbot, workspace, qsettings, lang="en"):
    from PySide6.QtWidgets import QApplication

    from vendordesk.ui.context import AppContext
    from vendordesk.ui.i18n import install_language
    from vendordesk.ui.window.main_window import MainWindow

    install_language(QApplication.instance(), lang)
    window = MainWindow(AppContext(workspace, lang=lang), qsettings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.ensure_tabs()
    return window


@pytest.fixture
def make_window(qtbot, qsettings):
    """Factory: make_window(workspace, lang="en") -> shown MainWindow."""
    return lambda workspace, lang="en": _make_window(qtbot, workspace, qsettings, lang)


@pytest.fixture
def main_window(qtbot, demo_workspace, qsettings):
    return _make_window(qtbot, demo_workspace, qsettings)


@pytest.fixture
def empty_window(qtbot, workspace, qsettings):
    return _make_window(qtbot, workspace, qsettings)


@pytest.fixture(autouse=True)
def no_leaks(qapp):
    """Fail on windows left open or background tasks still running."""
    from PySide6.QtWidgets import QApplication

    from vendordesk.ui import workers
    from vendordesk.ui.i18n import install_language

    before = {id(w) for w in QApplication.topLevelWidgets()}
    yield
    for _ in range(3):  # a result delivered during teardown may start one more task
        workers.cancel_all(wait_ms=5000)
        qapp.processEvents()
    assert workers.running_tasks() == 0, "a background task was still running after the test"
    leaked = [w for w in QApplication.topLevelWidgets()
              if id(w) not in before and w.isVisible() and w.isWindow()]
    for w in leaked:
        w.close()
    install_language(qapp, "en")      # a German test leaves no German behind for the next one
    assert not leaked, f"windows left open: {[type(w).__name__ for w in leaked]}"


@pytest.fixture
def when_modal():
    """``when_modal(QMessageBox, act)``: act on the first visible top-level widget of that type as
    soon as it shows (polled by a 10 ms timer, so a modal exec() can be answered without a fixed
    delay). Returns the list of widgets acted on; the poll gives up after 20 s."""
    from PySide6.QtCore import QElapsedTimer, QTimer
    from PySide6.QtWidgets import QApplication

    timers = []

    def arm(kind, act):
        seen = []
        clock = QElapsedTimer()
        clock.start()
        timer = QTimer()
        timer.setInterval(10)

        def poll():
            for widget in QApplication.topLevelWidgets():
                if isinstance(widget, kind) and widget.isVisible():
                    timer.stop()
                    seen.append(widget)
                    act(widget)
                    return
            if clock.elapsed() > 20_000:
                timer.stop()

        timer.timeout.connect(poll)
        timer.start()
        timers.append(timer)
        return seen

    yield arm
    for timer in timers:
        timer.stop()
