"""Sentences of the Forecast tab (accuracy told honestly, risk, orders) and the supply recompute."""

from __future__ import annotations

import math
import re
from numbers import Integral
from typing import cast

from PySide6.QtCore import QCoreApplication, QObject

from vendordesk.ui import fmt


def _t(text: str) -> str:
    return QCoreApplication.translate("ForecastTexts", text)


def _fill(text: str, *values) -> str:
    """%1, %2 … replaced; a whole number (a count of weeks or ASINs) with the locale's grouping
    ("1.093 Risikowochen", not "1093"), a figure below zero with "−" ("Bias −4 %", not "-4 %")."""
    for i, value in enumerate(values, start=1):
        shown = fmt.number(int(value)) if isinstance(value, Integral) and not isinstance(value, bool) else str(value)
        text = text.replace(f"%{i}", re.sub(r"^-(?=\d)", "−", shown))
    return text


class ForecastCounts(QObject):
    """Sentences with a count in them, in the catalogue's singular or plural form ("1 ASIN has",
    "2 ASINs have"; %Ln with the locale's grouping). A QObject so that lupdate sees tr("%Ln …", "", n)
    as a numerus message, which a module-level translate() call is not."""

    def sentence(self, key: str, n: int) -> str:
        forms = {
            "differ_total": lambda: self.tr("%Ln ASIN(s) differ by more than %1.", "", n),
            "spiral": lambda: self.tr("On %Ln ASIN(s) Amazon cut its forecast after OOS weeks (OOS spiral).", "", n),
            "asins": lambda: self.tr("%Ln ASIN(s).", "", n),
            "beat": lambda: self.tr("Ours beat seasonal naive on %1 of %Ln backtested ASIN(s).", "", n),
            "risky": lambda: self.tr("%Ln ASIN(s) have weeks at out-of-stock risk in the next %1 weeks;", "", n),
            "differ": lambda: self.tr("%Ln ASIN(s) differ from Amazon by more than %1.", "", n),
            "near": lambda: self.tr("%Ln ASIN(s) at risk in the next %1 weeks.", "", n),
            "over_all": lambda: self.tr("Over all %1 forecast weeks: %Ln week(s) at risk", "", n),
            "on_asins": lambda: self.tr("on %Ln ASIN(s);", "", n),
        }
        return forms[key]()


_COUNTS: list[ForecastCounts] = []


def _counted(key: str, count: int) -> str:
    if not _COUNTS:
        _COUNTS.append(ForecastCounts())
    return _COUNTS[0].sentence(key, int(count))


def _ok(value) -> bool:
    return value is not None and not (isinstance(value, float) and math.isnan(value))


def _gap(row: dict) -> str:
    gap = row.get("mase_gap")
    return gap if isinstance(gap, str) else ""


def mase_text(row: dict, key: str) -> str:
    """A MASE ("0,87"), or "–" with a short why ("– (keine Verkäufe davor)", backtest.mase_gaps)."""
    if _ok(row.get(key)):
        return fmt.number(row.get(key), 2)
    short = {"no_history": _t("no sales before"), "too_short": _t("no two weeks in a row"),
             "flat": _t("no change from week to week")}.get(_gap(row))
    return f"{fmt.DASH} ({short})" if short else fmt.DASH


def mase_tip(row: dict) -> str:
    """Why the MASE is missing, in a sentence ("" when it is there)."""
    if _ok(row.get("ours_mase")):
        return ""
    why = {"no_history": _t("there were no sales before the hidden weeks"),
           "too_short": _t("before the hidden weeks there were no two weeks of sales in a row"),
           "flat": _t("before the hidden weeks the sales did not change from week to week")}.get(_gap(row))
    return _fill(_t("No MASE: it divides the forecast error by the average change from one week to the next "
                    "before the hidden weeks, and %1."), why) if why else ""


