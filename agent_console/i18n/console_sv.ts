<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="sv" sourcelanguage="en">
<context>
    <name>Away</name>
    <message>
        <location filename="../views/labels.py" line="49"/>
        <source>Break</source>
        <translation>Rast</translation>
    </message>
    <message>
        <location filename="../views/labels.py" line="50"/>
        <source>Meeting</source>
        <translation>Möte</translation>
    </message>
    <message>
        <location filename="../views/labels.py" line="51"/>
        <source>Admin work</source>
        <translation>Administration</translation>
    </message>
    <message>
        <location filename="../views/labels.py" line="53"/>
        <source>Taking callers yourself</source>
        <translation>Tar själv uppringare</translation>
    </message>
    <message>
        <location filename="../views/labels.py" line="54"/>
        <source>Missed calls</source>
        <translation>Missade samtal</translation>
    </message>
</context>
<context>
    <name>BookingsView</name>
    <message>
        <location filename="../views/bookings_view.py" line="41"/>
        <location filename="../views/bookings_view.py" line="72"/>
        <source>Today&apos;s bookings</source>
        <translation>Dagens bokningar</translation>
    </message>
    <message>
        <location filename="../views/bookings_view.py" line="44"/>
        <source>Close (F10)</source>
        <translation>Stäng (F10)</translation>
    </message>
    <message>
        <location filename="../views/bookings_view.py" line="53"/>
        <source>Export my bookings (.ics)…</source>
        <translation>Exportera mina bokningar (.ics)…</translation>
    </message>
    <message>
        <location filename="../views/bookings_view.py" line="65"/>
        <source>Time</source>
        <translation>Tid</translation>
    </message>
    <message>
        <location filename="../views/bookings_view.py" line="66"/>
        <source>Language</source>
        <translation>Språk</translation>
    </message>
    <message>
        <location filename="../views/bookings_view.py" line="67"/>
        <source>Topic</source>
        <translation>Ämne</translation>
    </message>
    <message>
        <location filename="../views/bookings_view.py" line="68"/>
        <source>With</source>
        <translation>Med</translation>
    </message>
    <message>
        <location filename="../views/bookings_view.py" line="69"/>
        <source>State</source>
        <translation>Läge</translation>
    </message>
    <message>
        <location filename="../views/bookings_view.py" line="104"/>
        <source>Loading…</source>
        <translation>Hämtar…</translation>
    </message>
    <message>
        <location filename="../views/bookings_view.py" line="111"/>
        <source>The server refused: %1</source>
        <translation>Servern nekade: %1</translation>
    </message>
    <message>
        <location filename="../views/bookings_view.py" line="123"/>
        <source>No bookings today.</source>
        <translation>Inga bokningar i dag.</translation>
    </message>
    <message>
        <location filename="../views/bookings_view.py" line="125"/>
        <source>%1 booked · %2 checked in · %3 no-shows</source>
        <translation>%1 bokade · %2 incheckade · %3 uteblivna</translation>
    </message>
    <message>
        <location filename="../views/bookings_view.py" line="133"/>
        <source>Published %1 bookable times.</source>
        <translation>Publicerade %1 bokningsbara tider.</translation>
    </message>
    <message>
        <location filename="../views/bookings_view.py" line="137"/>
        <source>Saved your bookings to %1</source>
        <translation>Sparade dina bokningar i %1</translation>
    </message>
    <message>
        <location filename="../views/bookings_view.py" line="148"/>
        <source>any topic</source>
        <translation>valfritt ämne</translation>
    </message>
    <message>
        <location filename="../views/bookings_view.py" line="149"/>
        <source>You</source>
        <translation>Du</translation>
    </message>
    <message>
        <location filename="../views/bookings_view.py" line="149"/>
        <source>Any adviser</source>
        <translation>Valfri vägledare</translation>
    </message>
    <message>
        <location filename="../views/bookings_view.py" line="157"/>
        <source>Booked</source>
        <translation>Bokad</translation>
    </message>
    <message>
        <location filename="../views/bookings_view.py" line="158"/>
        <source>Checked in</source>
        <translation>Incheckad</translation>
    </message>
    <message>
        <location filename="../views/bookings_view.py" line="159"/>
        <source>No-show</source>
        <translation>Uteblev</translation>
    </message>
    <message>
        <location filename="../views/bookings_view.py" line="160"/>
        <source>Cancelled</source>
        <translation>Avbokad</translation>
    </message>
    <message>
        <location filename="../views/bookings_view.py" line="166"/>
        <source>Export my bookings</source>
        <translation>Exportera mina bokningar</translation>
    </message>
    <message>
        <location filename="../views/bookings_view.py" line="166"/>
        <source>Calendar (*.ics)</source>
        <translation>Kalender (*.ics)</translation>
    </message>
