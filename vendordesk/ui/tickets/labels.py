"""Translated display labels for the ticket log's enums (status, category, kinds, departments)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def case_statuses() -> dict[str, str]:
    return {
        "open": QCoreApplication.translate("Tickets", "Open"),
        "waiting_amazon": QCoreApplication.translate("Tickets", "Waiting on Amazon"),
        "needs_info": QCoreApplication.translate("Tickets", "Needs info from us"),
        "reopened": QCoreApplication.translate("Tickets", "Reopened"),
        "resolved": QCoreApplication.translate("Tickets", "Resolved"),
    }


def dispute_statuses() -> dict[str, str]:
    return {
        "open": QCoreApplication.translate("Tickets", "Not disputed"),
        "disputed": QCoreApplication.translate("Tickets", "Disputed"),
        "won": QCoreApplication.translate("Tickets", "Won"),
        "lost": QCoreApplication.translate("Tickets", "Lost"),
        "accepted": QCoreApplication.translate("Tickets", "Accepted"),
    }


def task_statuses() -> dict[str, str]:
    return {
        "open": QCoreApplication.translate("Tickets", "Open"),
        "in_progress": QCoreApplication.translate("Tickets", "In progress"),
        "waiting": QCoreApplication.translate("Tickets", "Waiting"),
        "done": QCoreApplication.translate("Tickets", "Done"),
    }


def kinds() -> dict[str, str]:
    return {
        "chargeback": QCoreApplication.translate("Tickets", "Chargeback"),
        "shortage": QCoreApplication.translate("Tickets", "Shortage claim"),
    }


def event_kinds() -> dict[str, str]:
    return {
        "contact_in": QCoreApplication.translate("Tickets", "Amazon wrote"),
        "contact_out": QCoreApplication.translate("Tickets", "We wrote"),
        "note": QCoreApplication.translate("Tickets", "Note"),
        "status": QCoreApplication.translate("Tickets", "Status change"),
    }


def categories() -> dict[str, str]:
    return {
        "catalog": QCoreApplication.translate("Tickets", "Catalog / content"),
        "orders_po": QCoreApplication.translate("Tickets", "Orders / PO"),
        "shipments": QCoreApplication.translate("Tickets", "Shipments / ASN"),
        "receiving_shortages": QCoreApplication.translate("Tickets", "Receiving / shortages"),
        "chargebacks": QCoreApplication.translate("Tickets", "Chargebacks"),
        "payments": QCoreApplication.translate("Tickets", "Payments / invoices"),
        "coop": QCoreApplication.translate("Tickets", "Co-op / accruals"),
        "returns": QCoreApplication.translate("Tickets", "Returns / RTV"),
        "costs": QCoreApplication.translate("Tickets", "Costs"),
        "reports": QCoreApplication.translate("Tickets", "Reports"),
        "account": QCoreApplication.translate("Tickets", "Account / users"),
        "edi_api": QCoreApplication.translate("Tickets", "EDI / API"),
        "other": QCoreApplication.translate("Tickets", "Other"),
    }


def category_labels() -> dict[str, str]:
    """Display text for every stored category value we know: our keys and Amazon's names."""
    from vendordesk.core.tickets import CATEGORY_ALIASES

    keys = categories()
    shown = dict(keys)
    for alias, key in CATEGORY_ALIASES.items():
        shown[alias] = keys[key]
    return _CaseInsensitive(shown)


class _Lookup(dict):
    """A dict whose ``in`` and ``[]`` go through its own ``get`` (a key found another way)."""

    def __contains__(self, key):
        return self.get(key) is not None

    def __getitem__(self, key):
        value = self.get(key)
        if value is None:
            raise KeyError(key)
        return value


class _CaseInsensitive(_Lookup):
    """Looks a stored value up as it is, then by ``core.tickets.category_key``."""

    def get(self, key, default=None):
        from vendordesk.core.tickets import category_key

        if dict.__contains__(self, key):
            return dict.__getitem__(self, key)
        found = category_key(key)
        return dict.get(self, found, default) if found else default


