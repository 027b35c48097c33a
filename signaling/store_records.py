"""What the store hands out: frozen records (never ORM rows) and the store's errors.

Records carry no resident's name and no media: a call is codes, times, figures, an adviser id and
a rating (see signaling.store_tables).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal, cast

from signaling.errors import ErrorCode, KiosklinkError
from signaling.messages import HealthReport, Level, Quality
from signaling.store_tables import AdviserRow, CallRow, HealthRow, KioskRow

Side = Literal["kiosk", "adviser"]


class StoreError(KiosklinkError):
    """A store operation cannot be done as asked."""


class NotFound(StoreError):
    code = ErrorCode.NOT_FOUND


class Conflict(StoreError):
    """A record with that key (username, call id) already exists."""

    code = ErrorCode.CONFLICT


@dataclass(frozen=True)
class KioskRecord:
    id: str
    name: str
    site: str
    created_at: float
    revoked: bool
    last_seen: float | None
    app_version: str | None


@dataclass(frozen=True)
class AdviserRecord:
    id: str
    username: str
    display_name: str
    languages: dict[str, Level]
    topics: tuple[str, ...] | None  # None: every topic
    is_admin: bool


@dataclass(frozen=True)
class SessionRecord:
    adviser: AdviserRecord
    admin: bool
    expires_at: float


@dataclass(frozen=True)
class CallRecord:
    id: str
    kiosk_id: str
    site: str
    language: str
    topic: str | None
    joined_at: float
    answered_at: float | None
    adviser_id: str | None
    ended_at: float | None
    outcome: str | None
    wrap_up_category: str | None
    wrap_up_note: str | None
    rating: int | None
    kiosk_quality: Quality | None  # the latest sample from each side
    adviser_quality: Quality | None


@dataclass(frozen=True)
class WaitingRecord:
    caller_id: str
    kiosk_id: str
    language: str
    topic: str | None
    fallbacks: tuple[str, ...]
    priority: int
    joined_at: float
    resume_token_hash: str


@dataclass(frozen=True)
class HealthRecord:
    kiosk_id: str
    at: float
    report: HealthReport


@dataclass(frozen=True)
class AuditRecord:
    id: int
    actor: str
    action: str
    target: str
    at: float
    detail: str


def kiosk_record(row: KioskRow) -> KioskRecord:
    return KioskRecord(
        row.id, row.name, row.site, row.created_at, row.revoked, row.last_seen, row.app_version
    )


def adviser_record(row: AdviserRow) -> AdviserRecord:
    topics = None if row.topics is None else tuple(row.topics)
    languages = {code: cast(Level, level) for code, level in row.languages.items()}
    return AdviserRecord(row.id, row.username, row.display_name, languages, topics, row.is_admin)


def call_record(row: CallRow, latest: Mapping[tuple[str, str], Quality]) -> CallRecord:
    return CallRecord(
        id=row.id,
        kiosk_id=row.kiosk_id,
        site=row.site,
        language=row.language,
        topic=row.topic,
        joined_at=row.joined_at,
        answered_at=row.answered_at,
        adviser_id=row.adviser_id,
        ended_at=row.ended_at,
        outcome=row.outcome,
        wrap_up_category=row.wrap_up_category,
        wrap_up_note=row.wrap_up_note,
        rating=row.rating,
        kiosk_quality=latest.get((row.id, "kiosk")),
        adviser_quality=latest.get((row.id, "adviser")),
    )


def health_record(row: HealthRow) -> HealthRecord:
    return HealthRecord(row.kiosk_id, row.at, HealthReport.model_validate(row.report))


# -- fleet health (signaling.admin) ----------------------------------------------------------------


@dataclass(frozen=True)
class QualitySample:
    """One quality figure set of a call, tied to its kiosk and site, never to the resident."""

    kiosk_id: str
    site: str
    side: Side
    at: float
    quality: Quality


@dataclass(frozen=True)
class OutcomeCount:
    """How many calls from one site in one language ended one way (None: still open)."""

    site: str
    language: str
    outcome: str | None
    count: int
