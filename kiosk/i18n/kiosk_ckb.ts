<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ckb">
<context>
    <name>Kiosk</name>
    <message>
        <source>Talk to an adviser</source>
        <translation>قسە لەگەڵ ڕاوێژکارێک بکە</translation>
    </message>
    <message>
        <source>Free video call with an adviser who speaks your language</source>
        <translation>پەیوەندیی ڤیدیۆیی بێ بەرامبەر لەگەڵ ڕاوێژکارێک کە بە زمانی تۆ قسە دەکات</translation>
    </message>
    <message>
        <source>Tap the button to start</source>
        <translation>بۆ دەستپێکردن، دوگمەکە دابگرە</translation>
    </message>
    <message>
        <source>The service is closed now.</source>
        <translation>خزمەتگوزارییەکە ئێستا داخراوە.</translation>
    </message>
    <message>
        <source>Opens %1</source>
        <translation>دەکرێتەوە: %1</translation>
    </message>
    <message>
        <source>Connecting to the service…</source>
        <translation>پەیوەندی بە خزمەتگوزارییەکەوە دەکرێت…</translation>
    </message>
    <message>
        <source>Nothing is recorded. The camera is off until you start a call.</source>
        <translation>هیچ شتێک تۆمار ناکرێت. کامێرا کوژاوەیە تا پەیوەندییەک دەست پێ دەکەیت.</translation>
    </message>
    <message>
        <source>Choose your language</source>
        <translation>زمانەکەت هەڵبژێرە</translation>
    </message>
    <message>
        <source>Wait: %1–%2 min</source>
        <translation>چاوەڕوانی: %1–%2 خولەک</translation>
    </message>
    <message>
        <source>Short wait</source>
        <translation>چاوەڕوانیی کورت</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>داخراوە</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>گەڕانەوە</translation>
    </message>
    <message>
        <source>Ready to call</source>
        <translation>ئامادەی پەیوەندی</translation>
    </message>
    <message>
        <source>When you tap Call, the camera and microphone turn on. Nothing is recorded.</source>
        <translation>کاتێک «پەیوەندی» دادەگریت، کامێرا و مایکرۆفۆن هەڵدەکرێن. هیچ شتێک تۆمار ناکرێت.</translation>
    </message>
    <message>
        <source>What is it about? (you can skip this)</source>
        <translation>بابەتەکە چییە؟ (دەتوانیت ئەمە تێپەڕێنیت)</translation>
    </message>
    <message>
        <source>I also speak (you can skip this)</source>
        <translation>بەم زمانانەش قسە دەکەم (دەتوانیت ئەمە تێپەڕێنیت)</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>پەیوەندی</translation>
    </message>
    <message>
        <source>Housing</source>
        <translation>نیشتەجێبوون</translation>
    </message>
    <message>
        <source>Work</source>
        <translation>کار</translation>
    </message>
    <message>
        <source>School</source>
        <translation>قوتابخانە</translation>
    </message>
    <message>
        <source>Health and care</source>
        <translation>تەندروستی و چاودێری</translation>
    </message>
    <message>
        <source>Money and benefits</source>
        <translation>پارە و یارمەتی</translation>
    </message>
    <message>
        <source>Something else</source>
        <translation>شتێکی تر</translation>
    </message>
    <message>
        <source>A letter I got</source>
        <translation>نامەیەک کە بۆم هاتووە</translation>
    </message>
    <message>
        <source>An application or form</source>
        <translation>داواکاری یان فۆرم</translation>
    </message>
    <message>
        <source>Please wait. An adviser will answer soon.</source>
        <translation>تکایە چاوەڕێ بکە. ڕاوێژکارێک بەم زووانە وەڵام دەداتەوە.</translation>
    </message>
    <message>
        <source>Joining the line…</source>
        <translation>دەچیتە ناو ڕیزەکەوە…</translation>
    </message>
    <message>
        <source>You are number %1 in line</source>
        <translation>ژمارەی تۆ لە ڕیزەکەدا: %1</translation>
    </message>
    <message>
        <source>About %1–%2 minutes</source>
        <translation>نزیکەی %1–%2 خولەک</translation>
    </message>
    <message>
        <source>This is you. Sit so that your face is in the picture.</source>
        <translation>ئەمە تۆیت. وا دابنیشە کە ڕووخسارت لە وێنەکەدا بێت.</translation>
    </message>
    <message>
        <source>Nothing is recorded.</source>
        <translation>هیچ شتێک تۆمار ناکرێت.</translation>
    </message>
    <message>
        <source>Leave the line</source>
        <translation>ڕیزەکە جێبهێڵە</translation>
    </message>
    <message>
        <source>Camera and microphone are on</source>
        <translation>کامێرا و مایکرۆفۆن هەڵکراون</translation>
    </message>
    <message>
        <source>Camera is on</source>
        <translation>کامێرا هەڵکراوە</translation>
    </message>
    <message>
        <source>Microphone is on</source>
        <translation>مایکرۆفۆن هەڵکراوە</translation>
    </message>
    <message>
        <source>Adviser: %1</source>
        <translation>ڕاوێژکار: %1</translation>
    </message>
    <message>
        <source>Connecting the call…</source>
        <translation>پەیوەندییەکە دەبەسترێت…</translation>
    </message>
    <message>
        <source>Mute</source>
        <translation>بێدەنگکردن</translation>
    </message>
    <message>
        <source>Unmute</source>
        <translation>لابردنی بێدەنگی</translation>
    </message>
    <message>
        <source>Camera off</source>
        <translation>کوژاندنەوەی کامێرا</translation>
    </message>
    <message>
        <source>Camera on</source>
        <translation>هەڵکردنی کامێرا</translation>
    </message>
    <message>
        <source>Quieter</source>
        <translation>نزمتر</translation>
    </message>
    <message>
        <source>Louder</source>
        <translation>بەرزتر</translation>
    </message>
    <message>
        <source>End call</source>
        <translation>کۆتاییهێنان بە پەیوەندی</translation>
    </message>
    <message>
        <source>Write here</source>
        <translation>لێرە بنووسە</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>ناردن</translation>
    </message>
    <message>
        <source>You</source>
        <translation>تۆ</translation>
    </message>
    <message>
        <source>Keyboard</source>
        <translation>تەختەکلیل</translation>
    </message>
    <message>
        <source>How was the call?</source>
        <translation>پەیوەندییەکە چۆن بوو؟</translation>
    </message>
    <message>
        <source>Very bad</source>
        <translation>زۆر خراپ</translation>
    </message>
    <message>
        <source>Bad</source>
        <translation>خراپ</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>مامناوەند</translation>
    </message>
    <message>
        <source>Good</source>
        <translation>باش</translation>
    </message>
    <message>
        <source>Very good</source>
        <translation>زۆر باش</translation>
    </message>
    <message>
        <source>Skip</source>
        <translation>تێپەڕاندن</translation>
    </message>
    <message>
        <source>Thank you! Goodbye.</source>
        <translation>سوپاس! خوات لەگەڵ.</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>تەواو</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>یارمەتی</translation>
    </message>
    <message>
        <source>Tap the big buttons to go on. Tap Back to go back. Staff nearby can also help you.</source>
        <translation>بۆ بەردەوامبوون دوگمە گەورەکان دابگرە. بۆ گەڕانەوە «گەڕانەوە» دابگرە. کارمەندانی نزیکیش دەتوانن یارمەتیت بدەن.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>داخستن</translation>
    </message>
    <message>
        <source>Are you still there?</source>
        <translation>هێشتا لێرەیت؟</translation>
    </message>
    <message>
        <source>The screen starts over in %1 seconds.</source>
        <translation>شاشەکە لە %1 چرکەدا لە سەرەتاوە دەست پێ دەکاتەوە.</translation>
    </message>
    <message>
        <source>I am still here</source>
        <translation>هێشتا لێرەم</translation>
    </message>
    <message>
        <source>No connection to the service. We keep trying. Please wait.</source>
        <translation>پەیوەندی بە خزمەتگوزارییەکەوە نییە. هەوڵ دەدەینەوە. تکایە چاوەڕێ بکە.</translation>
    </message>
    <message>
        <source>This kiosk is out of order. Please ask the staff.</source>
        <translation>ئەم کیۆسکە تێکچووە. تکایە لە کارمەندان بپرسە.</translation>
    </message>
    <message>
        <source>The connection was lost. We are connecting you again. Please wait.</source>
        <translation>پەیوەندییەکە پچڕا. دیسان پەیوەستت دەکەینەوە. تکایە چاوەڕێ بکە.</translation>
    </message>
    <message>
        <source>The call was cut off. You are back in line. Please wait.</source>
        <translation>پەیوەندییەکە بڕا. گەڕایتەوە ناو ڕیزەکە. تکایە چاوەڕێ بکە.</translation>
    </message>
    <message>
        <source>You are being connected to another adviser.</source>
        <translation>بە ڕاوێژکارێکی ترەوە پەیوەست دەکرێیت.</translation>
    </message>
    <message>
        <source>The camera does not work. You can still talk, but the adviser cannot see you.</source>
        <translation>کامێرا کار ناکات. هێشتا دەتوانیت قسە بکەیت، بەڵام ڕاوێژکار ناتبینێت.</translation>
    </message>
    <message>
        <source>The microphone does not work. You can write to the adviser instead.</source>
        <translation>مایکرۆفۆن کار ناکات. دەتوانیت لە جیاتی ئەوە بۆ ڕاوێژکار بنووسیت.</translation>
    </message>
    <message>
        <source>Nobody answers in this language right now. Choose another language or come back.</source>
        <translation>ئێستا کەس بەم زمانە وەڵام ناداتەوە. زمانێکی تر هەڵبژێرە یان دواتر وەرەوە.</translation>
    </message>
    <message>
        <source>Something went wrong. Please try again.</source>
        <translation>هەڵەیەک ڕوویدا. تکایە دووبارە هەوڵ بدەرەوە.</translation>
    </message>
    <message>
        <source>Staff: enter the PIN</source>
        <translation>کارمەند: ژمارەی نهێنی بنووسە</translation>
    </message>
    <message>
        <source>Wrong PIN</source>
        <translation>ژمارەی نهێنی هەڵەیە</translation>
    </message>
    <message>
        <source>Common questions</source>
        <translation>پرسیارە باوەکان</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>گەڕان</translation>
    </message>
    <message>
        <source>Nothing found. Try other words, or choose a topic.</source>
        <translation>هیچ نەدۆزرایەوە. وشەی تر تاقی بکەرەوە، یان بابەتێک هەڵبژێرە.</translation>
    </message>
    <message>
        <source>There are no common questions on this kiosk yet.</source>
        <translation>هێشتا هیچ پرسیارێکی باو لەسەر ئەم کیۆسکە نییە.</translation>
    </message>
    <message>
        <source>This answer is not translated into your language yet. Here it is in %1.</source>
        <translation>ئەم وەڵامە هێشتا بۆ زمانەکەت وەرنەگێڕدراوە. لێرە بە %1 ە.</translation>
    </message>
    <message>
        <source>The Swedish text has changed since this translation. Ask an adviser if you are unsure.</source>
        <translation>دەقە سویدییەکە دوای ئەم وەرگێڕانە گۆڕاوە. ئەگەر دڵنیا نیت لە ڕاوێژکارێک بپرسە.</translation>
    </message>
    <message>
        <source>Read aloud</source>
        <translation>بە دەنگی بەرز بیخوێنەوە</translation>
    </message>
    <message>
        <source>Stop reading</source>
        <translation>خوێندنەوە ڕابگرە</translation>
    </message>
    <message>
        <source>Did this help?</source>
        <translation>ئەمە یارمەتیدەر بوو؟</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>بەڵێ</translation>
    </message>
    <message>
        <source>No</source>
        <translation>نەخێر</translation>
    </message>
    <message>
        <source>Thank you for telling us.</source>
        <translation>سوپاس کە پێت وتین.</translation>
    </message>
    <message>
        <source>Opening hours: %1</source>
        <translation>کاتەکانی کارکردن: %1</translation>
    </message>
    <message>
        <source>Phone: %1</source>
        <translation>تەلەفۆن: %1</translation>
    </message>
    <message>
        <source>Scan the code with your phone&apos;s camera to open the page.</source>
        <translation>کۆدەکە بە کامێرای مۆبایلەکەت سکان بکە بۆ کردنەوەی پەڕەکە.</translation>
    </message>
    <message>
        <source>Back to the line</source>
        <translation>گەڕانەوە بۆ ڕیزەکە</translation>
    </message>
    <message>
        <source>Book a time</source>
        <translation>کاتێک بگرە</translation>
    </message>
    <message>
        <source>I have a code</source>
        <translation>کۆدم هەیە</translation>
    </message>
    <message>
        <source>Take a ticket and come back later</source>
        <translation>بلیتێک وەربگرە و دواتر بگەڕێوە</translation>
    </message>
    <message>
        <source>Choose a day</source>
        <translation>ڕۆژێک هەڵبژێرە</translation>
    </message>
    <message>
        <source>Choose a time</source>
        <translation>کاتێک هەڵبژێرە</translation>
    </message>
    <message>
        <source>Looking for free times…</source>
        <translation>بەدوای کاتی بەتاڵدا دەگەڕێین…</translation>
    </message>
    <message>
        <source>There are no free times to book right now. Please try again later.</source>
        <translation>ئێستا هیچ کاتێکی بەتاڵ نییە. تکایە دواتر هەوڵ بدەرەوە.</translation>
    </message>
    <message>
        <source>Book this time?</source>
        <translation>ئەم کاتە دەگریت؟</translation>
    </message>
    <message>
        <source>You do not need to give your name.</source>
        <translation>پێویست ناکات ناوت بڵێیت.</translation>
    </message>
    <message>
        <source>Book</source>
        <translation>بیگرە</translation>
    </message>
    <message>
        <source>Your time is booked</source>
        <translation>کاتەکەت گیرا</translation>
    </message>
    <message>
        <source>Take a photo of the code or write it down. Show it at any kiosk between %1 and %2.</source>
        <translation>وێنەی کۆدەکە بگرە یان بینووسە. لە نێوان %1 و %2 لە هەر کیۆسکێک نیشانی بدە.</translation>
    </message>
    <message>
        <source>Your place in line is kept</source>
        <translation>شوێنەکەت لە ڕیزدا پارێزراوە</translation>
    </message>
    <message>
        <source>Show the code at any kiosk before %1 to get your place back.</source>
        <translation>پێش %1 کۆدەکە لە هەر کیۆسکێک نیشان بدە بۆ ئەوەی شوێنەکەت وەربگریتەوە.</translation>
    </message>
    <message>
        <source>Show your code to the camera, or type it</source>
        <translation>کۆدەکەت نیشانی کامێرا بدە، یان بینووسە</translation>
    </message>
    <message>
        <source>The camera only reads the code. Nothing is recorded.</source>
        <translation>کامێرا تەنها کۆدەکە دەخوێنێتەوە. هیچ شتێک تۆمار ناکرێت.</translation>
    </message>
    <message>
        <source>Check in</source>
        <translation>ئامادەبوون تۆمار بکە</translation>
    </message>
    <message>
        <source>This code is not right. Check it and try again.</source>
        <translation>ئەم کۆدە دروست نییە. پشکنینی بۆ بکە و دووبارە هەوڵ بدەرەوە.</translation>
    </message>
    <message>
        <source>This code has already been used.</source>
        <translation>ئەم کۆدە پێشتر بەکارهاتووە.</translation>
    </message>
    <message>
        <source>This code is no longer valid. You can book a new time.</source>
        <translation>ئەم کۆدە ئیتر کار ناکات. دەتوانیت کاتێکی نوێ بگریت.</translation>
    </message>
    <message>
        <source>You are early. You can check in from %1.</source>
        <translation>زوو هاتوویت. لە %1ەوە دەتوانیت ئامادەبوون تۆمار بکەیت.</translation>
    </message>
    <message>
        <source>Your booked time has passed. You can wait in the line instead.</source>
        <translation>کاتە گیراوەکەت تێپەڕیوە. دەتوانیت لە جیاتی ئەوە لە ڕیزدا چاوەڕێ بکەیت.</translation>
    </message>
    <message>
        <source>The service is closed now. Your code works from %1.</source>
        <translation>خزمەتگوزاری ئێستا داخراوە. کۆدەکەت لە %1ەوە کار دەکات.</translation>
    </message>
    <message>
        <source>Too many wrong codes. Please try again at %1 or ask the staff.</source>
        <translation>کۆدی هەڵەی زۆر. تکایە لە %1 دووبارە هەوڵ بدەرەوە یان لە کارمەندان بپرسە.</translation>
    </message>
    <message>
        <source>Someone else has just booked this time. Please choose another.</source>
        <translation>کەسێکی تر ئێستا ئەم کاتەی گرت. تکایە کاتێکی تر هەڵبژێرە.</translation>
    </message>
    <message>
        <source>This time is too soon to book. Please choose a later one.</source>
        <translation>ئەم کاتە زۆر نزیکە بۆ گرتن. تکایە کاتێکی درەنگتر هەڵبژێرە.</translation>
    </message>
    <message>
        <source>This kiosk cannot book more times now. Please try again at %1.</source>
        <translation>ئەم کیۆسکە ئێستا ناتوانێت کاتی زیاتر بگرێت. تکایە لە %1 دووبارە هەوڵ بدەرەوە.</translation>
    </message>
    <message>
        <source>Wait in the line</source>
        <translation>لە ڕیزدا چاوەڕێ بکە</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>دووبارە هەوڵ بدەرەوە</translation>
    </message>
    <message>
        <source>Show a letter</source>
        <translatorcomment>draft for issue #16: needs native review</translatorcomment>
        <translation>نامەیەک نیشان بدە</translation>
    </message>
    <message>
        <source>The adviser asks to see your letter. Show it?</source>
        <translatorcomment>draft for issue #16: needs native review</translatorcomment>
        <translation>ڕاوێژکار دەیەوێت نامەکەت ببینێت. نیشانی دەدەیت؟</translation>
    </message>
    <message>
        <source>Hold the letter inside the frame</source>
        <translatorcomment>draft for issue #16: needs native review</translatorcomment>
        <translation>نامەکە لەناو چوارچێوەکەدا ڕابگرە</translation>
    </message>
    <message>
        <source>Take picture</source>
        <translatorcomment>draft for issue #16: needs native review</translatorcomment>
        <translation>وێنە بگرە</translation>
    </message>
    <message>
        <source>Taking the picture…</source>
        <translatorcomment>draft for issue #16: needs native review</translatorcomment>
        <translation>وێنەکە دەگیرێت…</translation>
    </message>
    <message>
        <source>Can you read the letter in the picture?</source>
        <translatorcomment>draft for issue #16: needs native review</translatorcomment>
        <translation>دەتوانیت نامەکە لە وێنەکەدا بخوێنیتەوە؟</translation>
    </message>
    <message>
        <source>Send to adviser</source>
        <translatorcomment>draft for issue #16: needs native review</translatorcomment>
        <translation>بینێرە بۆ ڕاوێژکار</translation>
    </message>
    <message>
        <source>Take again</source>
        <translatorcomment>draft for issue #16: needs native review</translatorcomment>
        <translation>دووبارە بیگرەوە</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translatorcomment>draft for issue #16: needs native review</translatorcomment>
        <translation>هەڵوەشاندنەوە</translation>
    </message>
    <message>
        <source>Sending… %1%</source>
        <translatorcomment>draft for issue #16: needs native review</translatorcomment>
        <translation>دەنێردرێت… %1%</translation>
    </message>
    <message>
        <source>Sent. The adviser can see the page now.</source>
        <translatorcomment>draft for issue #16: needs native review</translatorcomment>
        <translation>نێردرا. ڕاوێژکار ئێستا لاپەڕەکە دەبینێت.</translation>
    </message>
    <message>
        <source>Show another page</source>
        <translatorcomment>draft for issue #16: needs native review</translatorcomment>
        <translation>لاپەڕەیەکی تر نیشان بدە</translation>
    </message>
    <message>
        <source>The picture is not saved. It is gone when the call ends.</source>
        <translatorcomment>draft for issue #16: needs native review</translatorcomment>
        <translation>وێنەکە پاشەکەوت ناکرێت. کاتێک پەیوەندییەکە کۆتایی دێت نامێنێت.</translation>
    </message>
    <message>
        <source>You cannot show more pages in this call.</source>
        <translatorcomment>draft for issue #16: needs native review</translatorcomment>
        <translation>لەم پەیوەندییەدا ناتوانیت لاپەڕەی زیاتر نیشان بدەیت.</translation>
    </message>
    <message>
        <source>The camera did not take a picture. Please try again.</source>
        <translatorcomment>draft for issue #16: needs native review</translatorcomment>
        <translation>کامێرا وێنەی نەگرت. دووبارە هەوڵ بدەرەوە.</translation>
    </message>
    <message>
        <source>The page did not reach the adviser. Please send it again.</source>
        <translatorcomment>draft for issue #16: needs native review</translatorcomment>
        <translation>لاپەڕەکە نەگەیشتە ڕاوێژکار. دووبارە بینێرەوە.</translation>
    </message>
    <message>
        <source>Adviser</source>
        <translatorcomment>draft for issue #16: needs native review</translatorcomment>
        <translation>ڕاوێژکار</translation>
    </message>
    <message>
        <source>Interpreter</source>
        <translatorcomment>draft for issue #16: needs native review</translatorcomment>
        <translation>وەرگێڕ</translation>
    </message>
    <message>
        <source>An interpreter is being called</source>
        <translatorcomment>draft for issue #16: needs native review</translatorcomment>
        <translation>وەرگێڕێک بانگ دەکرێت</translation>
    </message>
    <message>
        <source>The interpreter has left. The call goes on.</source>
        <translatorcomment>draft for issue #16: needs native review</translatorcomment>
        <translation>وەرگێڕەکە ڕۆیشت. پەیوەندییەکە بەردەوامە.</translation>
    </message>
</context>
</TS>
