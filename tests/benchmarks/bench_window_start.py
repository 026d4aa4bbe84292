"""The window on a big account: from show() and from the first paint to filled gear tiles.

Target (issue 18), 2,000 ASINs x 104 weeks: first paint -> filled gears <= 1.5 s.
Each probe is a fresh process (offscreen, a settings file of its own so the gears tab is the
first tab). "Filled" is the moment the gears tab has rendered a report into its tiles: the
probe wraps ``GearsTab._render`` and quits the event loop from there (a condition, no timer).
Both wall time and the process's CPU time (all threads, time.process_time) are printed; the
target is checked on CPU time, as wall time on a shared 2-core machine measures the load.
The workspace's facts snapshot is built before the first probe (as after an import), so the
probes measure opening, not the one-off rebuild.

VENDORDESK_BENCH_WORKSPACE=PATH uses an existing demo workspace (copied first); otherwise a
2,000 x 104 demo is written (minutes). Run:
    pytest tests/benchmarks/bench_window_start.py -p no:cacheprovider -s
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
TARGET_SECONDS = 1.5

PROBE = r"""
import json, resource, sys, time
t_start = time.perf_counter()
from PySide6.QtCore import QEvent, QObject, QSettings
from vendordesk.app import make_app
from vendordesk.store import db, open_workspace
from vendordesk.ui.context import AppContext
from vendordesk.ui.gears.tab import GearsTab
from vendordesk.ui.i18n import install_language
from vendordesk.ui.window.main_window import MainWindow

db.remember_checks_in(__import__("pathlib").Path(sys.argv[3]))
marks = {}
render = GearsTab._render

def rendered(self, report):
    render(self, report)
    if "filled" not in marks:
        marks["filled"] = time.perf_counter()
        marks["filled_cpu"] = time.process_time()
        marks["tiles"] = sum(1 for g in report.gears if g.score is not None)
        app.quit()

GearsTab._render = rendered

