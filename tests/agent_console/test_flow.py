"""The console's state machine, driven without Qt, sockets or a real clock."""

from __future__ import annotations

import pytest

from agent_console.flow import (
    OFFER_GRACE_S,
    Connect,
    ConsoleFlow,
    Disconnect,
    EndMedia,
    Login,
    Send,
    SendText,
    SetMuted,
    StartMedia,
    ToMedia,
)
from agent_console.quality import QualityLevel
from agent_console.state import Notice, Phase
from signaling import messages as m
from signaling.errors import ErrorCode, IllegalTransition

URL = "http://127.0.0.1:9"
T0 = 1_700_000_000.0


def phase(flow: ConsoleFlow) -> Phase:
    """Read the phase through a call, so mypy does not narrow it across the flow's methods."""
    return flow.state.phase


def welcome(status: str = "away") -> m.AdviserWelcome:
    return m.AdviserWelcome(
        protocol=1,
        adviser_id="a1",
        display_name="Adviser One",
        languages={"ti": "fluent", "ar": "native"},
        ice_servers=[],
        status=status,
        outcomes=["answered", "referred"],
        heartbeat_interval_s=20,
    )


def offer(call_id: str = "c1", expires_in_s: float = 20) -> m.Offer:
    return m.Offer(
        call_id=call_id,
        language="ar",
        topic="housing",
        site="Rinkeby library",
        waited_s=42,
        expires_in_s=expires_in_s,
    )


def started(call_id: str = "c1") -> m.CallStarted:
    return m.CallStarted(
        call_id=call_id, role="answerer", peer_name="Rinkeby", language="ar", ice_servers=[]
    )


def signed_in(status: str = "away") -> ConsoleFlow:
    flow = ConsoleFlow(server_url=URL, now=T0)
    flow.sign_in(URL, "anna", "pw", T0)
    flow.login_succeeded("a1", "Adviser One", T0)
    flow.connected(welcome(status), T0)
    return flow


def in_call(*, connected: bool = True) -> ConsoleFlow:
    flow = signed_in("available")
    flow.receive(offer(), T0 + 1)
    flow.accept(T0 + 2)
    flow.receive(started(), T0 + 3)
    if connected:
        flow.media_state("c1", "connected", T0 + 4)
    return flow


def test_sign_in_logs_in_then_connects() -> None:
    flow = ConsoleFlow(server_url=URL, now=T0)
    effects = flow.sign_in(URL, "anna", "secret", T0)
    assert effects == [Login(URL, "anna", "secret")]
    assert "secret" not in repr(effects) and "secret" not in repr(flow.state)
    assert phase(flow) is Phase.SIGNING_IN
    assert flow.login_succeeded("a1", "Adviser One", T0) == [Connect(URL)]
    assert phase(flow) is Phase.CONNECTING
    flow.connected(welcome("away"), T0)
    assert phase(flow) is Phase.AWAY
    assert flow.state.online
    assert flow.state.languages == (("ar", "native"), ("ti", "fluent"))
    assert flow.state.outcomes == ("answered", "referred")


def test_wrong_password_returns_to_sign_in_with_a_notice() -> None:
    flow = ConsoleFlow(server_url=URL, now=T0)
    flow.sign_in(URL, "anna", "wrong", T0)
    flow.login_failed("wrong username or password", unreachable=False, now=T0)
    assert phase(flow) is Phase.SIGNED_OUT
    assert flow.state.notice is Notice.WRONG_PASSWORD
    assert flow.allows("sign_in")


def test_unreachable_server_is_told_apart() -> None:
    flow = ConsoleFlow(server_url=URL, now=T0)
    flow.sign_in(URL, "anna", "pw", T0)
    flow.login_failed("connection refused", unreachable=True, now=T0)
    assert flow.state.notice is Notice.SERVER_UNREACHABLE


def test_available_and_away_are_sent_and_shown_at_once() -> None:
    flow = signed_in("away")
    assert flow.go_available(T0) == [Send(m.SetStatus(status="available"))]
    assert phase(flow) is Phase.AVAILABLE
    assert flow.go_away("lunch", T0) == [Send(m.SetStatus(status="away", reason="lunch"))]
    assert phase(flow) is Phase.AWAY
    assert flow.state.away_reason == "lunch"


def test_offer_rings_with_remaining_time() -> None:
    flow = signed_in("available")
    flow.receive(offer(expires_in_s=20), T0)
    ringing = flow.state.offer
    assert phase(flow) is Phase.OFFERED and ringing is not None
    assert ringing.remaining_s(T0 + 5) == 15
    assert ringing.waited_now_s(T0 + 5) == 47
    assert ringing.ring_ratio(T0 + 5) == pytest.approx(0.75)


