"""The management brief (A4, German or English): why revenue and margin moved.

HTML only (no Qt): the bridge waterfall and the monthly target chart are images the caller adds
as ``chart://bridge`` and ``chart://target``. Contents: key numbers, the bridge with its steps,
the top drivers in sentences, the active chains of the gear model, the sales target gap and the
gears that could close it, method notes.
"""

from __future__ import annotations

import datetime as dt
import re

from vendordesk.briefs import common as c
from vendordesk.core.bridge import PPM_STEPS, STEPS
from vendordesk.core.influence.text import weeks_label
from vendordesk.text import N_, texts

BRIDGE_URL, TARGET_URL = "chart://bridge", "chart://target"
IMAGE_WIDTH = 520          # document pixels: the text width of an A4 page with 15 mm margins

TEXT = {
    "title": N_("Management brief: why revenue and margin moved"),
    "period": N_("Period {b} compared with {a}"),
    "made": N_("Prepared on {d} with VendorDesk"),
    "key": N_("Key numbers"),
    "net": N_("Net sell-in (COGS − terms − chargebacks)"),
    "gross": N_("Our revenue (shipped COGS)"),
    "units": N_("Shipped units"),
    "ppm": N_("Amazon's Net PPM"),
    "before": N_("Before"), "after": N_("After"), "change": N_("Change"),
    "bridge": N_("Revenue bridge: from before to after"),
    "step": N_("Step"), "eur": N_("Effect"), "share": N_("Meaning"),
    "drivers": N_("Top drivers"),
    "asins": N_("ASINs that moved sell-in most"),
    "chains": N_("Active chains of the gear model"),
    "quiet": N_("Not active: {names}."),
    "none_active": N_("No chain of the gear model is active in the data."),
    "target": N_("Sales target {y}"),
    "t_target": N_("Target"), "t_ytd": N_("Year to date"),
    "t_proj": N_("Projection to year end"), "t_land": N_("Expected landing"),
    "t_gap": N_("Gap"), "actual": N_("Actual"), "projected": N_("Projected (forecast)"), "missing": N_("missing"), "ahead": N_("ahead"),
    "no_target": N_("No annual target entered yet."),
    "levers": N_("What the gears could add by December"),
    "ppm_bridge": N_("Amazon's Net PPM bridge (points)"),
    "method": N_("Method"),
    "method_text": N_("Revenue is the vendor's sell-in at cost (shipped COGS). Price = change in cost price on this period's units; "
        "volume and mix at the prior period's cost prices; lost sales from OOS are estimated as ordered units × OOS / "
        "(1 − OOS), above 50 % OOS as OOS × the ASIN's weekly demand before it ran out, and shown apart from volume. Net PPM = (shipped revenue − shipped COGS + contra-COGS − sales "
        "discount) / shipped revenue. Chains and levers come from the gear model (domain links E01–E30), calibrated "
        "on this account's history where the data allows."),
    "no_compare": N_("There is no sell-in in the period or in the period before it, so there is nothing to compare. "
                   "Choose another period (--from/--to) or import more weeks of Sales reports."),
    "no_data": N_("This workspace holds no weekly sales yet: import Vendor Central Sales reports first."),
    "fell": N_("Net sell-in fell from {a} to {b}, by {d}."),
    "rose": N_("Net sell-in rose from {a} to {b}, by {d}."),
    "flat": N_("Net sell-in stayed at {b}."),
    "cost_us": N_("Against us: {items}."),
    "for_us": N_("For us: {items}."),
    "adds_up": N_("Together the steps make the change of {d}."),
    "product": N_("Product"), "brand": N_("Brand"),
}
STEP_NAMES = {
    "price": N_("Cost price"), "volume": N_("Volume"), "mix": N_("Mix"),
    "oos": N_("Lost sales (OOS)"), "terms": N_("Terms"),
    "chargebacks": N_("Chargebacks"), "asp": N_("Selling price (ASP)"),
    "cost": N_("Cost price"), "discount": N_("Sales discount"),
}
STEP_MEANING = {
    "price": N_("our cost price on the units sold"),
    "volume": N_("more or fewer units, ex stock-outs"),
    "mix": N_("cheaper or dearer ASINs sold"),
    "oos": N_("units lost to stock-outs (estimate)"),
    "terms": N_("back-end terms (contra-COGS)"),
    "chargebacks": N_("chargebacks and shortage claims"),
}


def t(key: str, lang: str, **kw) -> str:
    return texts(lang)(TEXT[key], **kw)


def step_name(step: str, lang: str) -> str:
    return texts(lang)(STEP_NAMES[step])


