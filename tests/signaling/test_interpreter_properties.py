"""Interpretations never outlive their call, whatever happens in any order (property-based).

Random sequences of what kiosks, advisers and interpreters may do (and much they may not) drive
the pure exchange (docs/protocol.md §Interpreter). After every input:

* every interpretation belongs to an active call (in a call or held), one per call;
* the interpreters' router holds exactly the open invitations, and an invitation is joined
  exactly when its interpreter is in a call there;
* every invitation that was made is either open or recorded, once;
* no message names a ``peer`` to the party it came from.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from signaling import exchange as x
from signaling import messages as m
from signaling import routing as r
from signaling.errors import IllegalTransition, OutOfRole
from signaling.links import ConnId
from tests.signaling.test_exchange import adviser_record, hello, kiosk_record, make_exchange

KIOSKS = ("k1", "k2")
ADVISERS = {"amal": ConnId(1), "omar": ConnId(2)}
INTERPRETERS = {"semhar": ConnId(3), "yonas": ConnId(4)}
RECORDS = {
    "amal": adviser_record("amal", "Amal Hassan", ar="native"),
    "omar": adviser_record("omar", "Omar Said", ar="fluent"),
    "semhar": adviser_record("semhar", "Semhar T.", ti="native"),
    "yonas": adviser_record("yonas", "Yonas K.", ti="fluent", so="native"),
}
KIOSK_CONNS = {"k1": ConnId(11), "k2": ConnId(12)}
SDP = "v=0\r\n"

Op = tuple[str, str, Any]
staff = st.sampled_from([*ADVISERS, *INTERPRETERS])
likely: st.SearchStrategy[Op] = st.one_of(  # what moves an interpretation along, drawn more often
    st.tuples(st.just("invite"), st.sampled_from([*ADVISERS]), st.sampled_from(["ti", "so"])),
    st.tuples(st.just("accept"), st.sampled_from([*INTERPRETERS]), st.none()),
    st.tuples(st.just("join"), st.sampled_from(KIOSKS), st.none()),
    st.tuples(st.just("accept"), st.sampled_from([*ADVISERS]), st.none()),
)
ops: st.SearchStrategy[Op] = st.one_of(
    *[likely] * 15,
    st.tuples(st.just("join"), st.sampled_from(KIOSKS), st.none()),
    st.tuples(st.just("kiosk_gone"), st.sampled_from(KIOSKS), st.none()),
    st.tuples(st.just("kiosk_back"), st.sampled_from(KIOSKS), st.none()),
    st.tuples(st.just("kiosk_hangup"), st.sampled_from(KIOSKS), st.none()),
    st.tuples(st.just("kiosk_leg_failed"), st.sampled_from(KIOSKS), st.none()),
    st.tuples(st.just("kiosk_main_failed"), st.sampled_from(KIOSKS), st.none()),
    st.tuples(st.just("available"), staff, st.none()),
    st.tuples(st.just("accept"), staff, st.none()),
    st.tuples(st.just("decline"), staff, st.none()),
    st.tuples(st.just("hangup"), staff, st.none()),
    st.tuples(st.just("ready"), staff, st.none()),
    st.tuples(st.just("invite"), staff, st.sampled_from(["ti", "so", "om"])),
    st.tuples(st.just("dismiss"), staff, st.none()),
    st.tuples(st.just("transfer"), staff, st.none()),
    st.tuples(st.just("sdp"), staff, st.sampled_from([None, "kiosk", "adviser", "interpreter"])),
    st.tuples(st.just("gone"), staff, st.none()),
    st.tuples(st.just("back"), staff, st.none()),
    st.tuples(st.just("wait"), st.just(""), st.sampled_from([1.0, 15.0, 40.0, 400.0])),
)


class World:
    def __init__(self, tmp_path: Path) -> None:
        self.ex = make_exchange(
            tmp_path,
            adviser_grace_s=10.0,
            interpreter_invitation_s=300.0,
            ring_timeout_s=20.0,
            heartbeat_timeout_s=10_000.0,  # consoles go silent only by "gone" here
        )
        self.now = 1.0
        self.invited = 0  # invitations the exchange took (inviting or unavailable at once)
        self.recorded: list[x.RecordInterpretation] = []
        self.posts: list[x.Post] = []
        for kiosk_id in KIOSKS:
            self.apply(lambda k=kiosk_id: self.kiosk_back(k))
        for name in [*ADVISERS, *INTERPRETERS]:
            self.apply(lambda n=name: self.staff_back(n))
            self.step(("available", name, None))
        # Both kiosks in line; the first call rings at amal, who takes it.
        for kiosk_id in KIOSKS:
            self.step(("join", kiosk_id, None))
        for name in ADVISERS:
            self.step(("accept", name, None))

    # --- inputs -----------------------------------------------------------------------------------

    def kiosk_back(self, kiosk_id: str) -> list[x.Action]:
        if kiosk_id in self.ex.kiosks:
            return []
        conn = KIOSK_CONNS[kiosk_id]
        return self.ex.kiosk_connected(conn, kiosk_record(kiosk_id), hello(), self.now)

    def staff_back(self, name: str) -> list[x.Action]:
        if name in self.ex.advisers:
            return []
        conn = ADVISERS.get(name) or INTERPRETERS[name]
        roles = ("interpreter",) if name in INTERPRETERS else ()
        return self.ex.adviser_connected(conn, RECORDS[name], self.now, roles=roles)

    def call_of(self, name: str) -> str:
        """The call this person is in (or was offered), or a made-up id."""
        if name in INTERPRETERS:
            for call_id, invitation in self.ex.interpreters.invitations.items():
                if invitation.interpreter == name:
                    return call_id
            for call_id in self.ex.interpreters.invitations:
                if self.ex.interpreters.router.caller_of(r.AdviserId(name)) == call_id:
                    return call_id
            return "0" * 16
        return self.ex.router.caller_of(r.AdviserId(name)) or "0" * 16

    def kiosk_input(self, kind: str, kiosk_id: str) -> list[x.Action]:
        link = self.ex.kiosks.get(kiosk_id)
        if kind == "kiosk_back":
            return self.kiosk_back(kiosk_id)
        if link is None:
            return []
        call_id = link.caller or "0" * 16
        match kind:
            case "join":
                return self.ex.kiosk_message(link, m.Join(language="ar"), self.now)
            case "kiosk_gone":
                return self.ex.kiosk_disconnected(link, self.now)
            case "kiosk_hangup":
                return self.ex.kiosk_message(link, m.Hangup(call_id=call_id), self.now)
            case "kiosk_leg_failed":
                failed = m.NegotiationFailed(call_id=call_id, reason="x", peer="interpreter")
                return self.ex.kiosk_message(link, failed, self.now)
            case _:
                failed = m.NegotiationFailed(call_id=call_id, reason="x")
                return self.ex.kiosk_message(link, failed, self.now)

    def staff_input(self, kind: str, name: str, arg: Any) -> list[x.Action]:
        if kind == "back":
            return self.staff_back(name)
        link = self.ex.advisers.get(name)
        if link is None:
            return []
        call_id = self.call_of(name)
        message: m.AdviserMessage
        match kind:
            case "gone":
                return self.ex.adviser_disconnected(link, self.now)
            case "invite":
                invite = m.InviteInterpreter(call_id=call_id, language=arg)
                interpreted = frozenset({"ti", "so"})
                actions = self.ex.invite_interpreter(
                    link, invite, interpreted=interpreted, now=self.now
                )
                self.invited += 1
                return actions
            case "available":
                message = m.SetStatus(status="available")
            case "accept":
                message = m.Accept(call_id=call_id)
            case "decline":
                message = m.Decline(call_id=call_id)
            case "hangup":
                message = m.Hangup(call_id=call_id)
            case "ready":
                message = m.Ready()
            case "dismiss":
                message = m.DismissInterpreter(call_id=call_id)
            case "transfer":
                message = m.Transfer(call_id=call_id, language="ar")
            case _:
                message = m.SessionDescription(call_id=call_id, sdp_type="offer", sdp=SDP, peer=arg)
        return self.ex.adviser_message(link, message, self.now)

    def step(self, op: Op) -> None:
        kind, who, arg = op
        if kind == "wait":
            self.now += arg
            self.apply(lambda: self.ex.tick(self.now))
        elif who in KIOSKS:
            self.apply(lambda: self.kiosk_input(kind, who))
        else:
            self.apply(lambda: self.staff_input(kind, who, arg))

    def apply(self, run: Any) -> None:
        try:
            actions = run()
        except (OutOfRole, IllegalTransition):
            actions = self.ex.after_refusal(self.now)
        self.recorded += [a for a in actions if isinstance(a, x.RecordInterpretation)]
        self.posts += [a for a in actions if isinstance(a, x.Post)]

    # --- invariants -----------------------------------------------------------------------------

    def check(self) -> None:
        desk = self.ex.interpreters
        for call_id, invitation in desk.invitations.items():
            assert self.ex.router.caller_state(call_id) in (
                r.CallerState.IN_CALL,
                r.CallerState.HELD,
            ), call_id
            state = desk.router.caller_state(call_id)
            joined = state in (r.CallerState.IN_CALL, r.CallerState.HELD)
            assert state is not None and joined == (invitation.interpreter is not None)
        # Every invitation the exchange took (inviting, or unavailable at once) is open or
        # recorded as ended, exactly once; a refused one is neither.
        assert len(self.recorded) + len(desk.invitations) == self.invited
        for post in self.posts:
            peer = getattr(post.message, "peer", None)
            if peer is None:
                continue
            receiver = next(
                (
                    n
                    for n, c in {**ADVISERS, **INTERPRETERS, **KIOSK_CONNS}.items()
                    if c == post.conn
                ),
                None,
            )
            sender_is_receiver = (
                (peer == "interpreter" and receiver in INTERPRETERS)
                or (peer == "kiosk" and receiver in KIOSK_CONNS)
                or (peer == "adviser" and receiver in ADVISERS)
            )
            assert not sender_is_receiver, post


@settings(
    max_examples=150,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(st.lists(ops, min_size=20, max_size=80))
def test_interpretations_never_outlive_their_call(tmp_path: Path, sequence: list[Op]) -> None:
    world = World(tmp_path)
    world.check()
    for op in sequence:
        world.step(op)
        world.check()
    # Every invitation ends once the calls do: all kiosks gone, past every grace.
    for kiosk_id in KIOSKS:
        world.step(("kiosk_gone", kiosk_id, None))
    world.step(("wait", "", 400.0))
    world.check()
    assert world.ex.interpreters.invitations == {}
    for rec in world.recorded:  # what the runs reached (--hypothesis-show-statistics)
        event(f"interpretation ended: {'joined' if rec.joined_at else 'not joined'}, {rec.outcome}")
    assert len(world.recorded) == world.invited  # each recorded once
