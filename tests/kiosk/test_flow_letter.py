"""Showing a letter in a call (kiosk/flow_letter.py): pure, a hand-driven clock."""

from __future__ import annotations

import pytest

from kiosk.flow import KioskFlow
from kiosk.flow_letter import MAX_PAGES
from kiosk.state import (
    CallLost,
    CancelStill,
    DeclineLetter,
    LetterDelivered,
    LetterNotSent,
    LetterProblem,
    LetterProgress,
    LetterRequested,
    LetterStep,
    MediaOpened,
    Picture,
    RemoteText,
    Screen,
    SendStill,
    ServerUp,
    StillFailed,
    StillTaken,
    TakeStill,
)
from rtc import document_wire
from signaling import messages as m
from signaling.errors import IllegalTransition

PAGE = Picture(b"\xff\xd8\xff" + bytes(range(256)) * 40, "image/jpeg", 2560, 1920)


def in_call() -> KioskFlow:
    flow = KioskFlow(now=0.0)
    flow.feed(
        ServerUp(
            m.KioskWelcome(
                protocol=1,
                kiosk_id="k1",
                site="Library",
                ice_servers=[],
                languages=[
                    m.LanguageInfo(
                        code="ar",
                        open=True,
                        advisers_available=1,
                        waiting=0,
                        wait=m.WaitEstimate(low_s=0, high_s=120),
                    )
                ],
                topics=[],
                heartbeat_interval_s=15,
                health_interval_s=10,
            )
        ),
        0.0,
    )
    flow.start(1.0)
    flow.choose_language("ar", 1.0)
    flow.request_call(2.0)
    flow.feed(MediaOpened(camera_ok=True, microphone_ok=True), 2.0)
    flow.feed(
        m.CallStarted(
            call_id="c1", role="offerer", peer_name="Amal", language="ar", ice_servers=[]
        ),
        3.0,
    )
    assert flow.state.screen is Screen.CALL
    return flow


def step(flow: KioskFlow) -> LetterStep | None:
    assert flow.state.call is not None
    return flow.state.call.letter.step if flow.state.call.letter is not None else None


def send_one(flow: KioskFlow, picture: Picture = PAGE) -> None:
    flow.show_letter(10.0)
    assert flow.take_picture(11.0) == [TakeStill(page=flow.state.call.pages_sent + 1)]  # type: ignore[union-attr]
    flow.feed(StillTaken(picture), 12.0)
    assert flow.send_picture(13.0) == [SendStill(picture)]
    flow.feed(LetterDelivered(), 14.0)


def test_the_page_limit_is_the_protocols() -> None:
    assert MAX_PAGES == document_wire.MAX_PAGES


def test_capture_send_progress_sent_and_the_still_is_dropped() -> None:
    flow = in_call()
    assert flow.show_letter(10.0) == []
    assert step(flow) is LetterStep.AIMING
    assert flow.take_picture(11.0) == [TakeStill(page=1)]
    assert step(flow) is LetterStep.TAKING
    flow.feed(StillTaken(PAGE), 12.0)
    assert step(flow) is LetterStep.CHECKING
    assert flow.state.call is not None and flow.state.call.letter is not None
    assert flow.state.call.letter.picture == PAGE
    assert flow.send_picture(13.0) == [SendStill(PAGE)]
    flow.feed(LetterProgress(1000, len(PAGE.data)), 13.5)
    assert flow.state.call.letter is not None
    assert flow.state.call.letter.sent_bytes == 1000
    flow.feed(LetterDelivered(), 14.0)
    call = flow.state.call
    assert call.letter is not None and call.letter.step is LetterStep.SENT
    assert call.letter.picture is None and call.pages_sent == 1
    # The call goes on meanwhile: text still arrives.
    flow.feed(RemoteText("Tack, jag ser brevet."), 15.0)
    assert flow.state.call.lines[-1].text == "Tack, jag ser brevet."
    flow.close_letter(16.0)
    assert step(flow) is None


def test_take_again_drops_the_still_and_cancel_while_sending_cancels() -> None:
    flow = in_call()
    flow.show_letter(10.0)
    flow.take_picture(11.0)
    flow.feed(StillTaken(PAGE), 12.0)
    assert flow.retake_picture(13.0) == []
    assert step(flow) is LetterStep.AIMING
    assert flow.state.call is not None and flow.state.call.letter is not None
    assert flow.state.call.letter.picture is None
    flow.take_picture(14.0)
    flow.feed(StillTaken(PAGE), 15.0)
    flow.send_picture(16.0)
    assert flow.close_letter(17.0) == [CancelStill()]
    assert step(flow) is None
    # A late report of the cancelled page changes nothing.
    flow.feed(LetterDelivered(), 18.0)
    assert step(flow) is None and flow.state.call.pages_sent == 0


