"""Vendor Central export headers (en_US, en_GB "Dispatched", French, German) -> canonical columns.

A header maps to ``Target(table, column, unit)``; units: money, units, pct, days, text. Tables
are the fact tables, ``products`` (descriptive), ``extra`` (known metrics without a column),
``market`` (store code) or ``ignore`` (descriptive columns we do not keep; they are reported).
German headers are inferred (domain §8: unverified).
"""

from __future__ import annotations

import re
from typing import NamedTuple

from vendordesk.ingest.numbers import clean


class Target(NamedTuple):
    table: str
    column: str
    unit: str


def _t(table: str, column: str, unit: str, *names: str) -> dict[str, Target]:
    return {name: Target(table, column, unit) for name in names}


S, I, T, N = "sales_facts", "inventory_facts", "traffic_facts", "net_ppm_facts"  # noqa: E741 - table initials
ALIASES: dict[str, Target] = {
    **_t(S, "ordered_revenue", "money", "ordered revenue", "chiffre d'affaires basé sur les commandes",
         "bestellter umsatz", "umsatz bestellter produkte"),
    **_t(S, "ordered_units", "units", "ordered units", "unités commandées", "bestellte einheiten"),
    **_t(S, "shipped_revenue", "money", "shipped revenue", "chiffre d'affaires basé sur les expéditions",
         "versandter umsatz", "umsatz versandter produkte"),
    **_t(S, "shipped_cogs", "money", "shipped cogs", "cogs expédié", "cogs expédiés", "versandte cogs",
         "versandte herstellungskosten", "herstellungskosten versandter produkte"),
    **_t(S, "shipped_units", "units", "shipped units", "unités expédiées", "versandte einheiten"),
    **_t(S, "customer_returns", "units", "customer returns", "retours client", "retours clients",
         "kundenretouren", "kundenrücksendungen"),
    **_t(T, "glance_views", "units", "glance views", "featured offer page views",
         "vues de la page de l'offre vedette", "seitenaufrufe", "seitenaufrufe des hervorgehobenen angebots",
         "aufrufe der angebotsseite"),
    **_t(I, "procurable_product_out_of_stock_rate", "pct", "procurable product oos %",
         "produits en rupture avec approvisionnement possible", "beschaffbare produkte nicht vorrätig %",
         "procurable product oos"),
    # A metric of its own (the SP-API reader keeps it apart too): never folded into the procurable rate.
    **_t("extra", "sourceable_product_out_of_stock_rate", "pct", "sourceable product oos %", "sourceable product oos"),
    **_t(I, "uft", "pct", "uft", "uft %", "ultra fast track %", "fast track %"),
    **_t(I, "vendor_confirmation_rate", "pct", "vendor confirmation %", "% de confirmation fournisseur",
         "bestätigungsrate des anbieters %", "lieferantenbestätigung %"),
    **_t(I, "receive_fill_rate", "pct", "receive fill %", "% de réception", "empfangsrate %", "eingangsquote %"),
    **_t(I, "average_vendor_lead_time_days", "days", "overall vendor lead time (days)",
         "délai de livraison global du fournisseur (jours)", "gesamtlieferzeit des anbieters (tage)"),
    **_t(I, "sell_through_rate", "pct", "sell-through %", "sell through %", "% de vente au détail",
         "abverkaufsrate %"),
    **_t(I, "open_purchase_order_units", "units", "open purchase order quantity", "open purchase order units",
         "quantité de bons de commande ouverts", "offene bestellmenge"),
    **_t(I, "net_received_inventory_cost", "money", "net received", "net received inventory",
         "quantité nette reçue", "netto erhaltener bestand"),
    **_t(I, "net_received_inventory_units", "units", "net received units", "nombre net d'unités reçues",
         "netto erhaltene einheiten"),
    **_t(I, "unfilled_customer_ordered_units", "units", "unfilled customer ordered units",
         "unités commandées par les clients non traitées", "nicht erfüllte kundenbestellte einheiten"),
    **_t(I, "aged90_plus_days_sellable_inventory_cost", "money", "aged 90+ days sellable inventory",
         "verkaufsfähiger bestand älter als 90 tage"),
    **_t(I, "aged90_plus_days_sellable_inventory_units", "units", "aged 90+ days sellable units",
         "verkaufsfähige einheiten älter als 90 tage"),
    **_t(I, "sellable_on_hand_inventory_cost", "money", "sellable on hand inventory", "stock disponible à la vente",
         "verkaufsfähiger lagerbestand"),
    **_t(I, "sellable_on_hand_inventory_units", "units", "sellable on hand units", "unités vendables en stock",
         "verkaufsfähige einheiten auf lager"),
    **_t(I, "unsellable_on_hand_inventory_cost", "money", "unsellable on hand inventory",
         "nicht verkaufsfähiger lagerbestand"),
    **_t(I, "unsellable_on_hand_inventory_units", "units", "unsellable on hand units",
         "nicht verkaufsfähige einheiten auf lager"),
    **_t(I, "unhealthy_inventory_cost", "money", "unhealthy inventory", "stock malsain", "ungesunder bestand"),
    **_t(I, "unhealthy_inventory_units", "units", "unhealthy units", "unités malsaines", "ungesunde einheiten"),
    **_t(N, "net_pure_product_margin", "pct", "net ppm %", "net ppm", "net pure product margin %",
         "marge nette pure du produit %", "netto-ppm %", "net-ppm %"),
    **_t(N, "contra_cogs", "money", "contra-cogs", "contra cogs"),
    **_t(N, "sales_discount", "money", "sales discount", "remise sur les ventes", "verkaufsrabatt"),
    **_t("extra", "confirmed_units", "units", "confirmed units"),
    **_t("extra", "asin_confirmation_rate", "pct", "asin confirmation %"),
    **_t("extra", "net_ordered_gms", "money", "net ordered gms"),
    **_t("extra", "net_shipped_gms", "money", "net shipped gms"),
    **_t("extra", "in_transit_quantity", "units", "in transit quantity"),
    **_t("extra", "sellable_in_transit_units", "units", "sellable in transit units"),
    **_t("extra", "unsellable_in_transit_units", "units", "unsellable in transit units"),
    **_t("products", "title", "text", "product title", "title", "nom du produit", "titre du produit",
         "produkttitel", "produktname", "product name"),
    **_t("products", "brand", "text", "brand", "marque", "marke"),
    **_t("products", "category", "text", "category", "catégorie", "kategorie"),
    **_t("products", "subcategory", "text", "subcategory", "sous-catégorie", "unterkategorie"),
    **_t("products", "parent_asin", "text", "parent asin", "asin parent", "übergeordnete asin"),
    **_t("products", "model_number", "text", "model number", "numéro de modèle", "modellnummer"),
    **_t("products", "ean", "text", "ean"),
    **_t("products", "replenishment_code", "text", "replenishment code", "code de réapprovisionnement",
         "nachschubcode"),
    **_t("market", "store_code", "text", "store code", "code de la boutique", "shop-code", "store",
         "marketplace", "country code", "ländercode"),
    **_t("ignore", "", "text", "upc", "isbn", "binding", "colour", "color", "msrp", "release date", "brand code",
         "child vendor code", "manufacturer code", "vendor code", "couleur", "farbe"),
}
ASIN_HEADERS = {"asin", "asin id", "child asin", "asin enfant"}
_COMPARISON = re.compile(
    r"^(?P<base>.*?)\s*[-–]\s*(?P<what>prior period|same period last year|période précédente|"
    r"même période l'année dernière|vorperiode|vorjahreszeitraum)\s*\((?P<unit>%|bps)\)$")
