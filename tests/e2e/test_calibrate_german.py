"""``vendordesk calibrate --lang de`` and the notes ``simulate --lang de`` repeats from it are German:
before, every link's note was an English f-string ("estimate -0.04 ± 0.50 is not clearly
negative", "273 ASIN-weeks below the 40 % target showed no demand response ...")."""

from __future__ import annotations

import json
import re

from tests.e2e.test_commands_german import english_in
from vendordesk.cli import main


def test_calibrate_prints_german_notes_with_german_digits(demo_path, capsys):
    assert main(["calibrate", "--workspace", str(demo_path), "--lang", "de"]) == 0
    out = capsys.readouterr().out
    lines = out.strip().splitlines()
    assert lines[0].startswith("Kalibriert auf 104 Wochen × 30 ASINs (")          # "×" and "bis", as `demo` says
    assert re.search(r"\(\d\d\.\d\d\.\d{4} bis \d\d\.\d\d\.\d{4}\)", lines[0]), lines[0]
    assert len(lines) == 16                         # the summary and the 15 links
    assert english_in(out) == [], out
    # each link's note after its data column, e.g. "... 13 Wo., 28 ASINs  Bestätigungsquote 96 % (13 Wochen)"
    confirmation = next(line for line in lines if line.strip().startswith("Bestätigungsquote "))
    assert re.search(r"Bestätigungsquote \d+ % \(13 Wochen\)$", confirmation), confirmation
    contra = next(line for line in lines if line.strip().startswith("Contra-COGS-Quote "))
    assert re.search(r"betragen \d+,\d % der COGS", contra), contra        # one decimal, German comma


def test_calibrate_names_each_link_in_german_not_by_its_identifier(demo_path, capsys):
    # before: the first column was the link's key ("elasticity", "lost_share", "forecast_alpha")
    assert main(["calibrate", "--workspace", str(demo_path), "--lang", "de"]) == 0
    links = capsys.readouterr().out.strip().splitlines()[1:]
    names = [re.split(r"\s{2,}", line.strip())[0] for line in links]
    assert len(names) == 15, names
    assert not [n for n in names if re.search(r"[a-z]_[a-z]", n) or n in ("elasticity", "confirmation", "fill", "ads",
                                                                          "content", "crap")], names
    assert {"Preiselastizität", "Bestätigungsquote", "Reaktion der Amazon-Prognose", "Lieferzeit (Wochen)"} <= set(names)
    assert len({line.index(name) for line, name in zip(links, names)}) == 1     # one column, aligned


def test_calibrate_in_english_names_the_links_in_words(demo_path, capsys):
    assert main(["calibrate", "--workspace", str(demo_path), "--lang", "en"]) == 0
    names = [re.split(r"\s{2,}", line.strip())[0] for line in capsys.readouterr().out.strip().splitlines()[1:]]
    assert "Price elasticity" in names and "Lost demand when out of stock" in names, names
    assert not [n for n in names if "_" in n], names


def test_the_json_keeps_the_english_note_and_the_message(demo_path, capsys):
    assert main(["calibrate", "--workspace", str(demo_path), "--json", "--lang", "de"]) == 0
    links = json.loads(capsys.readouterr().out)["links"]
    assert links["lost_share"]["note"].endswith("of the demand in out-of-stock views is lost "
                                                "(weeks whose stock covered the demand)")
    assert links["lost_share"]["note_msg"]["msgid"] == ("{pct} % of the demand in out-of-stock views is lost "
                                                        "(weeks whose stock covered the demand)")


def test_simulate_repeats_the_calibration_notes_in_german(demo_path, capsys):
    assert main(["calibrate", "--workspace", str(demo_path), "--json"]) == 0
    capsys.readouterr()
    assert main(["simulate", "--workspace", str(demo_path), "--shock", "cost_price=+6%", "--weeks", "12",
                 "--lang", "de"]) == 0
    out = capsys.readouterr().out
    assert english_in(out) == [], out
    assert "ASIN-Wochen unter dem Ziel von 40 %" in out, out      # the CRaP note of the demo
