"""gettext catalogues for the Qt-free layers (domain ``vendordesk``, source language English)."""

from __future__ import annotations

import functools
import gettext
from dataclasses import dataclass
from pathlib import Path

DOMAIN = "vendordesk"
LOCALE_DIR = Path(__file__).resolve().parent.parent / "locale"
SOURCE_LANGUAGE = "en"
# Babel locale used for numbers and dates of each UI language (a catalogue may add its own).
REGIONS = {"de": "de_DE", "en": "en_GB"}


def N_(message: str) -> str:
    """Mark a string for extraction where it is defined; translate it where it is shown."""
    return message


def NP_(context: str, message: str) -> str:
    """``N_`` with a context (``pgettext``): ``NP_("gear", "Conversion")``."""
    return message


@dataclass(frozen=True)
class Texts:
    """The sentences of one language: ``_ = texts("de"); _("Net PPM after")``.

    Placeholders are ``str.format`` fields filled from the keywords: ``_("{n} ASINs", n=3)``.
    """

    lang: str
    catalog: gettext.NullTranslations

    def __call__(self, message: str, **values: object) -> str:
        text = self.catalog.gettext(message)
        return text.format(**values) if values else text

    def ngettext(self, singular: str, plural: str, count: int, **values: object) -> str:
        """A counted sentence: ``_.ngettext("{n} case", "{n} cases", 3, n=3)``."""
        text = self.catalog.ngettext(singular, plural, count)
        return text.format(**values) if values else text

    def pgettext(self, context: str, message: str, **values: object) -> str:
        """A short word that needs its context to be translated (``_.pgettext("gear", "Price")``)."""
        text = self.catalog.pgettext(context, message)
        return text.format(**values) if values else text


def available_languages() -> list[str]:
    found = {SOURCE_LANGUAGE}
    if LOCALE_DIR.is_dir():
        found |= {p.parent.parent.name for p in LOCALE_DIR.glob(f"*/LC_MESSAGES/{DOMAIN}.mo")}
    return sorted(found)


@functools.lru_cache(maxsize=16)
def texts(lang: str | None = None, locale_dir: Path | None = None) -> Texts:
    """The catalogue for ``lang`` ("de", "en", ...); unknown languages fall back to English."""
    lang = (lang or SOURCE_LANGUAGE).replace("-", "_").split("_")[0].lower()
    catalog = gettext.translation(DOMAIN, localedir=str(locale_dir or LOCALE_DIR), languages=[lang],
                                  fallback=True)
    return Texts(lang, catalog)
