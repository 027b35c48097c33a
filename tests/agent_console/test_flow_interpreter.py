"""The interpreter of a call in the console's state machine (docs/protocol.md §Interpreter), for
the adviser who invites one and for the interpreter's own console: no Qt, sockets or clock."""

from __future__ import annotations

import pytest

from agent_console.flow import ConsoleFlow, EndMedia, Send, StartMedia
from agent_console.flow_interpreter import InterpreterChanged, SendInterpreter
from agent_console.state import Notice, Phase
from signaling import messages as m
from signaling.errors import ErrorCode
from tests.agent_console.test_flow import T0, URL, in_call, started, welcome


def told(
    state: str, reason: str | None = None, name: str = "", call_id: str = "c1"
) -> m.Interpreter:
    return m.Interpreter(
        call_id=call_id,
        state=state,
        language="ti",
        reason=reason,
        name=name,
    )


def leg_state(flow: ConsoleFlow) -> tuple[str, str | None, str] | None:
    call = flow.state.call
    assert call is not None
    leg = call.interpreter
    return None if leg is None else (leg.state, leg.reason, leg.name)


# --- the adviser invites ---------------------------------------------------------------------


def test_invite_join_and_thank() -> None:
    flow = in_call()
    assert flow.allows("invite_interpreter") and not flow.allows("dismiss_interpreter")
    effects = flow.invite_interpreter("ti", T0 + 10)
    assert effects == [SendInterpreter(m.InviteInterpreter(call_id="c1", language="ti"))]
    assert leg_state(flow) == ("inviting", None, "")
    assert not flow.allows("invite_interpreter")  # one per call (§Interpreter)

    assert flow.receive(told("inviting"), T0 + 11) == [InterpreterChanged(told("inviting"))]
    joined = told("joined", name="Sara Lind")
    assert flow.receive(joined, T0 + 40) == [InterpreterChanged(joined)]
    call = flow.state.call
    assert call is not None and call.third_party and call.party_state == "joined"
    assert leg_state(flow) == ("joined", None, "Sara Lind")

    flow.party_changed("c1", "connected", T0 + 41)
    flow.party_text("c1", "Hej, jag tolkar", T0 + 42)
    call = flow.state.call
    assert call is not None and (call.party_state, call.party_text) == (
        "connected",
        "Hej, jag tolkar",
    )

    assert flow.dismiss_interpreter(T0 + 300) == [
        SendInterpreter(m.DismissInterpreter(call_id="c1"))
    ]
    assert not flow.allows("dismiss_interpreter")  # sent once
    flow.receive(told("left", "dismissed"), T0 + 301)
    assert leg_state(flow) == ("left", "dismissed", "Sara Lind")  # the name kept for the notice
    call = flow.state.call
    assert call is not None and not call.third_party
    assert flow.allows("invite_interpreter")
    assert phase_of(flow) is Phase.IN_CALL  # the call goes on


def phase_of(flow: ConsoleFlow) -> Phase:
    return flow.state.phase


@pytest.mark.parametrize("reason", ["nobody_interprets", "none_signed_in", "timeout"])
def test_unavailable_says_why_and_allows_another_try(reason: str) -> None:
    flow = in_call()
    flow.invite_interpreter("ti", T0 + 10)
    flow.receive(told("unavailable", reason), T0 + 11)
    assert leg_state(flow) == ("unavailable", reason, "")
    assert flow.allows("invite_interpreter") and not flow.allows("dismiss_interpreter")


def test_withdraw_a_waiting_invitation() -> None:
    flow = in_call()
    flow.invite_interpreter("ti", T0 + 10)
    flow.receive(told("inviting"), T0 + 11)
    flow.dismiss_interpreter(T0 + 20)
    flow.receive(told("inviting"), T0 + 20)  # crossed on the way: still withdrawing
    call = flow.state.call
    assert call is not None and call.interpreter is not None and call.interpreter.dismissing
    flow.receive(told("left", "dismissed"), T0 + 21)
    assert leg_state(flow) == ("left", "dismissed", "")


def test_an_interpreter_who_vanishes_leaves_the_call_going() -> None:
    flow = in_call()
    flow.invite_interpreter("ti", T0 + 10)
    flow.receive(told("joined", name="Sara Lind"), T0 + 20)
    flow.party_changed("c1", "connected", T0 + 21)
    effects = flow.receive(told("left", "disconnected"), T0 + 60)
    assert effects == [InterpreterChanged(told("left", "disconnected"))]
    assert leg_state(flow) == ("left", "disconnected", "Sara Lind")
    assert phase_of(flow) is Phase.IN_CALL


def test_a_refused_invitation_is_undone_and_shown() -> None:
    flow = in_call()
    flow.invite_interpreter("ti", T0 + 10)
    refusal = m.Error(
        code=ErrorCode.OUT_OF_ROLE, message="not your call", ref_type="invite_interpreter"
    )
    flow.receive(refusal, T0 + 11)
    assert leg_state(flow) is None
    assert flow.state.notice is Notice.SERVER_ERROR
    assert flow.allows("invite_interpreter")


def test_news_of_another_call_is_ignored() -> None:
    flow = in_call()
    assert flow.receive(told("joined", name="X", call_id="old"), T0 + 10) == []
    flow.party_text("old", "stale", T0 + 11)
    call = flow.state.call
    assert call is not None and call.interpreter is None and call.party_text == ""


