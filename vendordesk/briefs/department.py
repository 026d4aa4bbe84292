"""A printable A4 task list per department ("what do I need from whom"), as HTML (no Qt).

The HTML uses the Qt rich-text subset (tables, no flexbox); ``vendordesk.ui.printing`` turns it
into a PDF or a print preview. Each department starts on a new page.
"""

from __future__ import annotations

import datetime as dt
from html import escape

from vendordesk.text import N_, formatter, texts
from vendordesk.text.numbers import is_missing

STATUS = {"open": N_("open"), "in_progress": N_("in progress"), "waiting": N_("waiting"), "done": N_("done")}


def _date(value: str | None, lang: str) -> str:
    return formatter(lang).date(value[:10]) if value else "–"


def _gear(gear_id: str, lang: str) -> str:
    """The gear's name in the brief's language, never its identifier."""
    from vendordesk.core.gears.defs import GEARS

    gear = next((g for g in GEARS if g.id == gear_id), None)
    return gear.name(lang) if gear is not None else gear_id


def _why(task: dict, lang: str) -> str:
    _ = texts(lang)
    parts = [escape(task.get("reason") or "")]
    if task.get("case_id"):
        parts.append(escape(_("Case {id}", id=task["case_id"])))
    if task.get("gear"):
        parts.append(escape(_("Gear: {name}", name=_gear(str(task["gear"]), lang))))
    if task.get("asin"):
        parts.append(escape(str(task["asin"])))
    return "<br>".join(p for p in parts if p)


def _clean(task: dict) -> dict:
    """Missing values (None, NaN from a DataFrame) become None."""
    return {k: (None if is_missing(v) else v) for k, v in task.items()}


def _needs(name: str, needs: list[str], lang: str, forecast: bool) -> list[str]:
    _ = texts(lang)
    if not needs:
        return []
    items = "".join(f"<li style='margin-bottom:3px'>{escape(n)}</li>" for n in needs)
    head = _("What we need from {name}, by when and why", name=name)
    tasks = _("Delegated tasks")
    note = _(NEEDS_NOTE)
    return [f"<h2 style='font-size:12pt; color:#0d3b66; margin-bottom:2px'>{escape(head)}</h2>",
            f"<ul style='font-size:10pt'>{items}</ul>",
            f"<p style='color:#607d8b; font-size:8pt'>{escape(note)}</p>" if forecast else "",
            f"<h2 style='font-size:12pt; color:#0d3b66; margin-bottom:2px'>{escape(tasks)}</h2>"]


NEEDS_NOTE = N_("Units = expected new Amazon POs (Amazon's own forecast where imported, else ours) plus open PO "
                "units due that week; changes compare forecast weeks; shortfalls are the P90 estimate.")


def department_section(name: str, tasks: list[dict], today: dt.date, account: str, lang: str = "de",
                       new_page: bool = False, needs: list[str] | None = None, forecast: bool = False) -> str:
    """One department: heading, summary, what we need in numbers, its open tasks by due date."""
    _ = texts(lang)
    tasks = [_clean(task) for task in tasks]
    open_tasks = sorted((task for task in tasks if task.get("status") != "done"),
                        key=lambda task: (task.get("due_on") or "9999", task.get("title") or ""))
    overdue = sum(1 for task in open_tasks if task.get("due_on") and task["due_on"] < today.isoformat())
    brk = "page-break-before: always; " if new_page else ""
    count = _.ngettext("{n} open task", "{n} open tasks", len(open_tasks), n=len(open_tasks))
    late_count = (_.ngettext("{n} overdue", "{n} overdue", overdue, n=overdue) if overdue
                  else _("none overdue"))      # not "davon 0 überfällig"
    title = _("Tasks for {name}", name=name)
    made = _("As of {date} · {account}", date=_date(today.isoformat(), lang), account=account)
    html = [f"<h1 style='{brk}font-size:16pt; color:#263238; margin-bottom:2px'>{escape(title)}</h1>",
            f"<p style='color:#546e7a; font-size:9pt; margin-top:0'>"
            f"{escape(made)} · {escape(count)}, {escape(late_count)}</p>"]
    html += _needs(name, needs or [], lang, forecast)
    if not open_tasks:
        html.append("<p>" + escape(_("No open tasks.")) + "</p>")
        return "\n".join(html)
    html.append("<table width=\"100%\" cellspacing='0' cellpadding='5' "
                "style='border-collapse:collapse; border:1px solid #b0bec5; font-size:10pt'>")
    heads = (("", 4), (_("What"), 32), (_("Why"), 33), (_("Who"), 13), (_("Due"), 18))
    html.append("<thead><tr>" + "".join(f"<th align='left' width='{w}%' style='background-color:#eceff1; "
                                         f"border:1px solid #b0bec5'>{h}</th>" for h, w in heads) + "</tr></thead>")
    for task in open_tasks:
        late = bool(task.get("due_on")) and task["due_on"] < today.isoformat()
        status = _(STATUS[task["status"]]) if task.get("status") in STATUS else escape(task.get("status") or "")
        overdue_word = _("overdue")
        note = (f"<b style='color:#c62828'>{overdue_word}</b>" if late
                else f"<span style='color:#546e7a'>{status}</span>")
        due = f"{_date(task.get('due_on'), lang)}<br>{note}"
        cells = ("☐", f"<b>{escape(task.get('title') or '')}</b>", _why(task, lang), escape(task.get("assignee") or ""),
                 due)
        html.append("<tr>" + "".join(f"<td valign='top' style='border:1px solid #b0bec5'>{c}</td>" for c in cells)
                    + "</tr>")
    html.append("</table>")
    return "\n".join(html)


def department_brief(departments: list[tuple[str, list[dict]]], today: dt.date, account: str,
                     lang: str = "de", needs: dict[str, list[str]] | None = None,
                     forecast: set[str] | None = None) -> str:
    """The whole document: one page per (department name, tasks); ``needs`` maps a name to its
    sentences with numbers (ops.department_brief.needs_for); ``forecast`` names the departments
    whose sentences come from the forecast (they get its definitions as a note)."""
    needs = needs or {}
    sections = [department_section(name, tasks, today, account, lang, new_page=i > 0, needs=needs.get(name),
                                   forecast=name in (forecast or set()))
                for i, (name, tasks) in enumerate(departments)]
    return ("<html><head><meta charset='utf-8'></head><body style='font-family: \"DejaVu Sans\", sans-serif'>"
            + "\n".join(sections) + "</body></html>")
