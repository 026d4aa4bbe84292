"""The printable negotiation brief (domain.md §6b.4) as HTML, in German or English.

``build_html(analysis, lang, account)`` formats the figures of one ``Analysis``; the chart is an
image the UI renders and passes to ``html_to_pdf`` under ``CHART_URL``.
"""

from __future__ import annotations

import datetime as dt

from vendordesk.briefs import common as c
from vendordesk.briefs.negotiation_args import checklist, issue_text, objection
from vendordesk.briefs.negotiation_texts import (
    CONCESSION_NAMES,
    DRIVER_NAMES,
    SCENARIO_NAMES,
    pick,
    t,
)
from vendordesk.core.marketplaces import marketplace_name
from vendordesk.core.negotiation.model import status_name
from vendordesk.text import formatter

CHART_URL = "chart://asp-cost"


class Fmt:
    """The brief's formatters bound to its language and currency."""

    def __init__(self, lang: str, currency: str):
        self.lang, self.currency = lang, currency

    def money(self, v, signed=False):
        return c.money(v, self.currency, self.lang, signed=signed)

    def big_money(self, v):
        return c.money(v, self.currency, self.lang, decimals=0)

    def pct(self, v, signed=False):
        return c.percent(v, self.lang, signed=signed)

    def num(self, v, d=0):
        return c.number(v, self.lang, d)

    def arrow(self, a, b, kind="pct"):
        f = self.pct if kind == "pct" else self.money
        return f"{f(a)} → {f(b)}"


def _cover(a, lang, f, account, today) -> str:
    case = a.case
    notice = "" if a.notice_days is None else f" ({a.notice_days} {t('days', lang)})"
    rows = [(t("account", lang), c.esc(account.get("account_name"))), (t("vendor_code", lang), c.esc(account.get("vendor_code"))),
            (t("marketplace", lang), c.esc(marketplace_name(account.get("marketplace_id")))), (t("kam", lang), c.esc(case.kam)),
            (t("as_of", lang), c.date(a.as_of, lang) if a.as_of else c.na(lang)), (t("effective", lang), (c.date(case.effective_date, lang) + notice) if case.effective_date else "–"),
            (t("final_order", lang), c.date(case.final_order_until, lang) if case.final_order_until else "–"),
            (t("tariff", lang), t("yes" if case.tariff_driven else "no", lang)),
            (t("status", lang), status_name(case.status, lang)),
            (t("asins", lang), str(len(case.items))), (t("currency", lang), c.esc(case.currency))]
    rows = [(k, v if v.strip() else "–") for k, v in rows]
    half = (len(rows) + 1) // 2
    body = ""
    for i in range(half):
        right = rows[half + i] if half + i < len(rows) else ("", "")
        body += (f"<tr><th width='22%'>{rows[i][0]}</th><td width='28%'>{rows[i][1]}</td>"
                 f"<th width='22%'>{right[0]}</th><td width='28%'>{right[1]}</td></tr>")
    return (f"<p class='risk'>{t('internal_banner', lang)}</p>"
            f"<h1>{t('doc_title', lang)}</h1><p class='sub'>{c.esc(case.title)}</p>"
            f"<table class='facts' width='100%' border='1' cellspacing='0' cellpadding='4'>{body}</table>{c.SPACER}")


def _baseline_note(a, lang, f) -> str:
    """Which Net PPM the brief starts from and the conditional terms it does not count."""
    source = {"reported": t("base_reported", lang), "derived": t("base_derived", lang)}.get(a.net_ppm_source, "")
    terms = a.market.conditional_terms
    if not terms:
        return source
    listed = ", ".join(f"{c.esc(x.get('name') or x.get('term_type') or '')} {f.pct(x.get('rate'))}" for x in terms)
    return f"{source} {t('conditional', lang)}: {listed}."


def _key_figures(a, lang, f) -> str:
    cells = [(t("requested", lang), f.pct(a.requested, True)),
             (t("justified", lang), f.pct(a.justified_cost_price, True)),
             (t("impact", lang), f.big_money(a.annual_cogs_impact)), (t("ppm_before", lang), f.pct(a.net_ppm_before)),
             (t("ppm_after", lang), f.pct(a.net_ppm_after)), (t("ppm_pt", lang), f.pct(a.net_ppm_pass_through)),
             (t("target", lang), f.pct(a.market.target)), (t("crap", lang), f"{a.crap_count} / {len(a.items)}")]
    rows = ""
    for start in (0, 4):
        rows += "<tr>" + "".join(f"<td width='25%' align='center'><span class='big'>{v}</span><br/>"
                                 f"<span class='label'>{k}</span></td>" for k, v in cells[start:start + 4]) + "</tr>"
    return f"<table class='key' width='100%' border='0' cellspacing='3' cellpadding='6'>{rows}</table>{c.SPACER}"


