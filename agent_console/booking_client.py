"""The console's calls to the booking API (docs/booking.md §Staff): Qt-free, on the asyncio side.

Each function takes the server's base URL and the adviser's session token and returns what the
flow takes (agent_console/events.py). A refusal comes back as :class:`BookingRefused` with the
server's own message (``{"code", "message"}``), so the adviser reads why, e.g. which slot an
overlapping series clashes with. A network failure is a refusal too: the panel says it, the
console goes on.
"""

from __future__ import annotations

import asyncio
import json
from pathlib import Path
from typing import Any

import aiohttp

from agent_console.bookings import BookingRow, FreeSlot, SeriesRequest, ShownCode
from agent_console.events import (
    BookingAnswer,
    BookingRefused,
    BookingsLoaded,
    CalendarSaved,
    SlotBooked,
    SlotsPublished,
)

TIMEOUT_S = 10.0
BOOKABLE_DAYS = 14  # a resident who phones may want a time this week or next, not only today
_FAILURES = (aiohttp.ClientError, OSError, TimeoutError)


async def _request(
    base: str, token: str, method: str, path: str, body: object = None
) -> tuple[int, bytes]:
    timeout = aiohttp.ClientTimeout(total=TIMEOUT_S)
    headers = {"Authorization": f"Bearer {token}"}
    async with (
        aiohttp.ClientSession(timeout=timeout) as http,
        http.request(method, base + path, headers=headers, json=body) as resp,
    ):
        return resp.status, await resp.read()


def _refusal(status: int, body: bytes) -> BookingRefused:
    try:
        message = str(json.loads(body)["message"])
    except (ValueError, KeyError, TypeError):
        message = f"HTTP {status}"
    return BookingRefused(message)


async def fetch(base: str, token: str) -> BookingsLoaded | None:
    """Today's list and the free slots of the next :data:`BOOKABLE_DAYS` days; None when the
    server does not answer them."""
    try:
        status, body = await _request(base, token, "GET", "/api/adviser/bookings")
        if status != 200:
            return None
        listed = json.loads(body)
        day = str(listed["day"])
        query = f"?day={day}&days={BOOKABLE_DAYS}"
        status, body = await _request(base, token, "GET", "/api/booking/slots" + query)
        slots = json.loads(body)["slots"] if status == 200 else []
        return BookingsLoaded(
            day=day,
            timezone=str(listed["timezone"]),
            rows=tuple(_row(b) for b in listed["bookings"]),
            slots=tuple(_slot(s) for s in slots if s.get("free")),
        )
    except (*_FAILURES, ValueError, KeyError, TypeError):
        return None


def _row(data: dict[str, Any]) -> BookingRow:
    checked = data.get("checked_in_at")
    return BookingRow(
        booking_id=str(data["booking_id"]),
        language=str(data["language"]),
        topic=data.get("topic"),
        adviser_id=data.get("adviser_id"),
        starts_at=float(data["starts_at"]),
        duration_s=int(data["duration_s"]),
        state=str(data["state"]),
        checked_in_at=None if checked is None else float(checked),
    )


def _slot(data: dict[str, Any]) -> FreeSlot:
    return FreeSlot(
        slot_id=str(data["slot_id"]),
        language=str(data["language"]),
        topic=data.get("topic"),
        adviser_id=data.get("adviser_id"),
        starts_at=float(data["starts_at"]),
        duration_s=int(data["duration_s"]),
    )


async def publish(base: str, token: str, series: SeriesRequest, adviser_id: str) -> BookingAnswer:
    body = {
        "language": series.language,
        "topic": series.topic,
        "adviser_id": adviser_id if series.mine else None,
        "date": series.date,
        "start": series.start,
        "end": series.end,
        "slot_minutes": series.slot_minutes,
    }
    try:
        status, answer = await _request(base, token, "POST", "/api/booking/slots", body)
    except _FAILURES as exc:
        return BookingRefused(f"{type(exc).__name__}: {exc}")
    if status != 201:
        return _refusal(status, answer)
    return SlotsPublished(len(json.loads(answer)["slots"]))


async def book(base: str, token: str, slot_id: str) -> BookingAnswer:
    try:
        body = {"slot_id": slot_id}
        status, answer = await _request(base, token, "POST", "/api/booking/bookings", body)
    except _FAILURES as exc:
        return BookingRefused(f"{type(exc).__name__}: {exc}")
    if status != 201:
        return _refusal(status, answer)
    data = json.loads(answer)
    code = ShownCode(
        code=str(data["code"]),
        language=str(data["language"]),
        topic=data.get("topic"),
        starts_at=float(data["starts_at"]),
    )
    return SlotBooked(code)


async def save_calendar(base: str, token: str, path: str) -> BookingAnswer:
    """The adviser's bookings as the server writes them (RFC 5545), saved to ``path``."""
    try:
        status, body = await _request(base, token, "GET", "/api/adviser/bookings.ics")
        if status != 200:
            return _refusal(status, body)
        await asyncio.to_thread(Path(path).write_bytes, body)
    except (*_FAILURES, ValueError) as exc:
        return BookingRefused(f"{type(exc).__name__}: {exc}")
    return CalendarSaved(path)
