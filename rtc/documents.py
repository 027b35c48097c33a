"""Documents in a call: one party's end of the document channel (protocol.md §Documents in a call).

A resident shows the adviser a letter as a still picture sent peer to peer over the call's
``doc`` data channel (:mod:`rtc.document_wire`). :class:`DocumentLink` is both directions of one
party's end, sans-I/O: the adapter (:class:`rtc.call.CallSession`) feeds it what the channel
delivers with :meth:`~DocumentLink.receive`, sends what :meth:`~DocumentLink.outgoing` returns and
hands :meth:`~DocumentLink.events_received` to the app.

Rules:

* One transfer at a time each way; each direction numbers its documents from 1. Which direction
  a message is about follows from its type: ``offer``, chunks, ``done`` and ``cancel`` concern the
  document the peer sends; ``accept``, ``ack`` and ``refuse`` the one this side sends.
* The sender offers and sends no chunk before the receiver's ``accept``. The receiver refuses an
  offer while another is incoming (``busy``), over :data:`~rtc.document_wire.MAX_BYTES`
  (``too_large``), past :data:`~rtc.document_wire.MAX_PAGES` received in this call
  (``too_many_pages``), or of a type or size no camera makes (``bad_type``); a side built with
  ``takes_documents=False`` (the kiosk) refuses every offer (``unwanted``).
* Chunks come in order (the channel is ordered): ``seq`` 0, 1, 2, ... each at most ``chunk_size``
  bytes, never more in all than offered. The first must start like the offered type
  (``not_an_image``). On ``done`` the size and sha256 must match (``incomplete``, ``checksum``);
  then ``ack`` and the document is the app's.
* Whatever the peer sends ends at most the one transfer it concerns, with a ``refuse`` naming the
  reason; the chunks of a refused document still in flight are dropped quietly. Nothing raises on
  peer input, so the call and its real-time text go on.
* Flow control is the adapter's ``room``: :meth:`~DocumentLink.outgoing` hands out chunks only up
  to it, so the channel's buffer (shared with the text channel in aiortc) stays short.

Nothing here is written anywhere: received bytes leave in :class:`DocumentReceived` and the link
forgets them; :meth:`~DocumentLink.close` drops a half-received document.
"""

from __future__ import annotations

import hashlib
from collections import deque
from dataclasses import dataclass, field
from typing import Literal

from rtc import document_wire as wire
from signaling.errors import LocalProtocolError, MalformedMessage

Direction = Literal["sending", "receiving"]
MAGIC = {"image/jpeg": b"\xff\xd8\xff", "image/png": b"\x89PNG\r\n\x1a\n"}
PROGRESS_STEPS = 20  # progress events per transfer, at most


@dataclass(frozen=True)
class DocumentOffered:
    """The peer started sending a document, and this side accepted it."""

    doc_id: int
    size: int
    mime: str
    width: int
    height: int


@dataclass(frozen=True)
class DocumentProgress:
    doc_id: int
    direction: Direction
    done: int  # bytes
    total: int


@dataclass(frozen=True)
class DocumentReceived:
    """A whole document, checked; the only copy of its bytes."""

    doc_id: int
    data: bytes
    sha256: str
    mime: str
    width: int
    height: int
    page: int  # 1, 2, ... in this call


@dataclass(frozen=True)
class DocumentDelivered:
    """The peer acknowledged the document this side sent (size and sha256 checked)."""

    doc_id: int
    page: int


@dataclass(frozen=True)
class DocumentRefused:
    """A transfer ended without the document: ``by`` the peer's refuse / cancel, or this side."""

    doc_id: int | None
    direction: Direction
    reason: wire.Reason
    by: Literal["peer", "us"]


@dataclass(frozen=True)
class DocumentRequested:
    """The peer (the adviser) asks to see a document; the resident must say yes or no."""


@dataclass(frozen=True)
class RequestDeclined:
    """The peer (the resident) said no to this side's request."""


@dataclass(frozen=True)
class Dropped:
    """A message that fits no transfer, dropped; for the log (never the message's content)."""

    detail: str


Event = (
    DocumentOffered
    | DocumentProgress
    | DocumentReceived
    | DocumentDelivered
    | DocumentRefused
    | DocumentRequested
    | RequestDeclined
    | Dropped
)


@dataclass
class _Outgoing:
    offer: wire.Offer
    data: bytes
    accepted: bool = False
    sent: int = 0  # bytes handed to the channel
    seq: int = 0


@dataclass
class _Incoming:
    offer: wire.Offer
    parts: list[bytes] = field(default_factory=list)
    received: int = 0
    seq: int = 0
    digest: hashlib._Hash = field(default_factory=hashlib.sha256)


def offer_problem(
    size: int, mime: str, width: int, height: int, *, max_bytes: int
) -> wire.Reason | None:
    """Why a document with these figures cannot be sent or taken; None when it can."""
    if size > max_bytes:
        return "too_large"
    if mime not in MAGIC or size < len(MAGIC[mime]):
        return "bad_type"
    if not (1 <= width <= wire.MAX_SIDE and 1 <= height <= wire.MAX_SIDE):
        return "bad_type"
    return None


