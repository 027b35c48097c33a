"""The text messages of a call's data channels, peer to peer (docs/protocol.md §Documents in a call,
§Real-time text): the ``doc`` channel's control messages and the ``rtt`` channel's updates.

They never pass through the server; they live here, beside :mod:`signaling.messages`, so that one
set of classes both parses them (:mod:`rtc.document_wire` decodes with :func:`parse_doc_control`)
and generates their part of docs/protocol.schema.json (:func:`data_channels_schema`, under
``data_channels``). Clients may import this module; it imports nothing of the server.

Unlike signaling messages, unknown keys are ignored: the channels carry no protocol version, so
a newer peer may add a field without breaking an older one. Pure: no I/O.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal, TypeAlias, get_args

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, ValidationError

from signaling.errors import MalformedMessage

# A document number, size or side, as the chunk header holds them: unsigned 32-bit. Strict: a
# boolean, a float or a numeric string is not a count.
Count = Annotated[int, Field(strict=True, ge=0, lt=2**32)]
Sha256 = Annotated[str, Field(pattern=r"^[0-9a-f]{64}$", description="lower-case hex")]
RTT_MAX_LINE = 500  # as signaling.messages.Text: one utterance, not a document

RefuseReason = Literal[
    "too_large",  # over the size limit, or more bytes than offered
    "too_many_pages",  # over the pages per call
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
REFUSE_REASONS: tuple[RefuseReason, ...] = get_args(RefuseReason)


class _ChannelMessage(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True, populate_by_name=True)


class DocOffer(_ChannelMessage):
    """The sender proposes one page; nothing else is sent until the receiver accepts."""

    type: Literal["offer"] = "offer"
    doc_id: Count
    size: Count = Field(alias="bytes")
    sha256: Sha256
    # Any string: the receiver refuses all but image/jpeg and image/png as bad_type, not malformed.
    mime: str
    width: Count
    height: Count


class DocAccept(_ChannelMessage):
    """The receiver takes the offered page; only now may chunks flow."""

    type: Literal["accept"] = "accept"
    doc_id: Count


class DocDone(_ChannelMessage):
    """Every chunk is sent; the receiver checks the size and the sha256, then acks or refuses."""

    type: Literal["done"] = "done"
    doc_id: Count


class DocAck(_ChannelMessage):
    """The size and sha256 matched: the page is delivered."""

    type: Literal["ack"] = "ack"
    doc_id: Count


class DocRefuse(_ChannelMessage):
    """Either side ends a transfer; ``doc_id`` null when the refused message named none."""

    type: Literal["refuse"] = "refuse"
    doc_id: Count | None = None
    reason: RefuseReason


class DocCancel(_ChannelMessage):
    """The sender gives up (the resident pressed Cancel)."""

    type: Literal["cancel"] = "cancel"
    doc_id: Count


class DocRequest(_ChannelMessage):
    """The adviser asks to see a document; the resident's screen asks them (the consent rule)."""

    type: Literal["request"] = "request"


class DocDecline(_ChannelMessage):
    """The resident said no to a request."""

    type: Literal["decline"] = "decline"


DocControl: TypeAlias = Annotated[
    DocOffer | DocAccept | DocDone | DocAck | DocRefuse | DocCancel | DocRequest | DocDecline,
    Field(discriminator="type"),
]


class RttUpdateMessage(_ChannelMessage):
    """One line of the sender's text as it stands now (rtc/text.py has the rules)."""

    seq: Count
    line: Count
    text: str = Field(max_length=RTT_MAX_LINE)
    committed: Annotated[bool, Field(strict=True)]


_doc_adapter: TypeAdapter[DocControl] = TypeAdapter(DocControl)
_rtt_adapter: TypeAdapter[RttUpdateMessage] = TypeAdapter(RttUpdateMessage)
DOC_CONTROL_TYPES = frozenset(_doc_adapter.json_schema()["discriminator"]["mapping"])


def parse_doc_control(text: str | bytes) -> DocControl:
    """One ``doc`` control message. Raises MalformedMessage, naming the first problem."""
    try:
        result: DocControl = _doc_adapter.validate_json(text)
    except ValidationError as exc:
        raise MalformedMessage(f"doc: {_first_problem(exc)}") from None
    return result


def serialize_doc_control(message: DocControl) -> str:
    return message.model_dump_json(by_alias=True)


def parse_rtt_update(text: str | bytes) -> RttUpdateMessage:
    """One ``rtt`` update. Raises MalformedMessage, naming the first problem."""
    try:
        return _rtt_adapter.validate_json(text)
    except ValidationError as exc:
        raise MalformedMessage(f"rtt: {_first_problem(exc)}") from None


def _first_problem(exc: ValidationError) -> str:
    first = exc.errors(include_url=False, include_input=False)[0]
    kind, loc, ctx = first["type"], first["loc"], first.get("ctx") or {}
    if kind == "union_tag_invalid":
        return f"unknown message type {str(ctx.get('tag', ''))[:40]!r}"
    if kind == "union_tag_not_found":
        return "a control message needs a string 'type'"
    if kind == "json_invalid":
        return f"not valid JSON: {ctx.get('error', first['msg'])}"
    if not loc:
        return "a message must be a JSON object"
    return f"{'.'.join(str(part) for part in loc)}: {first['msg']}"


def data_channels_schema() -> dict[str, Any]:
    """The JSON Schema of each data channel's text messages, keyed by the channel's label."""
    return {
        "doc": {
            "description": "control messages (text); chunks are binary: docs/protocol.md",
            **_doc_adapter.json_schema(by_alias=True),
        },
        "rtt": _rtt_adapter.json_schema(by_alias=True),
    }
