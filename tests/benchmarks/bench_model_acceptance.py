"""The issue-14 acceptance check on many random accounts (seeds 100-139 by default): each account
is imported as SP-API documents, calibrated (``vendordesk calibrate``) and shocked four times
through ``vendordesk simulate --weeks 12``; every check is counted, and the misses are listed.

Checks per account and shock: the sign and the 1.5x ratio of units, vendor revenue and Amazon
revenue (a change below 0.5 % of the horizon's units or revenue is compared in absolute terms
instead, see tests/core/test_model_acceptance.py), Net PPM within 0.5 points; plus the cost
shock's units near zero (< 0.1 % of the horizon).
Measured (s-model, CPU about 0.9 s an account, under nice), misses before -> after two fixes
(the exogenous OOS drawn week by week from the account's own spread; a tight account, whose stock
was rarely ample, still calibrating its elasticity and demand noise instead of defaulting them)
and the 26-week demand shares: seeds 100-139 1 -> 1 of 680, 200-239 2 -> 2, 300-379 12 -> 5 of
1360, 400-439 2 -> 1 (17 -> 9 of 3,400). Left: seed 103's confirmation shock, vendor revenue 1.55x
(-9,583 EUR against -6,192); seed 223's, 0.48x, where the drawn truth (-290 units) lies below the
10 % of its own redraws (100 redraws of the future demand: mean -184, 10-90 % -234..-134) and the
model (-138) is 0.75x the expected truth; 310/343/345 confirmation vendor revenue 0.61-0.66x;
Amazon revenue on the price cut (not in the issue's check) for 324, 358, 404.
About 1 s of CPU an account: run under nice, e.g.
    nice -n 19 python tests/benchmarks/bench_model_acceptance.py 100 139
or through pytest (``-s`` to see the table). Prints CPU time (this process), not wall time.
"""

from __future__ import annotations

import contextlib
import io
import json
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "core"))
import sim_account
from test_model_acceptance import SHOCKS, compare

SEEDS = range(100, 140)


def _cli(argv: list[str]) -> dict:
    from vendordesk.cli import main

    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(argv) == 0
    return json.loads(out.getvalue())


def check_account(seed: int, root: Path) -> list[tuple[str, str, bool, str]]:
    """(shock, check, passed, detail) for one account."""
    from vendordesk.store import open_workspace

    acc = sim_account.build(seed=seed, n=40)
    path = root / f"sim{seed}.vendordesk"
    with open_workspace(path) as ws:
        sim_account.write_workspace(acc, ws)
    _cli(["calibrate", "--workspace", str(path), "--json"])
    rows = []
    for text, truth_shock in SHOCKS:
        got = _cli(["simulate", "--workspace", str(path), "--weeks", "12", "--shock", text, "--json"])["totals"]
        truth = sim_account.truth_effect(acc, truth_shock, 12)
        for check, ok, detail in compare(acc, text, got, truth):
            rows.append((text.split("=")[0] + text.split("=")[1][:1], check, ok, detail))
    path.unlink()
    return rows


def run(seeds) -> tuple[Counter, Counter, list]:
    total, missed, misses = Counter(), Counter(), []
    with tempfile.TemporaryDirectory(prefix="bench_accept", dir="/tmp") as tmp:
        for seed in seeds:
            c0 = time.process_time()
            rows = check_account(seed, Path(tmp))
            for shock, check, ok, detail in rows:
                total[(shock, check)] += 1
                if not ok:
                    missed[(shock, check)] += 1
                    misses.append((seed, shock, check, detail))
            bad = sum(not r[2] for r in rows)
            print(f"seed {seed}: {len(rows) - bad}/{len(rows)} checks, CPU {time.process_time() - c0:.1f} s", flush=True)
    print(f"\n{'shock':<45} {'check':<16} missed")
    for key in sorted(total):
        print(f"{key[0]:<45} {key[1]:<16} {missed[key]}/{total[key]}")
    print(f"all: {sum(missed.values())} of {sum(total.values())} checks missed")
    for m in misses:
        print("MISS", *m)
    return total, missed, misses


def test_acceptance_on_40_random_accounts():
    c0 = time.process_time()
    _, missed, _ = run(SEEDS)
    print(f"CPU {time.process_time() - c0:.1f} s")
    assert sum(missed.values()) <= 1          # measured: 1 of 680 (seed 103, see above)


if __name__ == "__main__":
    lo, hi = (int(sys.argv[1]), int(sys.argv[2])) if len(sys.argv) > 2 else (SEEDS.start, SEEDS.stop - 1)
    run(range(lo, hi + 1))
