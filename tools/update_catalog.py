"""Update the gettext catalogue of the Qt-free layers (core, ingest, store, briefs, commands, ...).

Usage:
    python tools/update_catalog.py            # extract -> merge into every .po (keeps translations) -> .mo
    python tools/update_catalog.py --check    # exit 1 while a message is untranslated or a .mo is stale

Messages are the English source texts passed to ``_()``, ``ngettext()``, ``pgettext()`` or ``N_()``
(``_ = texts(lang)``, see vendordesk/text). Qt widgets keep tr() and the .ts files.
"""

from __future__ import annotations

import argparse
import io
import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import read_mo, write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "vendordesk"
LOCALES = SOURCES / "locale"
DOMAIN = "vendordesk"
SKIP = ("ui",)   # Qt code translates with tr()
KEYWORDS = {"_": None, "N_": None, "NP_": ((1, "c"), 2), "ngettext": (1, 2), "pgettext": ((1, "c"), 2)}


def extract(sources: Path = SOURCES) -> Catalog:
    """Every marked message of the Qt-free packages, as a template catalogue."""
    template = Catalog(domain=DOMAIN, project="VendorDesk", charset="utf-8")

    def wanted(name: str) -> bool:
        return not any(Path(name).parts[:1] == (skip,) for skip in SKIP)

    for filename, lineno, message, comments, context in extract_from_dir(
            str(sources), method_map=[("**.py", "python")], keywords=KEYWORDS, comment_tags=("i18n:",),
            strip_comment_tags=True):
        if not wanted(filename):
            continue
        template.add(message, locations=[(f"vendordesk/{filename}", lineno)], auto_comments=comments,
                     context=context)
    return template


def po_path(lang: str) -> Path:
    return LOCALES / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


def languages() -> list[str]:
    return sorted(p.name for p in LOCALES.iterdir() if (p / "LC_MESSAGES").is_dir()) if LOCALES.is_dir() else []


def load(lang: str) -> Catalog:
    path = po_path(lang)
    if not path.exists():
        return Catalog(locale=lang, domain=DOMAIN, project="VendorDesk", charset="utf-8")
    with path.open("rb") as handle:
        return read_po(handle, locale=lang, domain=DOMAIN)


def untranslated(catalog: Catalog) -> list[str]:
    out = []
    for message in catalog:
        if not message.id:
            continue
        strings = message.string if isinstance(message.string, (list, tuple)) else [message.string]
        if not all(strings) or message.fuzzy:
            out.append(str(message.id))
    return out


def compiled(catalog: Catalog) -> bytes:
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    return buffer.getvalue()


def stale(lang: str) -> bool:
    mo = po_path(lang).with_suffix(".mo")
    if not mo.exists():
        return True
    with mo.open("rb") as handle:
        current = read_mo(handle)
    wanted = load(lang)
    pairs = lambda c: {(m.context, m.id if isinstance(m.id, str) else tuple(m.id)): m.string for m in c if m.id}
    have = {k: (tuple(v) if isinstance(v, list) else v) for k, v in pairs(current).items()}
    want = {k: (tuple(v) if isinstance(v, list) else v) for k, v in pairs(wanted).items() if v and any(v)}
    return have != want


def update(lang: str, template: Catalog) -> list[str]:
    catalog = load(lang)
    catalog.update(template, no_fuzzy_matching=True)
    catalog.obsolete.clear()
    path = po_path(lang)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as handle:
        write_po(handle, catalog, width=100, sort_output=True, omit_header=False)
    path.with_suffix(".mo").write_bytes(compiled(catalog))
    return untranslated(catalog)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="change nothing; exit 1 on gaps or stale .mo")
    args = parser.parse_args(argv)
    template = extract()
    problems = 0
    for lang in languages():
        if args.check:
            catalog = load(lang)
            known = {(m.context, m.id) for m in catalog if m.id}
            missing = [m.id for m in template if m.id and (m.context, m.id) not in known]
            gaps = untranslated(catalog) + [str(m) for m in missing]
            if stale(lang):
                print(f"{lang}: the .mo is older than the .po: run tools/update_catalog.py")
                problems += 1
        else:
            gaps = update(lang, template)
        for gap in gaps:
            print(f"{lang}: untranslated: {gap!r}")
        problems += len(gaps)
        print(f"{lang}: {len(template)} messages, {len(gaps)} untranslated")
    return 1 if args.check and problems else 0


if __name__ == "__main__":
    sys.exit(main())
