"""Update the German translation: lupdate over vendordesk/ -> .ts (keeps translations) -> lrelease -> .qm.

Usage:
    python tools/update_translations.py              # re-scan sources, keep translations, build .qm
    python tools/update_translations.py --fill de.json   # then fill unfinished messages from a JSON file
    python tools/update_translations.py --check      # exit 1 while any visible string is untranslated

The fill file maps context -> {source: translation}; the context "*" matches every context.
A plural message ("%n ticket(s)") takes a list of two German forms.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "vendordesk"
TS_FILE = ROOT / "resources" / "i18n" / "vendordesk_de.ts"
QM_FILE = TS_FILE.with_suffix(".qm")
_HEADER = '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n'


@dataclass(frozen=True)
class Message:
    context: str
    source: str
    translation: str | list[str]
    unfinished: bool
    numerus: bool


def find_tool(name: str) -> str:
    """pyside6-lupdate / pyside6-lrelease next to this Python, on PATH, or inside the wheel."""
    candidates = [Path(sys.executable).parent / f"pyside6-{name}", Path(sys.executable).parent / f"pyside6-{name}.exe"]
    try:
        import PySide6

        package = Path(PySide6.__file__).parent
        candidates += [package / name, package / f"{name}.exe", package / "Qt" / "libexec" / name]
    except ImportError:
        pass
    for candidate in candidates:
        if candidate.is_file():
            return str(candidate)
    found = shutil.which(f"pyside6-{name}") or shutil.which(name)
    if not found:
        raise SystemExit(f"{name} not found: install PySide6-Essentials (it ships pyside6-{name}).")
    return found


def source_files(root: Path = SOURCES) -> list[str]:
    return sorted(str(p) for p in root.rglob("*.py") if "__pycache__" not in p.parts)


def run_lupdate(ts_file: Path = TS_FILE, sources: Path = SOURCES) -> str:
    """Merge the tr() strings of ``sources`` into ``ts_file``; existing translations are kept."""
    ts_file.parent.mkdir(parents=True, exist_ok=True)
    command = [find_tool("lupdate"), "-extensions", "py", "-source-language", "en", "-target-language", "de",
               "-locations", "relative", *source_files(sources), "-ts", str(ts_file)]
    result = subprocess.run(command, capture_output=True, text=True, check=True)
    return result.stdout.strip()


def run_lrelease(ts_file: Path = TS_FILE, qm_file: Path = QM_FILE) -> str:
    command = [find_tool("lrelease"), str(ts_file), "-qm", str(qm_file)]
    return subprocess.run(command, capture_output=True, text=True, check=True).stdout.strip()


def _iter_messages(tree: ET.ElementTree):
    for context in tree.getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            yield name, message


def read_messages(ts_file: Path = TS_FILE, include_obsolete: bool = False) -> list[Message]:
    """Messages of the .ts; vanished/obsolete ones (no longer in the code) only on request."""
    found = []
    for context, message in _iter_messages(ET.parse(ts_file)):
        element = message.find("translation")
        kind = element.get("type", "") if element is not None else "unfinished"
        if kind in ("vanished", "obsolete") and not include_obsolete:
            continue
        numerus = message.get("numerus") == "yes"
        if numerus and element is not None:
            text: str | list[str] = [form.text or "" for form in element.findall("numerusform")]
        else:
            text = (element.text or "") if element is not None else ""
        empty = not any(text) if isinstance(text, list) else not text.strip()
        found.append(Message(context, message.findtext("source", ""), text, kind == "unfinished" or empty, numerus))
    return found


def fill(ts_file: Path, translations: dict[str, dict[str, str | list[str]]]) -> int:
    """Put translations into unfinished messages; returns how many were filled."""
    tree = ET.parse(ts_file)
    filled = 0
    for context, message in _iter_messages(tree):
        element = message.find("translation")
        if element is None or element.get("type") != "unfinished":
            continue
        source = message.findtext("source", "")
        value = translations.get(context, {}).get(source, translations.get("*", {}).get(source))
        if value is None:
            continue
        if message.get("numerus") == "yes":
            for form in list(element):
                element.remove(form)
            for text in (value if isinstance(value, list) else [value, value]):
                ET.SubElement(element, "numerusform").text = text
        else:
            element.text = value
        del element.attrib["type"]
        filled += 1
    ET.indent(tree, space="    ")
    ts_file.write_text(_HEADER + ET.tostring(tree.getroot(), encoding="unicode") + "\n", encoding="utf-8")
    return filled


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fill", type=Path, help="JSON file: context -> {source: German}")
    parser.add_argument("--check", action="store_true", help="exit 1 when a message is unfinished")
    args = parser.parse_args(argv)
    print(run_lupdate())
    if args.fill:
        print(f"filled {fill(TS_FILE, json.loads(args.fill.read_text('utf-8')))} message(s)")
    print(run_lrelease())
    missing = [m for m in read_messages() if m.unfinished]
    for message in missing:
        print(f"unfinished: [{message.context}] {message.source!r}")
    print(f"{len(missing)} unfinished message(s) in {TS_FILE.relative_to(ROOT)}")
    return 1 if args.check and missing else 0


if __name__ == "__main__":
    sys.exit(main())
