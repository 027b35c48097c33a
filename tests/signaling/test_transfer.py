"""Transfer to a named colleague, end to end over a real server on 127.0.0.1 (docs/protocol.md
§Transfer): advisers see who is signed in, and the kiosk is kept informed throughout."""

from __future__ import annotations

from signaling import messages as m
from signaling.embedded import EmbeddedServer
from tests.signaling.wire import WireClient, adviser, kiosk

PASSWORD = "correct horse battery"


def add(server: EmbeddedServer, username: str, name: str, **languages: str) -> str:
    return server.add_adviser(username, PASSWORD, languages, display_name=name)  # type: ignore[arg-type]


def listed(overview: m.QueueOverview) -> list[tuple[str, str]]:
    return [(a.display_name, a.status) for a in overview.advisers]


async def overview_where(client: WireClient, wanted: list[tuple[str, str]]) -> m.QueueOverview:
    """Read ``queues`` messages until one lists exactly ``wanted`` (bounded by expect's timeout)."""
    for _ in range(20):
        overview = await client.expect(m.QueueOverview)
        if listed(overview) == wanted:
            return overview
    raise AssertionError(f"no queues message listed {wanted}; last {listed(overview)}")


async def in_call(server: EmbeddedServer, username: str) -> tuple[WireClient, WireClient, str]:
    """A kiosk in an Arabic call with ``username``: (kiosk, adviser, call id)."""
    k = await kiosk(server, server.add_kiosk("K1", "Rinkeby library"))
    a = await adviser(server, username)
    await k.send(m.Join(language="ar", topic="letter"))
    await k.expect(m.Queued, position=1)
    offer = await a.expect(m.Offer)
    await a.expect(m.AdviserStatus, status="offered")
    await a.send(m.Accept(call_id=offer.call_id))
    await k.expect(m.CallStarted, call_id=offer.call_id)
    await a.expect(m.CallStarted, call_id=offer.call_id)
    await a.expect(m.AdviserStatus, status="in_call")
    return k, a, offer.call_id


async def test_colleagues_are_listed_and_a_named_transfer_reaches_them(
    running_server: EmbeddedServer,
) -> None:
    server = running_server
    amal_id = add(server, "amal", "Amal Hassan", ar="native")
    omar_id = add(server, "omar", "Omar Said", ar="fluent", sv="native")
    add(server, "bo", "Bo Berg", sv="native")
    k, amal, call_id = await in_call(server, "amal")
    omar = await adviser(server, "omar")
    await amal.expect_quiet()

    bo = await adviser(server, "bo", available=False)
    first = next(x for x in bo.seen if isinstance(x, m.QueueOverview))  # right after welcome
    assert listed(first) == [
        ("Amal Hassan", "in_call"),
        ("Bo Berg", "away"),
        ("Omar Said", "available"),
    ]
    omar_entry = first.advisers[2]
    assert (omar_entry.adviser_id, omar_entry.languages) == (
        omar_id,
        {"ar": "fluent", "sv": "native"},
    )
    assert first.advisers[0].adviser_id == amal_id

    await amal.send(m.Transfer(call_id=call_id, adviser=omar_id))
    offer = await omar.expect(m.Offer)
    assert (offer.call_id, offer.language, offer.site) == (call_id, "ar", "Rinkeby library")
    assert (await amal.expect(m.CallEnded)).reason == "transferred"
    await amal.expect(m.AdviserStatus, status="wrap_up")
    # The kiosk hears that it is being passed on, and that it is first in line.
    assert (await k.expect(m.CallEnded, call_id=call_id)).reason == "transferred"
    assert (await k.expect(m.Queued)).position == 1
    await overview_where(
        bo, [("Amal Hassan", "wrap_up"), ("Bo Berg", "away"), ("Omar Said", "offered")]
    )

    await omar.expect(m.AdviserStatus, status="offered")
    await omar.send(m.Accept(call_id=call_id))
    started = await k.expect(m.CallStarted)
    assert (started.call_id, started.role, started.peer_name) == (call_id, "offerer", "Omar")
    assert (await omar.expect(m.CallStarted)).call_id == call_id
    await omar.expect(m.AdviserStatus, status="in_call")
    for client in (k, amal, omar):
        await client.expect_quiet()
    for client in (k, amal, omar, bo):
        await client.close()


async def test_a_colleague_going_available_or_leaving_updates_everyones_list(
    running_server: EmbeddedServer,
) -> None:
    server = running_server
    add(server, "amal", "Amal Hassan", ar="native")
    add(server, "bo", "Bo Berg", sv="native")
    amal = await adviser(server, "amal")
    bo = await adviser(server, "bo", available=False)
    await overview_where(amal, [("Amal Hassan", "available"), ("Bo Berg", "away")])

    await bo.send(m.SetStatus(status="available"))
    await overview_where(amal, [("Amal Hassan", "available"), ("Bo Berg", "available")])

    await bo.close()
    await overview_where(amal, [("Amal Hassan", "available")])
    await amal.close()


async def test_transfer_to_a_colleague_who_is_not_available_is_refused(
    running_server: EmbeddedServer,
) -> None:
    server = running_server
    add(server, "amal", "Amal Hassan", ar="native")
    bo_id = add(server, "bo", "Bo Berg", ar="basic")
    k, amal, call_id = await in_call(server, "amal")
    bo = await adviser(server, "bo", available=False)

    await amal.send(m.Transfer(call_id=call_id, adviser=bo_id))
    error = await amal.expect(m.Error)
    assert error.ref_type == "transfer"
    # Nothing changed: the call goes on, and the kiosk heard nothing of it.
    await amal.send(m.Hangup(call_id=call_id))
    assert (await k.expect(m.CallEnded)).reason == "hangup"
    await k.expect_quiet()
    assert not any(isinstance(x, m.CallEnded) and x.reason == "transferred" for x in k.seen)
    for client in (k, amal, bo):
        await client.close()