def accuracy_text(_w, row: dict, holdout) -> str:
    """One ASIN's backtest: ours vs seasonal naive vs Amazon, saying plainly who was better."""
    if not row or not _ok(row.get("ours_mase")) and not _ok(row.get("ours_wape")):
        return _t("No backtest for this ASIN: its history is too short or had no sales in the hidden weeks.")
    lines = [_fill(_t("<b>Backtest</b> (last %1 weeks hidden, then forecast):"), holdout)]
    lines.append(_fill(_t("Ours: WAPE %1, MASE %2, bias %3"), fmt.percent(row.get("ours_wape"), 0),
                       mase_text(row, "ours_mase"), fmt.percent(row.get("ours_bias"), 0)))
    lines.append(_fill(_t("Seasonal naive: WAPE %1, MASE %2"), fmt.percent(row.get("seasonal_naive_wape"), 0),
                       mase_text(row, "seasonal_naive_mase")))
    if _ok(row.get("amazon_wape")) or _ok(row.get("amazon_mase")):
        lines.append(_fill(_t("<b>Against Amazon</b>, the %1 weeks since its forecast of %2:"),
                           fmt.number(row.get("amazon_weeks")), fmt.date(row.get("amazon_generation"))))
        lines.append(_fill(_t("Ours: WAPE %1, bias %2 · Amazon: WAPE %3, bias %4"),
                           fmt.percent(row.get("vs_amazon_ours_wape"), 0), fmt.percent(row.get("vs_amazon_ours_bias"), 0),
                           fmt.percent(row.get("amazon_wape"), 0), fmt.percent(row.get("amazon_bias"), 0)))
    else:
        lines.append(_t("Amazon: no imported forecast old enough to score against sales."))
    lines.append(better_text(row))
    ours, naive = row.get("ours_mase"), row.get("seasonal_naive_mase")
    if _ok(ours) and _ok(naive):
        verdict = _t("Ours was better than seasonal naive.") if cast(float, ours) < cast(float, naive) else _t(
            "<span style='color:#c62828'>Seasonal naive was better for this ASIN.</span>")
        lines.append(verdict)
    return "<br>".join(lines)


def better_text(row: dict) -> str:
    """Whose forecast has been better per horizon, and which one the P50 uses."""
    from vendordesk.core.forecast.calib import BUCKETS

    runs: list[list] = []            # [first week, last week, winner]; neighbours with one winner join
    previous = ""
    for j, (lo, hi) in enumerate(BUCKETS):
        who = row.get(f"better_{j}") or ""
        if who and who == previous:
            runs[-1][1] = hi
        elif who:
            runs.append([lo, hi, who])
        previous = who
    parts = [_fill(_t("wk %1–%2: %3"), lo, hi, _t("Amazon's") if who == "amazon" else _t("ours"))
             for lo, hi, who in runs]
    if not parts:
        return ""
    used = {"ours": _t("ours"), "amazon": _t("Amazon's"), "combined": _t("ours and Amazon's combined")}
    text = _fill(_t("Better so far: %1. Used: %2."), ", ".join(parts), used.get(row.get("source") or "ours"))
    if "amazon" in [row.get(f"better_{j}") for j in range(len(BUCKETS))] and row.get("source") == "combined":
        text += " " + _t("Where Amazon's was better, the combination leans on it.")
    return text


def backtest_text(_w, doc: dict, versus: dict | None = None) -> str:
    total = doc.get("total") or {}
    ours, naive, cov = total.get("ours") or {}, total.get("seasonal_naive") or {}, total.get("coverage") or {}
    if not ours.get("mase"):
        return _t("Forecast ready. Not enough history for a backtest.")
    gain = 1 - ours["mase"] / naive["mase"] if naive.get("mase") else None
    text = _fill(_t("Backtest on the last %1 weeks: mean MASE ours %2, seasonal naive %3 (%4 better); "
                    "P70/P80/P90 coverage %5 / %6 / %7"), doc.get("holdout"), fmt.number(ours["mase"], 2),
                 fmt.number(naive.get("mase"), 2), fmt.percent(gain, 0), fmt.percent(cov.get("p70"), 0),
                 fmt.percent(cov.get("p80"), 0), fmt.percent(cov.get("p90"), 0))
    vtotal = (versus or {}).get("total") or {}
    amazon = vtotal.get("amazon") or {}
    if amazon.get("wape") is not None:
        text += _fill(_t("<br>Same %1 weeks as Amazon's oldest imported forecast: WAPE ours %2, Amazon %3 (%4 ASINs)"),
                      cast(dict, versus).get("holdout"), fmt.percent((vtotal.get("ours") or {}).get("wape"), 0),
                      fmt.percent(amazon["wape"], 0), amazon.get("asins"))
    return text


def divergence_text(_w, plan) -> str:
    div = plan.divergence
    if div.empty:
        return _t("No Amazon forecast covers our forecast weeks: import Amazon's Forecast report.")
    total = div[div["asin"] == "TOTAL"].iloc[0]
    from vendordesk.core.forecast.amazon import spirals

    flagged = int((div[div["asin"] != "TOTAL"]["flag"] != "").sum())
    spiral = len(spirals(plan.drift))
    return " ".join((
        _fill(_t("Next 13 weeks in total: ours %1 units, Amazon %2 (%3)."), fmt.number(total["ours"]),
              fmt.number(total["amazon"]), fmt.percent(total["diff_pct"], 0)),
        _fill(_counted("differ_total", flagged), fmt.percent(0.25, 0)),
        _fill(_counted("spiral", spiral))))


