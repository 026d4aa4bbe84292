"""Settings dialog: values land in settings.json, the workspace meta and the keyring only."""

from __future__ import annotations

import json

import pytest

from vendordesk import secrets
from vendordesk import settings as st
from vendordesk.changes import Changes


@pytest.fixture(autouse=True)
def fresh_credential_store(monkeypatch):
    """The app-wide store keeps session-only values; every test starts without them."""
    monkeypatch.setattr(secrets, "_store", None)


def test_settings_are_stored_in_file_workspace_and_keyring(qtbot, empty_window, isolated_env, qsettings):
    from vendordesk.ui.settings.tab import SettingsDialog

    dialog = SettingsDialog(empty_window.ctx, empty_window, qsettings)
    qtbot.addWidget(dialog)
    dialog.language.setCurrentIndex(dialog.language.findData("de"))
    dialog.vendor_code.setText("acme1")
    dialog.marketplace.setCurrentIndex(dialog.marketplace.findData("A1F83G8C2ARO7P"))   # UK -> GBP
    dialog.gears.net_ppm.setValue(42.5)
    dialog.gears.rows[("availability", "oos_rate")][2].setValue(2.5)      # green at 2.5 %
    dialog.credentials.fields["lwa_app_id"].setText("amzn1.application-oa2-client.abc123456789")
    dialog.credentials.fields["lwa_client_secret"].setText("cs-SECRET-value-0001")
    dialog.credentials.fields["refresh_token"].setText("Atzr|refresh-0002")
    changes = dialog.apply()

    saved = st.load()
    assert (saved.language, saved.vendor_code, saved.currency) == ("de", "ACME1", "GBP")
    assert saved.net_ppm_target == 0.425
    assert saved.lwa_secret_set_on                                # rotation clock started
    ws = empty_window.ctx.workspace
    assert (ws.meta("vendor_code"), ws.meta("marketplace_id"), ws.meta("currency")) == ("ACME1", "A1F83G8C2ARO7P", "GBP")
    assert float(ws.meta("net_ppm_target")) == 0.425
    from vendordesk.store.gears import gear_settings

    stored = gear_settings(ws)["availability"]["thresholds"]
    assert stored == {"oos_rate": {"kind": "max", "green": 0.025, "red": 0.08}}
    assert qsettings.value("ui/language") == "de"
    assert changes.gears and changes.settings and changes.facts
    assert isolated_env.store[("VendorDesk", "lwa_client_secret")] == "cs-SECRET-value-0001"
    text = st.settings_path().read_text()
    assert "cs-SECRET" not in text and "refresh-0002" not in text
    assert json.loads(text)["version"] == st.SCHEMA_VERSION
    assert dialog.credentials.fields["lwa_client_secret"].text() == ""   # never shown again
    assert "stored" in dialog.credentials.fields["lwa_client_secret"].placeholderText()


def test_empty_fields_keep_stored_credentials_and_remove_clears_them(qtbot, empty_window, isolated_env):
    from vendordesk.ui.settings.tab import SettingsDialog

    secrets.store().save(secrets.Credentials("app", "secret-1", "token-1"))
    dialog = SettingsDialog(empty_window.ctx, empty_window)
    qtbot.addWidget(dialog)
    dialog.apply()
    assert secrets.store().load() == secrets.Credentials("app", "secret-1", "token-1")
    dialog.credentials._mark_removed()
    dialog.apply()
    assert secrets.store().load() is None and not isolated_env.store
    assert st.load().lwa_secret_set_on == ""


def test_open_settings_broadcasts_changes(qtbot, empty_window, monkeypatch):
    from PySide6.QtWidgets import QDialog

    from vendordesk.ui.settings import tab as settings_dialog

    def fake_exec(self):
        self.changes = self.apply()
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(settings_dialog.SettingsDialog, "exec", fake_exec)
    with qtbot.waitSignal(empty_window.changed) as blocker:
        settings_dialog.open_settings(empty_window)
    assert isinstance(blocker.args[0], Changes) and blocker.args[0].settings


def test_rotation_reminder_texts(qapp):
    import datetime as dt

    from vendordesk.ui.settings.credentials import rotation_text

    assert rotation_text("") == ""
    assert "8 days left" in rotation_text("2026-06-10", dt.date(2026, 11, 29))
    assert "expired" in rotation_text("2026-01-01", dt.date(2026, 11, 29))
    assert "valid until" in rotation_text("2026-11-01", dt.date(2026, 11, 29))


def test_gear_thresholds_keep_custom_names_and_reach_the_gears(qtbot, empty_window):
    from vendordesk.core.gears.defs import GEARS, with_overrides
    from vendordesk.store.gears import gear_settings, save_gear
    from vendordesk.ui.settings.tab import SettingsDialog

    ws = empty_window.ctx.workspace
    save_gear(ws, "ops_compliance", 6, "Logistik & Compliance", "Operations & compliance", custom_name="Logistik",
              thresholds={"on_time_rate": {"kind": "min", "green": 0.92, "red": 0.85}})
    dialog = SettingsDialog(empty_window.ctx, empty_window)
    qtbot.addWidget(dialog)
    on_time_green = dialog.gears.rows[("ops_compliance", "on_time_rate")][2]
    assert on_time_green.value() == 92.0                       # the stored override is shown
    dialog.gears.rows[("ops_compliance", "chargeback_share")][3].setValue(4.0)   # red at 4 %
    changes = dialog.apply()
    stored = gear_settings(ws)["ops_compliance"]
    assert stored["custom_name"] == "Logistik" and changes.gears
    assert stored["thresholds"]["on_time_rate"]["green"] == 0.92
    effective = {k.id: k.threshold for g in with_overrides(GEARS, gear_settings(ws)) for k in g.kpis}
    assert (effective["chargeback_share"].green, effective["chargeback_share"].red) == (0.01, 0.04)
    assert not dialog.apply().gears                           # nothing changed the second time