def cogs_definition(a, lang: str) -> str:
    """The one definition behind every extra-COGS figure (brief and tab), with the case's numbers;
    "" without 52-week units at both prices."""
    if a.annual_cogs_impact is None or not a.cogs_base:
        return ""
    f = Fmt(lang, a.case.currency)
    share = c.percent(a.price_list_share, lang, decimals=2, signed=True)
    return (t("impact_def", lang).replace("{impact}", f.big_money(a.annual_cogs_impact))
            .replace("{base}", f.big_money(a.cogs_base)).replace("{share}", share))


def _cogs_definition(a, lang, f) -> str:
    text = cogs_definition(a, lang)
    return f"<p class='muted'>{text}</p>" if text else ""


def _summary(a, lang, f) -> str:
    out = c.h2(t('summary', lang)) + _key_figures(a, lang, f) + _cogs_definition(a, lang, f)
    when = c.date(a.case.effective_date, lang) if a.case.effective_date else t("not_set", lang)
    o, tg, w = entered_positions(a)
    out += (f"<p><b>{t('our_ask', lang)}</b> " + t("ask_text", lang).replace("{o}", position(o, lang, f))
            .replace("{t}", position(tg, lang, f)).replace("{w}", position(w, lang, f)).replace("{d}", when)
            + "</p>")
    for obj in a.objections[:2]:
        out += f"<p>{objection(obj, a, lang)[1]}</p>"
    problems = [i for i in a.issues if i.severity in ("error", "warning")]
    if problems:
        items = "".join(f"<li class='{'risk' if i.severity == 'error' else 'warn'}'>{c.esc(issue_text(i, lang))}</li>"
                        for i in problems[:12])
        more = len(problems) - 12
        if more > 0:
            items += f"<li>… +{more}</li>"
        out += f"<h3>{t('open_points', lang)}</h3><ul>{items}</ul>"
    if a.case.notes.strip():
        out += f"<h3>{t('notes', lang)}</h3><p>{c.esc(a.case.notes).replace(chr(10), '<br/>')}</p>"
    return out


def _drivers(a, lang, f) -> str:
    if not a.case.drivers:
        return c.h2(t('drivers', lang)) + f"<p>{c.na(lang)}</p>"
    rows = [[pick(DRIVER_NAMES, d.driver, lang), f.pct(d.weight), f.pct(d.change_pct, True),
             f.pct(d.weight * d.change_pct, True), c.esc(d.index_name or ""), c.esc(d.source or "")] for d in a.case.drivers]
    total = [t("total", lang), f.pct(a.weights_total), "", f.pct(a.justified, True), "", ""]
    head = [t(k, lang) for k in ("driver", "weight", "change", "contribution", "index", "source")]
    note = f"<p>{t('requested', lang)}: <b>{f.pct(a.requested, True)}</b> · {t('justified', lang)}: <b>{f.pct(a.justified_cost_price, True)}</b></p>"
    return (c.h2(t('drivers', lang)) + c.table(head, rows, {1, 2, 3}, [16, 10, 14, 10, 28, 22], total=total) + note)


