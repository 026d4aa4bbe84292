"""A printable A4 task list per department ("what do I need from whom"), as HTML (no Qt).

The HTML uses the Qt rich-text subset (tables, no flexbox); ``vendordesk.ui.printing`` turns it
into a PDF or a print preview. Each department starts on a new page.
"""

from __future__ import annotations

import datetime as dt
from html import escape

TEXT = {
    "de": {"title": "Aufgaben für %s", "made": "Stand %s · %s", "what": "Was", "why": "Warum", "who": "Wer",
           "due": "Fällig", "status": "Status", "none": "Keine offenen Aufgaben.", "overdue": "überfällig",
           "open": "offen", "in_progress": "in Arbeit", "waiting": "wartet", "done": "erledigt",
           "case": "Fall", "gear": "Zahnrad", "count": "%d offene Aufgabe(n), davon %d überfällig"},
    "en": {"title": "Tasks for %s", "made": "As of %s · %s", "what": "What", "why": "Why", "who": "Who",
           "due": "Due", "status": "Status", "none": "No open tasks.", "overdue": "overdue",
           "open": "open", "in_progress": "in progress", "waiting": "waiting", "done": "done",
           "case": "Case", "gear": "Gear", "count": "%d open task(s), %d overdue"},
}


def _date(value: str | None, lang: str) -> str:
    if not value:
        return "–"
    day = dt.date.fromisoformat(value[:10])
    return day.strftime("%d.%m.%Y") if lang == "de" else day.strftime("%d/%m/%Y")


def _why(task: dict, t: dict) -> str:
    parts = [escape(task.get("reason") or "")]
    if task.get("case_id"):
        parts.append(f"{t['case']} {escape(str(task['case_id']))}")
    if task.get("gear"):
        parts.append(f"{t['gear']}: {escape(str(task['gear']))}")
    if task.get("asin"):
        parts.append(escape(str(task["asin"])))
    return "<br>".join(p for p in parts if p)


def _clean(task: dict) -> dict:
    """Missing values (None, NaN from a DataFrame) become None."""
    return {k: (None if v is None or (isinstance(v, float) and v != v) else v) for k, v in task.items()}


def department_section(name: str, tasks: list[dict], today: dt.date, account: str, lang: str = "de",
                       new_page: bool = False) -> str:
    """One department: heading, summary, a table of its open tasks sorted by due date."""
    t = TEXT.get(lang, TEXT["en"])
    tasks = [_clean(task) for task in tasks]
    open_tasks = sorted((task for task in tasks if task.get("status") != "done"),
                        key=lambda task: (task.get("due_on") or "9999", task.get("title") or ""))
    overdue = sum(1 for task in open_tasks if task.get("due_on") and task["due_on"] < today.isoformat())
    brk = "page-break-before: always; " if new_page else ""
    html = [f"<h1 style='{brk}font-size:16pt; color:#263238; margin-bottom:2px'>{escape(t['title'] % name)}</h1>",
            f"<p style='color:#546e7a; font-size:9pt; margin-top:0'>"
            f"{escape(t['made'] % (_date(today.isoformat(), lang), account))} · "
            f"{t['count'] % (len(open_tasks), overdue)}</p>"]
    if not open_tasks:
        html.append(f"<p>{t['none']}</p>")
        return "\n".join(html)
    html.append("<table width=\"100%\" cellspacing='0' cellpadding='5' "
                "style='border-collapse:collapse; border:1px solid #b0bec5; font-size:10pt'>")
    heads = (("", 4), (t["what"], 32), (t["why"], 33), (t["who"], 13), (t["due"], 18))
    html.append("<thead><tr>" + "".join(f"<th align='left' width='{w}%' style='background-color:#eceff1; "
                                         f"border:1px solid #b0bec5'>{h}</th>" for h, w in heads) + "</tr></thead>")
    for task in open_tasks:
        late = bool(task.get("due_on")) and task["due_on"] < today.isoformat()
        status = t.get(task.get("status") or "open", task.get("status") or "")
        note = (f"<b style='color:#c62828'>{t['overdue']}</b>" if late
                else f"<span style='color:#546e7a'>{status}</span>")
        due = f"{_date(task.get('due_on'), lang)}<br>{note}"
        cells = ("☐", f"<b>{escape(task.get('title') or '')}</b>", _why(task, t), escape(task.get("assignee") or ""),
                 due)
        html.append("<tr>" + "".join(f"<td valign='top' style='border:1px solid #b0bec5'>{c}</td>" for c in cells)
                    + "</tr>")
    html.append("</table>")
    return "\n".join(html)


def department_brief(departments: list[tuple[str, list[dict]]], today: dt.date, account: str,
                     lang: str = "de") -> str:
    """The whole document: one page per (department name, tasks)."""
    sections = [department_section(name, tasks, today, account, lang, new_page=i > 0)
                for i, (name, tasks) in enumerate(departments)]
    return ("<html><head><meta charset='utf-8'></head><body style='font-family: \"DejaVu Sans\", sans-serif'>"
            + "\n".join(sections) + "</body></html>")
