"""One table page of the ticket log: search, status filter, column choice over a FrameModel."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from vendordesk.ui.models.column_menu import fill_column_menu
from vendordesk.ui.models.frame_model import USER, Column, FrameModel

TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)

WIDTHS = {"date": 92, "money": 110, "int": 84, "number": 84, "percent": 70, "text": 130}
LABEL_MAX_WIDTH = 260


class TicketModel(FrameModel):
    """A FrameModel whose cells of some columns explain themselves in a tooltip.

    ``tooltips``: column key -> ``value -> text or None`` (the chargeback type: Amazon's own name,
    so a KAM reading "Lieferfenster verfehlt" finds "PO On-Time Accuracy" in Vendor Central)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.tooltips: dict[str, Callable[[Any], str | None]] = {}

    def data(self, index: QModelIndex, role: int = int(Qt.ItemDataRole.DisplayRole)) -> Any:  # type: ignore[override]
        if role == TOOLTIP and self.tooltips and index.isValid():
            tip = self.tooltips.get(self.visible_keys()[index.column()])
            if tip is not None:
                return tip(super().data(index, USER))
        return super().data(index, role)


class TablePage(QWidget):
    """Signals:
    current_changed(object): key of the selected row (None when nothing is selected).
    activated(object): a row was double-clicked or Enter was pressed.
    """

    current_changed = Signal(object)
    activated = Signal(object)

    def __init__(self, key: str, statuses: dict[str, str], status_key: str = "status",
                 toggle: str | None = None, parent=None):
        super().__init__(parent)
        self.status_key = status_key
        self.model = TicketModel(key=key, parent=self)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search all columns…"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.model.set_search)
        self.search.textChanged.connect(self._update_count)
        self.status = QComboBox()
        self.status.addItem(self.tr("All not closed"), "_active")
        self.status.addItem(self.tr("All"), None)
        for value, label in statuses.items():
            self.status.addItem(label, value)
        self.status.currentIndexChanged.connect(self.apply_filters)
        self.toggle = QCheckBox(toggle) if toggle else None
        self.toggle_mask: Callable[[Any], Any] | None = None   # frame -> bool Series, set by the owner
        self.closed_values: tuple = ()
        self.columns_button = QPushButton(self.tr("Columns"))     # room for the menu arrow
        self.columns_button.setMenu(QMenu(self.columns_button))
        self.count = QLabel()
        self.count.setStyleSheet("color: #607d8b;")

        bar = QHBoxLayout()
        bar.addWidget(self.search, 3)
        bar.addWidget(self.status, 1)
        if self.toggle:
            self.toggle.toggled.connect(self.apply_filters)
            bar.addWidget(self.toggle)
        bar.addWidget(self.columns_button)
        bar.addWidget(self.count)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSortingEnabled(True)
        self.view.setAlternatingRowColors(True)
        # the user's own texts: tests/ui/desk_check.py leaves their language alone
        # (a chargeback's type and group are labelled: a known one is checked like any label)
        self.view.setProperty("desk_check_data_columns", ["subject", "notes", "title", "reason", "note", "assignee"])
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        # F2 or a double click edits in place; a click on a selected cell only selects (so Delete
        # after it deletes the row, not the cell's text)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.EditKeyPressed)
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.view.verticalHeader().setDefaultSectionSize(24)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.horizontalHeader().setSortIndicatorShown(True)
        self.view.selectionModel().currentRowChanged.connect(self._on_current)
        self.view.doubleClicked.connect(lambda index: self.activated.emit(self.model.row_key(index.row())))
        self._base: dict[str, int] = {}    # the widths _apply_widths set
        self._auto: dict[str, int] = {}    # the widths _fill_spare last set (a different one was set by hand)
        self._folded: set[str] = set()     # left out to fit the width (still in the Columns menu)
        self.fold: tuple[str, ...] = ()    # which columns a narrow table leaves out first
        self.chosen: list[str] | None = None   # the columns picked in the Columns menu (None: the defaults)
        self.least: dict[str, int] = {}    # a column's own floor, px (the subject: readable before the rest)
        self.view.viewport().installEventFilter(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and watched is self.view.viewport():
            self._fill_spare()
        return super().eventFilter(watched, event)

    def set_frame(self, frame, columns: list[Column], hidden: tuple = (), widths: dict | None = None,
                  search=None, ranks: dict | None = None, values=None) -> None:
        first = not self.model.columns()
        key = self.current_key()
        self.model.set_frame(frame, columns, search, masks=self._masks_for(frame), ranks=ranks, values=values)
        if first:
            known = [c.key for c in columns]
            picked = [k for k in known if k in (self.chosen or ())]
            self.model.set_visible(picked or [k for k in known if k not in hidden])
            self._build_column_menu()
            self._apply_widths(widths or {})
        self._update_count()
        if key is not None:
            self.select_key(key)

    def _apply_widths(self, widths: dict) -> None:
        free_text = set(self.view.property("desk_check_data_columns") or ())     # subjects, notes: elided
        for column in self.model.columns():
            if column.key in self.model.visible_keys():
                section = self.model.visible_keys().index(column.key)
                need = self.view.horizontalHeader().fontMetrics().horizontalAdvance(column.title) + 28
                if column.key not in widths and column.kind == "text" and column.key not in free_text:
                    # a short label column (status, category, department): as wide as its longest label
                    need = max(need, min(LABEL_MAX_WIDTH, self.view.sizeHintForColumn(section)))
                width = max(need, widths.get(column.key, WIDTHS.get(column.kind, 120)))
                self.view.setColumnWidth(section, width)
                self._base[column.key] = self._auto[column.key] = width
        self._fill_spare()

    def _fill_spare(self) -> None:
        """Fit the columns to the table's width. A narrow table first takes back what its columns
        have above their floors (a header's text; a label column's labels up to 150 px; a free-text
        column 180 px), then leaves out the columns of ``fold`` in turn (they stay in the Columns
        menu and the side panel), so it never scrolls sideways; a wide one gives its spare width to
        its free-text columns (what, why, subject, notes), each up to what its texts need, instead
        of all to the stretched last column. A column whose width was set by hand (or remembered,
        ui/column_memory) keeps it."""
        from vendordesk.ui.models.fit import fit_to_width

        keys = self.model.visible_keys()
        if not keys or any(k not in self._base for k in keys):
            return
        by_hand = {k for i, k in enumerate(keys[:-1]) if k not in self._folded
                   and self.view.columnWidth(i) != self._auto.get(k)}
        widths = {k: self.view.columnWidth(keys.index(k)) if k in by_hand else self._base[k] for k in keys}
        floors = {k: widths[k] if k in by_hand else self._floor(k) for k in keys}
        room = self.view.viewport().width()
        fitted, folded = fit_to_width(widths, floors, room, [k for k in self.fold if k in keys and k not in by_hand])
        self._folded = set(folded)
        for section, key in enumerate(keys):
            self.view.setColumnHidden(section, key in self._folded)
        if not folded and sum(fitted.values()) >= sum(widths.values()):
            fitted = self._grown(keys, fitted, by_hand, room)
        for key, width in fitted.items():
            self._auto[key] = width
            section = keys.index(key)
            if width != self.view.columnWidth(section):      # (the last one stretches from there)
                self.view.setColumnWidth(section, width)

    def _floor(self, key: str) -> int:
        """How narrow a column may get: its header's text, and a label column's labels up to 150 px
        (longer ones end in "…"), a free-text column's up to 180 px."""
        section = self.model.visible_keys().index(key)
        column = next(c for c in self.model.columns() if c.key == key)
        header = self.view.horizontalHeader().fontMetrics()
        need = max(header.horizontalAdvance(line) for line in column.title.split("\n")) + 28
        cap = 180 if key in set(self.view.property("desk_check_data_columns") or ()) else 150
        content = self.view.sizeHintForColumn(section) if column.kind == "text" else WIDTHS.get(column.kind, 84)
        return max(need, min(cap, content), min(self.least.get(key, 0), self.view.sizeHintForColumn(section)))

    def _grown(self, keys: list[str], widths: dict[str, int], by_hand: set[str], room: int) -> dict[str, int]:
        free_text = set(self.view.property("desk_check_data_columns") or ())
        grow = [k for k in keys[:-1] if k in free_text and k not in by_hand]
        if not grow:
            return widths
        fixed = sum(w for k, w in widths.items() if k not in grow and k != keys[-1])
        spare = room - fixed - widths[keys[-1]] - sum(widths[k] for k in grow)
        need = {k: max(0, self.view.sizeHintForColumn(keys.index(k)) - widths[k]) for k in grow}
        left = max(0, spare)
        out = dict(widths)
        for n, key in enumerate(sorted(grow, key=need.__getitem__)):    # the modest first: what one
            extra = min(need[key], left // (len(grow) - n))              # leaves, the others share
            left -= extra
            out[key] = widths[key] + extra
        return out

    def _build_column_menu(self) -> None:
        fill_column_menu(self.columns_button.menu(), self.model, self.show_column)

    def show_column(self, key: str, on: bool) -> None:
        keys = [c.key for c in self.model.columns()
                if (c.key in self.model.visible_keys() and c.key != key) or (on and c.key == key)]
        if keys:
            widths = {k: self.view.columnWidth(i) for i, k in enumerate(self.model.visible_keys())}
            self.chosen = keys
            self.model.set_visible(keys)
            self._apply_widths(widths)

    def apply_filters(self) -> None:
        frame = self.model.frame()
        if frame is not None:
            self.model.set_masks(self._masks_for(frame))
            self._update_count()

    def _masks_for(self, frame) -> dict:
        """The status choice and the toggle as boolean masks over ``frame`` (None: no filter)."""
        value = self.status.currentData()
        if value == "_active":
            status = ~frame[self.status_key].isin(self.closed_values)
        else:
            status = None if value is None else frame[self.status_key] == value
        mask = self.toggle_mask if self.toggle is not None and self.toggle.isChecked() else None
        return {"status": status, "toggle": mask(frame) if mask is not None else None}

    def _update_count(self) -> None:
        total = 0 if self.model.frame() is None else len(self.model.frame())
        self.count.setText(self.tr("%1 of %2").replace("%1", str(self.model.rowCount())).replace("%2", str(total)))

    def clear_selection(self) -> None:
        """No row highlighted (a new record is being entered); no current_changed is sent."""
        model = self.view.selectionModel()
        model.blockSignals(True)
        model.clearSelection()
        model.setCurrentIndex(QModelIndex(), QItemSelectionModel.SelectionFlag.Clear)
        model.blockSignals(False)
        self.view.viewport().update()

    def current_key(self):
        index = self.view.selectionModel().currentIndex()
        return self.model.row_key(index.row()) if index.isValid() else None

    def select_key(self, key) -> bool:
        row = self.model.row_of_key(key)
        if row < 0:
            return False
        index = self.model.index(row, 0)
        self.view.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        self.view.scrollTo(index)
        return True

    def _on_current(self, current, _previous) -> None:
        self.current_changed.emit(self.model.row_key(current.row()) if current.isValid() else None)
