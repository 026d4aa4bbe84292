"""The demo workspace: deterministic, complete, and its stories are true in the data."""

from __future__ import annotations

import json
import re
import sqlite3
from datetime import date, timedelta
from itertools import pairwise

import pytest

from vendordesk.demo import build_demo
from vendordesk.demo.catalog import ean13
from vendordesk.errors import UserError

END = date(2026, 11, 21)
FILLED = ("meta", "products", "report_imports", "sales_facts", "traffic_facts", "inventory_facts",
          "net_ppm_facts", "amazon_forecasts", "purchase_orders", "po_lines", "cost_prices", "terms",
          "departments", "tickets", "ticket_links", "ticket_events", "chargebacks", "tasks", "negotiations",
          "negotiation_items", "negotiation_drivers", "negotiation_scenarios", "negotiation_concessions",
          "manual_kpis", "sales_targets", "supply_params", "capacity_plan")
FACTS = ("sales_facts", "traffic_facts", "inventory_facts", "net_ppm_facts")


@pytest.fixture
def db(demo_path):
    conn = sqlite3.connect(demo_path)
    yield conn
    conn.close()


@pytest.fixture(scope="module")
def full_path(tmp_path_factory):
    """The default demo (150 ASINs x 104 weeks), built once for this module."""
    path = tmp_path_factory.mktemp("full") / "full.vendordesk"
    build_demo(path)
    return path


@pytest.fixture(params=["30 ASINs", pytest.param("150 ASINs", marks=pytest.mark.slow)])
def story_db(request, demo_path):
    """The stories must hold in the small test workspace and in the default one."""
    path = demo_path if request.param == "30 ASINs" else request.getfixturevalue("full_path")
    conn = sqlite3.connect(path)
    yield conn
    conn.close()


@pytest.fixture
def stories(story_db) -> dict[str, list[str]]:
    return json.loads(story_db.execute("SELECT value FROM meta WHERE key = 'demo_stories'").fetchone()[0])


def dump(path) -> dict[str, list[tuple]]:
    conn = sqlite3.connect(path)
    try:
        return {t: sorted(conn.execute(f"SELECT * FROM {t}").fetchall(), key=repr) for t in FILLED}
    finally:
        conn.close()


def weeks_of(db) -> list[str]:
    return [r[0] for r in db.execute("SELECT DISTINCT period_start FROM sales_facts ORDER BY 1")]


def in_list(values) -> str:
    return ",".join("?" * len(values))


def test_same_seed_gives_identical_content_and_another_seed_differs(tmp_path):
    for name, seed in (("a", 3), ("b", 3), ("c", 4)):
        build_demo(tmp_path / f"{name}.vendordesk", asins=12, weeks=30, seed=seed)
    a, b, c = (dump(tmp_path / f"{n}.vendordesk") for n in "abc")
    assert a == b
    assert a["sales_facts"] != c["sales_facts"] and a["products"] != c["products"]


def test_every_table_is_filled_and_gears_are_left_empty(db):
    for table in FILLED:
        assert db.execute(f"SELECT count(*) FROM {table}").fetchone()[0] > 0, table
    assert db.execute("SELECT count(*) FROM gears").fetchone()[0] == 0
    assert db.execute("SELECT count(*) FROM kpi_edges").fetchone()[0] == 0
    for table in FACTS:
        assert db.execute(f"SELECT count(*) FROM {table} WHERE asin = ''").fetchone()[0] == 0
        assert db.execute(f"SELECT count(*) FROM {table} WHERE import_id IS NOT 1").fetchone()[0] == 0
    meta = dict(db.execute("SELECT key, value FROM meta"))
    assert meta["currency"] == "EUR" and meta["marketplace_id"] == "A1PA6795UKMFR9"
    assert meta["locale"] == "de_DE" and 0.35 <= float(meta["net_ppm_target"]) <= 0.45


