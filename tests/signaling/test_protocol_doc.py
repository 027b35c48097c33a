"""docs/protocol.md and the message models must agree: every example parses, every type is there."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from signaling import messages as m

DOC = Path(__file__).resolve().parents[2] / "docs" / "protocol.md"
SCHEMA = DOC.with_name("protocol.schema.json")

PARSERS: dict[str, Callable[[str], object]] = {
    "Kiosk to server": m.parse_from_kiosk,
    "Adviser to server": m.parse_from_adviser,
    "Server to kiosk": m.parse_to_kiosk,
    "Server to adviser": m.parse_to_adviser,
}
TYPES = {
    "Kiosk to server": m.KIOSK_TYPES,
    "Adviser to server": m.ADVISER_TYPES,
    "Server to kiosk": m.TO_KIOSK_TYPES,
    "Server to adviser": m.TO_ADVISER_TYPES,
}


def examples() -> list[tuple[str, str, str]]:
    """(direction, heading, json) for every example under '## Messages'."""
    text = DOC.read_text().split("## Messages", 1)[1].split("\n## ", 1)[0]
    found = []
    for section in re.split(r"^### ", text, flags=re.M)[1:]:
        direction = section.splitlines()[0].strip()
        for heading, body in re.findall(
            r"^#### (.+?)\n```json\n(.+?)\n```", section, flags=re.M | re.S
        ):
            found.append((direction, heading.strip(), body))
    return found


def documented_types(direction: str) -> set[str]:
    """Types with their own example, plus those named in the 'as for kiosks' sentence."""
    text = DOC.read_text().split("## Messages", 1)[1]
    section = text.split(f"### {direction}\n", 1)[1].split("\n### ", 1)[0]
    own = {h.split()[0] for h in re.findall(r"^#### (.+)$", section, flags=re.M)}
    intro = section.split("####", 1)[0]
    return own | set(re.findall(r"`([a-z_]+)`", intro))


@pytest.mark.parametrize(("direction", "heading", "body"), examples(), ids=lambda x: str(x)[:30])
def test_every_example_parses_with_its_model(direction: str, heading: str, body: str) -> None:
    parsed: Any = PARSERS[direction](body)
    assert parsed.type == heading.split()[0]
    # And survives a round trip through serialize.
    assert PARSERS[direction](m.serialize(parsed)) == parsed


@pytest.mark.parametrize("direction", sorted(PARSERS))
def test_every_message_type_is_documented(direction: str) -> None:
    assert TYPES[direction] <= documented_types(direction), TYPES[direction] - documented_types(
        direction
    )


def test_committed_schema_is_generated_from_the_models() -> None:
    assert json.loads(SCHEMA.read_text()) == m.json_schema(), (
        "run: kiosklink schema > docs/protocol.schema.json"
    )
