"""The window's edits through ops (issue 12): each op stores what the store function stores and
says which part of the workspace changed, so the tabs refresh."""

import pytest

from vendordesk.core.influence.graph import DEFAULT_EDGES
from vendordesk.core.negotiation.model import Case
from vendordesk.errors import UserError
from vendordesk.ops import influence, negotiation
from vendordesk.store.influence import load_graph


def test_edit_and_reset_a_link(workspace):
    default = {e.id: e for e in DEFAULT_EDGES}["E04"]
    strength = 0.4 if default.strength != 0.4 else 0.5
    result = influence.save_edge(workspace, "E04", default.sign, default.lag, strength)
    assert result.changes.gears and result.value.strength == strength
    assert load_graph(workspace).edges["E04"].strength == pytest.approx(strength)
    assert influence.reset_edge(workspace, "E04").changes.gears
    # no calibration stored: the reset forgets the row, the link is its default again
    assert workspace.conn.execute("SELECT COUNT(*) FROM kpi_edges WHERE id = 'E04'").fetchone()[0] == 0
    assert load_graph(workspace).edges["E04"].strength == pytest.approx(default.strength)


def test_refused_link_saves_nothing(workspace):
    with pytest.raises(UserError, match="unknown link id"):
        influence.save_edge(workspace, "E99", 1, 0, 0.5)
    assert workspace.conn.execute("SELECT COUNT(*) FROM kpi_edges").fetchone()[0] == 0


def test_targets_round_trip(workspace):
    # 12 months of 100,000 = 1,200,000 a year
    assert influence.write_targets(workspace, 2026, dict.fromkeys(range(1, 13), 100_000.0)).changes.gears
    months = influence.read_targets(workspace, 2026)
    assert sorted(months) == list(range(1, 13)) and sum(months.values()) == pytest.approx(1_200_000)
    with pytest.raises(UserError, match="month 13"):
        influence.write_targets(workspace, 2026, {13: 1.0})
    assert sum(influence.read_targets(workspace, 2026).values()) == pytest.approx(1_200_000)   # kept


def test_save_load_and_delete_a_case(workspace):
    saved = negotiation.save_case(workspace, Case(id=None, title="CPI 2027", currency="EUR",
                                                  effective_date="2027-01-01"))
    assert saved.changes.negotiations
    assert negotiation.load_case(workspace, saved.value).title == "CPI 2027"
    assert negotiation.delete_case(workspace, saved.value).changes.negotiations
    with pytest.raises(UserError, match="no such case"):
        negotiation.load_case(workspace, saved.value)
