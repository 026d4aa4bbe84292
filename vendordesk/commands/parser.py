"""The command line's parser in the user's language: our help texts and argparse's own words.

argparse writes its words ("usage: ", "options", "the following arguments are required: %s", ...)
through the ``_``/``ngettext`` names it imported from ``gettext``. Two steps make them German:

* ``localize(parser, texts)`` walks the finished parser once and translates what was fixed when it
  was built: descriptions, group titles, help texts, metavars (``NP_("metavar", "FILE")``) and the
  names of value types ("invalid int value" names the type);
* a parser of ``parser_class(texts)`` lets argparse look its words up in our catalogue only while
  one of its own calls runs (parsing, formatting help and usage, reporting an error), and gives
  argparse back its own functions right after, so nothing outside the command line sees a change.

The English words argparse uses are catalogue messages here (``ARGPARSE_MESSAGES``), so the German
ones sit in ``vendordesk.po`` beside the rest.
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any, NoReturn

from vendordesk.text import N_, NP_, Texts

# What argparse (Python 3.11-3.13) says to a user, word for word: its msgids, so that the catalogue
# carries them. Messages that only a programmer sees (conflicting options, ...) are left out.
ARGPARSE_MESSAGES = (
    N_("usage: "),
    N_("positional arguments"),
    N_("options"),
    N_("show this help message and exit"),
    N_("show program's version number and exit"),
    N_("%(prog)s: error: %(message)s\n"),
    N_("argument %(argument_name)s: %(message)s"),
    N_("unrecognized arguments: %s"),
    N_("the following arguments are required: %s"),
    N_("one of the arguments %s is required"),
    N_("not allowed with argument %s"),
    N_("ignored explicit argument %r"),
    N_("ambiguous option: %(option)s could match %(matches)s"),
    N_("expected one argument"),
    N_("expected at most one argument"),
    N_("expected at least one argument"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"),
    N_("invalid %(type)s value: %(value)r"),
    N_("unknown parser %(parser_name)r (choices: %(choices)s)"),
)

# The value types our options use, by the name an "invalid ... value" message gives them.
TYPE_NAMES: dict[Callable[[str], Any], str] = {
    int: NP_("argument type", "int"),
    float: NP_("argument type", "float"),
    dt.date.fromisoformat: NP_("argument type", "date"),
}


@contextmanager
def argparse_speaks(texts: Texts) -> Iterator[None]:
    """argparse's words from ``texts`` for the duration of the block, its own ones again after."""
    saved = argparse._, argparse.ngettext          # type: ignore[attr-defined]
    argparse._, argparse.ngettext = texts.catalog.gettext, texts.catalog.ngettext   # type: ignore[attr-defined]
    try:
        yield
    finally:
        argparse._, argparse.ngettext = saved      # type: ignore[attr-defined]


class LocalizedParser(argparse.ArgumentParser):
    """An ``ArgumentParser`` whose own words come from ``texts`` (see ``parser_class``)."""

    texts: Texts

    def parse_args(self, args: Sequence[str] | None = None,     # type: ignore[override]
                   namespace: argparse.Namespace | None = None) -> argparse.Namespace:
        with argparse_speaks(self.texts):
            return super().parse_args(args, namespace)

    def parse_known_args(self, args: Sequence[str] | None = None,     # type: ignore[override]
                         namespace: argparse.Namespace | None = None) -> tuple[argparse.Namespace, list[str]]:
        with argparse_speaks(self.texts):
            return super().parse_known_args(args, namespace)

    def format_usage(self) -> str:
        with argparse_speaks(self.texts):
            return super().format_usage()

    def format_help(self) -> str:
        with argparse_speaks(self.texts):
            return super().format_help()

    def error(self, message: str) -> NoReturn:
        with argparse_speaks(self.texts):
            super().error(message)


@functools.lru_cache(maxsize=8)
def parser_class(texts: Texts) -> type[LocalizedParser]:
    """The parser class of one language; subcommands' parsers inherit it (argparse builds them
    with the class of their parent)."""
    return type(f"LocalizedParser_{texts.lang}", (LocalizedParser,), {"texts": texts})


def _named(convert: Callable[[str], Any], name: str) -> Callable[[str], Any]:
    def typed(text: str) -> Any:
        return convert(text)

    typed.__name__ = name
    return typed


def _translated(texts: Texts, text: str | None) -> str | None:
    if not text or text == argparse.SUPPRESS:
        return text
    return texts(text)


def localize(parser: argparse.ArgumentParser, texts: Texts) -> argparse.ArgumentParser:
    """Translate, in place, every text ``parser`` and its subcommands show; ``parser`` for chaining."""
    parser.description = _translated(texts, parser.description)
    parser.epilog = _translated(texts, parser.epilog)
    for group in parser._action_groups:
        group.title = _translated(texts, group.title)
        group.description = _translated(texts, group.description)
    for action in parser._actions:
        action.help = _translated(texts, action.help)
        if isinstance(action.metavar, str):
            action.metavar = texts.pgettext("metavar", action.metavar)
        elif not action.option_strings and action.metavar is None and action.choices:
            # a positional is named by its dest in errors ("required: kind"); name it by its choices
            action.metavar = "{" + ",".join(map(str, action.choices)) + "}"
        if action.type in TYPE_NAMES:
            convert = action.type
            action.type = _named(convert, texts.pgettext("argument type", TYPE_NAMES[convert]))
        if isinstance(action, argparse._SubParsersAction):
            for choice in action._choices_actions:
                choice.help = _translated(texts, choice.help)
            for sub in {id(p): p for p in action.choices.values()}.values():
                localize(sub, texts)
    return parser
