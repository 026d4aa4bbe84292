"""The nine gears: KPIs for a period and its comparison, health scores and status.

``GearModel(inputs)`` prepares the facts once (the slow part); ``compute(...)`` then judges
every gear for an as-of week, a period length, a comparison and an optional ASIN filter.
A gear whose judged KPIs have no data gets score None and status ``no-data`` — never a
made-up score.

Scoring: each KPI with a threshold scores 80 at its green edge, 50 at its red edge, rises to
100 one amber-width better than green and falls to 0 one amber-width beyond red (linear in
between). The gear score is the weight-averaged KPI score with the same cut-offs: green ≥ 80,
amber ≥ 50, red below — a gear of amber KPIs is amber. A gear with only one judged KPI with data
gets no score (``note`` "one_kpi"; its status is that KPI's).

The comparison defaults to ``auto``: the same weeks last year where the data reaches back a
year (seasonally honest), else the prior period; each gear says which one it was judged on. The
current week is the newest COMPLETE week (``COMPLETE_SHARE`` of the usual ASINs have data); a
newer partial week is reported (``partial_week``), not judged.
"""

from __future__ import annotations

import copy
import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Any

import numpy as np
import pandas as pd

from vendordesk.core.gears import defs
from vendordesk.core.gears import kpis as K
from vendordesk.core.gears import manual as M
from vendordesk.core.gears.defs import (
    GearDef,
    KpiDef,
    Threshold,
    with_net_ppm_target,
    with_overrides,
)
from vendordesk.core.missing import is_missing
from vendordesk.text import formatter, texts

SCORE_GREEN, SCORE_AMBER = 80.0, 50.0
#: The lost-sales KPIs: estimates, each with how sure it is (KpiResult.estimate).
LOST_KPIS = ("lost_units", "lost_value", "lost_share")
STATUSES = ("green", "amber", "red", "no-data")
COMPARES = ("prior", "last_year")
#: "auto": the same weeks last year where a year of data exists (seasonally honest), else prior.
COMPARE_CHOICES = ("auto",) + COMPARES
#: A week is complete when at least this share of the ASINs active in the weeks before has data.
COMPLETE_SHARE = 0.8
COMPLETE_LOOKBACK = 8
#: A gear needs this many judged KPIs with data for a score; with fewer it says so.
MIN_SCORED_KPIS = 2


#: The columns of the facts, manual KPI entries and PO lines the model reads (``from_parts`` loaders
#: may hand over just these: the others are text or unused numbers, 6-8 MB each at 5,000 x 156).
FACT_COLUMNS = K.FACT_COLUMNS
MANUAL_COLUMNS = ("gear", "kpi", "asin", "value", "account", "series", "week_ord", "asin_code")
PO_LINE_COLUMNS = ("asin", "status", "requested_qty", "accepted_qty", "received_qty", "order_day", "expected_day")


@dataclass
class GearInputs:
    """What the gears read: weekly facts (store.facts_read.weekly_frame), chargebacks per
    (asin, week_start), manual KPI entries, products, the KAM's settings and Net PPM target."""

    facts: pd.DataFrame
    chargebacks: pd.DataFrame | None = None
    manual: pd.DataFrame | None = None
    products: pd.DataFrame | None = None
    settings: dict[str, Any] = field(default_factory=dict)
    net_ppm_target: float | None = None
    po_lines: pd.DataFrame | None = None    # asin, order_date, status, requested/accepted/received_qty, expected_date


@dataclass
class KpiResult:
    id: str
    name: str
    unit: str
    value: float
    compare: float
    prior: float
    last_year: float
    change: float
    score: float | None
    status: str                 # green, amber, red, no-data, info
    threshold: dict[str, Any] | None
    manual: bool
    data_as_of: str | None
    # an estimate says how sure it is (lost sales: see GearModel._lost_certainty); None: a measured figure
    estimate: dict[str, Any] | None = None
    # the gear tile's short label (KpiDef.short_name); not part of the JSON contract
    short_name: str = ""

    def as_dict(self) -> dict[str, Any]:
        out = {k: _clean(v) for k, v in self.__dict__.items() if k != "short_name"}
        if self.estimate is not None:
            out["estimate"] = {k: _clean(v) for k, v in self.estimate.items()}
        return out


@dataclass
class GearResult:
    id: str
    name: str
    score: float | None
    status: str
    kpis: list[KpiResult]
    data_as_of: str | None
    spark: list[tuple[str, float]]
    compare: str = "prior"             # the comparison its trend KPIs were judged against
    scored_kpis: int = 0               # judged KPIs with data
    judged_kpis: int = 0               # KPIs with a threshold
    note: str | None = None            # e.g. "one_kpi": too few KPIs with data for a score

    def as_dict(self) -> dict[str, Any]:
        return {"id": self.id, "name": self.name, "score": _clean(self.score), "status": self.status,
                "kpis": [k.as_dict() for k in self.kpis], "data_as_of": self.data_as_of,
                "compare": self.compare, "scored_kpis": self.scored_kpis, "judged_kpis": self.judged_kpis,
                "note": self.note}


