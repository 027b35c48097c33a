<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fa">
<context>
    <name>Kiosk</name>
    <message>
        <source>Talk to an adviser</source>
        <translation>با یک مشاور صحبت کنید</translation>
    </message>
    <message>
        <source>Free video call with an adviser who speaks your language</source>
        <translation>تماس تصویری رایگان با مشاوری که به زبان شما صحبت می‌کند</translation>
    </message>
    <message>
        <source>Tap the button to start</source>
        <translation>برای شروع، دکمه را لمس کنید</translation>
    </message>
    <message>
        <source>The service is closed now.</source>
        <translation>این خدمت الان بسته است.</translation>
    </message>
    <message>
        <source>Opens %1</source>
        <translation>باز می‌شود: %1</translation>
    </message>
    <message>
        <source>Connecting to the service…</source>
        <translation>در حال اتصال به خدمت…</translation>
    </message>
    <message>
        <source>Nothing is recorded. The camera is off until you start a call.</source>
        <translation>هیچ چیز ضبط نمی‌شود. دوربین تا وقتی تماس را شروع نکنید خاموش است.</translation>
    </message>
    <message>
        <source>Choose your language</source>
        <translation>زبان خود را انتخاب کنید</translation>
    </message>
    <message>
        <source>Wait: %1–%2 min</source>
        <translation>انتظار: %1–%2 دقیقه</translation>
    </message>
    <message>
        <source>Short wait</source>
        <translation>انتظار کوتاه</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>بسته</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>بازگشت</translation>
    </message>
    <message>
        <source>Ready to call</source>
        <translation>آماده برای تماس</translation>
    </message>
    <message>
        <source>When you tap Call, the camera and microphone turn on. Nothing is recorded.</source>
        <translation>وقتی «تماس» را لمس کنید، دوربین و میکروفون روشن می‌شوند. هیچ چیز ضبط نمی‌شود.</translation>
    </message>
    <message>
        <source>What is it about? (you can skip this)</source>
        <translation>موضوع چیست؟ (می‌توانید از این بگذرید)</translation>
    </message>
    <message>
        <source>I also speak (you can skip this)</source>
        <translation>به این زبان‌ها هم صحبت می‌کنم (می‌توانید از این بگذرید)</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>تماس</translation>
    </message>
    <message>
        <source>Housing</source>
        <translation>مسکن</translation>
    </message>
    <message>
        <source>Work</source>
        <translation>کار</translation>
    </message>
    <message>
        <source>School</source>
        <translation>مدرسه</translation>
    </message>
    <message>
        <source>Health and care</source>
        <translation>سلامت و مراقبت</translation>
    </message>
    <message>
        <source>Money and benefits</source>
        <translation>پول و کمک‌هزینه</translation>
    </message>
    <message>
        <source>Something else</source>
        <translation>موضوع دیگر</translation>
    </message>
    <message>
        <source>A letter I got</source>
        <translation>نامه‌ای که دریافت کرده‌ام</translation>
    </message>
    <message>
        <source>An application or form</source>
        <translation>درخواست یا فرم</translation>
    </message>
    <message>
        <source>Please wait. An adviser will answer soon.</source>
        <translation>لطفاً صبر کنید. یک مشاور به‌زودی پاسخ می‌دهد.</translation>
    </message>
    <message>
        <source>Joining the line…</source>
        <translation>در حال قرار گرفتن در صف…</translation>
    </message>
    <message>
        <source>You are number %1 in line</source>
        <translation>شما نفر %1 در صف هستید</translation>
    </message>
    <message>
        <source>About %1–%2 minutes</source>
        <translation>حدود %1 تا %2 دقیقه</translation>
    </message>
    <message>
        <source>This is you. Sit so that your face is in the picture.</source>
        <translation>این شما هستید. طوری بنشینید که صورتتان در تصویر باشد.</translation>
    </message>
    <message>
        <source>Nothing is recorded.</source>
        <translation>هیچ چیز ضبط نمی‌شود.</translation>
    </message>
    <message>
        <source>Leave the line</source>
        <translation>خروج از صف</translation>
    </message>
    <message>
        <source>Camera and microphone are on</source>
        <translation>دوربین و میکروفون روشن هستند</translation>
    </message>
    <message>
        <source>Camera is on</source>
        <translation>دوربین روشن است</translation>
    </message>
    <message>
        <source>Microphone is on</source>
        <translation>میکروفون روشن است</translation>
    </message>
    <message>
        <source>Adviser: %1</source>
        <translation>مشاور: %1</translation>
    </message>
    <message>
        <source>Connecting the call…</source>
        <translation>در حال برقراری تماس…</translation>
    </message>
    <message>
        <source>Mute</source>
        <translation>قطع صدا</translation>
    </message>
    <message>
        <source>Unmute</source>
        <translation>وصل صدا</translation>
    </message>
    <message>
        <source>Camera off</source>
        <translation>خاموش کردن دوربین</translation>
    </message>
    <message>
        <source>Camera on</source>
        <translation>روشن کردن دوربین</translation>
    </message>
    <message>
        <source>Quieter</source>
        <translation>آهسته‌تر</translation>
    </message>
    <message>
        <source>Louder</source>
        <translation>بلندتر</translation>
    </message>
    <message>
        <source>End call</source>
        <translation>پایان تماس</translation>
    </message>
    <message>
        <source>Write here</source>
        <translation>اینجا بنویسید</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>ارسال</translation>
    </message>
    <message>
        <source>You</source>
        <translation>شما</translation>
    </message>
    <message>
        <source>Keyboard</source>
        <translation>صفحه‌کلید</translation>
    </message>
    <message>
        <source>How was the call?</source>
        <translation>تماس چطور بود؟</translation>
    </message>
    <message>
        <source>Very bad</source>
        <translation>خیلی بد</translation>
    </message>
    <message>
        <source>Bad</source>
        <translation>بد</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>متوسط</translation>
    </message>
    <message>
        <source>Good</source>
        <translation>خوب</translation>
    </message>
    <message>
        <source>Very good</source>
        <translation>خیلی خوب</translation>
    </message>
    <message>
        <source>Skip</source>
        <translation>رد شدن</translation>
    </message>
    <message>
        <source>Thank you! Goodbye.</source>
        <translation>متشکریم! خداحافظ.</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>تمام</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>راهنما</translation>
    </message>
    <message>
        <source>Tap the big buttons to go on. Tap Back to go back. Staff nearby can also help you.</source>
        <translation>برای ادامه، دکمه‌های بزرگ را لمس کنید. برای برگشتن، «بازگشت» را لمس کنید. کارکنان این‌جا هم می‌توانند به شما کمک کنند.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>بستن</translation>
    </message>
    <message>
        <source>Are you still there?</source>
        <translation>هنوز اینجا هستید؟</translation>
    </message>
    <message>
        <source>The screen starts over in %1 seconds.</source>
        <translation>صفحه تا %1 ثانیه دیگر از اول شروع می‌شود.</translation>
    </message>
    <message>
        <source>I am still here</source>
        <translation>هنوز اینجا هستم</translation>
    </message>
    <message>
        <source>No connection to the service. We keep trying. Please wait.</source>
        <translation>اتصال به خدمت برقرار نیست. دوباره تلاش می‌کنیم. لطفاً صبر کنید.</translation>
    </message>
    <message>
        <source>This kiosk is out of order. Please ask the staff.</source>
        <translation>این دستگاه کار نمی‌کند. لطفاً از کارکنان کمک بخواهید.</translation>
    </message>
    <message>
        <source>The connection was lost. We are connecting you again. Please wait.</source>
        <translation>ارتباط قطع شد. دوباره شما را وصل می‌کنیم. لطفاً صبر کنید.</translation>
    </message>
    <message>
        <source>The call was cut off. You are back in line. Please wait.</source>
        <translation>تماس قطع شد. دوباره در صف هستید. لطفاً صبر کنید.</translation>
    </message>
    <message>
        <source>You are being connected to another adviser.</source>
        <translation>شما به مشاور دیگری وصل می‌شوید.</translation>
    </message>
    <message>
        <source>The camera does not work. You can still talk, but the adviser cannot see you.</source>
        <translation>دوربین کار نمی‌کند. می‌توانید صحبت کنید، اما مشاور شما را نمی‌بیند.</translation>
    </message>
    <message>
        <source>The microphone does not work. You can write to the adviser instead.</source>
        <translation>میکروفون کار نمی‌کند. به‌جای آن می‌توانید برای مشاور بنویسید.</translation>
    </message>
    <message>
        <source>Nobody answers in this language right now. Choose another language or come back.</source>
        <translation>الان کسی به این زبان پاسخ نمی‌دهد. زبان دیگری انتخاب کنید یا بعداً برگردید.</translation>
    </message>
    <message>
        <source>Something went wrong. Please try again.</source>
        <translation>مشکلی پیش آمد. لطفاً دوباره امتحان کنید.</translation>
    </message>
    <message>
        <source>Common questions</source>
        <translation>پرسش‌های رایج</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>جستجو</translation>
    </message>
    <message>
        <source>Nothing found. Try other words, or choose a topic.</source>
        <translation>چیزی پیدا نشد. کلمات دیگری را امتحان کنید یا یک موضوع انتخاب کنید.</translation>
    </message>
    <message>
        <source>There are no common questions on this kiosk yet.</source>
        <translation>هنوز پرسش رایجی روی این دستگاه نیست.</translation>
    </message>
    <message>
        <source>This answer is not translated into your language yet. Here it is in %1.</source>
        <translation>این پاسخ هنوز به زبان شما ترجمه نشده است. اینجا به زبان %1 است.</translation>
    </message>
    <message>
        <source>The Swedish text has changed since this translation. Ask an adviser if you are unsure.</source>
        <translation>متن سوئدی پس از این ترجمه تغییر کرده است. اگر مطمئن نیستید از یک مشاور بپرسید.</translation>
    </message>
    <message>
        <source>Read aloud</source>
        <translation>بلند خواندن</translation>
    </message>
    <message>
        <source>Stop reading</source>
        <translation>توقف خواندن</translation>
    </message>
    <message>
        <source>Did this help?</source>
        <translation>آیا این کمک کرد؟</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>بله</translation>
    </message>
    <message>
        <source>No</source>
        <translation>نه</translation>
    </message>
    <message>
        <source>Thank you for telling us.</source>
        <translation>از اینکه به ما گفتید متشکریم.</translation>
    </message>
    <message>
        <source>Opening hours: %1</source>
        <translation>ساعات کاری: %1</translation>
    </message>
    <message>
        <source>Phone: %1</source>
        <translation>تلفن: %1</translation>
    </message>
    <message>
        <source>Scan the code with your phone&apos;s camera to open the page.</source>
        <translation>برای باز کردن صفحه، کد را با دوربین تلفن خود اسکن کنید.</translation>
    </message>
    <message>
        <source>Back to the line</source>
        <translation>بازگشت به صف</translation>
    </message>
    <message>
        <source>Show a letter</source>
        <translatorcomment>draft for issue #16: needs native review</translatorcomment>
        <translation>نشان دادن نامه</translation>
    </message>
    <message>
        <source>The adviser asks to see your letter. Show it?</source>
        <translatorcomment>draft for issue #16: needs native review</translatorcomment>
        <translation>مشاور می‌خواهد نامه‌تان را ببیند. نشان می‌دهید؟</translation>
    </message>
    <message>
        <source>Hold the letter inside the frame</source>
        <translatorcomment>draft for issue #16: needs native review</translatorcomment>
        <translation>نامه را داخل قاب نگه دارید</translation>
    </message>
    <message>
        <source>Take picture</source>
        <translatorcomment>draft for issue #16: needs native review</translatorcomment>
        <translation>عکس بگیرید</translation>
    </message>
    <message>
        <source>Taking the picture…</source>
        <translatorcomment>draft for issue #16: needs native review</translatorcomment>
        <translation>در حال گرفتن عکس…</translation>
    </message>
    <message>
        <source>Can you read the letter in the picture?</source>
        <translatorcomment>draft for issue #16: needs native review</translatorcomment>
        <translation>آیا نامه را در عکس می‌توانید بخوانید؟</translation>
    </message>
    <message>
        <source>Send to adviser</source>
        <translatorcomment>draft for issue #16: needs native review</translatorcomment>
        <translation>ارسال به مشاور</translation>
    </message>
    <message>
        <source>Take again</source>
        <translatorcomment>draft for issue #16: needs native review</translatorcomment>
        <translation>دوباره بگیرید</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translatorcomment>draft for issue #16: needs native review</translatorcomment>
        <translation>لغو</translation>
    </message>
    <message>
        <source>Sending… %1%</source>
        <translatorcomment>draft for issue #16: needs native review</translatorcomment>
        <translation>در حال ارسال… %1%</translation>
    </message>
    <message>
        <source>Sent. The adviser can see the page now.</source>
        <translatorcomment>draft for issue #16: needs native review</translatorcomment>
        <translation>ارسال شد. مشاور اکنون صفحه را می‌بیند.</translation>
    </message>
    <message>
        <source>Show another page</source>
        <translatorcomment>draft for issue #16: needs native review</translatorcomment>
        <translation>نشان دادن صفحهٔ دیگر</translation>
    </message>
    <message>
        <source>The picture is not saved. It is gone when the call ends.</source>
        <translatorcomment>draft for issue #16: needs native review</translatorcomment>
        <translation>عکس ذخیره نمی‌شود. با پایان تماس از بین می‌رود.</translation>
    </message>
    <message>
        <source>You cannot show more pages in this call.</source>
        <translatorcomment>draft for issue #16: needs native review</translatorcomment>
        <translation>در این تماس نمی‌توانید صفحهٔ بیشتری نشان دهید.</translation>
    </message>
    <message>
        <source>The camera did not take a picture. Please try again.</source>
        <translatorcomment>draft for issue #16: needs native review</translatorcomment>
        <translation>دوربین عکس نگرفت. دوباره امتحان کنید.</translation>
    </message>
    <message>
        <source>The page did not reach the adviser. Please send it again.</source>
        <translatorcomment>draft for issue #16: needs native review</translatorcomment>
        <translation>صفحه به مشاور نرسید. دوباره ارسال کنید.</translation>
    </message>
    <message>
        <source>Adviser</source>
        <translatorcomment>draft for issue #16: needs native review</translatorcomment>
        <translation>مشاور</translation>
    </message>
    <message>
        <source>Interpreter</source>
        <translatorcomment>draft for issue #16: needs native review</translatorcomment>
        <translation>مترجم</translation>
    </message>
    <message>
        <source>An interpreter is being called</source>
        <translatorcomment>draft for issue #16: needs native review</translatorcomment>
        <translation>در حال فراخواندن مترجم</translation>
    </message>
    <message>
        <source>The interpreter has left. The call goes on.</source>
        <translatorcomment>draft for issue #16: needs native review</translatorcomment>
        <translation>مترجم رفت. تماس ادامه دارد.</translation>
    </message>
    <message>
        <source>Staff: enter the PIN</source>
        <translation>کارکنان: رمز را وارد کنید</translation>
    </message>
    <message>
        <source>Wrong PIN</source>
        <translation>رمز اشتباه</translation>
    </message>
    <message>
        <source>Book a time</source>
        <translation>وقت بگیرید</translation>
    </message>
    <message>
        <source>I have a code</source>
        <translation>کد دارم</translation>
    </message>
    <message>
        <source>Take a ticket and come back later</source>
        <translation>نوبت بگیرید و بعداً برگردید</translation>
    </message>
    <message>
        <source>Choose a day</source>
        <translation>یک روز انتخاب کنید</translation>
    </message>
    <message>
        <source>Choose a time</source>
        <translation>یک ساعت انتخاب کنید</translation>
    </message>
    <message>
        <source>Looking for free times…</source>
        <translation>در حال جستجوی وقت‌های خالی…</translation>
    </message>
    <message>
        <source>There are no free times to book right now. Please try again later.</source>
        <translation>الان وقت خالی برای رزرو وجود ندارد. لطفاً بعداً دوباره امتحان کنید.</translation>
    </message>
    <message>
        <source>Book this time?</source>
        <translation>این وقت را رزرو می‌کنید؟</translation>
    </message>
    <message>
        <source>You do not need to give your name.</source>
        <translation>لازم نیست نام خود را بگویید.</translation>
    </message>
    <message>
        <source>Book</source>
        <translation>رزرو</translation>
    </message>
    <message>
        <source>Your time is booked</source>
        <translation>وقت شما رزرو شد</translation>
    </message>
    <message>
        <source>Take a photo of the code or write it down. Show it at any kiosk between %1 and %2.</source>
        <translation>از کد عکس بگیرید یا آن را یادداشت کنید. آن را بین %1 و %2 در هر کیوسکی نشان دهید.</translation>
    </message>
    <message>
        <source>Your place in line is kept</source>
        <translation>جای شما در صف نگه داشته شد</translation>
    </message>
    <message>
        <source>Show the code at any kiosk before %1 to get your place back.</source>
        <translation>کد را پیش از %1 در هر کیوسکی نشان دهید تا جای خود را پس بگیرید.</translation>
    </message>
    <message>
        <source>Show your code to the camera, or type it</source>
        <translation>کد خود را به دوربین نشان دهید، یا آن را تایپ کنید</translation>
    </message>
    <message>
        <source>The camera only reads the code. Nothing is recorded.</source>
        <translation>دوربین فقط کد را می‌خواند. چیزی ضبط نمی‌شود.</translation>
    </message>
    <message>
        <source>Check in</source>
        <translation>اعلام حضور</translation>
    </message>
    <message>
        <source>This code is not right. Check it and try again.</source>
        <translation>این کد درست نیست. آن را بررسی کنید و دوباره امتحان کنید.</translation>
    </message>
    <message>
        <source>This code has already been used.</source>
        <translation>این کد قبلاً استفاده شده است.</translation>
    </message>
    <message>
        <source>This code is no longer valid. You can book a new time.</source>
        <translation>این کد دیگر معتبر نیست. می‌توانید وقت جدیدی بگیرید.</translation>
    </message>
    <message>
        <source>You are early. You can check in from %1.</source>
        <translation>زود آمده‌اید. از %1 می‌توانید اعلام حضور کنید.</translation>
    </message>
    <message>
        <source>Your booked time has passed. You can wait in the line instead.</source>
        <translation>وقت رزرو شما گذشته است. می‌توانید به جای آن در صف منتظر بمانید.</translation>
    </message>
    <message>
        <source>The service is closed now. Your code works from %1.</source>
        <translation>خدمات الان بسته است. کد شما از %1 کار می‌کند.</translation>
    </message>
    <message>
        <source>Too many wrong codes. Please try again at %1 or ask the staff.</source>
        <translation>کدهای اشتباه زیادی وارد شد. در %1 دوباره امتحان کنید یا از کارکنان بپرسید.</translation>
    </message>
    <message>
        <source>Someone else has just booked this time. Please choose another.</source>
        <translation>شخص دیگری همین الان این وقت را رزرو کرد. لطفاً وقت دیگری انتخاب کنید.</translation>
    </message>
    <message>
        <source>This time is too soon to book. Please choose a later one.</source>
        <translation>این وقت برای رزرو خیلی نزدیک است. لطفاً وقت دیرتری انتخاب کنید.</translation>
    </message>
    <message>
        <source>This kiosk cannot book more times now. Please try again at %1.</source>
        <translation>این کیوسک الان نمی‌تواند وقت بیشتری رزرو کند. در %1 دوباره امتحان کنید.</translation>
    </message>
    <message>
        <source>Wait in the line</source>
        <translation>در صف منتظر بمانید</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>دوباره امتحان کنید</translation>
    </message>
</context>
</TS>
