"""Demo workspace build time: 150 ASINs x 104 weeks must build in < 5 s (issue 2).

Median of 3 in-process builds (after a small warm-up build, so imports are not counted).
Prints wall and CPU time: on a shared, overloaded machine the wall time can be several
times the CPU time; the CPU time shows what the build itself costs.
"""

from __future__ import annotations

import statistics
import time

from vendordesk.demo import build_demo, generate


def test_demo_150x104_builds_in_under_5_s(tmp_path):
    build_demo(tmp_path / "warm.vendordesk", asins=20, weeks=20)
    walls, cpus = [], []
    for k in range(3):
        wall, cpu = time.perf_counter(), time.process_time()
        build_demo(tmp_path / f"demo{k}.vendordesk")
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    wall, cpu = time.perf_counter(), time.process_time()
    generate(150, 104, 7)
    gen_wall, gen_cpu = time.perf_counter() - wall, time.process_time() - cpu
    print(f"\nbuild_demo 150x104: median wall {statistics.median(walls):.2f} s {[round(t, 2) for t in walls]}, "
          f"median CPU {statistics.median(cpus):.2f} s; generating rows alone: wall {gen_wall:.2f} s, "
          f"CPU {gen_cpu:.2f} s")
    assert statistics.median(walls) < 5.0
