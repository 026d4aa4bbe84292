"""One simulated week: vendor shipping, Amazon ordering, customers buying."""

from __future__ import annotations

import numpy as np

WEEKLY = ("glance", "ordered", "shipped", "returns", "oos", "asp", "on_hand", "open_po", "unfilled",
          "ad_spend", "coupon_rate", "deal_funding", "reviews", "rating", "received", "arr_conf",
          "lt_sum", "own")
LINES = ("req", "conf", "ship", "recv", "arrive", "late", "asn", "day")


class Recorder:
    """Arrays over all simulated weeks (+ a few spare rows for late arrivals)."""

    def __init__(self, total: int, n: int):
        self.total, self.n = total, n
        self.cols = np.arange(n)
        self.weekly = {k: np.zeros((total + 4, n)) for k in WEEKLY}
        self.lines = {k: np.zeros((total + 4, n)) for k in LINES}
        self.lines["arrive"][:] = -1
        self.resolve = np.zeros((total + 4, n))
        self.level = np.zeros((total, n))

    def finish(self, warmup: int, cost_old, cost_new, inc_week: int):
        from vendordesk.demo.simulate import Sim

        end = self.total
        # views, not copies: a copy of the report weeks would hold twice the arrays for a moment
        # (nothing writes into them after the simulation)
        w = {k: v[warmup:end] for k, v in self.weekly.items()}
        weeks = np.arange(end - warmup)
        w["cost"] = np.where(weeks[:, None] >= inc_week, cost_new[None, :], cost_old[None, :])
        received_all = self.weekly["received"][:end]
        csum = np.vstack([np.zeros((1, self.n)), np.cumsum(received_all, axis=0)])
        last13 = csum[13:][: end - 12] - csum[: end - 12]
        recent = np.vstack([csum[1:13], last13])[warmup:end]
        w["aged90"] = np.maximum(0, w["on_hand"] - recent)
        del csum, last13, recent                    # each (weeks x ASINs): not held while the next are made
        shipped_all = self.weekly["shipped"][:end]
        scsum = np.vstack([np.zeros((1, self.n)), np.cumsum(shipped_all, axis=0)])
        avg13 = ((scsum[13:] - scsum[:-13]) / 13.0)[warmup - 12:end - 12]
        w["unhealthy"] = np.maximum(0, w["on_hand"] - np.round(13 * avg13))
        del scsum, avg13
        prev = self.weekly["on_hand"][warmup - 1:end - 1]
        w["on_hand_start"] = prev
        po = {k: v[warmup:end] for k, v in self.lines.items()}
        po["arrive"] = np.where(po["arrive"] >= 0, po["arrive"] - warmup, -1)
        return Sim(w=w, po=po)


def vendor_ships(t, s, p, cap, rng, rec: Recorder) -> None:
    """Produce toward a stock target (capacity-bound) and ship the POs due this week (E04/E06)."""
    n, cols = rec.n, rec.cols
    order_week = t - p.lead
    valid = order_week >= 0
    o = np.where(valid, order_week, 0)
    conf_due = np.where(valid, rec.lines["conf"][o, cols], 0.0)
    prod = np.clip(3 * s.req_avg + conf_due - s.own, 0, cap[t])
    s.own += np.round(prod)
    short_cut = np.where(rng.random(n) < p.p_short, rng.uniform(0.7, 0.95, n), 1.0)
    ship = np.floor(np.minimum(conf_due, s.own) * short_cut)
    s.own -= ship
    s.committed = np.maximum(0, s.committed - conf_due)
    stressed = ship < conf_due
    late = (rng.random(n) < p.p_late + 0.35 * stressed) & (ship > 0)
    asn = (rng.random(n) < p.p_asn + 0.05 * late) & (ship > 0)
    miss = np.where(asn, np.ceil(ship * rng.uniform(0.04, 0.15, n)), 0)
    recv = ship - miss
    arrive = t + late.astype(int)
    day = rng.integers(1, 6, n)                        # delivered Monday..Friday of the arrival week
    days = (arrive - order_week) * 7 + day - 1          # from the PO's Monday to receipt
    np.add.at(rec.weekly["received"], (arrive, cols), np.where(valid, recv, 0))
    np.add.at(rec.weekly["arr_conf"], (arrive, cols), np.where(valid, conf_due, 0))
    np.add.at(rec.weekly["lt_sum"], (arrive, cols), np.where(valid, recv * days, 0))
    np.add.at(rec.resolve, (arrive, cols), np.where(valid, conf_due, 0))
    has = valid & (conf_due > 0)
    for key, value in (("ship", ship), ("recv", recv), ("arrive", arrive), ("late", late), ("asn", asn),
                       ("day", day)):
        rec.lines[key][o[has], cols[has]] = np.asarray(value, float)[has]
    rec.weekly["own"][t] = s.own


def amazon_orders(t, s, p, k_all, cap, rng, rec: Recorder) -> None:
    """Receive, then order up to forecast x cover minus stock and open POs (E03, E05)."""
    n, cols = rec.n, rec.cols
    s.on_hand += rec.weekly["received"][t]
    s.open_po = np.maximum(0, s.open_po - rec.resolve[t])
    live = t >= s.launch_idx
    cover = p.lead + 3
    ahead = np.cumsum(k_all[t:t + 8], axis=0)
    up_to = s.level * ahead[cover - 1, cols]
    alloc = np.clip(s.conf_avg, 0.5, 1.0)
    extra = np.round(s.extra_order[t] * s.level)
    req = np.maximum(0, up_to - s.on_hand - s.open_po) * alloc + extra
    req = np.where(live, np.floor(req / p.case + 0.5) * p.case, 0)     # whole cases, rounded
    s.own += extra                                  # the vendor pre-built the deal quantity
    planned = 0.5 * (cap[t] + p.capacity)           # confirms half against the plan: optimistic
    avail = np.maximum(0, s.own + planned * p.lead - s.committed)
    down = np.where(rng.random(n) < 0.04, 0.8, 1.0)
    conf = np.floor(np.minimum(req, avail) * down / p.case) * p.case
    s.committed += conf
    s.open_po += conf
    ordered = req > 0
    s.conf_avg = np.where(ordered, 0.8 * s.conf_avg + 0.2 * conf / np.maximum(req, 1), s.conf_avg)
    s.req_avg = 0.8 * s.req_avg + 0.2 * req
    rec.lines["req"][t] = req
    rec.lines["conf"][t] = conf
