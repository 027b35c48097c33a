"""Taps on the real widgets drive the real flow; effects land in a list; the clock is ours."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton
from pytestqt.qtbot import QtBot

from kiosk.config import hash_pin
from kiosk.controller import KioskController
from kiosk.flow import KioskFlow
from kiosk.screenshots import sample_welcome
from kiosk.state import (
    Alert,
    CallLive,
    CloseMedia,
    Effect,
    OpenMedia,
    PlaySound,
    Screen,
    Send,
    SendText,
    ServerDown,
    ServerUp,
    StartCall,
)
from kiosk.views.catalog import Catalog
from kiosk.views.window_view import KioskWindow
from signaling import messages as m


@dataclass
class Clock:
    now: float = 1000.0

    def __call__(self) -> float:
        return self.now


@dataclass
class Recorder:
    effects: list[Effect] = field(default_factory=list)

    def perform(self, effect: Effect) -> None:
        self.effects.append(effect)

    def sent(self) -> list[m.Message]:
        return [e.message for e in self.effects if isinstance(e, Send)]


@dataclass
class Kiosk:
    window: KioskWindow
    controller: KioskController
    sink: Recorder
    clock: Clock
    exited: list[bool]

    @property
    def screen(self) -> Screen:
        return self.controller.flow.state.screen


PIN_HASH = hash_pin("2468")  # argon2 is slow on purpose: hash once


@pytest.fixture
def k(qtbot: QtBot, catalog: Catalog) -> Iterator[Kiosk]:
    clock = Clock()
    window = KioskWindow(catalog, ("sv", "ar", "ti"))
    qtbot.addWidget(window)
    window.resize(1080, 1920)
    window.show()
    flow = KioskFlow(now=clock(), idle_timeout_s=90, waiting_idle_timeout_s=600)
    sink = Recorder()
    exited: list[bool] = []
    controller = KioskController(
        window,
        flow,
        sink,
        clock=clock,
        pin_hash=PIN_HASH,
        on_service_exit=lambda: exited.append(True),
    )
    controller.feed(ServerUp(sample_welcome()))
    yield Kiosk(window, controller, sink, clock, exited)
    window.allow_close = True


def screen_of(k: Kiosk) -> Screen:
    """A call, so mypy does not narrow the screen across transitions."""
    return k.screen


def tap(qtbot: QtBot, button: QAbstractButton) -> None:
    assert button.isVisible() and button.isEnabled(), button.accessibleName()
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)


def queued(lang: str, position: int) -> m.Queued:
    return m.Queued(
        language=lang,
        position=position,
        wait=m.WaitEstimate(low_s=60, high_s=300),
        resume_token="t",
    )


def to_waiting(k: Kiosk, qtbot: QtBot, lang: str) -> None:
    tap(qtbot, k.window.welcome.start)
    tap(qtbot, k.window.language.buttons[lang])
    assert k.window.catalog.active == lang
    tap(qtbot, k.window.confirm.call)
    assert screen_of(k) is Screen.WAITING


@pytest.mark.parametrize("lang", ["sv", "ar", "ti"])
def test_join_wait_call_rate_and_back_to_welcome(k: Kiosk, qtbot: QtBot, lang: str) -> None:
    to_waiting(k, qtbot, lang)
    assert OpenMedia() in k.sink.effects
    assert m.Join(language=lang, topic=None, fallback_languages=[]) in k.sink.sent()
    assert k.window.live.isVisible()
    k.controller.feed(queued(lang, 3))
    assert "3" in k.window.waiting.position.text()
    k.controller.feed(queued(lang, 1))
    assert "1" in k.window.waiting.position.text()
    k.controller.feed(
        m.CallStarted(
            call_id="c1", role="answerer", peer_name="Sara", language=lang, ice_servers=[]
        )
    )
    assert StartCall("c1", "answerer", ()) in k.sink.effects
    k.controller.feed(CallLive())
    assert "Sara" in k.window.call.adviser.text()
    k.window.call.entry.setText("hello")
    tap(qtbot, k.window.call.send)
    assert SendText("hello") in k.sink.effects
    tap(qtbot, k.window.call.hangup)
    assert m.Hangup(call_id="c1") in k.sink.sent() and CloseMedia() in k.sink.effects
    assert not k.window.live.isVisible()
    tap(qtbot, k.window.rating.faces[4])
    assert m.Rating(call_id="c1", score=5) in k.sink.sent()
    assert screen_of(k) is Screen.THANKS
    k.clock.now += 10
    k.controller.tick()
    assert screen_of(k) is Screen.WELCOME
    assert k.window.catalog.active == "sv"


@pytest.mark.parametrize("lang", ["sv", "ar", "ti"])
def test_cancel_while_waiting(k: Kiosk, qtbot: QtBot, lang: str) -> None:
    to_waiting(k, qtbot, lang)
    tap(qtbot, k.window.waiting.cancel)
    assert m.Cancel() in k.sink.sent() and CloseMedia() in k.sink.effects
    assert screen_of(k) is Screen.WELCOME


@pytest.mark.parametrize("lang", ["sv", "ar", "ti"])
def test_idle_warning_then_extend_then_reset(k: Kiosk, qtbot: QtBot, lang: str) -> None:
    tap(qtbot, k.window.welcome.start)
    tap(qtbot, k.window.language.buttons[lang])
    k.clock.now += 61
    k.controller.tick()
    assert PlaySound("idle_warning") in k.sink.effects
    assert k.window.idle_overlay.isVisible()
    assert "29" in k.window.idle_overlay.countdown.text()
    tap(qtbot, k.window.idle_overlay.button)
    assert not k.window.idle_overlay.isVisible()
    k.clock.now += 89
    k.controller.tick()
    assert screen_of(k) is Screen.CONFIRM
    k.clock.now += 2
    k.controller.tick()
    assert screen_of(k) is Screen.WELCOME and k.window.catalog.active == "sv"


def test_any_tap_counts_as_still_here(k: Kiosk, qtbot: QtBot) -> None:
    tap(qtbot, k.window.welcome.start)
    k.clock.now += 80
    QTest.mouseClick(k.window.language.title, Qt.MouseButton.LeftButton)
    k.clock.now += 80
    k.controller.tick()
    assert screen_of(k) is Screen.LANGUAGE


@pytest.mark.parametrize("lang", ["sv", "ar", "ti"])
def test_server_down_and_back_while_waiting(k: Kiosk, qtbot: QtBot, lang: str) -> None:
    to_waiting(k, qtbot, lang)
    k.controller.feed(ServerDown(retry_in_s=2.0))
    assert k.window.banner.isVisible() and screen_of(k) is Screen.WAITING
    k.controller.feed(ServerUp(sample_welcome()))
    assert not k.window.banner.isVisible()
    assert k.sink.sent().count(m.Join(language=lang, topic=None, fallback_languages=[])) == 2


@pytest.mark.parametrize("lang", ["sv", "ar", "ti"])
def test_call_dropped_then_requeued(k: Kiosk, qtbot: QtBot, lang: str) -> None:
    to_waiting(k, qtbot, lang)
    k.controller.feed(
        m.CallStarted(call_id="c1", role="offerer", peer_name="Sara", language=lang, ice_servers=[])
    )
    k.controller.feed(m.Reconnecting(call_id="c1", grace_s=15))
    assert k.window.banner.isVisible() and Alert.CALL_DROPPED in k.controller.flow.state.alerts
    k.controller.feed(m.CallEnded(call_id="c1", reason="requeued"))
    assert screen_of(k) is Screen.WAITING and k.window.live.isVisible()
    assert k.window.banner.isVisible()


def test_topic_and_fallback_go_into_the_join(k: Kiosk, qtbot: QtBot) -> None:
    tap(qtbot, k.window.welcome.start)
    tap(qtbot, k.window.language.buttons["ti"])
    tap(qtbot, k.window.confirm.topic_buttons["housing"])
    tap(qtbot, k.window.confirm.fallback_buttons["ar"])
    tap(qtbot, k.window.confirm.call)
    assert m.Join(language="ti", topic="housing", fallback_languages=["ar"]) in k.sink.sent()


def test_show_message_command_reaches_the_welcome_screen(k: Kiosk) -> None:
    k.controller.feed(m.Command(command_id="x", action="show_message", text="Stängt 24/12"))
    assert k.window.welcome.notice.isVisible()
    assert k.window.welcome.notice.text() == "Stängt 24/12"
    assert m.CommandResult(command_id="x", ok=True) in k.sink.sent()


def test_service_exit_needs_the_pin(k: Kiosk, qtbot: QtBot) -> None:
    assert not k.window.close()  # kiosk mode: a close request is refused
    for _ in range(5):
        QTest.mouseClick(k.window._secret, Qt.MouseButton.LeftButton)
    assert k.window.service.isVisible()
    keys = {b.text_shown(): b for b in k.window.service.digits}
    for key in "1111":
        tap(qtbot, keys[key])
    tap(qtbot, keys["OK"])
    assert not k.exited and k.window.service.error.text()
    for key in "2468":
        tap(qtbot, keys[key])
    tap(qtbot, keys["OK"])
    assert k.exited == [True] and k.window.allow_close
