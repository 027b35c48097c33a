"""Three-way call through two real consoles (docs/protocol.md §Interpreter): an adviser's and an
interpreter's, each the real app (Qt offscreen, its own asyncio thread, aiortc), a real server on
127.0.0.1 and a real headless kiosk. The adviser invites from the call, the interpreter accepts;
both consoles show the resident and each other, text reaches both, and the interpreter leaves
without ending the call. Waits are bounded; nothing is timed."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from pytestqt.qtbot import QtBot

from agent_console.app import Console
from agent_console.config import ConsoleConfig
from agent_console.state import Phase
from kiosklink.headless_threaded import ThreadedKiosk
from rtc.signaling_client import Connected
from signaling import messages as m
from signaling.embedded import EmbeddedServer

WAIT_MS = 40_000  # three parties' media on a shared two-core machine


class Party:
    """One real console, signed in and available."""

    def __init__(self, qtbot: QtBot, server: EmbeddedServer, username: str, password: str) -> None:
        self.qtbot = qtbot
        self.console = Console(ConsoleConfig(server_url=server.http_url), ring=False)
        self.window = self.console.window
        qtbot.addWidget(self.window)
        self.window.show()
        view = self.window.sign_in
        view.server.setText(server.http_url)
        view.username.setText(username)
        view.password.setText(password)
        view.button.click()
        self.wait(lambda: self.phase() is Phase.AWAY)
        self.window.status.available.click()
        self.wait(lambda: self.phase() is Phase.AVAILABLE)

    def phase(self) -> Phase:
        return self.console.flow.state.phase

    def wait(self, done: Callable[[], bool]) -> None:
        self.qtbot.waitUntil(done, timeout=WAIT_MS)


@pytest.fixture
def three(
    qtbot: QtBot, running_server: EmbeddedServer
) -> Iterator[tuple[Party, Party, ThreadedKiosk]]:
    server = running_server
    server.add_adviser("amal", "pw-amal-123", {"ar": "native"}, display_name="Amal Haddad")
    server.add_interpreter("sara", "pw-sara-123", {"ti": "native"}, display_name="Sara Lind")
    parties: list[Party] = []
    kiosk = ThreadedKiosk(server.kiosk_url, server.add_kiosk("K1", "Rinkeby library")).start()
    try:
        parties.append(Party(qtbot, server, "amal", "pw-amal-123"))
        parties.append(Party(qtbot, server, "sara", "pw-sara-123"))
        qtbot.waitUntil(lambda: bool(kiosk.received(Connected)), timeout=WAIT_MS)
        yield parties[0], parties[1], kiosk
    finally:
        for party in parties:
            party.console.close()
        kiosk.stop()


def test_an_interpreter_joins_and_leaves_a_running_call(
    three: tuple[Party, Party, ThreadedKiosk],
) -> None:
    adviser, interpreter, kiosk = three
    assert interpreter.window.windowTitle() == "Kiosklink – interpreter console"
    kiosk.send(m.Join(language="ar", topic="letter"))
    adviser.wait(lambda: adviser.phase() is Phase.OFFERED)
    adviser.window.offer.accept.click()
    call = adviser.window.call
    adviser.wait(lambda: call.remote_video.frames_shown >= 3)

    bar = call.interpreter
    bar.open.click()
    bar.language.setCurrentIndex(bar.language.findData("ti"))
    bar.invite.click()
    interpreter.wait(lambda: interpreter.phase() is Phase.OFFERED)
    assert interpreter.window.offer.language.text() == "Interpret Tigrinya for Rinkeby library"
    interpreter.window.offer.accept.click()

    adviser.wait(lambda: bar.status.text() == "Interpreter: Sara Lind (Tigrinya)")
    theirs = interpreter.window.call
    adviser.wait(lambda: call.party.video.frames_shown >= 3)  # the interpreter's face
    interpreter.wait(lambda: theirs.remote_video.frames_shown >= 3)  # the resident's
    interpreter.wait(lambda: theirs.party.video.frames_shown >= 3)  # the adviser's
    assert theirs.party.name.text() == "Amal Haddad"

    kiosk.type_text("ሰላም")
    for view in (call, theirs):
        adviser.wait(lambda v=view: v.remote_text.toPlainText() == "ሰላም")  # type: ignore[misc]
    theirs.own_text.setText("Hej")
    theirs.own_text.textEdited.emit("Hej")
    adviser.wait(lambda: call.party_text.toPlainText() == "Hej")

    theirs.end.click()  # Leave: only the interpreter's part ends
    adviser.wait(lambda: bar.status.text() == "Sara Lind has left the call.")
    assert adviser.phase() is Phase.IN_CALL and kiosk.in_call
    assert interpreter.phase() is Phase.WRAP_UP
    interpreter.window.wrap_up.ready.click()
    interpreter.wait(lambda: interpreter.phase() is Phase.AVAILABLE)
    frames = call.remote_video.frames_shown
    adviser.wait(lambda: call.remote_video.frames_shown > frames + 3)  # the resident goes on


def test_a_language_nobody_interprets_is_said_plainly_and_the_call_goes_on(
    qtbot: QtBot, running_server: EmbeddedServer
) -> None:
    running_server.add_adviser("amal", "pw-amal-123", {"ar": "native"})
    token = running_server.add_kiosk("K1", "Rinkeby library")
    kiosk = ThreadedKiosk(running_server.kiosk_url, token).start()
    adviser = Party(qtbot, running_server, "amal", "pw-amal-123")
    try:
        kiosk.send(m.Join(language="ar", topic="letter"))
        adviser.wait(lambda: adviser.phase() is Phase.OFFERED)
        adviser.window.offer.accept.click()
        call = adviser.window.call
        adviser.wait(lambda: call.remote_video.frames_shown >= 3)
        call.interpreter.open.click()
        call.interpreter.invite.click()  # the call's language, Arabic: no interpreter account
        words = "No interpreter for Arabic: nobody interprets it."
        adviser.wait(lambda: call.interpreter.status.text() == words)
        frames = call.remote_video.frames_shown
        adviser.wait(lambda: call.remote_video.frames_shown > frames + 3)
        assert adviser.phase() is Phase.IN_CALL
    finally:
        adviser.console.close()
        kiosk.stop()
