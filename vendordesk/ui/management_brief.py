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

from vendordesk.errors import UserError

MONTHS = {"en": ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"],
          "de": ["Jan", "Feb", "Mär", "Apr", "Mai", "Jun", "Jul", "Aug", "Sep", "Okt", "Nov", "Dez"]}
LEGEND = {"en": ("Target", "Actual", "Projected"), "de": ("Ziel", "Ist", "Prognose")}


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


def _charts(data: dict, lang: str) -> dict:
    from PySide6.QtCore import QLocale

    from vendordesk.briefs.management import BRIDGE_URL, TARGET_URL, step_name, t
    from vendordesk.core.bridge import STEPS
    from vendordesk.ui.influence.charts import chart_image, draw_monthly, draw_waterfall

    previous = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.German, QLocale.Country.Germany) if lang == "de"
                       else QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    images = {}
    try:
        b = data.get("bridge")
        if b is not None and not b.empty:
            steps = [(step_name(s, lang), b.steps[s]) for s in STEPS]
            image = chart_image(lambda p: draw_waterfall(p, (t("before", lang), b.start), steps,
                                                         (t("after", lang), b.end)), 1800, 760, layout_width=720)
            if image is not None:
                images[BRIDGE_URL] = image
        view = data.get("target")
        if view is not None and view.target > 0:
            image = chart_image(lambda p: draw_monthly(p, view.monthly, MONTHS[lang], LEGEND[lang], False), 1800, 640,
                                layout_width=720)
            if image is not None:
                images[TARGET_URL] = image
    finally:
        QLocale.setDefault(previous)
    return images


def render_management_pdf(ws, out: str | Path, lang: str = "de", start: str | None = None,
                          end: str | None = None) -> Path:
    """Write the A4 management brief for [start, end] (default: the last 13 weeks) to ``out``."""
    from vendordesk.briefs.management import build_html, t
    from vendordesk.ui.influence.data import load_all
    from vendordesk.ui.printing import html_to_pdf

    lang = "de" if lang == "de" else "en"
    out = Path(out)
    if out.suffix.lower() != ".pdf":
        raise UserError(f"--out {out}: the management brief is a PDF; use a file name ending in .pdf.")
    if not out.parent.exists():
        raise UserError(f"--out {out}: the folder {out.parent} does not exist. Create it or choose another.")
    first, last = _week_start(start, "--from"), _week_start(end, "--to")
    if first and last and first > last:
        raise UserError(f"--from {start} is after --to {end}. Swap them.")
    _app()
    data = load_all(ws.path, lang, first, last)
    images = _charts(data, lang)
    html = build_html(data, lang, set(images))
    return html_to_pdf(html, out, title=t("title", lang), images=images)
