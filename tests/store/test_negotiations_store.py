"""Price-increase cases survive a round trip; the analysis reads facts, terms and target."""

import datetime as dt

import pytest

from vendordesk.core.negotiation.model import Case, Concession, Driver, Item, Scenario
from vendordesk.errors import UserError
from vendordesk.store import negotiations as store

A = "B0T2600001"


def _case():
    return Case(id=None, title="CPI 2026", currency="EUR", effective_date="2026-06-01", tariff_driven=True,
                kam="Anna Berg", final_order_until="2026-05-15", opening_pct=0.1,
                items=[Item(A, 10.0, 10.8, own_cost_before=6.0, msrp_before=24.99, msrp_after=26.99)],
                drivers=[Driver("materials", 0.6, 0.1, "Eurostat PPI", "destatis"), Driver("energy", 0.4, 0.05)],
                scenarios=[Scenario("phased", 0.5, 0.5, 6)],
                concessions=[Concession("final_order_old_cost", "8 weeks of stock", 480.0, 480.0, True)])


def _facts(ws, weeks=52):
    start = dt.date(2025, 3, 2)
    with ws.transaction() as conn:
        for i in range(weeks):
            week = start + dt.timedelta(weeks=i)
            conn.execute("INSERT INTO sales_facts (asin, grain, period_start, period_end, shipped_revenue, "
                         "shipped_units, shipped_cogs) VALUES (?, 'week', ?, ?, ?, ?, ?)",
                         (A, week.isoformat(), (week + dt.timedelta(days=6)).isoformat(), 199.9, 10, 100.0))
        conn.execute("INSERT INTO terms (term_type, rate, basis) VALUES ('MDF', 0.10, 'cogs')")
        conn.execute("INSERT INTO terms (term_type, rate, basis) VALUES ('DA', 0.02, 'cogs')")


def test_round_trip_keeps_everything(workspace):
    case_id = store.save_case(workspace, _case())
    back = store.load_case(workspace, case_id)
    assert back.title == "CPI 2026" and back.tariff_driven is True and back.kam == "Anna Berg"
    assert back.items == [Item(A, 10.0, 10.8, 6.0, None, 24.99, 26.99)]
    assert back.drivers[0] == Driver("materials", 0.6, 0.1, "Eurostat PPI", "destatis")
    assert back.scenarios[0].phase2_months == 6 and back.scenarios[0].id is not None
    assert back.concessions[0].offered is True and back.concessions[0].value_to_amazon == 480.0
    assert [c["id"] for c in store.list_cases(workspace)] == [case_id]
    assert store.list_cases(workspace)[0]["asins"] == 1


def test_draft_with_bad_values_is_kept(workspace):
    case = _case()
    case.items[0].cost_after = -1.0           # refused by the checks, but never lost
    case.effective_date = "2020-01-01"
    case_id = store.save_case(workspace, case)
    case.title = "renamed"
    store.save_case(workspace, case)           # autosave updates in place
    back = store.load_case(workspace, case_id)
    assert back.items[0].cost_after == -1.0 and back.title == "renamed"
    assert len(store.list_cases(workspace)) == 1


def test_delete_and_missing_case(workspace):
    case_id = store.save_case(workspace, _case())
    store.delete_case(workspace, case_id)
    assert workspace.conn.execute("SELECT COUNT(*) FROM negotiation_items").fetchone()[0] == 0
    with pytest.raises(UserError, match="no such case"):
        store.load_case(workspace, case_id)


def test_analysis_uses_terms_target_and_facts(workspace):
    _facts(workspace)
    workspace.set_meta("net_ppm_target", "0.35")
    case_id = store.save_case(workspace, _case())
    analysis = store.analyse_case(workspace, case_id, today=dt.date(2026, 3, 1))
    assert analysis.market.contra_rate == pytest.approx(0.12) and analysis.market.contra_source == "terms"
    item = analysis.items[0]
    assert item.asp == pytest.approx(19.99)
    assert round(item.net_ppm_before, 3) == 0.560 and round(item.net_ppm_after, 3) == 0.525
    assert analysis.market.elasticity_source in ("default", "calibrated")


def test_target_in_percent_is_read_as_fraction(workspace):
    workspace.set_meta("net_ppm_target", "40")
    assert store.net_ppm_target(workspace) == pytest.approx(0.40)
    assert store.terms_rate(workspace, dt.date(2026, 1, 1)) is None
