"""The wire schema: every message kiosks, advisers and the server exchange (docs/protocol.md).

One class per message, each with a literal ``type`` tag. Messages are grouped by direction into
unions, and each union has one ``parse_*`` function that raises a
:class:`~signaling.errors.RemoteProtocolError` subclass carrying the error code to reply with.
``serialize`` turns any message into JSON text.

The protocol version is agreed once per connection, in ``hello`` / ``welcome`` (§Handshake); every
later message on that connection speaks it.

This module is pure: no I/O, no clock. The JSON Schema in docs/protocol.schema.json is generated
from these classes (``kiosklink schema``); tests/signaling/test_protocol_doc.py keeps the doc
honest.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal, TypeAlias

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    TypeAdapter,
    ValidationError,
    model_validator,
)

from signaling.candidate import candidate_problem
from signaling.channel_messages import data_channels_schema
from signaling.errors import (
    ErrorCode,
    MalformedMessage,
    MessageTooLarge,
    UnknownMessageType,
    UnsupportedVersion,
)
from signaling.privacy import PersonalData

PROTOCOL_VERSION = 1
SUPPORTED_VERSIONS = frozenset({1})
MAX_MESSAGE_BYTES = 64 * 1024

# Short identifiers: language tags (BCP 47, e.g. "ar", "ti", "sv"), topics, ids.
Tag = Annotated[str, Field(min_length=1, max_length=35, pattern=r"^[A-Za-z0-9_.-]+$")]
Text = Annotated[str, Field(max_length=500)]
Sdp = Annotated[str, Field(min_length=1, max_length=60_000)]
# How well an adviser speaks a language. The one definition: the server's routing, settings and
# store and the console all use these.
Level = Literal["native", "fluent", "basic"]
# The three parties of a call with an interpreter (§Interpreter). On ``sdp``, ``ice`` and
# ``negotiation_failed`` a client names the party it sends to, the server the party it came from;
# absent, it is the call's other main party (kiosk <-> adviser), as before interpreters.
PartyRole = Literal["kiosk", "adviser", "interpreter"]
LEVELS: tuple[Level, ...] = ("native", "fluent", "basic")  # best first
LEVEL_RANK: dict[str, int] = {"basic": 1, "fluent": 2, "native": 3}  # higher is better


def level_at_least(level: Level, minimum: Level) -> bool:
    """Whether ``level`` meets ``minimum``: native > fluent > basic."""
    return LEVEL_RANK[level] >= LEVEL_RANK[minimum]


class _Message(BaseModel):
    # NaN and infinities are not JSON; a client that sends them gets bad_message (§Errors).
    model_config = ConfigDict(extra="forbid", frozen=True, allow_inf_nan=False)


# ------------------------------------------------------------------------------------------------
# Parts shared by several messages


class IceServer(_Message):
    """One entry of RTCConfiguration.iceServers; TURN credentials are short-lived (§ICE servers)."""

    urls: list[str]
    username: str | None = None
    credential: str | None = None


class WaitEstimate(_Message):
    """A range, not a false-precise minute (§Position)."""

    low_s: int = Field(ge=0)
    high_s: int = Field(ge=0)


class LanguageInfo(_Message):
    code: Tag
    open: bool
    opens_at: float | None = None  # UNIX time of next opening when closed
    advisers_available: int = Field(ge=0)
    waiting: int = Field(ge=0)
    wait: WaitEstimate | None = None  # None: no adviser for it is signed in (§Position)


class Quality(_Message):
    """Figures only: no media, nothing about the person (§Quality)."""

    rtt_ms: float | None = Field(default=None, ge=0)
    packet_loss_ratio: float | None = Field(default=None, ge=0, le=1)
    jitter_ms: float | None = Field(default=None, ge=0)
    fps: float | None = Field(default=None, ge=0)
    width: int | None = Field(default=None, ge=0)
    height: int | None = Field(default=None, ge=0)
    bitrate_kbps: float | None = Field(default=None, ge=0)
    audio_video_skew_ms: float | None = None


class DeviceHealth(_Message):
    present: bool
    working: bool
    detail: Text = ""


class HealthReport(_Message):
    app_version: Tag
    uptime_s: float = Field(ge=0)
    camera: DeviceHealth
    microphone: DeviceHealth
    speaker: DeviceHealth
    cpu_ratio: float = Field(ge=0, le=1)
    memory_ratio: float = Field(ge=0, le=1)
    disk_free_bytes: int = Field(ge=0)
    last_call_quality: Quality | None = None
    ice_warnings: list[Text] = Field(default_factory=list, max_length=10)


class QueueStat(_Message):
    language: Tag
    waiting: int = Field(ge=0)
    longest_wait_s: float = Field(ge=0)
    advisers_available: int = Field(ge=0)
    open: bool = True


ColleagueStatus = Literal["available", "away", "offered", "in_call", "wrap_up"]


class AdviserSummary(_Message):
    """A signed-in colleague, for the transfer picker (§Transfer). Staff data, never for kiosks."""

    adviser_id: Tag
    display_name: Text
    languages: dict[str, Level]
    status: ColleagueStatus


# ------------------------------------------------------------------------------------------------
# Either client to the server, and the server to either client


class Hello(_Message):
    """First message on every connection (§Handshake): a kiosk's token, or an adviser's session."""

    type: Literal["hello"] = "hello"
    protocol: int
    token: Annotated[str, Field(min_length=1, max_length=200)]
    resume_token: Annotated[str, Field(max_length=200)] | None = None
    app_version: Tag = "unknown"


class Ping(_Message):
    type: Literal["ping"] = "ping"
    seq: int = 0


class SessionDescription(_Message):
    """Relayed verbatim to the other party of an active call, never to anyone else (§Call)."""

    type: Literal["sdp"] = "sdp"
    call_id: Tag
    sdp_type: Literal["offer", "answer"]
    sdp: Sdp
    peer: PartyRole | None = None  # §Interpreter; absent between kiosk and adviser


def _end_of_candidates_as_empty(value: object) -> object:
    # Chromium's onicecandidate ends with null; the one form relayed is "" (§ICE candidates).
    return "" if value is None else value


class IceCandidate(_Message):
    """One trickled ICE candidate, or ``candidate: ""``: the end of candidates (§ICE candidates).

    A candidate must be readable (:func:`signaling.candidate.candidate_problem`) and name its
    media section by ``sdp_mid`` or ``sdp_mline_index``. ``null`` is read as ``""``.
    """

    type: Literal["ice"] = "ice"
    call_id: Tag
    candidate: Annotated[
        str,
        Field(max_length=1000),
        BeforeValidator(_end_of_candidates_as_empty, json_schema_input_type=str | None),
    ]
    sdp_mid: Annotated[str, Field(max_length=64)] | None = None
    sdp_mline_index: int | None = Field(default=None, ge=0, le=64)
    peer: PartyRole | None = None  # §Interpreter; absent between kiosk and adviser

    @model_validator(mode="after")
    def _readable(self) -> IceCandidate:
        if self.candidate == "":
            return self
        problem = candidate_problem(self.candidate)
        if problem is not None:
            raise ValueError(f"unreadable candidate: {problem}")
        if self.sdp_mid is None and self.sdp_mline_index is None:
            raise ValueError("a candidate needs sdp_mid or sdp_mline_index")
        return self


class NegotiationFailed(_Message):
    """This side cannot set up the call's media (§Negotiation failure): the peer's description
    was refused (no codec in common, say), or nothing connected by the setup deadline. The
    server ends the call for both sides; ``reason`` is technical text for logs and the record."""

    type: Literal["negotiation_failed"] = "negotiation_failed"
    call_id: Tag
    reason: Annotated[str, Field(min_length=1, max_length=200)]
    # With an interpreter's leg named, only the interpreter's part ends; the call goes on.
    peer: PartyRole | None = None


class Hangup(_Message):
    type: Literal["hangup"] = "hangup"
    call_id: Tag


class QualityReport(_Message):
    type: Literal["quality"] = "quality"
    call_id: Tag
    quality: Quality


class MediaState(_Message):
    """The media this side receives from the other party of its call (§Faults): ``stalled`` after
    a few seconds without remote video, ``restored`` when it flows again. Kiosks and advisers."""

    type: Literal["media_state"] = "media_state"
    call_id: Tag
    state: Literal["stalled", "restored"]


# ------------------------------------------------------------------------------------------------
# Kiosk to server


class Join(_Message):
    type: Literal["join"] = "join"
    language: Tag
    topic: Tag | None = None
    fallback_languages: list[Tag] = Field(default_factory=list, max_length=5)


class Cancel(_Message):
    type: Literal["cancel"] = "cancel"


class Health(_Message):
    type: Literal["health"] = "health"
    report: HealthReport


class Rating(_Message):
    type: Literal["rating"] = "rating"
    call_id: Tag
    score: int = Field(ge=1, le=5)


class CommandResult(_Message):
    """A kiosk's answer to a remote action from IT (§Remote actions)."""

    type: Literal["command_result"] = "command_result"
    command_id: Tag
    ok: bool
    output: Annotated[str, Field(max_length=60_000)] = ""


