"""Supply parameters, capacity plan and open POs: validation at the field, nothing half-written."""

from __future__ import annotations

import pytest

from tests.store.forecast_seed import seed_workspace, week
from vendordesk.errors import UserError
from vendordesk.store import supply


@pytest.mark.parametrize("value", [0, -5, "0", "-1,5"])
def test_capacity_zero_or_negative_is_refused_with_the_field_named(workspace, value):
    with pytest.raises(UserError, match="B0A, weekly capacity"):
        supply.save_supply(workspace, "B0A", capacity=value, lead_time=2)
    assert supply.supply_params(workspace).empty


@pytest.mark.parametrize("value", [0, "0", -1, 53])
def test_lead_time_zero_is_refused(workspace, value):
    with pytest.raises(UserError, match="lead time"):
        supply.save_supply(workspace, "B0A", capacity=10, lead_time=value)


def test_text_and_negative_stock_are_refused(workspace):
    with pytest.raises(UserError, match="not a number"):
        supply.save_supply(workspace, "B0A", capacity="viel")
    with pytest.raises(UserError, match="own stock"):
        supply.save_supply(workspace, "B0A", own_stock=-1)
    with pytest.raises(UserError, match="ASIN is empty"):
        supply.save_supply(workspace, " ", capacity=1)


def test_save_and_update_supply(workspace):
    supply.save_supply(workspace, "B0A", capacity="120,5", lead_time=2, own_stock=40, as_of="2026-11-01")
    supply.save_supply(workspace, "B0A", capacity=130, lead_time=None, own_stock=None, as_of="2026-11-08")
    rows = supply.supply_params(workspace).to_dict("records")
    assert rows == [{"asin": "B0A", "weekly_capacity_units": 130.0, "lead_time_weeks": None,
                     "own_stock_units": None, "own_stock_as_of": "2026-11-08"}]


def test_capacity_plan_is_validated_before_writing(workspace):
    with pytest.raises(UserError, match="capacity"):
        supply.save_capacity_plan(workspace, "B0A", {"2026-12-06": 50, "2026-12-13": 0})
    assert supply.capacity_plan(workspace).empty
    supply.save_capacity_plan(workspace, "B0A", {"2026-12-06": 50})
    assert supply.capacity_plan(workspace, ["B0A"])["units"].tolist() == [50.0]


def test_open_po_units_are_accepted_minus_received_minus_cancelled(workspace):
    with workspace.transaction() as conn:
        conn.execute("INSERT INTO purchase_orders (po_number, status, window_end) VALUES ('P1', 'confirmed', '2026-12-10')")
        conn.execute("INSERT INTO purchase_orders (po_number, status, window_end) VALUES ('P2', 'closed', '2026-12-10')")
        conn.execute("INSERT INTO po_lines (po_number, asin, requested_qty, accepted_qty, received_qty, cancelled_qty) "
                     "VALUES ('P1', 'B0A', 60, 50, 10, 5)")
        conn.execute("INSERT INTO po_lines (po_number, asin, requested_qty, accepted_qty, expected_date) "
                     "VALUES ('P1', 'B0B', 20, NULL, '2026-12-01')")
        conn.execute("INSERT INTO po_lines (po_number, asin, requested_qty) VALUES ('P2', 'B0A', 99)")
    lines = supply.open_po_lines(workspace).set_index("asin")
    assert lines.loc["B0A", "open_units"] == 35.0 and lines.loc["B0A", "due"] == "2026-12-10"
    assert lines.loc["B0B", "open_units"] == 20.0 and lines.loc["B0B", "due"] == "2026-12-01"
    assert len(lines) == 2                                    # the closed PO is not open


def test_load_forecast_inputs_on_a_seeded_workspace(workspace):
    asins = seed_workspace(workspace, n=4, weeks=30)
    inputs = supply.load_forecast_inputs(workspace)
    assert set(inputs) >= {"weekly", "amazon", "supply", "capacity_plan", "open_po", "inventory", "values"}
    assert sorted(inputs["weekly"]["asin"].unique()) == asins
    assert inputs["inventory"]["on_hand"].tolist() == [100.0] * 4
    values = inputs["values"].set_index("asin")["unit_value"]
    assert values.dropna().round(6).tolist() == [10.0] * len(values.dropna())   # shipped COGS / units
    assert inputs["open_po"]["due"].tolist() == [week(32)]                      # the PO window end