def test_fact_rows_share_one_key_per_asin_and_week(db):
    keys = {t: db.execute(f"SELECT asin, period_start FROM {t} ORDER BY 1, 2").fetchall() for t in FACTS}
    assert keys["sales_facts"] == keys["traffic_facts"] == keys["inventory_facts"] == keys["net_ppm_facts"]
    row = db.execute("SELECT DISTINCT marketplace_id, distributor_view, selling_program, grain "
                     "FROM sales_facts").fetchall()
    assert row == [("A1PA6795UKMFR9", "MANUFACTURING", "RETAIL", "week")]


def test_weeks_run_sunday_to_saturday_contiguously_up_to_the_end_date(db):
    for asin, starts, ends in db.execute(
            "SELECT asin, group_concat(period_start), group_concat(period_end) FROM "
            "(SELECT * FROM sales_facts ORDER BY asin, period_start) GROUP BY asin"):
        days = [date.fromisoformat(s) for s in starts.split(",")]
        assert all(d.weekday() == 6 for d in days), asin
        assert all(b - a == timedelta(days=7) for a, b in pairwise(days)), asin
        assert [date.fromisoformat(e) for e in ends.split(",")] == [d + timedelta(days=6) for d in days]
        assert days[-1] + timedelta(days=6) == END
    assert len(weeks_of(db)) == 104


def test_asp_is_believable_and_net_ppm_follows_its_formula(story_db):
    rows = story_db.execute(
        "SELECT s.shipped_revenue, s.shipped_units, s.shipped_cogs, n.contra_cogs, n.sales_discount, "
        "n.net_pure_product_margin FROM sales_facts s JOIN net_ppm_facts n USING (asin, period_start)").fetchall()
    for revenue, units, cogs, contra, discount, nppm in rows:
        if units == 0:
            assert revenue == 0 and nppm is None
            continue
        assert 5 < revenue / units < 300
        assert abs(nppm - (revenue - cogs + contra - discount) / revenue) < 1e-9
    spread = story_db.execute("SELECT min(asp / ref), max(asp / ref) FROM (SELECT s.shipped_revenue / s.shipped_units asp, "
                        "(SELECT max(cost) FROM cost_prices c WHERE c.asin = s.asin) ref FROM sales_facts s "
                        "WHERE s.shipped_units > 0)").fetchone()
    assert spread[0] > 0.9 and spread[1] < 2.5      # Amazon sells around cost / front margin, never far below


def test_rates_are_fractions(db):
    row = db.execute("SELECT min(procurable_product_out_of_stock_rate), max(procurable_product_out_of_stock_rate), "
                     "min(receive_fill_rate), max(receive_fill_rate), max(vendor_confirmation_rate) "
                     "FROM inventory_facts").fetchone()
    assert row[0] >= 0 and row[1] <= 1 and row[2] >= 0 and row[3] <= 1 and row[4] <= 1
    over = db.execute("SELECT count(*) FROM inventory_facts WHERE aged90_plus_days_sellable_inventory_units > "
                      "sellable_on_hand_inventory_units OR unhealthy_inventory_units > "
                      "sellable_on_hand_inventory_units OR sellable_on_hand_inventory_units < 0").fetchone()[0]
    assert over == 0


def test_forecasts_have_sixteen_generations_of_26_ordered_quantiles(db):
    assert db.execute("SELECT count(DISTINCT generation_date) FROM amazon_forecasts").fetchone()[0] == 16
    assert db.execute("SELECT max(generation_date) FROM amazon_forecasts").fetchone()[0] == END.isoformat()
    per_gen = db.execute("SELECT DISTINCT count(*) FROM amazon_forecasts GROUP BY asin, generation_date").fetchall()
    assert per_gen == [(26,)]
    bad = db.execute("SELECT count(*) FROM amazon_forecasts WHERE NOT (mean_units <= p70_units "
                     "AND p70_units < p80_units AND p80_units < p90_units)").fetchone()[0]
    assert bad == 0


