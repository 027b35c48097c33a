"""Persistence through SQLAlchemy 2's async ORM: one SQLite file (aiosqlite), the default for one
machine and the demo, or PostgreSQL (asyncpg) in production. The schema is migrated at open
(:mod:`signaling.store_migrations`).

What lives here: kiosks and their token digests, advisers and their password hashes, adviser
sessions, call records (codes, times, quality figures, rating: nothing about the resident), the
waiting queue (so a restart does not drop people in line), kiosk health reports, and an audit log of
administrative actions. The schema is in :mod:`signaling.store_tables`.

Callers get frozen dataclasses, never ORM objects, so nothing outside can lazily load or mutate a
row. Every method is one short transaction. SQLite runs in WAL mode so readers (the CLI, a
dashboard) do not block the server's writes; PostgreSQL does that by itself.

Mutations of a record by id raise :class:`NotFound` when there is no such record, and creations
raise :class:`Conflict` on a duplicate key; look-ups return ``None`` instead.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, Self, TypeVar

from argon2 import PasswordHasher
from sqlalchemy import delete, event, func, select, text, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import (
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)
from sqlalchemy.pool import StaticPool

from signaling import auth, store_migrations
from signaling.messages import LEVELS, HealthReport, Level, Quality
from signaling.reports.quality import poor_sample
from signaling.store_answer_stats import AnswerStats
from signaling.store_answers import AnswerStore
from signaling.store_bookings import BookingStore
from signaling.store_interpreting import InterpretingStore
from signaling.store_records import (
    AdviserRecord,
    AuditRecord,
    CallRecord,
    Conflict,
    HealthRecord,
    KioskRecord,
    NotFound,
    OutcomeCount,
    QualitySample,
    SessionRecord,
    Side,
    StoreError,
    WaitingRecord,
    adviser_record,
    call_record,
    health_record,
    kiosk_record,
)
from signaling.store_reports import ReportData, tally_quality
from signaling.store_tables import (
    AdviserRow,
    AuditRow,
    Base,
    CallRow,
    HealthRow,
    KioskRow,
    QualityRow,
    SessionRow,
    WaitingRow,
)

__all__ = [
    "LEVELS",
    "AdviserRecord",
    "AuditRecord",
    "CallRecord",
    "Conflict",
    "HealthRecord",
    "KioskRecord",
    "Level",
    "NotFound",
    "SessionRecord",
    "Side",
    "Store",
    "StoreError",
    "WaitingRecord",
]

MAX_NOTE_CHARS = 500


def _audit_length(column: str) -> int:
    length = getattr(AuditRow.__table__.c[column].type, "length", None)
    assert isinstance(length, int), f"audit.{column} is a bounded String"
    return length


_AUDIT_ACTOR, _AUDIT_ACTION, _AUDIT_TARGET = map(_audit_length, ("actor", "action", "target"))
RowT = TypeVar("RowT", bound=Base)


def _check_languages(languages: Mapping[str, str]) -> dict[str, str]:
    for code, level in languages.items():
        if level not in LEVELS:
            raise ValueError(f"language {code!r}: level {level!r} is not one of {LEVELS}")
    return dict(languages)


class Store:
    """The server's database. Open with ``await Store.open(path)``, close with ``await close()``."""

    def __init__(self, engine: AsyncEngine, hasher: PasswordHasher) -> None:
        self._engine = engine
        self._session = async_sessionmaker(engine, expire_on_commit=False)
        self._hasher = hasher
        self._dummy_hash: str | None = None
        self.answers = AnswerStore(engine)  # the common questions (signaling.store_answers)
        self.reports = ReportData(self._session)  # facts for reports (signaling.store_reports)
        self.answer_stats = AnswerStats(self._session)  # residents' use of the common questions
        self.bookings = BookingStore(self._session)  # slots, bookings, tickets (docs/booking.md)
        self.interpreting = InterpretingStore(self._session)  # interpreters (§Interpreter)

    @classmethod
    async def open(cls, target: str | Path, *, hasher: PasswordHasher | None = None) -> Self:
        """Open the database and bring its schema up to date (:mod:`signaling.store_migrations`).

        ``target`` is a SQLite file (created if needed; ``":memory:"`` for a scratch db) or a
        PostgreSQL URL, ``postgresql+asyncpg://user:password@host/database``. ``hasher`` lets
        tests pass cheaper argon2 parameters; production uses the defaults.
        """
        engine = make_engine(target)
        try:
            await store_migrations.upgrade(engine)
        except BaseException:
            await engine.dispose()
            raise
        return cls(engine, hasher or auth.password_hasher())

    async def close(self) -> None:
        await self._engine.dispose()

    async def ping(self) -> bool:
        """Whether the database answers a trivial query (for /health)."""
        try:
            async with self._engine.connect() as conn:
                return (await conn.execute(text("SELECT 1"))).scalar() == 1
        except Exception:  # any driver failure means "not healthy", which is the answer
            return False

    # -- kiosks ------------------------------------------------------------------------------------

    async def add_kiosk(
        self, name: str, site: str, *, now: float | None = None
    ) -> tuple[KioskRecord, str]:
        """Register a kiosk. Returns its record and its token, which is shown this once only."""
        token = auth.new_token()
        row = KioskRow(
            id=auth.new_id("k"),
            name=name,
            site=site,
            token_hash=auth.hash_token(token),
            created_at=time.time() if now is None else now,
            revoked=False,
        )
        async with self._session.begin() as db:
            db.add(row)
        return kiosk_record(row), token

    async def kiosk_by_token(self, token: str) -> KioskRecord | None:
        """The kiosk this token belongs to, or None when unknown or revoked."""
        query = select(KioskRow).where(KioskRow.token_hash == auth.hash_token(token))
        async with self._session() as db:
            row = (await db.execute(query)).scalar_one_or_none()
        return None if row is None or row.revoked else kiosk_record(row)

    async def kiosk(self, kiosk_id: str) -> KioskRecord | None:
        async with self._session() as db:
            row = await db.get(KioskRow, kiosk_id)
        return None if row is None else kiosk_record(row)

    async def list_kiosks(self) -> list[KioskRecord]:
        async with self._session() as db:
            rows = (await db.execute(select(KioskRow).order_by(KioskRow.created_at))).scalars()
            return [kiosk_record(row) for row in rows]

    async def revoke_kiosk(self, kiosk_id: str) -> KioskRecord:
        async with self._session.begin() as db:
            row = await _get(db, KioskRow, kiosk_id, "kiosk")
            row.revoked = True
            return kiosk_record(row)

    async def touch_kiosk(self, kiosk_id: str, at: float, app_version: str | None) -> None:
        """Remember when the kiosk was last connected and which app version it runs."""
        async with self._session.begin() as db:
            row = await _get(db, KioskRow, kiosk_id, "kiosk")
            row.last_seen = at
            if app_version is not None:
                row.app_version = app_version

    # -- advisers ----------------------------------------------------------------------------------

    async def add_adviser(
        self,
        username: str,
        display_name: str,
        password: str,
        languages: Mapping[str, Level],
        topics: Sequence[str] | None = None,
        is_admin: bool = False,
        *,
        now: float | None = None,
    ) -> AdviserRecord:
        """Create an adviser account. Raises Conflict when the username is taken."""
        row = AdviserRow(
            id=auth.new_id("a"),
            username=username,
            display_name=display_name,
            password_hash=await self._hash(password),
            languages=_check_languages(languages),
            topics=None if topics is None else list(topics),
            is_admin=is_admin,
            created_at=time.time() if now is None else now,
        )
        try:
            async with self._session.begin() as db:
                db.add(row)
        except IntegrityError:
            raise Conflict(f"an adviser with username {username!r} already exists") from None
        return adviser_record(row)

    async def verify_password(self, username: str, password: str) -> AdviserRecord | None:
        """The adviser when ``password`` is right, else None; unknown users cost the same time."""
        async with self._session() as db:
            row = await _adviser_row(db, username)
        stored = row.password_hash if row is not None else await self._dummy()
        ok = await asyncio.to_thread(auth.check_password, self._hasher, stored, password)
        if row is None or not ok:
            return None
        if self._hasher.check_needs_rehash(stored):  # parameters were raised since it was set
            await self.set_password(username, password)
        return adviser_record(row)

    async def adviser(self, adviser_id: str) -> AdviserRecord | None:
        async with self._session() as db:
            row = await db.get(AdviserRow, adviser_id)
        return None if row is None else adviser_record(row)

    async def adviser_by_username(self, username: str) -> AdviserRecord | None:
        async with self._session() as db:
            row = await _adviser_row(db, username)
        return None if row is None else adviser_record(row)

    async def list_advisers(self) -> list[AdviserRecord]:
        async with self._session() as db:
            rows = (await db.execute(select(AdviserRow).order_by(AdviserRow.username))).scalars()
            return [adviser_record(row) for row in rows]

    async def set_password(self, username: str, password: str) -> AdviserRecord:
        password_hash = await self._hash(password)
        async with self._session.begin() as db:
            row = await _adviser_row(db, username)
            if row is None:
                raise NotFound(f"no adviser with username {username!r}")
            row.password_hash = password_hash
            return adviser_record(row)

    async def set_languages(
        self, username: str, languages: Mapping[str, Level], topics: Sequence[str] | None = None
    ) -> AdviserRecord:
        """Replace the adviser's languages (and topics; None means every topic)."""
        async with self._session.begin() as db:
            row = await _adviser_row(db, username)
            if row is None:
                raise NotFound(f"no adviser with username {username!r}")
            row.languages = _check_languages(languages)
            row.topics = None if topics is None else list(topics)
            return adviser_record(row)

    async def _hash(self, password: str) -> str:
        # argon2 takes tens of milliseconds by design; keep the event loop free meanwhile.
        return await asyncio.to_thread(auth.hash_password, self._hasher, password)

    async def _dummy(self) -> str:
        if self._dummy_hash is None:
            self._dummy_hash = await asyncio.to_thread(auth.dummy_hash, self._hasher)
        return self._dummy_hash

    # -- sessions ----------------------------------------------------------------------------------

    async def create_session(
        self, adviser_id: str, *, ttl_s: float, now: float, admin: bool = False
    ) -> str:
        """A new opaque session token for the adviser, valid for ``ttl_s`` seconds from ``now``."""
        token = auth.new_token()
        async with self._session.begin() as db:
            await _get(db, AdviserRow, adviser_id, "adviser")
            db.add(
                SessionRow(
                    token_hash=auth.hash_token(token),
                    adviser_id=adviser_id,
                    created_at=now,
                    expires_at=now + ttl_s,
                    admin=admin,
                    revoked=False,
                )
            )
        return token

    async def session(self, token: str, *, now: float) -> AdviserRecord | None:
        """The adviser behind a live session token; None when unknown, expired or revoked."""
        info = await self.session_info(token, now=now)
        return None if info is None else info.adviser

    async def session_info(self, token: str, *, now: float) -> SessionRecord | None:
        """Like :meth:`session`, also saying whether it is an admin session and when it ends."""
        query = (
            select(SessionRow, AdviserRow)
            .join(AdviserRow, AdviserRow.id == SessionRow.adviser_id)
            .where(SessionRow.token_hash == auth.hash_token(token))
        )
        async with self._session() as db:
            found = (await db.execute(query)).one_or_none()
        if found is None:
            return None
        session, adviser = found
        if session.revoked or session.expires_at <= now:
            return None
        return SessionRecord(adviser_record(adviser), session.admin, session.expires_at)

    async def revoke_session(self, token: str) -> None:
        """End a session (sign-out). Unknown tokens are ignored: the outcome is the same."""
        async with self._session.begin() as db:
            row = await db.get(SessionRow, auth.hash_token(token))
            if row is not None:
                row.revoked = True

    async def prune_sessions(self, *, now: float) -> int:
        """Delete expired and revoked sessions; returns how many."""
        query = delete(SessionRow).where(
            (SessionRow.expires_at <= now) | SessionRow.revoked.is_(True)
        )
        async with self._session.begin() as db:
            return _rowcount(await db.execute(query))

    # -- call records ------------------------------------------------------------------------------

    async def open_call(
        self,
        call_id: str,
        *,
        kiosk_id: str,
        site: str,
        language: str,
        topic: str | None,
        joined_at: float,
    ) -> None:
        row = CallRow(
            id=call_id,
            kiosk_id=kiosk_id,
            site=site,
            language=language,
            topic=topic,
            joined_at=joined_at,
        )
        try:
            async with self._session.begin() as db:
                db.add(row)
        except IntegrityError:
            raise Conflict(f"call {call_id!r} is already recorded") from None

    async def answer_call(self, call_id: str, *, adviser_id: str, at: float) -> None:
        await self._update_call(call_id, adviser_id=adviser_id, answered_at=at)

    async def close_call(self, call_id: str, *, at: float, outcome: str) -> None:
        """Record how the call ended: "completed", "abandoned", "cancelled", "adviser_lost", ..."""
        await self._update_call(call_id, ended_at=at, outcome=outcome)

    async def set_wrap_up(self, call_id: str, *, category: str, note: str) -> None:
        """The adviser's wrap-up. The exchange lets no note with personal data through
        (signaling.privacy); it is capped at 500 characters like the wire's ``Text``, and an empty
        note is stored as none."""
        await self._update_call(
            call_id, wrap_up_category=category, wrap_up_note=note[:MAX_NOTE_CHARS] or None
        )

    async def prune_notes(self, *, before: float) -> int:
        """Delete the wrap-up notes of calls that ended (or, never ended, began) before ``before``;
        the rest of the call record stays. Returns how many notes went."""
        ended = func.coalesce(CallRow.ended_at, CallRow.joined_at)
        query = (
            update(CallRow)
            .where(CallRow.wrap_up_note.is_not(None), ended < before)
            .values(wrap_up_note=None)
        )
        async with self._session.begin() as db:
            return _rowcount(await db.execute(query))

    async def set_rating(self, call_id: str, score: int) -> None:
        if not 1 <= score <= 5:
            raise ValueError(f"a rating is 1 to 5, not {score}")
        await self._update_call(call_id, rating=score)

    async def add_quality(self, call_id: str, *, side: Side, quality: Quality, at: float) -> None:
        """Keep one quality sample; every sample is kept, :meth:`call` shows the latest per side."""
        if side not in ("kiosk", "adviser"):
            raise ValueError(f"side must be 'kiosk' or 'adviser', not {side!r}")
        figures = quality.model_dump(mode="json")
        async with self._session.begin() as db:
            await _get(db, CallRow, call_id, "call")
            db.add(QualityRow(call_id=call_id, side=side, at=at, figures=figures))
            await tally_quality(db, call_id, poor=poor_sample(quality))

    async def call(self, call_id: str) -> CallRecord | None:
        async with self._session() as db:
            row = await db.get(CallRow, call_id)
            if row is None:
                return None
            latest = await _latest_quality(db, [call_id])
        return call_record(row, latest)

    async def list_calls(
        self, *, since: float | None = None, limit: int = 1000
    ) -> list[CallRecord]:
        """Calls that joined at or after ``since``, oldest first, at most ``limit``."""
        query = select(CallRow).order_by(CallRow.joined_at, CallRow.id).limit(limit)
        if since is not None:
            query = query.where(CallRow.joined_at >= since)
        async with self._session() as db:
            rows = list((await db.execute(query)).scalars())
            latest = await _latest_quality(db, [row.id for row in rows])
        return [call_record(row, latest) for row in rows]

    async def adviser_calls(self, adviser_id: str, *, since: float) -> list[CallRecord]:
        """Calls this adviser answered at or after ``since``, oldest first (their "today")."""
        query = (
            select(CallRow)
            .where(CallRow.adviser_id == adviser_id, CallRow.answered_at >= since)
            .order_by(CallRow.answered_at, CallRow.id)
        )
        async with self._session() as db:
            rows = list((await db.execute(query)).scalars())
            latest = await _latest_quality(db, [row.id for row in rows])
        return [call_record(row, latest) for row in rows]

    async def _update_call(self, call_id: str, **values: Any) -> None:
        async with self._session.begin() as db:
            row = await _get(db, CallRow, call_id, "call")
            for name, value in values.items():
                setattr(row, name, value)

    # -- the waiting queue -------------------------------------------------------------------------

    async def save_waiting(
        self,
        caller_id: str,
        *,
        kiosk_id: str,
        language: str,
        topic: str | None,
        fallbacks: Sequence[str],
        priority: int,
        joined_at: float,
        resume_token_hash: str,
    ) -> None:
        """Insert or replace one waiting caller."""
        row = WaitingRow(
            caller_id=caller_id,
            kiosk_id=kiosk_id,
            language=language,
            topic=topic,
            fallbacks=list(fallbacks),
            priority=priority,
            joined_at=joined_at,
            resume_token_hash=resume_token_hash,
        )
        async with self._session.begin() as db:
            await db.merge(row)

    async def delete_waiting(self, caller_id: str) -> None:
        """Forget a waiting caller; unknown ids are ignored (they may have left already)."""
        async with self._session.begin() as db:
            await db.execute(delete(WaitingRow).where(WaitingRow.caller_id == caller_id))

    async def load_waiting(self) -> list[WaitingRecord]:
        """Everyone in line, in the order they joined (ties by caller id)."""
        query = select(WaitingRow).order_by(WaitingRow.joined_at, WaitingRow.caller_id)
        async with self._session() as db:
            rows = (await db.execute(query)).scalars()
            return [
                WaitingRecord(
                    r.caller_id,
                    r.kiosk_id,
                    r.language,
                    r.topic,
                    tuple(r.fallbacks),
                    r.priority,
                    r.joined_at,
                    r.resume_token_hash,
                )
                for r in rows
            ]

    # -- kiosk health ------------------------------------------------------------------------------

    async def add_health(self, kiosk_id: str, *, at: float, report: HealthReport) -> None:
        row = HealthRow(kiosk_id=kiosk_id, at=at, report=report.model_dump(mode="json"))
        async with self._session.begin() as db:
            db.add(row)

    async def health_history(self, kiosk_id: str, *, since: float) -> list[HealthRecord]:
        """The kiosk's reports at or after ``since``, oldest first."""
        query = (
            select(HealthRow)
            .where(HealthRow.kiosk_id == kiosk_id, HealthRow.at >= since)
            .order_by(HealthRow.at, HealthRow.id)
        )
        async with self._session() as db:
            return [health_record(row) for row in (await db.execute(query)).scalars()]

    async def latest_health(self, kiosk_id: str) -> HealthRecord | None:
        query = (
            select(HealthRow)
            .where(HealthRow.kiosk_id == kiosk_id)
            .order_by(HealthRow.at.desc(), HealthRow.id.desc())
            .limit(1)
        )
        async with self._session() as db:
            row = (await db.execute(query)).scalar_one_or_none()
        return None if row is None else health_record(row)

    async def prune_health(self, *, before: float) -> int:
        """Delete reports older than ``before``; returns how many went."""
        async with self._session.begin() as db:
            return _rowcount(await db.execute(delete(HealthRow).where(HealthRow.at < before)))

    # -- audit log ---------------------------------------------------------------------------------

    async def audit(
        self, actor: str, action: str, target: str, at: float, detail: str = ""
    ) -> None:
        """Record an administrative action (who did what to which record, when). Fields longer
        than their columns are cut: PostgreSQL would refuse the row, and an action must never
        fail for want of its audit entry (SQLite keeps any length, so both agree this way)."""
        row = AuditRow(
            actor=actor[:_AUDIT_ACTOR],
            action=action[:_AUDIT_ACTION],
            target=target[:_AUDIT_TARGET],
            at=at,
            detail=detail,
        )
        async with self._session.begin() as db:
            db.add(row)

    async def audit_log(self, limit: int = 100) -> list[AuditRecord]:
        """The latest ``limit`` entries, newest first."""
        query = select(AuditRow).order_by(AuditRow.at.desc(), AuditRow.id.desc()).limit(limit)
        async with self._session() as db:
            rows = (await db.execute(query)).scalars()
            return [AuditRecord(r.id, r.actor, r.action, r.target, r.at, r.detail) for r in rows]

    # -- fleet health (signaling.admin) ----------------------------------------------------------

    async def quality_samples(self, *, since: float) -> list[QualitySample]:
        """Every quality sample taken at or after ``since``, with its call's kiosk, oldest first."""
        query = (
            select(QualityRow, CallRow.kiosk_id, CallRow.site)
            .join(CallRow, CallRow.id == QualityRow.call_id)
            .where(QualityRow.at >= since)
            .order_by(QualityRow.at, QualityRow.id)
        )
        async with self._session() as db:
            rows = (await db.execute(query)).all()
        return [
            QualitySample(
                kiosk_id,
                site,
                "adviser" if row.side == "adviser" else "kiosk",
                row.at,
                Quality.model_validate(row.figures),
            )
            for row, kiosk_id, site in rows
        ]

    async def call_outcome_counts(self) -> list[OutcomeCount]:
        """Calls per (site, language, outcome) over the whole record, for /metrics counters."""
        query = (
            select(CallRow.site, CallRow.language, CallRow.outcome, func.count())
            .group_by(CallRow.site, CallRow.language, CallRow.outcome)
            .order_by(CallRow.site, CallRow.language, CallRow.outcome)
        )
        async with self._session() as db:
            rows = (await db.execute(query)).all()
        return [
            OutcomeCount(site, language, outcome, int(n)) for site, language, outcome, n in rows
        ]


