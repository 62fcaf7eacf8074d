<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de" sourcelanguage="en">
<context>
    <name>AccountDialog</name>
    <message>
        <location filename="../ui/accountdialog.ui" line="+14"/>
        <source>Add an API Key</source>
        <translation>API-Schlüssel hinzufügen</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>Add an App Store Connect API key</source>
        <translation>App Store Connect-API-Schlüssel hinzufügen</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Create a key in App Store Connect under Users and Access → Integrations → App Store Connect API, then download its .p8 file.</source>
        <translation>Erstellen Sie in App Store Connect unter „Benutzer und Zugriff“ → „Integrationen“ → „App Store Connect API“ einen Schlüssel und laden Sie seine .p8-Datei herunter.</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>e.g. Acme Team</source>
        <translation>z. B. Team Acme</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>&amp;Individual key (belongs to one user, has no issuer ID)</source>
        <translation>&amp;Einzelschlüssel (gehört einem Benutzer, hat keine Aussteller-ID)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Issuer ID:</source>
        <translation>&amp;Aussteller-ID:</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>&amp;Key ID:</source>
        <translation>&amp;Schlüssel-ID:</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Private &amp;key:</source>
        <translation>&amp;Privater Schlüssel:</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>&amp;Choose…</source>
        <translation>Aus&amp;wählen …</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>&amp;Advanced</source>
        <translation>E&amp;rweitert</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>&amp;Server:</source>
        <translation>Ser&amp;ver:</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>&amp;Test Connection</source>
        <translation>Verbindung &amp;testen</translation>
    </message>
</context>
<context>
    <name>ApiError</name>
    <message>
        <location filename="../src/core/api/apierror.cpp" line="+85"/>
        <source>Check the internet connection, proxy and firewall, then try again.</source>
        <translation>Prüfen Sie Internetverbindung, Proxy und Firewall und versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The server may be slow or the connection poor; try again in a moment.</source>
        <translation>Der Server ist vielleicht langsam oder die Verbindung schlecht; versuchen Sie es gleich noch einmal.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The server&apos;s answer was not in the expected format; if this keeps happening, check the server address in the account settings.</source>
        <translation>Die Antwort des Servers hatte nicht das erwartete Format. Wenn das wiederholt passiert, prüfen Sie die Serveradresse in den Account-Einstellungen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Check the account&apos;s issuer ID, key ID and private key file.</source>
        <translation>Prüfen Sie Aussteller-ID, Schlüssel-ID und die Datei mit dem privaten Schlüssel des Accounts.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The request was not accepted; check the values and filters used.</source>
        <translation>Die Anfrage wurde nicht angenommen; prüfen Sie die verwendeten Werte und Filter.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>App Store Connect did not accept the API key. Check the issuer ID, key ID and private key, that the key has not been revoked, and that this computer&apos;s clock is correct.</source>
        <translation>App Store Connect hat den API-Schlüssel nicht akzeptiert. Prüfen Sie Aussteller-ID, Schlüssel-ID und privaten Schlüssel, ob der Schlüssel widerrufen wurde und ob die Uhr dieses Computers richtig geht.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The API key is not allowed to do this. Check the key&apos;s role under Users and Access → Integrations in App Store Connect.</source>
        <translation>Der API-Schlüssel darf das nicht. Prüfen Sie die Rolle des Schlüssels in App Store Connect unter „Benutzer und Zugriff“ → „Integrationen“.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>It was not found: it may have been deleted, or the API key&apos;s team cannot see it.</source>
        <translation>Nicht gefunden: Es wurde vielleicht gelöscht, oder das Team des API-Schlüssels kann es nicht sehen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This conflicts with the current state on the server (for example a duplicate, or a change that is not allowed right now). Refresh and try again.</source>
        <translation>Das widerspricht dem aktuellen Stand auf dem Server (zum Beispiel ein Duplikat oder eine Änderung, die gerade nicht erlaubt ist). Aktualisieren Sie und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The request is too large for the server.</source>
        <translation>Die Anfrage ist zu groß für den Server.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Some values were not accepted; correct them and try again.</source>
        <translation>Einige Werte wurden nicht akzeptiert; korrigieren Sie sie und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The API key has used up its hourly request budget. Wait a few minutes and try again.</source>
        <translation>Der API-Schlüssel hat sein stündliches Anfragekontingent aufgebraucht. Warten Sie einige Minuten und versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>App Store Connect has a problem on its side. Try again in a few minutes.</source>
        <translation>App Store Connect hat ein Problem auf seiner Seite. Versuchen Sie es in einigen Minuten erneut.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The request was cancelled.</source>
        <translation>Die Anfrage wurde abgebrochen.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No access token could be created.</source>
        <translation>Es konnte kein Zugriffstoken erstellt werden.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No access token could be created: %1.</source>
        <translation>Es konnte kein Zugriffstoken erstellt werden: %1.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The connection to the server failed: %1.</source>
        <translation>Die Verbindung zum Server ist fehlgeschlagen: %1.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The connection to %1 failed: %2.</source>
        <translation>Die Verbindung zu %1 ist fehlgeschlagen: %2.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The server did not answer in time.</source>
        <translation>Der Server hat nicht rechtzeitig geantwortet.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 did not answer in time.</source>
        <translation>%1 hat nicht rechtzeitig geantwortet.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The server&apos;s answer could not be read: %1.</source>
        <translation>Die Antwort des Servers konnte nicht gelesen werden: %1.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The server answered with HTTP status %1.</source>
        <translation>Der Server hat mit HTTP-Status %1 geantwortet.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 (HTTP %2)</source>
        <translation>%1 (HTTP %2)</translation>
    </message>
</context>
<context>
    <name>FeedbackText</name>
    <message>
        <location filename="../src/core/feedback/feedbackmarkdown.cpp" line="+45"/>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 d %2 h</source>
        <translation>%1 d %2 h</translation>
    </message>
    <message>
        <location line="+59"/>
        <location line="+68"/>
        <source>Crash</source>
        <translation>Absturz</translation>
    </message>
    <message>
        <location line="-67"/>
        <source>Crash on %1</source>
        <translation>Absturz auf %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+67"/>
        <source>Screenshot feedback</source>
        <translation>Screenshot-Feedback</translation>
    </message>
    <message>
        <location line="-66"/>
        <source>Screenshot feedback from %1</source>
        <translation>Screenshot-Feedback von %1</translation>
    </message>
    <message numerus="yes">
        <location line="+50"/>
        <source>… (%n more lines)</source>
        <translation>
            <numerusform>… (%n weitere Zeile)</numerusform>
            <numerusform>… (%n weitere Zeilen)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Submitted</source>
        <translation>Gesendet</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Tester</source>
        <translation>Tester</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Build</source>
        <translation>Build</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Device</source>
        <translation>Gerät</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>OS</source>
        <translation>Betriebssystem</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>App platform</source>
        <translation>App-Plattform</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Architecture</source>
        <translation>Architektur</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Battery</source>
        <translation>Batterie</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Connection</source>
        <translation>Verbindung</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+4"/>
        <source>Disk</source>
        <translation>Speicherplatz</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>%1 free of %2</source>
        <translation>%1 von %2 frei</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 free</source>
        <translation>%1 frei</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>App uptime</source>
        <translation>Laufzeit der App</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Screen</source>
        <translation>Bildschirm</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 × %2 pt</source>
        <translation>%1 × %2 pt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Locale</source>
        <translation>Sprache und Region</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Time zone</source>
        <translation>Zeitzone</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paired Apple Watch</source>
        <translation>Gekoppelte Apple Watch</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Screenshots</source>
        <translation>Screenshots</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Screenshot %1</source>
        <translation>Screenshot %1</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n screenshot(s) attached in App Store Connect.</source>
        <translation>
            <numerusform>%n Screenshot in App Store Connect angehängt.</numerusform>
            <numerusform>%n Screenshots in App Store Connect angehängt.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Crash log</source>
        <translation>Absturzprotokoll</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Full log: [%1](%2)</source>
        <translation>Vollständiges Protokoll: [%1](%2)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Not included</source>
        <translation>Nicht enthalten</translation>
    </message>
</context>
<context>
    <name>ascend::api::ApiClient</name>
    <message>
        <location filename="../src/core/api/apiclient.cpp" line="+55"/>
        <source>The server address &quot;%1&quot; is not a valid URL.</source>
        <translation>Die Serveradresse „%1“ ist keine gültige URL.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>&quot;%1&quot; is not a valid request URL.</source>
        <translation>„%1“ ist keine gültige Anfrage-URL.</translation>
    </message>
</context>
<context>
    <name>ascend::api::ApiReply</name>
    <message>
        <location filename="../src/core/api/apireply.cpp" line="+107"/>
        <source>The API client was deleted before the request was sent.</source>
        <translation>Der API-Client wurde gelöscht, bevor die Anfrage gesendet wurde.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Invalid request %1: %2</source>
        <translation>Ungültige Anfrage %1: %2</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Refusing to send the API token to %1: it is not the configured server %2.</source>
        <translation>Das API-Token wird nicht an %1 gesendet: Das ist nicht der eingestellte Server %2.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>no API key is configured</source>
        <translation>es ist kein API-Schlüssel eingerichtet</translation>
    </message>
    <message>
        <location line="+83"/>
        <source>No progress for %1 seconds.</source>
        <translation>Seit %1 Sekunden kein Fortschritt.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>the connection closed before the server answered, and the request was not repeated because it may already have taken effect</source>
        <translation>die Verbindung wurde geschlossen, bevor der Server antwortete; die Anfrage wurde nicht wiederholt, weil sie womöglich schon ausgeführt wurde</translation>
    </message>
</context>
<context>
    <name>ascend::api::BuildUploadFiles</name>
    <message>
        <location filename="../src/core/api/buildUploadFiles.cpp" line="+44"/>
        <source>an upload operation lacks method, url, offset or length</source>
        <translation>einem Upload-Vorgang fehlen Methode, URL, Offset oder Länge</translation>
    </message>
</context>
<context>
    <name>ascend::api::Pager</name>
    <message>
        <location filename="../src/core/api/pager.cpp" line="+30"/>
        <source>The pager has no API client.</source>
        <translation>Der Seitenabruf hat keinen API-Client.</translation>
    </message>
    <message>
        <location line="+82"/>
        <source>the server&apos;s next-page link repeats a page already read (%1)</source>
        <translation>der Link des Servers zur nächsten Seite verweist auf eine bereits gelesene Seite (%1)</translation>
    </message>
</context>
<context>
    <name>ascend::api::Query</name>
    <message>
        <location filename="../src/core/api/query.cpp" line="+16"/>
        <source>a query parameter has an empty name</source>
        <translation>ein Abfrageparameter hat einen leeren Namen</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>a filter has an empty name</source>
        <translation>ein Filter hat einen leeren Namen</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>a sparse fieldset has an empty resource type</source>
        <translation>eine Feldauswahl (sparse fieldset) hat einen leeren Ressourcentyp</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>limit %1 is out of range: it must be between 1 and %2</source>
        <translation>limit %1 liegt außerhalb des gültigen Bereichs: Es muss zwischen 1 und %2 liegen</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>limit[%1] %2 is out of range: it must be between 1 and %3</source>
        <translation>limit[%1] %2 liegt außerhalb des gültigen Bereichs: Es muss zwischen 1 und %3 liegen</translation>
    </message>
</context>
<context>
    <name>ascend::api::RateLimitState</name>
    <message>
        <location filename="../src/core/api/ratelimitstate.cpp" line="+40"/>
        <source>%1 of %2 requests left this hour</source>
        <translation>%1 von %2 Anfragen in dieser Stunde übrig</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 requests left this hour</source>
        <translation>%1 Anfragen in dieser Stunde übrig</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>API budget unknown</source>
        <translation>API-Kontingent unbekannt</translation>
    </message>
</context>
<context>
    <name>ascend::api::TestFlight</name>
    <message>
        <location filename="../src/core/api/testflightviews.cpp" line="+149"/>
        <source>The build has not finished processing as VALID (it is %1).</source>
        <translation>Die Verarbeitung des Builds ist nicht mit VALID abgeschlossen (er ist %1).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>in an unknown state</source>
        <translation>in einem unbekannten Zustand</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The build has expired.</source>
        <translation>Der Build ist abgelaufen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The build is for internal testing only.</source>
        <translation>Der Build ist nur für interne Tests bestimmt.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>What to Test is empty: write it for at least one locale.</source>
        <translation>„Was zu testen ist“ ist leer: Schreiben Sie den Text für mindestens eine Sprache.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The build was already submitted (%1).</source>
        <translation>Der Build wurde bereits eingereicht (%1).</translation>
    </message>
</context>
<context>
    <name>ascend::api::TesterCsv</name>
    <message>
        <location filename="../src/core/api/testercsv.cpp" line="+104"/>
        <source>Line %1: a quoted field is never closed.</source>
        <translation>Zeile %1: Ein Feld in Anführungszeichen wird nie geschlossen.</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>The email address is missing.</source>
        <translation>Die E-Mail-Adresse fehlt.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&quot;%1&quot; is not a valid email address.</source>
        <translation>„%1“ ist keine gültige E-Mail-Adresse.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The row has %1 fields; at most %2 are expected (quote fields that contain commas).</source>
        <translation>Die Zeile hat %1 Felder; erwartet werden höchstens %2 (setzen Sie Felder mit Kommas in Anführungszeichen).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 appears more than once in the file.</source>
        <translation>%1 kommt mehr als einmal in der Datei vor.</translation>
    </message>
</context>
<context>
    <name>ascend::app::ScreenshotTaker</name>
    <message>
        <location filename="../src/app/screenshot.cpp" line="+29"/>
        <source>Timed out after %1 s waiting for the connection (%2).</source>
        <translation>Zeitüberschreitung nach %1 s beim Warten auf die Verbindung (%2).</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>The window to capture could not be opened.</source>
        <translation>Das aufzunehmende Fenster konnte nicht geöffnet werden.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Could not write the screenshot to %1.</source>
        <translation>Das Bildschirmfoto konnte nicht nach %1 geschrieben werden.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>No screenshot: %1</source>
        <translation>Kein Bildschirmfoto: %1</translation>
    </message>
</context>
<context>
    <name>ascend::auth::AccountStore</name>
    <message>
        <location filename="../src/core/auth/accountstore.cpp" line="+73"/>
        <source>Cannot read the account list “%1”: %2</source>
        <translation>Die Account-Liste „%1“ kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The account list “%1” is damaged (%2). Fix it or delete it and add the accounts again.</source>
        <translation>Die Account-Liste „%1“ ist beschädigt (%2). Reparieren oder löschen Sie sie und fügen Sie die Accounts erneut hinzu.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>not a JSON object</source>
        <translation>kein JSON-Objekt</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The account list “%1” was written by a newer version of Ascend.</source>
        <translation>Die Account-Liste „%1“ wurde von einer neueren Version von Ascend geschrieben.</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Cannot write the account list “%1”: %2</source>
        <translation>Die Account-Liste „%1“ kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The account needs a name.</source>
        <translation>Der Account braucht einen Namen.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The account “%1” needs a key ID. It is shown next to the key in App Store Connect → Users and Access → Integrations → App Store Connect API.</source>
        <translation>Der Account „%1“ braucht eine Schlüssel-ID. Sie steht neben dem Schlüssel in App Store Connect → „Benutzer und Zugriff“ → „Integrationen“ → „App Store Connect API“.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The account “%1” needs an issuer ID. Team keys show it above the key list in App Store Connect → Users and Access → Integrations → App Store Connect API.</source>
        <translation>Der Account „%1“ braucht eine Aussteller-ID. Bei Teamschlüsseln steht sie über der Schlüsselliste in App Store Connect → „Benutzer und Zugriff“ → „Integrationen“ → „App Store Connect API“.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The base URL “%1” is not an http(s) address. Leave it empty for App Store Connect itself.</source>
        <translation>Die Basis-URL „%1“ ist keine http(s)-Adresse. Lassen Sie sie für App Store Connect selbst leer.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The private key for “%1” cannot be used. %2</source>
        <translation>Der private Schlüssel für „%1“ ist nicht verwendbar. %2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Cannot create the configuration folder “%1”.</source>
        <translation>Der Konfigurationsordner „%1“ kann nicht angelegt werden.</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+42"/>
        <source>The account list is locked by another Ascend process; try again.</source>
        <translation>Die Account-Liste ist von einem anderen Ascend-Prozess gesperrt; versuchen Sie es erneut.</translation>
    </message>
    <message>
        <location line="-27"/>
        <source>Choose the private key (.p8 file) for the new account “%1”.</source>
        <translation>Wählen Sie den privaten Schlüssel (.p8-Datei) für den neuen Account „%1“.</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>There is no account named “%1”.</source>
        <translation>Es gibt keinen Account namens „%1“.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>No private key is stored for the account “%1” in %2. Add the account&apos;s .p8 key again.</source>
        <translation>Für den Account „%1“ ist in %2 kein privater Schlüssel gespeichert. Fügen Sie den .p8-Schlüssel des Accounts erneut hinzu.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>The stored private key for “%1” cannot be used. %2</source>
        <translation>Der gespeicherte private Schlüssel für „%1“ ist nicht verwendbar. %2</translation>
    </message>