</context>
<context>
    <name>CallView</name>
    <message>
        <location filename="../views/call_view.py" line="65"/>
        <location filename="../views/call_view.py" line="302"/>
        <source>Waiting for the resident&apos;s video…</source>
        <translation>Väntar på invånarens video…</translation>
    </message>
    <message>
        <location filename="../views/call_view.py" line="68"/>
        <source>Your camera</source>
        <translation>Din kamera</translation>
    </message>
    <message>
        <location filename="../views/call_view.py" line="69"/>
        <location filename="../views/call_view.py" line="260"/>
        <source>Connecting…</source>
        <translation>Ansluter…</translation>
    </message>
    <message>
        <location filename="../views/call_view.py" line="75"/>
        <source>Mute (F7)</source>
        <translation>Stäng av mikrofonen (F7)</translation>
    </message>
    <message>
        <location filename="../views/call_view.py" line="76"/>
        <source>Camera off (F8)</source>
        <translation>Stäng av kameran (F8)</translation>
    </message>
    <message>
        <location filename="../views/call_view.py" line="77"/>
        <location filename="../views/call_view.py" line="317"/>
        <source>End call (F4)</source>
        <translation>Avsluta samtalet (F4)</translation>
    </message>
    <message>
        <location filename="../views/call_view.py" line="83"/>
        <location filename="../views/call_view.py" line="84"/>
        <source>Transfer to another language queue</source>
        <translation>Koppla till en annan språkkö</translation>
    </message>
    <message>
        <location filename="../views/call_view.py" line="85"/>
        <source>Transfer to queue</source>
        <translation>Koppla till kö</translation>
    </message>
    <message>
        <location filename="../views/call_view.py" line="91"/>
        <source>No colleague available</source>
        <translation>Ingen kollega är ledig</translation>
    </message>
    <message>
        <location filename="../views/call_view.py" line="92"/>
        <location filename="../views/call_view.py" line="93"/>
        <source>Transfer to an available colleague</source>
        <translation>Koppla till en ledig kollega</translation>
    </message>
    <message>
        <location filename="../views/call_view.py" line="94"/>
        <source>Transfer to colleague</source>
        <translation>Koppla till kollega</translation>
    </message>
    <message>
        <location filename="../views/call_view.py" line="96"/>
        <source>What the resident types appears here.</source>
        <translation>Det invånaren skriver visas här.</translation>
    </message>
    <message>
        <location filename="../views/call_view.py" line="105"/>
        <source>Type here; Enter sends</source>
        <translation>Skriv här; Enter skickar</translation>
    </message>
    <message>
        <location filename="../views/call_view.py" line="106"/>
        <source>Type to the resident; Enter sends the line</source>
        <translation>Skriv till invånaren; Enter skickar raden</translation>
    </message>
    <message>
        <location filename="../views/call_view.py" line="136"/>
        <source>Transfer:</source>
        <translation>Koppla vidare:</translation>
    </message>
    <message>
        <location filename="../views/call_view.py" line="317"/>
        <source>Leave (F4)</source>
        <translation>Lämna (F4)</translation>
    </message>
    <message>
        <location filename="../views/call_view.py" line="320"/>
        <source>Adviser (live text)</source>
        <translation>Rådgivaren (direkttext)</translation>
    </message>
    <message>
        <location filename="../views/call_view.py" line="320"/>
        <source>Interpreter (live text)</source>
        <translation>Tolken (direkttext)</translation>
    </message>
    <message>
        <location filename="../views/call_view.py" line="97"/>
        <source>Resident (live text)</source>
        <translation>Invånaren (direkttext)</translation>
    </message>
    <message>
        <location filename="../views/call_view.py" line="155"/>
        <source>You</source>
        <translation>Du</translation>
    </message>
    <message>
        <location filename="../views/call_view.py" line="242"/>
        <source>Interpreting %1</source>
        <translation>Tolkar %1</translation>
    </message>
    <message>
        <location filename="../views/call_view.py" line="260"/>
        <source>%1 has left.</source>
        <translation>%1 har lämnat samtalet.</translation>
    </message>
    <message>
        <location filename="../views/call_view.py" line="277"/>
        <source>Quality: %1</source>
        <translation>Kvalitet: %1</translation>
    </message>
    <message>
        <location filename="../views/call_view.py" line="300"/>
        <source>The kiosk has no camera: you will hear the resident only.</source>
        <translation>Kiosken har ingen kamera: du hör bara invånaren.</translation>
    </message>
</context>
<context>
    <name>ConsoleWindow</name>
    <message>
        <location filename="../views/console_window.py" line="50"/>
        <location filename="../views/console_window.py" line="132"/>
        <source>Kiosklink – adviser console</source>
        <translation>Kiosklink – rådgivarkonsol</translation>
    </message>
    <message>
        <location filename="../views/console_window.py" line="130"/>
        <source>Kiosklink – interpreter console</source>
        <translation>Kiosklink – tolkkonsol</translation>
    </message>
</context>
<context>
    <name>Device</name>
    <message>
        <location filename="../views/labels.py" line="96"/>
        <source>camera</source>
        <translation>kamera</translation>
    </message>
    <message>
        <location filename="../views/labels.py" line="97"/>
        <source>microphone</source>
        <translation>mikrofon</translation>
    </message>
    <message>
        <location filename="../views/labels.py" line="98"/>
        <source>speaker</source>
        <translation>högtalare</translation>
    </message>
    <message>
        <location filename="../views/labels.py" line="107"/>
        <source>The kiosk has not reported its devices.</source>
        <translation>Kiosken har inte rapporterat sina enheter.</translation>
    </message>
    <message>
        <location filename="../views/labels.py" line="109"/>
        <source>Kiosk camera, microphone and speaker work.</source>
        <translation>Kioskens kamera, mikrofon och högtalare fungerar.</translation>
    </message>
    <message>
        <location filename="../views/labels.py" line="111"/>
        <source>Kiosk lacks: %1</source>
        <translation>Kiosken saknar: %1</translation>
    </message>
    <message>
        <location filename="../views/labels.py" line="113"/>
        <source>You will not see the resident.</source>
        <translation>Du kommer inte att se invånaren.</translation>
    </message>
    <message>
        <location filename="../views/labels.py" line="114"/>
        <source>You will not hear the resident: use the text.</source>
        <translation>Du kommer inte att höra invånaren: använd texten.</translation>
    </message>
    <message>
        <location filename="../views/labels.py" line="117"/>
        <source>The resident will not hear you: type to them.</source>
        <translation>Invånaren kommer inte att höra dig: skriv till hen.</translation>
    </message>
