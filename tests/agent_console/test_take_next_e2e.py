"""Pull with the real console against a real server (docs/protocol.md §Take next): an away adviser
sees the line, takes the next caller with F9, talks, and is away again after wrap-up. Real Qt
offscreen, a real headless kiosk over aiortc; waits bounded by qtbot's timeouts."""

from __future__ import annotations

from PySide6.QtCore import Qt

from agent_console.state import Phase
from signaling import messages as m
from tests.agent_console.test_console_e2e import WAIT_MS, Rig, rig  # noqa: F401 (fixture)


def test_an_away_adviser_takes_the_next_caller(rig: Rig) -> None:  # noqa: F811
    rig.sign_in()
    rig.wait_phase(Phase.AWAY)
    pull = rig.window.queues.take_next
    assert pull.isVisible() and not pull.isEnabled()  # nobody waiting in their languages
    kiosk = rig.kiosk()
    kiosk.send(m.Join(language="ar", topic="housing"))
    rig.qtbot.waitUntil(pull.isEnabled, timeout=WAIT_MS)  # the line is seen...
    assert rig.phase() is Phase.AWAY  # ...and not offered by itself

    rig.key(Qt.Key.Key_F9)
    rig.wait_phase(Phase.OFFERED)
    rig.key(Qt.Key.Key_F2)
    rig.wait_phase(Phase.IN_CALL)
    rig.qtbot.waitUntil(lambda: kiosk.in_call, timeout=WAIT_MS)
    rig.key(Qt.Key.Key_F4)
    rig.wait_phase(Phase.WRAP_UP)
    rig.key(Qt.Key.Key_F5)
    rig.wait_phase(Phase.AWAY)  # the server keeps a puller away after the call
    assert rig.console.flow.state.away_reason == "take_next"
    assert rig.window.status.status.text() == "Away · Taking callers yourself"
