"""A tenth gear is one declaration plus its KPI functions: declared here (and undone after the
test), it appears in ``vendordesk gears --json`` and as a tile in the gears tab."""

from __future__ import annotations

import json
import math

import pytest

from vendordesk.core.gears import defs

pytestmark = pytest.mark.qt


def declare_tenth_gear(monkeypatch):
    for name in ("GEARS", "GEAR_IDS", "MANUAL_KPIS"):
        monkeypatch.setattr(defs, name, getattr(defs, name))      # restored after the test
    # Its one KPI: conversion in percent points, a function of the period's conversion.
    kpi = defs.KpiDef("conversion_points", "Konversion in Punkten", "Conversion in points", "score", 1,
                      defs.Threshold("min", 5.0, 3.0), compute=lambda values: values.get("conversion", math.nan) * 100)
    return defs.register_gear(defs.GearDef("test_tenth", 10, "Testrad", "Test gear", (kpi,), color="#123456"))


@pytest.fixture()
def tenth_gear(monkeypatch):
    return declare_tenth_gear(monkeypatch)


def test_the_tenth_gear_is_in_gears_json(tenth_gear, demo_path, capsys):
    from vendordesk.cli import main

    assert main(["gears", "--workspace", str(demo_path), "--json"]) == 0
    gears = json.loads(capsys.readouterr().out)["gears"]
    assert len(gears) == 10 == len(defs.GEARS)
    tenth = next(g for g in gears if g["id"] == "test_tenth")
    conversion = next(k for k in next(g for g in gears if g["id"] == "content")["kpis"] if k["id"] == "conversion")
    points = tenth["kpis"][0]
    assert tenth["name"] == "Test gear"
    # conversion 0.081 -> 8.1 points; >= 5 (green) is the threshold the declaration set
    assert points["value"] == pytest.approx(conversion["value"] * 100)
    assert points["status"] == ("green" if points["value"] >= 5 else "amber" if points["value"] >= 3 else "red")


def test_the_tenth_gear_has_a_tile_in_the_tab(tenth_gear, main_window, qtbot):
    from vendordesk.ui.gears.tab import GearsTab

    tab = next(t for t in main_window.tab_widgets if isinstance(t, GearsTab))
    main_window.tabs.setCurrentWidget(tab)
    tab.ensure_loaded()
    qtbot.waitUntil(lambda: tab.task is None and tab.model is not None and tab.compute_task is None
                    and tab.report is not None, timeout=30000)
    assert "test_tenth" in tab.grid.tiles and len(tab.grid.tiles) == len(defs.GEARS)
    assert tab.report.gear("test_tenth").kpis[0].value == pytest.approx(tab.report.gear("content").kpis[0].value * 100)


def test_the_influence_map_reads_colour_and_ring_from_the_declaration(tenth_gear):
    from vendordesk.ui.influence.graph import gear_color

    assert gear_color("test_tenth") == "#123456"
    assert gear_color("availability") == next(g.color for g in defs.GEARS if g.id == "availability")
    assert defs.ring_order()[-1] == "test_tenth" and len(defs.ring_order()) == 10


def test_the_settings_page_lists_the_tenth_gears_thresholds(empty_window, monkeypatch):
    from vendordesk.ui.settings.gears import GearThresholdsPage  # imported before the gear is declared

    tenth = declare_tenth_gear(monkeypatch)
    page = GearThresholdsPage(empty_window.ctx)
    # the declaration's one KPI has a min threshold 5.0 / 3.0 ("score": shown as it is, not in percent)
    gear, threshold, green, red = page.rows[("test_tenth", "conversion_points")]
    assert gear == tenth and (green.value(), red.value()) == (5.0, 3.0)
