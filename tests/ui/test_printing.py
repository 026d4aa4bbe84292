"""HTML -> PDF and the print preview (which must not crash when it closes)."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from vendordesk.ui.printing import html_to_pdf, preview


def test_pdf_has_one_a4_page_per_page_of_content(tmp_path):
    rows = "".join(f"<tr><td>B0{i:08d}</td><td>1.234,56 €</td></tr>" for i in range(200))
    path = html_to_pdf(f"<h1>Übersicht</h1><table><thead><tr><th>ASIN</th><th>€</th></tr></thead>{rows}</table>",
                       tmp_path / "x.pdf", title="Test")
    data = path.read_bytes()
    assert data.startswith(b"%PDF")
    assert data.count(b"/Type /Page\n") + data.count(b"/Type /Page ") + data.count(b"/Type/Page") >= 3
    assert b"/MediaBox [0 0 595" in data or b"/MediaBox [0 0 594" in data


def test_preview_opens_and_closes_without_crashing(qtbot, when_modal):
    from PySide6.QtPrintSupport import QPrintPreviewDialog

    seen = when_modal(QPrintPreviewDialog, lambda dialog: dialog.reject())
    preview(None, "<h1>Vorschau</h1><p>1.234,56 €</p>")
    QApplication.processEvents()
    assert [type(w).__name__ for w in seen] == ["QPrintPreviewDialog"]


def _pdf_pages(path) -> int:
    import re
    import subprocess

    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"Pages:\s+(\d+)", info).group(1))


def test_pdf_printer_and_preview_share_the_page_breaks(tmp_path):
    """One paginated document for every device: the PDF writer (300 dpi) and a high-resolution
    printer (1200 dpi) get the same number of pages as the document says, and the same as the
    preview (which paints on a QPrinter through the same paint_pages)."""
    from PySide6.QtPrintSupport import QPrinter

    from vendordesk.ui.printing import make_document, paint_pages

    rows = "".join(f"<tr><td>B0{i:08d}</td><td>Ein ziemlich langer Produktname, der umbricht {i}</td>"
                   f"<td>1.234,56 €</td></tr>" for i in range(160))
    html = f"<h1>Seiten</h1><table width='100%'>{rows}</table><p style='page-break-before: always'>Ende</p>"
    expected = make_document(html).pageCount()
    assert expected >= 4
    pdf = html_to_pdf(html, tmp_path / "a.pdf")
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "b.pdf"))
    assert paint_pages(make_document(html), printer) == expected
    del printer
    assert _pdf_pages(pdf) == expected == _pdf_pages(tmp_path / "b.pdf")


def test_preview_fits_the_screen():
    from PySide6.QtGui import QGuiApplication

    from vendordesk.ui.printing import preview_size

    free = QGuiApplication.primaryScreen().availableGeometry()
    width, height = preview_size()
    assert 0 < width <= free.width() and 0 < height <= free.height()
    assert height <= 0.92 * 720 or free.height() > 720        # on a 1280x720 screen it stays below 663 px


def test_offer_open_opens_the_pdf_with_one_click(tmp_path, qtbot):
    """The "Open" button hands the file URL to QDesktopServices (a registered handler receives it)."""
    from PySide6.QtCore import QObject, Slot
    from PySide6.QtGui import QDesktopServices

    from vendordesk.ui.printing import offer_open

    class Catcher(QObject):
        urls: list = []

        @Slot("QUrl")
        def take(self, url) -> None:
            self.urls.append(url.toLocalFile())

    catcher = Catcher()
    QDesktopServices.setUrlHandler("file", catcher, "take")
    try:
        path = tmp_path / "brief.pdf"
        path.write_bytes(b"%PDF-1.4\n")
        box = offer_open(None, path)
        open_button = next(b for b in box.buttons() if b.text() in ("Open", "Öffnen"))
        open_button.click()
        assert catcher.urls == [str(path.resolve())]
    finally:
        QDesktopServices.unsetUrlHandler("file")
