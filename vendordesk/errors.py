"""Errors the user can act on, told apart from bugs.

A ``UserError`` carries a one-paragraph message that names the file, row or field,
says what is wrong and what to do. The CLI prints it on stderr and exits 2; the GUI
shows it in a dialog. Anything else is a bug: exit 1, crash dialog, log entry.
"""


class UserError(Exception):
    """Refused input or an unusable workspace; the message is for the user."""


class WorkspaceError(UserError):
    """The workspace file cannot be opened or used as it is."""


class Cancelled(Exception):
    """Long work stopped because the user cancelled it."""
