"""Every XLSX ``vendordesk export KIND --out FILE.xlsx`` writes can be handed on as it is, in German
and English (tests/xlsx_checks.py: headers, frozen row, autofilter, widths, date and number cells,
no codes); the CSV of the same kind keeps its scripting contract (snake_case, ISO, plain numbers)."""

from __future__ import annotations

import csv
import datetime as dt
import shutil

import pytest

from tests import xlsx_checks
from vendordesk.cli import main

KINDS = ("facts", "tickets", "chargebacks", "tasks", "forecast", "gears")


@pytest.fixture(scope="module")
def small_demo(tmp_path_factory):
    """A demo account small enough to export its facts to Excel in a second: 4 ASINs x 30 weeks."""
    from vendordesk.demo import build_demo

    path = tmp_path_factory.mktemp("small") / "demo.vendordesk"
    build_demo(path, asins=4, weeks=30, seed=7)
    return path


@pytest.fixture(scope="module")
def exported(small_demo, tmp_path_factory):
    folder = tmp_path_factory.mktemp("exports")
    workspace = folder / "demo.vendordesk"
    shutil.copy(small_demo, workspace)
    out = {}
    for kind in KINDS:
        for name, extra in (("de.xlsx", ["--lang", "de"]), ("en.xlsx", ["--lang", "en"]), ("csv", [])):
            path = folder / f"{kind}-{name}" if name != "csv" else folder / f"{kind}.csv"
            assert main(["--workspace", str(workspace), "export", kind, "--out", str(path), *extra]) == 0
            out[kind, name.split(".")[0]] = path
    return out


@pytest.mark.parametrize("lang", ["de", "en"])
@pytest.mark.parametrize("kind", KINDS)
def test_every_xlsx_is_ready_to_hand_on(exported, kind, lang):
    path = exported[kind, lang]
    assert xlsx_checks.problems(path, lang) == []
    sheet = xlsx_checks.read(path)[0]
    assert sheet.rows, f"{kind}: the demo should have rows to export"


@pytest.mark.parametrize("kind", KINDS)
def test_every_csv_keeps_the_scripting_contract(exported, kind):
    assert xlsx_checks.csv_problems(exported[kind, "csv"]) == []


@pytest.mark.parametrize("kind", KINDS)
def test_xlsx_and_csv_hold_the_same_rows(exported, kind):
    with open(exported[kind, "csv"], encoding="utf-8") as handle:
        csv_rows = sum(1 for _ in csv.reader(handle)) - 1
    assert len(xlsx_checks.read(exported[kind, "de"])[0].rows) == csv_rows


def test_facts_read_as_words_with_euro_and_percent(exported):
    """The metric, the view and the programme in German; money in € even where the report had no
    currency column (the Net PPM report: the marketplace's currency, Amazon.de -> EUR)."""
    sheet = xlsx_checks.read(exported["facts", "de"])[0]
    assert sheet.header == ["ASIN", "Beginn", "Ende", "Kennzahl", "Wert", "Vertriebssicht", "Verkaufsprogramm",
                            "Zeitraster", "Währung", "Marktplatz"]
    by_metric = {}
    for row in sheet.rows:
        by_metric.setdefault(row[3].value, row)
    assert "ordered_revenue" not in by_metric
    revenue = by_metric["Bestellter Umsatz"]
    assert revenue[4].number_format == '#,##0.00 "€"'
    assert by_metric["Contra-COGS"][4].number_format == '#,##0.00 "€"'      # no currency in the report
    assert by_metric["Nettomarge (Net PPM)"][4].number_format == "0.0%"
    assert revenue[5].value == "Manufacturing (Hersteller)" and revenue[6].value == "Retail"
    assert revenue[9].value == "Amazon.de" and revenue[7].value == "Woche"
    forecast = [m for m in by_metric if m.startswith("Amazon-Prognose")]
    assert forecast and all(" (Stand " in m and "@" not in m for m in forecast)


def test_gears_xlsx_names_gears_and_kpis_without_their_ids(exported):
    sheet = xlsx_checks.read(exported["gears", "de"])[0]
    assert "Zahnrad-ID" not in sheet.header and "KPI-ID" not in sheet.header
    assert sheet.header[:2] == ["Zahnrad", "Zahnrad-Punkte"]
    with open(exported["gears", "csv"], encoding="utf-8") as handle:
        header = next(csv.reader(handle))
    assert header[:2] == ["gear_id", "gear"] and "kpi_id" in header          # scripts keep the ids


def test_chargeback_dates_and_money_are_cells_of_their_kind(exported):
    sheet = xlsx_checks.read(exported["chargebacks", "de"])[0]
    raised = [c for c in sheet.column("Belastet am") if c.value is not None]
    assert raised and all(isinstance(c.value, dt.datetime) and c.number_format == "DD.MM.YYYY" for c in raised)
    amounts = [c for c in sheet.column("Betrag") if c.value is not None]
    assert amounts and all(isinstance(c.value, (int, float)) and c.number_format == '#,##0.00 "€"' for c in amounts)


@pytest.mark.parametrize("lang, yes, no", [("de", "Ja", "Nein"), ("en", "Yes", "No")])
def test_yes_no_columns_read_as_words_in_excel_and_true_false_in_csv(exported, lang, yes, no):
    """The gears' "Entered by hand" (like the price-increase ASINs' "CRaP risk", checked in
    tests/ui/test_excel_exports.py through xlsx_checks) was an Excel boolean, which German Excel shows
    as WAHR/FALSCH. The XLSX holds "Ja"/"Nein" ("Yes"/"No") as text; the CSV keeps True/False."""
    gears = xlsx_checks.read(exported["gears", lang])[0]
    title = {"de": "Manuell erfasst", "en": "Entered by hand"}[lang]
    manual = [c for c in gears.column(title) if c.value is not None]
    assert manual and {c.value for c in manual} <= {yes, no}
    assert all(c.data_type == "s" for c in manual)
    with open(exported["gears", "csv"], encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert {r["manual"] for r in rows} <= {"True", "False"} and rows
