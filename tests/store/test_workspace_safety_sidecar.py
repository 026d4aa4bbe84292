"""The guard where OFD locks do not exist (macOS): a sidecar flock lets one VendorDesk process in.

Exercised on Linux by switching the OFD path off; flock() behaves the same on both systems.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from vendordesk.store import locks, open_workspace

pytestmark = pytest.mark.skipif(os.name != "posix", reason="flock is POSIX")

SECOND = r"""
import sys
import vendordesk.store.locks as locks
locks.LINUX = False
from vendordesk.errors import WorkspaceError
from vendordesk.store import open_workspace
try:
    open_workspace(sys.argv[1], create=False).close()
except WorkspaceError as exc:
    print("refused:", exc)
else:
    print("opened")
"""


def _second(path: Path, **env: str) -> str:
    environ = dict(os.environ, PYTHONPATH=str(Path(__file__).resolve().parents[2]), **env)
    result = subprocess.run([sys.executable, "-c", SECOND, str(path)], capture_output=True, text=True,
                            timeout=60, env=environ)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_a_second_process_is_refused_while_the_first_holds_the_workspace(tmp_path, monkeypatch):
    monkeypatch.setattr(locks, "LINUX", False)
    path = tmp_path / "acct.vendordesk"
    open_workspace(path).close()
    with open_workspace(path, create=False):
        answer = _second(path)
        assert answer.startswith("refused:") and "open in another VendorDesk window" in answer
        assert _second(path, **{locks.CHILD_OF_WINDOW: "1"}) == "opened"     # the window's import child
    assert _second(path) == "opened"                                           # free again after close


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="OFD locks are Linux")
def test_the_ofd_guard_blocks_another_process_from_taking_exclusive(tmp_path):
    """What SQLite's close-time checkpoint needs: a write lock on the SHARED range."""
    path = tmp_path / "acct.vendordesk"
    open_workspace(path).close()
    probe = ("import fcntl, struct, sys\n"
             "fd = open(sys.argv[1], 'rb+')\n"
             f"lock = struct.pack('hhqqi4x', fcntl.F_WRLCK, 0, {locks.SHARED_FIRST}, {locks.SHARED_SIZE}, 0)\n"
             "try:\n    fcntl.fcntl(fd, fcntl.F_SETLK, lock)\nexcept OSError:\n    print('blocked')\n"
             "else:\n    print('got it')\n")
    run = lambda: subprocess.run([sys.executable, "-c", probe, str(path)], capture_output=True, text=True,
                                 timeout=60).stdout.strip()
    with open_workspace(path, create=False):
        os.close(os.open(path, os.O_RDONLY))      # drops this process's POSIX locks, not the OFD one
        assert run() == "blocked"
    assert run() == "got it"