</context>
<context>
    <name>DocumentView</name>
    <message>
        <location filename="../views/document_view.py" line="44"/>
        <source>Ask to see a letter</source>
        <translation>Be att få se ett brev</translation>
    </message>
    <message>
        <location filename="../views/document_view.py" line="45"/>
        <location filename="../views/document_view.py" line="131"/>
        <source>Pages the resident shows appear here, only during the call.</source>
        <translation>Sidor som invånaren visar syns här, bara under samtalet.</translation>
    </message>
    <message>
        <location filename="../views/document_view.py" line="55"/>
        <source>Previous page</source>
        <translation>Föregående sida</translation>
    </message>
    <message>
        <location filename="../views/document_view.py" line="56"/>
        <source>Next page</source>
        <translation>Nästa sida</translation>
    </message>
    <message>
        <location filename="../views/document_view.py" line="58"/>
        <source>Zoom out</source>
        <translation>Zooma ut</translation>
    </message>
    <message>
        <location filename="../views/document_view.py" line="59"/>
        <source>Zoom in</source>
        <translation>Zooma in</translation>
    </message>
    <message>
        <location filename="../views/document_view.py" line="60"/>
        <source>Rotate</source>
        <translation>Vrid</translation>
    </message>
    <message>
        <location filename="../views/document_view.py" line="61"/>
        <source>Fit</source>
        <translation>Anpassa</translation>
    </message>
    <message>
        <location filename="../views/document_view.py" line="62"/>
        <source>Fit the page&apos;s width</source>
        <translation>Anpassa sidan till bredden</translation>
    </message>
    <message>
        <location filename="../views/document_view.py" line="104"/>
        <source>Shown by the resident. Gone when the call ends.</source>
        <translation>Visad av invånaren. Försvinner när samtalet slutar.</translation>
    </message>
    <message>
        <location filename="../views/document_view.py" line="111"/>
        <source>The resident is sending a page…</source>
        <translation>Invånaren skickar en sida…</translation>
    </message>
    <message>
        <location filename="../views/document_view.py" line="117"/>
        <source>A page did not arrive whole. Ask the resident to send it again.</source>
        <translation>En sida kom inte fram hel. Be invånaren skicka den igen.</translation>
    </message>
    <message>
        <location filename="../views/document_view.py" line="121"/>
        <source>The resident chose not to show a letter.</source>
        <translation>Invånaren valde att inte visa något brev.</translation>
    </message>
    <message>
        <location filename="../views/document_view.py" line="124"/>
        <source>Asked. The resident decides on the kiosk.</source>
        <translation>Frågat. Invånaren bestämmer vid kiosken.</translation>
    </message>
    <message>
        <location filename="../views/document_view.py" line="198"/>
        <source>Page %1 of %2</source>
        <translation>Sida %1 av %2</translation>
    </message>
</context>
<context>
    <name>IdleView</name>
    <message>
        <location filename="../views/idle_view.py" line="33"/>
        <source>Ready to interpret</source>
        <translation>Redo att tolka</translation>
    </message>
    <message>
        <location filename="../views/idle_view.py" line="35"/>
        <source>Ready for the next caller</source>
        <translation>Redo för nästa uppringare</translation>
    </message>
    <message>
        <location filename="../views/idle_view.py" line="37"/>
        <source>A call rings here with a sound. Accept with F2.</source>
        <translation>Ett samtal ringer här med ljud. Svara med F2.</translation>
    </message>
    <message>
        <location filename="../views/idle_view.py" line="39"/>
        <source>Connecting…</source>
        <translation>Ansluter…</translation>
    </message>
    <message>
        <location filename="../views/idle_view.py" line="42"/>
        <location filename="../views/idle_view.py" line="47"/>
        <source>You are away</source>
        <translation>Du är borta</translation>
    </message>
    <message>
        <location filename="../views/idle_view.py" line="44"/>
        <source>No interpreting is offered to you. Press F6 to be available.</source>
        <translation>Du får inga tolkuppdrag. Tryck F6 för att bli tillgänglig.</translation>
    </message>
    <message>
        <location filename="../views/idle_view.py" line="50"/>
        <source>No calls are offered to you. Press F6 to be available, or F9 to take the next caller yourself.</source>
        <translation>Du får inga samtal. Tryck F6 för att bli tillgänglig, eller F9 för att själv ta nästa uppringare.</translation>
    </message>
</context>
<context>
    <name>Interpreter</name>
    <message>
        <location filename="../views/interpreter_bar.py" line="132"/>
        <source>Interpreter: %1 (%2)</source>
        <translation>Tolk: %1 (%2)</translation>
    </message>
    <message>
        <location filename="../views/interpreter_bar.py" line="138"/>
        <source>Withdrawing the invitation…</source>
        <translation>Drar tillbaka inbjudan…</translation>
    </message>
    <message>
        <location filename="../views/interpreter_bar.py" line="139"/>
        <source>Asking for an interpreter of %1…</source>
        <translation>Söker en tolk i %1…</translation>
    </message>
    <message>
        <location filename="../views/interpreter_bar.py" line="144"/>
        <source>nobody interprets it.</source>
        <translation>ingen tolkar det språket.</translation>
    </message>
    <message>
        <location filename="../views/interpreter_bar.py" line="145"/>
        <source>nobody who interprets it is signed in.</source>
        <translation>ingen som tolkar det är inloggad.</translation>
    </message>
    <message>
        <location filename="../views/interpreter_bar.py" line="148"/>
        <source>nobody answered in time.</source>
        <translation>ingen svarade i tid.</translation>
    </message>
    <message>
        <location filename="../views/interpreter_bar.py" line="149"/>
        <source>nobody could come.</source>
        <translation>ingen kunde komma.</translation>
    </message>
    <message>
        <location filename="../views/interpreter_bar.py" line="151"/>
        <source>No interpreter for %1: %2</source>
        <translation>Ingen tolk i %1: %2</translation>
    </message>
    <message>
        <location filename="../views/interpreter_bar.py" line="160"/>
        <source>The invitation for an interpreter was withdrawn.</source>
        <translation>Inbjudan till en tolk drogs tillbaka.</translation>
    </message>
    <message>
        <location filename="../views/interpreter_bar.py" line="164"/>
        <source>%1 has left: interpreting ended.</source>
        <translation>%1 har gått: tolkningen är avslutad.</translation>
    </message>
    <message>
        <location filename="../views/interpreter_bar.py" line="165"/>
        <location filename="../views/interpreter_bar.py" line="174"/>
        <source>%1 has left the call.</source>
        <translation>%1 har lämnat samtalet.</translation>
    </message>
    <message>
        <location filename="../views/interpreter_bar.py" line="166"/>
        <source>%1&apos;s connection was lost; the call goes on.</source>
        <translation>Anslutningen till %1 bröts; samtalet fortsätter.</translation>
    </message>
    <message>
        <location filename="../views/interpreter_bar.py" line="169"/>
        <source>%1&apos;s video could not be set up; the call goes on.</source>
        <translation>Bilden från %1 kunde inte kopplas upp; samtalet fortsätter.</translation>
    </message>
