"""Undo for the ticket log: a saved edit, a new entry and a delete of a case, chargeback or task
go onto the window's one QUndoStack (Edit › Undo/Redo, Ctrl+Z in the tab), in the order made.

Each step keeps the record as it was before and after (``ops.ticket_records.snapshot_record``);
undo and redo put one back in place of the other (``replace_record``), the case's timeline,
links and the chargebacks and tasks pointing at it included. Without a window (a tab on its
own) deletes keep the tab's own list, as before.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand


@dataclass(frozen=True)
class Edit:
    """One write: the record under ``before_key`` was ``before`` (None: it did not exist) and is
    ``after`` under ``after_key`` (None: deleted)."""

    kind: str                     # "case" | "chargeback" | "task"
    before_key: Any
    before: dict | None
    after_key: Any
    after: dict | None

    @property
    def is_delete(self) -> bool:
        return self.after is None


def snapshot(workspace, kind: str, key) -> dict | None:
    from vendordesk.ops.ticket_records import snapshot_record

    return None if key is None else snapshot_record(workspace, kind, key)


def label(kind: str, key, record: dict | None = None) -> str:
    """"case 0123456789", "chargeback CB-2611-00311", "task 12" (the tab's own words)."""
    if kind == "case":
        return QCoreApplication.translate("TicketsTab", "case %1").replace("%1", str(key))
    if kind == "chargeback":
        name = QCoreApplication.translate("TicketsTab", "chargeback")
        return f"{name} {(record or {}).get('external_id') or key}"
    return f"{QCoreApplication.translate('TicketsTab', 'task')} {key}"


def step_text(edit: Edit, name: str) -> str:
    """The step as Edit › Undo names it ("Undo Edit case 0123456789")."""
    if edit.is_delete:
        text = QCoreApplication.translate("TicketsUndo", "Delete %1")
    elif edit.before is None:
        text = QCoreApplication.translate("TicketsUndo", "Add %1")
    else:
        text = QCoreApplication.translate("TicketsUndo", "Edit %1")
    return text.replace("%1", name)


class TicketCommand(QUndoCommand):
    """A ticket write already done when pushed (the first redo does nothing)."""

    def __init__(self, tab, edit: Edit):
        record = edit.after or edit.before or {}
        key = edit.after_key if edit.after_key is not None else edit.before_key
        name = label(edit.kind, key, record)
        super().__init__(step_text(edit, name))
        self.tab, self.edit, self.workspace = tab, edit, tab.ctx.workspace
        self.name = name
        self._done = True

    def _usable(self) -> bool:
        """The tab still exists and shows the workspace this step was made in."""
        return shiboken6.isValid(self.tab) and self.tab.ctx.workspace is self.workspace

    def redo(self) -> None:
        if self._done:
            self._done = False
            return
        if self._usable():
            from vendordesk.ops.ticket_records import replace_record

            e = self.edit
            replace_record(self.workspace, e.kind, e.before_key, e.after)
            said = QCoreApplication.translate("TicketsUndo", "Redone: %1").replace("%1", self.text())
            self.tab.undone(e.kind, e.after_key, e.before_key, said)

    def undo(self) -> None:
        if self._usable():
            from vendordesk.ops.ticket_records import replace_record

            e = self.edit
            replace_record(self.workspace, e.kind, e.after_key, e.before)
            if e.is_delete:
                said = QCoreApplication.translate("TicketsTab", "Restored %1.").replace("%1", self.name)
            else:
                said = QCoreApplication.translate("TicketsUndo", "Undone: %1").replace("%1", self.text())
            self.tab.undone(e.kind, e.before_key, e.after_key, said)


def stack_of(tab):
    """The window's QUndoStack (None without a window, or while the window is being destroyed)."""
    stack = tab.ctx.services.get("undo_stack")
    return stack if stack is not None and shiboken6.isValid(stack) else None


def record(tab, edit: Edit) -> bool:
    """Put a done write on the window's stack; False without a window (nothing recorded)."""
    stack = stack_of(tab)
    if stack is None or (edit.before is None and edit.after is None):
        return False
    stack.push(TicketCommand(tab, edit))
    return True


def last_delete(tab) -> TicketCommand | None:
    """The step Ctrl+Z would take back, if it is a ticket delete of this tab."""
    stack = stack_of(tab)
    if stack is None or not stack.canUndo():
        return None
    command = stack.command(stack.index() - 1)
    if isinstance(command, TicketCommand) and command.tab is tab and command.edit.is_delete:
        return command
    return None
