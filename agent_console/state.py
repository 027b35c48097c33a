"""What the console shows: one frozen snapshot the views render (pure, no Qt, no clock).

``ConsoleState`` is produced by :class:`agent_console.flow.ConsoleFlow` and read by the views; views
never change it. Times are UNIX seconds from the clock the adapter injects (``now``), so timers such
as the ring countdown and the wrap-up timer are plain arithmetic on the snapshot.

Nothing here identifies a resident: a caller is a language, a topic, a kiosk site and a wait.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from agent_console.bookings import Bookings
from agent_console.quality import QualityLevel
from signaling.messages import LEVEL_RANK, AdviserSummary, Level, Quality, QueueStat
from signaling.privacy import PersonalData


class Phase(StrEnum):
    SIGNED_OUT = "signed_out"
    SIGNING_IN = "signing_in"
    CONNECTING = "connecting"  # signed in over HTTP, waiting for the signaling welcome
    AWAY = "away"
    AVAILABLE = "available"
    OFFERED = "offered"  # ringing
    IN_CALL = "in_call"
    WRAP_UP = "wrap_up"


class Notice(StrEnum):
    """One-line messages the console shows; views translate them, the flow only names them."""

    WRONG_PASSWORD = "wrong_password"
    SERVER_UNREACHABLE = "server_unreachable"
    SESSION_ENDED = "session_ended"
    MISSED_CALL = "missed_call"
    CALLER_LEFT = "caller_left"
    CALLER_HUNG_UP = "caller_hung_up"
    TRANSFERRED = "transferred"
    CALL_FAILED = "call_failed"
    CALLER_INTERRUPTED = "caller_interrupted"  # the resident's media stopped (§Faults)
    SERVER_ERROR = "server_error"
    NOBODY_WAITING = "nobody_waiting"  # take_next found no caller for this adviser
    NOTE_REFUSED = "note_refused"  # the server kept the outcome but not the note (§Wrap-up)
    INTERPRETING_WITHDRAWN = "interpreting_withdrawn"  # the ringing invitation was withdrawn
    INTERPRETING_ENDED = "interpreting_ended"  # an interpreter's part ended by the call or adviser


@dataclass(frozen=True)
class Ringing:
    """An offer being rung on this console (§Offer): who is waiting, and until when."""

    call_id: str
    language: str
    topic: str | None
    site: str
    waited_s: float  # as the server said when the offer arrived
    received_at: float
    expires_at: float
    accepting: bool = False
    kiosk_lacks: tuple[str, ...] | None = None  # from the offer; None: the kiosk never reported
    kind: str = "resident"  # "interpreting": an adviser asks this interpreter in (§Interpreter)

    def remaining_s(self, now: float) -> float:
        return max(0.0, self.expires_at - now)

    def waited_now_s(self, now: float) -> float:
        return self.waited_s + max(0.0, now - self.received_at)

    def ring_ratio(self, now: float) -> float:
        """Share of the ring time left, 1.0 when the offer arrived and 0.0 when it expires."""
        total = self.expires_at - self.received_at
        return 0.0 if total <= 0 else min(1.0, self.remaining_s(now) / total)


@dataclass(frozen=True)
class InterpreterLeg:
    """The interpreter of the adviser's call, as the server's ``interpreter`` messages tell it
    (docs/protocol.md §Interpreter). ``state`` is the last one told ("inviting" also from the
    moment the adviser asks); ``reason`` says why an invitation or a part ended; ``name`` is the
    interpreter's display name (staff, never a resident's)."""

    language: str
    state: str = "inviting"  # "inviting" | "unavailable" | "joined" | "left"
    reason: str | None = None
    name: str = ""
    dismissing: bool = False  # dismiss_interpreter sent, the server's "left" not yet in

    @property
    def active(self) -> bool:
        """Asked for or in the call: another invitation must wait (one per call)."""
        return self.state in ("inviting", "joined")


@dataclass(frozen=True)
class ActiveCall:
    call_id: str
    language: str
    topic: str | None
    site: str
    started_at: float
    role: str = "answerer"
    audio_muted: bool = False
    video_off: bool = False
    media_state: str = "new"
    connected: bool = False  # the media connected at least once: a call talked in, not a failure
    quality: QualityLevel = QualityLevel.UNKNOWN
    figures: Quality | None = None
    remote_text: str = ""  # the resident's lines and the line they are typing (rtc.text)
    own_lines: tuple[str, ...] = ()
    own_draft: str = ""
    transferring: bool = False
    kiosk_lacks: tuple[str, ...] | None = None  # as the offer said (signaling.devices)
    # Three-way calls (§Interpreter). On an adviser's console ``interpreter`` is the invited
    # interpreter and ``party_text`` their text; on an interpreter's console (``interpreting``)
    # the resident is the main peer, ``adviser_name`` who asked, and ``party_text`` the adviser's.
    interpreter: InterpreterLeg | None = None
    interpreting: bool = False
    adviser_name: str = ""
    party_text: str = ""
    party_state: str = "new"  # the third party's connection: "joined" | "connected" | "left"

    @property
    def third_party(self) -> bool:
        """Whether a third party is in the call now (their tile and text are shown)."""
        if self.interpreting:
            return True
        return self.interpreter is not None and self.interpreter.state == "joined"

    def elapsed_s(self, now: float) -> float:
        return max(0.0, now - self.started_at)


@dataclass(frozen=True)
class WrapUpState:
    call_id: str
    started_at: float
    handle_s: float  # talk time of the call just ended
    ends_at: float | None = None  # from the server's status; None when it sets no limit
    connected: bool = True  # the call's media flowed; else it is no call taken (signaling.today)
    interpreting: bool = False  # an interpreter's wrap-up: no outcome, ready ends it (§Interpreter)
    saving: bool = False  # wrap_up sent, its answer (wrap_up_saved or note_refused) not yet in
    # What the server found in the last note it refused; the outcome was kept all the same.
    refused: tuple[PersonalData, ...] = ()

    def remaining_s(self, now: float) -> float | None:
        return None if self.ends_at is None else max(0.0, self.ends_at - now)

    def elapsed_s(self, now: float) -> float:
        return max(0.0, now - self.started_at)


@dataclass(frozen=True)
class Today:
    """What this console saw today; ratings only the server knows (GET /api/adviser/today)."""

    calls_taken: int = 0
    total_handle_s: float = 0.0
    ratings_count: int = 0
    ratings_average: float | None = None

    @property
    def average_handle_s(self) -> float | None:
        return None if self.calls_taken == 0 else self.total_handle_s / self.calls_taken

    def with_call(self, handle_s: float) -> Today:
        return Today(
            calls_taken=self.calls_taken + 1,
            total_handle_s=self.total_handle_s + max(0.0, handle_s),
            ratings_count=self.ratings_count,
            ratings_average=self.ratings_average,
        )


@dataclass(frozen=True)
class ConsoleState:
    phase: Phase = Phase.SIGNED_OUT
    now: float = 0.0
    server_url: str = ""
    username: str = ""
    display_name: str = ""
    adviser_id: str = ""
    languages: tuple[tuple[str, Level], ...] = ()
    outcomes: tuple[str, ...] = ()
    note_retention_days: int | None = None  # from the server's welcome
    roles: tuple[str, ...] = ()  # from the welcome: "interpreter" is offered interpreting only
    away_reason: str = ""
    online: bool = False
    retry_in_s: float | None = None
    queues: tuple[QueueStat, ...] = ()
    colleagues: tuple[AdviserSummary, ...] = ()  # signed-in advisers, as the server's ``queues``
    offer: Ringing | None = None
    call: ActiveCall | None = None
    wrap_up: WrapUpState | None = None
    today: Today = field(default_factory=Today)
    bookings: Bookings = field(default_factory=Bookings)  # today's bookings panel (F10)
    notice: Notice | None = None
    notice_detail: str = ""

    @property
    def own_languages(self) -> frozenset[str]:
        return frozenset(code for code, _ in self.languages)

    @property
    def is_interpreter(self) -> bool:
        return "interpreter" in self.roles

    def service_languages(self) -> tuple[str, ...]:
        """The languages the service offers, as the server's queue figures list them; this
        adviser's own when none has come yet."""
        return tuple(q.language for q in self.queues) or tuple(c for c, _ in self.languages)

    def transfer_candidates(self) -> tuple[AdviserSummary, ...]:
        """Colleagues the current call can be transferred to (docs/protocol.md §Transfer).

        Only ``available`` ones, since the server refuses any other, and never this adviser.
        Those who speak the call's language come first, best level first; then the rest, who may
        still be the right person when the resident turns out to need another language. Ties keep
        the server's order (by name). Empty when there is no call.
        """
        language = self.call.language if self.call is not None else None
        if language is None:
            return ()
        free = [
            c
            for c in self.colleagues
            if c.status == "available" and c.adviser_id != self.adviser_id
        ]
        return tuple(sorted(free, key=lambda c: -_rank(c.languages.get(language))))


def _rank(level: Level | None) -> int:
    """The server's rank of a level (signaling.messages.LEVEL_RANK, higher is better); 0 for a
    language the adviser does not speak."""
    return LEVEL_RANK[level] if level is not None else 0
