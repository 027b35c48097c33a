"""The router's records of callers and advisers, and the sorted keys its indexes are built from.

Private to :mod:`signaling.routing`. The records are plain mutable data: only
:mod:`signaling.routing.transitions` changes them, except ``Caller.shown``, which is what
:mod:`signaling.routing.positions` last told the caller.
"""

from __future__ import annotations

from bisect import bisect_left, insort
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Generic, TypeVar

from signaling.messages import Level
from signaling.routing.vocabulary import (
    AdviserId,
    AdviserState,
    CallerId,
    CallerState,
    Language,
    Party,
)

# (-priority, joined_at, seq, caller id): higher priority first, then FIFO, then insertion order.
QueueKey = tuple[int, float, int, str]
# (idle_since, seq, adviser id): idle longest first.
IdleKey = tuple[float, int, str]
FIRST_KEY: QueueKey = (-(2**62), float("-inf"), 0, "")  # sorts before every caller

K = TypeVar("K", QueueKey, IdleKey)


class SortedKeys(Generic[K]):
    """A sorted list of unique keys: O(log n) search, O(n) memmove insert, fast in-order walk."""

    __slots__ = ("items",)

    def __init__(self) -> None:
        self.items: list[K] = []

    def add(self, key: K) -> None:
        insort(self.items, key)

    def discard(self, key: K) -> None:
        i = bisect_left(self.items, key)
        if i < len(self.items) and self.items[i] == key:
            del self.items[i]

    def index(self, key: K) -> int | None:
        i = bisect_left(self.items, key)
        return i if i < len(self.items) and self.items[i] == key else None

    def __len__(self) -> int:
        return len(self.items)

    def __iter__(self) -> Iterator[K]:
        return iter(self.items)


@dataclass(eq=False)
class Caller:
    id: CallerId
    language: Language
    topic: str | None
    fallbacks: tuple[Language, ...]
    priority: int
    joined_at: float
    seq: int
    state: CallerState = CallerState.WAITING
    connected: bool = True
    grace_until: float | None = None  # end of the kiosk's grace while disconnected
    adviser: AdviserId | None = None  # offered to, in call with, or held for
    offer_expires: float | None = None
    escalates_at: float | None = None  # the pending escalation timer
    tried: set[AdviserId] = field(default_factory=set)  # declined or missed, this round
    shown: tuple[int, tuple[int, int] | None] | None = None  # last (position, wait) emitted
    silent: frozenset[Party] = frozenset()  # in a call: whose media the other side misses
    media_until: float | None = None  # end of the media grace while ``silent``
    reserved_for: AdviserId | None = None  # a booking's adviser, offered this caller first
    reserved_until: float | None = None  # until then only ``reserved_for`` may be offered

    def reserved_at(self, now: float) -> AdviserId | None:
        """The adviser this caller is reserved for at ``now``, or None (docs/booking.md)."""
        if self.reserved_until is None or now >= self.reserved_until:
            return None
        return self.reserved_for

    @property
    def key(self) -> QueueKey:
        return (-self.priority, self.joined_at, self.seq, self.id)


@dataclass(eq=False)
class Adviser:
    id: AdviserId
    languages: dict[Language, Level]
    topics: frozenset[str] | None
    last_heard: float
    state: AdviserState = AdviserState.SIGNED_OUT
    idle: IdleKey | None = None  # while AVAILABLE, and kept during an offer
    caller: CallerId | None = None  # offered, in call, or held
    missed: int = 0  # offers timed out in a row
    resume: AdviserState | None = None  # state to return to on reconnect
    grace_until: float | None = None
    wrap_until: float | None = None
    call_started: float | None = None
    call_language: Language | None = None
    heartbeat_due: float | None = None  # the pending heartbeat check
    pulled: bool = False  # ringing with an offer they asked for (take_next): back to away after
