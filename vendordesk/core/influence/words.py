"""A what-if result in honest sentences (German or English), for the CLI and the window.

Every total carries its 10-90 % band; Amazon's margin in EUR is called Amazon's margin (not a Net
PPM effect); paths (direct, PO response, forecast response) add up to the total; a link that runs
on its documented default says so; nothing is claimed the data does not show (no competitor data
-> "assumed matched", not "Amazon matched").
"""

from __future__ import annotations

import math

from vendordesk.core.influence.text import num

UNITS_WORD = {"en": "units", "de": "Stück"}
PATH_WORDS = {"direct": ("direct effect (sales lost or won at today's stock and orders)",
                         "direkte Wirkung (Verkäufe bei heutigem Bestand und heutigen Bestellungen)"),
              "po_response": ("Amazon's PO response to stock and open orders",
                              "Amazons Bestellreaktion auf Bestand und offene Bestellungen"),
              "forecast_response": ("Amazon's forecast response (POs follow it)",
                                    "Reaktion der Amazon-Prognose (die Bestellungen folgen ihr)")}
SHOCK_LINKS = {"average_selling_price": ("elasticity",), "competitor_price": ("competitor_match", "elasticity"),
               "procurable_product_out_of_stock_rate": ("lost_share", "forecast_alpha", "po_cover"),
               "vendor_confirmation_rate": ("po_cover", "demand_noise", "lead_weeks"),
               "receive_fill_rate": ("po_cover", "demand_noise", "lead_weeks"),
               "cost_price": ("contra_rate", "crap"), "content_score": ("content",), "ad_spend": ("ads",),
               "featured_offer_lost": ("featured_offer",)}


def signed(value: float, lang: str, decimals: int = 0) -> str:
    text = num(abs(value), lang, decimals)
    return ("−" if value < 0 else "+") + text if round(value, decimals) != 0 else text


def band(total: float, interval, lang: str, unit: str = "", decimals: int = 0) -> str:
    """'−6.500 Stück, wahrscheinlich zwischen −5.900 und −7.100'."""
    lo, hi = sorted(interval) if interval else (total, total)
    u = f" {unit}" if unit else ""
    head = f"{signed(total, lang, decimals)}{u}"
    if abs(hi - lo) < 10 ** -decimals:
        return head
    if lang == "de":
        return f"{head}, wahrscheinlich zwischen {signed(lo, lang, decimals)} und {signed(hi, lang, decimals)}"
    return f"{head}, likely between {signed(lo, lang, decimals)} and {signed(hi, lang, decimals)}"


def summary_lines(result, info: dict, lang: str = "en") -> list[str]:
    t, iv, cur = result.totals, result.intervals, info.get("currency", "EUR")
    de = lang == "de"
    lines = [(f"Was-wäre-wenn über {result.weeks} Wochen (ggü. dem Verlauf ohne Schock):" if de else
              f"What-if over {result.weeks} weeks (vs. the same weeks without the shock):")]
    if not info.get("history"):
        lines.append("  (keine Verkaufshistorie: Geldbeträge sind null)" if de else
                     "  (no sales history in this workspace: money totals are zero)")
    lines.append(f"  {'Stück' if de else 'units'}: {band(t['units'], iv['units'], lang, UNITS_WORD[lang])}")
    lines.append(f"  {'Umsatz des Lieferanten (Shipped COGS)' if de else 'vendor revenue (shipped COGS)'}: "
                 f"{band(t['vendor_revenue'], iv['vendor_revenue'], lang, cur)}")
    lines.append(f"  {'Amazons Umsatz (Shipped Revenue)' if de else 'Amazon revenue (shipped revenue)'}: "
                 f"{band(t['amazon_revenue'], iv['amazon_revenue'], lang, cur)}")
    pts = [v * 100 for v in iv["net_ppm"]]
    lines.append(f"  Net PPM: {band(t['net_ppm'] * 100, pts, lang, 'Punkte' if de else 'points', 2)}")
    lines.append(f"  {'Amazons Marge in EUR' if de else 'Amazon margin in EUR'}: "
                 f"{band(t['net_ppm_eur'], iv['net_ppm_eur'], lang, cur)}")
    parts = result.contributions.get("vendor_revenue", {})
    if any(abs(v) >= 0.5 for v in parts.values()):
        lines.append("  Wege (Umsatz des Lieferanten, Summe = Gesamt):" if de else
                     "  paths (vendor revenue, they add up to the total):")
        for key, value in parts.items():
            lines.append(f"    {PATH_WORDS[key][1 if de else 0]}: {signed(value, lang)} {cur}")
    lines.extend("  " + s for s in caveats(result, info, lang))
    return lines


def caveats(result, info: dict, lang: str) -> list[str]:
    """What the numbers rest on: links on their documented default, CRaP, ad spend."""
    de, out = lang == "de", []
    links = info.get("links") or {}
    if not info.get("calibrated"):
        out.append("Nicht kalibriert: alle Verknüpfungen laufen auf dokumentierten Standardwerten "
                   "(vendordesk calibrate)." if de else
                   "Not calibrated: every link runs on its documented default (run vendordesk calibrate).")
    for shock in info.get("shocks", ()):
        for name in SHOCK_LINKS.get(shock.kpi, ()):
            link = links.get(name)
            if link and link.get("status") == "default":
                out.append(("Standardwert: " if de else "Default: ") + link.get("note", name))
            elif link and name == "crap":
                out.append(link.get("note", ""))
        if shock.kpi == "ad_spend":
            spend = info.get("ad_spend_week")
            if spend:
                extra = spend * shock.delta * (shock.weeks or result.weeks)
                out.append((f"Zusätzliche Werbekosten {signed(extra, lang)} {info.get('currency', 'EUR')}; "
                            "abzüglich dieser Kosten bleibt " if de else
                            f"Extra ad spend {signed(extra, lang)} {info.get('currency', 'EUR')}; net of it, ") +
                           signed(result.totals["vendor_revenue"] - extra, lang) + f" {info.get('currency', 'EUR')}")
            else:
                out.append("Die zusätzlichen Werbekosten sind nicht abgezogen: keine Werbedaten." if de else
                           "The extra ad spend is not deducted: no ad spend data in this workspace.")
    target = info.get("target")
    ppm = result.baseline.get("net_ppm")
    if target is not None and ppm is not None and not math.isnan(ppm):
        after = ppm + result.totals["net_ppm"]
        if after < target <= ppm:
            out.append((f"Net PPM fällt unter das Ziel von {target * 100:.0f} %" if de else
                        f"Net PPM falls below the {target * 100:.0f} % target") +
                       (f" ({ppm * 100:.1f} → {after * 100:.1f} %)."))
    seen, unique = set(), []
    for line in out:
        if line and line not in seen:
            seen.add(line)
            unique.append(line)
    return unique
