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
    assert lines[0].startswith("Kalibriert auf 104 Wochen x 30 ASINs")
    assert len(lines) == 16                         # the summary and the 15 links
    assert english_in(out) == [], out
    # each link's note after its data column, e.g. "... 13 Wo., 28 ASINs  Bestätigungsquote 96 % (13 Wochen)"
    confirmation = next(line for line in lines if line.strip().startswith("confirmation "))
    assert re.search(r"Bestätigungsquote \d+ % \(13 Wochen\)$", confirmation), confirmation
    contra = next(line for line in lines if line.strip().startswith("contra_rate "))
    assert re.search(r"betragen \d+,\d % der COGS", contra), contra        # one decimal, German comma


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
