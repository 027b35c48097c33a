"""The document channel's rules: two DocumentLinks joined in memory, no event loop.

A resident's end and an adviser's end exchange what ``outgoing`` returns; every malformed,
oversized or out-of-order message ends at most its one transfer with a refuse, and the next
document still goes through.
"""

from __future__ import annotations

import hashlib
import json
import os
from typing import TypeVar

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rtc import document_wire as wire
from rtc.documents import (
    DocumentDelivered,
    DocumentLink,
    DocumentOffered,
    DocumentProgress,
    DocumentReceived,
    DocumentRefused,
    DocumentRequested,
    Dropped,
    Event,
    RequestDeclined,
)
from signaling.errors import LocalProtocolError

ROOM = 64 * 1024
T = TypeVar("T")


def jpeg(size: int) -> bytes:
    """Bytes that start like a JPEG; the link never decodes pictures, it only checks the start."""
    return b"\xff\xd8\xff\xe0" + os.urandom(size - 4)


class Pair:
    """The resident's and the adviser's ends, joined by an in-memory channel."""

    def __init__(self, max_pages: int = wire.MAX_PAGES) -> None:
        self.kiosk = DocumentLink(max_pages=max_pages)
        self.adviser = DocumentLink(max_pages=max_pages)
        self.wire_log: list[str | bytes] = []

    def pump(self, room: int = ROOM, rounds: int = 10_000) -> None:
        """Carry messages both ways until neither end has anything to send."""
        for _ in range(rounds):
            moved = False
            for sender, receiver in ((self.kiosk, self.adviser), (self.adviser, self.kiosk)):
                for message in sender.outgoing(room):
                    self.wire_log.append(message)
                    receiver.receive(message)
                    moved = True
            if not moved:
                return
        raise AssertionError("the links never went quiet")


def of_type(events: list[Event], kind: type[T]) -> list[T]:
    return [e for e in events if isinstance(e, kind)]


def test_a_document_arrives_byte_identical_with_progress_both_ways() -> None:
    pair = Pair()
    data = jpeg(2 * 1024 * 1024)
    doc_id = pair.kiosk.send(data, mime="image/jpeg", width=4032, height=3024)
    pair.pump()
    received = of_type(pair.adviser.events_received(), DocumentReceived)
    assert len(received) == 1
    (doc,) = received
    assert doc.data == data and doc.sha256 == hashlib.sha256(data).hexdigest()
    assert (doc.doc_id, doc.mime, doc.width, doc.height, doc.page) == (
        doc_id,
        "image/jpeg",
        4032,
        3024,
        1,
    )
    sent_events = pair.kiosk.events_received()
    assert of_type(sent_events, DocumentDelivered) == [DocumentDelivered(doc_id, 1)]
    sent_progress = of_type(sent_events, DocumentProgress)
    assert sent_progress[-1].done == len(data) and len(sent_progress) > 1
    assert not pair.kiosk.sending


def test_progress_on_the_receiving_side_rises_to_the_whole() -> None:
    pair = Pair()
    data = jpeg(1_000_000)
    pair.kiosk.send(data, mime="image/jpeg", width=10, height=10)
    pair.pump()
    events = pair.adviser.events_received()
    assert isinstance(events[0], DocumentOffered) and events[0].size == len(data)
    done = [e.done for e in of_type(events, DocumentProgress)]
    assert done == sorted(done) and done[-1] == len(data) and 2 < len(done) <= 20


def test_no_chunk_is_sent_before_the_receiver_accepts() -> None:
    link = DocumentLink()
    link.send(jpeg(100_000), mime="image/jpeg", width=10, height=10)
    first = link.outgoing(ROOM)
    assert [json.loads(m)["type"] for m in first if isinstance(m, str)] == ["offer"]
    assert all(isinstance(m, str) for m in first)
    assert link.outgoing(ROOM) == []  # still waiting for accept


def test_chunks_stop_at_the_room_the_channel_has() -> None:
    pair = Pair()
    pair.kiosk.send(jpeg(200_000), mime="image/jpeg", width=10, height=10)
    for message in pair.kiosk.outgoing(ROOM):
        pair.adviser.receive(message)
    for message in pair.adviser.outgoing(ROOM):
        pair.kiosk.receive(message)  # the accept
    chunks = [m for m in pair.kiosk.outgoing(20_000) if isinstance(m, bytes)]
    assert len(chunks) == 2  # 16 KiB, then 16 KiB more while room was left
    assert all(len(c) <= wire.HEADER.size + wire.CHUNK_SIZE for c in chunks)


def test_several_pages_in_one_call_then_the_limit() -> None:
    pair = Pair(max_pages=3)
    for page in (1, 2, 3):
        pair.kiosk.send(jpeg(50_000), mime="image/jpeg", width=10, height=10)
        pair.pump()
        (doc,) = of_type(pair.adviser.events_received(), DocumentReceived)
        assert doc.page == page
    with pytest.raises(LocalProtocolError):
        pair.kiosk.send(jpeg(50_000), mime="image/jpeg", width=10, height=10)