AnswerEventKind = Literal["viewed", "helped", "not_helped", "to_adviser", "no_result"]


class AnswerEvent(_Message):
    """What a resident did with a common question (§Common questions; docs/answers.md). Counted
    per day, site, language and question; the search words are never sent (a resident may type a
    name)."""

    type: Literal["answer_event"] = "answer_event"
    language: Tag
    event: AnswerEventKind
    question: Tag | None = None  # absent only for no_result

    @model_validator(mode="after")
    def _question_unless_no_result(self) -> AnswerEvent:
        if (self.question is None) != (self.event == "no_result"):
            raise ValueError("question is required, except for no_result, where it must be absent")
        return self


# Booking and tickets (docs/booking.md, docs/protocol.md §Booking). Codes are what a resident
# types or the QR code holds; the server normalises them (case, spaces, hyphens, "kiosklink:").
BookingCode = Annotated[str, Field(min_length=1, max_length=40)]


class ListSlots(_Message):
    """The free bookable times for a language (and topic; null: any), answered by ``slots``."""

    type: Literal["list_slots"] = "list_slots"
    language: Tag
    topic: Tag | None = None


class Book(_Message):
    """Take one slot of a ``slots`` answer: ``booked`` or ``book_refused``."""

    type: Literal["book"] = "book"
    slot_id: Tag


