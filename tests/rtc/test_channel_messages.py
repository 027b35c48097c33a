"""The data channels' messages in docs/protocol.md and in the generated schema.

Every example under §Documents in a call parses with the classes rtc.document_wire decodes with
and survives a round trip; every ``doc`` control type has one; the ``rtt`` example parses, and
what rtc.text sends is what the schema's ``rtt`` model accepts.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from rtc import document_wire as wire
from rtc import text as rtt
from signaling import channel_messages as cm
from signaling.errors import MalformedMessage
from signaling.messages import json_schema

DOC = Path(__file__).resolve().parents[2] / "docs" / "protocol.md"


def _section(title: str) -> str:
    return DOC.read_text().split(f"\n## {title}\n", 1)[1].split("\n## ", 1)[0]


def document_examples() -> list[tuple[str, str]]:
    """(heading, json) for every example under §Documents in a call."""
    found = re.findall(
        r"^#### (\S+)\n(?:[^\n]*\n)*?```json\n(.+?)\n```", _section("Documents in a call"), re.M
    )
    return [(heading, body) for heading, body in found]


@pytest.mark.parametrize(("heading", "body"), document_examples(), ids=lambda x: str(x)[:20])
def test_every_documents_example_parses_and_round_trips(heading: str, body: str) -> None:
    message = wire.decode(body)
    assert not isinstance(message, wire.Chunk)
    assert message.type == heading
    assert wire.decode(wire.encode(message)) == message
    assert json.loads(wire.encode(message)) == json.loads(body)  # the doc shows every field


def test_every_doc_control_type_has_an_example() -> None:
    assert {heading for heading, _ in document_examples()} == cm.DOC_CONTROL_TYPES


def test_the_schema_holds_the_data_channels_messages() -> None:
    channels = json_schema()["data_channels"]
    assert set(channels["doc"]["discriminator"]["mapping"]) == cm.DOC_CONTROL_TYPES
    offer = channels["doc"]["$defs"]["DocOffer"]["properties"]
    assert "bytes" in offer and "size" not in offer  # the wire's name, not the attribute's
    assert set(channels["rtt"]["properties"]) == {"seq", "line", "text", "committed"}


@pytest.mark.parametrize(
    "text",
    [
        '{"type": "offer", "doc_id": 1, "bytes": true, "sha256": "' + "a" * 64 + '",'
        ' "mime": "image/png", "width": 1, "height": 1}',
        '{"type": "accept", "doc_id": "1"}',
        '{"type": "accept", "doc_id": 4294967296}',
        '{"type": "refuse", "doc_id": 1, "reason": "tired"}',
        '{"type": "teleport"}',
        '{"doc_id": 1}',
        "[]",
        "{]",
    ],
)
def test_what_is_not_a_control_message_is_malformed(text: str) -> None:
    with pytest.raises(MalformedMessage, match=r"^doc: "):
        wire.decode(text)


def test_the_rtt_example_parses_and_rtc_text_sends_what_the_schema_describes() -> None:
    (example,) = re.findall(r"`(\{\"seq\".+?\})`", _section("Real-time text"), re.S)
    parsed = cm.parse_rtt_update(example.replace("\n  ", " "))
    assert rtt.decode(example.replace("\n  ", " ")) == rtt.RttUpdate(**parsed.model_dump())
    update = rtt.RttSender().commit("ö" * rtt.MAX_LINE)
    assert cm.parse_rtt_update(rtt.encode(update)).model_dump() == update.__dict__
    assert cm.RTT_MAX_LINE == rtt.MAX_LINE
    with pytest.raises(MalformedMessage, match=r"^rtt: "):
        cm.parse_rtt_update('{"seq": 1, "line": 0, "text": "x", "committed": 1}')
