"""Regression guard for the PySide6 6.12.0 / Python 3.11 crash.

6.12.0 on 3.11 loses a reference to None on every Python-overridden paint; a pyqtgraph
chart dies ("Fatal Python error: none_dealloc") after a few hundred repaints. On 6.11.3 the
refcount of None moved by about 50 over 2,000 repaints of 20 lines.
"""

from __future__ import annotations

import sys

import pytest


def test_installed_pyside_respects_the_pin():
    import PySide6

    major, minor = (int(x) for x in PySide6.__version__.split(".")[:2])
    if sys.version_info < (3, 12):
        assert (major, minor) == (6, 11), f"PySide6 {PySide6.__version__} on Python 3.11 must be 6.11.x"


@pytest.mark.slow
def test_two_thousand_repaints_keep_none_refcount_flat(qtbot):
    import numpy as np
    import pyqtgraph as pg

    plot = pg.PlotWidget()
    qtbot.addWidget(plot)
    plot.resize(640, 400)
    plot.show()
    qtbot.waitExposed(plot)
    x = np.arange(200, dtype=float)
    for i in range(20):
        plot.plot(x, np.sin(x / 10 + i) + i)
    for _ in range(20):  # warm up caches
        plot.repaint()
    before = sys.getrefcount(None)
    for _ in range(2000):
        plot.repaint()
    drift = sys.getrefcount(None) - before
    assert abs(drift) < 500, f"None refcount moved by {drift} over 2,000 repaints"
