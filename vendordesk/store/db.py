"""Open, create, migrate and back up a workspace (one SQLite file per vendor account).

Migrations are numbered SQL files in ``store/migrations`` (``0001_init.sql`` ...). The
highest applied number is kept in ``PRAGMA user_version``. All missing steps run in one
transaction, so a failed upgrade leaves the file as it was.
"""

from __future__ import annotations

import re
import sqlite3
from contextlib import contextmanager
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Callable, Iterator

from vendordesk.errors import WorkspaceError

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

    def __init__(self, path: Path, conn: sqlite3.Connection):
        self.path = path
        self.conn = conn

    @property
    def name(self) -> str:
        return self.meta("account_name") or self.path.stem

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """Run a block in one transaction; roll back on any error."""
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self.conn
        except BaseException:
            self.conn.rollback()
            raise
        else:
            self.conn.commit()

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
        """Copy the workspace with the sqlite3 backup API (safe while in use, WAL included)."""
        target = sqlite3.connect(dest)
        try:
            callback = None
            if progress is not None:

                def callback(_status: int, remaining: int, total: int) -> None:
                    progress(total - remaining, total)

            self.conn.backup(target, pages=256, progress=callback)
        finally:
            target.close()

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> "Workspace":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


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


def _not_sqlite(path: Path) -> WorkspaceError:
    return WorkspaceError(
        f"{path} is not a VendorDesk workspace (it is not an SQLite database). "
        "Nothing was changed. Pick a .vendordesk file, or a new file name to create one."
    )


def _integrity_check(conn: sqlite3.Connection, path: Path) -> None:
    try:
        result = conn.execute("PRAGMA quick_check").fetchall()
    except sqlite3.DatabaseError as exc:
        if "not a database" in str(exc):
            raise _not_sqlite(path) from exc
        raise WorkspaceError(
            f"The workspace {path} is damaged ({exc}). Nothing was changed. Restore it from "
            "a backup, or open another workspace."
        ) from exc
    problems = [row[0] for row in result if row[0] != "ok"]
    if problems:
        raise WorkspaceError(
            f"The workspace {path} is damaged: {problems[0]}. Nothing was changed. Restore it "
            "from a backup (File > Backup makes one), or open another workspace."
        )


def _migrate(conn: sqlite3.Connection, path: Path) -> None:
    current = conn.execute("PRAGMA user_version").fetchone()[0]
    latest = latest_version()
    if current > latest:
        raise WorkspaceError(
            f"The workspace {path} was written by a newer VendorDesk (schema {current}, this "
            f"version knows up to {latest}). Nothing was changed. Update VendorDesk to open it."
        )
    pending = [m for m in migrations() if m.version > current]
    if not pending:
        return
    conn.execute("BEGIN IMMEDIATE")
    try:
        for step in pending:
            for statement in split_statements(step.sql):
                conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {step.version:d}")
    except BaseException:
        conn.rollback()
        raise
    conn.commit()


def open_workspace(path: str | Path, create: bool = True) -> Workspace:
    """Open (and if needed create and migrate) the workspace at ``path``.

    Raises:
        WorkspaceError: the path is unusable, not SQLite, damaged or from a newer version.
    """
    path = Path(path).expanduser()
    must_create = _check_openable(path, create)
    try:
        conn = _connect(path)
    except sqlite3.Error as exc:
        raise WorkspaceError(
            f"Cannot open the workspace {path}: {exc}. Check that the folder is writable, "
            "or choose another location."
        ) from exc
    try:
        if not must_create:
            _integrity_check(conn, path)
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = NORMAL")
        _migrate(conn, path)
    except WorkspaceError:
        conn.close()
        raise
    except sqlite3.DatabaseError as exc:
        conn.close()
        raise WorkspaceError(
            f"Cannot use the workspace {path}: {exc}. Nothing was changed. Check that the "
            "file and its folder are writable, or restore a backup."
        ) from exc
    return Workspace(path, conn)
