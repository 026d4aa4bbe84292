"""Pure KPI formulas on pandas frames (domain.md §1.3 and §1.5).

The scalar formulas (``asp``, ``conversion``, ...) take numbers or pandas Series and return
NaN where the denominator is zero or missing: a KPI without a basis is unknown, never 0.

The frame pipeline turns weekly per-ASIN facts into KPIs for any grouping:

1. ``prepare(facts)`` adds row-level helper columns (lost sales, weighted-rate parts).
2. ``weekly_totals(prepared)`` sums all ASINs per week (one row per week).
3. ``per_asin(prepared, start, end)`` aggregates one period per ASIN (flows summed,
   stocks taken at the period's last week).
4. ``kpi_table(aggregate)`` computes every KPI column from an aggregate frame.

Weeks are Amazon retail weeks (Sunday start); ``period_start`` values are ISO strings.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Callable
from typing import Any, overload

import numpy as np
import pandas as pd

from vendordesk.core.missing import is_missing

# Flows add up over ASINs and weeks: the facts' own, then the ones prepare() computes
# (requested/confirmed units are estimated from received units and the reported rates).
COMPUTED_FLOWS = ("chargebacks", "shortages", "lost_units", "lost_value", "demand_units",
                  "confirmed_units", "requested_units")
FLOWS = ("ordered_revenue", "ordered_units", "shipped_revenue", "shipped_cogs", "shipped_units",
         "customer_returns", "glance_views", "net_received_inventory_units",
         "unfilled_customer_ordered_units", "contra_cogs", "sales_discount") + COMPUTED_FLOWS
# Stocks are snapshots: summed over ASINs, taken at the last week of a period.
STOCKS = ("sellable_on_hand_inventory_units", "open_purchase_order_units",
          "aged90_plus_days_sellable_inventory_units", "unhealthy_inventory_units")
# Opening stocks: the ASIN's on hand at the end of the week before, taken at a period's FIRST week.
OPENINGS = ("opening_on_hand_units",)
# Rates averaged with a weight column, as Amazon computes them: per unit, not per ASIN-week.
#   confirmation = sum confirmed / sum requested   -> weight requested units
#   fill rate    = sum received / sum confirmed    -> weight confirmed units
#   lead time    = days per received unit          -> weight received units
WEIGHTED = {
    "procurable_product_out_of_stock_rate": "glance_views",
    "net_pure_product_margin": "shipped_revenue",
    "vendor_confirmation_rate": "requested_units",
    "receive_fill_rate": "confirmed_units",
    "average_vendor_lead_time_days": "net_received_inventory_units",
    "sell_through_rate": "shipped_units",
}
#: Above this OOS rate the few in-stock sales are too little to extrapolate from (× 1/(1−OOS)
#: multiplies their noise): lost units = OOS × the ASIN's pre-OOS demand instead [inferred].
HIGH_OOS = 0.5
#: Pre-OOS run rate: the mean full-availability demand of the ASIN's last 8 weeks below HIGH_OOS.
BASELINE_WEEKS = 8
WEEKS_PER_YEAR = 52
#: A number, a numpy array or a pandas Series: the scalar formulas take any of them (and return
#: the same kind), so their arguments are typed as this alias rather than as one of the three.
Numeric = Any


# --- scalar formulas -----------------------------------------------------------------------
def safe_div(numerator: Numeric, denominator: Numeric) -> Numeric:
    """numerator / denominator; NaN where the denominator is 0 or missing."""
    if isinstance(numerator, pd.Series) or isinstance(denominator, pd.Series):
        num: Any = pd.Series(numerator, dtype=float) if not isinstance(numerator, pd.Series) \
            else numerator.astype(float)
        den: Any = denominator.astype(float) if isinstance(denominator, pd.Series) else float(denominator)
        with np.errstate(divide="ignore", invalid="ignore"):
            result = num / den
        if isinstance(den, pd.Series):
            return result.where(den.notna() & (den != 0))
        return result if den else result * np.nan
    try:
        top, bottom = float(numerator), float(denominator)
    except (TypeError, ValueError):
        return float("nan")
    if bottom == 0 or np.isnan(bottom) or np.isnan(top):
        return float("nan")
    return top / bottom


def asp(shipped_revenue: Numeric, shipped_units: Numeric) -> Numeric:
    """Average selling price = shipped revenue / shipped units (§1.5)."""
    return safe_div(shipped_revenue, shipped_units)


def conversion(ordered_units: Numeric, glance_views: Numeric) -> Numeric:
    """Conversion = ordered units / glance views (§1.2, [inferred])."""
    return safe_div(ordered_units, glance_views)


def return_rate(customer_returns: Numeric, shipped_units: Numeric) -> Numeric:
    """Return rate = customer returns / shipped units (§1.2, [inferred])."""
    return safe_div(customer_returns, shipped_units)


def chargeback_share(chargebacks: Numeric, shipped_cogs: Numeric) -> Numeric:
    """Chargebacks as a share of sell-in = chargeback € / shipped COGS (§1.3)."""
    return safe_div(chargebacks, shipped_cogs)


def net_ppm(shipped_revenue: Numeric, shipped_cogs: Numeric, contra_cogs: Numeric = 0.0,
            sales_discount: Numeric = 0.0) -> Numeric:
    """(Shipped revenue − shipped COGS + contra-COGS − sales discount) / shipped revenue (§1.5).

    The one Net PPM formula (margin.net_ppm and the KPI tables call it). Numbers, numpy
    arrays or pandas Series; missing contra-COGS or sales discount count as 0; the result is
    never clamped (T06).
    """
    contra_cogs = _zero_if_missing(contra_cogs)
    sales_discount = _zero_if_missing(sales_discount)
    if isinstance(shipped_revenue, np.ndarray) and not isinstance(shipped_revenue, pd.Series):
        return _div(shipped_revenue - shipped_cogs + contra_cogs - sales_discount, shipped_revenue)
    return safe_div(shipped_revenue - shipped_cogs + contra_cogs - sales_discount, shipped_revenue)


def _zero_if_missing(value: Numeric) -> Numeric:
    if isinstance(value, pd.Series):
        return value.fillna(0.0)
    if isinstance(value, np.ndarray):
        return np.nan_to_num(value.astype(float), nan=0.0)
    return 0.0 if is_missing(value) else value


def weeks_of_cover(on_hand_units: Numeric, open_po_units: Numeric, weekly_units: Numeric) -> Numeric:
    """(Sellable on hand + open PO units) / weekly demand (§1.5). ``weekly_units`` is the
    OOS-corrected demand (ordered + lost units) per week: shipped units are censored by
    out-of-stock weeks and would flatter the cover of an ASIN that cannot sell.

    NaN when the run-rate is not positive or the stock is negative (backorders, T11).
    Numbers, numpy arrays or pandas Series.
    """
    if isinstance(on_hand_units, np.ndarray) and not isinstance(on_hand_units, pd.Series):
        stock = on_hand_units + np.nan_to_num(np.asarray(open_po_units, dtype=float))
        rate = np.asarray(weekly_units, dtype=float)
        cover = _div(stock, np.where(rate > 0, rate, np.nan))
        cover[~(stock >= 0)] = np.nan
        return cover
    open_po_units = _zero_if_missing(open_po_units)
    stock = on_hand_units + open_po_units
    if isinstance(stock, pd.Series) or isinstance(weekly_units, pd.Series):
        stock = pd.Series(stock, dtype=float) if not isinstance(stock, pd.Series) else stock
        per_week: pd.Series = (weekly_units if isinstance(weekly_units, pd.Series)
                               else pd.Series(weekly_units, index=stock.index))
        return safe_div(stock, per_week.where(per_week > 0)).where(stock >= 0)
    if is_missing(weekly_units) or not weekly_units > 0 or not stock >= 0:
        return float("nan")
    return stock / weekly_units


def sell_through(shipped_units: Numeric, customer_returns: Numeric, opening_on_hand: Numeric,
                 received_units: Numeric) -> Numeric:
    """Amazon's sell-through for a period: (shipped − customer returns) / (sellable on hand at
    the start + net received units) (§1.3, [schema]); may be < 0 or > 1. Missing returns or
    receipts count as 0; NaN without an opening stock or a positive denominator."""
    if isinstance(shipped_units, np.ndarray):
        returns, received = np.nan_to_num(customer_returns), np.nan_to_num(received_units)
        return _div(shipped_units - returns, opening_on_hand + received)
    returns, received = _zero_if_missing(customer_returns), _zero_if_missing(received_units)
    return safe_div(shipped_units - returns, opening_on_hand + received)


def lost_sales_units(ordered_units: Numeric, oos_rate: float, baseline_units: float = float("nan")) -> Numeric:
    """Estimated units lost to OOS in one week (§1.5, an estimate).

    Up to HIGH_OOS: ordered units × OOS / (1 − OOS). Above it (also at 100 %): OOS ×
    ``baseline_units``, the ASIN's pre-OOS weekly demand (what it sold at full availability);
    NaN when OOS is missing or no baseline is known — never 0.
    """
    if is_missing(oos_rate) or not 0 <= oos_rate <= 1:
        return float("nan")
    if oos_rate <= HIGH_OOS:
        return ordered_units * oos_rate / (1.0 - oos_rate)
    return float("nan") if is_missing(baseline_units) else oos_rate * baseline_units


def asins_above_oos_limit(oos_rates: pd.Series | np.ndarray, limit: float) -> tuple[float, float]:
    """THE gear tile's out-of-stock count (a PAST figure; the forecast's "at risk" is a different,
    future one: core.forecast.supply.at_risk_asins): (number of ASINs whose glance-view-weighted
    OOS rate over the period is above ``limit``, that number's share of the ASINs with a known OOS
    rate). ``limit`` is the OOS gear's red edge (8 % by default). NaN, NaN when no ASIN has an
    OOS rate. Shown as "ASINs with OOS over 8 % (last 4 weeks)"."""
    rates = np.asarray(oos_rates, dtype=float)
    known = ~np.isnan(rates)
    if not known.any():
        return float("nan"), float("nan")
    over = float(np.count_nonzero(rates[known] > limit))
    return over, over / float(np.count_nonzero(known))


def weighted_rate(values: pd.Series, weights: pd.Series | None = None) -> float:
    """Σ value × weight / Σ weight over rows where both are known; NaN without a basis."""
    mask = values.notna()
    if weights is None:
        weights = pd.Series(1.0, index=values.index)
    mask &= weights.notna() & (weights > 0)
    total = weights[mask].sum()
    return float((values[mask] * weights[mask]).sum() / total) if total > 0 else float("nan")


def relative_change(value: Any, compare: Any) -> float:
    """(value − compare) / |compare|; NaN without a comparison."""
    try:
        now, then = float(value), float(compare)
    except (TypeError, ValueError):
        return float("nan")
    if is_missing(now) or is_missing(then) or then == 0:
        return float("nan")
    return (now - then) / abs(then)


# --- frame pipeline ------------------------------------------------------------------------
FACT_FLOWS = FLOWS[:-len(COMPUTED_FLOWS)]
CB_COLUMNS = ("chargebacks", "shortages")
#: The number columns prepare() reads from the facts (the stored costs, e.g., are not among them).
FACT_COLUMNS = tuple(dict.fromkeys(FACT_FLOWS + STOCKS + ("ordered_units",) + tuple(WEIGHTED)))


def prepare(facts: pd.DataFrame, consume: bool = False, release: Callable[[], None] | None = None) -> pd.DataFrame:
    """Row-level helper columns on weekly per-ASIN facts, built in one block (fast groupbys).

    Keeps the summed columns (``_block_columns``: flows, stocks, lost sales (units, value), the
    parts of every weighted rate (``w__x``, ``wx__x``) but not the rates themselves, ``active``
    (1 when units shipped)), an integer ``week`` code per ``period_start``, an ``asin_code`` and
    the flags ``oos_high``/``oos_some`` (OOS rate above HIGH_OOS / above 0). Rows come out in week order (groups are then contiguous slices); integer
    ``week_code``/``asin_code`` columns from the store are used when present.
    ``consume``: each facts column is deleted from ``facts`` once copied into the matrix, so a caller
    that hands over a frame nothing else shares (GearModel.from_parts) frees it as the matrix fills;
    while prepare() runs, its caller's call still refers to ``facts``, so ``del facts`` alone frees
    nothing (the facts and the matrix held at once were the gears command's peak, ~600 MB at 5,000 x 156).
    ``release`` (with ``consume``): called after each freed column, to hand its memory back to the
    system. The matrix is one fresh mapping of its own, so it never reuses what the freed columns leave
    in the heap: without it, the facts stayed resident next to the full matrix (578 MB at 5,000 x 156).
    """
    n = len(facts)
    asin = facts["asin"].to_numpy(dtype=object) if n else np.array([], dtype=object)
    start = facts["period_start"].to_numpy(dtype=object) if n else np.array([], dtype=object)
    codes, weeks = _codes(facts, start, "week_code", sort=True)
    asin_codes, asins = _codes(facts, asin, "asin_code", sort=False)
    real = asin != ""                           # '' = account aggregate, never an ASIN row
    del start, asin                             # the texts are taken from the facts' own arrays below
    order = None if n < 2 or np.all(codes[1:] >= codes[:-1]) else np.argsort(codes, kind="stable")
    if order is not None:
        real, codes, asin_codes = real[order], codes[order], asin_codes[order]

    # one Fortran-ordered matrix of what cannot be worked out again (``_stored_columns``: flows,
    # stocks, lost sales, the rates), filled column by column in place: the frame wraps it without a
    # copy and the aggregates read it a column at a time (``_virtual``: confirmed and requested
    # units, ``active`` and the weighted parts from these). The chargeback columns (always NaN here)
    # are not stored at all: each column is 6.3 MB at 5,000 ASINs x 156 weeks (issue 18).
    names = _stored_columns()
    matrix = np.empty((n, len(names)), order="F")
    cols = {name: matrix[:, j] for j, name in enumerate(names)}
    for name in FACT_COLUMNS:
        _take(facts, name, order, consume, release, cols[name])
    asin_text = _text_column(facts, "asin", order)
    start_text = _text_column(facts, "period_start", order)
    # Nothing below reads the facts: a caller that handed over its only reference (GearModel.from_parts)
    # frees them here, before the row-long temporaries of _lost_and_demand (~180 MB at 5,000 x 156).
    del facts
    if consume and release:
        release()
    _lost_and_demand(cols, codes, asin_codes)
    with np.errstate(invalid="ignore"):
        oos = cols["procurable_product_out_of_stock_rate"]
        oos_high, oos_some = oos > HIGH_OOS, oos > 0
    frame = pd.DataFrame(matrix, columns=names, copy=False)
    frame.insert(0, "asin", asin_text)
    frame.insert(1, "period_start", start_text)
    frame.insert(2, "week", codes)
    frame.insert(3, "asin_code", asin_codes)
    frame.insert(4, "real", real)
    # where the OOS rate is above HIGH_OOS (lost units from the run rate) and above 0 (GearModel)
    frame.insert(5, "oos_high", oos_high)
    frame.insert(6, "oos_some", oos_some)
    frame.attrs["weeks"] = Labels(weeks)
    frame.attrs["asins"] = Labels(asins)
    frame.attrs["block"] = Labels((matrix,))
    return frame


#: Rows per block of whole ASINs in _lost_and_demand (its row-long temporaries, ~10 at a time).
LOST_BLOCK_ROWS = 65_536


def _lost_and_demand(cols: dict[str, np.ndarray], weeks: np.ndarray, asins: np.ndarray,
                     rows: int = LOST_BLOCK_ROWS) -> None:
    """Lost units and value, OOS-corrected demand and the opening stock, per ASIN-week.

    lost = ordered × OOS / (1 − OOS) up to HIGH_OOS (§1.5); above it (100 % OOS too)
    lost = OOS × the ASIN's pre-OOS run rate (mean of ordered / (1 − OOS) over its last
    BASELINE_WEEKS weeks at most HIGH_OOS); NaN only when the ASIN has no such week.
    demand = ordered (else shipped) + lost; lost value = lost × the ASIN's latest known price.
    opening on hand = the ASIN's on hand in the week before (NaN for its first week).

    Worked out on blocks of whole ASINs of about ``rows`` rows (by ASIN, then week): a block's
    temporaries are small (all rows at once: +110 MB at 5,000 ASINs x 156 weeks). The run rate's
    running sum goes on from one block to the next (a sequential sum), so every value is the same
    bits as in one block.
    """
    n = len(weeks)
    if not n:
        return
    order = np.lexsort((weeks, asins))           # by ASIN, then week
    sorted_asins = np.take(asins, order)
    starts = np.flatnonzero(np.r_[True, sorted_asins[1:] != sorted_asins[:-1]])
    del sorted_asins
    cuts = np.unique(starts[np.searchsorted(starts, np.arange(0, n, max(1, rows)), side="right") - 1])
    carry: float | None = None                   # the running sum at the block's start (None: the first)
    for lo, hi in zip(cuts, np.r_[cuts[1:], n]):
        carry = _lost_block(cols, weeks, asins, order[lo:hi], carry)


def _lost_block(cols: dict[str, np.ndarray], weeks: np.ndarray, asins: np.ndarray, order: np.ndarray,
                carry: float | None) -> float | None:
    """``_lost_and_demand`` on the rows ``order`` (whole ASINs, by ASIN then week); returns the
    running sum of the usable weeks' full-availability demand at its end (None before any)."""
    n = len(order)

    def take(values: np.ndarray) -> np.ndarray:
        return np.take(values, order)               # a gather (faster than values[order])

    # Each temporary is a block-long array, dropped as soon as it is used up, and each result
    # written back at once.
    a, w = take(asins), take(weeks)
    new_group = np.r_[True, a[1:] != a[:-1]]
    del a
    group_start = np.maximum.accumulate(np.where(new_group, np.arange(n), 0))
    oos = take(cols["procurable_product_out_of_stock_rate"])
    ordered_units, shipped_units = take(cols["ordered_units"]), take(cols["shipped_units"])
    ordered = np.where(np.isnan(ordered_units), shipped_units, ordered_units)
    with np.errstate(divide="ignore", invalid="ignore"):
        low = (oos >= 0) & (oos <= HIGH_OOS)
        full = np.where(low, ordered / (1.0 - oos), np.nan)
        valid = ~np.isnan(full)
        # running sum over the usable weeks only, indexed by how many usable weeks came before a row
        cv = np.r_[0.0, np.cumsum(full[valid])] if carry is None else np.cumsum(np.r_[carry, full[valid]])
        del full
        before = np.r_[0, np.cumsum(valid)[:-1]]
        del valid
        lo = np.maximum(before - BASELINE_WEEKS, before[group_start])
        count = before - lo
        baseline = np.where(count > 0, (cv[before] - cv[lo]) / np.where(count > 0, count, 1), np.nan)
        # no usable week yet: the next block starts the sum afresh, as one block would (0.0 + -0.0 is 0.0)
        end = None if carry is None and len(cv) == 1 else float(cv[-1])
        del cv, before, lo, count
        lost = np.where(low, ordered * oos / (1.0 - oos),
                        np.where((oos > HIGH_OOS) & (oos <= 1.0), oos * baseline, np.nan))
        del low, baseline
        cols["demand_units"][order] = np.where(np.isnan(oos), ordered, ordered + lost)   # back to the rows' order
        del oos, ordered
        price = take(cols["ordered_revenue"]) / np.where(ordered_units != 0, ordered_units, np.nan)
        shipped_price = take(cols["shipped_revenue"]) / np.where(shipped_units != 0, shipped_units, np.nan)
        price = np.where(np.isnan(price), shipped_price, price)
        del shipped_price, ordered_units, shipped_units
    known = np.where(~np.isnan(price), np.arange(n), -1)
    last = np.maximum.accumulate(known)
    del known
    price = np.where(last >= group_start, price[np.maximum(last, 0)], np.nan)
    del last, group_start
    cols["lost_units"][order] = lost
    cols["lost_value"][order] = lost * price
    del lost, price
    on_hand = take(cols["sellable_on_hand_inventory_units"])
    previous = np.r_[np.nan, on_hand[:-1]]
    del on_hand
    consecutive = np.r_[False, (w[1:] == w[:-1] + 1)] & ~new_group
    cols["opening_on_hand_units"][order] = np.where(consecutive, previous, np.nan)
    return end


