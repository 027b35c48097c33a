"""End to end over a real server on 127.0.0.1 with protocol-level WebSocket clients."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

import aiohttp
import pytest

from signaling import messages as m
from signaling.embedded import EmbeddedServer
from signaling.errors import CLOSE_SILENT, CLOSE_UNAUTHORIZED, ErrorCode
from tests.signaling.wire import WireClient, adviser, eventually, kiosk

PASSWORD = "correct horse battery"
FAKE_SDP = "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n"


def add_adviser(server: EmbeddedServer, username: str, **languages: str) -> str:
    return server.add_adviser(username, PASSWORD, languages)  # type: ignore[arg-type]


def call_row(
    server: EmbeddedServer, call_id: str, *, having: str | None = None
) -> dict[str, object] | None:
    """Read the call record straight from the SQLite file, as an operator would. The store is
    written behind the replies (one ordered writer), so with ``having`` a record whose field is
    still empty reads as None: poll with ``eventually``."""
    db = sqlite3.connect(server.settings.database.path)
    db.row_factory = sqlite3.Row
    try:
        row = db.execute("SELECT * FROM calls WHERE id = ?", (call_id,)).fetchone()
        if row is None or (having is not None and row[having] is None):
            return None
        return dict(row)
    finally:
        db.close()


def waiting_rows(server: EmbeddedServer) -> int:
    db = sqlite3.connect(server.settings.database.path)
    try:
        return int(db.execute("SELECT count(*) FROM waiting").fetchone()[0])
    finally:
        db.close()


async def test_arabic_call_from_join_to_record(running_server: EmbeddedServer) -> None:
    server = running_server
    token = server.add_kiosk("Kiosk Rinkeby 1", "Rinkeby library")
    add_adviser(server, "amal", ar="native", sv="fluent")

    k = await kiosk(server, token)
    await k.send(m.Join(language="ar", topic="letter"))
    queued = await k.expect(m.Queued)
    assert queued.position == 1 and queued.language == "ar"
    assert queued.wait is None  # nobody for Arabic signed in yet: no made-up range

    a = await adviser(server, "amal")
    offer = await a.expect(m.Offer)
    assert (offer.language, offer.topic, offer.site) == ("ar", "letter", "Rinkeby library")
    assert 0 < offer.expires_in_s <= 20
    await a.expect(m.AdviserStatus, status="offered")
    await a.send(m.Accept(call_id=offer.call_id))

    k_started = await k.expect(m.CallStarted)
    a_started = await a.expect(m.CallStarted)
    await a.expect(m.AdviserStatus, status="in_call")
    assert (k_started.role, a_started.role) == ("offerer", "answerer")
    assert k_started.peer_name == "Amal" and a_started.peer_name == "Rinkeby library"

    # SDP and ICE are relayed verbatim, both ways.
    await k.send(m.SessionDescription(call_id=offer.call_id, sdp_type="offer", sdp=FAKE_SDP))
    got = await a.expect(m.SessionDescription)
    assert (got.sdp_type, got.sdp) == ("offer", FAKE_SDP)
    await a.send(
        m.SessionDescription(call_id=offer.call_id, sdp_type="answer", sdp=FAKE_SDP + "a=x\r\n")
    )
    assert (await k.expect(m.SessionDescription)).sdp.endswith("a=x\r\n")
    await k.send(
        m.IceCandidate(
            call_id=offer.call_id, candidate="candidate:1 1 udp 1 127.0.0.1 9 typ host", sdp_mid="0"
        )
    )
    assert (await a.expect(m.IceCandidate)).sdp_mid == "0"

    await k.send(m.QualityReport(call_id=offer.call_id, quality=m.Quality(rtt_ms=12.5, fps=29.0)))
    await a.send(m.Hangup(call_id=offer.call_id))
    assert (await k.expect(m.CallEnded)).reason == "hangup"
    assert (await a.expect(m.CallEnded)).reason == "hangup"
    wrap = await a.expect(m.AdviserStatus, status="wrap_up")
    assert wrap.wrap_up_ends_at is not None
    await a.send(m.WrapUp(call_id=offer.call_id, outcome="resolved", note="explained the letter"))
    await a.expect(m.WrapUpSaved, call_id=offer.call_id)
    await k.send(m.Rating(call_id=offer.call_id, score=5))
    await a.send(m.Ready())
    await a.expect(m.AdviserStatus, status="available")
    await k.expect_quiet()
    await a.expect_quiet()

    row = await eventually(lambda: call_row(server, offer.call_id, having="rating"))
    assert row is not None
    assert row["language"] == "ar" and row["topic"] == "letter" and row["site"] == "Rinkeby library"
    assert row["outcome"] == "completed" and row["rating"] == 5
    assert row["answered_at"] is not None and row["ended_at"] is not None
    assert float(row["joined_at"]) <= float(row["answered_at"]) <= float(row["ended_at"])  # type: ignore[arg-type]
    await k.close()
    await a.close()


async def test_two_languages_go_to_the_right_advisers(running_server: EmbeddedServer) -> None:
    server = running_server
    add_adviser(server, "amal", ar="native")
    add_adviser(server, "hodan", so="native")
    k_ar = await kiosk(server, server.add_kiosk("K1", "Husby"))
    k_so = await kiosk(server, server.add_kiosk("K2", "Tensta"))
    await k_ar.send(m.Join(language="ar"))
    await k_so.send(m.Join(language="so"))
    a_ar = await adviser(server, "amal")
    a_so = await adviser(server, "hodan")
    offer_ar = await a_ar.expect(m.Offer)
    offer_so = await a_so.expect(m.Offer)
    assert (offer_ar.language, offer_ar.site) == ("ar", "Husby")
    assert (offer_so.language, offer_so.site) == ("so", "Tensta")
    for c in (k_ar, k_so, a_ar, a_so):
        await c.close()


async def test_decline_reoffers_to_the_next_adviser(running_server: EmbeddedServer) -> None:
    server = running_server
    add_adviser(server, "amal", ar="native")
    add_adviser(server, "omar", ar="native")
    first = await adviser(server, "amal")
    second = await adviser(server, "omar")
    k = await kiosk(server, server.add_kiosk())
    await k.send(m.Join(language="ar"))
    offer = await first.expect(m.Offer)  # idle longest: signed in first
    await first.expect(m.AdviserStatus, status="offered")
    await k.expect(m.Queued, position=1)
    await first.send(m.Decline(call_id=offer.call_id))
    assert (await first.expect(m.OfferRevoked)).reason == "declined"
    again = await second.expect(m.Offer)
    assert again.call_id == offer.call_id
    await second.expect(m.AdviserStatus, status="offered")
    await second.send(m.Accept(call_id=again.call_id))
    await k.expect(m.CallStarted)
    for c in (k, first, second):
        await c.close()


async def test_offer_times_out_and_goes_to_the_next(
    server_factory: Callable[..., EmbeddedServer],
) -> None:
    server = server_factory(routing={"ring_timeout_s": 0.5})
    add_adviser(server, "amal", ar="native")
    add_adviser(server, "omar", ar="native")
    first = await adviser(server, "amal")
    second = await adviser(server, "omar")
    k = await kiosk(server, server.add_kiosk())
    await k.send(m.Join(language="ar"))
    offer = await first.expect(m.Offer)
    await first.expect(m.AdviserStatus, status="offered")
    revoked = await first.expect(m.OfferRevoked)
    assert revoked.reason == "timeout"
    assert (await second.expect(m.Offer)).call_id == offer.call_id
    for c in (k, first, second):
        await c.close()


async def test_adviser_drop_mid_call_requeues_and_reconnects(
    server_factory: Callable[..., EmbeddedServer],
) -> None:
    server = server_factory(routing={"adviser_grace_s": 0.5})
    add_adviser(server, "amal", ar="native")
    add_adviser(server, "omar", ar="native")
    first = await adviser(server, "amal")
    k = await kiosk(server, server.add_kiosk())
    await k.send(m.Join(language="ar"))
    offer = await first.expect(m.Offer)
    await k.expect(m.Queued, position=1)
    await first.send(m.Accept(call_id=offer.call_id))
    await k.expect(m.CallStarted)
    second = await adviser(server, "omar")

    await first.ws.close()  # the adviser's network dies mid-call
    held = await k.expect(m.Reconnecting)
    assert held.call_id == offer.call_id
    assert (await k.expect(m.CallEnded)).reason == "requeued"
    assert (await k.expect(m.Queued)).position == 1
    again = await second.expect(m.Offer)
    assert again.call_id == offer.call_id
    await second.send(m.Accept(call_id=again.call_id))
    started = await k.expect(m.CallStarted)
    assert started.peer_name == "Omar"
    await k.close()
    await second.close()


async def test_kiosk_drop_and_resume_keeps_its_place(running_server: EmbeddedServer) -> None:
    server = running_server
    token_1, token_2 = server.add_kiosk("K1", "Husby"), server.add_kiosk("K2", "Kista")
    k1 = await kiosk(server, token_1)
    await k1.send(m.Join(language="fa"))
    resume = (await k1.expect(m.Queued)).resume_token
    await k1.ws.close()
    k2 = await kiosk(server, token_2)
    await k2.send(m.Join(language="fa"))
    assert (await k2.expect(m.Queued)).position == 2  # k1 keeps its place while away

    k1 = await WireClient.open(server.kiosk_url, "kiosk")
    await k1.send(m.Hello(protocol=1, token=token_1, resume_token=resume))
    welcome = await k1.expect(m.KioskWelcome)
    assert welcome.resumed
    assert (await k1.expect(m.Queued)).position == 1

    # Another kiosk cannot steal a place with someone else's resume token.
    k3 = await WireClient.open(server.kiosk_url, "kiosk")
    await k3.send(m.Hello(protocol=1, token=server.add_kiosk("K3", "Kista"), resume_token=resume))
    assert not (await k3.expect(m.KioskWelcome)).resumed
    for c in (k1, k2, k3):
        await c.close()


async def test_restart_loses_no_ones_place(
    tmp_path: Path, server_factory: Callable[..., EmbeddedServer]
) -> None:
    server = server_factory()
    token_1, token_2 = server.add_kiosk("K1", "Husby"), server.add_kiosk("K2", "Kista")
    k1 = await kiosk(server, token_1)
    await k1.send(m.Join(language="ti"))
    resume_1 = (await k1.expect(m.Queued)).resume_token
    k2 = await kiosk(server, token_2)
    await k2.send(m.Join(language="ti"))
    resume_2 = (await k2.expect(m.Queued)).resume_token
    await eventually(lambda: waiting_rows(server) == 2)
    server.stop()

    again = server_factory()  # same tmp_path, same SQLite file
    assert again.settings.database.path == server.settings.database.path
    # The later joiner reconnects first; the earlier one is still ahead of it.
    k2 = await WireClient.open(again.kiosk_url, "kiosk")
    await k2.send(m.Hello(protocol=1, token=token_2, resume_token=resume_2))
    assert (await k2.expect(m.KioskWelcome)).resumed
    assert (await k2.expect(m.Queued)).position == 2
    k1 = await WireClient.open(again.kiosk_url, "kiosk")
    await k1.send(m.Hello(protocol=1, token=token_1, resume_token=resume_1))
    assert (await k1.expect(m.KioskWelcome)).resumed
    assert (await k1.expect(m.Queued)).position == 1
    await k1.close()
    await k2.close()


async def test_closed_hours_tell_when_it_opens(
    server_factory: Callable[..., EmbeddedServer],
) -> None:
    # Open one minute a week in a far time zone: closed now (almost surely), opening known.
    hours = {"fi": {"timezone": "Pacific/Kiritimati", "weekly": {"sun": [["03:00", "03:01"]]}}}
    server = server_factory(service={"hours": hours})
    k = await kiosk(server, server.add_kiosk())
    welcome = k.seen[-1]
    assert isinstance(welcome, m.KioskWelcome)
    fi = next(lang for lang in welcome.languages if lang.code == "fi")
    sv = next(lang for lang in welcome.languages if lang.code == "sv")
    assert sv.open
    if fi.open:
        pytest.skip("ran during the one open minute")
    assert fi.opens_at is not None
    await k.send(m.Join(language="fi"))
    closed = await k.expect(m.Closed)
    assert closed.opens_at == pytest.approx(fi.opens_at)
    await k.close()


async def test_unknown_kiosk_token_is_refused(running_server: EmbeddedServer) -> None:
    k = await WireClient.open(running_server.kiosk_url, "kiosk")
    await k.send(m.Hello(protocol=1, token="not-a-real-token"))
    error = await k.expect(m.Error)
    assert error.code == ErrorCode.UNAUTHORIZED
    assert await k.expect_closed() == CLOSE_UNAUTHORIZED


async def test_adviser_bad_session_and_wrong_password(running_server: EmbeddedServer) -> None:
    add_adviser(running_server, "amal", ar="native")
    async with (
        aiohttp.ClientSession() as http,
        http.post(
            f"{running_server.http_url}/api/login", json={"username": "amal", "password": "nope"}
        ) as resp,
    ):
        assert resp.status == 401
        assert (await resp.json())["code"] == "unauthorized"
    a = await WireClient.open(running_server.adviser_url, "adviser")
    await a.send(m.Hello(protocol=1, token="forged-session"))
    assert (await a.expect(m.Error)).code == ErrorCode.UNAUTHORIZED
    assert await a.expect_closed() == CLOSE_UNAUTHORIZED


async def test_bad_messages_get_typed_errors_and_break_nothing(
    running_server: EmbeddedServer,
) -> None:
    server = running_server
    add_adviser(server, "amal", ar="native")
    bystander = await adviser(server, "amal")
    k = await WireClient.open(server.kiosk_url, "kiosk")
    await k.send(m.Join(language="ar"))  # before hello
    assert (await k.expect(m.Error)).code == ErrorCode.OUT_OF_ROLE
    await k.send(m.Hello(protocol=1, token=server.add_kiosk()))
    await k.expect(m.KioskWelcome)

    cases: list[tuple[str | dict[str, object], ErrorCode]] = [
        ("this is not json", ErrorCode.BAD_MESSAGE),
        ("[1, 2, 3]", ErrorCode.BAD_MESSAGE),
        ({"type": "launch_missiles"}, ErrorCode.UNKNOWN_TYPE),
        ({"type": "join"}, ErrorCode.BAD_MESSAGE),
        ({"type": "join", "language": "ar", "extra": 1}, ErrorCode.BAD_MESSAGE),
        ({"type": "accept", "call_id": "x"}, ErrorCode.UNKNOWN_TYPE),  # an adviser's message
        ({"type": "join", "language": "xx"}, ErrorCode.OUT_OF_ROLE),
        (
            {"type": "sdp", "call_id": "abc", "sdp_type": "offer", "sdp": "v=0"},
            ErrorCode.OUT_OF_ROLE,
        ),
        ({"type": "hello", "protocol": 1, "token": "again"}, ErrorCode.OUT_OF_ROLE),
        ({"type": "ping", "pad": "x" * (70 * 1024)}, ErrorCode.TOO_LARGE),
    ]
    for raw, code in cases:
        await k.send_raw(raw)
        error = await k.expect(m.Error)
        assert error.code == code, (raw if isinstance(raw, str) else raw.get("type"), error)
    await k.ws.send(b"\x00\x01binary")
    assert (await k.expect(m.Error)).code == ErrorCode.BAD_MESSAGE

    # The same connection still works, and so does everyone else's.
    await k.send(m.Ping(seq=7))
    assert (await k.expect(m.Pong)).seq == 7
    await k.send(m.Join(language="ar"))
    assert (await bystander.expect(m.Offer)).language == "ar"
    await k.close()
    await bystander.close()


async def test_unsupported_protocol_version_is_refused(running_server: EmbeddedServer) -> None:
    k = await WireClient.open(running_server.kiosk_url, "kiosk")
    await k.send(m.Hello(protocol=99, token=running_server.add_kiosk()))
    assert (await k.expect(m.Error)).code == ErrorCode.UNSUPPORTED_VERSION
    assert await k.expect_closed() is not None


async def test_flooding_client_is_rate_limited_then_closed(
    server_factory: Callable[..., EmbeddedServer],
) -> None:
    server = server_factory(server={"rate_limit_per_s": 5.0, "rate_limit_burst": 5})
    k = await kiosk(server, server.add_kiosk())
    for seq in range(60):  # bounded flood
        await k.send(m.Ping(seq=seq))
    codes = []
    with pytest.raises(Exception):  # noqa: B017 - closed by the server, how exactly is websockets' business
        for _ in range(80):
            msg = await k.recv(timeout=3)
            if isinstance(msg, m.Error):
                codes.append(msg.code)
    assert ErrorCode.RATE_LIMITED in codes
    # The server is fine: a new kiosk connects and is served.
    other = await kiosk(server, server.add_kiosk("K2", "Kista"))
    await other.send(m.Ping(seq=1))
    assert (await other.expect(m.Pong)).seq == 1
    await other.close()


async def test_sdp_cannot_be_injected_into_another_call(running_server: EmbeddedServer) -> None:
    server = running_server
    add_adviser(server, "amal", ar="native")
    a = await adviser(server, "amal")
    victim = await kiosk(server, server.add_kiosk("K1", "Husby"))
    await victim.send(m.Join(language="ar"))
    await victim.expect(m.Queued, position=1)
    offer = await a.expect(m.Offer)
    await a.expect(m.AdviserStatus, status="offered")
    await a.send(m.Accept(call_id=offer.call_id))
    await victim.expect(m.CallStarted)
    await a.expect(m.CallStarted)
    await a.expect(m.AdviserStatus, status="in_call")
    intruder = await kiosk(server, server.add_kiosk("K2", "Kista"))
    await intruder.send(
        m.SessionDescription(call_id=offer.call_id, sdp_type="offer", sdp="v=0 evil")
    )
    assert (await intruder.expect(m.Error)).code == ErrorCode.OUT_OF_ROLE
    await a.send(m.Ping(seq=3))
    await a.expect(m.Pong)
    assert not any(isinstance(x, m.SessionDescription) for x in a.seen)
    for c in (a, victim, intruder):
        await c.close()


async def test_health_endpoints(running_server: EmbeddedServer) -> None:
    async with aiohttp.ClientSession() as http:
        async with http.get(f"{running_server.http_url}/healthz") as resp:
            assert resp.status == 200
        async with http.get(f"{running_server.http_url}/readyz") as resp:
            assert resp.status == 200
            assert (await resp.json())["status"] == "ready"


async def test_unreachable_stun_server_is_a_clear_warning(
    server_factory: Callable[..., EmbeddedServer],
) -> None:
    import socket

    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as closed:
        closed.bind(("127.0.0.1", 0))
        port = closed.getsockname()[1]
    server = server_factory(ice={"stun_url": f"stun:127.0.0.1:{port}"})
    async with aiohttp.ClientSession() as http:

        async def ice_warnings() -> list[str]:
            async with http.get(f"{server.http_url}/readyz") as resp:
                return list((await resp.json())["ice_warnings"])

        warnings = await eventually(ice_warnings, timeout=6.0)  # the probe gives up after 3 s
    assert isinstance(warnings, list) and len(warnings) == 1
    assert f"127.0.0.1:{port}" in warnings[0]


async def test_silent_adviser_is_taken_out_of_routing_and_disconnected(
    server_factory: Callable[..., EmbeddedServer],
) -> None:
    server = server_factory(routing={"heartbeat_timeout_s": 0.5})
    add_adviser(server, "amal", ar="native")
    frozen = await adviser(server, "amal")  # available, then never says another word
    assert await frozen.expect_closed(timeout=5) == CLOSE_SILENT
    k = await kiosk(server, server.add_kiosk())
    await k.send(m.Join(language="ar"))
    assert (await k.expect(m.Queued)).position == 1
    with pytest.raises(TimeoutError):
        await k.expect(m.CallStarted, timeout=1.0)
    await k.close()
