<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ti">
<context>
    <name>Kiosk</name>
    <message>
        <source>Talk to an adviser</source>
        <translation>ምስ ኣማኻሪ ተዛረብ</translation>
    </message>
    <message>
        <source>Free video call with an adviser who speaks your language</source>
        <translation>ብናጻ ናይ ቪድዮ ጻውዒት ምስ ብቋንቋኻ ዝዛረብ ኣማኻሪ</translation>
    </message>
    <message>
        <source>Tap the button to start</source>
        <translation>ንምጅማር ነቲ መጠወቒ ጠውቕ</translation>
    </message>
    <message>
        <source>The service is closed now.</source>
        <translation>እቲ ኣገልግሎት ሕጂ ዕጹው እዩ።</translation>
    </message>
    <message>
        <source>Opens %1</source>
        <translation>ዝኽፈተሉ: %1</translation>
    </message>
    <message>
        <source>Connecting to the service…</source>
        <translation>ምስ ኣገልግሎት ይራኸብ ኣሎ…</translation>
    </message>
    <message>
        <source>Nothing is recorded. The camera is off until you start a call.</source>
        <translation>ምንም ኣይቅዳሕን። ጻውዒት ክሳዕ እትጅምር ካሜራ ጠፊኣ እያ።</translation>
    </message>
    <message>
        <source>Choose your language</source>
        <translation>ቋንቋኻ ምረጽ</translation>
    </message>
    <message>
        <source>Wait: %1–%2 min</source>
        <translation>ምጽባይ: %1–%2 ደቒቕ</translation>
    </message>
    <message>
        <source>Short wait</source>
        <translation>ሓጺር ምጽባይ</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>ዕጹው</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>ንድሕሪት</translation>
    </message>
    <message>
        <source>Ready to call</source>
        <translation>ንምድዋል ድሉው</translation>
    </message>
    <message>
        <source>When you tap Call, the camera and microphone turn on. Nothing is recorded.</source>
        <translation>ደውል ምስ ጠወቕካ፡ ካሜራን ማይክሮፎንን ይውልዑ። ምንም ኣይቅዳሕን።</translation>
    </message>
    <message>
        <source>What is it about? (you can skip this)</source>
        <translation>ብዛዕባ እንታይ እዩ? (ክትሓልፎ ትኽእል ኢኻ)</translation>
    </message>
    <message>
        <source>I also speak (you can skip this)</source>
        <translation>ከምኡውን እዛረብ (ክትሓልፎ ትኽእል ኢኻ)</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>ደውል</translation>
    </message>
    <message>
        <source>Housing</source>
        <translation>ገዛ</translation>
    </message>
    <message>
        <source>Work</source>
        <translation>ስራሕ</translation>
    </message>
    <message>
        <source>School</source>
        <translation>ቤት ትምህርቲ</translation>
    </message>
    <message>
        <source>Health and care</source>
        <translation>ጥዕናን ክንክንን</translation>
    </message>
    <message>
        <source>Money and benefits</source>
        <translation>ገንዘብን ሓገዝን</translation>
    </message>
    <message>
        <source>Something else</source>
        <translation>ካልእ ነገር</translation>
    </message>
    <message>
        <source>A letter I got</source>
        <translation>ዝበጽሓኒ ደብዳበ</translation>
    </message>
    <message>
        <source>An application or form</source>
        <translation>መመልከቲ ወይ ቅጥዒ</translation>
    </message>
    <message>
        <source>Please wait. An adviser will answer soon.</source>
        <translation>በጃኻ ተጸበ። ኣማኻሪ ቀልጢፉ ክምልሰልካ እዩ።</translation>
    </message>
    <message>
        <source>Joining the line…</source>
        <translation>ናብ መስርዕ ትእቶ ኣለኻ…</translation>
    </message>
    <message>
        <source>You are number %1 in line</source>
        <translation>ኣብ መስርዕ ቁጽሪ %1 ኢኻ</translation>
    </message>
    <message>
        <source>About %1–%2 minutes</source>
        <translation>ኣስታት %1–%2 ደቓይቕ</translation>
    </message>
    <message>
        <source>This is you. Sit so that your face is in the picture.</source>
        <translation>እዚ ንስኻ ኢኻ። ገጽካ ኣብ ስእሊ ክርአ ከም ዝኽእል ኮፍ በል።</translation>
    </message>
    <message>
        <source>Nothing is recorded.</source>
        <translation>ምንም ኣይቅዳሕን።</translation>
    </message>
    <message>
        <source>Leave the line</source>
        <translation>ካብ መስርዕ ውጻእ</translation>
    </message>
    <message>
        <source>Camera and microphone are on</source>
        <translation>ካሜራን ማይክሮፎንን ወሊዖም ኣለዉ</translation>
    </message>
    <message>
        <source>Camera is on</source>
        <translation>ካሜራ ወሊዓ ኣላ</translation>
    </message>
    <message>
        <source>Microphone is on</source>
        <translation>ማይክሮፎን ወሊዑ ኣሎ</translation>
    </message>
    <message>
        <source>Adviser: %1</source>
        <translation>ኣማኻሪ: %1</translation>
    </message>
    <message>
        <source>Connecting the call…</source>
        <translation>ጻውዒት ይራኸብ ኣሎ…</translation>
    </message>
    <message>
        <source>Mute</source>
        <translation>ድምጺ ኣጥፍእ</translation>
    </message>
    <message>
        <source>Unmute</source>
        <translation>ድምጺ ወልዕ</translation>
    </message>
    <message>
        <source>Camera off</source>
        <translation>ካሜራ ኣጥፍእ</translation>
    </message>
    <message>
        <source>Camera on</source>
        <translation>ካሜራ ወልዕ</translation>
    </message>
    <message>
        <source>Quieter</source>
        <translation>ኣትሕት</translation>
    </message>
    <message>
        <source>Louder</source>
        <translation>ኣልዕል</translation>
    </message>
    <message>
        <source>End call</source>
        <translation>ጻውዒት ወድእ</translation>
    </message>
    <message>
        <source>Write here</source>
        <translation>ኣብዚ ጽሓፍ</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>ስደድ</translation>
    </message>
    <message>
        <source>You</source>
        <translation>ንስኻ</translation>
    </message>
    <message>
        <source>Keyboard</source>
        <translation>ኪቦርድ</translation>
    </message>
    <message>
        <source>How was the call?</source>
        <translation>እቲ ጻውዒት ከመይ ነይሩ?</translation>
    </message>
    <message>
        <source>Very bad</source>
        <translation>ኣዝዩ ሕማቕ</translation>
    </message>
    <message>
        <source>Bad</source>
        <translation>ሕማቕ</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>ማእከላይ</translation>
    </message>
    <message>
        <source>Good</source>
        <translation>ጽቡቕ</translation>
    </message>
    <message>
        <source>Very good</source>
        <translation>ኣዝዩ ጽቡቕ</translation>
    </message>
    <message>
        <source>Skip</source>
        <translation>ሕለፍ</translation>
    </message>
    <message>
        <source>Thank you! Goodbye.</source>
        <translation>የቐንየለይ! ደሓን ኩን።</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>ተወዲኡ</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>ሓገዝ</translation>
    </message>
    <message>
        <source>Tap the big buttons to go on. Tap Back to go back. Staff nearby can also help you.</source>
        <translation>ንምቕጻል ነቶም ዓበይቲ መጠወቒታት ጠውቕ። ንምምላስ ንድሕሪት ጠውቕ። ኣብ ጥቓኻ ዘለዉ ሰራሕተኛታት እውን ክሕግዙኻ ይኽእሉ እዮም።</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>ዕጸው</translation>
    </message>
    <message>
        <source>Are you still there?</source>
        <translation>ገና ኣለኻ ዲኻ?</translation>
    </message>
    <message>
        <source>The screen starts over in %1 seconds.</source>
        <translation>እቲ ስክሪን ድሕሪ %1 ካልኢት ካብ መጀመርታ ክጅምር እዩ።</translation>
    </message>
    <message>
        <source>I am still here</source>
        <translation>ገና ኣለኹ</translation>
    </message>
    <message>
        <source>No connection to the service. We keep trying. Please wait.</source>
        <translation>ምስ ኣገልግሎት ርክብ የለን። ምፍታን ንቕጽል ኣለና። በጃኻ ተጸበ።</translation>
    </message>
    <message>
        <source>This kiosk is out of order. Please ask the staff.</source>
        <translation>እዚ መሳርሒ ኣይሰርሕን እዩ። በጃኻ ንሰራሕተኛታት ሕተት።</translation>
    </message>
    <message>
        <source>The connection was lost. We are connecting you again. Please wait.</source>
        <translation>ርክብ ተቛሪጹ። ደጊምና ነራኽበካ ኣለና። በጃኻ ተጸበ።</translation>
    </message>
    <message>
        <source>The call was cut off. You are back in line. Please wait.</source>
        <translation>እቲ ጻውዒት ተቛሪጹ። ናብ መስርዕ ተመሊስካ ኣለኻ። በጃኻ ተጸበ።</translation>
    </message>
    <message>
        <source>You are being connected to another adviser.</source>
        <translation>ምስ ካልእ ኣማኻሪ ትራኸብ ኣለኻ።</translation>
    </message>
    <message>
        <source>The camera does not work. You can still talk, but the adviser cannot see you.</source>
        <translation>ካሜራ ኣይትሰርሕን እያ። ክትዛረብ ትኽእል ኢኻ፡ ግን ኣማኻሪ ክርእየካ ኣይክእልን እዩ።</translation>
    </message>
    <message>
        <source>The microphone does not work. You can write to the adviser instead.</source>
        <translation>ማይክሮፎን ኣይሰርሕን እዩ። ኣብ ክንድኡ ናብ ኣማኻሪ ክትጽሕፍ ትኽእል ኢኻ።</translation>
    </message>
    <message>
        <source>Nobody answers in this language right now. Choose another language or come back.</source>
        <translation>ሕጂ ብዚ ቋንቋ ዝምልስ የለን። ካልእ ቋንቋ ምረጽ ወይ ጸኒሕካ ተመለስ።</translation>
    </message>
    <message>
        <source>Something went wrong. Please try again.</source>
        <translation>ገለ ጌጋ ተፈጺሙ። በጃኻ ደጊምካ ፈትን።</translation>
    </message>
    <message>
        <source>Common questions</source>
        <translation>ልሙዳት ሕቶታት</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>ድለ</translation>
    </message>
    <message>
        <source>Nothing found. Try other words, or choose a topic.</source>
        <translation>ዝተረኽበ የለን። ካልእ ቃላት ፈትን፡ ወይ ኣርእስቲ ምረጽ።</translation>
    </message>
    <message>
        <source>There are no common questions on this kiosk yet.</source>
        <translation>ኣብዚ ኪዮስክ ክሳብ ሕጂ ልሙዳት ሕቶታት የለዉን።</translation>
    </message>
    <message>
        <source>This answer is not translated into your language yet. Here it is in %1.</source>
        <translation>እዚ መልሲ ክሳብ ሕጂ ናብ ቋንቋኻ ኣይተተርጎመን። ኣብዚ ብ%1 ኣሎ።</translation>
    </message>
    <message>
        <source>The Swedish text has changed since this translation. Ask an adviser if you are unsure.</source>
        <translation>ናይ ሽወደን ጽሑፍ ድሕሪ እዚ ትርጉም ተቐይሩ እዩ። ርግጸኛ እንተዘይኮንካ ንኣማኻሪ ሕተት።</translation>
    </message>
    <message>
        <source>Read aloud</source>
        <translation>ዓው ኢልካ ኣንብብ</translation>
    </message>
    <message>
        <source>Stop reading</source>
        <translation>ምንባብ ደው ኣብል</translation>
    </message>
    <message>
        <source>Did this help?</source>
        <translation>እዚ ሓጊዙካ ዶ?</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>እወ</translation>
    </message>
    <message>
        <source>No</source>
        <translation>ኣይፋል</translation>
    </message>
    <message>
        <source>Thank you for telling us.</source>
        <translation>ስለ ዝነገርካና የቐንየልና።</translation>
    </message>
    <message>
        <source>Opening hours: %1</source>
        <translation>ሰዓታት ስራሕ: %1</translation>
    </message>
    <message>
        <source>Phone: %1</source>
        <translation>ተሌፎን: %1</translation>
    </message>
    <message>
        <source>Scan the code with your phone&apos;s camera to open the page.</source>
        <translation>ነቲ ገጽ ንምኽፋት ነቲ ኮድ ብካሜራ ተሌፎንካ ስኣሎ።</translation>
    </message>
    <message>
        <source>Back to the line</source>
        <translation>ናብ መስርዕ ተመለስ</translation>
    </message>
    <message>
        <source>Show a letter</source>
        <translatorcomment>draft for issue #16: needs native review</translatorcomment>
        <translation>ደብዳበ ኣርኢ</translation>
    </message>
    <message>
        <source>The adviser asks to see your letter. Show it?</source>
        <translatorcomment>draft for issue #16: needs native review</translatorcomment>
        <translation>ኣማኻሪ ደብዳበኻ ክርኢ ይደሊ። ከተርእዮ ትደሊ ዶ?</translation>
    </message>
    <message>
        <source>Hold the letter inside the frame</source>
        <translatorcomment>draft for issue #16: needs native review</translatorcomment>
        <translation>ነቲ ደብዳበ ኣብ ውሽጢ እቲ ሓጹር ሓዞ</translation>
    </message>
    <message>
        <source>Take picture</source>
        <translatorcomment>draft for issue #16: needs native review</translatorcomment>
        <translation>ስእሊ ኣልዕል</translation>
    </message>
    <message>
        <source>Taking the picture…</source>
        <translatorcomment>draft for issue #16: needs native review</translatorcomment>
        <translation>ስእሊ ይለዓል ኣሎ…</translation>
    </message>
    <message>
        <source>Can you read the letter in the picture?</source>
        <translatorcomment>draft for issue #16: needs native review</translatorcomment>
        <translation>ነቲ ደብዳበ ኣብ ስእሊ ከተንብቦ ትኽእል ዶ?</translation>
    </message>
    <message>
        <source>Send to adviser</source>
        <translatorcomment>draft for issue #16: needs native review</translatorcomment>
        <translation>ናብ ኣማኻሪ ስደድ</translation>
    </message>
    <message>
        <source>Take again</source>
        <translatorcomment>draft for issue #16: needs native review</translatorcomment>
        <translation>ደጊምካ ኣልዕል</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translatorcomment>draft for issue #16: needs native review</translatorcomment>
        <translation>ሰርዝ</translation>
    </message>
    <message>
        <source>Sending… %1%</source>
        <translatorcomment>draft for issue #16: needs native review</translatorcomment>
        <translation>ይለኣኽ ኣሎ… %1%</translation>
    </message>
    <message>
        <source>Sent. The adviser can see the page now.</source>
        <translatorcomment>draft for issue #16: needs native review</translatorcomment>
        <translation>ተላኢኹ። ኣማኻሪ ሕጂ ነቲ ገጽ ክርእዮ ይኽእል።</translation>
    </message>
    <message>
        <source>Show another page</source>
        <translatorcomment>draft for issue #16: needs native review</translatorcomment>
        <translation>ካልእ ገጽ ኣርኢ</translation>
    </message>
    <message>
        <source>The picture is not saved. It is gone when the call ends.</source>
        <translatorcomment>draft for issue #16: needs native review</translatorcomment>
        <translation>እቲ ስእሊ ኣይዕቀብን። ጻውዒት ምስ ተወደአ ይጠፍእ።</translation>
    </message>
    <message>
        <source>You cannot show more pages in this call.</source>
        <translatorcomment>draft for issue #16: needs native review</translatorcomment>
        <translation>ኣብዚ ጻውዒት ተወሳኺ ገጻት ከተርኢ ኣይትኽእልን ኢኻ።</translation>
    </message>
    <message>
        <source>The camera did not take a picture. Please try again.</source>
        <translatorcomment>draft for issue #16: needs native review</translatorcomment>
        <translation>ካሜራ ስእሊ ኣየልዓለትን። ደጊምካ ፈትን።</translation>
    </message>
    <message>
        <source>The page did not reach the adviser. Please send it again.</source>
        <translatorcomment>draft for issue #16: needs native review</translatorcomment>
        <translation>እቲ ገጽ ናብ ኣማኻሪ ኣይበጽሐን። በጃኻ ደጊምካ ስደዶ።</translation>
    </message>
    <message>
        <source>Adviser</source>
        <translatorcomment>draft for issue #16: needs native review</translatorcomment>
        <translation>ኣማኻሪ</translation>
    </message>
    <message>
        <source>Interpreter</source>
        <translatorcomment>draft for issue #16: needs native review</translatorcomment>
        <translation>ተርጓሚ</translation>
    </message>
    <message>
        <source>An interpreter is being called</source>
        <translatorcomment>draft for issue #16: needs native review</translatorcomment>
        <translation>ተርጓሚ ይጽዋዕ ኣሎ</translation>
    </message>
    <message>
        <source>The interpreter has left. The call goes on.</source>
        <translatorcomment>draft for issue #16: needs native review</translatorcomment>
        <translation>ተርጓሚ ወጺኡ። ጻውዒት ይቕጽል ኣሎ።</translation>
    </message>
    <message>
        <source>Staff: enter the PIN</source>
        <translation>ሰራሕተኛታት: PIN ኣእትዉ</translation>
    </message>
    <message>
        <source>Wrong PIN</source>
        <translation>ጌጋ PIN</translation>
    </message>
    <message>
        <source>Book a time</source>
        <translation>ግዜ ሓዝ</translation>
    </message>
    <message>
        <source>I have a code</source>
        <translation>ኮድ ኣለኒ</translation>
    </message>
    <message>
        <source>Take a ticket and come back later</source>
        <translation>ቁጽሪ ሓዊስካ ደሓር ተመለስ</translation>
    </message>
    <message>
        <source>Choose a day</source>
        <translation>መዓልቲ ምረጽ</translation>
    </message>
    <message>
        <source>Choose a time</source>
        <translation>ሰዓት ምረጽ</translation>
    </message>
    <message>
        <source>Looking for free times…</source>
        <translation>ነጻ ግዜታት ንደሊ ኣለና…</translation>
    </message>
    <message>
        <source>There are no free times to book right now. Please try again later.</source>
        <translation>ሕጂ ዝሕዘ ነጻ ግዜ የለን። በጃኻ ደሓር ደጊምካ ፈትን።</translation>
    </message>
    <message>
        <source>Book this time?</source>
        <translation>እዚ ግዜ ክትሕዞ ትደሊ ዲኻ?</translation>
    </message>
    <message>
        <source>You do not need to give your name.</source>
        <translation>ስምካ ክትህብ ኣየድልየካን።</translation>
    </message>
    <message>
        <source>Book</source>
        <translation>ሓዝ</translation>
    </message>
    <message>
        <source>Your time is booked</source>
        <translation>ግዜኻ ተታሒዙ ኣሎ</translation>
    </message>
    <message>
        <source>Take a photo of the code or write it down. Show it at any kiosk between %1 and %2.</source>
        <translation>ናይቲ ኮድ ስእሊ ኣልዕል ወይ ጽሓፎ። ኣብ ዝኾነ ኪዮስክ ኣብ መንጎ %1ን %2ን ኣርኢ።</translation>
    </message>
    <message>
        <source>Your place in line is kept</source>
        <translation>ኣብ መስርዕ ዘሎ ቦታኻ ተዓቂቡ ኣሎ</translation>
    </message>
    <message>
        <source>Show the code at any kiosk before %1 to get your place back.</source>
        <translation>ቦታኻ ንምምላስ ቅድሚ %1 ነቲ ኮድ ኣብ ዝኾነ ኪዮስክ ኣርኢ።</translation>
    </message>
    <message>
        <source>Show your code to the camera, or type it</source>
        <translation>ኮድካ ናብ ካሜራ ኣርኢ፣ ወይ ጽሓፎ</translation>
    </message>
    <message>
        <source>The camera only reads the code. Nothing is recorded.</source>
        <translation>እቲ ካሜራ ነቲ ኮድ ጥራይ እዩ ዘንብብ። ዝቕዳሕ ነገር የለን።</translation>
    </message>
    <message>
        <source>Check in</source>
        <translation>ምምዝጋብ</translation>
    </message>
    <message>
        <source>This code is not right. Check it and try again.</source>
        <translation>እዚ ኮድ ቅኑዕ ኣይኮነን። ኣረጋግጽ እሞ ደጊምካ ፈትን።</translation>
    </message>
    <message>
        <source>This code has already been used.</source>
        <translation>እዚ ኮድ ድሮ ተጠቒምካሉ እዩ።</translation>
    </message>
    <message>
        <source>This code is no longer valid. You can book a new time.</source>
        <translation>እዚ ኮድ ደጊም ኣይሰርሕን እዩ። ሓድሽ ግዜ ክትሕዝ ትኽእል ኢኻ።</translation>
    </message>
    <message>
        <source>You are early. You can check in from %1.</source>
        <translation>ኣቐዲምካ መጺእካ። ካብ %1 ጀሚርካ ክትምዝገብ ትኽእል ኢኻ።</translation>
    </message>
    <message>
        <source>Your booked time has passed. You can wait in the line instead.</source>
        <translation>ዝሓዝካዮ ግዜ ሓሊፉ። ኣብ ክንድኡ ኣብ መስርዕ ክትጽበ ትኽእል ኢኻ።</translation>
    </message>
    <message>
        <source>The service is closed now. Your code works from %1.</source>
        <translation>እቲ ኣገልግሎት ሕጂ ዕጹው እዩ። ኮድካ ካብ %1 ጀሚሩ ይሰርሕ።</translation>
    </message>
    <message>
        <source>Too many wrong codes. Please try again at %1 or ask the staff.</source>
        <translation>ብዙሓት ጌጋ ኮዳት። በጃኻ ኣብ %1 ደጊምካ ፈትን ወይ ንሰራሕተኛታት ሕተት።</translation>
    </message>
    <message>
        <source>Someone else has just booked this time. Please choose another.</source>
        <translation>ካልእ ሰብ ሕጂ እዚ ግዜ ሒዝዎ። በጃኻ ካልእ ምረጽ።</translation>
    </message>
    <message>
        <source>This time is too soon to book. Please choose a later one.</source>
        <translation>እዚ ግዜ ንምሓዝ ኣዝዩ ቀረባ እዩ። በጃኻ ዝደንጎየ ምረጽ።</translation>
    </message>
    <message>
        <source>This kiosk cannot book more times now. Please try again at %1.</source>
        <translation>እዚ ኪዮስክ ሕጂ ተወሳኺ ግዜታት ክሕዝ ኣይክእልን። በጃኻ ኣብ %1 ደጊምካ ፈትን።</translation>
    </message>
    <message>
        <source>Wait in the line</source>
        <translation>ኣብ መስርዕ ተጸበ</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>ደጊምካ ፈትን</translation>
    </message>
</context>
</TS>
