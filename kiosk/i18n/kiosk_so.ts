<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="so">
<context>
    <name>Kiosk</name>
    <message>
        <source>Talk to an adviser</source>
        <translation>La hadal la-taliye</translation>
    </message>
    <message>
        <source>Free video call with an adviser who speaks your language</source>
        <translation>Wicitaan muuqaal oo bilaash ah oo aad la yeelanayso la-taliye ku hadla luqaddaada</translation>
    </message>
    <message>
        <source>Tap the button to start</source>
        <translation>Taabo badhanka si aad u bilowdo</translation>
    </message>
    <message>
        <source>The service is closed now.</source>
        <translation>Adeegku hadda waa xiran yahay.</translation>
    </message>
    <message>
        <source>Opens %1</source>
        <translation>Wuxuu furmayaa %1</translation>
    </message>
    <message>
        <source>Connecting to the service…</source>
        <translation>Waxaa lagu xirayaa adeegga…</translation>
    </message>
    <message>
        <source>Nothing is recorded. The camera is off until you start a call.</source>
        <translation>Waxba lama duubayo. Kamaraddu way dansan tahay ilaa aad wicitaan bilowdo.</translation>
    </message>
    <message>
        <source>Choose your language</source>
        <translation>Dooro luqaddaada</translation>
    </message>
    <message>
        <source>Wait: %1–%2 min</source>
        <translation>Sugitaan: %1–%2 daqiiqo</translation>
    </message>
    <message>
        <source>Short wait</source>
        <translation>Sugitaan gaaban</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Xiran</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Dib u noqo</translation>
    </message>
    <message>
        <source>Ready to call</source>
        <translation>Diyaar u ah inaad wacdo</translation>
    </message>
    <message>
        <source>When you tap Call, the camera and microphone turn on. Nothing is recorded.</source>
        <translation>Markaad taabato Wac, kamaradda iyo makarafoonku way shidmayaan. Waxba lama duubayo.</translation>
    </message>
    <message>
        <source>What is it about? (you can skip this)</source>
        <translation>Maxay ku saabsan tahay? (waad ka boodi kartaa)</translation>
    </message>
    <message>
        <source>I also speak (you can skip this)</source>
        <translation>Waxaan sidoo kale ku hadlaa (waad ka boodi kartaa)</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>Wac</translation>
    </message>
    <message>
        <source>Housing</source>
        <translation>Guri</translation>
    </message>
    <message>
        <source>Work</source>
        <translation>Shaqo</translation>
    </message>
    <message>
        <source>School</source>
        <translation>Dugsi</translation>
    </message>
    <message>
        <source>Health and care</source>
        <translation>Caafimaad iyo daryeel</translation>
    </message>
    <message>
        <source>Money and benefits</source>
        <translation>Lacag iyo gargaar</translation>
    </message>
    <message>
        <source>Something else</source>
        <translation>Wax kale</translation>
    </message>
    <message>
        <source>A letter I got</source>
        <translation>Warqad la ii soo diray</translation>
    </message>
    <message>
        <source>An application or form</source>
        <translation>Codsi ama foom</translation>
    </message>
    <message>
        <source>Please wait. An adviser will answer soon.</source>
        <translation>Fadlan sug. La-taliye ayaa dhowaan kuu jawaabi doona.</translation>
    </message>
    <message>
        <source>Joining the line…</source>
        <translation>Waxaa lagu darayaa safka…</translation>
    </message>
    <message>
        <source>You are number %1 in line</source>
        <translation>Waxaad tahay lambarka %1 ee safka</translation>
    </message>
    <message>
        <source>About %1–%2 minutes</source>
        <translation>Qiyaastii %1–%2 daqiiqo</translation>
    </message>
    <message>
        <source>This is you. Sit so that your face is in the picture.</source>
        <translation>Kani waa adiga. U fadhiiso si wejigaagu sawirka ugu jiro.</translation>
    </message>
    <message>
        <source>Nothing is recorded.</source>
        <translation>Waxba lama duubayo.</translation>
    </message>
    <message>
        <source>Leave the line</source>
        <translation>Ka bax safka</translation>
    </message>
    <message>
        <source>Camera and microphone are on</source>
        <translation>Kamaradda iyo makarafoonku way shidan yihiin</translation>
    </message>
    <message>
        <source>Camera is on</source>
        <translation>Kamaraddu way shidan tahay</translation>
    </message>
    <message>
        <source>Microphone is on</source>
        <translation>Makarafoonku wuu shidan yahay</translation>
    </message>
    <message>
        <source>Adviser: %1</source>
        <translation>La-taliye: %1</translation>
    </message>
    <message>
        <source>Connecting the call…</source>
        <translation>Wicitaanka ayaa la xirayaa…</translation>
    </message>
    <message>
        <source>Mute</source>
        <translation>Aamusi</translation>
    </message>
    <message>
        <source>Unmute</source>
        <translation>Ka qaad aamusnaanta</translation>
    </message>
    <message>
        <source>Camera off</source>
        <translation>Dami kamaradda</translation>
    </message>
    <message>
        <source>Camera on</source>
        <translation>Shid kamaradda</translation>
    </message>
    <message>
        <source>Quieter</source>
        <translation>Hoos u dhig</translation>
    </message>
    <message>
        <source>Louder</source>
        <translation>Kor u qaad</translation>
    </message>
    <message>
        <source>End call</source>
        <translation>Jooji wicitaanka</translation>
    </message>
    <message>
        <source>Write here</source>
        <translation>Halkan ku qor</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Dir</translation>
    </message>
    <message>
        <source>You</source>
        <translation>Adiga</translation>
    </message>
    <message>
        <source>Keyboard</source>
        <translation>Kiiboodh</translation>
    </message>
    <message>
        <source>How was the call?</source>
        <translation>Sidee buu ahaa wicitaanku?</translation>
    </message>
    <message>
        <source>Very bad</source>
        <translation>Aad u xun</translation>
    </message>
    <message>
        <source>Bad</source>
        <translation>Xun</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>Caadi</translation>
    </message>
    <message>
        <source>Good</source>
        <translation>Wanaagsan</translation>
    </message>
    <message>
        <source>Very good</source>
        <translation>Aad u wanaagsan</translation>
    </message>
    <message>
        <source>Skip</source>
        <translation>Ka bood</translation>
    </message>
    <message>
        <source>Thank you! Goodbye.</source>
        <translation>Mahadsanid! Nabadgelyo.</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Dhammaad</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>Caawimaad</translation>
    </message>
    <message>
        <source>Tap the big buttons to go on. Tap Back to go back. Staff nearby can also help you.</source>
        <translation>Taabo badhamada waaweyn si aad u sii socoto. Taabo Dib u noqo si aad dib ugu noqoto. Shaqaalaha agtaada jooga ayaa sidoo kale ku caawin kara.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Xir</translation>
    </message>
    <message>
        <source>Are you still there?</source>
        <translation>Weli ma joogtaa?</translation>
    </message>
    <message>
        <source>The screen starts over in %1 seconds.</source>
        <translation>Shaashaddu waxay dib u bilaabanaysaa %1 ilbiriqsi kadib.</translation>
    </message>
    <message>
        <source>I am still here</source>
        <translation>Weli waan joogaa</translation>
    </message>
    <message>
        <source>No connection to the service. We keep trying. Please wait.</source>
        <translation>Xiriir lama helin adeegga. Waan isku dayaynaa. Fadlan sug.</translation>
    </message>
    <message>
        <source>This kiosk is out of order. Please ask the staff.</source>
        <translation>Qalabkan ma shaqaynayo. Fadlan weydii shaqaalaha.</translation>
    </message>
    <message>
        <source>The connection was lost. We are connecting you again. Please wait.</source>
        <translation>Xiriirkii wuu go’ay. Mar kale ayaan ku xiraynaa. Fadlan sug.</translation>
    </message>
    <message>
        <source>The call was cut off. You are back in line. Please wait.</source>
        <translation>Wicitaankii wuu go’ay. Safka ayaad dib ugu jirtaa. Fadlan sug.</translation>
    </message>
    <message>
        <source>You are being connected to another adviser.</source>
        <translation>Waxaa lagugu xirayaa la-taliye kale.</translation>
    </message>
    <message>
        <source>The camera does not work. You can still talk, but the adviser cannot see you.</source>
        <translation>Kamaraddu ma shaqaynayso. Wali waad hadli kartaa, laakiin la-taliyuhu kuma arki karo.</translation>
    </message>
    <message>
        <source>The microphone does not work. You can write to the adviser instead.</source>
        <translation>Makarafoonku ma shaqaynayo. Taa beddelkeeda waxaad u qori kartaa la-taliyaha.</translation>
    </message>
    <message>
        <source>Nobody answers in this language right now. Choose another language or come back.</source>
        <translation>Hadda qofna kuma jawaabo luqaddan. Dooro luqad kale ama dib u soo noqo.</translation>
    </message>
    <message>
        <source>Something went wrong. Please try again.</source>
        <translation>Wax baa khaldamay. Fadlan isku day mar kale.</translation>
    </message>
    <message>
        <source>Common questions</source>
        <translation>Su&apos;aalaha caadiga ah</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Raadi</translation>
    </message>
    <message>
        <source>Nothing found. Try other words, or choose a topic.</source>
        <translation>Waxba lama helin. Isku day erayo kale, ama dooro mawduuc.</translation>
    </message>
    <message>
        <source>There are no common questions on this kiosk yet.</source>
        <translation>Weli ma jiraan su&apos;aalo caadi ah oo ku jira kiyooskan.</translation>
    </message>
    <message>
        <source>This answer is not translated into your language yet. Here it is in %1.</source>
        <translation>Jawaabtan weli laguma turjumin luqaddaada. Waa kan iyadoo ku qoran %1.</translation>
    </message>
    <message>
        <source>The Swedish text has changed since this translation. Ask an adviser if you are unsure.</source>
        <translation>Qoraalka Iswidhishka ah wuu isbeddelay tan iyo turjumaaddan. Weydii la-taliye haddii aadan hubin.</translation>
    </message>
    <message>
        <source>Read aloud</source>
        <translation>Kor u akhri</translation>
    </message>
    <message>
        <source>Stop reading</source>
        <translation>Jooji akhriska</translation>
    </message>
    <message>
        <source>Did this help?</source>
        <translation>Tani ma ku caawisay?</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Haa</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Maya</translation>
    </message>
    <message>
        <source>Thank you for telling us.</source>
        <translation>Waad ku mahadsan tahay inaad noo sheegtay.</translation>
    </message>
    <message>
        <source>Opening hours: %1</source>
        <translation>Saacadaha furitaanka: %1</translation>
    </message>
    <message>
        <source>Phone: %1</source>
        <translation>Telefoon: %1</translation>
    </message>
    <message>
        <source>Scan the code with your phone&apos;s camera to open the page.</source>
        <translation>Koodhka ku sawir kamaradda taleefankaaga si aad u furto bogga.</translation>
    </message>
    <message>
        <source>Back to the line</source>
        <translation>Ku noqo safka</translation>
    </message>
    <message>
        <source>Show a letter</source>
        <translatorcomment>draft for issue #16: needs native review</translatorcomment>
        <translation>Tus warqad</translation>
    </message>
    <message>
        <source>The adviser asks to see your letter. Show it?</source>
        <translatorcomment>draft for issue #16: needs native review</translatorcomment>
        <translation>La-taliyuhu wuxuu rabaa inuu arko warqaddaada. Ma tusinaysaa?</translation>
    </message>
    <message>
        <source>Hold the letter inside the frame</source>
        <translatorcomment>draft for issue #16: needs native review</translatorcomment>
        <translation>Warqadda ku hay gudaha qaabka</translation>
    </message>
    <message>
        <source>Take picture</source>
        <translatorcomment>draft for issue #16: needs native review</translatorcomment>
        <translation>Sawir qaad</translation>
    </message>
    <message>
        <source>Taking the picture…</source>
        <translatorcomment>draft for issue #16: needs native review</translatorcomment>
        <translation>Sawirka ayaa la qaadayaa…</translation>
    </message>
    <message>
        <source>Can you read the letter in the picture?</source>
        <translatorcomment>draft for issue #16: needs native review</translatorcomment>
        <translation>Ma akhrin kartaa warqadda sawirka ku jirta?</translation>
    </message>
    <message>
        <source>Send to adviser</source>
        <translatorcomment>draft for issue #16: needs native review</translatorcomment>
        <translation>U dir la-taliyaha</translation>
    </message>
    <message>
        <source>Take again</source>
        <translatorcomment>draft for issue #16: needs native review</translatorcomment>
        <translation>Mar kale qaad</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translatorcomment>draft for issue #16: needs native review</translatorcomment>
        <translation>Jooji</translation>
    </message>
    <message>
        <source>Sending… %1%</source>
        <translatorcomment>draft for issue #16: needs native review</translatorcomment>
        <translation>Waa la dirayaa… %1%</translation>
    </message>
    <message>
        <source>Sent. The adviser can see the page now.</source>
        <translatorcomment>draft for issue #16: needs native review</translatorcomment>
        <translation>Waa la diray. La-taliyuhu hadda wuu arki karaa bogga.</translation>
    </message>
    <message>
        <source>Show another page</source>
        <translatorcomment>draft for issue #16: needs native review</translatorcomment>
        <translation>Tus bog kale</translation>
    </message>
    <message>
        <source>The picture is not saved. It is gone when the call ends.</source>
        <translatorcomment>draft for issue #16: needs native review</translatorcomment>
        <translation>Sawirka lama kaydiyo. Wuu baaba&apos;aa marka wicitaanku dhammaado.</translation>
    </message>
    <message>
        <source>You cannot show more pages in this call.</source>
        <translatorcomment>draft for issue #16: needs native review</translatorcomment>
        <translation>Wicitaankan bogag kale ma tusi kartid.</translation>
    </message>
    <message>
        <source>The camera did not take a picture. Please try again.</source>
        <translatorcomment>draft for issue #16: needs native review</translatorcomment>
        <translation>Kamaraddu sawir ma qaadin. Isku day mar kale.</translation>
    </message>
    <message>
        <source>The page did not reach the adviser. Please send it again.</source>
        <translatorcomment>draft for issue #16: needs native review</translatorcomment>
        <translation>Boggu ma gaarin la-taliyaha. Fadlan mar kale dir.</translation>
    </message>
    <message>
        <source>Adviser</source>
        <translatorcomment>draft for issue #16: needs native review</translatorcomment>
        <translation>La-taliye</translation>
    </message>
    <message>
        <source>Interpreter</source>
        <translatorcomment>draft for issue #16: needs native review</translatorcomment>
        <translation>Turjubaan</translation>
    </message>
    <message>
        <source>An interpreter is being called</source>
        <translatorcomment>draft for issue #16: needs native review</translatorcomment>
        <translation>Turjubaan ayaa la soo wacayaa</translation>
    </message>
    <message>
        <source>The interpreter has left. The call goes on.</source>
        <translatorcomment>draft for issue #16: needs native review</translatorcomment>
        <translation>Turjubaanku wuu baxay. Wicitaanku wuu socdaa.</translation>
    </message>
    <message>
        <source>Staff: enter the PIN</source>
        <translation>Shaqaalaha: geli PIN-ka</translation>
    </message>
    <message>
        <source>Wrong PIN</source>
        <translation>PIN khaldan</translation>
    </message>
    <message>
        <source>Book a time</source>
        <translation>Qabso ballan</translation>
    </message>
    <message>
        <source>I have a code</source>
        <translation>Waxaan haystaa koodh</translation>
    </message>
    <message>
        <source>Take a ticket and come back later</source>
        <translation>Qaado tigidh oo dib u soo noqo</translation>
    </message>
    <message>
        <source>Choose a day</source>
        <translation>Dooro maalin</translation>
    </message>
    <message>
        <source>Choose a time</source>
        <translation>Dooro waqti</translation>
    </message>
    <message>
        <source>Looking for free times…</source>
        <translation>Waxaan raadinaynaa waqtiyo bannaan…</translation>
    </message>
    <message>
        <source>There are no free times to book right now. Please try again later.</source>
        <translation>Hadda ma jiraan waqtiyo bannaan oo la qabsan karo. Fadlan mar kale isku day.</translation>
    </message>
    <message>
        <source>Book this time?</source>
        <translation>Ma qabsanaysaa waqtigan?</translation>
    </message>
    <message>
        <source>You do not need to give your name.</source>
        <translation>Uma baahnid inaad magacaaga sheegto.</translation>
    </message>
    <message>
        <source>Book</source>
        <translation>Qabso</translation>
    </message>
    <message>
        <source>Your time is booked</source>
        <translation>Ballantaada waa la qabsaday</translation>
    </message>
    <message>
        <source>Take a photo of the code or write it down. Show it at any kiosk between %1 and %2.</source>
        <translation>Sawir koodhka ama qor. Tus koodhka kiosk kasta inta u dhaxaysa %1 iyo %2.</translation>
    </message>
    <message>
        <source>Your place in line is kept</source>
        <translation>Booskaaga safka waa laguu hayaa</translation>
    </message>
    <message>
        <source>Show the code at any kiosk before %1 to get your place back.</source>
        <translation>Tus koodhka kiosk kasta ka hor %1 si aad booskaaga dib ugu hesho.</translation>
    </message>
    <message>
        <source>Show your code to the camera, or type it</source>
        <translation>Tus koodhkaaga kamarada, ama qor</translation>
    </message>
    <message>
        <source>The camera only reads the code. Nothing is recorded.</source>
        <translation>Kamaradu waxay akhrisaa koodhka oo keliya. Waxba lama duubo.</translation>
    </message>
    <message>
        <source>Check in</source>
        <translation>Is diiwaangeli</translation>
    </message>
    <message>
        <source>This code is not right. Check it and try again.</source>
        <translation>Koodhkan sax maaha. Hubi oo mar kale isku day.</translation>
    </message>
    <message>
        <source>This code has already been used.</source>
        <translation>Koodhkan hore ayaa loo isticmaalay.</translation>
    </message>
    <message>
        <source>This code is no longer valid. You can book a new time.</source>
        <translation>Koodhkan mar dambe ma shaqaynayo. Waxaad qabsan kartaa ballan cusub.</translation>
    </message>
    <message>
        <source>You are early. You can check in from %1.</source>
        <translation>Goor hore ayaad timid. Waxaad is diiwaangelin kartaa laga bilaabo %1.</translation>
    </message>
    <message>
        <source>Your booked time has passed. You can wait in the line instead.</source>
        <translation>Waqtigii laguu qabtay waa dhaafay. Waxaad taa beddelkeeda ku sugi kartaa safka.</translation>
    </message>
    <message>
        <source>The service is closed now. Your code works from %1.</source>
        <translation>Adeegu hadda waa xiran yahay. Koodhkaagu wuxuu shaqaynayaa laga bilaabo %1.</translation>
    </message>
    <message>
        <source>Too many wrong codes. Please try again at %1 or ask the staff.</source>
        <translation>Koodhad khaldan oo badan. Fadlan isku day %1 ama weydii shaqaalaha.</translation>
    </message>
    <message>
        <source>Someone else has just booked this time. Please choose another.</source>
        <translation>Qof kale ayaa hadda qabsaday waqtigan. Fadlan dooro mid kale.</translation>
    </message>
    <message>
        <source>This time is too soon to book. Please choose a later one.</source>
        <translation>Waqtigan aad ayuu u dhow yahay. Fadlan dooro mid ka dambeeya.</translation>
    </message>
    <message>
        <source>This kiosk cannot book more times now. Please try again at %1.</source>
        <translation>Kiosk-kan hadda ma qabsan karo waqtiyo kale. Fadlan isku day %1.</translation>
    </message>
    <message>
        <source>Wait in the line</source>
        <translation>Ku sug safka</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Isku day mar kale</translation>
    </message>
</context>
</TS>
