<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de" sourcelanguage="en">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../vendordesk/ui/about.py" line="+28"/>
        <source>About VendorDesk</source>
        <translation>Über VendorDesk</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&lt;p&gt;The desk of a Key Account Manager selling to Amazon as a 1P vendor.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Der Schreibtisch für Key Account Manager, die als 1P-Vendor an Amazon verkaufen.&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+4"/>
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
        <source>Keyring backend</source>
        <translation>Schlüsselbund-Backend</translation>
    </message>
</context>
<context>
    <name>ForecastTab</name>
    <message>
        <location filename="../../vendordesk/ui/tabs/forecast.py" line="+14"/>
        <source>No sales history yet</source>
        <translation>Noch keine Verkaufshistorie</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Import weekly Vendor Central Sales reports and Amazon&apos;s Forecast report (File › Import…) to compare our forecast with Amazon&apos;s.</source>
        <translation>Importieren Sie wöchentliche Vendor-Central-Verkaufsberichte und Amazons Prognosebericht (Datei › Importieren…), um unsere Prognose mit der von Amazon zu vergleichen.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Forecast</source>
        <translation>Prognose</translation>
    </message>
</context>
<context>
    <name>GearsTab</name>
    <message>
        <location filename="../../vendordesk/ui/tabs/gears.py" line="+14"/>
        <source>No sales data yet</source>
        <translation>Noch keine Verkaufsdaten</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Import Vendor Central Sales, Traffic, Inventory and Net PPM reports (File › Import…) to see the nine KPI gears and how they drive one another.</source>
        <translation>Importieren Sie die Vendor-Central-Berichte zu Verkäufen, Traffic, Bestand und Net PPM (Datei › Importieren…), um die neun KPI-Zahnräder und ihre Wechselwirkungen zu sehen.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>KPI gears</source>
        <translation>KPI-Zahnräder</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../vendordesk/ui/main_window.py" line="+98"/>
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
        <location line="+3"/>
        <source>&amp;Settings…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;About VendorDesk</source>
        <translation>Ü&amp;ber VendorDesk</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Workspace: %1 (%2)</source>
        <translation>Arbeitsbereich: %1 (%2)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Data as of %1</source>
        <translation>Datenstand %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No report data yet</source>
        <translation>Noch keine Berichtsdaten</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Cannot open workspace</source>
        <translation>Arbeitsbereich kann nicht geöffnet werden</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+5"/>
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
        <location line="+7"/>
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
    <name>NegotiationTab</name>
    <message>
        <location filename="../../vendordesk/ui/tabs/negotiation.py" line="+14"/>
        <source>No price-increase case yet</source>
        <translation>Noch kein Preiserhöhungsfall</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Create a negotiation case for the ASINs whose cost price must rise. Import sales facts first so that ASP and Net PPM can be computed.</source>
        <translation>Legen Sie einen Verhandlungsfall für die ASINs an, deren Einkaufspreis steigen muss. Importieren Sie zuerst Verkaufsdaten, damit ASP und Net PPM berechnet werden können.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Price increase</source>
        <translation>Preiserhöhung</translation>
    </message>
</context>
<context>
    <name>TicketsTab</name>
    <message>
        <location filename="../../vendordesk/ui/tabs/tickets.py" line="+14"/>
        <source>No cases, chargebacks or tasks yet</source>
        <translation>Noch keine Fälle, Rückbelastungen oder Aufgaben</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Add a Vendor Central support case, paste an Amazon case e-mail, or import a chargeback export (File › Import…).</source>
        <translation>Legen Sie einen Vendor-Central-Supportfall an, fügen Sie eine Fall-E-Mail von Amazon ein oder importieren Sie einen Rückbelastungsexport (Datei › Importieren…).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Tickets</source>
        <translation>Tickets</translation>
    </message>
</context>
</TS>
