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
from vendordesk.errors import UserError

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


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="vendordesk",
        description="VendorDesk: KPI gears, tickets, price increases and forecasts for Amazon 1P vendors.",
    )
    parser.add_argument("--version", action="version", version=f"VendorDesk {__version__}")
    parser.add_argument("--workspace", metavar="PATH", default=None, help="workspace file to open")
    parser.add_argument("--lang", choices=("de", "en"), default=None,
                        help="language of the window and of the commands' output")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        module = importlib.import_module(name if "." in name else f"vendordesk.commands.{name}")
        module.register(subparsers)
    _lang_after_subcommand(subparsers)
    return parser


def _lang_after_subcommand(subparsers: argparse._SubParsersAction) -> None:
    """``--lang`` is accepted after every subcommand too (those that do not declare it themselves)."""
    for sub in subparsers.choices.values():
        nested = [a for a in sub._actions if isinstance(a, argparse._SubParsersAction)]
        for action in nested:
            _lang_after_subcommand(action)
        if not nested and "--lang" not in sub._option_string_actions:
            sub.add_argument("--lang", choices=("de", "en"), default=argparse.SUPPRESS,
                             help="language of the output (default: the app's language, else the system's)")


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
    parser = build_parser()
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

            print(f"vendordesk: unexpected error; details are in {log_file()}", file=sys.stderr)
            return 1
        log.warning("refused: %s (%s)", known, exc)
        from vendordesk.commands.common import printable

        print(printable(f"vendordesk: {known}"), file=sys.stderr)
        return 2
    except BrokenPipeError:           # `vendordesk … | head`: the reader has all it wanted
        return quiet_broken_pipe()
    except KeyboardInterrupt:
        print("vendordesk: interrupted; nothing was changed by the unfinished step.", file=sys.stderr)
        return 130
    except Exception:  # a bug: log it with the traceback, exit 1
        log.exception("unexpected error in command %s", args.command)
        from vendordesk.paths import log_file

        print(f"vendordesk: unexpected error; details are in {log_file()}", file=sys.stderr)
        return 1
    finally:
        remember_checks_in(None)
