"""The workspace store: creation, migrations, refusals, transactions, backup."""

from __future__ import annotations

import sqlite3

import pytest

from vendordesk.errors import WorkspaceError
from vendordesk.store import open_workspace
from vendordesk.store.db import LAST_UNMARKED_RELEASE, SCHEMA_MARKER, latest_version, migrations, split_statements

EXPECTED_TABLES = {
    "meta", "products", "report_imports", "sales_facts", "traffic_facts", "inventory_facts",
    "net_ppm_facts", "extra_facts", "amazon_forecasts", "purchase_orders", "po_lines",
    "cost_prices", "terms", "departments", "tickets", "ticket_links", "ticket_events",
    "chargebacks", "tasks", "negotiations", "negotiation_items", "negotiation_drivers",
    "negotiation_scenarios", "negotiation_concessions", "gears", "kpi_edges", "manual_kpis",
    "sales_targets", "supply_params", "capacity_plan",
}


def tables(conn):
    """Tables and views: the four weekly fact tables are views over *_k tables since schema 9."""
    return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'view')")}


def test_new_workspace_is_migrated_wal_and_keyed(tmp_path):
    with open_workspace(tmp_path / "a.vendordesk") as ws:
        assert ws.schema_version() == latest_version() >= 1
        assert tables(ws.conn) >= EXPECTED_TABLES
        assert ws.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert ws.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1


def test_migrations_are_numbered_without_duplicates():
    numbers = [m.version for m in migrations()]
    assert numbers == sorted(set(numbers)) and numbers[0] == 1


def test_each_migration_step_upgrades_from_the_previous_version(tmp_path):
    """A workspace at every earlier version opens and reaches the latest schema."""
    steps = migrations()
    for keep in range(1, len(steps) + 1):
        path = tmp_path / f"v{keep}.vendordesk"
        conn = sqlite3.connect(path)
        for step in steps[:keep]:
            for statement in split_statements(step.sql):
                conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {step.version}")
        if steps[keep - 1].version > LAST_UNMARKED_RELEASE:   # as this version's migrations leave it
            conn.execute("INSERT INTO meta(key, value) VALUES (?, 'test')", (SCHEMA_MARKER,))
        conn.commit()
        conn.close()
        with open_workspace(path) as ws:
            assert ws.schema_version() == latest_version()


def test_refuses_newer_schema_and_leaves_file_untouched(tmp_path):
    path = tmp_path / "new.vendordesk"
    open_workspace(path).close()
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {latest_version() + 5}")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    with pytest.raises(WorkspaceError, match="newer VendorDesk"):
        open_workspace(path)
    assert path.read_bytes() == before


def test_refuses_file_that_is_not_sqlite(tmp_path):
    path = tmp_path / "picture.vendordesk"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + b"x" * 200)
    with pytest.raises(WorkspaceError, match="not an SQLite database"):
        open_workspace(path)
    assert path.read_bytes().startswith(b"\x89PNG")


def test_refuses_damaged_file(tmp_path):
    path = tmp_path / "damaged.vendordesk"
    with open_workspace(path) as ws:
        with ws.transaction() as conn:
            conn.executemany("INSERT INTO products(asin, title) VALUES (?, ?)",
                             [(f"B0{i:08d}", "x" * 200) for i in range(3000)])
        ws.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    data = bytearray(path.read_bytes())
    for offset in range(4096 * 3, min(len(data), 4096 * 12)):
        data[offset] = 0xA5
    path.write_bytes(bytes(data))
    with pytest.raises(WorkspaceError, match="damaged|Cannot use"):
        open_workspace(path)


def test_missing_folder_and_missing_file_are_explained(tmp_path):
    with pytest.raises(WorkspaceError, match="does not exist"):
        open_workspace(tmp_path / "nope" / "a.vendordesk")
    with pytest.raises(WorkspaceError, match="does not exist"):
        open_workspace(tmp_path / "absent.vendordesk", create=False)
    with pytest.raises(WorkspaceError, match="is a folder"):
        open_workspace(tmp_path)


def test_transaction_rolls_back_on_error(workspace):
    with pytest.raises(RuntimeError), workspace.transaction() as conn:
        conn.execute("INSERT INTO products(asin) VALUES ('B000000001')")
        raise RuntimeError("boom")
    assert workspace.conn.execute("SELECT COUNT(*) FROM products").fetchone()[0] == 0


def test_foreign_keys_are_enforced(workspace):
    with pytest.raises(sqlite3.IntegrityError), workspace.transaction() as conn:
        conn.execute("INSERT INTO ticket_events(case_id, happened_on, kind) VALUES ('nope', '2026-01-01', 'note')")


def test_backup_is_a_complete_copy(workspace, tmp_path):
    workspace.set_meta("account_name", "Küchen GmbH")
    dest = tmp_path / "copy.vendordesk"
    seen = []
    workspace.backup(dest, progress=lambda done, total: seen.append((done, total)))
    with open_workspace(dest, create=False) as copy:
        assert copy.meta("account_name") == "Küchen GmbH"
    assert seen and seen[-1][0] == seen[-1][1]


def test_opening_again_keeps_the_locks_of_a_live_connection(tmp_path):
    """Opening a workspace a second time in-process must not break the first connection.

    A plain open()/close() of the file drops this process's POSIX locks; another process
    closing its connection would then delete the WAL under our feet.
    """
    import subprocess
    import sys

    path = tmp_path / "live.vendordesk"
    first = open_workspace(path)
    first.set_meta("account_name", "A")
    open_workspace(path).close()
    code = ("import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); "
            "c.execute(\"INSERT INTO meta VALUES ('k','v')\"); c.commit(); c.close()")
    subprocess.run([sys.executable, "-c", code, str(path)], check=True, timeout=60)
    # Our connection still holds its lock, so the other process did not think it was the
    # last one and did not delete the WAL under us.
    assert path.with_name(path.name + "-wal").exists()
    assert first.meta("k") == "v"
    assert first.conn.execute("PRAGMA quick_check").fetchone()[0] == "ok"
    first.close()


def test_migration_numbers_are_contiguous():
    """A gap would let a later, lower-numbered file be skipped on existing workspaces."""
    numbers = [m.version for m in migrations()]
    assert numbers == list(range(1, len(numbers) + 1))