def _key_numbers(b, lang: str, cur: str) -> str:
    rows = [[t("net", lang), c.money(b.start, cur, lang, 0), c.money(b.end, cur, lang, 0),
             c.money(b.end - b.start, cur, lang, 0, signed=True)],
            [t("gross", lang), c.money(b.gross_start, cur, lang, 0), c.money(b.gross_end, cur, lang, 0),
             c.money(b.gross_end - b.gross_start, cur, lang, 0, signed=True)],
            [t("units", lang), c.number(b.units_start, lang), c.number(b.units_end, lang),
             c.number(b.units_end - b.units_start, lang, signed=True)],
            [t("ppm", lang), c.percent(b.ppm_start, lang), c.percent(b.ppm_end, lang),
             c.points(b.ppm_end - b.ppm_start, lang)]]
    return f"<h2>{t('key', lang)}</h2>" + c.table(["", t("before", lang), t("after", lang), t("change", lang)], rows,
                                                   {1, 2, 3}, [40, 19, 19, 22])


def _bridge(b, lang: str, cur: str, has_chart: bool) -> str:
    html = f"<h2>{t('bridge', lang)}</h2>"
    if has_chart:
        html += f"<p align='center'><img src='{BRIDGE_URL}' width='{IMAGE_WIDTH}'/></p>"
    rows = [[step_name(s, lang), c.money(b.steps[s], cur, lang, 0, signed=True), texts(lang)(STEP_MEANING[s])]
            for s in STEPS]
    return html + c.table([t("step", lang), t("eur", lang), t("share", lang)], rows, {1}, [30, 20, 50])


def bridge_sentences(b, lang: str, cur: str) -> list[str]:
    """The bridge in words, with the very figures of the table (same formatter, same rounding)."""
    money = lambda v, signed=True: c.money(v, cur, lang, 0, signed=signed)
    delta = b.end - b.start
    key = "flat" if abs(delta) < 0.5 else "rose" if delta > 0 else "fell"
    out = [t(key, lang, a=money(b.start, False), b=money(b.end, False), d=money(abs(delta), False))]
    down = sorted((s for s in STEPS if b.steps[s] <= -0.5), key=lambda s: b.steps[s])
    up = sorted((s for s in STEPS if b.steps[s] >= 0.5), key=lambda s: -b.steps[s])
    if down:
        out.append(t("cost_us", lang, items=", ".join(f"{step_name(s, lang)} {money(b.steps[s])}" for s in down)))
    if up:
        out.append(t("for_us", lang, items=", ".join(f"{step_name(s, lang)} {money(b.steps[s])}" for s in up)))
    if abs(sum(b.steps[s] for s in STEPS) - delta) < 1.0:
        out.append(t("adds_up", lang, d=money(delta)))
    return out


def _drivers(b, explanation, lang: str, cur: str) -> str:
    ranked = sorted(STEPS, key=lambda s: -abs(b.steps[s]))[:3]
    items = [f"<li><b>{step_name(s, lang)}</b>: {c.money(b.steps[s], cur, lang, 0, signed=True)} "
             f"({texts(lang)(STEP_MEANING[s])})</li>" for s in ranked if abs(b.steps[s]) >= 1]
    html = f"<p>{c.esc(' '.join(bridge_sentences(b, lang, cur)))}</p>"
    html += f"<h2>{t('drivers', lang)}</h2><ul>{''.join(items)}</ul>"
    if explanation is not None and explanation.sentences:
        html += f"<p>{c.esc(explanation.text)}</p>"
    return html


def _asins(b, lang: str, cur: str, products: dict) -> str:
    """The ASINs that moved sell-in most, each named by title and brand."""
    html = ""
    if b.drivers is not None and len(b.drivers):
        rows = []
        for asin, r in b.drivers.head(8).iterrows():
            title, brand = products.get(asin, ("", ""))
            title = _short_title(title or "", brand or "")
            rows.append([c.esc(asin), c.esc(title) or "–", c.esc(brand) or "–", c.money(r["cogs_a"], cur, lang, 0),
                         c.money(r["cogs_b"], cur, lang, 0), c.money(r["delta"], cur, lang, 0, signed=True),
                         f"{c.percent(r['oos_a'], lang, 0)} → {c.percent(r['oos_b'], lang, 0)}"])
        heads = ["ASIN", t("product", lang), t("brand", lang), t("before", lang), t("after", lang), t("change", lang),
                 "OOS"]
        html += f"<h3>{t('asins', lang)}</h3>" + c.table(heads, rows, {3, 4, 5}, [12, 30, 16, 10, 10, 11, 11])
    return html


def _short_title(title: str, brand: str, most: int = 32) -> str:
    """The title on one line of its column: without the brand it starts with (the next column
    names it), ended with "…" past ``most`` characters."""
    if brand and title.startswith(brand + " "):
        title = title[len(brand) + 1:]
    return title if len(title) <= most else title[:most - 1].rstrip(" ,") + "…"


ASIN_RE = re.compile(r"\b(B0[A-Z0-9]{8})\b")


def named(text: str, products: dict) -> str:
    """Each ASIN code in ``text`` followed by its brand and a short title: B0.. (Brand Title…)."""
    def name(match) -> str:
        title, brand = products.get(match.group(1), ("", ""))
        short = " ".join((title or "").split()[:4]).rstrip(" ,;")
        label = " ".join(x for x in (brand if brand and not short.startswith(brand) else "", short) if x)
        return f"{match.group(1)} ({label})" if label else match.group(1)
    return ASIN_RE.sub(name, text)


