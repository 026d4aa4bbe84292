"""The commands' progress line: on stderr when it is a terminal (a pty here), never in a pipe."""

from __future__ import annotations

import os
import pty
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _env(tmp_path: Path) -> dict:
    return dict(os.environ, PYTHONPATH=str(ROOT), HOME=str(tmp_path), VENDORDESK_HOME=str(tmp_path / "home"))


def _run(tmp_path: Path, args: list[str], terminal: bool) -> tuple[int, str, str]:
    """(exit code, stdout, stderr) of ``vendordesk ARGS``; stderr on a pty when ``terminal``."""
    command = [sys.executable, "-m", "vendordesk", *args, "--lang", "en"]
    if not terminal:
        done = subprocess.run(command, capture_output=True, text=True, env=_env(tmp_path), timeout=300)
        return done.returncode, done.stdout, done.stderr
    main, child = pty.openpty()
    with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=child, env=_env(tmp_path)) as proc:
        os.close(child)
        seen = bytearray()
        while True:                      # read until the child closes its end of the pty
            try:
                chunk = os.read(main, 65536)
            except OSError:              # EIO: every writer has gone
                break
            if not chunk:
                break
            seen += chunk
        out = proc.stdout.read().decode() if proc.stdout else ""
        code = proc.wait(timeout=300)
    os.close(main)
    return code, out, seen.decode()


@pytest.fixture(scope="module")
def small(tmp_path_factory) -> Path:
    tmp = tmp_path_factory.mktemp("progress")
    path = tmp / "small.vendordesk"
    code, out, err = _run(tmp, ["demo", str(path), "--asins", "6", "--weeks", "60"], terminal=True)
    assert code == 0, err
    assert "\rWriting small.vendordesk: 100 %" in err
    assert "Demo workspace written" in out and "%" not in out
    return path


@pytest.mark.slow
@pytest.mark.parametrize(("args", "label"), [
    (["gears", "--json"], "Judging the gears of small.vendordesk"),
    (["forecast", "--horizon", "4", "--json"], "Forecasting small.vendordesk"),
    (["calibrate", "--json"], "Calibrating on small.vendordesk"),
    (["export", "facts", "--out", "{tmp}/f.csv"], "Exporting facts to f.csv"),
])
def test_a_terminal_sees_the_line_a_pipe_does_not(small, tmp_path, args, label):
    args = [a.replace("{tmp}", str(tmp_path)) for a in args] + ["--workspace", str(small)]
    code, out, err = _run(tmp_path, args, terminal=True)
    assert code == 0, err
    shown = [int(part.split(":")[-1].strip(" %\r\n")) for part in err.split("\r") if part.startswith(label)]
    assert shown[0] < 100 and shown[-1] == 100 and shown == sorted(shown)   # e.g. 0, 50, 100
    assert f"\r{label}: 100 %\r\n" in err        # the line ends (the pty turns \n into \r\n)
    assert label not in out and "\r" not in out  # stdout (JSON, rows) stays clean
    code, piped_out, piped_err = _run(tmp_path, args, terminal=False)
    assert code == 0, piped_err
    assert label not in piped_err and "\r" not in piped_err
    assert piped_out.splitlines()[:1] == out.splitlines()[:1]


@pytest.mark.slow
def test_import_shows_which_file_of_how_many(tmp_path):
    files = [str(ROOT / "tests" / "fixtures" / "ingest" / name) for name in ("sales_en_us_week.csv", "inventory_en_us.csv")]
    args = ["import", *files, "--workspace", str(tmp_path / "new.vendordesk")]
    code, out, err = _run(tmp_path, args, terminal=True)
    assert code == 0, err
    assert "\rImporting sales_en_us_week.csv (1 of 2): 100 %" in err
    assert "\rImporting inventory_en_us.csv (2 of 2): 100 %" in err
    assert "Importing" not in out
    code, out, err = _run(tmp_path, [*args[:-1], str(tmp_path / "piped.vendordesk")], terminal=False)
    assert code == 0, err
    assert "Importing" not in err and "\r" not in err
