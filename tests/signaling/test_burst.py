"""Bursts over a real server on 127.0.0.1 (issue #10): a fleet that joins, cancels and rejoins at
once, then reconnects all together after a restart on the same SQLite file.

After every step: no ``internal`` error on any connection and none logged, every kiosk in line
exactly once (no place lost, none duplicated), and the persisted queue equal to the router's.
Every loop is bounded in count, every wait in time. ``BURST_KIOSKS`` sets the fleet size (200).
"""

from __future__ import annotations

import asyncio
import logging
import os
import sqlite3
import time
from collections.abc import Awaitable, Callable
from typing import TypeVar

import pytest

from signaling import messages as m
from signaling.embedded import EmbeddedServer
from signaling.errors import ErrorCode
from signaling.server import SWITCHBOARD
from tests.signaling.wire import WireClient, kiosk

FLEET = int(os.environ.get("BURST_KIOSKS", "200"))
LANGUAGES = ("ar", "so", "ti", "fa")
STEP_TIMEOUT_S = 60.0
T = TypeVar("T")


async def all_of(coros: list[Awaitable[T]]) -> list[T]:
    """Run one step for the whole fleet at once, bounded in time."""
    return await asyncio.wait_for(asyncio.gather(*coros), STEP_TIMEOUT_S)


def language_of(i: int) -> str:
    return LANGUAGES[i % len(LANGUAGES)]


async def last_place(client: WireClient) -> m.Queued:
    """Everything pending on this connection (a ping's pong ends it); the last ``queued`` is the
    kiosk's place now. Position updates may come in any number as others move."""
    await client.expect_quiet(timeout=STEP_TIMEOUT_S, skip=(m.Queued,))
    places = [x for x in client.seen if isinstance(x, m.Queued)]
    assert places, f"never queued: {client.seen[-5:]}"
    return places[-1]


def persisted(server: EmbeddedServer) -> list[str]:
    db = sqlite3.connect(server.settings.database.path)
    try:
        rows = db.execute("SELECT caller_id FROM waiting ORDER BY caller_id").fetchall()
        return [str(row[0]) for row in rows]
    finally:
        db.close()


def routed(server: EmbeddedServer) -> list[str]:
    """The router's queue, once the ordered writer has written every command issued so far."""
    assert server.app is not None
    board = server.app[SWITCHBOARD]

    async def settled() -> list[str]:
        await board.flush()
        return sorted(w.caller for w in board.router.waiting_callers())

    return server.run(settled())


def check_step(server: EmbeddedServer, clients: list[WireClient], places: list[m.Queued]) -> None:
    internal = [x for c in clients for x in c.seen if isinstance(x, m.Error)]
    assert not [e for e in internal if e.code == ErrorCode.INTERNAL], internal[:3]
    assert not internal, internal[:3]
    # Every kiosk in line once: per language, the positions are exactly 1..n.
    for language in LANGUAGES:
        mine = sorted(p.position for p in places if p.language == language)
        assert mine == list(range(1, len(mine) + 1)), (language, mine)
    assert len(places) == len(clients) == FLEET
    queue = routed(server)
    assert len(queue) == FLEET and len(set(queue)) == FLEET
    assert persisted(server) == queue


def in_line(places: list[m.Queued], language: str) -> list[str]:
    """The resume tokens of a language's line, front first."""
    mine = sorted((p for p in places if p.language == language), key=lambda p: p.position)
    return [p.resume_token for p in mine]


async def join(client: WireClient, language: str) -> None:
    """Join, and wait until the server has taken it (its first ``queued``)."""
    await client.send(m.Join(language=language))
    await client.expect(m.Queued, timeout=STEP_TIMEOUT_S, language=language)


async def cancel_and_rejoin(client: WireClient, language: str) -> None:
    """Cancel and join again; done when the ``queued`` of the new join (a new token) arrives."""
    old = [x.resume_token for x in client.seen if isinstance(x, m.Queued)][-1]
    await client.send(m.Cancel())
    await client.send(m.Join(language=language))
    for _ in range(4 * FLEET):  # position updates of the old place may come first
        msg = await client.recv(timeout=STEP_TIMEOUT_S)
        if isinstance(msg, m.Queued) and msg.resume_token != old:
            return
        assert isinstance(msg, m.Queued), msg
    raise AssertionError("the new join was never answered")


