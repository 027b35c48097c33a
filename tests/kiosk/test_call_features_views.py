"""The call's issue #16 views with hand-made pictures (offscreen Qt, real widgets): the letter
sheet's stage and buttons, the interpreter's tile, and the controller carrying taps to the flow."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from kiosk.controller import KioskController
from kiosk.flow import KioskFlow
from kiosk.screenshots import sample_welcome
from kiosk.screenshots_call import call_states, sample_picture
from kiosk.state import AimCamera, Effect, KioskState, LetterStep, SendStill, TakeStill
from kiosk.views.catalog import Catalog
from kiosk.views.letter_view import LetterStage
from kiosk.views.window_view import KioskWindow

GUIDE_WHITE = 200  # the guide is drawn white; the made-up camera picture has no channel near it


def solid(colour: str, width: int = 640, height: int = 480) -> QImage:
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor(colour))
    return image


def _darkest(colour: QColor) -> int:
    return min(colour.red(), colour.green(), colour.blue())


def white_pixels(stage: LetterStage) -> int:
    picture = stage.grab().toImage()
    return len(
        [
            (x, y)
            for y in range(0, picture.height(), 4)
            for x in range(0, picture.width(), 4)
            if _darkest(QColor(picture.pixel(x, y))) > GUIDE_WHITE
        ]
    )


@pytest.fixture
def window(qtbot: QtBot, catalog: Catalog) -> Iterator[KioskWindow]:
    w = KioskWindow(catalog, ("sv", "ar"))
    qtbot.addWidget(w)
    w.resize(1080, 1920)
    w.show()
    yield w
    w.allow_close = True


def steps(lang: str = "sv") -> dict[str, KioskState]:
    return dict(call_states(lang, sample_welcome(resident=lang)))


def test_the_frame_guide_is_on_the_live_picture_and_not_on_the_still(
    qtbot: QtBot, window: KioskWindow
) -> None:
    states = steps()
    window.show_state(states["call_letter_aiming"])
    window.show_local_frame(solid("#203060"))
    qtbot.waitUntil(lambda: window.call.letter.stage.isVisible())
    stage = window.call.letter.stage
    assert white_pixels(stage) > 20  # the dashed page outline
    window.show_state(states["call_letter_still"])
    assert stage.still_size == (2560, 1920)  # the whole still, not a reduced copy
    window.show_local_frame(solid("#203060"))  # the camera goes on; the still stays
    still = stage.grab().toImage()
    centre = QColor(still.pixel(still.width() // 2, still.height() // 2))
    assert _darkest(centre) > 150  # the synthetic letter's light paper, no blue


def test_each_step_offers_its_own_buttons(window: KioskWindow) -> None:
    sheet = window.call.letter
    expected = {
        "call_letter_asked": {sheet.yes, sheet.no},
        "call_letter_aiming": {sheet.take, sheet.cancel},
        "call_letter_still": {sheet.send, sheet.retake, sheet.cancel},
        "call_letter_sending": {sheet.cancel},
        "call_letter_sent": {sheet.another, sheet.done},
    }
    states = steps("ar")
    for name, buttons in expected.items():
        window.show_state(states[name])
        shown = {b for b in sheet.buttons if b.isVisibleTo(window)}
        assert shown == buttons, name
        assert sheet.not_saved.isVisibleTo(window) and sheet.not_saved.text()
    sending = states["call_letter_sending"]
    window.show_state(sending)
    assert sending.call is not None and sending.call.letter is not None
    letter = sending.call.letter
    assert letter.picture is not None
    percent = letter.sent_bytes * 100 // len(letter.picture.data)
    assert 30 < percent < 50  # two fifths sent (kiosk.screenshots_call)
    assert sheet.progress.isVisibleTo(window) and sheet.progress.value() == percent
    assert str(percent) in sheet.title.text()
    sent = states["call_letter_sent"]
    call = sent.call
    assert call is not None
    window.show_state(replace(sent, call=replace(call, pages_sent=12)))
    assert not sheet.another.isVisibleTo(window) and sheet.problem.isVisibleTo(window)
    window.show_state(states["call_interpreter"])
    assert not sheet.isVisible()


def test_the_interpreter_has_a_tile_of_their_own_labelled(window: KioskWindow) -> None:
    states = steps()
    window.show_state(states["call_interpreter_inviting"])
    assert not window.call.interpreter_video.isVisible() and window.call.notice.isVisible()
    window.show_state(states["call_interpreter"])
    window.show_remote_frame(solid("#3E6E4E"))
    window.show_interpreter_frame(solid("#7A4E8C"))
    call = window.call
    assert call.interpreter_video.isVisible() and call.interpreter_video.has_frame
    assert "Selam" in call.interpreter.text() and "Tolk" in call.interpreter.text()
    assert "Amal" in call.adviser.text()
    assert not call.notice.isVisible()
    picture = call.interpreter_video.grab().toImage()
    assert QColor(picture.pixel(picture.width() // 2, 5 * picture.height() // 6)).name() in (
        "#7a4e8c",
        "#202124",  # the letterbox, should the tile be taller than 4:3
    )
    assert "Tolk" in call.transcript.toPlainText()
    window.show_state(states["call_interpreter_left"])
    assert not call.interpreter_video.isVisible() and call.notice.isVisible()


class _Effects:
    def __init__(self) -> None:
        self.done: list[Effect] = []

    def perform(self, effect: Effect) -> None:
        self.done.append(effect)


def test_taps_on_the_sheet_reach_the_flow(qtbot: QtBot, window: KioskWindow) -> None:
    from kiosk.state import MediaOpened, ServerUp, StillTaken
    from signaling import messages as m

    flow = KioskFlow(now=0.0)
    effects = _Effects()
    controller = KioskController(window, flow, effects, clock=lambda: 10.0)
    flow.feed(ServerUp(sample_welcome(resident="sv")), 0.0)
    flow.start(1.0)
    flow.choose_language("sv", 1.0)
    flow.request_call(2.0)
    flow.feed(MediaOpened(camera_ok=True, microphone_ok=True), 2.0)
    controller.feed(
        m.CallStarted(call_id="c1", role="offerer", peer_name="Amal", language="sv", ice_servers=[])
    )
    QTest.mouseClick(window.call.show_letter, Qt.MouseButton.LeftButton)
    assert flow.state.call is not None and flow.state.call.letter is not None
    assert effects.done[-1] == AimCamera(True)  # a document camera opens only now
    QTest.mouseClick(window.call.letter.take, Qt.MouseButton.LeftButton)
    assert TakeStill(page=1) in effects.done
    controller.feed(StillTaken(sample_picture()))
    assert effects.done[-1] == AimCamera(False)  # and closes with the still taken
    QTest.mouseClick(window.call.letter.send, Qt.MouseButton.LeftButton)
    assert SendStill(sample_picture()) in effects.done
    call = flow.state.call
    assert call is not None and call.letter is not None
    assert call.letter.step is LetterStep.SENDING
    controller.stop()


def test_answering_the_question_the_adviser_is_shown_large(
    qtbot: QtBot, window: KioskWindow
) -> None:
    window.show_state(steps()["call_letter_asked"])
    window.show_remote_frame(solid("#3E6E4E"))
    window.show_local_frame(solid("#203060"))  # the camera's picture is not what shows now
    stage = window.call.letter.stage
    qtbot.waitUntil(stage.isVisible)
    picture = stage.grab().toImage()
    assert QColor(picture.pixel(picture.width() // 2, picture.height() // 2)).name() == "#3e6e4e"
    assert white_pixels(stage) == 0  # no frame guide on the adviser


def test_the_still_and_the_pictures_go_with_the_call(qtbot: QtBot, window: KioskWindow) -> None:
    from kiosk.state import Screen

    flow = KioskFlow(now=0.0)
    effects = _Effects()
    controller = KioskController(window, flow, effects, clock=lambda: 10.0)
    for name, state in call_states("sv", sample_welcome(resident="sv")):
        if name == "call_letter_still":
            flow.state = state
            break
    controller.render()
    window.show_remote_frame(solid("#3E6E4E"))
    assert window.call.letter.stage.still_size == (2560, 1920) and window.call.remote.has_frame
    QTest.mouseClick(window.call.hangup, Qt.MouseButton.LeftButton)
    assert flow.state.screen is Screen.RATING
    assert window.call.letter.stage.still_size is None
    assert not window.call.remote.has_frame and not window.call.letter.isVisible()
    controller.stop()


def test_at_the_page_limit_show_a_letter_says_why_it_is_off(window: KioskWindow) -> None:
    states = steps()
    window.show_state(states["call_interpreter"])
    assert window.call.show_letter.isEnabled()
    assert window.call.show_letter.text_shown() == "Visa ett brev"
    window.show_state(states["call_page_limit"])
    assert not window.call.show_letter.isEnabled()
    assert window.call.show_letter.text_shown() == "Du kan inte visa fler sidor i det här samtalet."


def test_a_document_cameras_picture_is_the_one_aimed_with(
    qtbot: QtBot, window: KioskWindow
) -> None:
    window.show_state(steps()["call_letter_aiming"])
    window.show_local_frame(solid("#203060"))  # the call camera, at the resident's face
    window.show_aim_frame(solid("#C08040", 960, 720))  # the document camera, at the desk
    stage = window.call.letter.stage
    qtbot.waitUntil(stage.isVisible)
    picture = stage.grab().toImage()
    assert QColor(picture.pixel(picture.width() // 2, picture.height() // 2)).name() == "#c08040"
    window.show_state(steps()["call_interpreter"])  # the sheet closed: its pictures go
    window.show_state(steps()["call_letter_aiming"])
    window.show_local_frame(solid("#203060"))
    picture = stage.grab().toImage()
    assert QColor(picture.pixel(picture.width() // 2, picture.height() // 2)).name() == "#203060"
