"""Forecast or Gears tab -> "Management brief…": period pickers, then preview / print / PDF
through one paginated document (what you see is what prints)."""

from __future__ import annotations

import re
import subprocess

import pytest
from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDateEdit, QPushButton

from vendordesk.ui.briefs.management_brief import ManagementBriefDialog
from vendordesk.ui.forecast.tab import ForecastTab
from vendordesk.ui.gears.tab import GearsTab
from vendordesk.ui.printing import make_document

pytestmark = pytest.mark.qt


def _open(window, kind, qtbot):
    tab = next(t for t in window.tab_widgets if isinstance(t, kind))
    window.tabs.setCurrentWidget(tab)
    tab.ensure_loaded()
    find = lambda: tab.findChild(QPushButton, "management_brief_button")
    qtbot.waitUntil(lambda: find() is not None and find().isVisibleTo(tab), timeout=30000)
    button = find()
    button.click()
    dialog = next(w for w in tab.findChildren(ManagementBriefDialog))
    return dialog


def test_forecast_tab_opens_the_brief_with_german_date_pickers(make_window, demo_workspace, qtbot):
    window = make_window(demo_workspace, "de")
    dialog = _open(window, ForecastTab, qtbot)
    edits = dialog.findChildren(QDateEdit)
    assert len(edits) == 2 and all(e.calendarPopup() for e in edits)
    assert re.fullmatch(r"\d\d\.\d\d\.\d{4}", dialog.end.text()), dialog.end.text()   # 15.11.2026
    start, end = dialog.period()
    assert start < end
    dialog.reject()


def test_gears_tab_brief_pdf_has_the_previewed_pages(main_window, qtbot, tmp_path):
    dialog = _open(main_window, GearsTab, qtbot)
    dialog.start.setDate(QDate(2026, 8, 23))
    dialog.end.setDate(QDate(2026, 11, 21))
    out = tmp_path / "management.pdf"
    dialog.export_pdf(str(out))
    qtbot.waitUntil(lambda: dialog.written is not None, timeout=30000)
    info = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True, check=True).stdout
    pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))
    # the preview and the printer paint this same document, page by page (ui.printing.paint_pages)
    assert pages == make_document(dialog.html, dialog.images).pageCount() >= 1
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True, check=True).stdout
    assert "Management" in text and "23/08/2026" in text      # the chosen period's first day (English window)
    dialog.reject()
