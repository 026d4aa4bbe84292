"""Errors the user can act on, told apart from bugs.

A ``UserError`` carries a one-paragraph message that names the file, row or field,
says what is wrong and what to do. The CLI prints it on stderr and exits 2; the GUI
shows it in a dialog. Anything else is a bug: exit 1, crash dialog, log entry.
"""

from __future__ import annotations


class UserError(Exception):
    """Refused input or an unusable workspace; the message is for the user.

    Raised with a catalogue message id (marked ``N_``) and its fields,
    ``UserError(N_("{file}: the file is empty."), file=name)``, ``str(exc)`` is the English text and
    ``exc.text(lang)`` the same sentence in the language of whoever shows it (the window, the
    command line). A field may itself be deferred (``vendordesk.text.Message``, ``Number``,
    ``Listing`` ...): it is translated with the sentence. A message raised as finished text is
    shown as it is.
    """

    def __init__(self, message: str = "", /, **values: object) -> None:
        self.msgid = message
        self.values = values
        super().__init__(message.format(**values) if values else message)

    def text(self, lang: str | None) -> str:
        """The message in ``lang`` (English when the catalogue has no translation)."""
        shown = str(self)
        english = self.msgid.format(**self.values) if self.values else self.msgid
        if not self.msgid or not shown.startswith(english):
            return shown          # raised as finished text, or rewritten since
        from vendordesk.text import localized, texts

        values = {key: localized(value, lang) for key, value in self.values.items()}
        return texts(lang)(self.msgid, **values) + shown[len(english):]

    def renamed(self, old: str, new: str) -> UserError:
        """The same refusal naming ``new`` where it named ``old`` (a file read under another name)."""
        from vendordesk.text.deferred import Deferred

        values = {key: value.replace(old, new) if isinstance(value, str) and not isinstance(value, Deferred)
                  else value for key, value in self.values.items()}
        if not values:
            return UserError(str(self).replace(old, new))
        return UserError(self.msgid, **values)


class WorkspaceError(UserError):
    """The workspace file cannot be opened or used as it is."""

    #: (path, details) the English message was written with (``store.sqlite_errors.make``)
    message_args: tuple[object, dict[str, object]] | None = None


class Cancelled(Exception):
    """Long work stopped because the user cancelled it."""