</context>
<context>
    <name>InterpreterBar</name>
    <message>
        <location filename="../views/interpreter_bar.py" line="29"/>
        <source>Interpreter (F11)</source>
        <translation>Tolk (F11)</translation>
    </message>
    <message>
        <location filename="../views/interpreter_bar.py" line="30"/>
        <source>Invite an interpreter into this call</source>
        <translation>Bjud in en tolk till samtalet</translation>
    </message>
    <message>
        <location filename="../views/interpreter_bar.py" line="32"/>
        <source>Language to interpret</source>
        <translation>Språk att tolka</translation>
    </message>
    <message>
        <location filename="../views/interpreter_bar.py" line="33"/>
        <source>Interpret:</source>
        <translation>Tolka:</translation>
    </message>
    <message>
        <location filename="../views/interpreter_bar.py" line="35"/>
        <source>Invite</source>
        <translation>Bjud in</translation>
    </message>
    <message>
        <location filename="../views/interpreter_bar.py" line="37"/>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
    <message>
        <location filename="../views/interpreter_bar.py" line="103"/>
        <source>Thank and end interpreting</source>
        <translation>Tacka och avsluta tolkningen</translation>
    </message>
    <message>
        <location filename="../views/interpreter_bar.py" line="105"/>
        <source>Withdraw</source>
        <translation>Dra tillbaka</translation>
    </message>
</context>
<context>
    <name>Language</name>
    <message>
        <location filename="../views/labels.py" line="18"/>
        <source>Swedish</source>
        <translation>Svenska</translation>
    </message>
    <message>
        <location filename="../views/labels.py" line="19"/>
        <source>English</source>
        <translation>Engelska</translation>
    </message>
    <message>
        <location filename="../views/labels.py" line="20"/>
        <source>Arabic</source>
        <translation>Arabiska</translation>
    </message>
    <message>
        <location filename="../views/labels.py" line="21"/>
        <source>Persian</source>
        <translation>Persiska</translation>
    </message>
    <message>
        <location filename="../views/labels.py" line="22"/>
        <source>Dari</source>
        <translation>Dari</translation>
    </message>
    <message>
        <location filename="../views/labels.py" line="23"/>
        <source>Somali</source>
        <translation>Somaliska</translation>
    </message>
    <message>
        <location filename="../views/labels.py" line="24"/>
        <source>Tigrinya</source>
        <translation>Tigrinja</translation>
    </message>
    <message>
        <location filename="../views/labels.py" line="25"/>
        <source>Amharic</source>
        <translation>Amhariska</translation>
    </message>
    <message>
        <location filename="../views/labels.py" line="26"/>
        <source>Ukrainian</source>
        <translation>Ukrainska</translation>
    </message>
    <message>
        <location filename="../views/labels.py" line="27"/>
        <source>Russian</source>
        <translation>Ryska</translation>
    </message>
    <message>
        <location filename="../views/labels.py" line="28"/>
        <source>Finnish</source>
        <translation>Finska</translation>
    </message>
    <message>
        <location filename="../views/labels.py" line="29"/>
        <source>Polish</source>
        <translation>Polska</translation>
    </message>
    <message>
        <location filename="../views/labels.py" line="30"/>
        <source>Turkish</source>
        <translation>Turkiska</translation>
    </message>
    <message>
        <location filename="../views/labels.py" line="31"/>
        <source>Pashto</source>
        <translation>Pashto</translation>
    </message>
    <message>
        <location filename="../views/labels.py" line="32"/>
        <source>Sorani</source>
        <translation>Sorani</translation>
    </message>
    <message>
        <location filename="../views/labels.py" line="33"/>
        <source>Kurmanji</source>
        <translation>Kurmanji</translation>
    </message>
    <message>
        <location filename="../views/labels.py" line="34"/>
        <source>Bosnian</source>
        <translation>Bosniska</translation>
    </message>
    <message>
        <location filename="../views/labels.py" line="35"/>
        <source>Spanish</source>
        <translation>Spanska</translation>
    </message>
    <message>
        <location filename="../views/labels.py" line="36"/>
        <source>French</source>
        <translation>Franska</translation>
    </message>
    <message>
        <location filename="../views/labels.py" line="37"/>
        <source>German</source>
        <translation>Tyska</translation>
    </message>
