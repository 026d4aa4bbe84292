"""``vendordesk gears`` as text speaks the user's language in its numbers too (issue 13: one
formatter per layer, never "−0,0"): German 5,7 %, 518.810, dates 15.11.2026; English 5.7%, 518,810."""

from __future__ import annotations

import json
import re

from vendordesk.cli import main


def _run(capsys, *args: str) -> str:
    assert main(list(args)) == 0
    return capsys.readouterr().out


def test_gears_text_numbers_follow_the_language(demo_path, capsys):
    doc = json.loads(_run(capsys, "gears", "--workspace", str(demo_path), "--json", "--lang", "en"))
    kpis = {k["id"]: k for g in doc["gears"] for k in g["kpis"]}
    oos, views = kpis["oos_rate"]["value"], kpis["glance_views"]["value"]
    german = _run(capsys, "--lang", "de", "gears", "--workspace", str(demo_path)).replace("\xa0", " ")
    english = _run(capsys, "--lang", "en", "gears", "--workspace", str(demo_path)).replace("\xa0", " ")
    # the OOS rate with one decimal: 0.0569... -> "5,7 %" / "5.7%"
    de_pct = f"{oos * 100:.1f}".replace(".", ",") + " %"
    en_pct = f"{oos * 100:.1f}%"
    assert de_pct in german and en_pct in english
    # glance views with the thousands separator of the language
    assert f"{views:,.0f}".replace(",", ".") in german and f"{views:,.0f}" in english
    # statuses and dates in German, not "amber" or 2026-11-21
    assert not re.search(r"\b(green|amber|red)\b", german)
    assert not re.search(r"\d{4}-\d\d-\d\d", german)
    assert "-0,0" not in german and "−0,0" not in german and "-0.0" not in english