</context>
<context>
    <name>ascend::auth::ApiKey</name>
    <message>
        <location filename="../src/core/auth/apikey.cpp" line="+29"/>
        <source>Use the AuthKey_&lt;KEY ID&gt;.p8 file downloaded from App Store Connect → Users and Access → Integrations → App Store Connect API. Apple lets you download a key only once; if the file is lost, generate a new key there.</source>
        <translation>Verwenden Sie die Datei AuthKey_&lt;SCHLÜSSEL-ID&gt;.p8 aus App Store Connect → „Benutzer und Zugriff“ → „Integrationen“ → „App Store Connect API“. Apple erlaubt den Download eines Schlüssels nur einmal; ist die Datei verloren, erzeugen Sie dort einen neuen Schlüssel.</translation>
    </message>
    <message>
        <location line="+79"/>
        <source>Wrong key type: this key is %1, but App Store Connect API keys are EC keys on the P-256 curve (ES256). %2</source>
        <translation>Falscher Schlüsseltyp: Dieser Schlüssel ist %1, App Store Connect-API-Schlüssel sind aber EC-Schlüssel auf der Kurve P-256 (ES256). %2</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Wrong curve: this EC key uses explicit curve parameters instead of the named curve P-256 that App Store Connect API keys use. %1</source>
        <translation>Falsche Kurve: Dieser EC-Schlüssel verwendet explizite Kurvenparameter statt der benannten Kurve P-256, die App Store Connect-API-Schlüssel verwenden. %1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Wrong curve: this EC key uses %1, but App Store Connect API keys use P-256 (prime256v1). %2</source>
        <translation>Falsche Kurve: Dieser EC-Schlüssel verwendet %1, App Store Connect-API-Schlüssel verwenden aber P-256 (prime256v1). %2</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>No API key file was given. %1</source>
        <translation>Es wurde keine API-Schlüsseldatei angegeben. %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The API key file “%1” does not exist. %2</source>
        <translation>Die API-Schlüsseldatei „%1“ existiert nicht. %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>“%1” is a folder, not an API key file. %2</source>
        <translation>„%1“ ist ein Ordner, keine API-Schlüsseldatei. %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>“%1” is too large to be an App Store Connect API key (%2 bytes; a .p8 key is about 250 bytes). %3</source>
        <translation>„%1“ ist zu groß für einen App Store Connect-API-Schlüssel (%2 Byte; ein .p8-Schlüssel hat etwa 250 Byte). %3</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Cannot read the API key file “%1”: %2. Check that the file is readable by your user account.</source>
        <translation>Die API-Schlüsseldatei „%1“ kann nicht gelesen werden: %2. Prüfen Sie, ob Ihr Benutzerkonto die Datei lesen darf.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>“%1”: %2</source>
        <translation>„%1“: %2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The API key is empty. %1</source>
        <translation>Der API-Schlüssel ist leer. %1</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>This is not a PKCS#8 .p8 key: no “-----BEGIN PRIVATE KEY-----” block was found. %1</source>
        <translation>Das ist kein PKCS#8-.p8-Schlüssel: Es wurde kein Block „-----BEGIN PRIVATE KEY-----“ gefunden. %1</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>This private key is protected by a passphrase, but App Store Connect .p8 keys are not. Use the original file, or remove the passphrase with “openssl pkey -in encrypted.pem -out AuthKey.p8”.</source>
        <translation>Dieser private Schlüssel ist mit einer Passphrase geschützt, App Store Connect-.p8-Schlüssel sind das nicht. Verwenden Sie die Originaldatei oder entfernen Sie die Passphrase mit „openssl pkey -in encrypted.pem -out AuthKey.p8“.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>This is an OpenSSH private key, not a PKCS#8 .p8 key.</source>
        <translation>Das ist ein privater OpenSSH-Schlüssel, kein PKCS#8-.p8-Schlüssel.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This is a public key; Ascend needs the private key, a PKCS#8 .p8 key.</source>
        <translation>Das ist ein öffentlicher Schlüssel; Ascend braucht den privaten Schlüssel, einen PKCS#8-.p8-Schlüssel.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This is a certificate, not a PKCS#8 .p8 key.</source>
        <translation>Das ist ein Zertifikat, kein PKCS#8-.p8-Schlüssel.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This is not a PKCS#8 .p8 key (found a “%1” block instead of “PRIVATE KEY”).</source>
        <translation>Das ist kein PKCS#8-.p8-Schlüssel (Block „%1“ statt „PRIVATE KEY“ gefunden).</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>This is not a PKCS#8 .p8 key: its “PRIVATE KEY” block cannot be decoded (the text is damaged or incomplete). %1</source>
        <translation>Das ist kein PKCS#8-.p8-Schlüssel: Sein Block „PRIVATE KEY“ lässt sich nicht dekodieren (der Text ist beschädigt oder unvollständig). %1</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Could not generate a P-256 key (OpenSSL failed).</source>
        <translation>Es konnte kein P-256-Schlüssel erzeugt werden (OpenSSL-Fehler).</translation>
    </message>
</context>
<context>
    <name>ascend::auth::FallbackSecretStore</name>
    <message>
        <location filename="../src/core/auth/fallbacksecretstore.cpp" line="+97"/>
        <source>%1 (the system keychain is not available)</source>
        <translation>%1 (der Schlüsselbund des Systems ist nicht verfügbar)</translation>
    </message>
</context>
<context>
    <name>ascend::auth::FileSecretStore</name>
    <message>
        <location filename="../src/core/auth/filesecretstore.cpp" line="+47"/>
        <source>Cannot create the secrets folder “%1”. Check that its parent folder is writable.</source>
        <translation>Der Ordner für Geheimnisse „%1“ kann nicht angelegt werden. Prüfen Sie, ob sein übergeordneter Ordner beschreibbar ist.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Cannot make the secrets folder “%1” private (mode 0700).</source>
        <translation>Der Ordner für Geheimnisse „%1“ kann nicht privat gemacht werden (Modus 0700).</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>A secret needs a non-empty name.</source>
        <translation>Ein Geheimnis braucht einen nicht leeren Namen.</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+13"/>
        <source>Cannot write the secret file “%1”: %2</source>
        <translation>Die Geheimnisdatei „%1“ kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>Cannot make the secret file “%1” private (mode 0600).</source>
        <translation>Die Geheimnisdatei „%1“ kann nicht privat gemacht werden (Modus 0600).</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Cannot read the secret file “%1”: %2</source>
        <translation>Die Geheimnisdatei „%1“ kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Cannot delete the secret file “%1”: %2</source>
        <translation>Die Geheimnisdatei „%1“ kann nicht gelöscht werden: %2</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>private files (mode 0600) in %1</source>
        <translation>privaten Dateien (Modus 0600) in %1</translation>
    </message>
</context>
<context>
    <name>ascend::auth::JwtSigner</name>
    <message>
        <location filename="../src/core/auth/jwtsigner.cpp" line="+73"/>
        <source>No API key is loaded, so no App Store Connect token can be signed.</source>
        <translation>Es ist kein API-Schlüssel geladen, daher kann kein App Store Connect-Token signiert werden.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The key ID is empty. Copy it from App Store Connect → Users and Access → Integrations → App Store Connect API (the “Key ID” column).</source>
        <translation>Die Schlüssel-ID ist leer. Kopieren Sie sie aus App Store Connect → „Benutzer und Zugriff“ → „Integrationen“ → „App Store Connect API“ (Spalte „Schlüssel-ID“).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The issuer ID is empty. Team keys need the issuer ID shown above the key list in App Store Connect → Users and Access → Integrations → App Store Connect API.</source>
        <translation>Die Aussteller-ID ist leer. Teamschlüssel brauchen die Aussteller-ID, die über der Schlüsselliste in App Store Connect → „Benutzer und Zugriff“ → „Integrationen“ → „App Store Connect API“ steht.</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Signing the App Store Connect token failed (OpenSSL could not create an ES256 signature with this key).</source>
        <translation>Das App Store Connect-Token konnte nicht signiert werden (OpenSSL konnte mit diesem Schlüssel keine ES256-Signatur erzeugen).</translation>
    </message>
</context>
<context>
    <name>ascend::auth::KeychainSecretStore</name>
    <message>
        <location filename="../src/core/auth/keychainsecretstore.cpp" line="+48"/>
        <source>no answer within %1 s</source>
        <translation>keine Antwort innerhalb von %1 s</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The system keychain is not available: %1 (qtkeychain error %2).</source>
        <translation>Der Schlüsselbund des Systems ist nicht verfügbar: %1 (qtkeychain-Fehler %2).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no details</source>
        <translation>keine Details</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>the system keychain (service “%1”)</source>
        <translation>dem Schlüsselbund des Systems (Dienst „%1“)</translation>
    </message>
</context>
<context>
    <name>ascend::feedback::FeedbackExporter</name>
    <message>
        <location filename="../src/core/feedback/feedbackexporter.cpp" line="+36"/>
        <source>Crash</source>
        <translation>Absturz</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Screenshot feedback</source>
        <translation>Screenshot-Feedback</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>The folder %1 could not be created. Choose a folder you can write to.</source>
        <translation>Der Ordner %1 konnte nicht angelegt werden. Wählen Sie einen Ordner, in den Sie schreiben dürfen.</translation>
    </message>
    <message>
        <location line="+67"/>
        <source>The folder %1 could not be created.</source>
        <translation>Der Ordner %1 konnte nicht angelegt werden.</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>The crash log could not be downloaded: the connection was closed.</source>
        <translation>Das Absturzprotokoll konnte nicht heruntergeladen werden: Die Verbindung wurde geschlossen.</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>The crash log could not be downloaded. %1</source>
        <translation>Das Absturzprotokoll konnte nicht heruntergeladen werden. %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The server&apos;s answer held no crash log.</source>
        <translation>Die Antwort des Servers enthielt kein Absturzprotokoll.</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>%1 %2 (%3): %4</source>
        <translation>%1 %2 (%3): %4</translation>
    </message>
    <message>
        <location line="+16"/>
        <location line="+87"/>
        <source>%1 could not be written: %2</source>
        <translation>%1 konnte nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <location line="-33"/>
        <source>TestFlight feedback</source>
        <translation>TestFlight-Feedback</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Exported %1: %2 screenshot submissions and %3 crashes.</source>
        <translation>%1 exportiert: %2 Screenshot-Einsendungen und %3 Abstürze.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The export was cancelled after %1 of %2 items.</source>
        <translation>Der Export wurde nach %1 von %2 Einträgen abgebrochen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Tester</source>
        <translation>Tester</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Device</source>
        <translation>Gerät</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Build</source>
        <translation>Build</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Feedback</source>
        <translation>Feedback</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Problems</source>
        <translation>Probleme</translation>
    </message>
</context>
<context>
    <name>ascend::feedback::ScreenshotFetcher</name>
    <message>
        <location filename="../src/core/feedback/screenshotfetcher.cpp" line="+141"/>
        <source>This submission has no screenshot %1 (it has %2).</source>
        <translation>Diese Einsendung hat keinen Screenshot %1 (sie hat %2).</translation>
    </message>
    <message>
        <location line="+85"/>
        <location line="+80"/>
        <source>Screenshot %1 could not be downloaded: the connection was closed.</source>
        <translation>Screenshot %1 konnte nicht heruntergeladen werden: Die Verbindung wurde geschlossen.</translation>
    </message>
    <message>
        <location line="-59"/>
        <source>Screenshot %1 could not be shown: the image server sent an empty file. Try again later.</source>
        <translation>Screenshot %1 kann nicht angezeigt werden: Der Bildserver hat eine leere Datei gesendet. Versuchen Sie es später erneut.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Screenshot %1 could not be shown: the image server sent &quot;%2&quot; instead of a PNG or JPEG image.</source>
        <translation>Screenshot %1 kann nicht angezeigt werden: Der Bildserver hat „%2“ statt eines PNG- oder JPEG-Bildes gesendet.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Screenshot %1 could not be downloaded: the image server refused even a freshly signed link (%2). Reload the inbox and try again later.</source>
        <translation>Screenshot %1 konnte nicht heruntergeladen werden: Der Bildserver hat sogar einen frisch signierten Link abgelehnt (%2). Laden Sie den Posteingang neu und versuchen Sie es später erneut.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Screenshot %1 could not be downloaded: the image server answered %2. Try again later.</source>
        <translation>Screenshot %1 konnte nicht heruntergeladen werden: Der Bildserver hat mit %2 geantwortet. Versuchen Sie es später erneut.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Screenshot %1 could not be downloaded. %2</source>
        <translation>Screenshot %1 konnte nicht heruntergeladen werden. %2</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>Screenshot %1 is no longer available: its link expired and the submission was not found any more (it may have been deleted).</source>
        <translation>Screenshot %1 ist nicht mehr verfügbar: Sein Link ist abgelaufen und die Einsendung wurde nicht mehr gefunden (sie wurde vielleicht gelöscht).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Screenshot %1&apos;s link expired and the server&apos;s answer did not contain the submission again.</source>
        <translation>Der Link von Screenshot %1 ist abgelaufen, und die Antwort des Servers enthielt die Einsendung nicht erneut.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Screenshot %1&apos;s link expired and the submission could not be loaded again. %2</source>
        <translation>Der Link von Screenshot %1 ist abgelaufen, und die Einsendung konnte nicht erneut geladen werden. %2</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Screenshot %1 is no longer part of this submission.</source>
        <translation>Screenshot %1 gehört nicht mehr zu dieser Einsendung.</translation>
    </message>
</context>
<context>
    <name>ascend::jsonapi</name>
    <message>
        <location filename="../src/core/jsonapi/resource.cpp" line="+42"/>
        <source>a resource is not a JSON object</source>
        <translation>eine Ressource ist kein JSON-Objekt</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>a resource has no &quot;type&quot;</source>
        <translation>eine Ressource hat keinen „type“</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the &quot;id&quot; of a %1 resource is not a string</source>
        <translation>die „id“ einer %1-Ressource ist keine Zeichenkette</translation>
    </message>
    <message>
        <location filename="../src/core/jsonapi/document.cpp" line="+24"/>
        <source>the response body is empty</source>
        <translation>der Antwortinhalt ist leer</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>invalid JSON at offset %1: %2</source>
        <translation>ungültiges JSON an Position %1: %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the JSON is not an object</source>
        <translation>das JSON ist kein Objekt</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>not a JSON:API document: it has none of &quot;data&quot;, &quot;errors&quot; or &quot;meta&quot;</source>
        <translation>kein JSON:API-Dokument: Es enthält weder „data“ noch „errors“ noch „meta“</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>&quot;data&quot; is neither an object, an array nor null</source>
        <translation>„data“ ist weder ein Objekt noch ein Array noch null</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&quot;included&quot; is not an array</source>
        <translation>„included“ ist kein Array</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>&quot;errors&quot; is not an array</source>
        <translation>„errors“ ist kein Array</translation>
    </message>
</context>
<context>
    <name>ascend::models::AppListModel</name>
    <message>
        <location filename="../src/models/applistmodel.cpp" line="+44"/>
        <source>%1
Bundle ID: %2
SKU: %3</source>
        <translation>%1
Bundle-ID: %2
SKU: %3</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Bundle ID</source>
        <translation>Bundle-ID</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Primary language</source>
        <translation>Primäre Sprache</translation>
    </message>
</context>
<context>
    <name>ascend::models::DeliveryListModel</name>
    <message>
        <location filename="../src/models/deliverylistmodel.cpp" line="+85"/>
        <source>%1 (redelivery)</source>
        <translation>%1 (erneute Zustellung)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sent</source>
        <translation>Gesendet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>HTTP status</source>
        <translation>HTTP-Status</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Event</source>
        <translation>Ereignis</translation>
    </message>
</context>
<context>
    <name>ascend::models::EventLogModel</name>
    <message>
        <location filename="../src/models/eventlogmodel.cpp" line="+76"/>
        <source>Verified</source>
        <translation>Verifiziert</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Received</source>
        <translation>Empfangen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Instance</source>
        <translation>Instanz</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Signature</source>
        <translation>Signatur</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Duplicates</source>
        <translation>Duplikate</translation>
    </message>
</context>
<context>
    <name>ascend::models::FeedbackFilterModel</name>
    <message>
        <location filename="../src/models/feedbackfiltermodel.cpp" line="+293"/>
        <source>Crash</source>
        <translation>Absturz</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Screenshot</source>
        <translation>Screenshot</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Unread</source>
        <translation>Ungelesen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Read</source>
        <translation>Gelesen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Triaged</source>
        <translation>Gesichtet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not triaged</source>
        <translation>Nicht gesichtet</translation>
    </message>
</context>
<context>
    <name>ascend::models::FeedbackLoader</name>
    <message>
        <location filename="../src/models/feedbackloader.cpp" line="+46"/>
        <source>No app is selected.</source>
        <translation>Es ist keine App ausgewählt.</translation>
    </message>
</context>
<context>
    <name>ascend::models::FeedbackModel</name>
    <message>
        <location filename="../src/models/feedbackmodel.cpp" line="+40"/>
        <source>Screenshot</source>
        <translation>Screenshot</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Crash</source>
        <translation>Absturz</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>(crash without a comment)</source>
        <translation>(Absturz ohne Kommentar)</translation>
    </message>
    <message>
        <location line="+67"/>
        <source>%1 from %2, %3%4</source>
        <translation>%1 von %2, %3%4</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>, unread</source>
        <translation>, ungelesen</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tester</source>
        <translation>Tester</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Comment</source>
        <translation>Kommentar</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Device</source>
        <translation>Gerät</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>OS</source>
        <translation>Betriebssystem</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Build</source>
        <translation>Build</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
</context>
<context>
    <name>ascend::models::ListenerController</name>
    <message>
        <location filename="../src/models/listenercontroller.cpp" line="+57"/>
        <source>Open the event log first.</source>
        <translation>Öffnen Sie zuerst das Ereignisprotokoll.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No webhook secret is known to this computer, so no notification could be verified. Create the webhook here or give its secret again.</source>
        <translation>Diesem Computer ist kein Webhook-Secret bekannt, daher konnte keine Benachrichtigung verifiziert werden. Erstellen Sie den Webhook hier oder geben Sie sein Secret erneut ein.</translation>
    </message>
</context>
<context>
    <name>ascend::models::SourceListModel</name>
    <message>
        <location filename="../src/models/sourcelistmodel.cpp" line="+27"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>Uploads</source>
        <translation>Uploads</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Webhooks</source>
        <translation>Webhooks</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>TestFlight</source>
        <translation>TestFlight</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Feedback</source>
        <translation>Feedback</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Upload builds and follow every part of the transfer</source>
        <translation>Builds hochladen und jeden Teil der Übertragung verfolgen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Configure webhooks and watch their events arrive</source>
        <translation>Webhooks einrichten und ihre Ereignisse eintreffen sehen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Hand builds to beta groups and testers</source>
        <translation>Builds an Betagruppen und Tester verteilen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Browse tester screenshots and crash reports</source>
        <translation>Screenshots und Absturzberichte der Tester durchsehen</translation>
    </message>
</context>
<context>
    <name>ascend::models::StateLabel</name>
    <message>
        <location filename="../src/models/statelabel.cpp" line="+17"/>
        <source>Processing</source>
        <translation>Wird verarbeitet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Invalid</source>
        <translation>Ungültig</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Valid</source>
        <translation>Gültig</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Processing exception</source>
        <translation>Verarbeitungsfehler</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Missing export compliance</source>
        <translation>Exportkonformität fehlt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ready for beta testing</source>
        <translation>Bereit für Betatests</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>In beta testing</source>
        <translation>In Betatests</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Expired</source>
        <translation>Abgelaufen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ready for beta submission</source>
        <translation>Bereit zum Einreichen für Betatests</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>In export compliance review</source>
        <translation>Exportkonformität wird geprüft</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Waiting for beta review</source>
        <translation>Wartet auf Beta-App-Prüfung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In beta review</source>
        <translation>In Beta-App-Prüfung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Beta rejected</source>
        <translation>Beta abgelehnt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Beta approved</source>
        <translation>Beta freigegeben</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not applicable</source>
        <translation>Nicht zutreffend</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Waiting for review</source>
        <translation>Wartet auf Prüfung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In review</source>
        <translation>In Prüfung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rejected</source>
        <translation>Abgelehnt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Approved</source>
        <translation>Freigegeben</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not invited</source>
        <translation>Nicht eingeladen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Invited</source>
        <translation>Eingeladen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Accepted</source>
        <translation>Angenommen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Installed</source>
        <translation>Installiert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Revoked</source>
        <translation>Widerrufen</translation>
    </message>
</context>
<context>
    <name>ascend::models::TestFlightBuildModel</name>
    <message>
        <location filename="../src/models/testflightbuildmodel.cpp" line="+149"/>
        <source>Expired</source>
        <translation>Abgelaufen</translation>
    </message>
    <message numerus="yes">
        <location line="+27"/>
        <source>%1 · %2 — %n build(s)</source>
        <translation>
            <numerusform>%1 · %2 — %n Build</numerusform>
            <numerusform>%1 · %2 — %n Builds</numerusform>
        </translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Build</source>
        <translation>Build</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Uploaded</source>
        <translation>Hochgeladen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Processing</source>
        <translation>Verarbeitung</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Internal testing</source>
        <translation>Interne Tests</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>External testing</source>
        <translation>Externe Tests</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Beta review</source>
        <translation>Beta-Prüfung</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Expires</source>
        <translation>Läuft ab</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Groups</source>
        <translation>Gruppen</translation>
    </message>
</context>
<context>
    <name>ascend::models::TestFlightGroupModel</name>
    <message>
        <location filename="../src/models/testflightgroupmodel.cpp" line="+54"/>
        <source>External</source>
        <translation>Extern</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Internal · all builds</source>
        <translation>Intern · alle Builds</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Internal</source>
        <translation>Intern</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+5"/>
        <source>Off</source>
        <translation>Aus</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>On · limit %1</source>
        <translation>An · Limit %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+2"/>
        <source>On</source>
        <translation>An</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Group</source>
        <translation>Gruppe</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Testers</source>
        <translation>Tester</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Public link</source>
        <translation>Öffentlicher Link</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Feedback</source>
        <translation>Feedback</translation>
    </message>
