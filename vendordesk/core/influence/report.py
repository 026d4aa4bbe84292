"""A what-if result as tables and a printable page (Qt-free): the € waterfall of its paths,
the totals with their 10-90 % band, the weekly course. The window draws, exports and prints
these; ``vendordesk.exports.whatif`` writes them to Excel.

The waterfall of a money metric starts at 0 and adds the three paths of the point estimate
(model.whatif splits the shocked run by replaying the baseline's POs and forecast):

    direct (sales lost or won at today's stock and orders) + PO response + forecast response = total

so its end bar is the metric's total exactly. Units, € and points are separate tables.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from html import escape
from typing import TYPE_CHECKING, Any

from vendordesk.core.influence.levers import BY_KPI
from vendordesk.text import N_, formatter, texts

if TYPE_CHECKING:
    from vendordesk.core.influence.model import WhatIf
    from vendordesk.core.influence.sim import Shock

MONEY = ("vendor_revenue", "amazon_revenue", "net_ppm_eur")
METRIC_NAMES = {"units": N_("Units"), "vendor_revenue": N_("Our revenue (shipped COGS)"),
                "amazon_revenue": N_("Amazon revenue (shipped revenue)"), "net_ppm": N_("Net PPM"),
                "net_ppm_eur": N_("Amazon's margin")}
PATH_NAMES = {"direct": N_("Direct: sales lost or won at today's stock and orders"),
              "po_response": N_("Amazon's PO response (stock and open orders)"),
              "forecast_response": N_("Amazon's forecast response (POs follow it)")}
PATH_SHORT = {"direct": N_("Direct (lost sales)"), "po_response": N_("PO response"),
              "forecast_response": N_("Forecast response")}


@dataclass(frozen=True)
class Step:
    key: str            # "direct", "po_response", "forecast_response" or "total"
    label: str          # translated
    value: float        # EUR (the end bar: the total)


def waterfall(result: WhatIf, metric: str = "vendor_revenue", lang: str = "en", short: bool = True) -> list[Step]:
    """The paths of ``metric`` (a money metric) then its total; the paths add up to the total."""
    if metric not in MONEY:
        raise ValueError(f"{metric}: a waterfall in money needs one of {', '.join(MONEY)}")
    _ = texts(lang)
    parts = result.contributions.get(metric, {})
    names = PATH_SHORT if short else PATH_NAMES
    steps = [Step(k, _(names[k]), float(parts.get(k, 0.0))) for k in PATH_NAMES]
    return [*steps, Step("total", _(METRIC_NAMES[metric]), float(result.totals[metric]))]


def shock_words(shock: Shock, lang: str = "en") -> str:
    """'Availability (in stock) −8 points for 4 weeks' in the KAM's words where a lever exists."""
    _, f = texts(lang), formatter(lang)
    lever = BY_KPI.get(shock.kpi)
    if lever is None:                    # a KPI without a lever: its name, never its key
        from vendordesk.core.influence.graph import KPIS

        kpi = KPIS.get(shock.kpi)
        name, value = (_(kpi.en) if kpi else shock.kpi), shock.delta * 100
        unit = "points" if kpi and kpi.scale == "points" else "percent"
    else:
        name, value, unit = _(lever.label), lever.value_of(shock), lever.unit
    amount = f.number(value, 1 if abs(value) % 1 else 0, signed=True)
    head = (_("{name} {value} points", name=name, value=amount) if unit == "points"
            else _("{name} {value}%", name=name, value=amount))      # "+6%" in English, "+6 %" in German
    if shock.weeks:
        return head + " " + _.ngettext("for {n} week", "for {n} weeks", shock.weeks, n=shock.weeks)
    return head + " " + _("for the whole horizon")


def totals_rows(result: WhatIf, lang: str = "en", currency: str = "EUR") -> list[tuple[str, str, float, float, float]]:
    """(metric key, translated name, change, p10, p90); net_ppm in points (x 100)."""
    _ = texts(lang)
    rows = []
    for key in ("units", "vendor_revenue", "amazon_revenue", "net_ppm_eur", "net_ppm"):
        scale = 100.0 if key == "net_ppm" else 1.0
        lo, hi = sorted(result.intervals.get(key, [result.totals[key]] * 2))
        rows.append((key, _(METRIC_NAMES[key]), result.totals[key] * scale, lo * scale, hi * scale))
    return rows


