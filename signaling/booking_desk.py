"""The booking desk: the adapter around signaling.booking (docs/booking.md).

It reads and writes bookings in the store, draws codes from ``secrets``, reads the clock through
the caller (every method takes ``now``), and hands the exchange what a code lets into the line.
The switchboard passes it the kiosk's booking messages (``list_slots``, ``book``, ``check_in``,
``take_ticket``) and carries out the actions it returns; the staff routes and the CLI use it
too, so every way in draws codes and publishes slots the same way. No routing rule lives here.
"""

from __future__ import annotations

import secrets
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from signaling import messages as m
from signaling.booking import codes
from signaling.booking.entry import Admission
from signaling.booking.limits import GuessLimit, SlidingLimit
from signaling.booking.slots import Series, Slot, bookable, series_times
from signaling.booking.window import (
    BookingFacts,
    Window,
    booking_refusal,
    refuse,
    reserved_until,
    ticket_refusal,
    ticket_valid_until,
)
from signaling.config import Settings
from signaling.errors import InvalidBooking, LocalProtocolError, OutOfRole
from signaling.exchange import Action, Exchange, Post
from signaling.links import KioskLink
from signaling.store import Store
from signaling.store_bookings import BookingRecord, TicketRecord
from signaling.store_records import Conflict
from signaling.today import service_timezone

BookingMessage = m.ListSlots | m.Book | m.CheckIn | m.TakeTicket
BOOKING_MESSAGES = (m.ListSlots, m.Book, m.CheckIn, m.TakeTicket)
_CODE_DRAWS = 8  # a clash with a live code is ~1e-8 per draw; eight in a row is a broken store


