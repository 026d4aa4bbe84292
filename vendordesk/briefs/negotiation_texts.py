"""Words of the negotiation brief in English and German (the brief's language decides).

The tab reuses ``objection`` and ``checklist`` so that the screen and the paper argue with the
same sentences and the same numbers.
"""

from __future__ import annotations


L = {
    "doc_title": ("Cost price increase: negotiation brief", "Kostenpreiserhöhung: Verhandlungsunterlage"),
    "cover": ("Case", "Vorgang"),
    "vendor_code": ("Vendor code", "Vendor-Code"), "account": ("Account", "Konto"),
    "marketplace": ("Marketplace", "Marktplatz"), "kam": ("Key account manager", "Key Account Manager"),
    "prepared": ("Prepared on", "Erstellt am"), "effective": ("Requested effective date", "Gewünschtes Gültigkeitsdatum"),
    "notice": ("Notice", "Vorlauf"), "days": ("days", "Tage"),
    "final_order": ("Final order at old cost valid until", "Schlussorder zum alten Preis gültig bis"),
    "status": ("Status", "Status"), "currency": ("Currency", "Währung"), "asins": ("ASINs", "ASINs"),
    "tariff": ("Tariff-driven", "Zollbedingt"), "yes": ("yes", "ja"), "no": ("no", "nein"),
    "summary": ("Summary", "Zusammenfassung"),
    "requested": ("Requested increase", "Beantragte Erhöhung"), "justified": ("Justified by cost drivers", "Durch Kostentreiber begründet"),
    "impact": ("Extra COGS for Amazon per year", "Mehr-COGS für Amazon pro Jahr"),
    "ppm_before": ("Net PPM today", "Net PPM heute"), "ppm_after": ("Net PPM after, ASP unchanged", "Net PPM danach, ASP unverändert"),
    "ppm_pt": ("Net PPM after, ASP follows", "Net PPM danach, ASP zieht mit"),
    "target": ("Amazon's Net PPM target", "Net-PPM-Ziel von Amazon"), "crap": ("ASINs at CRaP risk", "ASINs mit CRaP-Risiko"),
    "our_ask": ("Our ask:", "Unser Anliegen:"),
    "ask_text": ("open at {o} on cost from {d}, aim for {t}, do not go below {w}.",
                 "Einstieg mit {o} auf den EK ab {d}, Ziel {t}, nicht unter {w}."),
    "open_points": ("Open points before the meeting", "Offene Punkte vor dem Gespräch"),
    "drivers": ("Cost drivers", "Kostentreiber"), "driver": ("Driver", "Treiber"), "weight": ("Weight", "Gewicht"),
    "change": ("Change", "Änderung"), "contribution": ("Contribution", "Beitrag"), "index": ("Index", "Index"),
    "source": ("Source", "Quelle"), "total": ("Total", "Summe"),
    "per_asin": ("Cost and price per ASIN", "Kosten und Preise je ASIN"),
    "margins": ("Net PPM before and after, break-even and our margin", "Net PPM vorher und nachher, Break-even und unsere Marge"),
    "asp_front": ("ASP trend and front margin", "ASP-Trend und Frontmarge"),
    "msrp_old": ("MSRP now", "UVP heute"), "msrp_new": ("MSRP new", "UVP neu"),
    "fm_now": ("Front margin now", "Front­marge heute"), "fm_new": ("Front margin new", "Front­marge neu"),
    "asp_pt": ("ASP if it follows", "ASP bei Mitziehen"),
    "vm_now": ("Our margin now", "Unsere Marge heute"), "vm_new": ("Our margin new", "Unsere Marge neu"),
    "asin": ("ASIN", "ASIN"), "product": ("Product", "Produkt"), "cost_old": ("Cost now", "EK heute"),
    "cost_new": ("Cost new", "EK neu"), "msrp": ("MSRP now → new", "UVP heute → neu"),
    "asp13": ("ASP 13 w", "ASP 13 W."), "asp26": ("ASP 26 w", "ASP 26 W."), "asp52": ("ASP 52 w", "ASP 52 W."),
    "trend": ("ASP trend", "ASP-Trend"), "units52": ("Units 52 w", "Stück 52 W."), "cogs52": ("COGS 52 w", "COGS 52 W."),
    "fm": ("Front margin now → new", "Frontmarge heute → neu"), "npm_b": ("Net PPM now", "Net PPM heute"),
    "npm_a": ("Net PPM new", "Net PPM neu"), "npm_pt": ("Net PPM, ASP follows", "Net PPM, ASP zieht mit"),
    "be": ("Break-even ASP", "Break-even-ASP"), "risk": ("CRaP risk", "CRaP-Risiko"),
    "vm": ("Our margin now → new", "Unsere Marge heute → neu"), "vol": ("Units if ASP follows", "Absatz, wenn ASP mitzieht"),
    "chart": ("ASP and unit cost over time", "ASP und Stückkosten im Zeitverlauf"),
    "chart_note": ("Weekly ASP (shipped revenue / units) and unit cost (shipped COGS / units) of the case's ASINs; "
                   "the dashed line is the requested cost.",
                   "Wöchentlicher ASP (Umsatz / Einheiten) und Stückkosten (COGS / Einheiten) der ASINs des Vorgangs; "
                   "die gestrichelte Linie ist der beantragte EK."),
    "lg_asp": ("ASP", "ASP"), "lg_cost": ("Unit cost", "Stückkosten"), "lg_req": ("Requested cost", "Beantragter EK"),
    "no_chart": ("No weekly sales facts for these ASINs: the chart is unavailable.",
                 "Keine wöchentlichen Verkaufsdaten für diese ASINs: das Diagramm ist nicht verfügbar."),
    "scenarios": ("Scenarios side by side", "Szenarien im Vergleich"),
    "sc_increase": ("Increase on cost (end state)", "Erhöhung auf den EK (Endstand)"),
    "sc_first": ("Increase in the first year", "Erhöhung im ersten Jahr"), "sc_coop": ("Extra co-op", "Zusätzlicher WKZ"),
    "sc_follow": ("Retail price follows (share of the increase)", "Verkaufspreis zieht mit (Anteil der Erhöhung)"),
    "sc_impact": ("Extra COGS for Amazon, year 1", "Mehr-COGS für Amazon, Jahr 1"),
    "sc_coop_cost": ("Cost of extra co-op to us", "Kosten des zusätzlichen WKZ für uns"),
    "sc_gain": ("Our extra gross profit, year 1", "Unser Mehr-Rohertrag, Jahr 1"),
    "sc_ppm": ("Amazon's Net PPM afterwards", "Net PPM von Amazon danach"),
    "sc_crap": ("ASINs below target", "ASINs unter Ziel"),
    "levers": ("Levers we can offer", "Hebel, die wir anbieten können"), "lever": ("Lever", "Hebel"),
    "description": ("Detail", "Detail"), "value_amazon": ("Value to Amazon", "Wert für Amazon"),
    "cost_us": ("Cost to us", "Kosten für uns"), "offered": ("Offered", "Angeboten"),
    "suggested": ("Suggested from the facts (no levers entered yet); values are estimates.",
                  "Aus den Daten vorgeschlagen (noch keine Hebel erfasst); die Werte sind Schätzungen."),
    "no_csa": ("We offer these levers instead of a cost support agreement.",
               "Diese Hebel bieten wir statt einer Kostenunterstützungsvereinbarung an."),
    "positions": ("Our positions", "Unsere Positionen"), "position": ("Position", "Position"),
    "opening": ("Opening", "Einstieg"), "target_pos": ("Target", "Ziel"), "walk_away": ("Walk-away", "Untergrenze"),
    "per_year": ("Extra COGS per year", "Mehr-COGS pro Jahr"),
    "pos_default": ("Not set in the case: opening = requested, target = justified, walk-away keeps our gross profit per unit.",
                    "Im Vorgang nicht gesetzt: Einstieg = beantragt, Ziel = begründet, Untergrenze hält unseren Rohertrag je Einheit."),
    "objections": ("Likely objections and our answers", "Erwartete Einwände und unsere Antworten"),
    "checklist": ("Checklist", "Checkliste"), "notes": ("Notes", "Notizen"),
    "legend": ("n/a = not available (no sales facts or no ASP for this ASIN). Margins are Amazon's unless marked 'our'. "
               "Net PPM = (ASP − cost + contra-COGS) / ASP; contra-COGS = back-end terms of {rate} of cost ({src}). "
               "Our margin = (cost × (1 − terms) − our own unit cost) / cost; it needs our own unit cost in the case.",
               "k. A. = keine Angabe (keine Verkaufsdaten oder kein ASP für diese ASIN). Margen sind die von Amazon, außer 'unsere'. "
               "Net PPM = (ASP − EK + Contra-COGS) / ASP; Contra-COGS = nachgelagerte Konditionen von {rate} des EK ({src}). "
               "Unsere Marge = (EK × (1 − Konditionen) − eigene Stückkosten) / EK; sie braucht unsere Stückkosten im Vorgang."),
    "src_terms": ("from the recorded terms", "aus den erfassten Konditionen"),
    "src_facts": ("from the Net PPM reports", "aus den Net-PPM-Berichten"),
    "src_none": ("no terms recorded", "keine Konditionen erfasst"),
    "el_default": ("default elasticity {e}, not calibrated", "Standard-Elastizität {e}, nicht kalibriert"),
    "el_calibrated": ("elasticity {e}, calibrated from the gear model", "Elastizität {e}, aus dem Zahnrad-Modell kalibriert"),
    "page_cont": ("continued", "Fortsetzung"),
}