def lost_units(facts: pd.DataFrame) -> np.ndarray:
    """Estimated lost units per row of a weekly per-ASIN frame, by the one definition of
    ``_lost_and_demand`` (the ASIN's earlier rows give its pre-OOS run rate)."""
    n = len(facts)
    names = ("procurable_product_out_of_stock_rate", "ordered_units", "shipped_units", "ordered_revenue",
             "shipped_revenue", "sellable_on_hand_inventory_units")
    cols = {name: (pd.to_numeric(facts[name], errors="coerce").to_numpy(dtype=float, na_value=np.nan)
                   if name in facts else np.full(n, np.nan)) for name in names}
    for name in ("lost_units", "lost_value", "demand_units", "opening_on_hand_units"):
        cols[name] = np.full(n, np.nan)
    weeks = pd.factorize(facts["period_start"], sort=True)[0] if n else np.zeros(0, dtype=np.intp)
    asins = pd.factorize(facts["asin"])[0] if n else np.zeros(0, dtype=np.intp)
    _lost_and_demand(cols, weeks, asins)
    return cols["lost_units"]


def _take(facts: pd.DataFrame, name: str, order: np.ndarray | None, consume: bool,
          release: Callable[[], None] | None, target: np.ndarray) -> np.ndarray:
    """``_fill(target, ...)``; with ``consume`` the facts column is deleted then (and ``release`` called)."""
    _fill(target, facts, name, order)
    if consume and name in facts.columns:
        del facts[name]
        if release:
            release()
    return target


