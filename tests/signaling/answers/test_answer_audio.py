"""signaling.answers.audio: a recording's type comes from its bytes, never from its name."""

from __future__ import annotations

import hashlib
from collections.abc import Callable

import pytest

from signaling.answers.audio import MAX_AUDIO_BYTES, audio_type, check_recording
from signaling.answers.validation import InvalidAnswer
from tests.signaling.answers.recordings import mp3_bytes, ogg_bytes, wav_bytes


@pytest.mark.parametrize(
    ("make", "mime"),
    [(ogg_bytes, "audio/ogg"), (mp3_bytes, "audio/mpeg"), (wav_bytes, "audio/wav")],
)
def test_real_recordings_are_recognised(make: Callable[[], bytes], mime: str) -> None:
    data = make()
    recording = check_recording(data)
    assert recording.mime == mime
    assert recording.sha256 == hashlib.sha256(data).hexdigest()
    assert recording.size == len(data)


def test_an_mp3_without_tags_is_recognised_by_its_frame_header() -> None:
    data = mp3_bytes()
    assert data.startswith(b"ID3")
    # ID3v2: 10-byte header whose last four bytes hold the tag's size, 7 bits each.
    size = sum(b << (7 * (3 - i)) for i, b in enumerate(data[6:10]))
    bare = data[10 + size :]
    assert audio_type(bare) == "audio/mpeg"


@pytest.mark.parametrize(
    "data",
    [
        b"<html><script>alert(1)</script></html>",
        b"%PDF-1.7 not audio",
        b"\x89PNG\r\n\x1a\n",
        b"RIFF\x00\x00\x00\x00AVI ",  # a RIFF file, but a video
        b"\xff\xe0",  # frame sync with the reserved layer
    ],
)
def test_other_files_are_refused(data: bytes) -> None:
    with pytest.raises(InvalidAnswer, match="not Ogg, MP3 or WAV"):
        check_recording(data)


def test_empty_and_oversized_recordings_are_refused() -> None:
    with pytest.raises(InvalidAnswer, match="empty"):
        check_recording(b"")
    too_big = b"OggS" + bytes(MAX_AUDIO_BYTES - 3)
    with pytest.raises(InvalidAnswer, match=f"at most {MAX_AUDIO_BYTES}"):
        check_recording(too_big)
    assert check_recording(too_big[:-1]).size == MAX_AUDIO_BYTES
