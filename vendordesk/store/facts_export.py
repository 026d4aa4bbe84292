"""Narrow, chunked reads of the facts for exports: count, ASIN list, wide blocks per ASIN range.

``facts_frame`` (store.facts) reads everything into one frame; this module reads the same facts in
ranges of ASINs so an export of any size runs in flat memory. Each block is a table's rows in wide
form (one row per ASIN and period, one column per metric); ``vendordesk.exports.facts`` turns
them into the long rows of the export.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from vendordesk.core.parsed import FACT_ROW_HEAD, KEY_COLUMNS
from vendordesk.store.db import Workspace
from vendordesk.store.facts import FACT_TABLES

FORECAST_COLUMNS = ("mean_units", "p70_units", "p80_units", "p90_units")
# Every block row starts with these eight fields, then the metric values.
HEAD = FACT_ROW_HEAD


@dataclass(frozen=True)
class Block:
    """Rows ``HEAD + values``. ``metrics`` names the value columns; when ``tag_index`` is set, each
    metric name gets ``"@" + row[tag_index]`` (Amazon's forecast generations) and that field is not
    a value. ``long`` blocks (extra_facts) hold ``HEAD + (metric, value)`` instead."""

    metrics: tuple[str, ...]
    rows: list[tuple[Any, ...]]
    tag_index: int | None = None
    long: bool = False


def _columns(ws: Workspace, table: str) -> list[str]:
    return [r[1] for r in ws.conn.execute(f"PRAGMA table_info({table})")]


def _wide_tables(ws: Workspace) -> list[tuple[str, tuple[str, ...], bool]]:
    """(table, metric columns, has currency) for each fact table."""
    skip = set(KEY_COLUMNS) | {"currency", "import_id"}
    found = []
    for table in FACT_TABLES:
        columns = _columns(ws, table)
        found.append((table, tuple(c for c in columns if c not in skip), "currency" in columns))
    return found


def count_fact_rows(ws: Workspace) -> int:
    """How many long rows an export of all facts writes (one scan per table, no rows fetched)."""
    total = 0
    for table, metrics, _ in _wide_tables(ws):
        if metrics:
            counts = ws.conn.execute(f"SELECT {', '.join(f'COUNT({m})' for m in metrics)} FROM {table}").fetchone()
            total += sum(counts)
    total += ws.conn.execute("SELECT COUNT(value) FROM extra_facts").fetchone()[0]
    counts = ws.conn.execute(
        f"SELECT {', '.join(f'COUNT({c})' for c in FORECAST_COLUMNS)} FROM amazon_forecasts").fetchone()
    return int(total + sum(counts))


def fact_asins(ws: Workspace) -> list[str]:
    """Every ASIN with facts, sorted as SQLite sorts text ('' for account totals comes first).

    A skip scan over each table's primary key (one indexed look-up per ASIN), not a full scan."""
    found: set[str] = set()
    for table in FACT_TABLES + ("extra_facts", "amazon_forecasts"):
        sql = f"SELECT asin FROM {table} WHERE asin > ? ORDER BY asin LIMIT 1"
        row = ws.conn.execute(f"SELECT asin FROM {table} ORDER BY asin LIMIT 1").fetchone()
        while row is not None:
            found.add(row[0])
            row = ws.conn.execute(sql, (row[0],)).fetchone()
    return sorted(found, key=lambda a: a.encode("utf-8"))


def fact_blocks(ws: Workspace, first: str, last: str) -> Iterator[Block]:
    """The facts of the ASINs from ``first`` to ``last`` (inclusive), table by table."""
    where = "WHERE asin >= ? AND asin <= ?"
    for table, metrics, has_currency in _wide_tables(ws):
        if not metrics:
            continue
        currency = "currency" if has_currency else "NULL"
        sql = (f"SELECT asin, period_start, period_end, distributor_view, selling_program, grain, {currency}, "
               f"marketplace_id, {', '.join(metrics)} FROM {table} {where}")
        yield Block(metrics, ws.conn.execute(sql, (first, last)).fetchall())
    sql = ("SELECT asin, period_start, period_end, distributor_view, selling_program, grain, NULL, marketplace_id, "
           f"metric, value FROM extra_facts {where} AND value IS NOT NULL")
    yield Block((), ws.conn.execute(sql, (first, last)).fetchall(), long=True)
    sql = ("SELECT asin, week_start, week_end, 'MANUFACTURING', selling_program, 'week', NULL, marketplace_id, "
           f"generation_date, {', '.join(FORECAST_COLUMNS)} FROM amazon_forecasts {where}")
    yield Block(tuple(f"amazon_forecast_{c}" for c in FORECAST_COLUMNS),
                ws.conn.execute(sql, (first, last)).fetchall(), tag_index=8)

