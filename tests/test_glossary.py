"""One word per thing: the German (and English) the KAM reads in the window, the exports, the briefs
and the command line names each thing one way. Read from both catalogues (the gettext ``.po`` of
the Qt-free layers and the Qt ``.ts`` of the window) and from the German the code declares beside
them (gear and influence names), so "Chargebacks" on the gears tab beside "Rückbelastungen" on the
tickets tab, "Werbebudget" beside "Werbekosten", or "Featured Offer verloren" beside "Buy-Box-Verlust"
cannot come back. Each rule names the word kept and the words it replaces."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parents[1]
PO = ROOT / "vendordesk" / "locale" / "de" / "LC_MESSAGES" / "vendordesk.po"
TS = ROOT / "resources" / "i18n" / "vendordesk_de.ts"

# (the word kept, a pattern of the words it replaces) in German
GERMAN = [
    ("Rückbelastung(en)", r"Chargeback"),
    ("Fehlmengenforderung(en)", r"Shortage[ -][Cc]laim|Fehlmengen-Abz|Fehlmengen \(Shortages\)"),
    ("Werbekosten", r"Werbebudget|Werbeausgaben"),
    ("Buy Box / Buy-Box-Verlust", r"Featured[ -]Offer|Buy Box verloren"),
    # plain German for the what-if's revenues (the window, `simulate`, the Excel file, the briefs)
    ("Unser Umsatz (zu Einkaufspreisen)", r"Umsatz des Lieferanten|[Uu]nser(em)? Umsatz \(Shipped COGS\)"
                                          r"|Shipped COGS \(unser Umsatz\)|[Uu]nser Umsatz = Shipped COGS"),
    ("Amazons Umsatz (zu Verkaufspreisen)", r"Amazons Umsatz \(Shipped Revenue\)|Amazon-Umsatz"),
    ("Einspruch", r"\bDisput|anfechtbar"),
    ("Fallnummer", r"Fall-ID"),
    ("(Wareneingangs-)Füllrate", r"Lieferquote"),
    ("Kennzahlen (the facts)", r"\bFakten\b"),
    ("Fall / Preiserhöhungsfall (a price-increase case)", r"Vorgang|Vorgäng|Verhandlungsf[aä]ll"),
    ("Annahme der Preiserhöhung", r"Akzeptanz der Preis|Annahme Preis"),
    ("Backend-Konditionen", r"Back-End-Konditionen|nachgelagerte Konditionen"),
    ("OOS", r"Out-of-Stock"),
    # a difference of two percentages: the what-if's "−8 Punkte", also in the gear tables and briefs
    ("Punkte", r"\bPkt\.|\bPp\.|Prozentpunkt"),
    # our revenue at cost prices: "Sell-in (Shipped COGS)" sat beside "Unser Umsatz (zu Einkaufspreisen)"
    ("unser Umsatz (zu Einkaufspreisen)", r"Sell-in"),
    # Vendor Central's word, as the gears say it: the bridge said "Seitenaufrufe +5 %" beside "Glance Views"
    ("Glance Views", r"Seitenaufruf"),
    # a compound with a name takes a hyphen: the forecast's legend said "Amazon Mittel"
    ("Amazon-Mittel, Amazon-Prognose, Amazon-Bestand", r"\bAmazon (Mittel|Prognose|Bestand|Bestellung)"),
    ("ä ö ü ß in a file name", r"(ae|oe|ue)[a-z-]*\.xlsx"),
]
# in English (the message ids and Qt sources)
ENGLISH = [
    ("Buy Box", r"Featured Offer"),
    ("our revenue (shipped COGS)", r"vendor revenue|Shipped COGS \(our revenue\)|our revenue = shipped COGS"),
    ("points", r"\bpts\b|\bpp\b|percentage points"),
]


def _po() -> list[tuple[str, str]]:
    with open(PO, "rb") as handle:
        catalog = read_po(handle, locale="de")
    found = []
    for message in catalog:
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        found.append((" | ".join(ids), " | ".join(s for s in strings if s)))
    return found


def _ts() -> list[tuple[str, str]]:
    found = []
    for message in ET.parse(TS).getroot().iter("message"):
        translation = message.find("translation")
        if translation is None or translation.get("type") in ("vanished", "obsolete"):
            continue
        forms = [f.text or "" for f in translation.findall("numerusform")]
        found.append((message.findtext("source", ""), " | ".join(forms) if forms else translation.text or ""))
    return found


def _declared() -> list[tuple[str, str]]:
    """The German the code declares beside a message: gear and KPI names, the influence map's nodes."""
    from vendordesk.core.gears.defs import GEARS
    from vendordesk.core.influence.graph import KPIS

    names = [(g.name_en, g.name_de) for g in GEARS] + [(k.name_en, k.name_de) for g in GEARS for k in g.kpis]
    return names + [(k.en, k.de) for k in KPIS.values()]


