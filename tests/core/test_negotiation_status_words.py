"""A price-increase case's status reads the same in the window's status box, the printed brief and
`negotiation list`: capitalised, as a field's value ("Status: Draft", "Status: Entwurf"), never the
stored key ("draft") or a lower-case word beside the window's "Draft"."""

from __future__ import annotations

import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from test_negotiation import case, market

from vendordesk.briefs.negotiation import build_html
from vendordesk.core.negotiation import analysis as n
from vendordesk.core.negotiation.model import STATUSES, status_name

# the window's words (ui/negotiation/editor.py and its .ts translations), in STATUSES' order
WINDOW = {"en": ("Draft", "Submitted", "Accepted", "Rejected", "Withdrawn"),
          "de": ("Entwurf", "Eingereicht", "Angenommen", "Abgelehnt", "Zurückgezogen")}


def test_every_status_is_named_as_the_window_names_it():
    for lang, words in WINDOW.items():
        assert tuple(status_name(key, lang) for key in STATUSES) == words


def test_an_unknown_status_is_shown_as_it_is():
    assert status_name("on_hold", "de") == "on_hold"


def test_the_brief_says_the_status_as_the_window_does():
    analysis = n.analyse(case(status="draft"), market())
    for lang, word in (("en", "Draft"), ("de", "Entwurf")):
        html = build_html(analysis, lang)
        assert re.search(rf">\s*{word}\s*<", html), lang
        assert not re.search(r">\s*(draft|entwurf)\s*<", html), lang