def test_accept_then_call_started_starts_media() -> None:
    flow = signed_in("available")
    flow.receive(offer(), T0)
    assert flow.accept(T0 + 1) == [Send(m.Accept(call_id="c1"))]
    assert not flow.allows("accept")  # no double accept while waiting for the server
    effects = flow.receive(started(), T0 + 2)
    assert effects == [StartMedia(started())]
    call = flow.state.call
    assert phase(flow) is Phase.IN_CALL and call is not None
    assert (call.topic, call.site) == ("housing", "Rinkeby library")
    assert call.elapsed_s(T0 + 62) == 60


def test_decline() -> None:
    flow = signed_in("available")
    flow.receive(offer(), T0)
    assert flow.decline(T0) == [Send(m.Decline(call_id="c1"))]
    assert phase(flow) is Phase.AVAILABLE and flow.state.offer is None


def test_offer_revoked_on_timeout_is_a_missed_call() -> None:
    flow = signed_in("available")
    flow.receive(offer(), T0)
    flow.receive(m.OfferRevoked(call_id="c1", reason="timeout"), T0 + 20)
    assert phase(flow) is Phase.AVAILABLE
    assert flow.state.notice is Notice.MISSED_CALL


def test_offer_expires_locally_when_the_server_stays_silent() -> None:
    flow = signed_in("available")
    flow.receive(offer(expires_in_s=10), T0)
    flow.tick(T0 + 10)
    assert phase(flow) is Phase.OFFERED
    flow.tick(T0 + 10 + OFFER_GRACE_S)
    assert phase(flow) is Phase.AVAILABLE
    assert flow.state.notice is Notice.MISSED_CALL


def test_revocation_of_another_offer_is_ignored() -> None:
    flow = signed_in("available")
    flow.receive(offer("c1"), T0)
    flow.receive(m.OfferRevoked(call_id="c0", reason="timeout"), T0)
    assert phase(flow) is Phase.OFFERED


def test_accept_refused_by_the_server() -> None:
    flow = signed_in("available")
    flow.receive(offer(), T0)
    flow.accept(T0)
    flow.receive(m.Error(code="conflict", message="offer gone", ref_type="accept"), T0)
    assert phase(flow) is Phase.AVAILABLE
    assert flow.state.notice is Notice.SERVER_ERROR


def test_signaling_for_the_call_goes_to_media_and_other_calls_do_not() -> None:
    flow = in_call()
    sdp = m.SessionDescription(call_id="c1", sdp_type="offer", sdp="v=0")
    assert flow.receive(sdp, T0) == [ToMedia(sdp)]
    other = m.IceCandidate(
        call_id="zz", candidate="candidate:1 1 udp 1 192.0.2.4 5 typ host", sdp_mid="0"
    )
    assert flow.receive(other, T0) == []


def test_the_residents_connection_interrupted_is_told_until_back() -> None:
    flow = in_call()
    assert flow.receive(m.Reconnecting(call_id="other", grace_s=8), T0 + 5) == []
    assert flow.state.notice is None
    assert flow.receive(m.Reconnecting(call_id="c1", grace_s=8), T0 + 6) == []
    assert flow.state.notice is Notice.CALLER_INTERRUPTED
    assert phase(flow) is Phase.IN_CALL  # the call stays until the server ends it
    flow.receive(m.Reconnected(call_id="c1"), T0 + 8)
    assert flow.state.notice is None


def test_an_interruption_that_ends_the_call_says_why() -> None:
    flow = in_call()
    flow.receive(m.Reconnecting(call_id="c1", grace_s=8), T0 + 6)
    effects = flow.receive(m.CallEnded(call_id="c1", reason="peer_left"), T0 + 14)
    assert effects == [EndMedia("c1")]
    assert phase(flow) is Phase.WRAP_UP and flow.state.notice is Notice.CALLER_HUNG_UP


def test_mute_camera_and_text() -> None:
    flow = in_call()
    assert flow.toggle_mute(T0) == [SetMuted(audio=True, video=False)]
    assert flow.toggle_camera(T0) == [SetMuted(audio=True, video=True)]
    assert flow.type_text("Hej", T0) == [SendText("Hej")]
    assert flow.commit_text("Hej!", T0) == [SendText("Hej!", committed=True)]
    flow.remote_text("c1", "Hello, I need", T0)
    call = flow.state.call
    assert call is not None
    assert (call.own_lines, call.own_draft) == (("Hej!",), "")
    assert call.remote_text == "Hello, I need"