def _fill(target: np.ndarray, facts: pd.DataFrame, name: str, order: np.ndarray | None) -> None:
    """Copy a numeric facts column (NaN where missing or not a number) into ``target``."""
    if name not in facts.columns:
        target[:] = np.nan
        return
    series = facts[name]
    if series.dtype.kind != "f":
        series = pd.to_numeric(series, errors="coerce")
    values = series.to_numpy(dtype=float, na_value=np.nan)
    if order is None:
        target[:] = values
    else:       # gathered straight into the matrix: a reordered copy first was a fresh 6 MB per column
        np.take(values, order, out=target, mode="clip")     # "raise" would buffer ``out`` again


def _text_column(facts: pd.DataFrame, name: str, order: np.ndarray | None) -> Any:
    """The facts' own string array (no per-element conversion), reordered like the rows."""
    if not len(facts):
        return np.array([], dtype=object)
    array = facts[name].array
    return array if order is None else array.take(order)


def _codes(facts: pd.DataFrame, values: np.ndarray, code_column: str, sort: bool) -> tuple[np.ndarray, list[Any]]:
    """(integer code per row, label per code): the store's codes when they are complete
    (every code 0..k-1 used; sorted labels when ``sort``), else ``pd.factorize``."""
    if code_column in facts.columns and len(values):
        codes = facts[code_column].to_numpy(dtype=np.intp)
        k = int(codes.max()) + 1 if codes.min() >= 0 else 0
        first = np.full(k, -1, dtype=np.intp)
        first[codes] = np.arange(len(codes))        # any row of a code carries its label
        if k and first.min() >= 0:
            labels = values[first]
            if not sort or all(labels[1:] > labels[:-1]):
                return codes, list(labels)
    codes, labels = pd.factorize(values, sort=sort)
    return codes, list(labels)


