"""``vendordesk selftest`` reports in the language of the run (it printed English under --lang de)."""

from __future__ import annotations

import subprocess
import sys

from tests.e2e.cli_helpers import cli_env


def _selftest(tmp_path, *args: str) -> subprocess.CompletedProcess:
    env = dict(cli_env(), QT_QPA_PLATFORM="offscreen", VENDORDESK_HOME=str(tmp_path / "home"), HOME=str(tmp_path),
               PYTHON_KEYRING_BACKEND="keyring.backends.null.Keyring")
    return subprocess.run([sys.executable, "-m", "vendordesk", *args, "--asins", "5", "--weeks", "20"],
                          capture_output=True, text=True, timeout=120, env=env, check=False)


def test_selftest_reports_in_german_under_lang_de(tmp_path):
    result = _selftest(tmp_path, "--lang", "de", "selftest")
    assert result.returncode == 0, result.stderr[-3000:]
    line = result.stdout.strip().splitlines()[-1]
    # "Selbsttest in Ordnung: 4 Tabs in 3,54 s gerendert": German words, a decimal comma
    assert line.startswith("Selbsttest in Ordnung: 4 Tabs in ") and line.endswith(" s gerendert"), line
    assert "," in line.split(" in ")[-1] and "selftest" not in line, line


def test_selftest_reports_in_english_under_lang_en(tmp_path):
    result = _selftest(tmp_path, "selftest", "--lang", "en")
    assert result.returncode == 0, result.stderr[-3000:]
    assert result.stdout.strip().splitlines()[-1].startswith("selftest ok: 4 tabs rendered in "), result.stdout
