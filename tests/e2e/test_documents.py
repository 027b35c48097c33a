"""Documents in a call over a real server: headless kiosk and adviser, real aiortc on loopback.

The kiosk shows the adviser pages of a letter (synthetic 2 MB stills at 2560x1920) on the call's
``doc`` channel; the server carries none of it. Delivery times are printed (pytest -s) and kept in
docs/performance.md, never asserted. A misbehaving kiosk's malformed and oversized chunks are
refused and the call goes on: frames, real-time text and the next page.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import AsyncIterator, Callable

import pytest

from kiosklink.headless import HeadlessParty
from rtc import document_wire as wire
from rtc.documents import (
    DocumentDelivered,
    DocumentOffered,
    DocumentProgress,
    DocumentReceived,
    DocumentRefused,
    DocumentRequested,
    RequestDeclined,
)
from rtc.media.still import synthetic_still
from signaling.embedded import EmbeddedServer
from tests.e2e.test_call import frames_on_call, start_pair


@pytest.fixture
async def parties() -> AsyncIterator[list[HeadlessParty]]:
    started: list[HeadlessParty] = []
    yield started
    for party in started:
        await party.close()


def _offer(doc_id: int, size: int, width: int = 640, height: int = 480) -> wire.Offer:
    """An offer whose sha256 no page will match: for a peer that breaks the protocol."""
    return wire.Offer(
        doc_id=doc_id, size=size, sha256="0" * 64, mime="image/jpeg", width=width, height=height
    )


def _count(party: HeadlessParty, kind: type[object], n: int) -> Callable[[], bool]:
    return lambda: len(party.documents_of(kind)) >= n


async def _in_call(
    server: EmbeddedServer, parties: list[HeadlessParty]
) -> tuple[HeadlessParty, HeadlessParty]:
    kiosk, (adviser,) = await start_pair(server, parties)
    await kiosk.join("ar", topic="letter")
    for party in (kiosk, adviser):
        await party.wait_until(lambda p=party: frames_on_call(p, 0, 5), 30)  # type: ignore[misc]
    for party in (kiosk, adviser):
        session = party.session
        assert session is not None
        await party.wait_until(lambda s=session: s.documents.open, 10)  # type: ignore[misc]
    return kiosk, adviser


async def test_pages_arrive_byte_identical_with_progress_and_go_with_the_call(
    running_server: EmbeddedServer, parties: list[HeadlessParty]
) -> None:
    kiosk, adviser = await _in_call(running_server, parties)
    stills = [synthetic_still(seed=0), synthetic_still(seed=1)]
    assert all(len(still.data) >= 2_000_000 for still in stills)
    for number, still in enumerate(stills, start=1):
        sent_at = time.monotonic()
        doc_id = kiosk.send_document(still)
        await adviser.wait_until(_count(adviser, DocumentReceived, number), 120)
        await kiosk.wait_until(_count(kiosk, DocumentDelivered, number), 30)
        page = adviser.documents_of(DocumentReceived)[-1]
        took = time.monotonic() - sent_at
        print(f"\npage {number}: {len(still.data)} bytes on loopback in {took:.2f} s")
        assert hashlib.sha256(page.data).hexdigest() == hashlib.sha256(still.data).hexdigest()
        assert page.data == still.data and (page.doc_id, page.page) == (doc_id, number)
        assert (page.width, page.height, page.mime) == (2560, 1920, "image/jpeg")

    received = [e for e in adviser.documents_of(DocumentProgress) if e.direction == "receiving"]
    sent = [e for e in kiosk.documents_of(DocumentProgress) if e.direction == "sending"]
    assert received[-1].done == len(stills[-1].data) and len(received) > 2
    assert sent[-1].done == len(stills[-1].data) and len(sent) > 2
    assert len(adviser.documents_of(DocumentOffered)) == 2
    assert [p.data for p in adviser.media.documents] == [s.data for s in stills]

    await kiosk.hang_up()
    await adviser.wait_until(lambda: adviser.session is None, 10)
    assert adviser.media.documents == []  # gone with the call


async def test_bad_chunks_are_refused_and_the_call_goes_on(
    running_server: EmbeddedServer, parties: list[HeadlessParty]
) -> None:
    kiosk, adviser = await _in_call(running_server, parties)
    session = kiosk.session
    assert session is not None
    raw = session.documents.channel  # the kiosk plays a peer that breaks the protocol
    raw.send(wire.encode(_offer(50, 100_000)))
    raw.send(wire.HEADER.pack(50, 0) + b"\xff\xd8\xff" + bytes(wire.CHUNK_SIZE))  # over a chunk
    raw.send(wire.encode(_offer(51, 3000)))
    raw.send(wire.HEADER.pack(51, 0) + b"\xff\xd8\xff" + bytes(4000))  # more than offered
    raw.send(b"\x07")  # no header
    raw.send("{]")  # no JSON
    await adviser.wait_until(lambda: len(adviser.documents_of(DocumentRefused)) >= 2, 10)
    refused = [(e.doc_id, e.reason, e.by) for e in adviser.documents_of(DocumentRefused)]
    assert refused == [(50, "malformed", "us"), (51, "too_large", "us")]

    frames = adviser.calls[0].frames
    await kiosk.commit_text("are you still there?")
    still = synthetic_still(1280, 960, seed=5)
    kiosk.send_document(still)
    await adviser.wait_until(lambda: bool(adviser.documents_of(DocumentReceived)), 30)
    assert adviser.documents_of(DocumentReceived)[0].data == still.data
    await adviser.wait_until(
        lambda: any(u.text == "are you still there?" for u in adviser.remote_text), 10
    )
    await adviser.wait_until(lambda: adviser.calls[0].frames > frames + 10, 10)
    assert adviser.in_call and kiosk.in_call


async def test_the_adviser_asks_the_resident_says_no_and_the_kiosk_takes_no_pages(
    running_server: EmbeddedServer, parties: list[HeadlessParty]
) -> None:
    kiosk, adviser = await _in_call(running_server, parties)
    adviser.request_document()
    await kiosk.wait_until(lambda: bool(kiosk.documents_of(DocumentRequested)), 10)
    kiosk.decline_document()
    await adviser.wait_until(lambda: bool(adviser.documents_of(RequestDeclined)), 10)

    adviser.send_document(synthetic_still(640, 480))  # documents go to the adviser only
    await adviser.wait_until(lambda: bool(adviser.documents_of(DocumentRefused)), 10)
    (refused,) = adviser.documents_of(DocumentRefused)
    assert (refused.direction, refused.reason, refused.by) == ("sending", "unwanted", "peer")
    assert kiosk.media.documents == []
