"""The ``vendordesk`` command: the window by default, headless subcommands otherwise.

Exit status: 0 ok, 2 refused input (message on stderr), 1 bug. Each subcommand lives in
its own module under ``vendordesk.commands`` and registers itself through ``register``.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import sqlite3
import sys

from vendordesk import __version__
from vendordesk.commands.parser import localize, parser_class
from vendordesk.errors import UserError
from vendordesk.text import N_, NP_, texts

# Modules that provide ``register(subparsers)``: a bare name is one under vendordesk.commands; the
# selftest starts the window, so it lives on the ui side (commands never import ui).
COMMAND_MODULES = (
    "demo",
    "backup",
    "vendordesk.ui.window.selftest",
    "export",
    "tickets",
    "import_",
    "negotiation",
    "brief",
    "simulate",
    "calibrate",
    "forecast",
    "gears",
    "sync",
    "events",
)

log = logging.getLogger(__name__)


def build_parser(lang: str | None = None) -> argparse.ArgumentParser:
    """The whole command line, its help and argparse's own words in ``lang`` (English when None)."""
    _ = texts(lang)
    parser = parser_class(_)(
        prog="vendordesk",
        description=N_("VendorDesk: KPI gears, tickets, price increases and forecasts for Amazon 1P vendors."),
    )
    parser.add_argument("--version", action="version", version=f"VendorDesk {__version__}")
    parser.add_argument("--workspace", metavar=NP_("metavar", "PATH"), default=None,
                        help=N_("workspace file to open"))
    parser.add_argument("--lang", choices=("de", "en"), default=None,
                        help=N_("language of the window and of the commands' output"))
    subparsers = parser.add_subparsers(dest="command", metavar=NP_("metavar", "COMMAND"))
    for name in COMMAND_MODULES:
        module = importlib.import_module(name if "." in name else f"vendordesk.commands.{name}")
        module.register(subparsers)
    _lang_after_subcommand(subparsers)
    return localize(parser, _)


# The help of the window's own subcommand (it registers itself from the ui side, which the
# catalogue of the Qt-free layers does not read).
UI_COMMAND_HELP = (N_("smoke test: build the window offscreen, render every tab"),)


def _lang_after_subcommand(subparsers: argparse._SubParsersAction) -> None:
    """``--lang`` is accepted after every subcommand too (those that do not declare it themselves)."""
    from vendordesk.commands.common import add_lang_arg

    for sub in subparsers.choices.values():
        nested = [a for a in sub._actions if isinstance(a, argparse._SubParsersAction)]
        for action in nested:
            _lang_after_subcommand(action)
        if not nested and "--lang" not in sub._option_string_actions:
            add_lang_arg(sub)


def chosen_language(argv: list[str]) -> str:
    """The language of this run, known before the parser is built (its help is in it): ``--lang``
    wherever it stands, else the app's setting, else the system's (``commands.common.language``)."""
    from vendordesk.commands.common import LANGUAGES, language

    scout = argparse.ArgumentParser(add_help=False, exit_on_error=False)
    scout.add_argument("--lang", default=None)
    try:
        given = scout.parse_known_args(argv)[0].lang
    except argparse.ArgumentError:        # "--lang" without a value: the real parser says so
        given = None
    try:
        return language(argparse.Namespace(lang=given if given in LANGUAGES else None))
    except Exception:                     # an unreadable settings file must not stop the command line
        return "en"


SIGPIPE_EXIT = 141   # 128 + SIGPIPE, what a shell reports for a writer whose reader left


def quiet_broken_pipe() -> int:
    """The reader of stdout has gone: point stdout at devnull so the final flush at exit
    cannot raise again (Python's documented recipe), and end without a message."""
    import os

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass
    return SIGPIPE_EXIT


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    parser = build_parser(chosen_language(argv))
    args = parser.parse_args(argv)
    from vendordesk.logsetup import setup_logging

    setup_logging(console=args.command is not None)
    from vendordesk.paths import config_dir
    from vendordesk.store.db import remember_checks_in

    remember_checks_in(config_dir() / "checked_workspaces.json")   # see store.db: unchanged files skip quick_check
    try:
        if args.command is None:
            from vendordesk.app import run_gui

            return run_gui(args)
        return int(args.func(args) or 0)
    except UserError as exc:
        from vendordesk.commands.common import error_text, printable

        print(printable(f"vendordesk: {error_text(exc, args)}"), file=sys.stderr)
        return 2
    except sqlite3.Error as exc:      # read paths outside Workspace.transaction()
        from vendordesk.store.sqlite_errors import classify

        known = classify(exc, getattr(args, "workspace", None))
        if known is None:
            log.exception("unexpected SQLite error in command %s", args.command)
            from vendordesk.paths import log_file

            print(_unexpected(args, log_file()), file=sys.stderr)
            return 1
        log.warning("refused: %s (%s)", known, exc)
        from vendordesk.commands.common import error_text, printable

        print(printable(f"vendordesk: {error_text(known, args)}"), file=sys.stderr)
        return 2
    except BrokenPipeError:           # `vendordesk … | head`: the reader has all it wanted
        return quiet_broken_pipe()
    except KeyboardInterrupt:
        print(_said(args, N_("vendordesk: interrupted; nothing was changed by the unfinished step.")), file=sys.stderr)
        return 130
    except Exception:  # a bug: log it with the traceback, exit 1
        log.exception("unexpected error in command %s", args.command)
        from vendordesk.paths import log_file

        print(_unexpected(args, log_file()), file=sys.stderr)
        return 1
    finally:
        remember_checks_in(None)


def _said(args: argparse.Namespace, message: str, **values: object) -> str:
    """``message`` in the command's language; English when even the language cannot be found
    (these lines are printed when something already went wrong)."""
    from vendordesk.commands.common import language

    try:
        lang = language(args)
    except Exception:
        lang = None
    return texts(lang)(message, **values)


def _unexpected(args: argparse.Namespace, log: object) -> str:
    return _said(args, N_("vendordesk: unexpected error; details are in {log}"), log=log)