def test_a_peer_past_the_page_limit_is_refused_and_told_why() -> None:
    pair = Pair(max_pages=1)
    pair.kiosk.send(jpeg(50_000), mime="image/jpeg", width=10, height=10)
    pair.pump()
    pair.adviser.events_received()
    pair.adviser.receive(_offer(doc_id=9, size=50_000))  # a peer that ignores the limit
    assert of_type(pair.adviser.events_received(), DocumentRefused) == [
        DocumentRefused(9, "receiving", "too_many_pages", "us")
    ]
    assert _refusals(pair.adviser.outgoing(ROOM)) == [(9, "too_many_pages")]


def _offer(doc_id: int = 1, size: int = 1000, mime: str = "image/jpeg", **extra: object) -> str:
    fields = {
        "type": "offer",
        "doc_id": doc_id,
        "bytes": size,
        "sha256": "0" * 64,
        "mime": mime,
        "width": 640,
        "height": 480,
    }
    return json.dumps(fields | extra)


def _refusals(messages: list[str | bytes]) -> list[tuple[int | None, str]]:
    decoded = [json.loads(m) for m in messages if isinstance(m, str)]
    return [(m["doc_id"], m["reason"]) for m in decoded if m["type"] == "refuse"]


@pytest.mark.parametrize(
    ("offer", "reason"),
    [
        (_offer(size=wire.MAX_BYTES + 1), "too_large"),
        (_offer(mime="application/pdf"), "bad_type"),
        (_offer(width=0), "bad_type"),
        (_offer(height=wire.MAX_SIDE + 1), "bad_type"),
        (_offer(size=2), "bad_type"),  # shorter than a JPEG's first bytes
    ],
)
def test_offers_no_camera_makes_are_refused(offer: str, reason: str) -> None:
    link = DocumentLink()
    link.receive(offer)
    assert of_type(link.events_received(), DocumentRefused) == [
        DocumentRefused(1, "receiving", reason, "us")  # type: ignore[arg-type]
    ]
    assert _refusals(link.outgoing(ROOM)) == [(1, reason)]


def test_a_side_that_takes_no_documents_refuses_them() -> None:
    link = DocumentLink(takes_documents=False)
    link.receive(_offer())
    assert _refusals(link.outgoing(ROOM)) == [(1, "unwanted")]


def test_a_second_offer_while_one_is_incoming_is_busy() -> None:
    link = DocumentLink()
    link.receive(_offer(doc_id=1))
    link.receive(_offer(doc_id=2))
    assert _refusals(link.outgoing(ROOM)) == [(2, "busy")]


def _accepted(size: int = 100_000) -> tuple[DocumentLink, DocumentLink, bytes]:
    """A sender whose offer the receiver accepted; the chunks are not sent yet."""
    sender, receiver = DocumentLink(), DocumentLink()
    data = jpeg(size)
    sender.send(data, mime="image/jpeg", width=10, height=10)
    for message in sender.outgoing(ROOM):
        receiver.receive(message)
    for message in receiver.outgoing(ROOM):
        sender.receive(message)
    receiver.events_received()
    return sender, receiver, data


def _chunk(doc_id: int, seq: int, data: bytes) -> bytes:
    return wire.HEADER.pack(doc_id, seq) + data


@pytest.mark.parametrize(
    ("bad", "reason"),
    [
        (_chunk(1, 1, b"x" * 100), "out_of_order"),  # seq 1 before seq 0
        (_chunk(1, 0, b"\xff\xd8\xff" + b"x" * wire.CHUNK_SIZE), "malformed"),  # over a chunk
        (b"\x00\x00\x00", "malformed"),  # no header
        (_chunk(1, 0, b"GIF89a"), "not_an_image"),
        ("{not json", "malformed"),
    ],
)
def test_a_bad_chunk_ends_that_transfer_and_the_next_goes_through(
    bad: str | bytes, reason: str
) -> None:
    sender, receiver, _ = _accepted()
    receiver.receive(bad)
    refused = of_type(receiver.events_received(), DocumentRefused)
    assert refused == [DocumentRefused(1, "receiving", reason, "us")]  # type: ignore[arg-type]
    answer = receiver.outgoing(ROOM)
    assert _refusals(answer) == [(1, reason)]
    for message in [*sender.outgoing(ROOM), *answer]:  # chunks already in flight cross the refuse
        (receiver if isinstance(message, bytes) else sender).receive(message)
    assert of_type(sender.events_received(), DocumentRefused)[-1].by == "peer"
    assert of_type(receiver.events_received(), DocumentRefused) == []  # late chunks: quiet
    assert not sender.sending

    pair = Pair()
    pair.kiosk, pair.adviser = sender, receiver
    data = jpeg(40_000)
    sender.send(data, mime="image/jpeg", width=10, height=10)
    pair.pump()
    assert [d.data for d in of_type(receiver.events_received(), DocumentReceived)] == [data]


