"""What Python's readers (csv, json, gzip, zipfile, codecs, the OS) say, as catalogue messages.

Their error texts are English and fixed ("line contains NUL", "Expecting ',' delimiter", "File is
not a zip file"). A refusal that quotes one names it through ``explained(text)``: a known text
becomes a ``Message`` the reader sees in their own language; an unknown one is quoted as it is.
"""

from __future__ import annotations

import errno
import re
from collections.abc import Callable

from vendordesk.text import N_, Message


def _fixed(msgid: str) -> Callable[[re.Match[str]], Message]:
    return lambda _match: Message(msgid)


# (pattern of the library's English text, the message it becomes)
KNOWN: tuple[tuple[re.Pattern[str], Callable[[re.Match[str]], Message]], ...] = tuple(
    (re.compile(pattern), make) for pattern, make in (
        # csv
        (r"line contains NUL", _fixed(N_("the row contains a NUL byte, which no text export has"))),
        (r"'(.)' expected after '(.)'",
         lambda m: Message(N_("a closing quote {quote} must be followed by {expected}"),
                           quote=repr(m.group(2)), expected=repr(m.group(1)))),
        (r"new-line character seen in unquoted field",
         _fixed(N_("a line break stands inside a cell without quotes"))),
        (r"unexpected end of data", _fixed(N_("the data ends inside a quoted cell"))),
        # json (JSONDecodeError.msg)
        (r"Expecting value", _fixed(N_("a value is missing"))),
        (r"Expecting ',' delimiter", _fixed(N_("a comma is missing"))),
        (r"Expecting ':' delimiter", _fixed(N_("a colon is missing"))),
        (r"Expecting property name enclosed in double quotes",
         _fixed(N_("a field name in double quotes is missing"))),
        (r"Unterminated string starting at", _fixed(N_("a text value is not closed"))),
        (r"Invalid control character at", _fixed(N_("a text value holds a control character"))),
        (r"Invalid \\(uXXXX )?escape", _fixed(N_("a text value holds a broken escape"))),
        (r"Extra data", _fixed(N_("more data follows the end of the document"))),
        # gzip, zlib
        (r"Compressed file ended before the end-of-stream marker was reached",
         _fixed(N_("the compressed data ends early"))),
        (r"Not a gzipped file", _fixed(N_("this is no gzip data"))),
        (r"Error -?\d+ while decompressing", _fixed(N_("the compressed data is damaged"))),
        (r"CRC check failed", _fixed(N_("the compressed data is damaged"))),
        # zipfile
        (r"File is not a zip file", _fixed(N_("this is no ZIP file"))),
        (r"Bad magic number|Truncated file header|Bad CRC-32|zipfiles that span multiple disks",
         _fixed(N_("the ZIP directory is damaged"))),
        (r"There is no item named", _fixed(N_("a part of the workbook is missing"))),
        # codecs
        (r"can't decode bytes? in position (\S+?):",
         lambda m: Message(N_("the bytes at position {position} are no text in this encoding"),
                           position=m.group(1))),
    ))

# What the OS says when a file cannot be opened, by its errno.
OS_REASONS = {
    errno.ENOENT: N_("no such file"),
    errno.EACCES: N_("no permission to read it"),
    errno.EPERM: N_("no permission to read it"),
    errno.EISDIR: N_("it is a folder"),
    errno.EIO: N_("the disk could not be read"),
    errno.EBUSY: N_("it is in use"),
}


def explained(text: str) -> object:
    """``text`` (a library's English error) as a ``Message`` when it is a known one, else as it is."""
    for pattern, make in KNOWN:
        found = pattern.search(text)
        if found:
            return make(found)
    return text


def os_reason(exc: OSError) -> object:
    """Why the OS refused a file, in the reader's language where the error is a known one."""
    known = OS_REASONS.get(exc.errno or 0)
    return Message(known) if known else (exc.strerror or str(exc))
