"""``vendordesk demo PATH``: write the deterministic demo account."""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from vendordesk.errors import UserError


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("demo", help="write the demo workspace to PATH")
    parser.add_argument("path", metavar="PATH")
    parser.add_argument("--asins", type=int, default=150)
    parser.add_argument("--weeks", type=int, default=104)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--force", action="store_true", help="replace an existing file")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from vendordesk.demo import build_demo

    path = Path(args.path).expanduser()
    if path.exists() and not args.force:
        raise UserError(f"{path} already exists. Nothing was changed. Choose a new file name, "
                        "or add --force to replace it.")
    if not 1 <= args.asins <= 5000:
        raise UserError("--asins must be between 1 and 5000.")
    if not 8 <= args.weeks <= 260:
        raise UserError("--weeks must be between 8 and 260.")
    started = time.perf_counter()
    if path.exists():
        path.unlink()
    from vendordesk.commands.export import TerminalProgress

    progress = TerminalProgress(f"Writing {path.name}")
    build_demo(path, asins=args.asins, weeks=args.weeks, seed=args.seed, progress=progress)
    progress.done()
    print(f"Demo workspace written: {path} ({args.asins} ASINs x {args.weeks} weeks, "
          f"{time.perf_counter() - started:.1f} s)")
    return 0
