"""The issue-14 acceptance check on many random accounts (seeds 100-139 by default): each account
is imported as SP-API documents, calibrated (``vendordesk calibrate``) and shocked four times
through ``vendordesk simulate --weeks 12``; every check is counted, and the misses are listed.

Checks per account and shock: the sign and the 1.5x ratio of units, vendor revenue and Amazon
revenue (a change below 0.5 % of the horizon's units or revenue is compared in absolute terms
instead, see tests/core/test_model_acceptance.py), Net PPM within 0.5 points; plus the cost
shock's units near zero (< 0.1 % of the horizon).
Measured (s14-left, CPU about 0.7-1.0 s an account, under nice; misses of 680 checks per 40 seeds):
before (main after s14-model) -> after (the lost share fitted on the weeks whose stock covered the
demand, the demand level's own uncertainty in the bands, CRaP not counted twice): 100-139 0 -> 0,
200-239 2 -> 2, 300-379 2 -> 2 (of 1360), 400-439 1 -> 1, 500-539 5 -> 5, held-out 600-639 1 -> 1
(11 -> 11 of 4,760, the same misses). The fixes were not aimed at them: the lost share was 0.70-0.85
on some other accounts whose true share is 1 (an OOS shock then came out 0.7-0.85x the expected
truth; on 30 other accounts, seeds 1000-1029, mean |ln(model / expected truth)| 0.068 -> 0.032), and
the bands now hold the truth more often (same accounts, truth inside the 10-90 % band before ->
after: OOS shock 50 -> 70 %, price cut 77 -> 80 %, cost 60 -> 80 %, confirmation 81 -> 85 %;
measured before the CRaP change, which moves no point on accounts without a CRaP response). What is
left is mostly the truth's own luck and the demand level: seed 223 confirmation, units -144 / vendor
revenue -5,203 against -290 / -11,584 (expected truth -185 / -6,662, 10-90 % of the redraws
-250..-120 units: the drawn truth lies outside); 345 confirmation vendor revenue -8,877 against
-13,734 (expected -9,490: 0.94x); 364 -4,842 against -7,343 (expected -6,296; with the true demand
level -6,656: the model's level is 2-3 % low); 404 Amazon revenue on the price cut +7,990 against
-20,770 (expected +5,901, redraws -17,987..+30,114; not in the issue's check); 511 -14,915 against
-9,941 (expected -13,800: 1.08x, the draw is lucky); 521 units -181 / -5,506 against -348 / -8,906
(expected -243 / -7,505; with the true level -7,303); 530 -102 / -2,830 against -154 / -5,017
(expected -108 / -3,110, redraws -3,844..-2,065 EUR); held-out 623 -12,066 against -6,720 (expected
-9,933, redraws -12,831..-7,411; true level -10,278). Compared with the expected truth (the
account's future redrawn 40 times: demand noise, exogenous OOS, confirmation), the model's
confirmation shock is within 0.73-1.21x on these, and with the true demand level for the coming
weeks within 0.96-1.06x (223, 345, 364, 521, 623): a stock-out's cost moves about 5x the demand
level where stock is tight, and 40 ASINs x 104 weeks set that level to about 1.5-2 % (last year's
weeks x the 52-week growth).
Measured (s14-final, main at c48f86e -> s14-final, same seeds, under nice): misses per set 100-139
0 -> 0, 200-239 2 -> 2, 300-379 2 -> 2, 400-439 1 -> 1, 500-539 5 -> 5, held-out 600-639 1 -> 1, and
a new held-out set 700-739 (looked at once, at the end) 3 -> 3: 716 and 734 Amazon revenue on the
price cut (-21 against +23,212, -7,580 against -26,697; not in the issue's check), 731 confirmation
vendor revenue -4,394 against -6,808. The point estimates moved only by today's cost price (the 13-
week ratio lagged a recent cost increase): vendor revenue of the misses by < 1 %. The demand level
is not biased low on tight accounts (tests/benchmarks/bench_model_level.py: mean ln(model /
expected truth) +0.0008, se 0.0018, on 80 accounts, no trend with tightness); the misses that came
with a level 2-3 % low are where its noise (sd 1.6 %) went the wrong way on a tight account.
Truth inside the 10-90 % band, 280 accounts (100-639), before -> after (units / vendor revenue /
Net PPM): OOS 73 / 72 / 76 -> 74 / 74 / 76 %; price cut 84 / 83 / 70 -> 85 / 85 / 74 %; cost
100 / 82 / 41 -> 100 / 83 / 64 % (units: truth and band both exactly 0); confirmation
81 / 80 / 84 -> 81 / 80 / 84 %. Held-out 700-739 alone moves no cell by more than a few points.
Measured (s14-bands, main at 06ab61e -> s14-bands, same seeds, under nice): misses per set unchanged,
100-139 0 -> 0, 200-239 2 -> 2, 300-379 2 -> 2, 400-439 1 -> 1, 500-539 5 -> 5, 600-639 1 -> 1, and
held-out 800-839 (not looked at while tuning) 3 -> 3 (808, 815 confirmation); every point total is
bit-identical (1,280 account-shocks): both changes are in the draws only. Truth inside the 10-90 %
band, 280 accounts (100-639) before -> after (units / vendor revenue / Net PPM): OOS 74 / 74 / 76 ->
75 / 77 / 79 %; price cut 85 / 85 / 74 -> 84 / 85 / 75 %; cost 100 / 83 / 64 -> 100 / 89 / 83 %;
confirmation 81 / 80 / 84 -> 82 / 81 / 86 %; held-out 800-839 (40 accounts): OOS 72 / 72 / 80 ->
82 / 75 / 82 %, price cut 90 / 88 / 75 -> 90 / 90 / 78 %, cost 100 / 78 / 65 -> 100 / 85 / 85 %,
confirmation 92 / 85 / 80 -> 90 / 88 / 82 %. (1) Today's price where only the last week moved is
a deal or a new price (``model.price_ambiguity``): the cost shock's Net PPM error was that, the
account's cost / price ratio up to 1 % off (seeds 100-119), where the bands spread by a fifth of it.
(2) The lost share's draws centre on the regression's raw estimate where it was clipped to 1: the
OOS bands leaned toward losing less than the identity (mean z of the truth -0.62 -> -0.37 on
100-139). Still narrow: the OOS shock (with the lost share fixed at 1 the truth's mean z is 0, but
the band holds 60 % on 100-139: the truth's own luck and the per-ASIN level, whose error is
1.2x ``share_se`` on seeds 100-111, are the candidates) and the price cut's Net PPM (misses on both
sides, so width, not bias; source not found).
Measured (s14-bands2, main at ec9b0a5 -> s14-bands2, under nice; sets never used for tuning before):
the season shape's error is drawn week by week (``model.level_parts``, ``whatif``). Point totals
bit-identical (320 account-shocks), misses unchanged (900-939 3 -> 3, 1300-1339 4 -> 4). Truth
inside the 10-90 % band (units / vendor revenue / Net PPM), 1300-1339 (held out: not looked at
until the after run): OOS 75 / 70 / 90 -> 78 / 75 / 88 %; price cut 75 / 75 / 75 -> 78 / 78 / 82 %;
cost 100 / 80 / 70 -> 100 / 75 / 70 %; confirmation 75 / 78 / 75 -> 75 / 78 / 75 %. 900-939 (the
set the cause was found on): OOS 80 / 82 / 80 -> 78 / 82 / 82 %; price cut 68 / 68 / 70 -> 65 / 70 /
78 %; cost 100 / 88 / 80 -> 100 / 85 / 80 %; confirmation 90 / 90 / 90 -> 88 / 88 / 88 %. (940-979,
before only: OOS 80 / 85 / 80, price cut 75 / 80 / 68, cost 100 / 88 / 95, confirmation 88 / 88 /
82 %.) Found on 900-939: the model's ratio of its first 8 coming weeks to the last 4 was off by
2.5 % (sd) and the price cut's Net PPM error followed it (correlation -0.59); the draws had held
the shape's error as one multiplier for all weeks. Ruled out there: each ASIN's share (truth's
level / model's, after the account's level, has z sd 0.985 on 1100-1119 once the ASINs whose last
week's price moved are left out; the 1.2x of s14-bands came from those, the deal-or-new-price
case), the elasticity's error (z sd 0.93 on 900-939), the lost share's (z sd 1.02 on 1100-1129,
from the true histories). Still narrow: OOS units and revenue (70-78 %) and the price cut's units
(65-78 %), whose misses are on both sides; 40 accounts hold a cell to about +-6 points.
About 1 s of CPU an account: run under nice, e.g.
    nice -n 19 python tests/benchmarks/bench_model_acceptance.py 100 139
or through pytest (``-s`` to see the table); a third argument names a JSON file for every
account's totals, intervals and truth. Prints CPU time (this process), not wall time.
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


BAND = ("units", "vendor_revenue", "amazon_revenue", "net_ppm")


def check_account(seed: int, root: Path, band: dict | None = None) -> list[tuple[str, str, bool, str]]:
    """(shock, check, passed, detail) for one account; ``band`` collects (shock, metric) -> [truth
    inside the 10-90 % interval?] and "raw" -> the totals, intervals and truths."""
    from vendordesk.store import open_workspace

    acc = sim_account.build(seed=seed, n=40)
    path = root / f"sim{seed}.vendordesk"
    with open_workspace(path) as ws:
        sim_account.write_workspace(acc, ws)
    _cli(["calibrate", "--workspace", str(path), "--json"])
    rows = []
    for text, truth_shock in SHOCKS:
        doc = _cli(["simulate", "--workspace", str(path), "--weeks", "12", "--shock", text, "--json"])
        got = doc["totals"]
        truth = sim_account.truth_effect(acc, truth_shock, 12)
        name = text.split("=")[0] + text.split("=")[1][:1]
        for check, ok, detail in compare(acc, text, got, truth):
            rows.append((name, check, ok, detail))
        if band is not None:
            for metric in BAND:
                lo, hi = doc["intervals"][metric]
                band.setdefault((name, metric), []).append(lo <= truth[metric] <= hi)
            band.setdefault("raw", []).append({"seed": seed, "shock": name, "totals": got,
                                               "intervals": doc["intervals"], "truth": truth})
    path.unlink()
    return rows


def run(seeds, dump: str | None = None) -> tuple[Counter, Counter, list]:
    """Misses per check, and the share of accounts whose truth lies inside the 10-90 % band per
    shock and metric (nominal 80 %); ``dump``: a JSON file for the totals, intervals and truths."""
    total, missed, misses, band = Counter(), Counter(), [], {}
    with tempfile.TemporaryDirectory(prefix="bench_accept", dir="/tmp") as tmp:
        for seed in seeds:
            c0 = time.process_time()
            rows = check_account(seed, Path(tmp), band)
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
    print(f"\ntruth inside the 10-90 % band (nominal 80 %)\n{'shock':<45} " + " ".join(f"{m:>15}" for m in BAND))
    for shock in dict.fromkeys(k[0] for k in band if k != "raw"):
        cells = [band[(shock, m)] for m in BAND]
        print(f"{shock:<45} " + " ".join(f"{sum(c):>8}/{len(c):<3} {100 * sum(c) / len(c):3.0f}%" for c in cells))
    if dump:
        Path(dump).write_text(json.dumps(band["raw"]))
    return total, missed, misses


def test_acceptance_on_40_random_accounts():
    c0 = time.process_time()
    _, missed, _ = run(SEEDS)
    print(f"CPU {time.process_time() - c0:.1f} s")
    assert sum(missed.values()) <= 1          # measured: 0 of 680 (see above)


if __name__ == "__main__":
    lo, hi = (int(sys.argv[1]), int(sys.argv[2])) if len(sys.argv) > 2 else (SEEDS.start, SEEDS.stop - 1)
    run(range(lo, hi + 1), sys.argv[3] if len(sys.argv) > 3 else None)
