"""An interpreter in the resident's call (kiosk/flow_interpreter.py): pure, a hand clock."""

from __future__ import annotations

from kiosk.flow_interpreter import LEFT_NOTICE_S
from kiosk.state import (
    InterpreterStep,
    PartyChanged,
    PartyText,
    RelayCallMessage,
    RelayInterpreter,
    RemoteText,
)
from signaling import messages as m
from tests.kiosk.test_flow_letter import in_call


def said(state: str, *, call_id: str = "c1", reason: str | None = None) -> m.Interpreter:
    return m.Interpreter(
        call_id=call_id,
        state=state,
        language="ti",
        name="Selam" if state == "joined" else "",
        reason=reason,
    )


def test_inviting_joined_connected_left_and_the_call_goes_on() -> None:
    flow = in_call()
    msg = said("inviting")
    assert flow.feed(msg, 10.0) == [RelayInterpreter(msg)]
    call = flow.state.call
    assert call is not None and call.interpreter is not None
    assert call.interpreter.step is InterpreterStep.INVITING
    joined = said("joined")
    assert flow.feed(joined, 11.0) == [RelayInterpreter(joined)]
    call = flow.state.call
    assert call is not None and call.interpreter is not None
    assert call.interpreter.step is InterpreterStep.JOINED and call.interpreter.name == "Selam"
    assert not call.interpreter.connected
    offer = m.SessionDescription(call_id="c1", sdp_type="offer", sdp="v=0", peer="interpreter")
    assert flow.feed(offer, 11.5) == [RelayCallMessage(offer)]
    flow.feed(PartyChanged("interpreter", "connected"), 12.0)
    assert flow.state.call is not None and flow.state.call.interpreter is not None
    assert flow.state.call.interpreter.connected
    left = said("left", reason="hangup")
    assert flow.feed(left, 20.0) == [RelayInterpreter(left)]
    call = flow.state.call
    assert call is not None and call.interpreter is None and call.interpreter_left_at == 20.0
    assert call.call_id == "c1" and flow.state.screen.value == "call"
    # The short notice goes by itself.
    assert flow.next_deadline() == 20.0 + LEFT_NOTICE_S
    flow.tick(20.0 + LEFT_NOTICE_S - 1)
    assert flow.state.call is not None and flow.state.call.interpreter_left_at == 20.0
    flow.tick(20.0 + LEFT_NOTICE_S)
    assert flow.state.call is not None and flow.state.call.interpreter_left_at is None
    assert flow.next_deadline() is None


def test_the_interpreters_text_is_labelled_and_apart_from_the_advisers() -> None:
    flow = in_call()
    flow.feed(said("joined"), 10.0)
    flow.feed(PartyText("ሰላም", committed=False), 11.0)
    flow.feed(RemoteText("Hej", committed=False), 11.0)
    call = flow.state.call
    assert call is not None
    assert call.interpreter_draft == "ሰላም" and call.remote_draft == "Hej"
    flow.feed(PartyText("ሰላም ኣለኹ"), 12.0)
    call = flow.state.call
    assert call is not None and call.interpreter_draft == ""
    line = call.lines[-1]
    assert line.from_interpreter and not line.from_adviser and line.text == "ሰላም ኣለኹ"


def test_another_calls_word_and_a_late_party_report_change_nothing() -> None:
    flow = in_call()
    assert flow.feed(said("joined", call_id="other"), 10.0) == []
    assert flow.state.call is not None and flow.state.call.interpreter is None
    flow.feed(PartyText("late"), 11.0)
    flow.feed(PartyChanged("interpreter", "connected"), 11.0)
    assert flow.state.call is not None and flow.state.call.lines == ()


def test_the_leg_lost_locally_takes_the_tile_down() -> None:
    flow = in_call()
    flow.feed(said("joined"), 10.0)
    flow.feed(PartyChanged("interpreter", "left"), 11.0)
    call = flow.state.call
    assert call is not None and call.interpreter is None and call.interpreter_left_at == 11.0


def test_an_invitation_that_ends_unanswered_goes_quietly() -> None:
    flow = in_call()
    flow.feed(said("inviting"), 10.0)
    flow.feed(said("unavailable", reason="timeout"), 11.0)
    call = flow.state.call
    assert call is not None and call.interpreter is None and call.interpreter_left_at is None


def test_an_invitation_that_times_out_leaves_no_notice() -> None:
    flow = in_call()
    flow.feed(said("inviting"), 10.0)
    flow.feed(said("left", reason="timeout"), 11.0)
    call = flow.state.call
    assert call is not None and call.interpreter is None and call.interpreter_left_at is None