def test_oos_spiral_lowers_the_forecast_and_stays_out_of_stock(story_db, stories):
    assert len(stories["oos_spiral"]) >= 1
    weeks = weeks_of(story_db)
    gens = [r[0] for r in story_db.execute("SELECT DISTINCT generation_date FROM amazon_forecasts ORDER BY 1")]
    for asin in stories["oos_spiral"]:
        new, old = story_db.execute(
            "SELECT sum(n.mean_units), sum(o.mean_units) FROM amazon_forecasts n JOIN amazon_forecasts o "
            "ON o.asin = n.asin AND o.week_start = n.week_start WHERE n.asin = ? AND n.generation_date = ? "
            "AND o.generation_date = ?", (asin, gens[-1], gens[-13])).fetchone()
        assert new < 0.85 * old, asin
        early, late = (story_db.execute(
            f"SELECT avg(procurable_product_out_of_stock_rate) FROM inventory_facts WHERE asin = ? "
            f"AND period_start IN ({in_list(ws)})", (asin, *ws)).fetchone()[0] for ws in (weeks[:52], weeks[-12:]))
        assert late > 0.2 and late > 5 * early, asin


def _asp_nppm(db, asins, weeks):
    q = (f"SELECT sum(shipped_revenue) / sum(shipped_units), (sum(shipped_revenue) - sum(shipped_cogs) "
         f"+ sum(contra_cogs) - sum(sales_discount)) / sum(shipped_revenue) FROM sales_facts "
         f"JOIN net_ppm_facts USING (asin, period_start) WHERE asin IN ({in_list(asins)}) "
         f"AND period_start IN ({in_list(weeks)})")
    return db.execute(q, (*asins, *weeks)).fetchone()


def test_margin_squeeze_lowers_asp_and_net_ppm_below_target(story_db, stories):
    target = float(story_db.execute("SELECT value FROM meta WHERE key = 'net_ppm_target'").fetchone()[0])
    weeks = weeks_of(story_db)
    assert stories["margin_squeeze"] and stories["crap_risk"]
    for asin in stories["margin_squeeze"]:
        asp_now, nppm_now = _asp_nppm(story_db, [asin], weeks[-8:])
        asp_before, nppm_before = _asp_nppm(story_db, [asin], weeks[-60:-52])
        assert asp_now < 0.95 * asp_before, asin
        assert nppm_now < target <= nppm_before + 0.05, asin
    for asin in stories["crap_risk"]:
        assert _asp_nppm(story_db, [asin], weeks[-8:])[1] < target - 0.15
    others = [r[0] for r in story_db.execute("SELECT asin FROM products")
              if r[0] not in stories["margin_squeeze"]]
    assert _asp_nppm(story_db, others, weeks[-8:])[1] > target      # most of the account is healthy


def test_quality_problem_lowers_rating_sales_and_leaves_aged_overstock(story_db, stories):
    weeks = weeks_of(story_db)
    assert stories["quality_overstock"]
    for asin in stories["quality_overstock"]:
        ratings = [r[0] for r in story_db.execute("SELECT value FROM manual_kpis WHERE kpi = 'star_rating' AND asin = ? "
                                            "ORDER BY period_start", (asin,))]
        assert ratings[0] - ratings[-1] >= 0.8
        units = [story_db.execute(f"SELECT sum(ordered_units) FROM sales_facts WHERE asin = ? AND period_start "
                            f"IN ({in_list(ws)})", (asin, *ws)).fetchone()[0] for ws in (weeks[-60:-52], weeks[-8:])]
        assert units[1] < 0.6 * units[0]
        aged = story_db.execute(f"SELECT max(aged90_plus_days_sellable_inventory_units) FROM inventory_facts "
                          f"WHERE asin = ? AND period_start IN ({in_list(weeks[-16:])})",
                          (asin, *weeks[-16:])).fetchone()[0]
        assert aged > 0