class CheckIn(_Message):
    """A booking's or a ticket's code, typed or read from its QR code: ``checked_in`` then the
    usual ``queued``, or ``check_in_refused``."""

    type: Literal["check_in"] = "check_in"
    code: BookingCode


class TakeTicket(_Message):
    """Leave the line now and keep the place for later: answered by ``ticket``."""

    type: Literal["take_ticket"] = "take_ticket"


KioskMessage: TypeAlias = Annotated[
    Hello
    | Ping
    | Join
    | Cancel
    | SessionDescription
    | IceCandidate
    | NegotiationFailed
    | Hangup
    | QualityReport
    | MediaState
    | Health
    | Rating
    | CommandResult
    | AnswerEvent
    | ListSlots
    | Book
    | CheckIn
    | TakeTicket,
    Field(discriminator="type"),
]


# ------------------------------------------------------------------------------------------------
# Adviser to server


class SetStatus(_Message):
    type: Literal["set_status"] = "set_status"
    status: Literal["available", "away"]
    reason: Text = ""


class Accept(_Message):
    type: Literal["accept"] = "accept"
    call_id: Tag


class Decline(_Message):
    type: Literal["decline"] = "decline"
    call_id: Tag


class WrapUp(_Message):
    """Outcome after a call, and an optional note without personal data (§Wrap-up).

    Answered by ``wrap_up_saved``, or by ``note_refused`` when the note seems to hold personal
    data: the outcome is kept all the same, and the same call's ``wrap_up`` may be sent again.
    """

    type: Literal["wrap_up"] = "wrap_up"
    call_id: Tag
    outcome: Tag
    note: Text = ""


class Ready(_Message):
    type: Literal["ready"] = "ready"


class TakeNext(_Message):
    """An away adviser pulls the next caller they qualify for (§Take next): offered as any offer."""

    type: Literal["take_next"] = "take_next"


class Transfer(_Message):
    """Send the caller to another language queue, or to one named available adviser."""

    type: Literal["transfer"] = "transfer"
    call_id: Tag
    language: Tag | None = None
    adviser: Tag | None = None