</context>
<context>
    <name>ascend::models::TestFlightTesterModel</name>
    <message>
        <location filename="../src/models/testflighttestermodel.cpp" line="+64"/>
        <source>Public link</source>
        <translation>Öffentlicher Link</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+18"/>
        <source>Email</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Invited by</source>
        <translation>Eingeladen per</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Devices</source>
        <translation>Geräte</translation>
    </message>
</context>
<context>
    <name>ascend::models::UploadPartsModel</name>
    <message>
        <location filename="../src/models/uploadpartsmodel.cpp" line="+66"/>
        <source>Waiting</source>
        <translation>Wartet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sending</source>
        <translation>Wird gesendet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Done</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Retrying</source>
        <translation>Neuer Versuch</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>Part %1: %2, %3 of %4</source>
        <translation>Teil %1: %2, %3 von %4</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Part</source>
        <translation>Teil</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sent</source>
        <translation>Gesendet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Filled</source>
        <translation>Gefüllt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Attempts</source>
        <translation>Versuche</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Offset</source>
        <translation>Offset</translation>
    </message>
</context>
<context>
    <name>ascend::models::UploadQueueModel</name>
    <message>
        <location filename="../src/models/uploadqueuemodel.cpp" line="+51"/>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>App</source>
        <translation>App</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Bundle ID</source>
        <translation>Bundle-ID</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+20"/>
        <source>Build</source>
        <translation>Build</translation>
    </message>
    <message>
        <location line="-18"/>
        <source>Platform</source>
        <translation>Plattform</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stage</source>
        <translation>Phase</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Progress</source>
        <translation>Fortschritt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sent</source>
        <translation>Gesendet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Speed</source>
        <translation>Geschwindigkeit</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Time left</source>
        <translation>Restzeit</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Build upload</source>
        <translation>Build-Upload</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Waiting</source>
        <translation>Wartet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reading the file</source>
        <translation>Datei wird gelesen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Finding the app</source>
        <translation>App wird gesucht</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Checking earlier uploads</source>
        <translation>Frühere Uploads werden geprüft</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reserved</source>
        <translation>Reserviert</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reserving the file</source>
        <translation>Datei wird reserviert</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Uploading</source>
        <translation>Wird hochgeladen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Committed</source>
        <translation>Übermittelt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Processing</source>
        <translation>Wird verarbeitet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Complete</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <location line="+81"/>
        <source>%1/s</source>
        <translation>%1/s</translation>
    </message>
</context>
<context>
    <name>ascend::models::WebhookForm</name>
    <message>
        <location filename="../src/models/webhookform.cpp" line="+18"/>
        <source>Give the webhook a name.</source>
        <translation>Geben Sie dem Webhook einen Namen.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The URL must be a complete http:// or https:// address.</source>
        <translation>Die URL muss eine vollständige http://- oder https://-Adresse sein.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>App Store Connect delivers only to public HTTPS URLs; use a reverse proxy or a tunnel that forwards to this address.</source>
        <translation>App Store Connect stellt nur an öffentliche HTTPS-URLs zu; verwenden Sie einen Reverse-Proxy oder einen Tunnel, der an diese Adresse weiterleitet.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Choose at least one event type.</source>
        <translation>Wählen Sie mindestens einen Ereignistyp.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Enter or generate a secret.</source>
        <translation>Geben Sie ein Secret ein oder erzeugen Sie eines.</translation>
    </message>
</context>
<context>
    <name>ascend::models::WebhookListModel</name>
    <message>
        <location filename="../src/models/webhooklistmodel.cpp" line="+55"/>
        <source>On</source>
        <translation>An</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Off</source>
        <translation>Aus</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>%n event type(s)</source>
        <translation>
            <numerusform>%n Ereignistyp</numerusform>
            <numerusform>%n Ereignistypen</numerusform>
        </translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Enabled</source>
        <translation>Aktiviert</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Events</source>
        <translation>Ereignisse</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>ID</source>
        <translation>ID</translation>
    </message>
</context>
<context>
    <name>ascend::models::WebhooksController</name>
    <message>
        <location filename="../src/models/webhookscontroller.cpp" line="+27"/>
        <source>%1 failed: %2</source>
        <translation>%1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Loading the webhooks</source>
        <translation>Laden der Webhooks</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Creating the webhook</source>
        <translation>Erstellen des Webhooks</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The webhook was created but its secret could not be kept: %1</source>
        <translation>Der Webhook wurde erstellt, aber sein Secret konnte nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Saving the webhook</source>
        <translation>Speichern des Webhooks</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The webhook was saved but its secret could not be kept: %1</source>
        <translation>Der Webhook wurde gespeichert, aber sein Secret konnte nicht aufbewahrt werden: %1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Deleting the webhook</source>
        <translation>Löschen des Webhooks</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Sending the test notification</source>
        <translation>Senden der Testbenachrichtigung</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Loading the deliveries</source>
        <translation>Laden der Zustellungen</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Redelivering</source>
        <translation>Erneutes Zustellen</translation>
    </message>
</context>
<context>
    <name>ascend::session::Session</name>
    <message>
        <location filename="../src/core/session/session.cpp" line="+23"/>
        <source>The key ID is missing. It is shown next to the key in App Store Connect → Users and Access → Integrations.</source>
        <translation>Die Schlüssel-ID fehlt. Sie steht neben dem Schlüssel in App Store Connect → „Benutzer und Zugriff“ → „Integrationen“.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The issuer ID is missing. Team keys need it; it is shown above the key list in App Store Connect → Users and Access → Integrations.</source>
        <translation>Die Aussteller-ID fehlt. Teamschlüssel brauchen sie; sie steht über der Schlüsselliste in App Store Connect → „Benutzer und Zugriff“ → „Integrationen“.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The server address &quot;%1&quot; is not a valid URL.</source>
        <translation>Die Serveradresse „%1“ ist keine gültige URL.</translation>
    </message>
</context>
<context>
    <name>ascend::session::SimulatorProcess</name>
    <message>
        <location filename="../src/core/session/simulatorprocess.cpp" line="+61"/>
        <source>The simulator (ascend-sim) was not found next to this program. Build it or set ASCEND_SIM to its path.</source>
        <translation>Der Simulator (ascend-sim) wurde nicht neben diesem Programm gefunden. Bauen Sie ihn oder setzen Sie ASCEND_SIM auf seinen Pfad.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Could not create a temporary folder for the demo key: %1</source>
        <translation>Für den Demo-Schlüssel konnte kein temporärer Ordner angelegt werden: %1</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>The simulator could not be started: %1</source>
        <translation>Der Simulator konnte nicht gestartet werden: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The simulator exited (code %1) before it was ready: %2</source>
        <translation>Der Simulator wurde beendet (Code %1), bevor er bereit war: %2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The demo simulator stopped (exit code %1). Start the demo again to reconnect.</source>
        <translation>Der Demo-Simulator wurde beendet (Exit-Code %1). Starten Sie die Demo erneut, um sich wieder zu verbinden.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>The simulator printed something unexpected instead of its address: %1</source>
        <translation>Der Simulator hat statt seiner Adresse etwas Unerwartetes ausgegeben: %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The simulator&apos;s generated key could not be read: %1</source>
        <translation>Der vom Simulator erzeugte Schlüssel konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Demo simulator</source>
        <translation>Demo-Simulator</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>The simulator did not become ready within %1 seconds.</source>
        <translation>Der Simulator war nicht innerhalb von %1 Sekunden bereit.</translation>
    </message>
</context>
<context>
    <name>ascend::ui::AboutDialog</name>
    <message>
        <location filename="../src/ui/aboutdialog.cpp" line="+46"/>
        <source>&amp;Copy Version Info</source>
        <translation>Versionsinfos &amp;kopieren</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>About Ascend</source>
        <translation>Über Ascend</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Ascend logo</source>
        <translation>Ascend-Logo</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ascend</source>
        <translation>Ascend</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Version %1</source>
        <translation>Version %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>A desktop workbench for App Store Connect: upload builds and watch every part arrive, set up webhooks and verify their events locally, hand builds to TestFlight testers and read their feedback.</source>
        <translation>Eine Desktop-Werkbank für App Store Connect: Builds hochladen und jeden Teil ankommen sehen, Webhooks einrichten und ihre Ereignisse lokal prüfen, Builds an TestFlight-Tester verteilen und ihr Feedback lesen.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Qt:</source>
        <translation>Qt:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 (built with %2)</source>
        <translation>%1 (erstellt mit %2)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>System:</source>
        <translation>System:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>API keys:</source>
        <translation>API-Schlüssel:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>kept in %1</source>
        <translation>aufbewahrt in %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Settings:</source>
        <translation>Einstellungen:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Ascend is released under the %1 licence.</source>
        <translation>Ascend wird unter der Lizenz %1 veröffentlicht.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Built on Qt (LGPL-3.0), OpenSSL (Apache-2.0), QtKeychain (BSD-3-Clause), libzip (BSD-3-Clause), libplist (LGPL-2.1) and http-parser (MIT).</source>
        <translation>Aufgebaut auf Qt (LGPL-3.0), OpenSSL (Apache-2.0), QtKeychain (BSD-3-Clause), libzip (BSD-3-Clause), libplist (LGPL-2.1) und http-parser (MIT).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Licences:</source>
        <translation>Lizenzen:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>App Store Connect API documentation</source>
        <translation>Dokumentation der App Store Connect API</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Create an API key in App Store Connect</source>
        <translation>Einen API-Schlüssel in App Store Connect erstellen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>About App Store Connect webhooks</source>
        <translation>Über Webhooks in App Store Connect</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Links</source>
        <translation>Links</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Links:</source>
        <translation>Links:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Copies the version, Qt and system lines for a bug report</source>
        <translation>Kopiert die Zeilen zu Version, Qt und System für einen Fehlerbericht</translation>
    </message>
</context>
<context>
    <name>ascend::ui::AccountButton</name>
    <message>
        <location filename="../src/ui/accountbutton.cpp" line="+48"/>
        <source>Account: %1</source>
        <translation>Account: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1
%2</source>
        <translation>%1
%2</translation>
    </message>
    <message>
        <location line="+102"/>
        <source>No account</source>
        <translation>Kein Account</translation>
    </message>
</context>
<context>
    <name>ascend::ui::AccountDialog</name>
    <message>
        <location filename="../src/ui/accountdialog.cpp" line="+111"/>
        <source>Checking where the private key will be stored…</source>
        <translation>Es wird geprüft, wo der private Schlüssel gespeichert wird …</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Edit Account</source>
        <translation>Account bearbeiten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Edit “%1”</source>
        <translation>„%1“ bearbeiten</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Keep the stored key, or choose a new .p8 file</source>
        <translation>Gespeicherten Schlüssel behalten oder neue .p8-Datei auswählen</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Give the account a name, e.g. the team it belongs to.</source>
        <translation>Geben Sie dem Account einen Namen, z. B. das Team, zu dem er gehört.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>There is already an account named “%1”.</source>
        <translation>Es gibt bereits einen Account namens „%1“.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Enter the issuer ID shown above the key list in App Store Connect.</source>
        <translation>Geben Sie die Aussteller-ID ein, die in App Store Connect über der Schlüsselliste steht.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>An issuer ID is a UUID such as 57246542-96fe-1a63-e053-0824d011072a.</source>
        <translation>Eine Aussteller-ID ist eine UUID wie 57246542-96fe-1a63-e053-0824d011072a.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Enter the key ID shown next to the key in App Store Connect.</source>
        <translation>Geben Sie die Schlüssel-ID ein, die in App Store Connect neben dem Schlüssel steht.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A key ID is 10 letters and digits, such as 2X9R4HXF34.</source>
        <translation>Eine Schlüssel-ID besteht aus 10 Buchstaben und Ziffern, z. B. 2X9R4HXF34.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Choose the .p8 file you downloaded when you created the key.</source>
        <translation>Wählen Sie die .p8-Datei, die Sie beim Erstellen des Schlüssels heruntergeladen haben.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Enter a server address such as %1.</source>
        <translation>Geben Sie eine Serveradresse wie %1 ein.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Use https://. Plain http is only allowed for a simulator on this computer.</source>
        <translation>Verwenden Sie https://. Einfaches http ist nur für einen Simulator auf diesem Computer erlaubt.</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Valid App Store Connect key (EC P-256).</source>
        <translation>Gültiger App Store Connect-Schlüssel (EC P-256).</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Choose an App Store Connect API Key</source>
        <translation>App Store Connect-API-Schlüssel auswählen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>API keys (*.p8);;All files (*)</source>
        <translation>API-Schlüssel (*.p8);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Hide the server setting</source>
        <translation>Servereinstellung ausblenden</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Show the server setting</source>
        <translation>Servereinstellung einblenden</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>No system keychain is available (%1). The private key will be stored in %2, readable only by you.</source>
        <translation>Es ist kein Schlüsselbund des Systems verfügbar (%1). Der private Schlüssel wird in %2 gespeichert, nur für Sie lesbar.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The private key will be stored in %1, readable only by you, not in a keychain.</source>
        <translation>Der private Schlüssel wird in %1 gespeichert, nur für Sie lesbar, nicht in einem Schlüsselbund.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The private key will be stored in %1.</source>
        <translation>Der private Schlüssel wird in %1 gespeichert.</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>&amp;Stop Test</source>
        <translation>Test s&amp;toppen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Test Connection</source>
        <translation>Verbindung &amp;testen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stops the connection test</source>
        <translation>Stoppt den Verbindungstest</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lists this account&apos;s apps with these settings</source>
        <translation>Listet die Apps dieses Accounts mit diesen Einstellungen auf</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Checks the key by listing this account&apos;s apps.</source>
        <translation>Prüft den Schlüssel, indem die Apps dieses Accounts aufgelistet werden.</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Test stopped.</source>
        <translation>Test gestoppt.</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Connected: this account has no apps yet.</source>
        <translation>Verbunden: Dieser Account hat noch keine Apps.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Connected: 1 app</source>
        <translation>Verbunden: 1 App</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Connected: %1 apps</source>
        <translation>Verbunden: %1 Apps</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Connecting to %1…</source>
        <translation>Verbindung zu %1 wird hergestellt …</translation>
    </message>
</context>
<context>
    <name>ascend::ui::AppPicker</name>
    <message>
        <location filename="../src/ui/apppicker.cpp" line="+104"/>
        <source>App</source>
        <translation>App</translation>
    </message>
</context>
<context>
    <name>ascend::ui::AppSettings</name>
    <message>
        <location filename="../src/ui/appsettings.cpp" line="+162"/>
        <source>Could not delete %1 in %2.</source>
        <translation>%1 in %2 konnte nicht gelöscht werden.</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>System</source>
        <translation>System</translation>
    </message>
</context>
<context>
    <name>ascend::ui::ChunkGridWidget</name>
    <message>
        <location filename="../src/ui/chunkgridwidget.cpp" line="+20"/>
        <source>Upload parts</source>
        <translation>Upload-Teile</translation>
    </message>
    <message>
        <location line="+149"/>
        <source>waiting</source>
        <translation>wartet</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>sending, %1%</source>
        <translation>wird gesendet, %1 %</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>done</source>
        <translation>fertig</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>failed once, retrying</source>
        <translation>einmal fehlgeschlagen, neuer Versuch</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Part %1: %2</source>
        <translation>Teil %1: %2</translation>
    </message>
</context>
<context>
    <name>ascend::ui::CrashLogEditor</name>
    <message numerus="yes">
        <location filename="../src/ui/crashlogviewereditor.cpp" line="+257"/>
        <source>%n more line(s)</source>
        <translation>
            <numerusform>%n weitere Zeile</numerusform>
            <numerusform>%n weitere Zeilen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ascend::ui::CrashLogSummaryBar</name>
    <message>
        <location filename="../src/ui/crashlogviewersummarybar.cpp" line="+24"/>
        <source>Go to Crashed Thread</source>
        <translation>Zum abgestürzten Thread</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Go to the crashed thread</source>
        <translation>Zum abgestürzten Thread springen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shows the thread that crashed, expanded, at the top of the log.</source>
        <translation>Zeigt den abgestürzten Thread aufgeklappt oben im Protokoll.</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Thread %1 crashed</source>
        <translation>Thread %1 ist abgestürzt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No crash details found</source>
        <translation>Keine Absturzdetails gefunden</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Codes %1</source>
        <translation>Codes %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Crashed on thread %1</source>
        <translation>Abgestürzt in Thread %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Crashed on thread %1 (%2)</source>
        <translation>Abgestürzt in Thread %1 (%2)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The log does not say which thread crashed.</source>
        <translation>Das Protokoll gibt nicht an, welcher Thread abgestürzt ist.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The log has no exception type or threads that could be read; it is shown as received.</source>
        <translation>Das Protokoll enthält keinen lesbaren Ausnahmetyp und keine lesbaren Threads; es wird so angezeigt, wie es empfangen wurde.</translation>
    </message>
</context>
<context>
    <name>ascend::ui::CrashLogViewer</name>
    <message>
        <location filename="../src/ui/crashlogviewer.cpp" line="+95"/>
        <source>Previous match</source>
        <translation>Vorheriger Treffer</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Previous match (Shift+Enter, Shift+F3)</source>
        <translation>Vorheriger Treffer (Umschalt+Eingabe, Umschalt+F3)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next match</source>
        <translation>Nächster Treffer</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Next match (Enter, F3)</source>
        <translation>Nächster Treffer (Eingabe, F3)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+655"/>
        <source>Save As…</source>
        <translation>Speichern unter …</translation>
    </message>
    <message>
        <location line="-651"/>
        <source>Collapse Others</source>
        <translation>Andere zuklappen</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+647"/>
        <source>Expand All</source>
        <translation>Alle aufklappen</translation>
    </message>
    <message>
        <location line="-639"/>
        <source>Find in log</source>
        <translation>Im Protokoll suchen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Find in the crash log</source>
        <translation>Im Absturzprotokoll suchen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enter: next match · Shift+Enter: previous match · Esc: clear</source>
        <translation>Eingabe: nächster Treffer · Umschalt+Eingabe: vorheriger Treffer · Esc: leeren</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Search results</source>
        <translation>Suchergebnisse</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+530"/>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <location line="-526"/>
        <source>Copy the crash log</source>
        <translation>Absturzprotokoll kopieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copies the selected text, or the whole log when nothing is selected.</source>
        <translation>Kopiert den ausgewählten Text oder, wenn nichts ausgewählt ist, das ganze Protokoll.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save the crash log as a file</source>
        <translation>Absturzprotokoll als Datei speichern</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Saves the log exactly as received, as a .crash or .ips file.</source>
        <translation>Speichert das Protokoll genau so, wie es empfangen wurde, als .crash- oder .ips-Datei.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Crash log</source>
        <translation>Absturzprotokoll</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+4"/>
        <source>Threads</source>
        <translation>Threads</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Selecting a thread shows it in the log. Double-click, or Left and Right, collapse and expand it.</source>
        <translation>Ein ausgewählter Thread wird im Protokoll gezeigt. Doppelklick oder Links und Rechts klappen ihn zu und auf.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Collapse other threads</source>
        <translation>Andere Threads zuklappen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Collapses every thread except the one that crashed.</source>
        <translation>Klappt alle Threads außer dem abgestürzten zu.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Expand all threads and sections</source>
        <translation>Alle Threads und Abschnitte aufklappen</translation>
    </message>
    <message numerus="yes">
        <location line="+252"/>
        <location line="+15"/>
        <source>%n frame(s)</source>
        <translation>
            <numerusform>%n Frame</numerusform>
            <numerusform>%n Frames</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="-5"/>
        <source>%n image(s)</source>
        <translation>
            <numerusform>%n Image</numerusform>
            <numerusform>%n Images</numerusform>
        </translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Thread %1 — crashed</source>
        <translation>Thread %1 — abgestürzt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Thread %1</source>
        <translation>Thread %1</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>collapsed</source>
        <translation>zugeklappt</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>expanded</source>
        <translation>aufgeklappt</translation>
    </message>
    <message>
        <location line="+161"/>
        <source>No matches</source>
        <translation>Keine Treffer</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Copied the selected text.</source>
        <translation>Der ausgewählte Text wurde kopiert.</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+66"/>
        <source>Copied the whole crash log.</source>
        <translation>Das ganze Absturzprotokoll wurde kopiert.</translation>
    </message>
    <message>
        <location line="-53"/>
        <source>Could not save the crash log to %1: %2. Choose another folder and try again.</source>
        <translation>Das Absturzprotokoll konnte nicht in %1 gespeichert werden: %2. Wählen Sie einen anderen Ordner und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Saved to %1</source>
        <translation>Gespeichert in %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Crash reports (*.crash)</source>
        <translation>Absturzberichte (*.crash)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>JSON crash reports (*.ips)</source>
        <translation>JSON-Absturzberichte (*.ips)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Text files (*.txt)</source>
        <translation>Textdateien (*.txt)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Save Crash Log</source>
        <translation>Absturzprotokoll speichern</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Copy Whole Log</source>
        <translation>Ganzes Protokoll kopieren</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Find…</source>
        <translation>Suchen …</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Go to Crashed Thread</source>
        <translation>Zum abgestürzten Thread</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Collapse Other Threads</source>
        <translation>Andere Threads zuklappen</translation>
    </message>
