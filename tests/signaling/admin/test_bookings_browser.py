"""Bookable times in the admin web, in a real headless Chromium (Debian's) against a real server,
real SQLite and a kiosk over a real WebSocket (issue #14, docs/booking.md §Admin web).

An admin adds a weekly fixed-time service (study and career guidance, 13–16, 20-minute slots, for
three weeks), books a time for a resident who phoned and reads the code shown once, books and
cancels another (whose code then opens nothing), and sees the kiosk's check-in with the first code
marked on the page. Every control has a name; the page speaks Swedish too; a manager sees the day
without the means to change it. The server's clock is real time plus an offset, set to noon
tomorrow (the 13:00 check-in falls within the admin session's hour), so the day's times are ahead
whatever the hour the test runs.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from signaling import messages as m
from signaling.admin.screenshots import CHROMIUM, launch_chromium
from signaling.embedded import EmbeddedServer
from signaling.today import service_timezone
from tests.conftest import make_settings
from tests.signaling.wire import kiosk

pytestmark = pytest.mark.skipif(
    not Path(CHROMIUM).exists(), reason=f"no Chromium at {CHROMIUM} (Debian package chromium)"
)
playwright_api = pytest.importorskip("playwright.async_api")
WAIT_MS = 20_000
ADMIN = ("it-desk", "admin password 123")
MANAGER = ("chief", "manager password 123")
UNNAMED = re.compile(r"^\s*- (button|link|combobox|textbox|checkbox|spinbutton)\s*(\[.*\])?:?$")
CODE = re.compile(r"^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$")
TOPICS = ["letter", "application", "housing", "work", "health", "other", "study"]


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
    settings = make_settings(tmp_path, service={"topics": TOPICS})
    with EmbeddedServer(settings, clock=clock) as started:
        zone = service_timezone(started.settings)
        day = datetime.now(zone).date() + timedelta(days=1)
        clock.move_to(datetime(day.year, day.month, day.day, 12, 0, tzinfo=zone).timestamp())
        started.add_adviser(*ADMIN, {}, display_name="IT Desk", is_admin=True)
        started.add_adviser(*MANAGER, {})
        started.with_store(lambda s: s.answers.grant_role(MANAGER[0], "manager"))
        yield started


async def open_page(browser: Any, server: EmbeddedServer, account: tuple[str, str]) -> Any:
    page = await browser.new_page(viewport={"width": 1400, "height": 1000})
    await page.goto(server.http_url + "/admin/bookings")
    await page.wait_for_url("**/admin/login")
    await page.fill("#username", account[0])
    await page.fill("#password", account[1])
    await page.click("#sign-in")
    await page.wait_for_url(lambda url: "/admin/login" not in url, timeout=WAIT_MS)
    await page.goto(server.http_url + "/admin/bookings")
    await page.wait_for_selector("body[data-ready='true']", timeout=WAIT_MS)
    return page


def row(time_text: str) -> str:
    return f"#slots tbody tr:has(td:text-is('{time_text}'))"


async def check_in(server: EmbeddedServer, code: str) -> m.Message:
    resident = await kiosk(server, server.add_kiosk("Library kiosk", "Library"))
    await resident.send(m.CheckIn(code=code))
    answer = await resident.recv()
    await resident.close()
    return answer


async def test_a_weekly_service_a_phone_booking_a_cancel_and_a_check_in(
    server: EmbeddedServer, clock: Clock
) -> None:
    amal = server.add_adviser("amal", "pw-amal-123", {"sv": "native"}, display_name="Amal H")
    async with playwright_api.async_playwright() as playwright:
        browser = await launch_chromium(playwright)
        try:
            page = await open_page(browser, server, ADMIN)
            dialogs: list[str] = []

            async def confirm(dialog: Any) -> None:
                dialogs.append(dialog.message)
                await (dialog.accept() if len(dialogs) > 1 else dialog.dismiss())

            page.on("dialog", confirm)
            day = await page.input_value("#day")
            assert await page.is_visible("#nav-fleet")
            assert await page.text_content("#day-summary") == "No bookable times on this day."

            # Study and career guidance, 13-16 in 20-minute slots, weekly for three weeks.
            await page.select_option("#s-language", "sv")
            await page.select_option("#s-topic", "study")
            await page.select_option("#s-adviser", amal)
            await page.fill("#s-date", day)
            await page.fill("#s-start", "13:00")
            await page.fill("#s-end", "16:00")
            await page.fill("#s-minutes", "20")
            until = (date.fromisoformat(day) + timedelta(days=14)).isoformat()
            await page.fill("#s-weekly", until)
            await page.click("#publish")
            await page.wait_for_selector(row("13:00–13:20"), timeout=WAIT_MS)
            assert await page.text_content("#status") == "Published 27 times."
            assert await page.locator("#slots tbody tr").count() == 9
            first = page.locator(row("13:00–13:20"))
            assert await first.locator("td").nth(2).text_content() == "Study and career guidance"
            assert await first.locator("td").nth(3).text_content() == "Amal H"

            # The same again overlaps Amal's own times: refused, in the server's words.
            await page.click("#publish")
            await page.wait_for_selector("#series-error:not(:empty)", timeout=WAIT_MS)
            refusal = await page.text_content("#series-error")
            assert refusal == f"Not done: the adviser already has a slot at {day} 13:00"
            assert await page.locator("#slots tbody tr").count() == 9

            # Book 13:00 for a resident who phoned: the code, once, with the keyboard on it.
            await first.locator("button", has_text="Book").click()
            await page.wait_for_selector("#code-box:not([hidden])", timeout=WAIT_MS)
            code = await page.text_content("#code") or ""
            assert CODE.match(code)
            assert await page.evaluate("document.activeElement.id") == "code-heading"
            await page.wait_for_selector(f"{row('13:00–13:20')} td.state.booked")
            await page.click("#code-done")
            assert await page.text_content("#code") == ""
            assert code not in (await page.content())

            # Book 13:20 and cancel it: the time is free again and the code opens nothing.
            second = page.locator(row("13:20–13:40"))
            await second.locator("button", has_text="Book").click()
            await page.wait_for_selector("#code-box:not([hidden])", timeout=WAIT_MS)
            cancelled_code = await page.text_content("#code") or ""
            await page.click("#code-done")
            await page.wait_for_selector(f"{row('13:20–13:40')} td.state.booked")
            cancel = second.locator("button", has_text="Cancel booking")
            await cancel.click()  # asked first; "no" keeps the booking
            await page.click("#refresh")
            assert await page.locator(f"{row('13:20–13:40')} td.state.booked").count() == 1
            await cancel.click()
            await page.wait_for_selector(f"{row('13:20–13:40')} td.state.free", timeout=WAIT_MS)
            asked = "Cancel the booking at 13:20 Svenska? The resident's code will no longer work."
            assert dialogs == [asked, asked]
            assert "cancelled" in (await page.text_content("#status") or "")

            # At the booked time a kiosk checks in with the first code; the page shows it.
            starts = datetime.fromisoformat(f"{day}T13:00").replace(
                tzinfo=service_timezone(server.settings)
            )
            clock.move_to(starts.timestamp() - 120)
            refused = await check_in(server, cancelled_code)
            assert isinstance(refused, m.CheckInRefused) and refused.reason == "code_unknown"
            answer = await check_in(server, code)
            assert isinstance(answer, m.CheckedIn) and answer.kind == "booking"
            await page.click("#refresh")
            cell = f"{row('13:00–13:20')} td.state.checked_in"
            await page.wait_for_selector(cell, timeout=WAIT_MS)
            assert await page.text_content(cell) == "Checked in"
            summary = await page.text_content("#day-summary")
            assert summary == "0 booked · 1 checked in · 0 no-shows · 8 free"

            # The day by language and topic: Arabic has none; a topic of its own shows its times.
            await page.select_option("#f-language", "ar")
            assert await page.locator("#slots tbody tr").count() == 0
            await page.select_option("#f-language", "sv")
            await page.select_option("#f-topic", "housing")
            assert await page.locator("#slots tbody tr").count() == 0
            await page.select_option("#f-topic", "study")
            assert await page.locator("#slots tbody tr").count() == 9
            assert await page.text_content("#day-summary") == summary

            tree = await page.locator("body").aria_snapshot()
            assert not [line for line in tree.splitlines() if UNNAMED.match(line)], tree

            await page.select_option("#ui-language", "sv")
            assert await page.text_content("h1") == "Bokningsbara tider"
            assert await page.text_content(cell) == "Incheckad"

            # A manager sees the day, and nothing to change it with.
            chief = await open_page(browser, server, MANAGER)
            await chief.wait_for_selector(f"{row('13:00–13:20')} td.state.checked_in")
            assert await chief.locator("#slots tbody button").count() == 0
            assert await chief.is_hidden("#publish-view")
            assert await chief.is_visible("#read-only")
            assert await chief.is_hidden("#nav-fleet")
        finally:
            await browser.close()
