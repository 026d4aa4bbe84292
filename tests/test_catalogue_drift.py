"""The same English in the window (Qt ``.ts``) and outside it (gettext ``.po``: the command line, the
briefs, the exports) reads the same in German, unless the context asks for other words. Issue 17:
63 such pairs differed, among them the target figures of the management brief ("Erwartete Landung",
"Bisher im Jahr") beside the window's "Erwarteter Jahresabschluss", "Seit Jahresbeginn", and the
export's "Summe Einheiten" beside the forecast tab's "Stück gesamt".

A new difference fails here; one the context justifies goes into ``BY_CONTEXT`` with its reason."""

from __future__ import annotations

from collections import defaultdict

from tests.test_glossary import _po, _ts

# English source -> why its German differs between the catalogues
BY_CONTEXT = {
    "Confirmation rate": "the gear tile's short label ('Bestätigung')",
    "Shortage claims": "the gear tile's short label ('Fehlmengen')",
    "Receive fill rate": "the facts' metric names spell out the report's column",
    "Sales discount": "the facts' metric names spell out the report's column",
    "Open": "the print preview's verb ('Öffnen'); the statuses say 'Offen'",
    "PO": "the chargebacks' grouping says 'Bestellung (PO)'",
    "Sales": "the department ('Vertrieb') beside the sales report ('Verkäufe')",
    "prior period": "declined in the command's sentence ('verglichen mit der Vorperiode')",
    "same weeks last year": "declined in the command's sentence ('verglichen mit denselben Wochen im Vorjahr')",
}


def _germans(pairs: list[tuple[str, str]]) -> dict[str, set[str]]:
    found: dict[str, set[str]] = defaultdict(set)
    for source, german in pairs:
        if german:
            found[source].add(german.replace("\u00ad", ""))     # a soft hyphen only helps a narrow column
    return found


def _drifts() -> dict[str, tuple[set[str], set[str]]]:
    po, ts = _germans(_po()), _germans(_ts())
    return {source: (po[source], ts[source]) for source in po.keys() & ts.keys() if po[source] != ts[source]}


def test_the_window_and_the_rest_say_the_same_german():
    drifts = {source: pair for source, pair in _drifts().items() if source not in BY_CONTEXT}
    assert drifts == {}, "make them the same word, or add the source to BY_CONTEXT with the reason"


def test_every_context_exception_is_still_needed():
    assert sorted(set(BY_CONTEXT) - set(_drifts())) == []
