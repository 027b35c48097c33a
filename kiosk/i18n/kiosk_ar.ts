<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar">
<context>
    <name>Kiosk</name>
    <message>
        <source>Talk to an adviser</source>
        <translation>تحدّث مع مستشار</translation>
    </message>
    <message>
        <source>Free video call with an adviser who speaks your language</source>
        <translation>مكالمة فيديو مجانية مع مستشار يتحدث لغتك</translation>
    </message>
    <message>
        <source>Tap the button to start</source>
        <translation>اضغط على الزر للبدء</translation>
    </message>
    <message>
        <source>The service is closed now.</source>
        <translation>الخدمة مغلقة الآن.</translation>
    </message>
    <message>
        <source>Opens %1</source>
        <translation>يفتح %1</translation>
    </message>
    <message>
        <source>Connecting to the service…</source>
        <translation>جارٍ الاتصال بالخدمة…</translation>
    </message>
    <message>
        <source>Nothing is recorded. The camera is off until you start a call.</source>
        <translation>لا يتم تسجيل أي شيء. الكاميرا مطفأة حتى تبدأ مكالمة.</translation>
    </message>
    <message>
        <source>Choose your language</source>
        <translation>اختر لغتك</translation>
    </message>
    <message>
        <source>Wait: %1–%2 min</source>
        <translation>الانتظار: %1–%2 دقيقة</translation>
    </message>
    <message>
        <source>Short wait</source>
        <translation>انتظار قصير</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>مغلق</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>رجوع</translation>
    </message>
    <message>
        <source>Ready to call</source>
        <translation>جاهز للاتصال</translation>
    </message>
    <message>
        <source>When you tap Call, the camera and microphone turn on. Nothing is recorded.</source>
        <translation>عندما تضغط على «اتصال» تعمل الكاميرا والميكروفون. لا يتم تسجيل أي شيء.</translation>
    </message>
    <message>
        <source>What is it about? (you can skip this)</source>
        <translation>ما موضوع سؤالك؟ (يمكنك تخطي هذا)</translation>
    </message>
    <message>
        <source>I also speak (you can skip this)</source>
        <translation>أتحدث أيضاً (يمكنك تخطي هذا)</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>اتصال</translation>
    </message>
    <message>
        <source>Housing</source>
        <translation>السكن</translation>
    </message>
    <message>
        <source>Work</source>
        <translation>العمل</translation>
    </message>
    <message>
        <source>School</source>
        <translation>المدرسة</translation>
    </message>
    <message>
        <source>Health and care</source>
        <translation>الصحة والرعاية</translation>
    </message>
    <message>
        <source>Money and benefits</source>
        <translation>المال والإعانات</translation>
    </message>
    <message>
        <source>Something else</source>
        <translation>شيء آخر</translation>
    </message>
    <message>
        <source>A letter I got</source>
        <translation>رسالة وصلتني</translation>
    </message>
    <message>
        <source>An application or form</source>
        <translation>طلب أو استمارة</translation>
    </message>
    <message>
        <source>Please wait. An adviser will answer soon.</source>
        <translation>يرجى الانتظار. سيرد عليك مستشار قريباً.</translation>
    </message>
    <message>
        <source>Joining the line…</source>
        <translation>جارٍ إضافتك إلى قائمة الانتظار…</translation>
    </message>
    <message>
        <source>You are number %1 in line</source>
        <translation>أنت رقم %1 في قائمة الانتظار</translation>
    </message>
    <message>
        <source>About %1–%2 minutes</source>
        <translation>حوالي %1–%2 دقيقة</translation>
    </message>
    <message>
        <source>This is you. Sit so that your face is in the picture.</source>
        <translation>هذا أنت. اجلس بحيث يظهر وجهك في الصورة.</translation>
    </message>
    <message>
        <source>Nothing is recorded.</source>
        <translation>لا يتم تسجيل أي شيء.</translation>
    </message>
    <message>
        <source>Leave the line</source>
        <translation>مغادرة قائمة الانتظار</translation>
    </message>
    <message>
        <source>Camera and microphone are on</source>
        <translation>الكاميرا والميكروفون يعملان</translation>
    </message>
    <message>
        <source>Camera is on</source>
        <translation>الكاميرا تعمل</translation>
    </message>
    <message>
        <source>Microphone is on</source>
        <translation>الميكروفون يعمل</translation>
    </message>
    <message>
        <source>Adviser: %1</source>
        <translation>المستشار: %1</translation>
    </message>
    <message>
        <source>Connecting the call…</source>
        <translation>جارٍ توصيل المكالمة…</translation>
    </message>
    <message>
        <source>Mute</source>
        <translation>كتم الصوت</translation>
    </message>
    <message>
        <source>Unmute</source>
        <translation>إلغاء الكتم</translation>
    </message>
    <message>
        <source>Camera off</source>
        <translation>إيقاف الكاميرا</translation>
    </message>
    <message>
        <source>Camera on</source>
        <translation>تشغيل الكاميرا</translation>
    </message>
    <message>
        <source>Quieter</source>
        <translation>أخفض</translation>
    </message>
    <message>
        <source>Louder</source>
        <translation>أعلى</translation>
    </message>
    <message>
        <source>End call</source>
        <translation>إنهاء المكالمة</translation>
    </message>
    <message>
        <source>Write here</source>
        <translation>اكتب هنا</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>إرسال</translation>
    </message>
    <message>
        <source>You</source>
        <translation>أنت</translation>
    </message>
    <message>
        <source>Keyboard</source>
        <translation>لوحة المفاتيح</translation>
    </message>
    <message>
        <source>How was the call?</source>
        <translation>كيف كانت المكالمة؟</translation>
    </message>
    <message>
        <source>Very bad</source>
        <translation>سيئ جداً</translation>
    </message>
    <message>
        <source>Bad</source>
        <translation>سيئ</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>مقبول</translation>
    </message>
    <message>
        <source>Good</source>
        <translation>جيد</translation>
    </message>
    <message>
        <source>Very good</source>
        <translation>جيد جداً</translation>
    </message>
    <message>
        <source>Skip</source>
        <translation>تخطي</translation>
    </message>
    <message>
        <source>Thank you! Goodbye.</source>
        <translation>شكراً لك! مع السلامة.</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>تم</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>مساعدة</translation>
    </message>
    <message>
        <source>Tap the big buttons to go on. Tap Back to go back. Staff nearby can also help you.</source>
        <translation>اضغط على الأزرار الكبيرة للمتابعة. اضغط على «رجوع» للعودة. يمكن للموظفين القريبين مساعدتك أيضاً.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>إغلاق</translation>
    </message>
    <message>
        <source>Are you still there?</source>
        <translation>هل ما زلت هنا؟</translation>
    </message>
    <message>
        <source>The screen starts over in %1 seconds.</source>
        <translation>ستبدأ الشاشة من جديد بعد %1 ثانية.</translation>
    </message>
    <message>
        <source>I am still here</source>
        <translation>ما زلت هنا</translation>
    </message>
    <message>
        <source>No connection to the service. We keep trying. Please wait.</source>
        <translation>لا يوجد اتصال بالخدمة. نحن نواصل المحاولة. يرجى الانتظار.</translation>
    </message>
    <message>
        <source>This kiosk is out of order. Please ask the staff.</source>
        <translation>هذا الجهاز معطّل. يرجى سؤال الموظفين.</translation>
    </message>
    <message>
        <source>The connection was lost. We are connecting you again. Please wait.</source>
        <translation>انقطع الاتصال. نحن نعيد توصيلك. يرجى الانتظار.</translation>
    </message>
    <message>
        <source>The call was cut off. You are back in line. Please wait.</source>
        <translation>انقطعت المكالمة. عدت إلى قائمة الانتظار. يرجى الانتظار.</translation>
    </message>
    <message>
        <source>You are being connected to another adviser.</source>
        <translation>يتم توصيلك بمستشار آخر.</translation>
    </message>
    <message>
        <source>The camera does not work. You can still talk, but the adviser cannot see you.</source>
        <translation>الكاميرا لا تعمل. يمكنك التحدث، لكن المستشار لا يستطيع رؤيتك.</translation>
    </message>
    <message>
        <source>The microphone does not work. You can write to the adviser instead.</source>
        <translation>الميكروفون لا يعمل. يمكنك الكتابة إلى المستشار بدلاً من ذلك.</translation>
    </message>
    <message>
        <source>Nobody answers in this language right now. Choose another language or come back.</source>
        <translation>لا أحد يجيب بهذه اللغة الآن. اختر لغة أخرى أو عد لاحقاً.</translation>
    </message>
    <message>
        <source>Something went wrong. Please try again.</source>
        <translation>حدث خطأ ما. يرجى المحاولة مرة أخرى.</translation>
    </message>
    <message>
        <source>Common questions</source>
        <translation>أسئلة شائعة</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>بحث</translation>
    </message>
    <message>
        <source>Nothing found. Try other words, or choose a topic.</source>
        <translation>لم يتم العثور على شيء. جرّب كلمات أخرى أو اختر موضوعًا.</translation>
    </message>
    <message>
        <source>There are no common questions on this kiosk yet.</source>
        <translation>لا توجد أسئلة شائعة على هذا الجهاز بعد.</translation>
    </message>
    <message>
        <source>This answer is not translated into your language yet. Here it is in %1.</source>
        <translation>هذه الإجابة غير مترجمة إلى لغتك بعد. إليك النص بلغة: %1.</translation>
    </message>
    <message>
        <source>The Swedish text has changed since this translation. Ask an adviser if you are unsure.</source>
        <translation>تغيّر النص السويدي بعد هذه الترجمة. اسأل مستشارًا إذا لم تكن متأكدًا.</translation>
    </message>
    <message>
        <source>Read aloud</source>
        <translation>اقرأ بصوت عالٍ</translation>
    </message>
    <message>
        <source>Stop reading</source>
        <translation>أوقف القراءة</translation>
    </message>
    <message>
        <source>Did this help?</source>
        <translation>هل ساعدك هذا؟</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>نعم</translation>
    </message>
    <message>
        <source>No</source>
        <translation>لا</translation>
    </message>
    <message>
        <source>Thank you for telling us.</source>
        <translation>شكرًا لإخبارنا.</translation>
    </message>
    <message>
        <source>Opening hours: %1</source>
        <translation>ساعات العمل: %1</translation>
    </message>
    <message>
        <source>Phone: %1</source>
        <translation>الهاتف: %1</translation>
    </message>
    <message>
        <source>Scan the code with your phone&apos;s camera to open the page.</source>
        <translation>امسح الرمز بكاميرا هاتفك لفتح الصفحة.</translation>
    </message>
    <message>
        <source>Back to the line</source>
        <translation>العودة إلى قائمة الانتظار</translation>
    </message>
    <message>
        <source>Show a letter</source>
        <translatorcomment>draft for issue #16: needs native review</translatorcomment>
        <translation>أظهر رسالة</translation>
    </message>
    <message>
        <source>The adviser asks to see your letter. Show it?</source>
        <translatorcomment>draft for issue #16: needs native review</translatorcomment>
        <translation>يطلب المستشار رؤية رسالتك. هل تريد أن تُظهرها؟</translation>
    </message>
    <message>
        <source>Hold the letter inside the frame</source>
        <translatorcomment>draft for issue #16: needs native review</translatorcomment>
        <translation>أمسك الرسالة داخل الإطار</translation>
    </message>
    <message>
        <source>Take picture</source>
        <translatorcomment>draft for issue #16: needs native review</translatorcomment>
        <translation>التقط صورة</translation>
    </message>
    <message>
        <source>Taking the picture…</source>
        <translatorcomment>draft for issue #16: needs native review</translatorcomment>
        <translation>جارٍ التقاط الصورة…</translation>
    </message>
    <message>
        <source>Can you read the letter in the picture?</source>
        <translatorcomment>draft for issue #16: needs native review</translatorcomment>
        <translation>هل يمكنك قراءة الرسالة في الصورة؟</translation>
    </message>
    <message>
        <source>Send to adviser</source>
        <translatorcomment>draft for issue #16: needs native review</translatorcomment>
        <translation>أرسل إلى المستشار</translation>
    </message>
    <message>
        <source>Take again</source>
        <translatorcomment>draft for issue #16: needs native review</translatorcomment>
        <translation>التقط مرة أخرى</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translatorcomment>draft for issue #16: needs native review</translatorcomment>
        <translation>إلغاء</translation>
    </message>
    <message>
        <source>Sending… %1%</source>
        <translatorcomment>draft for issue #16: needs native review</translatorcomment>
        <translation>جارٍ الإرسال… %1%</translation>
    </message>
    <message>
        <source>Sent. The adviser can see the page now.</source>
        <translatorcomment>draft for issue #16: needs native review</translatorcomment>
        <translation>تم الإرسال. يستطيع المستشار رؤية الصفحة الآن.</translation>
    </message>
    <message>
        <source>Show another page</source>
        <translatorcomment>draft for issue #16: needs native review</translatorcomment>
        <translation>أظهر صفحة أخرى</translation>
    </message>
    <message>
        <source>The picture is not saved. It is gone when the call ends.</source>
        <translatorcomment>draft for issue #16: needs native review</translatorcomment>
        <translation>لا يتم حفظ الصورة. تختفي عند انتهاء المكالمة.</translation>
    </message>
    <message>
        <source>You cannot show more pages in this call.</source>
        <translatorcomment>draft for issue #16: needs native review</translatorcomment>
        <translation>لا يمكنك إظهار صفحات أخرى في هذه المكالمة.</translation>
    </message>
    <message>
        <source>The camera did not take a picture. Please try again.</source>
        <translatorcomment>draft for issue #16: needs native review</translatorcomment>
        <translation>لم تلتقط الكاميرا صورة. حاول مرة أخرى.</translation>
    </message>
    <message>
        <source>The page did not reach the adviser. Please send it again.</source>
        <translatorcomment>draft for issue #16: needs native review</translatorcomment>
        <translation>لم تصل الصفحة إلى المستشار. أرسلها مرة أخرى.</translation>
    </message>
    <message>
        <source>Adviser</source>
        <translatorcomment>draft for issue #16: needs native review</translatorcomment>
        <translation>المستشار</translation>
    </message>
    <message>
        <source>Interpreter</source>
        <translatorcomment>draft for issue #16: needs native review</translatorcomment>
        <translation>المترجم</translation>
    </message>
    <message>
        <source>An interpreter is being called</source>
        <translatorcomment>draft for issue #16: needs native review</translatorcomment>
        <translation>جارٍ استدعاء مترجم</translation>
    </message>
    <message>
        <source>The interpreter has left. The call goes on.</source>
        <translatorcomment>draft for issue #16: needs native review</translatorcomment>
        <translation>غادر المترجم. المكالمة مستمرة.</translation>
    </message>
    <message>
        <source>Staff: enter the PIN</source>
        <translation>للموظفين: أدخل الرقم السري</translation>
    </message>
    <message>
        <source>Wrong PIN</source>
        <translation>رقم سري خاطئ</translation>
    </message>
    <message>
        <source>Book a time</source>
        <translation>احجز موعدًا</translation>
    </message>
    <message>
        <source>I have a code</source>
        <translation>لدي رمز</translation>
    </message>
    <message>
        <source>Take a ticket and come back later</source>
        <translation>خذ تذكرة وعُد لاحقًا</translation>
    </message>
    <message>
        <source>Choose a day</source>
        <translation>اختر يومًا</translation>
    </message>
    <message>
        <source>Choose a time</source>
        <translation>اختر وقتًا</translation>
    </message>
    <message>
        <source>Looking for free times…</source>
        <translation>جارٍ البحث عن أوقات متاحة…</translation>
    </message>
    <message>
        <source>There are no free times to book right now. Please try again later.</source>
        <translation>لا توجد أوقات متاحة للحجز الآن. يرجى المحاولة لاحقًا.</translation>
    </message>
    <message>
        <source>Book this time?</source>
        <translation>هل تريد حجز هذا الوقت؟</translation>
    </message>
    <message>
        <source>You do not need to give your name.</source>
        <translation>لا تحتاج إلى ذكر اسمك.</translation>
    </message>
    <message>
        <source>Book</source>
        <translation>احجز</translation>
    </message>
    <message>
        <source>Your time is booked</source>
        <translation>تم حجز موعدك</translation>
    </message>
    <message>
        <source>Take a photo of the code or write it down. Show it at any kiosk between %1 and %2.</source>
        <translation>صوّر الرمز أو اكتبه. اعرضه على أي كشك بين %1 و%2.</translation>
    </message>
    <message>
        <source>Your place in line is kept</source>
        <translation>مكانك في قائمة الانتظار محفوظ</translation>
    </message>
    <message>
        <source>Show the code at any kiosk before %1 to get your place back.</source>
        <translation>اعرض الرمز على أي كشك قبل %1 لتستعيد مكانك.</translation>
    </message>
    <message>
        <source>Show your code to the camera, or type it</source>
        <translation>اعرض الرمز أمام الكاميرا، أو اكتبه</translation>
    </message>
    <message>
        <source>The camera only reads the code. Nothing is recorded.</source>
        <translation>الكاميرا تقرأ الرمز فقط. لا يتم تسجيل أي شيء.</translation>
    </message>
    <message>
        <source>Check in</source>
        <translation>تسجيل الحضور</translation>
    </message>
    <message>
        <source>This code is not right. Check it and try again.</source>
        <translation>هذا الرمز غير صحيح. تحقق منه وحاول مرة أخرى.</translation>
    </message>
    <message>
        <source>This code has already been used.</source>
        <translation>تم استخدام هذا الرمز من قبل.</translation>
    </message>
    <message>
        <source>This code is no longer valid. You can book a new time.</source>
        <translation>هذا الرمز لم يعد صالحًا. يمكنك حجز موعد جديد.</translation>
    </message>
    <message>
        <source>You are early. You can check in from %1.</source>
        <translation>لقد وصلت مبكرًا. يمكنك تسجيل الحضور من %1.</translation>
    </message>
    <message>
        <source>Your booked time has passed. You can wait in the line instead.</source>
        <translation>لقد فات موعدك المحجوز. يمكنك الانتظار في قائمة الانتظار بدلًا من ذلك.</translation>
    </message>
    <message>
        <source>The service is closed now. Your code works from %1.</source>
        <translation>الخدمة مغلقة الآن. رمزك يعمل من %1.</translation>
    </message>
    <message>
        <source>Too many wrong codes. Please try again at %1 or ask the staff.</source>
        <translation>رموز خاطئة كثيرة. حاول مرة أخرى في %1 أو اسأل الموظفين.</translation>
    </message>
    <message>
        <source>Someone else has just booked this time. Please choose another.</source>
        <translation>قام شخص آخر بحجز هذا الوقت للتو. يرجى اختيار وقت آخر.</translation>
    </message>
    <message>
        <source>This time is too soon to book. Please choose a later one.</source>
        <translation>هذا الوقت قريب جدًا للحجز. يرجى اختيار وقت لاحق.</translation>
    </message>
    <message>
        <source>This kiosk cannot book more times now. Please try again at %1.</source>
        <translation>لا يمكن لهذا الكشك حجز مواعيد أخرى الآن. حاول مرة أخرى في %1.</translation>
    </message>
    <message>
        <source>Wait in the line</source>
        <translation>انتظر في قائمة الانتظار</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>حاول مرة أخرى</translation>
    </message>
</context>
</TS>
