"""Bookable times in the admin web (docs/booking.md §Admin web): its page and JSON API.

Under ``/admin/api/bookings``::

    GET  /day?day=YYYY-MM-DD             a local day's slots, each with its booking (if any)
    POST /slots                          publish a series (one slot, a span, or weekly until a day)
    POST /slots/{slot_id}/withdraw       withdraw a free slot
    POST /book                           book a slot for a resident who phoned: the code, once
    POST /bookings/{booking_id}/cancel   cancel a booking (its slot is free again)

Who: admins may do everything, as the server's own staff API lets an admin (signaling/
booking_routes.py); service managers (``manager``) see the day read-only, to plan staffing and
follow check-ins and no-shows; editors have no business here. Advisers book and publish in the
console, with their adviser session. A POST follows the admin web's rules (JSON only, the Origin
check: signaling/admin/routes.py). Every change goes to the audit log with who and what, never
a booking's code: the code is in the answer that made it and nowhere else.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import date
from typing import Final

from aiohttp import web
from pydantic import ValidationError

from signaling import server as srv
from signaling.admin.language_names import language_name
from signaling.booking.slots import Series
from signaling.booking_desk import BookingDesk
from signaling.booking_routes import BookBody, SeriesBody, booking_json, slot_json
from signaling.errors import ErrorCode, InvalidBooking
from signaling.roles import REPORT_READERS
from signaling.store_bookings import BookingRecord
from signaling.store_records import Conflict, NotFound

PAGE: Final = "/admin/bookings"
API: Final = "/admin/api/bookings"
_LIVE_FIRST = {"checked_in": 0, "booked": 1, "no_show": 2, "cancelled": 3}

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


def setup_bookings(app: web.Application) -> None:
    from signaling.admin.routes import allow  # late: routes imports this module

    app.router.add_get(PAGE, bookings_page)
    app.router.add_get(API + "/day", day)
    for path in (PAGE, API + "/day"):
        allow(app, path, REPORT_READERS)
    # Changes are for admins only: no allow(), so the admin web's default (admins) holds.
    app.router.add_post(API + "/slots", _refusals(publish))
    app.router.add_post(API + "/slots/{slot_id}/withdraw", _refusals(withdraw))
    app.router.add_post(API + "/book", _refusals(book))
    app.router.add_post(API + "/bookings/{booking_id}/cancel", _refusals(cancel))


def _refusals(handler: Handler) -> Handler:
    """The booking rules' refusals as the admin web's ``{"code", "message"}`` replies."""

    async def route(request: web.Request) -> web.StreamResponse:
        try:
            return await handler(request)
        except ValidationError as exc:
            first = exc.errors(include_url=False, include_input=False)[0]
            where = ".".join(str(p) for p in first["loc"]) or "body"
            return _error(400, ErrorCode.BAD_MESSAGE, f"{where}: {first['msg']}")
        except (InvalidBooking, ValueError, OverflowError) as exc:
            return _error(400, ErrorCode.BAD_MESSAGE, str(exc).splitlines()[0] if str(exc) else "")
        except NotFound as exc:
            return _error(404, ErrorCode.NOT_FOUND, str(exc))
        except Conflict as exc:
            return _error(409, ErrorCode.CONFLICT, str(exc))

    return route


def _error(status: int, code: ErrorCode, message: str) -> web.Response:
    return web.json_response({"code": code.value, "message": message}, status=status)


def _desk(request: web.Request) -> BookingDesk:
    return request.app[srv.SWITCHBOARD].booking


async def _audit(request: web.Request, action: str, target: str, detail: str = "") -> None:
    from signaling.admin.routes import actor  # late: routes imports this module

    now = request.app[srv.CLOCK]()
    await request.app[srv.STORE].audit(actor(request), action, target, now, detail)


async def _json(request: web.Request) -> object:
    try:
        return await request.json()
    except ValueError:
        raise ValueError("the body must be JSON") from None


# --- the page and the day ----------------------------------------------------------------------


async def bookings_page(request: web.Request) -> web.FileResponse:
    from signaling.admin.routes import STATIC  # late: routes imports this module

    response = web.FileResponse(STATIC / "bookings.html")
    response.headers["Cache-Control"] = "no-store"
    # As the dashboard's: no inline script or style, nothing from elsewhere, never in a frame.
    response.headers["Content-Security-Policy"] = (
        "default-src 'self'; img-src 'self' data:; style-src 'self'; frame-ancestors 'none'"
    )
    return response


async def day(request: web.Request) -> web.Response:
    """A local day's slots, each with its latest booking; what the forms offer to choose from."""
    desk, now = _desk(request), request.app[srv.CLOCK]()
    text = request.query.get("day")
    try:
        chosen = date.fromisoformat(text) if text else desk.today(now)
        since, until = desk.local_day(chosen)
    except (ValueError, OverflowError):
        return _error(400, ErrorCode.BAD_MESSAGE, "day is YYYY-MM-DD")
    await desk.record_no_shows(now)
    views = await desk.store.bookings.slots(since=since, until=until)
    booked = _latest_by_slot(await desk.store.bookings.bookings(since=since, until=until))
    service = request.app[srv.SETTINGS].service
    advisers = await request.app[srv.STORE].list_advisers()
    slots = []
    for view in views:
        booking = booked.get(view.slot.id)
        slots.append(
            {
                **slot_json(view.slot, free=view.free),
                "booking": None if booking is None else _booking_part(booking),
            }
        )
    return web.json_response(
        {
            "day": chosen.isoformat(),
            "today": desk.today(now).isoformat(),
            "timezone": desk.zone.key,
            "languages": [
                {
                    "code": c,
                    "endonym": language_name(c).endonym,
                    "swedish": language_name(c).swedish,
                }
                for c in service.languages
            ],
            "topics": list(service.topics),
            "advisers": [
                {"adviser_id": a.id, "name": a.display_name or a.username, "languages": a.languages}
                for a in advisers
            ],
            "slots": slots,
        }
    )


