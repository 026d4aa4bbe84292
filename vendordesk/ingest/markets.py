"""Amazon marketplaces: country code -> marketplace id, and each marketplace's currency."""

from __future__ import annotations

MARKETPLACES = {
    "US": "ATVPDKIKX0DER", "CA": "A2EUQ1WTGCTBG2", "MX": "A1AM78C64UM0Y8", "BR": "A2Q3Y263D00KWC",
    "UK": "A1F83G8C2ARO7P", "GB": "A1F83G8C2ARO7P", "DE": "A1PA6795UKMFR9", "FR": "A13V1IB3VIYZZH",
    "IT": "APJ6JRA9NG5V4", "ES": "A1RKKUPIHCS9HS", "NL": "A1805IZSGTT6HS", "SE": "A2NODRKZP88ZB9",
    "PL": "A1C3SOZRARQ6R3", "BE": "AMEN7PMS3EDWL", "IE": "A28R8C7NBKEWEA", "TR": "A33AVAJ2PDY3EV",
    "AE": "A2VIGQ35RCS4UG", "SA": "A17E79C6D8DC", "EG": "ARBP9OOSHTCHU", "IN": "A21TJRUUN4KGV",
    "JP": "A1VC38T7YXB528", "AU": "A39IBJ37TRP1C6", "SG": "A19VAU5U5O7RUS",
}
_CURRENCY = {"US": "USD", "CA": "CAD", "MX": "MXN", "BR": "BRL", "UK": "GBP", "DE": "EUR", "FR": "EUR",
             "IT": "EUR", "ES": "EUR", "NL": "EUR", "SE": "SEK", "PL": "PLN", "BE": "EUR", "IE": "EUR",
             "TR": "TRY", "AE": "AED", "SA": "SAR", "EG": "EGP", "IN": "INR", "JP": "JPY", "AU": "AUD",
             "SG": "SGD"}
# The currency Vendor Central reports a marketplace's amounts in (used only when a file names none).
CURRENCY_OF = {MARKETPLACES[code]: currency for code, currency in _CURRENCY.items()}
