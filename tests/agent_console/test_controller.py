"""The window, controller and flow together, driven by the keyboard alone, over a fake backend."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from agent_console.controller import ConsoleController
from agent_console.events import LoginError, LoginOk, MediaState, RemoteText
from agent_console.flow import ConsoleFlow
from agent_console.state import Notice, Phase
from agent_console.views.console_window import ConsoleWindow
from rtc.signaling_client import Connected, Disconnected
from signaling import messages as m
from tests.agent_console.fakes import CountingRing, FakeBackend, FakeClock

URL = "http://127.0.0.1:9"


def welcome(status: str = "away") -> m.AdviserWelcome:
    return m.AdviserWelcome(
        protocol=1,
        adviser_id="a1",
        display_name="Anna Adviser",
        languages={"ar": "native", "ti": "fluent"},
        ice_servers=[],
        status=status,
        outcomes=["resolved", "referred"],
        heartbeat_interval_s=20,
        note_retention_days=30,
    )


def show(qtbot: QtBot, window: ConsoleWindow) -> None:
    """Show and activate: shortcuts and focus work only in the active window."""
    window.show()
    window.activateWindow()
    qtbot.waitActive(window)


class Rig:
    def __init__(self, qtbot: QtBot) -> None:
        self.qtbot = qtbot
        self.clock = FakeClock()
        self.backend = FakeBackend()
        self.ring = CountingRing()
        self.window = ConsoleWindow()
        qtbot.addWidget(self.window)
        self.flow = ConsoleFlow(server_url=URL, now=self.clock())
        self.controller = ConsoleController(
            self.flow, self.window, self.backend, ring=self.ring, clock=self.clock
        )
        show(qtbot, self.window)

    def phase(self) -> Phase:
        return self.flow.state.phase

    def key(self, key: Qt.Key) -> None:
        widget = QApplication.focusWidget() or self.window
        QTest.keyClick(widget, key)

    def server(self, msg: m.ServerToAdviser) -> None:
        self.controller.on_client_event(msg)

    def sign_in(self, status: str = "away") -> None:
        self.window.sign_in.server.setText(URL)
        self.window.sign_in.username.setFocus()
        QTest.keyClicks(self.window.sign_in.username, "anna")
        self.key(Qt.Key.Key_Return)  # moves to the password
        QTest.keyClicks(self.window.sign_in.password, "secret")
        self.key(Qt.Key.Key_Return)
        self.controller.on_login_result(LoginOk("a1", "Anna Adviser"))
        self.controller.on_client_event(Connected(welcome(status)))


@pytest.fixture
def rig(qtbot: QtBot) -> Iterator[Rig]:
    r = Rig(qtbot)
    yield r
    r.controller.shut_down()


def offer(call_id: str = "c1") -> m.Offer:
    return m.Offer(
        call_id=call_id,
        language="ar",
        topic="housing",
        site="Rinkeby",
        waited_s=30,
        expires_in_s=20,
    )


def started(call_id: str = "c1") -> m.CallStarted:
    return m.CallStarted(
        call_id=call_id, role="answerer", peer_name="Rinkeby", language="ar", ice_servers=[]
    )


def test_sign_in_tab_order(qtbot: QtBot) -> None:
    window = ConsoleWindow()
    qtbot.addWidget(window)
    show(qtbot, window)
    view = window.sign_in
    view.server.setFocus()
    qtbot.waitUntil(view.server.hasFocus)
    order = []
    for _ in range(4):
        widget = QApplication.focusWidget()
        assert widget is not None
        order.append(widget)
        QTest.keyClick(widget, Qt.Key.Key_Tab)
    assert order == [view.server, view.username, view.password, view.button]


def test_a_whole_call_by_keyboard(rig: Rig) -> None:
    rig.sign_in()
    assert rig.backend.calls[:2] == [("login", (URL, "anna")), ("open_link", URL)]
    assert rig.window.sign_in.password.text() == ""  # not kept once used
    assert rig.phase() is Phase.AWAY
    rig.key(Qt.Key.Key_F6)
    assert rig.phase() is Phase.AVAILABLE
    assert rig.backend.last_sent() == m.SetStatus(status="available")

    rig.server(offer())
    assert rig.ring.starts == 1
    assert rig.window.phase_pages.currentWidget() is rig.window.offer
    assert rig.window.offer.waited.text() == "Has waited 0:30"
    rig.key(Qt.Key.Key_F2)
    assert rig.backend.last_sent() == m.Accept(call_id="c1")
    assert rig.ring.stops == 1
    rig.key(Qt.Key.Key_F2)  # a second press does not accept twice
    assert rig.backend.sent.count(m.Accept(call_id="c1")) == 1

    rig.server(started())
    assert rig.phase() is Phase.IN_CALL
    assert ("start_media", "c1") in rig.backend.calls
    rig.controller.on_media_event(MediaState("c1", "connected"))
    image = QImage(64, 48, QImage.Format.Format_RGB888)
    image.fill(QColor("red"))
    rig.backend.remote = image
    rig.controller.on_remote_frame()
    assert rig.window.call.remote_video.frames_shown == 1
    QTest.keyClicks(rig.window.call.own_text, "Hej")
    rig.key(Qt.Key.Key_Return)
    assert ("send_text", ("Hej", True)) in rig.backend.calls
    rig.controller.on_media_event(RemoteText("c1", "I need help"))
    assert rig.window.call.remote_text.toPlainText() == "I need help"
    rig.key(Qt.Key.Key_F7)
    assert ("set_muted", (True, False)) in rig.backend.calls
    assert rig.window.call.mute.isChecked()

    rig.clock.advance(90)
    rig.key(Qt.Key.Key_F4)
    assert rig.backend.last_sent() == m.Hangup(call_id="c1")
    assert rig.phase() is Phase.WRAP_UP
    assert rig.window.wrap_up.outcome.currentData() == "resolved"
    rig.clock.advance(10)
    rig.key(Qt.Key.Key_F5)
    assert rig.backend.last_sent() == m.WrapUp(call_id="c1", outcome="resolved", note="")
    rig.server(m.WrapUpSaved(call_id="c1"))
    assert rig.backend.last_sent() == m.Ready()
    assert rig.phase() is Phase.AVAILABLE
    assert rig.window.today.calls.text() == "1"
    assert rig.window.today.handle.text() == "1:40"


def test_decline_with_the_keyboard(rig: Rig) -> None:
    rig.sign_in("available")
    rig.server(offer())
    rig.key(Qt.Key.Key_F3)
    assert rig.backend.last_sent() == m.Decline(call_id="c1")
    assert rig.phase() is Phase.AVAILABLE


def test_shortcuts_do_nothing_in_the_wrong_phase(rig: Rig) -> None:
    rig.sign_in("available")
    before = list(rig.backend.calls)
    for key in (Qt.Key.Key_F2, Qt.Key.Key_F3, Qt.Key.Key_F4, Qt.Key.Key_F5, Qt.Key.Key_F7):
        rig.key(key)
    assert rig.backend.calls == before
    assert rig.phase() is Phase.AVAILABLE


def test_offer_countdown_and_local_expiry(rig: Rig) -> None:
    rig.sign_in("available")
    rig.server(offer())
    rig.clock.advance(5)
    rig.controller.perform(rig.flow.tick(rig.clock()))
    assert rig.window.offer.remaining.text() == "Answer within 0:15"
    assert rig.window.offer.bar.value() == 750
    rig.clock.advance(30)
    rig.controller.perform(rig.flow.tick(rig.clock()))
    assert rig.phase() is Phase.AVAILABLE
    assert rig.ring.stops == 1
    assert rig.window.idle.notice.isVisibleTo(rig.window)


def test_wrong_password_shows_why(rig: Rig) -> None:
    rig.window.sign_in.server.setText(URL)
    rig.window.sign_in.username.setText("anna")
    rig.window.sign_in.password.setText("nope")
    rig.window.sign_in.password.setFocus()
    rig.key(Qt.Key.Key_Return)
    assert rig.phase() is Phase.SIGNING_IN
    assert not rig.window.sign_in.button.isEnabled()
    rig.controller.on_login_result(LoginError("wrong username or password", unreachable=False))
    assert rig.phase() is Phase.SIGNED_OUT
    assert rig.flow.state.notice is Notice.WRONG_PASSWORD
    assert rig.window.sign_in.notice.text() == "Wrong username or password."
    assert rig.window.sign_in.password.text() == ""


def test_lost_link_shows_a_banner_and_keeps_the_call(rig: Rig) -> None:
    rig.sign_in("available")
    rig.server(offer())
    rig.key(Qt.Key.Key_F2)
    rig.server(started())
    rig.controller.on_client_event(Disconnected("connection lost", 1.0))
    assert rig.window.status.banner.isVisibleTo(rig.window)
    assert rig.phase() is Phase.IN_CALL
    assert ("end_media", "c1") not in rig.backend.calls
    rig.controller.on_client_event(Connected(welcome("in_call")))
    assert not rig.window.status.banner.isVisibleTo(rig.window)
    assert rig.phase() is Phase.IN_CALL


def test_queues_put_own_languages_first(rig: Rig) -> None:
    rig.sign_in("available")
    rig.server(
        m.QueueOverview(
            queues=[
                m.QueueStat(language="so", waiting=2, longest_wait_s=80, advisers_available=0),
                m.QueueStat(language="ar", waiting=1, longest_wait_s=65, advisers_available=1),
            ]
        )
    )
    table = rig.window.queues.table

    def cell(row: int, col: int) -> str:
        item = table.item(row, col)
        return "" if item is None else item.text()

    assert [cell(r, 0) for r in range(2)] == ["Arabic", "Somali"]
    assert cell(0, 2) == "1:05"


def test_transfer_to_a_language_queue(rig: Rig) -> None:
    rig.sign_in("available")
    rig.server(
        m.QueueOverview(
            queues=[
                m.QueueStat(language=c, waiting=0, longest_wait_s=0, advisers_available=1)
                for c in ("ar", "ti")
            ]
        )
    )
    rig.server(offer())
    rig.key(Qt.Key.Key_F2)
    rig.server(started())
    call = rig.window.call
    assert call.transfer_language.currentData() == "ti"
    call.transfer_to_queue.setFocus()
    rig.key(Qt.Key.Key_Space)
    assert rig.backend.last_sent() == m.Transfer(call_id="c1", language="ti")
    assert not call.transfer_to_queue.isEnabled()
    rig.server(m.CallEnded(call_id="c1", reason="transferred"))
    assert rig.phase() is Phase.WRAP_UP


def colleague(adviser_id: str, name: str, status: str, **languages: str) -> m.AdviserSummary:
    return m.AdviserSummary.model_validate(
        {"adviser_id": adviser_id, "display_name": name, "languages": languages, "status": status}
    )


def team(bo_status: str = "available") -> m.QueueOverview:
    return m.QueueOverview(
        queues=[m.QueueStat(language="ar", waiting=0, longest_wait_s=0, advisers_available=1)],
        advisers=[
            colleague("a1", "Anna Adviser", "in_call", ar="native"),  # this console
            colleague("b2", "Bo Berg", bo_status, sv="native", ar="basic"),
            colleague("c3", "Cem Demir", "available", ti="native"),
            colleague("d4", "Dana Ali", "in_call", ar="native"),
        ],
    )


def test_transfer_to_a_colleague_chosen_with_the_keyboard(rig: Rig) -> None:
    rig.sign_in("available")
    rig.server(team())
    rig.server(offer())
    rig.key(Qt.Key.Key_F2)
    rig.server(started())
    picker = rig.window.call.transfer_adviser
    shown = [(picker.itemData(i), picker.itemText(i)) for i in range(picker.count())]
    assert shown == [
        ("b2", "Bo Berg · Arabic (basic), Swedish (native)"),
        ("c3", "Cem Demir · Tigrinya (native)"),
    ]
    picker.setFocus()
    rig.key(Qt.Key.Key_Down)
    assert picker.currentData() == "c3"
    rig.key(Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is rig.window.call.transfer_to_adviser
    rig.key(Qt.Key.Key_Space)
    assert rig.backend.last_sent() == m.Transfer(call_id="c1", adviser="c3")
    assert not picker.isEnabled() and not rig.window.call.transfer_to_adviser.isEnabled()
    rig.server(m.CallEnded(call_id="c1", reason="transferred"))
    assert rig.phase() is Phase.WRAP_UP


def test_colleague_picker_follows_who_is_available(rig: Rig) -> None:
    rig.sign_in("available")
    rig.server(offer())
    rig.key(Qt.Key.Key_F2)
    rig.server(started())
    call = rig.window.call
    assert call.transfer_adviser.count() == 0
    assert call.transfer_adviser.placeholderText() == "No colleague available"
    assert not call.transfer_adviser.isEnabled() and not call.transfer_to_adviser.isEnabled()

    rig.server(team(bo_status="away"))
    assert [call.transfer_adviser.itemData(i) for i in range(call.transfer_adviser.count())] == [
        "c3"
    ]
    assert call.transfer_to_adviser.isEnabled()
    rig.server(team(bo_status="available"))  # Bo comes back: listed first, Cem stays chosen
    assert call.transfer_adviser.count() == 2
    assert call.transfer_adviser.currentData() == "c3"


def wrap_up_after_a_call(rig: Rig) -> None:
    rig.sign_in("available")
    rig.server(offer())
    rig.key(Qt.Key.Key_F2)
    rig.server(started())
    rig.key(Qt.Key.Key_F4)
    assert rig.phase() is Phase.WRAP_UP


def test_wrap_up_shows_the_retention_the_server_sent(rig: Rig) -> None:
    wrap_up_after_a_call(rig)
    view = rig.window.wrap_up
    assert view.retention.isVisible()
    assert view.retention.text() == "Notes are deleted after 30 days."
    assert not view.drop_note.isVisible()


def test_refused_note_can_be_rewritten(rig: Rig) -> None:
    wrap_up_after_a_call(rig)
    view = rig.window.wrap_up
    view.note.setFocus()
    QTest.keyClicks(view.note, "Resident Fatima Ali, son has diabetes")
    rig.key(Qt.Key.Key_Return)
    sent = m.WrapUp(call_id="c1", outcome="resolved", note="Resident Fatima Ali, son has diabetes")
    assert rig.backend.last_sent() == sent
    assert not view.ready.isEnabled()  # waiting for the server's answer
    rig.server(m.NoteRefused(call_id="c1", reasons=["name", "health"]))
    assert rig.phase() is Phase.WRAP_UP
    assert view.ready.isEnabled() and view.drop_note.isVisible()
    assert "a name, health information" in view.notice.text()
    assert view.note.text() == "Resident Fatima Ali, son has diabetes"  # kept to edit
    view.note.setText("Helped with the Försäkringskassan form")  # keyClicks takes ASCII only
    view.ready.click()
    assert rig.backend.last_sent() == m.WrapUp(
        call_id="c1", outcome="resolved", note="Helped with the Försäkringskassan form"
    )
    rig.server(m.WrapUpSaved(call_id="c1"))
    assert rig.backend.last_sent() == m.Ready()
    assert rig.phase() is Phase.AVAILABLE


def test_refused_note_can_be_dropped(rig: Rig) -> None:
    wrap_up_after_a_call(rig)
    view = rig.window.wrap_up
    QTest.keyClicks(view.note, "Storgatan 12")
    view.ready.click()
    rig.server(m.NoteRefused(call_id="c1", reasons=["address"]))
    assert "an address or postcode" in view.notice.text()
    view.drop_note.click()
    assert view.note.text() == ""
    assert rig.backend.last_sent() == m.WrapUp(call_id="c1", outcome="resolved", note="")
    rig.server(m.WrapUpSaved(call_id="c1"))
    assert rig.backend.last_sent() == m.Ready()
    assert rig.phase() is Phase.AVAILABLE