def test_quality_is_rated_and_reported() -> None:
    flow = in_call()
    q = m.Quality(rtt_ms=50, packet_loss_ratio=0.2)
    assert flow.quality("c1", q, T0) == [Send(m.QualityReport(call_id="c1", quality=q))]
    assert flow.state.call is not None and flow.state.call.quality is QualityLevel.POOR


def test_hang_up_wrap_up_ready_counts_the_call() -> None:
    flow = in_call()  # started at T0 + 3
    effects = flow.hang_up(T0 + 63)
    assert effects == [Send(m.Hangup(call_id="c1")), EndMedia("c1")]
    assert phase(flow) is Phase.WRAP_UP
    # The server's call_ended and status for the same call change nothing but the deadline.
    assert flow.receive(m.CallEnded(call_id="c1", reason="hangup"), T0 + 63) == []
    flow.receive(m.AdviserStatus(status="wrap_up", wrap_up_ends_at=T0 + 123), T0 + 63)
    wrap = flow.state.wrap_up
    assert wrap is not None and wrap.remaining_s(T0 + 73) == 50
    effects = flow.ready("answered", "help with form", T0 + 73)
    assert effects == [Send(m.WrapUp(call_id="c1", outcome="answered", note="help with form"))]
    assert phase(flow) is Phase.WRAP_UP and not flow.allows("ready")
    assert flow.receive(m.WrapUpSaved(call_id="c1"), T0 + 73) == [Send(m.Ready())]
    assert phase(flow) is Phase.AVAILABLE
    assert flow.state.today.calls_taken == 1
    assert flow.state.today.average_handle_s == 70  # 60 s talk + 10 s wrap-up


def test_refused_note_stays_in_wrap_up_with_the_reasons() -> None:
    flow = in_call()
    flow.hang_up(T0 + 10)
    note = "Resident Fatima Ali, Storgatan 12, son has diabetes"
    assert flow.ready("answered", note, T0 + 11) == [
        Send(m.WrapUp(call_id="c1", outcome="answered", note=note))
    ]
    refused = m.NoteRefused(call_id="c1", reasons=["address", "name", "health"])
    assert flow.receive(refused, T0 + 12) == []
    assert phase(flow) is Phase.WRAP_UP and flow.allows("ready")
    assert flow.state.notice is Notice.NOTE_REFUSED
    wrap = flow.state.wrap_up
    assert wrap is not None and [r.value for r in wrap.refused] == ["address", "name", "health"]
    # Dropped: the same call's wrap-up without a note, then ready once it is saved.
    assert flow.ready("answered", "", T0 + 20) == [
        Send(m.WrapUp(call_id="c1", outcome="answered", note=""))
    ]
    assert flow.receive(m.WrapUpSaved(call_id="c1"), T0 + 21) == [Send(m.Ready())]
    assert phase(flow) is Phase.AVAILABLE and flow.state.notice is None


def test_without_an_outcome_ready_goes_at_once() -> None:
    flow = in_call()
    flow.hang_up(T0 + 10)
    assert flow.ready(None, "a note with no outcome is not sent", T0 + 11) == [Send(m.Ready())]
    assert phase(flow) is Phase.AVAILABLE


def test_a_late_wrap_up_answer_changes_nothing() -> None:
    flow = in_call()
    flow.hang_up(T0 + 10)
    flow.ready("answered", "ok", T0 + 11)
    flow.receive(m.AdviserStatus(status="available"), T0 + 70)  # the wrap-up time ran out
    assert flow.receive(m.NoteRefused(call_id="c1", reasons=["name"]), T0 + 71) == []
    assert flow.receive(m.WrapUpSaved(call_id="c1"), T0 + 71) == []
    assert phase(flow) is Phase.AVAILABLE


def test_welcome_carries_the_note_retention() -> None:
    flow = in_call()
    assert flow.state.note_retention_days is None
    welcome = m.AdviserWelcome(
        protocol=1,
        adviser_id="a1",
        display_name="Anna",
        languages={"ar": "native"},
        ice_servers=[],
        status="in_call",
        heartbeat_interval_s=10,
        note_retention_days=30,
    )
    flow.receive(welcome, T0 + 5)
    assert flow.state.note_retention_days == 30