</context>
<context>
    <name>Level</name>
    <message>
        <location filename="../views/labels.py" line="62"/>
        <source>native</source>
        <translation>modersmål</translation>
    </message>
    <message>
        <location filename="../views/labels.py" line="63"/>
        <source>fluent</source>
        <translation>flytande</translation>
    </message>
    <message>
        <location filename="../views/labels.py" line="64"/>
        <source>basic</source>
        <translation>grundläggande</translation>
    </message>
</context>
<context>
    <name>Note</name>
    <message>
        <location filename="../views/wrap_up_view.py" line="154"/>
        <source>an ID number</source>
        <translation>ett person- eller samordningsnummer</translation>
    </message>
    <message>
        <location filename="../views/wrap_up_view.py" line="155"/>
        <source>a phone number</source>
        <translation>ett telefonnummer</translation>
    </message>
    <message>
        <location filename="../views/wrap_up_view.py" line="156"/>
        <source>an e-mail address</source>
        <translation>en e-postadress</translation>
    </message>
    <message>
        <location filename="../views/wrap_up_view.py" line="157"/>
        <source>an address or postcode</source>
        <translation>en adress eller ett postnummer</translation>
    </message>
    <message>
        <location filename="../views/wrap_up_view.py" line="158"/>
        <source>a name</source>
        <translation>ett namn</translation>
    </message>
    <message>
        <location filename="../views/wrap_up_view.py" line="159"/>
        <source>health information</source>
        <translation>uppgifter om hälsa</translation>
    </message>
</context>
<context>
    <name>Notice</name>
    <message>
        <location filename="../views/labels.py" line="166"/>
        <source>Wrong username or password.</source>
        <translation>Fel användarnamn eller lösenord.</translation>
    </message>
    <message>
        <location filename="../views/labels.py" line="167"/>
        <source>Cannot reach the server. Check the address and the network.</source>
        <translation>Servern kan inte nås. Kontrollera adressen och nätverket.</translation>
    </message>
    <message>
        <location filename="../views/labels.py" line="170"/>
        <source>Your session has ended. Please sign in again.</source>
        <translation>Din session har upphört. Logga in igen.</translation>
    </message>
    <message>
        <location filename="../views/labels.py" line="173"/>
        <source>You missed a call: it went to the next adviser.</source>
        <translation>Du missade ett samtal: det gick till nästa rådgivare.</translation>
    </message>
    <message>
        <location filename="../views/labels.py" line="176"/>
        <source>The caller left before you answered.</source>
        <translation>Uppringaren gick innan du svarade.</translation>
    </message>
    <message>
        <location filename="../views/labels.py" line="179"/>
        <source>The caller ended the call.</source>
        <translation>Uppringaren avslutade samtalet.</translation>
    </message>
    <message>
        <location filename="../views/labels.py" line="180"/>
        <source>The caller was transferred.</source>
        <translation>Uppringaren kopplades vidare.</translation>
    </message>
    <message>
        <location filename="../views/labels.py" line="181"/>
        <source>The call was cut off.</source>
        <translation>Samtalet bröts.</translation>
    </message>
    <message>
        <location filename="../views/labels.py" line="182"/>
        <source>The caller&apos;s connection is interrupted. Waiting for it to come back.</source>
        <translation>Uppringarens anslutning är bruten. Vi väntar på att den kommer tillbaka.</translation>
    </message>
    <message>
        <location filename="../views/labels.py" line="185"/>
        <source>The server refused that.</source>
        <translation>Servern nekade det.</translation>
    </message>
    <message>
        <location filename="../views/labels.py" line="186"/>
        <source>Nobody is waiting in your languages right now.</source>
        <translation>Ingen väntar på dina språk just nu.</translation>
    </message>
    <message>
        <location filename="../views/labels.py" line="189"/>
        <source>The adviser no longer needs an interpreter for that call.</source>
        <translation>Rådgivaren behöver inte längre en tolk i det samtalet.</translation>
    </message>
    <message>
        <location filename="../views/labels.py" line="192"/>
        <source>Interpreting has ended: the adviser thanked you, or the call is over.</source>
        <translation>Tolkningen är avslutad: rådgivaren tackade dig, eller samtalet är slut.</translation>
    </message>
    <message>
        <location filename="../views/labels.py" line="195"/>
        <source>The outcome is saved, but not the note: it seems to hold personal data. Rewrite the note, or drop it.</source>
        <translation>Utfallet är sparat, men inte anteckningen: den verkar innehålla personuppgifter. Skriv om anteckningen eller stryk den.</translation>
    </message>
</context>
<context>
    <name>OfferView</name>
    <message>
        <location filename="../views/offer_view.py" line="29"/>
        <location filename="../views/offer_view.py" line="79"/>
        <source>Incoming call</source>
        <translation>Inkommande samtal</translation>
    </message>
    <message>
        <location filename="../views/offer_view.py" line="40"/>
        <source>Accept (F2)</source>
        <translation>Svara (F2)</translation>
    </message>
    <message>
        <location filename="../views/offer_view.py" line="41"/>
        <source>Decline (F3)</source>
        <translation>Avböj (F3)</translation>
    </message>
    <message>
        <location filename="../views/offer_view.py" line="72"/>
        <source>Interpreting request</source>
        <translation>Tolkuppdrag</translation>
    </message>
    <message>
        <location filename="../views/offer_view.py" line="74"/>
        <source>Interpret %1 for %2</source>
        <translation>Tolka %1 för %2</translation>
    </message>
    <message>
        <location filename="../views/offer_view.py" line="76"/>
        <source>An adviser asks you into a call in progress.</source>
        <translation>En rådgivare ber dig komma in i ett pågående samtal.</translation>
    </message>
    <message>
        <location filename="../views/offer_view.py" line="77"/>
        <location filename="../views/offer_view.py" line="81"/>
        <source>Topic: %1</source>
        <translation>Ärende: %1</translation>
    </message>
    <message>
        <location filename="../views/offer_view.py" line="82"/>
        <source>Kiosk: %1</source>
        <translation>Kiosk: %1</translation>
    </message>
    <message>
        <location filename="../views/offer_view.py" line="91"/>
        <source>Has waited %1</source>
        <translation>Har väntat %1</translation>
    </message>
    <message>
        <location filename="../views/offer_view.py" line="101"/>
        <source>Connecting the call…</source>
        <translation>Kopplar samtalet…</translation>
    </message>
    <message>
        <location filename="../views/offer_view.py" line="104"/>
        <source>Answer within %1</source>
        <translation>Svara inom %1</translation>
    </message>
