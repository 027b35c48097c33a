"""``kiosklink admin booking ...``: slots and bookings for staff at a terminal (docs/booking.md
§Staff). The same desk as the server's HTTP routes (signaling/booking_desk.py), on the database
directly: the server reads bookings from it on every use, so it sees these changes at once.

``book`` prints the code and its QR payload once, to read to a resident who phoned; lists show
booking ids, never codes. Every change goes to the audit log with the actor ``cli``.
"""

from __future__ import annotations

import argparse
import json
import time
from datetime import date, datetime
from typing import Protocol, TextIO

from signaling.booking import codes
from signaling.booking.slots import Series
from signaling.booking_desk import BookingDesk
from signaling.config import Settings
from signaling.errors import InvalidBooking
from signaling.store import Store
from signaling.store_records import NotFound

ACTOR = "cli"


class _Streams(Protocol):
    @property
    def stdout(self) -> TextIO: ...

    @property
    def stderr(self) -> TextIO: ...


def add_booking_commands(booking: argparse.ArgumentParser) -> None:
    sub = booking.add_subparsers(dest="booking_command", required=True)
    cmd = sub.add_parser("slots", help="slots from a day on, free or booked")
    cmd.add_argument("--language")
    cmd.add_argument("--day", type=date.fromisoformat, help="YYYY-MM-DD, local; default today")
    cmd.add_argument("--days", type=int, default=7)
    cmd.add_argument("--json", action="store_true")
    cmd.set_defaults(admin_run=_slots)

    cmd = sub.add_parser("add-slot", help="publish slots: a span cut into slots, maybe weekly")
    cmd.add_argument("--language", required=True)
    cmd.add_argument("--topic", help="omit for any topic")
    cmd.add_argument("--date", required=True, type=date.fromisoformat, metavar="YYYY-MM-DD")
    cmd.add_argument("--start", required=True, metavar="HH:MM")
    cmd.add_argument("--end", required=True, metavar="HH:MM")
    cmd.add_argument("--slot-minutes", type=int, default=30)
    cmd.add_argument("--adviser", metavar="USERNAME", help="booked with this adviser")
    cmd.add_argument("--weekly-until", type=date.fromisoformat, metavar="YYYY-MM-DD")
    cmd.set_defaults(admin_run=_add_slot)

    cmd = sub.add_parser("book", help="book a slot for a resident; prints the code once")
    cmd.add_argument("slot_id")
    cmd.set_defaults(admin_run=_book)

    cmd = sub.add_parser("cancel", help="cancel a booking by its id or its code")
    cmd.add_argument("booking_id", nargs="?")
    cmd.add_argument("--code")
    cmd.set_defaults(admin_run=_cancel)

    cmd = sub.add_parser("list", help="a day's bookings and who has checked in")
    cmd.add_argument("--day", type=date.fromisoformat, help="YYYY-MM-DD, local; default today")
    cmd.add_argument("--json", action="store_true")
    cmd.set_defaults(admin_run=_list)


def _local(desk: BookingDesk, at: float) -> str:
    return datetime.fromtimestamp(at, desk.zone).strftime("%Y-%m-%d %H:%M")


async def _slots(store: Store, args: argparse.Namespace, settings: Settings, io: _Streams) -> int:
    desk, now = BookingDesk(settings, store), time.time()
    since, _ = desk.local_day(args.day or desk.today(now))
    views = await store.bookings.slots(
        since=since, until=since + args.days * 86400, language=args.language
    )
    if args.json:
        rows = [
            {"slot_id": v.slot.id, "language": v.slot.language, "topic": v.slot.topic,
             "adviser_id": v.slot.adviser_id, "starts_at": v.slot.starts_at,
             "duration_s": v.slot.duration_s, "free": v.free}
            for v in views
        ]  # fmt: skip
        print(json.dumps(rows, indent=2), file=io.stdout)
        return 0
    for v in views:
        s = v.slot
        state = "free" if v.free else "booked"
        print(
            f"{s.id}  {_local(desk, s.starts_at)}  {s.duration_s // 60:>3} min  {s.language}"
            f"  {s.topic or '-'}  {s.adviser_id or 'any adviser'}  {state}",
            file=io.stdout,
        )
    return 0


