"""Amazon marketplace IDs (as in report headers and SP-API documents) -> the shop a KAM knows."""

from __future__ import annotations

MARKETPLACES = {
    "A1PA6795UKMFR9": "Amazon.de", "A1F83G8C2ARO7P": "Amazon.co.uk", "A13V1IB3VIYZZH": "Amazon.fr",
    "APJ6JRA9NG5V4": "Amazon.it", "A1RKKUPIHCS9HS": "Amazon.es", "A1805IZSGTT6HS": "Amazon.nl",
    "A2NODRKZP88ZB9": "Amazon.se", "A1C3SOZRARQ6R3": "Amazon.pl", "AMEN7PMS3EDWL": "Amazon.com.be",
    "A28R8C7NBKEWEA": "Amazon.ie", "A33AVAJ2PDY3EV": "Amazon.com.tr", "ATVPDKIKX0DER": "Amazon.com",
    "A2EUQ1WTGCTBG2": "Amazon.ca", "A1AM78C64UM0Y8": "Amazon.com.mx", "A1VC38T7YXB528": "Amazon.co.jp",
}


def marketplace_name(marketplace_id: str | None) -> str | None:
    """"Amazon.de" for A1PA6795UKMFR9; an unknown ID is returned as it is, None stays None."""
    if not marketplace_id:
        return None
    return MARKETPLACES.get(marketplace_id.strip().upper(), marketplace_id)


#: The currency each marketplace sells in (its reports' money, when a report names none).
CURRENCIES = {
    "A1PA6795UKMFR9": "EUR", "A1F83G8C2ARO7P": "GBP", "A13V1IB3VIYZZH": "EUR", "APJ6JRA9NG5V4": "EUR",
    "A1RKKUPIHCS9HS": "EUR", "A1805IZSGTT6HS": "EUR", "A2NODRKZP88ZB9": "SEK", "A1C3SOZRARQ6R3": "PLN",
    "AMEN7PMS3EDWL": "EUR", "A28R8C7NBKEWEA": "EUR", "A33AVAJ2PDY3EV": "TRY", "ATVPDKIKX0DER": "USD",
    "A2EUQ1WTGCTBG2": "CAD", "A1AM78C64UM0Y8": "MXN", "A1VC38T7YXB528": "JPY",
}


def currency_of(marketplace_id: object) -> str | None:
    """"EUR" for Amazon.de (A1PA6795UKMFR9); None for an unknown or missing marketplace."""
    if not isinstance(marketplace_id, str):
        return None
    return CURRENCIES.get(marketplace_id.strip().upper())