@dataclass
class GearReport:
    asof_week: str | None
    weeks: int
    compare: str
    periods: dict[str, tuple[str, str]]
    gears: list[GearResult]
    weekly: pd.DataFrame          # KPI columns per week (index period_start)
    asins: list[str] | None
    per_asin: dict[str, pd.DataFrame] = field(default_factory=dict)   # period name -> KPI table per ASIN
    compare_requested: str = "prior"               # what was asked: auto, prior or last_year
    partial_week: str | None = None                # a newer week with too few ASINs, not judged

    def gear(self, gear_id: str) -> GearResult:
        return next(g for g in self.gears if g.id == gear_id)


def _clean(value: Any) -> Any:
    if is_missing(value):
        return None
    if isinstance(value, (np.floating,)):
        return float(value)
    return value


# --- names that carry their definition ---------------------------------------------------
def kpi_name(k: KpiDef, lang: str, weeks: int, oos_limit: float | None) -> str:
    """The KPI's name in ``lang``. The OOS counts name their limit and their window, so that the
    gear tile's PAST count of OOS ASINs (kpis.asins_above_oos_limit) cannot be mistaken for the
    forecast's "at risk of running out in the next N weeks" (supply.at_risk_asins; issue 13)."""
    if k.id not in ("asins_oos", "asins_oos_share") or oos_limit is None:
        return k.name(lang)
    _ = texts(lang)
    decimals = 0 if abs(oos_limit * 100 - round(oos_limit * 100)) < 1e-9 else 1
    limit = formatter(lang).percent(oos_limit, decimals)
    if k.id == "asins_oos":
        return _.ngettext("ASINs with OOS over {limit} (last week)",
                          "ASINs with OOS over {limit} (last {n} weeks)", weeks, limit=limit, n=weeks)
    return _.ngettext("Share of ASINs with OOS over {limit} (last week)",
                      "Share of ASINs with OOS over {limit} (last {n} weeks)", weeks, limit=limit, n=weeks)


# --- judging ---------------------------------------------------------------------------------
def judge(value: float, compare: float, threshold: Threshold | None, better: int) -> tuple[float | None, str]:
    """(score 0..100 or None, status) of one KPI value against its threshold."""
    if threshold is None:
        return None, "info"
    if threshold.kind == "band":           # the worse of the low edge (min) and the high edge (max)
        low = judge(value, compare, Threshold("min", threshold.green, threshold.red), 1)
        if threshold.green_high is None or threshold.red_high is None:
            return low
        high = judge(value, compare, Threshold("max", threshold.green_high, threshold.red_high), -1)
        if low[0] is None or high[0] is None:
            return None, "no-data"
        return low if low[0] <= high[0] else high
    x = value
    if threshold.kind == "trend":
        x = K.relative_change(value, compare)
        if better < 0:
            x = -x
    if is_missing(x):
        return None, "no-data"
    green, red = threshold.green, threshold.red
    if threshold.kind == "max":             # lower is better: mirror onto "min"
        x, green, red = -x, -green, -red
    if green < red:
        green, red = red, green
    span = (green - red) or 1e-9
    if x >= green:
        return 80.0 + 20.0 * min(1.0, (x - green) / span), "green"
    if x >= red:
        return 50.0 + 30.0 * (x - red) / span, "amber"
    return max(0.0, 50.0 - 50.0 * (red - x) / span), "red"


def gear_status(score: float | None) -> str:
    if score is None:
        return "no-data"
    return "green" if score >= SCORE_GREEN else "amber" if score >= SCORE_AMBER else "red"


def combine(results: list[KpiResult], defs: tuple[KpiDef, ...]) -> float | None:
    weights = {k.id: k.weight for k in defs}
    scored = [(r.score, weights[r.id]) for r in results if r.score is not None]
    if not scored:
        return None
    return sum(s * w for s, w in scored) / sum(w for _, w in scored)


