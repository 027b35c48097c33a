<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="se">
<context>
    <name>Kiosk</name>
    <message>
        <source>Talk to an adviser</source>
        <translation>Hupmal ráđđeaddiin</translation>
    </message>
    <message>
        <source>Free video call with an adviser who speaks your language</source>
        <translation>Nuvttá videoriŋgen ráđđeaddiin gii hállá du giela</translation>
    </message>
    <message>
        <source>Tap the button to start</source>
        <translation>Deaddil boalu vai álggát</translation>
    </message>
    <message>
        <source>The service is closed now.</source>
        <translation>Bálvalus lea dál giddejuvvon.</translation>
    </message>
    <message>
        <source>Opens %1</source>
        <translation>Rahppo %1</translation>
    </message>
    <message>
        <source>Connecting to the service…</source>
        <translation>Čatnamin bálvalussii…</translation>
    </message>
    <message>
        <source>Nothing is recorded. The camera is off until you start a call.</source>
        <translation>Mihkkege ii báddejuvvo. Kamera lea čáhkaduvvon dassážii go riŋget.</translation>
    </message>
    <message>
        <source>Choose your language</source>
        <translation>Vállje giela</translation>
    </message>
    <message>
        <source>Wait: %1–%2 min</source>
        <translation>Vuordin: %1–%2 min</translation>
    </message>
    <message>
        <source>Short wait</source>
        <translation>Oanehis vuordin</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Giddejuvvon</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Ruovttoluotta</translation>
    </message>
    <message>
        <source>Ready to call</source>
        <translation>Gearggus riŋget</translation>
    </message>
    <message>
        <source>When you tap Call, the camera and microphone turn on. Nothing is recorded.</source>
        <translation>Go deaddilat Riŋge, de kamera ja mikrofovdna álggahuvvojit. Mihkkege ii báddejuvvo.</translation>
    </message>
    <message>
        <source>What is it about? (you can skip this)</source>
        <translation>Maid guoská? (sáhtát dán njuiket badjel)</translation>
    </message>
    <message>
        <source>I also speak (you can skip this)</source>
        <translation>Hálan maiddái dáid gielaid (sáhtát dán njuiket badjel)</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>Riŋge</translation>
    </message>
    <message>
        <source>Housing</source>
        <translation>Ássan</translation>
    </message>
    <message>
        <source>Work</source>
        <translation>Bargu</translation>
    </message>
    <message>
        <source>School</source>
        <translation>Skuvla</translation>
    </message>
    <message>
        <source>Health and care</source>
        <translation>Dearvvašvuohta ja divššus</translation>
    </message>
    <message>
        <source>Money and benefits</source>
        <translation>Ruhta ja doarjagat</translation>
    </message>
    <message>
        <source>Something else</source>
        <translation>Juoga eará</translation>
    </message>
    <message>
        <source>A letter I got</source>
        <translation>Reive maid ožžon</translation>
    </message>
    <message>
        <source>An application or form</source>
        <translation>Ohcan dahje skovvi</translation>
    </message>
    <message>
        <source>Please wait. An adviser will answer soon.</source>
        <translation>Vuordde veaháš. Ráđđeaddi vástida fargga.</translation>
    </message>
    <message>
        <source>Joining the line…</source>
        <translation>Searvamin vuordinlistui…</translation>
    </message>
    <message>
        <source>You are number %1 in line</source>
        <translation>Don leat nummar %1 vuordinlisttus</translation>
    </message>
    <message>
        <source>About %1–%2 minutes</source>
        <translation>Sullii %1–%2 minuhta</translation>
    </message>
    <message>
        <source>This is you. Sit so that your face is in the picture.</source>
        <translation>Dát leat don. Čohkkán nu ahte du ámadadju lea govas.</translation>
    </message>
    <message>
        <source>Nothing is recorded.</source>
        <translation>Mihkkege ii báddejuvvo.</translation>
    </message>
    <message>
        <source>Leave the line</source>
        <translation>Vuolgge vuordinlisttus</translation>
    </message>
    <message>
        <source>Camera and microphone are on</source>
        <translation>Kamera ja mikrofovdna leat doaimmas</translation>
    </message>
    <message>
        <source>Camera is on</source>
        <translation>Kamera lea doaimmas</translation>
    </message>
    <message>
        <source>Microphone is on</source>
        <translation>Mikrofovdna lea doaimmas</translation>
    </message>
    <message>
        <source>Adviser: %1</source>
        <translation>Ráđđeaddi: %1</translation>
    </message>
    <message>
        <source>Connecting the call…</source>
        <translation>Čatnamin riŋgema…</translation>
    </message>
    <message>
        <source>Mute</source>
        <translation>Jaskkodahte</translation>
    </message>
    <message>
        <source>Unmute</source>
        <translation>Jietna fas</translation>
    </message>
    <message>
        <source>Camera off</source>
        <translation>Kamera eret</translation>
    </message>
    <message>
        <source>Camera on</source>
        <translation>Kamera fas</translation>
    </message>
    <message>
        <source>Quieter</source>
        <translation>Jaskadeappot</translation>
    </message>
    <message>
        <source>Louder</source>
        <translation>Jitnoseappot</translation>
    </message>
    <message>
        <source>End call</source>
        <translation>Loahpat riŋgema</translation>
    </message>
    <message>
        <source>Write here</source>
        <translation>Čále dása</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Sádde</translation>
    </message>
    <message>
        <source>You</source>
        <translation>Don</translation>
    </message>
    <message>
        <source>Keyboard</source>
        <translation>Boallobeavdi</translation>
    </message>
    <message>
        <source>How was the call?</source>
        <translation>Mo riŋgen manai?</translation>
    </message>
    <message>
        <source>Very bad</source>
        <translation>Hui heittot</translation>
    </message>
    <message>
        <source>Bad</source>
        <translation>Heittot</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>Dohkká</translation>
    </message>
    <message>
        <source>Good</source>
        <translation>Buorre</translation>
    </message>
    <message>
        <source>Very good</source>
        <translation>Hui buorre</translation>
    </message>
    <message>
        <source>Skip</source>
        <translation>Njuike</translation>
    </message>
    <message>
        <source>Thank you! Goodbye.</source>
        <translation>Giitu! Báze dearvan.</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Gearggus</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>Veahkki</translation>
    </message>
    <message>
        <source>Tap the big buttons to go on. Tap Back to go back. Staff nearby can also help you.</source>
        <translation>Deaddil stuorra boaluid vai joatkit. Deaddil Ruovttoluotta vai máhcat. Bargit lahkosis sáhttet maiddái veahkehit du.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Gidde</translation>
    </message>
    <message>
        <source>Are you still there?</source>
        <translation>Leatgo ain dás?</translation>
    </message>
    <message>
        <source>The screen starts over in %1 seconds.</source>
        <translation>Šearbma álgá ođđasit %1 sekunddas.</translation>
    </message>
    <message>
        <source>I am still here</source>
        <translation>Mun lean ain dás</translation>
    </message>
    <message>
        <source>No connection to the service. We keep trying. Please wait.</source>
        <translation>Ii leat oktavuohta bálvalussii. Geahččalit ain. Vuordde veaháš.</translation>
    </message>
    <message>
        <source>This kiosk is out of order. Please ask the staff.</source>
        <translation>Dát kiosk ii doaimma. Jeara bargiin.</translation>
    </message>
    <message>
        <source>The connection was lost. We are connecting you again. Please wait.</source>
        <translation>Oktavuohta bottihii. Čatnat du fas. Vuordde veaháš.</translation>
    </message>
    <message>
        <source>The call was cut off. You are back in line. Please wait.</source>
        <translation>Riŋgen bottihii. Don leat fas vuordinlisttus. Vuordde veaháš.</translation>
    </message>
    <message>
        <source>You are being connected to another adviser.</source>
        <translation>Don čatnojuvvot eará ráđđeaddái.</translation>
    </message>
    <message>
        <source>The camera does not work. You can still talk, but the adviser cannot see you.</source>
        <translation>Kamera ii doaimma. Sáhtát ain hupmat, muhto ráđđeaddi ii oainne du.</translation>
    </message>
    <message>
        <source>The microphone does not work. You can write to the adviser instead.</source>
        <translation>Mikrofovdna ii doaimma. Sáhtát baicca čállit ráđđeaddái.</translation>
    </message>
    <message>
        <source>Nobody answers in this language right now. Choose another language or come back.</source>
        <translation>Dál ii oktage vástit dán gillii. Vállje eará giela dahje boađe maŋŋelaš.</translation>
    </message>
    <message>
        <source>Something went wrong. Please try again.</source>
        <translation>Juoga manai boastut. Geahččal ođđasit.</translation>
    </message>
    <message>
        <source>Common questions</source>
        <translation>Dábálaš gažaldagat</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Oza</translation>
    </message>
    <message>
        <source>Nothing found. Try other words, or choose a topic.</source>
        <translation>Ii gávdnon mihkkige. Geahččal eará sániid, dahje vállje fáttá.</translation>
    </message>
    <message>
        <source>There are no common questions on this kiosk yet.</source>
        <translation>Dán kioskkas eai leat vel dábálaš gažaldagat.</translation>
    </message>
    <message>
        <source>This answer is not translated into your language yet. Here it is in %1.</source>
        <translation>Dát vástádus ii leat vel jorgaluvvon du gillii. Dás dat lea %1.</translation>
    </message>
    <message>
        <source>The Swedish text has changed since this translation. Ask an adviser if you are unsure.</source>
        <translation>Ruoŧagiel teaksta lea rievdan dán jorgalusa maŋŋá. Jeara ráđđeaddis jus it leat sihkkar.</translation>
    </message>
    <message>
        <source>Read aloud</source>
        <translation>Loga jitnosit</translation>
    </message>
    <message>
        <source>Stop reading</source>
        <translation>Heaittit lohkama</translation>
    </message>
    <message>
        <source>Did this help?</source>
        <translation>Veahkehii go dát?</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Juo</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Ii</translation>
    </message>
    <message>
        <source>Thank you for telling us.</source>
        <translation>Giitu go muitalit midjiide.</translation>
    </message>
    <message>
        <source>Opening hours: %1</source>
        <translation>Rahpanáiggit: %1</translation>
    </message>
    <message>
        <source>Phone: %1</source>
        <translation>Telefovdna: %1</translation>
    </message>
    <message>
        <source>Scan the code with your phone&apos;s camera to open the page.</source>
        <translation>Skánne koda telefovnna kámerain vai siidu rahpasa.</translation>
    </message>
    <message>
        <source>Back to the line</source>
        <translation>Ruovttoluotta vuordinlistui</translation>
    </message>
    <message>
        <source>Show a letter</source>
        <translatorcomment>draft for issue #16: needs native review</translatorcomment>
        <translation>Čájet reivve</translation>
    </message>
    <message>
        <source>The adviser asks to see your letter. Show it?</source>
        <translatorcomment>draft for issue #16: needs native review</translatorcomment>
        <translation>Ráđđeaddi háliida oaidnit du reivve. Čájehatgo dan?</translation>
    </message>
    <message>
        <source>Hold the letter inside the frame</source>
        <translatorcomment>draft for issue #16: needs native review</translatorcomment>
        <translation>Doala reivve rámma siste</translation>
    </message>
    <message>
        <source>Take picture</source>
        <translatorcomment>draft for issue #16: needs native review</translatorcomment>
        <translation>Govve</translation>
    </message>
    <message>
        <source>Taking the picture…</source>
        <translatorcomment>draft for issue #16: needs native review</translatorcomment>
        <translation>Govvemin…</translation>
    </message>
    <message>
        <source>Can you read the letter in the picture?</source>
        <translatorcomment>draft for issue #16: needs native review</translatorcomment>
        <translation>Sáhtátgo lohkat reivve govas?</translation>
    </message>
    <message>
        <source>Send to adviser</source>
        <translatorcomment>draft for issue #16: needs native review</translatorcomment>
        <translation>Sádde ráđđeaddái</translation>
    </message>
    <message>
        <source>Take again</source>
        <translatorcomment>draft for issue #16: needs native review</translatorcomment>
        <translation>Govve ođđasit</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translatorcomment>draft for issue #16: needs native review</translatorcomment>
        <translation>Gaskkalduhte</translation>
    </message>
    <message>
        <source>Sending… %1%</source>
        <translatorcomment>draft for issue #16: needs native review</translatorcomment>
        <translation>Sáddemin… %1%</translation>
    </message>
    <message>
        <source>Sent. The adviser can see the page now.</source>
        <translatorcomment>draft for issue #16: needs native review</translatorcomment>
        <translation>Sáddejuvvon. Ráđđeaddi oaidná siiddu dál.</translation>
    </message>
    <message>
        <source>Show another page</source>
        <translatorcomment>draft for issue #16: needs native review</translatorcomment>
        <translation>Čájet eará siiddu</translation>
    </message>
    <message>
        <source>The picture is not saved. It is gone when the call ends.</source>
        <translatorcomment>draft for issue #16: needs native review</translatorcomment>
        <translation>Govva ii vurkejuvvo. Dat jávká go riŋgen nohká.</translation>
    </message>
    <message>
        <source>You cannot show more pages in this call.</source>
        <translatorcomment>draft for issue #16: needs native review</translatorcomment>
        <translation>Don it sáhte čájehit eanet siidduid dán riŋgemis.</translation>
    </message>
    <message>
        <source>The camera did not take a picture. Please try again.</source>
        <translatorcomment>draft for issue #16: needs native review</translatorcomment>
        <translation>Kamera ii govven. Geahččal ođđasit.</translation>
    </message>
    <message>
        <source>The page did not reach the adviser. Please send it again.</source>
        <translatorcomment>draft for issue #16: needs native review</translatorcomment>
        <translation>Siidu ii olahan ráđđeaddi. Sádde dan ođđasit.</translation>
    </message>
    <message>
        <source>Adviser</source>
        <translatorcomment>draft for issue #16: needs native review</translatorcomment>
        <translation>Ráđđeaddi</translation>
    </message>
    <message>
        <source>Interpreter</source>
        <translatorcomment>draft for issue #16: needs native review</translatorcomment>
        <translation>Dulka</translation>
    </message>
    <message>
        <source>An interpreter is being called</source>
        <translatorcomment>draft for issue #16: needs native review</translatorcomment>
        <translation>Dulka gohččojuvvo</translation>
    </message>
    <message>
        <source>The interpreter has left. The call goes on.</source>
        <translatorcomment>draft for issue #16: needs native review</translatorcomment>
        <translation>Dulka vulggii. Riŋgen joatkašuvvá.</translation>
    </message>
    <message>
        <source>Staff: enter the PIN</source>
        <translation>Bargit: čále PIN-koda</translation>
    </message>
    <message>
        <source>Wrong PIN</source>
        <translation>Boasttu PIN-koda</translation>
    </message>
    <message>
        <source>Book a time</source>
        <translation>Diŋgo áiggi</translation>
    </message>
    <message>
        <source>I have a code</source>
        <translation>Mus lea koda</translation>
    </message>
    <message>
        <source>Take a ticket and come back later</source>
        <translation>Váldde lihpu ja boađe maŋŋelaš ruovttoluotta</translation>
    </message>
    <message>
        <source>Choose a day</source>
        <translation>Vállje beaivvi</translation>
    </message>
    <message>
        <source>Choose a time</source>
        <translation>Vállje áiggi</translation>
    </message>
    <message>
        <source>Looking for free times…</source>
        <translation>Ohcat friddja áiggiid…</translation>
    </message>
    <message>
        <source>There are no free times to book right now. Please try again later.</source>
        <translation>Dál eai leat friddja áiggit maid diŋgot. Geahččal maŋŋelaš ođđasit.</translation>
    </message>
    <message>
        <source>Book this time?</source>
        <translation>Diŋgot go dán áiggi?</translation>
    </message>
    <message>
        <source>You do not need to give your name.</source>
        <translation>It dárbbaš addit iežat nama.</translation>
    </message>
    <message>
        <source>Book</source>
        <translation>Diŋgo</translation>
    </message>
    <message>
        <source>Your time is booked</source>
        <translation>Du áigi lea diŋgojuvvon</translation>
    </message>
    <message>
        <source>Take a photo of the code or write it down. Show it at any kiosk between %1 and %2.</source>
        <translation>Govve koda dahje čále dan. Čájet dan vaikko makkár kiosvkkas gaskal %1 ja %2.</translation>
    </message>
    <message>
        <source>Your place in line is kept</source>
        <translation>Du sadji vuordinlisttus lea seastojuvvon</translation>
    </message>
    <message>
        <source>Show the code at any kiosk before %1 to get your place back.</source>
        <translation>Čájet koda vaikko makkár kiosvkkas ovdal %1 oažžut iežat saji ruovttoluotta.</translation>
    </message>
    <message>
        <source>Show your code to the camera, or type it</source>
        <translation>Čájet iežat koda kamerii, dahje čále dan</translation>
    </message>
    <message>
        <source>The camera only reads the code. Nothing is recorded.</source>
        <translation>Kamera lohká dušše koda. Mihkkege ii báddejuvvo.</translation>
    </message>
    <message>
        <source>Check in</source>
        <translation>Dieđit ahte leat boahtán</translation>
    </message>
    <message>
        <source>This code is not right. Check it and try again.</source>
        <translation>Dát kodat ii leat riekta. Dárkkis dan ja geahččal ođđasit.</translation>
    </message>
    <message>
        <source>This code has already been used.</source>
        <translation>Dát kodat lea juo geavahuvvon.</translation>
    </message>
    <message>
        <source>This code is no longer valid. You can book a new time.</source>
        <translation>Dát kodat ii leat šat gustovaš. Sáhtát diŋgot ođđa áiggi.</translation>
    </message>
    <message>
        <source>You are early. You can check in from %1.</source>
        <translation>Don leat árrat. Sáhtát dieđihit %1 rájes.</translation>
    </message>
    <message>
        <source>Your booked time has passed. You can wait in the line instead.</source>
        <translation>Du diŋgojuvvon áigi lea vássán. Sáhtát baicca vuordit vuordinlisttus.</translation>
    </message>
    <message>
        <source>The service is closed now. Your code works from %1.</source>
        <translation>Bálvalus lea dál giddejuvvon. Du kodat doaibmá %1 rájes.</translation>
    </message>
    <message>
        <source>Too many wrong codes. Please try again at %1 or ask the staff.</source>
        <translation>Menddo ollu boasttu kodat. Geahččal ođđasit %1 dahje jeara bargiin.</translation>
    </message>
    <message>
        <source>Someone else has just booked this time. Please choose another.</source>
        <translation>Earát leat dál diŋgon dán áiggi. Vállje eará.</translation>
    </message>
    <message>
        <source>This time is too soon to book. Please choose a later one.</source>
        <translation>Dát áigi lea menddo lahka diŋgot. Vállje maŋit áiggi.</translation>
    </message>
    <message>
        <source>This kiosk cannot book more times now. Please try again at %1.</source>
        <translation>Dát kiosvka ii sáhte dál diŋgot eambbo áiggiid. Geahččal ođđasit %1.</translation>
    </message>
    <message>
        <source>Wait in the line</source>
        <translation>Vuorde vuordinlisttus</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Geahččal ođđasit</translation>
    </message>
</context>
</TS>
