"""Every sentence the kiosk shows, in English, marked for Qt's translation tools.

The English here is the *source* text: ``pyside6-lupdate`` collects it into
kiosk/i18n/kiosk_<lang>.ts, translators fill those files, ``pyside6-lrelease`` compiles them to
.qm, and :func:`tr` looks the active language up at run time (kiosk/i18n/build.py runs both tools).
Keep sentences short and plain: many readers are new to the language or to reading on a screen.

Placeholders are ``%1``, ``%2`` (Qt's style), filled with :func:`fill`.
"""

from __future__ import annotations

from typing import Final

from PySide6.QtCore import QCoreApplication

CONTEXT: Final = "Kiosk"


def QT_TRANSLATE_NOOP(context: str, source: str) -> str:
    """Marks ``source`` for pyside6-lupdate (which knows this name) and returns it unchanged.

    Defined here rather than imported because PySide6 types its own version as returning object.
    """
    return source


def tr(source: str) -> str:
    """The source sentence in the language installed on the application right now."""
    return QCoreApplication.translate(CONTEXT, source)


def fill(text: str, *values: object) -> str:
    for i, value in enumerate(values, start=1):
        text = text.replace(f"%{i}", str(value))
    return text


class T:
    """Source sentences, grouped by screen. Attribute names are for code; values are the keys."""

    # Welcome
    START = QT_TRANSLATE_NOOP("Kiosk", "Talk to an adviser")
    TAGLINE = QT_TRANSLATE_NOOP("Kiosk", "Free video call with an adviser who speaks your language")
    TAP_TO_START = QT_TRANSLATE_NOOP("Kiosk", "Tap the button to start")
    SERVICE_CLOSED = QT_TRANSLATE_NOOP("Kiosk", "The service is closed now.")
    OPENS_AT = QT_TRANSLATE_NOOP("Kiosk", "Opens %1")
    CONNECTING = QT_TRANSLATE_NOOP("Kiosk", "Connecting to the service…")
    PRIVACY = QT_TRANSLATE_NOOP(
        "Kiosk", "Nothing is recorded. The camera is off until you start a call."
    )

    # Language
    CHOOSE_LANGUAGE = QT_TRANSLATE_NOOP("Kiosk", "Choose your language")
    WAIT_RANGE = QT_TRANSLATE_NOOP("Kiosk", "Wait: %1–%2 min")
    WAIT_SHORT = QT_TRANSLATE_NOOP("Kiosk", "Short wait")
    CLOSED = QT_TRANSLATE_NOOP("Kiosk", "Closed")
    BACK = QT_TRANSLATE_NOOP("Kiosk", "Back")

    # Confirm
    READY_TITLE = QT_TRANSLATE_NOOP("Kiosk", "Ready to call")
    CAMERA_INFO = QT_TRANSLATE_NOOP(
        "Kiosk", "When you tap Call, the camera and microphone turn on. Nothing is recorded."
    )
    TOPIC_QUESTION = QT_TRANSLATE_NOOP("Kiosk", "What is it about? (you can skip this)")
    ALSO_SPEAK = QT_TRANSLATE_NOOP("Kiosk", "I also speak (you can skip this)")
    CALL = QT_TRANSLATE_NOOP("Kiosk", "Call")
    TOPIC_HOUSING = QT_TRANSLATE_NOOP("Kiosk", "Housing")
    TOPIC_WORK = QT_TRANSLATE_NOOP("Kiosk", "Work")
    TOPIC_SCHOOL = QT_TRANSLATE_NOOP("Kiosk", "School")
    TOPIC_HEALTH = QT_TRANSLATE_NOOP("Kiosk", "Health and care")
    TOPIC_MONEY = QT_TRANSLATE_NOOP("Kiosk", "Money and benefits")
    TOPIC_OTHER = QT_TRANSLATE_NOOP("Kiosk", "Something else")
    TOPIC_LETTER = QT_TRANSLATE_NOOP("Kiosk", "A letter I got")
    TOPIC_APPLICATION = QT_TRANSLATE_NOOP("Kiosk", "An application or form")

    # Waiting
    WAITING_TITLE = QT_TRANSLATE_NOOP("Kiosk", "Please wait. An adviser will answer soon.")
    JOINING = QT_TRANSLATE_NOOP("Kiosk", "Joining the line…")
    POSITION = QT_TRANSLATE_NOOP("Kiosk", "You are number %1 in line")
    ESTIMATE = QT_TRANSLATE_NOOP("Kiosk", "About %1–%2 minutes")
    PREVIEW_HINT = QT_TRANSLATE_NOOP(
        "Kiosk", "This is you. Sit so that your face is in the picture."
    )
    NOTHING_RECORDED = QT_TRANSLATE_NOOP("Kiosk", "Nothing is recorded.")
    LEAVE_LINE = QT_TRANSLATE_NOOP("Kiosk", "Leave the line")

    # Call
    LIVE = QT_TRANSLATE_NOOP("Kiosk", "Camera and microphone are on")
    LIVE_CAMERA = QT_TRANSLATE_NOOP("Kiosk", "Camera is on")
    LIVE_MICROPHONE = QT_TRANSLATE_NOOP("Kiosk", "Microphone is on")
    ADVISER = QT_TRANSLATE_NOOP("Kiosk", "Adviser: %1")
    CONNECTING_CALL = QT_TRANSLATE_NOOP("Kiosk", "Connecting the call…")
    MUTE = QT_TRANSLATE_NOOP("Kiosk", "Mute")
    UNMUTE = QT_TRANSLATE_NOOP("Kiosk", "Unmute")
    CAMERA_OFF = QT_TRANSLATE_NOOP("Kiosk", "Camera off")
    CAMERA_ON = QT_TRANSLATE_NOOP("Kiosk", "Camera on")
    QUIETER = QT_TRANSLATE_NOOP("Kiosk", "Quieter")
    LOUDER = QT_TRANSLATE_NOOP("Kiosk", "Louder")
    END_CALL = QT_TRANSLATE_NOOP("Kiosk", "End call")
    WRITE_HERE = QT_TRANSLATE_NOOP("Kiosk", "Write here")
    SEND = QT_TRANSLATE_NOOP("Kiosk", "Send")
    YOU = QT_TRANSLATE_NOOP("Kiosk", "You")
    KEYBOARD = QT_TRANSLATE_NOOP("Kiosk", "Keyboard")

    # Rating and thanks
    RATE_TITLE = QT_TRANSLATE_NOOP("Kiosk", "How was the call?")
    RATE_1 = QT_TRANSLATE_NOOP("Kiosk", "Very bad")
    RATE_2 = QT_TRANSLATE_NOOP("Kiosk", "Bad")
    RATE_3 = QT_TRANSLATE_NOOP("Kiosk", "OK")
    RATE_4 = QT_TRANSLATE_NOOP("Kiosk", "Good")
    RATE_5 = QT_TRANSLATE_NOOP("Kiosk", "Very good")
    SKIP = QT_TRANSLATE_NOOP("Kiosk", "Skip")
    THANKS = QT_TRANSLATE_NOOP("Kiosk", "Thank you! Goodbye.")
    DONE = QT_TRANSLATE_NOOP("Kiosk", "Done")

    # Around every screen
    HELP = QT_TRANSLATE_NOOP("Kiosk", "Help")
    HELP_TEXT = QT_TRANSLATE_NOOP(
        "Kiosk",
        "Tap the big buttons to go on. Tap Back to go back. Staff nearby can also help you.",
    )
    CLOSE = QT_TRANSLATE_NOOP("Kiosk", "Close")
    IDLE_TITLE = QT_TRANSLATE_NOOP("Kiosk", "Are you still there?")
    IDLE_COUNTDOWN = QT_TRANSLATE_NOOP("Kiosk", "The screen starts over in %1 seconds.")
    STILL_HERE = QT_TRANSLATE_NOOP("Kiosk", "I am still here")

    # Problems, each with what to do
    SERVER_UNREACHABLE = QT_TRANSLATE_NOOP(
        "Kiosk", "No connection to the service. We keep trying. Please wait."
    )
    OUT_OF_ORDER = QT_TRANSLATE_NOOP("Kiosk", "This kiosk is out of order. Please ask the staff.")
    CALL_DROPPED = QT_TRANSLATE_NOOP(
        "Kiosk", "The connection was lost. We are connecting you again. Please wait."
    )
    REQUEUED = QT_TRANSLATE_NOOP(
        "Kiosk", "The call was cut off. You are back in line. Please wait."
    )
    TRANSFERRED = QT_TRANSLATE_NOOP("Kiosk", "You are being connected to another adviser.")
    CAMERA_MISSING = QT_TRANSLATE_NOOP(
        "Kiosk", "The camera does not work. You can still talk, but the adviser cannot see you."
    )
    MICROPHONE_MISSING = QT_TRANSLATE_NOOP(
        "Kiosk", "The microphone does not work. You can write to the adviser instead."
    )
    LANGUAGE_CLOSED = QT_TRANSLATE_NOOP(
        "Kiosk", "Nobody answers in this language right now. Choose another language or come back."
    )
    JOIN_FAILED = QT_TRANSLATE_NOOP("Kiosk", "Something went wrong. Please try again.")

    # Common questions (issue #13)
    ANSWERS = QT_TRANSLATE_NOOP("Kiosk", "Common questions")
    SEARCH = QT_TRANSLATE_NOOP("Kiosk", "Search")
    NO_RESULTS = QT_TRANSLATE_NOOP("Kiosk", "Nothing found. Try other words, or choose a topic.")
    NO_ANSWERS = QT_TRANSLATE_NOOP("Kiosk", "There are no common questions on this kiosk yet.")
    NOTE_MISSING = QT_TRANSLATE_NOOP(
        "Kiosk", "This answer is not translated into your language yet. Here it is in %1."
    )
    NOTE_OUTDATED = QT_TRANSLATE_NOOP(
        "Kiosk",
        "The Swedish text has changed since this translation. Ask an adviser if you are unsure.",
    )
    READ_ALOUD = QT_TRANSLATE_NOOP("Kiosk", "Read aloud")
    STOP_READING = QT_TRANSLATE_NOOP("Kiosk", "Stop reading")
    DID_IT_HELP = QT_TRANSLATE_NOOP("Kiosk", "Did this help?")
    YES = QT_TRANSLATE_NOOP("Kiosk", "Yes")
    NO = QT_TRANSLATE_NOOP("Kiosk", "No")
    THANKS_FEEDBACK = QT_TRANSLATE_NOOP("Kiosk", "Thank you for telling us.")
    HOURS = QT_TRANSLATE_NOOP("Kiosk", "Opening hours: %1")
    PHONE = QT_TRANSLATE_NOOP("Kiosk", "Phone: %1")
    SCAN_LINK = QT_TRANSLATE_NOOP(
        "Kiosk", "Scan the code with your phone's camera to open the page."
    )
    BACK_TO_LINE = QT_TRANSLATE_NOOP("Kiosk", "Back to the line")

    # Booking a time, checking in, tickets (issue #14, docs/booking.md)
    BOOK_TIME = QT_TRANSLATE_NOOP("Kiosk", "Book a time")
    HAVE_CODE = QT_TRANSLATE_NOOP("Kiosk", "I have a code")
    TAKE_TICKET = QT_TRANSLATE_NOOP("Kiosk", "Take a ticket and come back later")
    CHOOSE_DAY = QT_TRANSLATE_NOOP("Kiosk", "Choose a day")
    CHOOSE_TIME = QT_TRANSLATE_NOOP("Kiosk", "Choose a time")
    LOOKING = QT_TRANSLATE_NOOP("Kiosk", "Looking for free times…")
    NO_TIMES = QT_TRANSLATE_NOOP(
        "Kiosk", "There are no free times to book right now. Please try again later."
    )
    BOOK_THIS = QT_TRANSLATE_NOOP("Kiosk", "Book this time?")
    NO_NAME = QT_TRANSLATE_NOOP("Kiosk", "You do not need to give your name.")
    BOOK = QT_TRANSLATE_NOOP("Kiosk", "Book")
    BOOKED_TITLE = QT_TRANSLATE_NOOP("Kiosk", "Your time is booked")
    KEEP_CODE = QT_TRANSLATE_NOOP(
        "Kiosk",
        "Take a photo of the code or write it down. Show it at any kiosk between %1 and %2.",
    )
    TICKET_TITLE = QT_TRANSLATE_NOOP("Kiosk", "Your place in line is kept")
    TICKET_INFO = QT_TRANSLATE_NOOP(
        "Kiosk", "Show the code at any kiosk before %1 to get your place back."
    )
    CHECK_IN_TITLE = QT_TRANSLATE_NOOP("Kiosk", "Show your code to the camera, or type it")
    CAMERA_READS = QT_TRANSLATE_NOOP(
        "Kiosk", "The camera only reads the code. Nothing is recorded."
    )
    CHECK_IN = QT_TRANSLATE_NOOP("Kiosk", "Check in")
    CODE_UNKNOWN = QT_TRANSLATE_NOOP("Kiosk", "This code is not right. Check it and try again.")
    CODE_USED = QT_TRANSLATE_NOOP("Kiosk", "This code has already been used.")
    CODE_EXPIRED = QT_TRANSLATE_NOOP(
        "Kiosk", "This code is no longer valid. You can book a new time."
    )
    TOO_EARLY = QT_TRANSLATE_NOOP("Kiosk", "You are early. You can check in from %1.")
    TOO_LATE = QT_TRANSLATE_NOOP(
        "Kiosk", "Your booked time has passed. You can wait in the line instead."
    )
    CLOSED_NOW = QT_TRANSLATE_NOOP("Kiosk", "The service is closed now. Your code works from %1.")
    RATE_LIMITED = QT_TRANSLATE_NOOP(
        "Kiosk", "Too many wrong codes. Please try again at %1 or ask the staff."
    )
    SLOT_TAKEN = QT_TRANSLATE_NOOP(
        "Kiosk", "Someone else has just booked this time. Please choose another."
    )
    TOO_SOON = QT_TRANSLATE_NOOP(
        "Kiosk", "This time is too soon to book. Please choose a later one."
    )
    TOO_MANY = QT_TRANSLATE_NOOP(
        "Kiosk", "This kiosk cannot book more times now. Please try again at %1."
    )
    JOIN_LINE = QT_TRANSLATE_NOOP("Kiosk", "Wait in the line")
    TRY_AGAIN = QT_TRANSLATE_NOOP("Kiosk", "Try again")

    # Showing a letter in a call, an interpreter (issue #16)
    SHOW_LETTER = QT_TRANSLATE_NOOP("Kiosk", "Show a letter")
    LETTER_QUESTION = QT_TRANSLATE_NOOP("Kiosk", "The adviser asks to see your letter. Show it?")
    LETTER_AIM = QT_TRANSLATE_NOOP("Kiosk", "Hold the letter inside the frame")
    TAKE_PICTURE = QT_TRANSLATE_NOOP("Kiosk", "Take picture")
    TAKING_PICTURE = QT_TRANSLATE_NOOP("Kiosk", "Taking the picture…")
    LETTER_CHECK = QT_TRANSLATE_NOOP("Kiosk", "Can you read the letter in the picture?")
    SEND_TO_ADVISER = QT_TRANSLATE_NOOP("Kiosk", "Send to adviser")
    TAKE_AGAIN = QT_TRANSLATE_NOOP("Kiosk", "Take again")
    CANCEL = QT_TRANSLATE_NOOP("Kiosk", "Cancel")
    SENDING_PAGE = QT_TRANSLATE_NOOP("Kiosk", "Sending… %1%")
    PAGE_SENT = QT_TRANSLATE_NOOP("Kiosk", "Sent. The adviser can see the page now.")
    ANOTHER_PAGE = QT_TRANSLATE_NOOP("Kiosk", "Show another page")
    NOT_SAVED = QT_TRANSLATE_NOOP(
        "Kiosk", "The picture is not saved. It is gone when the call ends."
    )
    PAGE_LIMIT = QT_TRANSLATE_NOOP("Kiosk", "You cannot show more pages in this call.")
    CAMERA_FAILED = QT_TRANSLATE_NOOP(
        "Kiosk", "The camera did not take a picture. Please try again."
    )
    PAGE_NOT_SENT = QT_TRANSLATE_NOOP(
        "Kiosk", "The page did not reach the adviser. Please send it again."
    )
    ADVISER_ROLE = QT_TRANSLATE_NOOP("Kiosk", "Adviser")
    INTERPRETER = QT_TRANSLATE_NOOP("Kiosk", "Interpreter")
    INTERPRETER_CALLED = QT_TRANSLATE_NOOP("Kiosk", "An interpreter is being called")
    INTERPRETER_LEFT = QT_TRANSLATE_NOOP("Kiosk", "The interpreter has left. The call goes on.")

    # Staff only
    SERVICE_PIN = QT_TRANSLATE_NOOP("Kiosk", "Staff: enter the PIN")
    WRONG_PIN = QT_TRANSLATE_NOOP("Kiosk", "Wrong PIN")