def test_no_interpreter_after_the_call() -> None:
    flow = in_call()
    flow.hang_up(T0 + 30)
    assert not flow.allows("invite_interpreter")
    assert flow.receive(told("joined", name="Sara Lind"), T0 + 31) == []


# --- the interpreter's console ---------------------------------------------------------------


def interpreter_signed_in() -> ConsoleFlow:
    flow = ConsoleFlow(server_url=URL, now=T0)
    flow.sign_in(URL, "sara", "pw", T0)
    flow.login_succeeded("i1", "Sara Lind", T0)
    hello = welcome("available").model_copy(update={"roles": ["interpreter"]})
    flow.connected(hello, T0)
    return flow


def interpreting() -> ConsoleFlow:
    flow = interpreter_signed_in()
    asked = m.Offer(
        call_id="c1",
        language="ti",
        topic="letter",
        site="Rinkeby library",
        waited_s=3,
        expires_in_s=20,
        kind="interpreting",
    )
    flow.receive(asked, T0 + 1)
    flow.accept(T0 + 2)
    joining = started().model_copy(
        update={"role": "offerer", "peer_name": "Amal Haddad", "interpreting": True}
    )
    assert flow.receive(joining, T0 + 3) == [StartMedia(joining)]
    flow.media_state("c1", "connected", T0 + 4)
    return flow


def test_an_interpreter_is_offered_interpreting_and_joins() -> None:
    flow = interpreter_signed_in()
    assert flow.state.is_interpreter
    assert not flow.allows("take_next")
    flow.receive(
        m.Offer(
            call_id="c1",
            language="ti",
            topic=None,
            site="Rinkeby library",
            waited_s=3,
            expires_in_s=20,
            kind="interpreting",
        ),
        T0 + 1,
    )
    offer = flow.state.offer
    assert offer is not None and offer.kind == "interpreting"

    flow = interpreting()
    call = flow.state.call
    assert call is not None
    assert (call.interpreting, call.adviser_name, call.site) == (
        True,
        "Amal Haddad",
        "Rinkeby library",
    )
    assert call.third_party  # the adviser's tile beside the resident
    for intent in ("invite_interpreter", "transfer"):
        assert not flow.allows(intent)
    assert flow.allows("hang_up")
    # Ignored: the interpreter messages are the adviser's and the kiosk's.
    assert flow.receive(told("left", "hangup"), T0 + 5) == []


def test_an_invitation_withdrawn_while_ringing() -> None:
    flow = interpreter_signed_in()
    asked = m.Offer(
        call_id="c1",
        language="ti",
        topic=None,
        site="Rinkeby library",
        waited_s=3,
        expires_in_s=20,
        kind="interpreting",
    )
    flow.receive(asked, T0 + 1)
    flow.receive(m.OfferRevoked(call_id="c1", reason="caller_left"), T0 + 5)
    assert phase_of(flow) is Phase.AVAILABLE
    assert flow.state.notice is Notice.INTERPRETING_WITHDRAWN


def test_set_up_anew_after_the_adviser_came_back() -> None:
    """The adviser's link came back within grace: the interpreter is started again (§Interpreter)
    in the same call, which keeps its kiosk and clock; the adviser's console sees joined again."""
    flow = interpreting()
    again = started().model_copy(
        update={"role": "offerer", "peer_name": "Amal Haddad", "interpreting": True}
    )
    assert flow.receive(again, T0 + 50) == [EndMedia("c1"), StartMedia(again)]
    call = flow.state.call
    assert call is not None and (call.site, call.started_at) == ("Rinkeby library", T0 + 3)

    adviser = in_call()
    adviser.invite_interpreter("ti", T0 + 10)
    adviser.receive(told("joined", name="Sara Lind"), T0 + 20)
    adviser.receive(started(), T0 + 50)
    adviser.receive(told("joined", name="Sara Lind"), T0 + 51)
    assert leg_state(adviser) == ("joined", None, "Sara Lind")


def test_the_interpreter_reports_no_quality() -> None:
    flow = interpreting()
    figures = m.Quality(rtt_ms=40, packet_loss_ratio=0.0, jitter_ms=3, fps=30)
    assert flow.quality("c1", figures, T0 + 10) == []
    call = flow.state.call
    assert call is not None and call.figures == figures


def test_leave_then_ready_without_an_outcome() -> None:
    flow = interpreting()
    flow.party_text("c1", "Adviser: the letter is about rent", T0 + 20)
    effects = flow.hang_up(T0 + 60)
    assert effects == [Send(m.Hangup(call_id="c1")), EndMedia("c1")]
    wrap = flow.state.wrap_up
    assert phase_of(flow) is Phase.WRAP_UP and wrap is not None and wrap.interpreting
    assert flow.ready("answered", "a note", T0 + 70)[0] == Send(m.Ready())  # never wrap_up
    assert phase_of(flow) is Phase.AVAILABLE


def test_the_adviser_thanks_the_interpreter() -> None:
    flow = interpreting()
    flow.receive(m.CallEnded(call_id="c1", reason="hangup"), T0 + 90)
    assert phase_of(flow) is Phase.WRAP_UP
    assert flow.state.notice is Notice.INTERPRETING_ENDED
