"""take_next through a real server on loopback (docs/protocol.md §Take next)."""

from __future__ import annotations

from signaling import messages as m
from signaling.embedded import EmbeddedServer
from signaling.errors import ErrorCode
from tests.signaling.wire import adviser, kiosk


async def test_an_away_adviser_pulls_the_next_caller(running_server: EmbeddedServer) -> None:
    server = running_server
    server.add_adviser("amal", "correct horse battery", {"ar": "native"})
    a = await adviser(server, "amal", available=False)
    a.ignore(m.AdviserStatus)
    await a.send(m.TakeNext())
    nobody = await a.expect(m.Error)
    assert (nobody.code, nobody.ref_type) == (ErrorCode.NOT_FOUND, "take_next")

    k = await kiosk(server, server.add_kiosk())
    k.ignore(m.Queued)
    await k.send(m.Join(language="ar"))
    await a.expect_quiet()  # away: not offered by itself
    await a.send(m.TakeNext())
    offer = await a.expect(m.Offer)
    await a.send(m.Accept(call_id=offer.call_id))
    await a.expect(m.CallStarted)
    await k.expect(m.CallStarted)
    await a.send(m.Hangup(call_id=offer.call_id))
    await a.expect(m.CallEnded)
    await a.send(m.Ready())
    await a.expect_quiet()
    statuses = [msg for msg in a.seen if isinstance(msg, m.AdviserStatus)]
    assert statuses[-1].status == "away"  # goes on pulling after the call

    await a.send(m.SetStatus(status="available"))
    await a.expect_quiet()
    await a.send(m.TakeNext())
    refused = await a.expect(m.Error)
    assert (refused.code, refused.ref_type) == (ErrorCode.CONFLICT, "take_next")
    await a.close()
    await k.close()
