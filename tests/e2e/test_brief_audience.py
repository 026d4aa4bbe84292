"""The negotiation brief for two audiences from one case (issue 16).

The Amazon brief holds the ASINs, the requested increase and the drivers, and none of our floor,
target, scenarios, own cost, own margin or internal notes, in either language; the internal brief
holds them all. Every figure is formatted from ``negotiation show --json`` with the briefs'
formatter, so "the PDF says what the JSON says" is checked string by string.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess

import pytest

from vendordesk.briefs import common as bc
from vendordesk.cli import main
from vendordesk.core.negotiation.model import Case, Driver, Item
from vendordesk.store import open_workspace
from vendordesk.store.negotiations import load_case, save_case

pytestmark = pytest.mark.slow

NOTE = "Schmerzgrenze des VM liegt bei Zebraprojekt"      # a word that appears nowhere else
TARGET, FLOOR = 0.0712, 0.0437                              # +7,1 % and +4,4 %: no other figure of the case
OWN = {0: 9.87, 1: 9.64}                                    # our own unit cost of the first two ASINs


def pdf_text(path) -> str:
    assert shutil.which("pdftotext"), "pdftotext is missing: install poppler-utils"
    out = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return out.replace("\xa0", " ")


def flat(text: str) -> str:
    """pdftotext splits table cells over lines; the words of the brief, one space between them."""
    return re.sub(r"\s+", " ", text)


@pytest.fixture
def case_ws(demo_path):
    with open_workspace(demo_path) as ws:
        case = load_case(ws, 1)
        case.target_pct, case.walk_away_pct, case.notes = TARGET, FLOOR, NOTE
        for i, own in OWN.items():
            case.items[i].own_cost_before, case.items[i].own_cost_after = own, None
        save_case(ws, case)
    return demo_path


def show(path, capsys) -> dict:
    assert main(["negotiation", "show", "1", "--workspace", str(path), "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def brief(path, tmp_path, audience: str, lang: str) -> str:
    out = tmp_path / f"{audience}_{lang}.pdf"
    # options before the positional ID: argparse subparsers take them in any order
    assert main(["brief", "negotiation", "--workspace", str(path), "1", "--audience", audience,
                 "--out", str(out), "--lang", lang]) == 0
    return pdf_text(out)


@pytest.mark.parametrize("lang", ["de", "en"])
def test_amazon_brief_holds_the_request_and_nothing_of_ours(case_ws, tmp_path, capsys, lang):
    doc = show(case_ws, capsys)
    text = brief(case_ws, tmp_path, "amazon", lang)
    words = flat(text)
    # what it must hold: every ASIN with its cost now and new, the requested increase, the drivers
    for item in doc["asins"]:
        row = next(line for line in text.splitlines() if item["asin"] in line)
        assert bc.number(item["cost_before"], lang, 2) in row and bc.number(item["cost_after"], lang, 2) in row
    assert bc.percent(doc["requested"], lang, signed=True).replace("\xa0", " ") in text
    for index in ("Destatis", "Drewry", "TARIC"):
        assert index in text
    assert doc["as_of"] and bc.date(doc["as_of"], lang) in text
    # what it must not hold
    assert NOTE.split()[-1] not in words                                        # internal notes
    for value in (TARGET, FLOOR):                                               # target and floor
        assert bc.percent(value, lang, signed=True).replace("\xa0", " ") not in text
    for scenario in doc["scenarios"]:                                           # scenarios
        assert scenario["name"] not in words
        for key in ("amazon_cogs_impact", "vendor_gain", "vendor_gain_net"):
            assert bc.money(scenario[key], "EUR", lang, 0).replace("\xa0", " ") not in text
    for own in OWN.values():                                                    # own cost
        assert bc.number(own, lang, 2) not in text
    for label in ("Our margin", "Unsere Marge", "Walk-away", "Untergrenze", "Net PPM", "Szenari", "Scenario",
                  "Checklist", "Checkliste", "elasticity", "Elastizität", "Ihre"):
        assert label not in words, label


@pytest.mark.parametrize("lang", ["de", "en"])
def test_internal_brief_holds_everything_with_the_json_figures(case_ws, tmp_path, capsys, lang):
    doc = show(case_ws, capsys)
    text = brief(case_ws, tmp_path, "internal", lang)
    words = flat(text)
    assert NOTE in words
    for value in (TARGET, FLOOR):
        assert bc.percent(value, lang, signed=True).replace("\xa0", " ") in text
    for scenario in doc["scenarios"]:
        for key in ("amazon_cogs_impact", "vendor_gain", "vendor_gain_net"):
            assert bc.money(scenario[key], "EUR", lang, 0).replace("\xa0", " ") in text, key
        assert bc.percent(scenario["net_ppm_after"], lang).replace("\xa0", " ") in text
    for item in doc["asins"]:
        row = next(line for line in text.splitlines() if line.strip().startswith(item["asin"]) and "%" in line)
        assert item["asin"] in row
        assert bc.number(item["break_even_asp"], lang, 2) in text
        assert bc.percent(item["net_ppm_after"], lang).replace("\xa0", " ") in text
    for own in OWN.values():
        assert bc.number(own, lang, 2) in text
    assert bc.date(doc["as_of"], lang) in text


def test_a_missing_floor_is_not_set_never_invented(workspace, tmp_path, capsys):
    save_case(workspace, Case(id=None, title="Neu", currency="EUR", effective_date="2099-01-01",
                              items=[Item("B0NEWCASE1", 5.0, 5.4)], drivers=[Driver("materials", 1.0, 0.08)]))
    path = workspace.path
    workspace.close()
    for lang, word in (("de", "nicht festgelegt"), ("en", "not set")):
        text = flat(brief(path, tmp_path, "internal", lang))
        walk = re.search(r"(Walk-away|Untergrenze)\s+(\S+ ?\S*)", text)
        assert walk and walk.group(2).startswith(word.split()[0]), walk
        assert "3,5" not in text and "3.5" not in text


def test_no_default_audience(demo_path, tmp_path, capsys):
    out = tmp_path / "x.pdf"
    assert main(["brief", "negotiation", "1", "--workspace", str(demo_path), "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert "--audience amazon" in err and "--audience internal" in err and "floor" in err
    assert not out.exists()
