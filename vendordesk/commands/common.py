"""Helpers shared by the headless commands."""

from __future__ import annotations

import argparse
import json
import math
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TextIO

from vendordesk.ops.workspace import Workspace
from vendordesk.text import N_, NP_, Texts, texts

LANGUAGES = ("de", "en")


def add_workspace_arg(parser: argparse.ArgumentParser) -> None:
    """``--workspace PATH`` after the subcommand (it also works before it)."""
    parser.add_argument("--workspace", metavar=NP_("metavar", "PATH"), default=argparse.SUPPRESS,
                        help=N_("workspace file (default: the one in the data folder)"))


def workspace_path(args: argparse.Namespace) -> Path:
    from vendordesk.paths import default_workspace

    value = getattr(args, "workspace", None)
    return Path(value).expanduser() if value else default_workspace()


def open_from_args(args: argparse.Namespace, create: bool = False) -> Workspace:
    from vendordesk.ops.workspace import open_path

    return open_path(workspace_path(args), create=create)


def add_lang_arg(parser: argparse.ArgumentParser) -> None:
    """``--lang de|en`` after the subcommand (it also works before it)."""
    parser.add_argument("--lang", choices=LANGUAGES, default=argparse.SUPPRESS,
                        help=N_("language of the output (default: the app's language, else the system's)"))


def language(args: argparse.Namespace | None = None) -> str:
    """``--lang``, else the language setting, else the system's locale ("de" or "en")."""
    import locale
    import os

    from vendordesk import settings

    chosen = getattr(args, "lang", None) if args is not None else None
    if chosen:
        return chosen
    configured = settings.load().language
    if configured:
        return configured
    system = os.environ.get("LC_ALL") or os.environ.get("LANG") or (locale.getlocale()[0] or "")
    return "de" if system.lower().startswith("de") else "en"


def texts_for(args: argparse.Namespace | None = None) -> Texts:
    """The catalogue of the command's language (see ``language``)."""
    return texts(language(args))


def error_text(exc: BaseException, args: argparse.Namespace | None = None) -> str:
    """A refusal in the command's language (``UserError.text``; workspace errors by their kind)."""
    from vendordesk.ops.workspace import error_text as localized

    try:
        lang = language(args)
    except Exception:        # an unreadable settings file must not hide the refusal itself
        lang = None
    return localized(exc, lang)


def printable(text: object) -> str:
    """``text`` with control characters escaped (``\\n``, ``\\x1b``, ``\\u2028``...).

    File names may contain newlines or terminal escapes; printed raw they could forge output
    lines ("vendordesk: ... imported") or recolour the terminal. Everything the CLI prints
    that carries a file name or a message quoting one goes through here.
    """
    out = []
    for char in str(text):
        if char.isprintable() or char == " ":
            out.append(char)
        else:
            escaped = char.encode("unicode_escape").decode("ascii")
            out.append(escaped if escaped != char else f"\\u{ord(char):04x}")
    return "".join(out)


def _finite(value: Any) -> Any:
    """NaN and infinities are no JSON: a value that is not a finite number is missing (null)."""
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, dict):
        return {key: _finite(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [_finite(item) for item in value]
    return value


def print_json(document: Any) -> None:
    """One strict JSON document on stdout (RFC 8259: no NaN or Infinity)."""
    json.dump(_finite(document), sys.stdout, ensure_ascii=False, indent=2, default=str, allow_nan=False)
    sys.stdout.write("\n")


class TerminalProgress:
    """A progress line on stderr, only when stderr is a terminal (never in pipes or logs).

    Called with the fraction done (0..1), as every op's ``progress`` callback is."""

    def __init__(self, label: str, stream: TextIO | None = None):
        self.stream = stream or sys.stderr
        self.label = label
        self.on = bool(getattr(self.stream, "isatty", lambda: False)())
        self.shown = -1

    def __call__(self, fraction: float) -> None:
        percent = max(0, min(100, int(fraction * 100)))
        if self.on and percent != self.shown:
            self.shown = percent
            self.stream.write(f"\r{self.label}: {percent:3d} %")
            self.stream.flush()

    def done(self) -> None:
        if self.on and self.shown >= 0:
            self.stream.write("\n")
            self.stream.flush()
            self.shown = -1


@contextmanager
def progress_line(label: str, stream: TextIO | None = None) -> Iterator[TerminalProgress]:
    """``with progress_line(_("Reading …")) as progress: op(..., progress=progress)``.

    The line ends before anything else is printed, also when the job fails or Ctrl+C (the
    command line's cancel) stops it; cli.main then says that nothing unfinished was kept."""
    progress = TerminalProgress(label, stream)
    progress(0.0)          # the line appears when the job starts, whatever the op reports later
    try:
        yield progress
    finally:
        progress.done()
