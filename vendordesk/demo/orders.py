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
    """Return (purchase_orders rows, po_lines rows, [Line]) for POs placed in the report window."""
    lead = sim.params.lead
    po = {k: v.tolist() for k, v in sim.po.items()}
    po["cost"] = sim.w["cost"].tolist()
    weeks = len(po["req"])
    groups: dict[tuple[int, int, int], list[int]] = {}
    for t, i in zip(*np.nonzero(sim.po["req"] > 0)):
        t, i = int(t), int(i)
        groups.setdefault((t, (i * 7 + t * 3) % len(FCS), int(lead[i])), []).append(i)
    keys = sorted(groups)
    numbers = _po_numbers(rng, len(keys))
    headers, rows, lines = [], [], []
    for number, key in zip(numbers, keys):
        t, fc, lw = key
        order_date = starts[t] + timedelta(days=1)
        win_start = starts[t] + timedelta(days=7 * lw)
        win_end = win_start + timedelta(days=6)
        members = [_line(number, t, i, po, starts, weeks) for i in sorted(groups[key], key=lambda j: cat.asins[j])]
        lines += members
        status = _po_status(members)
        headers.append((number, VENDOR_CODE, MARKETPLACE, order_date.isoformat(), status,
                        win_start.isoformat(), win_end.isoformat(), FCS[fc], import_id))
        for ln in members:
            done = ln.arrive >= 0
            cancelled = ln.req - ln.ship if done else ln.req - ln.conf
            expected = ln.delivered if done else win_end
            rows.append((number, cat.asins[ln.i], ln.req, ln.conf, ln.recv if done else 0.0, cancelled,
                         ln.cost, "EUR", expected.isoformat()))
    return headers, rows, lines


def _line(number, t, i, po, starts, weeks) -> Line:
    arrive = int(po["arrive"][t][i])
    if arrive >= weeks:
        arrive = -1
    late = bool(po["late"][t][i]) and arrive >= 0
    delivered = starts[arrive] + timedelta(days=int(po["day"][t][i])) if arrive >= 0 else None
    return Line(number, t, i, po["req"][t][i], po["conf"][t][i], po["ship"][t][i], po["recv"][t][i],
                arrive, late, bool(po["asn"][t][i]) and arrive >= 0, po["cost"][t][i], delivered)


def _po_status(members: list[Line]) -> str:
    if all(ln.conf == 0 for ln in members):
        return "cancelled"
    if all(ln.arrive >= 0 or ln.conf == 0 for ln in members):
        return "closed"
    return "confirmed"
