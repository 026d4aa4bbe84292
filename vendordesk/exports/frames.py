"""Tables built from computed results (not read from the store), shared by the commands and the
window."""

from __future__ import annotations


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