def _asin_tables(a, lang, f) -> str:
    sym = formatter(lang).symbol(a.case.currency)
    m = lambda v: f.num(v, 2)
    cur = lambda key: f"{t(key, lang)} ({sym})"
    msrp = any(i.msrp_before or i.msrp_after for i in a.items)
    head1 = [t("asin", lang), t("product", lang), cur("cost_old"), cur("cost_new"), t("change", lang)]
    head1 += [cur("msrp_old"), cur("msrp_new")] if msrp else []
    head1 += [t("units52", lang), cur("cogs52")]
    rows1 = []
    for i in a.items:
        title = i.title if len(i.title) <= 40 else i.title[:38].rstrip(" ,") + "…"
        row = [c.esc(i.asin), c.esc(title), m(i.cost_before), m(i.cost_after), f.pct(i.cost_change, True)]
        row += [m(i.msrp_before) if i.msrp_before else "–", m(i.msrp_after) if i.msrp_after else "–"] if msrp else []
        rows1.append(row + [f.num(i.units_52), f.num(i.cogs_52)])
    widths1 = [12, 26, 8, 8, 9, 8, 8, 9, 12] if msrp else [13, 35, 9, 9, 9, 11, 14]
    head2 = [t("asin", lang), cur("asp13"), cur("asp26"), cur("asp52"), t("trend", lang), t("fm_now", lang),
             t("fm_new", lang), cur("asp_pt"), t("vol", lang)]
    rows2 = [[c.esc(i.asin), m(i.asp_13), m(i.asp_26), m(i.asp_52), f.pct(i.asp_trend, True),
              f.pct(i.front_margin_before), f.pct(i.front_margin_after), m(i.asp_pass_through),
              f.pct(i.volume_change, True)] for i in a.items]
    head3 = [t(k, lang) for k in ("asin", "npm_b", "npm_a", "npm_pt")] + [cur("be"), t("risk", lang),
                                                                        cur("own_cost"), t("vm_now", lang),
                                                                        t("vm_new", lang)]
    rows3 = []
    for i in a.items:
        risk = c.na(lang) if i.crap_risk is None else (
            f"<span class='risk'>{t('yes', lang)}</span>" if i.crap_risk else f"<span class='ok'>{t('no', lang)}</span>")
        rows3.append([c.esc(i.asin), f.pct(i.net_ppm_before), f.pct(i.net_ppm_after), f.pct(i.net_ppm_pass_through),
                      m(i.break_even_asp), risk, own_cost(i, m), f.pct(i.vendor_margin_before),
                      f.pct(i.vendor_margin_after)])
    src = t({"terms": "src_terms", "facts": "src_facts"}.get(a.market.contra_source, "src_none"), lang)
    legend = t("legend", lang).replace("{rate}", f.pct(a.market.contra_rate)).replace("{src}", src)
    legend += " " + _baseline_note(a, lang, f)
    el = t("el_calibrated" if a.market.elasticity_source == "calibrated" else "el_default", lang)
    return (c.table(head1, rows1, set(range(2, len(head1))), widths1, caption=t('per_asin', lang))
            + c.table(head2, rows2, set(range(1, 9)), [13, 10, 10, 10, 9, 10, 10, 13, 15], caption=t('asp_front', lang))
            + c.table(head3, rows3, set(range(1, 9)), [11, 10, 10, 11, 11, 9, 14, 12, 12], caption=t('margins', lang))
            + f"<p class='muted'>{legend} {t('vol', lang)}: {el.replace('{e}', f.num(a.market.elasticity, 1))}.</p>")


def own_cost(item, m) -> str:
    """Our own unit cost now → new (the new one estimated when the case does not give it)."""
    if item.own_cost_before is None:
        return "–"
    return f"{m(item.own_cost_before)} → {m(item.own_cost_after)}" if item.own_cost_after is not None \
        else m(item.own_cost_before)


def _chart(a, lang, has_chart: bool) -> str:
    if not has_chart:
        return c.h2(t('chart', lang)) + f"<p>{t('no_chart', lang)}</p>"
    return (f"<h2>{t('chart', lang)}</h2><p align='center'><img src='{CHART_URL}' width='600'/>"
            f"</p><p class='muted'>{t('chart_note', lang)}</p>")


