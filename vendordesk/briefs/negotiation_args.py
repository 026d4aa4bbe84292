"""The arguments of a case in words: objections with answers, the checklist, open points.

Every number comes from the ``Analysis``; the brief and the tab both call these functions.
"""

from __future__ import annotations

from vendordesk.briefs import common as c
from vendordesk.briefs.negotiation_texts import DRIVER_NAMES, pick


def _two(lang: str, en: str, de: str) -> str:
    return de if lang == "de" else en


def objection(obj, analysis, lang: str) -> tuple[str, str]:
    """(the vendor manager's objection, our answer) for one ``Objection``."""
    v, pct, cur = obj.values, (lambda x: c.percent(x, lang, 1, signed=True)), analysis.case.currency
    if obj.key == "justified":
        own = v.get("justified_own_cost", v["justified"])
        if own is None:
            return (_two(lang, "Your increase is not justified.", "Ihre Erhöhung ist nicht begründet."),
                    _two(lang, "Open point: enter the cost drivers with their index before the meeting.",
                         "Offener Punkt: Kostentreiber mit Index vor dem Gespräch erfassen."))
        parts = "; ".join(f"{pick(DRIVER_NAMES, d, lang)} {pct(ch)}" + (f", {c.esc(ix)}" if ix else "")
                          for d, ch, ix in v["drivers"])
        base = _two(lang, f"Our cost drivers add up to {pct(own)} of our own unit cost ({parts})",
                    f"Unsere Kostentreiber ergeben {pct(own)} unserer eigenen Stückkosten ({parts})")
        if v["justified"] is None:      # no own cost entered: no cost-price base, no comparison
            return (_two(lang, "Your increase is not justified.", "Ihre Erhöhung ist nicht begründet."),
                    base + _two(lang, f". We ask for {pct(v['requested'])} of the cost price.",
                                f". Wir beantragen {pct(v['requested'])} auf den Einkaufspreis."))
        rel = (v["requested"] or 0) - v["justified"]          # both on the cost-price base
        word = (_two(lang, "in line with that", "im Rahmen davon") if abs(rel) < 0.0005 else
                _two(lang, "below that", "darunter") if rel < 0 else _two(lang, "above that", "darüber"))
        return (_two(lang, "Your increase is not justified.", "Ihre Erhöhung ist nicht begründet."),
                base + _two(lang, f", the same euros as {pct(v['justified'])} of the cost price. We ask for "
                                  f"{pct(v['requested'])}, {word}.",
                            f", in Euro {pct(v['justified'])} des Einkaufspreises. Wir beantragen "
                            f"{pct(v['requested'])}, {word}."))
    if obj.key == "margin":
        p = lambda x: c.percent(x, lang)
        return (_two(lang, "This destroys our margin.", "Das zerstört unsere Marge."),
                _two(lang, f"At today's ASP your Net PPM moves from {p(v['before'])} to {p(v['after'])} (target "
                           f"{p(v['target'])}). If the retail price follows by the same percentage it stays at "
                           f"{p(v['pass_through'])}. The increase goes to all retailers.",
                     f"Beim heutigen ASP geht Ihre Net PPM von {p(v['before'])} auf {p(v['after'])} (Ziel "
                     f"{p(v['target'])}). Zieht der Verkaufspreis um denselben Prozentsatz mit, bleibt sie bei "
                     f"{p(v['pass_through'])}. Die Erhöhung gilt für alle Händler."))
    if obj.key == "asp_trend":
        q = _two(lang, "Prices in this category are under pressure.", "Die Preise in der Kategorie stehen unter Druck.")
        if v["trend"] is None:
            return q, _two(lang, "Open point: fewer than 26 weeks of sales facts; the ASP trend cannot be shown.",
                           "Offener Punkt: weniger als 26 Wochen Verkaufsdaten; der ASP-Trend ist nicht darstellbar.")
        if v["trend"] >= 0:
            return q, _two(lang, f"The ASP of these ASINs over the last 13 weeks is {pct(v['trend'])} against the 52-week "
                                 "average: customers accept the price level.",
                           f"Der ASP dieser ASINs liegt in den letzten 13 Wochen {pct(v['trend'])} gegenüber dem "
                           "52-Wochen-Schnitt: Kunden akzeptieren das Preisniveau.")
        fell = c.percent(abs(v["trend"]), lang)
        return q, _two(lang, f"The ASP fell by {fell} against the 52-week average; we raise the MSRP in line "
                             "and support the price with content rather than discounts.",
                       f"Der ASP fiel um {fell} gegenüber dem 52-Wochen-Schnitt; wir heben die UVP entsprechend "
                       "an und stützen den Preis mit Content statt Rabatten.")
    if obj.key == "notice":
        q = _two(lang, "This is too short notice.", "Das ist zu kurzfristig.")
        days, need = v["days"], v["need"]
        if days is None:
            return q, _two(lang, "Open point: set the requested effective date.", "Offener Punkt: Gültigkeitsdatum festlegen.")
        if days >= need:
            return q, _two(lang, f"We announce {days} days ahead of the effective date; {need} are expected.",
                           f"Wir kündigen {days} Tage vor dem Gültigkeitsdatum an; erwartet werden {need}.")
        return q, _two(lang, f"Only {days} days ahead ({need} expected): we bridge the gap with a final order at the old cost.",
                       f"Nur {days} Tage Vorlauf ({need} erwartet): wir überbrücken mit einer Schlussorder zum alten EK.")
    if obj.key == "crap":
        q = _two(lang, "Some ASINs will no longer be profitable for us.", "Einige ASINs werden für uns unrentabel.")
        if not v["count"]:
            return q, _two(lang, f"None of the {v['total']} ASINs falls below your Net PPM target at today's ASP.",
                           f"Keine der {v['total']} ASINs fällt beim heutigen ASP unter Ihr Net-PPM-Ziel.")
        return q, _two(lang, f"{v['count']} of {v['total']} ASINs fall below target at today's ASP; the table shows the "
                             "break-even ASP for each, and the levers below close the gap.",
                       f"{v['count']} von {v['total']} ASINs fallen beim heutigen ASP unter das Ziel; die Tabelle zeigt je "
                       "ASIN den Break-even-ASP, die Hebel unten schließen die Lücke.")
    if obj.key == "volume":
        q = _two(lang, "Higher prices will cost volume.", "Höhere Preise kosten Absatz.")
        e = c.number(v["elasticity"], lang, 1)
        src = _two(lang, "calibrated", "kalibriert") if v["source"] == "calibrated" else \
            _two(lang, "default, not calibrated", "Standardwert, nicht kalibriert")
        return q, _two(lang, f"With a price elasticity of {e} ({src}) a full pass-through changes units by "
                             f"{pct(v['change'])}, while Amazon's margin per unit stays intact.",
                       f"Bei einer Preiselastizität von {e} ({src}) ändert eine volle Weitergabe den Absatz um "
                       f"{pct(v['change'])}, die Marge je Einheit von Amazon bleibt erhalten.")
    q = _two(lang, "Can you fund the gap with a cost support agreement?",
             "Können Sie die Lücke mit einer Kostenunterstützung finanzieren?")
    return q, _two(lang, f"No: it would set a precedent. Instead we offer levers worth {c.money(v['value'], cur, lang, decimals=0)} "
                         "to Amazon (see levers).",
                   f"Nein, das setzt einen Präzedenzfall. Stattdessen bieten wir Hebel im Wert von "
                   f"{c.money(v['value'], cur, lang, decimals=0)} für Amazon (siehe Hebel).")