</context>
<context>
    <name>ascend::ui::DesktopNotifier</name>
    <message>
        <location filename="../src/ui/desktopnotifier.cpp" line="+19"/>
        <source>Ascend</source>
        <translation>Ascend</translation>
    </message>
</context>
<context>
    <name>ascend::ui::FeedbackDetailPanel</name>
    <message>
        <location filename="../src/ui/feedbackdetailpanel.cpp" line="+59"/>
        <source>Feedback detail</source>
        <translation>Feedback-Details</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Tester&apos;s comment</source>
        <translation>Kommentar des Testers</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Device</source>
        <translation>Gerät</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>OS</source>
        <translation>Betriebssystem</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Battery</source>
        <translation>Batterie</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Connection</source>
        <translation>Verbindung</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Disk</source>
        <translation>Speicherplatz</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>App uptime</source>
        <translation>Laufzeit der App</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Screen</source>
        <translation>Bildschirm</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Locale</source>
        <translation>Sprache und Region</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Time zone</source>
        <translation>Zeitzone</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>Select a screenshot or crash to see it here.</source>
        <translation>Wählen Sie einen Screenshot oder Absturz aus, um ihn hier zu sehen.</translation>
    </message>
    <message numerus="yes">
        <location line="+14"/>
        <source>%n submission(s) selected.
Mark them, export them or copy them as text.</source>
        <translation>
            <numerusform>%n Einsendung ausgewählt.
Markieren oder exportieren Sie sie oder kopieren Sie sie als Text.</numerusform>
            <numerusform>%n Einsendungen ausgewählt.
Markieren oder exportieren Sie sie oder kopieren Sie sie als Text.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+12"/>
        <source>This submission has no screenshot.</source>
        <translation>Diese Einsendung hat keinen Screenshot.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Loading the crash log…</source>
        <translation>Absturzprotokoll wird geladen …</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>The crash log could not be loaded: %1</source>
        <translation>Das Absturzprotokoll konnte nicht geladen werden: %1</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Wi-Fi</source>
        <translation>WLAN</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mobile data</source>
        <translation>Mobile Daten</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Wired</source>
        <translation>Kabelgebunden</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No connection</source>
        <translation>Keine Verbindung</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Unknown</source>
        <translation>Unbekannt</translation>
    </message>
    <message numerus="yes">
        <location line="+26"/>
        <source>%n second(s)</source>
        <translation>
            <numerusform>%n Sekunde</numerusform>
            <numerusform>%n Sekunden</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n Tag</numerusform>
            <numerusform>%n Tage</numerusform>
        </translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Crash from %1</source>
        <translation>Absturz von %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Screenshot from %1</source>
        <translation>Screenshot von %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Build %1</source>
        <translation>Build %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The tester left no comment.</source>
        <translation>Der Tester hat keinen Kommentar hinterlassen.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>%1 free of %2</source>
        <translation>%1 von %2 frei</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 free</source>
        <translation>%1 frei</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1%</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 × %2 pt</source>
        <translation>%1 × %2 pt</translation>
    </message>
</context>
<context>
    <name>ascend::ui::FeedbackFilterBar</name>
    <message>
        <location filename="../src/ui/feedbackfilterbar.cpp" line="+32"/>
        <source>Clear Filters</source>
        <translation>Filter zurücksetzen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Search comments</source>
        <translation>Kommentare durchsuchen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Search feedback comments</source>
        <translation>Feedback-Kommentare durchsuchen</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Build</source>
        <translation>Build</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Device</source>
        <translation>Gerät</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>OS version</source>
        <translation>Betriebssystemversion</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Platform</source>
        <translation>Plattform</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Tester</source>
        <translation>Tester</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+1"/>
        <source>Filter by %1</source>
        <translation>Nach %1 filtern</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Any</source>
        <translation>Beliebig</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Submitted on or after</source>
        <translation>Gesendet am oder nach</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Submitted on or before</source>
        <translation>Gesendet am oder vor</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>to</source>
        <translation>bis</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Clear all filters</source>
        <translation>Alle Filter zurücksetzen</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>All kinds (%1)</source>
        <translation>Alle Arten (%1)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>All builds (%1)</source>
        <translation>Alle Builds (%1)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>All devices (%1)</source>
        <translation>Alle Geräte (%1)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>All OS versions (%1)</source>
        <translation>Alle Betriebssystemversionen (%1)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>All platforms (%1)</source>
        <translation>Alle Plattformen (%1)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>All testers (%1)</source>
        <translation>Alle Tester (%1)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Any state (%1)</source>
        <translation>Jeder Status (%1)</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>ascend::ui::FeedbackGridDelegate</name>
    <message>
        <location filename="../src/ui/feedbackgriddelegate.cpp" line="+125"/>
        <source>Crash</source>
        <translation>Absturz</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Screenshot</source>
        <translation>Screenshot</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n screenshot(s)</source>
        <translation>
            <numerusform>%n Screenshot</numerusform>
            <numerusform>%n Screenshots</numerusform>
        </translation>
    </message>
    <message>
        <location line="+45"/>
        <source>No comment</source>
        <translation>Kein Kommentar</translation>
    </message>
    <message>
        <location line="+70"/>
        <source>No image</source>
        <translation>Kein Bild</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Preview unavailable</source>
        <translation>Keine Vorschau verfügbar</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Loading…</source>
        <translation>Wird geladen …</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Crash report</source>
        <translation>Absturzbericht</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Build %1</source>
        <translation>Build %1</translation>
    </message>
</context>
<context>
    <name>ascend::ui::FeedbackPane</name>
    <message>
        <location filename="../src/ui/feedbackpane.cpp" line="+123"/>
        <location line="+37"/>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <location line="-26"/>
        <source>Loading feedback</source>
        <translation>Laden des Feedbacks</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Grid</source>
        <translation>Raster</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>List</source>
        <translation>Liste</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show feedback as a grid of screenshots</source>
        <translation>Feedback als Raster aus Screenshots zeigen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show feedback as a list</source>
        <translation>Feedback als Liste zeigen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Grid view</source>
        <translation>Rasteransicht</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>List view</source>
        <translation>Listenansicht</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Load the feedback again (F5)</source>
        <translation>Feedback neu laden (F5)</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>Dismiss</source>
        <translation>Ausblenden</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+147"/>
        <location line="+358"/>
        <source>Mark Triaged</source>
        <translation>Als gesichtet markieren</translation>
    </message>
    <message>
        <location line="-504"/>
        <location line="+148"/>
        <location line="+357"/>
        <source>Mark Unread</source>
        <translation>Als ungelesen markieren</translation>
    </message>
    <message>
        <location line="-504"/>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+148"/>
        <source>Copy as Text</source>
        <translation>Als Text kopieren</translation>
    </message>
    <message>
        <location line="-147"/>
        <location line="+152"/>
        <source>Delete…</source>
        <translation>Löschen …</translation>
    </message>
    <message>
        <location line="-151"/>
        <source>Mark the selected feedback as triaged</source>
        <translation>Ausgewähltes Feedback als gesichtet markieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mark the selected feedback as unread</source>
        <translation>Ausgewähltes Feedback als ungelesen markieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export the selected feedback</source>
        <translation>Ausgewähltes Feedback exportieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy the selected feedback as text</source>
        <translation>Ausgewähltes Feedback als Text kopieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete the selected feedback</source>
        <translation>Ausgewähltes Feedback löschen</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Feedback, as a grid</source>
        <translation>Feedback als Raster</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Feedback, as a list</source>
        <translation>Feedback als Liste</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>No feedback matches these filters.</source>
        <translation>Kein Feedback passt zu diesen Filtern.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Clear Filters</source>
        <translation>Filter zurücksetzen</translation>
    </message>
    <message>
        <location line="+72"/>
        <source>Export to a Folder…</source>
        <translation>In einen Ordner exportieren …</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export as Markdown…</source>
        <translation>Als Markdown exportieren …</translation>
    </message>
    <message>
        <location line="+79"/>
        <source>Some feedback could not be loaded</source>
        <translation>Ein Teil des Feedbacks konnte nicht geladen werden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The feedback could not be loaded</source>
        <translation>Das Feedback konnte nicht geladen werden</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>Read and triaged marks will not be kept</source>
        <translation>Markierungen für „gelesen“ und „gesichtet“ werden nicht gespeichert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The feedback database %1 could not be opened: %2</source>
        <translation>Die Feedback-Datenbank %1 konnte nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <location line="+70"/>
        <source>See what your testers report</source>
        <translation>Sehen Sie, was Ihre Tester melden</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Screenshots and crash reports sent from TestFlight, newest first, with filters, a grid of screenshots and a crash-log viewer next to them.</source>
        <translation>Aus TestFlight gesendete Screenshots und Absturzberichte, neueste zuerst, mit Filtern, einem Raster aus Screenshots und einer Anzeige für Absturzprotokolle daneben.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Connect to an App Store Connect account, or start the demo, to see your testers&apos; feedback here.</source>
        <translation>Verbinden Sie sich mit einem App Store Connect-Account oder starten Sie die Demo, um hier das Feedback Ihrer Tester zu sehen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose an app to see its feedback.</source>
        <translation>Wählen Sie eine App, um ihr Feedback zu sehen.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>No feedback yet</source>
        <translation>Noch kein Feedback</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>When testers send a screenshot or a crash report from TestFlight for %1, it shows up here, newest first.</source>
        <translation>Wenn Tester aus TestFlight einen Screenshot oder Absturzbericht für %1 senden, erscheint er hier, neueste zuerst.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>this app</source>
        <translation>diese App</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New feedback also arrives live while the webhook listener runs.</source>
        <translation>Neues Feedback trifft auch live ein, solange der Webhook-Empfänger läuft.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>%1 of %2 shown</source>
        <translation>%1 von %2 angezeigt</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n submission(s)</source>
        <translation>
            <numerusform>%n Einsendung</numerusform>
            <numerusform>%n Einsendungen</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>loading…</source>
        <translation>wird geladen …</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 unread</source>
        <translation>%1 ungelesen</translation>
    </message>
    <message>
        <location line="+102"/>
        <source>Mark Not Triaged</source>
        <translation>Als nicht gesichtet markieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mark Read</source>
        <translation>Als gelesen markieren</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Could not mark the feedback as read</source>
        <translation>Das Feedback konnte nicht als gelesen markiert werden</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>the server sent no crash log.</source>
        <translation>der Server hat kein Absturzprotokoll gesendet.</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>The image could not be read.</source>
        <translation>Das Bild konnte nicht gelesen werden.</translation>
    </message>
    <message>
        <location line="+79"/>
        <source>Could not change the triage mark</source>
        <translation>Die Markierung „gesichtet“ konnte nicht geändert werden</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Could not change the read mark</source>
        <translation>Die Markierung „gelesen“ konnte nicht geändert werden</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Delete this feedback?</source>
        <translation>Dieses Feedback löschen?</translation>
    </message>
    <message numerus="yes">
        <location line="+0"/>
        <source>Delete %n submission(s)?</source>
        <translation>
            <numerusform>%n Einsendung löschen?</numerusform>
            <numerusform>%n Einsendungen löschen?</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The feedback is deleted in App Store Connect, for everyone on your team. This cannot be undone.</source>
        <translation>Das Feedback wird in App Store Connect für alle in Ihrem Team gelöscht. Das lässt sich nicht rückgängig machen.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Crash from %1</source>
        <translation>Absturz von %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Screenshot from %1</source>
        <translation>Screenshot von %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+114"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message numerus="yes">
        <location line="-106"/>
        <source>Could not delete %1 of %n submission(s)</source>
        <translation>
            <numerusform>%1 von %n Einsendung konnte nicht gelöscht werden</numerusform>
            <numerusform>%1 von %n Einsendungen konnten nicht gelöscht werden</numerusform>
        </translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Export as Markdown to</source>
        <translation>Als Markdown exportieren nach</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Export to the folder</source>
        <translation>Exportieren in den Ordner</translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>Exporting %n submission(s)…</source>
        <translation>
            <numerusform>%n Einsendung wird exportiert …</numerusform>
            <numerusform>%n Einsendungen werden exportiert …</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export feedback</source>
        <translation>Feedback exportieren</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Exported %1 of %2…</source>
        <translation>%1 von %2 exportiert …</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Export cancelled</source>
        <translation>Export abgebrochen</translation>
    </message>
    <message numerus="yes">
        <location line="+0"/>
        <source>%n file(s) written to %1 before it stopped.</source>
        <translation>
            <numerusform>%n Datei wurde vor dem Abbruch nach %1 geschrieben.</numerusform>
            <numerusform>%n Dateien wurden vor dem Abbruch nach %1 geschrieben.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>The export finished with %n problem(s)</source>
        <translation>
            <numerusform>Der Export wurde mit %n Problem beendet</numerusform>
            <numerusform>Der Export wurde mit %n Problemen beendet</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Export finished</source>
        <translation>Export abgeschlossen</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n file(s) written to %1.</source>
        <translation>
            <numerusform>%n Datei nach %1 geschrieben.</numerusform>
            <numerusform>%n Dateien nach %1 geschrieben.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+38"/>
        <source>New crash report from %1</source>
        <translation>Neuer Absturzbericht von %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New feedback from %1</source>
        <translation>Neues Feedback von %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The app crashed on %1 (%2).</source>
        <translation>Die App ist auf %1 abgestürzt (%2).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A screenshot from %1 (%2).</source>
        <translation>Ein Screenshot von %1 (%2).</translation>
    </message>
</context>
<context>
    <name>ascend::ui::LogViewer</name>
    <message>
        <location filename="../src/ui/logviewer.cpp" line="+55"/>
        <source>Debug</source>
        <translation>Debug</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Info</source>
        <translation>Info</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+230"/>
        <source>Warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <location line="-228"/>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Fatal</source>
        <translation>Schwerwiegend</translation>
    </message>
    <message>
        <location line="+76"/>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Level</source>
        <translation>Stufe</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+116"/>
        <source>Category</source>
        <translation>Kategorie</translation>
    </message>
    <message>
        <location line="-114"/>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
    <message>
        <location line="+95"/>
        <source>Record &amp;debug messages</source>
        <translation>&amp;Debug-Meldungen aufzeichnen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Save As…</source>
        <translation>&amp;Speichern unter …</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>C&amp;lear</source>
        <translation>&amp;Leeren</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Ascend Log</source>
        <translation>Ascend-Protokoll</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Search messages</source>
        <translation>Meldungen durchsuchen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Search the log</source>
        <translation>Protokoll durchsuchen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>All levels</source>
        <translation>Alle Stufen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Info and above</source>
        <translation>Info und höher</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Warnings and errors</source>
        <translation>Warnungen und Fehler</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Errors only</source>
        <translation>Nur Fehler</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Minimum level</source>
        <translation>Mindeststufe</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Also record the detailed messages of every part of Ascend from now on. Secrets are removed from them like from every other message.</source>
        <translation>Ab jetzt auch die ausführlichen Meldungen aller Teile von Ascend aufzeichnen. Geheimnisse werden aus ihnen wie aus jeder anderen Meldung entfernt.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Find:</source>
        <translation>Su&amp;chen:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Le&amp;vel:</source>
        <translation>S&amp;tufe:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>C&amp;ategory:</source>
        <translation>Kate&amp;gorie:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Log messages</source>
        <translation>Protokollmeldungen</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Copies the selected messages, or every shown message when none is selected</source>
        <translation>Kopiert die ausgewählten Meldungen oder, wenn keine ausgewählt ist, alle angezeigten</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Saves the shown messages to a text file</source>
        <translation>Speichert die angezeigten Meldungen in einer Textdatei</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Removes every message recorded so far</source>
        <translation>Entfernt alle bisher aufgezeichneten Meldungen</translation>
    </message>
    <message>
        <location line="+114"/>
        <source>All categories</source>
        <translation>Alle Kategorien</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message numerus="yes">
        <location line="+9"/>
        <source>%n message(s)</source>
        <translation>
            <numerusform>%n Meldung</numerusform>
            <numerusform>%n Meldungen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%1 of %n message(s) shown</source>
        <translation>
            <numerusform>%1 von %n Meldung angezeigt</numerusform>
            <numerusform>%1 von %n Meldungen angezeigt</numerusform>
        </translation>
    </message>
    <message>
        <location line="+55"/>
        <location line="+6"/>
        <source>Save Log</source>
        <translation>Protokoll speichern</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>Log files (*.log *.txt);;All files (*)</source>
        <translation>Protokolldateien (*.log *.txt);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The log could not be saved to %1: %2</source>
        <translation>Das Protokoll konnte nicht in %1 gespeichert werden: %2</translation>
    </message>
