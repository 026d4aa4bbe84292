"""What the Tickets tab does on a click: import, delete/undo, in-place edits, export, print.

Functions take the TicketsTab; their texts use the tab's translation context ("TicketsTab").
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox

from vendordesk.errors import UserError
from vendordesk.ui.tickets import undo as ticket_undo


def import_chargebacks(tab) -> None:
    """Ask for a CSV, import it in one transaction (``ops.chargebacks``); a refused file changes nothing."""
    from vendordesk.ops.chargebacks import import_chargebacks as import_file

    title = QCoreApplication.translate("TicketsTab", "Import chargebacks or shortages")
    kinds = QCoreApplication.translate("TicketsTab", "CSV files (*.csv *.txt);;All files (*)")
    from vendordesk.ui.export_dialog import ask_open_paths

    picked = ask_open_paths(tab, title, kinds)
    if not picked:
        return
    path = picked[0]
    try:
        done = import_file(tab.ctx.workspace, path)
    except UserError as exc:
        from vendordesk.ui.errors import user_text

        QMessageBox.warning(tab, QCoreApplication.translate("TicketsTab", "Import refused"), user_text(exc))
        return
    text = QCoreApplication.translate("TicketsTab", "%1 new, %2 updated chargeback rows imported.")
    tab._say(text.replace("%1", str(done.value.inserted)).replace("%2", str(done.value.updated)))
    tab._written_table(tab.chargebacks, done.changes)


def delete_current(tab, key) -> None:
    """Ask, delete the record shown in the side panel, and keep its snapshot for undo."""
    from vendordesk.ops.ticket_records import delete_record

    editor = tab.editors.currentWidget()
    if editor is tab.case_editor:
        kind = "case"
        text = QCoreApplication.translate("TicketsTab", "Delete case %1 with its timeline?").replace("%1", str(key))
        label = QCoreApplication.translate("TicketsTab", "case %1").replace("%1", str(key))
    elif editor is tab.cb_editor:
        kind = "chargeback"
        text = QCoreApplication.translate("TicketsTab", "Delete this chargeback?")
        label = QCoreApplication.translate("TicketsTab", "chargeback")
    else:
        kind = "task"
        text = QCoreApplication.translate("TicketsTab", "Delete this task?")
        label = QCoreApplication.translate("TicketsTab", "task")
    undo_hint = QCoreApplication.translate("TicketsTab", "You can undo this (Ctrl+Z).")
    if key is None or not tab.confirm(text + "\n" + undo_hint):
        return
    done = delete_record(tab.ctx.workspace, kind, key)
    if kind != "case":
        label = ticket_undo.label(kind, key, done.value)
    if not ticket_undo.record(tab, ticket_undo.Edit(kind, key, done.value, None, None)):
        tab._undo.append((kind, done.value, label))       # a tab without a window keeps its own list
    show_undo(tab)
    editor.load(None)
    tab._written_table(tab.pages.currentWidget(), done.changes)


def undo_delete(tab) -> None:
    """The window's last step (``ui.tickets.undo``); a tab on its own: its last delete."""
    from vendordesk.ops.ticket_records import restore_record

    stack = ticket_undo.stack_of(tab)
    if stack is not None:
        if stack.canUndo():
            stack.undo()          # a ticket step says what it undid (TicketsTab.undone)
        return
    if not tab._undo:
        return
    kind, snapshot, label = tab._undo.pop()
    done = restore_record(tab.ctx.workspace, kind, snapshot)
    show_undo(tab)
    tab._say(QCoreApplication.translate("TicketsTab", "Restored %1.").replace("%1", label))
    tab._written_table(tab.pages.currentWidget(), done.changes)


def show_undo(tab) -> None:
    """The "Undo delete of …" button: while the last step is a delete of this tab."""
    if not getattr(tab, "_built", False):
        return
    step = ticket_undo.last_delete(tab)
    name = step.name if step is not None else (tab._undo[-1][2] if tab._undo else None)
    tab.undo_button.setVisible(name is not None)
    if name is not None:
        text = QCoreApplication.translate("TicketsTab", "Undo delete of %1")
        tab.undo_button.setText(text.replace("%1", name))


# --- in-place edits ------------------------------------------------------------------------
def edit_case_cell(tab, case_id, column: str, value) -> bool:
    """FrameModel.on_edit for the cases table; refuses an empty subject (the old one is kept)."""
    from vendordesk.ops.tickets import save_case

    value = str(value).strip()
    if column == "subject" and not value:
        text = QCoreApplication.translate(
            "TicketsTab", "Case %1: the subject cannot be empty; the old subject is kept.")
        tab._say(text.replace("%1", str(case_id)), error=True)
        return False
    before = ticket_undo.snapshot(tab.ctx.workspace, "case", case_id)
    done = save_case(tab.ctx.workspace, case_id, {column: value or None})
    ticket_undo.record(tab, ticket_undo.Edit("case", case_id, before, case_id,
                                             ticket_undo.snapshot(tab.ctx.workspace, "case", case_id)))
    tab._say("")
    tab.changed.emit(done.changes)
    return True