class InviteInterpreter(_Message):
    """The adviser asks for an interpreter of ``language`` to join the running call
    (§Interpreter). Answered with ``interpreter`` states: ``inviting``, then ``joined`` or
    ``unavailable``."""

    type: Literal["invite_interpreter"] = "invite_interpreter"
    call_id: Tag
    language: Tag


class DismissInterpreter(_Message):
    """The adviser withdraws the invitation, or thanks the interpreter, who leaves the call;
    the call goes on (§Interpreter)."""

    type: Literal["dismiss_interpreter"] = "dismiss_interpreter"
    call_id: Tag


AdviserMessage: TypeAlias = Annotated[
    Hello
    | Ping
    | SetStatus
    | Accept
    | Decline
    | SessionDescription
    | IceCandidate
    | NegotiationFailed
    | Hangup
    | QualityReport
    | MediaState
    | WrapUp
    | Ready
    | TakeNext
    | Transfer
    | InviteInterpreter
    | DismissInterpreter,
    Field(discriminator="type"),
]


# ------------------------------------------------------------------------------------------------
# Server to clients


class KioskWelcome(_Message):
    type: Literal["welcome"] = "welcome"
    protocol: int
    kiosk_id: Tag
    site: Text
    ice_servers: list[IceServer]
    languages: list[LanguageInfo]
    topics: list[Tag] = Field(default_factory=list)
    heartbeat_interval_s: float
    health_interval_s: float
    idle_timeout_s: float | None = None
    resumed: bool = False
    notice: Text = ""  # a message from IT for the welcome screen
    answers_version: int = Field(default=0, ge=0)  # the published common questions (0: none)


class AdviserWelcome(_Message):
    type: Literal["welcome"] = "welcome"
    protocol: int
    adviser_id: Tag
    display_name: Text
    languages: dict[str, Level]
    ice_servers: list[IceServer]
    status: str
    outcomes: list[Tag] = Field(default_factory=list)
    heartbeat_interval_s: float
    note_retention_days: int | None = None  # wrap-up notes are deleted after this many days
    # "interpreter": this account is offered interpreting, never residents (§Interpreter).
    roles: list[Tag] = Field(default_factory=list)


class Pong(_Message):
    type: Literal["pong"] = "pong"
    seq: int = 0


class Queued(_Message):
    """The kiosk is in line. Sent on join and whenever position or estimate changes (§Position)."""

    type: Literal["queued"] = "queued"
    language: Tag
    position: int = Field(ge=1)
    wait: WaitEstimate | None  # None: no adviser for the language is signed in (§Position)
    resume_token: Annotated[str, Field(max_length=200)]


class Closed(_Message):
    type: Literal["closed"] = "closed"
    language: Tag
    opens_at: float | None


KioskDevice = Literal["camera", "microphone", "speaker"]


class Offer(_Message):
    """An adviser is offered a caller; ``expires_in_s`` is the ring time (§Offer).

    ``kiosk_lacks``: the devices the kiosk's latest health report says do not work
    (signaling.devices.device_state), so the adviser knows before answering that a call will be
    without picture or sound; None when the kiosk has sent no report since it connected."""

    type: Literal["offer"] = "offer"
    call_id: Tag
    language: Tag
    topic: Tag | None
    site: Text
    waited_s: float
    expires_in_s: float
    kiosk_lacks: list[KioskDevice] | None = None
    # "interpreting": an adviser in call ``call_id`` asks an interpreter of ``language`` to join
    # (§Interpreter); ``site`` is the kiosk's, ``waited_s`` counts from the invitation.
    kind: Literal["resident", "interpreting"] = "resident"


class OfferRevoked(_Message):
    type: Literal["offer_revoked"] = "offer_revoked"
    call_id: Tag
    reason: Literal["timeout", "caller_left", "declined", "disconnected"]


class CallStarted(_Message):
    """Both parties get this; the ``offerer`` sends the SDP offer (§Call)."""

    type: Literal["call_started"] = "call_started"
    call_id: Tag
    role: Literal["offerer", "answerer"]
    peer_name: Text
    language: Tag
    ice_servers: list[IceServer]
    # true for an interpreter joining a running call: it offers a connection to the kiosk and
    # to the adviser (``sdp`` with ``peer``), and ``peer_name`` is the adviser's (§Interpreter).
    interpreting: bool = False


