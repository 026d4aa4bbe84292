"""Display helpers for gear KPIs: values by unit, status words and colours."""

from __future__ import annotations

import math

from PySide6.QtCore import QCoreApplication

from vendordesk.ui import fmt

STATUS_COLORS = {"green": "#2e7d32", "amber": "#ef8f00", "red": "#c62828", "no-data": "#90a4ae", "info": "#78909c",
                 "few-data": "#607d8b"}
STATUS_TINTS = {"green": "#e8f5e9", "amber": "#fff3e0", "red": "#ffebee", "no-data": "#f5f7f8", "info": "#ffffff",
                "few-data": "#f5f7f8"}


def _tr(text: str) -> str:
    return QCoreApplication.translate("Gears", text)


def status_text(status: str) -> str:
    return {
        "green": _tr("Good"),
        "amber": _tr("Watch"),
        "red": _tr("Act now"),
        "no-data": _tr("No data"),
        "info": _tr("For information"),
        "few-data": _tr("Too little data"),
    }.get(status, status)


def gear_status(gear) -> str:
    """The status a gear shows: "few-data" when it has data but too few KPIs for a score (the core
    then passes on that one KPI's colour, which must not read as a verdict on the whole gear)."""
    if gear.status != "no-data" and missing(gear.score) and getattr(gear, "note", None) == "one_kpi":
        return "few-data"
    return gear.status


def missing(value) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def minus(text: str) -> str:
    """``text`` with the real minus sign the window's other numbers use ("−2,6", not "-2,6")."""
    return text.replace("-", "−")


def kpi_value(value, unit: str, currency: str = "EUR") -> str:
    """A KPI value in the locale: 6,2 % / 69.476 € / 5,0 Wo. style numbers by unit, below zero
    with "−"."""
    return minus(_kpi_value(value, unit, currency))


def _kpi_value(value, unit: str, currency: str) -> str:
    if missing(value):
        return fmt.DASH
    if unit == "pct":
        return fmt.percent(value, 1)
    if unit == "money":
        return fmt.money(value, currency, 0 if abs(value) >= 100 else 2)
    if unit in ("units", "count", "score"):
        return fmt.number(value, 0)
    if unit in ("weeks", "days", "rating"):
        return fmt.number(value, 1)
    return fmt.number(value, 2)


def change_text(change, unit: str, value=None, compare=None, threshold: dict | None = None) -> str:
    """Change against the comparison in the kind the KPI is judged on: points for a percentage judged
    on its level, the relative change (marked "rel.") for a percentage judged on its change (its
    limits are relative: conversion 8,1 % against 9,5 % is "−14,7 % rel.", not "−1,4 Punkte"), and
    the relative change in % for every other unit."""
    relative = threshold is not None and threshold.get("kind") == "trend"
    if unit == "pct" and not relative and not missing(value) and not missing(compare):
        return points_text(value, compare)
    if missing(change):
        return fmt.DASH
    sign = "+" if fmt.rounded(change * 100.0, 1) > 0 else ""
    text = minus(sign + fmt.percent(change, 1))
    return _tr("%1 rel.").replace("%1", text) if unit == "pct" else text


def points_text(value, compare) -> str:
    """``value`` against ``compare`` in percentage points ("−1,4 Punkte"), "–" when one is missing."""
    if missing(value) or missing(compare):
        return fmt.DASH
    points = fmt.rounded((value - compare) * 100.0, 1)
    return _tr("%1 points").replace("%1", minus(("+" if points > 0 else "") + fmt.number(points, 1)))


def score_text(score) -> str:
    return fmt.DASH if missing(score) else fmt.number(score, 0)


def gear_name(gear_id: str | None) -> str:
    """A gear's name in the UI language for a stored id ("profitability_terms" -> "Profitabilität &
    Konditionen"); anything that is not a gear id (free text) comes back unchanged. Other tabs
    (tickets, department task list) show the gear field through this."""
    from PySide6.QtCore import QLocale

    from vendordesk.core.gears.defs import GEAR_IDS, gear

    if not gear_id or gear_id not in GEAR_IDS:
        return gear_id or ""
    return gear(gear_id).name("de" if QLocale().language() == QLocale.Language.German else "en")
