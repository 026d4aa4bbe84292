"""Files of the wrong kind or size: XLSX named .csv / without extension, zips, UTF-16 text, gzip,
fields over 128 KB, a gzip bomb and an XLSX shared-strings bomb, newlines in file names."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

from tests.corpus import build_spapi as sp
from tests.corpus.build_files import gzip_bomb, xlsx, xlsx_shared_strings_bomb, zip_of
from tests.corpus.build_vc import DE, US, WEEK, expect_sales, metadata, sales_csv
from tests.corpus.harness import Case, Refused, Stored

ANY = Refused()
BOUNDED_MB = 300   # the CLI itself needs ~100 MB; a bomb must not add a gigabyte
US_ROWS = [metadata("en_US").split(","), ["ASIN", "Product Title", "Shipped Revenue", "Shipped Units"],
           ["B0X0000001", "Blue Mug", 150.0, 5]]
US_STORED = Stored(rows=expect_sales({"B0X0000001": {"revenue": 150.0, "units": 5.0}}), marketplace=US,
                   period=WEEK["en_US"])
DE_TEXT = sales_csv("de_DE", [["B0X0000002", "1.234,56 €", "12"], ["B0X0000003", "19,99 €", "3"]]).decode()
DE_STORED = Stored(rows=expect_sales({"B0X0000002": {"revenue": 1234.56, "units": 12.0},
                                      "B0X0000003": {"revenue": 19.99, "units": 3.0}}), currency="EUR", marketplace=DE)


def workbooks() -> list[Case]:
    book = xlsx(US_ROWS)
    csv_bytes = sales_csv("en_US", [["B0X0000001", "$150.00", "5"]])
    return [
        Case("xlsx-control", "sales.xlsx", book, stored=US_STORED),
        Case("xlsx-named-csv", "sales-really-xlsx.csv", book, stored=US_STORED, refused=ANY),
        Case("xlsx-without-extension", "sales-export", book, stored=US_STORED, refused=ANY),
        Case("xlsx-named-zip", "sales-xlsx.zip", book, stored=US_STORED, refused=ANY),
        Case("zip-holding-a-csv", "reports.zip", zip_of({"sales.csv": csv_bytes}), refused=ANY),
        Case("zip-holding-two-files", "two.zip", zip_of({"a.csv": csv_bytes, "b.txt": b"hello"}), refused=ANY),
        Case("zip-named-csv", "zipped.csv", zip_of({"sales.csv": csv_bytes}), refused=ANY),
        Case("docx-named-xlsx", "letter.xlsx", zip_of({"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<w/>"}),
             refused=ANY),
        Case("xlsx-truncated", "cut.xlsx", book[: len(book) // 2], refused=ANY),
        Case("xlsx-empty-zip", "empty.xlsx", zip_of({}), refused=ANY),
    ]


def texts() -> list[Case]:
    tab = DE_TEXT.replace(";", "\t")
    return [
        Case("utf16-le-bom-semicolon", "utf16-le.csv", DE_TEXT.encode("utf-16"), stored=DE_STORED),
        Case("utf16-le-bom-tab-excel-unicode-text", "utf16-tab.txt", tab.encode("utf-16"), stored=DE_STORED),
        Case("utf16-be-bom", "utf16-be.csv", b"\xfe\xff" + DE_TEXT.encode("utf-16-be"), stored=DE_STORED),
        Case("utf16-le-without-bom", "utf16-le-nobom.csv", DE_TEXT.encode("utf-16-le"), stored=DE_STORED, refused=ANY),
        Case("gzip-of-json-control", "sales.json.gz",
             gzip.compress(sp.render(sp.sales([sp.sales_row("B0X0000004")]))),
             stored=Stored(rows={"B0X0000004": {"shipped_units": 12.0, "shipped_revenue": 239.88}})),
        Case("gzip-of-csv", "sales.csv.gz", gzip.compress(DE_TEXT.encode()), stored=DE_STORED, refused=ANY),
        Case("gzip-truncated", "cut.json.gz", gzip.compress(sp.render(sp.sales([sp.sales_row("B0X0000004")])))[:60],
             refused=ANY),
        Case("json-truncated", "cut.json", sp.render(sp.sales([sp.sales_row("B0X0000004")]))[:150], refused=ANY),
        Case("png-named-csv", "picture.csv", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, refused=ANY),
        Case("empty-file", "empty.csv", b"", refused=ANY),
        Case("only-a-bom", "only-bom.csv", b"\xef\xbb\xbf", refused=ANY),
        Case("only-blank-lines", "blank.csv", b"\n\n  \n", refused=ANY),
        Case("nul-bytes-in-text", "nul.csv", DE_TEXT.replace("Acme", "x").encode().replace(b"19,99", b"19\x0099"),
             refused=ANY),
    ]


def big_fields() -> list[Case]:
    def with_cell(cell: str, column: int) -> bytes:
        row = ["B0F0000001", "Mug", "10.00", "1"]
        row[column] = cell
        return (metadata("en_US") + "\nASIN,Product Title,Shipped Revenue,Shipped Units\n" + ",".join(row) + "\n").encode()

    return [
        Case("field-over-128kb-title", "big-title.csv", with_cell("T" * (130 * 1024), 1), refused=ANY, slow=True),
        Case("field-1mb-quoted-number", "big-number.csv", with_cell('"' + "9" * (1 << 20) + '"', 2), refused=ANY,
             slow=True),
        Case("field-200kb-metadata-line", "big-metadata.csv",
             ("Programme=[" + "R" * (200 * 1024) + "]," + DE_TEXT).encode(), refused=ANY, slow=True),
    ]


def _gzip_bomb(shared: Path) -> None:
    path = shared / "bomb.json.gz"
    if not path.exists():
        doc = json.dumps(sp.sales([sp.sales_row("B0G0000001")]))
        gzip_bomb(path, doc[:-2].encode(), suffix=b"]}")   # valid JSON: 2 GiB of spaces before "]}"


def _xlsx_bomb(shared: Path) -> None:
    path = shared / "bomb.xlsx"
    if not path.exists():
        xlsx_shared_strings_bomb(path, US_ROWS)


def bombs() -> list[Case]:
    return [
        # 2 MB -> 2 GiB of JSON whitespace: a cap on the decompressed size refuses it.
        Case("gzip-bomb-2gib", "bomb.json.gz", _gzip_bomb, refused=ANY, slow=True, max_peak_mb=BOUNDED_MB),
        # ~1 GiB of unused shared strings: read in bounded memory (the data is right) or refused.
        Case("xlsx-shared-strings-bomb-1gib", "bomb.xlsx", _xlsx_bomb, stored=US_STORED, refused=ANY, slow=True,
             max_peak_mb=BOUNDED_MB),
    ]


def no_forged_lines(run) -> list[str]:
    forged = [line for line in run.text.splitlines() if line.startswith("FORGED")]
    return [f"a file name forged an output line: {forged[0]!r}"] if forged else []


def names() -> list[Case]:
    good = sales_csv("de_DE", [["B0X0000005", "19,99 €", "2"]])
    stored = Stored(rows=expect_sales({"B0X0000005": {"revenue": 19.99, "units": 2.0}}))
    bad = sales_csv("de_DE", [["B0X0000005", "zwanzig", "2"]])
    out = [
        Case("newline-in-name-good-file", "week.csv\nFORGED: 0 of 1 files refused.csv", good, stored=stored),
        Case("newline-in-name-refused-file", "bad.csv\nFORGED: imported 999 rows.csv", bad,
             refused=Refused(field="Versandter Umsatz")),
        Case("carriage-return-in-name", "cr.csv\rFORGED: all good.csv", good, stored=stored),
        Case("newline-in-name-json", "doc.json\nFORGED: ok.json",
             sp.render(sp.sales([sp.sales_row("B0X0000006")])),
             stored=Stored(rows={"B0X0000006": {"shipped_units": 12.0, "shipped_revenue": 239.88}})),
    ]
    for case in out:
        case.output_check = no_forged_lines
    return out


def cases() -> list[Case]:
    return workbooks() + texts() + big_fields() + bombs() + names()
