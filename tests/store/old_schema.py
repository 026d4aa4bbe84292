"""A workspace left at an older schema version, to test what its migration keeps."""

from __future__ import annotations

import sqlite3

from vendordesk.store.db import SCHEMA_MARKER, Workspace, migrations, split_statements


def workspace_at(path, version: int) -> Workspace:
    """A new workspace at ``path`` with the migrations up to ``version`` applied, no later."""
    conn = sqlite3.connect(path, isolation_level=None)
    for step in [m for m in migrations() if m.version <= version]:
        for statement in split_statements(step.sql):
            conn.execute(statement)
        conn.execute(f"PRAGMA user_version = {step.version}")
    conn.execute("INSERT INTO meta (key, value) VALUES (?, 'test')", (SCHEMA_MARKER,))
    return Workspace(path, conn)
