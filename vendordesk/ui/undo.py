"""Undo for cheap-to-reverse writes: one QUndoStack in the main window (Edit › Undo/Redo).

What can be undone: a manual KPI value entered in the gears tab (the earlier value for the same
gear, KPI, ASIN and period start comes back, or the entry goes) and a gear's rename and
thresholds, including "Restore defaults" (the gear's earlier stored settings come back).
The ticket log's saves, new entries and deletes go onto the same stack (``ui.tickets.undo``).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from vendordesk.changes import Changes


def _tr(text: str) -> str:
    return QCoreApplication.translate("Undo", text)


class WorkspaceCommand(QUndoCommand):
    """A write with its inverse; ``notify(Changes)`` tells the window after each step."""

    def __init__(self, text: str, workspace, notify):
        super().__init__(text)
        self.workspace, self.notify = workspace, notify

    def redo(self) -> None:
        self.apply()
        self.notify(Changes(gears=True))

    def undo(self) -> None:
        self.revert()
        self.notify(Changes(gears=True))


class ManualKpiCommand(WorkspaceCommand):
    def __init__(self, workspace, notify, entry: dict, label: str):
        super().__init__(_tr("Enter value: %1").replace("%1", label), workspace, notify)
        self.entry = dict(entry)
        self.before = previous_manual_value(workspace, entry)

    def apply(self) -> None:
        from vendordesk.ops.gear_model import save_manual_kpi

        save_manual_kpi(self.workspace, **self.entry)

    def revert(self) -> None:
        from vendordesk.ops.gear_model import delete_manual_kpi, save_manual_kpi

        e = self.entry
        delete_manual_kpi(self.workspace, e["gear"], e["kpi"], e["period_start"], e.get("asin", ""))
        if self.before is not None:
            save_manual_kpi(self.workspace, **self.before)


def previous_manual_value(workspace, entry: dict) -> dict | None:
    """The stored entry a new value replaces (same gear, KPI, ASIN, period start), if any."""
    from vendordesk.ops.gear_model import manual_kpis_frame

    frame = manual_kpis_frame(workspace)
    if frame.empty:
        return None
    rows = frame.loc[(frame["gear"] == entry["gear"]) & (frame["kpi"] == entry["kpi"])
                     & (frame["asin"].fillna("") == (entry.get("asin") or ""))
                     & (frame["period_start"].astype(str).str[:10] == entry["period_start"])]
    if rows.empty:
        return None
    row = rows.iloc[0]
    return {"gear": row["gear"], "kpi": row["kpi"], "asin": row["asin"] or "",
            "period_start": str(row["period_start"])[:10], "period_end": str(row["period_end"])[:10],
            "value": float(row["value"])}


class GearSettingsCommand(WorkspaceCommand):
    """Rename/thresholds (``after`` = dict custom_name, thresholds) or reset (``after`` None)."""

    def __init__(self, workspace, notify, gear, after: dict | None, label: str):
        from vendordesk.ops.gear_model import gear_settings

        super().__init__(_tr("Gear settings: %1").replace("%1", label), workspace, notify)
        self.gear, self.after = gear, after
        self.before = gear_settings(workspace).value.get(gear.id)

    def _write(self, state: dict | None) -> None:
        from vendordesk.ops.gear_model import reset_gear, save_gear

        g = self.gear
        if state is None:
            reset_gear(self.workspace, g.id)
        else:
            save_gear(self.workspace, g.id, g.position, g.name_de, g.name_en,
                      state.get("custom_name"), state.get("thresholds"))

    def apply(self) -> None:
        self._write(self.after)

    def revert(self) -> None:
        self._write(self.before)


def push_or_do(ctx, command: WorkspaceCommand) -> None:
    """Push onto the window's stack (which runs it); without a window just run it."""
    stack = ctx.services.get("undo_stack")
    if stack is not None:
        stack.push(command)
    else:
        command.redo()