def make_engine(target: str | Path) -> AsyncEngine:
    """The engine :meth:`Store.open` uses, without migrating (``kiosklink admin db``)."""
    if is_url(target):
        # pre_ping: a connection the pool kept across a PostgreSQL restart is replaced, not used.
        return create_async_engine(str(target), pool_pre_ping=True)
    memory = str(target) == ":memory:"
    if not memory:
        Path(target).parent.mkdir(parents=True, exist_ok=True)
    url = "sqlite+aiosqlite:///" + str(target)
    # A memory database lives in one connection: share it (StaticPool) or every session sees
    # an empty database.
    engine = create_async_engine(url, poolclass=StaticPool) if memory else create_async_engine(url)
    event.listen(engine.sync_engine, "connect", _on_connect)
    return engine


def is_url(target: str | Path) -> bool:
    """Whether ``target`` names a database server (a URL) rather than a SQLite file."""
    return isinstance(target, str) and "://" in target


def _on_connect(dbapi_connection: Any, _record: Any) -> None:
    # WAL: the CLI can read while the server writes. busy_timeout: a second process waits for the
    # write lock instead of failing at once. foreign_keys: SQLite leaves them off unless asked.
    # secure_delete: deleted notes and reports are overwritten, not left in free pages of the file
    # (docs/privacy.md); some SQLite builds have it on already, not all.
    cursor = dbapi_connection.cursor()
    for pragma in (
        "journal_mode=WAL",
        "busy_timeout=5000",
        "foreign_keys=ON",
        "synchronous=NORMAL",
        "secure_delete=ON",
    ):
        cursor.execute(f"PRAGMA {pragma}")
    cursor.close()


async def _get(db: AsyncSession, table: type[RowT], key: str, what: str) -> RowT:
    row = await db.get(table, key)
    if row is None:
        raise NotFound(f"no {what} with id {key!r}")
    return row


async def _adviser_row(db: AsyncSession, username: str) -> AdviserRow | None:
    query = select(AdviserRow).where(AdviserRow.username == username)
    return (await db.execute(query)).scalar_one_or_none()


def _rowcount(result: Any) -> int:
    return int(result.rowcount or 0)


async def _latest_quality(
    db: AsyncSession, call_ids: Sequence[str]
) -> dict[tuple[str, str], Quality]:
    """The newest sample per (call, side); later rows overwrite earlier ones in the dict."""
    if not call_ids:
        return {}
    query = (
        select(QualityRow)
        .where(QualityRow.call_id.in_(call_ids))
        .order_by(QualityRow.at, QualityRow.id)
    )
    latest: dict[tuple[str, str], Quality] = {}
    for row in (await db.execute(query)).scalars():
        latest[(row.call_id, row.side)] = Quality.model_validate(row.figures)
    return latest
