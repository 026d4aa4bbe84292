"""``vendordesk calibrate [--workspace PATH] [--json]``: calibrate the what-if model on the
workspace's own history and store it (the window's Calibrate button runs the same op,
``vendordesk.ops.calibrate``). Prints each link with estimate, 10-90 % interval, data used and
a note; links with too little data keep their documented default and say so."""

from __future__ import annotations

import argparse

from vendordesk.commands.common import add_lang_arg, add_workspace_arg, print_json, progress_line, texts_for, workspace_path
from vendordesk.text import N_, formatter


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("calibrate", help=N_("calibrate the what-if model on this workspace's history"))
    add_workspace_arg(parser)
    add_lang_arg(parser)
    parser.add_argument("--json", action="store_true", help=N_("print one JSON document"))
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from vendordesk.core.influence.cal_links import LINK_CONTEXT, LINK_NAMES  # numpy and pandas: this command's
    from vendordesk.core.influence.notes import note_text
    from vendordesk.ops.calibrate import calibrate

    _ = texts_for(args)
    path = workspace_path(args)
    with progress_line(_("Calibrating on {file}", file=path.name)) as progress:
        result = calibrate(path, progress=progress).value
    if args.json:
        print_json(result)
        return 0
    fmt = formatter(_.lang)
    print(_("Calibrated on {weeks} weeks × {asins} ASINs ({first} to {last}); stored in the workspace.",
            weeks=result["weeks"], asins=result["asins"], first=fmt.date(result["first_week"]),
            last=fmt.date(result["last_week"])))
    value = lambda x: fmt.number(x, 3, signed=True)
    names = {key: _.pgettext(LINK_CONTEXT, LINK_NAMES[key]) if key in LINK_NAMES else key for key in result["links"]}
    width = max((len(n) for n in names.values()), default=0)
    for key, link in result["links"].items():
        state = _("calibrated") if link["status"] == "calibrated" else _("DEFAULT")
        print(f"  {names[key]:{width}s}  {state:<10} {value(link['estimate']):>6}  [{value(link['low'])}, {value(link['high'])}]  "
              + _("{weeks} wk, {asins} ASINs", weeks=link["weeks"], asins=link["asins"]) + f"  {note_text(link, _.lang)}")
    return 0
