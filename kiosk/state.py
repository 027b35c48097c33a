"""What the kiosk flow (kiosk/flow.py) takes in and gives out: its state, its inputs, its effects.

Pure data, no Qt, no asyncio. Views render :class:`KioskState`; adapters turn devices and the server
into the input events here and carry out the effects.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import TypeAlias

from kiosk import languages
from kiosk.answers.browse import Browse, Page
from kiosk.answers.bundle import Bundle
from kiosk.booking.steps import Booking
from kiosk.booking.steps import Page as BookingPage
from kiosk.call_state import InterpreterInfo as InterpreterInfo
from kiosk.call_state import InterpreterStep as InterpreterStep
from kiosk.call_state import Letter as Letter
from kiosk.call_state import LetterProblem as LetterProblem
from kiosk.call_state import LetterStep as LetterStep
from kiosk.call_state import Picture as Picture
from signaling import messages as m


class Screen(StrEnum):
    WELCOME = "welcome"
    LANGUAGE = "language"
    CONFIRM = "confirm"
    WAITING = "waiting"
    CALL = "call"
    RATING = "rating"
    THANKS = "thanks"
    ANSWERS = "answers"  # common questions (kiosk/answers/browse.py has its pages)
    BOOKING = "booking"  # book a time, a code, a ticket (kiosk/booking/steps.py has its pages)


class Alert(StrEnum):
    """Something the resident must be told, in their language, with what to do."""

    SERVER_UNREACHABLE = "server_unreachable"
    OUT_OF_ORDER = "out_of_order"
    CALL_DROPPED = "call_dropped"
    REQUEUED = "requeued"
    TRANSFERRED = "transferred"
    CAMERA_MISSING = "camera_missing"
    MICROPHONE_MISSING = "microphone_missing"
    CLOSED = "closed"
    JOIN_FAILED = "join_failed"


class LiveDevices(StrEnum):
    """What the privacy cue above every screen says is on (:attr:`KioskState.live_devices`)."""

    NONE = "none"
    CAMERA = "camera"
    MICROPHONE = "microphone"
    CAMERA_AND_MICROPHONE = "camera_and_microphone"


@dataclass(frozen=True)
class LanguageOption:
    code: str
    open: bool
    opens_at: float | None = None
    wait_low_s: int | None = None
    wait_high_s: int | None = None


MAX_TEXT_LINES = 50  # the call's transcript keeps the newest this many


@dataclass(frozen=True)
class TextLine:
    from_adviser: bool
    text: str
    from_interpreter: bool = False


@dataclass(frozen=True)
class CallInfo:
    call_id: str
    peer_name: str
    language: str
    connected: bool = False
    audio_muted: bool = False
    video_muted: bool = False
    volume: int = 80
    lines: tuple[TextLine, ...] = ()
    remote_draft: str = ""  # what the adviser is typing now
    letter: Letter | None = None  # showing a letter (kiosk/flow_letter.py)
    pages_sent: int = 0
    interpreter: InterpreterInfo | None = None
    interpreter_draft: str = ""  # what the interpreter is typing now
    interpreter_left_at: float | None = None  # set while "the interpreter has left" shows


@dataclass(frozen=True)
class KioskState:
    screen: Screen = Screen.WELCOME
    ui_language: str = languages.DEFAULT_UI_LANGUAGE
    online: bool = False
    retry_in_s: float | None = None
    languages: tuple[LanguageOption, ...] = ()
    topics: tuple[str, ...] = ()
    notice: str = ""
    language: str | None = None
    fallbacks: tuple[str, ...] = ()
    topic: str | None = None
    position: int | None = None
    wait_low_s: int | None = None
    wait_high_s: int | None = None
    opens_at: float | None = None
    call: CallInfo | None = None
    last_call_id: str | None = None
    media_live: bool = False
    alerts: tuple[Alert, ...] = ()
    idle_deadline: float | None = None  # set while the idle warning shows
    help_open: bool = False
    rating: int | None = None
    answers: Bundle | None = None  # the published common questions the kiosk has, if any
    browse: Browse | None = None  # set while the resident reads them (Screen.ANSWERS)
    answers_from: Screen | None = None  # the screen they came from, where leaving returns
    booking: Booking | None = None  # set while on Screen.BOOKING

    @property
    def in_line(self) -> bool:
        """Waiting for an adviser: on the waiting screen, or reading answers from it."""
        return self.screen is Screen.WAITING or (
            self.screen is Screen.ANSWERS and self.answers_from is Screen.WAITING
        )

    @property
    def reading(self) -> str | None:
        """The recording the speaker should be playing now (its sha256), if any: only while its
        answer is on screen, so leaving the screen by any path stops it."""
        b = self.browse
        if self.screen is not Screen.ANSWERS or b is None or b.page is not Page.ANSWER:
            return None
        return b.reading

    def option(self, code: str | None) -> LanguageOption | None:
        return next((o for o in self.languages if o.code == code), None)

    @property
    def nobody_answers(self) -> bool:
        """Nobody can take a call now: offline, the service closed, or no adviser signed in for
        the chosen language. The common questions are then offered first."""
        if not self.online or not any(o.open for o in self.languages):
            return True
        if self.language is None:
            return False
        chosen = self.option(self.language)
        return chosen is None or not chosen.open or chosen.wait_high_s is None

    @property
    def can_ask_adviser(self) -> bool:
        """Whether "talk to an adviser" under an answer can put the resident in line (or back in
        the line they are in)."""
        if self.in_line:
            return True
        chosen = self.option(self.browse.language if self.browse else None)
        return self.online and chosen is not None and chosen.open

    @property
    def scanning(self) -> bool:
        """The camera should be reading QR codes: only while the check-in page is on screen, so
        leaving it by any path closes the camera (docs/booking.md §Kiosk)."""
        b = self.booking
        return self.screen is Screen.BOOKING and b is not None and b.page is BookingPage.CHECK_IN

    @property
    def aiming(self) -> bool:
        """The resident is aiming a letter at the camera (or it is taking the still): a document
        camera, if the kiosk has one, is open only then (the controller follows this)."""
        call = self.call
        if self.screen is not Screen.CALL or call is None or call.letter is None:
            return False
        return call.letter.step in (LetterStep.AIMING, LetterStep.TAKING)

    @property
    def live_devices(self) -> LiveDevices:
        """The devices that can see or hear the resident now, for the privacy cue.

        Derived from the same fields as the alerts, so the cue and the banner never disagree
        (issue #12 item 6): a device is on while the flow has media open, unless its alert says
        it is missing or the resident turned it off in the call (camera off sends a black
        picture, mute sends silence). Before the devices report, the flow has asked for both, and
        the cue says both: better to warn of a device that fails than to hide one that works.
        """
        if not self.media_live:
            return LiveDevices.CAMERA if self.scanning else LiveDevices.NONE
        video_off = self.call is not None and self.call.video_muted
        muted = self.call is not None and self.call.audio_muted
        camera = Alert.CAMERA_MISSING not in self.alerts and not video_off
        microphone = Alert.MICROPHONE_MISSING not in self.alerts and not muted
        if camera and microphone:
            return LiveDevices.CAMERA_AND_MICROPHONE
        if camera:
            return LiveDevices.CAMERA
        return LiveDevices.MICROPHONE if microphone else LiveDevices.NONE


# --- inputs that are not wire messages ----------------------------------------------------------


@dataclass(frozen=True)
class ServerUp:
    welcome: m.KioskWelcome


@dataclass(frozen=True)
class ServerDown:
    retry_in_s: float


@dataclass(frozen=True)
class ServerRejected:
    reason: str


@dataclass(frozen=True)
class MediaOpened:
    camera_ok: bool
    microphone_ok: bool


@dataclass(frozen=True)
class CallLive:
    """The call session's media is flowing (ICE connected)."""


@dataclass(frozen=True)
class CallLost:
    """The call session's media died without the server having said so yet."""


@dataclass(frozen=True)
class AnswersLoaded:
    """A complete published version of the common questions, from the cache or just fetched."""

    bundle: Bundle


@dataclass(frozen=True)
class ReadingDone:
    """The recording being read aloud came to its end (or could not be played)."""

    sha256: str


@dataclass(frozen=True)
class RemoteText:
    """The adviser's current line of real-time text; ``committed`` when they pressed Enter."""

    text: str
    committed: bool = True


@dataclass(frozen=True)
class CodeSeen:
    """The camera read a QR code on the check-in page (its text; nothing of the picture)."""

    payload: str


@dataclass(frozen=True)
class LetterRequested:
    """The adviser asks to see a letter (the document channel's ``request``)."""


@dataclass(frozen=True)
class StillTaken:
    picture: Picture


@dataclass(frozen=True)
class StillFailed:
    """The camera gave no still."""


@dataclass(frozen=True)
class LetterProgress:
    sent_bytes: int
    total_bytes: int


@dataclass(frozen=True)
class LetterDelivered:
    """The adviser's end checked the page's size and sha256: it is theirs."""


@dataclass(frozen=True)
class LetterNotSent:
    """The page being sent ended without arriving; ``reason`` as on the wire."""

    reason: str


@dataclass(frozen=True)
class PartyChanged:
    """A party other than the adviser (the interpreter): "joined", "connected" or "left"."""

    party: str
    change: str


@dataclass(frozen=True)
class PartyText:
    """The interpreter's current line of real-time text; ``committed`` when they pressed Enter."""

    text: str
    committed: bool = True


Event: TypeAlias = (
    ServerUp
    | ServerDown
    | ServerRejected
    | MediaOpened
    | CallLive
    | CallLost
    | RemoteText
    | AnswersLoaded
    | ReadingDone
    | CodeSeen
    | LetterRequested
    | StillTaken
    | StillFailed
    | LetterProgress
    | LetterDelivered
    | LetterNotSent
    | PartyChanged
    | PartyText
    | m.ServerToKiosk
)

# --- effects ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Send:
    message: m.Message


@dataclass(frozen=True)
class OpenMedia:
    pass


@dataclass(frozen=True)
class CloseMedia:
    pass


@dataclass(frozen=True)
class StartCall:
    call_id: str
    role: str
    ice_servers: tuple[m.IceServer, ...]


@dataclass(frozen=True)
class StopCall:
    pass


@dataclass(frozen=True)
class RelayCallMessage:
    """SDP or ICE from the server for the running call session."""

    message: m.SessionDescription | m.IceCandidate


@dataclass(frozen=True)
class SendText:
    """Real-time text: the resident's whole current line, final when ``committed``."""

    text: str
    committed: bool = True


@dataclass(frozen=True)
class SetMuted:
    audio: bool
    video: bool


@dataclass(frozen=True)
class SetVolume:
    volume: int


@dataclass(frozen=True)
class PlaySound:
    kind: str  # "idle_warning"


@dataclass(frozen=True)
class Restart:
    pass


@dataclass(frozen=True)
class ReloadConfig:
    command_id: str


@dataclass(frozen=True)
class FetchLogs:
    command_id: str


@dataclass(frozen=True)
class ReadAloud:
    """Play a common question's recording (from the answers cache) on the kiosk's speaker."""

    sha256: str


@dataclass(frozen=True)
class StopReading:
    pass


@dataclass(frozen=True)
class ScanCodes:
    """Open the camera and read QR codes from it (``on``), or stop and close it."""

    on: bool


@dataclass(frozen=True)
class ForgetPlace:
    """Drop the resume token so the next resident cannot inherit this one's place."""


@dataclass(frozen=True)
class TakeStill:
    """Take a still for page ``page`` of this call: the document camera's, else the call's."""

    page: int


@dataclass(frozen=True)
class AimCamera:
    """Open the document camera, if the kiosk has one, for the resident to aim a letter (``on``),
    or close it."""

    on: bool


@dataclass(frozen=True)
class SendStill:
    picture: Picture


@dataclass(frozen=True)
class CancelStill:
    """Stop sending the page on its way."""


@dataclass(frozen=True)
class DeclineLetter:
    """No to the adviser's request to see a letter."""


@dataclass(frozen=True)
class RelayInterpreter:
    """The server's word on the interpreter, for the call's media (a leg opens or closes)."""

    message: m.Interpreter


Effect: TypeAlias = (
    Send
    | OpenMedia
    | CloseMedia
    | StartCall
    | StopCall
    | RelayCallMessage
    | SendText
    | SetMuted
    | SetVolume
    | PlaySound
    | Restart
    | ReloadConfig
    | FetchLogs
    | ForgetPlace
    | ReadAloud
    | StopReading
    | ScanCodes
    | TakeStill
    | AimCamera
    | SendStill
    | CancelStill
    | DeclineLetter
    | RelayInterpreter
)