def test_cancel_before_sending_sends_nothing() -> None:
    flow = in_call()
    flow.show_letter(10.0)
    assert flow.close_letter(11.0) == []
    flow.show_letter(12.0)
    flow.take_picture(13.0)
    assert flow.close_letter(14.0) == []
    flow.feed(StillTaken(PAGE), 15.0)  # the still arrives after Cancel: dropped
    assert step(flow) is None


def test_the_advisers_request_is_a_question_yes_opens_the_camera() -> None:
    flow = in_call()
    assert flow.feed(LetterRequested(), 10.0) == []
    assert step(flow) is LetterStep.ASKED
    assert flow.answer_letter_request(True, 11.0) == []
    assert step(flow) is LetterStep.AIMING


def test_no_to_the_request_declines() -> None:
    flow = in_call()
    flow.feed(LetterRequested(), 10.0)
    assert flow.answer_letter_request(False, 11.0) == [DeclineLetter()]
    assert step(flow) is None
    flow.feed(LetterRequested(), 12.0)
    assert flow.close_letter(13.0) == [DeclineLetter()]  # closing the question is a no


def test_a_request_while_already_showing_one_changes_nothing() -> None:
    flow = in_call()
    flow.show_letter(10.0)
    flow.take_picture(11.0)
    assert flow.feed(LetterRequested(), 12.0) == []
    assert step(flow) is LetterStep.TAKING


def test_a_failed_camera_and_a_page_not_delivered_say_so() -> None:
    flow = in_call()
    flow.show_letter(10.0)
    flow.take_picture(11.0)
    flow.feed(StillFailed(), 12.0)
    assert flow.state.call is not None and flow.state.call.letter is not None
    assert flow.state.call.letter.problem is LetterProblem.CAMERA
    assert step(flow) is LetterStep.AIMING
    flow.take_picture(13.0)
    flow.feed(StillTaken(PAGE), 14.0)
    flow.send_picture(15.0)
    flow.feed(LetterNotSent("checksum"), 16.0)
    letter = flow.state.call.letter
    assert letter is not None and letter.step is LetterStep.CHECKING
    assert letter.problem is LetterProblem.NOT_SENT and letter.picture == PAGE
    assert flow.send_picture(17.0) == [SendStill(PAGE)]  # the resident may send it again


def test_a_lost_connection_while_sending_brings_the_still_back() -> None:
    flow = in_call()
    flow.show_letter(10.0)
    flow.take_picture(11.0)
    flow.feed(StillTaken(PAGE), 12.0)
    flow.send_picture(13.0)
    flow.feed(CallLost(), 14.0)
    assert flow.state.call is not None and flow.state.call.letter is not None
    assert flow.state.call.letter.problem is LetterProblem.NOT_SENT
    assert step(flow) is LetterStep.CHECKING


def test_the_page_limit_stops_more_pages_and_declines_requests() -> None:
    flow = in_call()
    for _ in range(MAX_PAGES):
        send_one(flow)
        flow.close_letter(15.0)
    assert flow.state.call is not None and flow.state.call.pages_sent == MAX_PAGES
    assert flow.show_letter(20.0) == []
    assert step(flow) is None
    assert flow.feed(LetterRequested(), 21.0) == [DeclineLetter()]
    assert step(flow) is None


def test_the_adviser_holding_no_more_pages_counts_as_the_limit() -> None:
    flow = in_call()
    flow.show_letter(10.0)
    flow.take_picture(11.0)
    flow.feed(StillTaken(PAGE), 12.0)
    flow.send_picture(13.0)
    flow.feed(LetterNotSent("too_many_pages"), 14.0)
    assert flow.state.call is not None and flow.state.call.pages_sent == MAX_PAGES
    assert step(flow) is LetterStep.SENT


def test_the_still_goes_with_the_call() -> None:
    flow = in_call()
    flow.show_letter(10.0)
    flow.take_picture(11.0)
    flow.feed(StillTaken(PAGE), 12.0)
    flow.hang_up(13.0)
    assert flow.state.call is None
    assert "Picture(" not in repr(flow.state)  # nowhere in what the kiosk keeps
    flow.feed(StillTaken(PAGE), 14.0)  # a late still: nothing to show it in
    assert flow.state.call is None


def test_intents_out_of_step_are_illegal() -> None:
    flow = in_call()
    with pytest.raises(IllegalTransition):
        flow.take_picture(10.0)
    with pytest.raises(IllegalTransition):
        flow.send_picture(10.0)
    flow.show_letter(10.0)
    with pytest.raises(IllegalTransition):
        flow.show_letter(11.0)
    with pytest.raises(IllegalTransition):
        flow.answer_letter_request(True, 11.0)
