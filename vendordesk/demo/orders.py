"""Purchase orders, PO lines, chargebacks and shortage claims from the simulated PO lines (E08/E09)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import numpy as np

from vendordesk.demo.catalog import ASIN_CHARS, Catalog
from vendordesk.demo.facts import MARKETPLACE
from vendordesk.demo.simulate import Sim

FCS = ("DUS2", "FRA7", "LEJ1", "MUC3", "CGN1")
VENDOR_CODE = "KUEWE"


@dataclass
class Line:
    po: str
    t: int
    i: int
    req: float
    conf: float
    ship: float
    recv: float
    arrive: int        # report-week index of receipt, -1 = not yet received
    late: bool
    asn: bool
    cost: float
    delivered: date | None


def _po_numbers(rng: np.random.Generator, count: int) -> list[str]:
    numbers: list[str] = []
    seen: set[str] = set()
    while len(numbers) < count:
        for row in rng.integers(0, len(ASIN_CHARS), size=(count, 8)):
            code = "".join(ASIN_CHARS[row])
            if code not in seen and not code.isdigit():
                seen.add(code)
                numbers.append(code)
    return numbers[:count]


def build_orders(rng, cat: Catalog, sim: Sim, starts: list[date], import_id: int):
    """Return (purchase_orders rows, po_lines rows, [Line]) for POs placed in the report window.

    The po_lines rows are a :class:`~vendordesk.demo.facts.Rows`, made a few POs at a time as they
    are written. The Lines are only the delivered ones a chargeback or shortage claim can come
    from (late, short, ASN mismatch or received < shipped), in PO-line order: the rest raise
    nothing (demo.chargebacks), and all of them would hold ~250 B per ASIN-week.
    """
    from vendordesk.demo.facts import Rows

    lead = sim.params.lead
    weeks = len(sim.po["req"])
    t_idx, i_idx = np.nonzero(sim.po["req"] > 0)
    fc_idx = (i_idx * 7 + t_idx * 3) % len(FCS)
    lw_idx = lead[i_idx]
    rank = np.empty(len(cat.asins), dtype=np.int64)
    rank[sorted(range(len(cat.asins)), key=lambda j: cat.asins[j])] = np.arange(len(cat.asins))
    order = np.lexsort((rank[i_idx], lw_idx, fc_idx, t_idx))     # by (week, FC, lead), then ASIN
    key = np.stack([t_idx, fc_idx, lw_idx], axis=1)[order]
    cut = np.flatnonzero(np.any(key[1:] != key[:-1], axis=1)) + 1 if len(order) else np.zeros(0, int)
    bounds = [0, *cut.tolist(), len(order)] if len(order) else [0]
    keys = [tuple(int(v) for v in key[b]) for b in bounds[:-1]]
    members = [i_idx[order[a:b]] for a, b in zip(bounds[:-1], bounds[1:])]
    numbers = _po_numbers(rng, len(keys))
    weekly = _Weeks(sim)
    headers: list[tuple] = []
    lines: list[Line] = []
    for number, (t, fc, lw), group in zip(numbers, keys, members):
        order_date = starts[t] + timedelta(days=1)
        win_start = starts[t] + timedelta(days=7 * lw)
        win_end = win_start + timedelta(days=6)
        status = _po_status_of(weekly.get(t), group.tolist(), weeks, number, t, starts, lines)
        headers.append((number, VENDOR_CODE, MARKETPLACE, order_date.isoformat(), status,
                        win_start.isoformat(), win_end.isoformat(), FCS[fc], import_id))

    def make(lo: int, hi: int) -> list[tuple]:
        rows: list[tuple] = []
        for k in range(lo, hi):                          # one PO per step
            t, number = keys[k][0], numbers[k]
            win_end = starts[t] + timedelta(days=7 * keys[k][2] + 6)
            wk = weekly.get(t)
            for i in members[k].tolist():
                ln = _line(number, t, i, wk, starts, weeks)
                done = ln.arrive >= 0
                cancelled = ln.req - ln.ship if done else ln.req - ln.conf
                expected = ln.delivered if ln.delivered is not None else win_end     # delivered = done
                rows.append((number, cat.asins[ln.i], ln.req, ln.conf, ln.recv if done else 0.0, cancelled,
                             ln.cost, "EUR", expected.isoformat()))
        return rows

    size = int(sum(len(g) for g in members))
    per_po = max(1, size // max(1, len(keys)))
    return headers, Rows(len(keys), make, step=max(1, 20_000 // per_po), size=size), lines


class _Weeks:
    """The PO arrays of one report week as Python lists (the POs come week by week)."""

    def __init__(self, sim: Sim):
        self.sim, self.t = sim, -1
        self.lists: dict[str, list] = {}

    def get(self, t: int) -> dict[str, list]:
        if t != self.t:
            self.lists = {k: v[t].tolist() for k, v in self.sim.po.items()}
            self.lists["cost"] = self.sim.w["cost"][t].tolist()
            self.t = t
        return self.lists


def _po_status_of(wk: dict[str, list], group: list[int], weeks: int, number: str, t: int, starts: list[date],
                  charged: list[Line]) -> str:
    """The PO's status: cancelled when nothing was confirmed, closed when every confirmed line was
    received, else confirmed. Appends to ``charged`` its lines that can raise a chargeback or a
    shortage claim (delivered, and late, short, ASN-flagged or short-received)."""
    cancelled = closed = True
    for i in group:
        arrive = int(wk["arrive"][i])
        arrive = -1 if arrive >= weeks else arrive
        conf, ship = wk["conf"][i], wk["ship"][i]
        cancelled = cancelled and conf == 0
        closed = closed and (arrive >= 0 or conf == 0)
        if arrive >= 0 and (wk["late"][i] or 0 < ship < conf or wk["asn"][i] or wk["recv"][i] < ship):
            charged.append(_line(number, t, i, wk, starts, weeks))
    return "cancelled" if cancelled else "closed" if closed else "confirmed"


def _line(number, t, i, wk, starts, weeks) -> Line:
    """PO line ``i`` of week ``t``; ``wk`` holds that week's PO arrays as lists (:class:`_Weeks`)."""
    arrive = int(wk["arrive"][i])
    if arrive >= weeks:
        arrive = -1
    late = bool(wk["late"][i]) and arrive >= 0
    delivered = starts[arrive] + timedelta(days=int(wk["day"][i])) if arrive >= 0 else None
    return Line(number, t, i, wk["req"][i], wk["conf"][i], wk["ship"][i], wk["recv"][i],
                arrive, late, bool(wk["asn"][i]) and arrive >= 0, wk["cost"][i], delivered)
