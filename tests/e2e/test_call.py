"""Whole calls: a real server on 127.0.0.1, headless kiosk and adviser clients, real WebRTC media.

Each side sends a test pattern stamped with a frame counter; the other side decodes the frames and
reads the counters back, which proves real frames crossed, in order.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable

import pytest

from kiosklink.headless import HeadlessParty, headless_adviser, headless_kiosk
from rtc.signaling_client import Connected
from signaling.embedded import EmbeddedServer

PASSWORD = "correct horse battery"
MIN_FRAMES = 20


def negotiated_codec(sdp: str, kind: str) -> str:
    """The codec the answer chose for ``kind``: the first payload type on its m= line."""
    media = sdp.split(f"m={kind} ", 1)[1]
    first_payload = media.split("\r\n", 1)[0].split()[2]  # port, proto, then payload types
    return media.split(f"a=rtpmap:{first_payload} ", 1)[1].split("\r\n", 1)[0]


def connected(party: HeadlessParty) -> bool:
    return any(isinstance(e, Connected) for e in party.events)


def frames_on_call(party: HeadlessParty, index: int, n: int = MIN_FRAMES) -> bool:
    return len(party.calls) > index and party.calls[index].frames >= n


@pytest.fixture
async def parties() -> AsyncIterator[list[HeadlessParty]]:
    started: list[HeadlessParty] = []
    yield started
    for party in started:
        await party.close()


async def start_pair(
    server: EmbeddedServer, parties: list[HeadlessParty], *, advisers: tuple[str, ...] = ("amal",)
) -> tuple[HeadlessParty, list[HeadlessParty]]:
    team = []
    for username in advisers:
        server.add_adviser(username, PASSWORD, {"ar": "native"})
        adviser = await headless_adviser(
            server.http_url,
            server.adviser_url,
            username,
            PASSWORD,
            name=username,
            quality_interval_s=0.5,
        )
        parties.append(adviser)
        await adviser.wait_until(lambda a=adviser: connected(a), 10)  # type: ignore[misc]
        await adviser.go_available()
        team.append(adviser)
    kiosk = await headless_kiosk(
        server.kiosk_url, server.add_kiosk("K1", "Rinkeby bibliotek"), quality_interval_s=0.5
    )
    parties.append(kiosk)
    await kiosk.wait_until(lambda: connected(kiosk), 10)
    return kiosk, team


@pytest.mark.parametrize("who_hangs_up", ["kiosk", "adviser"])
async def test_call_media_both_ways_quality_and_record(
    running_server: EmbeddedServer, parties: list[HeadlessParty], who_hangs_up: str
) -> None:
    server = running_server
    kiosk, (adviser,) = await start_pair(server, parties)
    await kiosk.join("ar", topic="letter")
    for party in (kiosk, adviser):
        await party.wait_until(lambda p=party: frames_on_call(p, 0), 30)  # type: ignore[misc]
        await party.wait_until(lambda p=party: p.calls[0].quality_sent >= 2, 10)  # type: ignore[misc]

    for party in (kiosk, adviser):
        assert party.session is not None
        meter = party.session.video_meter
        assert meter.stamped >= MIN_FRAMES, "the peer's frame counters must be readable"
        assert meter.out_of_order == 0, "frames must arrive in order"
        quality = party.calls[0].last_quality
        assert quality is not None and quality.width == 640 and quality.height == 480

    # EN 301 549 clause 6: wideband audio. Opus at 48 kHz is what the answer settled on.
    assert kiosk.session is not None
    answer = kiosk.session.pc.remoteDescription.sdp
    assert negotiated_codec(answer, "audio").lower() == "opus/48000/2"
    assert negotiated_codec(answer, "video").split("/")[0] in ("VP8", "H264")

    call_id = kiosk.calls[0].call_id
    assert adviser.calls[0].call_id == call_id
    await (kiosk if who_hangs_up == "kiosk" else adviser).hang_up()
    for party in (kiosk, adviser):
        await party.wait_until(lambda p=party: p.session is None, 10)  # type: ignore[misc]

    async def record_complete() -> bool:
        rec = await asyncio.to_thread(server.with_store, lambda s: s.call(call_id))
        return rec is not None and rec.outcome == "completed"

    async with asyncio.timeout(5):
        while not await record_complete():  # noqa: ASYNC110 - polling another thread's database
            await asyncio.sleep(0.05)
    record = server.with_store(lambda s: s.call(call_id))
    assert record is not None
    assert (record.language, record.topic, record.site) == ("ar", "letter", "Rinkeby bibliotek")
    assert record.answered_at is not None and record.ended_at is not None
    assert record.kiosk_quality is not None and record.adviser_quality is not None
    assert record.kiosk_quality.fps is not None and record.kiosk_quality.fps > 0


async def test_adviser_drop_mid_call_reconnects_the_caller_to_the_next(
    server_factory: Callable[..., EmbeddedServer], parties: list[HeadlessParty]
) -> None:
    server = server_factory(routing={"adviser_grace_s": 0.5})
    kiosk, (first, second) = await start_pair(server, parties, advisers=("amal", "omar"))
    await kiosk.join("ar")
    # The longest-idle adviser (signed in first) takes the first call.
    await first.wait_until(lambda: frames_on_call(first, 0), 30)
    await kiosk.wait_until(lambda: frames_on_call(kiosk, 0), 30)
    assert not second.calls

    await first.client.close()  # the adviser's network dies mid-call
    await kiosk.wait_until(lambda: frames_on_call(kiosk, 1), 30)
    await second.wait_until(lambda: frames_on_call(second, 0), 30)
    assert kiosk.calls[1].call_id == kiosk.calls[0].call_id  # the same visit, a new adviser
    assert kiosk.session is not None and kiosk.session.video_meter.out_of_order == 0
    steps = [type(e).__name__ for e in kiosk.events]
    assert "Reconnecting" in steps and "CallEnded" in steps
