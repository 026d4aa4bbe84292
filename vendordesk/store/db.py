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
from contextlib import contextmanager, suppress
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
        return int(self.conn.execute("PRAGMA user_version").fetchone()[0])

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


# --- skipping the check of an unchanged file ------------------------------------------------------
# PRAGMA quick_check reads every page: about 1 s per 540 MB. Where the composition root names a
# record file (``remember_checks_in``, kept in the user's config folder, never in the workspace),
# a workspace whose file and WAL are exactly as they were after this user's last passing check is
# not checked again. Any write through the file system changes the inode's ctime (which no
# program can set back) and usually size and mtime; copying a file over it changes the inode.
# Timestamps are coarse (a kernel tick; 2 s on FAT), so like git's "racy" index a check is only
# remembered when the file was last changed RACY_SECONDS before the check began: a later write
# then always carries a newer ctime. Damage that leaves the inode untouched (a failing disk) is
# caught by the next check, at the latest RECHECK_SECONDS after the last one.
RACY_SECONDS = 3.0
RECHECK_SECONDS = 7 * 24 * 3600.0
RECORD_ENTRIES = 64
_check_record: Path | None = None
_now_ns: Callable[[], int] = time.time_ns     # the wall clock file times are compared with (tests move it)

Fingerprint = dict[str, object]


def remember_checks_in(record: Path | None) -> None:
    """Keep passing integrity checks in ``record`` (None: check every open, the default)."""
    global _check_record
    _check_record = None if record is None else Path(record)


def _stat_fields(path: Path) -> dict[str, int] | None:
    try:
        st = os.stat(path)
    except FileNotFoundError:
        return None
    return {"dev": st.st_dev, "ino": st.st_ino, "size": st.st_size, "mtime_ns": st.st_mtime_ns,
            "ctime_ns": st.st_ctime_ns}


def _fingerprint(path: Path) -> Fingerprint | None:
    """What identifies the bytes SQLite reads: the file and its WAL (an empty WAL adds nothing)."""
    main = _stat_fields(path)
    if main is None:
        return None
    wal = _stat_fields(Path(f"{path}-wal"))
    return {"file": main, "wal": wal if wal and wal["size"] > 0 else None}


def _newest_change_ns(fingerprint: Fingerprint) -> int:
    times = []
    for part in (fingerprint["file"], fingerprint["wal"]):
        if isinstance(part, dict):
            times += [int(part["mtime_ns"]), int(part["ctime_ns"])]
    return max(times)


def _record_key(path: Path) -> str:
    return os.path.realpath(path)


def _read_record(record: Path) -> dict[str, dict[str, object]]:
    import json

    try:
        raw = json.loads(record.read_text("utf-8"))
    except (OSError, ValueError):
        return {}
    return raw if isinstance(raw, dict) else {}


def _checked_before(path: Path, fingerprint: Fingerprint | None) -> bool:
    """True when this user's last passing check saw exactly this file, recently enough."""
    if _check_record is None or fingerprint is None:
        return False
    entry = _read_record(_check_record).get(_record_key(path))
    if not isinstance(entry, dict) or entry.get("fingerprint") != fingerprint:
        return False
    checked_at = entry.get("checked_at_ns")
    if not isinstance(checked_at, int):
        return False
    age = (_now_ns() - checked_at) / 1e9
    return 0 <= age < RECHECK_SECONDS


def _remember_check(path: Path, fingerprint: Fingerprint | None, started_ns: int) -> None:
    """Record a passing check of ``fingerprint`` (unless the file changed too recently to tell)."""
    if _check_record is None or fingerprint is None:
        return
    if _fingerprint(path) != fingerprint or _newest_change_ns(fingerprint) > started_ns - RACY_SECONDS * 1e9:
        return
    import json

    entries = _read_record(_check_record)
    entries.pop(_record_key(path), None)
    entries[_record_key(path)] = {"fingerprint": fingerprint, "checked_at_ns": started_ns}
    kept = dict(list(entries.items())[-RECORD_ENTRIES:])     # the most recently checked files
    temporary = _check_record.with_name(f"{_check_record.name}.{os.getpid()}.tmp")
    try:
        _check_record.parent.mkdir(parents=True, exist_ok=True)
        temporary.write_text(json.dumps(kept, indent=1), "utf-8")
        os.replace(temporary, _check_record)
    except OSError as exc:     # the next open checks again: slower, never less safe
        log.warning("could not record the integrity check of %s in %s: %s", path, _check_record, exc)
        with suppress(OSError):
            temporary.unlink()


def _check_unless_unchanged(conn: sqlite3.Connection, path: Path) -> None:
    fingerprint = _fingerprint(path)
    if _checked_before(path, fingerprint):
        log.debug("%s is unchanged since its last passing integrity check", path)
        return
    started = _now_ns()
    _integrity_check(conn, path)
    _remember_check(path, fingerprint, started)


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
        raise sqlite_errors.make(sqlite_errors.WorkspaceTooOld, path, current=current, latest=latest)
    if current > latest:
        kind: type[WorkspaceError] = sqlite_errors.WorkspaceTooNew if marked else sqlite_errors.WorkspaceTooOld
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
    _compact(conn, path)


# A migration that rewrites a table (0010 moved Amazon's forecasts) leaves the old pages free in the
# file: 184 of 692 MB at 5,000 ASINs x 156 weeks. From this share of free pages on, the upgrade
# compacts the file once (not a new or small file: below COMPACT_MIN_BYTES free it is not worth a copy).
COMPACT_FREE_SHARE = 0.1
COMPACT_MIN_BYTES = 1 << 20


def _compact(conn: sqlite3.Connection, path: Path) -> None:
    """VACUUM the just-migrated file when at least COMPACT_FREE_SHARE of its pages and COMPACT_MIN_BYTES are free, then
    checkpoint the WAL into it and truncate the WAL. VACUUM is one transaction of its own: if it
    fails (a full disk: it needs room for a copy), the file stays the migrated one, only bigger."""
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    free = conn.execute("PRAGMA freelist_count").fetchone()[0]
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    if free < COMPACT_FREE_SHARE * pages or free * page_size < COMPACT_MIN_BYTES:
        return
    try:
        conn.execute("VACUUM")
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
    except sqlite3.Error as exc:
        _rollback_quietly(conn)
        log.warning("could not compact the upgraded workspace %s (%d of %d pages free): %s", path, free, pages, exc)


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
                _check_unless_unchanged(conn, path)
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
