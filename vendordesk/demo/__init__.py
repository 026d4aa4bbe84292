"""The deterministic demo workspace: a German small-appliance vendor on amazon.de.

``build_demo`` simulates the account week by week from the cause-and-effect links of
docs/domain.md §1.4 and writes it to a new workspace in one transaction. Same arguments,
same content; the wall clock is never read.

The planted stories are listed in meta ``demo_stories`` (JSON: oos_spiral, margin_squeeze,
crap_risk, quality_overstock -> ASINs); ``demo_end_date`` is the last day of the history.
Modules: catalog (products), stories (which ASINs), simulate/steps/state (the weekly
dynamics), facts/orders/chargebacks/cases/task_list/negotiation/records (rows), write (SQL).
"""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import numpy as np

from vendordesk.errors import UserError
from vendordesk.text import N_

__all__ = ["build_demo"]

# SQLite's page cache for the bulk load. The rows arrive in key order, so a filled page is not
# touched again; at 5,000 ASINs x 156 weeks 16 MiB built in the same CPU time as 256 MiB (41.4 s
# against 38.8 s, under nice on a loaded machine) and peaked 536 instead of 779 MB.
CACHE_KB = 16_384


def build_demo(path, asins: int = 150, weeks: int = 104, seed: int = 7, end_date: date | None = None,
               progress=None, lang: str = "de") -> None:
    """Write the demo account to ``path`` (must not exist yet, or be an empty file).

    Args:
        path: the new workspace file.
        asins: number of products.
        weeks: number of complete Amazon retail weeks (Sunday..Saturday) of history.
        seed: random seed; the same arguments always give the same content.
        end_date: last day of the history; snapped back to a Saturday. Default 2026-11-21.
        progress: ``progress(fraction)`` while writing; it may raise (e.g. Cancelled) to roll back.
        lang: the KAM's language: the texts the demo writes (contacts, chargeback notes) are in it,
            their dates in its locale; status events store the status key, shown in any language.

    Raises:
        UserError: the path already holds data, or the sizes are out of range.
    """
    from vendordesk.store import open_workspace

    path = Path(path).expanduser()
    if path.exists() and path.stat().st_size > 0:
        raise UserError(N_("{file} already exists and is not empty. Nothing was changed. Choose a new file name "
                           "for the demo workspace."), file=str(path))
    if asins < 1 or weeks < 8:
        raise UserError(N_("The demo needs at least 1 ASIN and 8 weeks. Use --asins >= 1 and --weeks >= 8."))
    tables = generate(asins, weeks, seed, end_date, lang)
    if progress:
        progress(0.1)
    ws = open_workspace(path)
    try:
        ws.conn.execute(f"PRAGMA cache_size = -{CACHE_KB}")
        with ws.transaction() as conn:
            _write(conn, tables, (lambda f: progress(0.1 + 0.9 * f)) if progress else None)
        del tables
        _fill_caches(ws)
    finally:
        ws.close()


def _fill_caches(ws) -> None:
    """Store the caches the first reads would otherwise build (facts snapshot, the gears' manual
    KPI and PO line frames, Amazon's forecasts), as after an import's first read: opening the demo
    and looking then writes nothing (at 5,000 ASINs x 156 weeks the first gears read grew the
    file 449 -> 493 MB plus a WAL). The rows are freed first, so this adds no peak of its own."""
    from vendordesk.store.facts_read import fill_forecast_caches
    from vendordesk.store.gears import fill_gear_caches
    from vendordesk.store.lean_query import release_freed_memory

    release_freed_memory()
    fill_gear_caches(ws)
    fill_forecast_caches(ws)