# --- the model -------------------------------------------------------------------------------
class GearModel:
    """Facts prepared once; ``compute`` judges the gears for a filter and period."""

    def __init__(self, inputs: GearInputs, prepared: pd.DataFrame | None = None):
        """``prepared``: ``K.prepare(inputs.facts)`` done by the caller (``from_parts``)."""
        self.inputs = inputs
        self.prepared = K.prepare(inputs.facts) if prepared is None else prepared
        self.chargebacks = _chargeback_frame(inputs.chargebacks)
        self._take_manual(inputs.manual)
        self._manual_cache: dict[tuple[str, ...] | None, pd.DataFrame] = {}
        self._block: np.ndarray | None = None
        self._product_info: pd.DataFrame | bool | None = None
        self.gears = with_overrides(with_net_ppm_target(defs.GEARS, inputs.net_ppm_target), inputs.settings or {})
        self._totals_all = K.weekly_totals(self.prepared, self.chargebacks)
        active = self.prepared["shipped_units"].to_numpy() > 0      # the rows K._virtual counts as active
        # int32: the codes of 5,000 ASINs x 156 weeks (half the memory of int64, the same counts)
        self._active_asin = self.prepared["asin_code"].to_numpy()[active].astype(np.int32)
        self._active_week = self.prepared["week"].to_numpy()[active].astype(np.int32)
        self._week_labels = np.array(self.prepared.attrs.get("weeks", []), dtype=object)
        self._asin_index = pd.Index(self.prepared.attrs.get("asins", []))
        self._take_po_lines(inputs.po_lines)
        self._complete = _complete_weeks(self.prepared, len(self._week_labels))
        # ASIN-weeks out of stock whose lost units are unknown (no earlier usable week): not counted
        self._lost_unknown = self.prepared["oos_some"].to_numpy(dtype=bool) & np.isnan(
            self.prepared["lost_units"].to_numpy(dtype=float))

    @classmethod
    def from_parts(cls, inputs: GearInputs, facts: Callable[[], pd.DataFrame],
                   manual: Callable[[], pd.DataFrame | None], po_lines: Callable[[], pd.DataFrame | None],
                   release: Callable[[], None] | None = None) -> GearModel:
        """The model of ``inputs`` whose three big frames come from the loaders, read one at a time and
        dropped as soon as digested (the peak memory of one command: at 5,000 ASINs x 156 weeks the
        facts, their prepared matrix, the manual KPIs and the PO lines held at once are ~640 MB).
        The loaders must hand over frames nothing else keeps (e.g. not a process cache). The model's
        ``inputs`` keep none of them, so it cannot be rebuilt from them (``replace(model.inputs, ...)``).
        ``release``: hands freed memory back to the system (see ``prepare``), after each frame too."""
        # The manual KPIs and PO lines first, while nothing else is held: read after the prepared matrix,
        # their frames set the peak (+75 MB at 5,000 ASINs x 156 weeks); digested they are ~50 MB.
        kept = cls.__new__(cls)
        kept._take_manual(manual(), keep=False)
        if release:
            release()
        lines = po_lines()
        # coded on the lines' own ASINs here, on the model's once the facts are prepared (_PoLines.recode)
        early = _PoLines(lines, pd.Index(lines["asin"].dropna().unique())) \
            if lines is not None and len(lines) else None
        del lines
        if release:
            release()
        model = cls(inputs, prepared=K.prepare(facts(), consume=True, release=release))   # frees the facts as it reads them
        model._manual_groups, model._manual_last_week, model.manual = \
            kept._manual_groups, kept._manual_last_week, kept.manual
        model.po_lines = early.recode(model._asin_index) if early is not None else None
        if release:
            release()
        return model

    def with_chargebacks(self, chargebacks: pd.DataFrame | None) -> GearModel:
        """The same model with fresh chargebacks (a ticket edit): the prepared facts, manual KPIs and
        PO lines are shared, not read or prepared again (a ``from_parts`` model has no facts to redo it)."""
        model = copy.copy(self)
        model.inputs = replace(self.inputs, chargebacks=chargebacks)
        model.chargebacks = _chargeback_frame(chargebacks)
        model._totals_all = K.weekly_totals(self.prepared, model.chargebacks)
        model._manual_cache = {}
        return model

    def _take_manual(self, manual: pd.DataFrame | None, keep: bool = True) -> None:
        normalised = M.normalise(manual)
        self._manual_groups = M.split(normalised)
        self._manual_last_week = M.last_week(normalised, self._manual_groups)
        # without ``keep`` only the columns: ``split`` holds the entries as arrays of its own
        self.manual = normalised if keep else normalised.iloc[:0].copy()

    def _take_po_lines(self, lines: pd.DataFrame | None) -> None:
        self.po_lines = _PoLines(lines, self._asin_index) if lines is not None and len(lines) else None

    # filters -------------------------------------------------------------------------------
    def asins_for(self, brand: str | None = None, category: str | None = None,
                  asin: str | None = None) -> list[str] | None:
        """The ASIN filter for brand/category/ASIN choices; None = all (no filter)."""
        if not (brand or category or asin):
            return None
        products = self.inputs.products
        if products is None or products.empty:
            return [asin] if asin else []
        mask = pd.Series(True, index=products.index)
        if brand:
            mask &= products["brand"] == brand
        if category:
            mask &= products["category"] == category
        if asin:
            mask &= products["asin"] == asin
        return products.loc[mask, "asin"].tolist()

    def latest_week(self) -> str | None:
        """The newest COMPLETE week with report facts (see ``_complete_weeks``); without facts the
        newest manual or chargeback week (a chargeback raised after the last report must not shift
        the period past the data)."""
        if len(self._week_labels):
            complete = np.flatnonzero(self._complete)
            return str(self._week_labels[complete[-1] if len(complete) else -1])
        weeks = [w for w in (self._manual_last_week,
                             self._totals_all.index.max() if len(self._totals_all) else None) if isinstance(w, str)]
        return max(weeks) if weeks else None

    def partial_week(self) -> str | None:
        """The newest week when it is newer than the latest complete week (too few ASINs have data)."""
        if len(self._week_labels) and not self._complete[-1]:
            return str(self._week_labels[-1])
        return None

    def compare_for(self, compare: str, periods: dict[str, tuple[str, str]]) -> str:
        """``auto``: the same weeks last year when the data reaches back to their start, else prior."""
        if compare in COMPARES:
            return compare
        first = self._week_labels[0] if len(self._week_labels) else None
        return "last_year" if first is not None and str(first) <= periods["last_year"][0] else "prior"

    def rows(self, asins: list[str] | None) -> pd.DataFrame:
        if asins is None:
            return self.prepared
        wanted = self._asin_index.get_indexer(pd.Index(asins))
        if self.prepared.attrs.get("weeks") is None:
            return self.prepared.loc[np.isin(self.prepared["asin_code"].to_numpy(), wanted[wanted >= 0])]
        return K.subset(self.prepared, np.flatnonzero(np.isin(self.prepared["asin_code"].to_numpy(),
                                                               wanted[wanted >= 0])))

    def cb_rows(self, asins: list[str] | None) -> pd.DataFrame:
        if asins is None:
            return self.chargebacks
        return self.chargebacks.loc[self.chargebacks["asin"].isin(asins)]

    # compute -------------------------------------------------------------------------------
    def compute(self, asof: str | None = None, weeks: int = 4, compare: str = "auto",
                asins: list[str] | None = None, lang: str = "en") -> GearReport:
        weeks = max(1, int(weeks))
        requested = compare if compare in COMPARE_CHOICES else "auto"
        rows, cb = self.rows(asins), self.cb_rows(asins)
        totals = self._totals_all if asins is None else K.weekly_totals(rows, cb)
        asof_week = K.week_start(asof) if asof else self.latest_week()
        partial = self.partial_week() if not asof else None
        if asof_week is None:
            weekly = pd.DataFrame()
            gears = [self._empty_gear(g, lang, weeks) for g in self.gears]
            return GearReport(None, weeks, "prior" if requested == "auto" else requested, {}, gears, weekly, asins,
                              {}, requested)
        periods = K.periods(asof_week, weeks)
        compare = self.compare_for(requested, periods)
        weekly = K.kpi_table(totals) if len(totals) else pd.DataFrame()
        manual_weekly = self._manual_weekly(asins, list(totals.index))
        weekly = self._with_manual_weekly(weekly, manual_weekly)
        weekly = weekly.loc[weekly.index <= asof_week] if len(weekly) else weekly
        values = self._period_values(totals, periods, asins, manual_weekly)
        per_asin = self._per_asin(asins, {name: periods[name] for name in ("current", compare)}, rows, cb)
        self._po_line_rates(values, per_asin, periods, asins)
        self._count_kpis(values, per_asin)
        last_known = _last_known(weekly)
        lost_estimate = self._lost_certainty(values["current"], periods["current"], asins)
        gears = [self._judge_gear(g, values, compare, weekly, last_known, lang, weeks, lost_estimate)
                 for g in self.gears]
        return GearReport(asof_week, weeks, compare, periods, gears, weekly, asins, per_asin, requested, partial)

    def _lost_certainty(self, now: dict[str, Any], span: tuple[str, str],
                        asins: list[str] | None) -> dict[str, Any]:
        """How sure the period's lost-sales estimate is: ``run_rate_unit_share`` = the share of its
        lost units from weeks above HIGH_OOS (OOS x the ASIN's pre-OOS run rate, the least sure part; the
        rest is ordered x OOS / (1 - OOS)), ``unknown_asin_weeks`` = ASIN-weeks out of stock whose
        lost units are unknown (no earlier week to estimate from; not in the figure)."""
        lo = np.searchsorted(self._week_labels, span[0], side="left")
        hi = np.searchsorted(self._week_labels, span[1], side="right")
        week = self.prepared["week"].to_numpy()
        rows = (week >= lo) & (week < hi)
        if asins is not None:
            wanted = self._asin_index.get_indexer(pd.Index(asins))
            rows &= np.isin(self.prepared["asin_code"].to_numpy(), wanted[wanted >= 0])
        total = _f(now.get("lost_units"))
        # lost units extrapolated from the pre-OOS run rate (weeks above HIGH_OOS: the least sure part),
        # worked out on the period's rows (a row-long array kept for it was 6.3 MB at 5,000 x 156)
        lost = self.prepared["lost_units"].to_numpy(dtype=float)[rows]
        high = self.prepared["oos_high"].to_numpy(dtype=bool)[rows]
        from_run_rate = float(np.where(high & ~np.isnan(lost), lost, 0.0).sum())
        return {"method": "oos_uplift_and_run_rate",
                "run_rate_unit_share": from_run_rate / total if total > 0 else float("nan"),
                "unknown_asin_weeks": int(np.count_nonzero(self._lost_unknown[rows]))}

    def _po_line_rates(self, values: dict[str, dict[str, Any]], per_asin: dict[str, pd.DataFrame],
                       periods: dict[str, tuple[str, str]], asins: list[str] | None) -> None:
        """Confirmation and fill rate from PO lines where the workspace has them (Amazon's unit
        definition: sum accepted / sum requested for POs ordered in the period; sum received /
        sum accepted for closed POs expected in it), for the period and per ASIN."""
        if self.po_lines is None:
            return
        n = len(self._asin_index)
        wanted = None if asins is None else self._asin_index.get_indexer(pd.Index(asins))
        for name, (start, end) in periods.items():
            confirmation, fill, per_confirmation, per_fill = self.po_lines.rates(start, _week_end(end), wanted, n)
            if values.get(name) is not None:
                if not is_missing(confirmation):
                    values[name]["confirmation_rate"] = confirmation
                if not is_missing(fill):
                    values[name]["fill_rate"] = fill
            table = per_asin.get(name)
            if table is not None and not table.empty:
                pos = self._asin_index.get_indexer(table.index)
                for column, per in (("confirmation_rate", per_confirmation), ("fill_rate", per_fill)):
                    rate = np.where(pos >= 0, per[np.maximum(pos, 0)], np.nan)
                    table[column] = np.where(np.isnan(rate), table[column].to_numpy(dtype=float), rate)

    def _manual_weekly(self, asins: list[str] | None, weeks: list[str]) -> pd.DataFrame:
        """Manual KPI series per filter, cached (entries change only through a reload)."""
        key = None if asins is None else tuple(sorted(asins))
        if key not in self._manual_cache:
            if len(self._manual_cache) > 32:
                self._manual_cache.clear()
            self._manual_cache[key] = M.weekly(self.manual, self._manual_groups, _manual_kpis(), asins, weeks)
        return self._manual_cache[key]

    def _per_asin(self, asins: list[str] | None, periods: dict[str, tuple[str, str]], rows: pd.DataFrame,
                  cb: pd.DataFrame) -> dict[str, pd.DataFrame]:
        if asins is None:
            if self._block is None:
                self._block = K.numeric_block(self.prepared)
            block = self._block
        else:
            block = K.numeric_block(rows)
        return {name: K.kpi_table(K.per_asin(rows, span[0], span[1], cb, block)) for name, span in periods.items()}

    def _count_kpis(self, values: dict[str, dict[str, Any]], per_asin: dict[str, pd.DataFrame]) -> None:
        """ASINs beyond the OOS red line and below the Net PPM target, for the current and the
        chosen comparison period (the other comparison stays unknown: one pass fewer)."""
        oos_red = _threshold(self.gears, "availability", "oos_rate")
        ppm_target = _threshold(self.gears, "profitability_terms", "net_ppm", "green")
        for name, table in per_asin.items():
            if table.empty or not values.get(name):
                continue
            if oos_red is not None and table["oos_rate"].notna().any():
                over, share = K.asins_above_oos_limit(table["oos_rate"].to_numpy(dtype=float), oos_red)
                values[name]["asins_oos"], values[name]["asins_oos_share"] = over, share
            if ppm_target is not None and table["net_ppm"].notna().any():
                selling = table["shipped_revenue"].fillna(0) > 0
                values[name]["asins_below_target"] = float(((table["net_ppm"] < ppm_target) & selling).sum())

    def _period_values(self, totals: pd.DataFrame, periods: dict[str, tuple[str, str]], asins: list[str] | None,
                       manual_weekly: pd.DataFrame) -> dict[str, dict[str, Any]]:
        """KPI values for each named period (one kpi_table call for all of them)."""
        names = list(periods)
        values: dict[str, dict[str, Any]] = {name: {} for name in names}
        if len(totals):
            aggs = K.periods_of_totals(totals, {name: periods[name] for name in names})
            table = K.kpi_table(aggs)
            columns = list(table.columns)
            for name, row, count in zip(names, table.to_numpy(dtype=float).tolist(), aggs["weeks"].to_numpy()):
                if count > 0:
                    values[name] = dict(zip(columns, row))
                    values[name]["active_asins"] = self._active_asins(asins, *periods[name])
        manual_weeks = manual_weekly.index.to_numpy(dtype=object)
        for name in names:
            start, end = periods[name]
            lo = np.searchsorted(manual_weeks, start, "left")
            hi = np.searchsorted(manual_weeks, end, "right")
            for (_, kpi_id), how in _manual_kpis().items():
                values[name][kpi_id] = M.period_array_value(manual_weekly[kpi_id].to_numpy()[lo:hi], how)
            values[name]["tacos"] = K.safe_div(values[name].get("ad_spend", np.nan),
                                               values[name].get("ordered_revenue", np.nan))
        return values

    def _active_asins(self, asins: list[str] | None, start: str, end: str) -> float:
        """Distinct ASINs with shipped units in the period (integer codes, no string scans)."""
        lo = np.searchsorted(self._week_labels, start, side="left")
        hi = np.searchsorted(self._week_labels, end, side="right")
        codes = self._active_asin[(self._active_week >= lo) & (self._active_week < hi)]
        if asins is not None:
            wanted = self._asin_index.get_indexer(pd.Index(asins))
            codes = codes[np.isin(codes, wanted[wanted >= 0])]
        return float(len(np.unique(codes)))

    def _with_manual_weekly(self, weekly: pd.DataFrame, manual_weekly: pd.DataFrame) -> pd.DataFrame:
        weekly = weekly.join(manual_weekly, how="outer") if len(weekly) else manual_weekly
        if "ordered_revenue" in weekly.columns:
            weekly["tacos"] = K.safe_div(weekly["ad_spend"], weekly["ordered_revenue"])
        else:
            weekly["tacos"] = np.nan
        return weekly.sort_index()

    def _judge_gear(self, g: GearDef, values: dict[str, dict[str, Any]], compare: str, weekly: pd.DataFrame,
                    last_known: dict[str, str],
                    lang: str, weeks: int = 4, lost_estimate: dict[str, Any] | None = None) -> GearResult:
        now, prior, last_year = values["current"], values["prior"], values["last_year"]
        results = []
        oos_limit = _threshold(self.gears, "availability", "oos_rate")
        for k in g.kpis:
            if k.compute is not None:          # a declared KPI function over the period's KPI values
                for period in (now, prior, last_year):
                    period.setdefault(k.id, k.compute(period))
            value = _f(now.get(k.id))
            cmp = _f((prior if compare == "prior" else last_year).get(k.id))
            score, status = judge(value, cmp, k.threshold, k.better)
            if is_missing(value) and k.threshold is not None:
                score, status = None, "no-data"
            results.append(KpiResult(
                k.id, kpi_name(k, lang, weeks, oos_limit), k.unit, value, cmp, _f(prior.get(k.id)), _f(last_year.get(k.id)),
                K.relative_change(value, cmp), score, status,
                k.threshold.as_dict() if k.threshold else None, k.manual, last_known.get(k.id),
                lost_estimate if k.id in LOST_KPIS else None, k.short_name(lang)))
        score = combine(results, g.kpis)
        status = gear_status(score)
        judged = sum(1 for k in g.kpis if k.threshold is not None)
        scored = sum(1 for r in results if r.score is not None)
        note = None
        if scored and scored < min(MIN_SCORED_KPIS, judged):
            # one KPI is not a gear: no score of 100 from it; the status is that KPI's own
            note, score = "one_kpi", None
            status = next(r.status for r in results if r.score is not None)
        dates = [r.data_as_of for r in results if r.data_as_of and not is_missing(r.value)]
        spark = _spark(weekly, g.primary.id)
        return GearResult(g.id, _name(g, self.inputs.settings, lang), score, status, results,
                          max(dates) if dates else None, spark, compare, scored, judged, note)

    def _empty_gear(self, g: GearDef, lang: str, weeks: int = 4) -> GearResult:
        nan = float("nan")
        oos_limit = _threshold(self.gears, "availability", "oos_rate")
        kpis = [KpiResult(k.id, kpi_name(k, lang, weeks, oos_limit), k.unit, nan, nan, nan, nan, nan, None,
                          "no-data" if k.threshold else "info", k.threshold.as_dict() if k.threshold else None,
                          k.manual, None, short_name=k.short_name(lang)) for k in g.kpis]
        return GearResult(g.id, _name(g, self.inputs.settings, lang), None, "no-data", kpis, None, [],
                          judged_kpis=sum(1 for k in g.kpis if k.threshold is not None))

    # worst ASINs ---------------------------------------------------------------------------
    def worst_asins(self, report: GearReport, gear_id: str, n: int = 10) -> pd.DataFrame:
        """The ``n`` worst ASINs for a gear in the report's period, with the comparison."""
        g = next(x for x in self.gears if x.id == gear_id)
        if not g.rank_kpi or not report.asof_week:
            return pd.DataFrame()
        cur = report.per_asin.get("current", pd.DataFrame())
        if cur.empty:
            return pd.DataFrame()
        cmp = report.per_asin[report.compare]
        rank = g.rank_kpi
        base = rank.removesuffix("_change")
        shown = g.primary.id if g.primary.id in cur.columns else base
        table = pd.DataFrame({"value": cur[shown], "compare": cmp[shown].reindex(cur.index),
                              "rank": cur[base], "revenue": cur["shipped_revenue"]})
        table["change"] = (table["value"] - table["compare"]) / table["compare"].abs().replace(0, np.nan)
        if rank.endswith("_change"):
            previous = cmp[base].reindex(cur.index)
            table["rank"] = (table["rank"] - previous) / previous.abs().replace(0, np.nan)
        selling = cur["shipped_units"].fillna(0) + cur["glance_views"].fillna(0) > 0
        table = table.loc[table["rank"].notna() & selling]
        if g.rank_worst_high:
            table = table.loc[table["rank"] > 0]
        table = table.sort_values("rank", ascending=not g.rank_worst_high, kind="stable").head(n)
        table.index.name = "asin"
        table = table.reset_index()
        table.insert(1, "kpi", shown)
        table.insert(2, "rank_by", rank)
        if self._product_info is None:
            products = self.inputs.products
            has = products is not None and len(products) > 0
            self._product_info = products.set_index("asin")[["title", "brand", "category"]] \
                if products is not None and has else False
        if isinstance(self._product_info, pd.DataFrame):
            info = self._product_info.reindex(table["asin"])
            for column in info.columns:
                table[column] = info[column].to_numpy()
        return table


