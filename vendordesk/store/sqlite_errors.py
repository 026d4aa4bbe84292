"""SQLite errors told apart: the environment's (the user can act) and bugs (qutebrowser's misc/sql.py idea).

A busy, read-only, full, failing, damaged or foreign file is the environment's: it becomes a
``WorkspaceError`` subclass whose message says what to do. Any other SQLite error (a syntax
error, a constraint the code should have respected, misuse) is a bug and is left as it is, so
it reaches the log and the crash dialog. Every message is one plain sentence set built in
``message()``, ready for a translation catalogue.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from vendordesk.errors import UserError, WorkspaceError
from vendordesk.text import texts


class WorkspaceBusy(WorkspaceError):
    """Another program held the workspace locked for longer than the busy timeout."""


class WorkspaceReadOnly(WorkspaceError):
    """The file, its folder or the medium cannot be written."""


class DiskFull(WorkspaceError):
    """No space left (or a file size limit) while writing."""


class WorkspaceIOError(WorkspaceError):
    """The operating system failed to read or write the file."""


class WorkspaceDamaged(WorkspaceError):
    """SQLite found the file corrupt."""


class NotAWorkspace(WorkspaceError):
    """The file is not an SQLite database at all."""


class WorkspaceTooOld(WorkspaceError):
    """An old development workspace whose schema numbers this version does not know."""


class WorkspaceTooNew(WorkspaceError):
    """Written by a newer VendorDesk."""


# SQLite primary result codes (sqlite3.h) -> the error to raise.
_PRIMARY = {
    5: WorkspaceBusy,        # SQLITE_BUSY
    6: WorkspaceBusy,        # SQLITE_LOCKED
    8: WorkspaceReadOnly,    # SQLITE_READONLY
    10: WorkspaceIOError,    # SQLITE_IOERR
    11: WorkspaceDamaged,    # SQLITE_CORRUPT
    13: DiskFull,            # SQLITE_FULL
    14: WorkspaceReadOnly,   # SQLITE_CANTOPEN (folder not writable, file vanished)
    15: WorkspaceBusy,       # SQLITE_PROTOCOL (lock race that did not settle)
    26: NotAWorkspace,       # SQLITE_NOTADB
}
_IOERR_WRITE_FULL = ("database or disk is full", "file too large")


def message(kind: type[WorkspaceError], path: Path | str | None, lang: str | None = None,
            **details: object) -> str:
    """The one place where the user-facing text of each kind is written (English by default, the
    log's language; ``localized`` renders it again in the UI language)."""
    _ = texts(lang)
    where = _("The workspace {path}", path=path) if path else _("The workspace")
    if kind is WorkspaceBusy:
        return _("{where} is locked by another program (for more than 10 seconds). Nothing was changed. "
                 "Close other VendorDesk windows or commands using it, or wait until a running import "
                 "or sync has finished, then try again.", where=where)
    if kind is WorkspaceReadOnly:
        return _("{where} cannot be written: the file, its folder or the drive is read-only. Nothing was "
                 "changed. Copy it to a writable folder, or allow writing to the file and its folder.", where=where)
    if kind is DiskFull:
        return _("{where} cannot be written: the disk is full. Nothing was changed. Free some space on "
                 "the drive, then try again.", where=where)
    if kind is WorkspaceIOError:
        return _("{where} could not be read or written (disk I/O error). Nothing was changed. Check that "
                 "the drive is still connected and healthy, then open the workspace again.", where=where)
    if kind is WorkspaceDamaged:
        return _("{where} is damaged. Nothing was changed. Restore it from a backup "
                 "(File > Backup makes one), or open another workspace.", where=where)
    if kind is NotAWorkspace:
        return _("{path} is not a VendorDesk workspace (it is not an SQLite database). Nothing was "
                 "changed. Pick a .vendordesk file, or a new file name to create one.", path=path)
    if kind is WorkspaceTooOld:
        return _("{where} is an older development workspace (schema {current}) that this "
                 "version no longer supports. Nothing was changed. Create a new workspace and import "
                 "your reports again.", where=where, current=details["current"])
    if kind is WorkspaceTooNew:
        return _("{where} was written by a newer VendorDesk (schema {current}, this version "
                 "knows up to {latest}). Nothing was changed. Update VendorDesk to open it.",
                 where=where, current=details["current"], latest=details["latest"])
    raise ValueError(kind)


KINDS = (WorkspaceBusy, WorkspaceReadOnly, DiskFull, WorkspaceIOError, WorkspaceDamaged, NotAWorkspace,
         WorkspaceTooOld, WorkspaceTooNew)


def make(kind: type[WorkspaceError], path: Path | str | None, **details: object) -> WorkspaceError:
    """The error with its English message; it remembers path and details for ``localized``."""
    exc = kind(message(kind, path, None, **details))
    exc.message_args = (path, details)
    return exc


def localized(exc: BaseException, lang: str | None) -> str:
    """The error's message in ``lang``: a workspace error is written again from its kind; text
    appended to the sentence (SQLite's own detail) is kept; anything else is shown as it is."""
    text = str(exc)
    kind = type(exc)
    if kind not in KINDS:
        return exc.text(lang) if isinstance(exc, UserError) else text
    args = getattr(exc, "message_args", None)
    if args is None:   # raised with message(kind, path) elsewhere: find the path it was written with
        path = getattr(exc, "path", None)
        try:
            english = message(kind, path)
        except KeyError:   # needs details it did not keep
            return text
        if not text.startswith(english):
            return text
        return message(kind, path, lang) + text[len(english):]
    path, details = args
    english = message(kind, path, **details)
    rest = text[len(english):] if text.startswith(english) else ""
    return message(kind, path, lang, **details) + rest


def kind_of(exc: sqlite3.Error) -> type[WorkspaceError] | None:
    """The environment's error this SQLite error stands for, or None when it is a bug."""
    code = getattr(exc, "sqlite_errorcode", None)
    text = str(exc).lower()
    if code is not None:
        if code & 0xFF == 10 and any(t in text for t in _IOERR_WRITE_FULL):
            return DiskFull
        return _PRIMARY.get(code & 0xFF)
    # Without a code (e.g. raised by the sqlite3 module itself), fall back to SQLite's wording.
    for needle, kind in (("database is locked", WorkspaceBusy), ("readonly", WorkspaceReadOnly),
                         ("disk is full", DiskFull), ("disk i/o error", WorkspaceIOError),
                         ("malformed", WorkspaceDamaged), ("not a database", NotAWorkspace)):
        if needle in text:
            return kind
    return None


def classify(exc: sqlite3.Error, path: Path | str | None) -> WorkspaceError | None:
    """A WorkspaceError for the user, or None: then ``exc`` is a bug and must be re-raised."""
    kind = kind_of(exc)
    if kind is WorkspaceIOError and path and _no_room(Path(path)):
        kind = DiskFull      # e.g. the -shm file could not grow: SQLite says only "disk I/O error"
    return None if kind is None else make(kind, path)


def _no_room(path: Path) -> bool:
    """The drive holding ``path`` has less free space than SQLite's smallest write (a 32 KB -shm page)."""
    import os

    try:
        stat = os.statvfs(path.parent)
    except (OSError, AttributeError):     # gone, or no statvfs (Windows)
        return False
    return stat.f_bavail * stat.f_frsize < 64 * 1024
