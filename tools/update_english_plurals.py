"""English plural forms for the tr("%n file(s)", "", n) messages: resources/i18n/vendordesk_en.ts/.qm.

English is the source language, so Qt shows "Import 1 file(s)" unless an English catalogue gives
the numerus forms. This writes them from the German .ts's numerus messages: "(s)" becomes "" for
one and "s" for many; "(es)", "y(ies)" and "is/are" likewise. Run after tools/update_translations.py.
"""

from __future__ import annotations

import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DE = ROOT / "resources" / "i18n" / "vendordesk_de.ts"
EN = DE.with_name("vendordesk_en.ts")
_VERB = {"are": "is", "were": "was", "have": "has", "differ": "differs"}
# Sentences the rule cannot bend: source -> (one, many)
OVERRIDES = {
    "%n cell(s) are not numbers and were not saved; they are marked red. Use e.g. 12,50.": (
        "%n cell is not a number and was not saved; it is marked red. Use e.g. 12,50.",
        "%n cells are not numbers and were not saved; they are marked red. Use e.g. 12,50."),
}


def forms(source: str) -> tuple[str, str]:
    """("1 file", "2 files") shapes of a "(s)" message; the verb after a counted noun agrees."""
    if source in OVERRIDES:
        return OVERRIDES[source]
    one = re.sub(r"y\(ies\)", "y", source)
    many = re.sub(r"y\(ies\)", "ies", source)
    one, many = one.replace("(es)", "").replace("(s)", ""), many.replace("(es)", "es").replace("(s)", "s")
    one = re.sub(r"(%L?n \w+) (are|were|have|differ)\b", lambda m: f"{m[1]} {_VERB[m[2]]}", one)
    return one, many


def build() -> int:
    tree = ET.parse(DE)
    out = ET.Element("TS", version="2.1", language="en_GB", sourcelanguage="en")
    count = 0
    for context in tree.getroot().iter("context"):
        messages = [m for m in context.iter("message") if m.get("numerus") == "yes"
                    and (m.find("translation") is None or m.find("translation").get("type") not in ("vanished", "obsolete"))]
        if not messages:
            continue
        node = ET.SubElement(out, "context")
        ET.SubElement(node, "name").text = context.findtext("name", "")
        for message in messages:
            source = message.findtext("source", "")
            item = ET.SubElement(node, "message", numerus="yes")
            ET.SubElement(item, "source").text = source
            translation = ET.SubElement(item, "translation")
            for text in forms(source):
                ET.SubElement(translation, "numerusform").text = text
            count += 1
    ET.indent(out, space="    ")
    EN.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + ET.tostring(out, encoding="unicode")
                  + "\n", encoding="utf-8")
    sys.path.insert(0, str(ROOT / "tools"))
    from update_translations import find_tool

    subprocess.run([find_tool("lrelease"), str(EN), "-qm", str(EN.with_suffix(".qm"))], check=True,
                   capture_output=True)
    return count


if __name__ == "__main__":
    print(f"{build()} English plural message(s) in {EN.relative_to(ROOT)}")
