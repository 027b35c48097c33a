<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="uk">
<context>
    <name>Kiosk</name>
    <message>
        <source>Talk to an adviser</source>
        <translation>Поговорити з консультантом</translation>
    </message>
    <message>
        <source>Free video call with an adviser who speaks your language</source>
        <translation>Безкоштовний відеодзвінок з консультантом, який говорить вашою мовою</translation>
    </message>
    <message>
        <source>Tap the button to start</source>
        <translation>Натисніть кнопку, щоб почати</translation>
    </message>
    <message>
        <source>The service is closed now.</source>
        <translation>Зараз служба не працює.</translation>
    </message>
    <message>
        <source>Opens %1</source>
        <translation>Відкриється %1</translation>
    </message>
    <message>
        <source>Connecting to the service…</source>
        <translation>Підключення до служби…</translation>
    </message>
    <message>
        <source>Nothing is recorded. The camera is off until you start a call.</source>
        <translation>Нічого не записується. Камера вимкнена, доки ви не почнете дзвінок.</translation>
    </message>
    <message>
        <source>Choose your language</source>
        <translation>Оберіть свою мову</translation>
    </message>
    <message>
        <source>Wait: %1–%2 min</source>
        <translation>Очікування: %1–%2 хв</translation>
    </message>
    <message>
        <source>Short wait</source>
        <translation>Коротке очікування</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Зачинено</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Назад</translation>
    </message>
    <message>
        <source>Ready to call</source>
        <translation>Готові до дзвінка</translation>
    </message>
    <message>
        <source>When you tap Call, the camera and microphone turn on. Nothing is recorded.</source>
        <translation>Коли ви натиснете «Дзвонити», увімкнуться камера й мікрофон. Нічого не записується.</translation>
    </message>
    <message>
        <source>What is it about? (you can skip this)</source>
        <translation>Яке у вас питання? (можна пропустити)</translation>
    </message>
    <message>
        <source>I also speak (you can skip this)</source>
        <translation>Я також розмовляю (можна пропустити)</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>Дзвонити</translation>
    </message>
    <message>
        <source>Housing</source>
        <translation>Житло</translation>
    </message>
    <message>
        <source>Work</source>
        <translation>Робота</translation>
    </message>
    <message>
        <source>School</source>
        <translation>Школа</translation>
    </message>
    <message>
        <source>Health and care</source>
        <translation>Здоров’я та догляд</translation>
    </message>
    <message>
        <source>Money and benefits</source>
        <translation>Гроші та допомога</translation>
    </message>
    <message>
        <source>Something else</source>
        <translation>Інше</translation>
    </message>
    <message>
        <source>A letter I got</source>
        <translation>Отриманий лист</translation>
    </message>
    <message>
        <source>An application or form</source>
        <translation>Заява або бланк</translation>
    </message>
    <message>
        <source>Please wait. An adviser will answer soon.</source>
        <translation>Зачекайте, будь ласка. Консультант скоро відповість.</translation>
    </message>
    <message>
        <source>Joining the line…</source>
        <translation>Ставимо вас у чергу…</translation>
    </message>
    <message>
        <source>You are number %1 in line</source>
        <translation>Ваш номер у черзі: %1</translation>
    </message>
    <message>
        <source>About %1–%2 minutes</source>
        <translation>Приблизно %1–%2 хв</translation>
    </message>
    <message>
        <source>This is you. Sit so that your face is in the picture.</source>
        <translation>Це ви. Сядьте так, щоб ваше обличчя було в кадрі.</translation>
    </message>
    <message>
        <source>Nothing is recorded.</source>
        <translation>Нічого не записується.</translation>
    </message>
    <message>
        <source>Leave the line</source>
        <translation>Вийти з черги</translation>
    </message>
    <message>
        <source>Camera and microphone are on</source>
        <translation>Камера й мікрофон увімкнені</translation>
    </message>
    <message>
        <source>Camera is on</source>
        <translation>Камера увімкнена</translation>
    </message>
    <message>
        <source>Microphone is on</source>
        <translation>Мікрофон увімкнений</translation>
    </message>
    <message>
        <source>Adviser: %1</source>
        <translation>Консультант: %1</translation>
    </message>
    <message>
        <source>Connecting the call…</source>
        <translation>З’єднуємо…</translation>
    </message>
    <message>
        <source>Mute</source>
        <translation>Вимкнути звук</translation>
    </message>
    <message>
        <source>Unmute</source>
        <translation>Увімкнути звук</translation>
    </message>
    <message>
        <source>Camera off</source>
        <translation>Вимкнути камеру</translation>
    </message>
    <message>
        <source>Camera on</source>
        <translation>Увімкнути камеру</translation>
    </message>
    <message>
        <source>Quieter</source>
        <translation>Тихіше</translation>
    </message>
    <message>
        <source>Louder</source>
        <translation>Гучніше</translation>
    </message>
    <message>
        <source>End call</source>
        <translation>Завершити дзвінок</translation>
    </message>
    <message>
        <source>Write here</source>
        <translation>Пишіть тут</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Надіслати</translation>
    </message>
    <message>
        <source>You</source>
        <translation>Ви</translation>
    </message>
    <message>
        <source>Keyboard</source>
        <translation>Клавіатура</translation>
    </message>
    <message>
        <source>How was the call?</source>
        <translation>Як пройшла розмова?</translation>
    </message>
    <message>
        <source>Very bad</source>
        <translation>Дуже погано</translation>
    </message>
    <message>
        <source>Bad</source>
        <translation>Погано</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>Нормально</translation>
    </message>
    <message>
        <source>Good</source>
        <translation>Добре</translation>
    </message>
    <message>
        <source>Very good</source>
        <translation>Дуже добре</translation>
    </message>
    <message>
        <source>Skip</source>
        <translation>Пропустити</translation>
    </message>
    <message>
        <source>Thank you! Goodbye.</source>
        <translation>Дякуємо! До побачення.</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Готово</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>Допомога</translation>
    </message>
    <message>
        <source>Tap the big buttons to go on. Tap Back to go back. Staff nearby can also help you.</source>
        <translation>Натискайте великі кнопки, щоб продовжити. Натисніть «Назад», щоб повернутися. Працівники поруч теж можуть допомогти.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Закрити</translation>
    </message>
    <message>
        <source>Are you still there?</source>
        <translation>Ви ще тут?</translation>
    </message>
    <message>
        <source>The screen starts over in %1 seconds.</source>
        <translation>Екран почнеться спочатку через %1 с.</translation>
    </message>
    <message>
        <source>I am still here</source>
        <translation>Я ще тут</translation>
    </message>
    <message>
        <source>No connection to the service. We keep trying. Please wait.</source>
        <translation>Немає з’єднання зі службою. Ми пробуємо знову. Зачекайте, будь ласка.</translation>
    </message>
    <message>
        <source>This kiosk is out of order. Please ask the staff.</source>
        <translation>Цей кіоск не працює. Зверніться до працівників.</translation>
    </message>
    <message>
        <source>The connection was lost. We are connecting you again. Please wait.</source>
        <translation>З’єднання перервалося. Ми з’єднуємо вас знову. Зачекайте, будь ласка.</translation>
    </message>
    <message>
        <source>The call was cut off. You are back in line. Please wait.</source>
        <translation>Дзвінок перервався. Ви знову в черзі. Зачекайте, будь ласка.</translation>
    </message>
    <message>
        <source>You are being connected to another adviser.</source>
        <translation>Вас з’єднують з іншим консультантом.</translation>
    </message>
    <message>
        <source>The camera does not work. You can still talk, but the adviser cannot see you.</source>
        <translation>Камера не працює. Ви можете говорити, але консультант вас не бачить.</translation>
    </message>
    <message>
        <source>The microphone does not work. You can write to the adviser instead.</source>
        <translation>Мікрофон не працює. Ви можете написати консультантові.</translation>
    </message>
    <message>
        <source>Nobody answers in this language right now. Choose another language or come back.</source>
        <translation>Зараз ніхто не відповідає цією мовою. Оберіть іншу мову або поверніться пізніше.</translation>
    </message>
    <message>
        <source>Something went wrong. Please try again.</source>
        <translation>Щось пішло не так. Спробуйте ще раз.</translation>
    </message>
    <message>
        <source>Common questions</source>
        <translation>Поширені запитання</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Пошук</translation>
    </message>
    <message>
        <source>Nothing found. Try other words, or choose a topic.</source>
        <translation>Нічого не знайдено. Спробуйте інші слова або виберіть тему.</translation>
    </message>
    <message>
        <source>There are no common questions on this kiosk yet.</source>
        <translation>На цьому кіоску ще немає поширених запитань.</translation>
    </message>
    <message>
        <source>This answer is not translated into your language yet. Here it is in %1.</source>
        <translation>Ця відповідь ще не перекладена вашою мовою. Ось вона мовою: %1.</translation>
    </message>
    <message>
        <source>The Swedish text has changed since this translation. Ask an adviser if you are unsure.</source>
        <translation>Шведський текст змінився після цього перекладу. Запитайте консультанта, якщо не впевнені.</translation>
    </message>
    <message>
        <source>Read aloud</source>
        <translation>Прочитати вголос</translation>
    </message>
    <message>
        <source>Stop reading</source>
        <translation>Зупинити читання</translation>
    </message>
    <message>
        <source>Did this help?</source>
        <translation>Це допомогло?</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Так</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Ні</translation>
    </message>
    <message>
        <source>Thank you for telling us.</source>
        <translation>Дякуємо, що повідомили.</translation>
    </message>
    <message>
        <source>Opening hours: %1</source>
        <translation>Години роботи: %1</translation>
    </message>
    <message>
        <source>Phone: %1</source>
        <translation>Телефон: %1</translation>
    </message>
    <message>
        <source>Scan the code with your phone&apos;s camera to open the page.</source>
        <translation>Відскануйте код камерою телефону, щоб відкрити сторінку.</translation>
    </message>
    <message>
        <source>Back to the line</source>
        <translation>Назад до черги</translation>
    </message>
    <message>
        <source>Show a letter</source>
        <translatorcomment>draft for issue #16: needs native review</translatorcomment>
        <translation>Показати лист</translation>
    </message>
    <message>
        <source>The adviser asks to see your letter. Show it?</source>
        <translatorcomment>draft for issue #16: needs native review</translatorcomment>
        <translation>Консультант просить показати ваш лист. Показати?</translation>
    </message>
    <message>
        <source>Hold the letter inside the frame</source>
        <translatorcomment>draft for issue #16: needs native review</translatorcomment>
        <translation>Тримайте лист у рамці</translation>
    </message>
    <message>
        <source>Take picture</source>
        <translatorcomment>draft for issue #16: needs native review</translatorcomment>
        <translation>Зробити фото</translation>
    </message>
    <message>
        <source>Taking the picture…</source>
        <translatorcomment>draft for issue #16: needs native review</translatorcomment>
        <translation>Робимо фото…</translation>
    </message>
    <message>
        <source>Can you read the letter in the picture?</source>
        <translatorcomment>draft for issue #16: needs native review</translatorcomment>
        <translation>Чи можна прочитати лист на фото?</translation>
    </message>
    <message>
        <source>Send to adviser</source>
        <translatorcomment>draft for issue #16: needs native review</translatorcomment>
        <translation>Надіслати консультанту</translation>
    </message>
    <message>
        <source>Take again</source>
        <translatorcomment>draft for issue #16: needs native review</translatorcomment>
        <translation>Зняти ще раз</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translatorcomment>draft for issue #16: needs native review</translatorcomment>
        <translation>Скасувати</translation>
    </message>
    <message>
        <source>Sending… %1%</source>
        <translatorcomment>draft for issue #16: needs native review</translatorcomment>
        <translation>Надсилаємо… %1%</translation>
    </message>
    <message>
        <source>Sent. The adviser can see the page now.</source>
        <translatorcomment>draft for issue #16: needs native review</translatorcomment>
        <translation>Надіслано. Консультант уже бачить сторінку.</translation>
    </message>
    <message>
        <source>Show another page</source>
        <translatorcomment>draft for issue #16: needs native review</translatorcomment>
        <translation>Показати ще сторінку</translation>
    </message>
    <message>
        <source>The picture is not saved. It is gone when the call ends.</source>
        <translatorcomment>draft for issue #16: needs native review</translatorcomment>
        <translation>Фото не зберігається. Воно зникне, коли дзвінок закінчиться.</translation>
    </message>
    <message>
        <source>You cannot show more pages in this call.</source>
        <translatorcomment>draft for issue #16: needs native review</translatorcomment>
        <translation>У цьому дзвінку більше сторінок показати не можна.</translation>
    </message>
    <message>
        <source>The camera did not take a picture. Please try again.</source>
        <translatorcomment>draft for issue #16: needs native review</translatorcomment>
        <translation>Камера не зробила фото. Спробуйте ще раз.</translation>
    </message>
    <message>
        <source>The page did not reach the adviser. Please send it again.</source>
        <translatorcomment>draft for issue #16: needs native review</translatorcomment>
        <translation>Сторінка не дійшла до консультанта. Надішліть її ще раз.</translation>
    </message>
    <message>
        <source>Adviser</source>
        <translatorcomment>draft for issue #16: needs native review</translatorcomment>
        <translation>Консультант</translation>
    </message>
    <message>
        <source>Interpreter</source>
        <translatorcomment>draft for issue #16: needs native review</translatorcomment>
        <translation>Перекладач</translation>
    </message>
    <message>
        <source>An interpreter is being called</source>
        <translatorcomment>draft for issue #16: needs native review</translatorcomment>
        <translation>Викликаємо перекладача</translation>
    </message>
    <message>
        <source>The interpreter has left. The call goes on.</source>
        <translatorcomment>draft for issue #16: needs native review</translatorcomment>
        <translation>Перекладач вийшов. Дзвінок триває.</translation>
    </message>
    <message>
        <source>Staff: enter the PIN</source>
        <translation>Для персоналу: введіть PIN</translation>
    </message>
    <message>
        <source>Wrong PIN</source>
        <translation>Неправильний PIN</translation>
    </message>
    <message>
        <source>Book a time</source>
        <translation>Записатися на час</translation>
    </message>
    <message>
        <source>I have a code</source>
        <translation>У мене є код</translation>
    </message>
    <message>
        <source>Take a ticket and come back later</source>
        <translation>Взяти талон і повернутися пізніше</translation>
    </message>
    <message>
        <source>Choose a day</source>
        <translation>Виберіть день</translation>
    </message>
    <message>
        <source>Choose a time</source>
        <translation>Виберіть час</translation>
    </message>
    <message>
        <source>Looking for free times…</source>
        <translation>Шукаємо вільний час…</translation>
    </message>
    <message>
        <source>There are no free times to book right now. Please try again later.</source>
        <translation>Зараз немає вільного часу для запису. Спробуйте пізніше.</translation>
    </message>
    <message>
        <source>Book this time?</source>
        <translation>Записатися на цей час?</translation>
    </message>
    <message>
        <source>You do not need to give your name.</source>
        <translation>Вам не потрібно називати своє ім&apos;я.</translation>
    </message>
    <message>
        <source>Book</source>
        <translation>Записатися</translation>
    </message>
    <message>
        <source>Your time is booked</source>
        <translation>Вас записано</translation>
    </message>
    <message>
        <source>Take a photo of the code or write it down. Show it at any kiosk between %1 and %2.</source>
        <translation>Сфотографуйте код або запишіть його. Покажіть його в будь-якому кіоску між %1 і %2.</translation>
    </message>
    <message>
        <source>Your place in line is kept</source>
        <translation>Ваше місце в черзі збережено</translation>
    </message>
    <message>
        <source>Show the code at any kiosk before %1 to get your place back.</source>
        <translation>Покажіть код у будь-якому кіоску до %1, щоб повернути своє місце.</translation>
    </message>
    <message>
        <source>Show your code to the camera, or type it</source>
        <translation>Покажіть код камері або введіть його</translation>
    </message>
    <message>
        <source>The camera only reads the code. Nothing is recorded.</source>
        <translation>Камера лише зчитує код. Нічого не записується.</translation>
    </message>
    <message>
        <source>Check in</source>
        <translation>Зареєструватися</translation>
    </message>
    <message>
        <source>This code is not right. Check it and try again.</source>
        <translation>Цей код неправильний. Перевірте його і спробуйте ще раз.</translation>
    </message>
    <message>
        <source>This code has already been used.</source>
        <translation>Цей код уже використано.</translation>
    </message>
    <message>
        <source>This code is no longer valid. You can book a new time.</source>
        <translation>Цей код більше не дійсний. Ви можете записатися на новий час.</translation>
    </message>
    <message>
        <source>You are early. You can check in from %1.</source>
        <translation>Ви прийшли рано. Зареєструватися можна з %1.</translation>
    </message>
    <message>
        <source>Your booked time has passed. You can wait in the line instead.</source>
        <translation>Ваш час уже минув. Натомість ви можете почекати в черзі.</translation>
    </message>
    <message>
        <source>The service is closed now. Your code works from %1.</source>
        <translation>Служба зараз зачинена. Ваш код діє з %1.</translation>
    </message>
    <message>
        <source>Too many wrong codes. Please try again at %1 or ask the staff.</source>
        <translation>Забагато неправильних кодів. Спробуйте ще раз о %1 або зверніться до персоналу.</translation>
    </message>
    <message>
        <source>Someone else has just booked this time. Please choose another.</source>
        <translation>Хтось щойно записався на цей час. Виберіть інший.</translation>
    </message>
    <message>
        <source>This time is too soon to book. Please choose a later one.</source>
        <translation>Цей час занадто близько для запису. Виберіть пізніший.</translation>
    </message>
    <message>
        <source>This kiosk cannot book more times now. Please try again at %1.</source>
        <translation>Цей кіоск зараз не може записати більше. Спробуйте ще раз о %1.</translation>
    </message>
    <message>
        <source>Wait in the line</source>
        <translation>Чекати в черзі</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Спробувати ще раз</translation>
    </message>
</context>
</TS>
