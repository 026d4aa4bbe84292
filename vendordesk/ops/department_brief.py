"""Read what a department brief needs from the workspace: the department, its delegated tasks,
and the figures behind "what we need from you" (expected Amazon orders and weeks at risk from
the forecast plan, open chargebacks). Used by ``vendordesk brief department`` and the tickets tab.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from vendordesk.core.tickets import department_name
from vendordesk.errors import UserError
from vendordesk.text import N_, Listing, texts

if TYPE_CHECKING:
    from vendordesk.core.forecast.plan import ForecastPlan
    from vendordesk.store.db import Workspace

NEEDS = ("logistics", "production", "marketing", "finance")   # departments with figures of their own
FORECAST = ("logistics", "production", "marketing")            # ... taken from the forecast plan


def find_department(ws: Workspace, name: str) -> dict[str, Any]:
    """The department whose id or German/English name is ``name`` (case-insensitive)."""
    from vendordesk.store.tickets import departments

    deps = departments(ws)
    key = name.strip().casefold()
    for dep in deps:
        if key in (dep["id"].casefold(), (dep["name_de"] or "").casefold(), (dep["name_en"] or "").casefold()):
            return dep
    raise UserError(N_("department {name}: not known in this workspace. Use one of: {known}."), name=repr(name),
                    known=Listing((_Named(d) for d in deps), "or"))


class _Named(str):
    """A department as a refusal lists it: its stored name in the reader's language ("Logistik")."""

    department: dict[str, Any]

    def __new__(cls, department: dict[str, Any]) -> _Named:
        self = super().__new__(cls, department_name(department, "en"))
        self.department = department
        return self

    def text(self, lang: str | None) -> str:
        return department_name(self.department, lang or "en")


def forecast_plan(ws: Workspace) -> ForecastPlan | None:
    """The forecast plan without backtest (expected orders, weeks at risk); None without sales."""
    from vendordesk.core.forecast.plan import build_plan
    from vendordesk.store.lean_query import release_freed_memory
    from vendordesk.store.supply import load_forecast_inputs

    # the facts and Amazon's forecasts are not kept in the process cache beside the plan (the brief
    # reads them once; kept, they stacked on the plan's own panel at 5,000 ASINs x 156 weeks)
    inputs = load_forecast_inputs(ws, keep=False)
    if inputs.get("weekly") is None or inputs["weekly"].empty:
        return None
    # nothing here reads Amazon's week ends, the divergence or the drift; the plan drops the facts
    # once its panel is made and hands the freed heap back after each step (5,000 ASINs x 156
    # weeks: 672 -> 583 MB peak for the logistics brief)
    inputs["amazon"] = inputs["amazon"].drop(columns=["week_end"], errors="ignore")
    return build_plan(inputs, backtest=False, compare=False, lean=True, release=release_freed_memory)


def needs_for(ws: Workspace, dep_id: str, lang: str, today: dt.date, plan: ForecastPlan | None = None) -> list[str]:
    """The sentences with numbers for one department; [] when it has none or the data is missing."""
    from vendordesk.briefs import department_needs as dn

    currency = ws.meta("currency") or "EUR"
    if dep_id == "finance":
        from vendordesk.store.tickets import chargebacks_frame

        return dn.finance_needs(chargebacks_frame(ws), today, lang, currency)
    if dep_id not in NEEDS:
        return []
    plan = plan if plan is not None else forecast_plan(ws)
    if plan is None:
        return []
    if dep_id == "logistics":
        return dn.logistics_needs(plan.orders, lang)
    if dep_id == "production":
        return dn.production_needs(plan.orders, plan.risks, plan.titles, lang, currency)
    return dn.marketing_needs(plan.risks, plan.titles, lang, currency)


def department_html(ws: Workspace, name: str, lang: str = "de", today: dt.date | None = None) -> tuple[str, str]:
    """(html, title) of one department's brief: what we need, by when, why in numbers, and its tasks."""
    from vendordesk.briefs.department import department_brief
    from vendordesk.core.tickets import department_name
    from vendordesk.ops.ticket_records import log_today
    from vendordesk.store.tickets import tasks_frame

    dep = find_department(ws, name)
    today = today or log_today(ws)      # the tab's today: the data's date in the demo
    label = department_name(dep, lang)   # the department's stored name per language
    frame = tasks_frame(ws)
    rows = frame[frame["department_id"] == dep["id"]].to_dict("records") if frame is not None and len(frame) else []
    needs = {label: needs_for(ws, dep["id"], lang, today)}
    account = ws.meta("account_name") or ws.name
    forecast = {label} if dep["id"] in FORECAST else set()
    html = department_brief([(label, rows)], today, account, lang, needs=needs, forecast=forecast)
    return html, texts(lang)("Tasks for {name}", name=label)


def needs_by_name(ws: Workspace, groups: list[tuple[str, str]], lang: str,
                  today: dt.date) -> tuple[dict[str, list[str]], set[str]]:
    """For [(department id, shown name)]: ({name: sentences}, names whose sentences use the forecast);
    the forecast plan is built once."""
    plan = forecast_plan(ws) if any(dep in FORECAST for dep, _ in groups) else None
    needs = {name: needs_for(ws, dep, lang, today, plan) if plan is not None or dep not in FORECAST else []
             for dep, name in groups}
    return needs, {name for dep, name in groups if dep in FORECAST}
