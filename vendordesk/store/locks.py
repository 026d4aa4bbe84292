"""Keep an open workspace's SQLite locks when some library opens and closes the file.

POSIX locks belong to the process: any close() of *any* descriptor on the file drops all of
them (Qt's file dialog does that when it lists the folder). A second process then takes
EXCLUSIVE when it closes, checkpoints and deletes the WAL under the open window, or
reinitialises the -shm ("How To Corrupt An SQLite Database File", §2.2).

On Linux a workspace therefore also holds open-file-description (OFD) read locks, on a private
descriptor: on SQLite's SHARED byte range of the database and on the DMS byte of the -shm
(offsets from SQLite's os_unix.c). OFD locks survive other descriptors being closed and conflict
with other processes' POSIX write locks, so no other process can get EXCLUSIVE or reinitialise
the shm while this process has the workspace open. Elsewhere on POSIX (macOS) a sidecar file
``<workspace>.lock`` held with flock() lets only one VendorDesk process open a workspace.
Windows locks are per handle and have no such hazard.

One guard per file and process, counted: its descriptors are closed only when the last
workspace on the file closes (closing them earlier would itself drop SQLite's locks).
"""

from __future__ import annotations

import logging
import os
import struct
import sys
import threading
from collections.abc import Callable
from pathlib import Path

from vendordesk.errors import WorkspaceError

log = logging.getLogger(__name__)

PENDING_BYTE = 0x40000000
SHARED_FIRST = PENDING_BYTE + 2
SHARED_SIZE = 510
SHM_DMS = 128            # UNIX_SHM_BASE (120) + 8: the "dead man switch" byte of the -shm

F_OFD_SETLK = 37
# Set by the window for its own import child: that process works under the window's guard
# (and ends without closing, see commands/import_.py), so the sidecar must not refuse it.
CHILD_OF_WINDOW = "VENDORDESK_UNDER_WINDOW_GUARD"
F_RDLCK, F_UNLCK = 0, 2
LINUX = sys.platform.startswith("linux")


def _flock(kind: int, start: int, length: int) -> bytes:
    """struct flock {short l_type, l_whence; off_t l_start, l_len; pid_t l_pid;} (64-bit Linux)."""
    return struct.pack("@hhqqi4x", kind, os.SEEK_SET, start, length, 0)


def _ofd(fd: int, kind: int, start: int, length: int, patience: float = 10.0) -> None:
    """Set an OFD lock; another process's write lock (held for a moment while it checkpoints
    or initialises the -shm) is waited for up to ``patience`` seconds, then WorkspaceBusy."""
    import errno
    import fcntl
    import time

    deadline = time.monotonic() + patience
    while True:
        try:
            fcntl.fcntl(fd, F_OFD_SETLK, _flock(kind, start, length))
            return
        except OSError as exc:
            if exc.errno not in (errno.EAGAIN, errno.EACCES) or time.monotonic() > deadline:
                if exc.errno in (errno.EAGAIN, errno.EACCES):
                    from vendordesk.store import sqlite_errors

                    kind_ = sqlite_errors.WorkspaceBusy
                    raise kind_(sqlite_errors.message(kind_, None)) from exc
                raise
            time.sleep(0.02)


def _inode_key(path: Path) -> tuple[int, int]:
    st = os.stat(path)
    return st.st_dev, st.st_ino


def _device(path: Path) -> str:
    st = os.stat(path)
    return f"{os.major(st.st_dev):02x}:{os.minor(st.st_dev):02x}:{st.st_ino}"


def posix_locks_of_this_process(*paths: Path) -> dict[str, list[tuple[int, int, str]]]:
    """Per path: (start, end, READ/WRITE) of this process's POSIX locks on it, from /proc/locks."""
    wanted = {_device(p): str(p) for p in paths}
    found: dict[str, list[tuple[int, int, str]]] = {str(p): [] for p in paths}
    pid = str(os.getpid())
    with open("/proc/locks", encoding="ascii", errors="replace") as table:
        for line in table:
            fields = line.split()
            if len(fields) < 8 or fields[1] != "POSIX" or fields[4] != pid or fields[5] not in wanted:
                continue
            end = (1 << 63) if fields[7] == "EOF" else int(fields[7])
            found[wanted[fields[5]]].append((int(fields[6]), end, fields[3]))
    return found


