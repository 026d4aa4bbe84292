"""Opening skips PRAGMA quick_check only for a file exactly as this user's last passing check saw it.

The record lives outside the workspace (``store.db.remember_checks_in``); a changed file, even
one whose size and mtime were put back, is always checked and a damaged one refused.
"""

from __future__ import annotations

import hashlib
import json
import os
import time

import pytest

from vendordesk.errors import WorkspaceError
from vendordesk.store import db, open_workspace

LATER = 10 * 10**9      # the clock moved on by 10 s: longer than RACY_SECONDS (3 s)


@pytest.fixture
def record(tmp_path, monkeypatch):
    """Checks recorded in a file of the user's config folder; the workspace under tmp_path/ws."""
    path = tmp_path / "config" / "checked_workspaces.json"
    db.remember_checks_in(path)
    yield path
    db.remember_checks_in(None)


@pytest.fixture
def checks(monkeypatch):
    """How many times quick_check ran."""
    calls = []
    real = db._integrity_check
    monkeypatch.setattr(db, "_integrity_check", lambda conn, path: (calls.append(path), real(conn, path)))
    return calls


def later_clock(monkeypatch, by_ns: int = LATER) -> None:
    real = time.time_ns
    monkeypatch.setattr(db, "_now_ns", lambda: real() + by_ns)


def wait_for_newer_ctime(path, than_ns: int) -> None:
    """Until a write gets a ctime after ``than_ns`` (file times move in kernel ticks)."""
    probe = path.with_name("probe")
    while True:
        probe.write_bytes(b"x")
        if probe.stat().st_ctime_ns > than_ns:
            probe.unlink()
            return


def make_workspace(path, rows: int = 3000):
    with open_workspace(path) as ws, ws.transaction() as conn:
        conn.executemany("INSERT INTO products(asin, title) VALUES (?, ?)",
                         [(f"B0{i:08d}", "x" * 200) for i in range(rows)])
    assert not os.path.exists(f"{path}-wal")      # the last close checkpointed and removed the WAL
    return path


def test_an_unchanged_file_is_checked_once(tmp_path, record, checks, monkeypatch):
    path = make_workspace(tmp_path / "a.vendordesk")
    later_clock(monkeypatch)
    open_workspace(path).close()
    open_workspace(path).close()
    open_workspace(path).close()
    assert checks == [path]
    entry = json.loads(record.read_text("utf-8"))[os.path.realpath(path)]
    assert entry["fingerprint"]["file"]["size"] == path.stat().st_size
    assert entry["fingerprint"]["wal"] is None


def test_remembering_writes_nothing_into_the_workspace(tmp_path, record, checks, monkeypatch):
    path = make_workspace(tmp_path / "a.vendordesk")
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    later_clock(monkeypatch)
    open_workspace(path).close()                  # checked and recorded
    open_workspace(path).close()                  # skipped
    assert checks == [path]
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.vendordesk", "config"]


def test_without_a_record_every_open_checks(tmp_path, checks, monkeypatch):
    path = make_workspace(tmp_path / "a.vendordesk")
    later_clock(monkeypatch)
    open_workspace(path).close()
    open_workspace(path).close()
    assert checks == [path, path]


def test_a_file_changed_moments_ago_is_not_remembered(tmp_path, record, checks):
    """Its ctime could equal that of a write a tick later (the racy case), so it is checked again."""
    path = make_workspace(tmp_path / "a.vendordesk")
    open_workspace(path).close()
    open_workspace(path).close()
    assert checks == [path, path]
    assert not record.exists()


def test_damage_with_size_and_mtime_put_back_is_still_refused(tmp_path, record, checks, monkeypatch):
    path = make_workspace(tmp_path / "damaged.vendordesk")
    later_clock(monkeypatch)
    open_workspace(path).close()
    assert record.exists()
    before = path.stat()
    wait_for_newer_ctime(tmp_path, before.st_ctime_ns)
    with open(path, "r+b") as f:               # in place: same inode, same size
        f.seek(4096 * 3)
        f.write(bytes([0xA5]) * (4096 * 9))
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert path.stat().st_size == before.st_size and path.stat().st_mtime_ns == before.st_mtime_ns
    with pytest.raises(WorkspaceError, match="damaged|Cannot use"):
        open_workspace(path)
    assert checks == [path, path]


def test_a_copy_put_in_its_place_is_checked(tmp_path, record, checks, monkeypatch):
    path = make_workspace(tmp_path / "a.vendordesk")
    later_clock(monkeypatch)
    open_workspace(path).close()
    copy = tmp_path / "copy"
    copy.write_bytes(path.read_bytes())
    os.replace(copy, path)                        # same bytes, another inode
    open_workspace(path).close()
    assert checks == [path, path]


def test_writes_in_the_wal_are_checked(tmp_path, record, checks, monkeypatch):
    path = make_workspace(tmp_path / "a.vendordesk")
    later_clock(monkeypatch)
    first = open_workspace(path)                  # checked; stays open, so its WAL stays
    with first.transaction() as conn:
        conn.execute("INSERT INTO products(asin, title) VALUES ('B0NEW00001', 'new')")
    assert os.path.getsize(f"{path}-wal") > 0
    open_workspace(path).close()                  # the WAL's pages are part of what SQLite reads
    first.close()
    assert checks == [path, path]


def test_an_old_check_is_repeated(tmp_path, record, checks, monkeypatch):
    """A failing disk changes no inode: a week after the last check the file is checked again."""
    path = make_workspace(tmp_path / "a.vendordesk")
    later_clock(monkeypatch)
    open_workspace(path).close()
    later_clock(monkeypatch, LATER + int(db.RECHECK_SECONDS * 1e9))
    open_workspace(path).close()
    assert checks == [path, path]


def test_an_unusable_record_only_costs_a_check(tmp_path, record, checks, monkeypatch):
    path = make_workspace(tmp_path / "a.vendordesk")
    record.parent.mkdir(parents=True)
    record.write_text("{not json", "utf-8")
    later_clock(monkeypatch)
    open_workspace(path).close()
    open_workspace(path).close()
    assert checks == [path]                        # the broken record was replaced by a good one
    assert os.path.realpath(path) in json.loads(record.read_text("utf-8"))