def _threshold(gears: tuple[GearDef, ...], gear_id: str, kpi_id: str, edge: str = "red") -> float | None:
    g = next(x for x in gears if x.id == gear_id)
    k = g.kpi(kpi_id)
    return getattr(k.threshold, edge) if k and k.threshold else None


def _f(value: Any) -> float:
    try:
        return float(value)
    except (TypeError, ValueError):
        return float("nan")


def _name(g: GearDef, settings: dict[str, Any], lang: str) -> str:
    custom = (settings.get(g.id) or {}).get("custom_name")
    return custom.strip() if isinstance(custom, str) and custom.strip() else g.name(lang)


def _last_known(weekly: pd.DataFrame) -> dict[str, str]:
    """Per column: the end of the newest week with a value (one numpy pass over the frame)."""
    if weekly.empty:
        return {}
    known: np.ndarray = weekly.notna().to_numpy()
    rows = len(weekly) - 1 - np.argmax(known[::-1], axis=0)
    weeks = weekly.index.to_numpy(dtype=object)
    seen: list[bool] = np.any(known, axis=0).tolist()
    return {column: _week_end(weeks[row]) for column, row, any_known in zip(weekly.columns, rows, seen) if any_known}


@lru_cache(maxsize=4096)
def _week_end(week: str) -> str:
    """The Saturday that ends the retail week starting ``week`` (ISO)."""
    return (dt.date.fromisoformat(str(week)[:10]) + dt.timedelta(days=6)).isoformat()


