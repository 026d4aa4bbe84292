"""Benchmark: peak memory of ``vendordesk import`` of a 200 MB Vendor Central inventory CSV (issue 11).

Before the streaming reader the whole text, its lines and every row's cells were held at once:
about 20x the file. Then the file was streamed from disk twice (decimal marks, then values) but
the parsed facts were held until store.facts.write_report wrote them. Now the second pass hands
its rows in chunks to the store's writer (store.facts_stream) inside the import's one transaction:
what is held is a chunk, 16 bytes a row for the counts, and SQLite's 128 MB import cache.
The peak is the CLI's own VmHWM at exit. Target: < 400 MB for ~200 MB, flat in the file size.
Measured 2026-12-03 (2 shared vCPU, load ~8), 191 MiB / 1,334,000 rows: before (e4c11ab) peak RSS 3931 MB
(20.6x), 870 s; after 1651 MB (8.6x), 448 s (wall).
Measured 2026-12-07 (load 6-12), streaming write: 48 MiB / 334,000 rows peak 257 MB, 29 s CPU;
191 MiB / 1,334,000 rows peak 330 MB (1.7x), 121 s CPU; growth 72 MB for 143 MiB more file.
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

from tests.corpus.harness import PEAK_LAUNCHER  # the CLI's own VmHWM, written at its exit
from vendordesk.store.facts import CACHE_KB

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
    """(peak RSS in MB, CPU seconds, stderr) of one ``vendordesk import`` subprocess."""
    peak_file = workspace.parent / f"{workspace.stem}.peak"
    env = dict(os.environ, PYTHONPATH=pythonpath, QT_QPA_PLATFORM="offscreen", VENDORDESK_PEAK_FILE=str(peak_file))
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    result = subprocess.run([sys.executable, "-c", PEAK_LAUNCHER, "import", "--workspace", str(workspace), str(export)],
                            env=env, capture_output=True, text=True, timeout=3600, check=False,
                            cwd=workspace.parent)   # not the tree: -m puts cwd first
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    assert result.returncode == 0, result.stderr
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    return int(peak_file.read_text()) / 1024, cpu, result.stderr


@pytest.mark.timeout(7200)
def test_peak_memory_of_a_big_csv_import_is_flat_in_the_file_size(tmp_path):
    """Two files (``BENCH_MB`` and a quarter of it): the peak must stay under 400 MB for ~200 MB
    and grow by less than a tenth of the extra file size."""
    big_mb = int(os.environ.get("BENCH_MB", "200"))
    tree = os.environ.get("BENCH_PYTHONPATH", str(Path(__file__).resolve().parents[2]))
    peaks = []
    for megabytes in (big_mb // 4, big_mb):
        export = tmp_path / f"inventory_{megabytes}.csv"
        rows = write_export(export, megabytes)
        size_mb = export.stat().st_size / 1024 / 1024
        peak, cpu, _ = peak_import(export, tmp_path / f"ws{megabytes}.vendordesk", tree)
        export.unlink()
        peaks.append((size_mb, peak))
        print(f"\n{size_mb:.0f} MiB, {rows} rows: peak RSS {peak:.0f} MB ({peak / size_mb:.1f}x the file), "
              f"{cpu:.1f} s CPU")
    (small_mb, small_peak), (big_size, big_peak) = peaks
    print(f"growth {big_peak - small_peak:.0f} MB for {big_size - small_mb:.0f} MiB more file")
    # What may grow: SQLite's import cache up to its cap (it fills with the bigger database) and the
    # 16 bytes a row of the counts; a tenth of the file size leaves room for the rest.
    assert big_peak - small_peak < 0.1 * (big_size - small_mb) + CACHE_KB / 1024
    if big_mb >= 190:
        assert big_peak < 400
