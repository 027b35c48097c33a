"""The call's issue #16 screens for ``kiosklink screenshots kiosk`` and tests/kiosk/test_layout.py:
showing a letter (kiosk/flow_letter.py) and an interpreter in the call (kiosk/flow_interpreter.py),
driven through the real flow with a synthetic letter for the still."""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache

from kiosk.flow import KioskFlow
from kiosk.flow_letter import MAX_PAGES
from kiosk.state import (
    KioskState,
    LetterDelivered,
    LetterProgress,
    LetterRequested,
    MediaOpened,
    PartyChanged,
    PartyText,
    Picture,
    RemoteText,
    ServerUp,
    StillTaken,
)
from rtc.media.still import synthetic_still
from signaling import messages as m

SCREENS = (
    "call_letter_asked",
    "call_letter_aiming",
    "call_letter_still",
    "call_letter_sending",
    "call_letter_sent",
    "call_interpreter_inviting",
    "call_interpreter",
    "call_interpreter_left",
    "call_page_limit",
)


@cache
def sample_picture() -> Picture:
    """A letter as the camera's still would be: a 2560x1920 JPEG of about 2 MB."""
    still = synthetic_still()
    return Picture(still.data, still.mime, still.width, still.height)


def call_states(language: str, welcome: m.KioskWelcome) -> Iterator[tuple[str, KioskState]]:
    """(name, state) for the letter sheet's steps and the interpreter's, in ``language``."""
    flow = _in_call(language, welcome)
    flow.feed(LetterRequested(), 10.0)
    yield "call_letter_asked", flow.state
    flow.answer_letter_request(True, 11.0)
    yield "call_letter_aiming", flow.state
    flow.take_picture(12.0)
    picture = sample_picture()
    flow.feed(StillTaken(picture), 13.0)
    yield "call_letter_still", flow.state
    flow.send_picture(14.0)
    flow.feed(LetterProgress(len(picture.data) * 2 // 5, len(picture.data)), 14.5)
    yield "call_letter_sending", flow.state
    flow.feed(LetterDelivered(), 15.0)
    yield "call_letter_sent", flow.state
    flow.close_letter(16.0)
    flow.feed(_interpreter("inviting"), 17.0)
    yield "call_interpreter_inviting", flow.state
    flow.feed(_interpreter("joined"), 18.0)
    flow.feed(PartyChanged("interpreter", "connected"), 18.5)
    flow.feed(PartyText("Hej, jag tolkar i dag."), 19.0)
    flow.feed(RemoteText("Nu ser jag brevet."), 19.5)
    yield "call_interpreter", flow.state
    flow.feed(_interpreter("left"), 20.0)
    yield "call_interpreter_left", flow.state
    for _ in range(2, MAX_PAGES + 1):  # the first page went above
        flow.show_letter(21.0)
        flow.take_picture(21.0)
        flow.feed(StillTaken(picture), 21.0)
        flow.send_picture(21.0)
        flow.feed(LetterDelivered(), 21.0)
        flow.close_letter(21.0)
    yield "call_page_limit", flow.state


def _in_call(language: str, welcome: m.KioskWelcome) -> KioskFlow:
    flow = KioskFlow(now=0.0)
    flow.feed(ServerUp(welcome), 0.0)
    flow.start(1.0)
    flow.choose_language(language, 2.0)
    flow.request_call(3.0)
    flow.feed(MediaOpened(camera_ok=True, microphone_ok=True), 3.0)
    flow.feed(
        m.CallStarted(
            call_id="c1", role="offerer", peer_name="Amal", language=language, ice_servers=[]
        ),
        4.0,
    )
    flow.send_text("Hej, jag har fått ett brev.", 5.0)
    return flow


def _interpreter(state: str) -> m.Interpreter:
    return m.Interpreter.model_validate(
        {"call_id": "c1", "state": state, "language": "ti", "name": "Selam"}
    )