</context>
<context>
    <name>Outcome</name>
    <message>
        <location filename="../views/labels.py" line="85"/>
        <source>Resolved</source>
        <translation>Löst</translation>
    </message>
    <message>
        <location filename="../views/labels.py" line="86"/>
        <source>Referred elsewhere</source>
        <translation>Hänvisad vidare</translation>
    </message>
    <message>
        <location filename="../views/labels.py" line="87"/>
        <source>Needs follow-up</source>
        <translation>Behöver uppföljning</translation>
    </message>
    <message>
        <location filename="../views/labels.py" line="88"/>
        <source>Caller not there</source>
        <translation>Uppringaren var inte där</translation>
    </message>
    <message>
        <location filename="../views/labels.py" line="89"/>
        <source>Other</source>
        <translation>Annat</translation>
    </message>
</context>
<context>
    <name>PhoneBooking</name>
    <message>
        <location filename="../views/slot_forms.py" line="138"/>
        <source>Book for a resident who phoned</source>
        <translation>Boka åt en invånare som ringt</translation>
    </message>
    <message>
        <location filename="../views/slot_forms.py" line="140"/>
        <source>Book this time</source>
        <translation>Boka tiden</translation>
    </message>
    <message>
        <location filename="../views/slot_forms.py" line="146"/>
        <source>Done, code read out</source>
        <translation>Klart, koden uppläst</translation>
    </message>
    <message>
        <location filename="../views/slot_forms.py" line="153"/>
        <source>Free times, the next two weeks</source>
        <translation>Lediga tider, de närmaste två veckorna</translation>
    </message>
    <message>
        <location filename="../views/slot_forms.py" line="167"/>
        <source>No free times in the next two weeks</source>
        <translation>Inga lediga tider de närmaste två veckorna</translation>
    </message>
    <message>
        <location filename="../views/slot_forms.py" line="173"/>
        <source>any topic</source>
        <translation>valfritt ämne</translation>
    </message>
    <message>
        <location filename="../views/slot_forms.py" line="183"/>
        <source>Booking code</source>
        <translation>Bokningskod</translation>
    </message>
    <message>
        <location filename="../views/slot_forms.py" line="187"/>
        <source>Read the code to the resident, group by group. They check in with it at any kiosk shortly before %1.</source>
        <translation>Läs upp koden för invånaren, grupp för grupp. De checkar in med den vid valfri kiosk strax före %1.</translation>
    </message>
    <message>
        <location filename="../views/slot_forms.py" line="191"/>
        <source>It is shown only now.</source>
        <translation>Den visas bara nu.</translation>
    </message>
</context>
<context>
    <name>PublishForm</name>
    <message>
        <location filename="../views/slot_forms.py" line="56"/>
        <source>Publish bookable times</source>
        <translation>Publicera bokningsbara tider</translation>
    </message>
    <message>
        <location filename="../views/slot_forms.py" line="60"/>
        <location filename="../views/slot_forms.py" line="72"/>
        <source>Topic</source>
        <translation>Ämne</translation>
    </message>
    <message>
        <location filename="../views/slot_forms.py" line="65"/>
        <source>Only with me</source>
        <translation>Bara med mig</translation>
    </message>
    <message>
        <location filename="../views/slot_forms.py" line="67"/>
        <source>Publish</source>
        <translation>Publicera</translation>
    </message>
    <message>
        <location filename="../views/slot_forms.py" line="72"/>
        <source>Language</source>
        <translation>Språk</translation>
    </message>
    <message>
        <location filename="../views/slot_forms.py" line="73"/>
        <source>Day</source>
        <translation>Dag</translation>
    </message>
    <message>
        <location filename="../views/slot_forms.py" line="73"/>
        <source>Slot length</source>
        <translation>Tidslängd</translation>
    </message>
    <message>
        <location filename="../views/slot_forms.py" line="74"/>
        <source>From</source>
        <translation>Från</translation>
    </message>
    <message>
        <location filename="../views/slot_forms.py" line="74"/>
        <source>To</source>
        <translation>Till</translation>
    </message>
    <message>
        <location filename="../views/slot_forms.py" line="92"/>
        <source>Any topic</source>
        <translation>Valfritt ämne</translation>
    </message>
    <message>
        <location filename="../views/slot_forms.py" line="97"/>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
</context>
<context>
    <name>Quality</name>
    <message>
        <location filename="../views/labels.py" line="132"/>
        <source>No picture or sound from the kiosk</source>
        <translation>Ingen bild eller ljud från kiosken</translation>
    </message>
    <message>
        <location filename="../views/labels.py" line="134"/>
        <source>No picture from the kiosk</source>
        <translation>Ingen bild från kiosken</translation>
    </message>
    <message>
        <location filename="../views/labels.py" line="136"/>
        <source>No sound from the kiosk</source>
        <translation>Inget ljud från kiosken</translation>
    </message>
    <message>
        <location filename="../views/labels.py" line="156"/>
        <source>Measuring…</source>
        <translation>Mäter…</translation>
    </message>
    <message>
        <location filename="../views/labels.py" line="157"/>
        <source>Good</source>
        <translation>Bra</translation>
    </message>
    <message>
        <location filename="../views/labels.py" line="158"/>
        <source>Fair</source>
        <translation>Godtagbar</translation>
    </message>
    <message>
        <location filename="../views/labels.py" line="159"/>
        <source>Poor</source>
        <translation>Dålig</translation>
    </message>
