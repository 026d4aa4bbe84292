"""The calibration's notes in the reader's language.

A link's note is written when the calibration runs, before anyone knows who will read it, and it
is stored as JSON in the workspace. So each link keeps the English sentence in ``note`` (what
``calibrate --json`` prints and tests compare) and the catalogue message with its fields in
``note_msg`` (``dump``); ``note_text(link, lang)`` shows it in ``lang`` (numbers through Babel).
A calibration stored before ``note_msg`` existed shows its English note, translated where the
whole note is one catalogue message without fields (the documented defaults' notes).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from vendordesk.text import Joined, Message, Number, formatter, texts


class Signed(str):
    """A number with its sign, always: +0.8 / -0,8 (``Formatter.number(signed=True)``)."""

    value: float
    decimals: int

    def __new__(cls, value: float, decimals: int = 0) -> Signed:
        self = super().__new__(cls, formatter(None).number(value, decimals, signed=True))
        self.value, self.decimals = float(value), decimals
        return self

    def text(self, lang: str | None) -> str:
        return formatter(lang).number(self.value, self.decimals, signed=True)

    def __reduce__(self) -> tuple[object, ...]:
        return (Signed, (self.value, self.decimals))


def dump(value: object) -> Any:
    """A note (``Message``, ``Joined``, ``Number``, ``Signed`` or plain text) as JSON data."""
    if isinstance(value, Message):
        return {"msgid": value.msgid, "plural": value.plural, "count": value.how_many,
                "context": value.context, "values": {k: dump(v) for k, v in value.values.items()}}
    if isinstance(value, Joined):
        return {"joined": [dump(v) for v in value.items], "separator": value.separator}
    if isinstance(value, Signed):
        return {"signed": value.value, "decimals": value.decimals}
    if isinstance(value, Number):
        return {"number": value.value, "decimals": value.decimals}
    return str(value)


def load(data: Any) -> object:
    """``dump``'s inverse (unknown shapes come back as their text)."""
    if isinstance(data, str):
        return data
    if not isinstance(data, dict):
        return str(data)
    if "msgid" in data:
        values = {str(k): load(v) for k, v in (data.get("values") or {}).items()}
        if data.get("plural") is not None:
            return Message.ngettext(data["msgid"], data["plural"], int(data.get("count") or 0), **values)
        if data.get("context") is not None:
            return Message.pgettext(data["context"], data["msgid"], **values)
        return Message(data["msgid"], **values)
    if "joined" in data:
        return Joined([load(v) for v in data["joined"]], str(data.get("separator", "; ")))
    if "signed" in data:
        return Signed(float(data["signed"]), int(data.get("decimals") or 0))
    if "number" in data:
        decimals = data.get("decimals")
        return Number(float(data["number"]), None if decimals is None else int(decimals))
    return str(data)


def note_text(link: Mapping[str, Any] | None, lang: str | None, key: str = "note") -> str:
    """The link's note in ``lang`` (``key``: "note", or "reason" for the graph's mirrored links)."""
    if not link:
        return ""
    stored = link.get(f"{key}_msg")
    if stored is not None:
        note = load(stored)
        return note.text(lang) if isinstance(note, Message | Joined) else str(note)
    return texts(lang)(str(link.get(key) or "")) if link.get(key) else ""
