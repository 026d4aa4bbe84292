"""Issue 17: the German demo's case subjects were partly English ("Shortage Claim …", "Edit item costs:
…", "CRaP notice for … please advise", "Co-op invoice MDF Q3 charged twice") and the English demo's
were all German. The subjects, and the delegated tasks' what and why, are now written in the KAM's
language when the demo is made, and so is the prepared price increase (title, notes, scenarios,
levers, cost indexes; the English demo's brief named its scenarios "Voll: 9 % ab Stichtag"). Kept in both: Amazon's product and system names a German Vendor
Central shows in English (A+ Content, Carrier Central, EDI 856 / ASN, CRaP, Buy Box, MDF, RMA)."""

from __future__ import annotations

import re
from datetime import date

import pytest

from tests.test_glossary import GERMAN

END = date(2026, 11, 21)
ENGLISH_PHRASES = (r"Shortage Claim|Edit item costs|charged twice|Wrong brand|please advise|notice for|Remittance"
                   r"|Full:|Target:|two steps|Last order")
GERMAN_WORDS = r"[äöüß]|\b(für|und|nicht|wird|bei|seit|ohne|prüfen|neue[nr]?)\b"


@pytest.fixture(scope="module")
def demos():
    from vendordesk.demo import generate

    return {lang: generate(30, 104, 7, END, lang) for lang in ("de", "en")}


def _texts(tables) -> list[str]:
    """Case subjects, tasks' what and why, and the price-increase case's title, notes, scenarios,
    levers and cost indexes."""
    negotiation = [tables["negotiations"][0][1], tables["negotiations"][0][10]]
    negotiation += [row[1] for row in tables["negotiation_scenarios"]] + [row[2] for row in tables["negotiation_concessions"]]
    negotiation += [row[4] for row in tables["negotiation_drivers"]]
    return ([row[1] for row in tables["tickets"]] + [text for row in tables["tasks"] for text in row[:2] if text]
            + negotiation)


def test_the_german_demo_writes_german_subjects_and_tasks(demos):
    texts = _texts(demos["de"])
    assert len(texts) > 40
    assert [t for t in texts if re.search(ENGLISH_PHRASES, t)] == []
    for kept, replaced in GERMAN:
        assert [t for t in texts if re.search(replaced, t)] == [], f"say {kept!r}"


def test_the_english_demo_writes_english_subjects_and_tasks(demos):
    texts = _texts(demos["en"])
    assert len(texts) > 40
    assert [t for t in texts if re.search(GERMAN_WORDS, t, re.IGNORECASE)] == []


def test_the_tasks_point_at_the_same_cases_in_either_language(demos):
    """A task names its case by the case's place among the cases, whatever the subject's language."""
    def linked(tables):
        place = {row[0]: k for k, row in enumerate(tables["tickets"])}
        return [place.get(row[5]) for row in tables["tasks"]]

    assert linked(demos["de"]) == linked(demos["en"])
    assert sum(k is not None for k in linked(demos["de"])) >= 6