def _spark(weekly: pd.DataFrame, kpi_id: str, n: int = 26) -> list[tuple[str, float]]:
    if kpi_id not in weekly.columns:
        return []
    values = weekly[kpi_id].to_numpy(dtype=float, na_value=np.nan)[-n:]
    known = ~np.isnan(values)
    weeks = weekly.index.to_numpy(dtype=object)[-n:][known]
    return list(zip(weeks.tolist(), values[known].tolist()))


def oos_asins(facts: pd.DataFrame, settings: dict[str, Any] | None = None, weeks: int = 4,
              asof: str | None = None) -> tuple[list[str], float | None, int]:
    """(ASINs, limit, weeks): THE ASINs the gear tile counts as "ASINs with OOS over {limit} (last
    {weeks} weeks)" (kpis.asins_above_oos_limit on the same per-ASIN rates): glance-view-weighted
    OOS over the ``weeks`` weeks up to ``asof`` (default: the newest complete week, as the gears)
    above the OOS gear's red edge (the KAM's ``settings`` applied). For every other place that
    names OOS ASINs (the management brief's lever), so the same count is the same number."""
    gears = with_overrides(defs.GEARS, settings or {})
    limit = _threshold(gears, "availability", "oos_rate")
    if facts is None or facts.empty or limit is None:
        return [], limit, weeks
    if not asof:
        # Only the newest weeks' rows are prepared (the whole frame cost ~280 MB at 5,000 x 156):
        # a week's completeness reads the COMPLETE_LOOKBACK weeks before it, so in a tail of the
        # newest weeks every verdict from position COMPLETE_LOOKBACK on is the full frame's.
        tail = COMPLETE_LOOKBACK + max(weeks, 1) + 4
        starts = facts["period_start"]
        labels_all = sorted(starts.dropna().unique())
        if len(labels_all) > tail:
            recent = facts[(starts >= labels_all[-tail]).to_numpy()]
            prepared = K.prepare(recent)
            del recent
            labels = list(prepared.attrs.get("weeks", []))
            complete = np.flatnonzero(_complete_weeks(prepared, len(labels)))
            if len(complete) and complete[-1] >= COMPLETE_LOOKBACK + weeks - 1:
                start, end = K.periods(str(labels[complete[-1]]), weeks)["current"]
                rates = K.kpi_table(K.per_asin(prepared, start, end))["oos_rate"]
                return sorted(str(a) for a in rates.index[(rates > limit).to_numpy()]), limit, weeks
            del prepared                          # no complete week in the tail: the whole frame below
    prepared = K.prepare(facts)
    labels = list(prepared.attrs.get("weeks", []))
    if not labels:
        return [], limit, weeks
    if asof:
        asof_week = K.week_start(asof)
    else:
        complete = np.flatnonzero(_complete_weeks(prepared, len(labels)))
        asof_week = str(labels[complete[-1] if len(complete) else -1])
    start, end = K.periods(asof_week, weeks)["current"]
    rates = K.kpi_table(K.per_asin(prepared, start, end))["oos_rate"] if len(prepared) else pd.Series(dtype=float)
    return sorted(str(a) for a in rates.index[(rates > limit).to_numpy()]), limit, weeks


