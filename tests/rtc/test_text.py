"""Real-time text: drafts, corrections and commits, applied in order and never corrupted."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from rtc.text import MAX_LINE, RttBuffer, RttSender, RttUpdate, decode, encode
from signaling.errors import MalformedMessage


def _type(sender: RttSender, buffer: RttBuffer, text: str) -> None:
    for end in range(1, len(text) + 1):
        update = sender.update(text[:end])
        assert update is not None
        buffer.receive(decode(encode(update)))


def test_text_appears_character_by_character_with_corrections() -> None:
    sender, buffer = RttSender(), RttBuffer()
    _type(sender, buffer, "Helo")
    assert buffer.draft == "Helo"
    backspace = sender.update("Hel")
    assert backspace is not None
    buffer.receive(backspace)
    assert buffer.draft == "Hel"
    _type(sender, buffer, "Hello")
    buffer.receive(sender.commit("Hello"))
    assert (buffer.lines, buffer.draft) == (["Hello"], "")
    _type(sender, buffer, "ٱلسلام")
    assert buffer.text == "Hello\nٱلسلام"


def test_an_unchanged_draft_sends_nothing() -> None:
    sender = RttSender()
    assert sender.update("a") is not None
    assert sender.update("a") is None


def test_a_stale_draft_is_ignored() -> None:
    buffer = RttBuffer()
    assert buffer.receive(RttUpdate(seq=2, line=0, text="ab", committed=False))
    assert not buffer.receive(RttUpdate(seq=1, line=0, text="a", committed=False))
    assert buffer.draft == "ab"


def test_a_lost_commit_keeps_the_last_draft_of_that_line() -> None:
    buffer = RttBuffer()
    buffer.receive(RttUpdate(seq=1, line=0, text="first", committed=False))
    buffer.receive(RttUpdate(seq=3, line=1, text="second", committed=True))
    assert buffer.lines == ["first", "second"]


@given(
    lines=st.lists(st.text(max_size=20), min_size=1, max_size=6),
    drops=st.lists(st.booleans(), max_size=200),
)
def test_every_committed_line_arrives_whatever_drafts_are_lost(
    lines: list[str], drops: list[bool]
) -> None:
    sender, buffer = RttSender(), RttBuffer()
    dropped = iter(drops)
    for line in lines:
        for end in range(len(line) + 1):
            update = sender.update(line[:end])
            if update is not None and not next(dropped, False):
                buffer.receive(update)
        buffer.receive(sender.commit(line))
    assert buffer.lines == lines
    assert buffer.draft == ""


def test_an_overlong_line_is_cut_by_the_sender() -> None:
    update = RttSender().update("x" * (MAX_LINE + 10))
    assert update is not None and len(update.text) == MAX_LINE


@pytest.mark.parametrize(
    "data",
    [
        "not json",
        "[]",
        '{"seq": -1, "line": 0, "text": "", "committed": false}',
        '{"seq": 1, "line": 0, "text": 5, "committed": false}',
        '{"seq": 1, "line": 0, "text": "", "committed": "yes"}',
        '{"seq": true, "line": 0, "text": "", "committed": false}',
        '{"seq": 1, "line": 0, "text": "' + "x" * (MAX_LINE + 1) + '", "committed": false}',
    ],
)
def test_bad_updates_are_protocol_errors(data: str) -> None:
    with pytest.raises(MalformedMessage):
        decode(data)
