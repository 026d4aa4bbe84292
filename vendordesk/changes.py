"""What a write changed, so that each tab refreshes only what it shows."""

from __future__ import annotations

from dataclasses import dataclass, fields


@dataclass(frozen=True)
class Changes:
    workspace: bool = False     # another workspace was opened: everything is new
    facts: bool = False         # report facts, products, Amazon forecasts, POs
    tickets: bool = False       # cases, chargebacks, tasks
    negotiations: bool = False
    gears: bool = False         # gear names, thresholds, edges, manual KPIs, targets
    supply: bool = False        # capacity, own stock, lead times
    settings: bool = False

    @classmethod
    def everything(cls) -> Changes:
        return cls(**{f.name: True for f in fields(cls)})

    def __or__(self, other: Changes) -> Changes:
        return Changes(**{f.name: getattr(self, f.name) or getattr(other, f.name) for f in fields(self)})

    def any(self) -> bool:
        return any(getattr(self, f.name) for f in fields(self))
