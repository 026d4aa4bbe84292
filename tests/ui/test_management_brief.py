"""The management brief: HTML contents on the demo and an A4 PDF in both languages."""

from __future__ import annotations

import json

import pytest

pytestmark = pytest.mark.qt


@pytest.fixture
def demo_data(demo_workspace):
    from vendordesk.ui.influence.data import load_all

    return {lang: load_all(demo_workspace.path, lang) for lang in ("de", "en")}


def test_brief_html_explains_bridge_chains_and_target(demo_workspace, demo_data):
    from vendordesk.briefs.management import build_html

    stories = json.loads(demo_workspace.meta("demo_stories"))
    en = build_html(demo_data["en"], "en", {"chart://bridge"})
    assert "Revenue bridge" in en and "chart://bridge" in en and "chart://target" not in en
    assert "R1 OOS death spiral" in en and stories["oos_spiral"][0] in en
    assert "R2 Margin squeeze" in en and "Lost sales (OOS)" in en
    de = build_html(demo_data["de"], "de")
    assert "Umsatzbrücke" in de and "OOS-Abwärtsspirale" in de and "Umsatzziel" in de
    bridge = demo_data["en"]["bridge"]
    assert sum(bridge.steps.values()) == pytest.approx(bridge.end - bridge.start)


def test_empty_workspace_brief_says_so(workspace):
    from vendordesk.briefs.management import build_html
    from vendordesk.ui.influence.data import load_all

    html = build_html(load_all(workspace.path, "en"), "en")
    assert "no weekly sales" in html


@pytest.mark.parametrize("lang", ["de", "en"])
def test_render_pdf(qapp, demo_workspace, tmp_path, lang):
    from vendordesk.ui.briefs.management_brief import render_management_pdf

    out = render_management_pdf(demo_workspace, tmp_path / f"brief_{lang}.pdf", lang)
    data = out.read_bytes()
    assert data.startswith(b"%PDF") and len(data) > 20_000
    assert data.count(b"/Type /Page\n") + data.count(b"/Type /Page ") + data.count(b"/Type /Page/") >= 1


def test_render_refuses_bad_dates(qapp, demo_workspace, tmp_path):
    from vendordesk.errors import UserError
    from vendordesk.ui.briefs.management_brief import render_management_pdf

    with pytest.raises(UserError, match="--from"):
        render_management_pdf(demo_workspace, tmp_path / "b.pdf", "en", start="31.12.2026")
    with pytest.raises(UserError, match="after --to"):
        render_management_pdf(demo_workspace, tmp_path / "b.pdf", "en", start="2026-10-01", end="2026-09-01")
    with pytest.raises(UserError, match=".pdf"):
        render_management_pdf(demo_workspace, tmp_path / "b.txt", "en")


def test_one_week_has_nothing_to_compare(workspace):
    from vendordesk.briefs.management import build_html
    from vendordesk.ui.influence.data import load_all

    with workspace.transaction() as conn:
        conn.execute("INSERT INTO sales_facts(asin, grain, period_start, period_end, ordered_units, shipped_units, "
                     "shipped_revenue, shipped_cogs) VALUES ('B000000001', 'week', '2026-11-01', '2026-11-07', "
                     "10, 10, 200, 120)")
    data = load_all(workspace.path, "en")
    assert data["has_data"] and data["bridge"] is None
    assert "nothing to compare" in build_html(data, "en")


def test_the_brief_reads_no_whatif_state(qapp, demo_workspace, tmp_path):
    """Issue 18: the brief shows no what-if, yet it read the what-if's state (its own read of the
    whole history, the command's peak at 5,000 ASINs x 156 weeks). Watched with sys.setprofile on
    the real functions, not faked."""
    import sys

    from vendordesk.ui.briefs.management_brief import render_management_pdf

    calls: list[str] = []

    def watch(frame, event, _arg):
        code = frame.f_code
        if event == "call" and code.co_name in ("prepare", "load_inputs") \
                and code.co_filename.replace("\\", "/").endswith(("store/whatif.py", "store/influence.py")):
            calls.append(code.co_name)

    sys.setprofile(watch)
    try:
        out = render_management_pdf(demo_workspace, tmp_path / "brief.pdf", "en")
    finally:
        sys.setprofile(None)
    assert out.stat().st_size > 0
    assert "load_inputs" in calls and "prepare" not in calls


def test_the_period_ends_on_its_last_day_not_on_the_last_weeks_sunday(demo_workspace, demo_data):
    """The brief's period read "23.08.2026 – 15.11.2026" for weeks 35-47, while week 47 runs from
    Sunday 15.11. to Saturday 21.11.2026: the end shown was the start of the last week, so the
    boss read a week less than the figures hold. It now ends on that week's Saturday."""
    import datetime as dt

    from vendordesk.briefs.management import build_html
    from vendordesk.text import formatter

    (_, _), (first, last) = demo_data["de"]["bridge"].periods
    assert dt.date.fromisoformat(last).weekday() == 6                 # a Sunday: the last week's start
    saturday = dt.date.fromisoformat(last) + dt.timedelta(days=6)
    de = build_html(demo_data["de"], "de")
    shown = f"{formatter('de').date(first)} – {formatter('de').date(saturday)}"
    assert shown in de, shown
    assert f"– {formatter('de').date(last)} ·" not in de
    en = build_html(demo_data["en"], "en")
    assert f"{formatter('en').date(first)} – {formatter('en').date(saturday)}" in en