def test_server_ends_wrap_up_by_itself() -> None:
    flow = in_call()
    flow.receive(m.CallEnded(call_id="c1", reason="peer_left"), T0 + 13)
    assert phase(flow) is Phase.WRAP_UP
    assert flow.state.notice is Notice.CALLER_HUNG_UP
    flow.receive(m.AdviserStatus(status="available"), T0 + 43)
    assert phase(flow) is Phase.AVAILABLE
    assert flow.state.today.calls_taken == 1


def test_transfer_waits_for_the_server() -> None:
    flow = in_call()
    effects = flow.transfer(T0, language="ti", adviser=None)
    assert effects == [Send(m.Transfer(call_id="c1", language="ti"))]
    assert phase(flow) is Phase.IN_CALL and not flow.allows("transfer")
    effects = flow.receive(m.CallEnded(call_id="c1", reason="transferred"), T0 + 1)
    assert effects == [EndMedia("c1")]
    assert phase(flow) is Phase.WRAP_UP
    assert flow.state.notice is Notice.TRANSFERRED


def test_transfer_needs_exactly_one_target() -> None:
    flow = in_call()
    with pytest.raises(ValueError):
        flow.transfer(T0, language="ti", adviser="b2")


def colleague(adviser_id: str, status: str = "available", **languages: str) -> m.AdviserSummary:
    return m.AdviserSummary.model_validate(
        {
            "adviser_id": adviser_id,
            "display_name": adviser_id.title(),
            "languages": languages,
            "status": status,
        }
    )


def test_transfer_candidates_are_available_colleagues_call_language_first() -> None:
    flow = in_call()  # an Arabic call, taken by a1
    team = [
        colleague("a1", ar="native"),  # this adviser
        colleague("bo", sv="native"),
        colleague("cem", ar="basic", sv="fluent"),
        colleague("dana", "in_call", ar="native"),
        colleague("ebba", ar="native"),
        colleague("fred", "away", ar="fluent"),
        colleague("gul", ti="native"),
    ]
    flow.receive(m.QueueOverview(queues=[], advisers=team), T0 + 4)
    assert flow.state.colleagues == tuple(team)
    names = [c.adviser_id for c in flow.state.transfer_candidates()]
    assert names == ["ebba", "cem", "bo", "gul"]  # Arabic speakers by level, then by name


def test_transfer_candidates_are_ordered_as_the_server_ranks_levels() -> None:
    flow = in_call()  # an Arabic call
    team = [colleague(f"x{n}", ar=level) for n, level in enumerate(reversed(m.LEVELS))]
    flow.receive(m.QueueOverview(queues=[], advisers=team), T0 + 4)
    levels = [c.languages["ar"] for c in flow.state.transfer_candidates()]
    assert levels == sorted(m.LEVELS, key=lambda level: m.LEVEL_RANK[level], reverse=True)
    assert levels == ["native", "fluent", "basic"]


def test_transfer_candidates_follow_the_server_and_need_a_call() -> None:
    flow = signed_in("available")
    flow.receive(m.QueueOverview(queues=[], advisers=[colleague("bo", ar="native")]), T0)
    assert flow.state.transfer_candidates() == ()  # no call, nothing to transfer
    flow.receive(offer(), T0 + 1)
    flow.accept(T0 + 2)
    flow.receive(started(), T0 + 3)
    assert [c.adviser_id for c in flow.state.transfer_candidates()] == ["bo"]
    busy = m.QueueOverview(queues=[], advisers=[colleague("bo", "offered", ar="native")])
    flow.receive(busy, T0 + 4)
    assert flow.state.transfer_candidates() == ()  # someone else's caller rings at Bo now


def test_lost_link_keeps_the_call_and_the_session() -> None:
    flow = in_call()
    assert flow.disconnected("connection lost", 0.5, T0) == []
    assert not flow.state.online and flow.state.retry_in_s == 0.5
    assert phase(flow) is Phase.IN_CALL
    flow.connected(welcome("in_call"), T0 + 1)
    assert flow.state.online and phase(flow) is Phase.IN_CALL


def test_reconnect_into_a_different_status_ends_the_call() -> None:
    flow = in_call()
    flow.disconnected("connection lost", 0.5, T0)
    effects = flow.connected(welcome("away"), T0 + 30)
    assert effects == [EndMedia("c1")]
    assert phase(flow) is Phase.AWAY


def test_session_refused_signs_out() -> None:
    flow = in_call()
    effects = flow.auth_failed("session expired", T0)
    assert effects == [EndMedia("c1"), Disconnect()]
    assert phase(flow) is Phase.SIGNED_OUT
    assert flow.state.notice is Notice.SESSION_ENDED


def test_sign_out() -> None:
    flow = signed_in("available")
    assert flow.sign_out(T0) == [Disconnect()]
    assert phase(flow) is Phase.SIGNED_OUT and flow.state.display_name == ""


