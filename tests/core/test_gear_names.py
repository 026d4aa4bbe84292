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
