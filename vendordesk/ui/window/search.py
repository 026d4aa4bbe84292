"""The global search (Ctrl+F from every tab): ASINs, titles and case IDs, jumping to the hit.

``SearchBox`` sits in the tab bar's corner. Picking a hit calls ``jump(kind, key)`` of the main
window: an ASIN opens the gears filtered by it, a case opens it in the tickets tab.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QStringListModel, Qt, Signal
from PySide6.QtWidgets import QCompleter, QLineEdit, QStyle, QStyledItemDelegate, QWidget


def search_entries(ws) -> list[tuple[str, str, str]]:
    """(shown text, kind, key) for every product and case; read on the GUI thread (small tables)."""
    from vendordesk.ops.product_names import products_frame
    from vendordesk.ops.ticket_records import case_subjects

    entries = []
    products = products_frame(ws)
    for asin, title in zip(products.get("asin", []), products.get("title", [])):
        entries.append((f"{asin} – {title}" if isinstance(title, str) and title else str(asin), "asin", str(asin)))
    for case_id, subject in case_subjects(ws):
        entries.append((f"{case_id} – {subject}".rstrip(" –"), "case", case_id))
    return entries


POPUP_MAX = 640


class _ElidedHit(QStyledItemDelegate):
    """A hit no wider than the list, so a long title ends in "…" inside it (the list has no
    horizontal scroll bar; a row as wide as its text was cut at the edge); the row under the mouse
    or the keys is drawn selected, as Qt's completer does."""

    def sizeHint(self, option, index):
        hint = super().sizeHint(option, index)
        view = self.parent()
        hint.setWidth(min(hint.width(), view.viewport().width()))
        return hint

    def paint(self, painter, option, index):
        if index == self.parent().currentIndex():
            option.state |= QStyle.StateFlag.State_Selected
        super().paint(painter, option, index)


class _WholeRows(QObject):
    """Keeps the popup exactly as high as the rows it shows: Qt's completer adds a few pixels, and a
    sliver of the next hit showed as a half-cut last row."""

    def __init__(self, completer: QCompleter) -> None:
        super().__init__(completer)
        self.completer = completer

    def eventFilter(self, popup, event) -> bool:
        if event.type() in (QEvent.Type.Show, QEvent.Type.Resize) and popup.model() is not None:
            rows = min(popup.model().rowCount(), self.completer.maxVisibleItems())
            if rows:
                height = rows * popup.sizeHintForRow(0) + 2 * popup.frameWidth()
                if popup.height() != height:
                    popup.resize(popup.width(), height)
        return False


class SearchBox(QLineEdit):
    """Signals: picked(kind, key)."""

    picked = Signal(str, str)

    def __init__(self, entries_source: Callable[[], list[tuple[str, str, str]]], parent: QWidget | None = None):
        super().__init__(parent)
        self.entries_source = entries_source
        self.entries: list[tuple[str, str, str]] = []
        self._stale = True
        self.setPlaceholderText(self.tr("Search: ASIN, title, case ID (Ctrl+F)"))
        self.setClearButtonEnabled(True)
        self.setFixedWidth(self.fontMetrics().horizontalAdvance(self.placeholderText()) + 48)
        self.model = QStringListModel(self)
        self.completer_ = QCompleter(self.model, self)
        self.completer_.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer_.setFilterMode(Qt.MatchFlag.MatchContains)
        self.completer_.setMaxVisibleItems(12)
        self.setCompleter(self.completer_)
        popup = self.completer_.popup()
        assert popup is not None          # (a completer always has its list)
        popup.setItemDelegate(_ElidedHit(popup))
        popup.setTextElideMode(Qt.TextElideMode.ElideRight)
        popup.installEventFilter(_WholeRows(self.completer_))
        self.completer_.activated.connect(self._activated)
        self.returnPressed.connect(lambda: self.go(self.text()))

    def sizeHint(self):
        hint = super().sizeHint()
        hint.setWidth(self.minimumWidth())
        return hint

    def invalidate(self) -> None:
        """The workspace changed: read the entries again on next use."""
        self._stale = True

    def focusInEvent(self, event) -> None:
        self.ensure_entries()
        super().focusInEvent(event)

    def ensure_entries(self) -> None:
        if self._stale:
            self._stale = False
            self.entries = self.entries_source()
            self.model.setStringList([text for text, _, _ in self.entries])
            self._fit_popup()

    def _fit_popup(self) -> None:
        """The list of hits as wide as its longest entry (up to POPUP_MAX px), not as narrow as the
        box: "B01RG38JQH – Küchenwelt Handmixe…" told the ASIN but not which product."""
        popup = self.completer_.popup()
        if popup is None:
            return
        metrics = popup.fontMetrics()
        widest = max((metrics.horizontalAdvance(text) for text, _, _ in self.entries), default=0)
        extra = 2 * popup.frameWidth() + popup.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent) + 16
        popup.setMinimumWidth(min(POPUP_MAX, max(self.width(), widest + extra)))

    def matches(self, text: str) -> list[tuple[str, str, str]]:
        self.ensure_entries()
        needle = text.strip().lower()
        if not needle:
            return []
        exact = [e for e in self.entries if e[2].lower() == needle]
        return exact or [e for e in self.entries if needle in e[0].lower()]

    def _activated(self, text: str) -> None:
        self.go(text)

    def go(self, text: str) -> bool:
        """Jump to the first hit for ``text``; False when nothing matches."""
        hits = self.matches(text)
        if not hits:
            return False
        _, kind, key = hits[0]
        self.picked.emit(kind, key)
        return True
