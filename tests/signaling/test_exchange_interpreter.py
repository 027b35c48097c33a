"""Interpreters in the exchange core (docs/protocol.md §Interpreter): plain lists of actions.

Synchronous: no event loop, no sockets, no store. The kiosk is in an Arabic call ``c1`` with amal
(conn 2); interpreters are connections 10 and 11. Each test states which messages go to whom.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from signaling import exchange as x
from signaling import messages as m
from signaling import routing as r
from signaling.errors import OutOfRole
from signaling.links import ConnId
from signaling.store_records import AdviserRecord
from tests.signaling.test_exchange import (
    AMAL,
    AMAL_REC,
    KIOSK,
    adviser_record,
    connect_kiosk,
    in_call,
    kinds,
    make_exchange,
    posts,
)

SEMHAR, YONAS = ConnId(10), ConnId(11)
SEMHAR_REC = adviser_record("semhar", "Semhar T.", ti="native", ar="fluent")
YONAS_REC = adviser_record("yonas", "Yonas K.", ti="fluent")
INTERPRETED = frozenset({"ti", "ar", "so"})
OFFER_SDP = "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n"


def connect_interpreter(
    ex: x.Exchange, conn: ConnId, rec: AdviserRecord, now: float, *, available: bool = True
) -> list[x.Action]:
    actions = ex.adviser_connected(conn, rec, now, roles=("interpreter",))
    (welcome,) = posts(actions, conn)
    assert isinstance(welcome, m.AdviserWelcome) and welcome.roles == ["interpreter"]
    if available:
        actions = ex.adviser_message(ex.advisers[rec.id], m.SetStatus(status="available"), now)
        assert posts(actions, conn) == [m.AdviserStatus(status="available", reason="available")]
    return actions


def invite(ex: x.Exchange, now: float, language: str = "ti") -> list[x.Action]:
    msg = m.InviteInterpreter(call_id="c1", language=language)
    return ex.invite_interpreter(ex.advisers["amal"], msg, interpreted=INTERPRETED, now=now)


def records(actions: list[x.Action]) -> list[x.RecordInterpretation]:
    return [a for a in actions if isinstance(a, x.RecordInterpretation)]


def sdp(peer: m.PartyRole | None, sdp_type: str = "offer") -> m.SessionDescription:
    return m.SessionDescription.model_validate(
        {"call_id": "c1", "sdp_type": sdp_type, "sdp": OFFER_SDP, "peer": peer}
    )


def joined(ex: x.Exchange) -> None:
    """Semhar invited at 10 and joined at 12."""
    connect_interpreter(ex, SEMHAR, SEMHAR_REC, 5.0)
    invite(ex, 10.0)
    actions = ex.adviser_message(ex.advisers["semhar"], m.Accept(call_id="c1"), 12.0)
    assert kinds(actions, SEMHAR) == ["call_started", "status"]


# --- accounts and the two queues -----------------------------------------------------------------


def test_an_interpreter_is_never_offered_residents_nor_counted_for_them(tmp_path: Path) -> None:
    ex = make_exchange(tmp_path)
    connect_interpreter(ex, SEMHAR, SEMHAR_REC, 1.0)  # interprets Arabic, available
    connect_kiosk(ex, 2.0)
    actions = ex.kiosk_message(ex.kiosks["k1"], m.Join(language="ar"), 3.0)
    assert kinds(actions, SEMHAR) == []
    (queued,) = posts(actions, KIOSK)
    assert isinstance(queued, m.Queued) and queued.wait is None  # nobody staffs Arabic
    (arabic,) = [s for s in ex.queue_stats(4.0) if s.language == "ar"]
    assert arabic.advisers_available == 0
    with pytest.raises(OutOfRole):  # nor may they pull one
        ex.adviser_message(ex.advisers["semhar"], m.TakeNext(), 5.0)


def test_an_adviser_welcome_has_no_roles(tmp_path: Path) -> None:
    ex = make_exchange(tmp_path)
    actions = ex.adviser_connected(AMAL, AMAL_REC, 1.0, roles=("editor",))
    (welcome,) = posts(actions, AMAL)
    assert isinstance(welcome, m.AdviserWelcome) and welcome.roles == []


# --- invite, offer, join, relay, leave ------------------------------------------------------------


def test_invite_offer_accept_relay_and_the_interpreter_leaves_alone(tmp_path: Path) -> None:
    ex = make_exchange(tmp_path)
    in_call(ex)
    connect_interpreter(ex, SEMHAR, SEMHAR_REC, 5.0)
    actions = invite(ex, 10.0)
    inviting = m.Interpreter(call_id="c1", state="inviting", language="ti")
    assert posts(actions, AMAL) == [inviting]
    assert posts(actions, KIOSK) == [inviting]
    offer, status = posts(actions, SEMHAR)
    assert offer == m.Offer(
        call_id="c1",
        language="ti",
        topic=None,
        site="Rinkeby library",
        waited_s=0.0,
        expires_in_s=20.0,
        kiosk_lacks=None,
        kind="interpreting",
    )
    assert status == m.AdviserStatus(status="offered", reason="offer")

    semhar = ex.advisers["semhar"]
    actions = ex.adviser_message(semhar, m.Accept(call_id="c1"), 12.0)
    started = posts(actions, SEMHAR)[0]
    assert isinstance(started, m.CallStarted)
    assert (started.role, started.peer_name, started.language, started.interpreting) == (
        "offerer",
        "Amal Hassan",
        "ti",
        True,
    )
    joined_msg = m.Interpreter(call_id="c1", state="joined", language="ti", name="Semhar T.")
    assert posts(actions, AMAL) == [joined_msg]
    assert posts(actions, KIOSK) == [joined_msg]

    # The interpreter offers to each; each answers naming the interpreter.
    actions = ex.adviser_message(semhar, sdp("kiosk"), 13.0)
    assert posts(actions) == [sdp("interpreter")]
    assert kinds(actions, KIOSK) == ["sdp"]
    actions = ex.kiosk_message(ex.kiosks["k1"], sdp("interpreter", "answer"), 14.0)
    assert posts(actions, SEMHAR) == [sdp("kiosk", "answer")]
    actions = ex.adviser_message(semhar, sdp("adviser"), 13.0)
    assert posts(actions, AMAL) == [sdp("interpreter")]
    actions = ex.adviser_message(ex.advisers["amal"], sdp("interpreter", "answer"), 14.0)
    assert posts(actions, SEMHAR) == [sdp("adviser", "answer")]
    # Between the main parties, nothing changes: no peer either way.
    actions = ex.kiosk_message(ex.kiosks["k1"], sdp(None), 15.0)
    assert posts(actions, AMAL) == [sdp(None)]
    actions = ex.kiosk_message(ex.kiosks["k1"], sdp("adviser"), 15.0)
    assert posts(actions, AMAL) == [sdp(None)]

    actions = ex.adviser_message(semhar, m.Hangup(call_id="c1"), 72.0)
    left = m.Interpreter(call_id="c1", state="left", language="ti", reason="hangup")
    assert posts(actions, AMAL) == [left]
    assert posts(actions, KIOSK) == [left]
    assert kinds(actions, SEMHAR) == ["call_ended", "status"]
    assert posts(actions, SEMHAR)[1] == m.AdviserStatus(
        status="wrap_up", reason="call_ended", wrap_up_ends_at=132.0
    )
    assert records(actions) == [x.RecordInterpretation("c1", "ti", 10.0, 12.0, 72.0, "hangup")]

    # The call goes on between kiosk and adviser; the interpreter's leg is gone.
    actions = ex.adviser_message(ex.advisers["amal"], sdp(None, "answer"), 73.0)
    assert posts(actions, KIOSK) == [sdp(None, "answer")]
    with pytest.raises(OutOfRole):
        ex.kiosk_message(ex.kiosks["k1"], sdp("interpreter"), 74.0)
    actions = ex.adviser_message(semhar, m.Ready(), 80.0)
    assert posts(actions, SEMHAR) == [m.AdviserStatus(status="available", reason="ready")]


def test_a_decline_and_a_ring_timeout_pass_the_invitation_on(tmp_path: Path) -> None:
    ex = make_exchange(tmp_path)
    in_call(ex)
    connect_interpreter(ex, SEMHAR, SEMHAR_REC, 5.0)  # free longest: offered first
    connect_interpreter(ex, YONAS, YONAS_REC, 6.0)
    actions = invite(ex, 10.0)
    assert kinds(actions, SEMHAR) == ["offer", "status"]
    actions = ex.adviser_message(ex.advisers["semhar"], m.Decline(call_id="c1"), 11.0)
    assert kinds(actions, SEMHAR) == ["offer_revoked", "status"]
    assert kinds(actions, YONAS) == ["offer", "status"]
    actions = ex.tick(31.0)  # Yonas lets it ring out: back to Semhar, the only one left
    assert kinds(actions, YONAS) == ["offer_revoked", "status"]
    assert kinds(actions, SEMHAR) == ["offer", "status"]
    assert kinds(actions, AMAL) == [] and kinds(actions, KIOSK) == []  # no positions told


@pytest.mark.parametrize(
    ("language", "signed_in", "reason"),
    [("om", True, "nobody_interprets"), ("so", True, "none_signed_in")],
)
def test_unavailable_at_once(tmp_path: Path, language: str, signed_in: bool, reason: str) -> None:
    ex = make_exchange(tmp_path)
    in_call(ex)
    connect_interpreter(ex, SEMHAR, SEMHAR_REC, 5.0)  # ti and ar, not so
    actions = invite(ex, 10.0, language)
    unavailable = m.Interpreter(
        call_id="c1",
        state="unavailable",
        language=language,
        reason=reason,
    )
    assert posts(actions, AMAL) == [unavailable]
    assert posts(actions, KIOSK) == [] and posts(actions, SEMHAR) == []
    assert records(actions) == [x.RecordInterpretation("c1", language, 10.0, None, 10.0, reason)]
    assert kinds(invite(ex, 11.0), AMAL) == ["interpreter"]  # asking again is allowed


def test_an_invitation_nobody_accepts_times_out(tmp_path: Path) -> None:
    ex = make_exchange(tmp_path, interpreter_invitation_s=300.0, heartbeat_timeout_s=1000.0)
    in_call(ex)
    connect_interpreter(ex, SEMHAR, SEMHAR_REC, 5.0, available=False)  # signed in, away
    invite(ex, 10.0)
    assert ex.interpreters.next_deadline() == 310.0
    deadline = ex.next_deadline()
    assert deadline is not None and deadline <= 310.0  # the switchboard's timer wakes for it
    assert posts(ex.tick(309.0)) == []
    actions = ex.tick(310.0)
    assert posts(actions, AMAL) == [
        m.Interpreter(call_id="c1", state="unavailable", language="ti", reason="timeout")
    ]
    assert posts(actions, KIOSK) == [
        m.Interpreter(call_id="c1", state="left", language="ti", reason="timeout")
    ]
    assert records(actions) == [x.RecordInterpretation("c1", "ti", 10.0, None, 310.0, "timeout")]
    assert ex.interpreters.invitations == {}


# --- dismissal, faults, the call's end ------------------------------------------------------------


def test_dismiss_while_inviting_revokes_the_ringing_offer(tmp_path: Path) -> None:
    ex = make_exchange(tmp_path)
    in_call(ex)
    connect_interpreter(ex, SEMHAR, SEMHAR_REC, 5.0)
    invite(ex, 10.0)
    actions = ex.adviser_message(ex.advisers["amal"], m.DismissInterpreter(call_id="c1"), 15.0)
    left = m.Interpreter(call_id="c1", state="left", language="ti", reason="dismissed")
    assert posts(actions, AMAL) == [left] and posts(actions, KIOSK) == [left]
    assert posts(actions, SEMHAR) == [
        m.OfferRevoked(call_id="c1", reason="caller_left"),
        m.AdviserStatus(status="available", reason="caller_left"),
    ]
    assert records(actions) == [x.RecordInterpretation("c1", "ti", 10.0, None, 15.0, "dismissed")]
    with pytest.raises(OutOfRole):
        ex.adviser_message(ex.advisers["amal"], m.DismissInterpreter(call_id="c1"), 16.0)


def test_dismiss_a_joined_interpreter(tmp_path: Path) -> None:
    ex = make_exchange(tmp_path)
    in_call(ex)
    joined(ex)
    actions = ex.adviser_message(ex.advisers["amal"], m.DismissInterpreter(call_id="c1"), 40.0)
    left = m.Interpreter(call_id="c1", state="left", language="ti", reason="dismissed")
    assert posts(actions, AMAL) == [left] and posts(actions, KIOSK) == [left]
    assert posts(actions, SEMHAR)[0] == m.CallEnded(call_id="c1", reason="hangup")
    assert kinds(actions, SEMHAR) == ["call_ended", "status"]
    assert records(actions) == [x.RecordInterpretation("c1", "ti", 10.0, 12.0, 40.0, "dismissed")]


def test_an_interpreter_who_disconnects_leaves_at_once(tmp_path: Path) -> None:
    ex = make_exchange(tmp_path)
    in_call(ex)
    joined(ex)
    actions = ex.adviser_disconnected(ex.advisers["semhar"], 30.0)
    left = m.Interpreter(call_id="c1", state="left", language="ti", reason="disconnected")
    assert posts(actions, AMAL) == [left] and posts(actions, KIOSK) == [left]
    assert records(actions) == [
        x.RecordInterpretation("c1", "ti", 10.0, 12.0, 30.0, "disconnected")
    ]
    actions = ex.kiosk_message(ex.kiosks["k1"], sdp(None), 31.0)  # the call goes on
    assert posts(actions, AMAL) == [sdp(None)]


def test_a_failed_interpreter_leg_ends_only_that_part(tmp_path: Path) -> None:
    ex = make_exchange(tmp_path)
    in_call(ex)
    joined(ex)
    failed = m.NegotiationFailed(call_id="c1", reason="no codec", peer="interpreter")
    actions = ex.kiosk_message(ex.kiosks["k1"], failed, 20.0)
    left = m.Interpreter(call_id="c1", state="left", language="ti", reason="negotiation_failed")
    assert posts(actions, AMAL) == [left] and posts(actions, KIOSK) == [left]
    assert posts(actions, SEMHAR) == [
        m.CallEnded(call_id="c1", reason="negotiation_failed", detail="no codec"),
        m.AdviserStatus(status="available", reason="negotiation_failed"),
    ]
    assert ex.router.caller_state(r.CallerId("c1")) is r.CallerState.IN_CALL


def test_the_interpreter_reports_its_own_failed_leg(tmp_path: Path) -> None:
    ex = make_exchange(tmp_path)
    in_call(ex)
    joined(ex)
    failed = m.NegotiationFailed(call_id="c1", reason="timeout", peer="adviser")
    actions = ex.adviser_message(ex.advisers["semhar"], failed, 20.0)
    assert kinds(actions, AMAL) == ["interpreter"] and kinds(actions, KIOSK) == ["interpreter"]
    assert [rec.outcome for rec in records(actions)] == ["negotiation_failed"]


@pytest.mark.parametrize("inviting", [True, False])
def test_the_calls_end_ends_the_interpretation(tmp_path: Path, inviting: bool) -> None:
    ex = make_exchange(tmp_path)
    in_call(ex)
    if inviting:
        connect_interpreter(ex, SEMHAR, SEMHAR_REC, 5.0)
        invite(ex, 10.0)
    else:
        joined(ex)
    actions = ex.adviser_message(ex.advisers["amal"], m.Hangup(call_id="c1"), 50.0)
    assert kinds(actions, KIOSK) == ["call_ended"]
    assert kinds(actions, AMAL) == ["call_ended", "status"]
    if inviting:
        assert posts(actions, SEMHAR) == [
            m.OfferRevoked(call_id="c1", reason="caller_left"),
            m.AdviserStatus(status="available", reason="caller_left"),
        ]
    else:
        assert posts(actions, SEMHAR)[0] == m.CallEnded(call_id="c1", reason="hangup")
    joined_at = None if inviting else 12.0
    assert records(actions) == [
        x.RecordInterpretation("c1", "ti", 10.0, joined_at, 50.0, "call_ended")
    ]


def test_a_transfer_ends_the_interpretation(tmp_path: Path) -> None:
    ex = make_exchange(tmp_path)
    in_call(ex)
    joined(ex)
    transfer = m.Transfer(call_id="c1", language="ar")
    actions = ex.adviser_message(ex.advisers["amal"], transfer, 50.0)
    assert posts(actions, SEMHAR)[0] == m.CallEnded(call_id="c1", reason="hangup")
    assert [rec.outcome for rec in records(actions)] == ["call_ended"]


# --- bad input ------------------------------------------------------------------------------------


def test_peer_naming_a_party_the_call_does_not_have_is_refused(tmp_path: Path) -> None:
    ex = make_exchange(tmp_path)
    in_call(ex)
    with pytest.raises(OutOfRole, match="no interpreter"):
        ex.kiosk_message(ex.kiosks["k1"], sdp("interpreter"), 5.0)
    with pytest.raises(OutOfRole, match="own party"):
        ex.adviser_message(ex.advisers["amal"], sdp("adviser"), 5.0)
    failed = m.NegotiationFailed(call_id="c1", reason="x", peer="interpreter")
    with pytest.raises(OutOfRole):
        ex.adviser_message(ex.advisers["amal"], failed, 5.0)
    actions = ex.kiosk_message(ex.kiosks["k1"], sdp(None), 6.0)  # the call goes on
    assert posts(actions, AMAL) == [sdp(None)]


def test_invitations_the_adviser_may_not_make(tmp_path: Path) -> None:
    ex = make_exchange(tmp_path)
    in_call(ex)
    connect_interpreter(ex, SEMHAR, SEMHAR_REC, 5.0)
    omar = ex.advisers["omar"]
    with pytest.raises(OutOfRole, match="not yours"):
        msg = m.InviteInterpreter(call_id="c1", language="ti")
        ex.invite_interpreter(omar, msg, interpreted=INTERPRETED, now=6.0)
    with pytest.raises(OutOfRole, match="not yours"):
        ex.adviser_message(omar, m.DismissInterpreter(call_id="c1"), 6.0)
    invite(ex, 7.0)
    with pytest.raises(OutOfRole, match="already"):
        invite(ex, 8.0, "ar")
    assert len(ex.interpreters.invitations) == 1


@pytest.mark.parametrize(
    "msg",
    [
        m.Transfer(call_id="c1", language="ar"),
        m.TakeNext(),
        m.WrapUp(call_id="c1", outcome="resolved", note=""),
        m.InviteInterpreter(call_id="c1", language="ar"),
        m.DismissInterpreter(call_id="c1"),
        sdp(None),
        sdp("interpreter"),
    ],
)
def test_what_an_interpreter_may_not_send(tmp_path: Path, msg: m.AdviserMessage) -> None:
    ex = make_exchange(tmp_path)
    in_call(ex)
    joined(ex)
    semhar = ex.advisers["semhar"]
    with pytest.raises(OutOfRole):
        if isinstance(msg, m.InviteInterpreter):
            ex.invite_interpreter(semhar, msg, interpreted=INTERPRETED, now=20.0)
        else:
            ex.adviser_message(semhar, msg, 20.0)
    actions = ex.adviser_message(semhar, sdp("kiosk"), 21.0)  # still interpreting
    assert posts(actions, KIOSK) == [sdp("interpreter")]


def test_an_interpreter_may_not_signal_into_a_call_it_is_not_in(tmp_path: Path) -> None:
    ex = make_exchange(tmp_path)
    in_call(ex)
    connect_interpreter(ex, SEMHAR, SEMHAR_REC, 5.0)
    invite(ex, 10.0)  # ringing at Semhar, not accepted
    with pytest.raises(OutOfRole):
        ex.adviser_message(ex.advisers["semhar"], sdp("kiosk"), 11.0)
    with pytest.raises(OutOfRole):
        ex.adviser_message(ex.advisers["semhar"], m.Hangup(call_id="c1"), 11.0)


def test_an_adviser_in_wrap_up_cannot_invite(tmp_path: Path) -> None:
    ex = make_exchange(tmp_path)
    in_call(ex)
    ex.adviser_message(ex.advisers["amal"], m.Hangup(call_id="c1"), 5.0)
    with pytest.raises(OutOfRole):
        invite(ex, 6.0)


def test_an_adviser_back_within_grace_sets_the_interpreters_legs_up_anew(tmp_path: Path) -> None:
    ex = make_exchange(tmp_path, adviser_grace_s=5.0)
    in_call(ex)
    joined(ex)
    ex.adviser_disconnected(ex.advisers["amal"], 20.0)
    actions = ex.adviser_connected(AMAL, AMAL_REC, 22.0)
    again = m.Interpreter(call_id="c1", state="joined", language="ti", name="Semhar T.")
    assert kinds(actions, KIOSK) == ["call_started", "interpreter"]
    assert posts(actions, KIOSK)[-1] == again
    assert kinds(actions, AMAL) == ["welcome", "call_started", "interpreter"]
    (started,) = posts(actions, SEMHAR)
    assert isinstance(started, m.CallStarted) and started.interpreting
    assert records(actions) == []


def test_an_adviser_lost_for_good_ends_the_interpretation(tmp_path: Path) -> None:
    ex = make_exchange(tmp_path, adviser_grace_s=5.0)
    in_call(ex)
    joined(ex)
    ex.adviser_disconnected(ex.advisers["amal"], 20.0)
    actions = ex.tick(25.0)
    assert posts(actions, SEMHAR)[0] == m.CallEnded(call_id="c1", reason="hangup")
    assert records(actions) == [x.RecordInterpretation("c1", "ti", 10.0, 12.0, 25.0, "call_ended")]


def test_the_kiosk_gone_ends_the_interpretation(tmp_path: Path) -> None:
    ex = make_exchange(tmp_path)
    in_call(ex)
    joined(ex)
    actions = ex.kiosk_disconnected(ex.kiosks["k1"], 30.0)
    assert posts(actions, SEMHAR)[0] == m.CallEnded(call_id="c1", reason="hangup")
    assert posts(actions, AMAL)[0] == m.CallEnded(call_id="c1", reason="peer_left")
    assert [rec.outcome for rec in records(actions)] == ["call_ended"]


def test_an_interpreters_quality_is_taken_and_not_kept(tmp_path: Path) -> None:
    ex = make_exchange(tmp_path)
    in_call(ex)
    joined(ex)
    report = m.QualityReport(call_id="c1", quality=m.Quality(rtt_ms=20.0))
    actions = ex.adviser_message(ex.advisers["semhar"], report, 20.0)
    assert actions == []  # no store command: the record's figures are the main parties'
    ex.adviser_message(ex.advisers["semhar"], m.Hangup(call_id="c1"), 21.0)
    assert ex.adviser_message(ex.advisers["semhar"], report, 22.0) == []  # the last sample
    with pytest.raises(OutOfRole):
        ex.adviser_message(ex.advisers["semhar"], report.model_copy(update={"call_id": "c9"}), 23.0)


def test_a_role_granted_while_signed_in_moves_the_account_to_the_other_queue(
    tmp_path: Path,
) -> None:
    ex = make_exchange(tmp_path)
    ex.adviser_connected(AMAL, AMAL_REC, 1.0)
    ex.adviser_message(ex.advisers["amal"], m.SetStatus(status="available"), 1.0)
    ex.adviser_connected(AMAL, AMAL_REC, 2.0, roles=("interpreter",))  # the role granted
    assert ex.router.adviser_state(r.AdviserId("amal")) in (None, r.AdviserState.SIGNED_OUT)
    connect_kiosk(ex, 3.0)
    actions = ex.kiosk_message(ex.kiosks["k1"], m.Join(language="ar"), 4.0)
    assert kinds(actions, AMAL) == []  # never offered a resident again
    ex.adviser_connected(AMAL, AMAL_REC, 5.0)  # and taken back
    gone = (None, r.AdviserState.SIGNED_OUT)
    assert ex.interpreters.router.adviser_state(r.AdviserId("amal")) in gone