</context>
<context>
    <name>ascend::ui::MainWindow</name>
    <message>
        <location filename="../src/ui/mainwindow.cpp" line="+127"/>
        <location line="+632"/>
        <source>Ascend</source>
        <translation>Ascend</translation>
    </message>
    <message>
        <location line="-619"/>
        <source>Listening at %1</source>
        <translation>Empfang auf %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+255"/>
        <source>Webhook listener off</source>
        <translation>Webhook-Empfänger aus</translation>
    </message>
    <message>
        <location line="-253"/>
        <source>On</source>
        <translation>An</translation>
    </message>
    <message>
        <location line="+20"/>
        <location line="+566"/>
        <source>Try Again</source>
        <translation>Erneut versuchen</translation>
    </message>
    <message>
        <location line="-564"/>
        <source>Edit Account…</source>
        <translation>Account bearbeiten …</translation>
    </message>
    <message>
        <location line="+81"/>
        <source>&amp;Add an API Key…</source>
        <translation>API-Schlüssel &amp;hinzufügen …</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Edit Account…</source>
        <translation>Account b&amp;earbeiten …</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Remove Account…</source>
        <translation>Account en&amp;tfernen …</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Try the &amp;Demo</source>
        <translation>&amp;Demo ausprobieren</translation>
    </message>
    <message>
        <location line="+96"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location line="-83"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location line="+96"/>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <location line="-78"/>
        <source>&amp;About Ascend</source>
        <translation>Ü&amp;ber Ascend</translation>
    </message>
    <message>
        <location line="-176"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location line="+117"/>
        <source>Add &amp;Build…</source>
        <translation>B&amp;uild hinzufügen …</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Choose .ipa or .pkg files to upload</source>
        <translation>.ipa- oder .pkg-Dateien zum Hochladen auswählen</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>&amp;Settings…</source>
        <translation>E&amp;instellungen …</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>&amp;Refresh</source>
        <translation>A&amp;ktualisieren</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Load what the current pane shows again</source>
        <translation>Den Inhalt des aktuellen Bereichs neu laden</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>F&amp;ind…</source>
        <translation>&amp;Suchen …</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Go to the search or filter field of the current pane</source>
        <translation>Zum Such- oder Filterfeld des aktuellen Bereichs springen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Reload &amp;Apps</source>
        <translation>Apps neu &amp;laden</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>&amp;Tastaturkürzel</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Show &amp;Log</source>
        <translation>&amp;Protokoll anzeigen</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>&amp;System</source>
        <translation>&amp;System</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Light</source>
        <translation>&amp;Hell</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Dark</source>
        <translation>&amp;Dunkel</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>A&amp;ppearance</source>
        <translation>&amp;Darstellung</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>App Store Connect allows each API key a number of requests per rolling hour. The count comes from the X-Rate-Limit header of the last response.</source>
        <translation>App Store Connect erlaubt jedem API-Schlüssel eine bestimmte Zahl von Anfragen pro gleitender Stunde. Der Wert stammt aus dem X-Rate-Limit-Header der letzten Antwort.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The local webhook listener checks each notification&apos;s signature and records it. Start it in Webhooks → Live Events.</source>
        <translation>Der lokale Webhook-Empfänger prüft die Signatur jeder Benachrichtigung und zeichnet sie auf. Starten Sie ihn unter „Webhooks“ → „Live-Ereignisse“.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cancel connecting</source>
        <translation>Verbindungsaufbau abbrechen</translation>
    </message>
    <message>
        <location line="+125"/>
        <location line="+9"/>
        <source>Remove Account</source>
        <translation>Account entfernen</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>Remove the account “%1” from Ascend?

Its private key is deleted from %2. The key itself stays valid in App Store Connect until you revoke it there.</source>
        <translation>Den Account „%1“ aus Ascend entfernen?

Sein privater Schlüssel wird aus %2 gelöscht. Der Schlüssel selbst bleibt in App Store Connect gültig, bis Sie ihn dort widerrufen.</translation>
    </message>
    <message>
        <location line="+244"/>
        <source>Add an API key…</source>
        <translation>API-Schlüssel hinzufügen …</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Try the demo</source>
        <translation>Demo ausprobieren</translation>
    </message>
    <message>
        <location line="+232"/>
        <location line="+4"/>
        <source>Beta App Review</source>
        <translation>Beta-App-Prüfung</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>A build was approved for external testing.</source>
        <translation>Ein Build wurde für externe Tests freigegeben.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A build was rejected in Beta App Review. The TestFlight pane shows which one.</source>
        <translation>Ein Build wurde in der Beta-App-Prüfung abgelehnt. Der Bereich „TestFlight“ zeigt, welcher.</translation>
    </message>
    <message>
        <location line="-338"/>
        <location line="+74"/>
        <source>Demo simulator</source>
        <translation>Demo-Simulator</translation>
    </message>
    <message>
        <location line="-24"/>
        <source>The demo could not start</source>
        <translation>Die Demo konnte nicht starten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Could not connect to %1</source>
        <translation>Keine Verbindung zu %1 möglich</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Not connected to “%1”</source>
        <translation>Nicht mit „%1“ verbunden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Connecting was cancelled. Connect again when you are ready, or choose another account from the account menu.</source>
        <translation>Der Verbindungsaufbau wurde abgebrochen. Verbinden Sie sich erneut, wenn Sie bereit sind, oder wählen Sie im Account-Menü einen anderen Account.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Connect</source>
        <translation>Verbinden</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Demo</source>
        <translation>Demo</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Simulator on port %1</source>
        <translation>Simulator auf Port %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Local simulator</source>
        <translation>Lokaler Simulator</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Individual key %1</source>
        <translation>Einzelschlüssel %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Team key %1</source>
        <translation>Teamschlüssel %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Add an API key to connect</source>
        <translation>Fügen Sie einen API-Schlüssel hinzu, um sich zu verbinden</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Ascend — Demo</source>
        <translation>Ascend — Demo</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ascend — %1</source>
        <translation>Ascend — %1</translation>
    </message>
    <message>
        <location line="+80"/>
        <source>Loading apps…</source>
        <translation>Apps werden geladen …</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Apps could not be loaded</source>
        <translation>Apps konnten nicht geladen werden</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Starting the demo…</source>
        <translation>Demo wird gestartet …</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+5"/>
        <source>Not connected</source>
        <translation>Nicht verbunden</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>No apps in this account</source>
        <translation>Keine Apps in diesem Account</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Starting the demo simulator…</source>
        <translation>Demo-Simulator wird gestartet …</translation>
    </message>
</context>
<context>
    <name>ascend::ui::PaneWidget</name>
    <message>
        <location filename="../src/ui/panewidget.cpp" line="+59"/>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
</context>
<context>
    <name>ascend::ui::PkgMetadataDialog</name>
    <message>
        <location filename="../src/ui/pkgmetadatadialog.cpp" line="+26"/>
        <source>Describe %1</source>
        <translation>%1 beschreiben</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ascend cannot read the version from a .pkg. Enter what Xcode shows for this archive.</source>
        <translation>Ascend kann die Version nicht aus einer .pkg-Datei lesen. Geben Sie ein, was Xcode für dieses Archiv anzeigt.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Bundle ID</source>
        <translation>Bundle-ID</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Build number</source>
        <translation>Build-Nummer</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Platform</source>
        <translation>Plattform</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Upload</source>
        <translation>Hochladen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Bundle ID:</source>
        <translation>&amp;Bundle-ID:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Version:</source>
        <translation>&amp;Version:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>B&amp;uild:</source>
        <translation>B&amp;uild:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Platform:</source>
        <translation>&amp;Plattform:</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>The bundle ID looks like com.example.app.</source>
        <translation>Die Bundle-ID sieht aus wie com.example.app.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The version is up to three numbers separated by dots, like 1.4 or 2.0.1.</source>
        <translation>Die Version besteht aus bis zu drei durch Punkte getrennten Zahlen, etwa 1.4 oder 2.0.1.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The build number is up to three numbers separated by dots, like 42 or 42.1.</source>
        <translation>Die Build-Nummer besteht aus bis zu drei durch Punkte getrennten Zahlen, etwa 42 oder 42.1.</translation>
    </message>
</context>
<context>
    <name>ascend::ui::ScreenshotCanvas</name>
    <message>
        <location filename="../src/ui/screenshotviewercanvas.cpp" line="+27"/>
        <source>Try Again</source>
        <translation>Erneut versuchen</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Screenshot</source>
        <translation>Screenshot</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Load the screenshot again</source>
        <translation>Screenshot erneut laden</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>%1 × %2 pixels</source>
        <translation>%1 × %2 Pixel</translation>
    </message>
</context>
<context>
    <name>ascend::ui::ScreenshotViewer</name>
    <message>
        <location filename="../src/ui/screenshotviewer.cpp" line="+60"/>
        <source>Previous screenshot</source>
        <translation>Vorheriger Screenshot</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+232"/>
        <source>Previous screenshot (Left)</source>
        <translation>Vorheriger Screenshot (Pfeil links)</translation>
    </message>
    <message>
        <location line="-230"/>
        <source>Next screenshot</source>
        <translation>Nächster Screenshot</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+232"/>
        <source>Next screenshot (Right)</source>
        <translation>Nächster Screenshot (Pfeil rechts)</translation>
    </message>
    <message>
        <location line="-231"/>
        <source>Zoom out</source>
        <translation>Verkleinern</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Zoom out (Ctrl+-)</source>
        <translation>Verkleinern (Strg+-)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Zoom in</source>
        <translation>Vergrößern</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Zoom in (Ctrl+=)</source>
        <translation>Vergrößern (Strg+=)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fit</source>
        <translation>Einpassen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Fit to window</source>
        <translation>An Fenster anpassen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Show the whole screenshot (Ctrl+0)</source>
        <translation>Den ganzen Screenshot zeigen (Strg+0)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>100%</source>
        <translation>100 %</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Actual size</source>
        <translation>Originalgröße</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>One screenshot pixel per screen pixel</source>
        <translation>Ein Screenshot-Pixel pro Bildschirmpixel</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+386"/>
        <source>Save As…</source>
        <translation>Speichern unter …</translation>
    </message>
    <message>
        <location line="-374"/>
        <source>Screenshot number</source>
        <translation>Screenshot-Nummer</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+158"/>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <location line="-153"/>
        <source>Zoom level</source>
        <translation>Zoomstufe</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Save the screenshot as a file</source>
        <translation>Screenshot als Datei speichern</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Saves the screenshot exactly as downloaded.</source>
        <translation>Speichert den Screenshot genau so, wie er heruntergeladen wurde.</translation>
    </message>
    <message>
        <location line="+89"/>
        <source>The screenshot could not be decoded; it may be damaged.</source>
        <translation>Der Screenshot konnte nicht dekodiert werden; er ist vielleicht beschädigt.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The screenshot could not be loaded.</source>
        <translation>Der Screenshot konnte nicht geladen werden.</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>No screenshots</source>
        <translation>Keine Screenshots</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Loading screenshot %1 of %2…</source>
        <translation>Screenshot %1 von %2 wird geladen …</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Screenshot</source>
        <translation>Screenshot</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Screenshot %1 of %2</source>
        <translation>Screenshot %1 von %2</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Previous submission (Left)</source>
        <translation>Vorherige Einsendung (Pfeil links)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Next submission (Right)</source>
        <translation>Nächste Einsendung (Pfeil rechts)</translation>
    </message>
    <message>
        <location line="+78"/>
        <source>the screenshot has not been loaded yet</source>
        <translation>der Screenshot wurde noch nicht geladen</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Could not save the screenshot to %1: %2.</source>
        <translation>Der Screenshot konnte nicht in %1 gespeichert werden: %2.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Saved to %1</source>
        <translation>Gespeichert in %1</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>PNG images (*.png)</source>
        <translation>PNG-Bilder (*.png)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>JPEG images (*.jpg *.jpeg)</source>
        <translation>JPEG-Bilder (*.jpg *.jpeg)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Images (*.%1)</source>
        <translation>Bilder (*.%1)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Save Screenshot</source>
        <translation>Screenshot speichern</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Copied the screenshot.</source>
        <translation>Der Screenshot wurde kopiert.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Copy Image</source>
        <translation>Bild kopieren</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Fit to Window</source>
        <translation>An Fenster anpassen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Actual Size</source>
        <translation>Originalgröße</translation>
    </message>
</context>
<context>
    <name>ascend::ui::SessionController</name>
    <message>
        <location filename="../src/ui/sessioncontroller.cpp" line="+134"/>
        <source>The demo simulator stopped: %1</source>
        <translation>Der Demo-Simulator wurde beendet: %1</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>the demo simulator at %1</source>
        <extracomment>Completes &quot;Connecting to %1…&quot;, &quot;Connected to %1&quot; and &quot;Could not connect to %1&quot;.</extracomment>
        <translation>dem Demo-Simulator auf %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>App Store Connect</source>
        <translation>App Store Connect</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Not connected</source>
        <translation>Nicht verbunden</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Starting the demo simulator…</source>
        <translation>Demo-Simulator wird gestartet …</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Connecting to %1…</source>
        <translation>Verbindung zu %1 wird hergestellt …</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Connected to %1</source>
        <translation>Verbunden mit %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The demo could not start: %1</source>
        <translation>Die Demo konnte nicht starten: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Could not connect to %1</source>
        <translation>Keine Verbindung zu %1 möglich</translation>
    </message>
</context>
<context>
    <name>ascend::ui::SettingsAccountsPage</name>
    <message>
        <location filename="../src/ui/settingsaccountspage.cpp" line="+25"/>
        <source>&amp;Add an API Key…</source>
        <translation>API-Schlüssel &amp;hinzufügen …</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Edit…</source>
        <translation>&amp;Bearbeiten …</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Remove…</source>
        <translation>&amp;Entfernen …</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Stored accounts</source>
        <translation>Gespeicherte Accounts</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>No accounts yet. Add an App Store Connect API key to connect, or close Settings and try the demo from the welcome page.</source>
        <translation>Noch keine Accounts. Fügen Sie einen App Store Connect-API-Schlüssel hinzu, um sich zu verbinden, oder schließen Sie die Einstellungen und probieren Sie die Demo auf der Willkommensseite aus.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Removes the account and deletes its private key from this computer</source>
        <translation>Entfernt den Account und löscht seinen privaten Schlüssel von diesem Computer</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>individual key %1</source>
        <translation>Einzelschlüssel %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>team key %1</source>
        <translation>Teamschlüssel %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> · %1</source>
        <translation> · %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 — %2%3</source>
        <translation>%1 — %2%3</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>App Store Connect</source>
        <translation>App Store Connect</translation>
    </message>
    <message>
        <location line="+48"/>
        <location line="+7"/>
        <source>Remove Account</source>
        <translation>Account entfernen</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>Remove the account “%1” from Ascend?

Its private key is deleted from %2. The key itself stays valid in App Store Connect until you revoke it there.</source>
        <translation>Den Account „%1“ aus Ascend entfernen?

Sein privater Schlüssel wird aus %2 gelöscht. Der Schlüssel selbst bleibt in App Store Connect gültig, bis Sie ihn dort widerrufen.</translation>
    </message>
</context>
<context>
    <name>ascend::ui::SettingsDialog</name>
    <message>
        <location filename="../src/ui/settingsdialog.cpp" line="+83"/>
        <source>Accounts</source>
        <translation>Accounts</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Appearance</source>
        <translation>Darstellung</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Uploads</source>
        <translation>Uploads</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Webhook Listener</source>
        <translation>Webhook-Empfänger</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cache</source>
        <translation>Cache</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Notifications</source>
        <translation>Mitteilungen</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>C&amp;lear Cache</source>
        <translation>Cache &amp;leeren</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Settings pages</source>
        <translation>Einstellungsseiten</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The App Store Connect API keys Ascend can connect with. Their private keys are kept in %1, never in the settings file. Changes here are saved at once.</source>
        <translation>Die App Store Connect-API-Schlüssel, mit denen sich Ascend verbinden kann. Ihre privaten Schlüssel werden in %1 aufbewahrt, nie in der Einstellungsdatei. Änderungen hier werden sofort gespeichert.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Light or dark colours. “System” follows the desktop, also when it switches while Ascend runs.</source>
        <translation>Helle oder dunkle Farben. „System“ folgt dem Desktop, auch wenn er umschaltet, während Ascend läuft.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>App Store Connect splits every build into parts. Sending several at once is faster on a good connection; fewer are kinder to a slow or shared one.</source>
        <translation>App Store Connect teilt jeden Build in Teile auf. Mehrere gleichzeitig zu senden ist bei einer guten Verbindung schneller; weniger schonen eine langsame oder geteilte Verbindung.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Where the local webhook listener waits for App Store Connect&apos;s notifications. Used the next time the listener starts in Webhooks ▸ Live Events.</source>
        <translation>Wo der lokale Webhook-Empfänger auf die Benachrichtigungen von App Store Connect wartet. Gilt beim nächsten Start des Empfängers unter „Webhooks“ ▸ „Live-Ereignisse“.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Screenshot thumbnails of tester feedback are kept in memory and on disk so that browsing stays quick. Everything in the cache can be downloaded again.</source>
        <translation>Vorschaubilder der Screenshots aus dem Tester-Feedback werden im Arbeitsspeicher und auf der Festplatte aufbewahrt, damit das Durchsehen schnell bleibt. Alles im Cache kann erneut heruntergeladen werden.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The language of Ascend&apos;s windows. “System” uses your desktop&apos;s language when Ascend has it, and English otherwise.</source>
        <translation>Die Sprache der Fenster von Ascend. „System“ verwendet die Sprache Ihres Desktops, wenn Ascend sie beherrscht, sonst Englisch.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Desktop notifications appear in the desktop&apos;s notification area, or in Ascend&apos;s status bar when there is none.</source>
        <translation>Desktop-Mitteilungen erscheinen im Benachrichtigungsbereich des Desktops oder, wenn es keinen gibt, in der Statusleiste von Ascend.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Puts every setting on this page back to its default</source>
        <translation>Setzt alle Einstellungen dieser Seite auf ihre Standardwerte zurück</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>dark now</source>
        <translation>derzeit dunkel</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>light now</source>
        <translation>derzeit hell</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;System (%1)</source>
        <translation>&amp;System (%1)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Light</source>
        <translation>&amp;Hell</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Dark</source>
        <translation>&amp;Dunkel</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Between %1 and %2; the default is %3</source>
        <translation>Zwischen %1 und %2; Standard ist %3</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Parts sent in parallel:</source>
        <translation>&amp;Parallel gesendete Teile:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Default: %1. Takes effect for uploads that start after the change; the Uploads pane shows the same setting in its header.</source>
        <translation>Standard: %1. Gilt für Uploads, die nach der Änderung beginnen; der Bereich „Uploads“ zeigt dieselbe Einstellung in seiner Kopfzeile.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>127.0.0.1 accepts connections from this computer only; 0.0.0.0 from the network too</source>
        <translation>127.0.0.1 nimmt nur Verbindungen von diesem Computer an; 0.0.0.0 auch aus dem Netzwerk</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Any free port</source>
        <translation>Beliebiger freier Port</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Host:</source>
        <translation>&amp;Host:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>P&amp;ort:</source>
        <translation>P&amp;ort:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>P&amp;ath:</source>
        <translation>P&amp;fad:</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>App Store Connect needs a public HTTPS address that forwards to this listener, for example a reverse proxy or a tunnel. The demo simulator delivers to it directly.</source>
        <translation>App Store Connect braucht eine öffentliche HTTPS-Adresse, die an diesen Empfänger weiterleitet, zum Beispiel einen Reverse-Proxy oder einen Tunnel. Der Demo-Simulator stellt direkt an ihn zu.</translation>
    </message>
    <message>
        <location line="+18"/>
        <location line="+5"/>
        <source> MiB</source>
        <translation> MiB</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Off</source>
        <translation>Aus</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Deletes the downloaded thumbnails and other cached files now</source>
        <translation>Löscht jetzt die heruntergeladenen Vorschaubilder und andere zwischengespeicherte Dateien</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Thumbnails in &amp;memory:</source>
        <translation>Vorschaubilder im &amp;Arbeitsspeicher:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Thumbnails on &amp;disk:</source>
        <translation>Vorschaubilder auf der &amp;Festplatte:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Defaults: %1 MiB in memory, %2 MiB on disk. New limits apply the next time the Feedback pane loads thumbnails.</source>
        <translation>Standard: %1 MiB im Arbeitsspeicher, %2 MiB auf der Festplatte. Neue Grenzen gelten, wenn der Bereich „Feedback“ das nächste Mal Vorschaubilder lädt.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>In use:</source>
        <translation>Belegt:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Location: %1</source>
        <translation>Ort: %1</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>System (%1)</source>
        <translation>System (%1)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Language:</source>
        <translation>&amp;Sprache:</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>An &amp;upload finished or failed</source>
        <translation>Ein &amp;Upload ist fertig oder fehlgeschlagen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A Beta App &amp;Review decision arrived</source>
        <translation>Eine Entscheidung der Beta-App-&amp;Prüfung ist eingetroffen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Testers sent new &amp;feedback</source>
        <translation>Tester haben neues &amp;Feedback gesendet</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Review decisions and new feedback are noticed through the webhook listener (Webhooks ▸ Live Events) while it runs.</source>
        <translation>Prüfungsentscheidungen und neues Feedback werden über den Webhook-Empfänger („Webhooks“ ▸ „Live-Ereignisse“) bemerkt, solange er läuft.</translation>
    </message>
    <message>
        <location line="+106"/>
        <source>%1 MiB</source>
        <translation>%1 MiB</translation>
    </message>
    <message>
        <location line="-43"/>
        <source>Enter the address the listener binds to, for example 127.0.0.1.</source>
        <translation>Geben Sie die Adresse ein, an die sich der Empfänger bindet, zum Beispiel 127.0.0.1.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>“%1” is not an IP address to listen on (for example 127.0.0.1 or 0.0.0.0).</source>
        <translation>„%1“ ist keine IP-Adresse, auf der empfangen werden kann (zum Beispiel 127.0.0.1 oder 0.0.0.0).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The path must start with “/” and contain no spaces, for example /webhooks/asc.</source>
        <translation>Der Pfad muss mit „/“ beginnen und darf keine Leerzeichen enthalten, zum Beispiel /webhooks/asc.</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Ascend switches to %1 the next time it starts.</source>
        <translation>Ascend wechselt beim nächsten Start zu %1.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A new choice takes effect the next time Ascend starts.</source>
        <translation>Eine neue Auswahl gilt ab dem nächsten Start von Ascend.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Clear Cache</source>
        <translation>Cache leeren</translation>
    </message>