class CallEnded(_Message):
    """``negotiation_failed``: a side could not set up the media; ``detail`` says why, and a
    kiosk told ``requeued`` instead is back in line (§Negotiation failure)."""

    type: Literal["call_ended"] = "call_ended"
    call_id: Tag
    reason: Literal["hangup", "peer_left", "transferred", "requeued", "negotiation_failed", "error"]
    detail: Text = ""


class Reconnecting(_Message):
    """The call is interrupted (§Faults): told to a kiosk whose adviser vanished mid-call, and to
    both parties when one reports the other's media stopped. Wait up to ``grace_s``."""

    type: Literal["reconnecting"] = "reconnecting"
    call_id: Tag
    grace_s: float


class Reconnected(_Message):
    """The media interruption told by ``reconnecting`` is over: media flows again (§Faults)."""

    type: Literal["reconnected"] = "reconnected"
    call_id: Tag


class AdviserStatus(_Message):
    type: Literal["status"] = "status"
    status: Literal["available", "away", "offered", "in_call", "wrap_up", "signed_out"]
    reason: Text = ""
    wrap_up_ends_at: float | None = None


class WrapUpSaved(_Message):
    """The outcome and the note of ``wrap_up`` are stored."""

    type: Literal["wrap_up_saved"] = "wrap_up_saved"
    call_id: Tag


class NoteRefused(_Message):
    """The outcome of ``wrap_up`` is stored but its note is not: it seems to hold ``reasons``.

    Send ``wrap_up`` again for the same call with the note rewritten, or ``ready`` to drop it.
    """

    type: Literal["note_refused"] = "note_refused"
    call_id: Tag
    reasons: list[PersonalData] = Field(min_length=1)


class QueueOverview(_Message):
    type: Literal["queues"] = "queues"
    queues: list[QueueStat]
    advisers: list[AdviserSummary] = Field(default_factory=list)  # sorted by name, then id


class Command(_Message):
    """A remote action from IT to a kiosk (§Remote actions). Never a view of camera or screen."""

    type: Literal["command"] = "command"
    command_id: Tag
    action: Literal["restart", "reload_config", "show_message", "fetch_logs"]
    text: Text = ""


class AnswersPublished(_Message):
    """A new version of the common questions is published: fetch it (§Common questions)."""

    type: Literal["answers_published"] = "answers_published"
    version: int = Field(ge=1)


class SlotInfo(_Message):
    """A free bookable time as a kiosk sees it: no adviser named (§Booking)."""

    slot_id: Tag
    starts_at: float
    duration_s: int = Field(ge=60)


class Slots(_Message):
    """The answer to ``list_slots``: free times, earliest first; ``timezone`` is the service's,
    for showing wall-clock times."""

    type: Literal["slots"] = "slots"
    language: Tag
    topic: Tag | None
    timezone: Annotated[str, Field(max_length=64)]
    slots: list[SlotInfo] = Field(max_length=200)


class Booked(_Message):
    """A slot is booked: show ``code`` (grouped, for reading aloud) and ``qr`` as a QR code.
    Check in between ``opens_at`` and ``closes_at``. The code is never shown again."""

    type: Literal["booked"] = "booked"
    code: Annotated[str, Field(max_length=20)]
    qr: Annotated[str, Field(max_length=40)]
    slot_id: Tag
    language: Tag
    topic: Tag | None
    starts_at: float
    duration_s: int = Field(ge=60)
    opens_at: float
    closes_at: float
    timezone: Annotated[str, Field(max_length=64)]


class BookRefused(_Message):
    """``slot_taken``: list again; ``too_soon``: starts within the booking lead time;
    ``too_many``: this kiosk booked its hourly share, try after ``retry_at``."""

    type: Literal["book_refused"] = "book_refused"
    reason: Literal["slot_taken", "too_soon", "too_many"]
    retry_at: float | None = None


class Ticket(_Message):
    """The resident left the line with their place kept until ``valid_until``."""

    type: Literal["ticket"] = "ticket"
    code: Annotated[str, Field(max_length=20)]
    qr: Annotated[str, Field(max_length=40)]
    language: Tag
    topic: Tag | None
    valid_until: float
    timezone: Annotated[str, Field(max_length=64)]