def test_more_bytes_than_offered_is_too_large() -> None:
    _sender, receiver, data = _accepted(size=20_000)
    receiver.receive(_chunk(1, 0, data[: wire.CHUNK_SIZE]))
    receiver.receive(_chunk(1, 1, b"x" * wire.CHUNK_SIZE))  # 32 KiB of a 20 kB document
    assert _refusals(receiver.outgoing(ROOM)) == [(1, "too_large")]


def test_done_before_every_byte_is_incomplete_and_a_changed_byte_fails_the_checksum() -> None:
    _sender, receiver, data = _accepted(size=20_000)
    receiver.receive(_chunk(1, 0, data[: wire.CHUNK_SIZE]))
    receiver.receive(wire.encode(wire.Done(doc_id=1)))
    assert _refusals(receiver.outgoing(ROOM)) == [(1, "incomplete")]

    _sender, receiver, data = _accepted(size=20_000)
    tampered = data[:-1] + bytes([data[-1] ^ 1])
    receiver.receive(_chunk(1, 0, tampered[: wire.CHUNK_SIZE]))
    receiver.receive(_chunk(1, 1, tampered[wire.CHUNK_SIZE :]))
    receiver.receive(wire.encode(wire.Done(doc_id=1)))
    assert _refusals(receiver.outgoing(ROOM)) == [(1, "checksum")]
    assert of_type(receiver.events_received(), DocumentReceived) == []


def test_a_chunk_of_no_accepted_offer_is_refused_once() -> None:
    link = DocumentLink()
    for seq in range(5):
        link.receive(_chunk(7, seq, b"\xff\xd8\xff" + b"x" * 100))
    assert _refusals(link.outgoing(ROOM)) == [(7, "malformed")]


def test_the_sender_cancels_and_the_receiver_forgets_the_half() -> None:
    sender, receiver, _ = _accepted(size=200_000)
    for message in sender.outgoing(20_000):
        receiver.receive(message)
    sender.cancel()
    for message in sender.outgoing(ROOM):
        receiver.receive(message)
    assert of_type(receiver.events_received(), DocumentRefused) == [
        DocumentRefused(1, "receiving", "cancelled", "peer")
    ]
    assert of_type(sender.events_received(), DocumentRefused) == [
        DocumentRefused(1, "sending", "cancelled", "us")
    ]


def test_the_adviser_asks_and_the_resident_declines() -> None:
    pair = Pair()
    pair.adviser.request()
    pair.pump()
    assert pair.kiosk.events_received() == [DocumentRequested()]
    pair.kiosk.decline()
    pair.pump()
    assert pair.adviser.events_received() == [RequestDeclined()]


def test_answers_for_nothing_sent_are_dropped_not_fatal() -> None:
    link = DocumentLink()
    for message in (
        wire.Accept(doc_id=3),
        wire.Ack(doc_id=3),
        wire.Refuse(doc_id=None, reason="busy"),
        wire.Done(doc_id=4),
    ):
        link.receive(wire.encode(message))
    assert all(isinstance(e, Dropped) for e in link.events_received())
    assert link.outgoing(ROOM) == []


def test_close_forgets_a_half_received_document() -> None:
    sender, receiver, _ = _accepted()
    for message in sender.outgoing(20_000):
        receiver.receive(message)
    receiver.close()
    for message in sender.outgoing(ROOM):
        receiver.receive(message)  # the rest arrives after the call ended
    assert of_type(receiver.events_received(), DocumentReceived) == []


@pytest.mark.parametrize(
    "message",
    [
        wire.Offer(doc_id=1, size=10, sha256="a" * 64, mime="image/png", width=3, height=4),
        wire.Accept(doc_id=2),
        wire.Done(doc_id=3),
        wire.Ack(doc_id=4),
        wire.Refuse(doc_id=5, reason="checksum"),
        wire.Refuse(doc_id=None, reason="malformed"),
        wire.Cancel(doc_id=6),
        wire.Request(),
        wire.Decline(),
        wire.Chunk(7, 8, b"data"),
    ],
)
def test_every_message_survives_encoding(message: wire.Message) -> None:
    assert wire.decode(wire.encode(message)) == message


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(st.binary(max_size=64), st.text(max_size=64)), max_size=20))
def test_no_garbage_raises_and_a_document_still_arrives(garbage: list[str | bytes]) -> None:
    pair = Pair()
    for message in garbage:
        pair.adviser.receive(message)
    pair.adviser.events_received()
    pair.pump()
    pair.kiosk.events_received()
    data = jpeg(30_000)
    pair.kiosk.send(data, mime="image/jpeg", width=10, height=10)
    pair.pump()
    assert [d.data for d in of_type(pair.adviser.events_received(), DocumentReceived)] == [data]


def test_no_room_sends_no_chunk_and_reports_no_progress() -> None:
    sender, _receiver, _ = _accepted()
    assert sender.outgoing(0) == []
    assert of_type(sender.events_received(), DocumentProgress) == []
