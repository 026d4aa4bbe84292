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
