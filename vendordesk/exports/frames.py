"""Tables built from computed results (not read from the store), shared by the commands and the
window."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pandas as pd


def report_frame(report):
    """One row per gear and KPI of a computed GearReport (the window exports what it shows)."""
    import pandas as pd

    rows = []
    for g in report.gears:
        for k in g.kpis:
            rows.append({"gear_id": g.id, "gear": g.name, "gear_score": g.score, "gear_status": g.status,
                         "kpi_id": k.id, "kpi": k.name, "unit": k.unit, "value": k.value,
                         "prior": k.prior, "last_year": k.last_year, "change": k.change,
                         "kpi_status": k.status, "kpi_score": k.score, "manual": k.manual,
                         "data_as_of": k.data_as_of, "week": report.asof_week})
    return pd.DataFrame(rows)


NEGOTIATION_FIELDS = ("asin", "title", "cost_before", "cost_after", "cost_change", "asp_13", "asp_26", "asp_52",
                      "asp_trend", "front_margin_before", "front_margin_after", "net_ppm_before", "net_ppm_after",
                      "net_ppm_pass_through", "break_even_asp", "crap_risk", "volume_change",
                      "vendor_margin_before", "vendor_margin_after")


def negotiation_frame(analysis: Any) -> pd.DataFrame:
    """One row per ASIN of a price-increase case's analysis (the Economics table), with the case's
    currency (the money columns' sign)."""
    import pandas as pd

    rows = [{**{name: getattr(item, name) for name in NEGOTIATION_FIELDS}, "currency": analysis.case.currency}
            for item in analysis.items]
    return pd.DataFrame(rows, columns=[*NEGOTIATION_FIELDS, "currency"])
