"""Turn what can go wrong during a sync into plain words the KAM can act on.

``SyncStopped``: nothing more can work in this run (credentials, role, network) - stop.
``ReportFailed``: this one report failed (FATAL, cut-off document, timeout) - go on with the rest.
Messages never contain credentials.
"""

from __future__ import annotations

import json
import zlib

from vendordesk.errors import UserError


class SyncStopped(UserError):
    """The whole sync stops; fetched documents are kept for a retry."""


class ReportFailed(UserError):
    """One report failed; the others go on."""


def fatal_message(label: str, error_details: object) -> str:
    detail = error_details if isinstance(error_details, str) else json.dumps(error_details, ensure_ascii=False)
    return (f"{label}: Amazon could not build this report (FATAL): {detail or 'no reason given'}. "
            "Nothing of it was imported. Check the period and options (for example a range Amazon "
            "has no data for yet) and sync again later.")


def timeout_message(label: str, status: str, minutes: float) -> str:
    return (f"{label}: the report is still {status} after {minutes:g} minutes. Amazon is slow today; "
            "sync again later: VendorDesk keeps the request and picks it up where it stopped.")


def explain(exc: BaseException, label: str) -> UserError:
    """The UserError to show for an exception raised while talking to Amazon."""
    import httpx
    from sp_api.auth.exceptions import AuthorizationError
    from sp_api.base import exceptions as sp

    if isinstance(exc, UserError):
        return exc
    if isinstance(exc, AuthorizationError):
        return SyncStopped(
            f"Amazon refused the login (LWA {exc.status_code}: {exc.error_code or 'error'}). The LWA client ID, "
            "client secret or refresh token is wrong or expired; the client secret must be renewed every "
            "180 days. Enter the current values in Settings › SP-API. Nothing was imported.")
    if isinstance(exc, sp.SellingApiForbiddenException) or getattr(exc, "amzn_code", "") == "Unauthorized":
        return SyncStopped(
            f"{label}: Amazon denied access (403 {_amazon_text(exc)}). The SP-API app needs the "
            "'Brand Analytics' role for vendor retail analytics reports, and the refresh token must come "
            "from an authorisation made after that role was granted. Ask your Vendor Central admin to add "
            "the role and authorise the app again, then enter the new refresh token in Settings › SP-API.")
    if isinstance(exc, sp.SellingApiRequestThrottledException):
        return SyncStopped(f"{label}: Amazon kept throttling the requests (429). Wait a few minutes and "
                           "sync again; what was fetched so far is kept.")
    if isinstance(exc, sp.SellingApiBadRequestException):
        return ReportFailed(f"{label}: Amazon refused the request (400 {_amazon_text(exc)}). Check the report "
                            "options and the period.")
    if isinstance(exc, sp.SellingApiException):
        return SyncStopped(f"{label}: Amazon answered with an error ({_amazon_text(exc)}). Try again later; "
                           "what was fetched so far is kept.")
    if isinstance(exc, (httpx.TransportError, OSError)):
        return SyncStopped(f"{label}: Amazon cannot be reached ({type(exc).__name__}). Check the internet or "
                           "VPN connection and sync again; documents fetched so far are kept and not requested again.")
    if isinstance(exc, (zlib.error, EOFError, UnicodeDecodeError, json.JSONDecodeError)):
        return ReportFailed(f"{label}: the downloaded document is cut off or damaged ({type(exc).__name__}). "
                            "Nothing of it was imported. Sync again to download it once more.")
    raise exc


def _amazon_text(exc: BaseException) -> str:
    message = getattr(exc, "message", "") or ""
    code = getattr(exc, "amzn_code", "") or ""
    return ": ".join(part for part in (code, message) if part) or type(exc).__name__