def test_chargebacks_are_raised_only_on_late_or_short_deliveries(story_db):
    rows = story_db.execute(
        "SELECT c.kind, c.type, l.expected_date, p.window_end, l.received_qty, l.accepted_qty, c.raised_on, "
        "c.dispute_due FROM chargebacks c JOIN purchase_orders p ON p.po_number = c.po_number "
        "JOIN po_lines l ON l.po_number = c.po_number AND l.asin = c.asin").fetchall()
    assert len(rows) == story_db.execute("SELECT count(*) FROM chargebacks").fetchone()[0]
    for kind, kind_type, delivered, window_end, received, accepted, raised, due in rows:
        late, short = delivered > window_end, received < accepted
        assert late or short, (kind_type, delivered, window_end, received, accepted)
        if kind_type == "PO On-Time Accuracy":
            assert late
        assert raised > delivered and raised <= END.isoformat()
        if kind == "chargeback":
            assert date.fromisoformat(due) == date.fromisoformat(raised) + timedelta(days=30)
    still_open = story_db.execute("SELECT count(*) FROM chargebacks WHERE kind = 'chargeback' AND dispute_status = 'open' "
                            "AND dispute_due > ?", (END.isoformat(),))
    assert still_open.fetchone()[0] > 0
    assert story_db.execute("SELECT count(*) FROM chargebacks WHERE kind = 'shortage' "
                      "AND external_id = invoice_number || '-SC'").fetchone()[0] > 0


def test_po_receipts_add_up_to_the_weekly_net_received_units(story_db):
    """PO lines (delivery date = ASN date) and inventory facts come from the same receipts."""
    pairs = story_db.execute(
        "WITH r AS (SELECT asin, date(expected_date, '-' || strftime('%w', expected_date) || ' days') AS week, "
        "sum(received_qty) AS units FROM po_lines WHERE received_qty > 0 GROUP BY 1, 2) "
        "SELECT r.units, i.net_received_inventory_units FROM r JOIN inventory_facts i "
        "ON i.asin = r.asin AND i.period_start = r.week "
        "WHERE r.week >= (SELECT date(min(period_start), '+35 days') FROM inventory_facts)").fetchall()
    assert len(pairs) > 500
    assert all(a == b for a, b in pairs)


def test_open_stale_cases_tasks_and_the_prepared_price_increase(db):
    stale = db.execute("SELECT count(*) FROM tickets WHERE status != 'resolved' AND last_contact_on < ?",
                       ((END - timedelta(days=14)).isoformat(),)).fetchone()[0]
    assert stale >= 2
    assert db.execute("SELECT count(*) FROM tickets WHERE next_follow_up <= ?", (END.isoformat(),)).fetchone()[0]
    assert db.execute("SELECT count(*) FROM tickets WHERE case_id LIKE '0%'").fetchone()[0] >= 1
    assert db.execute("SELECT count(*) FROM tasks WHERE status != 'done' AND due_on < ?",
                      (END.isoformat(),)).fetchone()[0] >= 2
    status, effective = db.execute("SELECT status, effective_date FROM negotiations").fetchone()
    assert status == "draft" and date.fromisoformat(effective) >= END + timedelta(days=60)
    assert abs(db.execute("SELECT sum(weight) FROM negotiation_drivers").fetchone()[0] - 1.0) < 1e-9
    rise = db.execute("SELECT sum(weight * change_pct) FROM negotiation_drivers").fetchone()[0]
    for before, after, own_before, own_after, msrp_before, msrp_after in db.execute(
            "SELECT cost_before, cost_after, own_cost_before, own_cost_after, msrp_before, msrp_after "
            "FROM negotiation_items"):
        assert 1.055 <= after / before <= 1.095
        assert own_before < before and abs(own_after / own_before - 1 - rise) < 0.01   # drivers explain it
        assert msrp_after > msrp_before > before * 1.19


def test_the_levers_read_as_a_german_kam_writes_them(db):
    """The demo's lever details sat in the Preiserhöhung tab as "Receive Fill Rate >= 97 %" and
    "5.000 EUR": English, a typed ">=" and the ISO code where German writes "Füllrate ≥ 97 %" and "5.000 €"."""
    details = [d for (d,) in db.execute("SELECT description FROM negotiation_concessions")]
    assert len(details) == 5
    for text in details:
        assert not re.search(r">=|<=|\bEUR\b|\bReceive\b|\d x \d", text), text
    assert "Füllrate ≥ 97 % für die Linie zugesichert" in details


def test_products_are_german_with_valid_eans(db):
    rows = db.execute("SELECT title, ean FROM products").fetchall()
    assert all(ean == ean13(ean[:12]) and len(ean) == 13 for _, ean in rows)
    assert any("Wasserkocher" in t or "Toaster" in t for t, _ in rows)