def _msrp_ok(analysis) -> bool | None:
    pairs = [(it.msrp_before, it.msrp_after, it.cost_change) for it in analysis.items
             if it.msrp_before and it.msrp_after and it.cost_change is not None]
    if not pairs:
        return None
    return all(after / before - 1.0 >= change - 0.005 for before, after, change in pairs)


def checklist(analysis, lang: str) -> list[tuple[bool | None, str]]:
    """(done? True/False/None = to do by hand, text)."""
    case = analysis.case
    need = 90 if case.tariff_driven else 60
    drivers_ok = bool(case.drivers) and all(d.index_name or d.source for d in case.drivers) and \
        abs(analysis.weights_total - 1.0) <= 0.005
    final = bool(case.final_order_until) or any(k.kind == "final_order_old_cost" and k.offered for k in case.concessions)
    return [
        (None if analysis.notice_days is None else analysis.notice_days >= need,
         _two(lang, f"Announced at least {need} days before the effective date", f"Mindestens {need} Tage vor Gültigkeit angekündigt")),
        (_msrp_ok(analysis), _two(lang, "MSRP / list price raised in line with the cost", "UVP / Listenpreis im selben Maß angehoben")),
        (len(analysis.chart.dropna()) >= 26, _two(lang, "ASP trend of 6-12 months shown", "ASP-Trend über 6-12 Monate gezeigt")),
        (drivers_ok, _two(lang, "Cost drivers backed by an index and a source, weights sum to 100 %",
                          "Kostentreiber mit Index und Quelle belegt, Gewichte ergeben 100 %")),
        (final, _two(lang, "Final order at the old cost offered, with a deadline", "Schlussorder zum alten EK mit Frist angeboten")),
        (True if case.status in ("submitted", "accepted") else None,
         _two(lang, "New costs uploaded in Vendor Central (Items › Edit item costs), not only e-mailed",
              "Neue EKs in Vendor Central hochgeladen (Artikel › Artikelkosten bearbeiten), nicht nur per E-Mail")),
        (None, _two(lang, "All increases bundled in one request and tied to the annual negotiation",
                    "Alle Erhöhungen in einem Antrag gebündelt und an die Jahresverhandlung gekoppelt")),
        (None, _two(lang, "Vendor manager informed separately; increase applies to all retailers",
                    "Vendor Manager separat informiert; Erhöhung gilt für alle Händler")),
        (None, _two(lang, "No cost support agreement offered", "Keine Kostenunterstützungsvereinbarung angeboten")),
    ]


