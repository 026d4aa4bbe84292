"""Operations: one Qt-free function per user action, shared by the window and the command line.

An op takes the workspace path (or an open workspace), its arguments, ``progress`` and
``cancelled``, composes store, ingest, briefs and core, and returns an ``OpResult`` that says what
it changed. The command line prints the result; the window's one runner (``ui/operations.py``)
runs it off the GUI thread and broadcasts ``result.changes`` to the tabs. Nothing above ops
(ui, commands) reaches below it.
"""

from vendordesk.ops.base import Cancelled, OpResult, Progress, never_cancelled, no_progress

__all__ = ["Cancelled", "OpResult", "Progress", "never_cancelled", "no_progress"]
