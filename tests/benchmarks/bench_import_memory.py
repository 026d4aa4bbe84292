"""Benchmark: peak memory of ``vendordesk import`` of a 200 MB Vendor Central inventory CSV (issue 11).

Before the streaming reader the whole text, its lines and every row's cells were held at once:
about 20x the file. Now the file is streamed from disk twice (decimal marks, then values) and
what is held is the parsed facts. Peak RSS of the import subprocess is read with
resource.getrusage(RUSAGE_CHILDREN). Target: peak < 10x the file size (it was 20x); what remains is
the parsed facts (about 1 KB per ASIN row here) and SQLite's 128 MB import cache, which a chunked
write in store.facts could bound further.
Measured 2026-12-03 (2 shared vCPU, load ~8), 191 MiB / 1,334,000 rows: before (e4c11ab) peak RSS 3931 MB
(20.6x), 870 s; after 1651 MB (8.6x), 448 s.
Run: pytest tests/benchmarks/bench_import_memory.py -p no:cacheprovider -s
(``BENCH_MB=20`` for a quicker run; ``BENCH_PYTHONPATH=/other/tree`` measures another checkout.)
"""

from __future__ import annotations

import os
import random
import resource
import subprocess
import sys
from pathlib import Path

import pytest

META = ("Program=[Retail],Distributor View=[Manufacturing],View By=[ASIN],Countries=[US],Locale=[en_US],"
        "Currency=[USD],Reporting Range=[Weekly],Viewing Range=[6/6/21 - 6/12/21],Report Updated=[6/20/21]\n")
HEADER = ("ASIN,Product Title,Brand,Procurable Product OOS %,Vendor Confirmation %,Net Received,Net Received Units,"
          "Open Purchase Order Quantity,Receive Fill %,Overall Vendor Lead Time (days),Sellable On-Hand Inventory,"
          "Sellable On Hand Units,Unsellable On Hand Inventory,Unsellable On Hand Units,Sell-Through %,"
          "Unhealthy Inventory,Unhealthy Units\n")


def write_export(path: Path, megabytes: int) -> int:
    """An en_US inventory export of about ``megabytes`` MB; returns the number of ASIN rows."""
    rng = random.Random(11)
    target, rows = megabytes * 1_000_000, 0
    with path.open("w", encoding="utf-8", newline="\n") as handle:
        handle.write(META + HEADER)
        written = len(META) + len(HEADER)
        while written < target:
            block = []
            for _ in range(2000):
                units = rng.randint(0, 9000)
                money = units * 12.37
                block.append(f'B0{rows:08d},"Stainless steel travel mug, {rows % 97} oz",Acme,{rng.random() * 9:.2f}%,'
                             f'{rng.random() * 100:.1f}%,"${money:,.2f}",{units},{rng.randint(-10, 500)},'
                             f'{rng.randint(40, 100)}%,{rng.random() * 20:.1f},"${money * 3:,.2f}",{units * 3},'
                             f'"${money / 9:,.2f}",{units // 9},{rng.randint(0, 99)}%,"${money / 4:,.2f}",{units // 4}\n')
                rows += 1
            text = "".join(block)
            handle.write(text)
            written += len(text.encode("utf-8"))
    return rows


def peak_import(export: Path, workspace: Path, pythonpath: str) -> tuple[float, float, str]:
    """(peak RSS in MB, seconds, stderr) of one ``vendordesk import`` subprocess."""
    env = dict(os.environ, PYTHONPATH=pythonpath, QT_QPA_PLATFORM="offscreen")
    code = ("import resource, subprocess, sys, time; t = time.perf_counter(); "
            "r = subprocess.run(sys.argv[1:], capture_output=True, text=True); "
            "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, time.perf_counter() - t, r.returncode); "
            "sys.stderr.write(r.stderr)")
    result = subprocess.run([sys.executable, "-c", code, sys.executable, "-m", "vendordesk", "import",
                             "--workspace", str(workspace), str(export)], env=env, capture_output=True, text=True,
                            timeout=3600, check=False, cwd=workspace.parent)   # not the tree: -m puts cwd first
    peak_kb, seconds, status = result.stdout.split()
    assert status == "0", result.stderr
    return int(peak_kb) / 1024, float(seconds), result.stderr


@pytest.mark.timeout(3600)
def test_peak_memory_of_a_big_csv_import(tmp_path):
    megabytes = int(os.environ.get("BENCH_MB", "200"))
    export = tmp_path / "inventory_big.csv"
    rows = write_export(export, megabytes)
    size_mb = export.stat().st_size / 1024 / 1024
    tree = os.environ.get("BENCH_PYTHONPATH", str(Path(__file__).resolve().parents[2]))
    peak, seconds, _ = peak_import(export, tmp_path / "ws.vendordesk", tree)
    print(f"\n{size_mb:.0f} MB, {rows} rows: peak RSS {peak:.0f} MB ({peak / size_mb:.1f}x the file), "
          f"{seconds:.1f} s, own RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")
    assert peak < 10 * size_mb
