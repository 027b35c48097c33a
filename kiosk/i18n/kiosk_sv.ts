<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="sv">
<context>
    <name>Kiosk</name>
    <message>
        <source>Talk to an adviser</source>
        <translation>Prata med en rådgivare</translation>
    </message>
    <message>
        <source>Free video call with an adviser who speaks your language</source>
        <translation>Gratis videosamtal med en rådgivare som talar ditt språk</translation>
    </message>
    <message>
        <source>Tap the button to start</source>
        <translation>Tryck på knappen för att börja</translation>
    </message>
    <message>
        <source>The service is closed now.</source>
        <translation>Tjänsten är stängd just nu.</translation>
    </message>
    <message>
        <source>Opens %1</source>
        <translation>Öppnar %1</translation>
    </message>
    <message>
        <source>Connecting to the service…</source>
        <translation>Ansluter till tjänsten…</translation>
    </message>
    <message>
        <source>Nothing is recorded. The camera is off until you start a call.</source>
        <translation>Ingenting spelas in. Kameran är av tills du startar ett samtal.</translation>
    </message>
    <message>
        <source>Choose your language</source>
        <translation>Välj ditt språk</translation>
    </message>
    <message>
        <source>Wait: %1–%2 min</source>
        <translation>Väntetid: %1–%2 min</translation>
    </message>
    <message>
        <source>Short wait</source>
        <translation>Kort väntetid</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Stängt</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Tillbaka</translation>
    </message>
    <message>
        <source>Ready to call</source>
        <translation>Redo att ringa</translation>
    </message>
    <message>
        <source>When you tap Call, the camera and microphone turn on. Nothing is recorded.</source>
        <translation>När du trycker på Ring startar kameran och mikrofonen. Ingenting spelas in.</translation>
    </message>
    <message>
        <source>What is it about? (you can skip this)</source>
        <translation>Vad gäller det? (du kan hoppa över detta)</translation>
    </message>
    <message>
        <source>I also speak (you can skip this)</source>
        <translation>Jag talar också (du kan hoppa över detta)</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>Ring</translation>
    </message>
    <message>
        <source>Housing</source>
        <translation>Boende</translation>
    </message>
    <message>
        <source>Work</source>
        <translation>Arbete</translation>
    </message>
    <message>
        <source>School</source>
        <translation>Skola</translation>
    </message>
    <message>
        <source>Health and care</source>
        <translation>Hälsa och vård</translation>
    </message>
    <message>
        <source>Money and benefits</source>
        <translation>Pengar och bidrag</translation>
    </message>
    <message>
        <source>Something else</source>
        <translation>Något annat</translation>
    </message>
    <message>
        <source>A letter I got</source>
        <translation>Ett brev jag fått</translation>
    </message>
    <message>
        <source>An application or form</source>
        <translation>En ansökan eller blankett</translation>
    </message>
    <message>
        <source>Please wait. An adviser will answer soon.</source>
        <translation>Vänta lite. En rådgivare svarar snart.</translation>
    </message>
    <message>
        <source>Joining the line…</source>
        <translation>Ställer dig i kön…</translation>
    </message>
    <message>
        <source>You are number %1 in line</source>
        <translation>Du är nummer %1 i kön</translation>
    </message>
    <message>
        <source>About %1–%2 minutes</source>
        <translation>Ungefär %1–%2 minuter</translation>
    </message>
    <message>
        <source>This is you. Sit so that your face is in the picture.</source>
        <translation>Det här är du. Sitt så att ditt ansikte syns i bilden.</translation>
    </message>
    <message>
        <source>Nothing is recorded.</source>
        <translation>Ingenting spelas in.</translation>
    </message>
    <message>
        <source>Leave the line</source>
        <translation>Lämna kön</translation>
    </message>
    <message>
        <source>Camera and microphone are on</source>
        <translation>Kamera och mikrofon är på</translation>
    </message>
    <message>
        <source>Camera is on</source>
        <translation>Kameran är på</translation>
    </message>
    <message>
        <source>Microphone is on</source>
        <translation>Mikrofonen är på</translation>
    </message>
    <message>
        <source>Adviser: %1</source>
        <translation>Rådgivare: %1</translation>
    </message>
    <message>
        <source>Connecting the call…</source>
        <translation>Kopplar samtalet…</translation>
    </message>
    <message>
        <source>Mute</source>
        <translation>Mikrofon av</translation>
    </message>
    <message>
        <source>Unmute</source>
        <translation>Mikrofon på</translation>
    </message>
    <message>
        <source>Camera off</source>
        <translation>Kamera av</translation>
    </message>
    <message>
        <source>Camera on</source>
        <translation>Kamera på</translation>
    </message>
    <message>
        <source>Quieter</source>
        <translation>Lägre</translation>
    </message>
    <message>
        <source>Louder</source>
        <translation>Högre</translation>
    </message>
    <message>
        <source>End call</source>
        <translation>Avsluta samtalet</translation>
    </message>
    <message>
        <source>Write here</source>
        <translation>Skriv här</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Skicka</translation>
    </message>
    <message>
        <source>You</source>
        <translation>Du</translation>
    </message>
    <message>
        <source>Keyboard</source>
        <translation>Tangentbord</translation>
    </message>
    <message>
        <source>How was the call?</source>
        <translation>Hur var samtalet?</translation>
    </message>
    <message>
        <source>Very bad</source>
        <translation>Mycket dåligt</translation>
    </message>
    <message>
        <source>Bad</source>
        <translation>Dåligt</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>Okej</translation>
    </message>
    <message>
        <source>Good</source>
        <translation>Bra</translation>
    </message>
    <message>
        <source>Very good</source>
        <translation>Mycket bra</translation>
    </message>
    <message>
        <source>Skip</source>
        <translation>Hoppa över</translation>
    </message>
    <message>
        <source>Thank you! Goodbye.</source>
        <translation>Tack! Hej då.</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Klar</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>Hjälp</translation>
    </message>
    <message>
        <source>Tap the big buttons to go on. Tap Back to go back. Staff nearby can also help you.</source>
        <translation>Tryck på de stora knapparna för att gå vidare. Tryck på Tillbaka för att gå tillbaka. Personalen i närheten kan också hjälpa dig.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Stäng</translation>
    </message>
    <message>
        <source>Are you still there?</source>
        <translation>Är du kvar?</translation>
    </message>
    <message>
        <source>The screen starts over in %1 seconds.</source>
        <translation>Skärmen börjar om om %1 sekunder.</translation>
    </message>
    <message>
        <source>I am still here</source>
        <translation>Jag är kvar</translation>
    </message>
    <message>
        <source>No connection to the service. We keep trying. Please wait.</source>
        <translation>Ingen anslutning till tjänsten. Vi försöker igen. Vänta lite.</translation>
    </message>
    <message>
        <source>This kiosk is out of order. Please ask the staff.</source>
        <translation>Den här kiosken fungerar inte. Fråga personalen.</translation>
    </message>
    <message>
        <source>The connection was lost. We are connecting you again. Please wait.</source>
        <translation>Anslutningen bröts. Vi kopplar upp dig igen. Vänta lite.</translation>
    </message>
    <message>
        <source>The call was cut off. You are back in line. Please wait.</source>
        <translation>Samtalet bröts. Du står i kön igen. Vänta lite.</translation>
    </message>
    <message>
        <source>You are being connected to another adviser.</source>
        <translation>Du kopplas till en annan rådgivare.</translation>
    </message>
    <message>
        <source>The camera does not work. You can still talk, but the adviser cannot see you.</source>
        <translation>Kameran fungerar inte. Du kan ändå prata, men rådgivaren kan inte se dig.</translation>
    </message>
    <message>
        <source>The microphone does not work. You can write to the adviser instead.</source>
        <translation>Mikrofonen fungerar inte. Du kan skriva till rådgivaren i stället.</translation>
    </message>
    <message>
        <source>Nobody answers in this language right now. Choose another language or come back.</source>
        <translation>Ingen svarar på det här språket just nu. Välj ett annat språk eller kom tillbaka senare.</translation>
    </message>
    <message>
        <source>Something went wrong. Please try again.</source>
        <translation>Något gick fel. Försök igen.</translation>
    </message>
    <message>
        <source>Common questions</source>
        <translation>Vanliga frågor</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Sök</translation>
    </message>
    <message>
        <source>Nothing found. Try other words, or choose a topic.</source>
        <translation>Inget hittades. Prova andra ord, eller välj ett ämne.</translation>
    </message>
    <message>
        <source>There are no common questions on this kiosk yet.</source>
        <translation>Det finns inga vanliga frågor på den här skärmen än.</translation>
    </message>
    <message>
        <source>This answer is not translated into your language yet. Here it is in %1.</source>
        <translation>Det här svaret är inte översatt till ditt språk än. Här är det på %1.</translation>
    </message>
    <message>
        <source>The Swedish text has changed since this translation. Ask an adviser if you are unsure.</source>
        <translation>Den svenska texten har ändrats sedan den här översättningen. Fråga en rådgivare om du är osäker.</translation>
    </message>
    <message>
        <source>Read aloud</source>
        <translation>Läs upp</translation>
    </message>
    <message>
        <source>Stop reading</source>
        <translation>Sluta läsa</translation>
    </message>
    <message>
        <source>Did this help?</source>
        <translation>Hjälpte det här?</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Nej</translation>
    </message>
    <message>
        <source>Thank you for telling us.</source>
        <translation>Tack för att du berättade.</translation>
    </message>
    <message>
        <source>Opening hours: %1</source>
        <translation>Öppettider: %1</translation>
    </message>
    <message>
        <source>Phone: %1</source>
        <translation>Telefon: %1</translation>
    </message>
    <message>
        <source>Scan the code with your phone&apos;s camera to open the page.</source>
        <translation>Skanna koden med mobilens kamera för att öppna sidan.</translation>
    </message>
    <message>
        <source>Back to the line</source>
        <translation>Tillbaka till kön</translation>
    </message>
    <message>
        <source>Show a letter</source>
        <translatorcomment>draft for issue #16: needs native review</translatorcomment>
        <translation>Visa ett brev</translation>
    </message>
    <message>
        <source>The adviser asks to see your letter. Show it?</source>
        <translatorcomment>draft for issue #16: needs native review</translatorcomment>
        <translation>Rådgivaren vill se ditt brev. Vill du visa det?</translation>
    </message>
    <message>
        <source>Hold the letter inside the frame</source>
        <translatorcomment>draft for issue #16: needs native review</translatorcomment>
        <translation>Håll brevet inom ramen</translation>
    </message>
    <message>
        <source>Take picture</source>
        <translatorcomment>draft for issue #16: needs native review</translatorcomment>
        <translation>Ta bild</translation>
    </message>
    <message>
        <source>Taking the picture…</source>
        <translatorcomment>draft for issue #16: needs native review</translatorcomment>
        <translation>Tar bilden…</translation>
    </message>
    <message>
        <source>Can you read the letter in the picture?</source>
        <translatorcomment>draft for issue #16: needs native review</translatorcomment>
        <translation>Kan du läsa brevet på bilden?</translation>
    </message>
    <message>
        <source>Send to adviser</source>
        <translatorcomment>draft for issue #16: needs native review</translatorcomment>
        <translation>Skicka till rådgivaren</translation>
    </message>
    <message>
        <source>Take again</source>
        <translatorcomment>draft for issue #16: needs native review</translatorcomment>
        <translation>Ta om</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translatorcomment>draft for issue #16: needs native review</translatorcomment>
        <translation>Avbryt</translation>
    </message>
    <message>
        <source>Sending… %1%</source>
        <translatorcomment>draft for issue #16: needs native review</translatorcomment>
        <translation>Skickar… %1%</translation>
    </message>
    <message>
        <source>Sent. The adviser can see the page now.</source>
        <translatorcomment>draft for issue #16: needs native review</translatorcomment>
        <translation>Skickat. Rådgivaren kan se sidan nu.</translation>
    </message>
    <message>
        <source>Show another page</source>
        <translatorcomment>draft for issue #16: needs native review</translatorcomment>
        <translation>Visa en sida till</translation>
    </message>
    <message>
        <source>The picture is not saved. It is gone when the call ends.</source>
        <translatorcomment>draft for issue #16: needs native review</translatorcomment>
        <translation>Bilden sparas inte. Den försvinner när samtalet slutar.</translation>
    </message>
    <message>
        <source>You cannot show more pages in this call.</source>
        <translatorcomment>draft for issue #16: needs native review</translatorcomment>
        <translation>Du kan inte visa fler sidor i det här samtalet.</translation>
    </message>
    <message>
        <source>The camera did not take a picture. Please try again.</source>
        <translatorcomment>draft for issue #16: needs native review</translatorcomment>
        <translation>Kameran tog ingen bild. Försök igen.</translation>
    </message>
    <message>
        <source>The page did not reach the adviser. Please send it again.</source>
        <translatorcomment>draft for issue #16: needs native review</translatorcomment>
        <translation>Sidan kom inte fram till rådgivaren. Skicka den igen.</translation>
    </message>
    <message>
        <source>Adviser</source>
        <translatorcomment>draft for issue #16: needs native review</translatorcomment>
        <translation>Rådgivare</translation>
    </message>
    <message>
        <source>Interpreter</source>
        <translatorcomment>draft for issue #16: needs native review</translatorcomment>
        <translation>Tolk</translation>
    </message>
    <message>
        <source>An interpreter is being called</source>
        <translatorcomment>draft for issue #16: needs native review</translatorcomment>
        <translation>En tolk kallas in</translation>
    </message>
    <message>
        <source>The interpreter has left. The call goes on.</source>
        <translatorcomment>draft for issue #16: needs native review</translatorcomment>
        <translation>Tolken har lämnat samtalet. Samtalet fortsätter.</translation>
    </message>
    <message>
        <source>Staff: enter the PIN</source>
        <translation>Personal: ange PIN-koden</translation>
    </message>
    <message>
        <source>Wrong PIN</source>
        <translation>Fel PIN-kod</translation>
    </message>
    <message>
        <source>Book a time</source>
        <translation>Boka en tid</translation>
    </message>
    <message>
        <source>I have a code</source>
        <translation>Jag har en kod</translation>
    </message>
    <message>
        <source>Take a ticket and come back later</source>
        <translation>Ta en kölapp och kom tillbaka senare</translation>
    </message>
    <message>
        <source>Choose a day</source>
        <translation>Välj en dag</translation>
    </message>
    <message>
        <source>Choose a time</source>
        <translation>Välj en tid</translation>
    </message>
    <message>
        <source>Looking for free times…</source>
        <translation>Letar efter lediga tider…</translation>
    </message>
    <message>
        <source>There are no free times to book right now. Please try again later.</source>
        <translation>Det finns inga lediga tider att boka just nu. Försök igen senare.</translation>
    </message>
    <message>
        <source>Book this time?</source>
        <translation>Boka den här tiden?</translation>
    </message>
    <message>
        <source>You do not need to give your name.</source>
        <translation>Du behöver inte uppge ditt namn.</translation>
    </message>
    <message>
        <source>Book</source>
        <translation>Boka</translation>
    </message>
    <message>
        <source>Your time is booked</source>
        <translation>Din tid är bokad</translation>
    </message>
    <message>
        <source>Take a photo of the code or write it down. Show it at any kiosk between %1 and %2.</source>
        <translation>Ta en bild av koden eller skriv upp den. Visa den vid valfri kiosk mellan %1 och %2.</translation>
    </message>
    <message>
        <source>Your place in line is kept</source>
        <translation>Din plats i kön är sparad</translation>
    </message>
    <message>
        <source>Show the code at any kiosk before %1 to get your place back.</source>
        <translation>Visa koden vid valfri kiosk före %1 för att få tillbaka din plats.</translation>
    </message>
    <message>
        <source>Show your code to the camera, or type it</source>
        <translation>Visa din kod för kameran, eller skriv den</translation>
    </message>
    <message>
        <source>The camera only reads the code. Nothing is recorded.</source>
        <translation>Kameran läser bara koden. Ingenting spelas in.</translation>
    </message>
    <message>
        <source>Check in</source>
        <translation>Checka in</translation>
    </message>
    <message>
        <source>This code is not right. Check it and try again.</source>
        <translation>Koden stämmer inte. Kontrollera den och försök igen.</translation>
    </message>
    <message>
        <source>This code has already been used.</source>
        <translation>Koden har redan använts.</translation>
    </message>
    <message>
        <source>This code is no longer valid. You can book a new time.</source>
        <translation>Koden gäller inte längre. Du kan boka en ny tid.</translation>
    </message>
    <message>
        <source>You are early. You can check in from %1.</source>
        <translation>Du är tidig. Du kan checka in från %1.</translation>
    </message>
    <message>
        <source>Your booked time has passed. You can wait in the line instead.</source>
        <translation>Din bokade tid har passerat. Du kan vänta i kön i stället.</translation>
    </message>
    <message>
        <source>The service is closed now. Your code works from %1.</source>
        <translation>Tjänsten är stängd nu. Din kod fungerar från %1.</translation>
    </message>
    <message>
        <source>Too many wrong codes. Please try again at %1 or ask the staff.</source>
        <translation>För många felaktiga koder. Försök igen %1 eller fråga personalen.</translation>
    </message>
    <message>
        <source>Someone else has just booked this time. Please choose another.</source>
        <translation>Någon annan har just bokat den här tiden. Välj en annan.</translation>
    </message>
    <message>
        <source>This time is too soon to book. Please choose a later one.</source>
        <translation>Den här tiden är för nära för att boka. Välj en senare.</translation>
    </message>
    <message>
        <source>This kiosk cannot book more times now. Please try again at %1.</source>
        <translation>Den här kiosken kan inte boka fler tider nu. Försök igen %1.</translation>
    </message>
    <message>
        <source>Wait in the line</source>
        <translation>Vänta i kön</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Försök igen</translation>
    </message>
</context>
</TS>