def issue_text(issue, lang: str) -> str:
    """An open point of the case in the brief's language."""
    v, a = issue.values, issue.asin or ""
    words = {
        "date_past": ("The effective date is in the past.", "Das Gültigkeitsdatum liegt in der Vergangenheit."),
        "date_missing": ("No effective date set.", "Kein Gültigkeitsdatum gesetzt."),
        "date_invalid": ("The effective date is not a date.", "Das Gültigkeitsdatum ist kein Datum."),
        "notice_short": (f"Only {v.get('days')} days notice; {v.get('need')} expected.",
                         f"Nur {v.get('days')} Tage Vorlauf; {v.get('need')} erwartet."),
        "currency_mismatch": (f"Case currency {v.get('case')} differs from the account's {v.get('workspace')}.",
                              f"Währung {v.get('case')} weicht vom Konto ({v.get('workspace')}) ab."),
        "asin_no_facts": (f"{a}: no sales facts; ASP and Net PPM unavailable.",
                          f"{a}: keine Verkaufsdaten; ASP und Net PPM nicht verfügbar."),
        "cost_after_invalid": (f"{a}: requested cost missing or not above 0.", f"{a}: neuer EK fehlt oder ist nicht größer 0."),
        "cost_before_invalid": (f"{a}: current cost missing or not above 0.", f"{a}: heutiger EK fehlt oder ist nicht größer 0."),
        "cost_decrease": (f"{a}: cost decrease (accepted immediately).", f"{a}: Kostensenkung (wird sofort akzeptiert)."),
        "weights_sum": (f"Driver weights sum to {c.percent(v.get('total'), 'en')}, not 100%.",
                        f"Gewichte der Kostentreiber ergeben {c.percent(v.get('total'), 'de')}, nicht 100 %."),
        "no_asins": ("The case has no ASINs.", "Der Vorgang hat keine ASINs."),
        "title_missing": ("The case has no title.", "Der Vorgang hat keinen Titel."),
    }
    pair = words.get(issue.code)
    return (pair[1] if lang == "de" else pair[0]) if pair else issue.message