def _chains(chains, lang: str, products: dict | None = None) -> str:
    products = products or {}
    active = [ch for ch in chains if ch.active]
    html = f"<h2 style='page-break-before: always'>{t('chains', lang)}</h2>"
    if not active:
        html += f"<p>{t('none_active', lang)}</p>"
    for ch in active:
        html += f"<p><b>{c.esc(ch.id)} {c.esc(ch.name)}.</b> {c.esc(named(ch.sentence, products))}</p>"
    quiet = [f"{ch.id} {ch.name}" for ch in chains if not ch.active]
    if quiet:
        html += f"<p class='muted'>{c.esc(t('quiet', lang, names=', '.join(quiet)))}</p>"
    return html


def _target(view, lang: str, cur: str, has_chart: bool) -> str:
    html = f"<h2>{t('target', lang, y=view.year)}</h2>"
    if view.target <= 0:
        return html + f"<p>{t('no_target', lang)}</p>"
    gap = view.gap
    word = t("missing", lang) if gap > 0 else t("ahead", lang)
    cells = [(t("t_target", lang), c.money(view.target, cur, lang, 0)), (t("t_ytd", lang), c.money(view.ytd, cur, lang, 0)),
             (t("t_proj", lang), c.money(view.projection, cur, lang, 0)),
             (t("t_land", lang), c.money(view.landing, cur, lang, 0)),
             (t("t_gap", lang), f"<span class='{'risk' if gap > 0 else 'ok'}'>{c.money(abs(gap), cur, lang, 0)}</span>")]
    row = "".join(f"<td width='20%' align='center'><span class='label'>{k}</span><br/>"
                  f"<b style='font-size: 8.5pt; color: #0d3b66; white-space: nowrap'>{v}</b>"
                  f"{'<br/><span class=label>' + word + '</span>' if i == 4 else ''}</td>" for i, (k, v) in enumerate(cells))
    html += f"<table class='key' width='100%' border='0' cellspacing='3' cellpadding='5'><tr>{row}</tr></table>"
    if has_chart:
        html += f"<p align='center'><img src='{TARGET_URL}' width='{IMAGE_WIDTH}'/></p>"   # legend in the image
    if view.levers:
        html += f"<h3>{t('levers', lang)}</h3><ul>" + "".join(f"<li>{c.esc(lv.sentence)}</li>" for lv in view.levers) + "</ul>"
    return html


def _ppm_bridge(b, lang: str) -> str:
    heads = [t("before", lang)] + [step_name(s, lang) for s in PPM_STEPS] + [t("after", lang)]
    row = ([c.percent(b.ppm_start, lang)] + [c.points(b.ppm_steps.get(s, 0.0), lang, 2) for s in PPM_STEPS]
           + [c.percent(b.ppm_end, lang)])
    return f"<h3>{t('ppm_bridge', lang)}</h3>" + c.table(heads, [row], set(range(len(heads))), nowrap=())


def build_html(data: dict, lang: str = "de", charts: set[str] | None = None, today: dt.date | None = None) -> str:
    """``data``: account, currency, bridge, explanation, chains, target (see ui.influence_data.load_all)."""
    charts = charts or set()
    title = t("title", lang)
    head = f"<h1>{c.esc(title)}</h1><p class='sub'>{c.esc(data.get('account', ''))}"
    bridge = data.get("bridge")
    if not data.get("has_data"):
        return c.document(title, head + f"</p><p>{t('no_data', lang)}</p>", lang)
    if bridge is None or bridge.empty:
        return c.document(title, head + f"</p><p>{t('no_compare', lang)}</p>", lang)
    (a0, a1), (b0, b1) = bridge.periods
    made = t("made", lang, d=c.date(today or dt.date.today(), lang))   # the day it was printed, not a figure's date
    head += f" · {t('period', lang, b=weeks_label(b0, b1, lang), a=weeks_label(a0, a1, lang))}</p>"
    # b1 starts the last week (Sunday): the period ends on its Saturday, not a week short
    last_day = dt.date.fromisoformat(str(b1)[:10]) + dt.timedelta(days=6)
    head += f"<p class='muted'>{c.date(b0, lang)} – {c.date(last_day, lang)} · {made}</p>"
    cur = data.get("currency", "EUR")
    body = head + _key_numbers(bridge, lang, cur) + _bridge(bridge, lang, cur, BRIDGE_URL in charts)
    body += _drivers(bridge, data.get("explanation"), lang, cur) + _ppm_bridge(bridge, lang)
    body += _chains(data.get("chains", []), lang, data.get("products")) + _asins(bridge, lang, cur, data.get("products") or {})
    if data.get("target") is not None:
        body += _target(data["target"], lang, cur, TARGET_URL in charts)
    # a run-in heading: a heading of its own was left alone at the foot of page 2
    body += f"<p class='muted' style='margin-top: 10px'><b>{t('method', lang)}.</b> {t('method_text', lang)}</p>"
    return c.document(title, body, lang)
