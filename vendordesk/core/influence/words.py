"""A what-if result in honest sentences (German or English), for the CLI and the window.

Every total carries its 10-90 % band; Amazon's margin in EUR is called Amazon's margin (not a Net
PPM effect); paths (direct, PO response, forecast response) add up to the total; a link that runs
on its documented default says so; nothing is claimed the data does not show (no competitor data
-> "assumed matched", not "Amazon matched").
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from vendordesk.core.influence.notes import note_text
from vendordesk.core.influence.text import num
from vendordesk.core.missing import is_missing
from vendordesk.text import N_, formatter, texts

if TYPE_CHECKING:
    from vendordesk.core.influence.model import WhatIf

PATH_WORDS = {"direct": N_("direct effect (sales lost or won at today's stock and orders)"),
              "po_response": N_("Amazon's PO response to stock and open orders"),
              "forecast_response": N_("Amazon's forecast response (POs follow it)")}
SHOCK_LINKS = {"average_selling_price": ("elasticity",), "competitor_price": ("competitor_match", "elasticity"),
               "procurable_product_out_of_stock_rate": ("lost_share", "forecast_alpha", "po_cover"),
               "vendor_confirmation_rate": ("po_cover", "demand_noise", "lead_weeks"),
               "receive_fill_rate": ("po_cover", "demand_noise", "lead_weeks"),
               "cost_price": ("contra_rate", "crap"), "content_score": ("content",), "ad_spend": ("ads",),
               "featured_offer_lost": ("featured_offer",)}


def signed(value: float, lang: str, decimals: int = 0) -> str:
    text = num(abs(value), lang, decimals)
    return ("−" if value < 0 else "+") + text if round(value, decimals) != 0 else text


def money(value: float, info: Mapping[str, Any], lang: str) -> str:
    """A signed amount in whole units of the account's currency, as the language writes it:
    "−€7,977" in English, "−7.977 €" in German."""
    return formatter(lang).money(value, str(info.get("currency") or "EUR"), 0, signed=True)


def band(total: float, interval: Sequence[float] | None, lang: str, unit: str = "", decimals: int = 0,
         currency: str | None = None) -> str:
    """'−6.500 Stück, wahrscheinlich zwischen −5.900 und −7.100'; with ``currency`` the total is money
    ("−€7,977, likely between −8,162 and −6,744" / "−7.977 €, wahrscheinlich zwischen …")."""
    lo, hi = sorted(interval) if interval else (total, total)
    u = f" {unit}" if unit else ""
    head = (money(total, {"currency": currency}, lang) if currency else f"{signed(total, lang, decimals)}{u}")
    if abs(hi - lo) < 10 ** -decimals:
        return head
    _ = texts(lang)
    return _("{value}, likely between {low} and {high}", value=head, low=signed(lo, lang, decimals),
             high=signed(hi, lang, decimals))


def summary_lines(result: WhatIf, info: Mapping[str, Any], lang: str = "en") -> list[str]:
    t, iv, cur = result.totals, result.intervals, str(info.get("currency") or "EUR")
    _ = texts(lang)
    lines = [_("What-if over {n} weeks (vs. the same weeks without the shock):", n=result.weeks)]
    if not info.get("history"):
        lines.append("  " + _("(no sales history in this workspace: money totals are zero)"))
    lines.append("  " + _("units: {band}", band=band(t["units"], iv["units"], lang, _("units"))))
    lines.append("  " + _("our revenue (shipped COGS): {band}", band=band(t["vendor_revenue"], iv["vendor_revenue"], lang, currency=cur)))
    lines.append("  " + _("Amazon revenue (shipped revenue): {band}",
                          band=band(t["amazon_revenue"], iv["amazon_revenue"], lang, currency=cur)))
    pts = [v * 100 for v in iv["net_ppm"]]
    lines.append("  " + _("Net PPM: {band}", band=band(t["net_ppm"] * 100, pts, lang, _("points"), 2)))
    lines.append("  " + _("Amazon margin in EUR: {band}", band=band(t["net_ppm_eur"], iv["net_ppm_eur"], lang, currency=cur)))
    parts = result.contributions.get("vendor_revenue", {})
    if any(abs(v) >= 0.5 for v in parts.values()):
        lines.append("  " + _("paths (our revenue, they add up to the total):"))
        for key, value in parts.items():
            path = _(PATH_WORDS[key])
            lines.append(f"    {path}: {money(value, info, lang)}")
    lines.extend("  " + s for s in caveats(result, info, lang))
    return lines


def caveats(result: WhatIf, info: Mapping[str, Any], lang: str) -> list[str]:
    """What the numbers rest on: links on their documented default, CRaP, ad spend."""
    _, out = texts(lang), []
    links = info.get("links") or {}
    if not info.get("calibrated"):
        out.append(_("Not calibrated: every link runs on its documented default (run vendordesk calibrate)."))
    for shock in info.get("shocks", ()):
        for name in SHOCK_LINKS.get(shock.kpi, ()):
            link = links.get(name)
            if link and link.get("status") == "default":
                out.append(_("Default: {note}", note=note_text(link, lang) or name))
            elif link and name == "crap":
                out.append(note_text(link, lang))
        if shock.kpi == "ad_spend":
            spend = info.get("ad_spend_week")
            if spend:
                extra = spend * shock.delta * (shock.weeks or result.weeks)
                out.append(_("Extra ad spend {extra}; net of it, {net}", extra=money(extra, info, lang),
                             net=money(result.totals["vendor_revenue"] - extra, info, lang)))
            else:
                out.append(_("The extra ad spend is not deducted: no ad spend data in this workspace."))
    target = info.get("target")
    ppm = result.baseline.get("net_ppm")
    if target is not None and ppm is not None and not is_missing(ppm):
        after = ppm + result.totals["net_ppm"]
        if after < target <= ppm:
            out.append(_("Net PPM falls below the {target} % target ({before} → {after} %).",
                         target=num(target * 100, lang, 0), before=num(ppm * 100, lang, 1), after=num(after * 100, lang, 1)))
    seen, unique = set(), []
    for line in out:
        if line and line not in seen:
            seen.add(line)
            unique.append(line)
    return unique
