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
