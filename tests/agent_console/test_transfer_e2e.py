"""Transfer to a named colleague from the real console (Qt offscreen, asyncio thread, aiortc),
against a real server on 127.0.0.1. The kiosk and the colleague are headless parties
(:mod:`kiosklink.headless`, each on a loop thread of its own). Waits are bounded by qtbot's
timeouts; nothing is timed."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from agent_console.app import Console
from agent_console.config import ConsoleConfig
from agent_console.state import Notice, Phase
from kiosklink.headless_threaded import ThreadedAdviser, ThreadedKiosk, ThreadedParty
from rtc.signaling_client import Connected
from signaling import messages as m
from signaling.embedded import EmbeddedServer

WAIT_MS = 20_000


class Rig:
    """Amal on the real console; Omar and a kiosk headless."""

    def __init__(self, qtbot: QtBot, server: EmbeddedServer) -> None:
        self.qtbot, self.server = qtbot, server
        server.add_adviser("amal", "pw-amal-123", {"ar": "native"}, display_name="Amal Hassan")
        server.add_adviser("omar", "pw-omar-123", {"ar": "fluent"}, display_name="Omar Said")
        self.parties: list[ThreadedParty] = []
        self.console = Console(ConsoleConfig(server_url=server.http_url), ring=False)
        self.window = self.console.window
        qtbot.addWidget(self.window)
        self.window.show()
        self.window.activateWindow()
        qtbot.waitActive(self.window)

    def wait_phase(self, phase: Phase) -> None:
        self.qtbot.waitUntil(lambda: self.console.flow.state.phase is phase, timeout=WAIT_MS)

    def amal_available(self) -> None:
        view = self.window.sign_in
        view.server.setText(self.server.http_url)
        view.username.setText("amal")
        view.password.setText("pw-amal-123")
        view.button.click()
        self.wait_phase(Phase.AWAY)
        QTest.keyClick(self.window, Qt.Key.Key_F6)
        self.wait_phase(Phase.AVAILABLE)

    def omar_away(self) -> ThreadedAdviser:
        """Omar signs in away, so the caller rings at Amal's console first."""
        url, ws = self.server.http_url, self.server.adviser_url
        party = ThreadedAdviser(url, ws, "omar", "pw-omar-123", name="omar", available=False)
        self.parties.append(party.start())
        return party

    def kiosk(self) -> ThreadedKiosk:
        token = self.server.add_kiosk("K1", "Rinkeby library")
        party = ThreadedKiosk(self.server.kiosk_url, token)
        self.parties.append(party.start())
        self.qtbot.waitUntil(lambda: bool(party.received(Connected)), timeout=WAIT_MS)
        return party

    def close(self) -> None:
        for party in self.parties:
            party.stop()
        self.console.close()


@pytest.fixture
def rig(qtbot: QtBot, running_server: EmbeddedServer) -> Iterator[Rig]:
    r = Rig(qtbot, running_server)
    yield r
    r.close()


def test_transfer_to_a_named_colleague_from_the_picker(rig: Rig) -> None:
    omar = rig.omar_away()
    rig.amal_available()
    kiosk = rig.kiosk()
    kiosk.send(m.Join(language="ar", topic="housing"))
    rig.wait_phase(Phase.OFFERED)
    QTest.keyClick(rig.window, Qt.Key.Key_F2)
    rig.wait_phase(Phase.IN_CALL)
    rig.qtbot.waitUntil(lambda: bool(kiosk.received(m.CallStarted)), timeout=WAIT_MS)
    first = kiosk.received(m.CallStarted)[0]

    call = rig.window.call
    assert call.transfer_adviser.count() == 0  # Omar is away: nobody to pick
    omar.send(m.SetStatus(status="available"))
    rig.qtbot.waitUntil(lambda: call.transfer_adviser.count() == 1, timeout=WAIT_MS)
    assert call.transfer_adviser.currentText() == "Omar Said · Arabic (fluent)"
    call.transfer_to_adviser.click()

    rig.wait_phase(Phase.WRAP_UP)
    assert rig.console.flow.state.notice is Notice.TRANSFERRED
    # Omar is offered the same call and accepts it; the kiosk, told it is being transferred, is
    # connected to him under the same call id.
    rig.qtbot.waitUntil(lambda: len(kiosk.received(m.CallStarted)) == 2, timeout=WAIT_MS)
    second = kiosk.received(m.CallStarted)[1]
    assert (second.call_id, second.peer_name) == (first.call_id, "Omar")
    assert [e.reason for e in kiosk.received(m.CallEnded)] == ["transferred"]
    assert [e.call_id for e in omar.received(m.Offer)] == [first.call_id]
    # And the media between them come up: a real call, not only messages.
    rig.qtbot.waitUntil(lambda: omar.connected_call, timeout=WAIT_MS)
