"""Translated names for forecast models, flags and risk levels (one place for the tab and tables)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def _t(text: str) -> str:
    return QCoreApplication.translate("ForecastLabels", text)


def model_labels() -> dict[str, str]:
    return {
        "seasonal_naive": _t("Seasonal naive"),
        "moving_average": _t("Moving average (13 wk)"),
        "ses": _t("Exponential smoothing"),
        "seasonal_ses": _t("Seasonal smoothing"),
        "seasonal_blend": _t("Seasonal smoothing + last year"),
        "seasonal_holt": _t("Seasonal smoothing with damped trend"),
        "seasonal_naive_level": _t("Last year, scaled to the current level"),
        "combo": _t("Smoothing combination"),
        "croston_sba": _t("Croston-SBA"),
        "tsb": _t("TSB (Teunter-Syntetos-Babai)"),
        "fallback_mean": _t("Fallback: mean (< 4 weeks)"),
        "fallback_zero": _t("Fallback: zero"),
        "launch_analogues": _t("Launch: analogues' curve"),
    }


def source_labels() -> dict[str, str]:
    """Whose forecast the P50 follows (core.forecast_rival)."""
    return {"ours": _t("Ours"), "amazon": _t("Amazon's (better so far)"), "combined": _t("Ours + Amazon's")}


def flag_labels() -> dict[str, str]:
    return {
        "returns": _t("returns > orders set to 0"),
        "gaps": _t("missing weeks"),
        "spike_capped": _t("spike capped"),
        "oos_corrected": _t("OOS weeks corrected"),
        "oos_excluded": _t("OOS weeks excluded"),
        "short_history": _t("short history"),
        "all_zero": _t("no sales"),
        "no_history": _t("no history"),
    }


def risk_labels() -> dict[str, str]:
    return {"p80": _t("P80 not covered"), "p90": _t("P90 not covered"), "": ""}


def divergence_labels() -> dict[str, str]:
    """Table cells, so each starts with a capital ("We expect more", not "we expect more")."""
    return {"higher": _t("We expect more"), "lower": _t("We expect less"), "": ""}


def drift_labels() -> dict[str, str]:
    """Table cells, so each starts with a capital ("Cut after OOS (spiral)")."""
    return {"oos_spiral": _t("Cut after OOS (spiral)"), "cut": _t("Cut"), "": ""}


def flags_text(flags) -> str:
    names = flag_labels()
    items = flags.split(",") if isinstance(flags, str) else list(flags or [])
    return ", ".join(names.get(f, f) for f in items if f)


def event_names() -> dict[str, str]:
    """The built-in calendar's event names (core.forecast.calendar, "<name> <year>")."""
    return {"Prime Day": _t("Prime Day"), "Prime Big Deal Days": _t("Prime Big Deal Days"),
            "Black Friday": _t("Black Friday"), "Cyber Monday": _t("Cyber Monday"),
            "Christmas": _t("Christmas"), "Easter": _t("Easter"), "Mother's Day": _t("Mother's Day")}


def event_text(names: str, year: bool = True, sep: str = "; ") -> str:
    """'; '-joined event names in the UI language (the KAM's own names stay as entered);
    ``year`` False drops the built-in names' year (the chart's axis shows it)."""
    known = event_names()
    out = []
    for name in (names or "").split("; "):
        base, _, y = name.rpartition(" ")
        if base in known and y.isdigit():
            name = f"{known[base]} {y}" if year else known[base]
        out.append(name)
    return sep.join(n for n in out if n)
