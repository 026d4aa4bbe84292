"""The window shell: tabs, empty states, menus, status bar, remembered state, crash dialog."""

from __future__ import annotations

import sys

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
    from vendordesk.ui.context import AppContext
    from vendordesk.ui.window.main_window import MainWindow

    again = MainWindow(AppContext(workspace), qsettings)
    try:
        assert (again.width(), again.height()) == (1111, 777)
    finally:
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
