"""``vendordesk demo PATH``: write the deterministic demo account (``vendordesk.ops.demo``)."""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from vendordesk.commands.common import add_lang_arg, language, progress_line
from vendordesk.ops.demo import write_demo
from vendordesk.text import N_, NP_, formatter, texts


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("demo", help=N_("write the demo workspace to PATH"))
    add_lang_arg(parser)
    parser.add_argument("path", metavar=NP_("metavar", "PATH"))
    parser.add_argument("--asins", type=int, default=150, metavar=NP_("metavar", "ASINS"))
    parser.add_argument("--weeks", type=int, default=104, metavar=NP_("metavar", "WEEKS"))
    parser.add_argument("--seed", type=int, default=7, metavar=NP_("metavar", "SEED"))
    parser.add_argument("--force", action="store_true", help=N_("replace an existing file"))
    parser.set_defaults(func=run)


def content_language(args: argparse.Namespace) -> str:
    """The language of the texts the demo writes (chargeback notes, contacts): ``--lang``, else the
    app's language setting, else German, the language of the German manufacturer's demo account
    (its tasks and cases are German); never the system's locale, which only picks the messages."""
    from vendordesk import settings

    return getattr(args, "lang", None) or settings.load().language or "de"


def run(args: argparse.Namespace) -> int:
    lang = language(args)
    _ = texts(lang)
    started = time.perf_counter()
    with progress_line(_("Writing {file}", file=Path(args.path).name)) as progress:
        path = write_demo(args.path, asins=args.asins, weeks=args.weeks, seed=args.seed, force=args.force,
                          lang=lang, content_lang=content_language(args), progress=progress).value
    seconds = formatter(lang).number(time.perf_counter() - started, 1)
    print(_("Demo workspace written: {file} ({asins} ASINs × {weeks} weeks, {seconds} s)",
            file=path, asins=args.asins, weeks=args.weeks, seconds=seconds))
    return 0
