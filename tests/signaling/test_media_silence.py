"""A party whose media stops mid-call (docs/protocol.md §Faults), over a real server on 127.0.0.1.

The clients here speak the protocol by hand (tests/signaling/wire.py): they say ``media_state`` as
the apps do when their call session reports "stalled" / "connected".
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from signaling import messages as m
from signaling.embedded import EmbeddedServer
from signaling.errors import ErrorCode
from tests.signaling.wire import WireClient, adviser, kiosk

PASSWORD = "correct horse battery"
GRACE_S = 0.5


def add_adviser(server: EmbeddedServer, username: str, **languages: str) -> str:
    return server.add_adviser(username, PASSWORD, languages)  # type: ignore[arg-type]


async def in_call(server: EmbeddedServer) -> tuple[WireClient, WireClient, str]:
    """A kiosk in a call with amal; omar signed in but away."""
    add_adviser(server, "amal", ar="native")
    add_adviser(server, "omar", ar="native")
    first = await adviser(server, "amal")
    k = await kiosk(server, server.add_kiosk())
    await k.send(m.Join(language="ar"))
    await k.expect(m.Queued, position=1)
    offer = await first.expect(m.Offer)
    await first.expect(m.AdviserStatus, status="offered")
    await first.send(m.Accept(call_id=offer.call_id))
    await k.expect(m.CallStarted)
    await first.expect(m.CallStarted)
    await first.expect(m.AdviserStatus, status="in_call")
    return k, first, offer.call_id


@pytest.fixture
def server(server_factory: Callable[..., EmbeddedServer]) -> EmbeddedServer:
    return server_factory(routing={"media_grace_s": GRACE_S})


async def test_silent_adviser_both_told_then_caller_back_at_the_head(
    server: EmbeddedServer,
) -> None:
    k, first, call_id = await in_call(server)
    second = await adviser(server, "omar")
    await k.send(m.MediaState(call_id=call_id, state="stalled"))
    for side in (k, first):
        told = await side.expect(m.Reconnecting, timeout=2)
        assert told.call_id == call_id and 0 < told.grace_s <= GRACE_S
    assert (await k.expect(m.CallEnded, timeout=3)).reason == "requeued"
    assert (await k.expect(m.Queued)).position == 1
    assert (await first.expect(m.CallEnded)).reason == "requeued"
    away = await first.expect(m.AdviserStatus, status="away")
    assert away.reason == "media_lost"
    again = await second.expect(m.Offer)
    assert again.call_id == call_id  # same visit, original join time
    # A late report on the call that is over: refused, and the kiosk keeps its place.
    await k.send(m.MediaState(call_id=call_id, state="restored"))
    late = await k.expect(m.Error)
    assert (late.code, late.ref_type) == (ErrorCode.CONFLICT, "media_state")
    await second.send(m.Accept(call_id=call_id))
    assert (await k.expect(m.CallStarted)).peer_name == "Omar"
    for c in (k, first, second):
        await c.close()


async def test_restored_within_the_grace_keeps_the_call(server: EmbeddedServer) -> None:
    k, first, call_id = await in_call(server)
    await first.send(m.MediaState(call_id=call_id, state="stalled"))
    await k.expect(m.Reconnecting)
    await first.expect(m.Reconnecting)
    await first.send(m.MediaState(call_id=call_id, state="restored"))
    await k.expect(m.Reconnected, call_id=call_id)
    await first.expect(m.Reconnected, call_id=call_id)
    with pytest.raises(TimeoutError):
        await k.expect(m.CallEnded, timeout=GRACE_S + 0.5)
    await first.send(m.Hangup(call_id=call_id))
    assert (await k.expect(m.CallEnded)).reason == "hangup"
    for c in (k, first):
        await c.close()


async def test_silent_kiosk_is_handled_like_one_that_left(server: EmbeddedServer) -> None:
    k, first, call_id = await in_call(server)
    second = await adviser(server, "omar")
    await first.send(m.MediaState(call_id=call_id, state="stalled"))
    assert (await first.expect(m.Reconnecting)).call_id == call_id
    assert (await first.expect(m.CallEnded, timeout=3)).reason == "peer_left"
    await first.expect(m.AdviserStatus, status="wrap_up")
    # The kiosk, if it hears at all, is back in line; it is not offered while silent.
    assert (await k.expect(m.Reconnecting)).call_id == call_id
    assert (await k.expect(m.CallEnded)).reason == "requeued"
    assert (await k.expect(m.Queued)).position == 1
    with pytest.raises(TimeoutError):
        await second.expect(m.Offer, timeout=0.5)
    await k.send(m.Ping(seq=1))  # heard from again
    assert (await second.expect(m.Offer)).call_id == call_id
    for c in (k, first, second):
        await c.close()


async def test_reports_on_a_call_one_is_not_in_are_refused(server: EmbeddedServer) -> None:
    k, first, call_id = await in_call(server)
    other_kiosk = await kiosk(server, server.add_kiosk("K2", "Kista"))
    other_adviser = await adviser(server, "omar")
    await other_kiosk.send(m.MediaState(call_id=call_id, state="stalled"))
    assert (await other_kiosk.expect(m.Error)).code == ErrorCode.OUT_OF_ROLE
    await other_adviser.send(m.MediaState(call_id=call_id, state="stalled"))
    assert (await other_adviser.expect(m.Error)).code == ErrorCode.OUT_OF_ROLE
    await other_kiosk.send(m.MediaState(call_id="0000000000000000", state="restored"))
    assert (await other_kiosk.expect(m.Error)).ref_type == "media_state"
    # Nothing was interrupted, and everyone is still served.
    for c in (k, first, other_kiosk, other_adviser):
        await c.send(m.Ping(seq=7))
        await c.expect(m.Pong, seq=7)
    assert not [x for x in k.seen + first.seen if isinstance(x, m.Reconnecting)]
    for c in (k, first, other_kiosk, other_adviser):
        await c.close()
