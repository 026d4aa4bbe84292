"""The worst-ASIN table's widths: the figures as wide as they need, the product title the rest.

At 1280×720 the ranked-by column left "Titel" a few letters wide ("Hausfreund S…"). The title now
keeps room for ``TITLE_FLOOR``; when the figures leave less, the comparison column is left out first
(the change beside it still says how far the ASIN moved), then the value.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QHeaderView, QStyle, QTableView

from vendordesk.ui.models.fit import fit_to_width
from vendordesk.ui.models.frame_model import FrameModel

TITLE_FLOOR = "Küchenwelt Handmixer…"    # the brand and the kind of product
FOLD = ("compare", "value")


def fit_worst_columns(view: QTableView) -> None:
    """Size the columns of ``view`` (a FrameModel with a "title" column) to its viewport's width."""
    model = view.model()
    keys = model.visible_keys() if isinstance(model, FrameModel) else []
    if not isinstance(model, FrameModel) or "title" not in keys or view.viewport().width() <= 0:
        return
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    margin = 2 * header.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header) + 8
    metrics = header.fontMetrics()
    titles = {c.key: c.title for c in model.columns()}
    widths = {}
    for section, key in enumerate(keys):
        text = max(metrics.horizontalAdvance(line) for line in titles[key].split("\n")) + margin
        widths[key] = max(text, view.sizeHintForColumn(section))
    floor = min(widths["title"], view.fontMetrics().horizontalAdvance(TITLE_FLOOR) + 12)
    floors = {key: floor if key == "title" else width for key, width in widths.items()}
    room = view.viewport().width()
    fitted, folded = fit_to_width(widths, floors, room, FOLD)
    # the title takes what is left; on a window too small for the rest it gives up its floor, not the figures
    fitted["title"] = max(40, fitted["title"] + room - sum(fitted.values()))
    for section, key in enumerate(keys):
        view.setColumnHidden(section, key in folded)
        if key in fitted:
            header.resizeSection(section, fitted[key])
    view.updateGeometries()       # the scroll bar's range now, not at the next event loop turn


class RefitOnResize(QObject):
    """Fits the worst-ASIN table again when its viewport changes width (window, splitter)."""

    def __init__(self, view: QTableView) -> None:
        super().__init__(view)
        self.view = view
        view.viewport().installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.Resize and event.size().width() != event.oldSize().width():
            fit_worst_columns(self.view)
        return False