def test_queue_overview_is_kept() -> None:
    flow = signed_in()
    stat = m.QueueStat(language="ar", waiting=3, longest_wait_s=95, advisers_available=1)
    flow.receive(m.QueueOverview(queues=[stat]), T0)
    assert flow.state.queues == (stat,)
    assert flow.state.own_languages == {"ar", "ti"}


def test_illegal_intents_name_state_and_event() -> None:
    flow = signed_in("available")
    for intent in ("accept", "hang_up", "ready", "go_available"):
        assert not flow.allows(intent)
    with pytest.raises(IllegalTransition) as err:
        flow.hang_up(T0)
    assert (err.value.state, err.value.event) == ("available", "hang_up")
    with pytest.raises(IllegalTransition):
        flow.ready(None, "", T0)


def test_refusals_of_media_chatter_are_not_shown() -> None:
    flow = in_call()
    flow.hang_up(T0 + 5)
    stale = m.Error(code="out_of_role", message="call 'c1' is not yours", ref_type="quality")
    flow.receive(stale, T0 + 6)
    assert flow.state.notice is None
    flow.ready("unknown", "", T0 + 6)
    assert not flow.allows("ready")
    refused = m.Error(code="out_of_role", message="unknown outcome", ref_type="wrap_up")
    flow.receive(refused, T0 + 7)
    assert flow.state.notice is Notice.SERVER_ERROR
    assert flow.allows("ready")  # the adviser may pick another outcome or go on


def test_a_call_that_could_not_be_set_up_returns_to_available_with_a_notice() -> None:
    flow = in_call()
    ended = m.CallEnded(call_id="c1", reason="negotiation_failed", detail="OperationError: codec")
    assert flow.receive(ended, T0 + 24) == [EndMedia("c1")]
    s = flow.state
    assert s.phase is Phase.AVAILABLE and s.call is None and s.wrap_up is None
    assert (s.notice, s.notice_detail) == (Notice.CALL_FAILED, "OperationError: codec")
    # The server's own word that this adviser is available changes nothing more.
    assert (
        flow.receive(m.AdviserStatus(status="available", reason="negotiation_failed"), T0 + 24)
        == []
    )
    assert phase(flow) is Phase.AVAILABLE
    # Its own late negotiation_failed, refused because the kiosk said it first: not shown.
    refused = m.Error(code=ErrorCode.OUT_OF_ROLE, message="no", ref_type="negotiation_failed")
    assert flow.receive(refused, T0 + 25) == [] and flow.state.notice is Notice.CALL_FAILED


def test_take_next_while_away_asks_the_server_and_rings_like_any_offer() -> None:
    flow = signed_in("away")
    assert flow.allows("take_next")
    assert flow.take_next(T0 + 1) == [Send(m.TakeNext())]
    flow.receive(offer(), T0 + 2)
    assert phase(flow) is Phase.OFFERED
    flow.decline(T0 + 3)
    flow.receive(m.AdviserStatus(status="away", reason="take_next"), T0 + 3)
    assert phase(flow) is Phase.AWAY  # the server keeps a puller away


def test_take_next_with_nobody_waiting_says_so_and_only_while_away() -> None:
    flow = signed_in("away")
    flow.take_next(T0 + 1)
    refusal = m.Error(code=ErrorCode.NOT_FOUND, message="nobody", ref_type="take_next")
    flow.receive(refusal, T0 + 2)
    assert flow.state.notice is Notice.NOBODY_WAITING
    assert phase(flow) is Phase.AWAY
    available = signed_in("available")
    assert not available.allows("take_next")
    with pytest.raises(IllegalTransition):
        available.take_next(T0 + 1)


def test_a_call_whose_media_never_connected_is_not_a_call_taken() -> None:
    """As the server counts (signaling.today): a crash before the media flowed is no handle time."""
    flow = in_call(connected=False)
    flow.media_state("c1", "failed", T0 + 20)
    flow.receive(m.CallEnded(call_id="c1", reason="error"), T0 + 21)
    flow.receive(m.AdviserStatus(status="available"), T0 + 30)
    assert flow.state.today.calls_taken == 0
    talked = in_call()
    talked.media_state("c1", "stalled", T0 + 20)  # connected once, then trouble: still a call
    talked.receive(m.CallEnded(call_id="c1", reason="peer_left"), T0 + 21)
    talked.receive(m.AdviserStatus(status="available"), T0 + 30)
    assert talked.state.today.calls_taken == 1
