"""Remembered column widths: what the KAM dragged a table's column to comes back next start.

``ColumnMemory(settings)`` keeps, per table, ``{column header text: width}`` in QSettings under
``columns/<tab class>/<table path>`` (the path is the table's object name, or its place in the
widget tree: stable because the tabs build their widgets in a fixed order). Only a user's drag on
a header is recorded (a press on the header, then a section resize); the widths are applied again
after every model reset, after the tab's own sizing to contents, so a reload keeps them. Columns
are matched by header text, so a table that gains a column keeps the others; sections that size
themselves (stretch, to contents) are left alone.
"""

from __future__ import annotations

import json

from PySide6.QtCore import QEvent, QObject, QSettings, Qt, QTimer
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QTreeView, QWidget

PREFIX = "columns"


def table_path(root: QWidget, view: QWidget) -> str:
    """``Class#n/…`` from ``root`` down to ``view`` (n counts earlier siblings of the same class);
    a widget's object name replaces its step."""
    steps = []
    widget: QWidget | None = view
    while widget is not None and widget is not root:
        parent = widget.parentWidget()
        if widget.objectName():
            steps.append(widget.objectName())
        elif parent is None:
            steps.append(type(widget).__name__)
        else:
            same = [c for c in parent.children() if type(c) is type(widget)]
            steps.append(f"{type(widget).__name__}#{same.index(widget)}")
        widget = parent
    return "/".join(reversed(steps))


class ColumnMemory(QObject):
    """Watches the tables of the tabs given to ``scan`` and keeps their user-set column widths."""

    def __init__(self, settings: QSettings, parent=None):
        super().__init__(parent)
        self.settings = settings
        self.widths: dict[str, dict[str, int]] = {}
        self._views: dict[int, tuple[QAbstractItemView, str]] = {}
        self._dragging: set[int] = set()
        self._applying = False

    # --- finding tables ---------------------------------------------------------------------
    def scan(self, tab: QWidget) -> None:
        """Watch every table of ``tab`` not watched yet (cheap; call whenever a tab may have built
        new widgets)."""
        for view in tab.findChildren(QAbstractItemView):
            if id(view) in self._views or not isinstance(view, (QTableView, QTreeView)):
                continue
            header = view.horizontalHeader() if isinstance(view, QTableView) else view.header()
            key = f"{type(tab).__name__}/{table_path(tab, view)}"
            self._views[id(view)] = (view, key)
            view.destroyed.connect(lambda _=None, k=id(view): self._views.pop(k, None))
            if key not in self.widths:
                self.widths[key] = self._load(key)
            header.viewport().installEventFilter(self)
            header.sectionResized.connect(lambda index, _old, new, h=header, k=key: self._resized(h, k, index, new))
            header.sectionCountChanged.connect(lambda *_, v=view, k=key: self._schedule(v, k))
            if view.model() is not None:
                view.model().modelReset.connect(lambda v=view, k=key: self._schedule(v, k))
                view.model().layoutChanged.connect(lambda *_, v=view, k=key: self._schedule(v, k))
            self._schedule(view, key)

    # --- recording --------------------------------------------------------------------------
    def eventFilter(self, watched, event) -> bool:
        kind = event.type()
        if kind == QEvent.Type.MouseButtonPress and event.button() == Qt.MouseButton.LeftButton:
            self._dragging.add(id(watched.parent()))
        elif kind == QEvent.Type.MouseButtonRelease:
            self._dragging.discard(id(watched.parent()))
        return False

    def _resized(self, header: QHeaderView, key: str, index: int, width: int) -> None:
        if self._applying or id(header) not in self._dragging:
            return
        text = _header_text(header, index)
        if text and width > 0:
            self.widths.setdefault(key, {})[text] = width

    # --- applying ---------------------------------------------------------------------------
    def _schedule(self, view, key: str) -> None:
        if self.widths.get(key):
            QTimer.singleShot(0, self, lambda: self.apply(view, key))

    def apply(self, view, key: str) -> None:
        """Set the remembered widths on ``view`` (interactive sections only)."""
        if id(view) not in self._views:
            return
        header = view.horizontalHeader() if isinstance(view, QTableView) else view.header()
        saved = self.widths.get(key) or {}
        self._applying = True
        try:
            for index in range(header.count()):
                width = saved.get(_header_text(header, index))
                if width and header.sectionResizeMode(index) == QHeaderView.ResizeMode.Interactive \
                        and header.sectionSize(index) != width:
                    header.resizeSection(index, int(width))
        finally:
            self._applying = False

    # --- settings ---------------------------------------------------------------------------
    def _load(self, key: str) -> dict[str, int]:
        raw = self.settings.value(f"{PREFIX}/{key}")
        try:
            data = json.loads(raw) if isinstance(raw, str) else {}
        except ValueError:
            return {}
        return {str(k): int(v) for k, v in data.items() if isinstance(v, (int, float)) and v > 0} \
            if isinstance(data, dict) else {}

    def save(self) -> None:
        for key, widths in self.widths.items():
            if widths:
                self.settings.setValue(f"{PREFIX}/{key}", json.dumps(widths, ensure_ascii=False, sort_keys=True))


def _header_text(header: QHeaderView, index: int) -> str:
    model = header.model()
    if model is None:
        return ""
    value = model.headerData(index, header.orientation(), Qt.ItemDataRole.DisplayRole)
    return str(value) if value is not None else ""