class Labels(tuple[Any, ...]):
    """Code -> label lookup kept in ``DataFrame.attrs``; pandas deep-copies attrs on every
    operation, so this immutable tuple returns itself instead of being copied."""

    def __deepcopy__(self, memo: dict[int, Any]) -> Labels:
        return self


def _sum_columns() -> list[str]:
    parts = [f"{p}__{c}" for c in WEIGHTED for p in ("w", "wx")]
    return list(FLOWS) + list(STOCKS) + list(OPENINGS) + parts + ["active"]


SNAPSHOTS = STOCKS + OPENINGS        # not summed over weeks: the last (stocks) or first (openings) week


def _with_chargebacks(result: pd.DataFrame, chargebacks: pd.DataFrame | None, key: str) -> pd.DataFrame:
    if chargebacks is None or chargebacks.empty:
        return result
    sums = chargebacks.groupby(key)[list(CB_COLUMNS)].sum(min_count=1)
    result = result.reindex(result.index.union(sums.index))
    for c in CB_COLUMNS:
        result[c] = sums[c].reindex(result.index)
    return result


def weekly_totals(prepared: pd.DataFrame, chargebacks: pd.DataFrame | None = None) -> pd.DataFrame:
    """All ASINs summed per week (index: period_start, sorted); column ``weeks`` = 1.

    ``chargebacks``: rows (asin, week_start, chargebacks, shortages), already filtered.
    """
    if prepared.empty:
        totals = pd.DataFrame(columns=_sum_columns(), dtype=float)
    else:
        codes = prepared["week"].to_numpy()
        if np.all(codes[1:] >= codes[:-1]):      # prepare() sorts by week: contiguous groups
            starts = np.flatnonzero(np.r_[True, codes[1:] != codes[:-1]])
            groups = codes[starts]
            block = numeric_block(prepared)
            sums = np.column_stack([slice_sums(_virtual(block, c)[:, None], starts) for c in _block_columns()])
        else:
            groups, inverse = np.unique(codes, return_inverse=True)
            block = numeric_block(prepared)
            sums = np.column_stack([group_sums(_virtual(block, c)[:, None], inverse.ravel(), len(groups))
                                    for c in _block_columns()])
        totals = pd.DataFrame(sums, columns=_block_columns()).reindex(columns=_sum_columns())   # chargebacks: NaN
        labels = prepared.attrs.get("weeks")
        if labels is None:  # attrs lost: read the label of each week code
            labels = prepared.groupby("week")["period_start"].first().to_dict()
        totals.index = pd.Index([labels[i] for i in groups], name="period_start")
    cb = chargebacks.rename(columns={"week_start": "period_start"}) if chargebacks is not None else None
    totals = _with_chargebacks(totals, cb, "period_start").sort_index()
    totals["weeks"] = 1.0
    return totals


