"""The booking tables (docs/booking.md): new tables only, on the store's ``Base``; their
migrations are in ``signaling/migrations/``. Private to :mod:`signaling.store_bookings`.

Nothing about a resident: a booking is a slot, a code's keyed hash, a state and times; a ticket
is a language, a topic, a join time and a validity. Codes themselves are never stored.
"""

from __future__ import annotations

from sqlalchemy import JSON, Float, ForeignKey, Index, Integer, LargeBinary, String, text
from sqlalchemy.orm import Mapped, mapped_column

from signaling.store_tables import Base

LIVE_STATES = ("booked", "checked_in")


class BookingSecretRow(Base):
    """The HMAC key for code hashes when ``booking.code_secret`` is not set: made once."""

    __tablename__ = "booking_secret"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    secret: Mapped[bytes] = mapped_column(LargeBinary)


class SlotRow(Base):
    __tablename__ = "booking_slots"
    __table_args__ = (Index("ix_booking_slots_adviser_start", "adviser_id", "starts_at"),)

    id: Mapped[str] = mapped_column(String(35), primary_key=True)
    language: Mapped[str] = mapped_column(String(35))
    topic: Mapped[str | None] = mapped_column(String(35), nullable=True)
    adviser_id: Mapped[str | None] = mapped_column(String(35), nullable=True)
    starts_at: Mapped[float] = mapped_column(Float, index=True)
    duration_s: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[float] = mapped_column(Float)
    created_by: Mapped[str] = mapped_column(String(100))


class BookingRow(Base):
    __tablename__ = "bookings"
    # One live booking per slot, enforced by the database: two kiosks racing for the last slot
    # cannot both win. A partial index on SQLite and PostgreSQL alike.
    __table_args__ = (
        Index(
            "ux_bookings_live_slot",
            "slot_id",
            unique=True,
            sqlite_where=text("state IN ('booked', 'checked_in')"),
            postgresql_where=text("state IN ('booked', 'checked_in')"),
        ),
    )

    id: Mapped[str] = mapped_column(String(35), primary_key=True)
    slot_id: Mapped[str] = mapped_column(ForeignKey("booking_slots.id"))
    code_hash: Mapped[str] = mapped_column(String(64), unique=True)
    state: Mapped[str] = mapped_column(String(20), index=True)
    source: Mapped[str] = mapped_column(String(10))  # "kiosk" or "staff"
    kiosk_id: Mapped[str | None] = mapped_column(String(35), nullable=True)  # where it was booked
    created_at: Mapped[float] = mapped_column(Float)
    checked_in_at: Mapped[float | None] = mapped_column(Float, nullable=True)
    checked_in_kiosk: Mapped[str | None] = mapped_column(String(35), nullable=True)
    no_show_at: Mapped[float | None] = mapped_column(Float, nullable=True)
    cancelled_at: Mapped[float | None] = mapped_column(Float, nullable=True)


class TicketRow(Base):
    __tablename__ = "booking_tickets"

    id: Mapped[str] = mapped_column(String(35), primary_key=True)
    code_hash: Mapped[str] = mapped_column(String(64), unique=True)
    language: Mapped[str] = mapped_column(String(35))
    topic: Mapped[str | None] = mapped_column(String(35), nullable=True)
    fallbacks: Mapped[list[str]] = mapped_column(JSON)
    joined_at: Mapped[float] = mapped_column(Float)
    valid_until: Mapped[float] = mapped_column(Float, index=True)
    kiosk_id: Mapped[str] = mapped_column(String(35))
    created_at: Mapped[float] = mapped_column(Float)
    used_at: Mapped[float | None] = mapped_column(Float, nullable=True)
    used_kiosk: Mapped[str | None] = mapped_column(String(35), nullable=True)
