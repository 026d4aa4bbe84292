"""Backups of a workspace: a consistent copy written beside the target, then renamed over it.

The copy is made by SQLite's backup API in a single step, i.e. inside one read transaction:
stepping page by page restarts whenever the source looks changed, which on a read-only
workspace (a read-only -shm, where SQLite keeps the WAL index in heap memory) happens at every
step, so the copy never finished and spun at 100 % CPU. One step cannot restart.

The old backup stays until the new one is complete (os.replace is atomic); on any failure,
a full disk included, the temporary file is removed, so no partial file ever looks like a
valid, empty workspace.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Callable
from pathlib import Path

from vendordesk.errors import UserError, WorkspaceError
from vendordesk.store import sqlite_errors
from vendordesk.text import N_


def _remove(path: Path) -> None:
    for leftover in (path, Path(str(path) + "-journal"), Path(str(path) + "-wal"), Path(str(path) + "-shm")):
        with contextlib.suppress(FileNotFoundError):
            leftover.unlink()


def _fsync_folder(folder: Path) -> None:
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def copy_to(source: sqlite3.Connection, dest: Path,
            progress: Callable[[int, int], None] | None = None) -> None:
    """Write a copy of ``source`` to ``dest`` (replacing it only once the copy is complete).

    Raises:
        WorkspaceError: the destination cannot be written (read-only, full, I/O error).
    """
    dest = Path(dest)
    temp = dest.with_name(f".{dest.name}.{os.getpid()}.partial")
    _remove(temp)
    try:
        target = sqlite3.connect(temp, isolation_level=None)
        try:
            source.backup(target, pages=-1)
            # One self-contained file: opening the backup needs no -wal/-shm (read-only media too).
            target.execute("PRAGMA journal_mode = DELETE")
        finally:
            target.close()
        with open(temp, "rb+") as written:
            os.fsync(written.fileno())
        os.replace(temp, dest)
        _fsync_folder(dest.parent)
    except sqlite3.Error as exc:
        _remove(temp)
        known = sqlite_errors.classify(exc, dest)
        if known is None:
            raise
        raise known from exc
    except OSError as exc:
        _remove(temp)
        raise error_os(dest, exc) from exc
    except BaseException:
        _remove(temp)
        raise
    if progress is not None:
        pages = source.execute("PRAGMA page_count").fetchone()[0]
        progress(pages, pages)


def error_os(dest: Path, exc: OSError) -> UserError:
    """The refusal for a backup the operating system would not write (full, read-only, other)."""
    import errno

    if exc.errno in (errno.ENOSPC, errno.EFBIG, getattr(errno, "EDQUOT", -1)):
        return sqlite_errors.make(sqlite_errors.DiskFull, dest)
    if exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        return sqlite_errors.make(sqlite_errors.WorkspaceReadOnly, dest)
    return UserError(N_("Cannot write the backup {file}: {reason}. Nothing was written. Choose another folder or "
                        "file name."), file=str(dest), reason=exc.strerror or str(exc))


def open_read_only(path: Path) -> sqlite3.Connection:
    """A read-only connection for backing up a workspace that cannot be written."""
    conn = sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro", uri=True, isolation_level=None,
                           timeout=10.0)
    try:
        conn.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()
    except sqlite3.Error as exc:
        conn.close()
        known = sqlite_errors.classify(exc, path)
        if known is None:
            raise
        if isinstance(known, sqlite_errors.WorkspaceReadOnly):
            raise WorkspaceError(
                f"The workspace {path} cannot be read: it is on a read-only drive or folder and was "
                "not closed by VendorDesk there. Nothing was written. Copy the file together with its "
                "-wal and -shm files to a writable folder, then back it up from there.") from exc
        raise known from exc
    return conn
