"""Exports to CSV and XLSX, shared by ``vendordesk export`` and the window (no Qt here).

- ``export_facts(ws, out, source, lang, progress)``: all facts (``source``: ``store.facts_export``), streamed in ASIN batches (flat memory).
- ``write_frame(frame, out, kind, lang)``: any table (the window passes the rows on screen).

CSV is for scripts (snake_case header, ISO dates, plain numbers); XLSX is for people (headers in
the UI language, date and number cells with formats, frozen header, autofilter). Both neutralize
text that a spreadsheet would run as a formula. The file appears only when complete.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from vendordesk.errors import UserError
from vendordesk.exports.columns import COLUMNS, columns_for
from vendordesk.exports.files import atomic_target, check_target
from vendordesk.text import N_, NP_, Number, texts

MAX_XLSX_ROWS = 1_048_576        # Excel's rows per sheet, the header row included
TITLES = {"facts": NP_("export title", "Facts"), "tickets": NP_("export title", "Cases"), "chargebacks": NP_("export title", "Chargebacks"),
          "tasks": NP_("export title", "Tasks"), "forecast": NP_("export title", "Forecast"),
          "orders": NP_("export title", "Orders coming"), "gears": NP_("export title", "KPI gears"),
          "negotiation": NP_("export title", "Price increase")}

Progress = Callable[[float], None]


def check_xlsx_rows(rows: int, out: Path) -> None:
    """Refuse before any work when ``rows`` do not fit in one Excel sheet."""
    if rows + 1 > MAX_XLSX_ROWS:
        raise UserError(N_("{file}: {rows} rows do not fit in one Excel sheet (at most {most} rows below the "
                           "header). Export to CSV instead (--out {csv}), which has no row limit, or export fewer "
                           "rows (filter the table in the window)."), file=str(out), rows=Number(rows),
                        most=Number(MAX_XLSX_ROWS - 1), csv=out.with_suffix(".csv").name)


def title(kind: str | None, lang: str) -> str:
    return texts(lang).pgettext("export title", TITLES.get(kind or "", NP_("export title", "Export")))


def export_facts(ws, out: Path, source, lang: str = "en", progress: Progress | None = None) -> int:
    """All facts to ``out`` (.csv or .xlsx); returns the number of rows written. In XLSX the grain and
    the marketplace read as words ("Woche", "Amazon.de"); CSV keeps the codes."""
    from vendordesk.exports import facts

    fmt = check_target(out)
    columns = list(COLUMNS["facts"])
    if fmt == "xlsx":
        check_xlsx_rows(facts.count_rows(ws, source), out)
    with atomic_target(out) as temp:
        if fmt == "csv":
            from vendordesk.exports.csv_out import write_text_csv

            return write_text_csv(temp, [c.key for c in columns], facts.csv_batches(ws, source, progress))
        from vendordesk.exports.labels import cell_labels
        from vendordesk.exports.xlsx import write_xlsx

        labels = cell_labels("facts", [c.key for c in columns], lang)
        return write_xlsx(temp, columns, facts.row_batches(ws, source, progress), lang, title("facts", lang), labels)


def write_frame(frame, out: Path, kind: str | None = None, lang: str = "en",
                progress: Progress | None = None, departments: dict[str, str] | None = None) -> int:
    """One table to ``out`` (.csv or .xlsx); returns the number of rows written.

    CSV writes the frame's columns as they are (codes, ISO dates, plain numbers); XLSX writes the
    columns of ``kind``'s table that the frame has, in its order, then any others, with statuses,
    gears, kinds, categories, departments and marketplaces as the words the window shows
    (``exports.labels``; ``departments``: the workspace's own names, id -> name in ``lang``)."""
    out = Path(out)
    fmt = check_target(out)
    if fmt == "xlsx":
        check_xlsx_rows(len(frame), out)
    with atomic_target(out) as temp:
        if fmt == "csv":
            from vendordesk.exports.csv_out import write_frame_csv

            return write_frame_csv(frame, temp)
        from vendordesk.exports.labels import cell_labels
        from vendordesk.exports.xlsx import write_xlsx

        columns = columns_for(kind, frame.columns)
        keys = [c.key for c in columns]
        batches = _frame_batches(frame, keys, progress)
        return write_xlsx(temp, columns, batches, lang, title(kind, lang), cell_labels(kind, keys, lang, departments))


def _frame_batches(frame, keys: list[str], progress: Progress | None, size: int = 50_000):
    total = len(frame)
    for start in range(0, total, size):
        part = frame.iloc[start:start + size][keys].astype(object)
        yield list(part.itertuples(index=False, name=None))
        if progress:
            progress(min(1.0, (start + size) / max(1, total)))
    if total == 0:
        yield []