def test_sales_target_is_above_the_run_rate(db):
    target = db.execute("SELECT sum(target) FROM sales_targets WHERE year = 2026 AND month <= 10").fetchone()[0]
    actual = db.execute("SELECT sum(shipped_cogs) FROM sales_facts WHERE period_start BETWEEN '2026-01-01' "
                        "AND '2026-10-31'").fetchone()[0]
    assert 1.0 < target / actual < 1.4


def test_an_existing_workspace_is_refused_and_left_unchanged(tmp_path):
    path = tmp_path / "taken.vendordesk"
    path.write_bytes(b"not empty")
    with pytest.raises(UserError, match="already exists"):
        build_demo(path, asins=3, weeks=8)
    assert path.read_bytes() == b"not empty"
    empty = tmp_path / "empty.vendordesk"
    empty.touch()
    build_demo(empty, asins=3, weeks=8)
    assert empty.stat().st_size > 0


@pytest.mark.slow
def test_default_size_has_150_asins_104_weeks_and_all_stories(full_path):
    conn = sqlite3.connect(full_path)
    try:
        # 150 simulated + 150 // 25 = 6 spare parts + 150 // 40 = 3 launches (demo.longtail)
        assert conn.execute("SELECT count(*) FROM products").fetchone()[0] == 159
        assert conn.execute("SELECT count(DISTINCT period_start) FROM sales_facts").fetchone()[0] == 104
        stories = json.loads(conn.execute("SELECT value FROM meta WHERE key = 'demo_stories'").fetchone()[0])
        assert 3 <= len(stories["oos_spiral"]) <= 5 and len(stories["crap_risk"]) >= 1
        near = conn.execute("SELECT count(*) FROM chargebacks WHERE kind = 'chargeback' AND dispute_status = 'open' "
                            "AND dispute_due BETWEEN ? AND ?", (END.isoformat(), (END + timedelta(days=7)).isoformat()))
        assert near.fetchone()[0] > 0          # some disputes must be filed this week
    finally:
        conn.close()


def test_generated_texts_are_in_the_language_chosen_at_demo_time():
    """Contacts, chargeback notes and case subjects the demo writes are in the KAM's language, their
    dates in its locale; status events keep the status key (the timeline labels it in any language)."""
    from vendordesk.demo import generate

    german, english = generate(12, 16, 7, END, "de"), generate(12, 16, 7, END, "en")
    de_events = [row[3] for row in german["ticket_events"]]
    en_events = [row[3] for row in english["ticket_events"]]
    assert not any("eröffnet" in t or "gelöst" in t for t in de_events + en_events)   # no generated label
    assert {t for (_, _, kind, t) in german["ticket_events"] if kind == "status"} <= {"resolved", "reopened"}
    subjects = {row[1] for row in english["tickets"]}      # the first contact quotes the case subject
    assert subjects.isdisjoint(row[1] for row in german["tickets"])   # in the KAM's language, too
    assert "Rückfrage: Gibt es einen neuen Stand?" in de_events
    assert "Follow-up: is there any news?" in en_events
    assert not any(ch in t for t in en_events if t not in subjects for ch in "äöüß")
    notes_de = [row[15] for row in german["chargebacks"] if row[15]]
    notes_en = [row[15] for row in english["chargebacks"] if row[15]]
    assert len(notes_de) == len(notes_en) > 0
    iso = __import__("re").compile(r"\b\d{4}-\d{2}-\d{2}\b")
    assert not any(iso.search(n) for n in notes_de + notes_en)          # no ISO dates in notes
    late_de = next(n for n in notes_de if n.startswith("Wareneingang "))
    late_en = next(n for n in notes_en if n.startswith("Received "))
    assert __import__("re").search(r"\d{2}\.\d{2}\.\d{4} nach Lieferfenster$", late_de)
    assert __import__("re").search(r"\d{2}/\d{2}/\d{4}, after the delivery window$", late_en)
    assert not any(ch in n for n in notes_en for ch in "äöüß")
