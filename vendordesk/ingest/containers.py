"""Packed and re-encoded files, opened in bounded memory before any reader sees them.

- gzip: unpacked as a stream and refused beyond ``gzip_limit`` (a gzip bomb never fills memory);
- ZIP: a workbook (xl/workbook.xml) whose directory sizes are sane is an XLSX, whatever its name;
  any other ZIP is refused ("unzip it first"): VendorDesk does not guess which member is meant;
- UTF-16 text: transcoded to UTF-8 into a temporary copy under the same file name, so the CSV
  reader keeps its interface ``read_csv(path, head, context)`` and its messages name the user's file.
"""

from __future__ import annotations

import contextlib
import gzip
import os
import shutil
import tempfile
import zipfile
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from vendordesk.errors import UserError
from vendordesk.ingest.library_texts import explained
from vendordesk.text import N_, Message, Number

MB = 2**20
GZIP_FLOOR, GZIP_RATIO = 64 * MB, 100      # unpacked size allowed: max(64 MB, 100 x packed) ...
XLSX_MEMBER_MAX, XLSX_TOTAL_MAX = 256 * MB, 512 * MB
SHARED_STRINGS_MAX = 32 * MB               # openpyxl keeps all shared strings in memory, even read-only
XLSX_SUFFIXES = (".xlsx", ".xlsm", ".xltx", ".xltm")


def gzip_limit(packed: int, ceiling: int = 512 * MB) -> int:
    """... but never more than ``ceiling``. Real SP-API documents pack 10-30x."""
    return min(ceiling, max(GZIP_FLOOR, GZIP_RATIO * packed))


def gunzip(path: Path, ceiling: int) -> bytearray:
    limit = gzip_limit(path.stat().st_size, ceiling)
    out = bytearray()
    try:
        with gzip.GzipFile(path, "rb") as handle:
            while chunk := handle.read(MB):
                out += chunk
                if len(out) > limit:
                    raise UserError(N_("{file}: the gzip file unpacks to more than {limit:.0f} MB ({packed:.1f} MB "
                                       "packed); that is no report document. Nothing was imported. Download the "
                                       "report document again from Amazon."), file=path.name, limit=limit / MB,
                                    packed=path.stat().st_size / MB)
    except (OSError, EOFError, zlib.error) as exc:
        raise UserError(N_("{file}: the gzip file is damaged or truncated ({problem}). Nothing was imported. "
                           "Download the report document again."), file=path.name, problem=explained(str(exc))) from exc
    return out


def check_workbook(path: Path) -> None:
    """Refuse a ZIP that is no workbook, and a workbook that would unpack to too much."""
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise UserError(N_("{file}: the ZIP/XLSX file is damaged or truncated ({problem}). Nothing was imported. "
                           "Download it again, or open it in Excel and save it again as .xlsx."), file=path.name,
                        problem=explained(str(exc))) from exc
    names = {info.filename for info in infos}
    if "xl/workbook.xml" not in names:
        inside = ", ".join(sorted(names)[:3]) + (" …" if len(names) > 3 else "")
        what = (Message(N_("an OpenDocument spreadsheet (save it as .xlsx or CSV)")) if "content.xml" in names
                else Message.ngettext("a ZIP archive ({count} file: {inside}); unzip it first and import the CSV, "
                                      "XLSX or JSON files inside",
                                      "a ZIP archive ({count} files: {inside}); unzip it first and import the CSV, "
                                      "XLSX or JSON files inside", len(names), count=Number(len(names)),
                                      inside=inside))
        raise UserError(N_("{file}: this is {kind}, not a report. Nothing was imported."), file=path.name, kind=what)
    for info in infos:
        cap = SHARED_STRINGS_MAX if info.filename == "xl/sharedStrings.xml" else XLSX_MEMBER_MAX
        if info.file_size > cap:
            raise _too_big(path, Message(N_("{part} unpacks to {size} MB (at most {limit} MB)"),
                                         part=info.filename, size=Number(info.file_size / MB),
                                         limit=Number(cap / MB)))
    total = sum(info.file_size for info in infos)
    if total > XLSX_TOTAL_MAX:
        raise _too_big(path, Message(N_("the workbook unpacks to {size} MB (at most {limit} MB)"),
                                     size=Number(total / MB), limit=Number(XLSX_TOTAL_MAX / MB)))


def _too_big(path: Path, what: Message) -> UserError:
    return UserError(N_("{file}: {problem}; that is no Vendor Central export. Nothing was imported. Export a "
                        "shorter period or fewer ASINs, or export CSV."), file=path.name, problem=what)


@contextlib.contextmanager
def as_xlsx(path: Path) -> Iterator[tuple[Path, object]]:
    """(a path openpyxl accepts, rename(read, path, context)) for a workbook named e.g. .csv.

    openpyxl refuses names not ending in .xlsx; the workbook is linked (or copied) under
    ``<name>.xlsx`` into a temporary folder, and ``rename`` puts the user's name back into the
    report and into any refusal.
    """
    if path.suffix.lower() in XLSX_SUFFIXES:
        yield path, lambda read, readable, context: read(readable, context)
        return
    with tempfile.TemporaryDirectory(prefix="vendordesk-") as folder:
        alias = Path(folder) / f"{path.name}.xlsx"
        try:
            os.link(path, alias)
        except OSError:
            shutil.copyfile(path, alias)

        def rename(read: Callable[[Path, Any], Any], readable: Path, context: Any) -> Any:
            try:
                report = read(readable, context)
            except UserError as exc:
                raise exc.renamed(alias.name, path.name) from exc
            report.file_name = path.name
            return report

        yield alias, rename


@contextlib.contextmanager
def as_utf8(path: Path, encoding: str) -> Iterator[tuple[Path, bytes]]:
    """(UTF-8 copy under the same name, its first bytes) of a UTF-16 text file, transcoded as a stream."""
    from vendordesk.ingest.detect import SNIFF_BYTES

    with tempfile.TemporaryDirectory(prefix="vendordesk-") as folder:
        copy = Path(folder) / path.name
        try:
            with path.open("r", encoding=encoding, newline="") as source, \
                    copy.open("w", encoding="utf-8", newline="") as target:
                target.write(source.read(MB).lstrip("\ufeff"))
                while chunk := source.read(MB):
                    target.write(chunk)
        except UnicodeError as exc:
            raise UserError(N_("{file}: the text looks like UTF-16 but cannot be decoded ({problem}). Nothing was "
                               "imported. Save the export again as CSV UTF-8."), file=path.name,
                            problem=explained(str(exc))) from exc
        with copy.open("rb") as handle:
            head = handle.read(SNIFF_BYTES)
        yield copy, head
