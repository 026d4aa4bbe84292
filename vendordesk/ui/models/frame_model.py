"""A table model over a pandas DataFrame: sort, filter and search in pandas, not in a proxy.

Usage::

    model = FrameModel(key="case_id")
    model.set_frame(df, [Column("case_id", tr("Case ID")), Column("opened_on", tr("Opened"), "date"),
                         Column("amount", tr("Amount"), "money"), Column("status", tr("Status"), labels={...})])
    view.setModel(model)
    model.set_search("images")                      # full-text, case-insensitive, over all columns
                                                    # (search_text() may be precomputed off-thread)
    model.set_mask("open", df["status"] != "resolved")   # named boolean masks are ANDed
    model.set_visible(["case_id", "status"])       # column choice

Roles: DisplayRole is the QLocale-formatted text (``vendordesk.ui.fmt``), UserRole the raw value,
TextAlignmentRole right-aligns numbers and money, BackgroundRole comes from ``set_row_colors``.
``sort()`` uses ``DataFrame.sort_values(kind="stable")`` on the rows in view. Editing in place:
pass ``on_edit(key, column, value) -> bool`` and mark columns ``editable``; the model updates its
frame only when the callback accepts. Missing values sort last and show a dash.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from vendordesk.core.missing import is_missing
from vendordesk.ui import fmt

NUMERIC_KINDS = ("int", "number", "money", "percent")
DISPLAY, EDIT, USER = int(Qt.ItemDataRole.DisplayRole), int(Qt.ItemDataRole.EditRole), int(Qt.ItemDataRole.UserRole)
ALIGN, BACKGROUND = int(Qt.ItemDataRole.TextAlignmentRole), int(Qt.ItemDataRole.BackgroundRole)
_ROLES = frozenset((DISPLAY, EDIT, USER, ALIGN, BACKGROUND, int(Qt.ItemDataRole.ToolTipRole)))
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


@dataclass
class Column:
    """One column: frame column ``key``, header ``title``, ``kind`` text/int/number/money/percent/date.

    labels: raw value -> display text (enums such as status); editable: in-place editing allowed.
    """

    key: str
    title: str
    kind: str = "text"
    labels: dict = field(default_factory=dict)
    editable: bool = False
    decimals: int = 2
    currency_key: str | None = None   # money: the column holding the currency (default EUR)
    tip_key: str | None = None        # the frame column holding this cell's tooltip (e.g. why it is empty)


def _missing(value: Any) -> bool:
    return is_missing(value) or type(value).__name__ == "NAType"


def sort_rank(series) -> np.ndarray:
    """Each row's place in a stable ``sort_values`` of the column; missing and "" get len (sort last).

    Pure pandas/numpy: may run in a worker and be handed to ``FrameModel.set_frame(..., ranks=...)``.
    """
    series = series.reset_index(drop=True)
    ordered = series.sort_values(kind="stable", na_position="last")
    rank = np.empty(len(series), dtype=np.int64)
    rank[ordered.index.to_numpy()] = np.arange(len(series))
    missing = np.array(series.isna().to_numpy(), dtype=bool)
    if series.dtype == object or str(series.dtype) in ("str", "string"):
        missing |= (series == "").to_numpy(dtype=bool, na_value=True)
    rank[missing] = len(series)
    return rank


def _texts(values, labels: dict) -> list[str]:
    out = [v if isinstance(v, str) else ("" if is_missing(v) else str(v)) for v in values]
    if labels:
        out = [f"{v} {labels.get(v, '')}" for v in out]
    return out


def search_text(frame, columns: list[Column]) -> list[str] | None:
    """One lower-case text per row for full-text search: the text columns (raw value plus enum label),
    tab-separated. Dates and numbers are left out (search those with filters or sorting).

    Plain Python lists (``in`` on str is the fastest substring test here); may run in a worker and be
    handed to ``FrameModel.set_frame(..., search=...)``.
    """
    parts = [_texts(frame[c.key].tolist(), c.labels) for c in columns
             if c.key in frame and c.kind == "text"]
    if not parts:
        return None
    return ["\t".join(row).lower() for row in zip(*parts)]


def frame_values(frame, keys: list[str]) -> np.ndarray:
    """``frame.reindex(columns=keys).to_numpy(dtype=object)``, filled column by column (about twice
    as fast: no reindexed copy, no block interleave). Pure numpy; may run in a worker and be handed to
    ``FrameModel.set_frame(..., values=...)``."""
    if not frame.columns.is_unique:
        return frame.reindex(columns=keys).to_numpy(dtype=object)
    values = np.empty((len(frame), len(keys)), dtype=object)
    for i, key in enumerate(keys):
        values[:, i] = frame[key].to_numpy(dtype=object) if key in frame else np.nan
    return values


class FrameModel(QAbstractTableModel):
    def __init__(self, key: str | None = None, parent=None):
        super().__init__(parent)
        self.key = key
        self.on_edit: Callable[[Any, str, Any], bool] | None = None
        self._frame = None
        self._columns: list[Column] = []
        self._all_columns: list[Column] = []
        self._values = np.empty((0, 0), dtype=object)   # full frame, columns in _all_columns order
        self._col_pos: list[int] = []                   # visible column -> position in _values
        self._rows = np.empty(0, dtype=np.int64)        # view row -> frame position
        self._masks: dict[str, Any] = {}
        self._pos: dict[str, int] = {}
        self._keys = np.empty(0, dtype=object)
        self._search = ""
        self._haystack = None
        self._sort: tuple[str, bool] | None = None
        self._ranks: dict[str, np.ndarray] = {}
        self._colors: np.ndarray | None = None

    # --- data in ---------------------------------------------------------------------
    def set_frame(self, frame, columns: list[Column] | None = None, search=None, masks: dict | None = None,
                  ranks: dict | None = None, values=None) -> None:
        """Replace the data; keeps the visible columns, masks, search and sort where they still apply.

        ``values``: a precomputed ``frame_values(frame, [c.key for c in columns])`` (else built here).
        ``search``: a precomputed ``search_text(frame, columns)`` (else built on the first search).
        ``masks``: named masks over the new frame (None removes one), applied in the same pass.
        ``ranks``: precomputed ``{column: sort_rank(frame[column])}`` (else computed when sorting).
        """
        import pandas as pd

        self.beginResetModel()
        visible = [c.key for c in self._columns]
        if columns is not None:
            self._all_columns = list(columns)
        elif not self._all_columns:
            self._all_columns = [Column(str(name), str(name)) for name in frame.columns]
        self._frame = frame.reset_index(drop=True)
        keys = [c.key for c in self._all_columns]
        if values is None or values.shape != (len(frame), len(keys)):
            values = frame_values(self._frame, keys)
        self._values = values
        self._pos = {k: i for i, k in enumerate(keys)}
        self._keys = (self._frame[self.key].tolist() if self.key in self._frame else list(range(len(frame))))
        self._keys = np.array(self._keys, dtype=object)
        self._colors = None
        self._haystack = search
        self._ranks = dict(ranks or {})
        self._masks = {k: m for k, m in self._masks.items() if isinstance(m, pd.Series) and len(m) == len(frame)}
        self._update_masks(masks or {})
        visible = [k for k in visible if k in keys] or keys
        self._set_visible_keys(visible)
        self._rows = self._filtered_rows()
        self._apply_sort()
        self.endResetModel()

    def frame(self):
        """The full frame (unfiltered)."""
        return self._frame

    def view_frame(self):
        """The rows in view, in view order (for export of what is shown)."""
        return self._frame.iloc[self._rows] if self._frame is not None else None

    def columns(self) -> list[Column]:
        return list(self._all_columns)

    def visible_keys(self) -> list[str]:
        return [c.key for c in self._columns]

    def set_visible(self, keys: list[str]) -> None:
        self.beginResetModel()
        self._set_visible_keys(keys)
        self.endResetModel()

    def _set_visible_keys(self, keys: list[str]) -> None:
        by_key = {c.key: i for i, c in enumerate(self._all_columns)}
        self._columns = [self._all_columns[by_key[k]] for k in keys if k in by_key]
        self._col_pos = [by_key[c.key] for c in self._columns]

    def set_row_colors(self, colors) -> None:
        """One background colour (hex string or None) per frame row."""
        self._colors = None if colors is None else np.asarray(colors, dtype=object)
        if self.rowCount():
            self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, self.columnCount() - 1))

    # --- filter, search, sort -------------------------------------------------------------
    def set_masks(self, masks: dict) -> None:
        """Several named masks at once (one refilter); None removes a mask."""
        self._update_masks(masks)
        self._refilter()

    def _update_masks(self, masks: dict) -> None:
        for name, mask in masks.items():
            if mask is None:
                self._masks.pop(name, None)
            else:
                self._masks[name] = mask

    def set_mask(self, name: str, mask) -> None:
        """A named boolean Series (or array) over the full frame; None removes it."""
        if mask is None:
            self._masks.pop(name, None)
        else:
            self._masks[name] = mask
        self._refilter()

    def set_search(self, text: str) -> None:
        self._search = (text or "").strip().lower()
        self._refilter()

    def _refilter(self) -> None:
        self.beginResetModel()
        self._rows = self._filtered_rows()
        self._apply_sort()
        self.endResetModel()

    def _build_haystack(self):
        return search_text(self._frame, self._all_columns)

    def _filtered_rows(self) -> np.ndarray:
        n = 0 if self._frame is None else len(self._frame)
        mask = np.ones(n, dtype=bool)
        for series in self._masks.values():
            mask &= np.asarray(series, dtype=bool)
        if self._search and n:
            if self._haystack is None:
                self._haystack = self._build_haystack()
            if self._haystack is not None:
                needle = self._search
                mask &= np.fromiter((needle in text for text in self._haystack), dtype=bool, count=n)
        return np.flatnonzero(mask)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self._columns):
            return
        self.layoutAboutToBeChanged.emit()
        self._sort = (self._columns[column].key, order == Qt.SortOrder.AscendingOrder)
        self._apply_sort()
        self.layoutChanged.emit()

    def _apply_sort(self) -> None:
        if self._sort is None or self._frame is None or self._sort[0] not in self._frame:
            return
        key, ascending = self._sort
        rank = self._ranks.get(key)
        if rank is None or len(rank) != len(self._frame):
            rank = self._ranks[key] = sort_rank(self._frame[key])
        keys = rank[self._rows]
        if not ascending:  # descending, missing values still last
            keys = np.where(keys == len(rank), len(rank), len(rank) - 1 - keys)
        self._rows = self._rows[np.argsort(keys, kind="stable")]

    def prepare_search(self) -> None:
        """Build the search text now (e.g. from a timer when idle) so the first keystroke is fast."""
        if self._haystack is None and self._frame is not None:
            self._haystack = self._build_haystack()

    def search_string(self) -> str:
        """The active full-text search (lower case; "" for none)."""
        return self._search

    def sort_key(self) -> str | None:
        """The column the rows are sorted by (None: frame order)."""
        return self._sort[0] if self._sort else None

    # --- Qt model interface --------------------------------------------------------------
    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._columns)

    def raw(self, row: int, column_key: str) -> Any:
        """The raw value of a view row in any column of the frame."""
        pos = int(self._rows[row])
        if column_key in self._pos:
            return self._values[pos, self._pos[column_key]]
        return self._frame[column_key].iloc[pos]

    def row_key(self, row: int) -> Any:
        """The key column's value (python types) of a view row."""
        return self._keys[self._rows[row]]

    def row_of_key(self, key: Any) -> int:
        """The view row of a key, or -1 when filtered out or unknown."""
        if self._frame is None:
            return -1
        hits = np.flatnonzero(self._keys[self._rows] == key)
        return int(hits[0]) if len(hits) else -1

    def display(self, value: Any, column: Column, row_pos: int | None = None) -> str:
        if _missing(value) or value == "":
            return fmt.DASH if column.kind != "text" else ""
        if column.labels:
            return str(column.labels.get(value, value))
        if column.kind == "date":
            return fmt.date(value)
        if column.kind == "int":
            return fmt.number(value, 0)
        if column.kind == "number":
            return fmt.number(value, column.decimals)
        if column.kind == "percent":
            return fmt.percent(value, column.decimals)
        if column.kind == "money":
            currency = "EUR"
            if column.currency_key in self._pos and row_pos is not None:
                currency = self._values[row_pos, self._pos[column.currency_key]] or "EUR"
            return fmt.money(value, currency, column.decimals)
        return str(value)

    def data(self, index: QModelIndex, role: int = DISPLAY) -> Any:
        if role not in _ROLES or not index.isValid():   # Qt asks ~10 roles per cell: answer the rest fast
            return None
        column_no = index.column()
        column = self._columns[column_no]
        pos = int(self._rows[index.row()])
        value = self._values[pos, self._col_pos[column_no]]
        if role == DISPLAY:
            return self.display(value, column, pos)
        if role == USER:
            return None if _missing(value) else value
        if role == EDIT:
            return "" if _missing(value) else value
        if role == ALIGN:
            return _RIGHT if column.kind in NUMERIC_KINDS else None
        if role == BACKGROUND:
            color = self._colors[pos] if self._colors is not None else None
            return QBrush(QColor(color)) if color else None
        if column.tip_key is not None and column.tip_key in self._frame:
            tip = self._frame[column.tip_key].iat[pos]
            return tip if isinstance(tip, str) and tip else None
        if column.kind == "text" and isinstance(value, str) and len(value) > 40:   # tooltip: long text in full
            return value
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            if 0 <= section < len(self._columns):
                return self._columns[section].title
        if role == Qt.ItemDataRole.TextAlignmentRole and orientation == Qt.Orientation.Horizontal:
            if 0 <= section < len(self._columns) and self._columns[section].kind in NUMERIC_KINDS:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def flags(self, index: QModelIndex) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and self.on_edit and self._columns[index.column()].editable:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index: QModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.EditRole or self.on_edit is None:
            return False
        column = self._columns[index.column()]
        if not self.on_edit(self.row_key(index.row()), column.key, value):
            return False
        pos = int(self._rows[index.row()])
        self._values[pos, self._col_pos[index.column()]] = value
        self._frame.loc[pos, column.key] = value
        self._haystack = None
        self._ranks.pop(column.key, None)
        self.dataChanged.emit(index, index, [role, Qt.ItemDataRole.DisplayRole])
        return True
