"""Build the one-folder app with PyInstaller into a temporary folder and smoke-test it.

Slow (about a minute for the build) but it runs in CI: it proves build.spec, the bundled
resources and migrations, and that ``VendorDesk selftest`` passes headless.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytestmark = [pytest.mark.slow, pytest.mark.timeout(900)]
ROOT = Path(__file__).resolve().parents[2]
MAX_BUNDLE_MB = 300
MAX_SELFTEST_S = 5.0


def _folder_size(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file() and not f.is_symlink())


@pytest.fixture(scope="module")
def frozen_app(tmp_path_factory) -> Path:
    pytest.importorskip("PyInstaller", reason="install the build extra: pip install -e .[build]")
    work = tmp_path_factory.mktemp("pyinstaller")
    command = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
               "--distpath", str(work / "dist"), "--workpath", str(work / "build"), str(ROOT / "build.spec")]
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=840)
    assert result.returncode == 0, f"PyInstaller failed:\n{result.stderr[-4000:]}"
    app_dir = work / "dist" / "VendorDesk"
    assert app_dir.is_dir(), f"no one-folder build in {work / 'dist'}"
    return app_dir


def _run(app_dir: Path, tmp_path: Path, *args: str) -> tuple[subprocess.CompletedProcess, float]:
    exe = app_dir / ("VendorDesk.exe" if sys.platform == "win32" else "VendorDesk")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", VENDORDESK_HOME=str(tmp_path / "home"),
               HOME=str(tmp_path), PYTHON_KEYRING_BACKEND="keyring.backends.null.Keyring")
    started = time.perf_counter()
    result = subprocess.run([str(exe), *args], capture_output=True, text=True, timeout=120, env=env)
    return result, time.perf_counter() - started


def test_frozen_selftest_passes_fast(frozen_app, tmp_path):
    result, seconds = _run(frozen_app, tmp_path, "selftest")
    print(f"frozen selftest: {seconds:.2f} s wall; {result.stdout.strip()}")
    assert result.returncode == 0, f"selftest failed ({result.returncode}):\n{result.stderr[-4000:]}"
    assert "selftest ok" in result.stdout
    assert "Traceback" not in result.stderr, result.stderr
    assert seconds < MAX_SELFTEST_S, f"frozen selftest took {seconds:.2f} s (limit {MAX_SELFTEST_S} s)"


def test_frozen_version_comes_from_package(frozen_app, tmp_path):
    from vendordesk import __version__

    result, _ = _run(frozen_app, tmp_path, "--version")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"VendorDesk {__version__}"


def test_bundle_ships_resources_and_stays_small(frozen_app):
    internal = frozen_app / "_internal"
    assert (internal / "resources" / "icons" / "vendordesk.png").is_file()
    assert (internal / "resources" / "i18n" / "vendordesk_de.qm").is_file()
    shipped = {p.name for p in (internal / "vendordesk" / "store" / "migrations").glob("*.sql")}
    source = {p.name for p in (ROOT / "vendordesk" / "store" / "migrations").glob("*.sql")}
    assert shipped == source, f"migrations missing from the bundle: {sorted(source - shipped)}"
    qt_translations = list(internal.rglob("PySide6/Qt/translations/*.qm"))
    assert any(p.name == "qtbase_de.qm" for p in qt_translations)
    assert all(p.name.endswith(("_de.qm", "_en.qm")) for p in qt_translations), "translations not pruned"
    size_mb = _folder_size(frozen_app) / 1e6
    print(f"one-folder bundle: {size_mb:.0f} MB")
    assert size_mb < MAX_BUNDLE_MB, f"bundle is {size_mb:.0f} MB (limit {MAX_BUNDLE_MB} MB)"
