"""The sort arrow says which way the rows run: the forecast's "Gefährdet" column, sorted worst
(largest) first, showed an arrow pointing up, while "Differenz %", sorted smallest first, pointed
down (Fusion, the style on Linux, draws Qt's sort flags the other way round from Windows and macOS).
Largest first reads ▼, smallest first ▲, in every table of the window."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.qt


def _header_image(qtbot, style, order):
    """A one-column header sorted in ``order``, drawn with ``style``."""
    from PySide6.QtGui import QStandardItemModel
    from PySide6.QtWidgets import QTableView

    view = QTableView()
    qtbot.addWidget(view)
    model = QStandardItemModel(3, 1)
    model.setHorizontalHeaderLabels(["Gefährdet"])
    view.setModel(model)
    view.horizontalHeader().setStyle(style)
    view.setSortingEnabled(True)
    view.sortByColumn(0, order)
    view.resize(300, 120)
    view.setColumnWidth(0, 260)
    view.show()
    qtbot.waitExposed(view)
    return view.horizontalHeader().grab().toImage()


def _arrow_points_down(qtbot, style, order) -> bool:
    """Read the arrow (right of the centred text, left of the section's border): a ▼ is widest at
    its top row, a ▲ at its bottom row."""
    image = _header_image(qtbot, style, order)
    dark = {}
    for y in range(image.height() - 3):                       # (the header's bottom line)
        row = [x for x in range(220, 256) if image.pixelColor(x, y).lightness() < 120]
        if row:
            dark[y] = max(row) - min(row) + 1
    assert dark, "no arrow drawn"
    rows = sorted(dark)
    return dark[rows[0]] > dark[rows[-1]]


def test_largest_first_points_down_and_smallest_first_up(qtbot):
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QStyleFactory

    from vendordesk.ui.window.sort_arrows import SortArrowStyle

    assert not _arrow_points_down(qtbot, QStyleFactory.create("Fusion"), Qt.SortOrder.DescendingOrder)  # as seen
    assert _arrow_points_down(qtbot, SortArrowStyle(QStyleFactory.create("Fusion")), Qt.SortOrder.DescendingOrder)
    assert not _arrow_points_down(qtbot, SortArrowStyle(QStyleFactory.create("Fusion")), Qt.SortOrder.AscendingOrder)


def test_other_styles_keep_their_own_arrows(qtbot):
    """Windows' and macOS' own styles already draw ascending ▲ (their theme arrow is the inverse
    of Qt's flag): only Fusion is turned round."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QStyleFactory

    from vendordesk.ui.window.sort_arrows import SortArrowStyle

    for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
        plain = _header_image(qtbot, QStyleFactory.create("Windows"), order)
        assert _header_image(qtbot, SortArrowStyle(QStyleFactory.create("Windows")), order) == plain


def test_the_app_draws_its_headers_with_it(qapp):
    from vendordesk.app import make_app
    from vendordesk.ui.window.sort_arrows import SortArrowStyle

    assert isinstance(make_app().style(), SortArrowStyle)
