"""The real console (Qt offscreen, asyncio thread, aiortc) against a real server on 127.0.0.1,
with a real headless kiosk calling in. Waits are bounded by qtbot's timeouts; nothing is timed."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from agent_console.app import Console
from agent_console.config import ConsoleConfig
from agent_console.quality import QualityLevel
from agent_console.state import Notice, Phase
from kiosklink.headless_threaded import ThreadedKiosk as HeadlessKiosk
from rtc.signaling_client import Connected
from signaling import messages as m
from signaling.embedded import EmbeddedServer

WAIT_MS = 20_000
Factory = Callable[..., EmbeddedServer]


class Rig:
    def __init__(self, qtbot: QtBot, server: EmbeddedServer) -> None:
        self.qtbot, self.server = qtbot, server
        server.add_adviser("amal", "pw-amal-123", {"ar": "native", "ti": "fluent"})
        self.console = Console(ConsoleConfig(server_url=server.http_url), ring=False)
        self.window = self.console.window
        qtbot.addWidget(self.window)
        self.window.show()
        self.window.activateWindow()
        qtbot.waitActive(self.window)
        self.kiosks: list[HeadlessKiosk] = []

    def phase(self) -> Phase:
        return self.console.flow.state.phase

    def wait_phase(self, phase: Phase) -> None:
        self.qtbot.waitUntil(lambda: self.phase() is phase, timeout=WAIT_MS)

    def key(self, key: Qt.Key) -> None:
        QTest.keyClick(self.window, key)

    def sign_in(self, password: str = "pw-amal-123") -> None:
        view = self.window.sign_in
        view.server.setText(self.server.http_url)
        view.username.setText("amal")
        view.password.setText(password)
        view.button.click()

    def go_available(self) -> None:
        self.sign_in()
        self.wait_phase(Phase.AWAY)
        self.key(Qt.Key.Key_F6)
        self.wait_phase(Phase.AVAILABLE)

    def kiosk(self, site: str = "Rinkeby library") -> HeadlessKiosk:
        kiosk = HeadlessKiosk(self.server.kiosk_url, self.server.add_kiosk("K1", site)).start()
        self.kiosks.append(kiosk)
        self.qtbot.waitUntil(lambda: bool(kiosk.received(Connected)), timeout=WAIT_MS)
        return kiosk

    def ring_from(self, kiosk: HeadlessKiosk, language: str = "ar") -> None:
        kiosk.send(m.Join(language=language, topic="housing"))
        self.wait_phase(Phase.OFFERED)

    def close(self) -> None:
        for kiosk in self.kiosks:
            kiosk.stop()
        self.console.close()


@pytest.fixture
def rig(qtbot: QtBot, running_server: EmbeddedServer) -> Iterator[Rig]:
    r = Rig(qtbot, running_server)
    yield r
    r.close()


def test_take_a_call_from_ring_to_ready(rig: Rig) -> None:
    rig.go_available()
    kiosk = rig.kiosk()
    rig.ring_from(kiosk)
    offer = rig.console.flow.state.offer
    assert offer is not None and (offer.language, offer.site) == ("ar", "Rinkeby library")
    assert rig.window.offer.topic.text() == "Topic: Housing"

    rig.key(Qt.Key.Key_F2)
    rig.wait_phase(Phase.IN_CALL)
    video = rig.window.call.remote_video
    rig.qtbot.waitUntil(lambda: video.frames_shown >= 3, timeout=WAIT_MS)
    rig.qtbot.waitUntil(lambda: kiosk.remote_frames >= 3, timeout=WAIT_MS)  # ours reach them
    rig.qtbot.waitUntil(lambda: rig.window.call.local_video.frames_shown >= 1, timeout=WAIT_MS)

    kiosk.type_text("Jag behöver hj")
    text = rig.window.call.remote_text
    rig.qtbot.waitUntil(lambda: text.toPlainText() == "Jag behöver hj", timeout=WAIT_MS)
    call = rig.console.flow.state.call
    rig.qtbot.waitUntil(
        lambda: (
            (c := rig.console.flow.state.call) is not None and c.quality is not QualityLevel.UNKNOWN
        ),
        timeout=WAIT_MS,
    )
    assert call is not None

    rig.key(Qt.Key.Key_F4)
    rig.wait_phase(Phase.WRAP_UP)
    rig.qtbot.waitUntil(lambda: bool(kiosk.received(m.CallEnded)), timeout=WAIT_MS)
    assert kiosk.received(m.CallEnded)[0].reason == "hangup"
    wrap = rig.console.flow.state.wrap_up
    rig.qtbot.waitUntil(
        lambda: (w := rig.console.flow.state.wrap_up) is not None and w.ends_at is not None,
        timeout=WAIT_MS,
    )
    assert wrap is not None
    rig.key(Qt.Key.Key_F5)
    rig.wait_phase(Phase.AVAILABLE)
    assert rig.console.flow.state.today.calls_taken == 1
    assert rig.window.today.calls.text() == "1"


def test_decline(rig: Rig) -> None:
    rig.go_available()
    kiosk = rig.kiosk()
    rig.ring_from(kiosk)
    rig.key(Qt.Key.Key_F3)
    rig.qtbot.waitUntil(lambda: rig.phase() is not Phase.OFFERED, timeout=WAIT_MS)
    assert not kiosk.in_call


def test_offer_times_out_as_a_missed_call(qtbot: QtBot, server_factory: Factory) -> None:
    rig = Rig(qtbot, server_factory(routing={"ring_timeout_s": 1.0}))
    try:
        rig.go_available()
        kiosk = rig.kiosk()
        rig.ring_from(kiosk)
        qtbot.waitUntil(lambda: rig.phase() is not Phase.OFFERED, timeout=WAIT_MS)
        assert rig.console.flow.state.notice is Notice.MISSED_CALL
        assert not kiosk.in_call
    finally:
        rig.close()


def test_transfer_to_another_language_queue(rig: Rig) -> None:
    rig.go_available()
    kiosk = rig.kiosk()
    rig.ring_from(kiosk)
    rig.key(Qt.Key.Key_F2)
    rig.wait_phase(Phase.IN_CALL)
    call = rig.window.call
    index = call.transfer_language.findData("ti")
    assert index >= 0
    call.transfer_language.setCurrentIndex(index)
    call.transfer_to_queue.click()
    rig.wait_phase(Phase.WRAP_UP)
    assert rig.console.flow.state.notice is Notice.TRANSFERRED
    # The caller is told and waits in the Tigrinya line.
    rig.qtbot.waitUntil(
        lambda: any(q.language == "ti" for q in kiosk.received(m.Queued)), timeout=WAIT_MS
    )


def test_lost_connection_and_recovery(qtbot: QtBot, server_factory: Factory) -> None:
    server = server_factory()
    rig = Rig(qtbot, server)
    again: EmbeddedServer | None = None
    try:
        rig.go_available()
        port = server.port
        server.stop()
        banner = rig.window.status.banner
        qtbot.waitUntil(lambda: banner.isVisibleTo(rig.window), timeout=WAIT_MS)
        assert rig.phase() is Phase.AVAILABLE  # still signed in
        # The same server comes back on the same port, with the same database.
        again = EmbeddedServer(server.settings, port=port).start()
        qtbot.waitUntil(lambda: rig.console.flow.state.online, timeout=30_000)
        assert not banner.isVisibleTo(rig.window)
        assert rig.phase() in (Phase.AWAY, Phase.AVAILABLE)
    finally:
        rig.close()
        if again is not None:
            again.stop()


def test_wrong_password(rig: Rig) -> None:
    rig.sign_in(password="not-it")
    rig.qtbot.waitUntil(
        lambda: rig.console.flow.state.notice is Notice.WRONG_PASSWORD, timeout=WAIT_MS
    )
    assert rig.phase() is Phase.SIGNED_OUT
    assert rig.window.sign_in.notice.text() == "Wrong username or password."
    assert rig.window.sign_in.password.text() == ""
