"""Vendor Central CSVs that used to be misread or crash (issue 11): read exactly right or refused.

Every file is made here. Refusals name the file, row and field; through the command line they
exit 2 and leave the workspace byte-identical with no -wal behind.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from vendordesk.errors import UserError
from vendordesk.ingest.detect import Context, read_report

DE = ("Programme=[Retail];Distributor View=[Manufacturing];Countries=[DE];Locale=[de_DE];Currency=[EUR];"
      "Viewing Range=[13/10/24 - 19/10/24]\n")
US = ("Program=[Retail],Distributor View=[Manufacturing],Countries=[US],Locale=[en_US],Currency=[USD],"
      "Viewing Range=[10/13/24 - 10/19/24]\n")
BARE = "Program=[Retail],Distributor View=[Manufacturing],Viewing Range=[13/10/24 - 19/10/24]\n"


def _write(tmp_path: Path, name: str, text: str, encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def _sales(report) -> dict:
    block = report.blocks["sales_facts"]
    return {r[0]: dict(zip(block.columns, r[7:])) for r in block.rows}


# --- numbers read as the file meant them -----------------------------------------------
def test_de_file_with_decimal_points(tmp_path):
    path = _write(tmp_path, "de.csv", DE + "ASIN;Versandter Umsatz;Versandte Einheiten\n"
                  "B0DE000001;19.99;1\nB0DE000002;0.95;2\nB0DE000003;1234.5;3\n")
    sales = _sales(read_report(path))
    assert [sales[f"B0DE00000{i}"]["shipped_revenue"] for i in (1, 2, 3)] == [19.99, 0.95, 1234.5]


def test_en_us_file_resaved_by_german_excel(tmp_path):
    path = _write(tmp_path, "us.csv", US.replace(",", ";") + "ASIN;Shipped Revenue;Shipped Units\n"
                  "B0US000001;1234,56;1\n")
    assert _sales(read_report(path))["B0US000001"]["shipped_revenue"] == 1234.56


def test_fr_file_with_decimal_point(tmp_path):
    path = _write(tmp_path, "fr.csv", DE.replace("de_DE", "fr_FR").replace("DE]", "FR]")
                  + "ASIN;Shipped Revenue;Shipped COGS\nB0FR000001;9999.99;\"1\u202f234,50 €\"\n")
    row = _sales(read_report(path))["B0FR000001"]
    assert (row["shipped_revenue"], row["shipped_cogs"]) == (9999.99, 1234.5)    # not 999999


def test_both_decimal_marks_in_one_column_are_refused(tmp_path):
    path = _write(tmp_path, "mixed.csv", DE + "ASIN;Shipped Revenue\nB0DE000001;9999.99\nB0DE000002;12,50\n")
    with pytest.raises(UserError, match="mixed.csv: column 'Shipped Revenue': '9999.99' has a decimal point but "
                                        "'12,50' a decimal comma"):
        read_report(path)


def test_no_locale_line_in_a_de_workspace(tmp_path):
    path = _write(tmp_path, "nolocale.csv", BARE + "ASIN,Shipped Revenue,Shipped COGS\n"
                  "B0DE000001,19.99,1.234\n")
    report = read_report(path, Context(locale="de_DE", currency="EUR", marketplace_id="A1PA6795UKMFR9"))
    row = _sales(report)["B0DE000001"]
    assert (row["shipped_revenue"], row["shipped_cogs"]) == (19.99, 1234.0)
    assert any("'Shipped COGS'" in w and "1234" in w and "de_DE" in w for w in report.warnings)
    assert any("EUR" in w and "no currency" in w for w in report.warnings)
    assert any("Amazon.de" in w and "no marketplace" in w for w in report.warnings)   # the shop, not its ID


def test_no_marketplace_or_currency_in_a_workspace_with_several_is_refused(tmp_path):
    path = _write(tmp_path, "bare.csv", BARE + "ASIN,Shipped Revenue\nB0DE000001,19.99\n")
    markets = Context(locale="de_DE", currency="EUR", marketplace_id="A1PA6795UKMFR9",
                      marketplaces=("A13V1IB3VIYZZH", "A1PA6795UKMFR9"), currencies=("EUR",))
    with pytest.raises(UserError, match="bare.csv: the file names no marketplace .* several "
                                        r"\(A13V1IB3VIYZZH, A1PA6795UKMFR9\)"):
        read_report(path, markets)
    currencies = Context(locale="de_DE", currency="EUR", marketplace_id="A1PA6795UKMFR9",
                         marketplaces=("A1PA6795UKMFR9",), currencies=("EUR", "GBP"))
    with pytest.raises(UserError, match=r"bare.csv: the file names no currency .* several \(EUR, GBP\)"):
        read_report(path, currencies)


def test_ambiguous_column_without_any_locale_is_refused(tmp_path):
    path = _write(tmp_path, "amb.csv", BARE + "ASIN,Shipped Revenue\nB0DE000001,1.234\nB0DE000002,5.678\n")
    with pytest.raises(UserError, match=r"amb.csv: column 'Shipped Revenue': '1.234' can be read as"):
        read_report(path)


# --- mis-keyed columns -------------------------------------------------------------------
def test_duplicated_metric_column_names_both(tmp_path):
    path = _write(tmp_path, "dup.csv", DE + "ASIN;Versandte Einheiten;Versandte Einheiten\nB0DE000001;12;99\n")
    with pytest.raises(UserError, match="columns 2 'Versandte Einheiten' and 3 'Versandte Einheiten'"):
        read_report(path)


def test_money_under_a_units_header(tmp_path):
    path = _write(tmp_path, "units.csv", DE + 'ASIN;Versandte Einheiten\nB0DE000001;3\nB0DE000002;"1.234,56 €"\n')
    with pytest.raises(UserError, match="row 4, column 'Versandte Einheiten': '1.234,56 €' is an amount of money"):
        read_report(path)


def test_thousands_in_a_units_column_under_a_decimal_point_locale(tmp_path):
    """'1.234' units in an en_US file would be 1.234 units: not a count, so refused rather than guessed."""
    path = _write(tmp_path, "units_us.csv", US + "ASIN,Shipped Units\nB0US000001,1.234\n")
    with pytest.raises(UserError, match="row 3, column 'Shipped Units': '1.234' is read as 1.234, but units are whole"):
        read_report(path)


def test_bom_at_every_line_start_is_not_part_of_the_asin(tmp_path):
    lines = [DE.strip(), "ASIN;Versandte Einheiten", "B0DE000001;4"]
    path = _write(tmp_path, "bom.csv", "".join("\ufeff" + line + "\n" for line in lines))
    assert list(_sales(read_report(path))) == ["B0DE000001"]


@pytest.mark.parametrize("asin", ["XYZ", "B0DE00000", "B0DE0000011", "B0DE-00001"])
def test_what_is_not_an_asin_is_refused_with_its_row(tmp_path, asin):
    path = _write(tmp_path, "asin.csv", DE + f"ASIN;Versandte Einheiten\nB0DE000001;1\n{asin};2\n")
    with pytest.raises(UserError, match=f"row 4, column 'ASIN': '{asin}' is not an ASIN"):
        read_report(path)


def test_isbn_asins_are_asins(tmp_path):
    path = _write(tmp_path, "isbn.csv", DE + "ASIN;Versandte Einheiten\n300000000X;1\n0306406152;2\n")
    assert sorted(_sales(read_report(path))) == ["0306406152", "300000000X"]


def test_sourceable_and_procurable_oos_stay_apart(tmp_path):
    path = _write(tmp_path, "oos.csv", US + "ASIN,Procurable Product OOS %,Sourceable Product OOS %\n"
                  "B0US000001,4.00%,7.50%\n")
    report = read_report(path)
    block = report.blocks["inventory_facts"]
    assert block.rows[0][7 + block.columns.index("procurable_product_out_of_stock_rate")] == 0.04
    assert {r[7]: r[8] for r in report.extras}["sourceable_product_out_of_stock_rate"] == 0.075


# --- rows never vanish ---------------------------------------------------------------------
def test_unbalanced_quote_is_refused_naming_the_row(tmp_path):
    rows = ['B0US000001,"12.5,1'] + [f"B0US00000{i},{i}.5,{i}" for i in range(2, 7)]
    path = _write(tmp_path, "quote.csv", US + "ASIN,Shipped Revenue,Shipped Units\n" + "\n".join(rows) + "\n")
    with pytest.raises(UserError, match="quote.csv: row 3: a quote"):
        read_report(path)


def test_quote_closed_lines_later_is_refused(tmp_path):
    path = _write(tmp_path, "late.csv", US + 'ASIN,Product Title,Shipped Units\nB0US000001,"Mug,1\n'
                  'B0US000002,Cup",2\nB0US000003,Pot,3\n')
    with pytest.raises(UserError, match="late.csv: row 3: a quote"):
        read_report(path)


@pytest.mark.parametrize("tail, where", [
    ('B0DE000002;"€ 9', "ends inside a quoted cell"),
    ("B0DE000002;5", "the last row has 2 of 3 cells"),
    ("B0DE000002;5;", "ends after a delimiter"),
])
def test_cut_off_downloads_are_refused(tmp_path, tail, where):
    path = _write(tmp_path, "cut.csv", DE + 'ASIN;Versandter Umsatz;Versandte Einheiten\nB0DE000001;"€ 99,90";1\n'
                  + tail)
    with pytest.raises(UserError, match=f"cut.csv: the file looks cut off \\(.*{where}.*Download the report again"):
        read_report(path)


def test_file_cut_inside_the_header(tmp_path):
    with pytest.raises(UserError, match="looks cut off"):
        read_report(_write(tmp_path, "head.csv", DE + "ASIN;Versandter Ums"))
    with pytest.raises(UserError, match="looks cut off"):
        read_report(_write(tmp_path, "meta.csv", DE[:40]))


@settings(max_examples=60, deadline=None)
@given(st.integers(min_value=0, max_value=10**6))
def test_every_cut_of_a_quoted_export_is_refused_or_exact(cut):
    """Cut a fully quoted export anywhere: refused, or exactly the complete rows before the cut."""
    import tempfile

    rows = [("B0DE000001", "1.234,56 €", "12"), ("B0DE000002", "99,90 €", "3"), ("B0DE000003", "0,50 €", "150")]
    lines = [DE.strip(), '"ASIN";"Versandter Umsatz";"Versandte Einheiten"']
    lines += [";".join(f'"{c}"' for c in row) for row in rows]
    full = "\n".join(lines) + "\n"
    text = full[:cut % (len(full) + 1)]
    with tempfile.TemporaryDirectory() as folder:
        path = _write(Path(folder), "cut.csv", text)
        try:
            report = read_report(path)
        except UserError as exc:
            assert "cut.csv" in str(exc)
            return
    expected = {"B0DE000001": (1234.56, 12.0), "B0DE000002": (99.9, 3.0), "B0DE000003": (0.5, 150.0)}
    got = {a: (v["shipped_revenue"], v["shipped_units"]) for a, v in _sales(report).items()} \
        if "sales_facts" in report.blocks else {}
    assert got == {a: expected[a] for a in list(expected)[:len(got)]}


# --- crashes that are now refusals or reads -------------------------------------------------
def test_cell_over_128_kb_is_refused_naming_row_and_column(tmp_path):
    path = _write(tmp_path, "big.csv", US + "ASIN,Product Title,Shipped Units\nB0US000001,\"" + "x" * 140_000 + "\",1\n")
    with pytest.raises(UserError, match="big.csv: row 3, column 2 'Product Title': the cell holds 136 KB"):
        read_report(path)


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_csv_is_read(tmp_path, encoding):
    path = _write(tmp_path, "u16.csv", DE + "ASIN;Produkttitel;Versandter Umsatz\nB0DE000001;Café;\"1.234,56 €\"\n",
                  encoding)
    report = read_report(path)
    assert _sales(report)["B0DE000001"]["shipped_revenue"] == 1234.56 and report.products[0][1] == "Café"


# --- the command line: exit 2, the workspace byte-identical, no -wal ---------------------------
def test_refusals_through_the_command_line_leave_the_workspace_byte_identical(tmp_path):
    good = _write(tmp_path, "good.csv", DE + "ASIN;Versandte Einheiten\nB0DE000001;4\n")
    workspace = tmp_path / "ws.vendordesk"
    run = [sys.executable, "-m", "vendordesk", "import", "--workspace", str(workspace)]
    assert subprocess.run([*run, str(good)], capture_output=True, timeout=120, check=False).returncode == 0
    before = workspace.read_bytes()
    bad = {
        "dup.csv": DE + "ASIN;Versandte Einheiten;Versandte Einheiten\nB0DE000001;12;99\n",
        "units.csv": DE + 'ASIN;Versandte Einheiten\nB0DE000001;"1.234,56 €"\n',
        "asin.csv": DE + "ASIN;Versandte Einheiten\nXYZ;1\n",
        "quote.csv": DE + 'ASIN;Versandte Einheiten\nB0DE000001;"1\nB0DE000002;2\n',
        "cut.csv": DE + 'ASIN;Versandter Umsatz\nB0DE000001;"€ 9',
        "head.csv": DE + "ASIN;Versandter Ums",
        "big.csv": DE + "ASIN;Produkttitel;Versandte Einheiten\nB0DE000001;" + "x" * 140_000 + ";1\n",
        "amb.csv": BARE + "ASIN,Shipped Revenue\nB0DE000001,1.234\n",
    }
    paths = [_write(tmp_path, name, text) for name, text in bad.items()]
    # amb.csv is ambiguous only without a locale: this workspace has de_DE from good.csv, so use a fresh one
    result = subprocess.run([*run, *map(str, paths[:-1])], capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    refused = [line for line in result.stderr.splitlines() if "Nothing was imported" in line]
    assert [next(n for n in bad if line.startswith(f"vendordesk: {n}:")) for line in refused] == list(bad)[:-1]
    assert workspace.read_bytes() == before
    assert not Path(f"{workspace}-wal").exists()
    fresh = tmp_path / "fresh.vendordesk"
    result = subprocess.run([*run[:-1], str(fresh), str(paths[-1])], capture_output=True, text=True, timeout=120,
                            check=False)
    assert result.returncode == 2 and "amb.csv: column 'Shipped Revenue': '1.234'" in result.stderr
