"""The document channel's wire format (docs/protocol.md §Documents in a call).

A still of a letter travels peer to peer on its own data channel, labelled :data:`CHANNEL_LABEL`,
ordered and reliable, beside the real-time-text channel. Two kinds of message:

* **control**: a text message holding one JSON object with a ``type``: ``offer``, ``accept``,
  ``chunk``-less ``done``, ``ack``, ``refuse``, ``cancel``, ``request``, ``decline``;
* **chunk**: a binary message, an 8-byte header (``doc_id`` and ``seq``, unsigned 32-bit big-endian)
  and 1 to :data:`CHUNK_SIZE` bytes of the document.

Pure: encoding and decoding only; :mod:`rtc.documents` holds the rules. The control messages are
the pydantic classes of :mod:`signaling.channel_messages`, which also generate their JSON Schema
(``kiosklink schema``, ``data_channels``). Decoding raises
:class:`~signaling.errors.MalformedMessage` on anything that is not exactly such a message.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass
from typing import Literal, get_args

from signaling.channel_messages import (
    REFUSE_REASONS,
    DocAccept,
    DocAck,
    DocCancel,
    DocDecline,
    DocDone,
    DocOffer,
    DocRefuse,
    DocRequest,
    RefuseReason,
    parse_doc_control,
    serialize_doc_control,
)
from signaling.errors import MalformedMessage

CHANNEL_LABEL = "doc"
CHUNK_SIZE = 16 * 1024  # well under aiortc's 64 KiB message limit; a browser's too
MAX_BYTES = 8 * 1024 * 1024  # one page: a 12-megapixel JPEG of a letter is 2-4 MB
MAX_PAGES = 12  # per call and direction: what a receiver holds is at most 96 MiB
MAX_SIDE = 10_000  # pixels; a width or height beyond it is not a camera's
HEADER = struct.Struct(">II")  # doc_id, seq
# Flow control: the sender fills the channel's buffer up to HIGH_WATER bytes and refills it at
# bufferedamountlow (LOW_WATER). aiortc queues every data channel of a call in one FIFO, so this is
# also the most a real-time-text message waits behind a picture.
HIGH_WATER = 128 * 1024
LOW_WATER = 32 * 1024

Mime = Literal["image/jpeg", "image/png"]
MIMES: tuple[Mime, ...] = get_args(Mime)
Reason = RefuseReason
REASONS = REFUSE_REASONS

# The control messages are the pydantic classes the schema is generated from (one truth); here
# under the names the rules use. Build them with keywords: Offer(doc_id=1, size=..., ...).
Offer = DocOffer  # ``size`` is "bytes" on the wire
Accept = DocAccept
Done = DocDone
Ack = DocAck
Refuse = DocRefuse
Cancel = DocCancel
Request = DocRequest
Decline = DocDecline


@dataclass(frozen=True)
class Chunk:
    doc_id: int
    seq: int
    data: bytes


Control = Offer | Accept | Done | Ack | Refuse | Cancel | Request | Decline
Message = Control | Chunk


def encode(message: Message) -> str | bytes:
    """A chunk as binary, any other message as a JSON text."""
    if isinstance(message, Chunk):
        return HEADER.pack(message.doc_id, message.seq) + message.data
    return serialize_doc_control(message)


def decode(data: str | bytes) -> Message:
    """One message from the channel. Raises MalformedMessage; sizes are checked by the rules."""
    if isinstance(data, bytes):
        return _decode_chunk(data)
    return parse_doc_control(data)


def _decode_chunk(data: bytes) -> Chunk:
    if len(data) <= HEADER.size:
        raise MalformedMessage(f"doc: a chunk of {len(data)} bytes holds no data")
    doc_id, seq = HEADER.unpack_from(data)
    return Chunk(doc_id=doc_id, seq=seq, data=data[HEADER.size :])