def edit_task_cell(tab, task_id, column: str, value) -> bool:
    from vendordesk.ops.ticket_records import save_task

    value = str(value).strip()
    if column == "title" and not value:
        tab._say(QCoreApplication.translate("TicketsTab", "The task needs a title; the old one is kept."), error=True)
        return False
    before = ticket_undo.snapshot(tab.ctx.workspace, "task", task_id)
    done = save_task(tab.ctx.workspace, task_id, {column: value or None})
    ticket_undo.record(tab, ticket_undo.Edit("task", task_id, before, task_id,
                                             ticket_undo.snapshot(tab.ctx.workspace, "task", task_id)))
    tab.changed.emit(done.changes)
    return True


# --- export and print ----------------------------------------------------------------------
def export(tab, kind: str, path: str | None = None) -> None:
    """Cases, chargebacks or tasks to CSV/XLSX: the rows on screen (filters, search, sort), with the
    columns of ``vendordesk export``."""
    from vendordesk.ops.exports import export_frame
    from vendordesk.ui.export_dialog import ask_export_path

    if path is None:
        kinds = QCoreApplication.translate("TicketsTab", "Excel (*.xlsx);;CSV (*.csv)")
        names = {"tickets": QCoreApplication.translate("TicketsTab", "Cases.xlsx"),
                 "chargebacks": QCoreApplication.translate("TicketsTab", "Chargebacks.xlsx"),
                 "tasks": QCoreApplication.translate("TicketsTab", "Tasks.xlsx")}   # "Fälle.xlsx" in German
        path = ask_export_path(tab, QCoreApplication.translate("TicketsTab", "Export"),
                               names.get(kind, f"{kind}.xlsx"), kinds)
    if not path:
        return
    try:
        frame = visible_frame(tab, kind)
        export_frame(frame, Path(path), kind, tab.ctx.lang, workspace=tab.ctx.workspace)
    except UserError as exc:
        from vendordesk.ui.errors import user_text

        QMessageBox.warning(tab, QCoreApplication.translate("TicketsTab", "Export failed"), user_text(exc))
        return
    text = QCoreApplication.translate("TicketsTab", "%1 rows written to %2")
    tab._say(text.replace("%1", str(len(frame))).replace("%2", str(path)))


def visible_frame(tab, kind: str):
    """The rows of ``kind``'s table as shown (filters, search, sort), with the export's columns; all
    rows when the tab has not been opened yet (File › Export), as ``vendordesk export`` writes them."""
    from vendordesk.ops.exports import export_columns, exporter

    page = getattr(tab, {"tickets": "cases"}.get(kind, kind), None)
    frame = page.model.view_frame() if page is not None else None
    if frame is None:
        return exporter(kind)(tab.ctx.workspace)
    keys = [key for key in export_columns(kind) if key in frame.columns]
    return frame[keys].reset_index(drop=True)


def department_html(tab) -> str:
    """The A4 task list of the chosen department (or one page per department with tasks)."""
    from vendordesk.briefs.department import department_brief
    from vendordesk.ops.department_brief import needs_by_name

    frame = tab.tasks.model.frame()
    chosen = tab.department.currentData()
    groups, ids = [], []
    for dep_id, name in tab.departments.items():
        if chosen not in (None, dep_id):
            continue
        rows = frame[frame["department_id"] == dep_id].to_dict("records") if frame is not None else []
        if rows or chosen:
            groups.append((name, rows))
            ids.append((dep_id, name))
    needs, forecast = needs_by_name(tab.ctx.workspace, ids, tab.ctx.lang, tab.today)   # what we need, in numbers
    return department_brief(groups, tab.today, tab.ctx.workspace.name, tab.ctx.lang, needs=needs, forecast=forecast)


def print_department(tab) -> None:
    from vendordesk.ui.printing import preview

    preview(tab, department_html(tab))


def department_pdf(tab, path: str | None = None) -> None:
    from vendordesk.ui.printing import html_to_pdf

    asked = path is None
    if asked:
        title = QCoreApplication.translate("TicketsTab", "Save task list")
        from vendordesk.ui.export_dialog import ask_export_path

        path = ask_export_path(tab, title, "tasks.pdf", "PDF (*.pdf)")      # Documents or the last folder
    if path:
        html_to_pdf(department_html(tab), path, title=QCoreApplication.translate("TicketsTab", "Task list"))
        tab._say(QCoreApplication.translate("TicketsTab", "Task list saved to %1").replace("%1", str(path)))
        if asked:   # chosen in the dialog: offer to open it
            from vendordesk.ui.printing import offer_open

            offer_open(tab, path)
