"""What the exchange asks its adapter to do: post, close, write to the store, tell observers.

Plain frozen values, compared by value in the tests. Store commands carry the ids the exchange
decided and expect no answer: the adapter applies them in order through one writer.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from signaling import messages as m
from signaling.links import ConnId
from signaling.store_records import KioskRecord, Side


@dataclass(frozen=True)
class Post:
    conn: ConnId
    message: m.Message


@dataclass(frozen=True)
class Close:
    conn: ConnId
    code: int
    reason: str


@dataclass(frozen=True)
class OpenCall:
    call_id: str
    kiosk_id: str
    site: str
    language: str
    topic: str | None
    joined_at: float


@dataclass(frozen=True)
class AnswerCall:
    call_id: str
    adviser_id: str
    at: float


@dataclass(frozen=True)
class CloseCall:
    call_id: str
    at: float
    outcome: str


@dataclass(frozen=True)
class SetWrapUp:
    call_id: str
    category: str
    # Out of the repr: the adapter logs a failed store command with it (docs/privacy.md).
    note: str = field(repr=False)


@dataclass(frozen=True)
class SetRating:
    call_id: str
    score: int


@dataclass(frozen=True)
class AddQuality:
    call_id: str
    side: Side
    quality: m.Quality
    at: float


@dataclass(frozen=True)
class AddHealth:
    kiosk_id: str
    at: float
    report: m.HealthReport


@dataclass(frozen=True)
class TouchKiosk:
    kiosk_id: str
    at: float
    app_version: str | None


@dataclass(frozen=True)
class Audit:
    actor: str
    action: str
    target: str
    at: float
    detail: str


@dataclass(frozen=True)
class SaveWaiting:
    caller_id: str
    kiosk_id: str
    language: str
    topic: str | None
    fallbacks: tuple[str, ...]
    priority: int
    joined_at: float
    resume_token_hash: str


@dataclass(frozen=True)
class DeleteWaiting:
    caller_id: str


@dataclass(frozen=True)
class CountAnswerEvent:
    """One more resident's ``answer_event`` (docs/answers.md): a local day, never a time."""

    day: str  # YYYY-MM-DD in the service's time zone
    site: str
    language: str
    question: str | None  # None for no_result
    event: m.AnswerEventKind


@dataclass(frozen=True)
class RecordTransfer:
    """A transfer made during a call, for reports: to a language's queue or to a colleague (who
    is not recorded: reports never go per person)."""

    call_id: str
    at: float
    kind: Literal["language", "adviser"]


@dataclass(frozen=True)
class RecordInterpretation:
    """One interpretation asked for in a call, written when it ends (docs/protocol.md
    §Interpreter): the language, its times and how it ended; never who interpreted."""

    call_id: str
    language: str
    asked_at: float
    joined_at: float | None  # None: no interpreter joined
    left_at: float
    outcome: str  # an ``m.InterpreterReason``, or "call_ended" when the call itself ended


StoreCommand = (
    OpenCall
    | AnswerCall
    | CloseCall
    | SetWrapUp
    | SetRating
    | AddQuality
    | AddHealth
    | TouchKiosk
    | Audit
    | SaveWaiting
    | DeleteWaiting
    | CountAnswerEvent
    | RecordTransfer
    | RecordInterpretation
)


@dataclass(frozen=True)
class KioskSeen:
    kiosk: KioskRecord
    app_version: str
    at: float


@dataclass(frozen=True)
class KioskSaid:
    kiosk_id: str
    message: m.KioskMessage
    at: float


@dataclass(frozen=True)
class KioskGone:
    kiosk_id: str
    at: float


Observed = KioskSeen | KioskSaid | KioskGone
Action = Post | Close | StoreCommand | Observed
