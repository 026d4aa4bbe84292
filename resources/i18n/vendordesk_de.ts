<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de" sourcelanguage="en">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../vendordesk/ui/window/about.py" line="+33"/>
        <source>About VendorDesk</source>
        <translation>Über VendorDesk</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&lt;p&gt;The desk of a Key Account Manager selling to Amazon as a 1P vendor.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Der Schreibtisch für Key Account Manager, die als 1P-Vendor an Amazon verkaufen.&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Python</source>
        <translation>Python</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Qt / PySide6</source>
        <translation>Qt / PySide6</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Workspace</source>
        <translation>Arbeitsbereich</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Data folder</source>
        <translation>Datenordner</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Log file</source>
        <translation>Protokolldatei</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Settings file</source>
        <translation>Einstellungsdatei</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Password store</source>
        <translation>Passwortspeicher</translation>
    </message>
    <message>
        <source>Keyring backend</source>
        <translation type="vanished">Schlüsselbund-Backend</translation>
    </message>
</context>
<context>
    <name>AsinPage</name>
    <message>
        <location filename="../../vendordesk/ui/forecast/pages.py" line="+61"/>
        <source>Amazon forecast of</source>
        <translation>Amazon-Prognose vom</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>none imported</source>
        <translation>keine importiert</translation>
    </message>
</context>
<context>
    <name>Backup</name>
    <message>
        <location filename="../../build/i18n/tr_helpers.py" line="+4"/>
        <source>%1 already exists. Replace it?</source>
        <translation>%1 existiert bereits. Ersetzen?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Back up workspace</source>
        <translation>Arbeitsbereich sichern</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Backup written to %1</source>
        <translation>Sicherung gespeichert unter %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose a file other than the open workspace.</source>
        <translation>Wählen Sie eine andere Datei als den geöffneten Arbeitsbereich.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The backup failed: %1</source>
        <translation>Die Sicherung ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>VendorDesk workspace (*.vendordesk)</source>
        <translation>VendorDesk-Arbeitsbereich (*.vendordesk)</translation>
    </message>
</context>
<context>
    <name>BridgeView</name>
    <message>
        <location filename="../../vendordesk/ui/influence/bridge.py" line="+50"/>
        <source>Amazon&apos;s Net PPM bridge</source>
        <translation>Amazons Net-PPM-Brücke</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Points</source>
        <translation>Punkte</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>ASINs that moved sell-in most</source>
        <translation>ASINs mit der größten Umsatzbewegung</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>ASIN</source>
        <translation>ASIN</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+25"/>
        <source>Before</source>
        <translation>Vorher</translation>
    </message>
    <message>
        <location line="-25"/>
        <location line="+25"/>
        <source>After</source>
        <translation>Nachher</translation>
    </message>
    <message>
        <location line="-25"/>
        <source>Change</source>
        <translation>Veränderung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>OOS before → after</source>
        <translation>OOS vorher → nachher</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>No sell-in in the two periods: nothing to bridge.</source>
        <translation>Kein Umsatz in den beiden Zeiträumen: Es gibt nichts zu überbrücken.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Net sell-in %1 → %2 (%3 vs. %4)</source>
        <translation>Netto-Umsatz %1 → %2 (%3 vs. %4)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>No explanation: too little history in one of the periods.</source>
        <translation>Keine Erklärung: zu wenig Historie in einem der Zeiträume.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Net PPM before</source>
        <translation>Net PPM vorher</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Net PPM after</source>
        <translation>Net PPM nachher</translation>
    </message>
</context>
<context>
    <name>CalibrationView</name>
    <message>
        <location filename="../../vendordesk/ui/influence/calibration.py" line="+57"/>
        <source>Link strengths start from the defaults of the gear model. Calibration learns them from this workspace&apos;s history where the data allows; your edits always win.</source>
        <translation>Die Stärken der Verknüpfungen starten mit den Standardwerten des Zahnradmodells. Die Kalibrierung lernt sie aus der Historie dieses Arbeitsbereichs, soweit die Daten es erlauben; Ihre Änderungen haben immer Vorrang.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Calibrate on history</source>
        <translation>Auf der Historie kalibrieren</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Link</source>
        <translation>Verknüpfung</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>From → to</source>
        <translation>Von → nach</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Sign</source>
        <translation>Vorzeichen</translation>
    </message>
    <message>
        <location line="-32"/>
        <source>Lag (wk)</source>
        <translation>Verzögerung (Wo.)</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+33"/>
        <source>Strength</source>
        <translation>Stärke</translation>
    </message>
    <message>
        <location line="-33"/>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Estimate ± uncertainty (weeks)</source>
        <translation>Schätzung ± Unsicherheit (Wochen)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Edit link</source>
        <translation>Verknüpfung bearbeiten</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Pick a link in the table to edit it.</source>
        <translation>Wählen Sie in der Tabelle eine Verknüpfung, um sie zu bearbeiten.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>+ raises</source>
        <translation>+ erhöht</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>− lowers</source>
        <translation>− senkt</translation>
    </message>
    <message>
        <location line="+3"/>
        <source> wk</source>
        <translation> Wo.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Lag</source>
        <translation>Verzögerung</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save link</source>
        <translation>Verknüpfung speichern</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Back to default/calibration</source>
        <translation>Zurück zu Standard/Kalibrierung</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>default kept: %1</source>
        <translation>Standard beibehalten: %1</translation>
    </message>
    <message>
        <location line="+67"/>
        <source>Link not saved</source>
        <translation>Verknüpfung nicht gespeichert</translation>
    </message>
</context>
<context>
    <name>CaseEditor</name>
    <message>
        <location filename="../../vendordesk/ui/tickets/case_editor.py" line="+102"/>
        <source>Case ID</source>
        <translation>Fallnummer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Subject</source>
        <translation>Betreff</translation>
    </message>
    <message>
        <location filename="../../vendordesk/ui/negotiation/editor.py" line="+91"/>
        <source>Tariff-driven increase (needs 90 days notice)</source>
        <translation>Zollbedingte Erhöhung (90 Tage Vorlauf nötig)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Draft</source>
        <translation>Entwurf</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Submitted</source>
        <translation>Eingereicht</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Accepted</source>
        <translation>Angenommen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rejected</source>
        <translation>Abgelehnt</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Withdrawn</source>
        <translation>Zurückgezogen</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Currency</source>
        <translation>Währung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Requested effective date</source>
        <translation>Gewünschtes Gültigkeitsdatum</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Final order at old cost until</source>
        <translation>Letzte Bestellung zum alten Preis bis</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Key account manager</source>
        <translation>Key Account Manager</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../vendordesk/ui/tickets/case_editor.py" line="+1"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>ASIN</source>
        <translation>ASIN</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Current cost</source>
        <translation>Aktueller Einkaufspreis</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Requested cost</source>
        <translation>Geforderter Einkaufspreis</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Our own unit cost</source>
        <translation>Eigene Stückkosten</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>MSRP now</source>
        <translation>UVP heute</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>MSRP new</source>
        <translation>UVP neu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Product</source>
        <translation>Produkt</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>ASINs to add, separated by spaces or commas</source>
        <translation>Hinzuzufügende ASINs, durch Leerzeichen oder Kommas getrennt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add ASINs</source>
        <translation>ASINs hinzufügen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove selected</source>
        <translation>Auswahl entfernen</translation>
    </message>
    <message>
        <location line="+118"/>
        <source>Not an ASIN (10 letters or digits): %1</source>
        <translation>Keine ASIN (10 Buchstaben oder Ziffern): %1</translation>
    </message>
    <message>
        <location filename="../../vendordesk/ui/tickets/case_editor.py" line="+1"/>
        <source>Category</source>
        <translation>Kategorie</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Opened</source>
        <translation>Eröffnet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last contact</source>
        <translation>Letzter Kontakt</translation>
    </message>
    <message>
        <source>Next follow-up</source>
        <translation type="vanished">Nächstes Nachfassen</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation type="vanished">Gelöst</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>set when resolved</source>
        <translation>wird beim Lösen gesetzt</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Escalation</source>
        <translation>Eskalation</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation type="vanished">Verantwortlich</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Gear</source>
        <translation>Zahnrad</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ASINs</source>
        <translation>ASINs</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>B0… separated by spaces</source>
        <translation>B0… durch Leerzeichen getrennt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>POs</source>
        <translation>Bestellungen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Invoices</source>
        <translation>Rechnungen</translation>
    </message>
    <message>
        <location filename="../../vendordesk/ui/negotiation/editor.py" line="-129"/>
        <location filename="../../vendordesk/ui/tickets/case_editor.py" line="+1"/>
        <source>Notes</source>
        <translation>Notizen</translation>
    </message>
    <message>
        <location filename="../../vendordesk/ui/tickets/case_editor.py" line="+5"/>
        <source>Timeline</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>What happened…</source>
        <translation>Was ist passiert…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>New case</source>
        <translation>Neuer Fall</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Case %1</source>
        <translation>Fall %1</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Save the case to add contacts and notes.</source>
        <translation>Speichern Sie den Fall, um Kontakte und Notizen hinzuzufügen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No contacts or notes yet. Add one below.</source>
        <translation>Noch keine Kontakte oder Notizen. Fügen Sie unten einen Eintrag hinzu.</translation>
    </message>
    <message>
        <location line="+66"/>
        <source>Case exists</source>
        <translation>Fall existiert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Case %1 is already in the log. Merge what you entered into it?
Filled-in fields replace the old ones; links are added.</source>
        <translation>Fall %1 ist bereits erfasst. Ihre Eingaben damit zusammenführen?
Ausgefüllte Felder ersetzen die alten; Verknüpfungen werden ergänzt.</translation>
    </message>
    <message>
        <location line="-147"/>
        <source>Follow-up</source>
        <translation>Nachfassen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resolved on</source>
        <translation>Gelöst am</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Department</source>
        <translation>Abteilung</translation>
    </message>
</context>
<context>
    <name>ChargebackEditor</name>
    <message>
        <location filename="../../vendordesk/ui/tickets/forms.py" line="+323"/>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Amazon ID</source>
        <translation>Amazon-ID</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>chargeback or claim ID from Vendor Central</source>
        <translation>ID der Rückbelastung oder Fehlmengenforderung aus Vendor Central</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Amount</source>
        <translation>Betrag</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Raised on</source>
        <translation>Belastet am</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dispute by</source>
        <translation>Einspruch bis</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>empty: 30 days (chargeback)</source>
        <translation>leer: 30 Tage (Rückbelastung)</translation>
    </message>
    <message>
        <source>Dispute status</source>
        <translation type="vanished">Einspruchsstatus</translation>
    </message>
    <message>
        <source>Disputes filed</source>
        <translation type="vanished">Einsprüche</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Recovered</source>
        <translation>Zurückgeholt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PO</source>
        <translation>Bestellung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ASIN</source>
        <translation>ASIN</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Invoice</source>
        <translation>Rechnung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Linked case</source>
        <translation>Verknüpfter Fall</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Chargeback or shortage claim</source>
        <translation>Rückbelastung oder Fehlmengenforderung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chargeback %1</source>
        <translation>Rückbelastung %1</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Shortage: Amazon&apos;s automated matching runs until %1; dispute from %2.</source>
        <translation>Fehlmenge: Amazons automatischer Abgleich läuft bis %1; Einspruch ab %2.</translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>Disputable: %n day(s) left.</source>
        <translation>
            <numerusform>Einspruch möglich: noch %n Tag.</numerusform>
            <numerusform>Einspruch möglich: noch %n Tage.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Disputable.</source>
        <translation>Einspruch möglich.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Not disputable any more (settled, deadline passed or two disputes used).</source>
        <translation>Kein Einspruch mehr möglich (erledigt, Frist verstrichen oder zwei Einsprüche verbraucht).</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Enter the date the chargeback was raised.</source>
        <translation>Geben Sie das Datum der Rückbelastung ein.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>There is no case %1. Add the case first or clear the field.</source>
        <translation>Es gibt keinen Fall %1. Legen Sie den Fall zuerst an oder leeren Sie das Feld.</translation>
    </message>
    <message>
        <location line="-80"/>
        <source>Dispute</source>
        <translation>Einspruch</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Disputes</source>
        <translation>Einsprüche</translation>
    </message>
</context>
<context>
    <name>Charts</name>
    <message>
        <location filename="../../build/i18n/tr_helpers.py" line="+1"/>
        <source>%1 million</source>
        <translation>Mio. %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 thousand</source>
        <translation>Tsd. %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nothing to show yet.</source>
        <translation>Noch nichts zu zeigen.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>days</source>
        <translation>Tage</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>million</source>
        <translation>Mio.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>million units</source>
        <translation>Mio. Stück</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>units</source>
        <translation>Stück</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>weeks</source>
        <translation>Wochen</translation>
    </message>
    <message>
        <source> M</source>
        <translation type="vanished"> Mio.</translation>
    </message>
    <message>
        <source> k</source>
        <translation type="vanished"> T</translation>
    </message>
    <message>
        <location filename="../../vendordesk/ui/influence/charts.py" line="+47"/>
        <source>%2%1M</source>
        <translation>%1 Mio. %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%2%1k</source>
        <translation>%1 Tsd. %2</translation>
    </message>
</context>
<context>
    <name>Credentials</name>
    <message>
        <location filename="../../build/i18n/tr_helpers.py" line="+1"/>
        <source>KDE Wallet</source>
        <translation>KDE Wallet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rotate the LWA client secret by %1 (%2 days left): create a new one in the Solution Provider Portal and enter it here.</source>
        <translation>Erneuern Sie das LWA-Client-Secret bis %1 (noch %2 Tage): Legen Sie im Solution Provider Portal ein neues an und tragen Sie es hier ein.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Secret Service (GNOME Keyring)</source>
        <translation>Secret Service (GNOME-Schlüsselbund)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The LWA client secret expired on %1. Create a new one in the Solution Provider Portal and enter it here.</source>
        <translation>Das LWA-Client-Secret ist am %1 abgelaufen. Legen Sie im Solution Provider Portal ein neues an und tragen Sie es hier ein.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The LWA client secret is valid until %1.</source>
        <translation>Das LWA-Client-Secret ist bis %1 gültig.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Windows Credential Manager</source>
        <translation>Windows-Anmeldeinformationsverwaltung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>another password store (%1)</source>
        <translation>anderer Passwortspeicher (%1)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>macOS Keychain</source>
        <translation>macOS-Schlüsselbund</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>none available</source>
        <translation>keiner verfügbar</translation>
    </message>
</context>
<context>
    <name>CredentialsPage</name>
    <message>
        <location filename="../../vendordesk/ui/settings/credentials.py" line="+62"/>
        <source>Optional: VendorDesk can fetch the vendor reports from Amazon&apos;s Selling Partner API. It needs a private SP-API app with the Brand Analytics role (ask your Vendor Central admin). Nothing goes online unless you start a sync.</source>
        <translation>Optional: VendorDesk kann die Vendor-Berichte über Amazons Selling Partner API abrufen. Dafür ist eine private SP-API-App mit der Rolle „Brand Analytics“ nötig (fragen Sie Ihren Vendor-Central-Administrator). Ohne gestarteten Abgleich geht nichts online.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>LWA client ID:</source>
        <translation>LWA-Client-ID:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>LWA client secret:</source>
        <translation>LWA-Client-Secret:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refresh token:</source>
        <translation>Refresh-Token:</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Remove stored credentials</source>
        <translation>Gespeicherte Zugangsdaten entfernen</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>stored (%1)</source>
        <translation>gespeichert (%1)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>not set</source>
        <translation>nicht festgelegt</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Password store: %1</source>
        <translation>Passwortspeicher: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No secure password store is available: the credentials are kept for this session only and must be entered again next time.</source>
        <translation>Kein sicherer Passwortspeicher verfügbar: Die Zugangsdaten gelten nur für diese Sitzung und müssen beim nächsten Start erneut eingegeben werden.</translation>
    </message>
</context>
<context>
    <name>DivergencePage</name>
    <message>
        <location filename="../../vendordesk/ui/forecast/pages.py" line="+80"/>
        <source>Only flagged</source>
        <translation>Nur markierte</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Our forecast against Amazon&apos;s newest forecast (next 13 weeks)</source>
        <translation>Unsere Prognose gegen Amazons neueste Prognose (nächste 13 Wochen)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Amazon&apos;s forecast across generations (drift; cuts after OOS weeks)</source>
        <translation>Amazons Prognose über die Generationen (Drift; Kürzungen nach OOS-Wochen)</translation>
    </message>
</context>
<context>
    <name>DriversEditor</name>
    <message>
        <location filename="../../vendordesk/ui/negotiation/drivers.py" line="+22"/>
        <source>Raw materials</source>
        <translation>Rohstoffe</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Energy</source>
        <translation>Energie</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Labour</source>
        <translation>Personal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Freight</source>
        <translation>Fracht</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Tariffs (HTS)</source>
        <translation>Zölle (HTS)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>FX</source>
        <translation>Wechselkurs</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Driver</source>
        <translation>Treiber</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Weight in cost (%)</source>
        <translation>Anteil an den Kosten (%)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Change (%)</source>
        <translation>Veränderung (%)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Index</source>
        <translation>Index</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Normalise weights to 100 %</source>
        <translation>Gewichte auf 100 % normieren</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Weight: share of the driver in our unit cost. Change: how much that cost rose. The justified increase is the sum of weight × change.</source>
        <translation>Gewicht: Anteil des Treibers an unseren Stückkosten. Veränderung: wie stark diese Kosten gestiegen sind. Die begründete Erhöhung ist die Summe aus Gewicht × Veränderung.</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>Weights: %1 · justified increase: %2</source>
        <translation>Gewichte: %1 · begründete Erhöhung: %2</translation>
    </message>
