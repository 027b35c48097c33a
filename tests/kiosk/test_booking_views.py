"""The booking screens on the real window and controller (kiosk/views/booking_view.py): taps on
real widgets drive the real flow, effects land in a list, the clock is the test's."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from kiosk.booking.steps import Page
from kiosk.screenshots_booking import sample_slots
from kiosk.state import CodeSeen, ScanCodes, Screen, Send
from kiosk.views.texts import T
from signaling import messages as m
from tests.kiosk.test_controller import Kiosk, k, screen_of, tap

__all__ = ["k"]  # the fixture, shared with the controller's tests


def page_of(kiosk: Kiosk) -> Page | None:
    booking = kiosk.controller.flow.state.booking
    return booking.page if booking is not None else None


@pytest.mark.parametrize("lang", ["ar", "ti"])
def test_booking_through_the_window_shows_the_code_left_to_right(
    qtbot: QtBot, k: Kiosk, lang: str
) -> None:
    w = k.window
    tap(qtbot, w.welcome.start)
    tap(qtbot, w.language.buttons[lang])
    tap(qtbot, w.confirm.book)
    assert k.sink.sent()[-1] == m.ListSlots(language=lang, topic=None)
    assert w.booking.body.text() == w.catalog.text(lang, T.LOOKING)
    k.controller.feed(sample_slots(lang))
    assert len(w.booking.buttons) == 3  # three days with free times
    qtbot.waitUntil(lambda: all(b.isVisible() for b in w.booking.buttons.values()))
    rtl = Qt.LayoutDirection.RightToLeft if lang == "ar" else Qt.LayoutDirection.LeftToRight
    assert w.layoutDirection() == rtl
    tap(qtbot, next(iter(w.booking.buttons.values())))
    qtbot.waitUntil(w.booking.buttons["s_001"].isVisible)  # new tiles show on the next pass
    tap(qtbot, w.booking.buttons["s_001"])
    tap(qtbot, w.booking.primary)
    assert k.sink.sent()[-1] == m.Book(slot_id="s_001")
    assert not w.booking.primary.isEnabled()  # one request while the answer is out
    k.controller.feed(
        m.Booked(
            code="K7M4-QX2P",
            qr="kiosklink:K7M4QX2P",
            slot_id="s_001",
            language=lang,
            topic=None,
            starts_at=2e9,
            duration_s=1800,
            opens_at=2e9 - 900,
            closes_at=2e9 + 600,
            timezone="Europe/Stockholm",
        )
    )
    assert w.booking.code.text() == "K 7 M 4 - Q X 2 P"
    assert w.booking.code.layoutDirection() == Qt.LayoutDirection.LeftToRight
    assert w.booking.qr.isVisible() and not w.booking.back.isVisible()
    k.clock.now += 1000  # the idle timeout: the code is gone with the resident
    k.controller.tick()
    k.controller.tick()
    assert screen_of(k) is Screen.WELCOME and not w.booking.isVisible()


def test_the_camera_reads_only_while_the_check_in_page_shows(qtbot: QtBot, k: Kiosk) -> None:
    w = k.window
    tap(qtbot, w.welcome.have_code)
    assert page_of(k) is Page.CHECK_IN and k.sink.effects[-1] == ScanCodes(True)
    assert w.live.isVisible()  # the privacy cue: the camera is on
    keys = {key.types: key for key in w.booking.keyboard.keys if key.types}
    assert "I" not in keys and "O" not in keys  # never in a code
    for char in "K7M4":
        tap(qtbot, keys[char])
    assert w.booking.entry.text() == "K7M4" and not w.booking.primary.isEnabled()
    k.controller.feed(CodeSeen("kiosklink:K7M4QX2P"))
    assert k.sink.sent()[-1] == m.CheckIn(code="K7M4QX2P")
    k.controller.feed(m.CheckInRefused(reason="code_used"))
    assert k.sink.effects[-1] == ScanCodes(False) and not w.live.isVisible()
    assert w.booking.title.text() == w.catalog.text(
        k.controller.flow.state.ui_language, T.CODE_USED
    )
    tap(qtbot, w.booking.back)  # Try again: the camera reads again
    assert k.sink.effects[-1] == ScanCodes(True)
    tap(qtbot, w.booking.back)
    assert screen_of(k) is Screen.WELCOME and k.sink.effects[-1] == ScanCodes(False)
    assert not any(isinstance(e, Send) and isinstance(e.message, m.Book) for e in k.sink.effects)