def _complete_weeks(prepared: pd.DataFrame, n_weeks: int) -> np.ndarray:
    """Per week code: True when at least COMPLETE_SHARE of the ASINs the weeks before had data
    (median ASIN count of the last COMPLETE_LOOKBACK weeks) have data in it. An import of 3 of
    150 ASINs for a new week leaves that week partial, and the dashboard on the week before."""
    if not n_weeks:
        return np.zeros(0, dtype=bool)
    real = prepared["real"].to_numpy(dtype=bool) if "real" in prepared.columns else np.ones(len(prepared), bool)
    weeks, asins = prepared["week"].to_numpy()[real], prepared["asin_code"].to_numpy()[real]
    seen = np.zeros((n_weeks, int(asins.max()) + 1 if len(asins) else 1), dtype=bool)
    seen[weeks, asins] = True                     # duplicate rows of an ASIN-week count once
    counts = seen.sum(axis=1).astype(float)
    usual = np.zeros(n_weeks)
    for i in range(1, min(n_weeks, COMPLETE_LOOKBACK + 1)):
        usual[i] = np.median(counts[:i])
    if n_weeks > COMPLETE_LOOKBACK:                 # the median of the previous 8 weeks, in one call
        windows = np.lib.stride_tricks.sliding_window_view(counts[:-1], COMPLETE_LOOKBACK)
        usual[COMPLETE_LOOKBACK:] = np.median(windows, axis=1)
    return np.asarray(counts >= COMPLETE_SHARE * usual)