</context>
<context>
    <name>EconomicsView</name>
    <message>
        <location filename="../../vendordesk/ui/negotiation/views.py" line="+25"/>
        <source>ASIN</source>
        <translation>ASIN</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Product</source>
        <translation>Produkt</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Cost now</source>
        <translation>EK aktuell</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Cost new</source>
        <translation>EK neu</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Change</source>
        <translation>Veränderung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ASP 13 w</source>
        <translation>ASP 13 Wo.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>ASP 26 w</source>
        <translation>ASP 26 Wo.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>ASP 52 w</source>
        <translation>ASP 52 Wo.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>ASP trend</source>
        <translation>ASP-Trend</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Front margin now</source>
        <translation>Frontmarge aktuell</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Front margin new</source>
        <translation>Frontmarge neu</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Net PPM now</source>
        <translation>Net PPM aktuell</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Net PPM new</source>
        <translation>Net PPM neu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Net PPM if ASP follows</source>
        <translation>Net PPM, wenn ASP nachzieht</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Break-even ASP</source>
        <translation>Break-even-ASP</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>CRaP risk</source>
        <translation>CRaP-Risiko</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Units if ASP follows</source>
        <translation>Stück, wenn ASP nachzieht</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Our margin now</source>
        <translation>Unsere Marge aktuell</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Our margin new</source>
        <translation>Unsere Marge neu</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>calibrated elasticity %1</source>
        <translation>kalibrierte Elastizität %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>default elasticity %1 (not calibrated)</source>
        <translation>Standard-Elastizität %1 (nicht kalibriert)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Requested &lt;b&gt;%1&lt;/b&gt; · justified by drivers &lt;b&gt;%2&lt;/b&gt; · extra COGS for Amazon per year &lt;b&gt;%3&lt;/b&gt;&lt;br/&gt;Amazon&apos;s Net PPM today &lt;b&gt;%4&lt;/b&gt; → after &lt;b&gt;%5&lt;/b&gt; (ASP unchanged) / &lt;b&gt;%6&lt;/b&gt; (ASP follows); target %7 · %8 of %9 ASINs at CRaP risk · %10</source>
        <translation>Gefordert &lt;b&gt;%1&lt;/b&gt; · durch Kostentreiber begründet &lt;b&gt;%2&lt;/b&gt; · Mehr-COGS für Amazon pro Jahr &lt;b&gt;%3&lt;/b&gt;&lt;br/&gt;Amazons Net PPM heute &lt;b&gt;%4&lt;/b&gt; → danach &lt;b&gt;%5&lt;/b&gt; (ASP unverändert) / &lt;b&gt;%6&lt;/b&gt; (ASP zieht nach); Ziel %7 · %8 von %9 ASINs mit CRaP-Risiko · %10</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>not available: no sales facts or no ASP</source>
        <translation>nicht verfügbar: keine Verkaufsdaten oder kein ASP</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>no</source>
        <translation>nein</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <location filename="../../build/i18n/tr_helpers.py" line="+1"/>
        <source>Cannot do that</source>
        <translation>Das geht nicht</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Details were written to the log file:</source>
        <translation>Details stehen in der Protokolldatei:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Something went wrong. Your data is safe; the last step was not completed.</source>
        <translation>Etwas ist schiefgelaufen. Ihre Daten sind sicher; der letzte Schritt wurde nicht ausgeführt.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unexpected error</source>
        <translation>Unerwarteter Fehler</translation>
    </message>
</context>
<context>
    <name>FactsExport</name>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Excel (*.xlsx);;CSV (*.csv)</source>
        <translation>Excel (*.xlsx);;CSV (*.csv)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export all facts</source>
        <translation>Alle Kennzahlen exportieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Exporting all facts…</source>
        <translation>Alle Kennzahlen werden exportiert…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Facts exported to %1 (rows: %2)</source>
        <translation>Kennzahlen nach %1 exportiert (Zeilen: %2)</translation>
    </message>
    <message>
        <source>facts.xlsx</source>
        <translation type="vanished">fakten.xlsx</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Facts.xlsx</source>
        <translation>Kennzahlen.xlsx</translation>
    </message>
</context>
<context>
    <name>ForecastCounts</name>
    <message numerus="yes">
        <location filename="../../vendordesk/ui/forecast/texts.py" line="+35"/>
        <source>%Ln ASIN(s) differ by more than %1.</source>
        <translation>
            <numerusform>%Ln ASIN weicht um mehr als %1 ab.</numerusform>
            <numerusform>%Ln ASINs weichen um mehr als %1 ab.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>On %Ln ASIN(s) Amazon cut its forecast after OOS weeks (OOS spiral).</source>
        <translation>
            <numerusform>Bei %Ln ASIN hat Amazon seine Prognose nach OOS-Wochen gekürzt (OOS-Abwärtsspirale).</numerusform>
            <numerusform>Bei %Ln ASINs hat Amazon seine Prognose nach OOS-Wochen gekürzt (OOS-Abwärtsspirale).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%Ln ASIN(s).</source>
        <translation>
            <numerusform>%Ln ASIN.</numerusform>
            <numerusform>%Ln ASINs.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Ours beat seasonal naive on %1 of %Ln backtested ASIN(s).</source>
        <translation>
            <numerusform>Unsere Prognose schlug saisonal naiv bei %1 von %Ln getesteten ASIN.</numerusform>
            <numerusform>Unsere Prognose schlug saisonal naiv bei %1 von %Ln getesteten ASINs.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%Ln ASIN(s) have weeks at out-of-stock risk in the next %1 weeks;</source>
        <translation>
            <numerusform>%Ln ASIN hat in den nächsten %1 Wochen mindestens eine Woche mit OOS-Risiko;</numerusform>
            <numerusform>%Ln ASINs haben in den nächsten %1 Wochen mindestens eine Woche mit OOS-Risiko;</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%Ln ASIN(s) differ from Amazon by more than %1.</source>
        <translation>
            <numerusform>%Ln ASIN weicht um mehr als %1 von Amazon ab.</numerusform>
            <numerusform>%Ln ASINs weichen um mehr als %1 von Amazon ab.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%Ln ASIN(s) at risk in the next %1 weeks.</source>
        <translation>
            <numerusform>%Ln ASIN mit Risiko in den nächsten %1 Wochen.</numerusform>
            <numerusform>%Ln ASINs mit Risiko in den nächsten %1 Wochen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Over all %1 forecast weeks: %Ln week(s) at risk</source>
        <translation>
            <numerusform>Über alle %1 Prognosewochen: %Ln Risikowoche</numerusform>
            <numerusform>Über alle %1 Prognosewochen: %Ln Risikowochen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>on %Ln ASIN(s);</source>
        <translation>
            <numerusform>bei %Ln ASIN;</numerusform>
            <numerusform>bei %Ln ASINs;</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Over all %1 forecast weeks: %2 weeks at risk on %Ln ASIN(s);</source>
        <translation type="vanished">
            <numerusform>Über alle %1 Prognosewochen: %2 Risikowochen bei %Ln ASIN;</numerusform>
            <numerusform>Über alle %1 Prognosewochen: %2 Risikowochen bei %Ln ASINs;</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ForecastLabels</name>
    <message>
        <location filename="../../build/i18n/tr_helpers.py" line="+1"/>
        <source>Amazon&apos;s (better so far)</source>
        <translation>Amazons (bisher besser)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Black Friday</source>
        <translation>Black Friday</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Christmas</source>
        <translation>Weihnachten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Croston-SBA</source>
        <translation>Croston-SBA</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cut</source>
        <translation>Gekürzt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cut after OOS (spiral)</source>
        <translation>Gekürzt nach OOS (Abwärtsspirale)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cyber Monday</source>
        <translation>Cyber Monday</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Easter</source>
        <translation>Ostern</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Exponential smoothing</source>
        <translation>Exponentielle Glättung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fallback: mean (&lt; 4 weeks)</source>
        <translation>Ersatz: Mittelwert (&lt; 4 Wochen)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fallback: zero</source>
        <translation>Ersatz: null</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last year, scaled to the current level</source>
        <translation>Vorjahr, auf das aktuelle Niveau skaliert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Launch: analogues&apos; curve</source>
        <translation>Neuheit: Verlauf vergleichbarer ASINs</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mother&apos;s Day</source>
        <translation>Muttertag</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Moving average (13 wk)</source>
        <translation>Gleitender Durchschnitt (13 Wo.)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>OOS weeks corrected</source>
        <translation>OOS-Wochen korrigiert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>OOS weeks excluded</source>
        <translation>OOS-Wochen ausgeschlossen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ours</source>
        <translation>Unsere</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ours + Amazon&apos;s</source>
        <translation>Unsere + Amazons</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>P80 not covered</source>
        <translation>P80 nicht gedeckt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>P90 not covered</source>
        <translation>P90 nicht gedeckt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Prime Big Deal Days</source>
        <translation>Prime Big Deal Days</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Prime Day</source>
        <translation>Prime Day</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Seasonal naive</source>
        <translation>Saisonal naiv</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Seasonal smoothing</source>
        <translation>Saisonale Glättung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Seasonal smoothing + last year</source>
        <translation>Saisonale Glättung + Vorjahr</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Seasonal smoothing with damped trend</source>
        <translation>Saisonale Glättung mit gedämpftem Trend</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Smoothing combination</source>
        <translation>Glättungskombination</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>TSB (Teunter-Syntetos-Babai)</source>
        <translation>TSB (Teunter-Syntetos-Babai)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>We expect less</source>
        <translation>Wir erwarten weniger</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>We expect more</source>
        <translation>Wir erwarten mehr</translation>
    </message>
    <message>
        <source>cut</source>
        <translation type="vanished">gekürzt</translation>
    </message>
    <message>
        <source>cut after OOS (spiral)</source>
        <translation type="vanished">gekürzt nach OOS (Abwärtsspirale)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>missing weeks</source>
        <translation>fehlende Wochen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no history</source>
        <translation>keine Historie</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no sales</source>
        <translation>keine Verkäufe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>returns &gt; orders set to 0</source>
        <translation>Retouren &gt; Bestellungen auf 0 gesetzt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>short history</source>
        <translation>kurze Historie</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>spike capped</source>
        <translation>Ausreißer gekappt</translation>
    </message>
    <message>
        <source>we expect less</source>
        <translation type="vanished">wir erwarten weniger</translation>
    </message>
    <message>
        <source>we expect more</source>
        <translation type="vanished">wir erwarten mehr</translation>
    </message>
</context>
<context>
    <name>ForecastTab</name>
    <message>
        <location filename="../../vendordesk/ui/forecast/tab.py" line="+21"/>
        <source>No sales history yet</source>
        <translation>Noch keine Verkaufshistorie</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Import weekly Vendor Central Sales reports and Amazon&apos;s Forecast report (File › Import…) to compare our forecast with Amazon&apos;s.</source>
        <translation>Importieren Sie wöchentliche Vendor-Central-Verkaufsberichte und Amazons Prognosebericht (Datei › Importieren…), um unsere Prognose mit der von Amazon zu vergleichen.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Forecast</source>
        <translation>Prognose</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>Forecasting every ASIN and backtesting it…</source>
        <translation>Prognose und Backtest für jede ASIN…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Forecast cancelled. Press “Run forecast” to start again.</source>
        <translation>Prognose abgebrochen. Klicken Sie auf „Prognose berechnen“, um neu zu starten.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>The forecast failed; details are in the log file.</source>
        <translation>Die Prognose ist fehlgeschlagen; Details stehen in der Protokolldatei.</translation>
    </message>
</context>
<context>
    <name>ForecastTables</name>
    <message>
        <location filename="../../build/i18n/tr_helpers.py" line="+1"/>
        <source>ASIN</source>
        <translation>ASIN</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ASINs ordering</source>
        <translation>Bestellte ASINs</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Amazon (mean)</source>
        <translation>Amazon (Mittel)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Amazon 13 wk</source>
        <translation>Amazon 13 Wo.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Amazon next 13 wk</source>
        <translation>Amazon nächste 13 Wo.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Amazon&apos;s</source>
        <translation>Amazons</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>At risk</source>
        <translation>Gefährdet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Available at Amazon</source>
        <translation>Verfügbar bei Amazon</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Better, wk %1–%2</source>
        <translation>Besser, Wo. %1–%2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bias ours</source>
        <translation>Bias unsere</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Capacity</source>
        <translation>Kapazität</translation>
    </message>
    <message>
        <source>Change</source>
        <translation type="vanished">Veränderung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Data notes</source>
        <translation>Datenhinweise</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Difference</source>
        <translation>Differenz</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Difference %</source>
        <translation>Differenz %</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Divergence</source>
        <translation>Abweichung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Expected new orders</source>
        <translation>Erwartete neue Bestellungen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Flag</source>
        <translation>Markierung</translation>
    </message>
    <message>
        <source>Generation</source>
        <translation type="vanished">Generation</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>MASE ours</source>
        <translation>MASE unsere</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>MASE seas. naive</source>
        <translation>MASE saison. naiv</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>OOS before</source>
        <translation type="vanished">OOS vorher</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>Forecast used</source>
        <translation>Verwendete Prognose</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last revision</source>
        <translation>Letzte Änderung</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Newest generation</source>
        <translation>Neueste Generation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>OOS rate before</source>
        <translation>OOS-Quote vorher</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open PO units due</source>
        <translation>Fällige offene Bestellmengen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ours</source>
        <translation>Unsere</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ours (P50)</source>
        <translation>Unsere (P50)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ours 13 wk</source>
        <translation>Unsere 13 Wo.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>P80 demand</source>
        <translation>P80-Bedarf</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>P90 demand</source>
        <translation>P90-Bedarf</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Product</source>
        <translation>Produkt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Risk</source>
        <translation>Risiko</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Risk weeks</source>
        <translation>Risikowochen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Since 1st generation</source>
        <translation>Seit 1. Generation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Total units</source>
        <translation>Stück gesamt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Units short (P90)</source>
        <translation>Fehlmenge (P90)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>WAPE Amazon</source>
        <translation>WAPE Amazon</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>WAPE ours</source>
        <translation>WAPE unsere</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Week</source>
        <translation>Woche</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Weeks</source>
        <translation>Wochen</translation>
    </message>
