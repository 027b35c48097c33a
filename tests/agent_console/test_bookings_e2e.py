"""Today's bookings on the real console (Qt offscreen, its asyncio thread) against a real server on
127.0.0.1 with real SQLite (docs/booking.md §Console): publish times, an overlap refused in the
server's words, a resident booked by phone whose code a kiosk checks in with, the row turning
checked in live, a no-show, and the iCalendar export parsed back.

The server's clock is real time plus an offset (as tests/signaling/test_booking_server.py), set to
tomorrow morning so the day's times are ahead whatever the hour the tests run.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import aiohttp
import pytest
from icalendar import Calendar
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from agent_console.app import Console
from agent_console.bookings import Bookings, FreeSlot
from agent_console.config import ConsoleConfig
from agent_console.state import Phase
from agent_console.views.numbers import short_date_text
from signaling import messages as m
from signaling.embedded import EmbeddedServer
from signaling.today import service_timezone
from tests.conftest import make_settings
from tests.signaling.wire import kiosk, login

WAIT_MS = 20_000
PASSWORD = "pw-amal-123"
CODE = re.compile(r"^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$")


class Clock:
    def __init__(self) -> None:
        self.offset = 0.0

    def __call__(self) -> float:
        return time.time() + self.offset

    def move_to(self, when: float) -> None:
        self.offset = when - time.time()


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def server(tmp_path: Path, clock: Clock) -> Iterator[EmbeddedServer]:
    with EmbeddedServer(make_settings(tmp_path), clock=clock) as started:
        zone = service_timezone(started.settings)
        tomorrow = datetime.now(zone).date() + timedelta(days=1)
        clock.move_to(
            datetime(tomorrow.year, tomorrow.month, tomorrow.day, 8, 0, tzinfo=zone).timestamp()
        )
        yield started


@pytest.fixture
def console(qtbot: QtBot, server: EmbeddedServer) -> Iterator[Console]:
    server.add_adviser("amal", PASSWORD, {"ar": "native", "ti": "fluent"})
    console = Console(ConsoleConfig(server_url=server.http_url), ring=False)
    qtbot.addWidget(console.window)
    console.window.show()
    console.window.activateWindow()
    qtbot.waitActive(console.window)
    view = console.window.sign_in
    view.server.setText(server.http_url)
    view.username.setText("amal")
    view.password.setText(PASSWORD)
    view.button.click()
    qtbot.waitUntil(lambda: console.flow.state.phase is Phase.AWAY, timeout=WAIT_MS)
    QTest.keyClick(console.window, Qt.Key.Key_F10)
    qtbot.waitUntil(lambda: console.flow.state.bookings.day != "", timeout=WAIT_MS)
    yield console
    console.close()


def publish(console: Console, start: str, end: str, minutes: int = 20, day: int = 0) -> None:
    form = console.window.bookings.publish
    form.language.setCurrentIndex(form.language.findData("ar"))
    form.day.setCurrentIndex(day)
    form.start.setCurrentIndex(form.start.findData(start))
    form.end.setCurrentIndex(form.end.findData(end))
    form.length.setCurrentIndex(form.length.findData(minutes))
    form.publish.click()


def cell(console: Console, row: int, col: int) -> str:
    item = console.window.bookings.table.item(row, col)
    return "" if item is None else item.text()


def check_in(server: EmbeddedServer, code: str) -> m.Message:
    token = server.add_kiosk("Library kiosk", "Library")

    async def go() -> m.Message:
        k = await kiosk(server, token)
        await k.send(m.CheckIn(code=code))
        answer = await k.recv()
        await k.close()
        return answer

    return server.run(go())


def test_publish_book_by_phone_check_in_live_and_no_show(
    qtbot: QtBot, server: EmbeddedServer, console: Console, clock: Clock, tmp_path: Path
) -> None:
    window = console.window

    def state() -> Bookings:
        return console.flow.state.bookings

    assert window.phase_pages.currentWidget() is window.bookings
    assert window.focusWidget() is window.bookings.table  # F10 puts the keyboard in the panel
    assert window.bookings.summary.text() == "No bookings today."

    publish(console, "13:00", "14:00")
    qtbot.waitUntil(lambda: state().published == 3 and len(state().free) == 3, timeout=WAIT_MS)
    assert window.bookings.done.text() == "Published 3 bookable times."
    assert window.bookings.phone.slot.count() == 3

    publish(console, "13:15", "13:45", 30)  # overlaps the adviser's own 13:00 and 13:20
    qtbot.waitUntil(lambda: state().refusal != "", timeout=WAIT_MS)
    same = {"language": "ar", "date": state().day, "start": "13:15", "end": "13:45"}
    mine = {"adviser_id": console.flow.state.adviser_id, "slot_minutes": 30}
    status, said = server.run(_post_series(server, {**same, **mine}))
    assert status == 409 and state().refusal == said["message"]
    assert window.bookings.refusal.isVisible()
    assert window.bookings.refusal.text() == f"The server refused: {said['message']}"
    assert len(state().free) == 3  # nothing was published

    phone = window.bookings.phone
    phone.slot.setCurrentIndex(0)
    phone.book.click()
    qtbot.waitUntil(lambda: state().code is not None, timeout=WAIT_MS)
    shown = phone.code.text()
    assert window.focusWidget() is phone.done  # Enter, once read out, takes the code away
    assert CODE.match(shown) and phone.code.isVisible()
    qtbot.waitUntil(lambda: len(state().rows) == 1 and len(state().free) == 2, timeout=WAIT_MS)
    assert cell(console, 0, 4) == "Booked"
    assert cell(console, 0, 3) == "You"
    first = state().rows[0]
    QTest.keyClick(phone.done, Qt.Key.Key_Return)
    assert state().code is None and not phone.code.isVisible() and phone.code.text() == ""

    phone.slot.setCurrentIndex(0)  # the 13:20 slot, for a resident who will not come
    phone.book.click()
    qtbot.waitUntil(lambda: len(state().rows) == 2, timeout=WAIT_MS)

    # The panel closed: nothing is fetched, yet booking_checked_in marks the row at once.
    QTest.keyClick(window, Qt.Key.Key_F10)
    assert window.phase_pages.currentWidget() is window.idle
    assert window.today.booked.text() == "2 (0 checked in)"
    clock.move_to(first.starts_at - 60)
    answer = check_in(server, shown)
    assert isinstance(answer, m.CheckedIn) and answer.kind == "booking"
    qtbot.waitUntil(lambda: state().rows[0].state == "checked_in", timeout=WAIT_MS)
    qtbot.waitUntil(lambda: window.today.booked.text() == "2 (1 checked in)", timeout=WAIT_MS)
    QTest.keyClick(window, Qt.Key.Key_F10)
    qtbot.waitUntil(lambda: cell(console, 0, 4) == "Checked in", timeout=WAIT_MS)
    assert window.bookings.summary.text() == "1 booked · 1 checked in · 0 no-shows"

    clock.move_to(state().rows[1].starts_at + 3600)  # long after the second one's window
    QTest.keyClick(window, Qt.Key.Key_F10)
    QTest.keyClick(window, Qt.Key.Key_F10)  # opening the panel fetches the list afresh
    qtbot.waitUntil(lambda: state().rows[1].state == "no_show", timeout=WAIT_MS)
    qtbot.waitUntil(lambda: cell(console, 1, 4) == "No-show", timeout=WAIT_MS)

    # A resident who phones may want another day: tomorrow's time is offered with its day.
    publish(console, "09:00", "09:30", 30, day=1)

    # (The console's own clock is the real one, a day behind the server's: today's free and
    # no-show times are still ahead for it, so they are offered too.)
    def later() -> list[FreeSlot]:
        return [f for f in state().free if f.starts_at > first.starts_at + 12 * 3600]

    qtbot.waitUntil(lambda: state().published == 1 and len(later()) == 1, timeout=WAIT_MS)
    index = phone.slot.findData(later()[0].slot_id)
    assert index == phone.slot.count() - 1  # earliest first
    when = short_date_text(later()[0].starts_at, state().timezone)
    assert phone.slot.itemText(index).startswith(when)
    assert not phone.slot.itemText(0).startswith(when)

    path = tmp_path / "mine.ics"
    window.bookings.export_requested.emit(str(path))
    qtbot.waitUntil(lambda: state().saved_to == str(path), timeout=WAIT_MS)
    events = Calendar.from_ical(path.read_bytes()).walk("VEVENT")
    by_uid = {str(e["UID"]).split("@")[0]: e for e in events}
    assert first.booking_id in by_uid
    assert by_uid[first.booking_id].decoded("DTSTART").timestamp() == first.starts_at
    assert str(by_uid[first.booking_id]["SUMMARY"]).startswith("Video appointment (ar")


async def _post_series(
    server: EmbeddedServer, series: dict[str, object]
) -> tuple[int, dict[str, str]]:
    token = await login(server, "amal", PASSWORD)
    async with (
        aiohttp.ClientSession() as http,
        http.post(
            server.http_url + "/api/booking/slots",
            json=series,
            headers={"Authorization": f"Bearer {token}"},
        ) as resp,
    ):
        return resp.status, await resp.json()
