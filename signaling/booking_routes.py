"""HTTP for staff and the console: slots, bookings for residents who phone, today's list and the
iCalendar export (docs/booking.md §Staff).

Every route takes an adviser session (``Authorization: Bearer``, as ``/api/adviser/today``).
An adviser publishes slots for themselves or with no adviser; an admin for anyone. Errors are
``{"code", "message"}``: 400 ``bad_message``, 401 ``unauthorized``, 403 ``out_of_role``,
404 ``not_found``, 409 ``conflict``. A booking's code is shown once, in the answer that made it.
A sweep every minute (and one before every list) records no-shows.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator, Awaitable, Callable
from datetime import date
from typing import Any
from urllib.parse import urlsplit

from aiohttp import web
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from signaling import server as srv
from signaling.booking import codes
from signaling.booking.ics import CalendarEntry, bookings_calendar
from signaling.booking.slots import Series, Slot
from signaling.booking_desk import BookingDesk
from signaling.errors import ErrorCode, InvalidBooking, KiosklinkError
from signaling.store_bookings import BookingRecord
from signaling.store_records import AdviserRecord, Conflict, NotFound

log = logging.getLogger(__name__)
NO_SHOW_SWEEP_S = 60.0
ICS_PAST_DAYS = 30
_MAX_LIST_DAYS = 31

_Date = date  # the series field below is called ``date``


class _Body(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class SeriesBody(_Body):
    language: str = Field(min_length=1, max_length=35)
    topic: str | None = Field(default=None, max_length=35)
    adviser_id: str | None = Field(default=None, max_length=35)
    date: _Date
    start: str = Field(max_length=5)
    end: str = Field(max_length=5)
    slot_minutes: int
    weekly_until: _Date | None = None


class BookBody(_Body):
    slot_id: str = Field(min_length=1, max_length=35)


class CancelBody(_Body):
    code: str = Field(min_length=1, max_length=40)


def setup_booking_routes(app: web.Application) -> None:
    app.router.add_get("/api/booking/slots", list_slots)
    app.router.add_post("/api/booking/slots", publish_slots)
    app.router.add_delete("/api/booking/slots/{slot_id}", withdraw_slot)
    app.router.add_post("/api/booking/bookings", book)
    app.router.add_delete("/api/booking/bookings/{booking_id}", cancel)
    app.router.add_post("/api/booking/cancel", cancel_by_code)
    app.router.add_get("/api/adviser/bookings", adviser_bookings)
    app.router.add_get("/api/adviser/bookings.ics", adviser_calendar)
    app.cleanup_ctx.append(_no_show_sweep)


Handler = Callable[[web.Request, AdviserRecord, BookingDesk, float], Awaitable[web.StreamResponse]]


def _staff(handler: Handler) -> Callable[[web.Request], Awaitable[web.StreamResponse]]:
    """Sign-in check, then the handler; booking errors become their documented replies."""

    async def route(request: web.Request) -> web.StreamResponse:
        token = srv.bearer_token(request)
        now = request.app[srv.CLOCK]()
        adviser = await request.app[srv.STORE].session(token, now=now) if token else None
        if adviser is None:
            return srv.json_error(401, ErrorCode.UNAUTHORIZED, "sign in first")
        try:
            return await handler(request, adviser, request.app[srv.SWITCHBOARD].booking, now)
        except (InvalidBooking, ValidationError, ValueError, OverflowError) as exc:
            return srv.json_error(400, ErrorCode.BAD_MESSAGE, _first_line(exc))
        except NotFound as exc:
            return srv.json_error(404, ErrorCode.NOT_FOUND, str(exc))
        except Conflict as exc:
            return srv.json_error(409, ErrorCode.CONFLICT, str(exc))
        except PermissionError as exc:
            return srv.json_error(403, ErrorCode.OUT_OF_ROLE, str(exc))

    return route


def _first_line(exc: Exception) -> str:
    if isinstance(exc, ValidationError):
        first = exc.errors(include_url=False, include_input=False)[0]
        where = ".".join(str(p) for p in first["loc"]) or "body"
        return f"{where}: {first['msg']}"
    return str(exc).splitlines()[0] if str(exc) else type(exc).__name__


async def _json(request: web.Request) -> Any:
    try:
        return await request.json()
    except ValueError:
        raise ValueError("the body must be JSON") from None


def slot_json(slot: Slot, *, free: bool | None = None) -> dict[str, object]:
    data: dict[str, object] = {
        "slot_id": slot.id,
        "language": slot.language,
        "topic": slot.topic,
        "adviser_id": slot.adviser_id,
        "starts_at": slot.starts_at,
        "duration_s": slot.duration_s,
    }
    if free is not None:
        data["free"] = free
    return data


def booking_json(booking: BookingRecord) -> dict[str, object]:
    slot = booking.slot
    return {
        "booking_id": booking.id,
        **slot_json(slot),
        "state": booking.state,
        "checked_in_at": booking.checked_in_at,
        "source": booking.source,
    }


def _day_span(request: web.Request, desk: BookingDesk, now: float) -> tuple[date, float, float]:
    text = request.query.get("day")
    day = date.fromisoformat(text) if text else desk.today(now)
    days = int(request.query.get("days", "1"))
    if not 1 <= days <= _MAX_LIST_DAYS:
        raise ValueError(f"days must be 1-{_MAX_LIST_DAYS}")
    start, _ = desk.local_day(day)
    _, end = desk.local_day(date.fromordinal(day.toordinal() + days - 1))
    return day, start, end


@_staff
async def list_slots(
    request: web.Request, adviser: AdviserRecord, desk: BookingDesk, now: float
) -> web.StreamResponse:
    _, since, until = _day_span(request, desk, now)
    language = request.query.get("language") or None
    views = await desk.store.bookings.slots(since=since, until=until, language=language)
    topic = request.query.get("topic") or None
    shown = [v for v in views if topic is None or v.slot.topic in (None, topic)]
    return web.json_response({"slots": [slot_json(v.slot, free=v.free) for v in shown]})


@_staff
async def publish_slots(
    request: web.Request, adviser: AdviserRecord, desk: BookingDesk, now: float
) -> web.StreamResponse:
    body = SeriesBody.model_validate(await _json(request))
    if body.adviser_id not in (None, adviser.id):
        if not adviser.is_admin:
            raise PermissionError("only an admin publishes slots for another adviser")
        if await desk.store.adviser(body.adviser_id) is None:
            raise InvalidBooking(f"no adviser {body.adviser_id!r}")
    series = Series(
        body.language,
        body.topic,
        body.adviser_id,
        body.date,
        body.start,
        body.end,
        body.slot_minutes,
        body.weekly_until,
    )
    slots = await desk.publish(series, by=f"adviser:{adviser.id}", now=now)
    return web.json_response({"slots": [slot_json(s, free=True) for s in slots]}, status=201)


@_staff
async def withdraw_slot(
    request: web.Request, adviser: AdviserRecord, desk: BookingDesk, now: float
) -> web.StreamResponse:
    slot = await desk.store.bookings.slot(request.match_info["slot_id"])
    if slot is None:
        raise NotFound("no such slot")
    if slot.adviser_id not in (None, adviser.id) and not adviser.is_admin:
        raise PermissionError("only an admin withdraws another adviser's slot")
    await desk.store.bookings.withdraw_slot(slot.id)
    return web.Response(status=204)


@_staff
async def book(
    request: web.Request, adviser: AdviserRecord, desk: BookingDesk, now: float
) -> web.StreamResponse:
    body = BookBody.model_validate(await _json(request))
    booking, code = await desk.book(body.slot_id, source="staff", kiosk_id=None, now=now)
    booked = desk.booked_message(booking.slot, code)
    data = {"booking_id": booking.id, **booked.model_dump(exclude={"type"})}
    return web.json_response(data, status=201)


@_staff
async def cancel(
    request: web.Request, adviser: AdviserRecord, desk: BookingDesk, now: float
) -> web.StreamResponse:
    booking = await desk.store.bookings.cancel(request.match_info["booking_id"], now=now)
    return web.json_response({"booking_id": booking.id, "state": booking.state})


@_staff
async def cancel_by_code(
    request: web.Request, adviser: AdviserRecord, desk: BookingDesk, now: float
) -> web.StreamResponse:
    body = CancelBody.model_validate(await _json(request))
    code = codes.normalize(body.code)
    found = await desk.store.bookings.booking_by_code(await desk.hash_of(code)) if code else None
    if found is None or found.state == "cancelled":
        raise NotFound("no booking has that code")
    booking = await desk.store.bookings.cancel(found.id, now=now)
    return web.json_response({"booking_id": booking.id, "state": booking.state})


@_staff
async def adviser_bookings(
    request: web.Request, adviser: AdviserRecord, desk: BookingDesk, now: float
) -> web.StreamResponse:
    """The console's "today's bookings": with this adviser, or with none in their languages."""
    day, since, until = _day_span(request, desk, now)
    await desk.record_no_shows(now)
    bookings = await desk.store.bookings.bookings(since=since, until=until)
    mine = [
        b
        for b in bookings
        if b.slot.adviser_id == adviser.id
        or (b.slot.adviser_id is None and b.slot.language in adviser.languages)
    ]
    return web.json_response(
        {
            "day": day.isoformat(),
            "timezone": desk.zone.key,
            "bookings": [booking_json(b) for b in mine],
        }
    )