</context>
<context>
    <name>ForecastTexts</name>
    <message>
        <source>%1 weeks at risk on %2 ASINs; %3 at risk (units short of P90 demand × unit value). Enter capacity and own stock on the ASIN page to sharpen this.</source>
        <translation type="vanished">%1 gefährdete Wochen bei %2 ASINs; %3 im Risiko (Fehlmenge zum P90-Bedarf × Stückwert). Erfassen Sie Kapazität und eigenen Bestand auf der ASIN-Seite, um das zu schärfen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&lt;b&gt;Backtest&lt;/b&gt; (last %1 weeks hidden, then forecast):</source>
        <translation>&lt;b&gt;Backtest&lt;/b&gt; (letzte %1 Wochen ausgeblendet, dann prognostiziert):</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&lt;span style=&apos;color:#c62828&apos;&gt;Seasonal naive was better for this ASIN.&lt;/span&gt;</source>
        <translation>&lt;span style=&apos;color:#c62828&apos;&gt;Saisonal naiv war für diese ASIN besser.&lt;/span&gt;</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ASIN</source>
        <translation>ASIN</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ASINs at out-of-stock risk over the whole forecast</source>
        <translation>ASINs mit OOS-Risiko über die ganze Prognose</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ASINs ordering</source>
        <translation>Bestellte ASINs</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>&lt;b&gt;Against Amazon&lt;/b&gt;, the %1 weeks since its forecast of %2:</source>
        <translation>&lt;b&gt;Gegen Amazon&lt;/b&gt;, die %1 Wochen seit seiner Prognose vom %2:</translation>
    </message>
    <message>
        <source>%1 ASINs at risk in the next %2 weeks. Over the whole horizon: %3 weeks at risk on %4 ASINs; %5 at risk (units short of P90 demand × unit value). Enter capacity and own stock on the ASIN page to sharpen this.</source>
        <translation type="vanished">%1 ASINs mit Risiko in den nächsten %2 Wochen. Über den ganzen Horizont: %3 Risikowochen bei %4 ASINs; %5 gefährdet (fehlende Stück zur P90-Nachfrage × Stückwert). Kapazität und eigenen Bestand auf der ASIN-Seite erfassen, um das zu schärfen.</translation>
    </message>
    <message>
        <source>%1 ASINs. Ours beat seasonal naive on %2 of %3 backtested ASINs. %4 ASINs have weeks at out-of-stock risk; %5 differ from Amazon by more than 25 %. Double-click a row to open its chart.</source>
        <translation type="vanished">%1 ASINs. Unsere Prognose schlug saisonal naiv bei %2 von %3 getesteten ASINs. %4 ASINs haben Wochen mit Out-of-Stock-Risiko; %5 weichen um mehr als 25 % von Amazon ab. Doppelklicken Sie auf eine Zeile, um ihr Diagramm zu öffnen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&lt;br&gt;Same %1 weeks as Amazon&apos;s oldest imported forecast: WAPE ours %2, Amazon %3 (%4 ASINs)</source>
        <translation>&lt;br&gt;Dieselben %1 Wochen wie Amazons älteste importierte Prognose: WAPE unsere %2, Amazon %3 (%4 ASINs)</translation>
    </message>
    <message>
        <source>ASINs at out-of-stock risk</source>
        <translation type="vanished">ASINs mit Out-of-Stock-Risiko</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Amazon&apos;s</source>
        <translation>Amazons</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Amazon: no imported forecast old enough to score against sales.</source>
        <translation>Amazon: keine importierte Prognose, die alt genug für einen Abgleich mit den Verkäufen ist.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>At risk</source>
        <translation>Gefährdet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Backtest on the last %1 weeks: mean MASE ours %2, seasonal naive %3 (%4 better); P70/P80/P90 coverage %5 / %6 / %7</source>
        <translation>Backtest über die letzten %1 Wochen: mittlerer MASE unsere %2, saisonal naiv %3 (%4 besser); Abdeckung P70/P80/P90 %5 / %6 / %7</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Better so far: %1. Used: %2.</source>
        <translation>Bisher besser: %1. Verwendet: %2.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Expected Amazon orders in the next 4 weeks: %1 units (of which %2 on open POs). Rule: forecast over lead time + 1 review week + P80 safety − (Amazon stock + open POs).</source>
        <translation>Erwartete Amazon-Bestellungen in den nächsten 4 Wochen: %1 Stück (davon %2 in offenen Bestellungen). Regel: Prognose über Lieferzeit + 1 Prüfwoche + P80-Sicherheit − (Amazon-Bestand + offene Bestellungen).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Expected Amazon purchase orders per week, as of %1</source>
        <translation>Erwartete Amazon-Bestellungen pro Woche, Stand %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Expected new orders</source>
        <translation>Erwartete neue Bestellungen</translation>
    </message>
    <message>
        <source>Expected order = forecast over lead time + 1 week + P80 safety − (Amazon stock + open POs). Our forecast, not Amazon&apos;s commitment.</source>
        <translation type="vanished">Erwartete Bestellung = Prognose über Lieferzeit + 1 Woche + P80-Sicherheit − (Amazon-Bestand + offene Bestellungen). Unsere Prognose, keine Zusage von Amazon.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>First week at risk</source>
        <translation>Erste gefährdete Woche</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Forecast ready. Not enough history for a backtest.</source>
        <translation>Prognose fertig. Zu wenig Historie für einen Backtest.</translation>
    </message>
    <message>
        <source>Next 13 weeks in total: ours %1 units, Amazon %2 (%3). %4 ASINs differ by more than 25 %. %5 forecast cuts after OOS weeks.</source>
        <translation type="vanished">Nächste 13 Wochen gesamt: unsere %1 Stück, Amazon %2 (%3). %4 ASINs weichen um mehr als 25 % ab. %5 Prognosekürzungen nach OOS-Wochen.</translation>
    </message>
    <message>
        <source>%1 ASINs at risk in the next %2 weeks. Over all %6 forecast weeks: %3 weeks at risk on %4 ASINs; %5 at risk (units short of P90 demand × unit value). Enter capacity and own stock on the ASIN page to sharpen this.</source>
        <translation type="vanished">%1 ASINs mit Risiko in den nächsten %2 Wochen. Über alle %6 Prognosewochen: %3 Risikowochen bei %4 ASINs; %5 gefährdet (fehlende Stück zur P90-Nachfrage × Stückwert). Kapazität und eigenen Bestand auf der ASIN-Seite erfassen, um das zu schärfen.</translation>
    </message>
    <message>
        <source>%1 ASINs. Ours beat seasonal naive on %2 of %3 backtested ASINs. %4 ASINs have weeks at out-of-stock risk in the next %6 weeks; %5 differ from Amazon by more than 25 %. Double-click a row to open its chart.</source>
        <translation type="vanished">%1 ASINs. Unsere Prognose schlug saisonal naiv bei %2 von %3 getesteten ASINs. %4 ASINs haben in den nächsten %6 Wochen mindestens eine Woche mit Out-of-Stock-Risiko; %5 weichen um mehr als 25 % von Amazon ab. Doppelklicken Sie auf eine Zeile, um ihr Diagramm zu öffnen.</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Expected order = forecast over lead time + 1 week + P80 safety − (Amazon stock + open POs), with Amazon&apos;s own forecast where imported, else ours. An estimate, not Amazon&apos;s commitment.</source>
        <translation>Erwartete Bestellung = Prognose über Lieferzeit + 1 Woche + P80-Sicherheit − (Amazon-Bestand + offene Bestellungen), mit Amazons eigener Prognose, wo importiert, sonst unserer. Eine Schätzung, keine Zusage von Amazon.</translation>
    </message>
    <message>
        <source>Next 13 weeks in total: ours %1 units, Amazon %2 (%3). %4 ASINs differ by more than 25 %. On %5 ASINs Amazon cut its forecast after OOS weeks (OOS spiral).</source>
        <translation type="vanished">Nächste 13 Wochen gesamt: unsere %1 Stück, Amazon %2 (%3). %4 ASINs weichen um mehr als 25 % ab. Bei %5 ASINs hat Amazon seine Prognose nach OOS-Wochen gekürzt (OOS-Abwärtsspirale).</translation>
    </message>
    <message>
        <source>%1 ASINs. Ours beat seasonal naive on %2 of %3 backtested ASINs. %4 ASINs have weeks at out-of-stock risk in the next %6 weeks; %5 differ from Amazon by more than %7. Double-click a row to open its chart.</source>
        <translation type="vanished">%1 ASINs. Unsere Prognose schlug saisonal naiv bei %2 von %3 getesteten ASINs. %4 ASINs haben in den nächsten %6 Wochen mindestens eine Woche mit Out-of-Stock-Risiko; %5 weichen um mehr als %7 von Amazon ab. Doppelklicken Sie auf eine Zeile, um ihr Diagramm zu öffnen.</translation>
    </message>
    <message>
        <source>Next 13 weeks in total: ours %1 units, Amazon %2 (%3). %4 ASINs differ by more than %6. On %5 ASINs Amazon cut its forecast after OOS weeks (OOS spiral).</source>
        <translation type="vanished">Nächste 13 Wochen gesamt: unsere %1 Stück, Amazon %2 (%3). %4 ASINs weichen um mehr als %6 ab. Bei %5 ASINs hat Amazon seine Prognose nach OOS-Wochen gekürzt (OOS-Abwärtsspirale).</translation>
    </message>
    <message>
        <location line="-17"/>
        <source>%1 at risk (units short of P90 demand × unit value). Enter capacity and own stock on the ASIN page to sharpen this.</source>
        <translation>%1 gefährdet (fehlende Stück zur P90-Nachfrage × Stückwert). Kapazität und eigenen Bestand auf der ASIN-Seite erfassen, um das zu schärfen.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Double-click a row to open its chart.</source>
        <translation>Doppelklicken Sie auf eine Zeile, um ihr Diagramm zu öffnen.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Next 13 weeks in total: ours %1 units, Amazon %2 (%3).</source>
        <translation>Nächste 13 Wochen gesamt: unsere %1 Stück, Amazon %2 (%3).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No Amazon forecast covers our forecast weeks: import Amazon&apos;s Forecast report.</source>
        <translation>Keine Amazon-Prognose deckt unsere Prognosewochen ab: Importieren Sie Amazons Prognosebericht.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No backtest for this ASIN: its history is too short or had no sales in the hidden weeks.</source>
        <translation>Kein Backtest für diese ASIN: Die Historie ist zu kurz oder hatte keine Verkäufe in den ausgeblendeten Wochen.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No orders expected.</source>
        <translation>Keine Bestellungen erwartet.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No out-of-stock risk: projected Amazon stock covers P80 and P90 demand in every week.</source>
        <translation>Kein OOS-Risiko: Der erwartete Amazon-Bestand deckt den P80- und P90-Bedarf in jeder Woche.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>None.</source>
        <translation>Keine.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open PO units due</source>
        <translation>Fällige offene Bestellmengen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Orders coming</source>
        <translation>Erwartete Bestellungen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ours was better than seasonal naive.</source>
        <translation>Unsere Prognose war besser als saisonal naiv.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ours: WAPE %1, MASE %2, bias %3</source>
        <translation>Unsere: WAPE %1, MASE %2, Bias %3</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ours: WAPE %1, bias %2 · Amazon: WAPE %3, bias %4</source>
        <translation>Unsere: WAPE %1, Bias %2 · Amazon: WAPE %3, Bias %4</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Seasonal naive: WAPE %1, MASE %2</source>
        <translation>Saisonal naiv: WAPE %1, MASE %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Total units</source>
        <translation>Stück gesamt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Units short (P90)</source>
        <translation>Fehlmenge (P90)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Week</source>
        <translation>Woche</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Weeks at risk</source>
        <translation>Gefährdete Wochen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Where Amazon&apos;s was better, the combination leans on it.</source>
        <translation>Wo Amazons besser war, stützt sich die Kombination darauf.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>ours</source>
        <translation>unsere</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ours and Amazon&apos;s combined</source>
        <translation>unsere und Amazons kombiniert</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>wk %1–%2: %3</source>
        <translation>Wo. %1–%2: %3</translation>
    </message>
    <message>
        <source>Weeks at out-of-stock risk</source>
        <translation type="vanished">Wochen mit Out-of-Stock-Risiko</translation>
    </message>
    <message>
        <location line="-25"/>
        <source>No MASE: it divides the forecast error by the average change from one week to the next before the hidden weeks, and %1.</source>
        <translation>Kein MASE: Er teilt den Prognosefehler durch die durchschnittliche Veränderung von einer Woche zur nächsten vor den ausgeblendeten Wochen, und %1.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>before the hidden weeks the sales did not change from week to week</source>
        <translation>vor den ausgeblendeten Wochen änderten sich die Verkäufe von Woche zu Woche nicht</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>before the hidden weeks there were no two weeks of sales in a row</source>
        <translation>vor den ausgeblendeten Wochen gab es keine zwei Verkaufswochen am Stück</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no change from week to week</source>
        <translation>keine Veränderung von Woche zu Woche</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no sales before</source>
        <translation>keine Verkäufe davor</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no two weeks in a row</source>
        <translation>keine zwei Wochen am Stück</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>there were no sales before the hidden weeks</source>
        <translation>es gab keine Verkäufe vor den ausgeblendeten Wochen</translation>
    </message>
</context>
<context>
    <name>ForecastView</name>
    <message>
        <location filename="../../vendordesk/ui/forecast/view.py" line="+49"/>
        <source>Print…</source>
        <translation>Drucken…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export…</source>
        <translation>Exportieren…</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+75"/>
        <source>ASIN</source>
        <translation>ASIN</translation>
    </message>
    <message>
        <location line="-75"/>
        <source>All ASINs</source>
        <translation>Alle ASINs</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Amazon vs ours</source>
        <translation>Amazon vs. unsere</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Out-of-stock risk</source>
        <translation>OOS-Risiko</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Orders coming</source>
        <translation>Erwartete Bestellungen</translation>
    </message>
    <message>
        <location line="+15"/>
        <source> weeks</source>
        <translation> Wochen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Run forecast</source>
        <translation>Prognose berechnen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Export forecast…</source>
        <translation>Prognose exportieren…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Horizon</source>
        <translation>Horizont</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Forecast…</source>
        <translation>Prognose…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Search ASIN or product…</source>
        <translation>ASIN oder Produkt suchen…</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Units per week</source>
        <translation>Stück pro Woche</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Sales (units)</source>
        <translation>Verkäufe (Stück)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>OOS week</source>
        <translation>OOS-Woche</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ours P50–P90</source>
        <translation>Unsere P50–P90</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ours P50</source>
        <translation>Unsere P50</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ours P80</source>
        <translation>Unsere P80</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Amazon mean</source>
        <translation>Amazon-Mittel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Amazon P70/P80/P90</source>
        <translation>Amazon P70/P80/P90</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Our capacity</source>
        <translation>Unsere Kapazität</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Projected Amazon stock</source>
        <translation>Erwarteter Amazon-Bestand</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Expected Amazon orders</source>
        <translation>Erwartete Amazon-Bestellungen</translation>
    </message>
    <message>
        <location line="-65"/>
        <location line="+67"/>
        <source>Units</source>
        <translation>Stück</translation>
    </message>
    <message>
        <location line="-67"/>
        <source>Open PO units due</source>
        <translation>Fällige offene Bestellmengen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Expected new orders</source>
        <translation>Erwartete neue Bestellungen</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>P90 above capacity</source>
        <translation>P90 über Kapazität</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Projected own stock</source>
        <translation>Erwarteter eigener Bestand</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last year (same weeks)</source>
        <translation>Vorjahr (gleiche Wochen)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No forecast yet: press “Run forecast”.</source>
        <translation>Noch keine Prognose: „Prognose berechnen“ drücken.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Product</source>
        <translation>Produkt</translation>
    </message>
    <message>
        <location line="+85"/>
        <source>Model: %1</source>
        <translation>Modell: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Data notes: %1</source>
        <translation>Datenhinweise: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Amazon cut its forecast after OOS weeks</source>
        <translation>Amazon hat seine Prognose nach OOS-Wochen gekürzt</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>Export orders coming</source>
        <translation>Kommende Bestellungen exportieren</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+12"/>
        <source>Excel (*.xlsx);;CSV (*.csv)</source>
        <translation>Excel (*.xlsx);;CSV (*.csv)</translation>
    </message>
    <message>
        <source>orders-coming.xlsx</source>
        <translation type="vanished">erwartete-bestellungen.xlsx</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Export forecast</source>
        <translation>Prognose exportieren</translation>
    </message>
    <message>
        <source>forecast.xlsx</source>
        <translation type="vanished">prognose.xlsx</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Export failed</source>
        <translation>Export fehlgeschlagen</translation>
    </message>
    <message>
        <location line="-40"/>
        <source>Orders coming.xlsx</source>
        <translation>Erwartete Bestellungen.xlsx</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Forecast.xlsx</source>
        <translation>Prognose.xlsx</translation>
    </message>
</context>
<context>
    <name>FormEditor</name>
    <message>
        <location filename="../../vendordesk/ui/tickets/forms.py" line="-227"/>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Delete…</source>
        <translation>Löschen…</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>Demo: “today” is the data date %1; new entries are dated to it.</source>
        <translation>Demo: „Heute“ ist der Datenstand %1; neue Einträge erhalten dieses Datum.</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>“%1” is not an amount. Use 1.234,56 or 1234.56.</source>
        <translation>„%1“ ist kein Betrag. Verwenden Sie 1.234,56 oder 1234.56.</translation>
    </message>
</context>
<context>
    <name>GearDetail</name>
    <message>
        <location filename="../../vendordesk/ui/gears/detail.py" line="+63"/>
        <source>Enter values…</source>
        <translation>Werte eingeben…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rename &amp;&amp; thresholds…</source>
        <translation>Umbenennen &amp;&amp; Schwellen…</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>KPI</source>
        <translation>KPI</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+188"/>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <location line="-188"/>
        <location line="+189"/>
        <source>Comparison</source>
        <translation>Vergleich</translation>
    </message>
    <message>
        <location line="-188"/>
        <location line="+189"/>
        <source>Change</source>
        <translation>Veränderung</translation>
    </message>
    <message>
        <location line="-189"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Limits</source>
        <translation>Grenzen</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>No values over time for this KPI yet.</source>
        <translation>Für diesen KPI gibt es noch keinen Verlauf.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Double-click an ASIN to filter the gears by it.</source>
        <translation>Doppelklicken Sie auf eine ASIN, um die Zahnräder danach zu filtern.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>%1 · too little data for a score</source>
        <translation>%1 · zu wenig Daten für eine Punktzahl</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 · no data</source>
        <translation>%1 · keine Daten</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 · score %2 · %3</source>
        <translation>%1 · Punktzahl %2 · %3</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>prior period</source>
        <translation>Vorperiode</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>same weeks last year</source>
        <translation>dieselben Wochen im Vorjahr</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No data for this gear in the chosen period. Its KPIs come from reports VendorDesk cannot read for it, or from values you enter by hand (Enter values…). Without data the gear gets no score.</source>
        <translation>Keine Daten für dieses Zahnrad im gewählten Zeitraum. Seine KPIs stammen aus Berichten, die VendorDesk dafür nicht lesen kann, oder aus von Hand eingegebenen Werten (Werte eingeben…). Ohne Daten bekommt das Zahnrad keine Punktzahl.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 weeks up to the week of %2, compared with the %3. Score 0–100: green from 80, amber from 50.</source>
        <translation>%1 Wochen bis zur Woche vom %2; Vergleich: %3. Punktzahl 0–100: grün ab 80, gelb ab 50.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source> (manual)</source>
        <translation> (manuell)</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>%1 against %2: %3, a relative change of %4. The limits judge the relative change.</source>
        <translation>%1 gegenüber %2: %3, relativ eine Veränderung um %4. Die Grenzen beurteilen die relative Veränderung.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>change ≥ %1 / &lt; %2</source>
        <translation>Veränderung ≥ %1 / &lt; %2</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>rel. change ≥ %1 / &lt; %2</source>
        <translation>rel. Veränderung ≥ %1 / &lt; %2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1–%2 / &lt; %3 or &gt; %4</source>
        <translation>%1–%2 / &lt; %3 oder &gt; %4</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>same week last year</source>
        <translation>gleiche Woche im Vorjahr</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Worst ASINs for this gear, ranked by: %1</source>
        <translation>Schwächste ASINs dieses Zahnrads, geordnet nach: %1</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Lost
glance views</source>
        <translation>Verlorene
