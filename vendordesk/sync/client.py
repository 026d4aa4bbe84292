"""The python-amazon-sp-api Reports client, built from keyring credentials only.

Credentials come from ``vendordesk.secrets`` as a dict; environment variables, the library's
``credentials.yml`` and AWS Secrets Manager are never consulted. ``Endpoint`` points the real
library code at another host (the local fake in tests); the default is Amazon.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from types import SimpleNamespace

from vendordesk.errors import UserError
from vendordesk.secrets import Credentials
from vendordesk.text import N_

# httpx logs every URL at INFO; pre-signed document URLs do not belong in our log.
logging.getLogger("httpx").setLevel(logging.WARNING)
logging.getLogger("httpcore").setLevel(logging.WARNING)
# sp_api logs request headers (with the access token) at DEBUG: never let that through.
logging.getLogger("sp_api").setLevel(logging.INFO)


@dataclass(frozen=True)
class Endpoint:
    """Where the Reports API and the LWA token service live (``None``: Amazon's own)."""

    api: str                      # e.g. "http://127.0.0.1:8123" (no trailing slash)
    lwa_host: str                 # e.g. "127.0.0.1:8123"
    scheme: str = "http://"


def marketplace(marketplace_id: str):
    """The library's Marketplaces member for an id."""
    from sp_api.base import Marketplaces

    for member in Marketplaces:
        if member.marketplace_id == marketplace_id:
            return member
    raise UserError(N_("Settings › Account: marketplace id {marketplace} is unknown to the SP-API. Choose the "
                       "marketplace from the list."), marketplace=repr(marketplace_id))


def _token_client(endpoint: Endpoint):
    from sp_api.auth import AccessTokenClient

    return type("LocalAccessTokenClient", (AccessTokenClient,),
                {"scheme": endpoint.scheme, "host": endpoint.lwa_host})


def reports_client(credentials: Credentials, marketplace_id: str, endpoint: Endpoint | None = None,
                   timeout: float = 60.0):
    """A ``sp_api.api.Reports`` client; the LWA token exchange happens on the first call."""
    from sp_api.api import Reports
    from sp_api.base.credential_provider import FromCodeCredentialProvider

    member = marketplace(marketplace_id)
    kwargs = {}
    market = member
    if endpoint is not None:
        market = SimpleNamespace(endpoint=endpoint.api, marketplace_id=member.marketplace_id, region=member.region)
        kwargs["auth_token_client_class"] = _token_client(endpoint)
    return Reports(marketplace=market, credentials=credentials.as_sp_api(),
                   credential_providers=[FromCodeCredentialProvider], timeout=timeout, **kwargs)
