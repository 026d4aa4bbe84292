"""The management brief as a PDF: data from ui.influence_data, HTML from briefs.management,
charts drawn by pyqtgraph (ImageExporter, QImage), then ui.printing.html_to_pdf.

``render_management_pdf`` is what ``vendordesk brief management`` calls; it creates an off-screen
QApplication when none exists (headless command line).
"""

from __future__ import annotations

import datetime as dt
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from vendordesk.errors import UserError

if TYPE_CHECKING:
    from PySide6.QtWidgets import QPushButton


def _app():
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if app is None:
        if sys.platform.startswith("linux") and not os.environ.get("DISPLAY"):
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        app = QApplication(["vendordesk"])
    return app


def _week_start(value: str | None, field: str) -> str | None:
    """An ISO date -> the Sunday that starts its Amazon week; UserError names the field."""
    if value in (None, ""):
        return None
    try:
        day = dt.date.fromisoformat(str(value)[:10])
    except ValueError as exc:
        raise UserError(f"{field} {value}: not a date. Write it as YYYY-MM-DD, e.g. 2026-09-06.") from exc
    return (day - dt.timedelta(days=(day.weekday() + 1) % 7)).isoformat()


from vendordesk.ops.product_names import products  # noqa: E402 - re-exported for the dialog and the CLI


def _charts(data: dict, lang: str) -> dict:
    """The bridge waterfall and the monthly target bars (ui.brief_charts: honest axes, units, legend below)."""
    from vendordesk.briefs.management import BRIDGE_URL, TARGET_URL, step_name, t
    from vendordesk.core.bridge import STEPS
    from vendordesk.ui.briefs.brief_charts import bars_image, waterfall_image

    images = {}
    b = data.get("bridge")
    if b is not None and not b.empty:
        steps = [(step_name(s, lang), b.steps[s]) for s in STEPS]
        images[BRIDGE_URL] = waterfall_image((t("before", lang), b.start), steps, (t("after", lang), b.end), lang)
    view = data.get("target")
    if view is not None and view.target > 0:
        m = view.monthly
        months = [_month(int(x), lang) for x in m["month"]]
        series = [(t("t_target", lang), "#b0bec5", list(m["target"].astype(float))),
                  (t("actual", lang), "#1565c0", list(m["actual"].astype(float))),
                  (t("projected", lang), "#90caf9", list(m["projected"].astype(float)))]
        images[TARGET_URL] = bars_image(months, series, lang)
    return images


def _month(month: int, lang: str) -> str:
    from babel.dates import format_date

    from vendordesk.text import formatter

    return format_date(dt.date(2000, month, 1), "MMM", locale=formatter(lang).locale)


def render_management_pdf(ws, out: str | Path, lang: str = "de", start: str | None = None,
                          end: str | None = None) -> Path:
    """Write the A4 management brief for [start, end] (default: the last 13 weeks) to ``out``."""
    from vendordesk.briefs.management import build_html, t
    from vendordesk.ops.influence import load_views
    from vendordesk.text import available_languages
    from vendordesk.ui.printing import html_to_pdf

    lang = lang if lang in available_languages() else "en"
    out = Path(out)
    if out.suffix.lower() != ".pdf":
        raise UserError(f"--out {out}: the management brief is a PDF; use a file name ending in .pdf.")
    if not out.parent.exists():
        raise UserError(f"--out {out}: the folder {out.parent} does not exist. Create it or choose another.")
    first, last = _week_start(start, "--from"), _week_start(end, "--to")
    if first and last and first > last:
        raise UserError(f"--from {start} is after --to {end}. Swap them.")
    _app()
    data = load_views(ws.path, lang, first, last, whatif=False)   # the brief shows no what-if
    data["products"] = products(ws)
    images = _charts(data, lang)
    html = build_html(data, lang, set(images))
    return html_to_pdf(html, out, title=t("title", lang), images=images)


# --- the window: Forecast or Gears tab -> "Management brief…" ------------------------------
def brief_button(tab: Any) -> QPushButton:
    """The "Management brief…" button the Forecast and Gears tabs put in their tool bar."""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QPushButton

    button = QPushButton(QCoreApplication.translate("ManagementBrief", "Management brief…"))
    button.setObjectName("management_brief_button")
    button.clicked.connect(lambda: open_dialog(tab))
    return button


def open_dialog(tab):
    dialog = ManagementBriefDialog(tab.ctx, tab)
    dialog.open()
    return dialog


def last_week_end(ws) -> dt.date | None:
    from vendordesk.ops.influence import latest_week

    week = latest_week(ws)
    return dt.date.fromisoformat(week[:10]) + dt.timedelta(days=6) if week else None


def _load(path, lang, first, last, progress=None, cancelled=None):
    from vendordesk.ops.influence import load_views
    from vendordesk.ops.product_names import workspace_products

    data = load_views(path, lang, first, last, whatif=False)   # the brief shows no what-if
    data["products"] = workspace_products(path)
    return data


