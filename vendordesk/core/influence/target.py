"""The annual sales target: target, year-to-date actual, projection to year end, gap, and which
gears could close it (priced with the structural what-if on the one stored calibration).

Sales are the vendor's revenue: shipped COGS. A week belongs to the month of its Wednesday.
Projection: Amazon's latest forecast (units x current cost per unit) where it reaches, the
run-rate of the last 8 weeks after that.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import pandas as pd

from vendordesk.core.influence.graph import OOS
from vendordesk.core.influence.levers import lever_shock
from vendordesk.core.influence.text import money, num
from vendordesk.core.missing import is_missing
from vendordesk.text import N_, formatter, texts

if TYPE_CHECKING:
    from vendordesk.core.influence.sim import Shock

RUN_RATE_WEEKS = 8
GOOD_OOS = 0.02


@dataclass
class Lever:
    gear: str
    key: str
    value: float            # vendor revenue (shipped COGS) gained by year end
    units: float
    asins: list[str] = field(default_factory=list)
    sentence: str = ""
    label: str = ""
    low: float = float("nan")          # vendor revenue, 10-90 % (the parameter draws of ``simulate``)
    high: float = float("nan")
    units_low: float = float("nan")
    units_high: float = float("nan")
    limit: float | None = None         # fix_oos: the OOS limit and window of the gear tile's count
    window: int = 0

    @property
    def has_band(self) -> bool:
        """A range worth saying: known and wider than 1 % of the value (or a euro)."""
        if is_missing(self.low) or is_missing(self.high):
            return False
        return self.high - self.low > max(0.01 * abs(self.value), 1.0)


@dataclass
class TargetView:
    year: int
    target: float
    ytd: float
    projection: float            # the rest of the year
    as_of: str | None
    monthly: pd.DataFrame        # month, target, actual, projected
    cost_per_unit: float
    remaining_weeks: int
    levers: list[Lever] = field(default_factory=list)

    @property
    def landing(self) -> float:
        return self.ytd + self.projection

    @property
    def gap(self) -> float:
        """Positive: missing to reach the target."""
        return self.target - self.landing

    @property
    def gap_units(self) -> float:
        return self.gap / self.cost_per_unit if self.cost_per_unit > 0 else float("nan")


def week_month(iso: str) -> tuple[int, int]:
    day = dt.date.fromisoformat(iso[:10]) + dt.timedelta(days=3)
    return day.year, day.month


def target_view(targets: dict[int, float], year: int, weekly: pd.DataFrame,
                forecast_units: pd.Series | None = None) -> TargetView:
    """``weekly``: account weeks (period_start, shipped_cogs, shipped_units); ``forecast_units``: week_start -> units."""
    weekly = weekly.dropna(subset=["shipped_cogs"]) if not weekly.empty else weekly
    months = weekly["period_start"].map(week_month) if not weekly.empty else pd.Series(dtype=object)
    this_year = weekly[[m[0] == year for m in months]] if not weekly.empty else weekly
    as_of = str(weekly["period_start"].max()) if not weekly.empty else None
    recent = weekly.sort_values("period_start").tail(RUN_RATE_WEEKS)
    cogs_rate = float(recent["shipped_cogs"].mean()) if not recent.empty else 0.0
    units = float(recent["shipped_units"].sum()) if "shipped_units" in recent else 0.0
    cost = float(recent["shipped_cogs"].sum()) / units if units > 0 else 0.0
    future = _future_weeks(as_of, year)
    projected: dict[str, float] = {}
    for week in future:
        f = forecast_units.get(week) if forecast_units is not None else None
        projected[week] = float(f) * cost if f is not None and not is_missing(f) and cost > 0 else cogs_rate
    actual_m = this_year.groupby(this_year["period_start"].map(lambda d: week_month(d)[1]))["shipped_cogs"].sum() \
        if not this_year.empty else pd.Series(dtype=float)
    proj_m = pd.Series(projected).groupby(lambda d: week_month(d)[1]).sum() if projected else pd.Series(dtype=float)
    monthly = pd.DataFrame({"month": range(1, 13)})
    monthly["target"] = monthly["month"].map(lambda m: targets.get(m, 0.0))
    monthly["actual"] = monthly["month"].map(lambda m: float(actual_m.get(m, 0.0)))
    monthly["projected"] = monthly["month"].map(lambda m: float(proj_m.get(m, 0.0)))
    return TargetView(year, float(sum(targets.values())), float(this_year["shipped_cogs"].sum()) if not this_year.empty
                      else 0.0, float(sum(projected.values())), as_of, monthly, cost, len(future))


def _future_weeks(as_of: str | None, year: int) -> list[str]:
    start = dt.date.fromisoformat(as_of) + dt.timedelta(days=7) if as_of else dt.date(year, 1, 1)
    start -= dt.timedelta(days=(start.weekday() + 1) % 7)          # back to Sunday
    weeks = []
    while week_month(start.isoformat())[0] <= year:
        if week_month(start.isoformat())[0] == year:
            weeks.append(start.isoformat())
        start += dt.timedelta(days=7)
    return weeks


def _lever(frame: pd.DataFrame, weeks: int, shocks: Sequence[Shock], gear: str, key: str, asins: list[str] | None,
           model: dict[str, Any]) -> Lever | None:
    from vendordesk.core.influence.model import params_from, state_from_frame, whatif

    part = frame[frame["asin"].isin(asins)] if asins else frame
    state = state_from_frame(part, model.get("forecasts"), model.get("links"), model.get("target", 0.40))
    if state is None:
        return None
    result = whatif(state, params_from(model.get("links")), shocks, weeks)
    (low, high), (units_low, units_high) = result.intervals["vendor_revenue"], result.intervals["units"]
    return Lever(gear, key, result.totals["vendor_revenue"], result.totals["units"], list(asins or []),
                 low=low, high=high, units_low=units_low, units_high=units_high)


# gear, lever key, the KAM's words (core.influence.levers) and how much
GEAR_LEVERS = (("advertising", "ads_up", "ads", 20.0), ("content", "content_up", "content", 5.0),
               ("price_buybox", "buybox", "featured_offer", 3.0),
               ("forecast_ordering", "confirm_up", "confirmation", 5.0))


def gear_levers(frame: pd.DataFrame, weeks: int, lang: str = "en", currency: str = "EUR",
                links: dict[str, Any] | None = None, forecasts: pd.DataFrame | None = None, target: float = 0.40,
                settings: dict[str, Any] | None = None) -> list[Lever]:
    """What each gear could add by year end (``weeks`` remaining), biggest first: the structural
    model (core.influence.model) on the account's state with the stored calibration ``links``
    (documented defaults without one), the same model as ``vendordesk simulate``, with its 10-90 %
    range from the same parameter draws. The availability lever works on the gear tile's OOS
    ASINs (``settings``: the KAM's gear thresholds, so the limit is the tile's)."""
    if frame is None or frame.empty or weeks <= 0:
        return []
    model = {"links": links or {}, "forecasts": forecasts, "target": target}
    levers: list[Lever | None] = []
    oos_limit, oos_weeks = None, 0
    if OOS in frame:
        # the gear tile's OOS ASINs (one definition: core.gears.report.oos_asins), not an own rule
        from vendordesk.core.gears.report import oos_asins

        bad_asins, oos_limit, oos_weeks = oos_asins(frame, settings)
        if bad_asins:
            recent = frame[frame["period_start"].isin(sorted(frame["period_start"].unique())[-oos_weeks:])]
            bad = recent[recent["asin"].isin(bad_asins)].groupby("asin")[OOS].mean().dropna()
            points = (float(bad.mean()) - GOOD_OOS) * 100          # availability up to GOOD_OOS
            levers.append(_lever(frame, weeks, [lever_shock("availability", points)], "availability", "fix_oos",
                                 bad_asins, model))
    for gear, key, words, amount in GEAR_LEVERS:
        levers.append(_lever(frame, weeks, [lever_shock(words, amount)], gear, key, None, model))
    found = [lv for lv in levers if lv is not None]
    for lever in found:
        if lever.key == "fix_oos":
            lever.limit, lever.window = oos_limit, oos_weeks
        lever.label = lever_label(lever.key, lang, len(lever.asins), lever.limit, lever.window)
        lever.sentence = lever_sentence(lever, lang, currency)
    return sorted([lv for lv in found if lv.value >= 1.0], key=lambda lv: -lv.value)


_LEVER_TEXT = {
    "ads_up": N_("Ad spend +20%"),
    "content_up": N_("Better content (+5 points)"),
    "buybox": N_("Winning back the Buy Box (3 points)"),
    "confirm_up": N_("PO confirmation rate +5 points"),
}


def lever_label(key: str, lang: str, n: int = 0, limit: float | None = None, window: int = 0) -> str:
    _ = texts(lang)
    if key == "fix_oos":          # the gear tile's words: "ASINs with OOS over 8 % (last 4 weeks)"
        decimals = 0 if limit is None or abs(limit * 100 - round(limit * 100)) < 1e-9 else 1
        shown = formatter(lang).percent(limit if limit is not None else 0.08, decimals)
        return _.ngettext("Fixing availability on the {n} ASIN with OOS over {limit} (last {weeks} weeks)",
                          "Fixing availability on the {n} ASINs with OOS over {limit} (last {weeks} weeks)",
                          n, n=n, limit=shown, weeks=window or 4)
    return _(_LEVER_TEXT[key], n=n)


def lever_sentence(lever: Lever, lang: str, currency: str = "EUR") -> str:
    _ = texts(lang)
    label = lever_label(lever.key, lang, len(lever.asins))
    if lever.has_band:
        wide = max(abs(lever.low), abs(lever.high))     # both ends in one unit, not "7.125 € und 12 T €"
        return _("{lever} is worth about {value} by December ({units} units), likely between {low} and {high}.",
                 lever=label, value=money(lever.value, lang, currency), units=num(lever.units, lang),
                 low=money(lever.low, lang, currency, scale=wide), high=money(lever.high, lang, currency, scale=wide))
    return _("{lever} is worth about {value} by December ({units} units).", lever=label,
             value=money(lever.value, lang, currency), units=num(lever.units, lang))
