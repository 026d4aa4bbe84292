"""Typed settings: defaults, round trip, versioned upgrade, damaged files, rotation reminder."""

from __future__ import annotations

import datetime as dt
import json

from vendordesk import settings as st


def test_defaults_when_no_file(tmp_path):
    loaded = st.load(tmp_path / "settings.json")
    assert loaded == st.Settings()
    assert loaded.marketplace_id == "A1PA6795UKMFR9" and loaded.currency == "EUR"


def test_round_trip_keeps_every_value(tmp_path):
    path = tmp_path / "settings.json"
    chosen = st.Settings(language="de", vendor_code="abc12", marketplace_id="A1F83G8C2ARO7P", currency="GBP",
                         net_ppm_target=0.4, default_workspace="/x/a.vendordesk", lwa_secret_set_on="2026-06-01")
    st.save(chosen, path)
    loaded = st.load(path)
    assert loaded.vendor_code == "ABC12"          # normalised on save
    assert (loaded.language, loaded.currency, loaded.net_ppm_target) == ("de", "GBP", 0.4)
    assert json.loads(path.read_text())["version"] == st.SCHEMA_VERSION


def test_version_2_gear_thresholds_are_dropped(tmp_path):
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"version": 2, "language": "en", "gear_thresholds": {"uft": [0.9, 0.8]}}))
    loaded = st.load(path)
    assert loaded.language == "en" and not hasattr(loaded, "gear_thresholds")
    st.save(loaded, path)
    assert "gear_thresholds" not in json.loads(path.read_text())


def test_version_1_file_is_upgraded(tmp_path):
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"lang": "de", "net_ppm_target": 35, "workspace": "/w.vendordesk"}))
    loaded = st.load(path)
    assert loaded.language == "de"
    assert loaded.net_ppm_target == 0.35           # percent -> fraction
    assert loaded.default_workspace == "/w.vendordesk"


def test_wrong_types_and_ranges_fall_back_to_defaults(tmp_path):
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"version": 2, "language": "fr", "net_ppm_target": "high",
                                "currency": 5, "sync_poll_seconds": -1, "unknown": 1}))
    loaded = st.load(path)
    assert loaded.language == "" and loaded.net_ppm_target == 0.35
    assert loaded.currency == "EUR" and loaded.sync_poll_seconds == 30.0


def test_damaged_file_is_kept_aside(tmp_path):
    path = tmp_path / "settings.json"
    path.write_text("{not json")
    assert st.load(path) == st.Settings()
    assert (tmp_path / "settings.json.broken").read_text() == "{not json"
    assert not path.exists()


def test_default_path_is_in_the_config_dir():
    from vendordesk.paths import config_dir

    saved = st.save(st.Settings(language="en"))
    assert saved.parent == config_dir()
    assert st.load().language == "en"


def test_secret_rotation_reminder():
    set_on = "2026-01-01"                          # due 2026-06-30 (180 days later)
    assert st.secret_rotation(set_on, dt.date(2026, 3, 1)) == (121, "ok")
    assert st.secret_rotation(set_on, dt.date(2026, 6, 1)) == (29, "soon")
    assert st.secret_rotation(set_on, dt.date(2026, 6, 30)) == (0, "soon")
    assert st.secret_rotation(set_on, dt.date(2026, 7, 2)) == (-2, "overdue")
    assert st.secret_rotation("", dt.date(2026, 7, 2)) == (None, "unknown")