</context>
<context>
    <name>QueueView</name>
    <message>
        <location filename="../views/queue_view.py" line="38"/>
        <source>Waiting now</source>
        <translation>Väntar nu</translation>
    </message>
    <message>
        <location filename="../views/queue_view.py" line="41"/>
        <source>Language</source>
        <translation>Språk</translation>
    </message>
    <message>
        <location filename="../views/queue_view.py" line="41"/>
        <source>Waiting</source>
        <translation>Väntar</translation>
    </message>
    <message>
        <location filename="../views/queue_view.py" line="41"/>
        <source>Longest wait</source>
        <translation>Längst väntan</translation>
    </message>
    <message>
        <location filename="../views/queue_view.py" line="41"/>
        <source>Free</source>
        <translation>Lediga</translation>
    </message>
    <message>
        <location filename="../views/queue_view.py" line="57"/>
        <source>Take next caller (F9)</source>
        <translation>Ta nästa uppringare (F9)</translation>
    </message>
    <message>
        <location filename="../views/queue_view.py" line="74"/>
        <source>%1 (closed)</source>
        <translation>%1 (stängt)</translation>
    </message>
    <message>
        <location filename="../views/queue_view.py" line="82"/>
        <source>Waiting too long, nobody free</source>
        <translation>Väntar för länge, ingen ledig</translation>
    </message>
</context>
<context>
    <name>SignInView</name>
    <message>
        <location filename="../views/sign_in_view.py" line="24"/>
        <source>Kiosklink adviser console</source>
        <translation>Kiosklink rådgivarkonsol</translation>
    </message>
    <message>
        <location filename="../views/sign_in_view.py" line="29"/>
        <source>Sign in</source>
        <translation>Logga in</translation>
    </message>
    <message>
        <location filename="../views/sign_in_view.py" line="45"/>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <location filename="../views/sign_in_view.py" line="46"/>
        <source>Username</source>
        <translation>Användarnamn</translation>
    </message>
    <message>
        <location filename="../views/sign_in_view.py" line="47"/>
        <source>Password</source>
        <translation>Lösenord</translation>
    </message>
    <message>
        <location filename="../views/sign_in_view.py" line="81"/>
        <source>Signing in…</source>
        <translation>Loggar in…</translation>
    </message>
</context>
<context>
    <name>Status</name>
    <message>
        <location filename="../views/labels.py" line="142"/>
        <source>Signed out</source>
        <translation>Utloggad</translation>
    </message>
    <message>
        <location filename="../views/labels.py" line="143"/>
        <source>Signing in…</source>
        <translation>Loggar in…</translation>
    </message>
    <message>
        <location filename="../views/labels.py" line="144"/>
        <source>Connecting…</source>
        <translation>Ansluter…</translation>
    </message>
    <message>
        <location filename="../views/labels.py" line="145"/>
        <source>Away</source>
        <translation>Borta</translation>
    </message>
    <message>
        <location filename="../views/labels.py" line="146"/>
        <source>Available</source>
        <translation>Tillgänglig</translation>
    </message>
    <message>
        <location filename="../views/labels.py" line="147"/>
        <source>Incoming call</source>
        <translation>Inkommande samtal</translation>
    </message>
    <message>
        <location filename="../views/labels.py" line="148"/>
        <source>In a call</source>
        <translation>I samtal</translation>
    </message>
    <message>
        <location filename="../views/labels.py" line="149"/>
        <source>Wrap-up</source>
        <translation>Efterarbete</translation>
    </message>
</context>
<context>
    <name>StatusView</name>
    <message>
        <location filename="../views/status_view.py" line="41"/>
        <source>Available (F6)</source>
        <translation>Tillgänglig (F6)</translation>
    </message>
    <message>
        <location filename="../views/status_view.py" line="46"/>
        <location filename="../views/status_view.py" line="47"/>
        <source>Reason for being away</source>
        <translation>Orsak till frånvaro</translation>
    </message>
    <message>
        <location filename="../views/status_view.py" line="48"/>
        <source>Reason:</source>
        <translation>Orsak:</translation>
    </message>
    <message>
        <location filename="../views/status_view.py" line="50"/>
        <source>Away</source>
        <translation>Borta</translation>
    </message>
    <message>
        <location filename="../views/status_view.py" line="51"/>
        <source>Sign out</source>
        <translation>Logga ut</translation>
    </message>
    <message>
        <location filename="../views/status_view.py" line="88"/>
        <source>%1 · Interpreter</source>
        <translation>%1 · Tolk</translation>
    </message>
    <message>
        <location filename="../views/status_view.py" line="98"/>
        <source>Takes calls in: %1</source>
        <translation>Tar samtal på: %1</translation>
    </message>
    <message>
        <location filename="../views/status_view.py" line="98"/>
        <source>Interprets: %1</source>
        <translation>Tolkar: %1</translation>
    </message>
    <message>
        <location filename="../views/status_view.py" line="107"/>
        <source>No connection to the server. Reconnecting… Calls in progress go on.</source>
        <translation>Ingen anslutning till servern. Återansluter… Pågående samtal fortsätter.</translation>
    </message>