def generate(asins: int, weeks: int, seed: int, end_date: date | None = None, lang: str = "de") -> dict:
    """All demo rows, keyed by table name (no database involved)."""
    from vendordesk.demo.catalog import build_catalog
    from vendordesk.demo.chargebacks import build_chargebacks
    from vendordesk.demo.facts import FactGrid, fact_rows, forecast_rows
    from vendordesk.demo.longtail import build_longtail
    from vendordesk.demo.orders import build_orders
    from vendordesk.demo.records import build_records
    from vendordesk.demo.simulate import HORIZON, WARMUP, simulate
    from vendordesk.demo.stories import pick_stories
    from vendordesk.demo.weeks import DEFAULT_END, last_saturday, week_starts

    end = last_saturday(end_date or DEFAULT_END)
    rng = np.random.default_rng(seed)
    all_starts = week_starts(end, weeks, WARMUP, HORIZON)
    starts = all_starts[WARMUP:]
    cat = build_catalog(rng, asins, starts[0], end)
    stories = pick_stories(cat, weeks)
    increase = date(end.year - 1, end.month, 1)
    inc_week = sum(1 for s in starts if s < increase)
    sim = simulate(rng, cat, all_starts, weeks, stories, inc_week)
    grid = FactGrid(cat, starts[:weeks])
    facts = fact_rows(grid, sim, import_id=1)
    po_headers, po_rows, lines = build_orders(np.random.default_rng([seed, 1]), cat, sim, starts, 1)
    ctx = {"cat": cat, "sim": sim, "stories": stories, "starts": starts, "weeks": weeks, "end": end,
           "lines": lines, "increase": increase, "rng": np.random.default_rng([seed, 3]), "lang": lang}
    tables = {
        "products": _products(cat),
        "sales_facts": facts["sales"], "traffic_facts": facts["traffic"],
        "inventory_facts": facts["inventory"], "net_ppm_facts": facts["net_ppm"],
        "amazon_forecasts": forecast_rows(cat, sim, starts, weeks, 1),
        "purchase_orders": po_headers, "po_lines": po_rows,
        "cost_prices": _cost_prices(cat, sim, increase),
        "chargebacks": build_chargebacks(np.random.default_rng([seed, 2]), cat, lines, end, 1, lang),
    }
    tables.update(build_records(ctx, tables))
    extra = build_longtail(seed, asins, starts[:weeks], set(cat.asins) | {p for p in cat.parents or () if p})
    for name, rows in extra.items():
        tables[name] = tables[name] + rows
    asins += len(extra["products"])
    tables["meta"] = _meta(stories.names(cat.asins), end)
    tables["_import"] = [(starts[0].isoformat(), end.isoformat(), len(facts["sales"]), asins,
                          f"{end + timedelta(days=1)}T06:00:00")]
    return tables


def _write(conn, tables: dict, progress=None) -> None:
    from vendordesk.demo.write import insert_import, write_tables

    first, last, rows, count, stamp = tables["_import"][0]
    import_id = insert_import(conn, first, last, rows, count, stamp)
    if import_id != 1:      # the rows were generated for import 1 of a brand-new workspace
        raise RuntimeError(f"demo import got id {import_id}, expected 1 in a new workspace")
    write_tables(conn, tables, progress)
    from vendordesk.store.facts_snapshot import invalidate

    invalidate(conn)


def _meta(stories: dict, end: date) -> list[tuple[str, str]]:
    return [("account_name", "Küchenwelt Haushaltsgeräte GmbH"), ("vendor_code", "KUEWE"),
            ("marketplace_id", "A1PA6795UKMFR9"), ("currency", "EUR"), ("locale", "de_DE"),
            ("net_ppm_target", "0.40"), ("demo_stories", json.dumps(stories)),
            ("demo_end_date", end.isoformat())]


def _products(cat) -> list[tuple]:
    from vendordesk.demo.catalog import FAMILIES

    rows = []
    for i in sorted(range(len(cat.asins)), key=lambda j: cat.asins[j]):
        fam = FAMILIES[cat.family[i]]
        rows.append((cat.asins[i], cat.parents[i], cat.titles[i], cat.brands[i], fam.category, fam.name, cat.models[i],
                     cat.eans[i], "Basic Replenishment", "active", cat.launch[i].isoformat()))
    return rows


def _cost_prices(cat, sim, increase: date) -> list[tuple]:
    rows = []
    for i in sorted(range(len(cat.asins)), key=lambda j: cat.asins[j]):
        if cat.launch[i] >= increase:
            rows.append((cat.asins[i], cat.launch[i].isoformat(), float(cat.cost[i]), "EUR"))
            continue
        rows.append((cat.asins[i], cat.launch[i].isoformat(), float(sim.cost_old[i]), "EUR"))
        rows.append((cat.asins[i], increase.isoformat(), float(cat.cost[i]), "EUR"))
    return rows