async def rejoin_without_token(server: EmbeddedServer, token: str, language: str) -> WireClient:
    """A kiosk app restarted: a new connection, no resume token, a new join."""
    client = await kiosk(server, token)
    await join(client, language)
    return client


async def resume(server: EmbeddedServer, token: str, resume_token: str) -> WireClient:
    client = await WireClient.open(server.kiosk_url, "kiosk")
    await client.send(m.Hello(protocol=1, token=token, resume_token=resume_token))
    welcome = await client.expect(m.KioskWelcome, timeout=STEP_TIMEOUT_S)
    assert welcome.resumed
    await client.expect(m.Queued, timeout=STEP_TIMEOUT_S, resume_token=resume_token)
    return client


async def timed(label: str, figures: dict[str, float], step: Callable[[], Awaitable[T]]) -> T:
    started = time.perf_counter()
    result = await step()
    figures[label] = time.perf_counter() - started
    return result


@pytest.mark.timeout(300)
async def test_a_fleet_joins_cancels_rejoins_and_reconnects_after_a_restart(
    server_factory: Callable[..., EmbeddedServer], caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.ERROR)
    server = server_factory(server={"hello_timeout_s": 30.0}, routing={"caller_grace_s": 120.0})
    tokens = [server.add_kiosk(f"K{i}", f"Site {i % 7}") for i in range(FLEET)]
    figures: dict[str, float] = {}

    async def connect_and_join() -> list[WireClient]:
        clients = await all_of([kiosk(server, token) for token in tokens])
        await all_of([join(c, language_of(i)) for i, c in enumerate(clients)])
        return clients

    clients = await timed("connect and join", figures, connect_and_join)
    check_step(server, clients, await all_of([last_place(c) for c in clients]))

    # Half the fleet cancels and joins again, all at once.
    half = range(0, FLEET, 2)
    await timed(
        "cancel and rejoin",
        figures,
        lambda: all_of([cancel_and_rejoin(clients[i], language_of(i)) for i in half]),
    )
    check_step(server, clients, await all_of([last_place(c) for c in clients]))

    # A quarter restart their app: new connection, no resume token, a new join. Each takes over
    # its held place instead of holding two.
    quarter = list(range(1, FLEET, 4))
    before = {i: (await last_place(clients[i])).position for i in quarter}
    await all_of([clients[i].close() for i in quarter])
    fresh = await timed(
        "rejoin without token",
        figures,
        lambda: all_of([rejoin_without_token(server, tokens[i], language_of(i)) for i in quarter]),
    )
    for i, client in zip(quarter, fresh, strict=True):
        clients[i] = client
    places = await all_of([last_place(c) for c in clients])
    check_step(server, clients, places)
    for i in quarter:
        assert places[i].position <= before[i]  # its old place (or better), not the back

    # The server restarts on the same file; the whole fleet reconnects at once with its tokens.
    order = {language: in_line(places, language) for language in LANGUAGES}
    resume_tokens = [p.resume_token for p in places]
    await all_of([c.close() for c in clients])
    server.stop()
    again = server_factory(server={"hello_timeout_s": 30.0}, routing={"caller_grace_s": 120.0})
    assert again.settings.database.path == server.settings.database.path
    clients = await timed(
        "reconnect after restart",
        figures,
        lambda: all_of([resume(again, t, rt) for t, rt in zip(tokens, resume_tokens, strict=True)]),
    )
    places = await all_of([last_place(c) for c in clients])
    check_step(again, clients, places)
    for language, tokens_in_order in order.items():
        assert in_line(places, language) == tokens_in_order, language  # nobody overtaken

    await all_of([c.close() for c in clients])
    server_errors = [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert not server_errors, [r.getMessage() for r in server_errors[:3]]
    print(f"\nburst of {FLEET} kiosks:", {k: round(v, 2) for k, v in figures.items()}, "errors: 0")