Glance Views</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Glance views lost to OOS</source>
        <translation>durch OOS verlorene Glance Views</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Chargebacks</source>
        <translation>Rückbelastungen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fall in conversion</source>
        <translation>Rückgang der Konversion</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Fall in ASP</source>
        <translation>Rückgang des ASP</translation>
    </message>
    <message>
        <source>weeks</source>
        <translation type="vanished">Wochen</translation>
    </message>
    <message>
        <source>days</source>
        <translation type="vanished">Tage</translation>
    </message>
    <message>
        <source>last year</source>
        <translation type="vanished">Vorjahr</translation>
    </message>
    <message>
        <location line="-41"/>
        <source>No ASIN ranking for this gear in this period.</source>
        <translation>Keine ASIN-Rangliste für dieses Zahnrad in diesem Zeitraum.</translation>
    </message>
    <message>
        <source>Worst ASINs for this gear (by %1)</source>
        <translation type="vanished">Schwächste ASINs für dieses Zahnrad (nach %1)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>ASIN</source>
        <translation>ASIN</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Revenue</source>
        <translation>Umsatz</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Change (rel.)</source>
        <translation>Veränderung (rel.)</translation>
    </message>
    <message>
        <source>Change (pts)</source>
        <translation type="vanished">Veränderung (Pkt.)</translation>
    </message>
    <message>
        <source>glance views lost to OOS</source>
        <translation type="vanished">durch OOS verlorene Glance Views</translation>
    </message>
    <message>
        <source>chargebacks</source>
        <translation type="vanished">Rückbelastungen</translation>
    </message>
    <message>
        <source>fall in conversion</source>
        <translation type="vanished">Rückgang der Konversion</translation>
    </message>
    <message>
        <source>fall in ASP</source>
        <translation type="vanished">Rückgang des ASP</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Change (points)</source>
        <translation>Veränderung (Punkte)</translation>
    </message>
</context>
<context>
    <name>GearSettingsDialog</name>
    <message>
        <location filename="../../vendordesk/ui/gears/dialogs.py" line="+131"/>
        <source>Rename and set thresholds: %1</source>
        <translation>Umbenennen und Schwellen setzen: %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>KPI</source>
        <translation>KPI</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Rule</source>
        <translation>Regel</translation>
    </message>
    <message>
        <source>Green from</source>
        <translation type="vanished">Grün ab</translation>
    </message>
    <message>
        <source>Red beyond</source>
        <translation type="vanished">Rot jenseits von</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Green if</source>
        <translation>Grün wenn</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Red if</source>
        <translation>Rot wenn</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>lower is better</source>
        <translation>weniger ist besser</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>higher is better</source>
        <translation>mehr ist besser</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>change vs. comparison</source>
        <translation>Veränderung ggü. Vergleich</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>rel. change vs. comparison</source>
        <translation>rel. Veränderung ggü. Vergleich</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>within a range</source>
        <translation>innerhalb eines Bereichs</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>to</source>
        <translation>bis</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>or</source>
        <translation>oder</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
</context>
<context>
    <name>GearThresholdsPage</name>
    <message>
        <location filename="../../vendordesk/ui/settings/gears.py" line="+57"/>
        <source>Net PPM target:</source>
        <translation>Net-PPM-Ziel:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Net PPM is green at the target and red 5 points below it. The thresholds below apply to this workspace; the KPI gears tab uses them at once.</source>
        <translation>Net PPM ist ab dem Ziel grün und 5 Punkte darunter rot. Die Schwellen unten gelten für diesen Arbeitsbereich; der Tab KPI-Zahnräder verwendet sie sofort.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Gear</source>
        <translation>Zahnrad</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>KPI</source>
        <translation>KPI</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Green at</source>
        <translation>Grün ab</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Red at</source>
        <translation>Rot ab</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+1"/>
        <source>wk</source>
        <translation>Wo.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>lower is better</source>
        <translation>weniger ist besser</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>higher is better</source>
        <translation>mehr ist besser</translation>
    </message>
</context>
<context>
    <name>GearTile</name>
    <message>
        <location filename="../../vendordesk/ui/gears/tiles.py" line="+87"/>
        <source>Enter values…</source>
        <translation>Werte eingeben…</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>%1, weekly</source>
        <translation>%1, wöchentlich</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Only 1 KPI has data: no gear score.</source>
        <translation>Nur 1 KPI hat Daten: kein Zahnrad-Wert.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No report or manual values for this gear yet.</source>
        <translation>Für dieses Zahnrad gibt es noch keine Berichts- oder manuellen Werte.</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>vs. last year</source>
        <translation>ggü. Vorjahr</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>vs. prior period</source>
        <translation>ggü. Vorperiode</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>As of %1</source>
        <translation>Stand %1</translation>
    </message>
    <message>
        <source>Data as of %1</source>
        <translation type="vanished">Datenstand %1</translation>
    </message>
    <message>
        <source>No data</source>
        <translation type="vanished">Keine Daten</translation>
    </message>
</context>
<context>
    <name>Gears</name>
    <message>
        <source>%1 pts</source>
        <translation type="vanished">%1 Pkt.</translation>
    </message>
    <message>
        <location filename="../../build/i18n/tr_helpers.py" line="+3"/>
        <source>%1 rel.</source>
        <translation>%1 rel.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Act now</source>
        <translation>Jetzt handeln</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>For information</source>
        <translation>Zur Information</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Good</source>
        <translation>Gut</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No data</source>
        <translation>Keine Daten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Too little data</source>
        <translation>Zu wenig Daten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Watch</source>
        <translation>Beobachten</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>%1 points</source>
        <translation>%1 Punkte</translation>
    </message>
</context>
<context>
    <name>GearsTab</name>
    <message>
        <location filename="../../vendordesk/ui/gears/tab.py" line="+144"/>
        <source>Reading the gears…</source>
        <translation>Zahnräder werden gelesen…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>VendorDesk reads the reports once; switching gears is instant afterwards.</source>
        <translation>VendorDesk liest die Berichte einmal; danach wechseln die Zahnräder sofort.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No sales data yet</source>
        <translation>Noch keine Verkaufsdaten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Import Vendor Central Sales, Traffic, Inventory and Net PPM reports (File › Import…) to see the nine KPI gears and how they drive one another.</source>
        <translation>Importieren Sie die Vendor-Central-Berichte zu Verkäufen, Traffic, Bestand und Net PPM (Datei › Importieren…), um die neun KPI-Zahnräder und ihre Wechselwirkungen zu sehen.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Import reports…</source>
        <translation>Berichte importieren…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show the gears and enter values by hand</source>
        <translation>Zahnräder zeigen und Werte von Hand eingeben</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>KPI gears</source>
        <translation>KPI-Zahnräder</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>Gears</source>
        <translation>Zahnräder</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+366"/>
        <source>What moves what</source>
        <translation>Was bewegt was</translation>
    </message>
    <message>
        <location line="-357"/>
        <source>KPI gears as shown…</source>
        <translation>KPI-Zahnräder wie angezeigt…</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Last %1 weeks</source>
        <translation>Letzte %1 Wochen</translation>
    </message>
    <message>
        <source>vs. last year where a year of data exists</source>
        <translation type="vanished">ggü. Vorjahr, wo ein Jahr Daten vorliegt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>vs. last year, else prior period</source>
        <translation>ggü. Vorjahr, sonst Vorperiode</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>vs. prior period</source>
        <translation>ggü. Vorperiode</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>vs. same weeks last year</source>
        <translation>ggü. gleichen Wochen im Vorjahr</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The same weeks last year where a year of data exists, otherwise the period before</source>
        <translation>Die gleichen Wochen im Vorjahr, wenn ein Jahr Daten vorliegt, sonst der Zeitraum davor</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Brand</source>
        <translation>Marke</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Category</source>
        <translation>Kategorie</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ASIN</source>
        <translation>ASIN</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Period</source>
        <translation>Zeitraum</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>All brands</source>
        <translation>Alle Marken</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>All categories</source>
        <translation>Alle Kategorien</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>All ASINs</source>
        <translation>Alle ASINs</translation>
    </message>
    <message>
        <location line="+72"/>
        <source>Calculating…</source>
        <translation>Wird berechnet…</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Week of %1</source>
        <translation>Woche vom %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No data in this selection</source>
        <translation>Keine Daten in dieser Auswahl</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a newer, partial week %1 exists (too few ASINs yet)</source>
        <translation>eine neuere, unvollständige Woche %1 liegt vor (noch zu wenige ASINs)</translation>
    </message>
    <message>
        <location line="+47"/>
        <location line="+9"/>
        <source>Export KPI gears</source>
        <translation>KPI-Zahnräder exportieren</translation>
    </message>
    <message>
        <source>kpi-gears.xlsx</source>
        <translation type="vanished">kpi-zahnraeder.xlsx</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>Excel (*.xlsx);;CSV (*.csv)</source>
        <translation>Excel (*.xlsx);;CSV (*.csv)</translation>
    </message>
    <message>
        <source>CSV (*.csv);;Excel (*.xlsx)</source>
        <translation type="vanished">CSV (*.csv);;Excel (*.xlsx)</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>KPI gears.xlsx</source>
        <translation>KPI-Zahnräder.xlsx</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../build/i18n/tr_helpers.py" line="+8"/>
        <source>Import reports</source>
        <translation>Berichte importieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reports (*.csv *.txt *.tsv *.xlsx *.json *.gz);;All files (*)</source>
        <translation>Berichte (*.csv *.txt *.tsv *.xlsx *.json *.gz);;Alle Dateien (*)</translation>
    </message>
</context>
<context>
    <name>ImportFlow</name>
    <message>
        <location filename="../../vendordesk/ui/imports/tab.py" line="+47"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+57"/>
        <source>Import reports</source>
        <translation>Berichte importieren</translation>
    </message>
    <message numerus="yes">
        <location line="-35"/>
        <source>Reading %n file(s)…</source>
        <translation>
            <numerusform>%n Datei wird gelesen…</numerusform>
            <numerusform>%n Dateien werden gelesen…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+20"/>
        <source>Importing %n file(s)…</source>
        <translation>
            <numerusform>%n Datei wird importiert…</numerusform>
            <numerusform>%n Dateien werden importiert…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+13"/>
        <source>Imported %n file(s)</source>
        <translation>
            <numerusform>%n Datei importiert</numerusform>
            <numerusform>%n Dateien importiert</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+0"/>
        <source>%n row(s)</source>
        <translation>
            <numerusform>%n Zeile</numerusform>
            <numerusform>%n Zeilen</numerusform>
        </translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Import cancelled. Files finished before the cancel are kept; the file in progress was not imported.</source>
        <translation>Import abgebrochen. Vor dem Abbruch fertige Dateien bleiben erhalten; die Datei in Arbeit wurde nicht importiert.</translation>
    </message>
</context>
<context>
    <name>ImportHistory</name>
    <message>
        <location filename="../../vendordesk/ui/imports/history.py" line="+46"/>
        <source>Import history</source>
        <translation>Importverlauf</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Every file or document imported into this workspace. Undo removes the facts an import still holds; facts a later import replaced stay with that import.</source>
        <translation>Jede Datei und jedes Dokument, das in diesen Arbeitsbereich importiert wurde. Rückgängig entfernt die Daten, die ein Import noch hält; von einem späteren Import ersetzte Daten bleiben bei diesem.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Imported</source>
        <translation>Importiert</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Report</source>
        <translation>Bericht</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>View</source>
        <translation>Sicht</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Period</source>
        <translation>Zeitraum</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rows</source>
        <translation>Zeilen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>ASINs</source>
        <translation>ASINs</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Facts held now</source>
        <translation>Aktuell gehaltene Daten</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Warnings</source>
        <translation>Warnungen</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Undo import…</source>
        <translation>Import rückgängig machen…</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Nothing was imported yet. Use File › Import reports…</source>
        <translation>Noch nichts importiert. Verwenden Sie Datei › Berichte importieren…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>File hash: %1</source>
        <translation>Datei-Hash: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Marketplace: %1 · Language: %2 · Currency: %3</source>
        <translation>Marktplatz: %1 · Sprache: %2 · Währung: %3</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Demo data</source>
        <translation>Demodaten</translation>
    </message>
    <message>
        <source>Marketplace: %1 · Locale: %2 · Currency: %3</source>
        <translation type="vanished">Marktplatz: %1 · Gebietsschema: %2 · Währung: %3</translation>
    </message>
    <message>
        <location line="-35"/>
        <source>No warnings.</source>
        <translation>Keine Warnungen.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Undo import</source>
        <translation>Import rückgängig machen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove the facts that %1 still holds from this workspace?</source>
        <translation>Die Daten, die %1 noch hält, aus diesem Arbeitsbereich entfernen?</translation>
    </message>
    <message numerus="yes">
        <location line="+8"/>
        <source>Import undone: %n fact row(s) removed.</source>
        <translation>
            <numerusform>Import rückgängig gemacht: %n Datenzeile entfernt.</numerusform>
            <numerusform>Import rückgängig gemacht: %n Datenzeilen entfernt.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportLabels</name>
    <message>
        <location filename="../../vendordesk/ui/imports/preview.py" line="+49"/>
        <source>Sales</source>
        <translation>Verkäufe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Traffic</source>
        <translation>Traffic</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Inventory</source>
        <translation>Bestand</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Net PPM</source>
        <translation>Net PPM</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Amazon forecast</source>
        <translation>Amazon-Prognose</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Purchase orders</source>
        <translation>Bestellungen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Coupons</source>
        <translation>Coupons</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>hourly</source>
        <translation>stündlich</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>daily</source>
        <translation>täglich</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>weekly</source>
        <translation>wöchentlich</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>monthly</source>
        <translation>monatlich</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>quarterly</source>
        <translation>quartalsweise</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>yearly</source>
        <translation>jährlich</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>custom period</source>
        <translation>freier Zeitraum</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>SP-API document</source>
        <translation>SP-API-Dokument</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>demo data</source>
        <translation>Demodaten</translation>
    </message>
</context>
<context>
    <name>ImportPreview</name>
    <message>
        <location line="+82"/>
        <source>Import reports – preview</source>
        <translation>Berichte importieren – Vorschau</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>VendorDesk read %n file(s). Check what it recognised, then import. Nothing is written before you click Import.</source>
        <translation>
            <numerusform>VendorDesk hat %n Datei gelesen. Prüfen Sie, was erkannt wurde, und importieren Sie dann. Vor dem Klick auf „Importieren“ wird nichts geschrieben.</numerusform>
            <numerusform>VendorDesk hat %n Dateien gelesen. Prüfen Sie, was erkannt wurde, und importieren Sie dann. Vor dem Klick auf „Importieren“ wird nichts geschrieben.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+12"/>
        <source>Import %n file(s)</source>
        <translation>
            <numerusform>%n Datei importieren</numerusform>
            <numerusform>%n Dateien importieren</numerusform>
        </translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Enter period…</source>
        <translation>Zeitraum eingeben…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Some files carry no Viewing Range. Enter the period they cover.</source>
        <translation>Einige Dateien enthalten keinen Berichtszeitraum (Viewing Range). Geben Sie den Zeitraum ein, den sie abdecken.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Recognised as</source>
        <translation>Erkannt als</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>View</source>
        <translation>Sicht</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Period</source>
        <translation>Zeitraum</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Currency</source>
        <translation>Währung</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Rows</source>
        <translation>Zeilen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ASINs</source>
        <translation>ASINs</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Notes</source>
        <translation>Hinweise</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Failed (unexpected error)</source>
        <translation>Fehlgeschlagen (unerwarteter Fehler)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not read: an error in VendorDesk, see the log</source>
        <translation>Nicht gelesen: ein Fehler in VendorDesk, siehe Protokoll</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Refused</source>
        <translation>Abgelehnt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not imported: the reason is shown below</source>
        <translation>Nicht importiert: Grund siehe unten</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n Warnung</numerusform>
            <numerusform>%n Warnungen</numerusform>
        </translation>
    </message>
    <message>
        <location line="+0"/>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1 was not imported; nothing in the workspace was changed.</source>
        <translation>%1 wurde nicht importiert; im Arbeitsbereich wurde nichts geändert.</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+10"/>
        <source>The reading step reports:</source>
        <translation>Meldung beim Einlesen:</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>%1 – %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Marketplace: %1 · Language: %2</source>
        <translation>Marktplatz: %1 · Sprache: %2</translation>
    </message>
    <message>
        <source>Marketplace: %1 · Locale: %2</source>
        <translation type="vanished">Marktplatz: %1 · Gebietsschema: %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No warnings.</source>
        <translation>Keine Warnungen.</translation>
    </message>
