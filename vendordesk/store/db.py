"""Open, create, migrate and back up a workspace (one SQLite file per vendor account).

Migrations are numbered SQL files in ``store/migrations`` (``0001_init.sql`` ...). The
highest applied number is kept in ``PRAGMA user_version``. All missing steps run in one
transaction, so a failed upgrade leaves the file as it was.
"""

from __future__ import annotations

import logging
import os
import re
import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from vendordesk import __version__
from vendordesk.errors import WorkspaceError
from vendordesk.store import locks, sqlite_errors

log = logging.getLogger(__name__)

_MIGRATION_NAME = re.compile(r"^(\d{4})_[a-z0-9_]+\.sql$")


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    sql: str


def migrations() -> list[Migration]:
    """All shipped migrations, ordered by number."""
    found = []
    for entry in resources.files("vendordesk.store.migrations").iterdir():
        match = _MIGRATION_NAME.match(entry.name)
        if match:
            found.append(Migration(int(match.group(1)), entry.name, entry.read_text("utf-8")))
    return sorted(found, key=lambda m: m.version)


def latest_version() -> int:
    steps = migrations()
    return steps[-1].version if steps else 0


def split_statements(sql: str) -> list[str]:
    """Split a migration script into complete statements (executescript would COMMIT)."""
    statements, buffer = [], ""
    for line in sql.splitlines(keepends=True):
        buffer += line
        if sqlite3.complete_statement(buffer):
            if buffer.strip():
                statements.append(buffer.strip())
            buffer = ""
    if buffer.strip() and not buffer.strip().startswith("--"):
        statements.append(buffer.strip())
    return statements


class Workspace:
    """An open workspace: one connection, owned by one thread."""

    def __init__(self, path: Path, conn: sqlite3.Connection, lock_key: tuple[int, int] | None = None):
        self.path = path
        self.conn = conn
        self._lock_key = lock_key   # see store.locks; None for a bare connection (tests, workers)
        self._lock_checked = -1.0

    @property
    def name(self) -> str:
        return self.meta("account_name") or self.path.stem

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """Run a block in one transaction; roll back on any error."""
        if self._lock_key is not None and self._due_for_lock_check() and not locks.locks_intact(self.path):
            log.warning("writing to %s after its SQLite locks were dropped in this process "
                        "(the OFD guard still protects the WAL); call check_locks()", self.path)
        with _classified(self.path):
            self.conn.execute("BEGIN IMMEDIATE")
            try:
                yield self.conn
            except BaseException:
                _rollback_quietly(self.conn)
                raise
            try:
                self.conn.commit()
            except sqlite3.Error:
                _rollback_quietly(self.conn)
                raise

    def _due_for_lock_check(self) -> bool:
        """At most once a second: reading /proc/locks costs about as much as a small write."""
        now = time.monotonic()
        if now - self._lock_checked < 1.0:
            return False
        self._lock_checked = now
        return True

    def meta(self, key: str, default: str | None = None) -> str | None:
        row = self.conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row and row[0] is not None else default

    def set_meta(self, key: str, value: str | None) -> None:
        with self.transaction() as conn:
            conn.execute(
                "INSERT INTO meta(key, value) VALUES (?, ?) "
                "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                (key, value),
            )

    def schema_version(self) -> int:
        return self.conn.execute("PRAGMA user_version").fetchone()[0]

    def backup(self, dest: Path, progress: Callable[[int, int], None] | None = None) -> None:
        """Copy the workspace to ``dest`` (see store.backup: temporary file, then rename)."""
        from vendordesk.store.backup import copy_to

        copy_to(self.conn, Path(dest), progress)

    def check_locks(self, reconnect: bool = True) -> bool:
        """True when SQLite's locks on the file are intact; else log it and (by default) reconnect.

        Call it after anything that may have opened and closed the workspace file in this
        process (a file dialog over its folder). The OFD guard keeps other processes from
        deleting the WAL meanwhile; reconnecting gives SQLite its own locks back. It only helps
        when this is the process's only connection on the file and no transaction is open.
        """
        if self._lock_key is None or locks.locks_intact(self.path):
            return True
        log.warning("SQLite's locks on %s were dropped by a close() in this process", self.path)
        if reconnect and not self.conn.in_transaction:
            self.conn.close()
            self.conn = _connect(self.path)
            self.conn.execute("PRAGMA synchronous = NORMAL")
            self.conn.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()
            if locks.locks_intact(self.path):
                log.info("reconnected to %s; its locks are back", self.path)
                return True
        log.error("SQLite's locks on %s are still missing; another process cannot delete the WAL "
                  "(OFD guard), but reopen the workspace to be safe", self.path)
        return False

    def close(self) -> None:
        if self._lock_key is None:
            self.conn.close()
            return
        key, self._lock_key = self._lock_key, None
        locks.release(key, self.conn.close)

    def __enter__(self) -> Workspace:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


