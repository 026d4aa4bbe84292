"""Entry point of the frozen app (PyInstaller): ``VendorDesk [selftest | COMMAND ...]``.

Without arguments it opens the window, like the ``vendordesk`` command; every headless
subcommand works too, so the built bundle can run ``VendorDesk selftest`` in CI.
"""

from __future__ import annotations

import multiprocessing
import os
import sys


def _ensure_streams() -> None:
    """A windowed build on Windows has no console: give print() somewhere to go."""
    for name in ("stdout", "stderr"):
        if getattr(sys, name) is None:
            setattr(sys, name, open(os.devnull, "w", encoding="utf-8"))  # noqa: SIM115 - lives as long as the app


def main() -> int:
    multiprocessing.freeze_support()
    _ensure_streams()
    from vendordesk.cli import main as cli_main

    return cli_main(sys.argv[1:])


if __name__ == "__main__":
    sys.exit(main())