</context>
<context>
    <name>ascend::ui::ShortcutsDialog</name>
    <message>
        <location filename="../src/ui/shortcutsdialog.cpp" line="+35"/>
        <source>Keyboard Shortcuts</source>
        <translation>Tastaturkürzel</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Keyboard shortcuts</source>
        <translation>Tastaturkürzel</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Keys</source>
        <translation>Tasten</translation>
    </message>
    <message>
        <location line="+29"/>
        <source> or </source>
        <translation> oder </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Everywhere</source>
        <translation>Überall</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next or previous control</source>
        <translation>Nächstes oder vorheriges Bedienelement</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Tab, Shift+Tab</source>
        <translation>Tab, Umschalt+Tab</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open a menu</source>
        <translation>Menü öffnen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Alt + the underlined letter</source>
        <translation>Alt + unterstrichener Buchstabe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose a button or field</source>
        <translation>Schaltfläche oder Feld wählen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Alt + its underlined letter</source>
        <translation>Alt + sein unterstrichener Buchstabe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close a dialog</source>
        <translation>Dialog schließen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In lists</source>
        <translation>In Listen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Delete the selected webhook</source>
        <translation>Ausgewählten Webhook löschen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Copy the selected log messages</source>
        <translation>Ausgewählte Protokollmeldungen kopieren</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Menus open with Alt and the underlined letter, for example Alt+F for File.</source>
        <translation>Menüs öffnen sich mit Alt und dem unterstrichenen Buchstaben, zum Beispiel Alt+D für „Datei“.</translation>
    </message>
</context>
<context>
    <name>ascend::ui::SourceListWidget</name>
    <message>
        <location filename="../src/ui/sourcelistwidget.cpp" line="+41"/>
        <location line="+24"/>
        <source>Workspace</source>
        <translation>Arbeitsbereich</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>App</source>
        <translation>App</translation>
    </message>
</context>
<context>
    <name>ascend::ui::TestFlightBuildPanel</name>
    <message>
        <location filename="../src/ui/testflightbuildpanel.cpp" line="+44"/>
        <source>Save What to Test</source>
        <translation>„Was zu testen ist“ speichern</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Submit for Beta App Review</source>
        <translation>Zur Beta-App-Prüfung einreichen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Notify testers automatically</source>
        <translation>Tester automatisch benachrichtigen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Notify testers</source>
        <translation>Tester benachrichtigen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add to group…</source>
        <translation>Zu Gruppe hinzufügen …</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove from group</source>
        <translation>Aus Gruppe entfernen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Expire build…</source>
        <translation>Build ablaufen lassen …</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Locale of the What to Test text; locales with text are marked ●</source>
        <translation>Sprache des Textes „Was zu testen ist“; Sprachen mit Text sind mit ● markiert</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Locale of What to Test</source>
        <translation>Sprache von „Was zu testen ist“</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What should testers try in this build?</source>
        <translation>Was sollen Tester in diesem Build ausprobieren?</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+24"/>
        <source>What to Test</source>
        <translation>Was zu testen ist</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Select a build</source>
        <translation>Build auswählen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pick a build in the tree to write What to Test, send it to a group or to Beta App Review. Drag builds onto a group to distribute them.</source>
        <translation>Wählen Sie einen Build im Baum aus, um „Was zu testen ist“ zu schreiben oder ihn an eine Gruppe oder zur Beta-App-Prüfung zu senden. Ziehen Sie Builds auf eine Gruppe, um sie zu verteilen.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Build %1 · version %2</source>
        <translation>Build %1 · Version %2</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Internal: &lt;b&gt;%1&lt;/b&gt; · External: &lt;b&gt;%2&lt;/b&gt; · Groups: %3</source>
        <translation>Intern: &lt;b&gt;%1&lt;/b&gt; · Extern: &lt;b&gt;%2&lt;/b&gt; · Gruppen: %3</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Beta App Review: %1</source>
        <translation>Beta-App-Prüfung: %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Ready for Beta App Review.</source>
        <translation>Bereit für die Beta-App-Prüfung.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Before submitting: %1</source>
        <translation>Vor dem Einreichen: %1</translation>
    </message>
</context>
<context>
    <name>ascend::ui::TestFlightPane</name>
    <message>
        <location filename="../src/ui/testflightpane.cpp" line="+90"/>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Load builds, groups and testers again (F5)</source>
        <translation>Builds, Gruppen und Tester neu laden (F5)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cancel loading</source>
        <translation>Laden abbrechen</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Hand builds to your testers</source>
        <translation>Builds an Ihre Tester verteilen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Browse versions and their builds with their TestFlight states, manage your beta groups and their testers, write What to Test, and drag a build onto a group to distribute it.</source>
        <translation>Durchsuchen Sie Versionen und ihre Builds mit ihrem TestFlight-Status, verwalten Sie Ihre Betagruppen und deren Tester, schreiben Sie „Was zu testen ist“ und ziehen Sie einen Build auf eine Gruppe, um ihn zu verteilen.</translation>
    </message>
    <message>
        <location line="+35"/>
        <location line="+3"/>
        <source>Builds</source>
        <translation>Builds</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Versions and their builds; drag builds onto a group, or use Add to group</source>
        <translation>Versionen und ihre Builds; ziehen Sie Builds auf eine Gruppe oder verwenden Sie „Zu Gruppe hinzufügen“</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Processing</source>
        <translation>Wird verarbeitet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ready for beta testing</source>
        <translation>Bereit für Betatests</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ready for beta submission</source>
        <translation>Bereit zum Einreichen für Betatests</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Waiting for review</source>
        <translation>Wartet auf Prüfung</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>Groups</source>
        <translation>Gruppen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>New…</source>
        <translation>Neu …</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rename…</source>
        <translation>Umbenennen …</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete…</source>
        <translation>Löschen …</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>New group</source>
        <translation>Neue Gruppe</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Delete group</source>
        <translation>Gruppe löschen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Drop builds on a group to give them to its testers.</source>
        <translation>Legen Sie Builds auf einer Gruppe ab, um sie deren Testern zu geben.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Beta groups</source>
        <translation>Betagruppen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Drop builds here to give them to a group&apos;s testers</source>
        <translation>Legen Sie Builds hier ab, um sie den Testern einer Gruppe zu geben</translation>
    </message>
    <message>
        <location line="+14"/>
        <location line="+594"/>
        <source>Public link</source>
        <translation>Öffentlicher Link</translation>
    </message>
    <message>
        <location line="-591"/>
        <source>no limit</source>
        <translation>kein Limit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>limit </source>
        <translation>Limit </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Public link of the group</source>
        <translation>Öffentlicher Link der Gruppe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Public link tester limit</source>
        <translation>Testerlimit des öffentlichen Links</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Feedback</source>
        <translation>Feedback</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tester feedback for the group</source>
        <translation>Tester-Feedback für die Gruppe</translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+23"/>
        <location line="+243"/>
        <source>Testers</source>
        <translation>Tester</translation>
    </message>
    <message>
        <location line="-262"/>
        <source>Add…</source>
        <translation>Hinzufügen …</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Invite</source>
        <translation>Einladen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CSV</source>
        <translation>CSV</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Import testers from CSV…</source>
        <translation>Tester aus CSV importieren …</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export testers to CSV…</source>
        <translation>Tester als CSV exportieren …</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Add a tester</source>
        <translation>Tester hinzufügen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Invite the selected testers</source>
        <translation>Ausgewählte Tester einladen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove the selected testers from the group</source>
        <translation>Ausgewählte Tester aus der Gruppe entfernen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Import or export testers as CSV</source>
        <translation>Tester als CSV importieren oder exportieren</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Turning the public link on</source>
        <translation>Einschalten des öffentlichen Links</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Turning the public link off</source>
        <translation>Ausschalten des öffentlichen Links</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Changing the public link limit</source>
        <translation>Ändern des Limits für den öffentlichen Link</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Turning feedback on</source>
        <translation>Einschalten des Feedbacks</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Turning feedback off</source>
        <translation>Ausschalten des Feedbacks</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>Loading was cancelled. Press Refresh (F5) to load the builds and groups again.</source>
        <translation>Das Laden wurde abgebrochen. Klicken Sie auf „Aktualisieren“ (F5), um Builds und Gruppen erneut zu laden.</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Connect to an App Store Connect account, or start the demo, to see your builds and testers here.</source>
        <translation>Verbinden Sie sich mit einem App Store Connect-Account oder starten Sie die Demo, um hier Ihre Builds und Tester zu sehen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose an app to see its builds, groups and testers.</source>
        <translation>Wählen Sie eine App, um ihre Builds, Gruppen und Tester zu sehen.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Could not load TestFlight data: %1</source>
        <translation>TestFlight-Daten konnten nicht geladen werden: %1</translation>
    </message>
    <message>
        <location line="+66"/>
        <source>Testers of %1</source>
        <translation>Tester von %1</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Could not load the testers: %1</source>
        <translation>Die Tester konnten nicht geladen werden: %1</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>%1 failed: %2</source>
        <translation>%1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <location line="+86"/>
        <source>The build is already in &quot;%1&quot;.</source>
        <translation>Der Build ist bereits in „%1“.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Adding to &quot;%1&quot;</source>
        <translation>Hinzufügen zu „%1“</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&quot;%1&quot; already has access to all builds, so adding a build there changes nothing.</source>
        <translation>„%1“ hat bereits Zugriff auf alle Builds; einen Build dort hinzuzufügen ändert nichts.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>%1 (internal)</source>
        <translation>%1 (intern)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 (external)</source>
        <translation>%1 (extern)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The build is already in every group.</source>
        <translation>Der Build ist bereits in jeder Gruppe.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Add to group</source>
        <translation>Zu Gruppe hinzufügen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Give build %1 to:</source>
        <translation>Build %1 geben an:</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Remove from group</source>
        <translation>Aus Gruppe entfernen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Take build %1 away from:</source>
        <translation>Build %1 entziehen:</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Removing the build from the group</source>
        <translation>Entfernen des Builds aus der Gruppe</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Choose a locale for What to Test.</source>
        <translation>Wählen Sie eine Sprache für „Was zu testen ist“.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Saving What to Test (%1)</source>
        <translation>Speichern von „Was zu testen ist“ (%1)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Build %1 cannot go to Beta App Review yet: %2</source>
        <translation>Build %1 kann noch nicht zur Beta-App-Prüfung: %2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Submitting for Beta App Review</source>
        <translation>Einreichen zur Beta-App-Prüfung</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Changing auto-notify</source>
        <translation>Ändern der automatischen Benachrichtigung</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Notifying testers</source>
        <translation>Benachrichtigen der Tester</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The testers were told that build %1 is available.</source>
        <translation>Die Tester wurden benachrichtigt, dass Build %1 verfügbar ist.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Expire build %1?</source>
        <translation>Build %1 ablaufen lassen?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Testers will no longer be able to install or open build %1. This cannot be undone.</source>
        <translation>Tester können Build %1 dann nicht mehr installieren oder öffnen. Das lässt sich nicht rückgängig machen.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Expiring the build</source>
        <translation>Ablaufenlassen des Builds</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>New beta group</source>
        <translation>Neue Betagruppe</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Internal group (App Store Connect users)</source>
        <translation>Interne Gruppe (App Store Connect-Benutzer)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Access to all builds</source>
        <translation>Zugriff auf alle Builds</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tester feedback</source>
        <translation>Tester-Feedback</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Creating the group</source>
        <translation>Erstellen der Gruppe</translation>
    </message>
    <message>
        <location line="-656"/>
        <location line="+671"/>
        <source>Rename group</source>
        <translation>Gruppe umbenennen</translation>
    </message>
    <message>
        <location line="-821"/>
        <source>Loading TestFlight data</source>
        <translation>Laden der TestFlight-Daten</translation>
    </message>
    <message>
        <location line="+821"/>
        <source>New name:</source>
        <translation>Neuer Name:</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Renaming the group</source>
        <translation>Umbenennen der Gruppe</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Delete &quot;%1&quot;?</source>
        <translation>„%1“ löschen?</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>The group and its build assignments are removed. Its %n tester(s) stay in your account.</source>
        <translation>
            <numerusform>Die Gruppe und ihre Build-Zuweisungen werden entfernt. Ihr %n Tester bleibt in Ihrem Account.</numerusform>
            <numerusform>Die Gruppe und ihre Build-Zuweisungen werden entfernt. Ihre %n Tester bleiben in Ihrem Account.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Deleting the group</source>
        <translation>Löschen der Gruppe</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Select the group the tester should join.</source>
        <translation>Wählen Sie die Gruppe, der der Tester beitreten soll.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Add a tester to %1</source>
        <translation>Tester zu %1 hinzufügen</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Email</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>First name</source>
        <translation>Vorname</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last name</source>
        <translation>Nachname</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Enter an address such as name@example.com.</source>
        <translation>Geben Sie eine Adresse wie name@example.com ein.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Adding the tester</source>
        <translation>Hinzufügen des Testers</translation>
    </message>
    <message numerus="yes">
        <location line="+18"/>
        <source>Remove %n tester(s) from &quot;%1&quot;?</source>
        <translation>
            <numerusform>%n Tester aus „%1“ entfernen?</numerusform>
            <numerusform>%n Tester aus „%1“ entfernen?</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>They lose access to the builds of this group. Their other groups are not affected.</source>
        <translation>Sie verlieren den Zugriff auf die Builds dieser Gruppe. Ihre anderen Gruppen sind nicht betroffen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Removing testers</source>
        <translation>Entfernen der Tester</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Inviting %1</source>
        <translation>Einladen von %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Invitation sent to %1.</source>
        <translation>Einladung an %1 gesendet.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Import testers</source>
        <translation>Tester importieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV-Dateien (*.csv);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 is not a usable CSV file: %2</source>
        <translation>%1 ist keine verwendbare CSV-Datei: %2</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1, %2.</source>
        <extracomment>%1 is &quot;3 testers imported&quot;, %2 is &quot;1 row skipped&quot;</extracomment>
        <translation>%1, %2.</translation>
    </message>
    <message numerus="yes">
        <location line="+0"/>
        <source>%n tester(s) imported</source>
        <translation>
            <numerusform>%n Tester importiert</numerusform>
            <numerusform>%n Tester importiert</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n row(s) skipped</source>
        <translation>
            <numerusform>%n Zeile übersprungen</numerusform>
            <numerusform>%n Zeilen übersprungen</numerusform>
        </translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Export testers</source>
        <translation>Tester exportieren</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>Exported %n tester(s) to %1.</source>
        <translation>
            <numerusform>%n Tester nach %1 exportiert.</numerusform>
            <numerusform>%n Tester nach %1 exportiert.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ascend::ui::TesterImportDialog</name>
    <message>
        <location filename="../src/ui/testerimportdialog.cpp" line="+31"/>
        <source>Import</source>
        <translation>Importieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+118"/>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <location line="-116"/>
        <source>Import testers</source>
        <translation>Tester importieren</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Line</source>
        <translation>Zeile</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Email</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>First name</source>
        <translation>Vorname</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Last name</source>
        <translation>Nachname</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Groups</source>
        <translation>Gruppen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>(selected group)</source>
        <translation>(ausgewählte Gruppe)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Ready (already a tester: will be added to the group)</source>
        <translation>Bereit (bereits Tester: wird zur Gruppe hinzugefügt)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ready</source>
        <translation>Bereit</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Will be skipped: %1</source>
        <translation>Wird übersprungen: %1</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%1 of %n row(s) can be imported.</source>
        <translation>
            <numerusform>Importierbar: %1 von %n Zeile.</numerusform>
            <numerusform>Importierbar: %1 von %n Zeilen.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+85"/>
        <source>%1, %2.</source>
        <extracomment>%1 is &quot;3 testers imported&quot;, %2 is &quot;1 row skipped&quot;</extracomment>
        <translation>%1, %2.</translation>
    </message>
    <message numerus="yes">
        <location line="+0"/>
        <source>%n tester(s) imported</source>
        <translation>
            <numerusform>%n Tester importiert</numerusform>
            <numerusform>%n Tester importiert</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n row(s) skipped</source>
        <translation>
            <numerusform>%n Zeile übersprungen</numerusform>
            <numerusform>%n Zeilen übersprungen</numerusform>
        </translation>
    </message>
    <message>
        <location line="-51"/>
        <source>There is no group &quot;%1&quot;.</source>
        <translation>Es gibt keine Gruppe „%1“.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>No group: name one in the groups column or select a group first.</source>
        <translation>Keine Gruppe: Nennen Sie eine in der Spalte „Gruppen“ oder wählen Sie zuerst eine Gruppe aus.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+34"/>
        <source>Skipped: %1</source>
        <translation>Übersprungen: %1</translation>
    </message>
    <message>
        <location line="-28"/>
        <source>Not imported: cancelled</source>
        <translation>Nicht importiert: abgebrochen</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Importing…</source>
        <translation>Wird importiert …</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Added</source>
        <translation>Hinzugefügt</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Added to the group</source>
        <translation>Zur Gruppe hinzugefügt</translation>
    </message>
</context>
<context>
    <name>ascend::ui::ThumbnailCache</name>
    <message>
        <location filename="../src/ui/thumbnailcache.cpp" line="+317"/>
        <source>Not connected.</source>
        <translation>Nicht verbunden.</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>The image could not be read: %1</source>
        <translation>Das Bild konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>The image could not be loaded.</source>
        <translation>Das Bild konnte nicht geladen werden.</translation>
    </message>