# Topic codes the server may offer (signaling.config.DEFAULT_TOPICS and common local additions) and
# their sentences; tests/kiosk/test_i18n.py checks every server default is here. A code missing
# here is shown as TOPIC_OTHER (kiosk.views.topics), never as the code.
TOPICS: Final[dict[str, str]] = {
    "letter": T.TOPIC_LETTER,
    "application": T.TOPIC_APPLICATION,
    "housing": T.TOPIC_HOUSING,
    "work": T.TOPIC_WORK,
    "school": T.TOPIC_SCHOOL,
    "health": T.TOPIC_HEALTH,
    "benefits": T.TOPIC_MONEY,
    "money": T.TOPIC_MONEY,
    "other": T.TOPIC_OTHER,
}


def topic_choices(codes: tuple[str, ...]) -> dict[str, str]:
    """code -> source sentence for the topic buttons, in the server's order. A code the kiosk
    cannot translate reads as TOPIC_OTHER (a resident must never see a code), once: two
    untranslated codes would be two buttons saying the same."""
    choices: dict[str, str] = {}
    for code in codes:
        sentence = TOPICS.get(code, T.TOPIC_OTHER)
        if sentence not in choices.values():
            choices[code] = sentence
    return choices


RATINGS: Final[tuple[str, ...]] = (T.RATE_1, T.RATE_2, T.RATE_3, T.RATE_4, T.RATE_5)


def all_sources() -> list[str]:
    """Every source sentence, in the order written above."""
    return [v for k, v in vars(T).items() if not k.startswith("_") and isinstance(v, str)]
