"""Column widths that fit a table's width, so it never scrolls sideways (pure, no Qt).

``fit_to_width(widths, floors, room, fold)``: when the columns are wider than ``room``, each first
gives up what it has above its floor (in proportion to that slack); when the floors alone are still
too wide, the columns named in ``fold`` are left out, in that order, until the rest fits. A table at
1920×1080 scrolled sideways with "Zahnrad" cut in half; at 1280×720 the forecast's "All ASINs" did.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence


def fit_to_width(widths: Mapping[str, int], floors: Mapping[str, int], room: int,
                 fold: Sequence[str] = ()) -> tuple[dict[str, int], list[str]]:
    """(the widths by key, in the order given; the keys left out)."""
    live = dict(widths)
    folded: list[str] = []
    least = {k: min(floors.get(k, w), w) for k, w in live.items()}
    for key in fold:
        if sum(least[k] for k in live) <= room or len(live) <= 1:
            break
        if key in live:
            del live[key]
            folded.append(key)
    deficit = sum(live.values()) - room
    slack = {k: live[k] - least[k] for k in live}
    total = sum(slack.values())
    if deficit > 0 and total > 0:
        share = min(1.0, deficit / total)
        taken = 0
        for key in live:
            cut = min(slack[key], -(-int(slack[key] * share * 1000) // 1000))   # rounded up
            live[key] -= cut
            taken += cut
        for key in live:                       # what rounding left over, from the first with slack
            if taken >= deficit:
                break
            extra = min(live[key] - least[key], deficit - taken)
            live[key] -= extra
            taken += extra
    return live, folded
