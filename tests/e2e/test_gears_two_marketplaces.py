"""``gears --json`` on a workspace imported from files of two marketplaces (issue 13), SP-API documents
or a pan-EU Vendor Central export: the rates of one ASIN-week sold in DE and FR are weighted by
Amazon's definitions, not averaged."""

from __future__ import annotations

import json

import pytest

from tests.corpus import build_spapi as sp
from tests.e2e.cli_helpers import cli

FR = "A13V1IB3VIYZZH"
MANUFACTURING = {"reportPeriod": "WEEK", "distributorView": "MANUFACTURING", "sellingProgram": "RETAIL"}


def _docs(market: str, views: int, oos: float, conf: float, fill: float, lead: float, received: int,
          shipped: int, revenue: float) -> dict[str, dict]:
    row = {"startDate": sp.WEEK[0], "endDate": sp.WEEK[1], "asin": "B0TWOMKT01"}

    def spec(kind: str, options: dict) -> dict:
        return sp.spec(kind, options, (market,))

    return {
        "sales": {"reportSpecification": spec("GET_VENDOR_SALES_REPORT", MANUFACTURING), "salesAggregate": [],
                  "salesByAsin": [row | {"orderedUnits": shipped, "orderedRevenue": sp.money(revenue),
                                         "shippedUnits": shipped, "shippedRevenue": sp.money(revenue),
                                         "shippedCogs": sp.money(revenue / 2), "customerReturns": 0}]},
        "traffic": {"reportSpecification": spec("GET_VENDOR_TRAFFIC_REPORT", {"reportPeriod": "WEEK"}),
                    "trafficAggregate": [], "trafficByAsin": [row | {"glanceViews": views}]},
        "inventory": {"reportSpecification": spec("GET_VENDOR_INVENTORY_REPORT", MANUFACTURING),
                      "inventoryAggregate": [],
                      "inventoryByAsin": [row | {"procurableProductOutOfStockRate": oos, "vendorConfirmationRate": conf,
                                                 "receiveFillRate": fill, "averageVendorLeadTimeDays": lead,
                                                 "netReceivedInventoryUnits": received,
                                                 "sellableOnHandInventoryUnits": 100}]},
    }


MARKETS = ((sp.DE, (9000, 0.02, 0.80, 0.90, 10.0, 900, 800, 20000.0)),
           (FR, (1000, 0.50, 0.40, 0.50, 30.0, 50, 200, 5000.0)))


def _spapi_files(tmp_path) -> list[str]:
    """Three SP-API documents (sales, traffic, inventory) per marketplace, marketplaceIds DE / FR."""
    files = []
    for market, values in MARKETS:
        for kind, doc in _docs(market, *values).items():
            path = tmp_path / f"{kind}_{market}.json"
            path.write_bytes(sp.render(doc))
            files.append(str(path))
    return files


def _vc_csv_files(tmp_path) -> list[str]:
    """One pan-EU Vendor Central export: a row per marketplace (Store Code DE / FR)."""
    lines = ["Programme=[Retail],Distributor View=[Manufacturing],Countries=[FR;DE],Locale=[en_GB],Currency=[EUR],"
             "Viewing Range=[06/10/24 - 12/10/24]",
             "ASIN,Store Code,Shipped Revenue,Shipped Units,Ordered Units,Glance Views,Procurable Product OOS %,"
             "Vendor Confirmation %,Receive Fill %,Overall Vendor Lead Time (days),Net Received Units"]
    for market, (views, oos, conf, fill, lead, received, shipped, revenue) in MARKETS:
        code = "DE" if market == sp.DE else "FR"
        lines.append(f"B0TWOMKT01,{code},{revenue:.2f},{shipped},{shipped},{views},{oos:.0%},{conf:.0%},{fill:.0%},"
                     f"{lead:g},{received}")
    path = tmp_path / "pan_eu.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return [str(path)]


@pytest.mark.slow
@pytest.mark.parametrize("build", [_spapi_files, _vc_csv_files], ids=["sp-api json", "vc csv store code"])
def test_gears_weight_two_marketplaces_of_one_asin_week(tmp_path, build):
    # DE: 9,000 glance views at 2 % OOS; received 900 at fill 90 % (confirmed 1,000), confirmation
    #     80 % (requested 1,250); lead time 10 days; 800 units shipped for 20,000 EUR.
    # FR: 1,000 glance views at 50 % OOS; received 50 at fill 50 % (confirmed 100), confirmation
    #     40 % (requested 250); lead time 30 days; 200 units shipped for 5,000 EUR.
    files = build(tmp_path)
    workspace = tmp_path / "two.vendordesk"
    done = cli("import", "--workspace", str(workspace), "--lang", "en", *files)
    assert done.returncode == 0, done.stderr
    out = cli("gears", "--workspace", str(workspace), "--json", "--lang", "en")
    assert out.returncode == 0, out.stderr
    kpis = {k["id"]: k for g in json.loads(out.stdout)["gears"] for k in g["kpis"]}
    # OOS = (9,000 x 0.02 + 1,000 x 0.50) / 10,000 = 680 / 10,000 = 6.8 % (amber; the mean said 26 %, red)
    assert kpis["oos_rate"]["value"] == pytest.approx(0.068)
    assert kpis["oos_rate"]["status"] == "amber"
    # confirmation = (1,000 + 100) / (1,250 + 250) = 73.3 % (the mean said 60 %)
    assert kpis["confirmation_rate"]["value"] == pytest.approx(1100 / 1500)
    # fill rate = (900 + 50) / (1,000 + 100) = 86.4 % (the mean said 70 %)
    assert kpis["fill_rate"]["value"] == pytest.approx(950 / 1100)
    # lead time = (900 x 10 + 50 x 30) / 950 = 11.05 days (the mean said 20)
    assert kpis["lead_time_days"]["value"] == pytest.approx(10500 / 950)
    # the amounts add up: 9,000 + 1,000 glance views, conversion (800 + 200) / 10,000
    assert kpis["glance_views"]["value"] == 10000
    assert kpis["conversion"]["value"] == pytest.approx(0.1)