</context>
<context>
    <name>ascend::ui::UploadCardDelegate</name>
    <message>
        <location filename="../src/ui/uploadcarddelegate.cpp" line="+120"/>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>build %1</source>
        <translation>Build %1</translation>
    </message>
</context>
<context>
    <name>ascend::ui::UploadDetailWidget</name>
    <message>
        <location filename="../src/ui/uploaddetailwidget.cpp" line="+54"/>
        <source>Cancel Upload</source>
        <translation>Upload abbrechen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove from List</source>
        <translation>Aus Liste entfernen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Distribute…</source>
        <translation>Verteilen …</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Stops sending and deletes the reservation in App Store Connect</source>
        <translation>Beendet das Senden und löscht die Reservierung in App Store Connect</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open the TestFlight pane to hand this build to testers</source>
        <translation>Öffnet den Bereich „TestFlight“, um diesen Build an Tester zu verteilen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Steps</source>
        <translation>Schritte</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Parts</source>
        <translation>Teile</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>%1 %2 waiting &amp;nbsp; %3 %4 sending &amp;nbsp; %5 %6 done &amp;nbsp; %7 %8 retrying &amp;nbsp; %9 %10 failed</source>
        <translation>%1 %2 wartend &amp;nbsp; %3 %4 sendend &amp;nbsp; %5 %6 fertig &amp;nbsp; %7 %8 neuer Versuch &amp;nbsp; %9 %10 fehlgeschlagen</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>&lt;b&gt;File&lt;/b&gt; %1 (%2)</source>
        <translation>&lt;b&gt;Datei&lt;/b&gt; %1 (%2)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&lt;b&gt;MD5&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;MD5&lt;/b&gt; %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&lt;b&gt;Build upload&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;Build-Upload&lt;/b&gt; %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&lt;b&gt;Build&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;Build&lt;/b&gt; %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Resumed: parts sent before were not sent again.</source>
        <translation>Fortgesetzt: Bereits gesendete Teile wurden nicht erneut gesendet.</translation>
    </message>
</context>
<context>
    <name>ascend::ui::UploadStepsWidget</name>
    <message>
        <location filename="../src/ui/uploadstepswidget.cpp" line="+18"/>
        <source>Upload steps</source>
        <translation>Upload-Schritte</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Reserved</source>
        <translation>Reserviert</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Uploading</source>
        <translation>Hochladen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Committed</source>
        <translation>Übermittelt</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Processing</source>
        <translation>Verarbeitung</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Complete</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>failed at %1</source>
        <translation>fehlgeschlagen bei %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cancelled at %1</source>
        <translation>abgebrochen bei %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>now %1</source>
        <translation>jetzt %1</translation>
    </message>
</context>
<context>
    <name>ascend::ui::UploadsPane</name>
    <message>
        <location filename="../src/ui/uploadspane.cpp" line="+47"/>
        <source>Add Build…</source>
        <translation>Build hinzufügen …</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Upload a build</source>
        <translation>Build hochladen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Each build gets a card with its app, version and build number, a grid that shows every part of the transfer, and the steps from upload to processing. An interrupted upload picks up where it stopped.</source>
        <translation>Jeder Build bekommt eine Karte mit App, Version und Build-Nummer, einem Raster, das jeden Teil der Übertragung zeigt, und den Schritten vom Upload bis zur Verarbeitung. Ein unterbrochener Upload macht dort weiter, wo er aufgehört hat.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Drop an .ipa or .pkg here</source>
        <translation>Legen Sie hier eine .ipa- oder .pkg-Datei ab</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>.ipa for iOS, tvOS and visionOS apps, .pkg for macOS apps — or press Ctrl+O</source>
        <translation>.ipa für iOS-, tvOS- und visionOS-Apps, .pkg für macOS-Apps — oder drücken Sie Strg+O</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Upload a Sample Build</source>
        <translation>Beispiel-Build hochladen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Demo: make a real .ipa for the selected app and upload it to the simulator</source>
        <translation>Demo: eine echte .ipa-Datei für die ausgewählte App erzeugen und in den Simulator hochladen</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Choose .ipa or .pkg files to upload (%1)</source>
        <translation>.ipa- oder .pkg-Dateien zum Hochladen auswählen (%1)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose .ipa or .pkg files to upload</source>
        <translation>.ipa- oder .pkg-Dateien zum Hochladen auswählen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Parts in parallel:</source>
        <translation>&amp;Teile parallel:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Parts sent in parallel</source>
        <translation>Parallel gesendete Teile</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How many parts of an upload are sent at the same time (also in Settings)</source>
        <translation>Wie viele Teile eines Uploads gleichzeitig gesendet werden (auch in den Einstellungen)</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Upload queue</source>
        <translation>Upload-Warteschlange</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resume the interrupted uploads</source>
        <translation>Die unterbrochenen Uploads fortsetzen</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Cancel this upload?</source>
        <translation>Diesen Upload abbrechen?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The parts sent so far are discarded and the reservation in App Store Connect is deleted.</source>
        <translation>Die bisher gesendeten Teile werden verworfen und die Reservierung in App Store Connect wird gelöscht.</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>Build processed</source>
        <translation>Build verarbeitet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 is ready in App Store Connect.</source>
        <translation>%1 ist in App Store Connect bereit.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Upload failed</source>
        <translation>Upload fehlgeschlagen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location line="+67"/>
        <source>No sample build</source>
        <translation>Kein Beispiel-Build</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The sample build could not be written: %1</source>
        <translation>Der Beispiel-Build konnte nicht geschrieben werden: %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Not connected</source>
        <translation>Nicht verbunden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Connect to App Store Connect (or start the demo) before adding builds.</source>
        <translation>Verbinden Sie sich mit App Store Connect (oder starten Sie die Demo), bevor Sie Builds hinzufügen.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Cannot upload</source>
        <translation>Hochladen nicht möglich</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 is not a file.</source>
        <translation>%1 ist keine Datei.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Add Build</source>
        <translation>Build hinzufügen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Builds (*.ipa *.pkg);;All files (*)</source>
        <translation>Builds (*.ipa *.pkg);;Alle Dateien (*)</translation>
    </message>
    <message numerus="yes">
        <location line="+58"/>
        <source>%n upload(s) did not finish last time</source>
        <translation>
            <numerusform>%n Upload wurde beim letzten Mal nicht fertig</numerusform>
            <numerusform>%n Uploads wurden beim letzten Mal nicht fertig</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ascend can send only the missing parts, as long as the files are unchanged and the reservations have not expired; otherwise it starts afresh and says why.</source>
        <translation>Ascend kann nur die fehlenden Teile senden, solange die Dateien unverändert und die Reservierungen nicht abgelaufen sind; andernfalls beginnt es von vorn und sagt, warum.</translation>
    </message>
</context>
<context>
    <name>ascend::ui::WebhookDeliveriesWidget</name>
    <message>
        <location filename="../src/ui/webhookdeliverieswidget.cpp" line="+58"/>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+68"/>
        <source>Event payload</source>
        <translation>Ereignisinhalt</translation>
    </message>
    <message>
        <location line="-67"/>
        <location line="+68"/>
        <source>Response</source>
        <translation>Antwort</translation>
    </message>
    <message>
        <location line="-67"/>
        <source>Redeliver</source>
        <translation>Erneut zustellen</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Created from</source>
        <translation>Erstellt ab</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Created until</source>
        <translation>Erstellt bis</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delivery state</source>
        <translation>Zustellstatus</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All states</source>
        <translation>Alle Status</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Succeeded</source>
        <translation>Erfolgreich</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pending</source>
        <translation>Ausstehend</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refresh the deliveries</source>
        <translation>Zustellungen aktualisieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Redeliver the selected delivery</source>
        <translation>Ausgewählte Zustellung erneut zustellen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Asks App Store Connect to send this delivery&apos;s event again.</source>
        <translation>Bittet App Store Connect, das Ereignis dieser Zustellung erneut zu senden.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Deliveries</source>
        <translation>Zustellungen</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>&amp;From</source>
        <translation>&amp;Von</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;to</source>
        <translation>&amp;bis</translation>
    </message>
    <message>
        <location line="+89"/>
        <source>The start date is after the end date.</source>
        <translation>Das Startdatum liegt nach dem Enddatum.</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Select a delivery to see the notification it carried.</source>
        <translation>Wählen Sie eine Zustellung aus, um die enthaltene Benachrichtigung zu sehen.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>No deliveries in this range</source>
        <translation>Keine Zustellungen in diesem Zeitraum</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n delivery(s), %1 failed</source>
        <translation>
            <numerusform>%n Zustellung, %1 fehlgeschlagen</numerusform>
            <numerusform>%n Zustellungen, %1 fehlgeschlagen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n delivery(s)</source>
        <translation>
            <numerusform>%n Zustellung</numerusform>
            <numerusform>%n Zustellungen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ascend::ui::WebhookEventsWidget</name>
    <message>
        <location filename="../src/ui/webhookeventswidget.cpp" line="+105"/>
        <source>Point a Webhook at This Listener</source>
        <translation>Webhook auf diesen Empfänger richten</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Notification JSON</source>
        <translation>Benachrichtigungs-JSON</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Request headers</source>
        <translation>Anfrage-Header</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Listener host</source>
        <translation>Host des Empfängers</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The address to listen on. 127.0.0.1 accepts connections from this computer only (a tunnel or reverse proxy running here).</source>
        <translation>Die Adresse, auf der empfangen wird. 127.0.0.1 nimmt nur Verbindungen von diesem Computer an (von einem Tunnel oder Reverse-Proxy, der hier läuft).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Any free port</source>
        <translation>Beliebiger freier Port</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Listener port</source>
        <translation>Port des Empfängers</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Listener path</source>
        <translation>Pfad des Empfängers</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Point a webhook at this listener</source>
        <translation>Einen Webhook auf diesen Empfänger richten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Creates a webhook for the selected app that delivers every event type to this listener, with a freshly generated secret the listener knows.</source>
        <translation>Erstellt für die ausgewählte App einen Webhook, der jeden Ereignistyp an diesen Empfänger zustellt, mit einem neu erzeugten Secret, das der Empfänger kennt.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Listener address</source>
        <translation>Adresse des Empfängers</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Show events of type</source>
        <translation>Ereignisse dieses Typs zeigen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>All event types</source>
        <translation>Alle Ereignistypen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Test pings</source>
        <translation>Test-Pings</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Event timeline</source>
        <translation>Ereignis-Zeitleiste</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>&amp;Show:</source>
        <translation>&amp;Zeigen:</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Open the item this event is about</source>
        <translation>Das Objekt öffnen, um das es bei diesem Ereignis geht</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shows the upload, build or feedback this notification is about.</source>
        <translation>Zeigt den Upload, den Build oder das Feedback, um das es bei dieser Benachrichtigung geht.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Notification</source>
        <translation>Benachrichtigung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Headers</source>
        <translation>Header</translation>
    </message>
    <message>
        <location line="+91"/>
        <source>Local listener</source>
        <translation>Lokaler Empfänger</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Host</source>
        <translation>&amp;Host</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>P&amp;ort</source>
        <translation>P&amp;ort</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Path</source>
        <translation>&amp;Pfad</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>verified</source>
        <translation>verifiziert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>duplicates</source>
        <translation>Duplikate</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>rejected</source>
        <translation>abgelehnt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>malformed</source>
        <translation>fehlerhaft</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>“%1” is not an IP address to listen on (for example 127.0.0.1 or 0.0.0.0).</source>
        <translation>„%1“ ist keine IP-Adresse, auf der empfangen werden kann (zum Beispiel 127.0.0.1 oder 0.0.0.0).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The path must start with “/” and contain no spaces, for example /webhooks/asc.</source>
        <translation>Der Pfad muss mit „/“ beginnen und darf keine Leerzeichen enthalten, zum Beispiel /webhooks/asc.</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Stop</source>
        <translation>Stoppen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Start Listening</source>
        <translation>Empfang starten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop the listener</source>
        <translation>Empfänger stoppen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Start the listener</source>
        <translation>Empfänger starten</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Listening at</source>
        <translation>Empfang auf</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Not listening</source>
        <translation>Kein Empfang</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The demo simulator runs on this computer and delivers straight to this address. Point a webhook here, then press Send Test or upload a build to watch events arrive.</source>
        <translation>Der Demo-Simulator läuft auf diesem Computer und stellt direkt an diese Adresse zu. Richten Sie einen Webhook hierher und klicken Sie dann auf „Test senden“ oder laden Sie einen Build hoch, um Ereignisse eintreffen zu sehen.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>App Store Connect only delivers to a public HTTPS URL. Put a reverse proxy or a tunnel in front of this address and use its public URL in the webhook; every notification is checked against the webhook&apos;s secret here.</source>
        <translation>App Store Connect stellt nur an eine öffentliche HTTPS-URL zu. Schalten Sie einen Reverse-Proxy oder einen Tunnel vor diese Adresse und verwenden Sie dessen öffentliche URL im Webhook; jede Benachrichtigung wird hier mit dem Secret des Webhooks geprüft.</translation>
    </message>
    <message numerus="yes">
        <location line="+16"/>
        <source>%n event(s)</source>
        <translation>
            <numerusform>%n Ereignis</numerusform>
            <numerusform>%n Ereignisse</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%1 of %n event(s)</source>
        <translation>
            <numerusform>%1 von %n Ereignis</numerusform>
            <numerusform>%1 von %n Ereignissen</numerusform>
        </translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Select an event to see the notification as it arrived.</source>
        <translation>Wählen Sie ein Ereignis aus, um die Benachrichtigung so zu sehen, wie sie eintraf.</translation>
    </message>
</context>
<context>
    <name>ascend::ui::WebhookFormWidget</name>
    <message>
        <location filename="../src/ui/webhookformwidget.cpp" line="+50"/>
        <source>Deliver notifications to this URL</source>
        <translation>Benachrichtigungen an diese URL zustellen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Generate</source>
        <translation>Erzeugen</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+260"/>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <location line="-259"/>
        <source>Delete…</source>
        <translation>Löschen …</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Send Test</source>
        <translation>Test senden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Working…</source>
        <translation>Wird ausgeführt …</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>For example: Build notifications</source>
        <translation>Zum Beispiel: Build-Benachrichtigungen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Webhook name</source>
        <translation>Name des Webhooks</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>https://example.com/webhooks/asc</source>
        <translation>https://example.com/webhooks/asc</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Webhook URL</source>
        <translation>URL des Webhooks</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Webhook enabled</source>
        <translation>Webhook aktiviert</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Webhook secret</source>
        <translation>Secret des Webhooks</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+281"/>
        <source>Show</source>
        <translation>Zeigen</translation>
    </message>
    <message>
        <location line="-280"/>
        <location line="+281"/>
        <source>Show the secret</source>
        <translation>Secret zeigen</translation>
    </message>
    <message>
        <location line="-276"/>
        <source>Generate a secret</source>
        <translation>Secret erzeugen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>32 random bytes from a secure random generator, base64url-encoded.</source>
        <translation>32 Zufallsbytes aus einem sicheren Zufallsgenerator, base64url-kodiert.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Form problems</source>
        <translation>Probleme im Formular</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Save the webhook</source>
        <translation>Webhook speichern</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Send a test notification</source>
        <translation>Testbenachrichtigung senden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Asks App Store Connect to send a ping to this webhook&apos;s URL.</source>
        <translation>Bittet App Store Connect, einen Ping an die URL dieses Webhooks zu senden.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Delete the webhook</source>
        <translation>Webhook löschen</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;URL:</source>
        <translation>&amp;URL:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>S&amp;ecret:</source>
        <translation>S&amp;ecret:</translation>
    </message>
    <message>
        <location line="+101"/>
        <source>Events</source>
        <translation>Ereignisse</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>App Store Connect notifies the URL when any of these happen.</source>
        <translation>App Store Connect benachrichtigt die URL, wenn eines davon eintritt.</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>New Webhook</source>
        <translation>Neuer Webhook</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>App Store Connect will POST a signed JSON notification to the URL for every event you choose.</source>
        <translation>App Store Connect sendet für jedes gewählte Ereignis eine signierte JSON-Benachrichtigung per POST an die URL.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Ascend keeps the secret on this computer so the local listener can check signatures. It is not shown again after saving.</source>
        <translation>Ascend bewahrt das Secret auf diesem Computer auf, damit der lokale Empfänger Signaturen prüfen kann. Nach dem Speichern wird es nicht mehr angezeigt.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Create Webhook</source>
        <translation>Webhook erstellen</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Untitled webhook</source>
        <translation>Unbenannter Webhook</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Webhook %1</source>
        <translation>Webhook %1</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Hidden — enter or generate a new one to replace it</source>
        <translation>Verborgen — geben Sie ein neues ein oder erzeugen Sie eines, um es zu ersetzen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>App Store Connect never returns a secret, so Ascend does not show it again after saving.</source>
        <translation>App Store Connect gibt ein Secret nie zurück, daher zeigt Ascend es nach dem Speichern nicht mehr an.</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Hide</source>
        <translation>Verbergen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hide the secret</source>
        <translation>Secret verbergen</translation>
    </message>
