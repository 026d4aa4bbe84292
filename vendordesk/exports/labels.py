"""Which columns of an XLSX export show a label instead of the stored code (``core.labels``).

XLSX is for people: a status reads "Wartet auf Amazon", not ``waiting_amazon``; a gear
"Profitabilität & Konditionen", not ``profitability_terms``; the marketplace "Amazon.de", not
``A1PA6795UKMFR9``. Only the text a cell shows changes: number formats still follow the stored
unit and metric, and CSV keeps the codes (its scripting contract). Identifier columns (gear_id,
kpi_id, case_id, ASIN) stay as they are.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from vendordesk.core.labels import labeller

# kind -> column -> core.labels field
LABELS: dict[str, dict[str, str]] = {
    "facts": {"metric": "fact_metric", "distributor_view": "distributor_view", "selling_program": "selling_program",
              "grain": "grain", "marketplace_id": "marketplace"},
    "tickets": {"category": "category", "status": "case_status", "gear": "gear", "owner_department": "department"},
    "chargebacks": {"kind": "chargeback_kind", "dispute_status": "dispute_status", "type": "chargeback_type",
                    "issue_group": "chargeback_group"},
    "tasks": {"department_id": "department", "gear": "gear", "status": "task_status"},
    "forecast": {"model": "forecast_model", "source": "forecast_source", "flags": "forecast_flags",
                 "events": "forecast_events"},
    "orders": {"order_basis": "order_basis"},
    "gears": {"gear_status": "gear_status", "kpi_status": "gear_status", "unit": "unit"},
}

Cell = Callable[[Sequence[object], object], object]       # (row, value) -> what the cell shows


def cell_labels(kind: str | None, keys: Sequence[str], lang: str,
                departments: dict[str, str] | None = None) -> dict[int, Cell]:
    """Column index -> ``(row, value) -> label`` for the label columns of ``kind`` among ``keys``."""
    out: dict[int, Cell] = {}
    for key, field in LABELS.get(kind or "", {}).items():
        if key in keys:
            out[keys.index(key)] = _by_value(labeller(field, lang, departments))
    if kind == "gears":
        out.update(_gear_names(list(keys), lang))
    return out


def _by_value(one: Callable[[object], object]) -> Cell:
    def cell(row: Sequence[object], value: object) -> object:
        return one(value)

    return cell


def _gear_names(keys: list[str], lang: str) -> dict[int, Cell]:
    """The gear and KPI names in ``lang`` from their ids (the report may have been built in another
    language); a name without a known id stays as written."""
    from vendordesk.core.gears import defs

    if "gear_id" not in keys:
        return {}
    gear_at = keys.index("gear_id")
    gears = {g.id: g for g in defs.GEARS}
    out: dict[int, Cell] = {}
    if "gear" in keys:
        def gear(row: Sequence[object], value: object) -> object:
            found = gears.get(str(row[gear_at]))
            return found.name(lang) if found else value
        out[keys.index("gear")] = gear
    if "kpi" in keys and "kpi_id" in keys:
        kpi_at = keys.index("kpi_id")

        def kpi(row: Sequence[object], value: object) -> object:
            found = gears.get(str(row[gear_at]))
            definition = found.kpi(str(row[kpi_at])) if found else None
            return definition.name(lang) if definition else value
        out[keys.index("kpi")] = kpi
    return out
