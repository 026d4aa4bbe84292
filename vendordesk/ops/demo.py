"""Write the deterministic demo account."""

from __future__ import annotations

from pathlib import Path

from vendordesk.changes import Changes
from vendordesk.errors import UserError
from vendordesk.ops.base import Cancelled, OpResult, Progress, never_cancelled, no_progress
from vendordesk.text import texts


def write_demo(path: Path, asins: int = 150, weeks: int = 104, seed: int = 7, force: bool = False, lang: str = "en",
               progress: Progress = no_progress, cancelled: Cancelled = never_cancelled,
               content_lang: str = "de") -> OpResult[Path]:
    """Build the demo workspace at ``path`` (replacing it only with ``force``); the value is ``path``.
    ``lang`` is the language of the refusals, ``content_lang`` that of the texts the demo writes."""
    from vendordesk.demo import build_demo

    _ = texts(lang)
    path = Path(path).expanduser()
    if path.exists() and not force:
        raise UserError(_("{file} already exists. Nothing was changed. Choose a new file name, "
                          "or add --force to replace it.", file=path))
    if not 1 <= asins <= 5000:
        raise UserError(_("--asins must be between 1 and 5000."))
    if not 8 <= weeks <= 260:
        raise UserError(_("--weeks must be between 8 and 260."))
    if path.exists():
        path.unlink()
    build_demo(path, asins=asins, weeks=weeks, seed=seed, progress=progress, lang=content_lang)
    return OpResult(path, Changes.everything())
