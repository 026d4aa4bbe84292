"""A what-if result to Excel for people: headers in the UI language, € / units / points formats,
one table per sheet (header row 1 frozen, autofilter, column widths): the totals with their 10-90 %
range, the € waterfall of the paths (they add up to the total), the weekly course, the shocks."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from vendordesk.core.influence.report import MONEY, shock_words, totals_rows, waterfall, weekly_rows
from vendordesk.exports import formats
from vendordesk.exports.cells import xlsx_text
from vendordesk.exports.files import atomic_target, check_target
from vendordesk.text import N_, texts

POINTS = '+0.00" pt";-0.00" pt";0.00" pt"'
UNITS = "+#,##0;-#,##0;0"


def _row(ws, values, fmt=None, bold=False) -> None:
    ws.append([xlsx_text(v) if isinstance(v, str) else v for v in values])
    for cell in ws[ws.max_row]:
        if bold:
            cell.font = Font(bold=True)
        if fmt and isinstance(cell.value, (int, float)):
            cell.number_format = fmt


def _table(ws, widths) -> None:
    """A sheet a person can sort and filter: header row 1 frozen, an autofilter over the rows."""
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:{get_column_letter(len(widths))}{max(1, ws.max_row)}"
    for i, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(i)].width = width


def write_whatif(result, info: dict, out: Path, lang: str = "en") -> Path:
    """``out`` must end in .xlsx; written atomically. Returns the path.

    Every sheet is one table with its header in row 1: the totals, the € paths (they add up to the
    totals), the weekly course, and the assumptions (the shocks) the run was made with."""
    out = Path(out)
    if check_target(out) != "xlsx":
        from vendordesk.errors import UserError

        raise UserError(N_("{file}: a what-if is exported to Excel. Choose a file name ending in .xlsx."), file=str(out))
    _ = texts(lang)
    cur = info.get("currency", "EUR")
    money = formats.money(cur, lang, signed=True, decimals=0)
    wb = Workbook()
    ws = wb.active
    ws.title = _("What-if")
    _row(ws, [_("Figure"), _("Change"), _("Likely from"), _("to"), _("Unit")], bold=True)
    for key, name, value, lo, hi in totals_rows(result, lang, cur):
        fmt = money if key in MONEY else POINTS if key == "net_ppm" else UNITS
        unit = formats.SYMBOLS.get(cur, cur) if key in MONEY else _("points") if key == "net_ppm" else _("units")
        _row(ws, [name, value, lo, hi, unit], fmt)
    _table(ws, (40, 16, 18, 16, 12))

    paths = wb.create_sheet(_("Paths"))
    _row(paths, [_("Where the euros come from"), *[_(t) for t in ("Our revenue (shipped COGS)",
                                                                     "Amazon revenue (shipped revenue)", "Amazon's margin")]],
         bold=True)
    steps = {m: waterfall(result, m, lang, short=False) for m in MONEY}
    for i, step in enumerate(steps["vendor_revenue"]):
        _row(paths, [step.label, *[steps[m][i].value for m in MONEY]], money, bold=step.key == "total")
    _table(paths, (62, 28, 34, 18))

    weeks = wb.create_sheet(_("Weeks"))
    heads = [_("Week"), _("Units"), _("Units, cumulative"), _("Likely from"), _("to"),
             _("Our revenue (shipped COGS)"), _("Amazon revenue (shipped revenue)")]
    _row(weeks, heads, bold=True)
    for row in weekly_rows(result):
        weeks.append(list(row))
        cells = weeks[weeks.max_row]
        cells[0].number_format = "0"
        for c in cells[1:5]:
            c.number_format = UNITS
        for c in cells[5:]:
            c.number_format = money
    _table(weeks, [max(10, len(head) + 3) for head in heads])

    assumptions = wb.create_sheet(_("Assumptions"))
    _row(assumptions, [_("What-if over {n} weeks", n=result.weeks)], bold=True)
    for shock in info.get("shocks", ()):
        _row(assumptions, [shock_words(shock, lang)])
    _table(assumptions, (62,))
    with atomic_target(out) as temp:
        wb.save(temp)
    return out