def _latest_by_slot(bookings: list[BookingRecord]) -> dict[str, BookingRecord]:
    """Per slot, the booking that tells its story: a live one before a no-show before a
    cancelled one (a cancelled booking freed the slot, which may have been booked again)."""
    chosen: dict[str, BookingRecord] = {}
    for booking in bookings:
        held = chosen.get(booking.slot.id)
        if held is None or _LIVE_FIRST[booking.state] < _LIVE_FIRST[held.state]:
            chosen[booking.slot.id] = booking
    return chosen


def _booking_part(booking: BookingRecord) -> dict[str, object]:
    data = booking_json(booking)
    return {k: data[k] for k in ("booking_id", "state", "checked_in_at", "source")}


# --- changes (admins) --------------------------------------------------------------------------


async def publish(request: web.Request) -> web.Response:
    body = SeriesBody.model_validate(await _json(request))
    desk, now = _desk(request), request.app[srv.CLOCK]()
    if (
        body.adviser_id is not None
        and await request.app[srv.STORE].adviser(body.adviser_id) is None
    ):
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
    from signaling.admin.routes import actor  # late: routes imports this module

    slots = await desk.publish(series, by=actor(request), now=now)
    weekly = f" weekly until {body.weekly_until}" if body.weekly_until else ""
    detail = f"{len(slots)} slots {body.date} {body.start}-{body.end}{weekly} {body.topic or ''}"
    await _audit(request, "publish_slots", body.language, detail.strip())
    return web.json_response({"slots": [slot_json(s, free=True) for s in slots]}, status=201)


async def withdraw(request: web.Request) -> web.Response:
    slot_id = request.match_info["slot_id"]
    await _desk(request).store.bookings.withdraw_slot(slot_id)
    await _audit(request, "withdraw_slot", slot_id)
    return web.json_response({"slot_id": slot_id, "withdrawn": True})


async def book(request: web.Request) -> web.Response:
    """Book for a resident who phoned or wrote: the code is in this answer only."""
    body = BookBody.model_validate(await _json(request))
    desk, now = _desk(request), request.app[srv.CLOCK]()
    booking, code = await desk.book(body.slot_id, source="staff", kiosk_id=None, now=now)
    booked = desk.booked_message(booking.slot, code)
    await _audit(request, "book_slot", booking.slot.id, booking.id)
    return web.json_response(
        {"booking_id": booking.id, **booked.model_dump(exclude={"type"})}, status=201
    )


async def cancel(request: web.Request) -> web.Response:
    booking_id = request.match_info["booking_id"]
    booking = await _desk(request).store.bookings.cancel(booking_id, now=request.app[srv.CLOCK]())
    await _audit(request, "cancel_booking", booking.id)
    return web.json_response({"booking_id": booking.id, "state": booking.state})
