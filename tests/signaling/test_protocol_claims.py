"""docs/protocol.md on tokens, fields, codecs, text and close codes says what the code does.

test_protocol_doc.py checks the message examples; this file checks the prose a client author
relies on, so a change in the code that the document does not follow fails here.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import get_args

import pytest
from aiortc.codecs import CODECS

from rtc import text as rtt
from signaling import auth, errors
from signaling import messages as m
from signaling.answer_routes import AUDIO_CACHING, BUNDLE_CACHING, BUNDLE_PATH
from signaling.switchboard import ANSWERS_WATCH_S, fresh_ids

DOC = (Path(__file__).resolve().parents[2] / "docs" / "protocol.md").read_text()
HELLO = {"type": "hello", "protocol": 1, "token": "t"}


def section(title: str) -> str:
    return DOC.split(f"\n## {title}\n", 1)[1].split("\n## ", 1)[0]


def test_tokens_and_ids_have_the_documented_shapes() -> None:
    url_safe = re.compile(r"[A-Za-z0-9_-]+")
    for _ in range(50):  # random: a shape that holds 50 times in a row is the shape
        assert url_safe.fullmatch(auth.new_token()) and len(auth.new_token()) == 43
        call_id, resume_token = fresh_ids()
        assert re.fullmatch(r"[0-9a-f]{16}", call_id)
        assert url_safe.fullmatch(resume_token) and len(resume_token) == 32
        assert re.fullmatch(r"k_[0-9a-f]{12}", auth.new_id("k"))
    example = section("Tokens and identifiers").split("such as\n`", 1)[1].split("`")[0]
    assert url_safe.fullmatch(example) and len(example) == 43


def test_extra_fields_are_refused_with_the_documented_message() -> None:
    with pytest.raises(errors.MalformedMessage) as refused:
        m.parse_from_kiosk(json.dumps({**HELLO, "client": "x"}))
    assert refused.value.detail == "hello: client: Extra inputs are not permitted"
    assert refused.value.detail in section("Fields").replace("\n  ", " ")


@pytest.mark.parametrize(
    ("app_version", "accepted"),
    [("0.1.0", True), ("2.3.1-rc.2", True), ("1.0 (build 7)", False), ("1.0+7", False)],
)
def test_app_version_pattern(app_version: str, accepted: bool) -> None:
    assert f"`{app_version}`" in section("Fields")
    hello = json.dumps({**HELLO, "app_version": app_version})
    if accepted:
        assert m.parse_from_kiosk(hello) == m.Hello(protocol=1, token="t", app_version=app_version)
    else:
        with pytest.raises(errors.MalformedMessage):
            m.parse_from_kiosk(hello)


def test_codec_table_is_what_aiortc_offers() -> None:
    table = section("Codecs")
    audio = [c.mimeType.split("/")[1] for c in CODECS["audio"]]
    video = [c.mimeType.split("/")[1] for c in CODECS["video"] if c.mimeType != "video/rtx"]
    assert audio == ["opus", "G722", "PCMU", "PCMA"]
    assert "| audio | Opus 48 kHz stereo, G.722, PCMU, PCMA |" in table
    assert video == ["VP8", "H264", "H264"]
    profiles = [
        str(c.parameters["profile-level-id"]) for c in CODECS["video"] if "H264" in c.mimeType
    ]
    assert profiles == ["42001f", "42e01f"] and all(p in table for p in profiles)
    feedback = {
        f"{fb.type} {fb.parameter or ''}".strip() for c in CODECS["video"] for fb in c.rtcpFeedback
    }
    assert feedback == {"nack", "nack pli", "goog-remb"}
    assert all(f"`{kind}`" in table for kind in feedback)


def test_the_text_channel_example_is_a_valid_update() -> None:
    text = section("Real-time text")
    assert f"labelled `{rtt.CHANNEL_LABEL}`" in text
    example = text.split("UTF-8:\n  `", 1)[1].split("`", 1)[0]
    update = rtt.decode(example)
    assert update == rtt.RttUpdate(seq=7, line=2, text="Hej, jag behöver", committed=False)
    assert f"at most {rtt.MAX_LINE} characters" in text
    assert f"newest {rtt.MAX_LINES} lines" in text


def test_every_close_code_is_in_the_table() -> None:
    table = section("Errors")
    codes = {
        value
        for name, value in vars(errors).items()
        if name.startswith("CLOSE_") and name != "CLOSE_NORMAL"
    }
    assert codes and all(f"\n| {code} |" in table for code in codes), codes


def test_the_common_questions_section_says_what_the_server_does() -> None:
    text = section("Common questions").replace("\n  ", " ")
    assert f"(every {ANSWERS_WATCH_S:g} s)" in text
    assert f"`GET {BUNDLE_PATH}`" in text
    assert f"`Cache-Control: {BUNDLE_CACHING}`" in text
    assert f"`Cache-Control: {AUDIO_CACHING}`" in text
    kinds = get_args(m.AnswerEventKind)
    assert all(f"`{kind}`" in text for kind in kinds), kinds
