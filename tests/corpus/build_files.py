"""Whole files that are not plain CSV text: XLSX workbooks, zips, UTF-16 text, gzip and XLSX bombs.

The bombs are written once per session into a shared folder. Both repeat one deflate block that
ends in a full flush (byte-aligned, history reset), so 2 GiB of content costs one 16 MiB compression.
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from pathlib import Path

CHUNK = 1 << 24   # 16 MiB


def xlsx(rows: list[list]) -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def zip_of(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def _repeated_deflate(prefix: bytes, unit: bytes, repeats: int, suffix: bytes) -> tuple[bytes, int, int]:
    """Raw deflate of prefix + unit * repeats + suffix; returns (stream, crc32, size)."""
    comp = zlib.compressobj(9, zlib.DEFLATED, -15)
    head = comp.compress(prefix) + comp.flush(zlib.Z_FULL_FLUSH)
    block = comp.compress(unit) + comp.flush(zlib.Z_FULL_FLUSH)
    tail = comp.compress(suffix) + comp.flush(zlib.Z_FINISH)
    crc = zlib.crc32(prefix)
    for _ in range(repeats):
        crc = zlib.crc32(unit, crc)
    crc = zlib.crc32(suffix, crc)
    return head + block * repeats + tail, crc, len(prefix) + len(unit) * repeats + len(suffix)


def gzip_bomb(path: Path, prefix: bytes, gib: int = 2, suffix: bytes = b"") -> None:
    """A gzip member whose content is prefix + gib GiB of spaces + suffix (~1 MB per GiB)."""
    stream, crc, size = _repeated_deflate(prefix, b" " * CHUNK, (gib << 30) // CHUNK, suffix)
    header = b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x02\xff"
    path.write_bytes(header + stream + struct.pack("<II", crc, size & 0xFFFFFFFF))


def _zip_member(name: str, data: bytes, method: int, crc: int, size: int, offset: int) -> tuple[bytes, bytes]:
    encoded = name.encode()
    local = struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, method, 0, 0x21, crc, len(data), size,
                        len(encoded), 0) + encoded + data
    central = struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, method, 0, 0x21, crc, len(data), size,
                          len(encoded), 0, 0, 0, 0, 0, offset) + encoded
    return local, central


def _cell_ref(row: int, col: int) -> str:
    return f"{chr(ord('A') + col)}{row + 1}"


def shared_strings_workbook(rows: list[list]) -> dict[str, bytes]:
    """The parts of a minimal workbook whose text cells point into xl/sharedStrings.xml."""
    from xml.sax.saxutils import escape

    strings: list[str] = []
    cells = []
    for r, row in enumerate(rows):
        out = []
        for c, value in enumerate(row):
            if isinstance(value, str):
                strings.append(value)
                out.append(f'<c r="{_cell_ref(r, c)}" t="s"><v>{len(strings) - 1}</v></c>')
            else:
                out.append(f'<c r="{_cell_ref(r, c)}"><v>{value}</v></c>')
        cells.append(f'<row r="{r + 1}">{"".join(out)}</row>')
    main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    kind = "application/vnd.openxmlformats-officedocument.spreadsheetml"
    return {
        "[Content_Types].xml": (
            '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
            'content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
            'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
            f'<Override PartName="/xl/workbook.xml" ContentType="{kind}.sheet.main+xml"/>'
            f'<Override PartName="/xl/worksheets/sheet1.xml" ContentType="{kind}.worksheet+xml"/>'
            f'<Override PartName="/xl/sharedStrings.xml" ContentType="{kind}.sharedStrings+xml"/></Types>').encode(),
        "_rels/.rels": (
            '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/'
            f'2006/relationships"><Relationship Id="rId1" Type="{rel}/officeDocument" Target="xl/workbook.xml"/>'
            '</Relationships>').encode(),
        "xl/workbook.xml": (
            f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{main}" xmlns:r="{rel}"><sheets>'
            '<sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>').encode(),
        "xl/_rels/workbook.xml.rels": (
            '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/'
            f'2006/relationships"><Relationship Id="rId1" Type="{rel}/worksheet" Target="worksheets/sheet1.xml"/>'
            f'<Relationship Id="rId2" Type="{rel}/sharedStrings" Target="sharedStrings.xml"/></Relationships>').encode(),
        "xl/worksheets/sheet1.xml": (
            f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{main}"><sheetData>{"".join(cells)}'
            '</sheetData></worksheet>').encode(),
        "xl/sharedStrings.xml": (
            f'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="{main}">'
            + "".join(f"<si><t>{escape(t)}</t></si>" for t in strings) + "</sst>").encode(),
    }


def xlsx_shared_strings_bomb(path: Path, rows: list[list], gib: int = 1) -> None:
    """A workbook of ``rows`` whose sharedStrings.xml gains ~gib GiB of strings no cell uses."""
    members = shared_strings_workbook(rows)
    strings = members["xl/sharedStrings.xml"]
    close = strings.rindex(b"</sst>")
    unit_item = b"<si><t>" + b"A" * 1000 + b"</t></si>"
    unit = unit_item * (CHUNK // len(unit_item))
    stream, crc, size = _repeated_deflate(strings[:close], unit, (gib << 30) // len(unit), strings[close:])
    out, directory = b"", b""
    for name, data in members.items():
        if name == "xl/sharedStrings.xml":
            local, central = _zip_member(name, stream, 8, crc, size, len(out))
        else:
            local, central = _zip_member(name, data, 0, zlib.crc32(data), len(data), len(out))
        out, directory = out + local, directory + central
    end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(members), len(members), len(directory), len(out), 0)
    path.write_bytes(out + directory + end)
