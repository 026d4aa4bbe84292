"""Reading and preparing the ticket log for the tab (pure pandas; safe in a worker thread)."""

from __future__ import annotations

import datetime as dt

BACKGROUND_ROWS = 3000   # above this many cases the log is read in a worker


def read_frames_from(ws) -> dict:
    from vendordesk.ops.ticket_records import chargebacks_frame, tasks_frame, tickets_frame

    return {"cases": tickets_frame(ws), "chargebacks": chargebacks_frame(ws), "tasks": tasks_frame(ws)}


def prepare(path, today: dt.date, frames: dict | None = None, case_columns=None, case_sort: str | None = None,
            progress=None, cancelled=None) -> dict:
    """Frames plus derived columns, row colours, the today list and, when given, the cases' search
    text (``case_columns``) and sort rank (``case_sort``). Pure pandas; safe in a worker."""
    from vendordesk.core import tickets as rules
    from vendordesk.ops.ticket_records import read_frames
    from vendordesk.ui.models.frame_model import frame_values, search_text, sort_rank
    from vendordesk.ui.tickets import columns as cols

    frames = frames or read_frames(path, progress)
    cases = frames["cases"]
    follow_up = rules.follow_up_mask(cases, today) if len(cases) else None   # colours and today list
    cases, case_colors = cols.decorate_cases(cases, today, follow_up)
    cbs, cb_colors = cols.decorate_chargebacks(frames["chargebacks"], today)
    tasks, task_colors = cols.decorate_tasks(frames["tasks"], today)
    if follow_up is None:
        today_list = rules.today_list(cases, tasks, cbs, today)
    else:   # == rules.today_list, with the follow-up mask computed once
        today_list = rules.TodayList(cases[follow_up], rules.overdue_tasks(tasks, today),
                                     rules.deadlines_within(cbs, today, 7))
    keys = [[c.key for c in columns(departments)[0]] for columns, departments in (
        (cols.case_columns, {}), (lambda _: cols.chargeback_columns(), None), (cols.task_columns, {}))]
    values = [frame_values(frame, k) for frame, k in zip((cases, cbs, tasks), keys)]   # the models' arrays
    return {"cases": cases, "chargebacks": cbs, "tasks": tasks,
            "case_colors": case_colors, "cb_colors": cb_colors, "task_colors": task_colors,
            "case_search": search_text(cases, case_columns) if case_columns else None,
            "case_ranks": {case_sort: sort_rank(cases[case_sort])} if case_sort in cases else {},
            "today": today_list,
            "values": values,
            "empty": cases.empty and cbs.empty and tasks.empty}