def slice_sums(block: np.ndarray, starts: np.ndarray) -> np.ndarray:
    """Column sums of the row slices beginning at ``starts`` (rows grouped contiguously);
    NaN where a slice has no known value (pandas ``sum(min_count=1)``)."""
    out = np.empty((len(starts), block.shape[1]))
    for j in range(block.shape[1]):
        column = block[:, j]
        missing = np.isnan(column)
        if missing.any():
            filled = column.copy()
            filled[missing] = 0.0
            out[:, j] = np.add.reduceat(filled, starts)
            unknown = np.add.reduceat(missing, starts, dtype=np.intp)
            out[unknown == np.diff(np.r_[starts, len(column)]), j] = np.nan
        else:
            out[:, j] = np.add.reduceat(column, starts)
    return out


def group_sums(block: np.ndarray, inverse: np.ndarray, n: int) -> np.ndarray:
    """Column sums of ``block`` rows per group code (0..n-1), NaN where a group has no
    known value (pandas ``sum(min_count=1)``), one ``np.bincount`` per column."""
    out = np.empty((n, block.shape[1]))
    for j in range(block.shape[1]):
        column = block[:, j]
        missing = np.isnan(column)
        if missing.any():
            out[:, j] = np.bincount(inverse, weights=np.where(missing, 0.0, column), minlength=n)
            known = np.bincount(inverse, weights=~missing, minlength=n)
            out[known == 0, j] = np.nan
        else:
            out[:, j] = np.bincount(inverse, weights=column, minlength=n)
            out[np.bincount(inverse, minlength=n) == 0, j] = np.nan
    return out