</context>
<context>
    <name>Influence</name>
    <message>
        <location filename="../../build/i18n/tr_helpers.py" line="+1"/>
        <source>ASN/label errors</source>
        <translation>ASN-/Etikettenfehler</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ASP</source>
        <translation>ASP</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ad efficiency</source>
        <translation>Werbeeffizienz</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ad spend</source>
        <translation>Werbekosten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Advertising</source>
        <translation>Werbung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Amazon forecast</source>
        <translation>Amazon-Prognose</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Assortment</source>
        <translation>Sortiment</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Availability</source>
        <translation>Verfügbarkeit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Average selling price</source>
        <translation>Durchschnittspreis (ASP)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>B1 Overstock markdown</source>
        <translation>B1 Abschriften bei Überbestand</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Back-end terms</source>
        <translation>Backend-Konditionen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>CPI acceptance</source>
        <translation>Annahme der Preiserhöhung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CRaP risk</source>
        <translation>CRaP-Risiko</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Calibrated</source>
        <translation>Kalibriert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chargebacks</source>
        <translation>Rückbelastungen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Competitor price</source>
        <translation>Wettbewerbspreis</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Confirmation rate</source>
        <translation>Bestätigungsquote</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Content</source>
        <translation>Content</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Content quality</source>
        <translation>Content-Qualität</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Conversion</source>
        <translation>Konversion</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cost price</source>
        <translation>Einkaufspreis</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customer rating</source>
        <translation>Kundenbewertung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Default</source>
        <translation>Standard</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Edited</source>
        <translation>Bearbeitet</translation>
    </message>
    <message>
        <source>Featured Offer lost</source>
        <translation type="vanished">Featured Offer verloren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Forecast &amp; ordering</source>
        <translation>Prognose &amp; Bestellungen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Glance views</source>
        <translation>Glance Views</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lead time</source>
        <translation>Lieferzeit</translation>
    </message>
    <message>
        <source>Logistics &amp; compliance</source>
        <translation type="vanished">Logistik &amp; Compliance</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lost sales (OOS)</source>
        <translation>Verlorene Verkäufe (OOS)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mix</source>
        <translation>Mix</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Net PPM</source>
        <translation>Net PPM</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>On-time/in-full defects</source>
        <translation>Liefermängel (pünktlich/vollständig)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Operations &amp; compliance</source>
        <translation>Logistik &amp; Compliance</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Payment terms / cash discount</source>
        <translation>Zahlungsziel / Skonto</translation>
    </message>
    <message>
        <source>Operations</source>
        <translation type="vanished">Operations</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>Ordered units</source>
        <translation>Bestellte Einheiten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Out-of-stock rate</source>
        <translation>OOS-Quote</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Outcome</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PO units</source>
        <translation>Bestellmengen</translation>
    </message>
    <message>
        <source>Payment terms / Skonto</source>
        <translation type="vanished">Zahlungsziel / Skonto</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Price &amp; Buy Box</source>
        <translation>Preis &amp; Buy Box</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Profitability &amp; terms</source>
        <translation>Profitabilität &amp; Konditionen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>R1 OOS death spiral</source>
        <translation>R1 OOS-Abwärtsspirale</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>R2 Margin squeeze / CRaP</source>
        <translation>R2 Margendruck / CRaP</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>R3 Compliance drain</source>
        <translation>R3 Compliance-Verluste</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Receive fill rate</source>
        <translation>Wareneingangs-Füllrate</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Return rate</source>
        <translation>Retourenquote</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reviews &amp; returns</source>
        <translation>Bewertungen &amp; Retouren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sales discount</source>
        <translation>Verkaufsrabatt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shortage claims</source>
        <translation>Fehlmengenforderungen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Terms</source>
        <translation>Konditionen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Vendor margin</source>
        <translation>Unsere Marge</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Volume</source>
        <translation>Volumen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Weeks of cover</source>
        <translation>Reichweite (Wochen)</translation>
    </message>
    <message>
        <source>calibrated</source>
        <translation type="vanished">kalibriert</translation>
    </message>
    <message>
        <source>default</source>
        <translation type="vanished">Standard</translation>
    </message>
    <message>
        <source>edited</source>
        <translation type="vanished">bearbeitet</translation>
    </message>
    <message>
        <location line="-40"/>
        <source>Buy Box lost</source>
        <translation>Buy-Box-Verlust</translation>
    </message>
</context>
<context>
    <name>InfluencePanel</name>
    <message>
        <location filename="../../vendordesk/ui/influence/tab.py" line="+58"/>
        <source>Interdependencies</source>
        <translation>Wechselwirkungen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>What-if</source>
        <translation>Was-wäre-wenn</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nothing to bridge yet</source>
        <translation>Noch nichts zu überbrücken</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The revenue and margin bridge needs weekly Sales reports for two periods. Import them via File › Import…</source>
        <translation>Die Umsatz- und Margenbrücke braucht wöchentliche Verkaufsberichte für zwei Zeiträume. Importieren Sie sie über Datei › Importieren…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Bridge</source>
        <translation>Brücke</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No sales history yet</source>
        <translation>Noch keine Verkaufshistorie</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The target view compares your annual target with shipped COGS. Import Sales reports first.</source>
        <translation>Die Zielansicht vergleicht Ihr Jahresziel mit unserem Umsatz (zu Einkaufspreisen). Importieren Sie zuerst Verkaufsberichte.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sales target</source>
        <translation>Umsatzziel</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Calibration</source>
        <translation>Kalibrierung</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Chains in your data</source>
        <translation>Ketten in Ihren Daten</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Green arrow: more raises the target KPI; red: lowers it; dashed: with a delay; orange: part of an active chain. Hover an arrow for its strength.</source>
        <translation>Grüner Pfeil: mehr erhöht den Ziel-KPI; rot: senkt ihn; gestrichelt: mit Verzögerung; orange: Teil einer aktiven Kette. Zeigen Sie mit der Maus auf einen Pfeil, um seine Stärke zu sehen.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Reading the workspace…</source>
        <translation>Arbeitsbereich wird gelesen…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Could not read the interdependency data: %1</source>
        <translation>Die Daten zu den Wechselwirkungen konnten nicht gelesen werden: %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>No sales data yet: the graph shows the default model and the what-if runs without money totals. Import reports to see chains, the bridge and the target view.</source>
        <translation>Noch keine Verkaufsdaten: Die Grafik zeigt das Standardmodell, und die Was-wäre-wenn-Analyse läuft ohne Geldsummen. Importieren Sie Berichte, um Ketten, die Brücke und die Zielansicht zu sehen.</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>active</source>
        <translation>aktiv</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>quiet</source>
        <translation>ruhig</translation>
    </message>
</context>
<context>
    <name>InsightPage</name>
    <message>
        <location filename="../../vendordesk/ui/tickets/insight.py" line="+52"/>
        <source> days</source>
        <translation> Tage</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Median days to resolution by category</source>
        <translation>Median der Tage bis zur Lösung nach Kategorie</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chargebacks and shortages per month by type</source>
        <translation>Rückbelastungen und Fehlmengen pro Monat nach Typ</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Recovered vs lost</source>
        <translation>Zurückgeholt vs. verloren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cases open longer than</source>
        <translation>Fälle offen länger als</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Recovered</source>
        <translation>Zurückgeholt</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Lost</source>
        <translation>Verloren</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Open</source>
        <translation>Offen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Recovered %1 · lost %2 · still open %3</source>
        <translation>Zurückgeholt %1 · verloren %2 · noch offen %3</translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+34"/>
        <source>No data yet</source>
        <translation>Noch keine Daten</translation>
    </message>
    <message>
        <location line="-18"/>
        <source>No resolved cases yet</source>
        <translation>Noch keine gelösten Fälle</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>days</source>
        <translation>Tage</translation>
    </message>
    <message numerus="yes">
        <location line="+46"/>
        <source>%n case(s)</source>
        <translation>
            <numerusform>%n Fall</numerusform>
            <numerusform>%n Fälle</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 case(s)</source>
        <translation type="vanished">%1 Fall/Fälle</translation>
    </message>
</context>
<context>
    <name>IssueTexts</name>
    <message>
        <location filename="../../vendordesk/ui/negotiation/issues.py" line="+14"/>
        <source>Enter a name for the case.</source>
        <translation>Geben Sie einen Namen für den Fall ein.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The case is in %1 but the workspace is in %2. Enter the costs in %2.</source>
        <translation>Der Fall ist in %1, der Arbeitsbereich in %2. Geben Sie die Kosten in %2 ein.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No effective date yet. Tick the box and choose the date the new cost applies.</source>
        <translation>Noch kein Inkrafttreten. Setzen Sie das Häkchen und wählen Sie das Datum, ab dem der neue Einkaufspreis gilt.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This is not a date.</source>
        <translation>Das ist kein Datum.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The date is in the past. Choose a date at least %1 days ahead.</source>
        <translation>Das Datum liegt in der Vergangenheit. Wählen Sie ein Datum mindestens %1 Tage im Voraus.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Only %1 days notice; Amazon expects at least %2. Move the date later.</source>
        <translation>Nur %1 Tage Vorlauf; Amazon erwartet mindestens %2. Verschieben Sie das Datum nach hinten.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add the ASINs whose cost rises.</source>
        <translation>Fügen Sie die ASINs hinzu, deren Einkaufspreis steigt.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1: the current cost must be above 0.</source>
        <translation>%1: Der aktuelle Einkaufspreis muss über 0 liegen.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1: the requested cost must be above 0.</source>
        <translation>%1: Der geforderte Einkaufspreis muss über 0 liegen.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1: this is a cost decrease; Amazon accepts it immediately.</source>
        <translation>%1: Das ist eine Preissenkung; Amazon übernimmt sie sofort.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1: no sales facts in this workspace, so ASP and Net PPM are unavailable. Import the sales report or check the ASIN.</source>
        <translation>%1: Keine Verkaufsdaten in diesem Arbeitsbereich, daher sind ASP und Net PPM nicht verfügbar. Importieren Sie den Verkaufsbericht oder prüfen Sie die ASIN.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Unknown cost driver.</source>
        <translation>Unbekannter Kostentreiber.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A weight is negative. Enter the driver&apos;s share of the unit cost.</source>
        <translation>Ein Gewicht ist negativ. Geben Sie den Anteil des Treibers an den Stückkosten ein.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The weights sum to %1, not 100 %. Correct them or click “Normalise weights”.</source>
        <translation>Die Gewichte ergeben zusammen %1, nicht 100 %. Korrigieren Sie sie oder klicken Sie auf „Gewichte normieren“.</translation>
    </message>
</context>
<context>
    <name>LeversEditor</name>
    <message>
        <location filename="../../vendordesk/ui/negotiation/levers.py" line="+37"/>
        <source>Final order at the old cost</source>
        <translation>Schlussorder zum alten EK</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Better fill rate and on-time (fewer chargebacks)</source>
        <translation>Bessere Füllrate und Pünktlichkeit (weniger Rückbelastungen)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Content investment</source>
        <translation>Content-Investition</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Advertising investment</source>
        <translation>Werbeinvestition</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phased increase</source>
        <translation>Stufenweise Erhöhung</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Other</source>
        <translation>Sonstiges</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lever</source>
        <translation>Hebel</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Detail</source>
        <translation>Detail</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Value to Amazon</source>
        <translation>Wert für Amazon</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cost to us</source>
        <translation>Kosten für uns</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Offered</source>
        <translation>Angeboten</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Add lever</source>
        <translation>Hebel hinzufügen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add suggested levers</source>
        <translation>Vorgeschlagene Hebel hinzufügen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove selected</source>
        <translation>Auswahl entfernen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Levers we can offer instead of a cost support agreement</source>
        <translation>Hebel, die wir statt einer Kostenbeteiligung anbieten können</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Positions (increase on cost, %; empty = computed)</source>
        <translation>Positionen (Erhöhung auf den Einkaufspreis, %; leer = berechnet)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Opening</source>
        <translation>Einstieg</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Target</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Walk-away</source>
        <translation>Untergrenze</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Likely objections and our answers</source>
        <translation>Erwartete Einwände und unsere Antworten</translation>
    </message>
    <message>
        <location line="+80"/>
        <source>Enter the position as a percentage, e.g. 8 or 7,5.</source>
        <translation>Geben Sie die Position in Prozent ein, z. B. 8 oder 7,5.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>No levers entered yet: the brief lists levers suggested from the facts.</source>
        <translation>Noch keine Hebel erfasst: Das Briefing nennt aus den Daten abgeleitete Hebel.</translation>
    </message>
</context>
<context>
    <name>MailDialog</name>
    <message>
        <location filename="../../vendordesk/ui/tickets/mail.py" line="+38"/>
        <source>Case from an Amazon e-mail</source>
        <translation>Fall aus einer Amazon-E-Mail</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Paste the whole e-mail from Vendor Central support (English or German). Check the fields found below, then save.</source>
        <translation>Fügen Sie die ganze E-Mail des Vendor-Central-Supports ein (Englisch oder Deutsch). Prüfen Sie die erkannten Felder unten und speichern Sie dann.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Paste the e-mail here…</source>
        <translation>E-Mail hier einfügen…</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Case ID</source>
        <translation>Fallnummer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Subject</source>
        <translation>Betreff</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>E-mail date</source>
        <translation>E-Mail-Datum</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Case %1 is in the log: this e-mail updates it and is added to its timeline.</source>
        <translation>Fall %1 ist bereits erfasst: Diese E-Mail aktualisiert ihn und wird in seinen Verlauf aufgenommen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A new case %1 will be created.</source>
        <translation>Ein neuer Fall %1 wird angelegt.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../vendordesk/ui/window/main_window.py" line="+89"/>
        <source>KPI gears</source>
        <translation>KPI-Zahnräder</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Tickets</source>
        <translation>Tickets</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Price increase</source>
        <translation>Preiserhöhung</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Forecast</source>
        <translation>Prognose</translation>
    </message>
    <message>
        <location line="+91"/>
        <source>All facts (CSV/XLSX)…</source>
        <translation>Alle Kennzahlen (CSV/XLSX)…</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;New workspace…</source>
        <translation>&amp;Neuer Arbeitsbereich…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Open workspace…</source>
        <translation>Arbeitsbereich ö&amp;ffnen…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Import reports…</source>
        <translation>Berichte &amp;importieren…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Import &amp;history…</source>
        <translation>Import&amp;verlauf…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Backup…</source>
        <translation>&amp;Sicherung…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Export</source>
        <translation>&amp;Exportieren</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Sync with Amazon (SP-API)…</source>
        <translation>Mit Amazon &amp;abgleichen (SP-API)…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Settings…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;About VendorDesk</source>
        <translation>Ü&amp;ber VendorDesk</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Redo</source>
        <translation>&amp;Wiederholen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Find…</source>
        <translation>&amp;Suchen…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Go</source>
        <translation>&amp;Gehe zu</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Workspace: %1 (%2)</source>
        <translation>Arbeitsbereich: %1 (%2)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Data as of %1</source>
        <translation>Datenstand %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No report data yet</source>
        <translation>Noch keine Berichtsdaten</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Cannot open workspace</source>
        <translation>Arbeitsbereich kann nicht geöffnet werden</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>VendorDesk workspace (*.vendordesk *.sqlite *.db);;All files (*)</source>
        <translation>VendorDesk-Arbeitsbereich (*.vendordesk *.sqlite *.db);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Workspace.vendordesk</source>
        <translation>Arbeitsbereich.vendordesk</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+6"/>
        <source>New workspace</source>
        <translation>Neuer Arbeitsbereich</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>That file already exists. Use File › Open to open it.</source>
        <translation>Diese Datei existiert bereits. Öffnen Sie sie über Datei › Öffnen.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Open workspace</source>
        <translation>Arbeitsbereich öffnen</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Import</source>
        <translation>Import</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Importing reports is not available yet.</source>
        <translation>Der Berichtsimport ist noch nicht verfügbar.</translation>
    </message>
</context>
<context>
    <name>ManagementBrief</name>
    <message>
        <location filename="../../vendordesk/ui/briefs/management_brief.py" line="+108"/>
        <source>Management brief…</source>
        <translation>Management-Bericht…</translation>
    </message>
</context>
<context>
    <name>ManagementBriefDialog</name>
    <message>
        <location line="+41"/>
        <source>Management brief</source>
        <translation>Management-Bericht</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>To</source>
        <translation>Bis</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The period is compared with the same number of weeks before it.</source>
        <translation>Der Zeitraum wird mit ebenso vielen Wochen davor verglichen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Preview…</source>
        <translation>Vorschau…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Print…</source>
        <translation>Drucken…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export PDF…</source>
        <translation>Als PDF exportieren…</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>The first day is after the last day: swap them.</source>
        <translation>Der erste Tag liegt nach dem letzten: bitte tauschen.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Reading the figures…</source>
        <translation>Zahlen werden gelesen…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Brief for %1 – %2 ready.</source>
        <translation>Bericht für %1 – %2 bereit.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The brief could not be made: %1</source>
        <translation>Der Bericht konnte nicht erstellt werden: %1</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Export brief as PDF</source>
        <translation>Bericht als PDF exportieren</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Brief written: %1</source>
        <translation>Bericht geschrieben: %1</translation>
    </message>
</context>
<context>
    <name>ManualKpiDialog</name>
    <message>
        <location filename="../../vendordesk/ui/gears/dialogs.py" line="-135"/>
        <source>Enter a value: %1</source>
        <translation>Wert eingeben: %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Whole account</source>
        <translation>Ganzes Konto</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>KPI</source>
        <translation>KPI</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>For</source>
        <translation>Für</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>To</source>
        <translation>Bis</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Values from the Amazon Ads console or your own checks. A rating or score counts until you enter a newer one (at most 13 weeks); spend adds up.</source>
        <translation>Werte aus der Amazon-Ads-Konsole oder eigenen Prüfungen. Eine Bewertung oder Punktzahl gilt, bis Sie eine neuere eingeben (höchstens 13 Wochen); Ausgaben werden aufsummiert.</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>The period ends before it starts. Swap the dates.</source>
        <translation>Der Zeitraum endet, bevor er beginnt. Tauschen Sie die Daten.</translation>
    </message>
</context>
<context>
    <name>NegotiationChart</name>
    <message>
        <location filename="../../vendordesk/ui/negotiation/chart.py" line="+29"/>
        <source>ASP</source>
        <translation>ASP</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cost price (COGS / units)</source>
        <translation>Einkaufspreis (COGS / Stück)</translation>
    </message>
    <message>
        <source>Unit cost (COGS / units)</source>
        <translation type="vanished">Stückkosten (COGS / Stück)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Requested cost</source>
        <translation>Geforderter Einkaufspreis</translation>
    </message>
