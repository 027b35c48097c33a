<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="kmr">
<context>
    <name>Kiosk</name>
    <message>
        <source>Talk to an adviser</source>
        <translation>Bi şêwirmendekî re biaxive</translation>
    </message>
    <message>
        <source>Free video call with an adviser who speaks your language</source>
        <translation>Banga vîdyoyî ya belaş bi şêwirmendekî ku bi zimanê te diaxive</translation>
    </message>
    <message>
        <source>Tap the button to start</source>
        <translation>Ji bo destpêkirinê bişkokê bitikîne</translation>
    </message>
    <message>
        <source>The service is closed now.</source>
        <translation>Xizmet niha girtî ye.</translation>
    </message>
    <message>
        <source>Opens %1</source>
        <translation>Vedibe: %1</translation>
    </message>
    <message>
        <source>Connecting to the service…</source>
        <translation>Bi xizmetê re tê girêdan…</translation>
    </message>
    <message>
        <source>Nothing is recorded. The camera is off until you start a call.</source>
        <translation>Tiştek nayê tomarkirin. Kamera girtî ye heta ku tu bangê dest pê bikî.</translation>
    </message>
    <message>
        <source>Choose your language</source>
        <translation>Zimanê xwe hilbijêre</translation>
    </message>
    <message>
        <source>Wait: %1–%2 min</source>
        <translation>Li bendê: %1–%2 deqîqe</translation>
    </message>
    <message>
        <source>Short wait</source>
        <translation>Bendewariya kurt</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Girtî</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Vegere</translation>
    </message>
    <message>
        <source>Ready to call</source>
        <translation>Ji bo bangê amade</translation>
    </message>
    <message>
        <source>When you tap Call, the camera and microphone turn on. Nothing is recorded.</source>
        <translation>Dema tu Bang bitikînî, kamera û mîkrofon vedibin. Tiştek nayê tomarkirin.</translation>
    </message>
    <message>
        <source>What is it about? (you can skip this)</source>
        <translation>Mijar çi ye? (tu dikarî vê derbas bikî)</translation>
    </message>
    <message>
        <source>I also speak (you can skip this)</source>
        <translation>Ez van zimanan jî dizanim (tu dikarî vê derbas bikî)</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>Bang</translation>
    </message>
    <message>
        <source>Housing</source>
        <translation>Xanî û mal</translation>
    </message>
    <message>
        <source>Work</source>
        <translation>Kar</translation>
    </message>
    <message>
        <source>School</source>
        <translation>Dibistan</translation>
    </message>
    <message>
        <source>Health and care</source>
        <translation>Tenduristî û lênêrîn</translation>
    </message>
    <message>
        <source>Money and benefits</source>
        <translation>Pere û alîkarî</translation>
    </message>
    <message>
        <source>Something else</source>
        <translation>Tiştekî din</translation>
    </message>
    <message>
        <source>A letter I got</source>
        <translation>Nameyek ku ji min re hat</translation>
    </message>
    <message>
        <source>An application or form</source>
        <translation>Serlêdan an form</translation>
    </message>
    <message>
        <source>Please wait. An adviser will answer soon.</source>
        <translation>Ji kerema xwe li bendê bimîne. Şêwirmendek dê zû bersiv bide.</translation>
    </message>
    <message>
        <source>Joining the line…</source>
        <translation>Tu dikevî rêzê…</translation>
    </message>
    <message>
        <source>You are number %1 in line</source>
        <translation>Tu di rêzê de hejmara %1 î</translation>
    </message>
    <message>
        <source>About %1–%2 minutes</source>
        <translation>Nêzîkî %1–%2 deqîqe</translation>
    </message>
    <message>
        <source>This is you. Sit so that your face is in the picture.</source>
        <translation>Ev tu yî. Wisa rûne ku rûyê te di wêneyê de be.</translation>
    </message>
    <message>
        <source>Nothing is recorded.</source>
        <translation>Tiştek nayê tomarkirin.</translation>
    </message>
    <message>
        <source>Leave the line</source>
        <translation>Ji rêzê derkeve</translation>
    </message>
    <message>
        <source>Camera and microphone are on</source>
        <translation>Kamera û mîkrofon vekirî ne</translation>
    </message>
    <message>
        <source>Camera is on</source>
        <translation>Kamera vekirî ye</translation>
    </message>
    <message>
        <source>Microphone is on</source>
        <translation>Mîkrofon vekirî ye</translation>
    </message>
    <message>
        <source>Adviser: %1</source>
        <translation>Şêwirmend: %1</translation>
    </message>
    <message>
        <source>Connecting the call…</source>
        <translation>Bang tê girêdan…</translation>
    </message>
    <message>
        <source>Mute</source>
        <translation>Bêdeng bike</translation>
    </message>
    <message>
        <source>Unmute</source>
        <translation>Deng veke</translation>
    </message>
    <message>
        <source>Camera off</source>
        <translation>Kamerayê bigire</translation>
    </message>
    <message>
        <source>Camera on</source>
        <translation>Kamerayê veke</translation>
    </message>
    <message>
        <source>Quieter</source>
        <translation>Nizmtir</translation>
    </message>
    <message>
        <source>Louder</source>
        <translation>Bilindtir</translation>
    </message>
    <message>
        <source>End call</source>
        <translation>Bangê biqedîne</translation>
    </message>
    <message>
        <source>Write here</source>
        <translation>Li vir binivîse</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Bişîne</translation>
    </message>
    <message>
        <source>You</source>
        <translation>Tu</translation>
    </message>
    <message>
        <source>Keyboard</source>
        <translation>Klavye</translation>
    </message>
    <message>
        <source>How was the call?</source>
        <translation>Bang çawa bû?</translation>
    </message>
    <message>
        <source>Very bad</source>
        <translation>Pir xirab</translation>
    </message>
    <message>
        <source>Bad</source>
        <translation>Xirab</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>Navîn</translation>
    </message>
    <message>
        <source>Good</source>
        <translation>Baş</translation>
    </message>
    <message>
        <source>Very good</source>
        <translation>Pir baş</translation>
    </message>
    <message>
        <source>Skip</source>
        <translation>Derbas bike</translation>
    </message>
    <message>
        <source>Thank you! Goodbye.</source>
        <translation>Spas! Bi xatirê te.</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Qediya</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>Alîkarî</translation>
    </message>
    <message>
        <source>Tap the big buttons to go on. Tap Back to go back. Staff nearby can also help you.</source>
        <translation>Ji bo berdewamkirinê bişkokên mezin bitikîne. Ji bo vegerê Vegere bitikîne. Karmendên nêzîk jî dikarin alîkariya te bikin.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Bigire</translation>
    </message>
    <message>
        <source>Are you still there?</source>
        <translation>Tu hîn li vir î?</translation>
    </message>
    <message>
        <source>The screen starts over in %1 seconds.</source>
        <translation>Ekran di %1 çirkeyan de ji nû ve dest pê dike.</translation>
    </message>
    <message>
        <source>I am still here</source>
        <translation>Ez hîn li vir im</translation>
    </message>
    <message>
        <source>No connection to the service. We keep trying. Please wait.</source>
        <translation>Girêdana bi xizmetê re tune. Em hewl didin. Ji kerema xwe li bendê bimîne.</translation>
    </message>
    <message>
        <source>This kiosk is out of order. Please ask the staff.</source>
        <translation>Ev kiosk xera ye. Ji kerema xwe ji karmendan bipirse.</translation>
    </message>
    <message>
        <source>The connection was lost. We are connecting you again. Please wait.</source>
        <translation>Girêdan qut bû. Em te dîsa girê didin. Ji kerema xwe li bendê bimîne.</translation>
    </message>
    <message>
        <source>The call was cut off. You are back in line. Please wait.</source>
        <translation>Bang qut bû. Tu dîsa di rêzê de yî. Ji kerema xwe li bendê bimîne.</translation>
    </message>
    <message>
        <source>You are being connected to another adviser.</source>
        <translation>Tu bi şêwirmendekî din re tê girêdan.</translation>
    </message>
    <message>
        <source>The camera does not work. You can still talk, but the adviser cannot see you.</source>
        <translation>Kamera naxebite. Tu dîsa jî dikarî biaxivî, lê şêwirmend te nabîne.</translation>
    </message>
    <message>
        <source>The microphone does not work. You can write to the adviser instead.</source>
        <translation>Mîkrofon naxebite. Tu dikarî li şûna wê ji şêwirmend re binivîsî.</translation>
    </message>
    <message>
        <source>Nobody answers in this language right now. Choose another language or come back.</source>
        <translation>Niha kes bi vî zimanî bersiv nade. Zimanekî din hilbijêre an paşê vegere.</translation>
    </message>
    <message>
        <source>Something went wrong. Please try again.</source>
        <translation>Tiştek xelet çû. Ji kerema xwe dîsa biceribîne.</translation>
    </message>
    <message>
        <source>Staff: enter the PIN</source>
        <translation>Karmend: PIN binivîse</translation>
    </message>
    <message>
        <source>Wrong PIN</source>
        <translation>PIN xelet e</translation>
    </message>
    <message>
        <source>Common questions</source>
        <translation>Pirsên hevpar</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Lêgerîn</translation>
    </message>
    <message>
        <source>Nothing found. Try other words, or choose a topic.</source>
        <translation>Tiştek nehat dîtin. Peyvên din biceribîne, an mijarekê hilbijêre.</translation>
    </message>
    <message>
        <source>There are no common questions on this kiosk yet.</source>
        <translation>Li ser vê kioskê hîn pirsên hevpar tune ne.</translation>
    </message>
    <message>
        <source>This answer is not translated into your language yet. Here it is in %1.</source>
        <translation>Ev bersiv hîn bi zimanê te nehatiye wergerandin. Li vir bi %1 e.</translation>
    </message>
    <message>
        <source>The Swedish text has changed since this translation. Ask an adviser if you are unsure.</source>
        <translation>Nivîsa swêdî piştî vê wergerê hatiye guhertin. Heke tu ne bawer î, ji şêwirmendekî bipirse.</translation>
    </message>
    <message>
        <source>Read aloud</source>
        <translation>Bi dengekî bilind bixwîne</translation>
    </message>
    <message>
        <source>Stop reading</source>
        <translation>Xwendinê rawestîne</translation>
    </message>
    <message>
        <source>Did this help?</source>
        <translation>Ev alîkarî kir?</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Erê</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Na</translation>
    </message>
    <message>
        <source>Thank you for telling us.</source>
        <translation>Spas ku te ji me re got.</translation>
    </message>
    <message>
        <source>Opening hours: %1</source>
        <translation>Demên vebûnê: %1</translation>
    </message>
    <message>
        <source>Phone: %1</source>
        <translation>Telefon: %1</translation>
    </message>
    <message>
        <source>Scan the code with your phone&apos;s camera to open the page.</source>
        <translation>Kodê bi kameraya telefona xwe bişopîne da ku rûpel vebe.</translation>
    </message>
    <message>
        <source>Back to the line</source>
        <translation>Vegere rêzê</translation>
    </message>
    <message>
        <source>Book a time</source>
        <translation>Demek bigire</translation>
    </message>
    <message>
        <source>I have a code</source>
        <translation>Kodeke min heye</translation>
    </message>
    <message>
        <source>Take a ticket and come back later</source>
        <translation>Bilêtekê bigire û paşê vegere</translation>
    </message>
    <message>
        <source>Choose a day</source>
        <translation>Rojekê hilbijêre</translation>
    </message>
    <message>
        <source>Choose a time</source>
        <translation>Demekê hilbijêre</translation>
    </message>
    <message>
        <source>Looking for free times…</source>
        <translation>Li demên vala digerin…</translation>
    </message>
    <message>
        <source>There are no free times to book right now. Please try again later.</source>
        <translation>Niha demên vala tune ne. Ji kerema xwe paşê dîsa biceribîne.</translation>
    </message>
    <message>
        <source>Book this time?</source>
        <translation>Vê demê bigirî?</translation>
    </message>
    <message>
        <source>You do not need to give your name.</source>
        <translation>Ne hewce ye ku tu navê xwe bidî.</translation>
    </message>
    <message>
        <source>Book</source>
        <translation>Bigire</translation>
    </message>
    <message>
        <source>Your time is booked</source>
        <translation>Dema te hat girtin</translation>
    </message>
    <message>
        <source>Take a photo of the code or write it down. Show it at any kiosk between %1 and %2.</source>
        <translation>Wêneyê kodê bikişîne an binivîse. Di navbera %1 û %2 de li her kioskê nîşan bide.</translation>
    </message>
    <message>
        <source>Your place in line is kept</source>
        <translation>Cihê te di rêzê de tê parastin</translation>
    </message>
    <message>
        <source>Show the code at any kiosk before %1 to get your place back.</source>
        <translation>Berî %1 kodê li her kioskê nîşan bide da ku cihê xwe vegerînî.</translation>
    </message>
    <message>
        <source>Show your code to the camera, or type it</source>
        <translation>Koda xwe nîşanî kamerayê bide, an binivîse</translation>
    </message>
    <message>
        <source>The camera only reads the code. Nothing is recorded.</source>
        <translation>Kamera tenê kodê dixwîne. Tiştek nayê tomarkirin.</translation>
    </message>
    <message>
        <source>Check in</source>
        <translation>Xwe tomar bike</translation>
    </message>
    <message>
        <source>This code is not right. Check it and try again.</source>
        <translation>Ev kod ne rast e. Kontrol bike û dîsa biceribîne.</translation>
    </message>
    <message>
        <source>This code has already been used.</source>
        <translation>Ev kod berê hatiye bikaranîn.</translation>
    </message>
    <message>
        <source>This code is no longer valid. You can book a new time.</source>
        <translation>Ev kod êdî ne derbasdar e. Tu dikarî demeke nû bigirî.</translation>
    </message>
    <message>
        <source>You are early. You can check in from %1.</source>
        <translation>Tu zû hatî. Tu dikarî ji %1 ve xwe tomar bikî.</translation>
    </message>
    <message>
        <source>Your booked time has passed. You can wait in the line instead.</source>
        <translation>Dema te ya girtî derbas bûye. Tu dikarî li şûna wê di rêzê de bisekinî.</translation>
    </message>
    <message>
        <source>The service is closed now. Your code works from %1.</source>
        <translation>Xizmet niha girtî ye. Koda te ji %1 ve dixebite.</translation>
    </message>
    <message>
        <source>Too many wrong codes. Please try again at %1 or ask the staff.</source>
        <translation>Gelek kodên şaş. Ji kerema xwe di %1 de dîsa biceribîne an ji karmendan bipirse.</translation>
    </message>
    <message>
        <source>Someone else has just booked this time. Please choose another.</source>
        <translation>Kesekî din niha ev dem girt. Ji kerema xwe yeke din hilbijêre.</translation>
    </message>
    <message>
        <source>This time is too soon to book. Please choose a later one.</source>
        <translation>Ev dem ji bo girtinê pir nêzîk e. Ji kerema xwe yeke paşêtir hilbijêre.</translation>
    </message>
    <message>
        <source>This kiosk cannot book more times now. Please try again at %1.</source>
        <translation>Ev kiosk niha nikare bêtir deman bigire. Ji kerema xwe di %1 de dîsa biceribîne.</translation>
    </message>
    <message>
        <source>Wait in the line</source>
        <translation>Di rêzê de bisekine</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Dîsa biceribîne</translation>
    </message>
    <message>
        <source>Show a letter</source>
        <translatorcomment>draft for issue #16: needs native review</translatorcomment>
        <translation>Nameyekê nîşan bide</translation>
    </message>
    <message>
        <source>The adviser asks to see your letter. Show it?</source>
        <translatorcomment>draft for issue #16: needs native review</translatorcomment>
        <translation>Şêwirmend dixwaze nameya te bibîne. Tu wê nîşan didî?</translation>
    </message>
    <message>
        <source>Hold the letter inside the frame</source>
        <translatorcomment>draft for issue #16: needs native review</translatorcomment>
        <translation>Nameyê di nav çarçoveyê de bigire</translation>
    </message>
    <message>
        <source>Take picture</source>
        <translatorcomment>draft for issue #16: needs native review</translatorcomment>
        <translation>Wêne bikişîne</translation>
    </message>
    <message>
        <source>Taking the picture…</source>
        <translatorcomment>draft for issue #16: needs native review</translatorcomment>
        <translation>Wêne tê kişandin…</translation>
    </message>
    <message>
        <source>Can you read the letter in the picture?</source>
        <translatorcomment>draft for issue #16: needs native review</translatorcomment>
        <translation>Tu dikarî nameyê di wêneyê de bixwînî?</translation>
    </message>
    <message>
        <source>Send to adviser</source>
        <translatorcomment>draft for issue #16: needs native review</translatorcomment>
        <translation>Ji şêwirmend re bişîne</translation>
    </message>
    <message>
        <source>Take again</source>
        <translatorcomment>draft for issue #16: needs native review</translatorcomment>
        <translation>Dîsa bikişîne</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translatorcomment>draft for issue #16: needs native review</translatorcomment>
        <translation>Betal bike</translation>
    </message>
    <message>
        <source>Sending… %1%</source>
        <translatorcomment>draft for issue #16: needs native review</translatorcomment>
        <translation>Tê şandin… %1%</translation>
    </message>
    <message>
        <source>Sent. The adviser can see the page now.</source>
        <translatorcomment>draft for issue #16: needs native review</translatorcomment>
        <translation>Hat şandin. Şêwirmend niha rûpelê dibîne.</translation>
    </message>
    <message>
        <source>Show another page</source>
        <translatorcomment>draft for issue #16: needs native review</translatorcomment>
        <translation>Rûpeleke din nîşan bide</translation>
    </message>
    <message>
        <source>The picture is not saved. It is gone when the call ends.</source>
        <translatorcomment>draft for issue #16: needs native review</translatorcomment>
        <translation>Wêne nayê tomarkirin. Dema bang biqede, winda dibe.</translation>
    </message>
    <message>
        <source>You cannot show more pages in this call.</source>
        <translatorcomment>draft for issue #16: needs native review</translatorcomment>
        <translation>Tu nikarî di vê bangê de bêtir rûpelan nîşan bidî.</translation>
    </message>
    <message>
        <source>The camera did not take a picture. Please try again.</source>
        <translatorcomment>draft for issue #16: needs native review</translatorcomment>
        <translation>Kamerayê wêne nekişand. Dîsa biceribîne.</translation>
    </message>
    <message>
        <source>The page did not reach the adviser. Please send it again.</source>
        <translatorcomment>draft for issue #16: needs native review</translatorcomment>
        <translation>Rûpel negihîşt şêwirmend. Dîsa bişîne.</translation>
    </message>
    <message>
        <source>Adviser</source>
        <translatorcomment>draft for issue #16: needs native review</translatorcomment>
        <translation>Şêwirmend</translation>
    </message>
    <message>
        <source>Interpreter</source>
        <translatorcomment>draft for issue #16: needs native review</translatorcomment>
        <translation>Wergêr</translation>
    </message>
    <message>
        <source>An interpreter is being called</source>
        <translatorcomment>draft for issue #16: needs native review</translatorcomment>
        <translation>Wergêrek tê gazîkirin</translation>
    </message>
    <message>
        <source>The interpreter has left. The call goes on.</source>
        <translatorcomment>draft for issue #16: needs native review</translatorcomment>
        <translation>Wergêr derket. Bang berdewam dike.</translation>
    </message>
</context>
</TS>