@_staff
async def adviser_calendar(
    request: web.Request, adviser: AdviserRecord, desk: BookingDesk, now: float
) -> web.StreamResponse:
    await desk.record_no_shows(now)
    bookings = await desk.store.bookings.bookings(
        since=now - ICS_PAST_DAYS * 86400, until=now + 400 * 86400, adviser_id=adviser.id
    )
    entries = [
        CalendarEntry(
            b.id, b.slot.starts_at, b.slot.duration_s, b.slot.language, b.slot.topic, b.state
        )
        for b in bookings
    ]
    public = request.app[srv.SETTINGS].server.public_url
    host = urlsplit(public).hostname if public else None
    body = bookings_calendar(entries, now=now, host=host or "kiosklink")
    return web.Response(
        body=body,
        content_type="text/calendar",
        charset="utf-8",
        headers={"Content-Disposition": 'attachment; filename="bookings.ics"'},
    )


async def _no_show_sweep(app: web.Application) -> AsyncIterator[None]:
    async def sweep() -> None:
        while True:
            await asyncio.sleep(NO_SHOW_SWEEP_S)
            try:
                await app[srv.SWITCHBOARD].booking.record_no_shows(app[srv.CLOCK]())
            except KiosklinkError:
                log.exception("no-show sweep failed")

    task = asyncio.create_task(sweep(), name="no-show-sweep")
    yield
    task.cancel()
    with contextlib.suppress(asyncio.CancelledError):
        await task