class CheckedIn(_Message):
    """A code was accepted; ``queued`` follows (``starts_at``: the booked time, null for a
    ticket)."""

    type: Literal["checked_in"] = "checked_in"
    kind: Literal["booking", "ticket"]
    language: Tag
    topic: Tag | None
    starts_at: float | None = None


CheckInRefusal = Literal[
    "code_unknown", "code_used", "code_expired", "too_early", "too_late", "closed", "rate_limited"
]


class CheckInRefused(_Message):
    """A code was not accepted and nothing changed (§Booking): ``too_early`` and ``closed`` say
    ``opens_at``; ``too_late`` names the ``language`` and ``topic`` to offer the normal queue in;
    ``rate_limited`` says ``retry_at``."""

    type: Literal["check_in_refused"] = "check_in_refused"
    reason: CheckInRefusal
    opens_at: float | None = None
    retry_at: float | None = None
    language: Tag | None = None
    topic: Tag | None = None


class BookingCheckedIn(_Message):
    """A booked resident has checked in (§Booking): told to the booked adviser, or, for a
    booking with no adviser, to every signed-in adviser with the language. The console marks it
    in today's list (``GET /api/adviser/bookings``); the call itself comes as an ``offer``."""

    type: Literal["booking_checked_in"] = "booking_checked_in"
    booking_id: Tag
    language: Tag
    topic: Tag | None
    starts_at: float


InterpreterState = Literal["inviting", "unavailable", "joined", "left"]
InterpreterReason = Literal[
    "nobody_interprets",  # unavailable: no interpreter account has the language
    "none_signed_in",  # unavailable: nobody who interprets it is signed in
    "timeout",  # unavailable: nobody accepted within the invitation's time
    "dismissed",  # left: the adviser withdrew the invitation or thanked the interpreter
    "hangup",  # left: the interpreter left
    "disconnected",  # left: the interpreter's connection was lost
    "negotiation_failed",  # left: the interpreter's media could not be set up
]


class Interpreter(_Message):
    """What happens to the interpreter of a call, told to the kiosk and the adviser
    (§Interpreter). ``joined``: expect an ``sdp`` offer from ``peer`` "interpreter"; ``left``:
    close that connection, the call goes on. ``name`` is the interpreter's display name (staff,
    never a resident's); the kiosk is not told ``unavailable``."""

    type: Literal["interpreter"] = "interpreter"
    call_id: Tag
    state: InterpreterState
    language: Tag
    reason: InterpreterReason | None = None
    name: Text = ""


class Error(_Message):
    type: Literal["error"] = "error"
    code: ErrorCode
    message: Text
    ref_type: Annotated[str, Field(max_length=40)] | None = None


ServerToKiosk: TypeAlias = Annotated[
    KioskWelcome
    | Pong
    | Queued
    | Closed
    | CallStarted
    | SessionDescription
    | IceCandidate
    | CallEnded
    | Reconnecting
    | Reconnected
    | Command
    | AnswersPublished
    | Slots
    | Booked
    | BookRefused
    | Ticket
    | CheckedIn
    | CheckInRefused
    | Interpreter
    | Error,
    Field(discriminator="type"),
]

ServerToAdviser: TypeAlias = Annotated[
    AdviserWelcome
    | Pong
    | Offer
    | OfferRevoked
    | CallStarted
    | SessionDescription
    | IceCandidate
    | CallEnded
    | Reconnecting
    | Reconnected
    | AdviserStatus
    | QueueOverview
    | WrapUpSaved
    | NoteRefused
    | BookingCheckedIn
    | Interpreter
    | Error,
    Field(discriminator="type"),
]

Message: TypeAlias = _Message

_kiosk_adapter: TypeAdapter[KioskMessage] = TypeAdapter(KioskMessage)
_adviser_adapter: TypeAdapter[AdviserMessage] = TypeAdapter(AdviserMessage)
_to_kiosk_adapter: TypeAdapter[ServerToKiosk] = TypeAdapter(ServerToKiosk)
_to_adviser_adapter: TypeAdapter[ServerToAdviser] = TypeAdapter(ServerToAdviser)


