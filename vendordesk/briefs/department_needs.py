"""What we need from a department and why, in numbers (no Qt, no store).

Each function takes frames the caller read (the forecast plan's expected Amazon orders and
weeks at risk, the chargebacks) and returns sentences in the brief's language. Nothing is
invented: without data a department gets no figure, only its tasks.

Definitions (one each):
- *Units ordered in a week* = expected new Amazon POs (``expected_order``, from Amazon's own
  forecast where imported, see core.forecast.supply) + open PO units due that week (``open_po``).
- *Change to the week before* = units this week / units the week before − 1, both forecast weeks.
- *Short units* = the P90 shortfall of a week at risk, summed per ASIN (briefs.orders.risk_by_asin).
"""

from __future__ import annotations

import datetime as dt

import pandas as pd

from vendordesk.briefs import common as c
from vendordesk.text import texts


def week_no(week_start: str) -> int:
    """The calendar week (KW) of an Amazon week that starts on Sunday ``week_start``."""
    return (dt.date.fromisoformat(str(week_start)[:10]) + dt.timedelta(days=1)).isocalendar().week


def weekly_orders(orders: pd.DataFrame, weeks: int = 6) -> pd.DataFrame:
    """The next ``weeks`` forecast weeks: week_start, kw, expected_order, open_po, total, change."""
    if orders is None or orders.empty:
        return pd.DataFrame(columns=["week_start", "kw", "expected_order", "open_po", "total", "change"])
    head = orders.sort_values("week_start").head(weeks + 1).reset_index(drop=True)
    head["change"] = head["total"] / head["total"].shift(1) - 1.0
    head.loc[head["total"].shift(1).fillna(0) <= 0, "change"] = float("nan")
    head["kw"] = [week_no(w) for w in head["week_start"]]
    return head.iloc[1:].reset_index(drop=True) if len(head) > 1 else head


def logistics_needs(orders: pd.DataFrame, lang: str) -> list[str]:
    _ = texts(lang)
    table = weekly_orders(orders)
    if table.empty:
        return []
    out = []
    for row in table.head(2).itertuples():
        due = c.date(row.week_start, lang)
        if c.missing(row.change):
            out.append(_("For week {kw} (from {d}) we expect Amazon orders of {u} units "
                         "({new} new POs + {open} open PO units).", kw=row.kw, d=due, u=c.number(row.total, lang),
                         new=c.number(row.expected_order, lang), open=c.number(row.open_po, lang)))
        else:
            out.append(_("For week {kw} (from {d}) we expect Amazon orders of {u} units, {p} on the week before "
                         "({new} new POs + {open} open PO units).", kw=row.kw, d=due, u=c.number(row.total, lang),
                         p=c.percent(row.change, lang, 0, signed=True), new=c.number(row.expected_order, lang),
                         open=c.number(row.open_po, lang)))
    peak = table.iloc[int(table["total"].to_numpy().argmax())]    # the first week with the most units
    if peak["kw"] not in set(table.head(2)["kw"]):
        out.append(_("The peak of the next weeks is week {kw} with {u} units: book carrier slots and staff early.",
                     kw=int(peak["kw"]), u=c.number(peak["total"], lang)))
    return out


def production_needs(orders: pd.DataFrame, risks: pd.DataFrame, titles: dict, lang: str,
                     currency: str = "EUR") -> list[str]:
    _ = texts(lang)
    out = []
    table = weekly_orders(orders, weeks=4)
    if not table.empty:
        first, last = table.iloc[0], table.iloc[-1]
        out.append(_("Weeks {a}–{b}: Amazon is expected to order {u} units in total; produce and stock for this.",
                     a=int(first["kw"]), b=int(last["kw"]), u=c.number(table["total"].sum(), lang)))
    out += _short_asins(risks, titles, lang, currency, "production")
    return out


def marketing_needs(risks: pd.DataFrame, titles: dict, lang: str, currency: str = "EUR") -> list[str]:
    return _short_asins(risks, titles, lang, currency, "marketing")


def short_title(name: str, limit: int = 48) -> str:
    """A product title cut to about ``limit`` characters at a word ("Kontaktgrill 1600 W …", not
    "Kontaktgrill 1600 W, a…")."""
    if len(name) <= limit:
        return name
    cut = name[:limit - 1]
    if " " in cut[limit // 2:]:
        cut = cut[:cut.rindex(" ")]
    return cut.rstrip(" ,;–-") + " …"


def _short_asins(risks: pd.DataFrame, titles: dict, lang: str, currency: str, kind: str) -> list[str]:
    from vendordesk.briefs.orders import risk_by_asin

    _ = texts(lang)
    if risks is None or risks.empty:
        return []
    per = risk_by_asin(risks).head(5)
    out = []
    for r in per.itertuples():
        name = titles.get(r.asin) or ""
        name = short_title(name)
        values = {"asin": r.asin, "name": name, "kw": week_no(str(r.first_week)), "d": c.date(r.first_week, lang),
                  "u": c.number(r.short_p90, lang), "eur": c.money(r.eur_at_risk, currency, lang, 0)}
        if kind == "production":
            out.append(_("{asin} {name}: {u} units short from week {kw} ({d}, P90), {eur} of orders at risk: "
                         "bring production forward.", **values))
        else:
            out.append(_("{asin} {name}: out of stock expected from week {kw} ({d}; {u} units short, P90): pause "
                         "advertising and deals on it and move the budget to available models.", **values))
    return out


def finance_needs(chargebacks: pd.DataFrame, today: dt.date, lang: str, currency: str = "EUR") -> list[str]:
    _ = texts(lang)
    if chargebacks is None or chargebacks.empty:
        return []
    frame = chargebacks[chargebacks["dispute_status"].fillna("open").isin(["open", "disputed"])]
    frame = frame[frame["dispute_due"].notna() & (frame["dispute_due"] >= today.isoformat())]
    if frame.empty:
        return []
    soon = frame[frame["dispute_due"] <= (today + dt.timedelta(days=30)).isoformat()]
    first = frame["dispute_due"].min()
    out = [_("{n} open chargebacks and shortage claims worth {eur} can still be disputed; the first deadline is "
             "{d}.", n=len(frame), eur=c.money(frame["amount"].sum(), currency, lang, 0), d=c.date(first, lang))]
    if len(soon):
        out.append(_("{n} of them ({eur}) fall due within 30 days, by {d}: check the proofs of delivery now.",
                     n=len(soon), eur=c.money(soon["amount"].sum(), currency, lang, 0),
                     d=c.date(soon["dispute_due"].max(), lang)))
    return out