@contextmanager
def _classified(path: Path, opening: bool = False) -> Iterator[None]:
    """SQLite errors of the environment become WorkspaceError subclasses; bugs pass unchanged.

    While opening, any other database error is the file's too (a foreign SQLite file whose
    tables clash with ours): refused as unusable, as before.
    """
    try:
        yield
    except sqlite3.Error as exc:
        known = sqlite_errors.classify(exc, path)
        if known is not None:
            raise known from exc
        if opening and isinstance(exc, sqlite3.DatabaseError):
            raise WorkspaceError(
                f"Cannot use the workspace {path}: {exc}. Nothing was changed. It may not be a "
                "VendorDesk workspace; open another file or restore a backup.") from exc
        raise


def _rollback_quietly(conn: sqlite3.Connection) -> None:
    try:
        if conn.in_transaction:
            conn.rollback()
    except sqlite3.Error:
        log.warning("rollback failed", exc_info=True)   # SQLite rolls back at the next open


def _check_openable(path: Path, create: bool) -> bool:
    """Return True when the file must be created; raise WorkspaceError when unusable."""
    if path.is_dir():
        raise WorkspaceError(
            f"The workspace path {path} is a folder. Choose a file name such as "
            f"{path / 'account.vendordesk'}."
        )
    if path.exists():
        # The header is checked by SQLite itself (see _integrity_check): opening and closing
        # the file here would drop the POSIX locks this process's connections hold on it.
        return path.stat().st_size == 0
    if not create:
        raise WorkspaceError(
            f"The workspace {path} does not exist. Check the path, or create it with "
            "File > New workspace or `vendordesk demo PATH`."
        )
    if not path.parent.is_dir():
        raise WorkspaceError(
            f"Cannot create the workspace {path}: the folder {path.parent} does not exist. "
            "Create the folder first or choose another location."
        )
    return True


def _connect(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(path, isolation_level=None, timeout=10.0)
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA busy_timeout = 10000")
    return conn


def _integrity_check(conn: sqlite3.Connection, path: Path) -> None:
    result = conn.execute("PRAGMA quick_check").fetchall()
    problems = [row[0] for row in result if row[0] != "ok"]
    if problems:
        exc = sqlite_errors.make(sqlite_errors.WorkspaceDamaged, path)
        exc.args = (f"{exc} (SQLite: {problems[0]})",)
        raise exc


SCHEMA_MARKER = "schema_written_by"
# The first release numbered its migrations 0001-0003 and wrote no marker; every later schema
# step writes one. A number above 3 without the marker was written by a development build.
LAST_UNMARKED_RELEASE = 3


def _has_schema_marker(conn: sqlite3.Connection) -> bool:
    """Workspaces migrated by this version on record which VendorDesk wrote their schema.

    Development builds numbered their migrations 0001, 0004, 0008 before the numbers were
    made contiguous, and wrote no marker. So a schema number above ours without the marker is
    an old, unsupported development workspace; with it, it comes from a newer release.
    """
    try:
        row = conn.execute("SELECT value FROM meta WHERE key = ?", (SCHEMA_MARKER,)).fetchone()
    except sqlite3.OperationalError:      # no meta table at all
        return False
    return row is not None


def _check_version(conn: sqlite3.Connection, path: Path) -> None:
    """Before anything writes (even journal_mode = WAL changes the header)."""
    current = conn.execute("PRAGMA user_version").fetchone()[0]
    latest = latest_version()
    marked = _has_schema_marker(conn)
    if current > LAST_UNMARKED_RELEASE and not marked:
        kind = sqlite_errors.WorkspaceTooOld
        raise sqlite_errors.make(kind, path, current=current, latest=latest)
    if current > latest:
        kind = sqlite_errors.WorkspaceTooNew if marked else sqlite_errors.WorkspaceTooOld
        raise sqlite_errors.make(kind, path, current=current, latest=latest)


def _migrate(conn: sqlite3.Connection, path: Path) -> None:
    current = conn.execute("PRAGMA user_version").fetchone()[0]
    pending = [m for m in migrations() if m.version > current]
    if not pending:
        return
    conn.execute("BEGIN IMMEDIATE")
    try:
        for step in pending:
            for statement in split_statements(step.sql):
                conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {step.version:d}")
        conn.execute("INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET "
                     "value = excluded.value", (SCHEMA_MARKER, __version__))
    except BaseException:
        conn.rollback()
        raise
    conn.commit()


def open_workspace(path: str | Path, create: bool = True) -> Workspace:
    """Open (and if needed create and migrate) the workspace at ``path``.

    Raises:
        WorkspaceError: the path is unusable, busy, read-only, full, not SQLite, damaged, or
            from another version (see store.sqlite_errors). Other SQLite errors are bugs.
    """
    path = Path(path).expanduser()
    must_create = _check_openable(path, create)
    if not must_create and not os.access(path, os.W_OK):
        kind = sqlite_errors.WorkspaceReadOnly
        raise sqlite_errors.make(kind, path)
    with _classified(path, opening=True):
        conn = _connect(path)
        try:
            if not must_create:
                _integrity_check(conn, path)
                _check_version(conn, path)
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = NORMAL")
            _migrate(conn, path)
            conn.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()   # the -shm exists now
            lock_key = locks.hold(path)
        except BaseException:
            conn.close()
            raise
    return Workspace(path, conn, lock_key)