_WHAT = {"prior period": "prior_period", "période précédente": "prior_period", "vorperiode": "prior_period",
         "same period last year": "same_period_last_year", "vorjahreszeitraum": "same_period_last_year",
         "même période l'année dernière": "same_period_last_year"}


def normalise(header: object) -> str:
    text = str(header or "").replace("\ufeff", "").replace("\u200e", "").replace("\u00a0", " ")
    text = re.sub(r"\s+", " ", text).strip().strip('"').strip().lower()
    text = text.replace("on-hand", "on hand").replace("–", "-").replace("’", "'")
    text = re.sub(r"\bdispatched\b", "shipped", text)  # en_GB
    return text


def lookup(header: object) -> Target | None:
    """The target of a header, including comparison columns (``... - Prior Period (%)``)."""
    name = normalise(header)
    if name in ALIASES:
        return ALIASES[name]
    match = _COMPARISON.match(name)
    if match:
        base = ALIASES.get(match.group("base").strip())
        if base and base.table not in ("products", "market", "ignore"):
            what = _WHAT[match.group("what")]
            if match.group("unit") == "bps":   # T07: absolute prior value in basis points
                return Target("extra", f"{base.column}_{what}", "bps")
            return Target("extra", f"{base.column}_{what}_change", "pct")
    return None


def is_asin_header(cell: object) -> bool:
    return normalise(cell) in ASIN_HEADERS


def unknown_metric_name(header: object) -> str:
    """A snake_case name for a header we do not know (kept in extra_facts)."""
    name = re.sub(r"[^0-9a-zäöüßéèàç]+", "_", normalise(header)).strip("_")
    return "raw_" + (clean(name) or "column")
