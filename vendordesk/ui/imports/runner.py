"""Runs ``vendordesk import --events`` in a child process for the window (no Qt here).

Why a process: parsing a 10 MB SP-API document with ``json.loads`` holds the GIL for a few
hundred milliseconds, which would freeze the window. The child opens its own connection and
writes each file in one transaction, so cancelling (killing the child) can never leave half a
file behind: SQLite rolls the open transaction back.
"""

from __future__ import annotations

import json
import queue
import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path

from vendordesk.errors import Cancelled
from vendordesk.ops.imports import child_environment


def command_prefix() -> list[str]:
    if getattr(sys, "frozen", False):   # the PyInstaller app binary takes subcommands itself
        return [sys.executable]
    return [sys.executable, "-m", "vendordesk"]


def _reader(stream, lines: queue.Queue) -> None:
    for line in stream:
        lines.put(line)
    lines.put(None)


def run_import(workspace: Path, files: list[str], dry_run: bool = False, period: str | None = None, *,
               progress: Callable[[float], None], cancelled: Callable[[], bool],
               lang: str | None = None) -> list[dict]:
    """Events of every file: {"event": "done", "summary": ...}, {"event": "refused", ...} or
    {"event": "failed", "file", "path", "message"} (the reader hit a bug; logged by the child).

    ``lang`` is the window's language: the child writes its refusals and warnings in it.

    Raises Cancelled (after killing the child) when the user cancels, RuntimeError when the child
    ended without reporting every file (then no file is silently dropped: the error names it).
    """
    args = command_prefix() + ["import", "--workspace", str(workspace), "--events"]
    args += ["--dry-run"] if dry_run else []
    args += ["--period", period] if period else []
    args += ["--lang", lang] if lang else []
    env = child_environment()
    child = subprocess.Popen(args + ["--", *files], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             text=True, encoding="utf-8", env=env)
    lines: queue.Queue = queue.Queue()
    threading.Thread(target=_reader, args=(child.stdout, lines), daemon=True).start()
    results: list[dict] = []
    try:
        while True:
            if cancelled():
                raise Cancelled()
            try:
                line = lines.get(timeout=0.05)
            except queue.Empty:
                continue
            if line is None:
                break
            event = json.loads(line)
            if event["event"] in ("start", "progress"):
                progress(event["progress"])
            elif event["event"] in ("done", "refused", "failed"):
                results.append(event)
    except BaseException:
        child.kill()
        child.wait()
        raise
    code = child.wait()
    error = child.stderr.read()
    failed = any(e["event"] == "failed" for e in results)
    if code not in (0, 2) and not (code == 1 and failed) or len(results) < len(files):
        reported = {e.get("path") or e.get("summary", {}).get("path") for e in results}
        missing = [f for f in files if f not in reported]
        raise RuntimeError(f"vendordesk import failed (exit {code}) before reporting "
                           f"{', '.join(missing) or 'all files'}: {error.strip()[-2000:]}")
    progress(1.0)
    return results
