"""Reading a Vendor Central CSV in bounded memory: encoding, delimiter, rows streamed from disk.

``CsvRows`` reads the file again on every iteration, so a reader can look at a column twice
(decimal marks first, values second) without holding the file. Rows never vanish silently: a
quote that is not closed, a cell over 128 KB and a file cut off mid-download are refused.
"""

from __future__ import annotations

import codecs
import csv
import itertools
import re
from collections.abc import Iterator
from pathlib import Path

from vendordesk.errors import UserError
from vendordesk.ingest.aliases import is_asin_header
from vendordesk.ingest.library_texts import explained
from vendordesk.text import N_

FIELD_LIMIT = 128 * 1024
HEADER_SCAN = 40
_WRAPPED = re.compile(r'^\s*"(.*)"\s*[;,\t]*\s*$', re.DOTALL)
_WRAPPED_HEADER = re.compile(r'^\s*"\s*asin\s*[,;\t]', re.IGNORECASE)
csv.field_size_limit(max(csv.field_size_limit(), 64 * FIELD_LIMIT))   # we check FIELD_LIMIT ourselves


def utf16_codec(head: bytes) -> str | None:
    """'utf-16' (BOM), 'utf-16-le' / 'utf-16-be' (every other byte NUL), or None."""
    if head[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return "utf-16"
    sample = head[:4096]
    pairs = len(sample) // 2
    if pairs < 2:
        return None
    even = sample[0::2].count(0)
    odd = sample[1::2].count(0)
    if odd > 0.4 * pairs and even < 0.05 * pairs:
        return "utf-16-le"
    if even > 0.4 * pairs and odd < 0.05 * pairs:
        return "utf-16-be"
    return None


# A file that ends too early: cut off where the message says.
CUT_BEFORE_HEADER = N_("{file}: the file looks cut off (it ends before the header row); the download probably did "
                       "not finish. Nothing was imported. Download the report again from Vendor Central and import "
                       "the new file.")
CUT_IN_HEADER = N_("{file}: the file looks cut off (it ends in the header row); the download probably did not "
                   "finish. Nothing was imported. Download the report again from Vendor Central and import the new "
                   "file.")
_CUT_IN_CHARACTER = N_("{file}: the file looks cut off (it ends inside a character, in row {line}); the download "
                       "probably did not finish. Nothing was imported. Download the report again from Vendor "
                       "Central and import the new file.")
_CUT_IN_QUOTE = N_("{file}: the file looks cut off (row {line} ends inside a quoted cell); the download probably "
                   "did not finish. Nothing was imported. Download the report again from Vendor Central and import "
                   "the new file.")
_CUT_AFTER_DELIMITER = N_("{file}: the file looks cut off (the last row, row {line}, ends after a delimiter, before "
                          "its last cell); the download probably did not finish. Nothing was imported. Download the "
                          "report again from Vendor Central and import the new file.")
_CUT_SHORT_ROW = N_("{file}: the file looks cut off (the last row has {width} of {cells} cells: row {line}); the "
                    "download probably did not finish. Nothing was imported. Download the report again from Vendor "
                    "Central and import the new file.")


def cut_off(name: str, message: str, **values: object) -> UserError:
    """``message``: one of the CUT_ messages above, filled with ``values``."""
    return UserError(message, file=name, **values)


def text_codec(path: Path, head: bytes) -> str:
    """UTF-16, UTF-8 (with or without BOM) or Windows-1252, checked over the whole file in chunks."""
    utf16 = utf16_codec(head)
    if utf16:
        return utf16
    decoder = codecs.getincrementaldecoder("utf-8")()
    line_ends = 0
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            try:
                decoder.decode(chunk)
            except UnicodeDecodeError:
                return "cp1252"
            line_ends += max(chunk.count(b"\n"), chunk.count(b"\r"))
    try:
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        raise cut_off(path.name, _CUT_IN_CHARACTER, line=line_ends + 1) from None
    return "utf-8-sig"


class CsvRows:
    """The rows of one CSV file; iterating reads the file again from the start."""

    def __init__(self, path: Path, head: bytes, delimiter: str | None = None) -> None:
        self.path, self.name = path, path.name
        self.codec = text_codec(path, head)
        first = list(itertools.islice(self._lines(), HEADER_SCAN))
        self.wrapped = any(_WRAPPED_HEADER.match(line) for line in first)
        first = [self._unwrap(line) for line in first] if self.wrapped else first
        self.delimiter = delimiter or sniff_delimiter(first)
        self.ends_cleanly, self.ends_in_delimiter = True, False
        self.last_width, self.last_line = 0, 0
        self.header: list[str] = []

    def _lines(self) -> Iterator[str]:
        try:
            with self.path.open(encoding=self.codec, newline="") as handle:
                for line in handle:
                    yield line.lstrip("\ufeff")
        except UnicodeDecodeError as exc:
            raise UserError(N_("{file}: the text is neither UTF-8 nor Windows-1252 (byte {byte} of a block). Nothing "
                               "was imported. Save the export again as CSV UTF-8."),
                            file=self.name, byte=exc.start) from exc

    @staticmethod
    def _unwrap(line: str) -> str:
        """Undo the encapsulated format: each line one quoted cell with doubled inner quotes."""
        match = _WRAPPED.match(line)
        return match.group(1).replace('""', '"') + "\n" if match else line

    def _tracked(self) -> Iterator[str]:
        last = ""
        for line in self._lines():
            last = line
            yield self._unwrap(line) if self.wrapped else line
        self.ends_cleanly = last.endswith(("\n", "\r"))
        self.ends_in_delimiter = last.endswith(self.delimiter)

    def __iter__(self) -> Iterator[list[str]]:
        reader = csv.reader(self._tracked(), delimiter=self.delimiter, strict=True)
        start = 1
        while True:
            try:
                row = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:
                raise self._broken(str(exc), start) from None
            if reader.line_num != start:
                raise self._open_quote(start, reader.line_num)
            if len(row) and max(map(len, row)) > FIELD_LIMIT:
                column = next(i for i, cell in enumerate(row) if len(cell) > FIELD_LIMIT)
                raise self._too_big(start, column, len(row[column]))
            if not self.header and start <= HEADER_SCAN and any(map(is_asin_header, row)):
                self.header = [cell.strip() for cell in row]
            self.last_width, self.last_line = len(row), start
            start = reader.line_num + 1
            yield row

    def _too_big(self, line: int, column: int, chars: int) -> UserError:
        values = {"file": self.name, "line": line, "number": column + 1, "size": chars // 1024,
                  "limit": FIELD_LIMIT // 1024}
        if column < len(self.header):
            return UserError(N_("{file}: row {line}, column {number} '{column}': the cell holds {size} KB of text "
                                "(at "
                                "most {limit} KB). Nothing was imported. Check the cell in a spreadsheet; export the "
                                "report again unchanged."), column=self.header[column], **values)
        return UserError(N_("{file}: row {line}, column {number}: the cell holds {size} KB of text (at most {limit} "
                            "KB). Nothing was imported. Check the cell in a spreadsheet; export the report again "
                            "unchanged."), **values)

    def _open_quote(self, start: int, end: int) -> UserError:
        return UserError(N_("{file}: row {line}: a quote (\") opened in this row is closed only on line {end}, so the "
                            "rows up to line {end} would be swallowed into one cell. Nothing was imported. Fix the "
                            "quote in row {line} or export the report again unchanged."),
                         file=self.name, line=start, end=end)

    def _broken(self, message: str, start: int) -> UserError:
        if "field larger" in message:
            return UserError(N_("{file}: row {line}: a cell is larger than {limit} KB. Nothing was imported. Export "
                                "the report again unchanged."), file=self.name, line=start,
                             limit=64 * FIELD_LIMIT // 1024)
        if "unexpected end of data" in message or "EOF" in message:
            if self._is_last_line(start):
                return cut_off(self.name, _CUT_IN_QUOTE, line=start)
            return UserError(N_("{file}: row {line}: a quote (\") opened in this row is never closed, so every row "
                                "after it would be swallowed. Nothing was imported. Fix the quote in row {line} or "
                                "export the report again unchanged."), file=self.name, line=start)
        return UserError(N_("{file}: row {line}: the quotes in this row do not pair up ({problem}). Nothing was "
                            "imported. Fix row {line} or export the report again unchanged."),
                         file=self.name, line=start, problem=explained(message))

    def _is_last_line(self, start: int) -> bool:
        return sum(1 for _ in self._lines()) <= start

    def after(self, header_at: int, header: list[str]) -> DataRows:
        return DataRows(self, header_at, len(header))

    def check_complete(self, header_width: int, data_rows: int) -> None:
        """A last line without its line end that is shorter than the header, or a header alone: cut off."""
        if self.ends_cleanly:
            return
        if data_rows == 0:
            raise cut_off(self.name, CUT_IN_HEADER)
        if self.ends_in_delimiter:
            raise cut_off(self.name, _CUT_AFTER_DELIMITER, line=self.last_line)
        if self.last_width < header_width:
            raise cut_off(self.name, _CUT_SHORT_ROW, width=self.last_width, cells=header_width, line=self.last_line)


class DataRows:
    """The rows below the header, re-readable; the file's completeness is checked at the end of each pass."""

    def __init__(self, rows: CsvRows, header_at: int, header_width: int) -> None:
        self.rows, self.skip, self.width = rows, header_at + 1, header_width

    def __iter__(self) -> Iterator[list[str]]:
        count = 0
        for row in itertools.islice(self.rows, self.skip, None):
            count += 1
            yield row
        self.rows.check_complete(self.width, count)

def sniff_delimiter(lines: list[str]) -> str:
    """The delimiter that splits the ASIN header row into the most cells."""
    best, best_cells = ",", 0
    for delimiter in (",", ";", "\t"):
        for row in csv.reader(lines, delimiter=delimiter):
            if any(is_asin_header(cell) for cell in row):
                if len(row) > best_cells:
                    best, best_cells = delimiter, len(row)
                break
    return best