def overview_text(_w, overview, horizon: int) -> str:
    """One line over the all-ASINs table; ``horizon`` is the forecast's number of weeks (the risk
    weeks are counted in them)."""
    both = overview.dropna(subset=["ours_mase", "seasonal_naive_mase"])
    better = int((both["ours_mase"] < both["seasonal_naive_mase"]).sum())
    risky = overview[overview["risk_weeks"] > 0]
    return " ".join((
        _fill(_counted("asins", len(overview))),
        _fill(_counted("beat", len(both)), better),
        _fill(_counted("risky", len(risky)), horizon),
        _fill(_counted("differ", int((overview["divergence"] != "").sum())), fmt.percent(0.25, 0)),
        _t("Double-click a row to open its chart.")))


def risk_text(_w, plan, currency: str) -> str:
    risks = plan.risks
    if risks.empty:
        return _t("No out-of-stock risk: projected Amazon stock covers P80 and P90 demand in every week.")
    from vendordesk.core.forecast.supply import RISK_HORIZON_WEEKS, at_risk_asins

    near = len(at_risk_asins(risks, plan.result.weeks))
    return " ".join((
        _fill(_counted("near", near), RISK_HORIZON_WEEKS),
        _fill(_counted("over_all", len(risks)), len(plan.result.weeks)),
        _counted("on_asins", int(risks["asin"].nunique())),
        _fill(_t("%1 at risk (units short of P90 demand × unit value). "
                 "Enter capacity and own stock on the ASIN page to sharpen this."),
              fmt.money(risks["eur_at_risk"].sum(), currency, 0))))


def orders_text(_w, plan) -> str:
    orders = plan.orders
    if orders.empty:
        return _t("No orders expected.")
    head = orders.head(4)
    return _fill(_t("Expected Amazon orders in the next 4 weeks: %1 units (of which %2 on open POs). "
                    "Rule: forecast over lead time + 1 review week + P80 safety − (Amazon stock + open POs)."),
                 fmt.number(head["total"].sum()), fmt.number(head["open_po"].sum()))


def orders_brief(_w, plan, currency: str) -> str:
    from vendordesk.briefs.orders import orders_html

    text = {"title": _t("Orders coming"), "subtitle": _fill(_t("Expected Amazon purchase orders per week, as of %1"),
                                                             fmt.date(plan.result.weeks[0] if plan.result.weeks else "")),
            "week": _t("Week"), "expected": _t("Expected new orders"), "open_po": _t("Open PO units due"),
            "total": _t("Total units"), "value": _t("Value"), "asins": _t("ASINs ordering"),
            "risks_title": _t("ASINs at out-of-stock risk over the whole forecast"), "asin": _t("ASIN"), "short": _t("Units short (P90)"),
            "first_week": _t("First week at risk"), "weeks": _t("Weeks at risk"),
            "at_risk": _t("At risk"), "none": _t("None."),
            "note": _t("Expected order = forecast over lead time + 1 week + P80 safety − (Amazon stock + open POs),"
                       " with Amazon's own forecast where imported, else ours. An estimate, not Amazon's commitment.")}
    return orders_html(plan.orders, plan.risks, text, lambda v: fmt.number(v), lambda v: fmt.money(v, currency, 0),
                       fmt.date)


def recompute_supply(tab, index):
    """Supply changed: redo projection, risks and orders on the GUI thread; returns a new PlanIndex."""
    from dataclasses import replace

    from vendordesk.core.forecast import supply as fs
    from vendordesk.core.forecast.plan import supply_inputs
    from vendordesk.ops.forecast_plan import supply_tables
    from vendordesk.ui.forecast.data import PlanIndex

    tab.inputs["supply"], tab.inputs["capacity_plan"] = supply_tables(tab.ctx.workspace)
    plan = index.plan
    sup = supply_inputs(plan.result, tab.inputs)
    sup.amazon_q = plan.amazon_q                     # orders follow Amazon's forecast, as in build_plan
    projection = fs.projection_frame(plan.result.asins, plan.result.weeks, sup, fs.project(sup))
    values = tab.inputs.get("values")
    value_map = values.set_index("asin")["unit_value"] if values is not None and len(values) else None
    plan = replace(plan, projection=projection, risks=fs.risk_weeks(projection),
                   orders=fs.orders_coming(projection, value_map))
    tab.index = PlanIndex(plan, amazon_from=index)
    return tab.index
