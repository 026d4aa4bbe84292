"""A gear's and a KPI's names come from the catalogue; the German the schema stores (``name_de``)
is the German the catalogue says, so the tiles and the stored rows never disagree."""

from __future__ import annotations

from vendordesk.core.gears.defs import GEARS


def test_every_declared_german_name_is_the_catalogues():
    pairs = [(g.name("de"), g.name_de) for g in GEARS] + [(k.name("de"), k.name_de) for g in GEARS for k in g.kpis]
    assert [p for p in pairs if p[0] != p[1]] == []
    assert len(pairs) == 9 + sum(len(g.kpis) for g in GEARS)


def test_english_names_are_the_message_ids_and_an_unknown_language_reads_english():
    content = next(g for g in GEARS if g.id == "content")
    assert content.name("en") == "Content & catalog" and content.name("de") == "Content & Katalog"
    assert content.kpis[0].name("xx") == "Conversion"


def _in_name(word: str, full: str) -> bool:
    """A word of the full name, or its abbreviation with a period ("rückbel." starts a word of
    "rückbelastungsquote (vom sell-in)"; "rb." starts none)."""
    import re

    if word.endswith(".") and len(word) > 3:
        return any(w.startswith(word[:-1]) for w in re.split(r"[\s/\-()]+", full))
    return word in full


def _words(name: str) -> list[str]:
    """The words of a name outside parentheses (a unit such as "(Stk.)" or "(Wo.)" may be shortened),
    split at spaces, hyphens and slashes, lower case."""
    import re

    return [w for w in re.split(r"[\s/\-]+", re.sub(r"\([^)]*\)", " ", name).lower()) if w]


def test_a_tile_names_a_kpi_with_the_words_of_its_full_name():
    """One figure, one name: the tile's short label uses only words of the name the KPI table shows
    (each word found in the full name), so "Werbekosten" on the tile beside "Werbeausgaben" in the
    table, or "Chargeback-Quote" beside "Chargebacks / Sell-in", cannot come back (the table now says "Chargeback-Quote (vom Sell-in)"). Worked by hand:
    "Reichweite (Wo.)" -> ["reichweite"], found in "reichweite (wochen)"; "Füllrate" is found in
    "wareneingangs-füllrate"; "Werbekosten" is not found in "werbeausgaben"."""
    assert _words("Reichweite (Wo.)") == ["reichweite"] and _words("Chargebacks / Sell-in") == ["chargebacks", "sell", "in"]
    assert _in_name("rückbel.", "rückbelastungsquote (vom sell-in)") and not _in_name("rb.", "rückbelastungsquote")
    assert not _in_name("werbekosten", "werbeausgaben")
    bad = []
    for lang in ("de", "en"):
        for g in GEARS:
            for k in g.kpis:
                full, short = k.name(lang).lower(), k.short_name(lang)
                if any(not _in_name(word, full) for word in _words(short)):
                    bad.append((lang, k.id, short, k.name(lang)))
    assert bad == []
