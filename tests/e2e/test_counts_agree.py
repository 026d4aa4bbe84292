"""The same out-of-stock count is the same number wherever it appears (issue 13), on the demo.

Two counts, two names: the PAST one, "ASINs with OOS over 8 % (last 4 weeks)"
(core.gears.kpis.asins_above_oos_limit; gear tile, ``gears --json``, the management brief's
availability lever) and the FUTURE one, "ASINs at risk in the next 4 weeks"
(core.forecast.supply.at_risk_asins; the forecast tab's badge and its OOS page).
"""

from __future__ import annotations

import contextlib
import io
import json
import re
import shutil
import subprocess

import pytest

from vendordesk.cli import main

pytestmark = pytest.mark.slow


def _gears(path) -> dict:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(["gears", "--workspace", str(path), "--json", "--lang", "en"]) == 0
    return json.loads(out.getvalue())


def _pdf_text(path) -> str:
    assert shutil.which("pdftotext"), "pdftotext is missing: install poppler-utils (.ci/run does)"
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return " ".join(text.replace("\xa0", " ").split())


def test_past_oos_count_is_one_number_in_gears_json_and_management_brief(demo_path, tmp_path, monkeypatch):
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    doc = _gears(demo_path)
    kpis = {k["id"]: k for g in doc["gears"] for k in g["kpis"]}
    count = int(kpis["asins_oos"]["value"])
    assert kpis["asins_oos"]["name"] == "ASINs with OOS over 8% (last 4 weeks)"
    share = kpis["asins_oos_share"]["value"]
    assert share == pytest.approx(count / round(count / share)) if count else share == 0
    for lang, words in (("en", r"Fixing availability on the (\d+) ASINs? with OOS over 8 % \(last 4 weeks\)"),
                        ("de", r"Verfügbarkeit d(?:er|es) (\d+) ASINs? mit OOS über 8 % \(letzte 4 Wochen\)")):
        out = tmp_path / f"management_{lang}.pdf"
        assert main(["brief", "management", "--workspace", str(demo_path), "--out", str(out), "--lang", lang]) == 0
        text = _pdf_text(out).replace("8%", "8 %")
        found = re.search(words, text)
        if count:
            assert found, f"the brief ({lang}) names no availability lever by the gear tile's count"
            assert int(found.group(1)) == count
        assert "worst ASINs" not in text and "schwächsten ASINs" not in text      # the old third definition


def test_future_at_risk_count_is_one_number_on_badge_and_oos_page(demo_path):
    """The forecast tab's badge and its OOS page both count core.forecast.supply.at_risk_asins:
    ASINs with a projected week at risk among the first 4 forecast weeks, recounted here by hand
    from the plan's risk weeks."""
    from vendordesk.core.forecast.supply import RISK_HORIZON_WEEKS, at_risk_asins
    from vendordesk.ops.forecast_plan import forecast_plan

    plan, _ = forecast_plan(demo_path, horizon=8, holdout=8).value
    first = set(plan.result.weeks[:RISK_HORIZON_WEEKS])
    by_hand = {r.asin for r in plan.risks.itertuples() if r.week_start in first}
    assert at_risk_asins(plan.risks, plan.result.weeks) == sorted(by_hand)
    # the whole-horizon figure the OOS page adds is a different, named count: never smaller
    assert plan.risks["asin"].nunique() >= len(by_hand)
