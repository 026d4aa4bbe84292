"""Sentences built where the language is not known, translated where they are shown.

A reader in ``ingest`` writes its warnings (and the pieces of its refusals) before anyone knows who
will read them, so it keeps the catalogue message and its fields rather than finished text::

    report.warnings.append(Message.ngettext("{count} row repeats an ASIN",
                                            "{count} rows repeat an ASIN", n, count=Number(n)))

A ``Message`` is a ``str``: its value is the English sentence (what is logged, stored, compared in
tests), and ``text(lang)`` is the same sentence in ``lang``, its fields translated too when they
are deferred themselves (``Message``, ``Number``, ``Day``, ``Listing``). ``localized(value, lang)``
shows any value, deferred or not, in ``lang``; ``UserError.text`` uses it for its fields.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Literal, Protocol, runtime_checkable

from vendordesk.text.catalog import texts
from vendordesk.text.numbers import formatter

ListStyle = Literal["standard", "or"]


@runtime_checkable
class Deferred(Protocol):
    def text(self, lang: str | None) -> str: ...


def localized(value: object, lang: str | None) -> object:
    """``value`` in ``lang`` when it is deferred, else ``value`` itself (for ``str.format``)."""
    return value.text(lang) if isinstance(value, Deferred) else value


def reason(exc: BaseException) -> object:
    """What an exception says, keeping a ``Message`` it was raised with (``str(exc)`` would make it
    plain English): ``UserError(N_("… ({problem})"), problem=reason(exc))``."""
    first = exc.args[0] if len(exc.args) == 1 else None
    return first if isinstance(first, Deferred) else str(exc)


class Message(str):
    """A catalogue message with its fields; English as a ``str``, any language in ``text(lang)``."""

    msgid: str
    plural: str | None
    how_many: int | None          # picks the plural form (``str.count`` keeps its name)
    context: str | None
    values: dict[str, object]

    def __new__(cls, msgid: str, /, **values: object) -> Message:
        return cls._make(msgid, None, None, values)

    @classmethod
    def pgettext(cls, context: str, msgid: str, /, **values: object) -> Message:
        """A short word that needs its context: ``Message.pgettext("period", "week")``."""
        return cls._make(msgid, None, None, values, context)

    @classmethod
    def ngettext(cls, singular: str, plural: str, count: int, /, **values: object) -> Message:
        """A sentence with a number in it (``ngettext``); ``count`` picks the form."""
        return cls._make(singular, plural, count, values)

    @classmethod
    def _make(cls, msgid: str, plural: str | None, count: int | None, values: dict[str, object],
              context: str | None = None) -> Message:
        chosen = msgid if plural is None or count == 1 else plural
        self = super().__new__(cls, chosen.format(**values) if values else chosen)
        self.msgid, self.plural, self.how_many, self.context = msgid, plural, count, context
        self.values = dict(values)
        return self

    def text(self, lang: str | None) -> str:
        catalog = texts(lang).catalog
        if self.context is not None:
            text = catalog.pgettext(self.context, self.msgid)
        elif self.plural is None:
            text = catalog.gettext(self.msgid)
        else:
            text = catalog.ngettext(self.msgid, self.plural, self.how_many or 0)
        values = {key: localized(value, lang) for key, value in self.values.items()}
        return text.format(**values) if values else text

    def __reduce__(self) -> tuple[object, ...]:        # copy and pickle keep the deferred form
        return (Message._make, (self.msgid, self.plural, self.how_many, self.values, self.context))


class Number(str):
    """A number shown with the reader's digits (1.234 / 1,234); English as a ``str``.

    ``decimals=None`` shows it as it is (up to six decimals) and without thousands separators:
    where a text explains how a decimal mark was read, "1.234" must not be a grouped 1234."""

    value: float
    decimals: int | None

    def __new__(cls, value: float, decimals: int | None = 0) -> Number:
        self = super().__new__(cls, _number(value, decimals, None))
        self.value, self.decimals = value, decimals
        return self

    def text(self, lang: str | None) -> str:
        return _number(self.value, self.decimals, lang)

    def __reduce__(self) -> tuple[object, ...]:
        return (Number, (self.value, self.decimals))


def _number(value: float, decimals: int | None, lang: str | None) -> str:
    if decimals is not None:
        return formatter(lang).number(value, decimals)
    from babel.numbers import format_decimal

    return format_decimal(value, "0.######", locale=formatter(lang).locale)


class Day(str):
    """A calendar day: ISO (2026-03-01) as a ``str``, the reader's date (01.03.2026) in ``text``."""

    def __new__(cls, day: dt.date | str) -> Day:
        return super().__new__(cls, day.isoformat() if isinstance(day, dt.date) else str(day)[:10])

    def text(self, lang: str | None) -> str:
        return formatter(lang).date(str(self))

    def __reduce__(self) -> tuple[object, ...]:
        return (Day, (str(self),))


class Listing(str):
    """Items joined as the reader's language does it: "a, b and c" / "a, b und c" (``style="or"``:
    "a or b" / "a oder b")."""

    items: tuple[object, ...]
    style: ListStyle

    def __new__(cls, items: Iterable[object], style: ListStyle = "standard") -> Listing:
        shown = tuple(items)
        self = super().__new__(cls, _joined(shown, style, None))
        self.items, self.style = shown, style
        return self

    def text(self, lang: str | None) -> str:
        return _joined(self.items, self.style, lang)

    def __reduce__(self) -> tuple[object, ...]:
        return (Listing, (self.items, self.style))


class Joined(str):
    """Items joined by a fixed separator ("; "), each shown in the reader's language."""

    items: tuple[object, ...]
    separator: str

    def __new__(cls, items: Iterable[object], separator: str) -> Joined:
        shown = tuple(items)
        self = super().__new__(cls, separator.join(map(str, shown)))
        self.items, self.separator = shown, separator
        return self

    def text(self, lang: str | None) -> str:
        return self.separator.join(str(localized(item, lang)) for item in self.items)

    def __reduce__(self) -> tuple[object, ...]:
        return (Joined, (self.items, self.separator))


class Month(str):
    """A calendar month: "2026-03" as a ``str``, "März 2026" / "March 2026" in ``text``."""

    def __new__(cls, year: int, month: int) -> Month:
        return super().__new__(cls, f"{year:04d}-{month:02d}")

    def text(self, lang: str | None) -> str:
        from babel.dates import format_date

        return format_date(dt.date.fromisoformat(f"{self}-01"), "LLLL y", locale=formatter(lang).locale)

    def __reduce__(self) -> tuple[object, ...]:
        return (Month, (int(self[:4]), int(self[5:7])))


def _joined(items: tuple[object, ...], style: ListStyle, lang: str | None) -> str:
    from babel.lists import format_list

    return format_list([str(localized(item, lang)) for item in items], style=style,
                       locale=formatter(lang).locale)


__all__ = ["Day", "Deferred", "Joined", "Listing", "Message", "Month", "Number", "localized", "reason"]