class DocumentLink:
    """Both directions of one party's document channel (see the module docstring)."""

    def __init__(
        self,
        *,
        max_bytes: int = wire.MAX_BYTES,
        max_pages: int = wire.MAX_PAGES,
        chunk_size: int = wire.CHUNK_SIZE,
        takes_documents: bool = True,
    ) -> None:
        self.takes_documents = takes_documents
        self.max_bytes, self.max_pages, self.chunk_size = max_bytes, max_pages, chunk_size
        self._out: _Outgoing | None = None
        self._in: _Incoming | None = None
        self._control: deque[wire.Control] = deque()
        self._events: list[Event] = []
        self._next_id = 1
        self._quiet_id: int | None = (
            None  # a refused incoming document: its late chunks are dropped
        )
        self.pages_sent = 0  # delivered
        self.pages_received = 0

    # --- this side sends ----------------------------------------------------------------------

    @property
    def sending(self) -> bool:
        return self._out is not None

    def send(self, data: bytes, *, mime: str, width: int, height: int) -> int:
        """Offer ``data``; returns its ``doc_id``. Raises LocalProtocolError when a transfer is
        already going this way, past the page limit, or for a document the peer would refuse
        (the app checks :func:`offer_problem` first)."""
        if self._out is not None:
            raise LocalProtocolError("a document is already being sent")
        if self.pages_sent >= self.max_pages:
            raise LocalProtocolError(f"{self.max_pages} pages is the most one call takes")
        problem = offer_problem(len(data), mime, width, height, max_bytes=self.max_bytes)
        if problem is not None or not data.startswith(MAGIC[mime]):
            raise LocalProtocolError(f"not a document to send: {problem or 'not_an_image'}")
        digest = hashlib.sha256(data).hexdigest()
        offer = wire.Offer(
            doc_id=self._next_id,
            size=len(data),
            sha256=digest,
            mime=mime,
            width=width,
            height=height,
        )
        self._next_id += 1
        self._out = _Outgoing(offer, data)
        self._control.append(offer)
        return offer.doc_id

    def cancel(self) -> None:
        """Stop sending the current document (the resident pressed Cancel); nothing when idle."""
        out, self._out = self._out, None
        if out is not None:
            self._control.append(wire.Cancel(doc_id=out.offer.doc_id))
            self._events.append(DocumentRefused(out.offer.doc_id, "sending", "cancelled", "us"))

    def request(self) -> None:
        """Ask the peer (the resident) for a document."""
        self._control.append(wire.Request())

    def decline(self) -> None:
        """Say no to the peer's request."""
        self._control.append(wire.Decline())

    def outgoing(self, room: int) -> list[str | bytes]:
        """Messages to send now: every control message, then chunks while ``room`` bytes last
        (the channel's free buffer). Call again when the channel has room again."""
        messages: list[str | bytes] = [wire.encode(c) for c in self._control]
        self._control.clear()
        out = self._out
        if out is None or not out.accepted or out.sent >= out.offer.size:
            return messages
        before = out.sent
        while room > 0 and out.sent < out.offer.size:
            data = out.data[out.sent : out.sent + self.chunk_size]
            messages.append(wire.encode(wire.Chunk(out.offer.doc_id, out.seq, data)))
            out.sent, out.seq, room = out.sent + len(data), out.seq + 1, room - len(data)
        if out.sent > before:
            self._events.append(
                DocumentProgress(out.offer.doc_id, "sending", out.sent, out.offer.size)
            )
        if out.sent == out.offer.size:
            messages.append(wire.encode(wire.Done(doc_id=out.offer.doc_id)))
        return messages

    # --- the peer's messages ------------------------------------------------------------------

    def receive(self, data: str | bytes) -> None:
        """Feed one message from the channel; never raises on what the peer sent."""
        try:
            message = wire.decode(data)
        except MalformedMessage as exc:
            self._malformed(exc.detail)
            return
        match message:
            case wire.Offer():
                self._on_offer(message)
            case wire.Chunk():
                self._on_chunk(message)
            case wire.Done():
                self._on_done(message)
            case wire.Cancel():
                self._on_cancel(message)
            case wire.Accept() | wire.Ack() | wire.Refuse():
                self._on_answer(message)
            case wire.Request():
                self._events.append(DocumentRequested())
            case wire.Decline():
                self._events.append(RequestDeclined())

    def events_received(self) -> list[Event]:
        """What happened since the last call, in order; drains the list."""
        events, self._events = self._events, []
        return events

    def close(self) -> None:
        """The call ended: forget both transfers (a half-received document is dropped)."""
        self._out = self._in = None
        self._control.clear()

    # --- receiving ----------------------------------------------------------------------------

    def _on_offer(self, offer: wire.Offer) -> None:
        problem = offer_problem(
            offer.size, offer.mime, offer.width, offer.height, max_bytes=self.max_bytes
        )
        if not self.takes_documents:
            problem = "unwanted"
        elif self._in is not None:
            problem = "busy"
        elif self.pages_received >= self.max_pages:
            problem = "too_many_pages"
        if problem is not None:
            self._refuse_offer(offer.doc_id, problem)
            return
        self._in = _Incoming(offer)
        self._control.append(wire.Accept(doc_id=offer.doc_id))
        self._events.append(
            DocumentOffered(offer.doc_id, offer.size, offer.mime, offer.width, offer.height)
        )

    def _on_chunk(self, chunk: wire.Chunk) -> None:
        incoming = self._in
        if incoming is None or chunk.doc_id != incoming.offer.doc_id:
            if chunk.doc_id != self._quiet_id:
                self._refuse_offer(chunk.doc_id, "malformed")  # a chunk of no offer accepted
            return
        problem = self._chunk_problem(incoming, chunk)
        if problem is not None:
            self._refuse_incoming(problem)
            return
        before = incoming.received
        incoming.parts.append(chunk.data)
        incoming.digest.update(chunk.data)
        incoming.received += len(chunk.data)
        incoming.seq += 1
        total = incoming.offer.size
        if before * PROGRESS_STEPS // total < incoming.received * PROGRESS_STEPS // total:
            self._events.append(
                DocumentProgress(incoming.offer.doc_id, "receiving", incoming.received, total)
            )

    def _chunk_problem(self, incoming: _Incoming, chunk: wire.Chunk) -> wire.Reason | None:
        if len(chunk.data) > self.chunk_size:
            return "malformed"
        if chunk.seq != incoming.seq:
            return "out_of_order"
        if incoming.received + len(chunk.data) > incoming.offer.size:
            return "too_large"
        if chunk.seq == 0 and not chunk.data.startswith(MAGIC[incoming.offer.mime]):
            return "not_an_image"
        return None

    def _on_done(self, done: wire.Done) -> None:
        incoming = self._in
        if incoming is None or done.doc_id != incoming.offer.doc_id:
            self._events.append(Dropped(f"done for document {done.doc_id}, not incoming"))
            return
        if incoming.received != incoming.offer.size:
            self._refuse_incoming("incomplete")
        elif incoming.digest.hexdigest() != incoming.offer.sha256:
            self._refuse_incoming("checksum")
        else:
            self._deliver(incoming)

    def _deliver(self, incoming: _Incoming) -> None:
        self._in = None
        self.pages_received += 1
        offer = incoming.offer
        self._control.append(wire.Ack(doc_id=offer.doc_id))
        self._events.append(
            DocumentReceived(
                doc_id=offer.doc_id,
                data=b"".join(incoming.parts),
                sha256=offer.sha256,
                mime=offer.mime,
                width=offer.width,
                height=offer.height,
                page=self.pages_received,
            )
        )

    def _on_cancel(self, cancel: wire.Cancel) -> None:
        incoming = self._in
        if incoming is None or cancel.doc_id != incoming.offer.doc_id:
            return  # a cancel that crossed our refuse: nothing left to stop
        self._in, self._quiet_id = None, cancel.doc_id
        self._events.append(DocumentRefused(cancel.doc_id, "receiving", "cancelled", "peer"))

    def _malformed(self, detail: str) -> None:
        if self._in is not None:
            self._refuse_incoming("malformed")
        self._events.append(Dropped(detail))

    def _refuse_incoming(self, reason: wire.Reason) -> None:
        assert self._in is not None
        doc_id = self._in.offer.doc_id
        self._in = None
        self._refuse_offer(doc_id, reason)

    def _refuse_offer(self, doc_id: int, reason: wire.Reason) -> None:
        self._quiet_id = doc_id
        self._control.append(wire.Refuse(doc_id=doc_id, reason=reason))
        self._events.append(DocumentRefused(doc_id, "receiving", reason, "us"))

    # --- the peer's answers to what this side sends -------------------------------------------

    def _on_answer(self, answer: wire.Accept | wire.Ack | wire.Refuse) -> None:
        out = self._out
        # A refuse that names no document can only be about the one transfer running this way.
        if out is None or answer.doc_id not in (out.offer.doc_id, None):
            self._events.append(Dropped(f"{type(answer).__name__.lower()} for no document sent"))
            return
        match answer:
            case wire.Accept() if not out.accepted:
                out.accepted = True
            case wire.Ack() if out.sent == out.offer.size:
                self._out = None
                self.pages_sent += 1
                self._events.append(DocumentDelivered(out.offer.doc_id, self.pages_sent))
            case wire.Refuse(reason=reason):
                self._out = None
                self._events.append(DocumentRefused(out.offer.doc_id, "sending", reason, "peer"))
            case _:
                self._events.append(Dropped(f"{type(answer).__name__.lower()} out of turn"))