async def _add_slot(
    store: Store, args: argparse.Namespace, settings: Settings, io: _Streams
) -> int:
    desk, now = BookingDesk(settings, store), time.time()
    adviser_id = None
    if args.adviser:
        adviser = await store.adviser_by_username(args.adviser)
        if adviser is None:
            raise NotFound(f"no adviser {args.adviser!r}")
        adviser_id = adviser.id
    series = Series(
        args.language,
        args.topic,
        adviser_id,
        args.date,
        args.start,
        args.end,
        args.slot_minutes,
        args.weekly_until,
    )
    try:
        slots = await desk.publish(series, by=ACTOR, now=now)
    except InvalidBooking as exc:
        print(f"error: {exc}", file=io.stderr)
        return 1
    detail = f"{len(slots)} slots, {args.language}, first {_local(desk, slots[0].starts_at)}"
    await store.audit(ACTOR, "booking_add_slots", adviser_id or "-", now, detail)
    print(f"Published {len(slots)} slots:", file=io.stdout)
    for s in slots:
        print(f"{s.id}  {_local(desk, s.starts_at)}", file=io.stdout)
    return 0


async def _book(store: Store, args: argparse.Namespace, settings: Settings, io: _Streams) -> int:
    desk, now = BookingDesk(settings, store), time.time()
    booking, code = await desk.book(args.slot_id, source="staff", kiosk_id=None, now=now)
    await store.audit(ACTOR, "booking_book", booking.id, now, f"slot={args.slot_id}")
    slot = booking.slot
    print(f"Booked {booking.id}: {_local(desk, slot.starts_at)} ({desk.zone.key}).", file=io.stdout)
    print("Read the code to the resident; it is shown only this once.", file=io.stdout)
    print(f"QR payload: {codes.qr_payload(code)}", file=io.stdout)
    print(codes.grouped(code), file=io.stdout)
    return 0


async def _cancel(store: Store, args: argparse.Namespace, settings: Settings, io: _Streams) -> int:
    desk, now = BookingDesk(settings, store), time.time()
    booking_id = args.booking_id
    if args.code:
        code = codes.normalize(args.code)
        found = await store.bookings.booking_by_code(await desk.hash_of(code)) if code else None
        if found is None or found.state == "cancelled":
            raise NotFound("no booking has that code")
        booking_id = found.id
    if not booking_id:
        print("error: give a booking id or --code", file=io.stderr)
        return 2
    booking = await store.bookings.cancel(booking_id, now=now)
    await store.audit(ACTOR, "booking_cancel", booking.id, now, "")
    print(f"Cancelled {booking.id}; its slot is free again.", file=io.stdout)
    return 0


async def _list(store: Store, args: argparse.Namespace, settings: Settings, io: _Streams) -> int:
    desk, now = BookingDesk(settings, store), time.time()
    await desk.record_no_shows(now)
    since, until = desk.local_day(args.day or desk.today(now))
    bookings = await store.bookings.bookings(since=since, until=until)
    if args.json:
        rows = [
            {"booking_id": b.id, "slot_id": b.slot.id, "language": b.slot.language,
             "topic": b.slot.topic, "adviser_id": b.slot.adviser_id,
             "starts_at": b.slot.starts_at, "state": b.state, "source": b.source,
             "checked_in_at": b.checked_in_at}
            for b in bookings
        ]  # fmt: skip
        print(json.dumps(rows, indent=2), file=io.stdout)
        return 0
    for b in bookings:
        print(
            f"{b.id}  {_local(desk, b.slot.starts_at)}  {b.slot.language}  "
            f"{b.slot.topic or '-'}  {b.slot.adviser_id or 'any adviser'}  {b.state}",
            file=io.stdout,
        )
    return 0
