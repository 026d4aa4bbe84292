"""One name per column: an Excel export's header says what the ticket table and editors call the same
field, so the KAM who filters "Fallnummer" on screen finds "Fallnummer" in the sheet (not "Fall-ID",
not "Eskalationsstufe" next to the editor's "Eskalation", not "Zurückerhalten" next to "Zurückgeholt")."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication

from vendordesk.exports.columns import COLUMNS, header
from vendordesk.ui.i18n import install_language

# (export kind, column key, the Qt context and source of the word the window shows for it)
SAME = [("tickets", "case_id", "Tickets", "Case ID"),
        ("chargebacks", "case_id", "Tickets", "Case ID"),
        ("tasks", "case_id", "Tickets", "Case ID"),
        ("tickets", "escalation_level", "CaseEditor", "Escalation"),
        ("chargebacks", "recovered_amount", "Tickets", "Recovered")]
WORDS = {"de": ("Fallnummer", "Eskalation", "Zurückgeholt"), "en": ("Case ID", "Escalation", "Recovered")}


@pytest.mark.parametrize("lang", ["de", "en"])
def test_the_export_headers_use_the_windows_words(qapp, lang):
    install_language(QApplication.instance(), lang)
    for kind, key, context, source in SAME:
        col = next(c for c in COLUMNS[kind] if c.key == key)
        assert header(col, lang) == QCoreApplication.translate(context, source), (kind, key)
    case_id, escalation, recovered = WORDS[lang]              # and those words, spelled out
    assert [header(c, lang) for c in COLUMNS["tickets"] if c.key in ("case_id", "escalation_level")] == \
        [case_id, escalation]
    assert [header(c, lang) for c in COLUMNS["chargebacks"] if c.key == "recovered_amount"] == [recovered]


def _window_headers(kind: str, lang: str) -> dict[str, str]:
    from vendordesk.ui.tickets.columns import case_columns, chargeback_columns, task_columns

    columns = {"tickets": lambda: case_columns({}, lang), "chargebacks": lambda: chargeback_columns(lang),
               "tasks": lambda: task_columns({}, lang)}[kind]()[0]
    return {c.key: c.title for c in columns}


@pytest.mark.parametrize("lang", ["de", "en"])
@pytest.mark.parametrize("kind", ["tickets", "chargebacks", "tasks"])
def test_every_exported_column_the_table_shows_is_headed_with_the_tables_word(qapp, lang, kind):
    """The Excel file of a ticket table heads each column with the word its table uses: the task list
    said "Titel / Grund / Zuständig" over the table's "Was / Warum / Wer", the chargebacks "PO-Nummer /
    Rechnungsnummer / Problemgruppe / Einspruchsstatus" over "Bestellung / Rechnung / Gruppe /
    Einspruch", the cases "Nächstes Nachfassen / Abteilung" over "Nachfassen / Verantwortlich". A
    table's abbreviation of a word ("Eskal." for "Eskalation") may stand spelled out in the sheet."""
    install_language(QApplication.instance(), lang)
    window = _window_headers(kind, lang)
    differ = []
    for col in COLUMNS[kind]:
        if col.key not in window:
            continue
        shown, exported = window[col.key], header(col, lang)
        if shown.endswith(".") and exported.startswith(shown[:-1]):
            continue
        if shown != exported:
            differ.append((col.key, shown, exported))
    assert differ == []


@pytest.mark.parametrize("lang", ["de", "en"])
def test_the_side_editors_label_a_field_with_the_tables_word(qtbot, workspace, lang):
    """The case form beside the table said "Nächstes Nachfassen", "Gelöst" and "Verantwortlich" over
    the table's (and the Excel file's) "Nachfassen", "Gelöst am" and "Abteilung"; the chargeback
    form "Einspruchsstatus" over "Einspruch". Left as they are: a linked case ("Verknüpfter Fall",
    an entry field for another record's number) and the table's abbreviation "Eskal."."""
    from vendordesk.ui.context import AppContext
    from vendordesk.ui.tickets.case_editor import CaseEditor
    from vendordesk.ui.tickets.forms import ChargebackEditor, TaskEditor

    install_language(QApplication.instance(), lang)
    try:
        ctx = AppContext(workspace, lang=lang)
        editors = {"tickets": CaseEditor(ctx, {}), "chargebacks": ChargebackEditor(ctx), "tasks": TaskEditor(ctx, {})}
        differ = []
        for kind, editor in editors.items():
            qtbot.addWidget(editor)
            table = _window_headers(kind, lang)
            for key, widget in editor.fields.items():
                if key in ("case_id", "escalation_level") or key not in table:
                    continue
                label = editor.form.labelForField(widget.parentWidget()).text()
                if label != table[key]:
                    differ.append((kind, key, label, table[key]))
        assert differ == []
    finally:
        install_language(QApplication.instance(), "en")
