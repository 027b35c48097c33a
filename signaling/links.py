"""Who is on the line: one resident's visit, and the connections of kiosks and advisers.

The exchange (signaling/exchange/) keeps these in memory; the routing engine knows only the ids.
A connection is named by a ``ConnId`` the adapter hands out; the socket itself stays in the adapter.
A ``Caller`` holds no personal data: kiosk, site, language, topic and times, nothing about the
person.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import NewType

from signaling import messages as m
from signaling import routing as r
from signaling.store_records import AdviserRecord, KioskRecord

ConnId = NewType("ConnId", int)  # one WebSocket connection, numbered by the adapter


def hash_resume_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


@dataclass
class Caller:
    """One resident's visit, from join to the end of their call. Holds no personal data."""

    id: r.CallerId
    kiosk_id: str
    site: str
    language: r.Language
    topic: str | None
    fallbacks: tuple[r.Language, ...]
    joined_at: float
    resume_token: str | None  # plaintext only in memory; the store keeps the hash
    resume_hash: str
    answered: bool = False
    failed_setups: int = 0  # earlier visits of this resident whose call could not be set up
    # A booking's or a ticket's check-in (docs/booking.md): when they came to a kiosk, for the
    # adviser's "waited"; ``joined_at`` is the place in line they were given.
    arrived_at: float | None = None


@dataclass
class KioskLink:
    conn: ConnId
    kiosk: KioskRecord
    caller: r.CallerId | None = None
    last_call: r.CallerId | None = None
    health: m.HealthReport | None = None  # the latest, for offers (signaling.devices)


@dataclass
class AdviserLink:
    conn: ConnId
    adviser: AdviserRecord
    pending_wrap_up: set[str] = field(default_factory=set)
    last_call: r.CallerId | None = None  # quality samples may come just after it ended
    # An interpreter's console (the account's "interpreter" role): routed by the interpreters'
    # queue, never offered residents (docs/protocol.md §Interpreter).
    interpreter: bool = False
