<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="en">
    <context>
        <name>ChargebackEditor</name>
        <message numerus="yes">
            <source>Disputable: %n day(s) left.</source>
            <translation>
                <numerusform>Disputable: %n day left.</numerusform>
                <numerusform>Disputable: %n days left.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ForecastCounts</name>
        <message numerus="yes">
            <source>%Ln ASIN(s) differ by more than %1.</source>
            <translation>
                <numerusform>%Ln ASIN differs by more than %1.</numerusform>
                <numerusform>%Ln ASINs differ by more than %1.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>On %Ln ASIN(s) Amazon cut its forecast after OOS weeks (OOS spiral).</source>
            <translation>
                <numerusform>On %Ln ASIN Amazon cut its forecast after OOS weeks (OOS spiral).</numerusform>
                <numerusform>On %Ln ASINs Amazon cut its forecast after OOS weeks (OOS spiral).</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln ASIN(s).</source>
            <translation>
                <numerusform>%Ln ASIN.</numerusform>
                <numerusform>%Ln ASINs.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Ours beat seasonal naive on %1 of %Ln backtested ASIN(s).</source>
            <translation>
                <numerusform>Ours beat seasonal naive on %1 of %Ln backtested ASIN.</numerusform>
                <numerusform>Ours beat seasonal naive on %1 of %Ln backtested ASINs.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln ASIN(s) have weeks at out-of-stock risk in the next %1 weeks;</source>
            <translation>
                <numerusform>%Ln ASIN has weeks at out-of-stock risk in the next %1 weeks;</numerusform>
                <numerusform>%Ln ASINs have weeks at out-of-stock risk in the next %1 weeks;</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln ASIN(s) differ from Amazon by more than %1.</source>
            <translation>
                <numerusform>%Ln ASIN differs from Amazon by more than %1.</numerusform>
                <numerusform>%Ln ASINs differ from Amazon by more than %1.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln ASIN(s) at risk in the next %1 weeks.</source>
            <translation>
                <numerusform>%Ln ASIN at risk in the next %1 weeks.</numerusform>
                <numerusform>%Ln ASINs at risk in the next %1 weeks.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Over all %1 forecast weeks: %Ln week(s) at risk</source>
            <translation>
                <numerusform>Over all %1 forecast weeks: %Ln week at risk</numerusform>
                <numerusform>Over all %1 forecast weeks: %Ln weeks at risk</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>on %Ln ASIN(s);</source>
            <translation>
                <numerusform>on %Ln ASIN;</numerusform>
                <numerusform>on %Ln ASINs;</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ImportFlow</name>
        <message numerus="yes">
            <source>Reading %n file(s)…</source>
            <translation>
                <numerusform>Reading %n file…</numerusform>
                <numerusform>Reading %n files…</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Importing %n file(s)…</source>
            <translation>
                <numerusform>Importing %n file…</numerusform>
                <numerusform>Importing %n files…</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Imported %n file(s)</source>
            <translation>
                <numerusform>Imported %n file</numerusform>
                <numerusform>Imported %n files</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n row(s)</source>
            <translation>
                <numerusform>%n row</numerusform>
                <numerusform>%n rows</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ImportHistory</name>
        <message numerus="yes">
            <source>Import undone: %n fact row(s) removed.</source>
            <translation>
                <numerusform>Import undone: %n fact row removed.</numerusform>
                <numerusform>Import undone: %n fact rows removed.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ImportPreview</name>
        <message numerus="yes">
            <source>VendorDesk read %n file(s). Check what it recognised, then import. Nothing is written before you click Import.</source>
            <translation>
                <numerusform>VendorDesk read %n file. Check what it recognised, then import. Nothing is written before you click Import.</numerusform>
                <numerusform>VendorDesk read %n files. Check what it recognised, then import. Nothing is written before you click Import.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Import %n file(s)</source>
            <translation>
                <numerusform>Import %n file</numerusform>
                <numerusform>Import %n files</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n warning(s)</source>
            <translation>
                <numerusform>%n warning</numerusform>
                <numerusform>%n warnings</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>InsightPage</name>
        <message numerus="yes">
            <source>%n case(s)</source>
            <translation>
                <numerusform>%n case</numerusform>
                <numerusform>%n cases</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>NegotiationTab</name>
        <message numerus="yes">
            <source>%n cell(s) are not numbers and were not saved; they are marked red. Use e.g. 12,50.</source>
            <translation>
                <numerusform>%n cell is not a number and was not saved; it is marked red. Use e.g. 12,50.</numerusform>
                <numerusform>%n cells are not numbers and were not saved; they are marked red. Use e.g. 12,50.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>TodayPanel</name>
        <message numerus="yes">
            <source>… %n more: see “This week”</source>
            <translation>
                <numerusform>… %n more: see “This week”</numerusform>
                <numerusform>… %n more: see “This week”</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>WeekPage</name>
        <message numerus="yes">
            <source>To do from %1 (the data's date) to %2: %n item(s)</source>
            <translation>
                <numerusform>To do from %1 (the data's date) to %2: %n item</numerusform>
                <numerusform>To do from %1 (the data's date) to %2: %n items</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>To do from %1 to %2: %n item(s)</source>
            <translation>
                <numerusform>To do from %1 to %2: %n item</numerusform>
                <numerusform>To do from %1 to %2: %n items</numerusform>
            </translation>
        </message>
    </context>
</TS>
