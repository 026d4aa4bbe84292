"""The corpus' other kind of bad input: the workspace's surroundings (issue 11, "Crashes instead of
clear refusals": a full disk, a workspace locked for more than 10 s, a read-only workspace, an old
development workspace, ``export facts --out x.xlsx`` past Excel's 1,048,576 rows).

Each goes through the real CLI and must be refused: exit 2, no traceback, the message names the
file, and the workspace is byte-identical. A -wal SQLite made while opening may stay when the
disk is full (deleting it could break another process that has it open), but it must be empty.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.corpus.build_vc import sales_csv
from tests.corpus.harness import Run, vendordesk
from tests.e2e.cli_helpers import digest, tmpfs

ROOT = hasattr(os, "geteuid") and os.geteuid() == 0
needs_root = pytest.mark.skipif(not ROOT, reason="mounting a tmpfs or a read-only bind needs root (CI runs as root)")
GOOD = sales_csv("de_DE", [["B0ENV00001", "1.234,56 €", "12"]])


def _many_rows(n: int) -> bytes:
    """A de_DE export of ``n`` ASINs (revenue and units each): about 40 bytes a row."""
    return sales_csv("de_DE", [[f"B0E{i:07d}", f"{i % 900 + 1},99 €", str(i % 40 + 1)] for i in range(n)])


def _refused(run: Run, ws: Path, before: str, *words: str, name: str | None = None) -> None:
    assert "Traceback" not in run.text, run.text
    assert run.code == 2, f"exit {run.code}: {run.text.strip()[-600:]}"
    said = " ".join(run.err.split())
    assert (name or ws.name) in said, f"the message does not name {name or ws.name}: {said}"
    for word in words:
        assert word.lower() in said.lower(), f"{word!r} missing from: {said}"
    assert digest(ws) == before, "the workspace changed although the command was refused"
    wal = Path(str(ws) + "-wal")
    assert not wal.exists() or wal.stat().st_size == 0, f"{wal.name} holds {wal.stat().st_size} bytes"


def _fill(folder: Path, leave: int = 0) -> None:
    """Fill the drive of ``folder`` up to ``leave`` free bytes (4 KB steps)."""
    with open(folder / "filler", "wb") as filler:
        try:
            while os.statvfs(folder).f_bavail * os.statvfs(folder).f_frsize > leave:
                filler.write(b"\0" * 4096)
                filler.flush()
        except OSError:   # ENOSPC: full
            pass


@pytest.fixture()
def home(tmp_path) -> Path:
    path = tmp_path / "home"
    path.mkdir()
    return path


@needs_root
def test_import_onto_a_full_disk(template, tmp_path, home):
    source = tmp_path / "good.csv"
    source.write_bytes(GOOD)
    with tmpfs(tmp_path / "full", "1m") as drive:
        ws = drive / "account.vendordesk"
        shutil.copyfile(template.path, ws)
        before = digest(ws)
        _fill(drive)
        assert os.statvfs(drive).f_bavail == 0, "the premise: no free block left"
        _refused(vendordesk(home, "import", "--workspace", str(ws), str(source)), ws, before,
                 "disk is full", "Free some space")


@needs_root
def test_import_that_fills_the_disk_half_way(template, tmp_path, home):
    """Room to open the workspace, not to write 4,000 rows: the transaction fails and rolls back."""
    source = tmp_path / "many.csv"
    source.write_bytes(_many_rows(4000))
    with tmpfs(tmp_path / "almost", "2m") as drive:
        ws = drive / "account.vendordesk"
        shutil.copyfile(template.path, ws)
        before = digest(ws)
        _fill(drive, leave=96 * 1024)
        _refused(vendordesk(home, "import", "--workspace", str(ws), str(source)), ws, before,
                 "disk is full", "Nothing was changed")


def test_import_into_a_workspace_locked_longer_than_10_s(template, tmp_path, home):
    ws = tmp_path / "account.vendordesk"
    shutil.copyfile(template.path, ws)
    source = tmp_path / "good.csv"
    source.write_bytes(GOOD)
    before = digest(ws)
    holder = subprocess.Popen(
        [sys.executable, "-c",
         "import sqlite3, sys\n"
         "conn = sqlite3.connect(sys.argv[1], isolation_level=None)\n"
         "conn.execute('BEGIN IMMEDIATE')\n"      # the write lock, held until stdin closes
         "print('held', flush=True)\n"
         "sys.stdin.read()\n", str(ws)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        began = time.monotonic()
        run = vendordesk(home, "import", "--workspace", str(ws), str(source))
        waited = time.monotonic() - began
    finally:
        holder.stdin.close()
        holder.wait(timeout=30)
    _refused(run, ws, before, "locked by another program", "Nothing was changed")
    assert waited >= 10, f"gave up after {waited:.1f} s, before the 10 s the message promises"


@needs_root
def test_import_into_a_read_only_workspace(template, tmp_path, home):
    folder = tmp_path / "shared-drive"
    folder.mkdir()
    ws = folder / "account.vendordesk"
    shutil.copyfile(template.path, ws)
    source = tmp_path / "good.csv"
    source.write_bytes(GOOD)
    before = digest(ws)
    subprocess.run(["mount", "--bind", str(folder), str(folder)], check=True)
    try:
        subprocess.run(["mount", "-o", "remount,bind,ro", str(folder)], check=True)
        with pytest.raises(OSError):            # the premise: not even root can write here
            ws.open("r+b").close()
        _refused(vendordesk(home, "import", "--workspace", str(ws), str(source)), ws, before, "read-only")
        assert sorted(p.name for p in folder.iterdir()) == [ws.name]
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)
    assert digest(ws) == before


def test_import_into_an_old_development_workspace(tmp_path, home):
    """What a development build wrote: schema 0001 and 0002, then numbered 4 (domain: no marker)."""
    from vendordesk.store.db import migrations

    ws = tmp_path / "dev.vendordesk"
    conn = sqlite3.connect(ws, isolation_level=None)
    for step in migrations()[:2]:
        conn.executescript(step.sql)
    conn.execute("PRAGMA user_version = 4")
    conn.close()
    source = tmp_path / "good.csv"
    source.write_bytes(GOOD)
    before = digest(ws)
    run = vendordesk(home, "import", "--workspace", str(ws), str(source))
    _refused(run, ws, before, "older development workspace", "no longer supports")
    assert "newer" not in run.err


# --- export facts --out x.xlsx past Excel's rows ---------------------------------------------------
ASINS, WEEKS = 1750, 104          # x 6 sales metrics = 1,092,000 long rows, + the template's 2


def _fill_with_sales(ws: Path) -> None:
    """Store ASINS x WEEKS weekly sales facts (six metrics each) with the store's own writer.

    The parse is not what this test is about (the JSON corpus is), so the report is built here."""
    import datetime as dt

    from vendordesk.core.parsed import FactBlock, ParsedReport
    from vendordesk.store import open_workspace
    from vendordesk.store.facts import write_report

    first = dt.date(2022, 1, 2)
    rows = []
    for w in range(WEEKS):
        start, end = (first + dt.timedelta(weeks=w)).isoformat(), (first + dt.timedelta(weeks=w, days=6)).isoformat()
        for a in range(ASINS):
            u = (a + w) % 50
            rows.append((f"B0X{a:07d}", "A1PA6795UKMFR9", "MANUFACTURING", "RETAIL", "week", start, end, "EUR",
                         u * 20.0, u * 11.0, float(u), float(u + 1), u * 21.5, float(u % 3)))
    columns = ("currency", "shipped_revenue", "shipped_cogs", "shipped_units", "ordered_units",
               "ordered_revenue", "customer_returns")
    report = ParsedReport(file_name="big-sales.json", source="api", report_type="sales",
                          distributor_view="MANUFACTURING", selling_program="RETAIL", grain="week",
                          period_start=rows[0][5], period_end=rows[-1][6], marketplace_id="A1PA6795UKMFR9",
                          currency="EUR", blocks={"sales_facts": FactBlock(columns, rows)})
    with open_workspace(ws, create=False) as opened:
        write_report(opened, report)


@pytest.mark.slow
def test_export_facts_to_xlsx_past_excels_rows_is_refused(template, tmp_path, home):
    ws = tmp_path / "account.vendordesk"
    shutil.copyfile(template.path, ws)
    _fill_with_sales(ws)
    with sqlite3.connect(f"file:{ws}?mode=ro", uri=True) as conn:   # the premise, counted by hand:
        cells = conn.execute("SELECT COUNT(shipped_revenue) + COUNT(shipped_cogs) + COUNT(shipped_units) + "
                             "COUNT(ordered_units) + COUNT(ordered_revenue) + COUNT(customer_returns) "
                             "FROM sales_facts").fetchone()[0]
    assert cells == ASINS * WEEKS * 6 + 2 == 1_092_002        # the template: revenue and units of 1 ASIN
    before = digest(ws)
    out = tmp_path / "exports" / "facts.xlsx"
    out.parent.mkdir()
    run = vendordesk(home, "export", "facts", "--workspace", str(ws), "--out", str(out))
    _refused(run, ws, before, "1,092,002 rows", "1,048,575", "CSV", name="facts.xlsx")
    assert list(out.parent.iterdir()) == [], "a refused export leaves no file, not even a part"