MESSAGES = _po() + _ts()


@pytest.mark.parametrize(("kept", "replaced"), GERMAN, ids=[kept for kept, _ in GERMAN])
def test_german_names_each_thing_one_way(kept, replaced):
    pattern = re.compile(replaced)
    bad = [(source, german) for source, german in MESSAGES + _declared() if pattern.search(german)]
    assert bad == [], f"say {kept!r}"


@pytest.mark.parametrize(("kept", "replaced"), ENGLISH, ids=[kept for kept, _ in ENGLISH])
def test_english_names_each_thing_one_way(kept, replaced):
    pattern = re.compile(replaced, re.IGNORECASE)
    bad = [source for source, _german in MESSAGES + _declared() if pattern.search(source)]
    assert bad == [], f"say {kept!r}"


def test_the_influence_maps_declared_german_is_the_catalogues():
    """A node's German beside its message (``Kpi.de``) is what the catalogue says for it."""
    from vendordesk.core.influence.graph import KPIS
    from vendordesk.text import texts

    _ = texts("de")
    assert [(k.en, k.de, _(k.en)) for k in KPIS.values() if k.de != _(k.en)] == []


def test_a_proposed_file_name_is_its_sheets_title():
    """The save dialog proposed "kpi-zahnraeder.xlsx" (umlauts spelled out, the tab called
    "KPI-Zahnräder") and "kpi-gears.xlsx": a file is named as the sheet inside it, in each language
    ("KPI-Zahnräder.xlsx", "KPI gears.xlsx"; the what-if's first sheet "Was-wäre-wenn")."""
    from vendordesk.exports import TITLES
    from vendordesk.text import texts

    titles = {"en": set(TITLES.values()) | {"What-if"},
              "de": {texts("de").pgettext("export title", t) for t in TITLES.values()} | {texts("de")("What-if")}}
    names = [(source, german) for source, german in _ts() if re.fullmatch(r"[^*;()]+\.xlsx", source)]
    assert len(names) >= 9                     # cases, chargebacks, tasks, gears, forecast, orders, facts, ...
    assert [s for s, _ in names if s[:-5] not in titles["en"]] == []
    assert [g for _, g in names if g[:-5] not in titles["de"]] == []


def test_the_demo_accounts_german_tasks_use_the_same_words():
    """The German demo's delegated tasks ("Offene Chargebacks vor Fristablauf prüfen", "Disput nur 30
    Tage möglich", "Shortage Claims ...") sat in the task table beside the window's Rückbelastungen,
    Fehlmengenforderungen and Einspruch."""
    from vendordesk.demo import generate

    texts_ = [text for row in generate(20, 30, 7)["tasks"] for text in row[:2] if text]
    assert len(texts_) > 20
    for kept, replaced in GERMAN:
        assert [t for t in texts_ if re.search(replaced, t)] == [], f"say {kept!r}"


def test_the_influence_map_in_the_window_names_each_node_as_the_rest_of_the_app():
    """The window's map (Qt catalogue) said "Bestellte Stück", "Vendor-Marge", "On-Time-/In-Full-Fehler",
    "Durchschnittlicher Verkaufspreis" where `simulate`, the briefs and the what-if's KPI names (gettext
    catalogue, the declared German) said "Bestellte Einheiten", "Marge des Lieferanten",
    "Liefermängel (pünktlich/vollständig)", "Durchschnittspreis (ASP)"."""
    from vendordesk.core.influence.graph import KPIS

    window = {}
    for context in ET.parse(TS).getroot().iter("context"):
        if context.findtext("name") != "Influence":
            continue
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is not None and translation.get("type") not in ("vanished", "obsolete"):
                window[message.findtext("source", "")] = translation.text
    shown = [k for k in KPIS.values() if k.en in window]
    assert len(shown) == len(KPIS)
    assert [(k.en, window[k.en], k.de) for k in shown if window[k.en] != k.de] == []
