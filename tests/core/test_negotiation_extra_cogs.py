"""One extra-COGS figure per increase, with its definition (issue 17: the brief's summary said
13.648 € for the requested +7,5 % while the target scenario at +7,5 % said 13.660 €).

Worked by hand: A costs 10.00 -> 10.80 (+8 %), 10 units a week; B costs 20.00 -> 21.00 (+5 %),
5 units a week, but shipped in the last year at 18.00 a unit (its shipped COGS are lower than
units x today's cost). 52 weeks: A 520 units, B 260 units.
- extra COGS of the price list: 520 x 0.80 + 260 x 1.00 = 416 + 260 = 676
- COGS of those units at today's cost: 520 x 10.00 + 260 x 20.00 = 5,200 + 5,200 = 10,400
- so the price list is 676 / 10,400 = +6.50 % on it
- a target of +7 % on the same base: 10,400 x 0.07 = 728 (a scenario at +7 %: 520 x 0.70 + 260 x 1.40
  = 364 + 364 = 728, the same)
- the requested increase weighted by shipped COGS (5,200 and 260 x 18 = 4,680) is
  (5,200 x 8 % + 4,680 x 5 %) / 9,880 = 650 / 9,880 = 6.579 %; scaling 676 by 7 % / 6.579 % gave
  719 €, a second number for the same +7 %.
"""

import datetime as dt
import re

import pandas as pd
import pytest

from vendordesk.briefs.negotiation import build_html
from vendordesk.core.negotiation import analysis as n

TODAY = dt.date(2026, 3, 1)
A, B = "B0COGSA001", "B0COGSB001"


def weekly(asin, units, price, cost):
    starts = [(dt.date(2025, 3, 2) + dt.timedelta(weeks=i)).isoformat() for i in range(52)]
    return pd.DataFrame({"asin": asin, "period_start": starts, "shipped_units": units,
                         "shipped_revenue": units * price, "shipped_cogs": units * cost,
                         "procurable_product_out_of_stock_rate": 0.05})


def analysed():
    target = n.Scenario.from_params("target", {"cost_pct": 0.07})
    case = n.Case(id=1, title="CPI", effective_date="2026-06-01", target_pct=0.07,
                  items=[n.Item(A, 10.00, 10.80), n.Item(B, 20.00, 21.00)],
                  drivers=[n.Driver("materials", 1.0, 0.08)], scenarios=[target])
    frame = pd.concat([weekly(A, 10.0, 19.99, 10.0), weekly(B, 5.0, 39.99, 18.0)], ignore_index=True)
    return n.analyse(case, n.Market(weekly=frame, contra_rate=0.12, target=0.35, today=TODAY))


def test_the_base_and_the_price_lists_share():
    a = analysed()
    assert a.annual_cogs_impact == pytest.approx(676.0)
    assert a.cogs_base == pytest.approx(10_400.0)
    assert a.extra_cogs(0.07) == pytest.approx(728.0)
    assert a.scenarios[0].amazon_cogs_impact == pytest.approx(a.extra_cogs(0.07))
    assert a.requested == pytest.approx(650 / 9_880)


def test_the_brief_states_one_number_per_increase_with_its_definition():
    html = build_html(analysed(), "en")
    text = re.sub(r"<[^>]+>", " ", html)
    positions = text[text.index("Our positions"):]
    assert re.search(r"Target\s+\+7\.0%\s+€728\b", positions), positions[:400]
    assert "€719" not in text
    # the definition under the summary: the price list's 676 € is +6.50 % on 10,400 € at today's cost
    assert "€676" in text and "€10,400" in text and "+6.50%" in text
    de = re.sub(r"<[^>]+>", " ", build_html(analysed(), "de")).replace("\u00a0", " ").replace("\u202f", " ")
    assert "676 €" in de and "10.400 €" in de and "+6,50 %" in de
