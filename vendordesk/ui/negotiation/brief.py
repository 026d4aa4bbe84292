"""The negotiation brief as a document: HTML from briefs/, the chart image from ui/, then
preview, print or PDF through ui/printing.py. Used by the tab and by ``vendordesk brief``."""

from __future__ import annotations

from pathlib import Path

from vendordesk.briefs.negotiation import CHART_URL, build_html
from vendordesk.briefs.negotiation_texts import t


def account_facts(ws) -> dict:
    return {key: ws.meta(key) or "" for key in ("account_name", "vendor_code", "marketplace_id")}


def brief_document(analysis, lang: str, account: dict) -> tuple[str, dict]:
    """(html, images) of the brief; GUI thread (the chart is drawn by pyqtgraph)."""
    from vendordesk.ui.negotiation.chart import chart_image

    image = chart_image(analysis, lang)
    html = build_html(analysis, lang, account, has_chart=image is not None)
    return html, ({CHART_URL: image} if image is not None else {})


def write_pdf(analysis, lang: str, account: dict, out: str | Path) -> Path:
    from vendordesk.ui.printing import html_to_pdf

    html, images = brief_document(analysis, lang, account)
    title = f"{t('doc_title', lang)} – {analysis.case.title}"
    return html_to_pdf(html, out, title=title, images=images)


def preview_brief(parent, html: str, images: dict) -> None:
    """A modal print preview. The printer is kept referenced while the dialog runs (a temporary
    QPrinter handed to QPrintPreviewDialog is freed by Python and the dialog then crashes)."""
    from PySide6.QtCore import QMarginsF
    from PySide6.QtGui import QPageLayout, QPageSize
    from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog

    from vendordesk.ui.printing import make_document

    doc = make_document(html, images)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    printer.setPageMargins(QMarginsF(15, 15, 15, 15), QPageLayout.Unit.Millimeter)
    dialog = QPrintPreviewDialog(printer, parent)
    dialog.paintRequested.connect(doc.print_)
    dialog.resize(900, 1000)
    dialog.exec()
    dialog.deleteLater()


def render_negotiation_pdf(ws, case_id: int, out: str | Path, lang: str = "de") -> Path:
    """Analyse the case and write its brief to ``out`` (needs a QApplication)."""
    from vendordesk.store.negotiations import analyse_case

    return write_pdf(analyse_case(ws, case_id), lang, account_facts(ws), out)
