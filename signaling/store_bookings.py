"""Slots, bookings and tickets in the database (docs/booking.md). Reached as ``store.bookings``.

The server reads bookings from here on every use (no copy in memory), so what the CLI or
another process writes counts at once. State changes that two kiosks could race for (taking a
slot, checking in, using a ticket) are single conditional statements: the database decides the
winner.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Literal

from sqlalchemy import and_, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from signaling.auth import new_id
from signaling.booking.slots import Slot, first_clash
from signaling.booking.window import BookingState
from signaling.store_booking_tables import (
    LIVE_STATES,
    BookingRow,
    BookingSecretRow,
    SlotRow,
    TicketRow,
)
from signaling.store_records import Conflict, NotFound

Source = Literal["kiosk", "staff"]


@dataclass(frozen=True)
class BookingRecord:
    id: str
    slot: Slot
    state: BookingState
    source: Source
    created_at: float
    checked_in_at: float | None
    no_show_at: float | None


@dataclass(frozen=True)
class TicketRecord:
    id: str
    language: str
    topic: str | None
    fallbacks: tuple[str, ...]
    joined_at: float
    valid_until: float
    used_at: float | None


@dataclass(frozen=True)
class SlotView:
    """A slot as staff see it: with whether it is free."""

    slot: Slot
    free: bool


def _slot(row: SlotRow) -> Slot:
    return Slot(row.id, row.language, row.topic, row.adviser_id, row.starts_at, row.duration_s)


def _booking(row: BookingRow, slot: SlotRow) -> BookingRecord:
    state: BookingState = row.state  # type: ignore[assignment]
    source: Source = row.source  # type: ignore[assignment]
    return BookingRecord(
        row.id, _slot(slot), state, source, row.created_at, row.checked_in_at, row.no_show_at
    )


def _ticket(row: TicketRow) -> TicketRecord:
    return TicketRecord(
        row.id,
        row.language,
        row.topic,
        tuple(row.fallbacks),
        row.joined_at,
        row.valid_until,
        row.used_at,
    )


_LIVE = BookingRow.state.in_(LIVE_STATES)


class BookingStore:
    def __init__(self, session: async_sessionmaker[AsyncSession]) -> None:
        self._session = session

    async def secret(self) -> bytes:
        """The database's HMAC key for codes, made on first use."""
        async with self._session() as db, db.begin():
            row = await db.get(BookingSecretRow, 1)
            if row is None:
                row = BookingSecretRow(id=1, secret=secrets.token_bytes(32))
                db.add(row)
            return row.secret

    # --- slots -----------------------------------------------------------------------------

    async def add_slots(
        self,
        *,
        language: str,
        topic: str | None,
        adviser_id: str | None,
        times: Sequence[tuple[float, int]],
        by: str,
        now: float,
        when: Callable[[float], str] = lambda t: f"{t:.0f} (UNIX time)",
    ) -> list[Slot]:
        """Publish slots at ``times``; Conflict (nothing written) if one overlaps another slot of
        the same adviser, naming the clash with ``when`` (the desk gives local wall-clock time:
        staff read the message as it is)."""
        async with self._session() as db, db.begin():
            if adviser_id is not None and times:
                near = await db.scalars(
                    select(SlotRow).where(
                        SlotRow.adviser_id == adviser_id,
                        SlotRow.starts_at < max(t + d for t, d in times),
                        SlotRow.starts_at > min(t for t, _ in times) - 86400,
                    )
                )
                clash = first_clash(adviser_id, times, [_slot(r) for r in near])
                if clash is not None:
                    raise Conflict(f"the adviser already has a slot at {when(clash)}")
            rows = [
                SlotRow(
                    id=new_id("s"),
                    language=language,
                    topic=topic,
                    adviser_id=adviser_id,
                    starts_at=start,
                    duration_s=duration,
                    created_at=now,
                    created_by=by,
                )
                for start, duration in times
            ]
            db.add_all(rows)
        return [_slot(r) for r in rows]

    async def slots(
        self, *, since: float, until: float, language: str | None = None
    ) -> list[SlotView]:
        """Slots starting in [since, until), earliest first, with whether each is free."""
        async with self._session() as db:
            query = select(SlotRow).where(SlotRow.starts_at >= since, SlotRow.starts_at < until)
            if language is not None:
                query = query.where(SlotRow.language == language)
            rows = list(await db.scalars(query.order_by(SlotRow.starts_at, SlotRow.id)))
            taken = set(
                await db.scalars(
                    select(BookingRow.slot_id).where(
                        _LIVE, BookingRow.slot_id.in_([r.id for r in rows])
                    )
                )
            )
        return [SlotView(_slot(r), r.id not in taken) for r in rows]

    async def slot(self, slot_id: str) -> Slot | None:
        async with self._session() as db:
            row = await db.get(SlotRow, slot_id)
        return _slot(row) if row is not None else None

    async def withdraw_slot(self, slot_id: str) -> None:
        """Delete a free slot (and its past cancelled bookings). NotFound; Conflict while booked."""
        async with self._session() as db, db.begin():
            row = await db.get(SlotRow, slot_id)
            if row is None:
                raise NotFound(f"no slot {slot_id!r}")
            bookings = list(
                await db.scalars(select(BookingRow).where(BookingRow.slot_id == slot_id))
            )
            if any(b.state in LIVE_STATES for b in bookings):
                raise Conflict(f"slot {slot_id!r} is booked: cancel the booking first")
            if any(b.state == "no_show" for b in bookings):
                raise Conflict(f"slot {slot_id!r} has a recorded no-show: it stays")
            for booking in bookings:
                await db.delete(booking)
            await db.delete(row)

    # --- bookings --------------------------------------------------------------------------

    async def code_in_use(self, code_hash: str) -> bool:
        async with self._session() as db:
            booking = await db.scalar(
                select(BookingRow.id).where(BookingRow.code_hash == code_hash)
            )
            ticket = await db.scalar(select(TicketRow.id).where(TicketRow.code_hash == code_hash))
        return booking is not None or ticket is not None

    async def book(
        self, slot_id: str, *, code_hash: str, source: Source, kiosk_id: str | None, now: float
    ) -> BookingRecord:
        """Take a slot. NotFound: no such slot; Conflict: it has a live booking already."""
        row = BookingRow(
            id=new_id("b"),
            slot_id=slot_id,
            code_hash=code_hash,
            state="booked",
            source=source,
            kiosk_id=kiosk_id,
            created_at=now,
        )
        try:
            async with self._session() as db, db.begin():
                slot = await db.get(SlotRow, slot_id)
                if slot is None:
                    raise NotFound(f"no slot {slot_id!r}")
                db.add(row)
        except IntegrityError:
            raise Conflict(f"slot {slot_id!r} is taken") from None
        return _booking(row, slot)

    async def booking_by_code(self, code_hash: str) -> BookingRecord | None:
        async with self._session() as db:
            found = (
                await db.execute(
                    select(BookingRow, SlotRow)
                    .join(SlotRow, SlotRow.id == BookingRow.slot_id)
                    .where(BookingRow.code_hash == code_hash)
                )
            ).first()
        return _booking(*found) if found is not None else None

    async def booking(self, booking_id: str) -> BookingRecord | None:
        async with self._session() as db:
            found = (
                await db.execute(
                    select(BookingRow, SlotRow)
                    .join(SlotRow, SlotRow.id == BookingRow.slot_id)
                    .where(BookingRow.id == booking_id)
                )
            ).first()
        return _booking(*found) if found is not None else None

    async def check_in(self, booking_id: str, *, kiosk_id: str, now: float) -> bool:
        """booked -> checked_in; False if it was no longer ``booked`` (another kiosk won)."""
        return await self._transition(
            booking_id, "booked", state="checked_in", checked_in_at=now, checked_in_kiosk=kiosk_id
        )

    async def undo_check_in(self, booking_id: str) -> None:
        """checked_in -> booked: the kiosk went away before its caller was in line."""
        await self._transition(
            booking_id, "checked_in", state="booked", checked_in_at=None, checked_in_kiosk=None
        )

    async def cancel(self, booking_id: str, *, now: float) -> BookingRecord:
        """booked -> cancelled (the slot is free again). NotFound; Conflict when not booked."""
        if not await self._transition(booking_id, "booked", state="cancelled", cancelled_at=now):
            found = await self.booking(booking_id)
            if found is None:
                raise NotFound(f"no booking {booking_id!r}")
            raise Conflict(f"booking {booking_id!r} is {found.state}, not booked")
        found = await self.booking(booking_id)
        assert found is not None
        return found

    async def _transition(self, booking_id: str, before: str, **values: object) -> bool:
        async with self._session() as db, db.begin():
            result = await db.execute(
                update(BookingRow)
                .where(BookingRow.id == booking_id, BookingRow.state == before)
                .values(**values)
            )
        return bool(getattr(result, "rowcount", 0))

    async def record_no_shows(self, *, closed_before: float, now: float) -> int:
        """Every booking still ``booked`` whose slot started before ``closed_before`` (its window
        has closed) becomes ``no_show``. Returns how many."""
        async with self._session() as db, db.begin():
            late = select(SlotRow.id).where(SlotRow.starts_at < closed_before)
            result = await db.execute(
                update(BookingRow)
                .where(and_(BookingRow.state == "booked", BookingRow.slot_id.in_(late)))
                .values(state="no_show", no_show_at=now)
            )
        return int(getattr(result, "rowcount", 0))

    async def bookings(
        self, *, since: float, until: float, adviser_id: str | None = None
    ) -> list[BookingRecord]:
        """Bookings (any state) of slots starting in [since, until), earliest first; with
        ``adviser_id``, only that adviser's."""
        query = (
            select(BookingRow, SlotRow)
            .join(SlotRow, SlotRow.id == BookingRow.slot_id)
            .where(SlotRow.starts_at >= since, SlotRow.starts_at < until)
        )
        if adviser_id is not None:
            query = query.where(SlotRow.adviser_id == adviser_id)
        async with self._session() as db:
            rows = (await db.execute(query.order_by(SlotRow.starts_at, BookingRow.id))).all()
        return [_booking(b, s) for b, s in rows]

    # --- tickets ---------------------------------------------------------------------------

    async def add_ticket(
        self,
        *,
        code_hash: str,
        language: str,
        topic: str | None,
        fallbacks: Sequence[str],
        joined_at: float,
        valid_until: float,
        kiosk_id: str,
        now: float,
    ) -> TicketRecord:
        row = TicketRow(
            id=new_id("t"),
            code_hash=code_hash,
            language=language,
            topic=topic,
            fallbacks=list(fallbacks),
            joined_at=joined_at,
            valid_until=valid_until,
            kiosk_id=kiosk_id,
            created_at=now,
        )
        try:
            async with self._session() as db, db.begin():
                db.add(row)
        except IntegrityError:
            raise Conflict("that code is in use") from None
        return _ticket(row)

    async def ticket_by_code(self, code_hash: str) -> TicketRecord | None:
        async with self._session() as db:
            row = await db.scalar(select(TicketRow).where(TicketRow.code_hash == code_hash))
        return _ticket(row) if row is not None else None

    async def use_ticket(self, ticket_id: str, *, kiosk_id: str, now: float) -> bool:
        """Mark a ticket used; False if it already was (another kiosk won)."""
        async with self._session() as db, db.begin():
            result = await db.execute(
                update(TicketRow)
                .where(TicketRow.id == ticket_id, TicketRow.used_at.is_(None))
                .values(used_at=now, used_kiosk=kiosk_id)
            )
        return bool(getattr(result, "rowcount", 0))

    async def unuse_ticket(self, ticket_id: str) -> None:
        """A used ticket good again: the kiosk went away before its caller was in line."""
        async with self._session() as db, db.begin():
            await db.execute(
                update(TicketRow)
                .where(TicketRow.id == ticket_id)
                .values(used_at=None, used_kiosk=None)
            )
