"""The arguments of a case in words: objections with answers, the checklist, open points.

Every number comes from the ``Analysis``; the brief and the tab both call these functions.
The sentences are English message ids of the ``vendordesk`` catalogue (German in vendordesk/locale).
"""

from __future__ import annotations

from vendordesk.briefs import common as c
from vendordesk.briefs.negotiation_texts import DRIVER_NAMES, pick
from vendordesk.text import N_, texts

NOT_JUSTIFIED = N_("Your increase is not justified.")


def objection(obj, analysis, lang: str) -> tuple[str, str]:
    """(the vendor manager's objection, our answer) for one ``Objection``."""
    _ = texts(lang)
    v, pct, cur = obj.values, (lambda x: c.percent(x, lang, 1, signed=True)), analysis.case.currency
    if obj.key == "justified":
        own = v.get("justified_own_cost", v["justified"])
        if own is None:
            return (_(NOT_JUSTIFIED),
                    _("Open point: enter the cost drivers with their index before the meeting."))
        parts = "; ".join(f"{pick(DRIVER_NAMES, d, lang)} {pct(ch)}" + (f", {c.esc(ix)}" if ix else "")
                          for d, ch, ix in v["drivers"])
        base = _("Our cost drivers add up to {share} of our own unit cost ({parts})", share=pct(own), parts=parts)
        if v["justified"] is None:      # no own cost entered: no cost-price base, no comparison
            return (_(NOT_JUSTIFIED),
                    base + _(". We ask for {requested} of the cost price.", requested=pct(v["requested"])))
        rel = (v["requested"] or 0) - v["justified"]          # both on the cost-price base
        word = (_("in line with that") if abs(rel) < 0.0005 else
                _("below that") if rel < 0 else _("above that"))
        return (_(NOT_JUSTIFIED),
                base + _(", the same euros as {justified} of the cost price. We ask for {requested}, {word}.",
                         justified=pct(v["justified"]), requested=pct(v["requested"]), word=word))
    if obj.key == "margin":
        p = lambda x: c.percent(x, lang)
        return (_("This destroys our margin."),
                _("At today's ASP your Net PPM moves from {before} to {after} (target {target}). If the retail "
                  "price follows by the same percentage it stays at {pass_through}. The increase goes to all "
                  "retailers.", before=p(v["before"]), after=p(v["after"]), target=p(v["target"]),
                  pass_through=p(v["pass_through"])))
    if obj.key == "asp_trend":
        q = _("Prices in this category are under pressure.")
        if v["trend"] is None:
            return q, _("Open point: fewer than 26 weeks of sales facts; the ASP trend cannot be shown.")
        if v["trend"] >= 0:
            return q, _("The ASP of these ASINs over the last 13 weeks is {trend} against the 52-week average: "
                        "customers accept the price level.", trend=pct(v["trend"]))
        return q, _("The ASP fell by {fell} against the 52-week average; we raise the MSRP in line and support "
                    "the price with content rather than discounts.", fell=c.percent(abs(v["trend"]), lang))
    if obj.key == "notice":
        q = _("This is too short notice.")
        days, need = v["days"], v["need"]
        if days is None:
            return q, _("Open point: set the requested effective date.")
        if days >= need:
            return q, _("We announce {days} days ahead of the effective date; {need} are expected.",
                        days=days, need=need)
        return q, _("Only {days} days ahead ({need} expected): we bridge the gap with a final order at the old "
                    "cost.", days=days, need=need)
    if obj.key == "crap":
        q = _("Some ASINs will no longer be profitable for us.")
        if not v["count"]:
            return q, _("None of the {total} ASINs falls below your Net PPM target at today's ASP.",
                        total=v["total"])
        return q, _("{count} of {total} ASINs fall below target at today's ASP; the table shows the break-even "
                    "ASP for each, and the levers below close the gap.", count=v["count"], total=v["total"])
    if obj.key == "volume":
        q = _("Higher prices will cost volume.")
        src = _("calibrated") if v["source"] == "calibrated" else _("default, not calibrated")
        return q, _("With a price elasticity of {elasticity} ({source}) a full pass-through changes units by "
                    "{change}, while Amazon's margin per unit stays intact.",
                    elasticity=c.number(v["elasticity"], lang, 1), source=src, change=pct(v["change"]))
    q = _("Can you fund the gap with a cost support agreement?")
    return q, _("No: it would set a precedent. Instead we offer levers worth {value} to Amazon (see levers).",
                value=c.money(v["value"], cur, lang, decimals=0))


def _msrp_ok(analysis) -> bool | None:
    pairs = [(it.msrp_before, it.msrp_after, it.cost_change) for it in analysis.items
             if it.msrp_before and it.msrp_after and it.cost_change is not None]
    if not pairs:
        return None
    return all(after / before - 1.0 >= change - 0.005 for before, after, change in pairs)


def checklist(analysis, lang: str) -> list[tuple[bool | None, str]]:
    """(done? True/False/None = to do by hand, text)."""
    _ = texts(lang)
    case = analysis.case
    need = 90 if case.tariff_driven else 60
    drivers_ok = bool(case.drivers) and all(d.index_name or d.source for d in case.drivers) and \
        abs(analysis.weights_total - 1.0) <= 0.005
    final = bool(case.final_order_until) or any(k.kind == "final_order_old_cost" and k.offered for k in case.concessions)
    return [
        (None if analysis.notice_days is None else analysis.notice_days >= need,
         _("Announced at least {need} days before the effective date", need=need)),
        (_msrp_ok(analysis), _("MSRP / list price raised in line with the cost")),
        (len(analysis.chart.dropna()) >= 26, _("ASP trend of 6-12 months shown")),
        (drivers_ok, _("Cost drivers backed by an index and a source, weights sum to 100 %")),
        (final, _("Final order at the old cost offered, with a deadline")),
        (True if case.status in ("submitted", "accepted") else None,
         _("New costs uploaded in Vendor Central (Items › Edit item costs), not only e-mailed")),
        (None, _("All increases bundled in one request and tied to the annual negotiation")),
        (None, _("Vendor manager informed separately; increase applies to all retailers")),
        (None, _("No cost support agreement offered")),
    ]


ISSUES = {
    "date_past": N_("The effective date is in the past."),
    "date_missing": N_("No effective date set."),
    "date_invalid": N_("The effective date is not a date."),
    "notice_short": N_("Only {days} days notice; {need} expected."),
    "currency_mismatch": N_("Case currency {case} differs from the account's {workspace}."),
    "asin_no_facts": N_("{asin}: no sales facts; ASP and Net PPM unavailable."),
    "cost_after_invalid": N_("{asin}: requested cost missing or not above 0."),
    "cost_before_invalid": N_("{asin}: current cost missing or not above 0."),
    "cost_decrease": N_("{asin}: cost decrease (accepted immediately)."),
    "weights_sum": N_("Driver weights sum to {total}, not 100%."),
    "no_asins": N_("The case has no ASINs."),
    "title_missing": N_("The case has no title."),
}


def issue_text(issue, lang: str) -> str:
    """An open point of the case in the brief's language."""
    message = ISSUES.get(issue.code)
    if message is None:
        return issue.message
    v = issue.values
    return texts(lang)(message, days=v.get("days"), need=v.get("need"), case=v.get("case"),
                       workspace=v.get("workspace"), asin=issue.asin or "", total=c.percent(v.get("total"), lang))
