"""The tab base class and the honest empty state every tab shows without data."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from vendordesk.changes import Changes


class EmptyState(QWidget):
    """A centred title, an explanation of what to import or enter, and an optional action.

    Signals:
        action_requested: the action button was clicked.
    """

    action_requested = Signal()

    def __init__(self, title: str, text: str, action: str | None = None, parent=None):
        super().__init__(parent)
        box = QWidget(self)
        box.setMaximumWidth(600)
        inner = QVBoxLayout(box)
        inner.setSpacing(12)
        self.title_label = QLabel(title)
        self.title_label.setObjectName("emptyTitle")
        self.title_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.title_label.setWordWrap(True)
        self.title_label.setStyleSheet("font-size: 16pt; font-weight: 600; color: #37474f;")
        self.text_label = QLabel(text)
        self.text_label.setWordWrap(True)
        self.text_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.text_label.setStyleSheet("color: #546e7a; font-size: 11pt;")
        inner.addWidget(self.title_label)
        inner.addWidget(self.text_label)
        self.button = None
        if action:
            self.button = QPushButton(action)
            self.button.clicked.connect(self.action_requested)
            inner.addWidget(self.button, 0, Qt.AlignmentFlag.AlignHCenter)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(box, 3)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(2)


class BaseTab(QWidget):
    """A main-window tab. Subclasses build their widgets and load data on first show.

    Attributes:
        ctx: the AppContext (workspace, settings, main window services).
    """

    #: emitted when the tab wrote to the workspace; the main window broadcasts it.
    changed = Signal(object)
    #: the tab's badge text changed (e.g. "3" due follow-ups); "" for none.
    badge_changed = Signal(str)

    def __init__(self, ctx: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._loaded = False

    def title(self) -> str:
        raise NotImplementedError

    def ensure_loaded(self) -> None:
        """Load data the first time the tab is shown (keeps the first paint fast)."""
        if not self._loaded:
            self._loaded = True
            self.reload()

    def refresh(self, changes: Changes) -> None:
        """React to a broadcast write; default: reload if already loaded."""
        if self._loaded:
            self.reload()

    def reload(self) -> None:
        """Read the workspace and redraw. Subclasses override."""
