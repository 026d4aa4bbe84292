"""A table's "Columns" menu: one checkable entry per column of its FrameModel (the tickets' tables
and the forecast's "All ASINs")."""

from __future__ import annotations

from collections.abc import Callable, Collection

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from vendordesk.ui.models.frame_model import FrameModel


def fill_column_menu(menu: QMenu, model: FrameModel, show: Callable[[str, bool], None],
                     left_out: Collection[str] = ()) -> None:
    """One entry per column of ``model``, checked while it is shown (not in ``left_out``, the columns
    a narrow table leaves out to fit); toggling it calls ``show(key, on)``."""
    menu.clear()
    for column in model.columns():
        action = QAction(column.title.replace("\n", " "), menu)
        action.setCheckable(True)
        action.setChecked(column.key in model.visible_keys() and column.key not in left_out)
        action.toggled.connect(lambda on, k=column.key: show(k, on))
        menu.addAction(action)