</context>
<context>
    <name>NegotiationTab</name>
    <message>
        <location filename="../../vendordesk/ui/negotiation/tab.py" line="+57"/>
        <source>No price-increase case yet</source>
        <translation>Noch kein Preiserhöhungsfall</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Create a negotiation case for the ASINs whose cost price must rise. Import sales facts first so that ASP and Net PPM can be computed.</source>
        <translation>Legen Sie einen Preiserhöhungsfall für die ASINs an, deren Einkaufspreis steigen muss. Importieren Sie zuerst Verkaufsdaten, damit ASP und Net PPM berechnet werden können.</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+23"/>
        <source>New case</source>
        <translation>Neuer Fall</translation>
    </message>
    <message>
        <location line="-15"/>
        <source>Price increase: ASINs of the case…</source>
        <translation>Preiserhöhung: ASINs des Falls…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Price increase</source>
        <translation>Preiserhöhung</translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+287"/>
        <source>Delete case</source>
        <translation>Fall löschen</translation>
    </message>
    <message>
        <location line="-282"/>
        <source>Cases</source>
        <translation>Fälle</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Case</source>
        <translation>Fall</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Cost drivers</source>
        <translation>Kostentreiber</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Economics per ASIN</source>
        <translation>Wirtschaftlichkeit je ASIN</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Scenarios</source>
        <translation>Szenarien</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Levers and positions</source>
        <translation>Hebel und Positionen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Chart</source>
        <translation>Diagramm</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>Brief in German</source>
        <translation>Briefing auf Deutsch</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Brief in English</source>
        <translation>Briefing auf Englisch</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>For us (internal)</source>
        <translation>Für uns (intern)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>For Amazon</source>
        <translation>Für Amazon</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Preview…</source>
        <translation>Vorschau…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Print…</source>
        <translation>Drucken…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export PDF…</source>
        <translation>Als PDF exportieren…</translation>
    </message>
    <message numerus="yes">
        <location line="+139"/>
        <source>%n cell(s) are not numbers and were not saved; they are marked red. Use e.g. 12,50.</source>
        <translation>
            <numerusform>%n Zelle enthält keine Zahl und wurde nicht gespeichert; sie ist rot markiert. Verwenden Sie z. B. 12,50.</numerusform>
            <numerusform>%n Zellen enthalten keine Zahl und wurden nicht gespeichert; sie sind rot markiert. Verwenden Sie z. B. 12,50.</numerusform>
        </translation>
    </message>
    <message>
        <source>draft</source>
        <translation type="vanished">Entwurf</translation>
    </message>
    <message>
        <source>submitted</source>
        <translation type="vanished">eingereicht</translation>
    </message>
    <message>
        <source>accepted</source>
        <translation type="vanished">angenommen</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation type="vanished">abgelehnt</translation>
    </message>
    <message>
        <source>withdrawn</source>
        <translation type="vanished">zurückgezogen</translation>
    </message>
    <message>
        <source>%1
%2 ASINs · %3</source>
        <translation type="vanished">%1
%2 ASINs · %3</translation>
    </message>
    <message>
        <location line="-40"/>
        <source>(untitled case)</source>
        <translation>(Fall ohne Titel)</translation>
    </message>
    <message>
        <source>%1 cell(s) are not numbers and were not saved; they are marked red. Use e.g. 12,50.</source>
        <translation type="vanished">%1 Zelle(n) enthalten keine Zahl und wurden nicht gespeichert; sie sind rot markiert. Verwenden Sie z. B. 12,50.</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>No weekly sales facts for these ASINs: the chart is unavailable.</source>
        <translation>Keine wöchentlichen Verkaufsdaten für diese ASINs: Das Diagramm ist nicht verfügbar.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Draft saved %1</source>
        <translation>Entwurf gespeichert %1</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>New price increase</source>
        <translation>Neue Preiserhöhung</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Delete the case “%1” with all its ASINs, drivers, scenarios and levers?</source>
        <translation>Den Fall „%1“ mit allen ASINs, Kostentreibern, Szenarien und Hebeln löschen?</translation>
    </message>
    <message>
        <location line="+42"/>
        <location line="+47"/>
        <source>Export brief as PDF</source>
        <translation>Briefing als PDF exportieren</translation>
    </message>
    <message>
        <location line="-47"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <location line="+15"/>
        <location line="+9"/>
        <source>Export the case&apos;s ASINs</source>
        <translation>ASINs des Falls exportieren</translation>
    </message>
    <message>
        <source>price-increase.xlsx</source>
        <translation type="vanished">preiserhoehung.xlsx</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>Excel (*.xlsx);;CSV (*.csv)</source>
        <translation>Excel (*.xlsx);;CSV (*.csv)</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Writing the PDF…</source>
        <translation>PDF wird geschrieben…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Brief written: %1</source>
        <translation>Briefing geschrieben: %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The PDF could not be written: %1</source>
        <translation>Das PDF konnte nicht geschrieben werden: %1</translation>
    </message>
    <message>
        <location line="-33"/>
        <source>Price increase.xlsx</source>
        <translation>Preiserhöhung.xlsx</translation>
    </message>
</context>
<context>
    <name>PeriodDialog</name>
    <message>
        <location filename="../../vendordesk/ui/imports/preview.py" line="-135"/>
        <source>Period of the files</source>
        <translation>Zeitraum der Dateien</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>These files do not say which period they cover. Enter the first and last day exactly as chosen in Vendor Central.</source>
        <translation>Diese Dateien geben nicht an, welchen Zeitraum sie abdecken. Geben Sie den ersten und letzten Tag genau so ein, wie in Vendor Central gewählt.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>First day</source>
        <translation>Erster Tag</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last day</source>
        <translation>Letzter Tag</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Enter a first day and a last day on or after it.</source>
        <translation>Geben Sie einen ersten Tag und einen letzten Tag an, der nicht davor liegt.</translation>
    </message>
</context>
<context>
    <name>Printing</name>
    <message>
        <location filename="../../vendordesk/ui/printing.py" line="+158"/>
        <source>PDF written</source>
        <translation>PDF geschrieben</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The PDF was written to %1.</source>
        <translation>Das PDF wurde unter %1 gespeichert.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
</context>
<context>
    <name>ScenariosEditor</name>
    <message>
        <location filename="../../vendordesk/ui/negotiation/views.py" line="+29"/>
        <source>Full increase</source>
        <extracomment>(row, scale) of the numeric parameters; row 1 may stay empty (= as requested)</extracomment>
        <translation>Volle Erhöhung</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Phased</source>
        <translation>Stufenweise</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Half plus co-op</source>
        <translation>Hälfte plus WKZ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Increase on cost (%; empty = as requested)</source>
        <translation>Erhöhung auf den Einkaufspreis (%; leer = wie gefordert)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Share later (%)</source>
        <translation>Anteil später (%)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Share of it now (%)</source>
        <translation>Davon jetzt (%)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Later share after months</source>
        <translation>Späterer Anteil nach Monaten</translation>
    </message>
    <message>
        <source>Extra co-op (percentage points)</source>
        <translation type="vanished">Zusätzlicher WKZ (Prozentpunkte)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Retail price follows (% of the increase)</source>
        <translation>Verkaufspreis zieht nach (% der Erhöhung)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Increase on cost (end)</source>
        <translation>Erhöhung auf den Einkaufspreis (Ende)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Increase in year 1</source>
        <translation>Erhöhung im Jahr 1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Extra COGS for Amazon, year 1</source>
        <translation>Mehr-COGS für Amazon, Jahr 1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Cost of the extra co-op to us</source>
        <translation>Kosten des zusätzlichen WKZ für uns</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Our extra gross profit, year 1</source>
        <translation>Unser Mehr-Rohertrag, Jahr 1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Amazon&apos;s Net PPM afterwards</source>
        <translation>Net PPM von Amazon danach</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ASINs below the Net PPM target</source>
        <translation>ASINs unter Net-PPM-Ziel</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Add scenario</source>
        <translation>Szenario hinzufügen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove selected</source>
        <translation>Auswahl entfernen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A scenario grants a share of the requested increase now and the rest later, optionally against extra co-op. Results are for the first year at 52-week units. Edit the white cells.</source>
        <translation>Ein Szenario gewährt einen Teil der geforderten Erhöhung sofort und den Rest später, optional gegen zusätzlichen WKZ. Die Ergebnisse gelten für das erste Jahr bei Stückzahlen der letzten 52 Wochen. Bearbeiten Sie die weißen Zellen.</translation>
    </message>
    <message>
        <location line="+73"/>
        <source>Scenario %1</source>
        <translation>Szenario %1</translation>
    </message>
    <message>
        <location line="-87"/>
        <source>Extra co-op (points)</source>
        <translation>Zusätzlicher WKZ (Punkte)</translation>
    </message>
</context>
<context>
    <name>SearchBox</name>
    <message>
        <location filename="../../vendordesk/ui/window/search.py" line="+77"/>
        <source>Search: ASIN, title, case ID (Ctrl+F)</source>
        <translation>Suchen: ASIN, Titel, Fallnummer (Strg+F)</translation>
    </message>
</context>
<context>
    <name>SelfTest</name>
    <message>
        <location filename="../../vendordesk/ui/window/selftest.py" line="+95"/>
        <source>selftest FAILED: an error was raised while rendering:</source>
        <translation>Selbsttest FEHLGESCHLAGEN: Beim Rendern ist ein Fehler aufgetreten:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>selftest ok: %1 tabs rendered in %2 s</source>
        <translation>Selbsttest in Ordnung: %1 Tabs in %2 s gerendert</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../vendordesk/ui/settings/tab.py" line="+45"/>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>General</source>
        <translation>Allgemein</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Account</source>
        <translation>Konto</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Gears</source>
        <translation>Zahnräder</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>SP-API</source>
        <translation>SP-API</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Follow the system</source>
        <translation>Wie das System</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Language:</source>
        <translation>Sprache:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A new language applies the next time VendorDesk starts.</source>
        <translation>Eine neue Sprache gilt ab dem nächsten Start von VendorDesk.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The demo workspace in the data folder</source>
        <translation>Der Demo-Arbeitsbereich im Datenordner</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Choose…</source>
        <translation>Auswählen…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Use the open one</source>
        <translation>Den geöffneten verwenden</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Default workspace:</source>
        <translation>Standard-Arbeitsbereich:</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>e.g. ACME1</source>
        <translation>z. B. ACME1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Vendor code:</source>
        <translation>Vendor-Code:</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Marketplace:</source>
        <translation>Marktplatz:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Currency:</source>
        <translation>Währung:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The account settings are stored in the open workspace as well.</source>
        <translation>Die Kontoeinstellungen werden auch im geöffneten Arbeitsbereich gespeichert.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>VendorDesk workspace</source>
        <translation>VendorDesk-Arbeitsbereich</translation>
    </message>
    <message>
        <source>Procurable product OOS rate</source>
        <translation type="vanished">OOS-Quote beschaffbarer Produkte</translation>
    </message>
    <message>
        <source>Ultra Fast Track (UFT)</source>
        <translation type="vanished">Ultra Fast Track (UFT)</translation>
    </message>
    <message>
        <source>Vendor confirmation rate</source>
        <translation type="vanished">Bestätigungsquote des Lieferanten</translation>
    </message>
    <message>
        <source>Receive fill rate</source>
        <translation type="vanished">Wareneingangs-Füllrate</translation>
    </message>
    <message>
        <source>PO on-time rate</source>
        <translation type="vanished">Pünktlichkeit der Bestellungen</translation>
    </message>
    <message>
        <source>Chargebacks as share of sell-in</source>
        <translation type="vanished">Rückbelastungen in % des Sell-in</translation>
    </message>
    <message>
        <source>Weeks of cover (upper limit)</source>
        <translation type="vanished">Reichweite in Wochen (Obergrenze)</translation>
    </message>
    <message>
        <source>Net PPM target:</source>
        <translation type="vanished">Net-PPM-Ziel:</translation>
    </message>
    <message>
        <source>KPI</source>
        <translation type="vanished">KPI</translation>
    </message>
    <message>
        <source>Green at</source>
        <translation type="vanished">Grün ab</translation>
    </message>
    <message>
        <source>Red at</source>
        <translation type="vanished">Rot ab</translation>
    </message>
    <message>
        <source>Between green and red a gear shows amber. When green is below red, lower is better.</source>
        <translation type="vanished">Zwischen Grün und Rot zeigt ein Zahnrad Gelb. Liegt Grün unter Rot, ist weniger besser.</translation>
    </message>
    <message>
        <source>wk</source>
        <translation type="vanished">Wo.</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Default workspace</source>
        <translation>Standard-Arbeitsbereich</translation>
    </message>
</context>
<context>
    <name>SupplyForm</name>
    <message>
        <location filename="../../vendordesk/ui/forecast/supply_form.py" line="+46"/>
        <source>Supply</source>
        <translation>Versorgung</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>units per week, empty = unknown</source>
        <translation>Stück pro Woche, leer = unbekannt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>weeks from PO to FC</source>
        <translation>Wochen von der Bestellung bis zum FC</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>units in our warehouse</source>
        <translation>Stück in unserem Lager</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Save supply</source>
        <translation>Versorgung speichern</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Weekly capacity</source>
        <translation>Wochenkapazität</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lead time (weeks)</source>
        <translation>Lieferzeit (Wochen)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Own stock (units)</source>
        <translation>Eigener Bestand (Stück)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Supply of %1</source>
        <translation>Versorgung von %1</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Weekly capacity must be more than 0 units (leave it empty if unknown).</source>
        <translation>Die Wochenkapazität muss über 0 Stück liegen (leer lassen, wenn unbekannt).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Lead time must be more than 0 and at most 52 weeks.</source>
        <translation>Die Lieferzeit muss über 0 und höchstens 52 Wochen betragen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Own stock cannot be negative.</source>
        <translation>Der eigene Bestand kann nicht negativ sein.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enter plain numbers, for example 120.</source>
        <translation>Geben Sie einfache Zahlen ein, zum Beispiel 120.</translation>
    </message>
</context>
<context>
    <name>SyncDialog</name>
    <message>
        <location filename="../../vendordesk/ui/imports/sync_dialog.py" line="+60"/>
        <source>Sync with Amazon (SP-API)</source>
        <translation>Mit Amazon abgleichen (SP-API)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Start sync</source>
        <translation>Abgleich starten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Settings…</source>
        <translation>Einstellungen…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Sales</source>
        <translation>Verkäufe</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Traffic</source>
        <translation>Traffic</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Inventory</source>
        <translation>Bestand</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Net PPM</source>
        <translation>Net PPM</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Amazon forecast (latest)</source>
        <translation>Amazon-Prognose (neueste)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Reports</source>
        <translation>Berichte</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Period</source>
        <translation>Zeitraum</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Weeks (Sunday to Saturday)</source>
        <translation>Wochen (Sonntag bis Samstag)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Days</source>
        <translation>Tage</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Months</source>
        <translation>Monate</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Grain:</source>
        <translation>Raster:</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Last 4 weeks</source>
        <translation>Letzte 4 Wochen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>From – to:</source>
        <translation>Von – bis:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Manufacturing</source>
        <translation>Manufacturing (Hersteller)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sourcing</source>
        <translation>Sourcing (Bezugsquelle)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Distributor view:</source>
        <translation>Distributor-Sicht:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Retail</source>
        <translation>Retail</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Business</source>
        <translation>Business</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Fresh</source>
        <translation>Fresh</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Selling program:</source>
        <translation>Verkaufsprogramm:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Week ranges are widened to whole Amazon weeks; day ranges longer than 15 days are split into several requests.</source>
        <translation>Wochenzeiträume werden auf ganze Amazon-Wochen erweitert; Tageszeiträume über 15 Tage werden auf mehrere Anfragen verteilt.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>No data in this workspace yet: proposed are the last 4 full weeks, to %1.</source>
        <translation>Noch keine Daten in diesem Arbeitsbereich: vorgeschlagen sind die letzten 4 vollen Wochen, bis %1.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Your data runs to %1: proposed is the time since then, to the last full week (%2).</source>
        <translation>Ihre Daten reichen bis %1: vorgeschlagen ist die Zeit seitdem, bis zur letzten vollen Woche (%2).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The last sync fetched up to %1: proposed is the time since then, to the last full week (%2).</source>
        <translation>Der letzte Abgleich holte Daten bis %1: vorgeschlagen ist die Zeit seitdem, bis zur letzten vollen Woche (%2).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Your data runs to %1, past the last full week (%2): proposed are the last 4 weeks again, which Amazon may still revise.</source>
        <translation>Ihre Daten reichen bis %1, über die letzte volle Woche (%2) hinaus: vorgeschlagen sind noch einmal die letzten 4 Wochen, die Amazon noch korrigieren kann.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Your data runs to %1; Amazon keeps only the last 4 years: proposed is what it still has, to the last full week (%2).</source>
        <translation>Ihre Daten reichen bis %1; Amazon bewahrt nur die letzten 4 Jahre auf: vorgeschlagen ist, was noch vorhanden ist, bis zur letzten vollen Woche (%2).</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>SP-API credentials are missing. Enter them in Settings › SP-API first.</source>
        <translation>Es fehlen SP-API-Zugangsdaten. Tragen Sie sie zuerst unter Einstellungen › SP-API ein.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The credentials are kept for this session only (no password store).</source>
        <translation>Die Zugangsdaten gelten nur für diese Sitzung (kein Passwortspeicher).</translation>
    </message>
    <message>
        <location line="+32"/>
        <location line="+40"/>
        <location line="+2"/>
        <location line="+7"/>
        <location line="+3"/>
        <source>Sync with Amazon</source>
        <translation>Abgleich mit Amazon</translation>
    </message>
    <message>
        <location line="-45"/>
        <source>Fetching %1 report(s) from Amazon…</source>
        <translation>%1 Bericht(e) werden von Amazon abgerufen…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Fetching %1 (%2 of %3) from Amazon…</source>
        <translation>%1 wird von Amazon abgerufen (%2 von %3)…</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>%1 report(s) imported, %2 already in the workspace.</source>
        <translation>%1 Bericht(e) importiert, %2 bereits im Arbeitsbereich.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Sync cancelled. Reports fetched so far are kept; the next sync resumes.</source>
        <translation>Abgleich abgebrochen. Bereits abgerufene Berichte bleiben erhalten; der nächste Abgleich setzt dort fort.</translation>
    </message>