def test_about_shows_version_folders_and_keyring_backend(qtbot, empty_window):
    from PySide6.QtWidgets import QLabel

    from vendordesk import __version__
    from vendordesk.paths import data_dir, log_file
    from vendordesk.ui.window.about import AboutDialog

    dialog = AboutDialog(empty_window.ctx, empty_window)
    qtbot.addWidget(dialog)
    texts = " ".join(label.text() for label in dialog.findChildren(QLabel))
    assert f"VendorDesk {__version__}" in texts
    assert str(data_dir()) in texts and str(log_file()) in texts and str(st.settings_path()) in texts
    assert "_Memory" in texts                                 # the in-memory test keyring is named


@pytest.mark.parametrize("lang", ["de", "en"])
def test_the_dialog_fits_each_page_and_clips_nothing(qtbot, make_window, workspace, qapp, lang):
    """Settings was a fixed 780×520 box: General and Account were two or three lines on top of an
    empty page. Each page now gets the dialog's height of its own content (General well under
    300 px), one width for all pages, the gear table as wide as its columns, and no text clipped
    in German or English."""
    from tests.ui.desk_check import check_widget, report
    from vendordesk.ui.i18n import install_language
    from vendordesk.ui.settings.tab import SettingsDialog

    try:
        window = make_window(workspace, lang)
        dialog = SettingsDialog(window.ctx, window)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        heights, widths = [], []
        for index in range(dialog.pages.count()):
            dialog.pages.setCurrentIndex(index)
            qapp.processEvents()
            heights.append(dialog.height())
            widths.append(dialog.width())
            found = [f for f in check_widget(dialog, lang) if f.kind in ("clipped", "cut", "overlap", "english")]
            assert not found, (index, report(found))
        general, account, gears, _sp_api = heights
        field = dialog.workspace                              # its placeholder was cut to "… im …"
        assert field.width() >= field.fontMetrics().horizontalAdvance(field.placeholderText()) + 12
        assert general < 300 and account < 300, heights
        assert gears > 400, heights                          # about 12 threshold rows visible
        assert len(set(widths)) == 1, widths                 # switching pages keeps the width
        dialog.pages.setCurrentIndex(2)
        scroll = dialog.gears.findChild(__import__("PySide6.QtWidgets", fromlist=["QScrollArea"]).QScrollArea)
        assert not scroll.horizontalScrollBar().isVisible()
    finally:
        install_language(qapp, "en")
        dialog.close()


def test_the_gear_thresholds_keep_a_gap_between_their_columns(qtbot, make_window, workspace, qapp):
    """German "Bewertungen & Retouren" ran into "Retourenquote", and "OOS-Quote (Glance-View-
    gewichtet)" into its spin box, about 6 px apart: every text ends at least 12 px before the
    next column starts."""
    from PySide6.QtWidgets import QLabel

    from vendordesk.ui.i18n import install_language
    from vendordesk.ui.settings.tab import SettingsDialog

    try:
        window = make_window(workspace, "de")
        dialog = SettingsDialog(window.ctx, window)
        qtbot.addWidget(dialog)
        dialog.show()
        dialog.pages.setCurrentIndex(2)
        qtbot.waitExposed(dialog)
        qapp.processEvents()
        gaps = []
        for _gear, _threshold, green, _red in dialog.gears.rows.values():
            labels = sorted((w for w in green.parentWidget().findChildren(QLabel)
                             if abs(w.geometry().center().y() - green.geometry().center().y()) < 4),
                            key=lambda w: w.x())
            gear, kpi = labels[:2]
            gaps.append((gear.text(), kpi.x() - (gear.x() + gear.fontMetrics().horizontalAdvance(gear.text()))))
            gaps.append((kpi.text(), green.x() - (kpi.x() + kpi.fontMetrics().horizontalAdvance(kpi.text()))))
        assert len(gaps) > 10 and min(gap for _t, gap in gaps) >= 12, sorted(gaps, key=lambda g: g[1])[:3]
    finally:
        install_language(qapp, "en")
        dialog.close()


@pytest.mark.parametrize("lang", ["en", "de"])
def test_the_sp_api_intro_never_wraps_inside_sp_api(qtbot, qapp, isolated_env, lang):
    """The SP-API page's intro read "… a private SP-" / "API app …" at 1920×1080: the product name
    keeps its hyphen unbreakable. The intro is laid out as QLabel wraps it, at every width from
    300 to 700 px, and no line starts with the "API" of "SP-API"."""
    from tests.ui.text_wrap import line_starts
    from vendordesk.ui.i18n import install_language
    from vendordesk.ui.settings.credentials import CredentialsPage

    install_language(qapp, lang)
    try:
        page = CredentialsPage(st.Settings())
        qtbot.addWidget(page)
        text = page.intro.text()
        assert "SP\u2011API" in text
        for width in range(300, 701, 5):
            starts = line_starts(text, page.intro.font(), width)
            assert not any(text[s:].startswith("API") and text[s - 1] != " " for s in starts[1:]), width
    finally:
        install_language(qapp, "en")