DRIVER_NAMES = {"materials": ("Raw materials", "Rohstoffe"), "energy": ("Energy", "Energie"),
                "labour": ("Labour", "Personal"), "freight": ("Freight", "Fracht"),
                "tariffs": ("Tariffs (HTS)", "Zölle (HTS)"), "fx": ("FX", "Wechselkurs")}
CONCESSION_NAMES = {
    "final_order_old_cost": ("Final order at the old cost", "Schlussorder zum alten EK"),
    "fill_rate": ("Better fill rate and on-time (fewer chargebacks)", "Bessere Lieferquote und Pünktlichkeit (weniger Chargebacks)"),
    "content": ("Content investment (A+, images)", "Content-Investition (A+, Bilder)"),
    "advertising": ("Advertising investment", "Werbeinvestition"),
    "phased": ("Phased increase (half now, half in 6 months)", "Stufenweise Erhöhung (halb jetzt, halb in 6 Monaten)"),
    "other": ("Other", "Sonstiges")}
SCENARIO_NAMES = {"full": ("Full increase", "Volle Erhöhung"), "phased": ("Phased", "Stufenweise"),
                  "half_coop": ("Half plus co-op", "Hälfte plus WKZ")}
STATUS_NAMES = {"draft": ("draft", "Entwurf"), "submitted": ("submitted", "eingereicht"),
                "accepted": ("accepted", "angenommen"), "rejected": ("rejected", "abgelehnt"),
                "withdrawn": ("withdrawn", "zurückgezogen")}


def t(key: str, lang: str) -> str:
    en, de = L[key]
    return de if lang == "de" else en


def pick(table: dict, key: str, lang: str) -> str:
    pair = table.get(key)
    if pair is None:
        return key
    return pair[1] if lang == "de" else pair[0]
