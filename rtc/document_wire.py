"""The document channel's wire format (docs/protocol.md §Documents in a call).

A still of a letter travels peer to peer on its own data channel, labelled :data:`CHANNEL_LABEL`,
ordered and reliable, beside the real-time-text channel. Two kinds of message:

* **control**: a text message holding one JSON object with a ``type``: ``offer``, ``accept``,
  ``chunk``-less ``done``, ``ack``, ``refuse``, ``cancel``, ``request``, ``decline``;
* **chunk**: a binary message, an 8-byte header (``doc_id`` and ``seq``, unsigned 32-bit big-endian)
  and 1 to :data:`CHUNK_SIZE` bytes of the document.

Pure: encoding and decoding only; :mod:`rtc.documents` holds the rules. Decoding raises
:class:`~signaling.errors.MalformedMessage` on anything that is not exactly such a message.
"""

from __future__ import annotations

import json
import re
import struct
from dataclasses import dataclass
from typing import Literal, get_args

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
Reason = Literal[
    "too_large",  # over MAX_BYTES, or more bytes than offered
    "too_many_pages",  # over MAX_PAGES in this call
    "busy",  # a transfer is already running this way
    "bad_type",  # not image/jpeg or image/png, or a size no camera makes
    "not_an_image",  # the bytes do not start like the offered type
    "malformed",  # a message that is not one of this document's
    "out_of_order",  # a chunk other than the next one
    "incomplete",  # done before every byte arrived
    "checksum",  # the sha256 of what arrived is not the offered one
    "cancelled",  # the sender gave up (the resident pressed Cancel)
    "unwanted",  # this side takes no documents (the kiosk: documents go to the adviser)
]
REASONS: tuple[Reason, ...] = get_args(Reason)
_SHA256 = re.compile(r"[0-9a-f]{64}")


@dataclass(frozen=True)
class Offer:
    """The sender proposes a document; nothing else is sent until the receiver accepts."""

    doc_id: int
    size: int  # "bytes" on the wire
    sha256: str  # lower-case hex
    mime: str  # the receiver refuses anything but MIMES (bad_type), so it is read as sent
    width: int
    height: int


@dataclass(frozen=True)
class Accept:
    doc_id: int


@dataclass(frozen=True)
class Done:
    """Every chunk is sent; the receiver checks the size and the sha256, then acks or refuses."""

    doc_id: int


@dataclass(frozen=True)
class Ack:
    doc_id: int


@dataclass(frozen=True)
class Refuse:
    """Either side ends a transfer; ``doc_id`` None when the refused message named none."""

    doc_id: int | None
    reason: Reason


@dataclass(frozen=True)
class Cancel:
    doc_id: int


@dataclass(frozen=True)
class Request:
    """The adviser asks to see a document; the resident's screen asks them (the consent rule)."""


@dataclass(frozen=True)
class Decline:
    """The resident said no to a request."""


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
    return json.dumps(_fields(message), separators=(",", ":"))


def _fields(message: Control) -> dict[str, object]:
    match message:
        case Offer():
            return {
                "type": "offer",
                "doc_id": message.doc_id,
                "bytes": message.size,
                "sha256": message.sha256,
                "mime": message.mime,
                "width": message.width,
                "height": message.height,
            }
        case Refuse():
            return {"type": "refuse", "doc_id": message.doc_id, "reason": message.reason}
        case Request() | Decline():
            return {"type": type(message).__name__.lower()}
        case Accept() | Done() | Ack() | Cancel():
            return {"type": type(message).__name__.lower(), "doc_id": message.doc_id}


def decode(data: str | bytes) -> Message:
    """One message from the channel. Raises MalformedMessage; sizes are checked by the rules."""
    if isinstance(data, bytes):
        return _decode_chunk(data)
    try:
        raw = json.loads(data)
    except ValueError as exc:
        raise MalformedMessage(f"doc: not valid JSON: {exc}") from None
    if not isinstance(raw, dict):
        raise MalformedMessage("doc: a control message must be a JSON object")
    return _decode_control(raw)


def _decode_chunk(data: bytes) -> Chunk:
    if len(data) <= HEADER.size:
        raise MalformedMessage(f"doc: a chunk of {len(data)} bytes holds no data")
    doc_id, seq = HEADER.unpack_from(data)
    return Chunk(doc_id=doc_id, seq=seq, data=data[HEADER.size :])


def _decode_control(raw: dict[str, object]) -> Control:
    kind = raw.get("type")
    match kind:
        case "offer":
            return _decode_offer(raw)
        case "refuse":
            reason = raw.get("reason")
            if reason not in REASONS:
                raise MalformedMessage(f"doc: unknown refuse reason {reason!r}")
            doc_id = None if raw.get("doc_id") is None else _count(raw, "doc_id")
            return Refuse(doc_id, reason)
        case "request":
            return Request()
        case "decline":
            return Decline()
        case "accept":
            return Accept(_count(raw, "doc_id"))
        case "done":
            return Done(_count(raw, "doc_id"))
        case "ack":
            return Ack(_count(raw, "doc_id"))
        case "cancel":
            return Cancel(_count(raw, "doc_id"))
    raise MalformedMessage(f"doc: unknown message type {kind!r}")


def _decode_offer(raw: dict[str, object]) -> Offer:
    sha256, mime = raw.get("sha256"), raw.get("mime")
    if not isinstance(sha256, str) or not _SHA256.fullmatch(sha256):
        raise MalformedMessage("doc: sha256 must be 64 lower-case hex digits")
    if not isinstance(mime, str):
        raise MalformedMessage("doc: mime must be a string")
    return Offer(
        doc_id=_count(raw, "doc_id"),
        size=_count(raw, "bytes"),
        sha256=sha256,
        mime=mime,
        width=_count(raw, "width"),
        height=_count(raw, "height"),
    )


def _count(raw: dict[str, object], key: str) -> int:
    value = raw.get(key)
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value < 2**32:
        raise MalformedMessage(f"doc: {key} must be an integer from 0 to 2**32 - 1")
    return value
