"""Turn what can go wrong during a sync into plain words the KAM can act on.

``SyncStopped``: nothing more can work in this run (credentials, role, network) - stop.
``ReportFailed``: this one report failed (FATAL, cut-off document, timeout) - go on with the rest.
Messages never contain credentials.
"""

from __future__ import annotations

import json
import zlib

from vendordesk.errors import UserError
from vendordesk.text import N_, Message, Number


class SyncStopped(UserError):
    """The whole sync stops; fetched documents are kept for a retry."""


class ReportFailed(UserError):
    """One report failed; the others go on."""


def fatal_error(label: object, error_details: object) -> ReportFailed:
    """Amazon built no document (FATAL); ``label`` names the report (``ReportRequest.title``)."""
    if isinstance(error_details, Message):
        detail: object = error_details
    else:
        text = error_details if isinstance(error_details, str) else json.dumps(error_details, ensure_ascii=False)
        detail = text.rstrip(".") or Message(N_("no reason given"))
    return ReportFailed(N_("{report}: Amazon could not build this report (FATAL): {detail}. Nothing of it was "
                           "imported. Check the period and options (for example a range Amazon has no data for "
                           "yet) and sync again later."), report=label,
                        detail=detail)


def cancelled_error(label: object) -> ReportFailed:
    return ReportFailed(N_("{report}: Amazon cancelled the report (CANCELLED): it has no data for this period and "
                           "these options. Nothing was imported."), report=label)


def timeout_error(label: object, status: str, minutes: float) -> ReportFailed:
    return ReportFailed(N_("{report}: the report is still {status} after {minutes} minutes. Amazon is slow today; "
                           "sync again later: VendorDesk keeps the request and picks it up where it stopped."),
                        report=label, status=status, minutes=Number(minutes, None))


def explain(exc: BaseException, label: object) -> UserError:
    """The UserError to show for an exception raised while talking to Amazon."""
    import httpx
    from sp_api.auth.exceptions import AuthorizationError
    from sp_api.base import exceptions as sp

    if isinstance(exc, UserError):
        return exc
    if isinstance(exc, AuthorizationError):
        return SyncStopped(
            N_("Amazon refused the login (LWA {status}: {code}). The LWA client ID, client secret or refresh "
               "token is wrong or expired; the client secret must be renewed every 180 days. Enter the current "
               "values in Settings › SP-API. Nothing was imported."),
            status=exc.status_code, code=exc.error_code or "error")
    if isinstance(exc, sp.SellingApiForbiddenException) or getattr(exc, "amzn_code", "") == "Unauthorized":
        return SyncStopped(
            N_("{report}: Amazon denied access (403 {amazon}). The SP-API app needs the 'Brand Analytics' role "
               "for vendor retail analytics reports, and the refresh token must come from an authorisation made "
               "after that role was granted. Ask your Vendor Central admin to add the role and authorise the app "
               "again, then enter the new refresh token in Settings › SP-API."),
            report=label, amazon=_amazon_text(exc))
    if isinstance(exc, sp.SellingApiRequestThrottledException):
        return SyncStopped(N_("{report}: Amazon kept throttling the requests (429). Wait a few minutes and sync "
                              "again; what was fetched so far is kept."), report=label)
    if isinstance(exc, sp.SellingApiBadRequestException):
        return ReportFailed(N_("{report}: Amazon refused the request (400 {amazon}). Check the report options and "
                               "the period."), report=label, amazon=_amazon_text(exc))
    if isinstance(exc, sp.SellingApiException):
        return SyncStopped(N_("{report}: Amazon answered with an error ({amazon}). Try again later; what was "
                              "fetched so far is kept."), report=label, amazon=_amazon_text(exc))
    if isinstance(exc, (httpx.TransportError, OSError)):
        return SyncStopped(N_("{report}: Amazon cannot be reached ({error}). Check the internet or VPN connection "
                              "and sync again; documents fetched so far are kept and not requested again."),
                           report=label, error=type(exc).__name__)
    if isinstance(exc, (zlib.error, EOFError, UnicodeDecodeError, json.JSONDecodeError)):
        return ReportFailed(N_("{report}: the downloaded document is cut off or damaged ({error}). Nothing of it "
                               "was imported. Sync again to download it once more."), report=label,
                            error=type(exc).__name__)
    raise exc


def _amazon_text(exc: BaseException) -> str:
    message = getattr(exc, "message", "") or ""
    code = getattr(exc, "amzn_code", "") or ""
    return ": ".join(part for part in (code, message) if part) or type(exc).__name__