class FirstPaint(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint and "paint" not in marks:
            marks["paint"] = time.perf_counter()
            marks["paint_cpu"] = time.process_time()
        return False

app = make_app(); install_language(app, "de")
ws = open_workspace(sys.argv[1])
w = MainWindow(AppContext(ws, lang="de"), QSettings(sys.argv[2], QSettings.Format.IniFormat))
probe = FirstPaint(); w.installEventFilter(probe)
marks["show"] = time.perf_counter()
w.show(); app.exec()
print(json.dumps({"start_to_show": marks["show"] - t_start, "show_to_paint": marks["paint"] - marks["show"],
                  "paint_to_filled": marks["filled"] - marks["paint"],
                  "paint_to_filled_cpu": marks["filled_cpu"] - marks["paint_cpu"], "tiles": marks["tiles"],
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


@pytest.fixture(scope="module")
def workspace(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("window") / "big.vendordesk"
    given = os.environ.get("VENDORDESK_BENCH_WORKSPACE")
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    if given:
        shutil.copy(given, path)
    else:
        subprocess.run([sys.executable, "-m", "vendordesk", "demo", str(path), "--asins", "2000", "--weeks", "104"],
                       check=True, env=env, capture_output=True, timeout=3600)
    subprocess.run([sys.executable, "-m", "vendordesk", "gears", "--json", "--workspace", str(path)],
                   check=True, env=env, capture_output=True, timeout=600)       # builds the snapshot
    return path


def _probe(workspace: Path, tmp: Path, run: int) -> dict:
    env = dict(os.environ, PYTHONPATH=str(ROOT), QT_QPA_PLATFORM="offscreen", VENDORDESK_HOME=str(tmp / "home"))
    out = subprocess.run([sys.executable, "-c", PROBE, str(workspace), str(tmp / f"settings{run}.ini"),
                          str(tmp / "checked.json")], capture_output=True, text=True, env=env, check=True,
                         timeout=600)
    return json.loads(out.stdout.strip().splitlines()[-1])


# Visits every tab and every nested page (each QTabWidget's pages, found as they appear) and waits
# on each until no worker task is left (vendordesk.ui.workers.running_tasks) and the gears show a
# report; prints one JSON line per page with VmHWM/VmRSS (MB) and the whole run's peak last.
WALK = r"""
import json, sys, time
from pathlib import Path
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QTabWidget
from vendordesk.app import make_app
from vendordesk.store import db, open_workspace
from vendordesk.ui.context import AppContext
from vendordesk.ui.i18n import install_language
from vendordesk.ui.window.main_window import MainWindow
from vendordesk.ui.workers import running_tasks

def status():
    with open("/proc/self/status") as f:
        return {k: int(v.split()[0]) / 1024 for k, v in (line.split(":", 1) for line in f)
                if k in ("VmHWM", "VmRSS")}

db.remember_checks_in(Path(sys.argv[3]))
app = make_app(); install_language(app, "de")
w = MainWindow(AppContext(open_workspace(sys.argv[1]), lang="de"),
               QSettings(sys.argv[2], QSettings.Format.IniFormat))
w.resize(1280, 720)
steps, seen, t0, current = [], set(), time.perf_counter(), ["start: gears filled"]

def idle():
    if not w.tab_widgets or running_tasks():
        return False
    gears = w.tab_widgets[0]
    return gears.report is not None or gears.stack.currentWidget() is gears.empty

def unseen(top):
    for tabs in top.findChildren(QTabWidget):
        for i in range(tabs.count()):
            if (id(tabs), i) not in seen:
                return tabs, i
    return None

def advance():
    if not idle():
        QTimer.singleShot(20, advance)
        return
    steps.append(dict(status(), step=current[0], cpu=time.process_time(), wall=time.perf_counter() - t0))
    page = unseen(w.tabs.currentWidget())
    if page is not None:
        tabs, i = page
        seen.add((id(tabs), i))
        tabs.setCurrentIndex(i)
        current[0] = f"{w.tabs.tabText(w.tabs.currentIndex())} / {tabs.tabText(i)}"
    elif w.tabs.currentIndex() + 1 < w.tabs.count():
        w.tabs.setCurrentIndex(w.tabs.currentIndex() + 1)
        current[0] = w.tabs.tabText(w.tabs.currentIndex())
    else:
        print(json.dumps({"steps": steps, "peak_mb": status()["VmHWM"]}))
        app.quit()
        return
    QTimer.singleShot(0, advance)

w.show(); QTimer.singleShot(0, advance); app.exec()
"""


def walk_all_tabs(workspace: Path, tmp: Path) -> dict:
    """The window on ``workspace`` with every tab and nested page visited: {"steps", "peak_mb"}."""
    env = dict(os.environ, PYTHONPATH=str(ROOT), QT_QPA_PLATFORM="offscreen", VENDORDESK_HOME=str(tmp / "home"))
    out = subprocess.run([sys.executable, "-c", WALK, str(workspace), str(tmp / "walk.ini"),
                          str(tmp / "checked.json")], capture_output=True, text=True, env=env, check=True,
                         timeout=3600)
    return json.loads(out.stdout.strip().splitlines()[-1])


def print_walk(label: str, walk: dict) -> None:
    """Per top-level tab: the peak after its last page, and what it added to the peak."""
    print(f"\n[window all tabs] {label}: peak {walk['peak_mb']:.0f} MB (VmHWM)")
    last = 0.0
    for step in walk["steps"]:
        grew = step["VmHWM"] - last
        if grew >= 5 or "/" not in step["step"]:
            print(f"    {step['step']:<60} peak {step['VmHWM']:6.0f} MB (+{grew:4.0f})  now {step['VmRSS']:6.0f} MB  "
                  f"at {step['wall']:6.1f} s wall / {step['cpu']:5.1f} s CPU")
        last = step["VmHWM"]


def test_first_paint_to_filled_gears(workspace, tmp_path):
    _probe(workspace, tmp_path, 0)        # warm-up: page cache, and the integrity check is recorded
    runs = [_probe(workspace, tmp_path, i) for i in range(1, 4)]
    for key in ("start_to_show", "show_to_paint", "paint_to_filled", "paint_to_filled_cpu", "peak_mb"):
        values = [r[key] for r in runs]
        unit = "MB" if key == "peak_mb" else "s"
        print(f"\n[bench_window_start] {key}: median {statistics.median(values):.2f} {unit} "
              f"(runs {', '.join(f'{v:.2f}' for v in values)})")
    assert all(r["tiles"] > 0 for r in runs)
    # CPU time of all the process's threads (the machine is shared: wall time there is the load's)
    assert statistics.median(r["paint_to_filled_cpu"] for r in runs) <= TARGET_SECONDS
