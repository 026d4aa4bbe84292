"""Ticket log on 20,000 cases (issue 5): opens < 300 ms, sorts < 100 ms, filters as you type < 100 ms.

"Opens" = the tab's reload(): read cases/chargebacks/tasks, derive reminders, fill the models,
today panel and badge, and paint. Each number is the median of several runs after a warm-up.
Run: pytest tests/benchmarks/bench_tickets.py -p no:cacheprovider -s
"""

from __future__ import annotations

import datetime as dt
import os
import random
import statistics
import time

import pytest
from PySide6.QtCore import Qt

N_CASES = 20_000
STATUSES = ("open", "waiting_amazon", "needs_info", "reopened", "resolved", "resolved", "resolved")
SUBJECTS = ("Images not updating", "Bilder werden nicht aktualisiert", "PO confirmation missing", "Shortage claim",
            "Remittance missing for invoice", "Carton content chargeback", "Variation zusammenführen")


def _fill(ws, n: int) -> None:
    from vendordesk.store.tickets import ensure_departments

    rnd = random.Random(5)
    today = dt.date.today()
    ensure_departments(ws)
    tickets, links = [], []
    for i in range(n):
        opened = today - dt.timedelta(days=rnd.randint(0, 900))
        status = rnd.choice(STATUSES)
        resolved = (opened + dt.timedelta(days=rnd.randint(1, 60))).isoformat() if status == "resolved" else None
        follow = (today + dt.timedelta(days=rnd.randint(-10, 20))).isoformat() if status != "resolved" else None
        case_id = f"{i:011d}"
        tickets.append((case_id, f"{rnd.choice(SUBJECTS)} {i}", rnd.choice(("catalog", "payments", "orders_po")),
                        status, opened.isoformat(), opened.isoformat(), follow, rnd.randint(0, 2), resolved,
                        rnd.choice(("content", "finance", "logistics"))))
        links.append((case_id, "asin", f"B0{rnd.randint(10**7, 10**8 - 1)}"))
    with ws.transaction() as conn:
        conn.executemany("INSERT INTO tickets(case_id, subject, category, status, opened_on, last_contact_on, "
                         "next_follow_up, escalation_level, resolved_on, owner_department) "
                         "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", tickets)
        conn.executemany("INSERT INTO ticket_links(case_id, kind, ref) VALUES (?, ?, ?)", links)
        conn.executemany("INSERT INTO chargebacks(external_id, kind, type, amount, currency, raised_on, dispute_due) "
                         "VALUES (?, 'chargeback', 'ASN Accuracy', ?, 'EUR', ?, ?)",
                         [(f"CB{i}", 10.0 + i, (today - dt.timedelta(days=i % 60)).isoformat(),
                           (today + dt.timedelta(days=30 - i % 60)).isoformat()) for i in range(2000)])
        conn.executemany("INSERT INTO tasks(title, department_id, created_on, due_on) VALUES (?, 'content', ?, ?)",
                         [(f"Task {i}", today.isoformat(), (today + dt.timedelta(days=i % 20 - 5)).isoformat())
                          for i in range(500)])


def _ms(action, app, runs: int = 5) -> tuple[float, float, list[int]]:
    """(median wall ms, median GUI-thread CPU ms, wall runs) of ``action`` + the repaint it causes."""
    walls, cpus = [], []
    for _ in range(runs):
        started, cpu = time.perf_counter(), time.thread_time()
        action()
        app.processEvents()
        walls.append((time.perf_counter() - started) * 1000)
        cpus.append((time.thread_time() - cpu) * 1000)
    return statistics.median(walls), statistics.median(cpus), [round(t) for t in walls]


@pytest.fixture
def big_tab(qtbot, qapp, workspace):
    from vendordesk.ui.context import AppContext
    from vendordesk.ui.i18n import install_language
    from vendordesk.ui.tickets.tab import TicketsTab

    install_language(qapp, "de")
    _fill(workspace, N_CASES)
    tab = TicketsTab(AppContext(workspace, lang="de"))
    qtbot.addWidget(tab)
    tab.resize(1400, 850)
    tab.show()
    qtbot.waitExposed(tab)
    return tab


def _open(tab, qtbot, qapp) -> tuple[float, float, float]:
    """(wall ms until the log is shown, ms the GUI thread was busy, CPU ms of all threads)."""
    busy = []
    shown = tab._on_loaded

    def timed(data):
        started = time.perf_counter()
        shown(data)
        qapp.processEvents()
        busy.append((time.perf_counter() - started) * 1000)

    tab._on_loaded = timed
    cpu = time.process_time()
    started = time.perf_counter()
    tab.reload() if tab._loaded else tab.ensure_loaded()
    busy.append((time.perf_counter() - started) * 1000)
    qtbot.waitUntil(lambda: len(busy) == 2, timeout=10_000)
    wall = (time.perf_counter() - started) * 1000
    tab._on_loaded = shown
    return wall, sum(busy), (time.process_time() - cpu) * 1000


def test_20k_case_log(big_tab, qapp, qtbot):
    tab = big_tab
    first_open, first_busy, first_cpu = _open(tab, qtbot, qapp)      # first open: builds the widgets too
    assert len(tab.cases.model.frame()) == N_CASES
    runs = [_open(tab, qtbot, qapp) for _ in range(5)]
    reopen = statistics.median(r[0] for r in runs)
    reopen_busy = statistics.median(r[1] for r in runs)
    reopen_cpu = statistics.median(r[2] for r in runs)
    reopen_runs = [round(r[0]) for r in runs]
    page = tab.cases
    page.status.setCurrentIndex(page.status.findData(None))       # all 20,000 rows in view
    keys = page.model.visible_keys()
    sorts = {}
    for key in ("subject", "opened_on", "case_id", "age_days"):
        column, flip = keys.index(key), iter([Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder] * 5)
        sorts[key] = _ms(lambda c=column, f=flip: page.view.sortByColumn(c, next(f)), qapp)
    words = iter(("b", "bi", "bil", "bild", "bilde", "bilder 1", "bilder 12"))
    typing = _ms(lambda: page.search.setText(next(words)), qapp, runs=7)
    page.search.clear()
    status_filter = _ms(lambda: page.status.setCurrentIndex((page.status.currentIndex() + 1) % 3), qapp)
    columns = _ms(lambda: page.show_column("notes", "notes" not in page.model.visible_keys()), qapp)
    load = os.getloadavg()[0]
    print(f"\n20k cases (load average {load:.1f} on {os.cpu_count()} cores): "
          f"first open {first_open:.0f} ms (GUI thread busy {first_busy:.0f} ms, CPU {first_cpu:.0f} ms); "
          f"reload median {reopen:.0f} ms {reopen_runs} (GUI thread busy {reopen_busy:.0f} ms, "
          f"CPU all threads {reopen_cpu:.0f} ms)")
    for name, (wall, cpu, runs) in [*((f"sort by {k}", v) for k, v in sorts.items()),
                                    ("search as you type", typing), ("status filter", status_filter),
                                    ("column on/off", columns)]:
        print(f"  {name}: median {wall:.0f} ms wall {runs}, GUI-thread CPU {cpu:.0f} ms")
    # On an overloaded machine wall time measures the scheduler: then the CPU time must fit the budget.
    idle = load < (os.cpu_count() or 1)
    print("  asserting", "wall times" if idle else "CPU times (machine overloaded)")
    pick = 0 if idle else 1
    assert (reopen if idle else reopen_cpu) < 300
    assert all(result[pick] < 100 for result in (*sorts.values(), typing, status_filter))
