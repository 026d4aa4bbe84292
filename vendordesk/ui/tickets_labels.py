"""Translated display labels for the ticket log's enums (status, category, kinds, departments)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def _t(text: str) -> str:
    return QCoreApplication.translate("Tickets", text)


def case_statuses() -> dict[str, str]:
    return {"open": _t("Open"), "waiting_amazon": _t("Waiting on Amazon"), "needs_info": _t("Needs info from us"),
            "reopened": _t("Reopened"), "resolved": _t("Resolved")}


def dispute_statuses() -> dict[str, str]:
    return {"open": _t("Not disputed"), "disputed": _t("Disputed"), "won": _t("Won"), "lost": _t("Lost"),
            "accepted": _t("Accepted")}


def task_statuses() -> dict[str, str]:
    return {"open": _t("Open"), "in_progress": _t("In progress"), "waiting": _t("Waiting"), "done": _t("Done")}


def kinds() -> dict[str, str]:
    return {"chargeback": _t("Chargeback"), "shortage": _t("Shortage claim")}


def event_kinds() -> dict[str, str]:
    return {"contact_in": _t("Amazon wrote"), "contact_out": _t("We wrote"), "note": _t("Note"),
            "status": _t("Status change")}


def categories() -> dict[str, str]:
    return {"catalog": _t("Catalogue / content"), "orders_po": _t("Orders / PO"),
            "shipments": _t("Shipments / ASN"), "receiving_shortages": _t("Receiving / shortages"),
            "chargebacks": _t("Chargebacks"), "payments": _t("Payments / invoices"), "coop": _t("Co-op / accruals"),
            "returns": _t("Returns / RTV"), "costs": _t("Costs"), "reports": _t("Reports"),
            "account": _t("Account / users"), "edi_api": _t("EDI / API"), "other": _t("Other")}


def department_names(departments: list[dict], lang: str) -> dict[str, str]:
    """id -> name in the UI language (from the departments table)."""
    return {d["id"]: (d["name_de"] if lang == "de" else d["name_en"]) for d in departments}


def problem_text(code: str, detail: str = "") -> str:
    """The translated message for a core.tickets.Problem code."""
    texts = {
        "case_id_missing": _t("Enter the case ID from the Amazon case."),
        "case_id_format": _t("%1 does not look like an Amazon case number (6–15 digits). Kept; check it."),
        "case_id_duplicate": _t("Case %1 already exists. Merge into it or change the ID."),
        "subject_missing": _t("Enter what the case is about."),
        "date_invalid": _t("“%1” is not a date. Use 01.03.2026 or 2026-03-01."),
        "asin_unknown": _t("ASIN %1 is not in this workspace. It is kept; check the spelling."),
        "asin_format": _t("%1 is not an ASIN (10 letters or digits). It is kept; check it."),
        "status_invalid": _t("Unknown status %1."),
        "mail_no_case_id": _t("No case ID found in the e-mail. Enter it by hand or paste the whole e-mail."),
    }
    return texts.get(code, code).replace("%1", detail)
