"""Issue #16 through the whole kiosk: the real KioskApp (Qt offscreen, its backend and aiortc on
their loop), a real server on 127.0.0.1 and headless parties on their own loops.

* A headless adviser asks to see a letter; the resident says yes on the screen, takes the still,
  sends it, sees it sent, and the adviser holds the very same bytes. Asked again, the resident
  says no and the adviser hears the decline. The call's text goes on throughout.
* An interpreter joins: the kiosk shows their picture beside the adviser's, labelled, with their
  text; they leave and the call goes on.

Waits are conditions with generous ceilings, never timings.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import cv2
import numpy as np
import pytest
from pytestqt.qtbot import QtBot

from kiosk.state import InterpreterStep, LetterStep, Screen
from kiosklink.headless import HeadlessParty, headless_interpreter
from kiosklink.headless_threaded import SMALL_MEDIA, ThreadedParty
from rtc import documents as docs
from signaling.embedded import EmbeddedServer
from tests.kiosk.test_app_e2e import Rig, make_rig

WAIT_MS = 30_000


@pytest.fixture
def rig(qtbot: QtBot, running_server: EmbeddedServer) -> Iterator[Rig]:
    with make_rig(qtbot, running_server) as r:
        yield r


def letter_step(rig: Rig) -> LetterStep | None:
    call = rig.state.call
    return call.letter.step if call is not None and call.letter is not None else None


def in_call(rig: Rig, lang: str) -> None:
    rig.start_adviser(lang)
    rig.join(lang)
    rig.wait(lambda: rig.state.call is not None and rig.state.call.connected, WAIT_MS)


def ask_for_a_letter(adviser: ThreadedParty) -> None:
    async def ask(party: HeadlessParty) -> None:
        party.request_document()

    adviser._run(ask)  # ThreadedParty has no wrapper for the adviser's request


def test_the_adviser_asks_the_resident_shows_a_letter_byte_identical(rig: Rig) -> None:
    in_call(rig, "sv")
    adviser = rig.adviser
    assert adviser is not None
    w = rig.app.window
    ask_for_a_letter(adviser)
    rig.wait(lambda: letter_step(rig) is LetterStep.ASKED, WAIT_MS)
    assert w.call.letter.isVisible() and w.call.letter.yes.isVisible()
    rig.tap(w.call.letter.yes)
    assert letter_step(rig) is LetterStep.AIMING
    rig.tap(w.call.letter.take)
    rig.wait(lambda: letter_step(rig) is LetterStep.CHECKING, WAIT_MS)
    call = rig.state.call
    assert call is not None and call.letter is not None and call.letter.picture is not None
    sent = call.letter.picture.data
    # No camera in this rig: the synthetic letter, shown whole.
    assert w.call.letter.stage.still_size == (2560, 1920)
    rig.tap(w.call.letter.send)
    rig.wait(lambda: letter_step(rig) is LetterStep.SENT, WAIT_MS)
    received = adviser.documents_of(docs.DocumentReceived)
    assert len(received) == 1 and received[0].data == sent
    assert adviser.documents_of(docs.DocumentProgress)  # it came in steps
    assert rig.state.call is not None and rig.state.call.pages_sent == 1
    assert rig.state.call.letter is not None and rig.state.call.letter.picture is None
    assert w.call.letter.not_saved.isVisible()
    rig.tap(w.call.letter.done)
    assert letter_step(rig) is None and not w.call.letter.isVisible()

    # Asked again: no this time.
    ask_for_a_letter(adviser)
    rig.wait(lambda: letter_step(rig) is LetterStep.ASKED, WAIT_MS)
    rig.tap(w.call.letter.no)
    rig.wait(lambda: bool(adviser.documents_of(docs.RequestDeclined)), WAIT_MS)
    assert len(adviser.documents_of(docs.DocumentReceived)) == 1

    # The call went on all along.
    adviser.type_line("Tack, nu har jag sett brevet.")
    rig.wait(lambda: rig.state.call is not None and len(rig.state.call.lines) == 1, WAIT_MS)
    assert rig.state.screen is Screen.CALL


def test_an_interpreter_joins_is_shown_beside_the_adviser_and_leaves(rig: Rig) -> None:
    server = rig.server
    server.add_interpreter("selam", "correct horse", {"sv": "native"}, display_name="Selam")

    async def make() -> HeadlessParty:
        party = await headless_interpreter(
            server.http_url, server.adviser_url, "selam", "correct horse", media=SMALL_MEDIA
        )
        await party.wait_until(lambda: party.client.connected, 15.0)
        await party.go_available()
        return party

    interpreter = ThreadedParty(make, name="interpreter").start()
    try:
        in_call(rig, "sv")
        adviser = rig.adviser
        assert adviser is not None
        w = rig.app.window

        async def invite(party: HeadlessParty) -> None:
            await party.invite_interpreter("sv")

        adviser._run(invite)
        rig.wait(lambda: w.call.interpreter_video.isVisible(), WAIT_MS)
        call = rig.state.call
        assert call is not None and call.interpreter is not None
        assert call.interpreter.step is InterpreterStep.JOINED
        assert "Selam" in w.call.interpreter.text()
        rig.wait(lambda: w.call.interpreter_video.has_frame, WAIT_MS)
        rig.wait(lambda: w.call.remote.has_frame)
        # The kiosk answers the interpreter's connection with its own camera, and its text
        # reaches the interpreter too (each party sends on both of its connections).
        rig.wait(lambda: interpreter._read(lambda p: p.frames_from("kiosk")) > 0, WAIT_MS)
        w.call.entry.setText("Tack")
        rig.tap(w.call.send)
        rig.wait(lambda: interpreter._read(lambda p: p.lines.get("kiosk")) == "Tack", WAIT_MS)
        interpreter.type_line("Hej, jag tolkar.")
        rig.wait(
            lambda: any(
                line.from_interpreter and line.text == "Hej, jag tolkar."
                for line in (rig.state.call.lines if rig.state.call else ())
            ),
            WAIT_MS,
        )
        interpreter.hang_up()
        rig.wait(lambda: not w.call.interpreter_video.isVisible(), WAIT_MS)
        assert w.call.notice.isVisible()
        assert rig.state.screen is Screen.CALL and rig.state.call is not None
        adviser.type_line("Vi fortsätter.")
        rig.wait(
            lambda: (
                rig.state.call is not None
                and any(line.text == "Vi fortsätter." for line in rig.state.call.lines)
            ),
            WAIT_MS,
        )
    finally:
        interpreter.stop()


def test_a_letter_from_the_document_camera_arrives_whole(
    qtbot: QtBot, running_server: EmbeddedServer, tmp_path: Path
) -> None:
    """With a document camera configured (a 1600x1200 clip stands in for it), the resident aims
    with its picture and the adviser gets its still at its own size, byte-identical."""
    clip = tmp_path / "desk.avi"
    writer = cv2.VideoWriter(str(clip), cv2.VideoWriter.fourcc(*"MJPG"), 5, (1600, 1200))
    for shade in range(8):
        writer.write(np.full((1200, 1600, 3), 200 + shade, np.uint8))
    writer.release()
    with make_rig(qtbot, running_server, document_camera=str(clip)) as rig:
        in_call(rig, "sv")
        adviser = rig.adviser
        assert adviser is not None
        w = rig.app.window
        rig.tap(w.call.show_letter)
        assert letter_step(rig) is LetterStep.AIMING
        rig.wait(lambda: rig.app.backend._document is not None, WAIT_MS)  # the camera is open
        rig.tap(w.call.letter.take)
        rig.wait(lambda: letter_step(rig) is LetterStep.CHECKING, WAIT_MS)
        assert w.call.letter.stage.still_size == (1600, 1200)
        rig.wait(lambda: rig.app.backend._document is None, WAIT_MS)  # closed once taken
        call = rig.state.call
        assert call is not None and call.letter is not None and call.letter.picture is not None
        sent = call.letter.picture.data
        rig.tap(w.call.letter.send)
        rig.wait(lambda: letter_step(rig) is LetterStep.SENT, WAIT_MS)
        received = adviser.documents_of(docs.DocumentReceived)
        assert len(received) == 1 and received[0].data == sent
        assert (received[0].width, received[0].height) == (1600, 1200)
