"""The window shell: tabs, empty states, menus, status bar, remembered state, crash dialog."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtWidgets import QMessageBox

from vendordesk.ui.tab_base import EmptyState


def _menu_texts(window):
    texts = {}
    for action in window.menuBar().actions():
        texts[action.text().replace("&", "")] = [a.text().replace("&", "") for a in action.menu().actions()
                                                 if a.text()]
    return texts


def test_four_tabs_in_order(empty_window):
    titles = [empty_window.tabs.tabText(i) for i in range(empty_window.tabs.count())]
    assert [t.split(" (")[0] for t in titles] == ["KPI gears", "Tickets", "Price increase", "Forecast"]


def test_every_tab_shows_an_honest_empty_state_on_an_empty_workspace(empty_window, qtbot):
    for index in range(empty_window.tabs.count()):
        empty_window.tabs.setCurrentIndex(index)
        tab = empty_window.tabs.widget(index)
        states = [w for w in tab.findChildren(EmptyState) if w.isVisibleTo(tab)]
        assert states, f"tab {empty_window.tabs.tabText(index)} shows no empty state"
        assert len(states[0].text_label.text()) > 40


def test_menus(empty_window):
    menus = _menu_texts(empty_window)
    assert {"File", "Help"} <= set(menus)
    for entry in ("New workspace…", "Open workspace…", "Import reports…", "Backup…", "Quit"):
        assert entry in menus["File"]
    assert any(t.startswith("About") for t in menus["Help"])


def test_status_bar_names_workspace_and_data_state(empty_window, workspace):
    assert workspace.path.stem in empty_window.workspace_label.text()
    assert "No report data" in empty_window.as_of_label.text()


def test_status_bar_shows_data_as_of_date(make_window, workspace):
    with workspace.transaction() as conn:
        conn.execute("INSERT INTO sales_facts(asin, grain, period_start, period_end, shipped_units) "
                     "VALUES ('B000000001', 'week', '2026-11-15', '2026-11-21', 3)")
    window = make_window(workspace, "de")
    assert "21.11.2026" in window.as_of_label.text()     # the week's last day, German date


def test_geometry_and_last_workspace_are_remembered(empty_window, workspace, qsettings):
    empty_window.resize(1111, 777)
    empty_window.close()
    assert qsettings.value("workspace/last") == str(workspace.path)
    from vendordesk.store import open_workspace
    from vendordesk.ui.context import AppContext
    from vendordesk.ui.window.main_window import MainWindow

    again = MainWindow(AppContext(open_workspace(workspace.path)), qsettings)   # the closed window closed its own
    try:
        assert (again.width(), again.height()) == (1111, 777)
    finally:
        again.close()
        again.deleteLater()


def test_switching_to_a_bad_file_keeps_the_current_workspace(empty_window, workspace, tmp_path, monkeypatch):
    bad = tmp_path / "bad.vendordesk"
    bad.write_bytes(b"not a database at all" * 10)
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: shown.append(a[2]))
    assert empty_window.switch_workspace(bad) is False
    assert empty_window.ctx.workspace is workspace
    assert shown and "not a VendorDesk workspace" in shown[0]
    assert bad.read_bytes().startswith(b"not a database")


def test_unexpected_error_shows_dialog_and_window_survives(empty_window, qtbot, monkeypatch, when_modal):
    from vendordesk.ui import errors

    when_modal(QMessageBox, lambda box: (seen.append(box.informativeText()), box.accept()))
    seen = []
    try:
        raise ValueError("boom")
    except ValueError:
        errors.excepthook(*sys.exc_info())
    assert seen and "vendordesk.log" in seen[0]
    assert empty_window.isVisible()


def test_backup_onto_existing_file_asks_first(empty_window, workspace, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    dest = tmp_path / "exists.vendordesk"
    dest.write_bytes(b"keep me")
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(dest), ""))
    asked = []
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.No)
    empty_window.backup_dialog()
    assert asked and dest.read_bytes() == b"keep me"


def test_settings_choose_default_workspace_and_language(tmp_path, qsettings):
    import argparse

    from vendordesk import settings as app_settings
    from vendordesk.app import choose_language, resolve_workspace
    from vendordesk.store import open_workspace

    chosen = tmp_path / "chosen.vendordesk"
    open_workspace(chosen).close()
    app_settings.save(app_settings.Settings(default_workspace=str(chosen), language="en"))
    args = argparse.Namespace(workspace=None, lang=None)
    assert resolve_workspace(args, qsettings) == (chosen, False)
    assert choose_language(args, qsettings) == "en"
    assert choose_language(argparse.Namespace(workspace=None, lang="de"), qsettings) == "de"


def test_status_bar_reminds_of_the_secret_rotation(make_window, workspace):
    import datetime as dt

    from vendordesk import settings as app_settings

    set_on = (dt.date.today() - dt.timedelta(days=175)).isoformat()
    app_settings.save(app_settings.Settings(lwa_secret_set_on=set_on))
    window = make_window(workspace)
    assert "Rotate the LWA client secret" in window.statusBar().currentMessage()


def test_new_workspace_opens_in_documents_then_in_the_last_folder_with_columns_that_fit_german(
        make_window, workspace, when_modal, qtbot, qapp, tmp_path):
    """File › New workspace opened Qt's dialog in the folder the program was started in, at 632×408,
    its "Typ" column cutting "Verzeichnis" to "Ver…nis". It opens in Documents with a German file
    name, then in the folder last chosen; the dialog is at least 900×560 in a 1280×720 window and
    its type column is as wide as "Verzeichnis". The real Qt dialog runs; the test answers it."""
    from pathlib import Path

    from PySide6.QtGui import QFontMetrics
    from PySide6.QtWidgets import QFileDialog, QLineEdit, QTreeView

    documents = Path.home() / "Documents"                 # HOME is the test's own folder
    (documents / "Angebote").mkdir(parents=True, exist_ok=True)
    window = make_window(workspace, "de")
    window.resize(1280, 720)
    seen = {}

    def look(dialog):
        try:                             # the dialog is always answered: an exception here would leave exec() open
            tree = dialog.findChild(QTreeView, "treeView")
            qtbot.waitUntil(lambda: tree.model().rowCount(tree.rootIndex()) > 0, timeout=10_000)
            index = tree.model().index(0, 2, tree.rootIndex())
            qapp.processEvents()
            seen.update(folder=Path(dialog.directory().absolutePath()), files=dialog.selectedFiles(),
                        size=dialog.size(), type_text=str(index.data()), type_width=tree.header().sectionSize(2),
                        type_needs=max(tree.sizeHintForColumn(2),
                                       QFontMetrics(tree.font()).horizontalAdvance(str(index.data())) + 4))
            chosen = tmp_path / "konten" / "neu.vendordesk"
            chosen.parent.mkdir()
            dialog.findChild(QLineEdit, "fileNameEdit").setText(str(chosen))     # typed, as a person does
        finally:
            dialog.accept()

    when_modal(QFileDialog, look)
    window.new_workspace()
    assert seen["folder"] == documents
    assert [Path(f).name for f in seen["files"]] == ["Arbeitsbereich.vendordesk"]
    assert seen["size"].width() >= 900 and seen["size"].height() >= 560
    assert seen["type_text"] == "Verzeichnis" and seen["type_width"] >= seen["type_needs"], seen
    assert window.ctx.workspace.path == tmp_path / "konten" / "neu.vendordesk"
    again = {}

    def look_again(dialog):
        try:
            again["folder"] = Path(dialog.directory().absolutePath())
        finally:
            dialog.reject()

    when_modal(QFileDialog, look_again)
    window.open_workspace_dialog()
    assert again["folder"] == tmp_path / "konten"


@pytest.mark.parametrize(("lang", "stamp", "size"), [("de", "07.12.2026 14:05", "1,50 KiB"),
                                                     ("en", "07/12/2026 14:05", "1.50 KiB")])
def test_the_file_dialog_writes_file_dates_and_sizes_in_the_app_language(
        make_window, workspace, when_modal, qtbot, qapp, lang, stamp, size):
    """Qt's own file dialog formats the date column with the machine's locale ("7 12 2026 14:05" on
    this test machine), whatever the app's language. A file changed on 07.12.2026 at 14:05 (local
    time) of 1536 bytes (1.5 × 1024 = 1.50 KiB) reads as the window writes dates and numbers."""
    import datetime as dt
    import os
    from pathlib import Path

    from PySide6.QtWidgets import QFileDialog, QTreeView

    documents = Path.home() / "Documents"
    documents.mkdir(parents=True, exist_ok=True)
    for old in documents.iterdir():
        if old.is_file():
            old.unlink()
    probe = documents / "angebot.vendordesk"
    probe.write_bytes(b"x" * 1536)
    when = dt.datetime(2026, 12, 7, 14, 5).timestamp()        # local time, as the dialog shows it
    os.utime(probe, (when, when))
    window = make_window(workspace, lang)
    seen = {}

    def look(dialog):
        try:
            from vendordesk.ui.export_dialog import FITTED

            qtbot.waitUntil(lambda: bool(dialog.property(FITTED)), timeout=10_000)    # set up on taking the focus
            tree = dialog.findChild(QTreeView, "treeView")
            model = tree.model()

            def row():
                root = tree.rootIndex()
                return next((r for r in range(model.rowCount(root))
                             if model.index(r, 0, root).data() == probe.name), None)

            qtbot.waitUntil(lambda: row() is not None, timeout=10_000)
            root = tree.rootIndex()
            seen.update(size=str(model.index(row(), 1, root).data()), date=str(model.index(row(), 3, root).data()),
                        locale=dialog.locale().name())
        finally:
            dialog.reject()

    when_modal(QFileDialog, look)
    window.open_workspace_dialog()
    assert seen["date"] == stamp and seen["size"] == size, seen
    assert seen["locale"] == {"de": "de_DE", "en": "en_GB"}[lang]
