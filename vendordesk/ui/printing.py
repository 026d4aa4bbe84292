"""HTML -> QTextDocument -> PDF, printer or print preview, all with the same page breaks.

Briefs are HTML strings built without Qt (vendordesk.briefs). Images (charts) are passed as
QImages keyed by the name used in the HTML: ``<img src="chart://asp">`` -> ``{"chart://asp": image}``.

What you see is what prints: the document is paginated once, at a fixed A4 page size in document
units (``PAGE``), and ``paint_pages`` scales those very pages onto any device (PDF writer, printer,
the preview's printer). The wrapping and page breaks therefore do not depend on the device's
resolution. Page numbers are drawn in the footer band below the text.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF, QSizeF, Qt, QUrl
from PySide6.QtGui import QColor, QFont, QImage, QPageLayout, QPageSize, QPainter, QPdfWriter, QTextDocument

from vendordesk import APP_NAME, __version__

MARGINS_MM = QMarginsF(15, 14, 15, 12)   # left, top, right, bottom of the A4 page
FOOTER_MM = 7.0                           # the page-number band inside the bottom margin area
DOC_DPI = 96.0                            # document units: pixels at 96 per inch


def _mm_to_doc(mm: float) -> float:
    return mm / 25.4 * DOC_DPI


def page_layout() -> QPageLayout:
    return QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait, MARGINS_MM,
                       QPageLayout.Unit.Millimeter)


def _paint_size() -> QSizeF:
    """The printable area of the page (inside the margins) in document units."""
    rect = page_layout().paintRect(QPageLayout.Unit.Millimeter)
    return QSizeF(_mm_to_doc(rect.width()), _mm_to_doc(rect.height()))


def body_size() -> QSizeF:
    """One page of text in document units: the printable area less the footer band."""
    size = _paint_size()
    return QSizeF(size.width(), size.height() - _mm_to_doc(FOOTER_MM))


def make_document(html: str, images: dict[str, QImage] | None = None) -> QTextDocument:
    """The paginated document; ``doc.pageCount()`` is the number of pages on paper and screen."""
    doc = QTextDocument()
    doc.setDocumentMargin(0)
    for name, image in (images or {}).items():
        doc.addResource(QTextDocument.ResourceType.ImageResource, QUrl(name), image)
    doc.setHtml(html)
    doc.setPageSize(body_size())
    return doc


def paint_pages(doc: QTextDocument, device) -> int:
    """Draw every page of ``doc`` onto a QPdfWriter or QPrinter; returns the page count."""
    device.setPageLayout(page_layout())
    painter = QPainter()
    if not painter.begin(device):
        raise OSError("the printer or PDF file could not be opened for writing")
    try:
        body, paint = body_size(), _paint_size()
        scale = device.width() / paint.width()
        count = doc.pageCount()
        font = QFont("DejaVu Sans")
        font.setPixelSize(9)             # document pixels, scaled with the page like the text
        for page in range(count):
            if page:
                device.newPage()
            painter.save()
            painter.scale(scale, scale)
            painter.translate(0, -page * body.height())
            doc.drawContents(painter, QRectF(0, page * body.height(), body.width(), body.height()))
            painter.restore()
            painter.save()
            painter.scale(scale, scale)
            painter.setFont(font)
            painter.setPen(QColor("#78909c"))
            band = QRectF(0, body.height(), body.width(), paint.height() - body.height())
            painter.drawText(band, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom),
                             f"{page + 1} / {count}")
            painter.restore()
    finally:
        painter.end()
    return count


def html_to_pdf(html: str, path: str | Path, title: str = "", images: dict[str, QImage] | None = None) -> Path:
    """Render ``html`` to an A4 PDF at ``path`` (the same pages as the preview and the printout)."""
    path = Path(path)
    doc = make_document(html, images)
    writer = QPdfWriter(str(path))
    writer.setResolution(300)
    writer.setTitle(title)
    writer.setCreator(f"{APP_NAME} {__version__}")
    paint_pages(doc, writer)
    del writer  # finishes the file
    return path


def _printer():
    from PySide6.QtPrintSupport import QPrinter  # widgets only for the window: the PDF path stays light

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageLayout(page_layout())
    return printer


def preview_size(parent=None) -> tuple[int, int]:
    """A preview window that fits the screen (1280×720 included): at most 92 % of its free area."""
    from PySide6.QtGui import QGuiApplication

    screen = (parent.screen() if parent is not None and hasattr(parent, "screen") else None) \
        or QGuiApplication.primaryScreen()
    if screen is None:
        return 900, 660
    free = screen.availableGeometry()
    return min(900, int(free.width() * 0.92)), min(1000, int(free.height() * 0.92))


def preview(parent, html: str, images: dict[str, QImage] | None = None) -> None:
    """A modal print preview of the document: the same pages as the PDF."""
    from PySide6.QtPrintSupport import QPrintPreviewDialog

    doc = make_document(html, images)
    printer = _printer()  # keep a Python reference: the dialog does not own the printer
    dialog = QPrintPreviewDialog(printer, parent)
    dialog.paintRequested.connect(lambda device: paint_pages(doc, device))
    dialog.resize(*preview_size(parent))
    dialog.exec()
    dialog.deleteLater()
    del printer


def print_html(parent, html: str, images: dict[str, QImage] | None = None) -> bool:
    """The system print dialog, then print. Returns True when printed."""
    from PySide6.QtPrintSupport import QPrintDialog

    printer = _printer()
    if QPrintDialog(printer, parent).exec() != QPrintDialog.DialogCode.Accepted:
        return False
    paint_pages(make_document(html, images), printer)
    return True


def offer_open(parent, path: str | Path):
    """After an export: a message with an "Open" button that opens the PDF in the system viewer.
    Window-modal and not blocking (``open``); returns the box."""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtGui import QDesktopServices
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Information)
    box.setWindowTitle(QCoreApplication.translate("Printing", "PDF written"))
    box.setText(QCoreApplication.translate("Printing", "The PDF was written to %1.").replace("%1", str(path)))
    open_button = box.addButton(QCoreApplication.translate("Printing", "Open"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QMessageBox.StandardButton.Close)
    box.setDefaultButton(open_button)
    url = QUrl.fromLocalFile(str(Path(path).resolve()))

    def clicked(button) -> None:
        if button is open_button:
            QDesktopServices.openUrl(url)
        box.deleteLater()

    box.buttonClicked.connect(clicked)
    box.open()
    return box
