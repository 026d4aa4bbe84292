"""`vendordesk brief negotiation` and `negotiation show --json` end to end: the PDF renders in
both languages, carries the same figures as the JSON, and says 'unavailable' instead of 0/NaN."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys

import pytest

from vendordesk.briefs import common as bc
from vendordesk.cli import main
from vendordesk.core.negotiation.model import Case, Driver, Item
from vendordesk.store import open_workspace
from vendordesk.store.negotiations import save_case

pytestmark = pytest.mark.slow


def run_cli(*args: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    return subprocess.run([sys.executable, "-m", "vendordesk", *args], capture_output=True, text=True,
                          timeout=180, env=env)


def pdf_text(path) -> str:
    assert shutil.which("pdftotext"), "pdftotext is missing: install poppler-utils (.ci/run does)"
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout
    return text.replace("\xa0", " ")


def plain(text: str) -> str:
    return text.replace("\xa0", " ")


def pages(path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"Pages:\s+(\d+)", info).group(1))


def test_demo_brief_in_german_and_english_matches_show_json(demo_path, tmp_path):
    shown = run_cli("negotiation", "show", "1", "--workspace", str(demo_path), "--json")
    assert shown.returncode == 0, shown.stderr
    doc = json.loads(shown.stdout)
    assert {"id", "as_of", "net_ppm_source", "asins", "scenarios"} <= set(doc) and doc["asins"]
    for lang, title in (("de", "Verhandlungsunterlage"), ("en", "negotiation brief")):
        out = tmp_path / f"brief_{lang}.pdf"
        if lang == "de":   # one real process; English in-process (same code path, faster)
            result = run_cli("brief", "negotiation", "1", "--workspace", str(demo_path), "--audience", "internal",
                             "--out", str(out))
            assert result.returncode == 0, result.stderr
        else:
            assert main(["brief", "negotiation", "1", "--workspace", str(demo_path), "--audience", "internal",
                         "--out", str(out), "--lang", lang]) == 0
        text = pdf_text(out)
        assert title in text and 3 <= pages(out) <= 8
        for item in doc["asins"]:
            assert item["asin"] in text
            assert plain(bc.percent(item["net_ppm_after"], lang)) in text
            assert bc.number(item["break_even_asp"], lang, 2) in text
        for scenario in doc["scenarios"]:
            assert plain(bc.money(scenario["amazon_cogs_impact"], "EUR", lang, 0)) in text
            assert plain(bc.percent(scenario["net_ppm_after"], lang)) in text
        assert not re.search(r"\bnan\b", text, re.IGNORECASE)
    assert "1.234" not in bc.number(1234.5, "en", 1) and bc.number(1234.5, "de", 1) == "1.234,5"


def test_missing_asp_is_reported_as_unavailable(tmp_path, capsys):
    path = tmp_path / "nofacts.vendordesk"
    with open_workspace(path) as ws:
        ws.set_meta("currency", "EUR")
        save_case(ws, Case(id=None, title="No facts", currency="EUR", effective_date="2099-01-01",
                           items=[Item("B0NOFACTS1", 5.0, 5.4)], drivers=[Driver("materials", 1.0, 0.08)]))
    assert main(["negotiation", "show", "1", "--workspace", str(path), "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["asins"][0]["asp"] is None and shown["asins"][0]["net_ppm_before"] is None
    for lang, na in (("de", "k. A."), ("en", "n/a")):
        out = tmp_path / f"nofacts_{lang}.pdf"
        assert main(["brief", "negotiation", "1", "--workspace", str(path), "--audience", "internal", "--out", str(out),
                     "--lang", lang]) == 0
        text = pdf_text(out)
        asp_row = next(line for line in text.splitlines() if line.strip().startswith("B0NOFACTS1") and na in line)
        assert "0,00" not in asp_row and "0.00" not in asp_row
        assert not re.search(r"\bnan\b", text, re.IGNORECASE)


def test_refusals_exit_2(tmp_path, demo_path, capsys):
    for audience in ("amazon", "internal"):
        assert main(["brief", "negotiation", "99", "--workspace", str(demo_path), "--audience", audience,
                     "--out", str(tmp_path / "x.pdf")]) == 2
        assert "no such case" in capsys.readouterr().err
    assert main(["brief", "negotiation", "1", "--workspace", str(demo_path), "--audience", "amazon",
                 "--out", str(tmp_path / "x.txt")]) == 2
    assert ".pdf" in capsys.readouterr().err
    with pytest.raises(SystemExit) as missing_id:     # argparse: the ID is a required positional
        main(["brief", "negotiation", "--workspace", str(demo_path), "--audience", "amazon",
              "--out", str(tmp_path / "x.pdf")])
    assert missing_id.value.code == 2 and "ID" in capsys.readouterr().err
    assert main(["negotiation", "show", "abc", "--workspace", str(demo_path)]) == 2
    assert not (tmp_path / "x.pdf").exists()


def test_list_json_and_management_kind(demo_path, tmp_path, capsys):
    assert main(["negotiation", "list", "--workspace", str(demo_path), "--json"]) == 0
    cases = json.loads(capsys.readouterr().out)
    assert cases[0]["id"] == 1 and cases[0]["asins"] >= 3 and cases[0]["status"] == "draft"
    out = tmp_path / "management.pdf"
    assert main(["brief", "management", "--workspace", str(demo_path), "--out", str(out), "--lang", "en"]) == 0
    assert out.read_bytes()[:5] == b"%PDF-"
    assert main(["brief", "management", "--workspace", str(demo_path), "--out", str(out), "--from", "2026-13-01"]) == 2
