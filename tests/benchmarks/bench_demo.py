"""Demo workspace build time: 150 ASINs x 104 weeks must build in < 5 s (issue 2).

Median of 3 in-process builds (a warm-up build first, so imports are not counted).
Also prints how the time splits between generating rows and writing them.
"""

from __future__ import annotations

import statistics
import time

from vendordesk.demo import build_demo, generate


def test_demo_150x104_builds_in_under_5_s(tmp_path):
    build_demo(tmp_path / "warm.vendordesk", asins=20, weeks=20)
    times = []
    for k in range(3):
        started = time.perf_counter()
        build_demo(tmp_path / f"demo{k}.vendordesk")
        times.append(time.perf_counter() - started)
    started = time.perf_counter()
    generate(150, 104, 7)
    generating = time.perf_counter() - started
    median = statistics.median(times)
    print(f"\nbuild_demo 150x104: median {median:.2f} s of {[round(t, 2) for t in times]} "
          f"(generating rows alone: {generating:.2f} s)")
    assert median < 5.0
