"""The exchange core (signaling/exchange/): events in, plain lists of actions out.

Synchronous: no event loop, no sockets, no store. Connections are numbers, the clock an argument,
caller ids and resume tokens counted (``c1``/``t1``, ...). Each test states exactly which messages
go to whom, in order: an extra or duplicated message fails it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from signaling import exchange as x
from signaling import messages as m
from signaling import routing as r
from signaling.errors import (
    CLOSE_REPLACED,
    CLOSE_SILENT,
    IllegalTransition,
    OutOfRole,
)
from signaling.links import ConnId, hash_resume_token
from signaling.privacy import PersonalData as P
from signaling.store_records import AdviserRecord, KioskRecord, WaitingRecord
from tests.conftest import make_settings

KIOSK, AMAL, OMAR = ConnId(1), ConnId(2), ConnId(3)


class Counter:
    def __init__(self) -> None:
        self.n = 0

    def __call__(self) -> tuple[str, str]:
        self.n += 1
        return f"c{self.n}", f"t{self.n}"


def make_exchange(tmp_path: Path, **routing: Any) -> x.Exchange:
    settings = make_settings(tmp_path, routing={"ring_timeout_s": 20.0, **routing})
    return x.Exchange(settings, new_ids=Counter())


def kiosk_record(kiosk_id: str = "k1", site: str = "Rinkeby library") -> KioskRecord:
    return KioskRecord(kiosk_id, kiosk_id.upper(), site, 0.0, False, None, None)


def adviser_record(adviser_id: str, name: str, **languages: m.Level) -> AdviserRecord:
    return AdviserRecord(adviser_id, adviser_id, name, dict(languages), None, False)


AMAL_REC = adviser_record("amal", "Amal Hassan", ar="native")
OMAR_REC = adviser_record("omar", "Omar Said", ar="fluent")


def hello(resume_token: str | None = None) -> m.Hello:
    return m.Hello(protocol=1, token="secret", resume_token=resume_token)


def posts(actions: list[x.Action], conn: ConnId | None = None) -> list[m.Message]:
    """The messages posted (to ``conn``), in order; queue overviews left out."""
    return [
        a.message
        for a in actions
        if isinstance(a, x.Post)
        and (conn is None or a.conn == conn)
        and not isinstance(a.message, m.QueueOverview)
    ]


def kinds(actions: list[x.Action], conn: ConnId) -> list[str]:
    return [str(msg.model_dump()["type"]) for msg in posts(actions, conn)]


def store(actions: list[x.Action]) -> list[x.Action]:
    return [a for a in actions if not isinstance(a, x.Post | x.Close | x.Observed)]


def connect_kiosk(ex: x.Exchange, now: float, conn: ConnId = KIOSK, kiosk_id: str = "k1") -> None:
    actions = ex.kiosk_connected(conn, kiosk_record(kiosk_id), hello(), now)
    assert kinds(actions, conn) == ["welcome"]


def connect_adviser(
    ex: x.Exchange, conn: ConnId, rec: AdviserRecord, now: float, *, available: bool = True
) -> list[x.Action]:
    actions = ex.adviser_connected(conn, rec, now)
    assert kinds(actions, conn) == ["welcome"]
    if available:
        actions = ex.adviser_message(ex.advisers[rec.id], m.SetStatus(status="available"), now)
    return actions


def in_call(ex: x.Exchange) -> str:
    """The kiosk in an Arabic call with amal; omar signed in, away. Returns the call id."""
    connect_adviser(ex, AMAL, AMAL_REC, 1.0)
    connect_adviser(ex, OMAR, OMAR_REC, 1.0, available=False)
    connect_kiosk(ex, 2.0)
    ex.kiosk_message(ex.kiosks["k1"], m.Join(language="ar"), 3.0)
    actions = ex.adviser_message(ex.advisers["amal"], m.Accept(call_id="c1"), 4.0)
    assert kinds(actions, KIOSK) == ["call_started"]
    assert kinds(actions, AMAL) == ["call_started", "status"]
    return "c1"


# --- joining, offers, calls -----------------------------------------------------------------------


def test_join_with_nobody_free_is_queued_and_persisted(tmp_path: Path) -> None:
    ex = make_exchange(tmp_path)
    connect_kiosk(ex, 1.0)
    actions = ex.kiosk_message(ex.kiosks["k1"], m.Join(language="ar", topic="letter"), 2.0)
    (queued,) = posts(actions, KIOSK)
    assert isinstance(queued, m.Queued)
    assert (queued.position, queued.resume_token) == (1, "t1")
    assert [type(a).__name__ for a in store(actions)] == ["OpenCall", "SaveWaiting"]
    assert ex.persisted_queue() == ["c1"]


def test_an_offer_then_the_call_from_start_to_wrap_up(tmp_path: Path) -> None:
    ex = make_exchange(tmp_path)
    connect_kiosk(ex, 1.0)
    ex.kiosk_message(ex.kiosks["k1"], m.Join(language="ar", topic="letter"), 2.0)
    actions = connect_adviser(ex, AMAL, AMAL_REC, 3.0)
    assert kinds(actions, AMAL) == ["status", "offer", "status"]
    assert kinds(actions, KIOSK) == []  # queued first already: not told again while ringing
    offer = posts(actions, AMAL)[1]
    assert isinstance(offer, m.Offer)
    assert (offer.call_id, offer.site, offer.waited_s) == ("c1", "Rinkeby library", 1.0)

    amal = ex.advisers["amal"]
    actions = ex.adviser_message(amal, m.Accept(call_id="c1"), 4.0)
    assert [type(a).__name__ for a in store(actions)] == ["AnswerCall", "DeleteWaiting"]
    started = posts(actions, KIOSK)[0]
    assert isinstance(started, m.CallStarted) and started.peer_name == "Amal"
    actions = ex.adviser_message(amal, m.Hangup(call_id="c1"), 10.0)
    assert posts(actions, KIOSK) == [m.CallEnded(call_id="c1", reason="hangup")]
    assert kinds(actions, AMAL) == ["call_ended", "status"]
    assert store(actions) == [x.CloseCall("c1", 10.0, "completed")]
    actions = ex.kiosk_message(ex.kiosks["k1"], m.Rating(call_id="c1", score=5), 11.0)
    assert store(actions) == [x.SetRating("c1", 5)]
    actions = ex.adviser_message(amal, m.WrapUp(call_id="c1", outcome="resolved", note="ok"), 12)
    assert store(actions) == [x.SetWrapUp("c1", "resolved", "ok")]
    with pytest.raises(OutOfRole):  # once only
        ex.adviser_message(amal, m.WrapUp(call_id="c1", outcome="resolved", note="ok"), 12)


def test_join_when_an_adviser_is_free_still_tells_the_kiosk_it_is_first(tmp_path: Path) -> None:
    ex = make_exchange(tmp_path)
    connect_adviser(ex, AMAL, AMAL_REC, 1.0)
    connect_kiosk(ex, 2.0)
    actions = ex.kiosk_message(ex.kiosks["k1"], m.Join(language="ar"), 3.0)
    assert posts(actions, KIOSK) == [
        m.Queued(
            language="ar", position=1, wait=m.WaitEstimate(low_s=0, high_s=0), resume_token="t1"
        )
    ]
    assert kinds(actions, AMAL) == ["offer", "status"]


def test_decline_revokes_then_offers_the_next(tmp_path: Path) -> None:
    ex = make_exchange(tmp_path)
    connect_adviser(ex, AMAL, AMAL_REC, 1.0)
    connect_adviser(ex, OMAR, OMAR_REC, 1.5)
    connect_kiosk(ex, 2.0)
    ex.kiosk_message(ex.kiosks["k1"], m.Join(language="ar"), 3.0)
    actions = ex.adviser_message(ex.advisers["amal"], m.Decline(call_id="c1"), 4.0)
    assert posts(actions, AMAL)[0] == m.OfferRevoked(call_id="c1", reason="declined")
    assert kinds(actions, OMAR) == ["offer", "status"]


def test_offer_expiry_runs_on_tick(tmp_path: Path) -> None:
    ex = make_exchange(tmp_path, ring_timeout_s=5.0)
    connect_adviser(ex, AMAL, AMAL_REC, 1.0)
    connect_kiosk(ex, 2.0)
    ex.kiosk_message(ex.kiosks["k1"], m.Join(language="ar"), 3.0)
    assert ex.next_deadline() == 8.0
    actions = ex.tick(8.0)
    assert posts(actions, AMAL)[0] == m.OfferRevoked(call_id="c1", reason="timeout")


def test_closed_hours_answer_closed_and_open_nothing(tmp_path: Path) -> None:
    settings = make_settings(tmp_path, service={"hours": {"fi": {"timezone": "UTC", "weekly": {}}}})
    ex = x.Exchange(settings, new_ids=Counter())
    connect_kiosk(ex, 1.0)
    actions = ex.kiosk_message(ex.kiosks["k1"], m.Join(language="fi"), 2.0)
    assert kinds(actions, KIOSK) == ["closed"]
    assert store(actions) == []


def test_join_refusals(tmp_path: Path) -> None:
    ex = make_exchange(tmp_path)
    connect_kiosk(ex, 1.0)
    link = ex.kiosks["k1"]
    with pytest.raises(OutOfRole):
        ex.kiosk_message(link, m.Join(language="xx"), 2.0)
    with pytest.raises(OutOfRole):
        ex.kiosk_message(link, m.Join(language="ar", topic="nope"), 2.0)
    with pytest.raises(OutOfRole):
        ex.kiosk_message(link, m.Cancel(), 2.0)
    ex.kiosk_message(link, m.Join(language="ar"), 2.0)
    with pytest.raises(OutOfRole):
        ex.kiosk_message(link, m.Join(language="ar"), 2.0)


# --- relay ----------------------------------------------------------------------------------------


def test_sdp_and_ice_flow_only_between_the_parties_of_an_active_call(tmp_path: Path) -> None:
    ex = make_exchange(tmp_path)
    call = in_call(ex)
    sdp = m.SessionDescription(call_id=call, sdp_type="offer", sdp="v=0")
    assert ex.kiosk_message(ex.kiosks["k1"], sdp, 5.0) == [
        x.Post(AMAL, sdp),
        x.KioskSaid("k1", sdp, 5.0),
    ]
    answer = m.SessionDescription(call_id=call, sdp_type="answer", sdp="v=0")
    assert posts(ex.adviser_message(ex.advisers["amal"], answer, 5.0)) == [answer]
    with pytest.raises(OutOfRole):  # omar is not in this call
        ex.adviser_message(ex.advisers["omar"], answer, 5.0)
    connect_kiosk(ex, 5.0, ConnId(9), "k2")
    with pytest.raises(OutOfRole):  # nor is another kiosk
        ex.kiosk_message(ex.kiosks["k2"], sdp, 5.0)


def test_no_relay_while_the_call_is_held(tmp_path: Path) -> None:
    ex = make_exchange(tmp_path, adviser_grace_s=5.0)
    call = in_call(ex)
    actions = ex.adviser_disconnected(ex.advisers["amal"], 6.0)
    assert kinds(actions, KIOSK) == ["reconnecting"]
    with pytest.raises(OutOfRole):
        sdp = m.SessionDescription(call_id=call, sdp_type="offer", sdp="v=0")
        ex.kiosk_message(ex.kiosks["k1"], sdp, 7.0)


# --- who hears what when a call ends --------------------------------------------------------------


def test_kiosk_that_vanishes_mid_call_is_peer_left_for_the_adviser(tmp_path: Path) -> None:
    ex = make_exchange(tmp_path)
    in_call(ex)
    actions = ex.kiosk_disconnected(ex.kiosks["k1"], 9.0)
    assert posts(actions, AMAL)[0] == m.CallEnded(call_id="c1", reason="peer_left")
    assert x.KioskGone("k1", 9.0) in actions
    assert x.CloseCall("c1", 9.0, "completed") in actions


def test_adviser_lost_mid_call_requeues_the_kiosk(tmp_path: Path) -> None:
    ex = make_exchange(tmp_path, adviser_grace_s=5.0)
    in_call(ex)
    ex.adviser_disconnected(ex.advisers["amal"], 6.0)
    actions = ex.tick(11.0)
    assert kinds(actions, KIOSK) == ["call_ended", "queued"]
    assert posts(actions, KIOSK)[0] == m.CallEnded(call_id="c1", reason="requeued")
    assert ex.persisted_queue() == ["c1"]


def test_transfer_to_a_named_colleague(tmp_path: Path) -> None:
    ex = make_exchange(tmp_path)
    call = in_call(ex)
    ex.adviser_message(ex.advisers["omar"], m.SetStatus(status="available"), 5.0)
    actions = ex.adviser_message(ex.advisers["amal"], m.Transfer(call_id=call, adviser="omar"), 6)
    assert kinds(actions, AMAL) == ["call_ended", "status"]
    assert posts(actions, AMAL)[0] == m.CallEnded(call_id=call, reason="transferred")
    assert kinds(actions, OMAR) == ["offer", "status"]
    # The kiosk hears it is passed on, and that it is first in line, once.
    assert kinds(actions, KIOSK) == ["call_ended", "queued"]
    assert posts(actions, KIOSK)[0] == m.CallEnded(call_id=call, reason="transferred")


def test_transfer_to_a_colleague_who_is_away_changes_nothing(tmp_path: Path) -> None:
    ex = make_exchange(tmp_path)
    call = in_call(ex)
    with pytest.raises(IllegalTransition):
        ex.adviser_message(ex.advisers["amal"], m.Transfer(call_id=call, adviser="omar"), 6.0)
    assert ex.router.caller_state(r.CallerId(call)) is r.CallerState.IN_CALL


# --- media silence (docs/protocol.md §Faults) -----------------------------------------------------


def test_silent_adviser_both_told_then_the_caller_requeued(tmp_path: Path) -> None:
    ex = make_exchange(tmp_path, media_grace_s=0.5)
    call = in_call(ex)
    actions = ex.kiosk_message(ex.kiosks["k1"], m.MediaState(call_id=call, state="stalled"), 5)
    assert kinds(actions, KIOSK) == ["reconnecting"] and kinds(actions, AMAL) == ["reconnecting"]
    actions = ex.tick(5.5)
    assert posts(actions, AMAL)[0] == m.CallEnded(call_id=call, reason="requeued")
    assert posts(actions, KIOSK)[0] == m.CallEnded(call_id=call, reason="requeued")
    assert kinds(actions, KIOSK) == ["call_ended", "queued"]
    with pytest.raises(IllegalTransition):  # a late report on the call that is over
        ex.kiosk_message(ex.kiosks["k1"], m.MediaState(call_id=call, state="restored"), 6)


def test_silent_kiosk_is_peer_left_for_the_adviser(tmp_path: Path) -> None:
    ex = make_exchange(tmp_path, media_grace_s=0.5)
    call = in_call(ex)
    ex.adviser_message(ex.advisers["amal"], m.MediaState(call_id=call, state="stalled"), 5.0)
    actions = ex.tick(5.5)
    assert posts(actions, AMAL)[0] == m.CallEnded(call_id=call, reason="peer_left")
    assert kinds(actions, KIOSK) == ["call_ended", "queued"]


def test_media_restored_in_time_keeps_the_call(tmp_path: Path) -> None:
    ex = make_exchange(tmp_path, media_grace_s=0.5)
    call = in_call(ex)
    amal = ex.advisers["amal"]
    ex.adviser_message(amal, m.MediaState(call_id=call, state="stalled"), 5.0)
    actions = ex.adviser_message(amal, m.MediaState(call_id=call, state="restored"), 5.2)
    assert posts(actions) == [m.Reconnected(call_id=call)] * 2
    assert posts(ex.tick(6.0)) == []


def test_media_reports_on_a_call_one_is_not_in_are_refused(tmp_path: Path) -> None:
    ex = make_exchange(tmp_path)
    call = in_call(ex)
    with pytest.raises(OutOfRole):
        ex.adviser_message(ex.advisers["omar"], m.MediaState(call_id=call, state="stalled"), 5)


# --- connections ----------------------------------------------------------------------------------


def test_a_newer_kiosk_connection_replaces_the_older(tmp_path: Path) -> None:
    ex = make_exchange(tmp_path)
    connect_kiosk(ex, 1.0)
    ex.kiosk_message(ex.kiosks["k1"], m.Join(language="ar"), 2.0)
    old = ex.kiosks["k1"]
    actions = ex.kiosk_connected(ConnId(7), kiosk_record(), hello("t1"), 3.0)
    assert x.Close(KIOSK, CLOSE_REPLACED, "replaced by a newer connection") in actions
    assert kinds(actions, ConnId(7)) == ["welcome", "queued"]
    assert ex.kiosk_disconnected(old, 4.0) == []  # the old one's goodbye changes nothing


def test_adviser_welcome_is_not_followed_by_a_status_saying_the_same(tmp_path: Path) -> None:
    ex = make_exchange(tmp_path)
    actions = ex.adviser_connected(AMAL, AMAL_REC, 1.0)
    assert [type(a.message).__name__ for a in actions if isinstance(a, x.Post)] == [
        "AdviserWelcome",
        "QueueOverview",
    ]


def test_queue_overview_goes_to_advisers_only_when_it_changes(tmp_path: Path) -> None:
    ex = make_exchange(tmp_path)
    connect_adviser(ex, AMAL, AMAL_REC, 1.0, available=False)
    connect_kiosk(ex, 2.0)
    actions = ex.kiosk_message(ex.kiosks["k1"], m.Join(language="ar"), 3.0)
    assert [a.conn for a in actions if isinstance(a, x.Post | x.Close)] == [KIOSK, AMAL]
    assert isinstance(actions[-1], x.Post) and isinstance(actions[-1].message, m.QueueOverview)
    actions = ex.kiosk_message(ex.kiosks["k1"], m.Ping(seq=1), 4.0)  # only the wait grew
    assert [a for a in actions if isinstance(a, x.Post)] == [x.Post(KIOSK, m.Pong(seq=1))]


def test_silent_adviser_is_closed(tmp_path: Path) -> None:
    ex = make_exchange(tmp_path, heartbeat_timeout_s=5.0)
    connect_adviser(ex, AMAL, AMAL_REC, 1.0)
    actions = ex.tick(6.0)
    assert x.Close(AMAL, CLOSE_SILENT, "no heartbeat") in actions


def test_refused_note_keeps_the_outcome_and_may_be_sent_again(tmp_path: Path) -> None:
    ex = make_exchange(tmp_path)
    call = in_call(ex)
    amal = ex.advisers["amal"]
    ex.adviser_message(amal, m.Hangup(call_id=call), 5.0)
    note = "Resident Fatima Ali, Storgatan 12, son has diabetes"
    actions = ex.adviser_message(amal, m.WrapUp(call_id=call, outcome="resolved", note=note), 6)
    assert store(actions) == [x.SetWrapUp(call, "resolved", "")]
    assert posts(actions, AMAL) == [
        m.NoteRefused(call_id=call, reasons=[P.ADDRESS, P.NAME, P.HEALTH])
    ]
    note = "helped with the housing allowance form"
    actions = ex.adviser_message(amal, m.WrapUp(call_id=call, outcome="referred", note=note), 7)
    assert store(actions) == [x.SetWrapUp(call, "referred", note)]
    assert posts(actions, AMAL) == [m.WrapUpSaved(call_id=call)]
    with pytest.raises(OutOfRole):  # a saved wrap-up is final
        ex.adviser_message(amal, m.WrapUp(call_id=call, outcome="resolved"), 8)


def test_health_terms_come_from_the_settings(tmp_path: Path) -> None:
    settings = make_settings(tmp_path, privacy={"health_terms": ["astma"]})
    ex = x.Exchange(settings, new_ids=Counter())
    call = in_call(ex)
    amal = ex.advisers["amal"]
    ex.adviser_message(amal, m.Hangup(call_id=call), 5.0)
    actions = ex.adviser_message(amal, m.WrapUp(call_id=call, outcome="resolved", note="astma"), 6)
    assert posts(actions, AMAL) == [m.NoteRefused(call_id=call, reasons=[P.HEALTH])]
    actions = ex.adviser_message(
        amal, m.WrapUp(call_id=call, outcome="resolved", note="diabetes"), 7
    )
    assert posts(actions, AMAL) == [m.WrapUpSaved(call_id=call)]


# --- resume and rejoin ----------------------------------------------------------------------------


def test_resume_keeps_the_place(tmp_path: Path) -> None:
    ex = make_exchange(tmp_path)
    connect_kiosk(ex, 1.0)
    ex.kiosk_message(ex.kiosks["k1"], m.Join(language="ar"), 2.0)
    ex.kiosk_disconnected(ex.kiosks["k1"], 3.0)
    actions = ex.kiosk_connected(ConnId(5), kiosk_record(), hello("t1"), 4.0)
    welcome, queued = posts(actions, ConnId(5))
    assert isinstance(welcome, m.KioskWelcome) and welcome.resumed
    assert isinstance(queued, m.Queued) and queued.position == 1
    assert store(actions) == [x.TouchKiosk("k1", 4.0, "unknown")]


def test_rejoin_without_the_token_takes_over_the_held_place(tmp_path: Path) -> None:
    ex = make_exchange(tmp_path)
    connect_kiosk(ex, 1.0)
    ex.kiosk_message(ex.kiosks["k1"], m.Join(language="ar"), 2.0)
    connect_kiosk(ex, 3.0, ConnId(8), "k2")
    ex.kiosk_message(ex.kiosks["k2"], m.Join(language="ar"), 3.0)
    ex.kiosk_disconnected(ex.kiosks["k1"], 4.0)
    connect_kiosk(ex, 5.0, ConnId(5))  # no resume token: a fresh start on the kiosk
    actions = ex.kiosk_message(ex.kiosks["k1"], m.Join(language="ar"), 6.0)
    (queued,) = posts(actions, ConnId(5))
    assert isinstance(queued, m.Queued) and (queued.position, queued.resume_token) == (1, "t3")
    # The kiosk behind is told its place once: second, as before.
    assert [(q.position) for q in posts(actions, ConnId(8)) if isinstance(q, m.Queued)] == [2]
    assert store(actions) == [
        x.OpenCall("c3", "k1", "Rinkeby library", "ar", None, 6.0),
        x.CloseCall("c1", 6.0, "rejoined"),
        x.DeleteWaiting("c1"),
        x.SaveWaiting("c3", "k1", "ar", None, (), 0, 2.0, hash_resume_token("t3")),
    ]
    assert ex.persisted_queue() == ["c2", "c3"]
    stats = {s.language: s for s in ex.queue_stats(6.0)}
    assert stats["ar"].waiting == 2  # not three
    assert [w.caller for w in ex.router.waiting_callers()] == ["c3", "c2"]


def test_restore_after_a_restart_then_resume(tmp_path: Path) -> None:
    ex = make_exchange(tmp_path)
    rec = WaitingRecord("c9", "k1", "ar", None, (), 0, 1.0, hash_resume_token("tok"))
    actions = ex.restore([(rec, "Rinkeby library")], 50.0)
    assert store(actions) == []  # already persisted
    assert ex.persisted_queue() == ["c9"]
    actions = ex.kiosk_connected(KIOSK, kiosk_record(), hello("tok"), 51.0)
    assert kinds(actions, KIOSK) == ["welcome", "queued"]


def test_commands_reach_connected_kiosks_only(tmp_path: Path) -> None:
    ex = make_exchange(tmp_path)
    command = m.Command(command_id="x1", action="restart")
    assert ex.send_command("k1", command) is None
    connect_kiosk(ex, 1.0)
    assert ex.send_command("k1", command) == [x.Post(KIOSK, command)]


def test_quality_reports_only_for_ones_own_or_last_call(tmp_path: Path) -> None:
    ex = make_exchange(tmp_path)
    call = in_call(ex)
    sample = m.Quality(rtt_ms=20.0)
    amal, omar = ex.advisers["amal"], ex.advisers["omar"]
    with pytest.raises(OutOfRole):  # a call id that is not theirs never reaches the store
        ex.adviser_message(omar, m.QualityReport(call_id=call, quality=sample), 5.0)
    with pytest.raises(OutOfRole):
        ex.adviser_message(amal, m.QualityReport(call_id="not-a-call", quality=sample), 5.0)
    ex.adviser_message(amal, m.Hangup(call_id=call), 6.0)
    actions = ex.adviser_message(amal, m.QualityReport(call_id=call, quality=sample), 6.5)
    assert store(actions) == [x.AddQuality(call, "adviser", sample, 6.5)]


def test_a_refused_message_still_brings_a_silent_kiosk_back(tmp_path: Path) -> None:
    ex = make_exchange(tmp_path, media_grace_s=0.5)
    call = in_call(ex)
    ex.adviser_message(ex.advisers["omar"], m.SetStatus(status="available"), 4.5)
    ex.adviser_message(ex.advisers["amal"], m.MediaState(call_id=call, state="stalled"), 5.0)
    assert kinds(ex.tick(5.5), OMAR) == []  # not offered while silent
    with pytest.raises(OutOfRole):
        ex.kiosk_message(ex.kiosks["k1"], m.Rating(call_id="not-mine", score=3), 6.0)
    assert kinds(ex.after_refusal(6.0), OMAR) == ["offer", "status"]


def test_rejoin_after_vanishing_while_ringing_is_offered_again_with_its_wait(
    tmp_path: Path,
) -> None:
    ex = make_exchange(tmp_path)
    connect_adviser(ex, AMAL, AMAL_REC, 1.0)
    connect_kiosk(ex, 2.0)
    ex.kiosk_message(ex.kiosks["k1"], m.Join(language="ar"), 3.0)
    gone = ex.kiosk_disconnected(ex.kiosks["k1"], 4.0)
    assert posts(gone, AMAL)[0] == m.OfferRevoked(call_id="c1", reason="caller_left")
    connect_kiosk(ex, 5.0, ConnId(5))
    actions = ex.kiosk_message(ex.kiosks["k1"], m.Join(language="ar"), 6.0)
    offer = posts(actions, AMAL)[0]
    assert isinstance(offer, m.Offer) and (offer.call_id, offer.waited_s) == ("c2", 3.0)
    assert kinds(actions, ConnId(5)) == ["queued"]
    assert x.CloseCall("c1", 6.0, "rejoined") in actions


# --- ICE and failed negotiation (issue 11) --------------------------------------------------------


def test_end_of_candidates_as_null_is_relayed_as_the_empty_candidate(tmp_path: Path) -> None:
    ex = make_exchange(tmp_path)
    call = in_call(ex)
    chromium_end = m.parse_from_kiosk(f'{{"type": "ice", "call_id": "{call}", "candidate": null}}')
    w3c_end = m.parse_from_adviser(
        f'{{"type": "ice", "call_id": "{call}", "candidate": "", "sdp_mid": "0"}}'
    )
    relayed = posts(ex.kiosk_message(ex.kiosks["k1"], chromium_end, 5.0), AMAL)
    assert relayed == [m.IceCandidate(call_id=call, candidate="")]
    assert m.serialize(relayed[0]).count('"candidate":""') == 1
    relayed = posts(ex.adviser_message(ex.advisers["amal"], w3c_end, 5.0), KIOSK)
    assert relayed == [m.IceCandidate(call_id=call, candidate="", sdp_mid="0")]


def failure(call_id: str, reason: str = "OperationError: no codec") -> m.NegotiationFailed:
    return m.NegotiationFailed(call_id=call_id, reason=reason)


def test_a_failed_negotiation_ends_the_call_and_puts_the_kiosk_back_at_its_place(
    tmp_path: Path,
) -> None:
    ex = make_exchange(tmp_path)
    call = in_call(ex)
    connect_kiosk(ex, 4.5, ConnId(9), "k2")  # joins after k1: must stay behind it
    ex.kiosk_message(ex.kiosks["k2"], m.Join(language="ar"), 4.5)  # caller c2
    actions = ex.adviser_message(ex.advisers["amal"], failure(call), 5.0)

    detail = "OperationError: no codec"
    assert posts(actions, AMAL)[:2] == [
        m.CallEnded(call_id=call, reason="negotiation_failed", detail=detail),
        m.AdviserStatus(status="available", reason="negotiation_failed"),
    ]
    to_kiosk = posts(actions, KIOSK)
    assert to_kiosk[0] == m.CallEnded(call_id=call, reason="requeued", detail=detail)
    assert isinstance(to_kiosk[1], m.Queued) and to_kiosk[1].resume_token == "t3"
    # The record of the call that failed says so; the kiosk's new visit is c3, first in line
    # (its original join time), offered to amal ahead of k2.
    assert x.CloseCall(call, 5.0, "failed") in actions
    assert x.Audit("adviser:amal", "negotiation_failed", call, 5.0, detail) in actions
    assert x.OpenCall("c3", "k1", "Rinkeby library", "ar", None, 5.0) in actions
    offer = posts(actions, AMAL)[2]
    assert isinstance(offer, m.Offer) and offer.call_id == "c3"
    assert ex.kiosks["k1"].caller == "c3"
    with pytest.raises(OutOfRole):  # the kiosk's word on the old call comes too late
        ex.kiosk_message(ex.kiosks["k1"], failure(call), 5.1)


def test_a_second_failed_negotiation_ends_with_a_clear_word_not_a_loop(tmp_path: Path) -> None:
    ex = make_exchange(tmp_path)
    call = in_call(ex)
    ex.kiosk_message(ex.kiosks["k1"], failure(call, "not connected within 20 s"), 5.0)
    actions = ex.adviser_message(ex.advisers["amal"], m.Accept(call_id="c2"), 6.0)
    assert kinds(actions, KIOSK) == ["call_started"]
    actions = ex.kiosk_message(ex.kiosks["k1"], failure("c2", "not connected within 20 s"), 7.0)
    ended = m.CallEnded(
        call_id="c2", reason="negotiation_failed", detail="not connected within 20 s"
    )
    assert posts(actions, KIOSK) == [ended]
    assert posts(actions, AMAL)[:2] == [
        ended,
        m.AdviserStatus(status="available", reason="negotiation_failed"),
    ]
    assert x.CloseCall("c2", 7.0, "failed") in actions
    assert ex.kiosks["k1"].caller is None and ex.persisted_queue() == []
    # Out of line, the kiosk may join again like anyone.
    actions = ex.kiosk_message(ex.kiosks["k1"], m.Join(language="ar"), 8.0)
    assert kinds(actions, KIOSK) == ["queued"]


def test_negotiation_failed_only_within_ones_active_call(tmp_path: Path) -> None:
    ex = make_exchange(tmp_path, adviser_grace_s=5.0)
    call = in_call(ex)
    with pytest.raises(OutOfRole):  # omar is not in this call
        ex.adviser_message(ex.advisers["omar"], failure(call), 5.0)
    ex.adviser_disconnected(ex.advisers["amal"], 6.0)
    with pytest.raises(OutOfRole):  # held: no signaling flows, nor does its failure
        ex.kiosk_message(ex.kiosks["k1"], failure(call), 7.0)


def test_a_note_stays_out_of_logged_store_commands() -> None:
    # The switchboard logs a failed store command with its repr.
    command = x.SetWrapUp("c1", "resolved", "explained the decision letter")
    assert "explained" not in repr(command) and "resolved" in repr(command)
