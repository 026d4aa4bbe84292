"""The facts CSV, byte for byte, against a slow reference kept here.

The reference reads the same ``store.facts_export`` blocks one ASIN at a time and writes one long
row per value in the plainest way: every value of every block as a tuple, Python's stable sort on
(asin, period_start, metric), each field through the CSV contract written out below. The export
builds its text column-wise in batches; both must give the same bytes."""

from __future__ import annotations

import pytest

from vendordesk.cli import main
from vendordesk.store import facts_export, open_workspace

HEADER = ("asin,period_start,period_end,metric,value,distributor_view,selling_program,grain,currency,"
          "marketplace_id\n")
FORMULA_START = tuple("=+-@\t\r\uff1d\uff0b\uff0d\uff20")


def _text(value) -> str:
    """The CSV contract for a text field: '' for missing, a leading ' before what a spreadsheet would
    run as a formula, quotes around a field with a comma, quote or line break (quotes doubled)."""
    if value is None:
        return ""
    text = str(value)
    if text.startswith(FORMULA_START):
        text = "'" + text
    if any(c in text for c in ',"\n\r'):
        text = '"' + text.replace('"', '""') + '"'
    return text


def _long_rows(block):
    for row in block.rows:
        head = row[:8]
        if block.long:
            pairs = [(row[8], row[9])]
        elif block.tag_index is not None:
            pairs = [(f"{m}@{row[block.tag_index]}", v) for m, v in zip(block.metrics, row[9:])]
        else:
            pairs = list(zip(block.metrics, row[8:]))
        for metric, value in pairs:
            if value is not None:
                yield (head[0], head[1], head[2], metric, float(value), *head[3:])


def reference_csv(path) -> bytes:
    with open_workspace(path) as ws:
        rows = [r for asin in facts_export.fact_asins(ws) for b in facts_export.fact_blocks(ws, asin, asin)
                for r in _long_rows(b)]
    rows.sort(key=lambda r: (r[0].encode(), r[1].encode(), r[3].encode()))
    lines = [",".join([_text(r[0]), _text(r[1]), _text(r[2]), _text(r[3]), repr(r[4]), *map(_text, r[5:])])
             for r in rows]
    return (HEADER + "".join(line + "\n" for line in lines)).encode("utf-8")


def _export(path, out) -> bytes:
    assert main(["--workspace", str(path), "export", "facts", "--out", str(out)]) == 0
    return out.read_bytes()


def test_reference_itself_on_two_rows(tmp_path):
    """The reference is right on rows worked by hand (so agreeing with it means something)."""
    path = tmp_path / "two.vendordesk"
    ws = open_workspace(path)
    with ws.transaction() as conn:
        conn.execute("INSERT INTO sales_facts (asin, marketplace_id, distributor_view, selling_program, grain, "
                     "period_start, period_end, currency, shipped_units, shipped_revenue) VALUES "
                     "('B0000000AA', 'A1PA6795UKMFR9', 'MANUFACTURING', 'RETAIL', 'week', '2026-11-01', "
                     "'2026-11-07', 'EUR', 3, 12.5)")
    ws.close()
    tail = "MANUFACTURING,RETAIL,week,EUR,A1PA6795UKMFR9\n"
    assert reference_csv(path).decode() == (
        HEADER + "B0000000AA,2026-11-01,2026-11-07,shipped_revenue,12.5," + tail
        + "B0000000AA,2026-11-01,2026-11-07,shipped_units,3.0," + tail)    # revenue sorts before units


@pytest.mark.parametrize("batch_rows", [150_000, 3_000])
def test_facts_csv_is_byte_identical_to_the_reference_on_the_demo(demo_path, tmp_path, monkeypatch, batch_rows):
    """30 ASINs x 104 weeks with Amazon's forecast generations; with small batches the joins between
    batches count too."""
    from vendordesk.exports import facts

    monkeypatch.setattr(facts, "BATCH_ROWS", batch_rows)
    assert _export(demo_path, tmp_path / "facts.csv") == reference_csv(demo_path)


def test_facts_csv_is_byte_identical_on_awkward_values(tmp_path, monkeypatch):
    """Texts that need quoting or neutralizing, floats that need 17 digits, big and tiny floats, a missing
    currency, two grains of the same week, extra metrics with a comma, in batches of one ASIN."""
    from vendordesk.exports import facts

    path = tmp_path / "awkward.vendordesk"
    ws = open_workspace(path)
    sql = ("INSERT INTO sales_facts (asin, marketplace_id, distributor_view, selling_program, grain, period_start, "
           "period_end, currency, shipped_revenue, shipped_units) VALUES (?, ?, ?, 'RETAIL', ?, ?, ?, ?, ?, ?)")
    with ws.transaction() as conn:
        conn.executemany(sql, [
            ("=1+2", "A1PA6795UKMFR9", "MANUFACTURING", "week", "2026-11-01", "2026-11-07", "EUR", 0.0, 0.0),
            ('B0,"Q"', "A1PA6795UKMFR9", "SOURCING", "week", "2026-11-01", "2026-11-07", None, 1e16, 1e-05),
            ('B0,"Q"', "A1PA6795UKMFR9", "MANUFACTURING", "week", "2026-11-01", "2026-11-07", "EUR", 0.1 + 0.2, 7.0),
            ("B00000000Z", "A1PA6795UKMFR9", "MANUFACTURING", "day", "2026-11-01", "2026-11-01", "EUR", 1.5, None),
            ("B00000000Z", "A1PA6795UKMFR9", "MANUFACTURING", "week", "2026-11-01", "2026-11-07", "EUR", 1.5, 2.0),
            ("", "A1PA6795UKMFR9", "MANUFACTURING", "week", "2026-11-08", "2026-11-14", "EUR", -45.5, None),
        ])
        conn.execute("INSERT INTO extra_facts (asin, marketplace_id, distributor_view, selling_program, grain, "
                     "period_start, period_end, metric, value) VALUES ('B00000000Z', 'A1PA6795UKMFR9', "
                     "'MANUFACTURING', 'RETAIL', 'week', '2026-11-01', '2026-11-07', 'odd,metric', 3.25)")
    ws.close()
    monkeypatch.setattr(facts, "BATCH_ROWS", 1)
    monkeypatch.setattr(facts, "FIRST_BATCH_ASINS", 1)
    got = _export(path, tmp_path / "facts.csv")
    assert got == reference_csv(path)
    text = got.decode()
    assert "'=1+2,2026-11-01,2026-11-07,shipped_revenue,0.0," in text
    assert ",shipped_revenue,0.30000000000000004,MANUFACTURING," in text     # repr: the shortest exact text
    assert '"B0,""Q""",2026-11-01,2026-11-07,shipped_revenue,1e+16,SOURCING,RETAIL,week,,' in text
    assert ',"odd,metric",3.25,' in text


def test_the_export_is_written_in_batches_of_about_batch_rows(demo_path, monkeypatch):
    """Flat memory: after the first batch (which measures the rows per ASIN) no batch holds much more
    than BATCH_ROWS lines, whatever the number of rows in all."""
    from vendordesk.exports import facts

    monkeypatch.setattr(facts, "BATCH_ROWS", 20_000)
    with open_workspace(demo_path) as ws:
        counts = [n for data, n in facts.csv_batches(ws, facts_export)]
        total = facts.count_rows(ws, facts_export)
    assert sum(counts) == total and len(counts) >= 5
    assert max(counts[1:]) <= 2 * 20_000
