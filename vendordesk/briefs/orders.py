"""The printable "orders coming" brief for logistics and production (HTML, no Qt).

Callers pass the orders frame (week_start, expected_order, open_po, total, value, asins) from
``core.forecast_supply.orders_coming``, the risk weeks, and formatters/labels in the user's
language (the brief itself holds no UI strings of its own beyond what it is given).
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape

import pandas as pd

STYLE = ("body{font-family:sans-serif;font-size:9pt;color:#222} h1{font-size:15pt;margin:0 0 4px 0}"
         " .sub{color:#555;margin-bottom:10px} table{border-collapse:collapse;width:100%;margin-top:6px}"
         " th{background:#eceff1;text-align:left;padding:3px 5px;border-bottom:1px solid #90a4ae}"
         " td{padding:3px 5px;border-bottom:1px solid #e0e0e0} td.n{text-align:right}"
         " h2{font-size:11pt;margin:14px 0 2px 0} .note{color:#555;font-size:8pt;margin-top:10px}")


def _table(headers: list[str], rows: list[list[str]], numeric: set[int]) -> str:
    head = "".join(f'<th align="right">{escape(h)}</th>' if j in numeric else f"<th>{escape(h)}</th>"
                   for j, h in enumerate(headers))
    body = "".join("<tr>" + "".join(f'<td align="right" style="white-space:nowrap">{escape(c)}</td>' if j in numeric else f"<td>{escape(c)}</td>"
                                    for j, c in enumerate(row)) + "</tr>" for row in rows)
    # <thead>: Qt repeats the header row at the top of every page the table runs onto
    return f'<table width="100%" cellspacing="0" cellpadding="3"><thead><tr>{head}</tr></thead>{body}</table>'


def risk_by_asin(risks: pd.DataFrame) -> pd.DataFrame:
    """Weeks at risk summed per ASIN: asin, first_week, weeks, short_p90, eur_at_risk (biggest first)."""
    per = risks.groupby("asin", as_index=False).agg(first_week=("week_start", "min"), weeks=("week_start", "count"),
                                                   short_p90=("short_p90", "sum"), eur_at_risk=("eur_at_risk", lambda v: v.sum(min_count=1)))
    return per.sort_values("eur_at_risk", ascending=False).reset_index(drop=True)


def orders_html(orders: pd.DataFrame, risks: pd.DataFrame, text: dict[str, str],
                number: Callable[[float], str], money: Callable[[float], str], date: Callable[[str], str]) -> str:
    """The brief as HTML.

    Args:
        orders: expected orders per week. risks: weeks at risk (asin, week_start, short_p90, eur_at_risk).
        text: labels: title, subtitle, week, expected, open_po, total, value, asins, risks_title,
            asin, first_week, weeks, short, at_risk, none, note.
        number/money/date: locale formatters.
    """
    rows = [[date(r.week_start), number(r.expected_order), number(r.open_po), number(r.total), money(r.value),
             str(int(r.asins))] for r in orders.itertuples()]
    parts = [f"<html><head><style>{STYLE}</style></head><body>",
             f"<h1>{escape(text['title'])}</h1><div class='sub'>{escape(text['subtitle'])}</div>"]
    headers = [text["week"], text["expected"], text["open_po"], text["total"], text["value"], text["asins"]]
    parts.append(_table(headers, rows, {1, 2, 3, 4, 5}) if rows else f"<p>{escape(text['none'])}</p>")
    parts.append(f"<h2>{escape(text['risks_title'])}</h2>")
    if risks is not None and len(risks):
        per = risk_by_asin(risks).head(25)
        risk_rows = [[r.asin, date(r.first_week), str(int(r.weeks)), number(r.short_p90), money(r.eur_at_risk)]
                     for r in per.itertuples()]
        parts.append(_table([text["asin"], text["first_week"], text["weeks"], text["short"], text["at_risk"]],
                            risk_rows, {2, 3, 4}))
    else:
        parts.append(f"<p>{escape(text['none'])}</p>")
    parts.append(f"<div class='note'>{escape(text['note'])}</div></body></html>")
    return "".join(parts)
