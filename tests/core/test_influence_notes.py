"""The calibration's notes go through the catalogue: stored as English ("note") and as the message
("note_msg"), shown in the reader's language with the reader's digits (core.influence.notes).

Before, every note was an English f-string: ``calibrate --lang de`` printed "estimate -0.04 ± 0.50
is not clearly negative" and "273 ASIN-weeks below the 40 % target ..." in the German output."""

from __future__ import annotations

import json
import re

import numpy as np
import pytest

from vendordesk.core.influence.cal_levels import level
from vendordesk.core.influence.cal_links import DEFAULTS, link
from vendordesk.core.influence.calibration import calibrate
from vendordesk.core.influence.notes import Signed, dump, load, note_text
from vendordesk.core.influence.panel_ols import panel_ols
from vendordesk.text import N_, reason

# the words of tests/e2e/test_commands_german.py's detector that a German note could keep by mistake
ENGLISH = ("the", "is", "are", "not", "and", "of", "weeks", "units", "no", "data", "default", "demand", "estimate")


def english(text: str) -> list[str]:
    return [w for w in ENGLISH if re.search(rf"\b{w}\b", text)]


def test_every_default_note_is_german_and_the_english_one_is_what_is_stored():
    links = calibrate(None)["links"]                 # no history: every link on its documented default
    assert set(links) == set(DEFAULTS)
    for name, d in links.items():
        assert note_text(d, "en") == d["note"], name
        german = note_text(d, "de")
        assert german and german != d["note"], name
        assert english(german) == [], (name, german)
    # "no weekly history; " + the default's own note, joined in each language
    assert links["lost_share"]["note"] == "no weekly history; identity: an out-of-stock view cannot convert"
    assert note_text(links["lost_share"], "de") == ("kein Wochenverlauf; Identität: ein Aufruf ohne Bestand kann "
                                                    "nicht zum Kauf führen")


def test_a_level_note_carries_its_number_in_the_readers_digits():
    # two ASINs over 13 weeks, confirmation 0.90 and 0.96: the mean of the ASIN means is
    # (0.90 + 0.96) / 2 = 0.93 -> 93 %
    values = np.column_stack([np.full(13, 0.90), np.full(13, 0.96)])
    d = level("confirmation", values, N_("confirmation rate {pct} % (13 weeks)"))
    assert d["estimate"] == pytest.approx(0.93)
    assert d["note"] == "confirmation rate 93 % (13 weeks)"
    assert note_text(d, "de") == "Bestätigungsquote 93 % (13 Wochen)"


def test_notes_survive_the_json_the_workspace_stores():
    from vendordesk.text import Message, Number

    note = Message(N_("{hits} ASIN-weeks below the {target} % target showed no demand response "
                      "({change} % ± {se} % demand): none is modelled"),
                   hits=Number(1273), target=Number(40.0), change=Signed(0.8, 1), se=Number(2.94, 1))
    stored = json.loads(json.dumps(link("crap", 0.0, 0.03, 100, 30, note)))
    assert stored["note"] == ("1,273 ASIN-weeks below the 40 % target showed no demand response (+0.8 % ± 2.9 % "
                              "demand): none is modelled")
    assert note_text(stored, "de") == ("1.273 ASIN-Wochen unter dem Ziel von 40 % zeigten keine Reaktion der "
                                       "Nachfrage (+0,8 % ± 2,9 % Nachfrage): keine wird angenommen")
    assert str(load(dump(note))) == str(note)
    assert Signed(-2.25, 1).text("de") == "\u22122,2" and Signed(0.0, 1).text("en") == "0.0"   # half to even


def test_a_regression_that_cannot_run_says_why_in_german():
    with pytest.raises(ValueError) as caught:
        panel_ols(np.array([1.0, 2.0]), np.array([[1.0], [2.0]]), np.array([0, 0]))
    d = link("elasticity", note=reason(caught.value))
    assert d["status"] == "default"
    assert note_text(d, "de") == ("zu wenige Beobachtungen für die Regression mit festen Effekten; "
                                  "dokumentierter Standardwert \u22121,5")
    assert d["note"] == ("too few observations for the fixed-effects regression; "
                         "documented default \u22121.5 (margin.DEFAULT_ELASTICITY)")


def test_a_calibration_stored_before_the_messages_still_reads_german_where_it_can():
    old = {"note": "identity: an out-of-stock view cannot convert"}           # no "note_msg"
    assert note_text(old, "de") == "Identität: ein Aufruf ohne Bestand kann nicht zum Kauf führen"
    assert note_text({"note": "273 ASIN-weeks below the 40 % target"}, "de") == "273 ASIN-weeks below the 40 % target"
    assert note_text(None, "de") == ""
