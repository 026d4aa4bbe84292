"""`vendordesk brief department NAME`: the demo's logistics brief says what we need in numbers
that come from the forecast plan (the same figures the Forecast tab's orders table shows)."""

from __future__ import annotations

import re
import subprocess

import pytest

from vendordesk.briefs import common as bc
from vendordesk.briefs.department_needs import weekly_orders
from vendordesk.cli import main
from vendordesk.ops.department_brief import forecast_plan
from vendordesk.store import open_workspace

pytestmark = pytest.mark.slow


def text_of(path) -> str:
    out = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return re.sub(r"\s+", " ", out.replace("\xa0", " "))


def test_logistics_brief_numbers_come_from_the_plan(demo_path, tmp_path):
    with open_workspace(demo_path) as ws:
        table = weekly_orders(forecast_plan(ws).orders)
    first = table.iloc[0]
    for lang, word in (("de", "KW"), ("en", "week")):
        out = tmp_path / f"log_{lang}.pdf"
        assert main(["brief", "department", "--workspace", str(demo_path), "logistics", "--out", str(out),
                     "--lang", lang]) == 0
        text = text_of(out)
        assert f"{word} {int(first['kw'])}" in text
        assert bc.number(first["total"], lang) in text
        assert bc.percent(first["change"], lang, 0, signed=True).replace("\xa0", " ") in text


def test_unknown_department_is_refused(demo_path, tmp_path, capsys):
    assert main(["brief", "department", "nope", "--workspace", str(demo_path), "--out", str(tmp_path / "x.pdf")]) == 2
    assert "Logistics" in capsys.readouterr().err and not (tmp_path / "x.pdf").exists()   # by name, not id


def test_the_plan_for_a_brief_keeps_no_facts_in_the_process(demo_path):
    """Issue 18: a brief reads the facts once; kept in the process cache they stayed beside the
    plan (the department brief's peak at 5,000 ASINs x 156 weeks)."""
    from vendordesk.store import facts_snapshot

    facts_snapshot.forget(demo_path)
    with open_workspace(demo_path) as ws:
        plan = forecast_plan(ws)
        slots = [s for s in facts_snapshot._CACHE if s.split("|", 1)[0] == str(ws.path)]
    assert plan is not None and len(plan.orders)
    assert slots == []