def period_of_totals(totals: pd.DataFrame, start: str, end: str) -> pd.Series:
    """One period from weekly totals: flows summed, stocks at the last week with data."""
    rows = totals.loc[(totals.index >= start) & (totals.index <= end)]
    result = rows.sum(min_count=1)
    for column in SNAPSHOTS:
        known = rows[column].dropna() if column in rows else pd.Series(dtype=float)
        result[column] = (known.iloc[0] if column in OPENINGS else known.iloc[-1]) if len(known) else np.nan
    result["weeks"] = float(len(rows))
    return result


def periods_of_totals(totals: pd.DataFrame, spans: dict[str, tuple[str, str]]) -> pd.DataFrame:
    """``period_of_totals`` for several periods at once (rows: the span names), in numpy."""
    values = totals.to_numpy(dtype=float, na_value=np.nan)
    weeks = totals.index.to_numpy(dtype=object)
    stocks = [totals.columns.get_loc(c) for c in STOCKS if c in totals.columns]
    openings = [totals.columns.get_loc(c) for c in OPENINGS if c in totals.columns]
    out = np.full((len(spans), len(totals.columns)), np.nan)
    for i, (start, end) in enumerate(spans.values()):
        lo, hi = np.searchsorted(weeks, start, "left"), np.searchsorted(weeks, end, "right")
        rows = values[lo:hi]
        known = ~np.isnan(rows)
        out[i] = np.where(known.any(axis=0), np.where(known, rows, 0.0).sum(axis=0), np.nan)
        for j in stocks + openings:
            have = np.flatnonzero(known[:, j])
            out[i, j] = rows[have[-1 if j in stocks else 0], j] if len(have) else np.nan
    result = pd.DataFrame(out, index=list(spans), columns=totals.columns)
    result["weeks"] = [float(np.searchsorted(weeks, end, "right") - np.searchsorted(weeks, start, "left"))
                       for start, end in spans.values()]
    return result


def _week_mask(prepared: pd.DataFrame, start: str, end: str) -> np.ndarray:
    """Rows whose week lies in start..end, compared on integer week codes (string
    comparisons over every row are ~50x slower)."""
    labels = prepared.attrs.get("weeks")
    if labels is None:
        starts = prepared["period_start"].to_numpy(dtype=object)
        return (starts >= start) & (starts <= end)
    lo = bisect.bisect_left(labels, start)
    hi = bisect.bisect_right(labels, end)
    codes = prepared["week"].to_numpy()
    return (codes >= lo) & (codes < hi)


def _period_rows(prepared: pd.DataFrame, start: str, end: str) -> np.ndarray:
    """Positions of the ASIN rows (not '') whose week lies in start..end; a slice search
    when the rows are in week order (as prepare() leaves them)."""
    real = (prepared["real"].to_numpy(dtype=bool) if "real" in prepared.columns
            else prepared["asin"].to_numpy(dtype=object) != "")
    labels = prepared.attrs.get("weeks")
    codes = prepared["week"].to_numpy()
    if labels is not None and np.all(codes[1:] >= codes[:-1]):
        lo, hi = np.searchsorted(codes, [bisect.bisect_left(labels, start), bisect.bisect_right(labels, end)])
        return np.asarray(lo + np.flatnonzero(real[lo:hi]))
    return np.flatnonzero(_week_mask(prepared, start, end) & real)


def _block_columns() -> list[str]:
    """The summed columns the aggregates read from the facts (``_virtual``): all but the chargebacks
    (always NaN in the facts; they come from the chargeback frame), flows first, then the snapshots."""
    return [c for c in _sum_columns() if c not in SNAPSHOTS and c not in CB_COLUMNS] + list(SNAPSHOTS)


#: Summed columns that ``_virtual`` works out from the stored ones (not kept in the matrix).
DERIVED = ("confirmed_units", "requested_units", "active") + tuple(
    f"{p}__{c}" for c in WEIGHTED for p in ("w", "wx"))


def _stored_columns() -> list[str]:
    """The columns of the prepared matrix: ``_block_columns`` without the derived ones, then the rates."""
    return [c for c in _block_columns() if c not in DERIVED] + list(WEIGHTED)


_STORED_AT = {name: j for j, name in enumerate(_stored_columns())}


def _virtual(block: np.ndarray, name: str, rows: slice | np.ndarray | None = None) -> np.ndarray:
    """Column ``name`` of ``_block_columns()`` for the block's ``rows`` (all by default): a stored
    column as it is (a view when ``rows`` is a slice), a derived one by the formulas prepare() used
    to store (the same values, bit for bit)."""
    def stored(column: str) -> np.ndarray:
        values = block[:, _STORED_AT[column]]
        return values if rows is None else values[rows]

    if name in _STORED_AT:
        return stored(name)
    if name == "active":                        # 1 when units shipped
        return (stored("shipped_units") > 0).astype(float)
    with np.errstate(divide="ignore", invalid="ignore"):
        if name in ("confirmed_units", "requested_units"):
            # estimated from received units and the reported rates
            fill = stored("receive_fill_rate")
            confirmed: np.ndarray = stored("net_received_inventory_units") / np.where(fill > 0, fill, np.nan)
            if name == "confirmed_units":
                return confirmed
            conf = stored("vendor_confirmation_rate")
            requested: np.ndarray = confirmed / np.where(conf > 0, conf, np.nan)
            return requested
        part, rate = name.split("__", 1)        # w__x = the weight where x is known; wx__x = x x weight
        values, weight = stored(rate), WEIGHTED[rate]
        w = np.array(_virtual(block, weight, rows) if weight else np.ones(len(values)), dtype=float)
        w[~(~np.isnan(values) & (w > 0))] = np.nan
        return w if part == "w" else np.multiply(values, w)