def _covers(locks: list[tuple[int, int, str]], start: int, end: int) -> bool:
    return any(a <= start and b >= end for a, b, _kind in locks)


class _Guard:
    def __init__(self, db: Path):
        self.db = db
        self.users = 0
        self.db_fd: int | None = None
        self.shm_fd: int | None = None
        self.sidecar_fd: int | None = None

    def acquire(self) -> None:
        if LINUX:
            self.db_fd = os.open(self.db, os.O_RDWR | os.O_CLOEXEC)
            _ofd(self.db_fd, F_RDLCK, SHARED_FIRST, SHARED_SIZE)
            shm = Path(str(self.db) + "-shm")
            if shm.exists():
                self.shm_fd = os.open(shm, os.O_RDWR | os.O_CLOEXEC)
                _ofd(self.shm_fd, F_RDLCK, SHM_DMS, 1)
        elif os.name == "posix" and os.environ.get(CHILD_OF_WINDOW) != "1":
            self._acquire_sidecar()

    def _acquire_sidecar(self) -> None:
        import fcntl

        try:
            fd = os.open(str(self.db) + ".lock", os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o600)
        except OSError:
            log.warning("cannot create %s.lock; a second process is not kept out", self.db, exc_info=True)
            return
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            os.close(fd)
            raise WorkspaceError(lock_held_message(self.db)) from None
        self.sidecar_fd = fd

    def release_locks(self) -> None:
        """Before the last SQLite connection closes, so it may checkpoint and delete the WAL."""
        for fd, start, length in ((self.db_fd, SHARED_FIRST, SHARED_SIZE), (self.shm_fd, SHM_DMS, 1)):
            if fd is not None:
                _ofd(fd, F_UNLCK, start, length)

    def close_descriptors(self) -> None:
        """After the last SQLite connection on the file closed (this drops no one's locks)."""
        for fd in (self.db_fd, self.shm_fd, self.sidecar_fd):
            if fd is not None:
                os.close(fd)
        self.db_fd = self.shm_fd = self.sidecar_fd = None


def lock_held_message(path: Path) -> str:
    return (f"The workspace {path} is open in another VendorDesk window or command. Close it there "
            "first, then try again. Nothing was changed.")


_guards: dict[tuple[int, int], _Guard] = {}
_mutex = threading.Lock()


def hold(path: Path) -> tuple[int, int]:
    """Take (or share) this process's guard on the workspace file; returns the key for ``release``."""
    key = _inode_key(path)
    with _mutex:
        guard = _guards.get(key)
        if guard is None:
            guard = _Guard(path)
            guard.acquire()
            _guards[key] = guard
        guard.users += 1
    return key


def release(key: tuple[int, int], close_connection: Callable[[], None]) -> None:
    """Close one user's connection; the last user also drops the OFD locks first and closes the fds."""
    with _mutex:
        guard = _guards.get(key)
        if guard is None or guard.users > 1:
            if guard is not None:
                guard.users -= 1
            close_connection()
            return
        del _guards[key]
        try:
            guard.release_locks()
        finally:
            try:
                close_connection()
            finally:
                guard.close_descriptors()


def locks_intact(path: Path) -> bool:
    """True when SQLite's own POSIX locks of this process are still on the file (Linux only).

    A WAL-mode connection keeps a SHARED lock on the database and a read lock on the -shm's DMS
    byte for as long as it is open; both are gone after a stray close() in this process.
    """
    if not LINUX:
        return True
    shm = Path(str(path) + "-shm")
    paths = (path, shm) if shm.exists() else (path,)
    held = posix_locks_of_this_process(*paths)
    if not _covers(held[str(path)], SHARED_FIRST, SHARED_FIRST + SHARED_SIZE - 1):
        return False
    return len(paths) == 1 or _covers(held[str(shm)], SHM_DMS, SHM_DMS)
