<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fi">
<context>
    <name>Kiosk</name>
    <message>
        <source>Talk to an adviser</source>
        <translation>Puhu neuvojan kanssa</translation>
    </message>
    <message>
        <source>Free video call with an adviser who speaks your language</source>
        <translation>Maksuton videopuhelu neuvojan kanssa, joka puhuu kieltäsi</translation>
    </message>
    <message>
        <source>Tap the button to start</source>
        <translation>Aloita painamalla painiketta</translation>
    </message>
    <message>
        <source>The service is closed now.</source>
        <translation>Palvelu on nyt suljettu.</translation>
    </message>
    <message>
        <source>Opens %1</source>
        <translation>Avautuu %1</translation>
    </message>
    <message>
        <source>Connecting to the service…</source>
        <translation>Yhdistetään palveluun…</translation>
    </message>
    <message>
        <source>Nothing is recorded. The camera is off until you start a call.</source>
        <translation>Mitään ei tallenneta. Kamera on pois päältä, kunnes aloitat puhelun.</translation>
    </message>
    <message>
        <source>Choose your language</source>
        <translation>Valitse kielesi</translation>
    </message>
    <message>
        <source>Wait: %1–%2 min</source>
        <translation>Odotus: %1–%2 min</translation>
    </message>
    <message>
        <source>Short wait</source>
        <translation>Lyhyt odotus</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Suljettu</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Takaisin</translation>
    </message>
    <message>
        <source>Ready to call</source>
        <translation>Valmis soittamaan</translation>
    </message>
    <message>
        <source>When you tap Call, the camera and microphone turn on. Nothing is recorded.</source>
        <translation>Kun painat Soita, kamera ja mikrofoni menevät päälle. Mitään ei tallenneta.</translation>
    </message>
    <message>
        <source>What is it about? (you can skip this)</source>
        <translation>Mitä asia koskee? (voit ohittaa tämän)</translation>
    </message>
    <message>
        <source>I also speak (you can skip this)</source>
        <translation>Puhun myös (voit ohittaa tämän)</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>Soita</translation>
    </message>
    <message>
        <source>Housing</source>
        <translation>Asuminen</translation>
    </message>
    <message>
        <source>Work</source>
        <translation>Työ</translation>
    </message>
    <message>
        <source>School</source>
        <translation>Koulu</translation>
    </message>
    <message>
        <source>Health and care</source>
        <translation>Terveys ja hoiva</translation>
    </message>
    <message>
        <source>Money and benefits</source>
        <translation>Raha ja tuet</translation>
    </message>
    <message>
        <source>Something else</source>
        <translation>Jokin muu</translation>
    </message>
    <message>
        <source>A letter I got</source>
        <translation>Saamani kirje</translation>
    </message>
    <message>
        <source>An application or form</source>
        <translation>Hakemus tai lomake</translation>
    </message>
    <message>
        <source>Please wait. An adviser will answer soon.</source>
        <translation>Odota hetki. Neuvoja vastaa pian.</translation>
    </message>
    <message>
        <source>Joining the line…</source>
        <translation>Sinua lisätään jonoon…</translation>
    </message>
    <message>
        <source>You are number %1 in line</source>
        <translation>Olet jonossa numero %1</translation>
    </message>
    <message>
        <source>About %1–%2 minutes</source>
        <translation>Noin %1–%2 minuuttia</translation>
    </message>
    <message>
        <source>This is you. Sit so that your face is in the picture.</source>
        <translation>Tämä olet sinä. Istu niin, että kasvosi näkyvät kuvassa.</translation>
    </message>
    <message>
        <source>Nothing is recorded.</source>
        <translation>Mitään ei tallenneta.</translation>
    </message>
    <message>
        <source>Leave the line</source>
        <translation>Poistu jonosta</translation>
    </message>
    <message>
        <source>Camera and microphone are on</source>
        <translation>Kamera ja mikrofoni ovat päällä</translation>
    </message>
    <message>
        <source>Camera is on</source>
        <translation>Kamera on päällä</translation>
    </message>
    <message>
        <source>Microphone is on</source>
        <translation>Mikrofoni on päällä</translation>
    </message>
    <message>
        <source>Adviser: %1</source>
        <translation>Neuvoja: %1</translation>
    </message>
    <message>
        <source>Connecting the call…</source>
        <translation>Puhelua yhdistetään…</translation>
    </message>
    <message>
        <source>Mute</source>
        <translation>Mykistä</translation>
    </message>
    <message>
        <source>Unmute</source>
        <translation>Poista mykistys</translation>
    </message>
    <message>
        <source>Camera off</source>
        <translation>Kamera pois</translation>
    </message>
    <message>
        <source>Camera on</source>
        <translation>Kamera päälle</translation>
    </message>
    <message>
        <source>Quieter</source>
        <translation>Hiljemmalle</translation>
    </message>
    <message>
        <source>Louder</source>
        <translation>Kovemmalle</translation>
    </message>
    <message>
        <source>End call</source>
        <translation>Lopeta puhelu</translation>
    </message>
    <message>
        <source>Write here</source>
        <translation>Kirjoita tähän</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Lähetä</translation>
    </message>
    <message>
        <source>You</source>
        <translation>Sinä</translation>
    </message>
    <message>
        <source>Keyboard</source>
        <translation>Näppäimistö</translation>
    </message>
    <message>
        <source>How was the call?</source>
        <translation>Millainen puhelu oli?</translation>
    </message>
    <message>
        <source>Very bad</source>
        <translation>Erittäin huono</translation>
    </message>
    <message>
        <source>Bad</source>
        <translation>Huono</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>Kohtalainen</translation>
    </message>
    <message>
        <source>Good</source>
        <translation>Hyvä</translation>
    </message>
    <message>
        <source>Very good</source>
        <translation>Erittäin hyvä</translation>
    </message>
    <message>
        <source>Skip</source>
        <translation>Ohita</translation>
    </message>
    <message>
        <source>Thank you! Goodbye.</source>
        <translation>Kiitos! Näkemiin.</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Valmis</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>Apua</translation>
    </message>
    <message>
        <source>Tap the big buttons to go on. Tap Back to go back. Staff nearby can also help you.</source>
        <translation>Jatka painamalla isoja painikkeita. Palaa painamalla Takaisin. Lähellä oleva henkilökunta voi myös auttaa.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Sulje</translation>
    </message>
    <message>
        <source>Are you still there?</source>
        <translation>Oletko vielä siellä?</translation>
    </message>
    <message>
        <source>The screen starts over in %1 seconds.</source>
        <translation>Näyttö alkaa alusta %1 sekunnin kuluttua.</translation>
    </message>
    <message>
        <source>I am still here</source>
        <translation>Olen vielä täällä</translation>
    </message>
    <message>
        <source>No connection to the service. We keep trying. Please wait.</source>
        <translation>Ei yhteyttä palveluun. Yritämme uudelleen. Odota hetki.</translation>
    </message>
    <message>
        <source>This kiosk is out of order. Please ask the staff.</source>
        <translation>Tämä laite ei toimi. Kysy henkilökunnalta.</translation>
    </message>
    <message>
        <source>The connection was lost. We are connecting you again. Please wait.</source>
        <translation>Yhteys katkesi. Yhdistämme sinut uudelleen. Odota hetki.</translation>
    </message>
    <message>
        <source>The call was cut off. You are back in line. Please wait.</source>
        <translation>Puhelu katkesi. Olet taas jonossa. Odota hetki.</translation>
    </message>
    <message>
        <source>You are being connected to another adviser.</source>
        <translation>Sinut yhdistetään toiselle neuvojalle.</translation>
    </message>
    <message>
        <source>The camera does not work. You can still talk, but the adviser cannot see you.</source>
        <translation>Kamera ei toimi. Voit silti puhua, mutta neuvoja ei näe sinua.</translation>
    </message>
    <message>
        <source>The microphone does not work. You can write to the adviser instead.</source>
        <translation>Mikrofoni ei toimi. Voit kirjoittaa neuvojalle.</translation>
    </message>
    <message>
        <source>Nobody answers in this language right now. Choose another language or come back.</source>
        <translation>Tällä kielellä ei vastata juuri nyt. Valitse toinen kieli tai palaa myöhemmin.</translation>
    </message>
    <message>
        <source>Something went wrong. Please try again.</source>
        <translation>Jokin meni vikaan. Yritä uudelleen.</translation>
    </message>
    <message>
        <source>Common questions</source>
        <translation>Usein kysytyt kysymykset</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Hae</translation>
    </message>
    <message>
        <source>Nothing found. Try other words, or choose a topic.</source>
        <translation>Mitään ei löytynyt. Kokeile muita sanoja tai valitse aihe.</translation>
    </message>
    <message>
        <source>There are no common questions on this kiosk yet.</source>
        <translation>Tässä kioskissa ei ole vielä usein kysyttyjä kysymyksiä.</translation>
    </message>
    <message>
        <source>This answer is not translated into your language yet. Here it is in %1.</source>
        <translation>Tätä vastausta ei ole vielä käännetty kielellesi. Tässä se on kielellä %1.</translation>
    </message>
    <message>
        <source>The Swedish text has changed since this translation. Ask an adviser if you are unsure.</source>
        <translation>Ruotsinkielinen teksti on muuttunut tämän käännöksen jälkeen. Kysy neuvojalta, jos olet epävarma.</translation>
    </message>
    <message>
        <source>Read aloud</source>
        <translation>Lue ääneen</translation>
    </message>
    <message>
        <source>Stop reading</source>
        <translation>Lopeta lukeminen</translation>
    </message>
    <message>
        <source>Did this help?</source>
        <translation>Auttoiko tämä?</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Kyllä</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Ei</translation>
    </message>
    <message>
        <source>Thank you for telling us.</source>
        <translation>Kiitos, että kerroit.</translation>
    </message>
    <message>
        <source>Opening hours: %1</source>
        <translation>Aukioloajat: %1</translation>
    </message>
    <message>
        <source>Phone: %1</source>
        <translation>Puhelin: %1</translation>
    </message>
    <message>
        <source>Scan the code with your phone&apos;s camera to open the page.</source>
        <translation>Skannaa koodi puhelimesi kameralla avataksesi sivun.</translation>
    </message>
    <message>
        <source>Back to the line</source>
        <translation>Takaisin jonoon</translation>
    </message>
    <message>
        <source>Show a letter</source>
        <translatorcomment>draft for issue #16: needs native review</translatorcomment>
        <translation>Näytä kirje</translation>
    </message>
    <message>
        <source>The adviser asks to see your letter. Show it?</source>
        <translatorcomment>draft for issue #16: needs native review</translatorcomment>
        <translation>Neuvoja pyytää nähdä kirjeesi. Näytätkö sen?</translation>
    </message>
    <message>
        <source>Hold the letter inside the frame</source>
        <translatorcomment>draft for issue #16: needs native review</translatorcomment>
        <translation>Pidä kirje kehyksen sisällä</translation>
    </message>
    <message>
        <source>Take picture</source>
        <translatorcomment>draft for issue #16: needs native review</translatorcomment>
        <translation>Ota kuva</translation>
    </message>
    <message>
        <source>Taking the picture…</source>
        <translatorcomment>draft for issue #16: needs native review</translatorcomment>
        <translation>Kuvaa otetaan…</translation>
    </message>
    <message>
        <source>Can you read the letter in the picture?</source>
        <translatorcomment>draft for issue #16: needs native review</translatorcomment>
        <translation>Pystytkö lukemaan kirjeen kuvasta?</translation>
    </message>
    <message>
        <source>Send to adviser</source>
        <translatorcomment>draft for issue #16: needs native review</translatorcomment>
        <translation>Lähetä neuvojalle</translation>
    </message>
    <message>
        <source>Take again</source>
        <translatorcomment>draft for issue #16: needs native review</translatorcomment>
        <translation>Ota uudelleen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translatorcomment>draft for issue #16: needs native review</translatorcomment>
        <translation>Peruuta</translation>
    </message>
    <message>
        <source>Sending… %1%</source>
        <translatorcomment>draft for issue #16: needs native review</translatorcomment>
        <translation>Lähetetään… %1%</translation>
    </message>
    <message>
        <source>Sent. The adviser can see the page now.</source>
        <translatorcomment>draft for issue #16: needs native review</translatorcomment>
        <translation>Lähetetty. Neuvoja näkee sivun nyt.</translation>
    </message>
    <message>
        <source>Show another page</source>
        <translatorcomment>draft for issue #16: needs native review</translatorcomment>
        <translation>Näytä toinen sivu</translation>
    </message>
    <message>
        <source>The picture is not saved. It is gone when the call ends.</source>
        <translatorcomment>draft for issue #16: needs native review</translatorcomment>
        <translation>Kuvaa ei tallenneta. Se häviää, kun puhelu päättyy.</translation>
    </message>
    <message>
        <source>You cannot show more pages in this call.</source>
        <translatorcomment>draft for issue #16: needs native review</translatorcomment>
        <translation>Tässä puhelussa ei voi näyttää enempää sivuja.</translation>
    </message>
    <message>
        <source>The camera did not take a picture. Please try again.</source>
        <translatorcomment>draft for issue #16: needs native review</translatorcomment>
        <translation>Kamera ei ottanut kuvaa. Yritä uudelleen.</translation>
    </message>
    <message>
        <source>The page did not reach the adviser. Please send it again.</source>
        <translatorcomment>draft for issue #16: needs native review</translatorcomment>
        <translation>Sivu ei mennyt perille neuvojalle. Lähetä se uudelleen.</translation>
    </message>
    <message>
        <source>Adviser</source>
        <translatorcomment>draft for issue #16: needs native review</translatorcomment>
        <translation>Neuvoja</translation>
    </message>
    <message>
        <source>Interpreter</source>
        <translatorcomment>draft for issue #16: needs native review</translatorcomment>
        <translation>Tulkki</translation>
    </message>
    <message>
        <source>An interpreter is being called</source>
        <translatorcomment>draft for issue #16: needs native review</translatorcomment>
        <translation>Tulkkia kutsutaan</translation>
    </message>
    <message>
        <source>The interpreter has left. The call goes on.</source>
        <translatorcomment>draft for issue #16: needs native review</translatorcomment>
        <translation>Tulkki lähti. Puhelu jatkuu.</translation>
    </message>
    <message>
        <source>Staff: enter the PIN</source>
        <translation>Henkilökunta: anna PIN-koodi</translation>
    </message>
    <message>
        <source>Wrong PIN</source>
        <translation>Väärä PIN-koodi</translation>
    </message>
    <message>
        <source>Book a time</source>
        <translation>Varaa aika</translation>
    </message>
    <message>
        <source>I have a code</source>
        <translation>Minulla on koodi</translation>
    </message>
    <message>
        <source>Take a ticket and come back later</source>
        <translation>Ota vuoronumero ja tule myöhemmin takaisin</translation>
    </message>
    <message>
        <source>Choose a day</source>
        <translation>Valitse päivä</translation>
    </message>
    <message>
        <source>Choose a time</source>
        <translation>Valitse aika</translation>
    </message>
    <message>
        <source>Looking for free times…</source>
        <translation>Etsitään vapaita aikoja…</translation>
    </message>
    <message>
        <source>There are no free times to book right now. Please try again later.</source>
        <translation>Vapaita aikoja ei ole juuri nyt. Yritä myöhemmin uudelleen.</translation>
    </message>
    <message>
        <source>Book this time?</source>
        <translation>Varataanko tämä aika?</translation>
    </message>
    <message>
        <source>You do not need to give your name.</source>
        <translation>Sinun ei tarvitse kertoa nimeäsi.</translation>
    </message>
    <message>
        <source>Book</source>
        <translation>Varaa</translation>
    </message>
    <message>
        <source>Your time is booked</source>
        <translation>Aikasi on varattu</translation>
    </message>
    <message>
        <source>Take a photo of the code or write it down. Show it at any kiosk between %1 and %2.</source>
        <translation>Ota koodista kuva tai kirjoita se muistiin. Näytä se missä tahansa kioskissa välillä %1–%2.</translation>
    </message>
    <message>
        <source>Your place in line is kept</source>
        <translation>Paikkasi jonossa on tallessa</translation>
    </message>
    <message>
        <source>Show the code at any kiosk before %1 to get your place back.</source>
        <translation>Näytä koodi missä tahansa kioskissa ennen %1, niin saat paikkasi takaisin.</translation>
    </message>
    <message>
        <source>Show your code to the camera, or type it</source>
        <translation>Näytä koodisi kameralle tai kirjoita se</translation>
    </message>
    <message>
        <source>The camera only reads the code. Nothing is recorded.</source>
        <translation>Kamera vain lukee koodin. Mitään ei tallenneta.</translation>
    </message>
    <message>
        <source>Check in</source>
        <translation>Ilmoittaudu</translation>
    </message>
    <message>
        <source>This code is not right. Check it and try again.</source>
        <translation>Koodi ei ole oikein. Tarkista se ja yritä uudelleen.</translation>
    </message>
    <message>
        <source>This code has already been used.</source>
        <translation>Koodi on jo käytetty.</translation>
    </message>
    <message>
        <source>This code is no longer valid. You can book a new time.</source>
        <translation>Koodi ei ole enää voimassa. Voit varata uuden ajan.</translation>
    </message>
    <message>
        <source>You are early. You can check in from %1.</source>
        <translation>Olet etuajassa. Voit ilmoittautua alkaen %1.</translation>
    </message>
    <message>
        <source>Your booked time has passed. You can wait in the line instead.</source>
        <translation>Varattu aikasi on mennyt. Voit odottaa jonossa sen sijaan.</translation>
    </message>
    <message>
        <source>The service is closed now. Your code works from %1.</source>
        <translation>Palvelu on nyt suljettu. Koodisi toimii alkaen %1.</translation>
    </message>
    <message>
        <source>Too many wrong codes. Please try again at %1 or ask the staff.</source>
        <translation>Liian monta väärää koodia. Yritä uudelleen %1 tai kysy henkilökunnalta.</translation>
    </message>
    <message>
        <source>Someone else has just booked this time. Please choose another.</source>
        <translation>Joku muu varasi juuri tämän ajan. Valitse toinen.</translation>
    </message>
    <message>
        <source>This time is too soon to book. Please choose a later one.</source>
        <translation>Tämä aika on liian pian varattavaksi. Valitse myöhäisempi.</translation>
    </message>
    <message>
        <source>This kiosk cannot book more times now. Please try again at %1.</source>
        <translation>Tämä kioski ei voi varata enempää aikoja nyt. Yritä uudelleen %1.</translation>
    </message>
    <message>
        <source>Wait in the line</source>
        <translation>Odota jonossa</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Yritä uudelleen</translation>
    </message>
</context>
</TS>