def _scenarios(a, lang, f) -> str:
    names = [pick(SCENARIO_NAMES, s.name, lang) for s in a.scenarios]
    rows = [[t("sc_increase", lang)] + [f.pct(s.increase, True) for s in a.scenarios],
            [t("sc_first", lang)] + [f.pct(s.first_year_increase, True) for s in a.scenarios],
            [t("sc_coop", lang)] + [c.points(s.scenario.extra_coop, lang) for s in a.scenarios],
            [t("sc_follow", lang)] + [f.pct(s.scenario.pass_through) for s in a.scenarios],
            [t("sc_impact", lang)] + [f.big_money(s.amazon_cogs_impact) for s in a.scenarios],
            [t("sc_coop_cost", lang)] + [f.big_money(s.extra_coop_cost) for s in a.scenarios],
            [t("sc_gain", lang)] + [f.big_money(s.vendor_gain) for s in a.scenarios],
            [t("sc_gain_net", lang)] + [f.big_money(s.vendor_gain_net) for s in a.scenarios],
            [t("sc_neutral", lang)] + [f.pct(s.euro_neutral_increase, True) for s in a.scenarios],
            [t("sc_ppm", lang)] + [f.pct(s.net_ppm_after) for s in a.scenarios],
            [t("sc_crap", lang)] + [str(s.crap_asins) for s in a.scenarios]]
    n = len(names)
    widths = [40] + [60 // max(n, 1)] * n      # the labels wrap, so the scenarios share the rest alike
    return c.h2(t('scenarios', lang)) + c.table([""] + [c.esc(x) for x in names], rows, set(range(1, n + 1)), widths,
                                                nowrap=())


def _levers(a, lang, f) -> str:
    rows = [[pick(CONCESSION_NAMES, k.kind, lang) + (f"<br/><span class='muted'>{c.esc(k.description)}</span>"
                                                     if k.description else ""),
             f.big_money(k.value_to_amazon), f.big_money(k.cost_to_us), t("yes", lang) if k.offered else ""]
            for k in a.concessions]
    head = [t(k, lang) for k in ("lever", "value_amazon", "cost_us", "offered")]
    note = t("suggested", lang) + " " if a.concessions_suggested else ""
    out = (c.h2(t('levers', lang)) + c.table(head, rows, {1, 2}, [50, 18, 18, 14], nowrap=())
           + f"<p class='muted'>{note}{t('no_csa', lang)}</p>")
    return out


def entered_positions(a) -> tuple:
    """(opening, target, walk-away) as the KAM entered them; the opening defaults to the request.
    Nothing else is filled in: a target or floor the KAM did not set stays None ("not set")."""
    case = a.case
    opening = case.opening_pct if case.opening_pct is not None else a.requested
    return opening, case.target_pct, case.walk_away_pct


def position(value, lang, f) -> str:
    return t("not_set", lang) if value is None else f.pct(value, True)


def _positions(a, lang, f) -> str:
    o, tg, w = entered_positions(a)
    # an opening the case does not hold is the price list itself: its own extra COGS, not a scaled one
    impact = {"opening": a.annual_cogs_impact if a.case.opening_pct is None else a.extra_cogs(o),
              "target_pos": a.extra_cogs(tg), "walk_away": a.extra_cogs(w)}
    prow = [[t(k, lang), position(v, lang, f), f.big_money(impact[k]) if v is not None else "–"]
            for k, v in (("opening", o), ("target_pos", tg), ("walk_away", w))]
    out = c.h2(t('positions', lang)) + c.table([t("position", lang), t("change", lang), t("per_year", lang)],
                                                         prow, {1, 2}, [40, 30, 30])
    if a.case.opening_pct is None:
        out += f"<p class='muted'>{t('pos_default', lang)}</p>"
    return out


def _objections(a, lang) -> str:
    rows = "".join(f"<tr><td width='34%'><b>{q}</b></td><td width='66%'>{ans}</td></tr>"
                   for q, ans in (objection(o, a, lang) for o in a.objections))
    return (c.h2(t('objections', lang)) + f"<table class='grid' width='100%' border='1' cellspacing='0' "
            f"cellpadding='4'>{rows}</table>{c.SPACER}")


def _checklist(a, lang) -> str:
    marks = {True: "<span class='ok'>☑</span>", False: "<span class='risk'>☒</span>", None: "☐"}
    rows = "".join(f"<tr><td width='5%' align='center'>{marks[done]}</td><td>{text}</td></tr>"
                   for done, text in checklist(a, lang))
    return c.h2(t('checklist', lang)) + f"<table width='100%' cellspacing='0' cellpadding='3'>{rows}</table>"


AUDIENCES = ("amazon", "internal")


def build_html(analysis, lang: str = "de", account: dict | None = None, has_chart: bool = True,
               today: dt.date | None = None, audience: str = "internal") -> str:
    """The brief for ``audience``: ``amazon`` (to hand over) or ``internal`` (everything).
    ``account`` holds account_name, vendor_code, marketplace_id and optionally brands {asin: brand}."""
    if audience not in AUDIENCES:
        raise ValueError(f"audience {audience!r}: use one of {', '.join(AUDIENCES)}")
    chart = has_chart and not analysis.chart.dropna().empty
    if audience == "amazon":
        from vendordesk.briefs.negotiation_amazon import build_amazon_html

        return build_amazon_html(analysis, lang, account or {}, chart, CHART_URL)
    f = Fmt(lang, analysis.case.currency)
    today = today or analysis.market.today
    page = "<div style='page-break-before: always'></div>"
    body = (_cover(analysis, lang, f, account or {}, today) + _summary(analysis, lang, f) + _drivers(analysis, lang, f)
            + page + _asin_tables(analysis, lang, f)
            + page + _chart(analysis, lang, chart)
            + _scenarios(analysis, lang, f) + _positions(analysis, lang, f)
            + page + _levers(analysis, lang, f) + _objections(analysis, lang) + _checklist(analysis, lang))
    return c.document(f"{t('doc_title', lang)} – {analysis.case.title}", body, lang)