</context>
<context>
    <name>ascend::ui::WebhooksPane</name>
    <message>
        <location filename="../src/ui/webhookspane.cpp" line="+66"/>
        <source>memory (demo only)</source>
        <translation>dem Arbeitsspeicher (nur Demo)</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Off</source>
        <translation>Aus</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>New Webhook</source>
        <translation>Neuer Webhook</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Point a Webhook at the Listener</source>
        <translation>Webhook auf den Empfänger richten</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Get told when something changes</source>
        <translation>Erfahren Sie, wenn sich etwas ändert</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Webhooks let App Store Connect call a URL of yours when a build upload changes state, a version moves through review or a tester sends feedback. Here you create and edit them, see every delivery, and run a local listener that checks each signature and shows the events as they arrive.</source>
        <translation>Mit Webhooks ruft App Store Connect eine URL von Ihnen auf, wenn ein Build-Upload seinen Status ändert, eine Version die Prüfung durchläuft oder ein Tester Feedback sendet. Hier erstellen und bearbeiten Sie sie, sehen jede Zustellung und betreiben einen lokalen Empfänger, der jede Signatur prüft und die Ereignisse beim Eintreffen anzeigt.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Dismiss</source>
        <translation>Ausblenden</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+211"/>
        <source>Deliveries</source>
        <translation>Zustellungen</translation>
    </message>
    <message>
        <location line="-210"/>
        <location line="+318"/>
        <source>Live Events</source>
        <translation>Live-Ereignisse</translation>
    </message>
    <message>
        <location line="-232"/>
        <source>New webhook</source>
        <translation>Neuer Webhook</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Create a webhook for the selected app (%1)</source>
        <translation>Einen Webhook für die ausgewählte App erstellen (%1)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Webhooks of the selected app</source>
        <translation>Webhooks der ausgewählten App</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>This app has no webhooks yet.</source>
        <translation>Diese App hat noch keine Webhooks.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Demo: let the simulator deliver to Ascend&apos;s own listener, then press Send Test to watch the event arrive.</source>
        <translation>Demo: Lassen Sie den Simulator an Ascends eigenen Empfänger zustellen und klicken Sie dann auf „Test senden“, um das Ereignis eintreffen zu sehen.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Point a webhook at the local listener</source>
        <translation>Einen Webhook auf den lokalen Empfänger richten</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Webhooks</source>
        <translation>Webhooks</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>The event log %1 could not be opened: %2</source>
        <translation>Das Ereignisprotokoll %1 konnte nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>Test notification requested: the ping appears in Live Events as soon as the listener has verified it.</source>
        <translation>Testbenachrichtigung angefordert: Der Ping erscheint unter „Live-Ereignisse“, sobald der Empfänger ihn verifiziert hat.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Test notification requested. Its delivery shows in Deliveries.</source>
        <translation>Testbenachrichtigung angefordert. Ihre Zustellung erscheint unter „Zustellungen“.</translation>
    </message>
    <message>
        <location line="+73"/>
        <source>Add an API key or try the demo to manage webhooks.</source>
        <translation>Fügen Sie einen API-Schlüssel hinzu oder probieren Sie die Demo aus, um Webhooks zu verwalten.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose an app to see its webhooks.</source>
        <translation>Wählen Sie eine App, um ihre Webhooks zu sehen.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Live Events (%1 new)</source>
        <translation>Live-Ereignisse (%1 neu)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>None yet</source>
        <translation>Noch keine</translation>
    </message>
    <message numerus="yes">
        <location line="+0"/>
        <source>%n webhook(s)</source>
        <translation>
            <numerusform>%n Webhook</numerusform>
            <numerusform>%n Webhooks</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Loading…</source>
        <translation>Wird geladen …</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This app has no webhooks yet. Create one with New Webhook.</source>
        <translation>Diese App hat noch keine Webhooks. Erstellen Sie einen mit „Neuer Webhook“.</translation>
    </message>
    <message>
        <location line="+80"/>
        <source>This webhook delivers every event type to the local listener. Press Send Test, then look at Live Events.</source>
        <translation>Dieser Webhook stellt jeden Ereignistyp an den lokalen Empfänger zu. Klicken Sie auf „Test senden“ und sehen Sie dann unter „Live-Ereignisse“ nach.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Webhook created. Its secret is kept on this computer and not shown again.</source>
        <translation>Webhook erstellt. Sein Secret wird auf diesem Computer aufbewahrt und nicht mehr angezeigt.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Changes saved.</source>
        <translation>Änderungen gespeichert.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Delete Webhook</source>
        <translation>Webhook löschen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete the webhook “%1”?</source>
        <translation>Den Webhook „%1“ löschen?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>App Store Connect stops notifying %1 at once. Its deliveries are deleted with it, and this cannot be undone.</source>
        <translation>App Store Connect benachrichtigt %1 ab sofort nicht mehr. Seine Zustellungen werden mit ihm gelöscht; das lässt sich nicht rückgängig machen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message numerus="yes">
        <location line="+50"/>
        <source>%n webhook(s) of this app have no secret on this computer: notifications signed with them are rejected (401). Generate a new secret in Settings to fix that.</source>
        <translation>
            <numerusform>%n Webhook dieser App hat kein Secret auf diesem Computer: Damit signierte Benachrichtigungen werden abgelehnt (401). Erzeugen Sie unter „Einstellungen“ ein neues Secret, um das zu beheben.</numerusform>
            <numerusform>%n Webhooks dieser App haben kein Secret auf diesem Computer: Damit signierte Benachrichtigungen werden abgelehnt (401). Erzeugen Sie unter „Einstellungen“ ein neues Secret, um das zu beheben.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Ascend listener</source>
        <translation>Ascend-Empfänger</translation>
    </message>
</context>
<context>
    <name>ascend::ui::WelcomePage</name>
    <message>
        <location filename="../src/ui/welcomepage.cpp" line="+17"/>
        <source>Welcome to Ascend</source>
        <translation>Willkommen bei Ascend</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Upload builds, set up webhooks, hand builds to TestFlight testers and read their feedback. Add an App Store Connect API key to begin, or look around in the demo first.</source>
        <translation>Laden Sie Builds hoch, richten Sie Webhooks ein, verteilen Sie Builds an TestFlight-Tester und lesen Sie ihr Feedback. Fügen Sie zum Start einen App Store Connect-API-Schlüssel hinzu oder sehen Sie sich zuerst in der Demo um.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Add an API key…</source>
        <translation>API-Schlüssel hinzufügen …</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Opens a form for the issuer ID, key ID and .p8 file of an App Store Connect API key</source>
        <translation>Öffnet ein Formular für Aussteller-ID, Schlüssel-ID und .p8-Datei eines App Store Connect-API-Schlüssels</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Try the demo</source>
        <translation>Demo ausprobieren</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Starts a local App Store Connect simulator with sample apps; nothing leaves this computer</source>
        <translation>Startet einen lokalen App Store Connect-Simulator mit Beispiel-Apps; nichts verlässt diesen Computer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cancel starting the demo</source>
        <translation>Start der Demo abbrechen</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Keys are created in App Store Connect under Users and Access → Integrations. The demo runs a local App Store Connect simulator with sample apps and its own key; nothing leaves this computer.</source>
        <translation>Schlüssel werden in App Store Connect unter „Benutzer und Zugriff“ → „Integrationen“ erstellt. Die Demo startet einen lokalen App Store Connect-Simulator mit Beispiel-Apps und eigenem Schlüssel; nichts verlässt diesen Computer.</translation>
    </message>
</context>
<context>
    <name>ascend::upload::BuildUploadJob</name>
    <message>
        <location filename="../src/core/upload/buildupload.cpp" line="+78"/>
        <source>Cannot read %1 to compute its checksum: %2</source>
        <translation>%1 kann zum Berechnen der Prüfsumme nicht gelesen werden: %2</translation>
    </message>
    <message>
        <location line="+104"/>
        <source>%1 changed since the interrupted upload; starting a new upload.</source>
        <translation>%1 hat sich seit dem unterbrochenen Upload geändert; ein neuer Upload wird gestartet.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The interrupted upload had no reservation yet; starting a new upload.</source>
        <translation>Der unterbrochene Upload hatte noch keine Reservierung; ein neuer Upload wird gestartet.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The interrupted upload no longer exists on the server; starting a new upload.</source>
        <translation>Der unterbrochene Upload existiert auf dem Server nicht mehr; ein neuer Upload wird gestartet.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cannot check the interrupted upload: %1</source>
        <translation>Der unterbrochene Upload kann nicht geprüft werden: %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The server&apos;s answer about the interrupted upload is not a build upload.</source>
        <translation>Die Antwort des Servers zum unterbrochenen Upload ist kein Build-Upload.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The interrupted upload was already committed; following its processing.</source>
        <translation>Der unterbrochene Upload war bereits übermittelt; seine Verarbeitung wird verfolgt.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The upload operations of the interrupted upload expired at %1; starting a new upload.</source>
        <translation>Die Upload-Vorgänge des unterbrochenen Uploads sind um %1 abgelaufen; ein neuer Upload wird gestartet.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The journal of the interrupted upload is unreadable; starting a new upload.</source>
        <translation>Das Journal des unterbrochenen Uploads ist unlesbar; ein neuer Upload wird gestartet.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Resuming %1: %2 of %3 parts were already uploaded.</source>
        <translation>%1 wird fortgesetzt: %2 von %3 Teilen waren bereits hochgeladen.</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>There is no app with id %1 in this account.</source>
        <translation>In diesem Account gibt es keine App mit der ID %1.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cannot look up the app: %1</source>
        <translation>Die App kann nicht nachgeschlagen werden: %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>There is no app with bundle id %1 in this account.</source>
        <translation>In diesem Account gibt es keine App mit der Bundle-ID %1.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 is %2, but the app %3 has the bundle id %4.</source>
        <translation>%1 ist %2, aber die App %3 hat die Bundle-ID %4.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Cannot check for an earlier upload of this build: %1</source>
        <translation>Es kann nicht geprüft werden, ob dieser Build schon einmal hochgeladen wurde: %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Version %1 (%2) of %3 was already uploaded (build upload %4, %5).</source>
        <translation>Version %1 (%2) von %3 wurde bereits hochgeladen (Build-Upload %4, %5).</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>The build upload could not be created: %1</source>
        <translation>Der Build-Upload konnte nicht erstellt werden: %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The server&apos;s answer to creating the build upload is not a build upload.</source>
        <translation>Die Antwort des Servers auf das Erstellen des Build-Uploads ist kein Build-Upload.</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>The file could not be reserved: %1</source>
        <translation>Die Datei konnte nicht reserviert werden: %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The file reservation came without upload operations.</source>
        <translation>Die Dateireservierung kam ohne Upload-Vorgänge.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The upload operations cover %1 bytes, but the file has %2.</source>
        <translation>Die Upload-Vorgänge umfassen %1 Byte, die Datei hat aber %2.</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>The upload operations expired before every part was sent (%1); starting a new upload.</source>
        <translation>Die Upload-Vorgänge sind abgelaufen, bevor alle Teile gesendet waren (%1); ein neuer Upload wird gestartet.</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>The upload could not be committed: %1</source>
        <translation>Der Upload konnte nicht übermittelt werden: %1</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>The build upload %1 no longer exists.</source>
        <translation>Der Build-Upload %1 existiert nicht mehr.</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>App Store Connect reports the upload as FAILED.</source>
        <translation>App Store Connect meldet den Upload als FAILED.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>App Store Connect reports the upload as FAILED: %1</source>
        <translation>App Store Connect meldet den Upload als FAILED: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>committed; processing not followed</source>
        <translation>übermittelt; Verarbeitung nicht verfolgt</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The upload was cancelled.</source>
        <translation>Der Upload wurde abgebrochen.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The upload was cancelled, but its reservation could not be deleted: %1</source>
        <translation>Der Upload wurde abgebrochen, aber seine Reservierung konnte nicht gelöscht werden: %1</translation>
    </message>
</context>
<context>
    <name>ascend::upload::PartScheduler</name>
    <message>
        <location filename="../src/core/upload/partscheduler.cpp" line="+124"/>
        <source>The upload was stopped.</source>
        <translation>Der Upload wurde gestoppt.</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>The upload operation for part %1 expired at %2.</source>
        <translation>Der Upload-Vorgang für Teil %1 ist um %2 abgelaufen.</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>Cannot read part %1 of the file: %2</source>
        <translation>Teil %1 der Datei kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>HTTP %1</source>
        <translation>HTTP %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Part %1 was refused (%2): %3</source>
        <translation>Teil %1 wurde abgelehnt (%2): %3</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Part %1 failed %2 times; the last time: %3</source>
        <translation>Teil %1 ist %2-mal fehlgeschlagen; zuletzt: %3</translation>
    </message>
</context>
<context>
    <name>ascend::upload::PartUploader</name>
    <message>
        <location filename="../src/core/upload/partuploader.cpp" line="+134"/>
        <source>%1 is not an http(s) URL.</source>
        <translation>%1 ist keine http(s)-URL.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&quot;%1&quot; is not an HTTP method.</source>
        <translation>„%1“ ist keine HTTP-Methode.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The header &quot;%1&quot; cannot be sent as it is.</source>
        <translation>Der Header „%1“ kann so nicht gesendet werden.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>TLS is not available, so %1 cannot be reached.</source>
        <translation>TLS ist nicht verfügbar, daher ist %1 nicht erreichbar.</translation>
    </message>
    <message>
        <location line="+132"/>
        <source>Cannot read %1 at offset %2: %3</source>
        <translation>%1 kann an Position %2 nicht gelesen werden: %3</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the file is shorter than before</source>
        <translation>die Datei ist kürzer als zuvor</translation>
    </message>
    <message>
        <location line="+76"/>
        <source>The answer from %1 is not valid HTTP (%2).</source>
        <translation>Die Antwort von %1 ist kein gültiges HTTP (%2).</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>The TLS handshake with %1 failed: %2</source>
        <translation>Der TLS-Handshake mit %1 ist fehlgeschlagen: %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cannot connect to %1: %2</source>
        <translation>Keine Verbindung zu %1 möglich: %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The connection to %1 was closed in the middle of the answer (%2).</source>
        <translation>Die Verbindung zu %1 wurde mitten in der Antwort geschlossen (%2).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The connection to %1 was closed after %2 of %3 were sent (%4).</source>
        <translation>Die Verbindung zu %1 wurde geschlossen, nachdem %2 von %3 gesendet waren (%4).</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>closed by the peer</source>
        <translation>von der Gegenseite geschlossen</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Nothing was sent to or received from %1 for %2 s (%3 of %4 sent).</source>
        <translation>%2 s lang wurde nichts an %1 gesendet oder von dort empfangen (%3 von %4 gesendet).</translation>
    </message>
</context>
<context>
    <name>ascend::upload::StreamingMd5</name>
    <message>
        <location filename="../src/core/upload/streamingmd5.cpp" line="+168"/>
        <source>%1 ended before %2 bytes</source>
        <translation>%1 endete vor %2 Byte</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>OpenSSL could not compute the MD5.</source>
        <translation>OpenSSL konnte die MD5-Prüfsumme nicht berechnen.</translation>
    </message>
</context>
<context>
    <name>ascend::webhooks</name>
    <message>
        <location filename="../src/core/webhooks/eventtypes.cpp" line="+17"/>
        <source>Builds</source>
        <translation>Builds</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>TestFlight</source>
        <translation>TestFlight</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>App Store</source>
        <translation>App Store</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Background Assets</source>
        <translation>Background Assets</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Alternative Distribution</source>
        <translation>Alternativer Vertrieb</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>An alternative distribution package became available or unavailable in territories.</source>
        <translation>Ein Paket für den alternativen Vertrieb wurde in Regionen verfügbar oder nicht mehr verfügbar.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>A new version of an alternative distribution package was created.</source>
        <translation>Eine neue Version eines Pakets für den alternativen Vertrieb wurde erstellt.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The territories where the app is available for alternative distribution changed.</source>
        <translation>Die Regionen, in denen die App für den alternativen Vertrieb verfügbar ist, haben sich geändert.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>An App Store version changed state (for example from review to ready for distribution).</source>
        <translation>Eine App Store-Version hat ihren Status geändert (zum Beispiel von „In Prüfung“ zu „Bereit für den Vertrieb“).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The App Store release of a background asset version changed state.</source>
        <translation>Die App Store-Veröffentlichung einer Background-Asset-Version hat ihren Status geändert.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The external beta release of a background asset version changed state.</source>
        <translation>Die externe Beta-Veröffentlichung einer Background-Asset-Version hat ihren Status geändert.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>A background asset version was released to internal testers.</source>
        <translation>Eine Background-Asset-Version wurde für interne Tester veröffentlicht.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>A background asset version changed state.</source>
        <translation>Eine Background-Asset-Version hat ihren Status geändert.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>A tester sent crash feedback from TestFlight.</source>
        <translation>Ein Tester hat aus TestFlight Feedback zu einem Absturz gesendet.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>A tester sent screenshot feedback from TestFlight.</source>
        <translation>Ein Tester hat aus TestFlight Screenshot-Feedback gesendet.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>A build&apos;s external TestFlight state changed (for example beta review approved).</source>
        <translation>Der externe TestFlight-Status eines Builds hat sich geändert (zum Beispiel Beta-Prüfung bestanden).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>A build upload changed state (processing, complete, failed).</source>
        <translation>Ein Build-Upload hat seinen Status geändert (Verarbeitung, fertig, fehlgeschlagen).</translation>
    </message>
</context>
<context>
    <name>ascend::webhooks::WebhookListener</name>
    <message>
        <location filename="../src/core/webhooks/webhooklistener.cpp" line="+96"/>
        <source>The event log is not open.</source>
        <translation>Das Ereignisprotokoll ist nicht geöffnet.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Cannot listen on %1 port %2: %3</source>
        <translation>Empfang auf %1, Port %2 nicht möglich: %3</translation>
    </message>
    <message>
        <location line="+67"/>
        <source>method %1 is not allowed</source>
        <translation>Methode %1 ist nicht erlaubt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Only POST is accepted here.</source>
        <translation>Hier wird nur POST angenommen.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>unknown path %1</source>
        <translation>unbekannter Pfad %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Notifications are accepted at %1.</source>
        <translation>Benachrichtigungen werden unter %1 angenommen.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>body of %1 bytes is over the limit</source>
        <translation>Inhalt mit %1 Byte überschreitet das Limit</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The body is larger than %1 bytes.</source>
        <translation>Der Inhalt ist größer als %1 Byte.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>no signature</source>
        <translation>keine Signatur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The x-apple-signature header is missing.</source>
        <translation>Der Header x-apple-signature fehlt.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>body too large</source>
        <translation>Inhalt zu groß</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The body is too large.</source>
        <translation>Der Inhalt ist zu groß.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>signature %1</source>
        <translation>Signatur %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The signature does not verify.</source>
        <translation>Die Signatur lässt sich nicht verifizieren.</translation>
    </message>
    <message>
        <location line="+83"/>
        <source>The event could not be stored; deliver it again.</source>
        <translation>Das Ereignis konnte nicht gespeichert werden; stellen Sie es erneut zu.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Not a notification envelope: %1</source>
        <translation>Keine Benachrichtigungshülle: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>stored</source>
        <translation>gespeichert</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>duplicate</source>
        <translation>Duplikat</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../src/app/main.cpp" line="+118"/>
        <source>Ascend: a desktop workbench for App Store Connect. Without options it opens the last used account, or a welcome page when there is none.</source>
        <translation>Ascend: eine Desktop-Werkbank für App Store Connect. Ohne Optionen öffnet es den zuletzt verwendeten Account oder, wenn es keinen gibt, eine Willkommensseite.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Start the local App Store Connect simulator (ascend-sim) with sample data and a fresh API key, and connect to it.</source>
        <translation>Den lokalen App Store Connect-Simulator (ascend-sim) mit Beispieldaten und einem neuen API-Schlüssel starten und sich mit ihm verbinden.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Wait until the window has connected (use with --demo for the demo), save it as an image to &lt;file&gt; and quit. Window settings are not read or saved.</source>
        <translation>Warten, bis das Fenster verbunden ist (mit --demo für die Demo), es als Bild in &lt;file&gt; speichern und beenden. Fenstereinstellungen werden weder gelesen noch gespeichert.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Show the pane &lt;name&gt;: uploads, webhooks, testflight or feedback.</source>
        <translation>Den Bereich &lt;name&gt; zeigen: uploads, webhooks, testflight oder feedback.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Window size as &lt;width&gt;x&lt;height&gt;.</source>
        <translation>Fenstergröße als &lt;width&gt;x&lt;height&gt;.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>With --demo: upload a generated sample build of the selected app.</source>
        <translation>Mit --demo: einen erzeugten Beispiel-Build der ausgewählten App hochladen.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>With --screenshot: capture &lt;window&gt; instead of the main window: settings[:Page] (Accounts, Appearance, Uploads, Listener, Cache, Language, Notifications), log or about.</source>
        <translation>Mit --screenshot: &lt;window&gt; statt des Hauptfensters aufnehmen: settings[:Page] (Accounts, Appearance, Uploads, Listener, Cache, Language, Notifications), log oder about.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Wait &lt;ms&gt; after connecting before taking the screenshot.</source>
        <translation>Nach dem Verbinden &lt;ms&gt; warten, bevor das Bildschirmfoto aufgenommen wird.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Builds (.ipa, .pkg) to upload once connected.</source>
        <translation>Builds (.ipa, .pkg), die nach dem Verbinden hochgeladen werden.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Unknown pane &quot;%1&quot;.</source>
        <translation>Unbekannter Bereich „%1“.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The size must look like 1280x800.</source>
        <translation>Die Größe muss die Form 1280x800 haben.</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>Unknown window &quot;%1&quot;.</source>
        <translation>Unbekanntes Fenster „%1“.</translation>
    </message>
</context>
</TS>
