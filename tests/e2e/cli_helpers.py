"""What the end-to-end tests share: the real CLI in a subprocess, a small tmpfs, a file digest."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from contextlib import contextmanager
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def cli_env() -> dict:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(REPO) + os.pathsep + env.get("PYTHONPATH", "")
    return env


def cli(*args: str, timeout: int = 120) -> subprocess.CompletedProcess:
    """``python -m vendordesk ARGS`` from this repository; output captured as text."""
    return subprocess.run([sys.executable, "-m", "vendordesk", *args], capture_output=True, text=True,
                          timeout=timeout, env=cli_env())


@contextmanager
def tmpfs(where: Path, size: str):
    """A tmpfs of ``size`` mounted at ``where`` (needs root), unmounted afterwards."""
    where.mkdir()
    subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(where)], check=True)
    try:
        yield where
    finally:
        subprocess.run(["umount", "-l", str(where)], check=False)


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()