from PySide6.QtWidgets import QDialog  # noqa: E402 - Qt only for the window part


class ManagementBriefDialog(QDialog):
    """Two period pickers (calendar popup, dates in the UI language), then preview, print or PDF:
    all three through ui.printing, so they show the same pages."""

    def __init__(self, ctx, parent=None):
        from PySide6.QtCore import QDate, QLocale
        from PySide6.QtWidgets import QDateEdit, QDialogButtonBox, QFormLayout, QLabel, QPushButton, QVBoxLayout

        super().__init__(parent)
        self.ctx, self.lang, self.html, self.images, self.task, self.written = ctx, ctx.lang or "de", None, {}, None, None
        self.setWindowTitle(self.tr("Management brief"))
        end = last_week_end(ctx.workspace) or dt.date.today()
        start = end - dt.timedelta(weeks=13) + dt.timedelta(days=1)
        from vendordesk.text.catalog import REGIONS

        locale = QLocale(REGIONS.get(self.lang, REGIONS["en"]))      # de_DE, en_GB
        fmt = locale.dateFormat(QLocale.FormatType.ShortFormat)
        fmt = fmt if "yyyy" in fmt else fmt.replace("yy", "yyyy")
        self.start, self.end = QDateEdit(), QDateEdit()
        for edit, day in ((self.start, start), (self.end, end)):
            edit.setCalendarPopup(True)
            edit.setLocale(locale)
            edit.calendarWidget().setLocale(locale)
            edit.setDisplayFormat(fmt)
            edit.setDate(QDate(day.year, day.month, day.day))
        form = QFormLayout()
        form.addRow(self.tr("From"), self.start)
        form.addRow(self.tr("To"), self.end)
        self.status = QLabel(self.tr("The period is compared with the same number of weeks before it."))
        self.status.setWordWrap(True)
        self.preview_button = QPushButton(self.tr("Preview…"))
        self.print_button = QPushButton(self.tr("Print…"))
        self.pdf_button = QPushButton(self.tr("Export PDF…"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        for b in (self.preview_button, self.print_button, self.pdf_button):
            buttons.addButton(b, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.preview_button.clicked.connect(lambda: self.build(self._preview))
        self.print_button.clicked.connect(lambda: self.build(self._print))
        self.pdf_button.clicked.connect(self.export_dialog)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.status)
        layout.addWidget(buttons)

    def period(self) -> tuple[str, str]:
        return (self.start.date().toString("yyyy-MM-dd"), self.end.date().toString("yyyy-MM-dd"))

    def build(self, then) -> None:
        """Read the figures off the GUI thread, then build the document and call ``then()``."""
        from vendordesk.ui.workers import run_task

        start, end = self.period()
        if start > end:
            self.status.setText(self.tr("The first day is after the last day: swap them."))
            return
        first, last = _week_start(start, "from"), _week_start(end, "to")
        self._busy(True)
        self.status.setText(self.tr("Reading the figures…"))

        def done(data) -> None:
            from vendordesk.briefs.management import build_html

            self._busy(False)
            self.images = _charts(data, self.lang)
            self.html = build_html(data, self.lang, set(self.images))
            self.status.setText(self.tr("Brief for %1 – %2 ready.").replace("%1", self.start.text())
                                .replace("%2", self.end.text()))
            then()

        def failed(exc) -> None:
            self._busy(False)
            self.status.setText(self.tr("The brief could not be made: %1").replace("%1", str(exc)))

        self.task = run_task(_load, self.ctx.workspace.path, self.lang, first, last, on_done=done, on_error=failed)

    def _busy(self, busy: bool) -> None:
        for b in (self.preview_button, self.print_button, self.pdf_button):
            b.setEnabled(not busy)

    def _preview(self) -> None:
        from vendordesk.ui.printing import preview

        preview(self, self.html, self.images)

    def _print(self) -> None:
        from vendordesk.ui.printing import print_html

        print_html(self, self.html, self.images)

    def export_dialog(self) -> None:
        from vendordesk.ui.export_dialog import ask_export_path

        path = ask_export_path(self, self.tr("Export brief as PDF"), "management.pdf", self.tr("PDF (*.pdf)"))
        if path:
            self.export_pdf(path if path.lower().endswith(".pdf") else path + ".pdf", offer=True)

    def export_pdf(self, path: str, offer: bool = False) -> None:
        from vendordesk.briefs.management import t

        def write() -> None:
            from vendordesk.ui.printing import html_to_pdf, offer_open

            self.written = html_to_pdf(self.html, path, title=t("title", self.lang), images=self.images)
            self.status.setText(self.tr("Brief written: %1").replace("%1", str(path)))
            if offer:
                offer_open(self, path)

        self.build(write)
