"""Amazon's and the vendor's unit economics: ASP, front margin, Net PPM, break-even ASP.

Pure functions on floats (domain.md §1.5, §5.2, §5.3). A value that cannot be computed
(missing or zero ASP, missing cost) is ``None``; nothing is clamped, so a Net PPM may be
negative. Back-end terms (co-op, allowances) are a fraction of cost (contra-COGS).
"""

from __future__ import annotations

from typing import TypeGuard

from vendordesk.core.gears import kpis as K
from vendordesk.core.missing import is_missing

#: Price elasticity used when the gear model offers none (documented default, labelled so).
DEFAULT_ELASTICITY = -1.5
#: Lower end of the 35-45 % Net PPM target quoted by consultants (domain.md §5.2).
DEFAULT_NET_PPM_TARGET = 0.35
ASP_WINDOWS = (13, 26, 52)


def _usable(value: float | None) -> TypeGuard[float]:
    """True for a real number; a value typed ``float | None`` that is not missing is a float."""
    return not is_missing(value)


def asp(revenue: float | None, units: float | None) -> float | None:
    """Average selling price = shipped revenue / shipped units; None without units."""
    if not _usable(revenue) or not _usable(units) or units <= 0:
        return None
    return float(revenue) / float(units)


def front_margin(asp_value: float | None, cost: float | None) -> float | None:
    """(ASP - cost) / ASP; None when ASP is missing or not positive."""
    if not _usable(asp_value) or not _usable(cost) or asp_value <= 0:
        return None
    return (asp_value - cost) / asp_value


def net_ppm(asp_value: float | None, cost: float | None, contra_rate: float = 0.0,
            sales_discount: float = 0.0) -> float | None:
    """Net PPM of one unit: kpis.net_ppm with revenue = ASP, COGS = cost, contra-COGS = rate x cost."""
    if not _usable(asp_value) or not _usable(cost) or asp_value <= 0:
        return None
    return float(K.net_ppm(asp_value, cost, contra_rate * cost, sales_discount))


def net_ppm_after_change(ppm_before: float | None, asp_before: float | None, cost_before: float | None,
                         asp_after: float | None, cost_after: float | None, contra_rate: float = 0.0,
                         extra_rate: float = 0.0) -> float | None:
    """Net PPM after a change of price and cost, starting from a known Net PPM per unit.

    Amazon's margin per unit before is ``ppm_before x asp_before`` (reported or derived, with
    its sales discount). After: + (asp_after - asp_before) - (cost_after - cost_before) x
    (1 - contra_rate) + extra_rate x cost_after; divided by asp_after. The sales discount per
    unit stays as it was. With ``ppm_before`` = net_ppm(asp, cost, rate) this equals
    net_ppm(asp_after, cost_after, rate + extra_rate).
    """
    if not (_usable(ppm_before) and _usable(asp_before) and _usable(cost_before)
            and _usable(asp_after) and _usable(cost_after)):
        return None
    if asp_before <= 0 or asp_after <= 0:
        return None
    margin = (ppm_before * asp_before + (asp_after - asp_before) - (cost_after - cost_before) * (1.0 - contra_rate)
              + extra_rate * cost_after)
    return margin / asp_after


def break_even_asp(cost: float | None, contra_rate: float, target: float,
                   sales_discount: float = 0.0) -> float | None:
    """The ASP at which Net PPM equals ``target``: (cost x (1 - rate) + discount) / (1 - target)."""
    if not _usable(cost) or target >= 1.0:
        return None
    return (cost * (1.0 - contra_rate) + sales_discount) / (1.0 - target)


def crap_risk(net_ppm_value: float | None, target: float) -> bool | None:
    """True when Net PPM falls below Amazon's target (CRaP risk); None when unknown."""
    if not _usable(net_ppm_value):
        return None
    return bool(net_ppm_value < target)


def vendor_margin(cost_price: float | None, own_cost: float | None, contra_rate: float = 0.0) -> float | None:
    """The vendor's margin on a unit sold to Amazon: (cost price x (1 - rate) - own cost) / cost price."""
    if not _usable(cost_price) or not _usable(own_cost) or cost_price <= 0:
        return None
    return (cost_price * (1.0 - contra_rate) - own_cost) / cost_price


def pass_through_asp(asp_value: float | None, cost_before: float | None, cost_after: float | None) -> float | None:
    """The ASP raised by the same percentage as the cost."""
    if not _usable(asp_value) or not _usable(cost_before) or not _usable(cost_after):
        return None
    if cost_before <= 0 or asp_value <= 0:
        return None
    return asp_value * cost_after / cost_before


def change(before: float | None, after: float | None) -> float | None:
    """Relative change after / before - 1; None when before is missing or zero."""
    if not _usable(before) or not _usable(after) or before == 0:
        return None
    return after / before - 1.0


def volume_change(price_change: float | None, elasticity: float) -> float | None:
    """Expected relative change in units for a relative price change (constant elasticity)."""
    if not _usable(price_change):
        return None
    return max(-1.0, elasticity * price_change)