def weekly_rows(result: WhatIf) -> list[tuple[int, float, float, float, float, float, float]]:
    """(week, units, cumulative units, p10, p90, our revenue, Amazon revenue) per week."""
    w = result.weekly
    cum, out = 0.0, []
    for i in range(result.weeks):
        cum += w["units"][i]
        lo = w.get("units_p10", [cum] * result.weeks)[i]
        hi = w.get("units_p90", [cum] * result.weeks)[i]
        out.append((i + 1, w["units"][i], cum, min(lo, hi), max(lo, hi), w["vendor_revenue"][i], w["amazon_revenue"][i]))
    return out


def band_text(value: float, interval: Sequence[float] | None, lang: str, kind: str = "units", currency: str = "EUR") -> str:
    """'−6.500 Stück, wahrscheinlich zwischen −7.100 und −5.900' (units, money or points)."""
    from vendordesk.core.influence.words import band

    _ = texts(lang)
    if kind == "money":                  # "−€7,977" in English, "−7.977 €" in German
        return band(value, interval, lang, currency=currency)
    unit = {"units": _("units"), "points": _("points")}[kind]
    return band(value, interval, lang, unit, 2 if kind == "points" else 0)


def html(result: WhatIf, info: dict[str, Any], lang: str = "en", images: dict[str, str] | None = None) -> str:
    """A printable page: shocks, totals with their band, the € waterfall, the weekly course.
    ``images``: name -> resource name of a chart (the printing layer adds the image)."""
    _, f = texts(lang), formatter(lang)
    cur = info.get("currency", "EUR")
    shocks = "".join(f"<li>{escape(shock_words(s, lang))}</li>" for s in info.get("shocks", ()))
    title = _("What-if over {n} weeks", n=result.weeks)
    lead = _("Compared with the same weeks without the shock. Ranges: 10-90 % of the calibrated uncertainty.")
    heads = (_("Figure"), _("Change"), _("Likely from"), _("to"))
    parts = [f"<h2>{escape(title)}</h2>", f"<p>{escape(lead)}</p>", f"<ul>{shocks}</ul>",
             "<table border='1' cellspacing='0' cellpadding='4'>",
             "<tr>" + "".join(f"<th>{escape(h)}</th>" for h in heads) + "</tr>"]
    for key, name, value, lo, hi in totals_rows(result, lang, cur):
        def say(v: float, key: str = key) -> str:
            if key in MONEY:
                return str(f.money(v, cur, 0, signed=True))
            return str(f.number(v, 2 if key == "net_ppm" else 0, signed=True))

        unit = _(" points") if key == "net_ppm" else ""
        parts.append(f"<tr><td>{escape(name)}</td><td align='right'>{escape(say(value) + unit)}</td>"
                     f"<td align='right'>{escape(say(lo))}</td><td align='right'>{escape(say(hi))}</td></tr>")
    parts.append("</table>")
    where = _("Where the euros come from (our revenue)")
    parts.append(f"<h3>{escape(where)}</h3>")
    parts.append("<table border='1' cellspacing='0' cellpadding='4'>")
    for step in waterfall(result, "vendor_revenue", lang, short=False):
        label = f"<b>{escape(step.label)}</b>" if step.key == "total" else escape(step.label)
        parts.append(f"<tr><td>{label}</td><td align='right'>{escape(f.money(step.value, cur, 0, signed=True))}</td></tr>")
    parts.append("</table>")
    for name in (images or {}).values():
        parts.append(f"<p><img src='{escape(name)}' width='640'></p>")
    from vendordesk.core.influence.words import caveats

    notes = caveats(result, info, lang)
    if notes:
        parts.append("<ul>" + "".join(f"<li>{escape(n)}</li>" for n in notes) + "</ul>")
    return "<html><body style='font-family: sans-serif'>" + "".join(parts) + "</body></html>"