def subset(prepared: pd.DataFrame, rows: np.ndarray) -> pd.DataFrame:
    """The ``prepared`` rows at positions ``rows`` (ascending), with the key columns and the
    summed columns only, as a frame of the same kind (its own block, the same code labels)."""
    source = numeric_block(prepared)
    block = np.empty((len(rows), source.shape[1]), order="F")
    for j in range(source.shape[1]):            # column by column: contiguous reads and writes
        np.take(source[:, j], rows, out=block[:, j])
    frame = pd.DataFrame(block, columns=_stored_columns(), copy=False)
    for i, name in enumerate(("asin", "period_start", "week", "asin_code", "real")):
        column = prepared[name]
        numeric = isinstance(column.dtype, np.dtype) and column.dtype != object
        frame.insert(i, name, column.to_numpy()[rows] if numeric else column.array.take(rows))
    frame.attrs["weeks"] = prepared.attrs.get("weeks")
    frame.attrs["asins"] = prepared.attrs.get("asins")
    frame.attrs["block"] = Labels((block,))
    return frame


def numeric_block(prepared: pd.DataFrame) -> np.ndarray:
    """The stored columns (``_stored_columns``) as one float matrix: the prepare() matrix itself
    when ``prepared`` is the whole frame, else a copy of the rows; ``_virtual`` reads any summed
    column from it."""
    held = prepared.attrs.get("block")
    if held and len(held[0]) == len(prepared):
        return np.asarray(held[0])
    return prepared[_stored_columns()].to_numpy(dtype=float)


def per_asin(prepared: pd.DataFrame, start: str, end: str,
             chargebacks: pd.DataFrame | None = None, block: np.ndarray | None = None) -> pd.DataFrame:
    """One period per ASIN: flows summed, stocks at each ASIN's last week; ``weeks`` = rows.

    ``block``: ``numeric_block(prepared)`` when the caller keeps it (saves a copy per call)."""
    idx = _period_rows(prepared, start, end)
    if len(idx) == 0:
        return pd.DataFrame(columns=_sum_columns() + ["weeks"], dtype=float)
    flows = [c for c in _block_columns() if c not in SNAPSHOTS]
    if block is None:
        block = numeric_block(prepared)
    codes = prepared["asin_code"].to_numpy()[idx]
    weeks = prepared["week"].to_numpy()[idx]
    groups, inverse = np.unique(codes, return_inverse=True)
    n = len(groups)
    out: dict[str, np.ndarray] = {}
    contiguous = idx[-1] - idx[0] + 1 == len(idx)      # week-ordered rows: a view, no copy
    rows: slice | np.ndarray = slice(idx[0], idx[-1] + 1) if contiguous else idx
    stored = set(flows)
    for column in (c for c in _sum_columns() if c not in SNAPSHOTS):    # the summed columns' order
        if column not in stored:        # the chargebacks: not in the facts (added below when given)
            out[column] = np.full(n, np.nan)
            continue
        values = _virtual(block, column, rows)
        known = ~np.isnan(values)
        total = np.bincount(inverse, weights=np.where(known, values, 0.0), minlength=n)
        count = np.bincount(inverse, weights=known, minlength=n)
        out[column] = np.where(count > 0, total, np.nan)
    for column in SNAPSHOTS:       # each ASIN's latest (openings: earliest) week with data
        values = _virtual(block, column, rows)
        have = np.flatnonzero(~np.isnan(values))
        sign = -1 if column in OPENINGS else 1
        latest = np.full(n, np.iinfo(np.int64).min, dtype=np.int64)
        np.maximum.at(latest, inverse[have], sign * weeks[have])
        pick = have[sign * weeks[have] == latest[inverse[have]]]
        # several rows of one ASIN in that week (marketplaces) add up, as in the account totals
        total = np.bincount(inverse[pick], weights=values[pick], minlength=n)
        out[column] = np.where(np.bincount(inverse[pick], minlength=n) > 0, total, np.nan)
    out["weeks"] = np.bincount(inverse, minlength=n).astype(float)
    labels = prepared.attrs.get("asins")
    if labels is not None:
        index = pd.Index(np.asarray(labels, dtype=object)[groups], name="asin")
    else:
        first = pd.Series(prepared["asin"].to_numpy(dtype=object)[idx]).groupby(inverse).first()
        index = pd.Index(first.to_numpy(dtype=object), name="asin")
    result = _float_frame(out, index)
    if not result.index.is_monotonic_increasing:
        result = result.sort_index()
    if chargebacks is not None and len(chargebacks):
        week, asin = chargebacks["week_start"].to_numpy(dtype=object), chargebacks["asin"].to_numpy(dtype=object)
        take = np.flatnonzero((week >= start) & (week <= end) & (asin != ""))
        pos = result.index.get_indexer(pd.Index(asin[take])) if len(take) else np.array([], dtype=np.intp)
        for c in CB_COLUMNS:        # summed per ASIN of the result, NaN without a known amount
            values = chargebacks[c].to_numpy(dtype=float, na_value=np.nan)[take]
            keep = (pos >= 0) & ~np.isnan(values)
            total = np.bincount(pos[keep], weights=values[keep], minlength=len(result))
            result[c] = np.where(np.bincount(pos[keep], minlength=len(result)) > 0, total, np.nan)
    return result