</context>
<context>
    <name>TablePage</name>
    <message>
        <location filename="../../vendordesk/ui/forecast/pages.py" line="-63"/>
        <source>Search ASIN, product, model…</source>
        <translation>ASIN, Produkt, Modell suchen…</translation>
    </message>
    <message>
        <location filename="../../vendordesk/ui/tickets/tables.py" line="+66"/>
        <source>Search all columns…</source>
        <translation>In allen Spalten suchen…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>All not closed</source>
        <translation>Alle nicht geschlossenen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All</source>
        <translation>Alle</translation>
    </message>
    <message>
        <location filename="../../vendordesk/ui/forecast/pages.py" line="+11"/>
        <location filename="../../vendordesk/ui/tickets/tables.py" line="+7"/>
        <source>Columns</source>
        <translation>Spalten</translation>
    </message>
    <message>
        <location filename="../../vendordesk/ui/tickets/tables.py" line="+165"/>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
</context>
<context>
    <name>TargetView</name>
    <message>
        <source>Target (our revenue = shipped COGS)</source>
        <translation type="vanished">Ziel (unser Umsatz = Shipped COGS)</translation>
    </message>
    <message>
        <location filename="../../vendordesk/ui/influence/target.py" line="+60"/>
        <source>Year </source>
        <translation>Jahr </translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Spread the annual target evenly</source>
        <translation>Jahresziel gleichmäßig verteilen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Monthly target</source>
        <translation>Monatsziel</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Save targets</source>
        <translation>Ziele speichern</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Where we land</source>
        <translation>Wo wir landen</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+85"/>
        <source>Target</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <location line="-85"/>
        <source>Year to date</source>
        <translation>Seit Jahresbeginn</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Projection to year end</source>
        <translation>Hochrechnung bis Jahresende</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Expected landing</source>
        <translation>Erwarteter Jahresabschluss</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Gap</source>
        <translation>Lücke</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>%1: &apos;%2&apos; is not an amount. Enter a number such as 150000.</source>
        <translation>%1: „%2“ ist kein Betrag. Geben Sie eine Zahl wie 150000 ein.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Target not saved</source>
        <translation>Ziel nicht gespeichert</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>no target</source>
        <translation>kein Ziel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enter the annual target and its phasing on the left.</source>
        <translation>Geben Sie links das Jahresziel und seine Verteilung ein.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>missing</source>
        <translation>fehlt</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>ahead</source>
        <translation>voraus</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>≈ %1 units</source>
        <translation>≈ %1 Stück</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Actual</source>
        <translation>Ist</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Projected</source>
        <translation>Hochgerechnet</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No gear lever found: no weeks left this year or no history to simulate.</source>
        <translation>Kein Zahnrad-Hebel gefunden: Keine Wochen mehr in diesem Jahr oder keine Historie zum Simulieren.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Which gears could close the gap by December</source>
        <translation>Welche Zahnräder die Lücke bis Dezember schließen könnten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Which gears could add the most by December</source>
        <translation>Welche Zahnräder bis Dezember am meisten beitragen könnten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>(simulated on the remaining %1 weeks):</source>
        <translation>(simuliert auf den verbleibenden %1 Wochen):</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Lever</source>
        <translation>Hebel</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>By December</source>
        <translation>Bis Dezember</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The range holds 80% of the simulated outcomes, from the uncertainty of the calibrated links (the same draws as the what-if).</source>
        <translation>Die Spanne enthält 80 % der simulierten Ergebnisse, aus der Unsicherheit der kalibrierten Wirkungen (dieselben Ziehungen wie in der Was-wäre-wenn-Rechnung).</translation>
    </message>
    <message>
        <source>Likely range (10–90 %)</source>
        <translation type="vanished">Wahrscheinliche Spanne (10–90 %)</translation>
    </message>
    <message>
        <location line="-12"/>
        <source>Units</source>
        <translation>Stück</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Likely range (10–90%)</source>
        <translation>Wahrscheinliche Spanne (10–90 %)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 to %2</source>
        <translation>%1 bis %2</translation>
    </message>
    <message>
        <source>The range holds 80 % of the simulated outcomes, from the uncertainty of the calibrated links (the same draws as the what-if).</source>
        <translation type="vanished">Die Spanne enthält 80 % der simulierten Ergebnisse, aus der Unsicherheit der kalibrierten Wirkungen (dieselben Ziehungen wie in der Was-wäre-wenn-Rechnung).</translation>
    </message>
    <message>
        <location line="-133"/>
        <source>Target: our revenue (shipped COGS)</source>
        <translation>Ziel: unser Umsatz (zu Einkaufspreisen)</translation>
    </message>
</context>
<context>
    <name>TaskEditor</name>
    <message>
        <location filename="../../vendordesk/ui/tickets/forms.py" line="+221"/>
        <source>What</source>
        <translation>Was</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Department</source>
        <translation>Abteilung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Who</source>
        <translation>Wer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Due</source>
        <translation>Fällig</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Why</source>
        <translation>Warum</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Linked case</source>
        <translation>Verknüpfter Fall</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gear</source>
        <translation>Zahnrad</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ASIN</source>
        <translation>ASIN</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>New task</source>
        <translation>Neue Aufgabe</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Task</source>
        <translation>Aufgabe</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Enter what you need from the department.</source>
        <translation>Geben Sie an, was Sie von der Abteilung brauchen.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>There is no case %1. Add the case first or clear the field.</source>
        <translation>Es gibt keinen Fall %1. Legen Sie den Fall zuerst an oder leeren Sie das Feld.</translation>
    </message>
</context>
<context>
    <name>Tickets</name>
    <message>
        <location filename="../../vendordesk/ui/tickets/labels.py" line="+181"/>
        <source>%1 does not look like an Amazon case number (6–15 digits). Kept; check it.</source>
        <translation>%1 sieht nicht wie eine Amazon-Fallnummer aus (6–15 Ziffern). Übernommen; bitte prüfen.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 is not an ASIN (10 letters or digits). It is kept; check it.</source>
        <translation>%1 ist keine ASIN (10 Buchstaben oder Ziffern). Übernommen; bitte prüfen.</translation>
    </message>
    <message>
        <location filename="../../vendordesk/ui/tickets/columns.py" line="+87"/>
        <location line="+33"/>
        <source>ASIN</source>
        <translation>ASIN</translation>
    </message>
    <message>
        <location filename="../../vendordesk/ui/tickets/labels.py" line="-2"/>
        <source>ASIN %1 is not in this workspace. It is kept; check the spelling.</source>
        <translation>ASIN %1 ist nicht in diesem Arbeitsbereich. Übernommen; bitte Schreibweise prüfen.</translation>
    </message>
    <message>
        <location filename="../../vendordesk/ui/tickets/columns.py" line="-78"/>
        <source>ASINs</source>
        <translation>ASINs</translation>
    </message>
    <message>
        <location filename="../../vendordesk/ui/tickets/labels.py" line="-163"/>
        <source>Accepted</source>
        <translation>Anerkannt</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Account / users</source>
        <translation>Konto / Benutzer</translation>
    </message>
    <message>
        <location line="-19"/>
        <source>Amazon wrote</source>
        <translation>Amazon schrieb</translation>
    </message>
    <message>
        <location filename="../../vendordesk/ui/tickets/columns.py" line="+36"/>
        <source>Amount</source>
        <translation>Betrag</translation>
    </message>
    <message>
        <source>Case</source>
        <translation type="vanished">Fall</translation>
    </message>
    <message>
        <location filename="../../vendordesk/ui/tickets/labels.py" line="+137"/>
        <source>Case %1 already exists. Merge into it or change the ID.</source>
        <translation>Fall %1 existiert bereits. Führen Sie die Angaben zusammen oder ändern Sie die Fallnummer.</translation>
    </message>
    <message>
        <location filename="../../vendordesk/ui/tickets/columns.py" line="-47"/>
        <location line="+58"/>
        <location line="+29"/>
        <source>Case ID</source>
        <translation>Fallnummer</translation>
    </message>
    <message>
        <source>Catalogue / content</source>
        <translation type="vanished">Katalog / Inhalte</translation>
    </message>
    <message>
        <location line="-84"/>
        <source>Category</source>
        <translation>Kategorie</translation>
    </message>
    <message>
        <location filename="../../vendordesk/ui/tickets/labels.py" line="-144"/>
        <source>Chargeback</source>
        <translation>Rückbelastung</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Catalog / content</source>
        <translation>Katalog / Inhalte</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Chargebacks</source>
        <translation>Rückbelastungen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Co-op / accruals</source>
        <translation>Co-op / Rückstellungen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Costs</source>
        <translation>Kosten</translation>
    </message>
    <message>
        <location filename="../../vendordesk/ui/tickets/columns.py" line="+87"/>
        <source>Created</source>
        <translation>Angelegt</translation>
    </message>
    <message>
        <location line="-29"/>
        <source>Currency</source>
        <translation>Währung</translation>
    </message>
    <message>
        <location line="-11"/>
        <source>Days left</source>
        <translation>Tage übrig</translation>
    </message>
    <message>
        <location line="-41"/>
        <source>Days open</source>
        <translation>Tage offen</translation>
    </message>
    <message>
        <location line="-5"/>
        <location line="+78"/>
        <source>Department</source>
        <translation>Abteilung</translation>
    </message>
    <message>
        <location line="-31"/>
        <source>Dispute</source>
        <translation>Einspruch</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Dispute by</source>
        <translation>Einspruch bis</translation>
    </message>
    <message>
        <location filename="../../vendordesk/ui/tickets/labels.py" line="-42"/>
        <source>Disputed</source>
        <translation>Eingesprochen</translation>
    </message>
    <message>
        <location filename="../../vendordesk/ui/tickets/columns.py" line="+3"/>
        <source>Disputes</source>
        <translation>Einsprüche</translation>
    </message>
    <message>
        <location filename="../../vendordesk/ui/tickets/labels.py" line="+12"/>
        <source>Done</source>
        <translation>Erledigt</translation>
    </message>
    <message>
        <location filename="../../vendordesk/ui/tickets/columns.py" line="+39"/>
        <source>Done on</source>
        <translation>Erledigt am</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>Due</source>
        <translation>Fällig</translation>
    </message>
    <message>
        <location filename="../../vendordesk/ui/tickets/labels.py" line="+33"/>
        <source>EDI / API</source>
        <translation>EDI / API</translation>
    </message>
    <message>
        <location line="+77"/>
        <source>In Vendor Central: %1</source>
        <translation>In Vendor Central: %1</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Enter the case ID from the Amazon case.</source>
        <translation>Geben Sie die Fallnummer aus dem Amazon-Fall ein.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Enter what the case is about.</source>
        <translation>Geben Sie an, worum es in dem Fall geht.</translation>
    </message>
    <message>
        <location filename="../../vendordesk/ui/tickets/columns.py" line="-74"/>
        <source>Esc.</source>
        <translation>Eskal.</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>Follow-up</source>
        <translation>Nachfassen</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+81"/>
        <source>Gear</source>
        <translation>Zahnrad</translation>
    </message>
    <message>
        <location line="-29"/>
        <source>Group</source>
        <translation>Gruppe</translation>
    </message>
    <message>
        <source>ID</source>
        <translation type="vanished">ID</translation>
    </message>
    <message>
        <location filename="../../vendordesk/ui/tickets/labels.py" line="-154"/>
        <source>In progress</source>
        <translation>In Bearbeitung</translation>
    </message>
    <message>
        <location filename="../../vendordesk/ui/tickets/columns.py" line="-2"/>
        <source>Invoice</source>
        <translation>Rechnung</translation>
    </message>
    <message>
        <location line="-44"/>
        <source>Invoices</source>
        <translation>Rechnungen</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <location line="-39"/>
        <source>Last contact</source>
        <translation>Letzter Kontakt</translation>
    </message>
    <message>
        <location filename="../../vendordesk/ui/tickets/labels.py" line="-8"/>
        <source>Lost</source>
        <translation>Verloren</translation>
    </message>
    <message>
        <location line="-11"/>
        <source>Needs info from us</source>
        <translation>Braucht Infos von uns</translation>
    </message>
    <message>
        <location line="+180"/>
        <source>No case ID found in the e-mail. Enter it by hand or paste the whole e-mail.</source>
        <translation>Keine Fallnummer in der E-Mail gefunden. Geben Sie sie von Hand ein oder fügen Sie die ganze E-Mail ein.</translation>
    </message>
    <message>
        <location line="-172"/>
        <source>Not disputed</source>
        <translation>Kein Einspruch</translation>
    </message>
    <message>
        <location filename="../../vendordesk/ui/tickets/columns.py" line="+54"/>
        <location filename="../../vendordesk/ui/tickets/labels.py" line="+28"/>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <location line="-45"/>
        <source>Notes</source>
        <translation>Notizen</translation>
    </message>
    <message>
        <location filename="../../vendordesk/ui/tickets/labels.py" line="-38"/>
        <location line="+20"/>
        <source>Open</source>
        <translation>Offen</translation>
    </message>
    <message>
        <location filename="../../vendordesk/ui/tickets/columns.py" line="-7"/>
        <source>Opened</source>
        <translation>Eröffnet</translation>
    </message>
    <message>
        <location filename="../../vendordesk/ui/tickets/labels.py" line="+26"/>
        <source>Orders / PO</source>
        <translation>Bestellungen / PO</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Other</source>
        <translation>Sonstiges</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation type="vanished">Verantwortlich</translation>
    </message>
    <message>
        <location filename="../../vendordesk/ui/tickets/columns.py" line="+47"/>
        <source>PO</source>
        <translation>Bestellung</translation>
    </message>
    <message>
        <location line="-43"/>
        <source>POs</source>
        <translation>Bestellungen</translation>
    </message>
    <message>
        <location filename="../../vendordesk/ui/tickets/labels.py" line="-7"/>
        <source>Payments / invoices</source>
        <translation>Zahlungen / Rechnungen</translation>
    </message>
    <message>
        <source>Raised</source>
        <translation type="vanished">Belastet am</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Receiving / shortages</source>
        <translation>Wareneingang / Fehlmengen</translation>
    </message>
    <message>
        <location filename="../../vendordesk/ui/tickets/columns.py" line="+41"/>
        <source>Recovered</source>
        <translation>Zurückgeholt</translation>
    </message>
    <message>
        <location filename="../../vendordesk/ui/tickets/labels.py" line="-45"/>
        <source>Reopened</source>
        <translation>Wiedereröffnet</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>Reports</source>
        <translation>Berichte</translation>
    </message>
    <message>
        <location line="-50"/>
        <source>Resolved</source>
        <translation>Gelöst</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>Returns / RTV</source>
        <translation>Retouren / RTV</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>Shipments / ASN</source>
        <translation>Lieferungen / ASN</translation>
    </message>
    <message>
        <location line="-17"/>
        <source>Shortage claim</source>
        <translation>Fehlmengenforderung</translation>
    </message>
    <message>
        <location filename="../../vendordesk/ui/tickets/columns.py" line="-51"/>
        <location line="+83"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../vendordesk/ui/tickets/labels.py" line="+9"/>
        <source>Status change</source>
        <translation>Statusänderung</translation>
    </message>
    <message>
        <location filename="../../vendordesk/ui/tickets/columns.py" line="-84"/>
        <source>Subject</source>
        <translation>Betreff</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <location filename="../../vendordesk/ui/tickets/labels.py" line="+142"/>
        <source>Unknown status %1.</source>
        <translation>Unbekannter Status %1.</translation>
    </message>
    <message>
        <location line="-159"/>
        <source>Waiting</source>
        <translation>Wartet</translation>
    </message>
    <message>
        <location line="-21"/>
        <source>Waiting on Amazon</source>
        <translation>Wartet auf Amazon</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>We wrote</source>
        <translation>Wir schrieben</translation>
    </message>
    <message>
        <location filename="../../vendordesk/ui/tickets/columns.py" line="+35"/>
        <source>What</source>
        <translation>Was</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Who</source>
        <translation>Wer</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Why</source>
        <translation>Warum</translation>
    </message>
    <message>
        <location filename="../../vendordesk/ui/tickets/labels.py" line="-25"/>
        <source>Won</source>
        <translation>Gewonnen</translation>
    </message>
    <message>
        <location line="+164"/>
        <source>“%1” is not a date. Use 01.03.2026 or 2026-03-01.</source>
        <translation>„%1“ ist kein Datum. Verwenden Sie 01.03.2026 oder 2026-03-01.</translation>
    </message>
    <message>
        <source>DD.MM.YYYY</source>
        <translation type="vanished">TT.MM.JJJJ</translation>
    </message>
    <message>
        <location filename="../../vendordesk/ui/tickets/forms.py" line="-244"/>
        <source>D</source>
        <comment>the letter for &apos;day&apos; in a date format</comment>
        <translation>T</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>M</source>
        <comment>the letter for &apos;month&apos; in a date format</comment>
        <translation>M</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Y</source>
        <comment>the letter for &apos;year&apos; in a date format</comment>
        <translation>J</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Pick a date</source>
        <translation>Datum im Kalender wählen</translation>
    </message>
    <message>
        <location filename="../../vendordesk/ui/tickets/columns.py" line="-72"/>
        <source>Resolved on</source>
        <translation>Gelöst am</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Amazon ID</source>
        <translation>Amazon-ID</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Raised on</source>
        <translation>Belastet am</translation>
    </message>
