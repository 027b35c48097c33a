<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="am">
<context>
    <name>Kiosk</name>
    <message>
        <source>Talk to an adviser</source>
        <translation>ከአማካሪ ጋር ይነጋገሩ</translation>
    </message>
    <message>
        <source>Free video call with an adviser who speaks your language</source>
        <translation>ቋንቋዎን ከሚናገር አማካሪ ጋር ነፃ የቪዲዮ ጥሪ</translation>
    </message>
    <message>
        <source>Tap the button to start</source>
        <translation>ለመጀመር አዝራሩን ይንኩ</translation>
    </message>
    <message>
        <source>The service is closed now.</source>
        <translation>አገልግሎቱ አሁን ዝግ ነው።</translation>
    </message>
    <message>
        <source>Opens %1</source>
        <translation>የሚከፈተው፦ %1</translation>
    </message>
    <message>
        <source>Connecting to the service…</source>
        <translation>ከአገልግሎቱ ጋር በመገናኘት ላይ…</translation>
    </message>
    <message>
        <source>Nothing is recorded. The camera is off until you start a call.</source>
        <translation>ምንም ነገር አይቀረጽም። ጥሪ እስኪጀምሩ ድረስ ካሜራው ጠፍቷል።</translation>
    </message>
    <message>
        <source>Choose your language</source>
        <translation>ቋንቋዎን ይምረጡ</translation>
    </message>
    <message>
        <source>Wait: %1–%2 min</source>
        <translation>መጠበቅ፦ %1–%2 ደቂቃ</translation>
    </message>
    <message>
        <source>Short wait</source>
        <translation>አጭር ጥበቃ</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>ዝግ</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>ተመለስ</translation>
    </message>
    <message>
        <source>Ready to call</source>
        <translation>ለመደወል ዝግጁ</translation>
    </message>
    <message>
        <source>When you tap Call, the camera and microphone turn on. Nothing is recorded.</source>
        <translation>«ደውል»ን ሲነኩ ካሜራው እና ማይክሮፎኑ ይበራሉ። ምንም ነገር አይቀረጽም።</translation>
    </message>
    <message>
        <source>What is it about? (you can skip this)</source>
        <translation>ስለ ምንድን ነው? (ይህን መዝለል ይችላሉ)</translation>
    </message>
    <message>
        <source>I also speak (you can skip this)</source>
        <translation>እነዚህንም ቋንቋዎች እናገራለሁ (ይህን መዝለል ይችላሉ)</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>ደውል</translation>
    </message>
    <message>
        <source>Housing</source>
        <translation>መኖሪያ ቤት</translation>
    </message>
    <message>
        <source>Work</source>
        <translation>ሥራ</translation>
    </message>
    <message>
        <source>School</source>
        <translation>ትምህርት ቤት</translation>
    </message>
    <message>
        <source>Health and care</source>
        <translation>ጤና እና እንክብካቤ</translation>
    </message>
    <message>
        <source>Money and benefits</source>
        <translation>ገንዘብ እና ድጎማ</translation>
    </message>
    <message>
        <source>Something else</source>
        <translation>ሌላ ነገር</translation>
    </message>
    <message>
        <source>A letter I got</source>
        <translation>የደረሰኝ ደብዳቤ</translation>
    </message>
    <message>
        <source>An application or form</source>
        <translation>ማመልከቻ ወይም ቅጽ</translation>
    </message>
    <message>
        <source>Please wait. An adviser will answer soon.</source>
        <translation>እባክዎ ይጠብቁ። አማካሪ በቅርቡ ይመልሳል።</translation>
    </message>
    <message>
        <source>Joining the line…</source>
        <translation>ወደ ወረፋው በመግባት ላይ…</translation>
    </message>
    <message>
        <source>You are number %1 in line</source>
        <translation>በወረፋው ላይ ቁጥር %1 ነዎት</translation>
    </message>
    <message>
        <source>About %1–%2 minutes</source>
        <translation>በግምት %1–%2 ደቂቃ</translation>
    </message>
    <message>
        <source>This is you. Sit so that your face is in the picture.</source>
        <translation>ይህ እርስዎ ነዎት። ፊትዎ በምስሉ ውስጥ እንዲታይ ይቀመጡ።</translation>
    </message>
    <message>
        <source>Nothing is recorded.</source>
        <translation>ምንም ነገር አይቀረጽም።</translation>
    </message>
    <message>
        <source>Leave the line</source>
        <translation>ከወረፋው ውጣ</translation>
    </message>
    <message>
        <source>Camera and microphone are on</source>
        <translation>ካሜራ እና ማይክሮፎን በርተዋል</translation>
    </message>
    <message>
        <source>Camera is on</source>
        <translation>ካሜራው በርቷል</translation>
    </message>
    <message>
        <source>Microphone is on</source>
        <translation>ማይክሮፎኑ በርቷል</translation>
    </message>
    <message>
        <source>Adviser: %1</source>
        <translation>አማካሪ፦ %1</translation>
    </message>
    <message>
        <source>Connecting the call…</source>
        <translation>ጥሪውን በማገናኘት ላይ…</translation>
    </message>
    <message>
        <source>Mute</source>
        <translation>ድምጽ አጥፋ</translation>
    </message>
    <message>
        <source>Unmute</source>
        <translation>ድምጽ አብራ</translation>
    </message>
    <message>
        <source>Camera off</source>
        <translation>ካሜራ አጥፋ</translation>
    </message>
    <message>
        <source>Camera on</source>
        <translation>ካሜራ አብራ</translation>
    </message>
    <message>
        <source>Quieter</source>
        <translation>ዝቅ አድርግ</translation>
    </message>
    <message>
        <source>Louder</source>
        <translation>ከፍ አድርግ</translation>
    </message>
    <message>
        <source>End call</source>
        <translation>ጥሪ ጨርስ</translation>
    </message>
    <message>
        <source>Write here</source>
        <translation>እዚህ ይጻፉ</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>ላክ</translation>
    </message>
    <message>
        <source>You</source>
        <translation>እርስዎ</translation>
    </message>
    <message>
        <source>Keyboard</source>
        <translation>የቁልፍ ሰሌዳ</translation>
    </message>
    <message>
        <source>How was the call?</source>
        <translation>ጥሪው እንዴት ነበር?</translation>
    </message>
    <message>
        <source>Very bad</source>
        <translation>በጣም መጥፎ</translation>
    </message>
    <message>
        <source>Bad</source>
        <translation>መጥፎ</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>መካከለኛ</translation>
    </message>
    <message>
        <source>Good</source>
        <translation>ጥሩ</translation>
    </message>
    <message>
        <source>Very good</source>
        <translation>በጣም ጥሩ</translation>
    </message>
    <message>
        <source>Skip</source>
        <translation>ዝለል</translation>
    </message>
    <message>
        <source>Thank you! Goodbye.</source>
        <translation>እናመሰግናለን! ደህና ሁኑ።</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>ተጠናቋል</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>እርዳታ</translation>
    </message>
    <message>
        <source>Tap the big buttons to go on. Tap Back to go back. Staff nearby can also help you.</source>
        <translation>ለመቀጠል ትላልቆቹን አዝራሮች ይንኩ። ለመመለስ «ተመለስ»ን ይንኩ። በአቅራቢያ ያሉ ሠራተኞችም ሊረዱዎት ይችላሉ።</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>ዝጋ</translation>
    </message>
    <message>
        <source>Are you still there?</source>
        <translation>አሁንም እዚህ ነዎት?</translation>
    </message>
    <message>
        <source>The screen starts over in %1 seconds.</source>
        <translation>ማያ ገጹ በ%1 ሰከንድ ውስጥ እንደገና ይጀምራል።</translation>
    </message>
    <message>
        <source>I am still here</source>
        <translation>አሁንም እዚህ ነኝ</translation>
    </message>
    <message>
        <source>No connection to the service. We keep trying. Please wait.</source>
        <translation>ከአገልግሎቱ ጋር ግንኙነት የለም። መሞከራችንን እንቀጥላለን። እባክዎ ይጠብቁ።</translation>
    </message>
    <message>
        <source>This kiosk is out of order. Please ask the staff.</source>
        <translation>ይህ ኪዮስክ አይሰራም። እባክዎ ሠራተኞቹን ይጠይቁ።</translation>
    </message>
    <message>
        <source>The connection was lost. We are connecting you again. Please wait.</source>
        <translation>ግንኙነቱ ተቋርጧል። እንደገና እያገናኘንዎት ነው። እባክዎ ይጠብቁ።</translation>
    </message>
    <message>
        <source>The call was cut off. You are back in line. Please wait.</source>
        <translation>ጥሪው ተቋርጧል። ወደ ወረፋው ተመልሰዋል። እባክዎ ይጠብቁ።</translation>
    </message>
    <message>
        <source>You are being connected to another adviser.</source>
        <translation>ከሌላ አማካሪ ጋር እየተገናኙ ነው።</translation>
    </message>
    <message>
        <source>The camera does not work. You can still talk, but the adviser cannot see you.</source>
        <translation>ካሜራው አይሰራም። አሁንም መናገር ይችላሉ፣ ግን አማካሪው ሊያይዎት አይችልም።</translation>
    </message>
    <message>
        <source>The microphone does not work. You can write to the adviser instead.</source>
        <translation>ማይክሮፎኑ አይሰራም። በምትኩ ለአማካሪው መጻፍ ይችላሉ።</translation>
    </message>
    <message>
        <source>Nobody answers in this language right now. Choose another language or come back.</source>
        <translation>አሁን በዚህ ቋንቋ የሚመልስ የለም። ሌላ ቋንቋ ይምረጡ ወይም ቆይተው ይመለሱ።</translation>
    </message>
    <message>
        <source>Something went wrong. Please try again.</source>
        <translation>የሆነ ችግር ተፈጥሯል። እባክዎ እንደገና ይሞክሩ።</translation>
    </message>
    <message>
        <source>Common questions</source>
        <translation>የተለመዱ ጥያቄዎች</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>ፈልግ</translation>
    </message>
    <message>
        <source>Nothing found. Try other words, or choose a topic.</source>
        <translation>ምንም አልተገኘም። ሌላ ቃላት ይሞክሩ፣ ወይም ርዕስ ይምረጡ።</translation>
    </message>
    <message>
        <source>There are no common questions on this kiosk yet.</source>
        <translation>በዚህ ኪዮስክ ላይ እስካሁን የተለመዱ ጥያቄዎች የሉም።</translation>
    </message>
    <message>
        <source>This answer is not translated into your language yet. Here it is in %1.</source>
        <translation>ይህ መልስ እስካሁን ወደ ቋንቋዎ አልተተረጎመም። እዚህ በ%1 ነው።</translation>
    </message>
    <message>
        <source>The Swedish text has changed since this translation. Ask an adviser if you are unsure.</source>
        <translation>የስዊድንኛው ጽሑፍ ከዚህ ትርጉም በኋላ ተቀይሯል። እርግጠኛ ካልሆኑ አማካሪ ይጠይቁ።</translation>
    </message>
    <message>
        <source>Read aloud</source>
        <translation>ጮክ ብሎ ማንበብ</translation>
    </message>
    <message>
        <source>Stop reading</source>
        <translation>ማንበብ አቁም</translation>
    </message>
    <message>
        <source>Did this help?</source>
        <translation>ይህ ረድቶዎታል?</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>አዎ</translation>
    </message>
    <message>
        <source>No</source>
        <translation>አይ</translation>
    </message>
    <message>
        <source>Thank you for telling us.</source>
        <translation>ስለነገሩን እናመሰግናለን።</translation>
    </message>
    <message>
        <source>Opening hours: %1</source>
        <translation>የስራ ሰዓታት: %1</translation>
    </message>
    <message>
        <source>Phone: %1</source>
        <translation>ስልክ: %1</translation>
    </message>
    <message>
        <source>Scan the code with your phone&apos;s camera to open the page.</source>
        <translation>ገጹን ለመክፈት ኮዱን በስልክዎ ካሜራ ይቃኙ።</translation>
    </message>
    <message>
        <source>Back to the line</source>
        <translation>ወደ ወረፋው ተመለስ</translation>
    </message>
    <message>
        <source>Show a letter</source>
        <translatorcomment>draft for issue #16: needs native review</translatorcomment>
        <translation>ደብዳቤ አሳይ</translation>
    </message>
    <message>
        <source>The adviser asks to see your letter. Show it?</source>
        <translatorcomment>draft for issue #16: needs native review</translatorcomment>
        <translation>አማካሪው ደብዳቤዎን ማየት ይፈልጋል። ያሳያሉ?</translation>
    </message>
    <message>
        <source>Hold the letter inside the frame</source>
        <translatorcomment>draft for issue #16: needs native review</translatorcomment>
        <translation>ደብዳቤውን በማዕቀፉ ውስጥ ይያዙ</translation>
    </message>
    <message>
        <source>Take picture</source>
        <translatorcomment>draft for issue #16: needs native review</translatorcomment>
        <translation>ፎቶ አንሳ</translation>
    </message>
    <message>
        <source>Taking the picture…</source>
        <translatorcomment>draft for issue #16: needs native review</translatorcomment>
        <translation>ፎቶው እየተነሳ ነው…</translation>
    </message>
    <message>
        <source>Can you read the letter in the picture?</source>
        <translatorcomment>draft for issue #16: needs native review</translatorcomment>
        <translation>ደብዳቤውን በፎቶው ውስጥ ማንበብ ይችላሉ?</translation>
    </message>
    <message>
        <source>Send to adviser</source>
        <translatorcomment>draft for issue #16: needs native review</translatorcomment>
        <translation>ለአማካሪው ላክ</translation>
    </message>
    <message>
        <source>Take again</source>
        <translatorcomment>draft for issue #16: needs native review</translatorcomment>
        <translation>እንደገና አንሳ</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translatorcomment>draft for issue #16: needs native review</translatorcomment>
        <translation>ሰርዝ</translation>
    </message>
    <message>
        <source>Sending… %1%</source>
        <translatorcomment>draft for issue #16: needs native review</translatorcomment>
        <translation>በመላክ ላይ… %1%</translation>
    </message>
    <message>
        <source>Sent. The adviser can see the page now.</source>
        <translatorcomment>draft for issue #16: needs native review</translatorcomment>
        <translation>ተልኳል። አማካሪው አሁን ገጹን ማየት ይችላል።</translation>
    </message>
    <message>
        <source>Show another page</source>
        <translatorcomment>draft for issue #16: needs native review</translatorcomment>
        <translation>ሌላ ገጽ አሳይ</translation>
    </message>
    <message>
        <source>The picture is not saved. It is gone when the call ends.</source>
        <translatorcomment>draft for issue #16: needs native review</translatorcomment>
        <translation>ፎቶው አይቀመጥም። ጥሪው ሲያበቃ ይጠፋል።</translation>
    </message>
    <message>
        <source>You cannot show more pages in this call.</source>
        <translatorcomment>draft for issue #16: needs native review</translatorcomment>
        <translation>በዚህ ጥሪ ተጨማሪ ገጾችን ማሳየት አይችሉም።</translation>
    </message>
    <message>
        <source>The camera did not take a picture. Please try again.</source>
        <translatorcomment>draft for issue #16: needs native review</translatorcomment>
        <translation>ካሜራው ፎቶ አላነሳም። እንደገና ይሞክሩ።</translation>
    </message>
    <message>
        <source>The page did not reach the adviser. Please send it again.</source>
        <translatorcomment>draft for issue #16: needs native review</translatorcomment>
        <translation>ገጹ አማካሪው ጋር አልደረሰም። እባክዎ እንደገና ይላኩ።</translation>
    </message>
    <message>
        <source>Adviser</source>
        <translatorcomment>draft for issue #16: needs native review</translatorcomment>
        <translation>አማካሪ</translation>
    </message>
    <message>
        <source>Interpreter</source>
        <translatorcomment>draft for issue #16: needs native review</translatorcomment>
        <translation>አስተርጓሚ</translation>
    </message>
    <message>
        <source>An interpreter is being called</source>
        <translatorcomment>draft for issue #16: needs native review</translatorcomment>
        <translation>አስተርጓሚ እየተጠራ ነው</translation>
    </message>
    <message>
        <source>The interpreter has left. The call goes on.</source>
        <translatorcomment>draft for issue #16: needs native review</translatorcomment>
        <translation>አስተርጓሚው ወጥቷል። ጥሪው ይቀጥላል።</translation>
    </message>
    <message>
        <source>Staff: enter the PIN</source>
        <translation>ሠራተኞች፦ ፒን ያስገቡ</translation>
    </message>
    <message>
        <source>Wrong PIN</source>
        <translation>የተሳሳተ ፒን</translation>
    </message>
    <message>
        <source>Book a time</source>
        <translation>ቀጠሮ ይያዙ</translation>
    </message>
    <message>
        <source>I have a code</source>
        <translation>ኮድ አለኝ</translation>
    </message>
    <message>
        <source>Take a ticket and come back later</source>
        <translation>ቁጥር ወስደው በኋላ ይመለሱ</translation>
    </message>
    <message>
        <source>Choose a day</source>
        <translation>ቀን ይምረጡ</translation>
    </message>
    <message>
        <source>Choose a time</source>
        <translation>ሰዓት ይምረጡ</translation>
    </message>
    <message>
        <source>Looking for free times…</source>
        <translation>ነፃ ሰዓቶችን በመፈለግ ላይ…</translation>
    </message>
    <message>
        <source>There are no free times to book right now. Please try again later.</source>
        <translation>አሁን የሚያዝ ነፃ ሰዓት የለም። እባክዎ ቆይተው እንደገና ይሞክሩ።</translation>
    </message>
    <message>
        <source>Book this time?</source>
        <translation>ይህን ሰዓት ይይዛሉ?</translation>
    </message>
    <message>
        <source>You do not need to give your name.</source>
        <translation>ስምዎን መስጠት አያስፈልግዎትም።</translation>
    </message>
    <message>
        <source>Book</source>
        <translation>ያዝ</translation>
    </message>
    <message>
        <source>Your time is booked</source>
        <translation>ቀጠሮዎ ተይዟል</translation>
    </message>
    <message>
        <source>Take a photo of the code or write it down. Show it at any kiosk between %1 and %2.</source>
        <translation>የኮዱን ፎቶ ያንሱ ወይም ይጻፉት። በ%1 እና በ%2 መካከል በማንኛውም ኪዮስክ ያሳዩት።</translation>
    </message>
    <message>
        <source>Your place in line is kept</source>
        <translation>በሰልፉ ውስጥ ያለዎት ቦታ ተጠብቋል</translation>
    </message>
    <message>
        <source>Show the code at any kiosk before %1 to get your place back.</source>
        <translation>ቦታዎን መልሰው ለማግኘት ከ%1 በፊት ኮዱን በማንኛውም ኪዮስክ ያሳዩ።</translation>
    </message>
    <message>
        <source>Show your code to the camera, or type it</source>
        <translation>ኮድዎን ለካሜራው ያሳዩ፣ ወይም ይጻፉት</translation>
    </message>
    <message>
        <source>The camera only reads the code. Nothing is recorded.</source>
        <translation>ካሜራው ኮዱን ብቻ ነው የሚያነበው። ምንም አይቀረጽም።</translation>
    </message>
    <message>
        <source>Check in</source>
        <translation>ተመዝገብ</translation>
    </message>
    <message>
        <source>This code is not right. Check it and try again.</source>
        <translation>ይህ ኮድ ትክክል አይደለም። ያረጋግጡና እንደገና ይሞክሩ።</translation>
    </message>
    <message>
        <source>This code has already been used.</source>
        <translation>ይህ ኮድ ቀደም ብሎ ጥቅም ላይ ውሏል።</translation>
    </message>
    <message>
        <source>This code is no longer valid. You can book a new time.</source>
        <translation>ይህ ኮድ ከአሁን በኋላ አይሰራም። አዲስ ቀጠሮ መያዝ ይችላሉ።</translation>
    </message>
    <message>
        <source>You are early. You can check in from %1.</source>
        <translation>ቀደም ብለው መጥተዋል። ከ%1 ጀምሮ መመዝገብ ይችላሉ።</translation>
    </message>
    <message>
        <source>Your booked time has passed. You can wait in the line instead.</source>
        <translation>የያዙት ሰዓት አልፏል። በምትኩ በሰልፉ ውስጥ መጠበቅ ይችላሉ።</translation>
    </message>
    <message>
        <source>The service is closed now. Your code works from %1.</source>
        <translation>አገልግሎቱ አሁን ዝግ ነው። ኮድዎ ከ%1 ጀምሮ ይሰራል።</translation>
    </message>
    <message>
        <source>Too many wrong codes. Please try again at %1 or ask the staff.</source>
        <translation>ብዙ የተሳሳቱ ኮዶች። እባክዎ በ%1 እንደገና ይሞክሩ ወይም ሠራተኞችን ይጠይቁ።</translation>
    </message>
    <message>
        <source>Someone else has just booked this time. Please choose another.</source>
        <translation>ሌላ ሰው ይህን ሰዓት አሁን ያዘው። እባክዎ ሌላ ይምረጡ።</translation>
    </message>
    <message>
        <source>This time is too soon to book. Please choose a later one.</source>
        <translation>ይህ ሰዓት ለመያዝ በጣም ቅርብ ነው። እባክዎ ዘግየት ያለ ይምረጡ።</translation>
    </message>
    <message>
        <source>This kiosk cannot book more times now. Please try again at %1.</source>
        <translation>ይህ ኪዮስክ አሁን ተጨማሪ ቀጠሮ መያዝ አይችልም። እባክዎ በ%1 እንደገና ይሞክሩ።</translation>
    </message>
    <message>
        <source>Wait in the line</source>
        <translation>በሰልፉ ውስጥ ይጠብቁ</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>እንደገና ይሞክሩ</translation>
    </message>
</context>
</TS>
