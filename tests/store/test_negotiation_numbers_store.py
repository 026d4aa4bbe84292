"""Issue 13 in the store: a conditional volume rebate is listed, not counted; Amazon's reported
Net PPM is the baseline; the CLI prints the same JSON for the same case on any day."""

import datetime as dt
import json

import pytest

from vendordesk.core.negotiation.model import Case, Item
from vendordesk.store import negotiations as store

A = "B0T2600001"


def _setup(ws, reported=None):
    start = dt.date(2025, 3, 2)
    with ws.transaction() as conn:
        for i in range(52):
            week = start + dt.timedelta(weeks=i)
            end = (week + dt.timedelta(days=6)).isoformat()
            conn.execute("INSERT INTO sales_facts (asin, grain, period_start, period_end, shipped_revenue, "
                         "shipped_units, shipped_cogs) VALUES (?, 'week', ?, ?, 199.9, 10, 100.0)",
                         (A, week.isoformat(), end))
            if reported is not None:
                conn.execute("INSERT INTO net_ppm_facts (asin, grain, period_start, period_end, "
                             "net_pure_product_margin) VALUES (?, 'week', ?, ?, ?)",
                             (A, week.isoformat(), end, reported))
        for term, rate in (("MDF", 0.06), ("DA", 0.03), ("FA", 0.02), ("VIR", 0.02)):
            conn.execute("INSERT INTO terms (term_type, name, rate, basis, valid_from, valid_to) "
                         "VALUES (?, ?, ?, 'cogs', '2026-01-01', '2026-12-31')", (term, term, rate))
    case = Case(id=None, title="CPI", currency="EUR", effective_date="2026-06-01",
                items=[Item(A, 10.0, 10.8, own_cost_before=6.0)])
    return store.save_case(ws, case)


def test_conditional_rebate_is_not_counted(workspace):
    case_id = _setup(workspace)
    a = store.analyse_case(workspace, case_id)
    # the newest week starts 2026-02-22 and ends 2026-02-28: the case's own as-of date
    assert a.as_of == dt.date(2026, 2, 28)
    # MDF 6 % + DA 3 % + FA 2 % = 11 %; the 2 % volume rebate (VIR) is conditional
    assert a.market.contra_rate == pytest.approx(0.11)
    assert [t["term_type"] for t in a.market.conditional_terms] == ["VIR"]
    # derived Net PPM: (19.99 - 10 + 0.11 x 10) / 19.99 = 11.09 / 19.99
    assert a.net_ppm_source == "derived" and a.items[0].net_ppm_before == pytest.approx(11.09 / 19.99)


def test_reported_net_ppm_is_the_baseline(workspace):
    case_id = _setup(workspace, reported=0.44)
    a = store.analyse_case(workspace, case_id)
    assert a.net_ppm_source == "reported" and a.net_ppm_before == pytest.approx(0.44)
    # after +0.80 cost of which 11 % comes back as terms: (0.44 x 19.99 - 0.712) / 19.99
    assert a.net_ppm_after == pytest.approx((0.44 * 19.99 - 0.8 * 0.89) / 19.99)


def test_cli_json_is_the_same_on_any_day(workspace, capsys):
    from vendordesk.cli import main

    case_id = _setup(workspace, reported=0.44)
    args = ["negotiation", "show", str(case_id), "--workspace", str(workspace.path), "--json"]
    assert main(args) == 0
    default = json.loads(capsys.readouterr().out)
    # the KAM picks the same date explicitly: identical; another date: the notice period moves
    assert main(args + ["--as-of", "2026-02-28"]) == 0
    assert json.loads(capsys.readouterr().out) == default
    assert default["as_of"] == "2026-02-28" and default["notice_days"] == 93
    assert main(args + ["--as-of", "2026-03-31"]) == 0
    assert json.loads(capsys.readouterr().out)["notice_days"] == 62
    # the German way of writing the same day reads alike; a day written with slashes is refused,
    # since 03/31/2026 and 31/03/2026 depend on who typed them
    assert main(args + ["--as-of", "31.03.2026"]) == 0
    assert json.loads(capsys.readouterr().out)["notice_days"] == 62
    assert main(args + ["--as-of", "03/31/2026"]) == 2
    assert "--as-of" in capsys.readouterr().err
