"""HTML -> QTextDocument -> PDF, printer or print preview (see docs/stack.md B.4).

Briefs are HTML strings built without Qt (vendordesk.briefs). Images (charts) are passed as
QImages keyed by the name used in the HTML: ``<img src="chart://asp">`` -> ``{"chart://asp": image}``.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMarginsF, QUrl
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPdfWriter, QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog

from vendordesk import APP_NAME, __version__


def make_document(html: str, images: dict[str, QImage] | None = None) -> QTextDocument:
    doc = QTextDocument()
    doc.setDocumentMargin(0)
    for name, image in (images or {}).items():
        doc.addResource(QTextDocument.ResourceType.ImageResource, QUrl(name), image)
    doc.setHtml(html)
    return doc


def html_to_pdf(html: str, path: str | Path, title: str = "", images: dict[str, QImage] | None = None) -> Path:
    """Render ``html`` to an A4 PDF at ``path`` (2 cm margins, page numbers by Qt)."""
    path = Path(path)
    writer = QPdfWriter(str(path))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    # QTextDocument.print_() adds its own 2 cm margin inside the page layout's margins,
    # so the layout gets none: the text column is then 170 mm wide.
    writer.setPageMargins(QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Millimeter)
    writer.setResolution(300)
    writer.setTitle(title)
    writer.setCreator(f"{APP_NAME} {__version__}")
    make_document(html, images).print_(writer)
    del writer  # finishes the file
    return path


def _printer() -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    printer.setPageMargins(QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Millimeter)  # see html_to_pdf
    return printer


def preview(parent, html: str, images: dict[str, QImage] | None = None) -> None:
    """A modal print preview of the document."""
    doc = make_document(html, images)
    printer = _printer()  # keep a Python reference: the dialog does not own the printer
    dialog = QPrintPreviewDialog(printer, parent)
    dialog.paintRequested.connect(doc.print_)
    dialog.resize(900, 1000)
    dialog.exec()
    dialog.deleteLater()
    del printer


def print_html(parent, html: str, images: dict[str, QImage] | None = None) -> bool:
    """The system print dialog, then print. Returns True when printed."""
    printer = _printer()
    if QPrintDialog(printer, parent).exec() != QPrintDialog.DialogCode.Accepted:
        return False
    make_document(html, images).print_(printer)
    return True
