"""The real server on a real PostgreSQL (``database.url``): a kiosk joins, an adviser accepts, the
call's record, quality tally, wrap-up and rating are written, and read back by a second store on
the same database, as the admin CLI or a second server node would."""

from __future__ import annotations

from collections.abc import Callable

from signaling import messages as m
from signaling.embedded import EmbeddedServer
from signaling.store import CallRecord, Store
from tests.postgres import PostgresServer
from tests.signaling.test_server import PASSWORD, add_adviser
from tests.signaling.wire import adviser, eventually, kiosk


async def test_a_call_on_postgresql_from_join_to_record(
    postgres: PostgresServer, server_factory: Callable[..., EmbeddedServer]
) -> None:
    url = postgres.new_database()
    server = server_factory(database={"url": url})
    token = server.add_kiosk("Kiosk Rinkeby 1", "Rinkeby library")
    add_adviser(server, "amal", ar="native")

    k = await kiosk(server, token)
    await k.send(m.Join(language="ar", topic="letter"))
    await k.expect(m.Queued)
    a = await adviser(server, "amal", PASSWORD)
    offer = await a.expect(m.Offer)
    await a.expect(m.AdviserStatus, status="offered")
    await a.send(m.Accept(call_id=offer.call_id))
    await k.expect(m.CallStarted)
    await a.expect(m.CallStarted)
    await k.send(m.QualityReport(call_id=offer.call_id, quality=m.Quality(rtt_ms=12.5, fps=29.0)))
    await a.send(m.Hangup(call_id=offer.call_id))
    await k.expect(m.CallEnded)
    await a.send(m.WrapUp(call_id=offer.call_id, outcome="resolved", note="explained the letter"))
    await a.expect_skipping(m.WrapUpSaved, skip=(m.CallEnded, m.AdviserStatus))
    await k.send(m.Rating(call_id=offer.call_id, score=4))

    reader = await Store.open(url)
    try:

        async def rated() -> CallRecord | None:
            record = await reader.call(offer.call_id)
            return record if record is not None and record.rating is not None else None

        record = await eventually(rated)
        assert record is not None
        assert (record.language, record.topic, record.site) == ("ar", "letter", "Rinkeby library")
        assert record.outcome == "completed" and record.rating == 4
        assert record.wrap_up_note == "explained the letter"
        assert record.kiosk_quality == m.Quality(rtt_ms=12.5, fps=29.0)
        assert record.joined_at <= (record.answered_at or 0) <= (record.ended_at or 0)
        assert [c.id for c in await reader.list_calls()] == [offer.call_id]
    finally:
        await reader.close()
    await k.close()
    await a.close()
