"""Where an export goes: checked up front, written to a temporary file, renamed when complete.

An export stopped half way (Ctrl+C, a full disk, a bug) leaves no partial file behind, and an
existing file of the same name stays as it was until the new one is complete.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path

from vendordesk.errors import UserError
from vendordesk.text import N_

SUFFIXES = (".csv", ".xlsx")


def check_target(out: Path) -> str:
    """The format (``"csv"`` or ``"xlsx"``) of ``out``, or a refusal that says what to change."""
    suffix = out.suffix.lower()
    if suffix not in SUFFIXES:
        raise UserError(N_("{file}: the export file must end in .csv or .xlsx."), file=out)
    if not out.parent.is_dir():
        raise UserError(N_("Cannot write {file}: the folder {folder} does not exist."), file=out, folder=out.parent)
    if out.is_dir():
        raise UserError(N_("Cannot write {file}: it is a folder. Give a file name."), file=out)
    return suffix[1:]


@contextlib.contextmanager
def atomic_target(out: Path) -> Iterator[Path]:
    """A temporary path next to ``out``; renamed onto ``out`` when the block completes, removed
    when it fails or is interrupted."""
    temp = out.with_name(f".{out.name}.{os.getpid()}.part")
    try:
        yield temp
        os.replace(temp, out)
    except OSError as exc:
        _remove(temp)
        raise UserError(N_("Cannot write {file}: {reason}. Check the folder is writable and the disk has room."),
                        file=out, reason=exc.strerror or exc) from exc
    except BaseException:
        _remove(temp)
        raise


def _remove(path: Path) -> None:
    with contextlib.suppress(OSError):
        path.unlink()