class BookingDesk:
    def __init__(self, settings: Settings, store: Store) -> None:
        self.settings = settings
        self.rules = settings.booking
        self.store = store
        self.zone: ZoneInfo = service_timezone(settings)
        self.window = Window(
            before_s=self.rules.check_in_before_s,
            after_s=self.rules.check_in_after_s,
            late_grace_s=self.rules.late_grace_s,
        )
        self.guesses = GuessLimit(
            per_kiosk=self.rules.guesses_per_kiosk,
            overall=self.rules.guesses_global,
            window_s=self.rules.guess_window_s,
        )
        self.kiosk_bookings = SlidingLimit(limit=self.rules.bookings_per_kiosk, window_s=3600.0)
        self._secret: bytes | None = None

    # --- codes -----------------------------------------------------------------------------

    async def secret(self) -> bytes:
        if self._secret is None:
            configured = self.rules.code_secret
            self._secret = (
                configured.get_secret_value().encode()
                if configured is not None
                else await self.store.bookings.secret()
            )
        return self._secret

    async def hash_of(self, code: str) -> str:
        return codes.code_hash(await self.secret(), code)

    async def new_code(self) -> tuple[str, str]:
        """A fresh code and its hash, unlike any code in the store."""
        for _ in range(_CODE_DRAWS):
            code = codes.code_from_bytes(secrets.token_bytes(codes.RANDOM_BYTES))
            hashed = await self.hash_of(code)
            if not await self.store.bookings.code_in_use(hashed):
                return code, hashed
        raise LocalProtocolError("could not draw an unused booking code")

    # --- the kiosk's messages --------------------------------------------------------------

    async def kiosk_message(
        self, exchange: Exchange, link: KioskLink, msg: BookingMessage, now: float
    ) -> list[Action]:
        """The actions answering one booking message. Raises OutOfRole for a message the
        kiosk's state forbids (the server replies with the error)."""
        match msg:
            case m.ListSlots():
                return [Post(link.conn, await self.free_slots(msg.language, msg.topic, now))]
            case m.Book(slot_id=slot_id):
                return await self.kiosk_book(exchange, link, slot_id, now)
            case m.CheckIn(code=typed):
                return await self.check_in(exchange, link, typed, now)
            case m.TakeTicket():
                return await self.take_ticket(exchange, link, now)

    def _check_offered(self, language: str, topic: str | None) -> None:
        service = self.settings.service
        if language not in service.languages:
            raise OutOfRole(f"language {language!r} is not offered here")
        if topic is not None and topic not in service.topics:
            raise OutOfRole(f"topic {topic!r} is not offered here")

    async def free_slots(self, language: str, topic: str | None, now: float) -> m.Slots:
        self._check_offered(language, topic)
        horizon_s = self.rules.horizon_days * 86400.0
        views = await self.store.bookings.slots(
            since=now + self.rules.book_lead_s, until=now + horizon_s + 1, language=language
        )
        free = bookable(
            (v.slot for v in views),
            language=language,
            topic=topic,
            taken=frozenset(v.slot.id for v in views if not v.free),
            now=now,
            lead_s=self.rules.book_lead_s,
            horizon_s=horizon_s,
        )
        infos = [
            m.SlotInfo(slot_id=s.id, starts_at=s.starts_at, duration_s=s.duration_s) for s in free
        ]
        return m.Slots(language=language, topic=topic, timezone=self.zone.key, slots=infos)

    async def kiosk_book(
        self, exchange: Exchange, link: KioskLink, slot_id: str, now: float
    ) -> list[Action]:
        """``booked`` or ``book_refused``. A kiosk gone before the answer never saw the code, so
        its booking is cancelled again (the slot is free for someone else)."""
        answer = await self._kiosk_book(link.kiosk.id, slot_id, now)
        if isinstance(answer, tuple):
            booking, message = answer
            if exchange.kiosks.get(link.kiosk.id) is not link:
                await self.store.bookings.cancel(booking.id, now=now)
                return []
            self.kiosk_bookings.add(link.kiosk.id, now)
            return [Post(link.conn, message)]
        return [Post(link.conn, answer)]

    async def _kiosk_book(
        self, kiosk_id: str, slot_id: str, now: float
    ) -> tuple[BookingRecord, m.Booked] | m.BookRefused:
        retry = self.kiosk_bookings.retry_at(kiosk_id, now)
        if retry is not None:
            return m.BookRefused(reason="too_many", retry_at=retry)
        slot = await self.store.bookings.slot(slot_id)
        if slot is None:
            return m.BookRefused(reason="slot_taken")
        if slot.starts_at < now + self.rules.book_lead_s:
            return m.BookRefused(reason="too_soon")
        try:
            booking, code = await self.book(slot_id, source="kiosk", kiosk_id=kiosk_id, now=now)
        except Conflict:
            return m.BookRefused(reason="slot_taken")
        return booking, self.booked_message(booking.slot, code)

    async def book(
        self, slot_id: str, *, source: str, kiosk_id: str | None, now: float
    ) -> tuple[BookingRecord, str]:
        """Take a slot with a fresh code (kiosk or staff). NotFound, Conflict if taken,
        InvalidBooking once its check-in window has closed."""
        slot = await self.store.bookings.slot(slot_id)
        if slot is not None and now >= self.window.closes_at(slot.starts_at):
            raise InvalidBooking(f"slot {slot_id!r} is over")
        code, hashed = await self.new_code()
        booking = await self.store.bookings.book(
            slot_id,
            code_hash=hashed,
            source="kiosk" if source == "kiosk" else "staff",
            kiosk_id=kiosk_id,
            now=now,
        )
        return booking, code

    def booked_message(self, slot: Slot, code: str) -> m.Booked:
        return m.Booked(
            code=codes.grouped(code),
            qr=codes.qr_payload(code),
            slot_id=slot.id,
            language=slot.language,
            topic=slot.topic,
            starts_at=slot.starts_at,
            duration_s=slot.duration_s,
            opens_at=self.window.opens_at(slot.starts_at),
            closes_at=self.window.closes_at(slot.starts_at),
            timezone=self.zone.key,
        )

    async def check_in(
        self, exchange: Exchange, link: KioskLink, typed: str, now: float
    ) -> list[Action]:
        exchange.check_free(link)
        kiosk_id = link.kiosk.id
        retry = self.guesses.retry_at(kiosk_id, now)
        if retry is not None:
            return [Post(link.conn, refuse("rate_limited", retry_at=retry))]
        code = codes.normalize(typed)
        hashed = await self.hash_of(code) if code is not None else None
        if hashed is not None:
            booking = await self.store.bookings.booking_by_code(hashed)
            if booking is not None and booking.state != "cancelled":
                return await self._check_in_booking(exchange, link, booking, now)
            ticket = await self.store.bookings.ticket_by_code(hashed)
            if ticket is not None:
                return await self._check_in_ticket(exchange, link, ticket, now)
        self.guesses.wrong(kiosk_id, now)  # only unknown codes count as guesses
        return [Post(link.conn, refuse("code_unknown"))]

    async def _check_in_booking(
        self, exchange: Exchange, link: KioskLink, booking: BookingRecord, now: float
    ) -> list[Action]:
        slot = booking.slot
        facts = BookingFacts(booking.state, slot.starts_at, slot.language, slot.topic)
        refusal = booking_refusal(facts, self.window, now)
        if refusal is None and not await self.store.bookings.check_in(
            booking.id, kiosk_id=link.kiosk.id, now=now
        ):
            refusal = refuse("code_used")  # another kiosk was a moment quicker
        if refusal is not None:
            return [Post(link.conn, refusal)]
        entry = Admission(
            kind="booking",
            language=slot.language,
            topic=slot.topic,
            fallbacks=(),
            joined_at=now - self.rules.booked_credit_s,
            starts_at=slot.starts_at,
            reserved_for=slot.adviser_id,
            reserved_until=(
                reserved_until(slot.starts_at, now, self.rules.reserved_wait_s)
                if slot.adviser_id is not None
                else None
            ),
        )
        try:
            admitted = exchange.admit(link, entry, now)
        except OutOfRole:  # the kiosk went away while the store answered: the code stays good
            await self.store.bookings.undo_check_in(booking.id)
            raise
        return [*admitted, *self._tell_advisers(exchange, booking)]

    def _tell_advisers(self, exchange: Exchange, booking: BookingRecord) -> list[Action]:
        """``booking_checked_in`` to the booked adviser, or to every adviser with the language
        when the booking names none (§Booking); in adviser-id order."""
        slot = booking.slot
        told = m.BookingCheckedIn(
            booking_id=booking.id,
            language=slot.language,
            topic=slot.topic,
            starts_at=slot.starts_at,
        )
        return [
            Post(link.conn, told)
            for adviser_id, link in sorted(exchange.advisers.items())
            if adviser_id == slot.adviser_id
            or (slot.adviser_id is None and slot.language in link.adviser.languages)
        ]

    async def _check_in_ticket(
        self, exchange: Exchange, link: KioskLink, ticket: TicketRecord, now: float
    ) -> list[Action]:
        hours = exchange.overview.hours_for(ticket.language)
        refusal = ticket_refusal(
            used=ticket.used_at is not None,
            valid_until=ticket.valid_until,
            open_now=hours.is_open(now),
            opens_at=hours.next_opening(now),
            now=now,
        )
        if refusal is None and not await self.store.bookings.use_ticket(
            ticket.id, kiosk_id=link.kiosk.id, now=now
        ):
            refusal = refuse("code_used")
        if refusal is not None:
            return [Post(link.conn, refusal)]
        entry = Admission(
            kind="ticket",
            language=ticket.language,
            topic=ticket.topic,
            fallbacks=ticket.fallbacks,
            joined_at=ticket.joined_at,
        )
        try:
            return exchange.admit(link, entry, now)
        except OutOfRole:  # the kiosk went away while the store answered: the ticket stays good
            await self.store.bookings.unuse_ticket(ticket.id)
            raise

    async def take_ticket(self, exchange: Exchange, link: KioskLink, now: float) -> list[Action]:
        place = exchange.ticket_place(link)
        code, hashed = await self.new_code()
        valid_until = ticket_valid_until(now, self.zone, self.rules.ticket_valid_s)
        ticket = await self.store.bookings.add_ticket(
            code_hash=hashed,
            language=place.language,
            topic=place.topic,
            fallbacks=place.fallbacks,
            joined_at=place.joined_at,
            valid_until=valid_until,
            kiosk_id=link.kiosk.id,
            now=now,
        )
        message = m.Ticket(
            code=codes.grouped(code),
            qr=codes.qr_payload(code),
            language=place.language,
            topic=place.topic,
            valid_until=valid_until,
            timezone=self.zone.key,
        )
        try:
            return exchange.leave_with_ticket(link, place, message, now)
        except OutOfRole:
            # Offered while the ticket was written: the code was never shown, so spend it.
            await self.store.bookings.use_ticket(ticket.id, kiosk_id=link.kiosk.id, now=now)
            raise

    # --- staff -----------------------------------------------------------------------------

    async def publish(self, series: Series, *, by: str, now: float) -> list[Slot]:
        """Publish a series of slots. InvalidBooking; Conflict on an adviser's overlap."""
        self._check_offered_or_invalid(series.language, series.topic)
        times = series_times(series, self.zone, now=now)
        return await self.store.bookings.add_slots(
            language=series.language,
            topic=series.topic,
            adviser_id=series.adviser_id,
            times=times,
            by=by,
            now=now,
            when=lambda t: datetime.fromtimestamp(t, self.zone).strftime("%Y-%m-%d %H:%M"),
        )

    def _check_offered_or_invalid(self, language: str, topic: str | None) -> None:
        try:
            self._check_offered(language, topic)
        except OutOfRole as exc:
            raise InvalidBooking(str(exc)) from None

    async def record_no_shows(self, now: float) -> int:
        """Bookings whose window closed without a check-in become no-shows."""
        closed_before = now - self.window.after_s
        return await self.store.bookings.record_no_shows(closed_before=closed_before, now=now)

    def local_day(self, day: date) -> tuple[float, float]:
        """[start, end) of a local day in UNIX time (a DST day is 23 or 25 hours)."""
        start = datetime(day.year, day.month, day.day, tzinfo=self.zone)
        end = datetime.combine(day + timedelta(days=1), datetime.min.time(), tzinfo=self.zone)
        return start.timestamp(), end.timestamp()

    def today(self, now: float) -> date:
        return datetime.fromtimestamp(now, self.zone).date()
