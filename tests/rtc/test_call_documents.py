"""Documents over two real CallSessions on loopback (docs/protocol.md §Documents in a call).

A 2 MB still crosses the real ``doc`` data channel byte-identical while real-time text keeps
flowing on the ``rtt`` channel; a misbehaving peer's chunk, sent raw on the real channel, is
refused and the call (video, text, the next page) goes on.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from typing import TypeVar

import pytest

from rtc import document_wire as wire
from rtc.document_channel import SLOW_START_CAP, cap_slow_start, floor_after_timeout
from rtc.documents import (
    DocumentDelivered,
    DocumentProgress,
    DocumentReceived,
    DocumentRefused,
    DocumentRequested,
    Event,
    RequestDeclined,
)
from rtc.media.still import synthetic_still
from tests.rtc.test_call import Link, Side, _side, _until

T = TypeVar("T")


@dataclass
class Party:
    side: Side
    documents: list[Event] = field(default_factory=list)

    def of_type(self, kind: type[T]) -> list[T]:
        return [e for e in self.documents if isinstance(e, kind)]


def _offer(doc_id: int, size: int, width: int = 640, height: int = 480) -> wire.Offer:
    """An offer whose sha256 no page will match: for a peer that breaks the protocol."""
    return wire.Offer(
        doc_id=doc_id, size=size, sha256="0" * 64, mime="image/jpeg", width=width, height=height
    )


@pytest.fixture
async def pair() -> AsyncIterator[tuple[Party, Party]]:
    link = Link()
    offerer, answerer = await _side("offerer", link), await _side("answerer", link)
    parties = (Party(offerer), Party(answerer))
    for party in parties:
        party.side.session.events.on_document = party.documents.append
    link.start(offerer.session, answerer.session)
    await answerer.session.start()
    await offerer.session.start()
    await _until(lambda: len(offerer.counters) > 3 and len(answerer.counters) > 3)
    await _until(lambda: all(p.side.session.documents.open for p in parties))
    yield parties
    await link.stop()
    for side in (offerer, answerer):
        await side.session.close()
        await side.local.close()


async def test_a_2_mb_still_arrives_byte_identical_while_text_flows(
    pair: tuple[Party, Party],
) -> None:
    kiosk, adviser = pair
    still = synthetic_still()
    assert len(still.data) >= 2_000_000
    started = time.monotonic()
    doc_id = kiosk.side.session.send_document(
        still.data, mime=still.mime, width=still.width, height=still.height
    )
    await _until(lambda: bool(kiosk.of_type(DocumentProgress)))  # chunks are on their way
    typed_at = time.monotonic()
    for n in range(1, 6):  # the resident types while the picture travels
        await kiosk.side.session.send_text("a letter from the tax office"[: n * 5])
    await _until(lambda: len(adviser.side.texts) == 5, 30)
    text_took = time.monotonic() - typed_at
    await _until(lambda: bool(adviser.of_type(DocumentReceived)), 30)
    await _until(lambda: bool(kiosk.of_type(DocumentDelivered)), 10)
    print(f"\n2 MB still on loopback: delivered in {time.monotonic() - started:.2f} s")
    print(f"text typed mid-transfer reached the adviser in {text_took * 1000:.0f} ms")
    (page,) = adviser.of_type(DocumentReceived)
    assert page.data == still.data and page.sha256 == hashlib.sha256(still.data).hexdigest()
    assert (page.doc_id, page.width, page.height, page.page) == (doc_id, 2560, 1920, 1)
    progress = [e.done for e in adviser.of_type(DocumentProgress)]
    assert progress == sorted(progress) and progress[-1] == len(still.data)
    assert adviser.side.session.remote_text.draft == "a letter from the tax office"[:25]


async def test_the_doc_channel_caps_the_call_s_slow_start_on_both_ends(
    pair: tuple[Party, Party],
) -> None:
    # aiortc starts the threshold at the peer's advertised window, 1 MiB; the first page then
    # overflowed the receiving socket (docs/performance.md). A renamed attribute in an aiortc
    # upgrade would silently bring that back: this fails instead.
    for party in pair:
        sctp = party.side.session.pc.sctp
        assert sctp is not None
        assert sctp._ssthresh <= SLOW_START_CAP < sctp._advertised_rwnd


def test_capping_never_raises_the_threshold_and_says_when_it_cannot() -> None:
    class Association:  # what cap_slow_start reads of aiortc's RTCSctpTransport
        _ssthresh = 32 * 1024

    association = Association()
    assert cap_slow_start(association, SLOW_START_CAP)
    assert association._ssthresh == 32 * 1024
    assert not cap_slow_start(object(), SLOW_START_CAP)


async def test_a_retransmission_timeout_mid_page_climbs_back_to_the_cap_in_slow_start(
    pair: tuple[Party, Party],
) -> None:
    # A receiver whose loop stalls past the RTO (an interpreter's connections starting on it)
    # makes the sender's T3 timer fire. aiortc then left the threshold at four packets and the
    # rest of the page crawled at a packet more per round trip: 10-22 s instead of 1-4 s
    # (docs/performance.md, "A page while an interpreter joins"). The timer is fired here as
    # aiortc's own call_later would, on the real association, mid-page.
    kiosk, adviser = pair
    still = synthetic_still(seed=2)
    sctp = kiosk.side.session.pc.sctp
    assert sctp is not None
    kiosk.side.session.send_document(
        still.data, mime=still.mime, width=still.width, height=still.height
    )
    await _until(lambda: bool(kiosk.of_type(DocumentProgress)) and sctp._flight_size > 0)
    sctp._t3_expired()
    assert sctp._cwnd < 2 * 1200  # restarted at one packet, as RFC 9260 says
    assert sctp._ssthresh >= SLOW_START_CAP  # not aiortc's four packets
    await _until(lambda: bool(adviser.of_type(DocumentReceived)), 30)
    (page,) = adviser.of_type(DocumentReceived)
    assert page.data == still.data


def test_the_timeout_floor_says_when_this_aiortc_has_no_such_timer() -> None:
    assert not floor_after_timeout(object(), SLOW_START_CAP)


async def test_a_raw_malformed_chunk_is_refused_and_the_call_goes_on(
    pair: tuple[Party, Party],
) -> None:
    kiosk, adviser = pair
    raw = kiosk.side.session.documents.channel
    raw.send(wire.encode(_offer(40, 5000, 640, 480)))
    raw.send(wire.HEADER.pack(40, 3) + b"\xff\xd8\xff")  # seq 3 first: out of order
    raw.send(b"\x01")  # no header at all
    raw.send(wire.encode(_offer(41, wire.MAX_BYTES + 1, 9, 9)))
    await _until(lambda: len(adviser.of_type(DocumentRefused)) >= 2)
    reasons = [e.reason for e in adviser.of_type(DocumentRefused)]
    assert reasons == ["out_of_order", "too_large"]

    frames, still = len(kiosk.side.counters), synthetic_still(640, 480, seed=3)
    kiosk.side.session.send_document(still.data, mime=still.mime, width=640, height=480)
    await kiosk.side.session.commit_text("still here")
    await _until(lambda: len(adviser.of_type(DocumentReceived)) == 1)
    assert adviser.of_type(DocumentReceived)[0].data == still.data
    await _until(lambda: adviser.side.session.remote_text.lines == ["still here"])
    await _until(lambda: len(kiosk.side.counters) > frames + 5)  # video still flows


async def test_the_adviser_asks_and_the_resident_declines_then_the_kiosk_takes_none(
    pair: tuple[Party, Party],
) -> None:
    kiosk, adviser = pair
    adviser.side.session.request_document()
    await _until(lambda: kiosk.of_type(DocumentRequested) == [DocumentRequested()])
    kiosk.side.session.decline_document()
    await _until(lambda: adviser.of_type(RequestDeclined) == [RequestDeclined()])