</context>
<context>
    <name>TodayView</name>
    <message>
        <location filename="../views/today_view.py" line="20"/>
        <source>Today</source>
        <translation>I dag</translation>
    </message>
    <message>
        <location filename="../views/today_view.py" line="27"/>
        <source>Calls taken</source>
        <translation>Besvarade samtal</translation>
    </message>
    <message>
        <location filename="../views/today_view.py" line="28"/>
        <source>Average handle time</source>
        <translation>Genomsnittlig hanteringstid</translation>
    </message>
    <message>
        <location filename="../views/today_view.py" line="29"/>
        <source>Rating from residents</source>
        <translation>Betyg från invånare</translation>
    </message>
    <message>
        <location filename="../views/today_view.py" line="30"/>
        <source>Bookings</source>
        <translation>Bokningar</translation>
    </message>
    <message>
        <location filename="../views/today_view.py" line="36"/>
        <location filename="../views/today_view.py" line="46"/>
        <source>Today&apos;s bookings (F10)</source>
        <translation>Dagens bokningar (F10)</translation>
    </message>
    <message>
        <location filename="../views/today_view.py" line="44"/>
        <source>Close bookings (F10)</source>
        <translation>Stäng bokningar (F10)</translation>
    </message>
    <message>
        <location filename="../views/today_view.py" line="52"/>
        <source>no ratings yet</source>
        <translation>inga betyg än</translation>
    </message>
    <message>
        <location filename="../views/today_view.py" line="55"/>
        <source>%1 of 5 (%2 ratings)</source>
        <translation>%1 av 5 (%2 betyg)</translation>
    </message>
    <message>
        <location filename="../views/today_view.py" line="64"/>
        <source>none today</source>
        <translation>inga i dag</translation>
    </message>
    <message>
        <location filename="../views/today_view.py" line="66"/>
        <source>%1 (%2 checked in)</source>
        <translation>%1 (%2 incheckade)</translation>
    </message>
</context>
<context>
    <name>Topic</name>
    <message>
        <location filename="../views/labels.py" line="71"/>
        <source>No topic chosen</source>
        <translation>Inget ärende valt</translation>
    </message>
    <message>
        <location filename="../views/labels.py" line="73"/>
        <source>A letter</source>
        <translation>Ett brev</translation>
    </message>
    <message>
        <location filename="../views/labels.py" line="74"/>
        <source>An application</source>
        <translation>En ansökan</translation>
    </message>
    <message>
        <location filename="../views/labels.py" line="75"/>
        <source>Housing</source>
        <translation>Boende</translation>
    </message>
    <message>
        <location filename="../views/labels.py" line="76"/>
        <source>Work</source>
        <translation>Arbete</translation>
    </message>
    <message>
        <location filename="../views/labels.py" line="77"/>
        <source>Health</source>
        <translation>Hälsa</translation>
    </message>
    <message>
        <location filename="../views/labels.py" line="78"/>
        <source>Something else</source>
        <translation>Något annat</translation>
    </message>
</context>
<context>
    <name>WrapUpView</name>
    <message>
        <location filename="../views/wrap_up_view.py" line="33"/>
        <location filename="../views/wrap_up_view.py" line="94"/>
        <source>Wrap-up</source>
        <translation>Efterarbete</translation>
    </message>
    <message>
        <location filename="../views/wrap_up_view.py" line="38"/>
        <source>Optional, e.g. &apos;help with housing form&apos;</source>
        <translation>Valfritt, t.ex. &apos;hjälp med bostadsblankett&apos;</translation>
    </message>
    <message>
        <location filename="../views/wrap_up_view.py" line="41"/>
        <source>No names, ID numbers, phone numbers, addresses or health details in the note.</source>
        <translation>Inga namn, personnummer, telefonnummer, adresser eller hälsouppgifter i anteckningen.</translation>
    </message>
    <message>
        <location filename="../views/wrap_up_view.py" line="48"/>
        <source>Drop the note and continue</source>
        <translation>Stryk anteckningen och fortsätt</translation>
    </message>
    <message>
        <location filename="../views/wrap_up_view.py" line="49"/>
        <source>Ready for next caller (F5)</source>
        <translation>Redo för nästa (F5)</translation>
    </message>
    <message>
        <location filename="../views/wrap_up_view.py" line="60"/>
        <source>Outcome</source>
        <translation>Utfall</translation>
    </message>
    <message>
        <location filename="../views/wrap_up_view.py" line="61"/>
        <source>Note</source>
        <translation>Anteckning</translation>
    </message>
    <message>
        <location filename="../views/wrap_up_view.py" line="94"/>
        <source>Interpreting ended</source>
        <translation>Tolkningen är avslutad</translation>
    </message>
    <message>
        <location filename="../views/wrap_up_view.py" line="108"/>
        <source>Notes are deleted after 1 day.</source>
        <translation>Anteckningar raderas efter 1 dag.</translation>
    </message>
    <message>
        <location filename="../views/wrap_up_view.py" line="109"/>
        <source>Notes are deleted after %1 days.</source>
        <translation>Anteckningar raderas efter %1 dagar.</translation>
    </message>
    <message>
        <location filename="../views/wrap_up_view.py" line="114"/>
        <source>The outcome is saved, but not the note. It seems to hold: %1. Rewrite the note without it, or drop the note.</source>
        <translation>Utfallet är sparat, men inte anteckningen. Den verkar innehålla: %1. Skriv om anteckningen utan det, eller stryk den.</translation>
    </message>
    <message>
        <location filename="../views/wrap_up_view.py" line="134"/>
        <source>%1 since the call</source>
        <translation>%1 sedan samtalet</translation>
    </message>
    <message>
        <location filename="../views/wrap_up_view.py" line="137"/>
        <source>%1 left</source>
        <translation>%1 kvar</translation>
    </message>
</context>
</TS>
