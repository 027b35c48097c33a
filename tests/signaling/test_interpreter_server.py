"""Interpreters end to end over a real server on 127.0.0.1 (docs/protocol.md §Interpreter).

Every client reads strictly (tests/signaling/wire.py): an extra or missing message fails the
test. The call records are read back from the server's SQLite file.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from signaling import messages as m
from signaling.embedded import EmbeddedServer
from signaling.errors import ErrorCode
from signaling.store_interpreting import InterpretationRecord
from tests.signaling.wire import WireClient, adviser, eventually, kiosk

PASSWORD = "correct horse battery"
FAKE_SDP = "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n"
Factory = Callable[..., EmbeddedServer]


def accounts(server: EmbeddedServer) -> None:
    server.add_adviser("amal", PASSWORD, {"ar": "native"}, display_name="Amal Hassan")
    server.add_adviser("omar", PASSWORD, {"ar": "fluent"}, display_name="Omar Said")
    server.add_interpreter("semhar", PASSWORD, {"ti": "native"}, display_name="Semhar T.")
    server.add_interpreter("yonas", PASSWORD, {"ti": "fluent"}, display_name="Yonas K.")
    server.add_interpreter("farah", PASSWORD, {"so": "native"}, display_name="Farah A.")


async def in_call(server: EmbeddedServer) -> tuple[WireClient, WireClient, str]:
    """A kiosk in an Arabic call with amal: (kiosk, amal, call id)."""
    k = await kiosk(server, server.add_kiosk("K1", "Rinkeby library"))
    a = await adviser(server, "amal")
    await k.send(m.Join(language="ar", topic="letter"))
    await k.expect(m.Queued, position=1)
    offer = await a.expect(m.Offer)
    await a.expect(m.AdviserStatus, status="offered")
    await a.send(m.Accept(call_id=offer.call_id))
    await k.expect(m.CallStarted, call_id=offer.call_id)
    await a.expect(m.CallStarted, call_id=offer.call_id)
    await a.expect(m.AdviserStatus, status="in_call")
    return k, a, offer.call_id


async def interpreter(server: EmbeddedServer, username: str, available: bool = True) -> WireClient:
    client = await adviser(server, username, available=available)
    welcome = client.seen[0]
    assert isinstance(welcome, m.AdviserWelcome) and welcome.roles == ["interpreter"]
    return client


async def invite(a: WireClient, k: WireClient, call_id: str, language: str = "ti") -> None:
    await a.send(m.InviteInterpreter(call_id=call_id, language=language))
    await a.expect(m.Interpreter, state="inviting", language=language)
    await k.expect(m.Interpreter, state="inviting", language=language)


async def accept(i: WireClient, call_id: str) -> m.CallStarted:
    offer = await i.expect(m.Offer, call_id=call_id)
    assert offer.kind == "interpreting"
    await i.expect(m.AdviserStatus, status="offered")
    await i.send(m.Accept(call_id=call_id))
    started = await i.expect(m.CallStarted, call_id=call_id, interpreting=True)
    await i.expect(m.AdviserStatus, status="in_call")
    assert offer.language == started.language
    return started


async def joined(server: EmbeddedServer, k: WireClient, a: WireClient, call_id: str) -> WireClient:
    """Semhar invited and joined; kiosk and adviser told."""
    semhar = await interpreter(server, "semhar")
    await invite(a, k, call_id)
    await accept(semhar, call_id)
    for party in (a, k):
        await party.expect(m.Interpreter, state="joined", name="Semhar T.")
    return semhar


def sdp(call_id: str, peer: m.PartyRole | None, sdp_type: str = "offer") -> m.SessionDescription:
    return m.SessionDescription.model_validate(
        {"call_id": call_id, "sdp_type": sdp_type, "sdp": FAKE_SDP, "peer": peer}
    )


async def records(server: EmbeddedServer, call_id: str, count: int) -> list[InterpretationRecord]:
    """The call's interpretation records, once ``count`` are written (the writer is ordered
    but asynchronous)."""

    def read() -> list[InterpretationRecord]:
        found = server.with_store(lambda s: s.interpreting.of_calls([call_id]))
        rows = found.get(call_id, [])
        return rows if len(rows) == count else []

    return await eventually(read)


async def main_call_goes_on(k: WireClient, a: WireClient, call_id: str) -> None:
    await k.send(sdp(call_id, None))
    got = await a.expect(m.SessionDescription)
    assert (got.sdp_type, got.peer) == ("offer", None)
    await a.send(sdp(call_id, None, "answer"))
    assert (await k.expect(m.SessionDescription)).peer is None


# --- the whole interpretation --------------------------------------------------------------------


async def test_an_interpreter_joins_relays_by_peer_and_leaves_while_the_call_goes_on(
    running_server: EmbeddedServer,
) -> None:
    server = running_server
    accounts(server)
    k, a, call_id = await in_call(server)
    semhar = await interpreter(server, "semhar")
    await invite(a, k, call_id)
    offer = await semhar.expect(m.Offer, call_id=call_id)
    assert (offer.kind, offer.language, offer.site, offer.topic) == (
        "interpreting",
        "ti",
        "Rinkeby library",
        None,
    )
    await semhar.expect(m.AdviserStatus, status="offered")
    await semhar.send(m.Accept(call_id=call_id))
    started = await semhar.expect(m.CallStarted, call_id=call_id)
    assert (started.role, started.peer_name, started.interpreting) == (
        "offerer",
        "Amal Hassan",
        True,
    )
    await semhar.expect(m.AdviserStatus, status="in_call")
    for party in (a, k):
        told = await party.expect(m.Interpreter, state="joined")
        assert (told.name, told.language, told.reason) == ("Semhar T.", "ti", None)

    # The interpreter offers to each party; each answers naming the interpreter.
    for party, name in ((k, "kiosk"), (a, "adviser")):
        await semhar.send(sdp(call_id, name))  # type: ignore[arg-type]
        got = await party.expect(m.SessionDescription)
        assert (got.sdp_type, got.peer, got.sdp) == ("offer", "interpreter", FAKE_SDP)
        await party.send(sdp(call_id, "interpreter", "answer"))
        got = await semhar.expect(m.SessionDescription)
        assert (got.sdp_type, got.peer) == ("answer", name)
    candidate = m.IceCandidate(
        call_id=call_id,
        candidate="candidate:1 1 udp 2130706431 127.0.0.1 50000 typ host",
        sdp_mid="0",
        peer="interpreter",
    )
    await k.send(candidate)
    assert (await semhar.expect(m.IceCandidate)).peer == "kiosk"
    await semhar.send(candidate.model_copy(update={"peer": "adviser"}))
    assert (await a.expect(m.IceCandidate)).peer == "interpreter"
    await main_call_goes_on(k, a, call_id)

    await semhar.send(m.Hangup(call_id=call_id))
    assert (await semhar.expect(m.CallEnded, call_id=call_id)).reason == "hangup"
    await semhar.expect(m.AdviserStatus, status="wrap_up")
    for party in (a, k):
        await party.expect(m.Interpreter, state="left", reason="hangup")
    await main_call_goes_on(k, a, call_id)
    await semhar.send(m.Ready())
    await semhar.expect(m.AdviserStatus, status="available", reason="ready")

    (row,) = await records(server, call_id, 1)
    assert (row.language, row.outcome) == ("ti", "hangup")
    assert row.joined_at is not None and row.asked_at <= row.joined_at <= row.left_at
    for client in (k, a, semhar):
        await client.expect_quiet()


async def test_a_decline_and_a_ring_timeout_offer_the_invitation_again(
    server_factory: Factory,
) -> None:
    server = server_factory(routing={"ring_timeout_s": 1.0})
    accounts(server)
    k, a, call_id = await in_call(server)
    semhar = await interpreter(server, "semhar")
    yonas = await interpreter(server, "yonas")
    await invite(a, k, call_id)
    assert (await semhar.expect(m.Offer, call_id=call_id)).kind == "interpreting"  # free longest
    await semhar.expect(m.AdviserStatus, status="offered")
    await semhar.send(m.Decline(call_id=call_id))
    await semhar.expect(m.OfferRevoked, reason="declined")
    await semhar.expect(m.AdviserStatus, status="available")
    assert (await yonas.expect(m.Offer, call_id=call_id)).kind == "interpreting"
    await yonas.expect(m.AdviserStatus, status="offered")
    # Yonas lets it ring out: offered to Semhar again (the only other), and accepted.
    await yonas.expect(m.OfferRevoked, reason="timeout")
    await yonas.expect(m.AdviserStatus, status="available")
    await accept(semhar, call_id)
    for party in (a, k):
        await party.expect(m.Interpreter, state="joined", name="Semhar T.")
        await party.expect_quiet()  # no position updates for an invitation


# --- unavailable --------------------------------------------------------------------------------


async def test_unavailable_nobody_interprets_none_signed_in_and_timeout(
    server_factory: Factory,
) -> None:
    server = server_factory(routing={"interpreter_invitation_s": 1.0})
    accounts(server)
    k, a, call_id = await in_call(server)
    await a.send(m.InviteInterpreter(call_id=call_id, language="am"))
    await a.expect(m.Interpreter, state="unavailable", language="am", reason="nobody_interprets")
    await a.send(m.InviteInterpreter(call_id=call_id, language="so"))  # Farah is not signed in
    await a.expect(m.Interpreter, state="unavailable", language="so", reason="none_signed_in")
    await k.expect_quiet()  # the kiosk is never told unavailable

    semhar = await interpreter(server, "semhar", available=False)  # signed in, away
    await invite(a, k, call_id)
    await a.expect(m.Interpreter, state="unavailable", reason="timeout", timeout=10.0)
    await k.expect(m.Interpreter, state="left", reason="timeout")
    await semhar.expect_quiet()
    rows = await records(server, call_id, 3)
    assert [(r.language, r.outcome, r.joined_at) for r in rows] == [
        ("am", "nobody_interprets", None),
        ("so", "none_signed_in", None),
        ("ti", "timeout", None),
    ]
    await main_call_goes_on(k, a, call_id)


# --- dismissal, faults, the call's end ------------------------------------------------------------


async def test_dismiss_while_inviting_and_while_joined(running_server: EmbeddedServer) -> None:
    server = running_server
    accounts(server)
    k, a, call_id = await in_call(server)
    semhar = await interpreter(server, "semhar")
    await invite(a, k, call_id)
    await semhar.expect(m.Offer, call_id=call_id)
    await semhar.expect(m.AdviserStatus, status="offered")
    await a.send(m.DismissInterpreter(call_id=call_id))
    for party in (a, k):
        await party.expect(m.Interpreter, state="left", reason="dismissed")
    await semhar.expect(m.OfferRevoked, reason="caller_left")
    await semhar.expect(m.AdviserStatus, status="available")

    await invite(a, k, call_id)
    await accept(semhar, call_id)
    for party in (a, k):
        await party.expect(m.Interpreter, state="joined")
    await a.send(m.DismissInterpreter(call_id=call_id))
    for party in (a, k):
        await party.expect(m.Interpreter, state="left", reason="dismissed")
    assert (await semhar.expect(m.CallEnded)).reason == "hangup"
    await semhar.expect(m.AdviserStatus, status="wrap_up")
    rows = await records(server, call_id, 2)
    assert [(r.outcome, r.joined_at is None) for r in rows] == [
        ("dismissed", True),
        ("dismissed", False),
    ]
    await main_call_goes_on(k, a, call_id)


async def test_an_interpreter_who_vanishes_leaves_at_once(running_server: EmbeddedServer) -> None:
    server = running_server
    accounts(server)
    k, a, call_id = await in_call(server)
    semhar = await joined(server, k, a, call_id)
    await semhar.close()
    for party in (a, k):
        await party.expect(m.Interpreter, state="left", reason="disconnected")
    await main_call_goes_on(k, a, call_id)
    (row,) = await records(server, call_id, 1)
    assert row.outcome == "disconnected"


async def test_a_failed_interpreter_leg_ends_only_that_part(running_server: EmbeddedServer) -> None:
    server = running_server
    accounts(server)
    k, a, call_id = await in_call(server)
    semhar = await joined(server, k, a, call_id)
    await k.send(m.NegotiationFailed(call_id=call_id, reason="no codec", peer="interpreter"))
    for party in (a, k):
        await party.expect(m.Interpreter, state="left", reason="negotiation_failed")
    ended = await semhar.expect(m.CallEnded)
    assert (ended.reason, ended.detail) == ("negotiation_failed", "no codec")
    await semhar.expect(m.AdviserStatus, status="available")  # no wrap-up: no conversation
    await main_call_goes_on(k, a, call_id)


async def test_the_calls_hangup_ends_the_interpretation(running_server: EmbeddedServer) -> None:
    server = running_server
    accounts(server)
    k, a, call_id = await in_call(server)
    semhar = await joined(server, k, a, call_id)
    await k.send(m.Hangup(call_id=call_id))
    await k.expect(m.CallEnded, reason="hangup")
    await a.expect(m.CallEnded, reason="hangup")
    await semhar.expect(m.CallEnded, call_id=call_id, reason="hangup")
    await semhar.expect(m.AdviserStatus, status="wrap_up")
    (row,) = await records(server, call_id, 1)
    assert row.outcome == "call_ended"
    await semhar.send(m.Ready())
    await semhar.expect(m.AdviserStatus, status="available")


# --- bad input ------------------------------------------------------------------------------------


async def expect_refused(client: WireClient, ref_type: str) -> m.Error:
    error = await client.expect(m.Error)
    assert (error.code, error.ref_type) == (ErrorCode.OUT_OF_ROLE, ref_type), error
    assert error.message
    return error


async def test_bad_input_gets_a_clear_error_and_the_call_goes_on(
    running_server: EmbeddedServer,
) -> None:
    server = running_server
    accounts(server)
    k, a, call_id = await in_call(server)
    omar = await adviser(server, "omar")

    await k.send(sdp(call_id, "interpreter"))  # nobody to relay to yet
    assert "no interpreter" in (await expect_refused(k, "sdp")).message
    await omar.send(m.InviteInterpreter(call_id=call_id, language="ti"))  # not omar's call
    await expect_refused(omar, "invite_interpreter")
    await omar.send_raw({"type": "dismiss_interpreter", "call_id": call_id})
    await expect_refused(omar, "dismiss_interpreter")

    semhar = await joined(server, k, a, call_id)
    await a.send(m.InviteInterpreter(call_id=call_id, language="ti"))  # one at a time
    assert "already" in (await expect_refused(a, "invite_interpreter")).message
    await semhar.send(m.Transfer(call_id=call_id, language="ar"))
    await expect_refused(semhar, "transfer")
    await semhar.send(m.TakeNext())
    await expect_refused(semhar, "take_next")
    await semhar.send(sdp(call_id, None))  # an interpreter must name the party
    await expect_refused(semhar, "sdp")

    await main_call_goes_on(k, a, call_id)
    await semhar.send(sdp(call_id, "kiosk"))
    assert (await k.expect(m.SessionDescription)).peer == "interpreter"
    for client in (k, a, omar, semhar):
        await client.expect_quiet()


@pytest.mark.parametrize("field", [{"peer": "resident"}, {"peer": 3}])
async def test_a_malformed_peer_is_a_bad_message(
    running_server: EmbeddedServer, field: dict[str, Any]
) -> None:
    server = running_server
    accounts(server)
    k, a, call_id = await in_call(server)
    await k.send_raw(
        {"type": "sdp", "call_id": call_id, "sdp_type": "offer", "sdp": FAKE_SDP, **field}
    )
    error = await k.expect(m.Error)
    assert error.code == ErrorCode.BAD_MESSAGE
    await main_call_goes_on(k, a, call_id)
