"""The negotiation brief handed to Amazon's vendor manager: the request and its reasons.

It holds the request, the cost drivers with their public indices and sources, the ASIN table
(cost now and new, the requested increase), the proposed timing and what we offer in return.
It holds nothing of ours that weakens us: no floor, target or scenarios, no own cost or own
margin, no internal notes, no checklist, no Net PPM or volume arguments against ourselves.
The figures are formatted exactly as the internal brief and ``negotiation show --json``.
"""

from __future__ import annotations

from vendordesk.briefs import common as c
from vendordesk.briefs.negotiation_texts import CONCESSION_NAMES, DRIVER_NAMES, pick
from vendordesk.core.marketplaces import marketplace_name
from vendordesk.text import N_, formatter, texts

A = {
    "title": N_("Cost price adjustment request"),
    "intro": N_("We ask to adjust the cost prices of the {n} ASINs below by {r} on average, effective {d}. "
                "This page sets out the cost drivers behind the request, the new cost per ASIN, the timing "
                "and what we offer in return. We look forward to discussing it with you."),
    "intro_nodate": N_("We ask to adjust the cost prices of the {n} ASINs below by {r} on average. This page sets "
                       "out the cost drivers behind the request, the new cost per ASIN, the timing and what we "
                       "offer in return. We look forward to discussing it with you."),
    "from": N_("From"), "contact": N_("Contact"), "as_of": N_("Figures as of"),
    "request": N_("Our request"), "requested": N_("Requested increase (weighted by cost of goods)"),
    "drivers": N_("Why: the cost drivers"),
    "drivers_note": N_("Weight = share of our unit cost; change = movement of the public index over the period."),
    "drivers_none": N_("The cost drivers are being documented and will follow."),
    "contribution": N_("Effect on our unit cost"),
    "asins": N_("New cost prices per ASIN"),
    "brand": N_("Brand"),
    "timing": N_("Proposed timing"),
    "effective": N_("New cost prices valid from"),
    "notice": N_("Announced ahead"), "notice_days": N_("{n} days before the new cost prices apply"),
    "final_order": N_("Final order at the current cost possible until"),
    "tbd": N_("to be agreed"),
    "offer": N_("What we offer in return"),
    "offer_none": N_("We are glad to agree measures in return with you, such as a final order at the current "
                     "cost or investments in content and availability."),
    "value": N_("Value to Amazon (estimate)"),
    "offer_note": N_("The increase applies to all our retail partners alike. New cost prices are also uploaded in "
                     "Vendor Central."),
    "chart": N_("Selling price and cost price over time"),
}


def a(key: str, lang: str, **values) -> str:
    return texts(lang)(A[key], **values)


def _head(an, lang, f, account) -> str:
    from vendordesk.briefs.negotiation import t

    case = an.case
    date = c.date(an.as_of, lang) if an.as_of else c.na(lang)
    rows = [(a("from", lang), c.esc(account.get("account_name")) or "–"),
            (t("vendor_code", lang), c.esc(account.get("vendor_code")) or "–"),
            (t("marketplace", lang), c.esc(marketplace_name(account.get("marketplace_id"))) or "–"),
            (a("contact", lang), c.esc(case.kam) or "–"),
            (a("as_of", lang), date), (t("asins", lang), str(len(case.items)))]
    cells = "".join(f"<tr><th width='22%'>{rows[i][0]}</th><td width='28%'>{rows[i][1]}</td>"
                    f"<th width='22%'>{rows[i + 3][0]}</th><td width='28%'>{rows[i + 3][1]}</td></tr>" for i in range(3))
    if case.effective_date:
        intro = a("intro", lang, n=len(case.items), r=f.pct(an.requested, True), d=c.date(case.effective_date, lang))
    else:
        intro = a("intro_nodate", lang, n=len(case.items), r=f.pct(an.requested, True))
    return (f"<h1>{a('title', lang)}</h1><p class='sub'>{c.esc(case.title)}</p>"
            f"<table class='facts' width='100%' border='1' cellspacing='0' cellpadding='4'>{cells}</table>"
            f"{c.SPACER}<p>{c.esc(intro)}</p>")


def _request(an, lang, f) -> str:
    big = f"<span class='big'>{f.pct(an.requested, True)}</span><br/><span class='label'>{a('requested', lang)}</span>"
    return (c.h2(a("request", lang)) + f"<table class='key' width='100%' border='0' cellspacing='3' cellpadding='6'>"
            f"<tr><td align='center'>{big}</td></tr></table>{c.SPACER}")