def _div(num: np.ndarray, den: np.ndarray) -> np.ndarray:
    with np.errstate(divide="ignore", invalid="ignore"):
        out: np.ndarray = num / den
    out[~(den != 0) | np.isnan(den)] = np.nan
    return out


@overload
def kpi_table(agg: pd.DataFrame) -> pd.DataFrame: ...
@overload
def kpi_table(agg: pd.Series) -> pd.Series: ...
def kpi_table(agg: pd.DataFrame | pd.Series) -> pd.DataFrame | pd.Series:
    """Every KPI from an aggregate (rows = weeks or ASINs, or one Series for a period).

    Same formulas as the scalar functions above, vectorised in numpy (pandas per-column
    arithmetic costs ~1 ms an operation; this runs once per table).
    """
    if isinstance(agg, pd.Series):
        return kpi_table(agg.to_frame().T).iloc[0]
    n = len(agg)
    # one read of the aggregate (a frame of one float block: a view, no copy per column)
    values = agg.to_numpy(dtype=float, na_value=np.nan) if len(agg.columns) else np.empty((n, 0))
    position = {name: j for j, name in enumerate(agg.columns)}
    absent = np.full(n, np.nan)
    absent.flags.writeable = False

    def a(name: str) -> np.ndarray:
        j = position.get(name)
        return absent if j is None else values[:, j]

    out: dict[str, np.ndarray] = {}
    revenue, units, cogs = a("shipped_revenue"), a("shipped_units"), a("shipped_cogs")
    out["asp"] = _div(revenue, units)
    out["conversion"] = _div(a("ordered_units"), a("glance_views"))
    for name in ("glance_views", "ordered_revenue"):
        out[name] = a(name)
    out["shipped_cogs"], out["shipped_units"], out["shipped_revenue"] = cogs, units, revenue
    out["oos_views"] = a("wx__procurable_product_out_of_stock_rate")
    for column, kpi in (("procurable_product_out_of_stock_rate", "oos_rate"),
                        ("vendor_confirmation_rate", "confirmation_rate"),
                        ("receive_fill_rate", "fill_rate"),
                        ("average_vendor_lead_time_days", "lead_time_days")):
        out[kpi] = _div(a(f"wx__{column}"), a(f"w__{column}"))
    out["sell_through"] = sell_through(units, a("customer_returns"), a("opening_on_hand_units"),
                                       a("net_received_inventory_units"))
    contra, discount = a("contra_cogs"), a("sales_discount")
    reported = _div(a("wx__net_pure_product_margin"), a("w__net_pure_product_margin"))
    derived = net_ppm(revenue, cogs, contra, discount)
    derived[np.isnan(contra) & np.isnan(discount)] = np.nan
    out["net_ppm"] = np.where(np.isnan(reported), derived, reported)
    out["front_margin"] = _div(revenue - cogs, revenue)
    out["contra_cogs_share"] = _div(contra, cogs)
    out["sales_discount_share"] = _div(discount, revenue)
    on_hand = a("sellable_on_hand_inventory_units")
    demand = a("demand_units")
    demand = np.where(np.isnan(demand), units, demand)       # no OOS data: shipped units
    out["demand_units"] = demand
    out["weeks_of_cover"] = np.asarray(weeks_of_cover(on_hand, a("open_purchase_order_units"),
                                                      _div(demand, a("weeks"))), dtype=float)
    lost_value = a("lost_value")
    out["lost_units"], out["lost_value"] = a("lost_units"), lost_value
    out["lost_share"] = _div(lost_value, lost_value + revenue)
    out["unfilled_units"] = a("unfilled_customer_ordered_units")
    out["return_rate"] = _div(a("customer_returns"), units)
    chargebacks = a("chargebacks")
    out["chargebacks"], out["shortages"] = chargebacks, a("shortages")
    out["chargeback_share"] = _div(chargebacks, cogs)
    out["aged_share"] = _div(a("aged90_plus_days_sellable_inventory_units"), on_hand)
    out["unhealthy_share"] = _div(a("unhealthy_inventory_units"), on_hand)
    out["open_po_units"] = a("open_purchase_order_units")
    out["active_asins"] = a("active")
    return _float_frame(out, agg.index)


def _float_frame(columns: dict[str, np.ndarray], index: pd.Index) -> pd.DataFrame:
    """A frame of float columns built as ONE block (a dict of arrays costs a sanitising pass
    per column, ~20 µs each)."""
    matrix = np.empty((len(index), len(columns)))
    for j, values in enumerate(columns.values()):
        matrix[:, j] = values
    return pd.DataFrame(matrix, index=index, columns=list(columns), copy=False)


# --- periods -------------------------------------------------------------------------------
def week_start(day: str) -> str:
    """The Sunday that starts the Amazon retail week containing ``day`` (ISO)."""
    date = dt.date.fromisoformat(str(day)[:10])
    return (date - dt.timedelta(days=(date.weekday() + 1) % 7)).isoformat()


def shift_weeks(day: str, weeks: int) -> str:
    return (dt.date.fromisoformat(str(day)[:10]) + dt.timedelta(weeks=weeks)).isoformat()


def periods(asof_week: str, weeks: int) -> dict[str, tuple[str, str]]:
    """The current period (``weeks`` weeks ending with ``asof_week``), the prior period and
    the same weeks a year earlier (52 weeks back, so weekdays stay aligned)."""
    start = shift_weeks(asof_week, -(weeks - 1))
    return {
        "current": (start, asof_week),
        "prior": (shift_weeks(start, -weeks), shift_weeks(asof_week, -weeks)),
        "last_year": (shift_weeks(start, -WEEKS_PER_YEAR), shift_weeks(asof_week, -WEEKS_PER_YEAR)),
    }
