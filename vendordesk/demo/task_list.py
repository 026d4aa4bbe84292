"""Tasks the KAM delegated to departments: what, why, gear, case, ASIN, due date, status."""

from __future__ import annotations

from datetime import timedelta

from vendordesk.demo.cases import ASSIGNEES


def task_rows(ctx: dict, specs: list[dict]) -> list[tuple]:
    cat, end, st = ctx["cat"], ctx["end"], ctx["stories"]
    d = lambda days: (end + timedelta(days=days)).isoformat()
    case_of = {s["subject"]: s["case_id"] for s in specs}
    first_case = lambda prefix: next((c for s, c in case_of.items() if s.startswith(prefix)), None)
    spiral = [cat.asins[i] for i in st.oos_spiral]
    squeeze = [cat.asins[i] for i in st.margin_squeeze]
    crap = [cat.asins[i] for i in st.crap_risk]
    s0 = spiral[0] if spiral else None
    q0 = cat.asins[st.quality_overstock[0]] if st.quality_overstock else None
    items = [
        # title, reason, department, gear, case, asin, created, due, status, done
        ("Zweitlieferanten für Heizelemente qualifizieren", "Kapazität der OOS-ASINs seit Wochen begrenzt",
         "production", "forecast_ordering", None, s0, -110, 10, "in_progress", None),
        ("Kapazitätsplan KW 49–52 für die OOS-ASINs bestätigen", "Amazon bestellt wieder mehr, sobald bestätigt",
         "production", "forecast_ordering", None, s0, -20, -3, "open", None),
        ("Sammelbestellung (VIPO) beim Vendor Manager anfragen", "Forecast lernt aus zensierten Verkäufen",
         "sales", "forecast_ordering", first_case("Bestellmengen"), s0, -30, -2, "open", None),
        ("Eigenen Lagerbestand für die OOS-ASINs auf 6 Wochen erhöhen", "OOS-Spirale durchbrechen",
         "logistics", "availability", None, s0, -25, 7, "in_progress", None),
        ("ASN-Erstellung im ERP prüfen (Mengenabweichungen)", "Fehlmengenforderungen und ASN-Rückbelastungen",
         "logistics", "ops_compliance", first_case("EDI 856"), None, -8, 5, "open", None),
        ("Carrier-Central-Termine zwei Tage früher buchen", "PO On-Time Accuracy unter 90 %",
         "logistics", "ops_compliance", None, None, -60, -30, "done", -28),
        ("Kartonetiketten Stichprobe Versand DUS2", "Rückbelastungen: Karton-Inhalt weicht ab",
         "logistics", "ops_compliance", None, None, -21, -7, "open", None),
        ("Einspruch gegen Fehlmengenforderungen nach 35 Tagen mit POD", "Kein automatischer Ausgleich erfolgt",
         "finance", "ops_compliance", first_case("Shortage Claim"), None, -14, 3, "in_progress", None),
        ("Offene Rückbelastungen vor Fristablauf prüfen", "Einspruch nur 30 Tage möglich",
         "finance", "ops_compliance", None, None, -5, 2, "open", None),
        ("Co-op-Abrechnung Q3 mit Amazon abstimmen", "MDF doppelt belastet",
         "finance", "profitability_terms", first_case("Co-op invoice"), None, -95, -65, "done", -62),
        ("CPI-Unterlagen Handmixer finalisieren (Kostentreiber belegen)", "Materialkosten +11 %",
         "sales", "profitability_terms", first_case("Edit item costs"), None, -12, 14, "in_progress", None),
        ("Neue Produktbilder hochladen und Freigabe prüfen", "Bilder werden nicht übernommen",
         "content", "content", first_case("Neue Produktbilder"), None, -40, -10, "waiting", None),
        ("Bullet Points der Stabmixer-Serie überarbeiten", "Conversion stützen statt Preis senken",
         "content", "content", None, squeeze[0] if squeeze else None, -18, 12, "open", None),
        ("Werbung von OOS-ASINs auf verfügbare Modelle umschichten", "Anzeigen auf OOS-ASINs verpuffen",
         "marketing", "advertising", None, s0, -16, -4, "open", None),
        ("Coupons auf der Stabmixer-Serie beenden", "Net PPM unter Ziel",
         "marketing", "price_buybox", None, squeeze[0] if squeeze else None, -9, 5, "open", None),
        ("Black-Friday-Deals final freigeben", "Deal-Anmeldung läuft ab",
         "marketing", "advertising", None, None, -40, -14, "done", -15),
        ("Fehlerhafte Charge analysieren, 8D-Bericht erstellen", "Bewertung von 4,4 auf 3,4 Sterne gefallen",
         "production", "reviews_cx", first_case("Negative Bewertungen"), q0, -95, -20, "in_progress", None),
        ("Überbestand bei Amazon: Lagerwertausgleich statt Preisverfall anbieten", "Aged-90+-Bestand, Markdowns",
         "sales", "assortment", None, q0, -12, 9, "open", None),
        ("Jahresgespräch (AVN) vorbereiten: Net-PPM-Ziel 40 %", "Amazon fordert mehr Co-op",
         "management", "profitability_terms", None, None, -10, 30, "open", None),
        ("Entscheidung 1P/3P für die CRaP-ASIN", "Net PPM weit unter Ziel, Werbung eingeschränkt",
         "management", "assortment", first_case("CRaP notice"), crap[0] if crap else None, -15, -1, "open", None),
    ]
    rows = []
    for title, reason, dept, gear, case, asin, created, due, status, done in items:
        rows.append((title, reason, dept, ASSIGNEES[dept], gear, case, asin, d(created), d(due), status,
                     d(done) if done is not None else None))
    return rows
