"""Text and numbers outside Qt: gettext catalogues and Babel (CLDR) formatting.

Core, ingest, store, briefs and the command line build their sentences with ``texts(lang)`` and
their numbers with ``formatter(lang)``; no code branches on the language. Where the language is not
known yet (a reader's warnings), ``Message`` keeps the message and its fields for later
(``vendordesk.text.deferred``). A new language is a new
catalogue (``vendordesk/locale/<lang>/LC_MESSAGES/vendordesk.po``), nothing else.
"""

from vendordesk.text.catalog import N_, NP_, Texts, available_languages, texts
from vendordesk.text.deferred import Day, Joined, Listing, Message, Month, Number, localized, reason
from vendordesk.text.numbers import Formatter, formatter

__all__ = ["N_", "NP_", "Day", "Formatter", "Joined", "Listing", "Message", "Month", "Number", "Texts", "available_languages",
           "formatter", "localized", "reason", "texts"]