def _codes_of(asins: np.ndarray, index: pd.Index) -> np.ndarray:
    """Position of each ASIN in ``index`` (-1 when absent); rows sorted by ASIN (as the store
    sends them) are coded per run, without hashing every row."""
    n = len(asins)
    if not n:
        return np.zeros(0, dtype=np.intp)
    change = np.flatnonzero(asins[1:] != asins[:-1]) + 1
    starts = np.r_[0, change]
    labels = asins[starts]
    if len(labels) > 1 and not all(labels[1:] > labels[:-1]):      # not sorted: hash every row
        codes, uniques = pd.factorize(asins)
        return np.asarray(np.r_[index.get_indexer(pd.Index(uniques)), -1][codes])
    return np.repeat(index.get_indexer(pd.Index(labels)), np.diff(np.r_[starts, n]))


class _PoLines:
    """PO lines as numpy columns (days since epoch, ASIN codes of the model) for fast period sums."""

    def __init__(self, lines: pd.DataFrame, asin_index: pd.Index):
        def days(column: str) -> np.ndarray:
            given = column.replace("_date", "_day")          # the store hands in day numbers
            if given in lines:
                values = pd.to_numeric(lines[given], errors="coerce").to_numpy(dtype=float)
                return np.where(np.isnan(values), np.iinfo(np.int64).min, values).astype(np.int64)
            if column not in lines:
                return np.full(len(lines), np.iinfo(np.int64).min)
            codes, labels = pd.factorize(lines[column])      # few distinct dates: parse those only
            parsed = pd.to_datetime(pd.Series(labels, dtype=object).astype(str).str[:10], errors="coerce",
                                    format="%Y-%m-%d")
            days_of = np.r_[parsed.to_numpy(dtype="datetime64[D]").astype(np.int64), np.iinfo(np.int64).min]
            return np.asarray(days_of[codes])                # code -1 (missing) -> the last: never in a period

        def number(column: str) -> np.ndarray:
            return pd.to_numeric(lines[column], errors="coerce").to_numpy(dtype=float) if column in lines \
                else np.full(len(lines), np.nan)

        self._index = asin_index
        self.asin = _codes_of(lines["asin"].to_numpy(dtype=object), asin_index)
        self.ordered_on, self.expected_on = days("order_date"), days("expected_date")
        # the status strings as Python objects compared at once (no per-row str() of a string column)
        self.closed = np.asarray(lines["status"].to_numpy(dtype=object, na_value="") == "closed", dtype=bool) \
            if "status" in lines else np.zeros(len(lines), bool)
        self.requested, self.accepted = number("requested_qty"), number("accepted_qty")
        self.received = number("received_qty")
        self._countable()

    def _countable(self) -> None:
        """The lines each rate can count at all (a known ASIN, both quantities known), once."""
        known = self.asin >= 0
        self._confirm_ok = known & ~np.isnan(self.accepted) & ~np.isnan(self.requested)
        self._fill_ok = known & self.closed & ~np.isnan(self.received) & ~np.isnan(self.accepted)

    def recode(self, asin_index: pd.Index) -> _PoLines:
        """The same lines with ASIN codes into ``asin_index`` (-1 where absent): the codes
        ``_PoLines(lines, asin_index)`` gives, without the lines' frame."""
        self.asin = np.r_[asin_index.get_indexer(self._index), -1][self.asin]
        self._index = asin_index
        self._countable()
        return self

    def rates(self, start: str, end_day: str, wanted: np.ndarray | None,
              n: int) -> tuple[float, float, np.ndarray, np.ndarray]:
        """(confirmation, fill, per-ASIN confirmation (n,), per-ASIN fill (n,)) for [start, end_day]."""
        lo, hi = np.datetime64(start, "D").astype(np.int64), np.datetime64(end_day, "D").astype(np.int64)
        ordered = self._confirm_ok & (self.ordered_on >= lo) & (self.ordered_on <= hi)
        closed = self._fill_ok & (self.expected_on >= lo) & (self.expected_on <= hi)
        if wanted is not None:
            keep = np.isin(self.asin, wanted[wanted >= 0])
            ordered, closed = ordered & keep, closed & keep
        confirmation, per_confirmation = self._ratio(ordered, self.accepted, self.requested, n)
        fill, per_fill = self._ratio(closed, self.received, self.accepted, n)
        return confirmation, fill, per_confirmation, per_fill

    def _ratio(self, both: np.ndarray, num: np.ndarray, den: np.ndarray, n: int) -> tuple[float, np.ndarray]:
        """Σ num / Σ den over the lines ``both`` (both quantities known), in total and per ASIN."""
        total = K.safe_div(float(num[both].sum()), float(den[both].sum())) if both.any() else float("nan")
        codes = self.asin[both]
        top = np.bincount(codes, weights=num[both], minlength=n)
        bottom = np.bincount(codes, weights=den[both], minlength=n)
        with np.errstate(divide="ignore", invalid="ignore"):
            per = np.where(bottom > 0, top / np.where(bottom > 0, bottom, 1.0), np.nan)
        return total, per


def _chargeback_frame(chargebacks: pd.DataFrame | None) -> pd.DataFrame:
    columns = ["asin", "week_start", "chargebacks", "shortages"]
    if chargebacks is None or chargebacks.empty:
        return pd.DataFrame(columns=columns)
    frame = chargebacks.copy()
    frame["asin"] = frame["asin"].fillna("")
    return frame[columns]


# --- manual KPIs -----------------------------------------------------------------------------
def _manual_kpis() -> dict[tuple[str, str], str]:
    return {(g.id, k.id): k.manual_how for g in defs.GEARS for k in g.kpis if k.manual}