def _tags_of(adapter: TypeAdapter[Any]) -> frozenset[str]:
    schema = adapter.json_schema()
    return frozenset(schema["discriminator"]["mapping"])


KIOSK_TYPES = _tags_of(_kiosk_adapter)
ADVISER_TYPES = _tags_of(_adviser_adapter)
TO_KIOSK_TYPES = _tags_of(_to_kiosk_adapter)
TO_ADVISER_TYPES = _tags_of(_to_adviser_adapter)


# Nesting deeper than this is refused by pydantic's JSON parser (jiter) as it reads, before any
# recursion can hurt; no message nests more than four levels (docs/protocol.md §Limits).
MAX_NESTING = 200


def _parse(adapter: TypeAdapter[Any], text: str | bytes) -> Any:
    """Size check, then one pass of pydantic's JSON parser straight into the message classes.

    The text is parsed once (no ``json.loads`` first): the parser refuses nesting past
    ``MAX_NESTING``, lone surrogates, numbers out of range and non-finite numbers, and the
    discriminated union names an unknown ``type`` for us.
    """
    size = len(text.encode("utf-8", "surrogatepass") if isinstance(text, str) else text)
    if size > MAX_MESSAGE_BYTES:
        raise MessageTooLarge(f"message of {size} bytes is over the {MAX_MESSAGE_BYTES}-byte limit")
    try:
        return adapter.validate_json(text)
    except ValidationError as exc:
        raise _protocol_error(exc) from None


def _protocol_error(exc: ValidationError) -> MalformedMessage | UnknownMessageType:
    """The wire error for the first thing pydantic found wrong (docs/protocol.md §Errors)."""
    first = exc.errors(include_url=False, include_input=False)[0]
    kind, loc, ctx = first["type"], first["loc"], first.get("ctx") or {}
    if kind == "union_tag_invalid":
        return UnknownMessageType(f"unknown message type {str(ctx.get('tag', ''))[:40]!r}")
    if kind == "union_tag_not_found":
        return MalformedMessage("a message needs a string 'type'")
    if kind in ("json_invalid", "string_unicode"):
        return MalformedMessage(f"not valid JSON: {ctx.get('error', first['msg'])}")
    if not loc:
        return MalformedMessage("a message must be a JSON object")
    where = ".".join(str(p) for p in loc[1:]) or "message"
    return MalformedMessage(f"{loc[0]}: {where}: {first['msg']}", ref_type=str(loc[0])[:40])


def parse_from_kiosk(text: str | bytes) -> KioskMessage:
    """Parse one kiosk message. Raises RemoteProtocolError (with its reply code) on bad input."""
    result: KioskMessage = _parse(_kiosk_adapter, text)
    return result


def parse_from_adviser(text: str | bytes) -> AdviserMessage:
    result: AdviserMessage = _parse(_adviser_adapter, text)
    return result


def parse_to_kiosk(text: str | bytes) -> ServerToKiosk:
    """Client side: parse what the server sent a kiosk."""
    result: ServerToKiosk = _parse(_to_kiosk_adapter, text)
    return result


def parse_to_adviser(text: str | bytes) -> ServerToAdviser:
    result: ServerToAdviser = _parse(_to_adviser_adapter, text)
    return result


def check_version(hello: Hello) -> None:
    if hello.protocol not in SUPPORTED_VERSIONS:
        raise UnsupportedVersion(
            f"protocol {hello.protocol} is not supported; this server speaks "
            f"{sorted(SUPPORTED_VERSIONS)}"
        )


def serialize(message: _Message) -> str:
    return message.model_dump_json(exclude_none=False)


def json_schema() -> dict[str, Any]:
    """The machine-readable schema of all four directions, generated from these classes."""
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "Kiosklink signaling protocol",
        "version": PROTOCOL_VERSION,
        "directions": {
            "kiosk_to_server": _kiosk_adapter.json_schema(),
            "adviser_to_server": _adviser_adapter.json_schema(),
            "server_to_kiosk": _to_kiosk_adapter.json_schema(),
            "server_to_adviser": _to_adviser_adapter.json_schema(),
        },
        # Peer to peer, never through the server: the call's data channels, by label.
        "data_channels": data_channels_schema(),
    }