def _drivers(an, lang, f) -> str:
    from vendordesk.briefs.negotiation import t

    out = c.h2(a("drivers", lang))
    if not an.case.drivers:
        return out + f"<p>{a('drivers_none', lang)}</p>"
    rows = [[pick(DRIVER_NAMES, d.driver, lang), c.esc(d.index_name or "–"), c.esc(d.source or "–"), f.pct(d.weight),
             f.pct(d.change_pct, True), f.pct(d.weight * d.change_pct, True)] for d in an.case.drivers]
    total = [t("total", lang), "", "", f.pct(an.weights_total), "", f.pct(an.justified, True)]
    head = [t("driver", lang), t("index", lang), t("source", lang), t("weight", lang), t("change", lang),
            a("contribution", lang)]
    return (out + c.table(head, rows, {3, 4, 5}, [15, 27, 22, 10, 11, 15], total=total, nowrap=(3, 4, 5))
            + f"<p class='muted'>{a('drivers_note', lang)}</p>")


def _asins(an, lang, f, brands: dict) -> str:
    from vendordesk.briefs.negotiation import t

    sym = formatter(lang).symbol(an.case.currency)
    m = lambda v: f.num(v, 2)
    msrp = any(i.msrp_before or i.msrp_after for i in an.items)
    head = [t("asin", lang), t("product", lang), a("brand", lang), f"{t('cost_old', lang)} ({sym})",
            f"{t('cost_new', lang)} ({sym})", t("change", lang)]
    head += [f"{t('msrp_old', lang)} ({sym})", f"{t('msrp_new', lang)} ({sym})"] if msrp else []
    rows = []
    for i in an.items:
        title = i.title if len(i.title) <= 44 else i.title[:42].rstrip(" ,") + "…"
        row = [c.esc(i.asin), c.esc(title) or "–", c.esc(brands.get(i.asin) or "–"), m(i.cost_before), m(i.cost_after),
               f.pct(i.cost_change, True)]
        row += [m(i.msrp_before) if i.msrp_before else "–", m(i.msrp_after) if i.msrp_after else "–"] if msrp else []
        rows.append(row)
    widths = [12, 32, 12, 9, 9, 8, 9, 9] if msrp else [13, 42, 13, 11, 11, 10]
    return c.table(head, rows, set(range(3, len(head))), widths, caption=a("asins", lang))


def _timing(an, lang) -> str:
    case = an.case
    notice = a("notice_days", lang, n=an.notice_days) if an.notice_days is not None else a("tbd", lang)
    rows = [(a("effective", lang), c.date(case.effective_date, lang) if case.effective_date else a("tbd", lang)),
            (a("notice", lang), notice),
            (a("final_order", lang), c.date(case.final_order_until, lang) if case.final_order_until else a("tbd", lang))]
    body = "".join(f"<tr><th width='45%'>{k}</th><td width='55%'>{v}</td></tr>" for k, v in rows)
    # the timing starts the second page, with the offer and the chart under it: at the end of page 1
    # its table was cut (its last row alone on page 2) and the chart stood alone on a third page
    return ("<div style='page-break-before: always'></div>" + c.h2(a("timing", lang)) + f"<table class='facts' width='100%' border='1' cellspacing='0' "
            f"cellpadding='4'>{body}</table>{c.SPACER}")


def _offer(an, lang, f) -> str:
    out = c.h2(a("offer", lang))
    offered = [k for k in an.case.concessions if k.offered]
    if not offered:
        return out + f"<p>{a('offer_none', lang)}</p><p class='muted'>{a('offer_note', lang)}</p>"
    rows = [[pick(CONCESSION_NAMES, k.kind, lang) + (f"<br/><span class='muted'>{c.esc(k.description)}</span>"
                                                     if k.description else ""),
             f.big_money(k.value_to_amazon) if k.value_to_amazon is not None else "–"] for k in offered]
    from vendordesk.briefs.negotiation import t

    return (out + c.table([t("lever", lang), a("value", lang)], rows, {1}, [70, 30], nowrap=(1,))
            + f"<p class='muted'>{a('offer_note', lang)}</p>")


def _chart(an, lang, has_chart: bool, chart_url: str) -> str:
    from vendordesk.briefs.negotiation import t

    if not has_chart:
        return ""
    return (c.h2(a("chart", lang)) + f"<p align='center'><img src='{chart_url}' width='600'/></p>"
            f"<p class='muted'>{t('chart_note', lang)}</p>")


def build_amazon_html(analysis, lang: str, account: dict, has_chart: bool, chart_url: str) -> str:
    from vendordesk.briefs.negotiation import Fmt

    f = Fmt(lang, analysis.case.currency)
    body = (_head(analysis, lang, f, account) + _request(analysis, lang, f) + _drivers(analysis, lang, f)
            + _asins(analysis, lang, f, account.get("brands") or {}) + _timing(analysis, lang)
            + _offer(analysis, lang, f) + _chart(analysis, lang, has_chart, chart_url))
    return c.document(f"{a('title', lang)} – {analysis.case.title}", body, lang)