</context>
<context>
    <name>TicketsTab</name>
    <message>
        <location filename="../../vendordesk/ui/tickets/tab.py" line="+52"/>
        <source>No cases, chargebacks or tasks yet</source>
        <translation>Noch keine Fälle, Rückbelastungen oder Aufgaben</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add a Vendor Central support case, paste an Amazon case e-mail, or import a chargeback export.</source>
        <translation>Legen Sie einen Vendor-Central-Supportfall an, fügen Sie eine Fall-E-Mail von Amazon ein oder importieren Sie einen Rückbelastungsexport.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add a case</source>
        <translation>Fall anlegen</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>Follow-up due or stale</source>
        <translation>Nachfassen fällig oder liegen geblieben</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Deadline within 7 days</source>
        <translation>Frist in den nächsten 7 Tagen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Overdue</source>
        <translation>Überfällig</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cases</source>
        <translation>Fälle</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Chargebacks &amp;&amp; shortages</source>
        <translation>Rückbelastungen &amp;&amp; Fehlmengen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tasks</source>
        <translation>Aufgaben</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+313"/>
        <source>Insight</source>
        <translation>Auswertung</translation>
    </message>
    <message>
        <location line="-306"/>
        <location line="+265"/>
        <source>This week</source>
        <translation>Diese Woche</translation>
    </message>
    <message>
        <location line="-148"/>
        <source>New case</source>
        <translation>Neuer Fall</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Case from e-mail…</source>
        <translation>Fall aus E-Mail…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New chargeback</source>
        <translation>Neue Rückbelastung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Import chargebacks…</source>
        <translation>Rückbelastungen importieren…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New task</source>
        <translation>Neue Aufgabe</translation>
    </message>
    <message>
        <location filename="../../vendordesk/ui/tickets/actions.py" line="+148"/>
        <location filename="../../vendordesk/ui/tickets/tab.py" line="+11"/>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <location filename="../../vendordesk/ui/tickets/tab.py" line="+2"/>
        <source>Cases…</source>
        <translation>Fälle…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Chargebacks…</source>
        <translation>Rückbelastungen…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tasks…</source>
        <translation>Aufgaben…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>All departments</source>
        <translation>Alle Abteilungen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Print list</source>
        <translation>Liste drucken</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A4 task list per department, to hand out in a meeting</source>
        <translation>A4-Aufgabenliste je Abteilung, zum Verteilen im Meeting</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Print preview…</source>
        <translation>Druckvorschau…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save as PDF…</source>
        <translation>Als PDF speichern…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Department:</source>
        <translation>Abteilung:</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Cases (CSV/XLSX)…</source>
        <translation>Fälle (CSV/XLSX)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chargebacks (CSV/XLSX)…</source>
        <translation>Rückbelastungen (CSV/XLSX)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tasks (CSV/XLSX)…</source>
        <translation>Aufgaben (CSV/XLSX)…</translation>
    </message>
    <message>
        <location line="+99"/>
        <source>This week (%1)</source>
        <translation>Diese Woche (%1)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cases (%1)</source>
        <translation>Fälle (%1)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Chargebacks &amp;&amp; shortages (%1)</source>
        <translation>Rückbelastungen &amp;&amp; Fehlmengen (%1)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tasks (%1)</source>
        <translation>Aufgaben (%1)</translation>
    </message>
    <message>
        <location filename="../../vendordesk/ui/tickets/actions.py" line="-127"/>
        <source>Import chargebacks or shortages</source>
        <translation>Rückbelastungen oder Fehlmengen importieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CSV files (*.csv *.txt);;All files (*)</source>
        <translation>CSV-Dateien (*.csv *.txt);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Import refused</source>
        <translation>Import abgelehnt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 new, %2 updated chargeback rows imported.</source>
        <translation>%1 neue, %2 aktualisierte Rückbelastungszeilen importiert.</translation>
    </message>
    <message>
        <location filename="../../vendordesk/ui/tickets/tab.py" line="+163"/>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <location filename="../../vendordesk/ui/tickets/actions.py" line="+12"/>
        <source>Delete case %1 with its timeline?</source>
        <translation>Fall %1 mit seinem Verlauf löschen?</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../vendordesk/ui/tickets/undo.py" line="+45"/>
        <source>case %1</source>
        <translation>Fall %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Delete this chargeback?</source>
        <translation>Diese Rückbelastung löschen?</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../vendordesk/ui/tickets/undo.py" line="+2"/>
        <source>chargeback</source>
        <translation>Rückbelastung</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Delete this task?</source>
        <translation>Diese Aufgabe löschen?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>task</source>
        <translation>Aufgabe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>You can undo this (Ctrl+Z).</source>
        <translation>Sie können das rückgängig machen (Strg+Z).</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Undo delete of %1</source>
        <translation>Löschen von %1 rückgängig machen</translation>
    </message>
    <message>
        <location line="-12"/>
        <location filename="../../vendordesk/ui/tickets/undo.py" line="+51"/>
        <source>Restored %1.</source>
        <translation>%1 wiederhergestellt.</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Case %1: the subject cannot be empty; the old subject is kept.</source>
        <translation>Fall %1: Der Betreff darf nicht leer sein; der alte Betreff bleibt.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>The task needs a title; the old one is kept.</source>
        <translation>Die Aufgabe braucht einen Titel; der alte bleibt.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Excel (*.xlsx);;CSV (*.csv)</source>
        <translation>Excel (*.xlsx);;CSV (*.csv)</translation>
    </message>
    <message>
        <source>cases.xlsx</source>
        <translation type="vanished">faelle.xlsx</translation>
    </message>
    <message>
        <source>chargebacks.xlsx</source>
        <translation type="vanished">rueckbelastungen.xlsx</translation>
    </message>
    <message>
        <source>tasks.xlsx</source>
        <translation type="vanished">aufgaben.xlsx</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Export failed</source>
        <translation>Export fehlgeschlagen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 rows written to %2</source>
        <translation>%1 Zeilen nach %2 geschrieben</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>Save task list</source>
        <translation>Aufgabenliste speichern</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Task list</source>
        <translation>Aufgabenliste</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Task list saved to %1</source>
        <translation>Aufgabenliste gespeichert unter %1</translation>
    </message>
    <message>
        <source>Add a Vendor Central support case, paste an Amazon case e-mail, or import a chargeback export (File › Import…).</source>
        <translation type="vanished">Legen Sie einen Vendor-Central-Supportfall an, fügen Sie eine Fall-E-Mail von Amazon ein oder importieren Sie einen Rückbelastungsexport (Datei › Importieren…).</translation>
    </message>
    <message>
        <location filename="../../vendordesk/ui/tickets/tab.py" line="-479"/>
        <source>Tickets</source>
        <translation>Tickets</translation>
    </message>
    <message>
        <location filename="../../vendordesk/ui/tickets/actions.py" line="-68"/>
        <source>Cases.xlsx</source>
        <translation>Fälle.xlsx</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chargebacks.xlsx</source>
        <translation>Rückbelastungen.xlsx</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tasks.xlsx</source>
        <translation>Aufgaben.xlsx</translation>
    </message>
</context>
<context>
    <name>TicketsUndo</name>
    <message>
        <location filename="../../vendordesk/ui/tickets/undo.py" line="-43"/>
        <source>Delete %1</source>
        <translation>%1 löschen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add %1</source>
        <translation>%1 anlegen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Edit %1</source>
        <translation>%1 bearbeiten</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Redone: %1</source>
        <translation>Wiederholt: %1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Undone: %1</source>
        <translation>Rückgängig gemacht: %1</translation>
    </message>
</context>
<context>
    <name>TodayPanel</name>
    <message>
        <location filename="../../vendordesk/ui/tickets/today.py" line="+32"/>
        <source>Today</source>
        <translation>Heute</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Today, %1</source>
        <translation>Heute, %1</translation>
    </message>
    <message>
        <source>As of the data, %1</source>
        <translation type="vanished">Datenstand %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Data as of %1</source>
        <translation>Datenstand %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Follow-ups due (%1)</source>
        <translation>Fällige Nachfassungen (%1)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Overdue tasks (%1)</source>
        <translation>Überfällige Aufgaben (%1)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Dispute deadlines within 7 days (%1)</source>
        <translation>Einspruchsfristen in den nächsten 7 Tagen (%1)</translation>
    </message>
    <message numerus="yes">
        <location line="+19"/>
        <source>… %n more: see “This week”</source>
        <translation>
            <numerusform>… und %n weiterer Eintrag: siehe „Diese Woche“</numerusform>
            <numerusform>… und %n weitere Einträge: siehe „Diese Woche“</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Nothing due.</source>
        <translation>Nichts fällig.</translation>
    </message>
</context>
<context>
    <name>Undo</name>
    <message>
        <location filename="../../build/i18n/tr_helpers.py" line="+41"/>
        <source>Enter value: %1</source>
        <translation>Wert eingeben: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gear settings: %1</source>
        <translation>Zahnrad-Einstellungen: %1</translation>
    </message>
</context>
<context>
    <name>Week</name>
    <message>
        <location filename="../../vendordesk/ui/tickets/week.py" line="+16"/>
        <source>Follow up case</source>
        <translation>Fall nachfassen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Task due</source>
        <translation>Aufgabe fällig</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last day to dispute</source>
        <translation>Letzter Tag für Einspruch</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shortage dispute window opens</source>
        <translation>Einspruchsfrist für Fehlmenge beginnt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Price change effective</source>
        <translation>Preisänderung wirksam</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last orders at the old price</source>
        <translation>Letzte Bestellungen zum alten Preis</translation>
    </message>
</context>
<context>
    <name>WeekPage</name>
    <message>
        <location line="+20"/>
        <source>Export to calendar (.ics)…</source>
        <translation>In Kalender exportieren (.ics)…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>What</source>
        <translation>Was</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Reference</source>
        <translation>Bezug</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Subject</source>
        <translation>Betreff</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Amount</source>
        <translation>Betrag</translation>
    </message>
    <message numerus="yes">
        <location line="+25"/>
        <source>To do from %1 (the data&apos;s date) to %2: %n item(s)</source>
        <translation>
            <numerusform>Zu erledigen vom %1 (Datenstand) bis %2: %n Eintrag</numerusform>
            <numerusform>Zu erledigen vom %1 (Datenstand) bis %2: %n Einträge</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>To do from %1 to %2: %n item(s)</source>
        <translation>
            <numerusform>Zu erledigen vom %1 bis %2: %n Eintrag</numerusform>
            <numerusform>Zu erledigen vom %1 bis %2: %n Einträge</numerusform>
        </translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Overdue</source>
        <translation>Überfällig</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Today, %1</source>
        <translation>Heute, %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tomorrow, %1</source>
        <translation>Morgen, %1</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Nothing due.</source>
        <translation>Nichts fällig.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Export to calendar</source>
        <translation>In Kalender exportieren</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>vendordesk-todo.ics</source>
        <translation>vendordesk-aufgaben.ics</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Calendar (*.ics)</source>
        <translation>Kalender (*.ics)</translation>
    </message>
</context>
<context>
    <name>WhatIfView</name>
    <message>
        <source>Change vs. baseline (% / points)</source>
        <translation type="vanished">Veränderung ggü. Basis (% / Punkte)</translation>
    </message>
    <message>
        <location filename="../../vendordesk/ui/influence/whatif.py" line="+184"/>
        <location line="+3"/>
        <location line="+3"/>
        <source>Week</source>
        <translation>Woche</translation>
    </message>
    <message>
        <location line="-120"/>
        <source>Shocks</source>
        <translation>Schocks</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>whole horizon</source>
        <translation>ganzer Horizont</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+38"/>
        <source> weeks</source>
        <translation> Wochen</translation>
    </message>
    <message>
        <source>KPI</source>
        <translation type="vanished">KPI</translation>
    </message>
    <message>
        <source>Change</source>
        <translation type="vanished">Veränderung</translation>
    </message>
    <message>
        <location line="-36"/>
        <location line="+8"/>
        <source>What changes</source>
        <translation>Was ändert sich</translation>
    </message>
    <message>
        <location line="-7"/>
        <location line="+7"/>
        <source>By</source>
        <translation>Um</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>For</source>
        <translation>Für</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add shock</source>
        <translation>Schock hinzufügen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Weeks</source>
        <translation>Wochen</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Clear</source>
        <translation>Leeren</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Examples:</source>
        <translation>Beispiele:</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Horizon: </source>
        <translation>Horizont: </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Run simulation</source>
        <translation>Simulation starten</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Export to Excel…</source>
        <translation>Nach Excel exportieren…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Print preview…</source>
        <translation>Druckvorschau…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Impact over the horizon (vs. the unshocked baseline)</source>
        <translation>Wirkung über den Horizont (ggü. der Basis ohne Schock)</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+39"/>
        <source>Units</source>
        <translation>Stück</translation>
    </message>
    <message>
        <location line="-39"/>
        <source>Our revenue (shipped COGS)</source>
        <translation>Unser Umsatz (zu Einkaufspreisen)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Amazon revenue (shipped revenue)</source>
        <translation>Amazons Umsatz (zu Verkaufspreisen)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Net PPM</source>
        <translation>Net PPM</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Amazon margin (€)</source>
        <translation>Marge von Amazon (€)</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Our revenue, change (€)</source>
        <translation>Unser Umsatz, Änderung (€)</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+272"/>
        <source>Units, cumulative change</source>
        <translation>Stück, kumulierte Änderung</translation>
    </message>
    <message>
        <location line="-269"/>
        <source>Change vs. baseline (%)</source>
        <translation>Änderung ggü. Basis (%)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Change vs. baseline (points)</source>
        <translation>Änderung ggü. Basis (Punkte)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Where the euros come from</source>
        <translation>Woher die Euro kommen</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>In words</source>
        <translation>In Worten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>KPIs in %</source>
        <translation>KPIs in %</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>KPIs in points</source>
        <translation>KPIs in Punkten</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Change or remove the refused shock and run the simulation again: the euros by path, the units with their likely range and the KPI paths appear here.</source>
        <translation>Abgelehnten Schock ändern oder entfernen und die Simulation erneut starten: Hier erscheinen die Euro je Wirkungsweg, die Stückzahl mit ihrer wahrscheinlichen Spanne und die KPI-Verläufe.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add a shock and run the simulation: the euros by path, the units with their likely range and the KPI paths appear here.</source>
        <translation>Schock hinzufügen und die Simulation starten: Hier erscheinen die Euro je Wirkungsweg, die Stückzahl mit ihrer wahrscheinlichen Spanne und die KPI-Verläufe.</translation>
    </message>
    <message>
        <location line="+139"/>
        <source>Paths to our revenue (they add up to its total):</source>
        <translation>Wege zu unserem Umsatz (sie ergeben zusammen die Summe):</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Not calibrated: every link runs on its documented default (Calibration › Calibrate on history learns them from this workspace).</source>
        <translation>Nicht kalibriert: Alle Verknüpfungen laufen auf dokumentierten Standardwerten (Kalibrierung › Auf der Historie kalibrieren lernt sie aus diesem Arbeitsbereich).</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>%1 %2 points: a rate changes by at most %3 to %4 points.</source>
        <translation>%1 %2 Punkte: eine Quote ändert sich um höchstens %3 bis %4 Punkte.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>%1 %2: a change must lie between %3 and %4.</source>
        <translation>%1 %2: die Änderung muss zwischen %3 und %4 liegen.</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>likely range (10–90%)</source>
        <translation>wahrscheinliche Spanne (10–90 %)</translation>
    </message>
    <message>
        <source>%1 %2 points: it is %3 % now, so the change must lie between %4 and %5 points (the rate stays between %6 % and 100 %).</source>
        <translation type="vanished">%1 %2 Punkte: sie liegt jetzt bei %3 %, die Änderung muss also zwischen %4 und %5 Punkten liegen (die Quote bleibt zwischen %6 % und 100 %).</translation>
    </message>
    <message>
        <source>%1 %2 %: a change must lie between %3 % and %4 %.</source>
        <translation type="vanished">%1 %2 %: die Änderung muss zwischen %3 % und %4 % liegen.</translation>
    </message>
    <message>
        <source>likely range (10-90 %)</source>
        <translation type="vanished">wahrscheinliche Spanne (10–90 %)</translation>
    </message>
    <message>
        <source>what-if.xlsx</source>
        <translation type="vanished">was-waere-wenn.xlsx</translation>
    </message>
    <message>
        <location filename="../../build/i18n/tr_helpers.py" line="+2"/>
        <source>Export what-if</source>
        <translation>Was-wäre-wenn exportieren</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Excel (*.xlsx)</source>
        <translation>Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>Amazon margin (Net PPM €)</source>
        <translation type="vanished">Amazon-Marge (Net PPM €)</translation>
    </message>
    <message>
        <location filename="../../vendordesk/ui/influence/whatif.py" line="-221"/>
        <location line="+8"/>
        <source> points</source>
        <translation> Punkte</translation>
    </message>
    <message>
        <source> pts</source>
        <translation type="vanished"> Pkt.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>, %1 wk</source>
        <translation>, %1 Wo.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>all</source>
        <translation>alle</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>No sales history: the money totals stay at zero; the KPI paths still show how the shock travels through the gears.</source>
        <translation>Keine Verkaufshistorie: Die Geldsummen bleiben bei null; die KPI-Verläufe zeigen trotzdem, wie sich der Schock durch die Zahnräder fortpflanzt.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Baseline: the average of the last 13 weeks (%1 units a week, ASP %2).</source>
        <translation>Basis: der Durchschnitt der letzten 13 Wochen (%1 Stück pro Woche, ASP %2).</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Refused: %1</source>
        <translation>Abgelehnt: %1</translation>
    </message>
    <message>
        <location line="+69"/>
        <source>%1 %2 points: it is %3 now, so the change must lie between %4 and %5 points (the rate stays between %6 and %7).</source>
        <translation>%1 %2 Punkte: sie liegt jetzt bei %3, die Änderung muss also zwischen %4 und %5 Punkten liegen (die Quote bleibt zwischen %6 und %7).</translation>
    </message>
    <message>
        <source>%1 pts</source>
        <translation type="vanished">%1 Pkt.</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>%1 points</source>
        <translation>%1 Punkte</translation>
    </message>
    <message>
        <location filename="../../build/i18n/tr_helpers.py" line="+2"/>
        <source>What-if.xlsx</source>
        <translation>Was-wäre-wenn.xlsx</translation>
    </message>
</context>
</TS>