def chargeback_types(lang: str, with_term: bool = False) -> dict[str, str]:
    """Amazon's chargeback type (the stored value) -> its label in ``lang`` (core.labels, the one
    definition); a stored "PO on-time accuracy" finds its label too. ``with_term``: the label with
    Amazon's name in brackets (for the editor, where a KAM matches the type with Vendor Central)."""
    from vendordesk.core.labels import CODES, chargeback_type_text

    return _Normalised({code: str(chargeback_type_text(code, lang, with_term)) for code in CODES["chargeback_type"]})


def chargeback_groups(lang: str) -> dict[str, str]:
    from vendordesk.core.labels import CODES, labeller

    one = labeller("chargeback_group", lang)
    return _Normalised({code: str(one(code)) for code in CODES["chargeback_group"]})


def chargeback_what(row, lang: str) -> str:
    """What a chargeback is about in one phrase: its type's label, else its kind's ("Rückbelastung")."""
    from vendordesk.core.missing import is_missing

    kind, type_ = getattr(row, "kind", None), getattr(row, "type", None)
    if type_ and not is_missing(type_):
        return str(chargeback_types(lang).get(type_, type_))
    return kinds().get(str(kind), str(kind or ""))


def amazon_term_tip(value, lang: str | None = None) -> str | None:
    """The tooltip of a chargeback type: Vendor Central's own name; None when the type is unknown
    or, given ``lang``, when its label there is that name already (English)."""
    from PySide6.QtCore import QCoreApplication

    from vendordesk.core.labels import amazon_chargeback_term, chargeback_type_text

    term = amazon_chargeback_term(value)
    if term is None or (lang is not None and chargeback_type_text(term, lang) == term):
        return None
    return QCoreApplication.translate("Tickets", "In Vendor Central: %1").replace("%1", term)


class _Normalised(_Lookup):
    """Looks a value up by its words, ignoring case and spacing ("PO on-time  accuracy")."""

    @staticmethod
    def _norm(key):
        return " ".join(key.lower().split()) if isinstance(key, str) else key

    def __init__(self, table: dict):
        super().__init__(table)
        self._by_norm = {self._norm(k): v for k, v in table.items()}

    def get(self, key, default=None):
        if dict.__contains__(self, key):
            return dict.__getitem__(self, key)
        return self._by_norm.get(self._norm(key), default)


def gears(lang: str) -> dict[str, str]:
    """Gear id -> its name in the UI language (core.gears.defs)."""
    from vendordesk.core.gears.defs import GEARS

    return {g.id: g.name(lang) for g in GEARS}


def department_names(departments: list[dict], lang: str) -> dict[str, str]:
    """id -> name in the UI language (from the departments table)."""
    from vendordesk.core.tickets import department_name

    return {d["id"]: department_name(d, lang) for d in departments}


def problem_text(code: str, detail: str = "") -> str:
    """The translated message for a core.tickets.Problem code."""
    texts = {
        "case_id_missing": QCoreApplication.translate("Tickets", "Enter the case ID from the Amazon case."),
        "case_id_format": QCoreApplication.translate(
            "Tickets", "%1 does not look like an Amazon case number (6–15 digits). Kept; check it."),
        "case_id_duplicate": QCoreApplication.translate(
            "Tickets", "Case %1 already exists. Merge into it or change the ID."),
        "subject_missing": QCoreApplication.translate("Tickets", "Enter what the case is about."),
        "date_invalid": QCoreApplication.translate("Tickets", "“%1” is not a date. Use 01.03.2026 or 2026-03-01."),
        "asin_unknown": QCoreApplication.translate(
            "Tickets", "ASIN %1 is not in this workspace. It is kept; check the spelling."),
        "asin_format": QCoreApplication.translate(
            "Tickets", "%1 is not an ASIN (10 letters or digits). It is kept; check it."),
        "status_invalid": QCoreApplication.translate("Tickets", "Unknown status %1."),
        "mail_no_case_id": QCoreApplication.translate(
            "Tickets", "No case ID found in the e-mail. Enter it by hand or paste the whole e-mail."),
    }
    return texts.get(code, code).replace("%1", detail)
